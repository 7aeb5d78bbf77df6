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

# A throwaway PostgreSQL cluster (GATEHOUSE_TEST_PG_URL), stopped and removed on exit.
source scripts/throwaway-pg.sh

node scripts/generate-shapes.mjs --check
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
node --import tsx --test --test-concurrency=2 --test-timeout=600000 "${files[@]}"
