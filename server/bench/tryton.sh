#!/usr/bin/env bash
# `npm run bench:tryton`: a throwaway Tryton (as CI starts it; or the one TRYTON_URL names), then
# server/bench/tryton.ts.
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/tryton.sh
TRYTON_SKIPPED="" TRYTON_FAILED=""
if [ -z "${TRYTON_URL:-}" ]; then
  tryton_start
  trap tryton_stop EXIT
fi
[ -n "$TRYTON_SKIPPED$TRYTON_FAILED" ] && { echo "No Tryton: $TRYTON_SKIPPED$TRYTON_FAILED"; exit 1; }
node --import tsx server/bench/tryton.ts
