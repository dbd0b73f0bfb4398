#!/usr/bin/env python3
"""Helpers of bench/run.sh (standard library only).

  report.py paths QUERIES.tsv                 request paths for wrk, one per line
  report.py machine                           machine description (JSON)
  report.py probe PORT PATHS QUERIES.tsv      fetches every path once: status, total, took_ms
  report.py assemble N DIR CORPUS MACHINE CONNS   one size's results (JSON)
  report.py combine FILE...                   several sizes into one JSON
  report.py table JSON                        Markdown table with the headline ratios
  report.py check JSON                        smoke checks: every stage ran, counts are non-zero
  report.py facets N DIR                      faceted queries in process vs raw Xapian (Markdown)
"""
import json
import os
import platform
import sys
import time
import urllib.parse
import urllib.request


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = (line.split("\t") + [""] * 6)[:6]
            out.append(dict(kind=cols[0], q=cols[1], speaker=cols[2], frm=cols[3], to=cols[4],
                            facets=cols[5] == "1"))
    return out


def path_of(q):
    params = [("q", q["q"])]
    if q["speaker"]:
        params.append(("speaker", q["speaker"]))
    if q["frm"]:
        params.append(("from", q["frm"]))
    if q["to"]:
        params.append(("to", q["to"]))
    params.append(("facets", "1" if q["facets"] else "0"))
    return "/api/search?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def cmd_paths(qfile):
    for q in read_queries(qfile):
        print(path_of(q))


def cmd_machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    print(json.dumps({"nproc": os.cpu_count(), "cpu": cpu, "mem_gib": round(mem_kb / 1048576, 1),
                      "kernel": platform.release(), "date": time.strftime("%Y-%m-%d %H:%M:%S")}))


def cmd_probe(port, paths_file, qfile):
    queries = read_queries(qfile)
    with open(paths_file) as f:
        paths = [p.strip() for p in f if p.strip()]
    out = []
    for q, p in zip(queries, paths):
        rec = {"kind": q["kind"], "path": p}
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{p}", timeout=30) as r:
                body = r.read()
                rec["status"] = r.status
            j = json.loads(body)
            rec["total"] = j.get("total")
            rec["took_ms"] = j.get("took_ms")
            rec["results"] = len(j.get("results", []))
            rec["has_facets"] = bool(j.get("facets"))
        except urllib.error.HTTPError as e:
            rec["status"] = e.code
            rec["error"] = e.read().decode("utf-8", "replace")[:300]
        except Exception as e:  # noqa: BLE001 (report, do not crash the run)
            rec["status"] = 0
            rec["error"] = str(e)[:300]
        out.append(rec)
    print(json.dumps(out, ensure_ascii=False, indent=1))


def load(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def read_int(path):
    try:
        with open(path) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def proc_status(path):
    out = {}
    try:
        with open(path) as f:
            for line in f:
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def index_stage(d, name, input_bytes):
    t = load(f"{d}/{name}.time")
    if t is None:
        return None
    o = {}
    try:
        with open(f"{d}/{name}.out") as f:
            text = f.read().strip()
        o = json.loads(text.splitlines()[-1]) if text.startswith("{") else {"text": text}
    except (OSError, ValueError, IndexError):
        pass
    wall = t["wall_s"] or 1e-9
    arts = o.get("articles")
    size = read_int(f"{d}/{name}.size")
    return {"wall_s": t["wall_s"], "user_s": t["user_s"], "sys_s": t["sys_s"],
            "cpu_util": round((t["user_s"] + t["sys_s"]) / wall, 2),
            "max_rss_mb": round(t["max_rss_kb"] / 1024, 1), "articles": arts,
            "articles_per_s": round(arts / wall, 1) if arts else None,
            "mb_per_s": round(input_bytes / 1e6 / wall, 2),
            "size_bytes": size,
            "size_vs_text": round(size / input_bytes, 2) if size and input_bytes else None}


def cmd_assemble(n, d, corpus, machine_file, conns):
    input_bytes = sum(os.path.getsize(os.path.join(corpus, f)) for f in os.listdir(corpus)
                      if f.endswith(".jsonl"))
    res = {"articles": int(n), "input_bytes": input_bytes, "machine": load(machine_file, {}),
           "index": {}, "query_inprocess": {}, "http": {}}
    for name, key in (("ours.index", "ours"), ("raw.index", "raw_xapian"), ("fts5.index", "fts5"),
                      ("ours.compact", "ours_compact")):
        st = index_stage(d, name, input_bytes)
        if st:
            res["index"][key] = st
    for key, fname in (("ours", "ours.query.json"), ("raw_xapian", "raw.query.json"),
                       ("fts5", "fts5.query.json")):
        q = load(f"{d}/{fname}")
        if q:
            res["query_inprocess"][key] = q
    probe = load(f"{d}/http.probe.json")
    if probe is not None:
        res["http"]["probe"] = probe
    for c in conns.split():
        w = load(f"{d}/http.c{c}.json")
        if w:
            res["http"][f"c{c}"] = w
    w = load(f"{d}/http.cached.c8.json")
    if w:
        res["http"]["cached_c8"] = w
    for key, fname in (("raw_facets_1_thread", "raw-facets.t1.json"),
                       ("raw_facets_all_cores", "raw-facets.tall.json")):
        t = load(f"{d}/{fname}")
        if t:
            res["http"][key] = t
    before = proc_status(f"{d}/server.rss.before")
    after = proc_status(f"{d}/server.rss.after")
    if after:
        res["http"]["server_rss_mb_before_load"] = round(before.get("VmRSS", 0) / 1024, 1)
        res["http"]["server_rss_mb_after"] = round(after.get("VmRSS", 0) / 1024, 1)
        res["http"]["server_peak_rss_mb"] = round(after.get("VmHWM", 0) / 1024, 1)
    res["ratios"] = ratios(res)
    print(json.dumps(res, ensure_ascii=False, indent=1))


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def ratios(res):
    ix = res["index"]
    r = {}
    ours, raw, fts = ix.get("ours", {}), ix.get("raw_xapian", {}), ix.get("fts5", {})
    r["index_wall_ours_over_raw"] = ratio(ours.get("wall_s"), raw.get("wall_s"))
    r["index_wall_ours_over_fts5"] = ratio(ours.get("wall_s"), fts.get("wall_s"))
    r["index_size_ours_over_raw"] = ratio(ours.get("size_bytes"), raw.get("size_bytes"))
    r["index_size_ours_over_fts5"] = ratio(ours.get("size_bytes"), fts.get("size_bytes"))
    qi = res["query_inprocess"]
    c1 = res["http"].get("c1", {})
    r["query_p50_ours_over_raw_inproc"] = ratio(qi.get("ours", {}).get("p50_ms"), qi.get("raw_xapian", {}).get("p50_ms"))
    r["query_mean_ours_over_raw_inproc"] = ratio(qi.get("ours", {}).get("mean_ms"), qi.get("raw_xapian", {}).get("mean_ms"))
    r["query_p50_ours_http1_over_raw_inproc"] = ratio(c1.get("p50_ms"), qi.get("raw_xapian", {}).get("p50_ms"))
    r["query_p50_ours_http1_over_fts5_inproc"] = ratio(c1.get("p50_ms"), qi.get("fts5", {}).get("p50_ms"))
    raw_all = res["http"].get("raw_facets_all_cores", {}).get("requests_per_s")
    r["http_c8_rps_over_raw_facets_all_cores"] = ratio(res["http"].get("c8", {}).get("rps"), raw_all)
    return r


def cmd_combine(files):
    runs = [load(f) for f in files]
    print(json.dumps({"machine": runs[0]["machine"] if runs else {}, "runs": runs},
                     ensure_ascii=False, indent=1))


def fmt(v, nd=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def cmd_table(path):
    data = load(path)
    m = data.get("machine", {})
    print(f"Machine: {m.get('nproc')} cores ({m.get('cpu')}), {m.get('mem_gib')} GiB RAM, "
          f"Linux {m.get('kernel')}; run {m.get('date')}\n")
    for run in data["runs"]:
        n = run["articles"]
        print(f"### {n:,} articles ({run['input_bytes'] / 1e6:,.1f} MB of JSON Lines)\n")
        print("| Indexing | wall s | articles/s | MB/s | CPU use | peak RSS MB | size MB | size / text |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        names = {"ours": "readouts-index add", "raw_xapian": "raw Xapian loop (1 core)",
                 "fts5": "SQLite FTS5 (porter)", "ours_compact": "readouts-index compact (extra step)"}
        for key in ("ours", "raw_xapian", "fts5", "ours_compact"):
            s = run["index"].get(key)
            if not s:
                continue
            size = s["size_bytes"] / 1e6 if s.get("size_bytes") else None
            aps = s.get("articles_per_s") if key != "ours_compact" else None
            mbs = s.get("mb_per_s") if key != "ours_compact" else None
            print(f"| {names[key]} | {fmt(s['wall_s'], 2)} | {fmt(aps)} | {fmt(mbs, 2)} | "
                  f"{fmt(s['cpu_util'], 2)} | {fmt(s['max_rss_mb'])} | {fmt(size)} | {fmt(s.get('size_vs_text'), 2)} |")
        print()
        qi = run["query_inprocess"]
        http = run["http"]
        print("| Queries | p50 ms | p95 ms | p99 ms | q/s | queries with 0 hits | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for key, label in (("ours", "readouts Searcher, in-process"), ("raw_xapian", "raw Xapian, in-process"),
                           ("fts5", "SQLite FTS5, in-process")):
            q = qi.get(key)
            if q:
                qps = 1000 / q["mean_ms"] if q.get("mean_ms") else None
                print(f"| {label} ({q['query_count']} queries × {q['iterations']}) | {fmt(q['p50_ms'], 3)} | "
                      f"{fmt(q['p95_ms'], 3)} | {fmt(q['p99_ms'], 3)} | {fmt(qps)} (1 thread) | "
                      f"{q['queries_without_hits']} | {q['failures']} |")
        probe = http.get("probe", [])
        zero = sum(1 for p in probe if p.get("status") == 200 and not p.get("total"))
        bad = sum(1 for p in probe if p.get("status") != 200)
        levels = sorted((k for k in http if k.startswith("c") and k[1:].isdigit()), key=lambda k: int(k[1:]))
        for k, label in [(k, f"readouts-server HTTP, cache off, wrk {k[1:]} conn.") for k in levels] + \
                [("cached_c8", "readouts-server HTTP, cache on (hits), wrk 8 conn.")]:
            w = http.get(k)
            if not w:
                continue
            e = w["errors"]
            errs = e["connect"] + e["read"] + e["write"] + e["timeout"] + e["status"]
            print(f"| {label} | {fmt(w['p50_ms'], 3)} | {fmt(w['p95_ms'], 3)} | "
                  f"{fmt(w['p99_ms'], 3)} | {fmt(w['rps'])} | {zero} (probe) | {errs} (+{bad} probe) |")
        for k, label in (("raw_facets_1_thread", "raw Xapian + 5 ValueCountMatchSpy, 1 thread"),
                         ("raw_facets_all_cores", "raw Xapian + 5 ValueCountMatchSpy, every core")):
            t = http.get(k)
            if t:
                print(f"| {label} ({t['threads']} thr.) | | | | {fmt(t['requests_per_s'])} | | "
                      f"{1 if t.get('error') else 0} |")
        if "server_peak_rss_mb" in http:
            print(f"\nServer RSS: {http['server_rss_mb_before_load']} MB idle after the probe, "
                  f"{http['server_rss_mb_after']} MB after load, peak {http['server_peak_rss_mb']} MB.")
        r = run["ratios"]
        print("\nHeadline ratios: indexing wall time ours/raw Xapian = "
              f"**{fmt(r['index_wall_ours_over_raw'], 2)}**, ours/FTS5 = **{fmt(r['index_wall_ours_over_fts5'], 2)}**; "
              f"index size ours/raw = {fmt(r['index_size_ours_over_raw'], 2)}, ours/FTS5 = "
              f"{fmt(r['index_size_ours_over_fts5'], 2)}; query p50 / mean, both in-process, ours/raw Xapian = "
              f"**{fmt(r.get('query_p50_ours_over_raw_inproc'), 2)}** / {fmt(r.get('query_mean_ours_over_raw_inproc'), 2)}; "
              f"query p50 ours (HTTP, 1 conn.)/raw Xapian (in-process) = "
              f"**{fmt(r['query_p50_ours_http1_over_raw_inproc'], 2)}**, /FTS5 (in-process) = "
              f"**{fmt(r['query_p50_ours_http1_over_fts5_inproc'], 2)}**; throughput, HTTP 8 conn. cache off / "
              f"raw Xapian with the same facets on every core = "
              f"**{fmt(r.get('http_c8_rps_over_raw_facets_all_cores'), 2)}**.\n")


def cmd_check(path):
    data = load(path)
    problems = []
    if not data or not data.get("runs"):
        problems.append("no runs in " + path)
    for run in data.get("runs", []):
        n = run["articles"]
        for key in ("ours", "raw_xapian", "fts5", "ours_compact"):
            s = run["index"].get(key)
            if not s:
                problems.append(f"index stage {key} missing")
                continue
            if key != "ours_compact" and s.get("articles") != n:
                problems.append(f"{key} indexed {s.get('articles')} articles, expected {n}")
            if not s.get("size_bytes"):
                problems.append(f"{key}: database size is 0")
        for key in ("ours", "raw_xapian", "fts5"):
            q = run["query_inprocess"].get(key)
            if not q:
                problems.append(f"in-process queries of {key} missing")
                continue
            if q["failures"] or q["runs"] == 0:
                problems.append(f"{key}: {q['failures']} failed queries, {q['runs']} runs")
            if q["queries_without_hits"] == q["query_count"]:
                problems.append(f"{key}: no query found anything")
        probe = run["http"].get("probe", [])
        if not probe or any(p.get("status") != 200 for p in probe):
            problems.append("HTTP probe: missing or non-200 responses: " +
                            json.dumps([p for p in probe if p.get("status") != 200], ensure_ascii=False)[:500])
        if not any(p.get("total") for p in probe):
            problems.append("HTTP probe: no query found anything")
        conns = [k for k in run["http"] if k.startswith("c") and k[1:].isdigit()]
        if not conns:
            problems.append("no wrk results")
        for k in conns:
            w = run["http"][k]
            e = w["errors"]
            if w["requests"] <= 0 or e["status"] or e["connect"] or e["timeout"]:
                problems.append(f"wrk {k}: {w['requests']} requests, errors {e}")
        if not run["http"].get("server_peak_rss_mb"):
            problems.append("server RSS not sampled")
    if problems:
        print("bench smoke: FAIL\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("bench smoke: OK (every stage ran; counts non-zero; JSON parses)")


def cmd_facets(n, d):
    """Faceted queries in process, side by side: readouts (facets from the in-memory table),
    readouts reading value slots per match, raw Xapian with one ValueCountMatchSpy per slot on
    the same database. Markdown on stdout; ratios are of p50 per query, then of their sums."""
    runs = [("readouts", load(os.path.join(d, "ours.query.json"))),
            ("readouts (slots)", load(os.path.join(d, "ours-slots.query.json"))),
            ("raw Xapian + spies", load(os.path.join(d, "raw-facets.query.json")))]
    runs = [(name, r) for name, r in runs if r]
    if len(runs) < 2:
        return
    base = runs[-1][1]
    print(f"\n### Faceted search in process, {n} articles (p50 ms; x = / raw Xapian)\n")
    print("| query | " + " | ".join(f"{name} (hits)" for name, _ in runs) + " |")
    print("|---|" + "---|" * len(runs))
    sums = [0.0] * len(runs)
    for i, q in enumerate(base["queries"]):
        if not q.get("facets"):
            continue
        cells = []
        for k, (_, r) in enumerate(runs):
            rq = r["queries"][i]
            sums[k] += rq["p50_ms"]
            x = ratio(rq["p50_ms"], q["p50_ms"])
            cells.append(f"{rq['p50_ms']:.2f} ({rq['hits']})" + ("" if k == len(runs) - 1 else f" {fmt(x, 2)}x"))
        label = q["q"] + (f" [{q['speaker']}]" if q["speaker"] else "") + (f" [{q['from']}-{q['to']}]" if q["from"] or q["to"] else "")
        print(f"| {label} | " + " | ".join(cells) + " |")
    try:
        with open(os.path.join(d, "ours.query.err"), encoding="utf-8") as f:
            table = [l.strip() for l in f if l.startswith("facet table:")]
    except OSError:
        table = []
    print("| **sum** | " + " | ".join(f"{v:.2f}" + ("" if k == len(runs) - 1 else f" {fmt(ratio(v, sums[-1]), 2)}x") for k, v in enumerate(sums)) + " |")
    for line in table:
        print(f"\n{line}")
    ours = runs[0][1] if runs[0][0] == "readouts" else None
    if ours and any("match_ms" in q for q in ours["queries"]):
        print(f"\n### Where readouts' time goes, {n} articles (mean ms of the timed runs)\n")
        print("| query | facets asked | match (facet counting inside) | facets | snippets |")
        print("|---|---|---|---|---|")
        for q in ours["queries"]:
            if "match_ms" not in q:
                continue
            label = q["q"] + (f" [{q['speaker']}]" if q["speaker"] else "")
            print(f"| {label} | {'yes' if q.get('facets') else 'no'} | {q['match_ms']:.2f} | "
                  f"{q['facets_ms']:.2f} | {q['snippets_ms']:.2f} |")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "paths":
        cmd_paths(*args)
    elif cmd == "machine":
        cmd_machine()
    elif cmd == "probe":
        cmd_probe(*args)
    elif cmd == "assemble":
        cmd_assemble(*args)
    elif cmd == "combine":
        cmd_combine(args)
    elif cmd == "table":
        cmd_table(*args)
    elif cmd == "check":
        cmd_check(*args)
    elif cmd == "facets":
        cmd_facets(*args)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
