#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS cluster on loopback, for tests that read from PostGIS.
#   postgis-sandbox.sh start DIR PORT   # creates DIR, starts the server, creates database "survey"
#   postgis-sandbox.sh stop DIR         # stops the server and removes DIR
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "postgis-sandbox: PostgreSQL server binaries not found (scripts/setup.sh installs them)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:?start or stop}
dir=${2:?data folder}
case "$command" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start </dev/null >/dev/null 2>&1 \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres survey
    as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d survey -c "CREATE EXTENSION postgis" >/dev/null
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
