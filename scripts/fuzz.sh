#!/usr/bin/env bash
# The long fuzz run: `npm run fuzz -- --cases N [--pg] [--seed S] [--width W] [--only Op1,Op2]`.
# Builds, starts its own server (SQLite; PostgreSQL in a throwaway cluster with --pg) and prints a
# summary per operation. Exits non-zero when any case failed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
npm run --silent build
for arg in "$@"; do
  if [ "$arg" = --pg ] && [ -z "${GATEHOUSE_TEST_PG_URL:-}" ]; then source scripts/throwaway-pg.sh; fi
done
node --import tsx test/fuzz/cli.ts "$@"
