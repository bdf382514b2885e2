"""Build data/gazetteer.tsv.gz: folded person / location / organisation names, a feature for the neural NER.

Source: ANERgazet (Benajiba 2007; ../shared/data/gazetteers/anergazet, distributed with ANERcorp for research
use): AlignedPersGazetteer (mostly first names and surnames), AlignedLocGazetteer, AlignedOrgGazetteer. The
lists were compiled from web sources, not from ANERcorp's sentences. Separator lines (`====`, `****`) are dropped,
diacritics and tatweel removed, each name folded (khabar.fold); names of one or more words are kept.

Output: `#khabar-gazetteer` header, then `folded name<TAB>types` (types: letters P, L, O), sorted.
Usage: python scripts/build_gazetteer.py [--dir PATH]
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.chars import LETTERS  # noqa: E402
from khabar.fold import fold  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "gazetteers" / "anergazet"
OUT = ROOT / "src" / "khabar" / "data" / "gazetteer.tsv.gz"
FILES = {"P": "AlignedPersGazetteer.txt", "L": "AlignedLocGazetteer.txt", "O": "AlignedOrgGazetteer.txt"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=DEFAULT)
    args = ap.parse_args()
    arabic = re.compile(f"^[{LETTERS} ]+$")
    names: dict[str, set[str]] = {}
    for typ, fname in FILES.items():
        with open(args.dir / fname, encoding="utf-8-sig", errors="replace") as fh:
            for line in fh:
                n = re.sub(r"[\u064B-\u065F\u0670\u0640\u200e\u200f]", "", line).strip()
                n = re.sub(r"\s+", " ", n)
                if not n or n.startswith(("=", "*")) or not arabic.match(n) or len(n) < 2:
                    continue
                names.setdefault(fold(n), set()).add(typ)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    buf.write("#khabar-gazetteer\tsource=ANERgazet\n")
    for n in sorted(names):
        buf.write(f"{n}\t{''.join(sorted(names[n]))}\n")
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(buf.getvalue().encode("utf-8"))
    print(f"{len(names)} names -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
