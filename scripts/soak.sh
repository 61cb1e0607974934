#!/usr/bin/env bash
# The soak of issue 15 on a throwaway PostgreSQL: starts one (scripts/pg-test-server.sh, fsync off), runs
# `./parallax bench-soak CORPUS --db URL [options]`, stops and deletes it. Options go to bench-soak as they are.
#
#   scripts/soak.sh ../shared/data/articles/allsides-articles.jsonl.gz --articles 4000 --per-minute 600 --out /tmp/soak
#
# One soak at a time on a shared machine: it runs eight JVMs (three crawlers, two clusterers, two web nodes, the
# harness) and a PostgreSQL server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 CORPUS [bench-soak options]" >&2; exit 2; }
state=$(mktemp -d /tmp/parallax-soak-pg.XXXXXX)
trap '"$ROOT/scripts/pg-test-server.sh" stop "$state"' EXIT
url=$("$ROOT/scripts/pg-test-server.sh" start "$state" --fast --owner $$)
"$ROOT/parallax" bench-soak "$@" --db "$url"
