#!/usr/bin/env bash
# Node.js 24, the current LTS, beside the machine's Node 20: the binary of the registry's
# `node-linux-<arch>` package (the one the registry's `node` package installs), in a temp folder.
# `node24_start` sets NODE24_BIN (a folder to put first in PATH), or NODE24_FAILED saying why not;
# `node24_stop` removes the folder.
node24_start() {
  NODE24_DIR=$(mktemp -d /tmp/erp-node24-XXXXXX)
  local arch; arch=$(node -p 'process.arch')
  if ! (cd "$NODE24_DIR" && npm pack --silent "node-linux-$arch@24" >pack.log 2>&1 && tar xzf node-linux-*.tgz package/bin/node); then
    NODE24_FAILED="npm pack node-linux-$arch@24 failed: $(tail -n 2 "$NODE24_DIR/pack.log")"
    return 0
  fi
  rm -f "$NODE24_DIR"/node-linux-*.tgz
  NODE24_BIN="$NODE24_DIR/package/bin"
  echo "Node.js $("$NODE24_BIN/node" --version) for the second pass"
}

node24_stop() {
  [ -n "${NODE24_DIR:-}" ] && rm -rf "$NODE24_DIR"
  return 0
}
