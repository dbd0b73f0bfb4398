#!/usr/bin/env python3
"""Cranfield 1400 -> readouts JSON Lines + a query file (docs/ranking-eval.md).

    cranfield_convert.py SRC_DIR DEST_DIR

Reads SRC_DIR/cran.all.1400, cran.qry and cranqrel (LF or CRLF line ends) and writes
DEST_DIR/docs.jsonl (one record per document: id "cran-0001", title from .T, body from .W,
url "https://cranfield.test/doc/1", language "en", no date) and DEST_DIR/queries.json in the
format of tests/realworld/queries.json:

    {"queries": [{"id": "cran-q001", "q": "...", "lang": "en", "split": "dev",
                  "grades": {"cran-0184": 3, ...}}]}

Query numbers: cran.qry numbers its queries .I 001, 002, 004, 008 ... but cranqrel numbers them
1..225 in file order; the ids here are the cranqrel numbers (the .I number is kept as
"cran_i"). Grades: relevance code 1..4 (1 = complete answer) -> gain 5 - code (4, 3, 2, 1);
code -1 (no degree given) -> gain 1, still relevant. A pair judged twice keeps the higher gain.
Split: queries whose number is 0 or 1 modulo 5 are "test" (40%), the others "dev".
Exits 1 with a message when the files do not parse as 1400 documents and 225 queries.
"""
import json
import os
import sys

EXPECT_DOCS = 1400
EXPECT_QUERIES = 225


def read_lines(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def records(path):
    """Yields (number, {field letter: text}) for each .I record of a SMART-format file."""
    num, fields, cur = None, {}, None
    for line in read_lines(path):
        if line.startswith(".I"):
            if num is not None:
                yield num, fields
            num, fields, cur = line[2:].strip(), {}, None
        elif len(line) == 2 and line[0] == "." and line[1].isalpha():
            cur = line[1]
            fields.setdefault(cur, [])
        elif cur is not None:
            fields[cur].append(line)
    if num is not None:
        yield num, fields


def text(lines):
    """Joins a field's lines: paragraph breaks where a line starts with spaces, else one space."""
    paras, para = [], []
    for raw in lines or []:
        if raw.startswith(" ") and para:
            paras.append(" ".join(para))
            para = []
        s = raw.strip()
        if s:
            para.append(s)
    if para:
        paras.append(" ".join(para))
    return "\n\n".join(paras)


def main(argv):
    if len(argv) != 3:
        print("usage: cranfield_convert.py SRC_DIR DEST_DIR", file=sys.stderr)
        return 2
    src, dest = argv[1], argv[2]
    docs = []
    for num, f in records(os.path.join(src, "cran.all.1400")):
        n = int(num)
        title, body = text(f.get("T")), text(f.get("W"))
        if not body:  # a few records have an empty .W: the title stands in, so every id exists
            body = title or "(empty)"
        docs.append({"id": "cran-%04d" % n, "title": title, "body": body,
                     "url": "https://cranfield.test/doc/%d" % n, "language": "en"})
    queries = []
    for i, (num, f) in enumerate(records(os.path.join(src, "cran.qry")), start=1):
        queries.append({"id": "cran-q%03d" % i, "cran_i": num, "q": text(f.get("W")).replace("\n\n", " "),
                        "lang": "en", "split": "test" if i % 5 in (0, 1) else "dev", "grades": {}})
    ids = {d["id"] for d in docs}
    if len(docs) != EXPECT_DOCS or len(ids) != EXPECT_DOCS or len(queries) != EXPECT_QUERIES:
        print("cranfield_convert: expected %d documents and %d queries, parsed %d and %d"
              % (EXPECT_DOCS, EXPECT_QUERIES, len(ids), len(queries)), file=sys.stderr)
        return 1
    pairs = 0
    for line in read_lines(os.path.join(src, "cranqrel")):
        cols = line.split()
        if not cols:
            continue
        if len(cols) < 3:
            print("cranfield_convert: bad cranqrel line: %r" % line, file=sys.stderr)
            return 1
        qn, dn, code = int(cols[0]), int(cols[1]), int(cols[2])
        if not (1 <= qn <= EXPECT_QUERIES) or "cran-%04d" % dn not in ids:
            print("cranfield_convert: cranqrel line out of range: %r" % line, file=sys.stderr)
            return 1
        gain = 5 - code if 1 <= code <= 4 else 1  # -1: relevant, no degree given
        grades = queries[qn - 1]["grades"]
        key = "cran-%04d" % dn
        grades[key] = max(grades.get(key, 0), gain)
        pairs += 1
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(dest, "docs.jsonl"), "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(dest, "queries.json"), "w", encoding="utf-8") as out:
        json.dump({"collection": "Cranfield 1400", "queries": queries}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print("cranfield: %d documents, %d queries, %d judged pairs -> %s"
          % (len(docs), len(queries), pairs, dest))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
