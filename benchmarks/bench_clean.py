#!/usr/bin/env python3
"""Same as `khabar bench clean` (options and output alike); kept so the benchmark runs from a checkout.

    python benchmarks/bench_clean.py [--docs N] [--corpus PATH] [--split SPLIT] ...

See benchmarks/README.md.
"""

import sys

from khabar.cli import app

if __name__ == "__main__":
    app(["bench", "clean", *sys.argv[1:]])
