"""The fixed split of SaudiNewsNet into material for building resources and held-out material for evaluation.

An article is held out when the CRC32 of its URL falls in bucket 0 of 10. The lexicon builder skips held-out
articles; `khabar eval clean` and the benchmarks draw from them, so figures are measured on unseen text.
Held-out articles are halved again: `dev` is what rules may be developed against (failures read, examples
studied); `test` is only ever scored.

Known flaw, kept so that the evaluation sets already drawn keep their provenance: CRC32 is affine, so once
`crc32(url) % 10 == 0` has fixed the low bit, `crc32("split:" + url) % 2` depends only on the URL's length. Each
outlet's URLs have one length, so each outlet falls wholly on one side: alriyadh, okaz and aleqtisadiya are all
`test`, none `dev`. Development batches for those outlets (evaluation_data/times_dev3, claims_dev3) are drawn
from the non-held-out part instead. A new split for future sets should hash the URL with a different function
(e.g. sha1) for the second halving.
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
