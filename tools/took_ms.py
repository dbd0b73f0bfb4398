#!/usr/bin/env python3
"""Median server time (`took_ms`) and wall time of repeated API requests, per server port.

Usage: tools/took_ms.py [--path /api/search] [--rounds 20] [--q QUERY]... PORT [PORT...]

Each round asks every query once (GET PATH?q=QUERY) of each server on 127.0.0.1:PORT and keeps
the answer's `took_ms` and the wall time of the request. Start the servers with `--cache-mb 0`,
or every round after the first is a cache hit. Used for the loopback figures of docs/scaling.md.
"""
import argparse
import json
import statistics
import time
import urllib.parse
import urllib.request

DEFAULT_QUERIES = ["Taiwan", "Xi Biden call", "tariffs trade talks", "习近平 特朗普",
                   "Wang Yi Blinken", "fentanyl"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ports", nargs="+", type=int)
    ap.add_argument("--path", default="/api/search")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--q", action="append", dest="queries")
    args = ap.parse_args()
    queries = args.queries or DEFAULT_QUERIES
    for port in args.ports:
        took, wall = [], []
        for _ in range(args.rounds):
            for q in queries:
                url = f"http://127.0.0.1:{port}{args.path}?q=" + urllib.parse.quote(q)
                start = time.perf_counter()
                with urllib.request.urlopen(url) as r:
                    took.append(json.load(r)["took_ms"])
                wall.append((time.perf_counter() - start) * 1000)
        wall.sort()
        print(f"port {port}: {len(took)} requests of {args.path}, took_ms median "
              f"{statistics.median(took):.2f}, wall median {statistics.median(wall):.2f} ms, "
              f"p90 wall {wall[int(0.9 * len(wall))]:.2f} ms")


if __name__ == "__main__":
    main()
