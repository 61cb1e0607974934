#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for tests and benchmarks, from the installed Debian binaries.
#
#   scripts/pg-test-server.sh start STATE_DIR [PORT] [--fast] [--owner PID]   prints the JDBC URL of database "parallax"
#   scripts/pg-test-server.sh stop STATE_DIR                     stops the server and deletes its files
#   scripts/pg-test-server.sh halt STATE_DIR                     stops the server, keeping its files (an outage)
#   scripts/pg-test-server.sh resume STATE_DIR                   starts a halted server again, same port and data
#
# STATE_DIR keeps the URL and where the cluster lives. The cluster is STATE_DIR/cluster, except as root:
# initdb refuses to run as root, so the server runs as the "postgres" user from a directory under /tmp
# that this user owns. PORT defaults to a free one from 15432. --fast turns fsync off (tests only: a crash
# may lose the cluster, which is thrown away anyway). --owner PID stops the server once that process is gone,
# so a test JVM that is killed leaves no server behind. PG_BIN=DIR picks the binaries (default: the newest
# /usr/lib/postgresql/*/bin). Exit status 3: no PostgreSQL binaries installed.
set -euo pipefail

usage() { echo "usage: $0 start STATE_DIR [PORT] [--fast] [--owner PID] | stop|halt|resume STATE_DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1 state=$2; shift 2

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then   # an explicit choice: no fallback
    [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && echo "$PG_BIN"
    return
  fi
  local best="" d
  for d in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do   # Debian / RPM layouts; the last (newest) wins
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best=$d
  done
  if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    best=$(pg_config --bindir)
  fi
  [ -n "$best" ] && echo "$best"
}

# Runs a PostgreSQL binary as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  port="" fast=0 owner=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --fast) fast=1 ;;
      --owner) [ $# -ge 2 ] || usage; owner=$2; shift ;;
      *[!0-9]*) usage ;;
      *) port=$1 ;;
    esac
    shift
  done
  bin=$(find_bin) || { echo "no PostgreSQL binaries (initdb, pg_ctl) found${PG_BIN:+ in $PG_BIN}; install the postgresql package" >&2; exit 3; }
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null || { echo "running as root and there is no postgres user to run the server as" >&2; exit 3; }
    home=$(mktemp -d /tmp/parallax-pg.XXXXXX)
    chown postgres "$home"
  else
    home="$state/cluster"
    rm -rf "$home" && mkdir -p "$home"
  fi
  echo "$home" > "$state/home"
  if [ -z "$port" ]; then
    port=15432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  fi
  password=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" > "$home/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres "$home/pw"
  as_owner "$bin/initdb" -D "$home/data" -U parallax --pwfile="$home/pw" --auth=scram-sha-256 -E UTF8 --locale=C \
    >"$home/initdb.log" 2>&1 || { cat "$home/initdb.log" >&2; exit 1; }
  rm -f "$home/pw"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = ''"   # TCP on loopback only: no socket in /var/run/postgresql needed
    if [ "$fast" -eq 1 ]; then echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"; fi
  } | as_owner tee -a "$home/data/postgresql.conf" >/dev/null
  as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start >/dev/null \
    || { cat "$home/server.log" >&2; exit 1; }
  PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U parallax parallax
  url="jdbc:postgresql://127.0.0.1:$port/parallax?user=parallax&password=$password"
  echo "$bin" > "$state/bin"
  echo "$url" > "$state/url"
  if [ -n "$owner" ]; then   # detached watchdog, with no descriptor of ours left open
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec bash "$2" stop "$3"' _ "$owner" "$0" "$state" \
      </dev/null >/dev/null 2>&1 &
  fi
  echo "$url"
  ;;
stop)
  [ -f "$state/home" ] || exit 0
  home=$(cat "$state/home")
  bin=$(cat "$state/bin" 2>/dev/null || find_bin || true)
  if [ -n "$bin" ] && [ -f "$home/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$home" in /tmp/parallax-pg.*|"$state"/cluster) rm -rf "$home" ;; esac
  rm -f "$state/home" "$state/url" "$state/bin"
  rmdir "$state" 2>/dev/null || true
  ;;
halt|resume)
  # An outage for fault tests (issue 15): "halt" ends every session as a crash or restart of the server does
  # (fast shutdown: clients see their connections closed), "resume" brings the same cluster back.
  [ -f "$state/home" ] || { echo "no server in $state" >&2; exit 1; }
  home=$(cat "$state/home")
  bin=$(cat "$state/bin")
  if [ "$cmd" = halt ]; then
    as_owner "$bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null
  else
    as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start >/dev/null || { cat "$home/server.log" >&2; exit 1; }
  fi
  ;;
*) usage ;;
esac
