#!/usr/bin/env bash
# The soak of issue 15 on a throwaway PostgreSQL: starts one (scripts/pg-test-server.sh, fsync off), runs
# `./parallax bench-soak CORPUS --db URL [options]`, stops and deletes it. Options go to bench-soak as they are.
#
#   scripts/soak.sh ../shared/data/articles/allsides-articles.jsonl.gz --articles 4000 --per-minute 600 --out /tmp/soak
#
# One soak at a time on a shared machine: it runs eight JVMs (three crawlers, two clusterers, two web nodes, the
# harness) and a PostgreSQL server.
#
# SOAK_CLASSPATH=CP runs the harness (and so every role JVM, which takes the harness's class path) from CP instead of
# ./parallax: point it at a copy of app/target/parallax.jar, app/target/lib/*, eval/target/parallax-eval.jar and
# eval/target/lib/*, so that builds in the worktree during the soak cannot change the jar under running JVMs.
# SOAK_HARNESS_HEAP sets the harness's -Xmx (default 1g). SOAK_PG_PORT=PORT runs the PostgreSQL server on that port
# (default: a free one from 15432), for a machine whose users each keep to their own ports.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 CORPUS [bench-soak options]" >&2; exit 2; }
state=$(mktemp -d /tmp/parallax-soak-pg.XXXXXX)
trap '"$ROOT/scripts/pg-test-server.sh" stop "$state"' EXIT
url=$("$ROOT/scripts/pg-test-server.sh" start "$state" ${SOAK_PG_PORT:+"$SOAK_PG_PORT"} --fast --owner $$)
if [ -n "${SOAK_CLASSPATH:-}" ]; then
  source "$ROOT/scripts/toolchain.sh"
  "$(find_java)" --enable-native-access=ALL-UNNAMED "-Xmx${SOAK_HARNESS_HEAP:-1g}" -cp "$SOAK_CLASSPATH" news.parallax.cli.Main \
      bench-soak "$@" --db "$url"
else
  "$ROOT/parallax" bench-soak "$@" --db "$url"
fi
