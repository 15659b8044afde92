#!/usr/bin/python3
"""Scaling table: Zhisou with 1 and 2 shards beside Xapian CJK n-gram and SQLite FTS5 trigram,
on the shared news corpus replicated 1x, 4x, 16x (ids made unique).

For each scale and engine: indexing time, MB/s, index size, peak RSS of the indexing process,
and query latency (median, p95) over bench/scale_queries.txt, each query run once to warm up
and then --repeat times inside one process that keeps the index open.

Usage: bench/scale.py [--zhisou build/bin/zhisou] [--latency build/bin/bench_search_latency]
                      [--scales 1,4,16] [--engines zhisou1,zhisou2,xapian,sqlite]
                      [--work DIR] [--repeat 3] [--markdown FILE] [--keep] [FILE.jsonl ...]
Needs Debian's /usr/bin/python3 (python3-xapian); sqlite3 must have FTS5 with the trigram
tokenizer (SQLite >= 3.34). Indexes are deleted after each row to bound disk use, unless
--keep (then they stay in --work as zhisou-1-16x, xapian-16x, ... for closer study).
"""
import argparse
import glob
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from index_peers import XAPIAN_INDEXER, dir_size, run  # noqa: E402  (same peer setup)

XAPIAN_QUERIES = r'''
import json, statistics, sys, time, xapian
db = xapian.Database(sys.argv[1])
qp = xapian.QueryParser()
qp.set_database(db)
qp.set_stemmer(xapian.Stem("en"))
qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
qp.set_default_op(xapian.Query.OP_AND)
repeat = int(sys.argv[3])
times, matches = [], 0
for q in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if not q:
        continue
    def once():
        enquire = xapian.Enquire(db)
        enquire.set_query(qp.parse_query(q, xapian.QueryParser.FLAG_DEFAULT |
                                         xapian.QueryParser.FLAG_CJK_NGRAM))
        mset = enquire.get_mset(0, 10)
        for m in mset:
            m.document.get_data()  # what a result page reads
        return mset.get_matches_estimated()
    matches += once()
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"median_ms": times[len(times) // 2], "p95_ms": times[int(0.95 * len(times))],
                  "mean_matches": matches / max(1, len(times) // repeat)}))
'''

SQLITE_INDEXER = r'''
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=OFF")
db.execute("PRAGMA synchronous=OFF")
db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize='trigram')")
with db:
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                db.execute("INSERT INTO docs VALUES (?, ?, ?)", (d["id"], d.get("title", ""), d["text"]))
db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
db.commit()
'''

# Trigram needs 3 characters: shorter terms (most Chinese words are 2) can only be found by
# scanning every row, which is what a user of FTS5 trigram has to do.
SQLITE_QUERIES = r'''
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
repeat = int(sys.argv[3])
times, matches, scans = [], 0, 0
for q in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if not q:
        continue
    terms = q.split()
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    where, args = [], []
    if long_terms:
        where.append("docs MATCH ?")
        args.append(" ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
    for t in short_terms:
        where.append("(instr(title, ?) > 0 OR instr(text, ?) > 0)")
        args += [t, t]
    order = " ORDER BY rank" if long_terms else ""
    sql = "SELECT id, title, text FROM docs WHERE " + " AND ".join(where) + order + " LIMIT 10"
    count_sql = "SELECT count(*) FROM docs WHERE " + " AND ".join(where)
    scans += bool(short_terms)
    matches += db.execute(count_sql, args).fetchone()[0]
    for _ in range(repeat):
        start = time.perf_counter()
        db.execute(sql, args).fetchall()
        times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"median_ms": times[len(times) // 2], "p95_ms": times[int(0.95 * len(times))],
                  "mean_matches": matches / max(1, len(times) // repeat), "scans": scans}))
'''


def replicate(files, times, out_path):
    """The corpus `times` times over, ids made unique (#rN); returns (bytes, documents)."""
    docs = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for r in range(times):
            for path in files:
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        d = json.loads(line)
                        if r:
                            d["id"] = f'{d["id"]}#r{r}'
                        out.write(json.dumps(d, ensure_ascii=False) + "\n")
                        docs += 1
    return os.path.getsize(out_path), docs


def latency(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zhisou", default=os.path.join(ROOT, "build", "bin", "zhisou"))
    parser.add_argument("--latency", default=os.path.join(ROOT, "build", "bin", "bench_search_latency"))
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--work", default="/tmp/zhisou-bench-scale")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--queries", default=os.path.join(HERE, "scale_queries.txt"))
    parser.add_argument("--engines", default="zhisou1,zhisou2,xapian,sqlite")
    parser.add_argument("--markdown", help="also append the table to this file")
    parser.add_argument("--keep", action="store_true", help="keep each index in --work")
    parser.add_argument("files", nargs="*", help="JSONL input (default: ../shared/corpus/news/*.jsonl)")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "news", "*.jsonl")))
    if not files:
        print("SKIPPED: no input (../shared/corpus/news/*.jsonl not found)")
        return 0
    engines = args.engines.split(",")
    os.makedirs(args.work, exist_ok=True)
    header = ("scale", "MB", "docs", "engine", "index s", "MB/s", "index MB", "peak RSS MB",
              "query median ms", "query p95 ms", "mean matches", "note")
    rows = []

    def emit(row):
        rows.append(row)
        print(" | ".join(str(c) for c in row), flush=True)

    def drop(index):
        if args.keep:
            return
        if os.path.isdir(index):
            shutil.rmtree(index)
        else:
            os.remove(index)

    print(" | ".join(header), flush=True)
    for scale in [int(s) for s in args.scales.split(",")]:
        corpus = os.path.join(args.work, f"news-{scale}x.jsonl")
        size, docs = replicate(files, scale, corpus)
        mb = size / 1e6

        def row(engine, seconds, rss, index_bytes, lat):
            note = ""
            if "snippets_median_ms" in lat:
                note = (f"with snippets: median {lat['snippets_median_ms']:.1f} ms, "
                        f"p95 {lat['snippets_p95_ms']:.1f} ms")
            if lat.get("scans"):
                note = f"{lat['scans']} queries with a term < 3 characters scan every row"
            emit((f"{scale}x", f"{mb:.0f}", docs, engine, f"{seconds:.1f}", f"{mb / seconds:.2f}",
                  f"{index_bytes / 1e6:.0f}", f"{rss / 1e6:.0f}", f"{lat['median_ms']:.1f}",
                  f"{lat['p95_ms']:.1f}", f"{lat['mean_matches']:.0f}", note))

        for shards in (1, 2):
            if f"zhisou{shards}" not in engines:
                continue
            index = os.path.join(args.work, f"zhisou-{shards}-{scale}x")
            shutil.rmtree(index, ignore_errors=True)
            seconds, rss = run([args.zhisou, "index", "-q", "--shards", str(shards), "--index", index, corpus])
            lat = latency([args.latency, "--index", index, "--queries", args.queries,
                           "--repeat", str(args.repeat)])
            row(f"Zhisou, {shards} shard{'s' if shards > 1 else ''}", seconds, rss, dir_size(index), lat)
            drop(index)
        if "xapian" in engines:
            index = os.path.join(args.work, f"xapian-{scale}x")
            shutil.rmtree(index, ignore_errors=True)
            seconds, rss = run(["/usr/bin/python3", "-c", XAPIAN_INDEXER, index, corpus])
            lat = latency(["/usr/bin/python3", "-c", XAPIAN_QUERIES, index, args.queries, str(args.repeat)])
            row("Xapian CJK n-gram (python3-xapian)", seconds, rss, dir_size(index), lat)
            drop(index)
        if "sqlite" in engines:
            index = os.path.join(args.work, f"fts5-{scale}x.db")
            if os.path.exists(index):
                os.remove(index)
            seconds, rss = run(["/usr/bin/python3", "-c", SQLITE_INDEXER, index, corpus])
            lat = latency(["/usr/bin/python3", "-c", SQLITE_QUERIES, index, args.queries, str(args.repeat)])
            row(f"SQLite {sqlite3.sqlite_version} FTS5 trigram", seconds, rss, os.path.getsize(index), lat)
            drop(index)
        os.remove(corpus)

    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    print("\n" + "\n".join(table))
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as f:
            f.write("\n".join(table) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
