#!/usr/bin/env bash
# The whole test suite, on SQLite and on a throwaway PostgreSQL cluster that this script starts.
# Installs what the tests need and a fresh machine lacks: Debian's postgresql and awscli (v2).
# With arguments, runs only those test files (e.g. `npm test -- test/e2e/userpools/auth/sign-in.test.ts`).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/aws ] || missing+=(awscli)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -d node_modules ] || npm ci
npm run --silent build
npx tsc -p tsconfig.json

# A throwaway PostgreSQL cluster on a free port, owned by the postgres user when run as root.
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdir=$(mktemp -d /tmp/gatehouse-pg.XXXXXX)
pgport=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
# An ICU locale (en-US, whose order is not bytewise), so that the queries that rely on `collate "C"` are
# tested against a collation that would order differently without it; PostgreSQL before 15 has no ICU default.
if run_pg "$pgbin/initdb" -D "$pgdir/data" -U gatehouse --auth=trust -E UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$pgdir/initdb.log" 2>&1; then
  export GATEHOUSE_TEST_PG_COLLATION=icu
else
  echo "WARNING: initdb has no ICU locale provider here ($(cat "$pgdir/initdb.log" | tail -n 1)); the PostgreSQL cluster uses libc en_US/C ordering, so collate \"C\" is NOT tested" >&2
  rm -rf "$pgdir/data"
  run_pg "$pgbin/initdb" -D "$pgdir/data" -U gatehouse --auth=trust -E UTF8 >/dev/null
  export GATEHOUSE_TEST_PG_COLLATION=libc
fi
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" start >/dev/null
trap 'run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
export GATEHOUSE_TEST_PG_URL="postgres://gatehouse@127.0.0.1:$pgport/postgres"

node scripts/generate-shapes.mjs --check
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
# Under `npm run coverage` (scripts/coverage.mjs), only the test processes and the servers they start
# write V8 coverage, not the build and tools above.
coverage=(); [ -n "${GATEHOUSE_COVERAGE_DIR:-}" ] && coverage=(env "NODE_V8_COVERAGE=$GATEHOUSE_COVERAGE_DIR")
"${coverage[@]}" node --import tsx --test --test-concurrency=2 --test-timeout=600000 "${files[@]}"
