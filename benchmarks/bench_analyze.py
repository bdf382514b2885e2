#!/usr/bin/env python3
"""Whole-pipeline throughput and memory on growing prefixes of a corpus, relative to clean-only.

    python benchmarks/bench_analyze.py [--docs 2000] [--corpus PATH] [--repeats 1] [--split test]

Prints a table, then the JSON result on the last line. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.bench import SPLITS, bench_analyze, format_table, load_texts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000,
                    help="largest prefix; sizes are 100, 500 and this (default 2000)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="a .jsonl or .jsonl.xz file with `text`/`content` per line (default: SaudiNewsNet)")
    ap.add_argument("--repeats", type=int, default=1, help="timed passes per size (default 1)")
    ap.add_argument("--split", choices=SPLITS, default="test", help="SaudiNewsNet split (default test)")
    args = ap.parse_args(argv)
    texts = load_texts(args.corpus, docs=args.docs, split=args.split)
    sizes = tuple(s for s in (100, 500) if s < args.docs) + (args.docs,)
    result = bench_analyze(texts, sizes=sizes, repeats=args.repeats, progress=True)
    print(format_table(result))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
