# Sourced by scripts/test.sh and scripts/fuzz.sh: starts a throwaway PostgreSQL cluster on a free port,
# exports GATEHOUSE_TEST_PG_URL (and GATEHOUSE_TEST_PG_COLLATION), and stops and removes it on exit.
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
