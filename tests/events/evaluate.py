#!/usr/bin/env python3
"""Score an event grouping against the hand-judged event key (tests/events/key.json).

    python3 tests/events/evaluate.py --events FILE [--split dev|test|all] [--json] [--show-misses]
    python3 tests/events/evaluate.py --self-test
    python3 tests/events/evaluate.py --refresh-ids [--bin PATH]

FILE is the output of `readouts-index events --db DB --json`:
  {"events": [{"id": ..., "articles"|"accounts": [{"id", "url", "side", ...}],
               "topics_by_side": {"china_government": [...], "us_government": [...]}}]}

Key accounts are mapped to product articles: real-world pages by url (exactly the url of
tests/realworld/key.json, which the pages are indexed with via --url; a normalised url and the
cached article id are fallbacks), corpus records by article id (tests/events/corpus_ids.json).
Product articles that are not in the key are ignored. See tests/events/README.md for the metric.
Standard library only.
"""

import argparse
import copy
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KEY = os.path.join(HERE, "key.json")
IDS = os.path.join(HERE, "corpus_ids.json")
RW_KEY = os.path.join(ROOT, "tests", "realworld", "key.json")
GOV_SIDES = ("china_government", "us_government")


# ---------------------------------------------------------------- loading

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def norm_url(u):
    """A forgiving form of a url: no scheme, lower-case host without www., no trailing slash,
    query kept (some pages are distinguished only by it), fragment dropped."""
    if not u:
        return ""
    s = urlsplit(u.strip())
    host = (s.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = "" if s.port in (None, 80, 443) else ":%d" % s.port
    path = s.path.rstrip("/") or "/"
    q = ("?" + s.query) if s.query else ""
    return host + port + path + q


class Key:
    """The key flattened into items: every account and every not-account, with its split."""

    def __init__(self, key, ids, rw_key):
        self.key = key
        self.urls = {e["id"]: e["url"] for e in rw_key}
        self.page_split = {e["id"]: e["split"] for e in rw_key}
        self.corpus_ids = {k: v["article_id"] for k, v in ids.get("records", {}).items()}
        self.page_ids = {k: v["article_id"] for k, v in ids.get("pages", {}).items()}
        self.items = []      # dicts: item, event (or None), split, side, topics, url, article_id
        self.events = {}
        for ev in key["events"]:
            self.events[ev["id"]] = ev
            for a in ev["accounts"]:
                self.items.append(self._item(a, ev["id"], ev["split"]))
        for n in key.get("not_accounts", []):
            split = n.get("split") or (self.page_split.get(n["page"], "dev") if "page" in n else "dev")
            self.items.append(self._item(n, None, split))
        seen = Counter(i["item"] for i in self.items)
        dup = [k for k, c in seen.items() if c > 1]
        if dup:
            raise SystemExit("key error: items listed twice: %s" % ", ".join(sorted(dup)))

    def _item(self, a, event, split):
        if "page" in a:
            pid = a["page"]
            if pid not in self.urls:
                raise SystemExit("key error: unknown page %s" % pid)
            return {"item": "page:" + pid, "event": event, "split": split, "side": a.get("side"),
                    "topics": a.get("topics", []), "url": self.urls[pid],
                    "article_id": self.page_ids.get(pid, "")}
        cid = a["corpus"]
        if cid not in self.corpus_ids:
            raise SystemExit("key error: corpus record %s has no article id in %s "
                             "(run --refresh-ids)" % (cid, IDS))
        return {"item": "corpus:" + cid, "event": event, "split": split, "side": a.get("side"),
                "topics": a.get("topics", []), "url": "", "article_id": self.corpus_ids[cid]}


def product_index(pred):
    """article id / url / normalised url -> product event id; and event id -> event."""
    by_id, by_url, by_norm, events, dups = {}, {}, {}, {}, []
    for ev in pred.get("events", []):
        eid = str(ev.get("id"))
        if eid in events:
            raise SystemExit("product error: event id %s listed twice" % eid)
        events[eid] = ev
        for art in ev.get("articles", ev.get("accounts", [])):
            aid = art.get("id") or ""
            if aid:
                if aid in by_id and by_id[aid] != eid:
                    dups.append(aid)
                by_id.setdefault(aid, eid)
            u = art.get("url") or ""
            if u:
                by_url.setdefault(u, eid)
                by_norm.setdefault(norm_url(u), eid)
    return by_id, by_url, by_norm, events, dups


def assign(key, pred):
    """item -> product event id (None when the product lacks the article)."""
    by_id, by_url, by_norm, events, dups = product_index(pred)
    out = {}
    for it in key.items:
        e = None
        if it["url"]:
            e = by_url.get(it["url"]) or by_norm.get(norm_url(it["url"]))
        if e is None and it["article_id"]:
            e = by_id.get(it["article_id"])
        out[it["item"]] = e
    return out, events, dups


# ---------------------------------------------------------------- metrics

def pairs(n):
    return n * (n - 1) // 2


def prf(tp, npred, ntrue):
    p = tp / npred if npred else None
    r = tp / ntrue if ntrue else None
    if p is None or r is None or p + r == 0:
        f = 0.0 if (p is not None and r is not None) else None
    else:
        f = 2 * p * r / (p + r)
    return p, r, f


def score(key, pred, split="all"):
    where, events, dups = assign(key, pred)
    items = [it for it in key.items if split == "all" or it["split"] == split]
    # clusters: key side = event id or the item itself (singleton); product side = product event
    # id or the item itself (missing -> singleton)
    true_c = [it["event"] or ("single:" + it["item"]) for it in items]
    pred_c = [where[it["item"]] or ("missing:" + it["item"]) for it in items]
    n_true = Counter(true_c)
    n_pred = Counter(pred_c)
    n_both = Counter(zip(true_c, pred_c))
    tp = sum(pairs(c) for c in n_both.values())
    npred = sum(pairs(c) for c in n_pred.values())
    ntrue = sum(pairs(c) for c in n_true.values())
    p, r, f = prf(tp, npred, ntrue)

    accounts = [it for it in items if it["event"]]
    found = sum(1 for it in accounts if where[it["item"]])

    # topic-by-side: each key event is compared with the product event holding most of its
    # accounts (ties: the product event listed first); no product event -> nothing predicted
    order = {eid: i for i, eid in enumerate(events)}
    key_events = [e for e in key.key["events"] if split == "all" or e["split"] == split]
    ttp = tfp = tfn = 0
    topic_rows = []
    match = {}
    for ev in key_events:
        its = [it for it in key.items if it["event"] == ev["id"]]
        c = Counter(where[it["item"]] for it in its if where[it["item"]])
        best = None
        if c:
            best = sorted(c.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))[0][0]
        match[ev["id"]] = best
        tbs = (events.get(best) or {}).get("topics_by_side") or {}
        for side in GOV_SIDES:
            k = set()
            for it in its:
                if it["side"] == side:
                    k.update(it["topics"])
            pset = set(tbs.get(side) or [])
            a, b, d = len(k & pset), len(pset - k), len(k - pset)
            ttp, tfp, tfn = ttp + a, tfp + b, tfn + d
            if b or d:
                topic_rows.append({"event": ev["id"], "side": side, "missing": sorted(k - pset),
                                   "extra": sorted(pset - k)})
    tp_, tr_, tf_ = prf(ttp, ttp + tfp, ttp + tfn)

    # misses: key events split over several product events, product events merging key events
    splits, merges, missing = [], [], []
    by_true = defaultdict(lambda: defaultdict(list))
    by_pred = defaultdict(lambda: defaultdict(list))
    for it, t, pc in zip(items, true_c, pred_c):
        if it["event"] and pc.startswith("missing:"):
            missing.append({"event": it["event"], "account": it["item"]})
        if it["event"]:
            by_true[t][pc].append(it["item"])
        if not pc.startswith("missing:"):
            by_pred[pc][t].append(it["item"])
    for t, parts in sorted(by_true.items()):
        if len(parts) > 1:
            splits.append({"event": t, "parts": {pc: sorted(v) for pc, v in sorted(parts.items())}})
    for pc, parts in sorted(by_pred.items()):
        if len(parts) > 1:
            merges.append({"product_event": pc,
                           "key": {t: sorted(v) for t, v in sorted(parts.items())}})

    return {
        "split": split,
        "accounts": len(accounts),
        "accounts_found": found,
        "not_accounts": len(items) - len(accounts),
        "events": len(key_events),
        "pairs": {"key": ntrue, "predicted": npred, "correct": tp},
        "precision": p, "recall": r, "f1": f,
        "topics_by_side": {"tp": ttp, "fp": tfp, "fn": tfn,
                           "precision": tp_, "recall": tr_, "f1": tf_},
        "product_duplicate_articles": sorted(set(dups)),
        "misses": {"split": splits, "merged": merges, "missing": missing,
                   "topics": topic_rows},
    }


# ---------------------------------------------------------------- output

def fmt(x):
    return "n/a" if x is None else "%.3f" % x


def print_report(res, show_misses):
    t = res["topics_by_side"]
    print("split %-4s  accounts %d (found in product %d)  not-accounts %d  events %d"
          % (res["split"], res["accounts"], res["accounts_found"], res["not_accounts"], res["events"]))
    print("  pairs: key %d  predicted %d  correct %d" % (res["pairs"]["key"], res["pairs"]["predicted"],
                                                         res["pairs"]["correct"]))
    print("  grouping   precision %s  recall %s  F1 %s" % (fmt(res["precision"]), fmt(res["recall"]),
                                                            fmt(res["f1"])))
    print("  topic/side precision %s  recall %s  F1 %s  (tp %d fp %d fn %d)"
          % (fmt(t["precision"]), fmt(t["recall"]), fmt(t["f1"]), t["tp"], t["fp"], t["fn"]))
    if res["product_duplicate_articles"]:
        print("  warning: %d articles appear in more than one product event (first one used)"
              % len(res["product_duplicate_articles"]))
    if not show_misses:
        return
    m = res["misses"]
    for s in m["split"]:
        print("  SPLIT  %s over %d groups (an account in no product event is a group of its own):"
              % (s["event"], len(s["parts"])))
        for pc, v in s["parts"].items():
            print("         %s: %s" % (pc if not pc.startswith("missing:") else "(in no product event)",
                                       " ".join(v)))
    for g in m["merged"]:
        print("  MERGED product event %s holds:" % g["product_event"])
        for t, v in g["key"].items():
            label = "(not an account)" if t.startswith("single:") else t
            print("         %s: %s" % (label, " ".join(v)))
    if m["missing"]:
        print("  MISSING %d key accounts in no product event: %s"
              % (len(m["missing"]), " ".join(x["account"] for x in m["missing"])))
    for r in m["topics"]:
        print("  TOPICS %s %s: missing %s extra %s" % (r["event"], r["side"],
                                                     ",".join(r["missing"]) or "-",
                                                     ",".join(r["extra"]) or "-"))


# ---------------------------------------------------------------- self-test

def perfect_prediction(key):
    evs = []
    for ev in key.key["events"]:
        arts, tbs = [], {s: set() for s in GOV_SIDES}
        for it in key.items:
            if it["event"] != ev["id"]:
                continue
            arts.append({"id": it["article_id"], "url": it["url"], "side": it["side"]})
            if it["side"] in tbs:
                tbs[it["side"]].update(it["topics"])
        evs.append({"id": "p-" + ev["id"], "articles": arts,
                    "topics_by_side": {s: sorted(v) for s, v in tbs.items()}})
    # product articles not in the key must be ignored
    evs.append({"id": "p-unrelated", "articles": [{"id": "ffffffffffffffff", "url": "https://example.org/x",
                                                     "side": "other_press"}],
                "topics_by_side": {"china_government": ["taiwan"]}})
    return {"events": evs}


def self_test():
    key = Key(load_json(KEY), load_json(IDS), load_json(RW_KEY))
    failures = []

    def check(cond, msg):
        print(("ok   " if cond else "FAIL ") + msg)
        if not cond:
            failures.append(msg)

    perfect = perfect_prediction(key)
    for split in ("all", "dev", "test"):
        r = score(key, perfect, split)
        check(r["precision"] == 1.0 and r["recall"] == 1.0,
              "perfect prediction (%s): precision %s recall %s" % (split, fmt(r["precision"]), fmt(r["recall"])))
        check(r["topics_by_side"]["f1"] == 1.0,
              "perfect prediction (%s): topic-by-side F1 %s" % (split, fmt(r["topics_by_side"]["f1"])))
        check(r["accounts_found"] == r["accounts"], "perfect prediction (%s): every account found" % split)

    # matching by url alone (ids removed) and by id alone (urls removed) both still perfect
    for field in ("id", "url"):
        p = copy.deepcopy(perfect)
        for ev in p["events"]:
            for a in ev["articles"]:
                if field == "id" and a["url"]:
                    a["id"] = ""
                if field == "url":
                    a["url"] = ""
        r = score(key, p)
        check(r["recall"] == 1.0 and r["precision"] == 1.0, "perfect without %s fields still 1.0/1.0" % field)

    # merge the two largest events: precision must drop, recall stay 1
    big = sorted(perfect["events"][:-1], key=lambda e: -len(e["articles"]))[:2]
    merged = copy.deepcopy(perfect)
    a, b = [e for e in merged["events"] if e["id"] in (big[0]["id"], big[1]["id"])]
    a["articles"] += b["articles"]
    for s in GOV_SIDES:
        a["topics_by_side"][s] = sorted(set(a["topics_by_side"][s]) | set(b["topics_by_side"][s]))
    merged["events"].remove(b)
    r = score(key, merged)
    check(r["precision"] < 1.0 and r["recall"] == 1.0,
          "two events merged: precision %s < 1, recall %s = 1" % (fmt(r["precision"]), fmt(r["recall"])))
    check(len(r["misses"]["merged"]) == 1, "two events merged: one merge reported")

    # split the largest event in two: recall must drop, precision stay 1
    sp = copy.deepcopy(perfect)
    e = [x for x in sp["events"] if x["id"] == big[0]["id"]][0]
    half = len(e["articles"]) // 2
    sp["events"].append({"id": "p-split-half", "articles": e["articles"][half:], "topics_by_side": {}})
    e["articles"] = e["articles"][:half]
    r = score(key, sp)
    check(r["recall"] < 1.0 and r["precision"] == 1.0,
          "one event split: recall %s < 1, precision %s = 1" % (fmt(r["recall"]), fmt(r["precision"])))
    check(len(r["misses"]["split"]) == 1, "one event split: one split reported")

    # a not-account page pulled into an event is a false positive
    na = [it for it in key.items if it["event"] is None and it["url"]][0]
    fp = copy.deepcopy(perfect)
    fp["events"][0]["articles"].append({"id": "", "url": na["url"], "side": "other_press"})
    r = score(key, fp)
    check(r["precision"] < 1.0, "not-account grouped with an event lowers precision (%s)" % fmt(r["precision"]))

    # missing accounts count as singletons: recall drops
    ms = copy.deepcopy(perfect)
    e = [x for x in ms["events"] if x["id"] == big[0]["id"]][0]
    e["articles"] = e["articles"][:1]
    r = score(key, ms)
    check(r["recall"] < 1.0 and r["accounts_found"] < r["accounts"],
          "missing accounts lower recall (%s)" % fmt(r["recall"]))

    # everything in one event: recall 1, precision low; nothing grouped: recall 0
    one = {"events": [{"id": "all", "articles": [a for e in perfect["events"] for a in e["articles"]],
                       "topics_by_side": {}}]}
    r = score(key, one)
    check(r["recall"] == 1.0 and r["precision"] < 0.2, "one big event: recall 1, precision %s" % fmt(r["precision"]))
    r = score(key, {"events": []})
    check(r["recall"] == 0.0 and r["precision"] is None, "empty prediction: recall 0, precision n/a")
    check(r["topics_by_side"]["recall"] == 0.0, "empty prediction: topic recall 0")

    # wrong topics lower topic F1
    wt = copy.deepcopy(perfect)
    for ev in wt["events"]:
        ev["topics_by_side"] = {"china_government": ["covid"], "us_government": []}
    r = score(key, wt)
    check(r["topics_by_side"]["f1"] < 0.5, "wrong topics: topic F1 %s" % fmt(r["topics_by_side"]["f1"]))

    print("self-test %s (%d failures)" % ("passed" if not failures else "FAILED", len(failures)))
    return 1 if failures else 0


# ---------------------------------------------------------------- id cache

def refresh_ids(binary):
    import csv
    ids = load_json(IDS) if os.path.exists(IDS) else {"version": 1}
    records = {}
    cache = {}
    with open(os.path.join(ROOT, "corpus", "MANIFEST.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rows.append({"id": "000_0f0202814826d5c4", "file": "000_0f0202814826d5c4.txt"})

    def inspect(path, url=None):
        cmd = [binary, "inspect", "--json"] + (["--url", url] if url else []) + [path]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]

    for r in rows:
        path, _, rec = r["file"].partition("#")
        if path not in cache:
            cache[path] = inspect(os.path.join("corpus", path))
        arts = cache[path]
        cand = [a for a in arts if a["id"] == r["id"]] or ([arts[int(rec) - 1]] if rec else arts[:1])
        if not cand:
            print("no article for %s" % r["id"], file=sys.stderr)
            continue
        a = cand[0]
        records[r["id"]] = {"file": r["file"], "article_id": a["id"], "date": a.get("date"),
                            "title": (a.get("title") or "")[:100]}
    pages = {}
    for e in load_json(RW_KEY):
        p = os.path.join("tests", "realworld", "pages", e["id"] + ".txt")
        if not os.path.exists(os.path.join(ROOT, p)):
            continue
        arts = inspect(p, e["url"])
        if len(arts) == 1:
            pages[e["id"]] = {"article_id": arts[0]["id"]}
    ids["records"] = records
    ids["pages"] = pages
    with open(IDS, "w", encoding="utf-8") as f:
        json.dump(ids, f, ensure_ascii=False, indent=1)
    print("wrote %s: %d corpus records, %d pages" % (IDS, len(records), len(pages)))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", help="product output of `readouts-index events --db DB --json`")
    ap.add_argument("--split", choices=("dev", "test", "all"), help="default: dev, test and all")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show-misses", action="store_true",
                    help="list events split or merged wrongly, missing accounts and topic differences")
    ap.add_argument("--self-test", action="store_true", help="check the metric code on built predictions")
    ap.add_argument("--refresh-ids", action="store_true", help="rebuild corpus_ids.json with readouts-index inspect")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "readouts-index"),
                    help="readouts-index binary for --refresh-ids")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if args.refresh_ids:
        refresh_ids(args.bin)
        return 0
    if not args.events:
        ap.error("--events FILE is required (or --self-test / --refresh-ids)")
    key = Key(load_json(KEY), load_json(IDS), load_json(RW_KEY))
    with open(args.events, encoding="utf-8") as f:
        text = f.read()
    try:
        pred = json.loads(text)
    except json.JSONDecodeError:
        # tolerate one JSON event per line
        pred = {"events": [json.loads(l) for l in text.splitlines() if l.strip()]}
    splits = [args.split] if args.split else ["dev", "test", "all"]
    results = [score(key, pred, s) for s in splits]
    if args.json:
        if not args.show_misses:
            for r in results:
                r.pop("misses")
        print(json.dumps(results if len(results) > 1 else results[0], ensure_ascii=False, indent=1))
    else:
        for r in results:
            print_report(r, args.show_misses and (r["split"] == splits[-1] or args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
