#!/usr/bin/env python3
"""Draws the fixed random sample of topics labelled in eval/src/test/resources/topics/ (issue 14).

usage: python3 scripts/topic-sample.py DB OUT.tsv [N]

DB is a SQLite store whose topics are built (./parallax topics --rebuild). The sample is the N (default 100)
topics whose SHA-256 of "topics-v14|" + slug is lowest; the part is the parity of that hash's second byte
(even: tuning, odd: untouched). Each row carries a few of the topic's story headlines to label by; the
label columns (verdict, kind_check, variant_check, note) are left empty.
"""
import hashlib
import sqlite3
import sys


def digest(slug):
    return hashlib.sha256(("topics-v14|" + slug).encode("utf-8")).digest()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    db, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    rows = con.execute("SELECT slug, name, kind, story_count, variants FROM topics").fetchall()
    if not rows:
        sys.exit(db + ": no topics; build them first with ./parallax topics --rebuild")
    rows.sort(key=lambda r: digest(r[0]))
    with open(out, "w", encoding="utf-8") as f:
        f.write("slug\tname\tkind\tstories\tpart\tverdict\tkind_check\tvariant_check\tnote\n")
        for slug, name, kind, count, variants in rows[:n]:
            part = "tuning" if digest(slug)[1] % 2 == 0 else "untouched"
            heads = con.execute("SELECT s.title FROM story_topics t JOIN stories s ON s.id = t.story_id"
                                " WHERE t.slug = ? ORDER BY s.id LIMIT 3", (slug,)).fetchall()
            note = " | ".join(h[0] for h in heads).replace("\t", " ")
            f.write(f"{slug}\t{name}\t{kind}\t{count}\t{part}\t\t\t\t{variants} :: {note}\n")


if __name__ == "__main__":
    main()
