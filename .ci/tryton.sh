#!/usr/bin/env bash
# A throwaway Tryton for the tests: Debian's trytond (installed with apt-get where missing), a SQLite
# database in a temp folder, on a free loopback port, seeded through its API. `tryton_start` exports
# TRYTON_URL, TRYTON_DATABASE, TRYTON_USER and TRYTON_PASSWORD; `tryton_stop` stops it and removes
# the folder. Where Tryton cannot be installed, TRYTON_SKIPPED says why; where it was installed but
# did not come up, TRYTON_FAILED (a failure of the run).
TRYTON_PACKAGES="tryton-server tryton-modules-party tryton-modules-party-relationship tryton-modules-company tryton-modules-sale tryton-modules-purchase tryton-modules-project"

tryton_start() {
  if ! command -v trytond >/dev/null || ! command -v trytond-admin >/dev/null || [ ! -d /usr/lib/python3/dist-packages/trytond/modules/party_relationship ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's Tryton with apt-get (2–4 min)…"
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $TRYTON_PACKAGES >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $TRYTON_PACKAGES >/dev/null 2>&1; }
    fi
  fi
  if ! command -v trytond >/dev/null; then
    TRYTON_SKIPPED="Tryton is not installed and apt-get is not usable: the Tryton tests were skipped"
    return 0
  fi
  TRYTON_DIR=$(mktemp -d /tmp/erp-tryton-XXXXXX)
  # The same Tryton on every machine: python3-phonenumbers (a Recommends of tryton-modules-party,
  # absent from the install above) makes Tryton refuse phone numbers it cannot parse, such as the
  # hostile CRM record's, before it checks the VAT number the tests are about. Where it is installed,
  # a module of that name that fails to import hides it from trytond (which then skips the check).
  mkdir -p "$TRYTON_DIR/python/phonenumbers"
  echo 'raise ImportError("hidden from the test Tryton: .ci/tryton.sh")' >"$TRYTON_DIR/python/phonenumbers/__init__.py"
  local pythonpath="$TRYTON_DIR/python${PYTHONPATH:+:$PYTHONPATH}"
  local port; port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  cat >"$TRYTON_DIR/trytond.conf" <<EOF
[database]
uri = sqlite://
path = $TRYTON_DIR
[web]
listen = 127.0.0.1:$port
[session]
timeout = 3600
EOF
  TRYTON_PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
  echo "$TRYTON_PASSWORD" >"$TRYTON_DIR/admin-password"
  touch "$TRYTON_DIR/erp.sqlite"
  if ! PYTHONPATH="$pythonpath" TRYTONPASSFILE="$TRYTON_DIR/admin-password" trytond-admin -c "$TRYTON_DIR/trytond.conf" -d erp --email admin@example.com \
    -u party party_relationship company sale purchase project --activate-dependencies >"$TRYTON_DIR/admin.log" 2>&1; then
    TRYTON_FAILED="trytond-admin could not create the database: $(tail -n 3 "$TRYTON_DIR/admin.log")"
    return 0
  fi
  PYTHONPATH="$pythonpath" trytond -c "$TRYTON_DIR/trytond.conf" -d erp >"$TRYTON_DIR/server.log" 2>&1 &
  TRYTON_PID=$!
  local url="http://127.0.0.1:$port"
  # trytond answers some seconds after it starts.
  node -e '
    const until = Date.now() + 120000;
    const ask = () => fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: 1, method: "common.server.version", params: [] }) })
      .then((r) => r.ok || Promise.reject()).catch(() => (Date.now() < until ? new Promise((r) => setTimeout(r, 500)).then(ask) : process.exit(1)));
    ask();' "$url/" || { TRYTON_FAILED="trytond did not answer: $(tail -n 3 "$TRYTON_DIR/server.log")"; return 0; }
  node --import tsx connectors/tryton/seed.ts "$url" erp admin "$TRYTON_PASSWORD" 300 || { TRYTON_FAILED="seeding Tryton failed"; return 0; }
  export TRYTON_URL="$url" TRYTON_DATABASE=erp TRYTON_USER=admin TRYTON_PASSWORD
  echo "Tryton $(trytond --version 2>/dev/null | awk '{print $2}') for the tests at $url"
}

tryton_stop() {
  [ -n "${TRYTON_PID:-}" ] && kill "$TRYTON_PID" 2>/dev/null && wait "$TRYTON_PID" 2>/dev/null
  [ -n "${TRYTON_DIR:-}" ] && rm -rf "$TRYTON_DIR"
  return 0
}
