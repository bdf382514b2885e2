#!/usr/bin/env python3
"""Same as `khabar bench analyze` (options and output alike); kept so the benchmark runs from a checkout.

    python benchmarks/bench_analyze.py [--docs N] [--corpus PATH] [--split SPLIT] ...

See benchmarks/README.md.
"""

import sys

from khabar.cli import app

if __name__ == "__main__":
    app(["bench", "analyze", *sys.argv[1:]])
