#!/usr/bin/env python3
"""Scores readouts-index's extraction on the real-world set (tests/realworld/README.md).

Runs `readouts-index inspect --json --url URL pages/ID.txt` for every page of key.json whose
text is present, and prints, per split and per language: date accuracy (pages whose date is
written in the text or url), dates given wrongly (all pages), speaker and topic precision /
recall / F1 (micro-averaged), source and language accuracy.

Exit status: 0 (figures printed, floors met), 1 (a floor given with --min-* not met),
77 (skipped: no page texts present), 2 (usage or setup error).
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77
TEST_SHARE = 4  # of 10: the share of pages in the test split


def load_key(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def merge_parts(parts_dir):
    """Entries of every parts/*.json file (the helpers' working files), in file order."""
    entries = []
    for name in sorted(os.listdir(parts_dir)):
        if name.endswith(".json"):
            with open(os.path.join(parts_dir, name), encoding="utf-8") as f:
                entries.extend(json.load(f))
    return entries


def split_of(url):
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 10 < TEST_SHARE else "dev"


def people_aliases(data_dir):
    """Alias (and canonical name) -> canonical name, from data/people.json."""
    with open(os.path.join(data_dir, "people.json"), encoding="utf-8") as f:
        doc = json.load(f)
    people = doc["people"] if isinstance(doc, dict) else doc
    table = {}
    for p in people:
        table[p["name"]] = p["name"]
        for a in p.get("aliases", []):
            table.setdefault(a, p["name"])
    return table


def fold(text):
    """Lower case, no accents, letters and digits only: "Crónica" -> "cronica"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def source_right(entry, got):
    """The judged source or the site's publisher; an outlet outside data/outlets.json is named by
    its web domain, which counts when its name part or the whole domain spells the judged name
    ("portfolio.hu" for "Portfolio", "rmf24.pl" for "RMF24", "reform.news" for "Reform.news")."""
    wanted = [entry.get("source", "")] + list(entry.get("source_also", []))
    if got in wanted:
        return True
    if got and "." in got and " " not in got:
        label = fold(got.split(".")[0])
        return any(label and fold(w) in (label, fold(got)) for w in wanted)
    return False


def language_group(tag):
    return "zh" if tag.startswith("zh") else tag


def run_inspect(binary, page_path, url):
    cmd = [binary, "inspect", "--json"]
    if url:
        cmd += ["--url", url]
    cmd.append(page_path)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    if not lines:
        return None, proc.stderr.strip() or "no article"
    return json.loads(lines[0]), None


PRECISION_LEN = {"day": 10, "month": 7, "year": 4}


def date_verdict(entry, got):
    """'right', 'wrong', 'missing' (no date given) or 'coarse' (consistent but less precise)."""
    got_date = got.get("date") if got else None
    wanted = ([entry["date"]] if entry.get("date") else []) + list(entry.get("date_also", []))
    if not got_date:
        return "missing" if entry.get("date") else "right"
    for w in wanted:
        if got_date.startswith(w):
            return "right"
    for w in wanted:
        if w.startswith(got_date):
            return "coarse"
    return "wrong"


class Counts:
    def __init__(self):
        self.pages = 0
        self.dated = 0  # pages whose key has a date
        self.date_right = 0  # among dated
        self.date_wrong = 0  # among all pages
        self.failed = 0  # refused by the extractor
        self.source_right = 0
        self.language_right = 0
        self.titled = 0  # pages with a judged headline (headlines.json)
        self.title_right = 0
        self.sp = [0, 0, 0]  # true positives, extracted, expected
        self.tp = [0, 0, 0]

    def add(self, entry, got, aliases, title_ok=None):
        self.pages += 1
        if title_ok is not None:
            self.titled += 1
            self.title_right += title_ok
        if got is None:
            self.failed += 1
        verdict = date_verdict(entry, got)
        if entry.get("date"):
            self.dated += 1
            self.date_right += verdict == "right"
        self.date_wrong += verdict == "wrong"
        if got is None:
            got = {}
        self.source_right += source_right(entry, got.get("source", ""))
        self.language_right += same_language(got.get("language", ""), entry["language"])
        want_sp = {aliases.get(s, s) for s in entry.get("speakers", [])}
        got_sp = set(got.get("speakers", []))
        self.sp[0] += len(want_sp & got_sp)
        self.sp[1] += len(got_sp)
        self.sp[2] += len(want_sp)
        want_tp = set(entry.get("topics", []))
        got_tp = set(got.get("topics", []))
        self.tp[0] += len(want_tp & got_tp)
        self.tp[1] += len(got_tp)
        self.tp[2] += len(want_tp)

    @staticmethod
    def prf(c):
        p = c[0] / c[1] if c[1] else 1.0
        r = c[0] / c[2] if c[2] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def figures(self):
        sp, tp = self.prf(self.sp), self.prf(self.tp)
        n = max(self.pages, 1)
        return {
            "pages": self.pages,
            "date_right": self.date_right / self.dated if self.dated else 1.0,
            "dated": self.dated,
            "date_wrong": self.date_wrong / n,
            "speaker_p": sp[0], "speaker_r": sp[1], "speaker_f1": sp[2],
            "topic_p": tp[0], "topic_r": tp[1], "topic_f1": tp[2],
            "source": self.source_right / n,
            "language": self.language_right / n,
            "refused": self.failed,
            "title": self.title_right / self.titled if self.titled else 1.0,
            "titled": self.titled,
        }


def load_headlines(path):
    """headlines.json: the judged line of each page's headline (0: none), or {} when absent."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f).get("headlines", {})


def squash(text):
    return " ".join(text.split())


def title_verdict(entry, got, pages_dir):
    """None when the page has no judged headline; else whether the title is that headline."""
    judged = entry.get("headline")
    if not judged or not judged.get("line"):
        return None
    if not got:
        return False
    with open(os.path.join(pages_dir, entry["id"] + ".txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    n = judged["line"]
    if n > len(lines):
        return False
    line, title = squash(lines[n - 1]), squash(got.get("title", ""))
    cut = title.endswith("\u2026")
    title = title.rstrip("\u2026").strip()
    if len(title) < 4:
        return False
    if judged.get("shared"):  # the line also holds chrome or a metadata prefix
        return title in line and len(title) * 3 >= len(line)
    return line == title or (cut and line.startswith(title))


def same_language(got, want):
    alias = {"fil": "tl"}
    return alias.get(got, got) == alias.get(want, want)


def misses(entry, got, aliases, pages_dir):
    out = []
    if got is None:
        return ["refused"]
    v = date_verdict(entry, got)
    if v != "right":
        out.append(f"date {v}: got {got.get('date')} ({got.get('date_evidence')}), "
                   f"want {entry.get('date')} ({entry.get('date_where')})")
    if title_verdict(entry, got, pages_dir) is False:
        out.append(f"title: got {got.get('title', '')[:80]!r}, want line {entry['headline']['line']}")
    if not source_right(entry, got.get("source", "")):
        out.append(f"source: got {got.get('source')!r}, want {entry.get('source')!r}")
    if not same_language(got.get("language", ""), entry["language"]):
        out.append(f"language: got {got.get('language')}, want {entry['language']}")
    want_sp = {aliases.get(s, s) for s in entry.get("speakers", [])}
    got_sp = set(got.get("speakers", []))
    if want_sp != got_sp:
        out.append(f"speakers: missed {sorted(want_sp - got_sp)}, extra {sorted(got_sp - want_sp)}")
    want_tp, got_tp = set(entry.get("topics", [])), set(got.get("topics", []))
    if want_tp != got_tp:
        out.append(f"topics: missed {sorted(want_tp - got_tp)}, extra {sorted(got_tp - want_tp)}")
    return out


def print_table(title, groups):
    print(f"\n{title}")
    head = (f"{'group':<10}{'pages':>6}{'date':>7}{'(n)':>5}{'wrong':>7}{'spk P':>7}{'spk R':>7}"
            f"{'spk F1':>7}{'top P':>7}{'top R':>7}{'top F1':>7}{'source':>7}{'lang':>6}{'refused':>8}"
            f"{'title':>7}{'(n)':>5}")
    print(head)
    for name, c in groups:
        f = c.figures()
        print(f"{name:<10}{f['pages']:>6}{f['date_right']:>7.2f}{f['dated']:>5}{f['date_wrong']:>7.2f}"
              f"{f['speaker_p']:>7.2f}{f['speaker_r']:>7.2f}{f['speaker_f1']:>7.2f}"
              f"{f['topic_p']:>7.2f}{f['topic_r']:>7.2f}{f['topic_f1']:>7.2f}"
              f"{f['source']:>7.2f}{f['language']:>6.2f}{f['refused']:>8}"
              f"{f['title']:>7.2f}{f['titled']:>5}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "readouts-index"))
    ap.add_argument("--key", default=os.path.join(HERE, "key.json"))
    ap.add_argument("--pages", default=os.path.join(HERE, "pages"))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--language", help="only pages of this language (or 'zh')")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--no-url", action="store_true", help="do not pass the url to the indexer")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--merge-parts", action="store_true",
                    help="add the entries of parts/*.json to key.json (new urls only; each gets "
                         "its split from the url hash), then stop")
    ap.add_argument("--min", action="append", default=[], metavar="SPLIT:FIELD=VALUE",
                    help="a floor, e.g. dev:speaker_f1=0.8 (fails with exit 1 when not met)")
    args = ap.parse_args()

    if args.merge_parts:
        merged = load_key(args.key) if os.path.exists(args.key) else []
        seen = {e["url"] for e in merged}
        ids = {e["id"] for e in merged}
        added = 0
        for e in merge_parts(os.path.join(HERE, "parts")):
            if e["url"] in seen or e["id"] in ids:
                print(f"already in the key, left: {e['id']} {e['url']}", file=sys.stderr)
                continue
            seen.add(e["url"])
            ids.add(e["id"])
            e["split"] = split_of(e["url"])  # never the gatherer's guess: the url decides
            merged.append(e)
            added += 1
        with open(args.key, "w", encoding="utf-8") as f:
            json.dump(merged, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{added} entries added, {len(merged)} in {args.key}")
        return 0

    if not os.path.exists(args.key):
        print(f"realworld: skipped: {args.key} not found")
        return SKIP
    if not os.access(args.binary, os.X_OK):
        print(f"error: {args.binary} is not built (run `make build`, or give --binary)",
              file=sys.stderr)
        return 2
    key = load_key(args.key)
    headlines = load_headlines(os.path.join(os.path.dirname(args.key), "headlines.json"))
    for e in key:
        if e["id"] in headlines:
            e["headline"] = headlines[e["id"]]
    aliases = people_aliases(args.data)
    todo = []
    for e in key:
        if args.split != "all" and e["split"] != args.split:
            continue
        if args.language and language_group(e["language"]) != args.language and \
                e["language"] != args.language:
            continue
        path = os.path.join(args.pages, e["id"] + ".txt")
        if os.path.exists(path):
            todo.append((e, path))
    missing = sum(1 for e in key if not os.path.exists(os.path.join(args.pages, e["id"] + ".txt")))
    if not todo:
        print(f"realworld: skipped: no page texts in {args.pages} "
              f"(gather them as tests/realworld/README.md says)")
        return SKIP

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(
            lambda t: run_inspect(args.binary, t[1], None if args.no_url else t[0]["url"]), todo))

    by_split = defaultdict(Counts)
    by_lang = defaultdict(lambda: defaultdict(Counts))
    for (e, _), (got, err) in zip(todo, results):
        title_ok = title_verdict(e, got, args.pages)
        for s in (e["split"], "all"):
            by_split[s].add(e, got, aliases, title_ok)
            by_lang[s][language_group(e["language"])].add(e, got, aliases, title_ok)
        if args.show_misses:
            m = misses(e, got, aliases, args.pages)
            if m:
                print(f"{e['id']} [{e['split']}, {e['language']}] {e['url']}")
                for line in m:
                    print(f"    {line}")
                if err:
                    print(f"    stderr: {err[:200]}")

    figures = {s: c.figures() for s, c in by_split.items()}
    if args.json:
        out = {s: {"all": figures[s], "by_language": {l: c.figures() for l, c in by_lang[s].items()}}
               for s in figures}
        print(json.dumps(out, indent=1))
    else:
        print(f"realworld: {len(todo)} pages evaluated, {missing} of {len(key)} texts missing")
        print_table("by split", sorted(by_split.items(), key=lambda kv: kv[0]))
        for s in ("dev", "test"):
            if s in by_lang:
                print_table(f"{s} by language",
                            sorted(by_lang[s].items(), key=lambda kv: (-kv[1].pages, kv[0])))
    failed = []
    for floor in args.min:
        try:
            where, value = floor.split("=")
            split, field = where.split(":")
            value = float(value)
        except ValueError:
            print(f"error: --min {floor}: expected SPLIT:FIELD=VALUE", file=sys.stderr)
            return 2
        got = figures.get(split, {}).get(field)
        if got is None:
            continue
        better_low = field in ("date_wrong", "refused")
        if (got > value) if better_low else (got < value):
            failed.append(f"{split} {field} = {got:.3f}, floor {value}")
    for f in failed:
        print(f"FLOOR NOT MET: {f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
