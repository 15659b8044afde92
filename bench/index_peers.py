#!/usr/bin/python3
"""Indexing throughput of Zhisou beside Xapian's own CJK n-gram TermGenerator and Groonga's
TokenBigram, on the same JSONL documents, one run each, on this machine.

Usage: bench/index_peers.py [--zhisou build/bin/zhisou] [--work DIR] [FILE.jsonl ...]
Default input: ../shared/corpus/news/*.jsonl. Prints a table (MB/s, docs/s, index size,
peak RSS). Peers that are not installed (python3-xapian, groonga-bin) are listed as skipped.
Must run with Debian's /usr/bin/python3, where python3-xapian lives.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def dir_size(path):
    total = 0
    for base, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(base, name))
    return total


def run(cmd, stdin=None):
    """Runs cmd; returns (seconds, peak RSS in bytes of that child)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd[0]} failed: {err[-500:]}")
    return seconds, usage.ru_maxrss * 1024


XAPIAN_INDEXER = r'''
import json, sys, xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_CREATE_OR_OVERWRITE)
tg = xapian.TermGenerator()
tg.set_stemmer(xapian.Stem("en"))
tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(d.get("title", ""), 1, "S")
            tg.index_text(d.get("title", ""), 5)
            tg.increase_termpos()
            tg.index_text(d["text"])
            doc.set_data(json.dumps({"id": d["id"], "title": d.get("title", ""), "text": d["text"]}))
            idterm = "Q" + d["id"]
            doc.add_boolean_term(idterm)
            db.replace_document(idterm, doc)
db.commit()
'''

GROONGA_SCHEMA = """table_create Docs TABLE_HASH_KEY ShortText
column_create Docs title COLUMN_SCALAR ShortText
column_create Docs text COLUMN_SCALAR LongText
table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto
column_create Terms docs_index COLUMN_INDEX|WITH_POSITION|WITH_SECTION Docs title,text
"""


def groonga_load_commands(files):
    out = [GROONGA_SCHEMA]
    batch = []

    def flush():
        if batch:
            out.append("load --table Docs\n" + json.dumps(batch, ensure_ascii=False) + "\n")
            batch.clear()

    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                batch.append({"_key": d["id"], "title": d.get("title", ""), "text": d["text"]})
                if len(batch) >= 500:
                    flush()
    flush()
    return "".join(out).encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zhisou", default=os.path.join(ROOT, "build", "bin", "zhisou"))
    parser.add_argument("--work", default="/tmp/zhisou-bench-index")
    parser.add_argument("--threads", default="0", help="zhisou --threads (0 = one per core)")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "news", "*.jsonl")))
    if not files:
        print("SKIPPED: no input (../shared/corpus/news/*.jsonl not found)")
        return 0
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    docs = sum(1 for f in files for _ in open(f, encoding="utf-8"))
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    rows = []

    def add_row(name, seconds, rss, size, note=""):
        rows.append((name, f"{seconds:8.1f}", f"{mb / seconds:6.2f}", f"{docs / seconds:7.0f}",
                     f"{size / 1e6:8.1f}", f"{rss / 1e6:7.0f}", note))

    zdir = os.path.join(args.work, "zhisou")
    seconds, rss = run([args.zhisou, "index", "-q", "--threads", args.threads, "--index", zdir] + files)
    add_row("zhisou index (decode, repair, ICU words+bigrams, fields)", seconds, rss, dir_size(zdir))
    again, rss2 = run([args.zhisou, "index", "-q", "--index", zdir] + files)
    add_row("zhisou index, no-change re-run", again, rss2, dir_size(zdir),
            f"{100 * again / seconds:.1f}% of first run")

    try:
        subprocess.run(["/usr/bin/python3", "-c", "import xapian"], check=True, capture_output=True)
        xdir = os.path.join(args.work, "xapian")
        seconds, rss = run(["/usr/bin/python3", "-c", XAPIAN_INDEXER, xdir] + files)
        add_row("Xapian TermGenerator FLAG_CJK_NGRAM (python3-xapian)", seconds, rss, dir_size(xdir))
    except (subprocess.CalledProcessError, FileNotFoundError):
        rows.append(("Xapian CJK n-gram", "", "", "", "", "", "SKIPPED: apt-get install python3-xapian"))

    if shutil.which("groonga"):
        gdir = os.path.join(args.work, "groonga")
        os.makedirs(gdir)
        commands = groonga_load_commands(files)
        seconds, rss = run(["groonga", "-n", os.path.join(gdir, "db")], stdin=commands)
        add_row("Groonga TokenBigram (groonga-bin)", seconds, rss, dir_size(gdir))
    else:
        rows.append(("Groonga TokenBigram", "", "", "", "", "", "SKIPPED: apt-get install groonga-bin"))

    print(f"Indexing {docs} documents, {mb:.1f} MB of JSONL ({len(files)} files), "
          f"{os.cpu_count()} cores, one run each\n")
    header = ("engine", "seconds", "MB/s", "docs/s", "index MB", "RSS MB", "note")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
