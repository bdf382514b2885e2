#!/usr/bin/env python3
"""Cleaning speed of khabar against CAMeL Tools arclean and pyarabic, in one process on the same texts.

    python benchmarks/bench_clean.py [--docs 2000] [--corpus PATH] [--repeats 5] [--split test]

Prints a table, then the JSON result on the last line. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.bench import SPLITS, bench_clean, format_table, load_texts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="articles to use (default 2000)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="a .jsonl or .jsonl.xz file with `text`/`content` per line (default: SaudiNewsNet)")
    ap.add_argument("--repeats", type=int, default=5, help="timed passes per tool, round-robin (default 5)")
    ap.add_argument("--split", choices=SPLITS, default="test", help="SaudiNewsNet split (default test)")
    args = ap.parse_args(argv)
    texts = load_texts(args.corpus, docs=args.docs, split=args.split)
    result = bench_clean(texts, repeats=args.repeats, progress=True)
    print(format_table(result))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
