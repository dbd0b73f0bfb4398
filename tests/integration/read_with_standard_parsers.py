#!/usr/bin/env python3
"""Reads a feed or an export with standard parsers and prints what they saw as JSON.

Usage: read_with_standard_parsers.py atom|csv|jsonl|bibtex|ris|csl FILE
Atom: xml.etree with the Atom namespace; CSV: the csv module; JSON Lines and CSL-JSON: json;
BibTeX: bibtexparser (Debian python3-bibtexparser: run with /usr/bin/python3); RIS: a strict reader of its tag lines
(no RIS parser is packaged in Debian 12). Prints {"records": [...]} with each record's fields.
"""
import csv
import io
import json
import re
import sys

ATOM = "{http://www.w3.org/2005/Atom}"


def read_atom(data):
    import xml.etree.ElementTree as ET
    root = ET.fromstring(data)
    assert root.tag == ATOM + "feed", root.tag
    feed = {k: root.findtext(ATOM + k) for k in ("id", "title", "updated")}
    feed["links"] = [dict(l.attrib) for l in root.findall(ATOM + "link")]
    records = []
    for e in root.findall(ATOM + "entry"):
        records.append({
            "id": e.findtext(ATOM + "id"),
            "title": e.findtext(ATOM + "title"),
            "updated": e.findtext(ATOM + "updated"),
            "link": e.find(ATOM + "link[@rel='alternate']").get("href"),
            "summary": e.findtext(ATOM + "summary"),
            "author": e.findtext(ATOM + "author/" + ATOM + "name"),
        })
    return {"feed": feed, "records": records}


def read_ris(text):
    records, current = [], None
    for line in text.split("\r\n"):
        if not line:
            continue
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert m, "not a RIS tag line: %r" % line
        tag, value = m.group(1), m.group(2)
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = {"TY": value}
        elif tag == "ER":
            assert current is not None, "ER outside a record"
            records.append(current)
            current = None
        else:
            assert current is not None, "tag outside a record"
            current.setdefault(tag, []).append(value)
    assert current is None, "record without ER"
    return {"records": records}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    if kind == "atom":
        out = read_atom(data)
    elif kind == "csv":
        text = data.decode("utf-8-sig")  # what spreadsheets do with the byte order mark
        out = {"bom": data.startswith(b"\xef\xbb\xbf"),
               "records": list(csv.DictReader(io.StringIO(text, newline="")))}
    elif kind == "jsonl":
        out = {"records": [json.loads(l) for l in data.decode("utf-8").splitlines() if l]}
    elif kind == "csl":
        out = {"records": json.loads(data.decode("utf-8"))}
    elif kind == "bibtex":
        import bibtexparser
        from bibtexparser.bparser import BibTexParser
        parser = BibTexParser(common_strings=True)
        db = bibtexparser.loads(data.decode("utf-8"), parser=parser)
        out = {"records": db.entries}
    elif kind == "ris":
        out = read_ris(data.decode("utf-8"))
    else:
        raise SystemExit("unknown kind " + kind)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
