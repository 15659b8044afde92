#!/usr/bin/python3
"""How fast Xapian 1.4 answers a Chinese phrase in each formulation the index allows.

Usage: bench/han_phrase_queries.py INDEX [--old-index OLD] [--repeat N] [PHRASE ...]
INDEX is a zhisou index of format 2 (unigram positions); OLD, optionally, one of format 1
(bigram positions), for the formulation it used. Prints, per phrase, the median milliseconds
of a top-10 search and of counting every match, and the match count (which must agree).
Must run with Debian's /usr/bin/python3, where python3-xapian lives.
"""
import argparse
import statistics
import sys
import time

import xapian

DEFAULT_PHRASES = ["大模型", "人工智能", "网络安全", "数据泄露", "中华人民共和国", "的一个", "是一个",
                   "我们的", "漏洞利用"]


def chars(phrase):
    return list(phrase)


def bigrams(phrase):
    return [phrase[i:i + 2] for i in range(len(phrase) - 1)]


def phrase(terms):
    return xapian.Query(xapian.Query.OP_PHRASE, terms, len(terms))


def formulations(text):
    unigrams = ["XU" + c for c in chars(text)]
    pairs = ["XB" + b for b in bigrams(text)]
    return {
        "PHRASE(XU) alone": phrase(unigrams),
        "FILTER(AND(XB), PHRASE(XU)) (used)": xapian.Query(
            xapian.Query.OP_FILTER, xapian.Query(xapian.Query.OP_AND, pairs), phrase(unigrams)),
        "AND(XB) only (inexact)": xapian.Query(xapian.Query.OP_AND, pairs),
    }


def timed(db, query, repeat, check_at_least):
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    times = []
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        mset = enquire.get_mset(0, 10, check_at_least)
        count = mset.get_matches_estimated() if check_at_least else mset.size()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index")
    parser.add_argument("--old-index")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("phrases", nargs="*")
    args = parser.parse_intermixed_args()
    db = xapian.Database(args.index)
    old = xapian.Database(args.old_index) if args.old_index else None
    everything = db.get_doccount()
    rows = []
    for text in args.phrases or DEFAULT_PHRASES:
        queries = formulations(text)
        if old is not None:
            queries["old index: PHRASE(XB)"] = (old, phrase(["XB" + b for b in bigrams(text)]))
        for name, query in queries.items():
            target = db
            if isinstance(query, tuple):
                target, query = query
            top10, _ = timed(target, query, args.repeat, 0)
            count_ms, count = timed(target, query, args.repeat, everything)
            rows.append((text, name, f"{top10:8.2f}", f"{count_ms:8.2f}", str(count)))
    header = ("phrase", "formulation", "top-10 ms", "count ms", "matches")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print(f"{everything} documents, median of {args.repeat} runs (warm)\n")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
