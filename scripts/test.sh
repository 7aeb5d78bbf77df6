#!/usr/bin/env bash
# The whole test suite, on SQLite and on a throwaway PostgreSQL cluster that this script starts.
# Installs what the tests need and a fresh machine lacks: Debian's postgresql, awscli (v2) and
# python3-boto3 (for /usr/bin/python3, when no candidate interpreter has boto3; PyPI may be out of reach).
# With arguments, runs only those test files (e.g. `npm test -- test/e2e/userpools/auth/sign-in.test.ts`).
# `--node <version or major>` first (e.g. `npm test -- --node 22`, `--node 24.22.3`) runs them on that
# official Node release instead of the machine's, servers included (they are spawned with the test
# process's own binary), from a copy of the project made by scripts/other-node.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

node_spec=""
case "${1:-}" in
  --node) node_spec=${2:?--node needs a version or a major, e.g. --node 22}; shift 2 ;;
  --node=*) node_spec=${1#--node=}; shift ;;
esac

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/aws ] || missing+=(awscli)
# The interpreters test/support/boto3.ts tries, in its order: GATEHOUSE_TEST_PYTHON alone when set.
read -r -a pythons <<<"${GATEHOUSE_TEST_PYTHON:-python3 /usr/bin/python3}"
has_boto3() {
  local python
  for python in "${pythons[@]}"; do env -i PATH="$PATH" HOME="$HOME" "$python" -c 'import boto3' >/dev/null 2>&1 && return 0; done
  return 1
}
has_boto3 || missing+=(python3-boto3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! has_boto3; then
  echo "no interpreter among ${pythons[*]} imports boto3, even after installing python3-boto3 (it serves /usr/bin/python3)" >&2
  exit 1
fi
[ -d node_modules ] || npm ci
npm run --silent build
npx tsc -p tsconfig.json

# A throwaway PostgreSQL cluster (GATEHOUSE_TEST_PG_URL), stopped and removed on exit.
source scripts/throwaway-pg.sh

node scripts/generate-shapes.mjs --check
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi

# Another Node: the copy (with its own build of the native addons) is where the tests run, and that
# Node comes first on PATH. Building and type-checking above are the same whatever Node runs them.
node_bin=node
if [ -n "$node_spec" ]; then
  copy=$(bash scripts/other-node.sh "$node_spec" | tail -n 1)
  node_bin="$(dirname "$copy")/bin/node"
  export PATH="$(dirname "$node_bin"):$PATH"
  root=$PWD
  cd "$copy"
  for i in "${!files[@]}"; do files[$i]=${files[$i]#"$root/"}; done
  echo "running the tests on node $("$node_bin" -v) in $copy"
fi

# As many test files at once as the machine has cores. A test that hangs fails after a minute
# (test/support/per-test-timeout.ts; the slowest take seconds); --test-timeout bounds a whole file.
# Files named *.timing.test.ts measure response times: they run after the others, one at a time.
concurrency=$(node -p 'require("node:os").availableParallelism()')
# Under `npm run coverage` (scripts/coverage.mjs), only the test processes and the servers they start
# write V8 coverage, not the build and tools above.
coverage=(); [ -n "${GATEHOUSE_COVERAGE_DIR:-}" ] && coverage=(env "NODE_V8_COVERAGE=$GATEHOUSE_COVERAGE_DIR")
run_tests() { "${coverage[@]}" "$node_bin" --import tsx --import ./test/support/per-test-timeout.ts --test --test-timeout=600000 "$@"; }
timing=(); others=()
for f in "${files[@]}"; do if [[ $f == *.timing.test.ts ]]; then timing+=("$f"); else others+=("$f"); fi; done
status=0
[ ${#others[@]} -eq 0 ] || run_tests --test-concurrency="$concurrency" "${others[@]}" || status=$?
[ ${#timing[@]} -eq 0 ] || run_tests --test-concurrency=1 "${timing[@]}" || status=$?
exit $status
