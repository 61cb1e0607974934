#!/usr/bin/env python3
"""Draws the random candidate story pairs of eval/src/test/resources/threads/random-pairs.tsv from a store whose thread
profiles are built (./parallax threads), and prints each pair's headlines, dates and leads for labelling.

Candidates: two dated, profiled stories A and B, A beginning first (then by id), B beginning at most GAP_DAYS after A's
last article, sharing at least one headline subject. Two strata, drawn with random.Random(SEED) in this order:
U = UNIFORM pairs uniformly from all candidates; S = SHARED pairs uniformly from the candidates sharing two or more
subjects that U did not draw. Usage: thread-random-pairs.py DB_FILE OUT_TSV OUT_READING"""
import json, random, sqlite3, sys
from datetime import datetime, timedelta

GAP_DAYS, SEED, UNIFORM, SHARED = 14, 14, 120, 80

db, out_tsv, out_read = sys.argv[1:4]
c = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
rows = []
for sid, first, last, profile in c.execute('SELECT story_id, first_seen, last_seen, profile FROM thread_profiles'):
    p = json.loads(profile)
    rows.append((datetime.fromisoformat(first.replace('Z', '+00:00')), sid, datetime.fromisoformat(last.replace('Z', '+00:00')),
                 set(p['subjects']), p['title'], p['sourceCount']))
rows.sort()
gap = timedelta(days=GAP_DAYS)
cands, shared2 = [], []
for i, (fa, ia, la, sa, _, _) in enumerate(rows):
    for j in range(i + 1, len(rows)):
        fb, ib, lb, sb, _, _ = rows[j]
        if fb - la > gap and fb - fa > timedelta(days=400):
            break
        if fb - la > gap:
            continue
        n = len(sa & sb)
        if n >= 1:
            cands.append((ia, ib))
            if n >= 2:
                shared2.append((ia, ib))
rng = random.Random(SEED)
u = rng.sample(sorted(cands), UNIFORM)
rest = sorted(set(shared2) - set(u))
s = rng.sample(rest, SHARED)
print(f'{len(rows)} profiled stories, {len(cands)} candidate pairs, {len(shared2)} sharing 2+ subjects', file=sys.stderr)
info = {r[1]: r for r in rows}

def lead(sid):
    out = []
    q = ('SELECT a.outlet, a.title, substr(a.body, 1, 300) FROM story_articles sa JOIN articles a ON a.id = sa.article_id'
         ' WHERE sa.story_id = ? ORDER BY sa.position LIMIT 2')
    for outlet, title, body in c.execute(q, (sid,)):
        out.append(f'    [{outlet}] {title} :: {" ".join(body.split())}')
    return '\n'.join(out)

with open(out_tsv, 'w') as t, open(out_read, 'w') as r:
    for k, (stratum, (a, b)) in enumerate([('U', p) for p in u] + [('S', p) for p in s]):
        A, B = info[a], info[b]
        t.write(f'{a}\t{b}\t?\t{stratum}{k:03d} {A[0].date()} {A[4][:60]} / {B[0].date()} {B[4][:60]}\n')
        r.write(f'#{k:03d} {stratum} shared={sorted(A[3] & B[3])}\n A {a} {A[0].date()}..{A[2].date()} ({A[5]} src) {A[4]}\n{lead(a)}\n'
                f' B {b} {B[0].date()}..{B[2].date()} ({B[5]} src) {B[4]}\n{lead(b)}\n\n')
