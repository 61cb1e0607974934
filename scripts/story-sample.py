#!/usr/bin/env python3
"""Dumps stories of a Parallax SQLite store for judging by hand whether each is one event
(eval/src/test/resources/cluster/coherence/README.md): the N largest by article count and a seeded
random draw of N stories with at least MIN articles. The draw is over story ids sorted, so the
same seed on the same store gives the same stories.

usage: scripts/story-sample.py DB [--largest 40] [--random 40] [--min 10] [--seed 9] [--ids-only]
"""
import argparse, random, sqlite3, sys

p = argparse.ArgumentParser()
p.add_argument("db")
p.add_argument("--largest", type=int, default=40)
p.add_argument("--random", type=int, default=40)
p.add_argument("--min", type=int, default=10)
p.add_argument("--seed", type=int, default=9)
p.add_argument("--ids-only", action="store_true")
a = p.parse_args()
con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
largest = [r[0] for r in con.execute("select id from stories order by article_count desc, id limit ?", (a.largest,))]
pool = sorted(r[0] for r in con.execute("select id from stories where article_count >= ? ", (a.min,)) if r[0] not in set(largest))
drawn = sorted(random.Random(a.seed).sample(pool, min(a.random, len(pool))))
print(f"# store {a.db}: {len(pool) + len(largest)} stories with >= {a.min} articles; seed {a.seed}")
for part, ids in (("L", largest), ("R", drawn)):
    for i, sid in enumerate(ids, 1):
        title, n, src, f, l = con.execute("select title, article_count, source_count, first_seen, last_seen from stories where id=?", (sid,)).fetchone()
        print(f"\n## {part}{i:02d} {sid} | {n} articles, {src} sources, {(f or 'undated')[:10]}..{(l or 'undated')[:10]} | {title}")
        if a.ids_only: continue
        rows = con.execute("select substr(a.published,1,10), a.outlet, a.title, sa.copy_of is not null from story_articles sa "
                           "join articles a on a.id = sa.article_id where sa.story_id=? order by a.published, a.id", (sid,))
        for d, o, t, c in rows:
            d = d or "undated   "
            print(f"{d} {'(copy) ' if c else ''}{o[:18]:18} {t[:110]}")
