#!/usr/bin/env python3
"""Same as `khabar bench ner` (options and output alike); kept so the benchmark runs from a checkout.

    python benchmarks/bench_ner.py [--docs N] [--corpus PATH] [--split SPLIT] ...

See benchmarks/README.md.
"""

import sys

from khabar.cli import app

if __name__ == "__main__":
    app(["bench", "ner", *sys.argv[1:]])
