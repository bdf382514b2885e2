"""The fixed split of SaudiNewsNet into material for building resources and held-out material for evaluation.

An article is held out when the CRC32 of its URL falls in bucket 0 of 10. The lexicon builder skips held-out
articles; `khabar eval clean` and the benchmarks draw from them, so figures are measured on unseen text.
Held-out articles are halved again: `dev` is what rules may be developed against (failures read, examples
studied); `test` is only ever scored.
"""

from __future__ import annotations

import zlib

BUCKETS = 10


def is_heldout(url: str) -> bool:
    return zlib.crc32(url.encode("utf-8")) % BUCKETS == 0


def heldout_split(url: str) -> str | None:
    """'dev' or 'test' for a held-out article, None for one the resources may be built from."""
    if not is_heldout(url):
        return None
    return "test" if zlib.crc32(("split:" + url).encode("utf-8")) % 2 else "dev"
