#!/usr/bin/env python3
"""Scores a topics build against the labelled sample (eval/src/test/resources/topics/sample-100.tsv), per part.

usage: python3 scripts/topic-sample-score.py DB [SAMPLE.tsv] [--rows]

SAMPLE.tsv defaults to sample-100.tsv; sample-s9-60.tsv (session 9) is all untouched, sealed: score it once.

Each sampled topic is looked up by its slug (following topic_redirects), else by its name among a topic's
spellings for a real one (a fresh build writes no redirects; a noise topic absorbed as a spelling is dropped). Counts, per part:
  noise kept      sampled topics labelled noise (or ambiguous, conflated) still listed
  real lost       real topics no longer listed
  wrong kind      real topics listed with another kind than the right one
  split           real topics still listed apart from a topic the label names as the same entity
"""
import json
import sqlite3
import sys
from collections import defaultdict


def resolve(con, slug):
    seen = set()
    while slug not in seen:
        seen.add(slug)
        row = con.execute("SELECT kind FROM topics WHERE slug = ?", (slug,)).fetchone()
        if row:
            return slug, row[0]
        r = con.execute("SELECT to_slug FROM topic_redirects WHERE from_slug = ?", (slug,)).fetchone()
        if not r:
            return None, None
        slug = r[0]
    return None, None


def by_spelling(con, name):
    """A topic listing NAME among its spellings: where a sampled topic went when its slug did not survive a fresh
    build (a build from scratch writes no redirects)."""
    for slug, variants in con.execute("SELECT slug, variants FROM topics WHERE variants LIKE ?", ("%" + name + "%",)):
        if name in json.loads(variants):
            return slug
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    db = args[0]
    sample = args[1] if len(args) > 1 else "eval/src/test/resources/topics/sample-100.tsv"
    con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    total = con.execute("SELECT COUNT(*) FROM topics").fetchone()[0]
    counts = defaultdict(lambda: defaultdict(int))
    for line in open(sample, encoding="utf-8"):
        if line.startswith("#") or line.startswith("slug\t"):
            continue
        slug, name, kind, stories, part, verdict, kind_check, variant_check, note = line.rstrip("\n").split("\t")
        now, now_kind = resolve(con, slug)
        if not now and verdict == "real":
            now = by_spelling(con, name)
            if now:
                now_kind = con.execute("SELECT kind FROM topics WHERE slug = ?", (now,)).fetchone()[0]
        c = counts[part]
        c["topics"] += 1
        status = ""
        if verdict != "real":
            c["not real"] += 1
            if now:
                c["noise kept"] += 1
                status = "KEPT " + verdict
            else:
                status = "dropped (" + verdict + ")"
        else:
            c["real"] += 1
            if not now:
                c["real lost"] += 1
                status = "LOST"
            else:
                right = kind_check.split(":", 1)[1] if kind_check.startswith("wrong:") else kind
                if now_kind != right:
                    c["wrong kind"] += 1
                    status += " KIND " + now_kind + " (right: " + right + ")"
                if variant_check.startswith("split:"):
                    others = [resolve(con, s)[0] for s in variant_check.split(":", 1)[1].split(",")]
                    if any(o is not None and o != now for o in others):
                        c["split"] += 1
                        status += " SPLIT"
        if "--rows" in sys.argv:
            print(f"{part[0]} {slug:45} {verdict:9} {now or '-':40} {status}")
    print(f"{db}: {total} topics")
    for part in ("tuning", "untouched"):
        c = counts[part]
        if not c["topics"]:
            continue
        print(f"{part}: {c['topics']} sampled; not real kept {c['noise kept']}/{c['not real']}; "
              f"real lost {c['real lost']}/{c['real']}; wrong kind {c['wrong kind']}/{c['real'] - c['real lost']}; "
              f"split {c['split']}/{c['real'] - c['real lost']}")


if __name__ == "__main__":
    main()
