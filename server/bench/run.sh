#!/usr/bin/env bash
# `npm run bench:service` (and `bench:background`): a throwaway PostgreSQL cluster (as CI starts it),
# then the benchmark script named as the argument (server/bench/run.ts without one).
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/postgres.sh
PG_SKIPPED=""
[ -n "${TEST_DATABASE_URL:-}" ] || { pg_start; trap pg_stop EXIT; }
[ -n "$PG_SKIPPED" ] && echo "Note: $PG_SKIPPED."
node --import tsx "${1:-server/bench/run.ts}"
