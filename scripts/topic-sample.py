#!/usr/bin/env python3
"""Draws a fixed random sample of topics to label (eval/src/test/resources/topics/, issue 14).

usage: python3 scripts/topic-sample.py DB OUT.tsv [N] [--salt TEXT] [--exclude SAMPLE.tsv] [--all-untouched] [--heads K]

DB is a SQLite store whose topics are built (./parallax topics --rebuild). The sample is the N (default 100)
topics whose SHA-256 of SALT + "|" + slug is lowest (SALT default "topics-v14", the session-8 draw of
sample-100.tsv), leaving out the slugs of the --exclude files; the part is the parity of that hash's second
byte (even: tuning, odd: untouched), or untouched for every row with --all-untouched (a sealed sample).
Each row carries K (default 3) of the topic's story headlines to label by; the label columns (verdict,
kind_check, variant_check, note) are left empty.
"""
import hashlib
import sqlite3
import sys


def main():
    argv = sys.argv[1:]
    opts = {"--salt": "topics-v14", "--heads": "3"}
    excludes = []
    flags = set()
    pos = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--salt", "--heads"):
            opts[a] = argv[i + 1]
            i += 2
        elif a == "--exclude":
            excludes.append(argv[i + 1])
            i += 2
        elif a.startswith("--"):
            flags.add(a)
            i += 1
        else:
            pos.append(a)
            i += 1
    if len(pos) < 2:
        sys.exit(__doc__)
    db, out = pos[0], pos[1]
    n = int(pos[2]) if len(pos) > 2 else 100
    salt = opts["--salt"]
    heads_per_topic = int(opts["--heads"])

    def digest(slug):
        return hashlib.sha256((salt + "|" + slug).encode("utf-8")).digest()

    skip = set()
    for path in excludes:
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#") and not line.startswith("slug\t") and line.strip():
                skip.add(line.split("\t", 1)[0])
    con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    rows = con.execute("SELECT slug, name, kind, story_count, variants FROM topics").fetchall()
    if not rows:
        sys.exit(db + ": no topics; build them first with ./parallax topics --rebuild")
    rows = [r for r in rows if r[0] not in skip]
    rows.sort(key=lambda r: digest(r[0]))
    with open(out, "w", encoding="utf-8") as f:
        f.write("slug\tname\tkind\tstories\tpart\tverdict\tkind_check\tvariant_check\tnote\n")
        for slug, name, kind, count, variants in rows[:n]:
            if "--all-untouched" in flags:
                part = "untouched"
            else:
                part = "tuning" if digest(slug)[1] % 2 == 0 else "untouched"
            heads = con.execute("SELECT s.title FROM story_topics t JOIN stories s ON s.id = t.story_id"
                                " WHERE t.slug = ? ORDER BY s.id LIMIT ?", (slug, heads_per_topic)).fetchall()
            note = " | ".join(h[0] for h in heads).replace("\t", " ")
            f.write(f"{slug}\t{name}\t{kind}\t{count}\t{part}\t\t\t\t{variants} :: {note}\n")


if __name__ == "__main__":
    main()
