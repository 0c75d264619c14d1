#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: Debian's server (installed with apt-get where missing),
# in a temp folder, on a free loopback port. `source .ci/postgres.sh start` exports TEST_DATABASE_URL;
# `pg_stop` stops it and removes the folder.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_start() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's postgresql with apt-get…"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1; }
    fi
  fi
  local bin; bin=$(pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    PG_SKIPPED="PostgreSQL is not installed and apt-get is not usable: the PostgreSQL target was skipped"
    return 0
  fi
  PG_DIR=$(mktemp -d /tmp/erp-pg-XXXXXX)
  PG_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; run=(su postgres -c); else run=(bash -c); fi
  "${run[@]}" "$bin/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" || { PG_SKIPPED="initdb failed"; return 0; }
  "${run[@]}" "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off' -w start >/dev/null" \
    || { PG_SKIPPED="the PostgreSQL server did not start"; return 0; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests at 127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin; bin=$(pg_bin)
  if [ "$(id -u)" = 0 ]; then su postgres -c "$bin/pg_ctl -D $PG_DIR/data -m fast -w stop >/dev/null"; else "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null; fi
  rm -rf "$PG_DIR"
}
