"""Places of the knowledge base: GeoNames towns with Arabic names, first-level divisions, countries, and curated
additions for what GeoNames lacks (camps, prisons, crossings, villages, regions).

Sources (all compiled into small files at build time, see MODELS.md):
- `data/kb/places_geonames.tsv.gz` (`scripts/build_kb_places.py`): GeoNames cities500 for the region, with the
  Arabic-script alternate names.
- `data/kb/places_admin1.tsv`: governorates / provinces with their Arabic names and their capital's geonameid;
  the division takes its GeoNames admin1 code and its coordinates from the capital (as ACLED codes a
  province-level event at the provincial capital).
- `data/kb/places_curated.tsv`: hand-added places, each with its source and an honest precision radius.
- countries: the `state` actors of the actor files, placed at their capital (precision 3).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import packaged_rows

from .actors import load_actors


@dataclass(frozen=True)
class Place:
    id: str  # geonames:<id> | admin1:<CC>.<code> | country:<CC> | cur.<slug>
    feature: str  # city | admin1 | country | village | camp | prison | crossing | base | region | ...
    name: str  # English
    name_ar: str
    names_ar: tuple[str, ...]
    country: str
    admin1: str  # admin1 code ("" when unknown)
    latitude: float
    longitude: float
    population: int = 0
    geonameid: int | None = None
    precision_km: float = 0.0
    source: str = "GeoNames"

    @property
    def geo_precision(self) -> int:
        """ACLED's: 1 the town itself, 2 near it or a district, 3 a province or wider."""
        if self.feature in ("admin1", "country"):
            return 3
        if self.feature == "region" or self.precision_km > 10:
            return 2 if self.precision_km <= 50 else 3
        return 1


@dataclass
class Gazetteer:
    places: dict[str, Place]
    admin1_names: dict[tuple[str, str], tuple[str, str]]  # (country, admin1 code) -> (English, Arabic)
    capitals: dict[str, Place]  # country -> its capital


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in v.split("|") if x.strip())


def kb_rows(name: str) -> list[dict[str, str]]:
    """The rows of a knowledge-base table (`data/kb/<name>`)."""
    return packaged_rows("kb", name)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    places: dict[str, Place] = {}
    by_geonameid: dict[int, Place] = {}
    ref = resources.files("khabar.data").joinpath("kb", "places_geonames.tsv.gz")
    if ref.is_file():
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                gid, name, cc, a1, lat, lon, pop, feature, ar = line.rstrip("\n").split("\t")
                names = _split(ar)
                p = Place(f"geonames:{gid}", feature, name, names[0] if names else "", names, cc, a1, float(lat),
                          float(lon), int(pop), int(gid))
                places[p.id] = p
                by_geonameid[int(gid)] = p
    admin1_names: dict[tuple[str, str], tuple[str, str]] = {}
    for r in kb_rows("places_admin1.tsv"):
        cap = by_geonameid.get(int(r["capital_geonameid"])) if r.get("capital_geonameid", "").isdigit() else None
        if cap is None or not cap.admin1:
            continue
        key = (r["country"], cap.admin1)
        if key in admin1_names:
            continue
        names = (r["name_ar"], *_split(r.get("aliases_ar", "")))
        admin1_names[key] = (r["name_en"], r["name_ar"])
        p = Place(f"admin1:{key[0]}.{key[1]}", "admin1", r["name_en"], r["name_ar"], names, r["country"], cap.admin1,
                  cap.latitude, cap.longitude, 0, None, 0.0, "GeoNames (capital) + places_admin1.tsv")
        places[p.id] = p
    for r in kb_rows("places_curated.tsv"):
        try:
            lat, lon = float(r["latitude"]), float(r["longitude"])
            prec = float(r.get("precision_km") or 0)
        except ValueError:
            continue
        parent = by_geonameid.get(int(r["parent_geonameid"])) if r.get("parent_geonameid", "").isdigit() else None
        names = (r["name_ar"], *_split(r.get("aliases_ar", "")))
        a1 = parent.admin1 if parent and parent.country == r["country"] else ""
        p = Place(r["id"], r["kind"], r["name_en"], r["name_ar"], names, r["country"], a1, lat, lon, 0, None, prec,
                  r.get("source", ""))
        places[p.id] = p
    capitals = {p.country: p for p in places.values() if p.feature == "capital"}
    for a in load_actors().values():
        if a.kind != "state" or not a.country or a.country == "INT":
            continue
        ref_place = capitals.get(a.country)
        names = tuple(x for x in (a.name_ar, *a.aliases_ar, *a.misspellings_ar) if x)
        lat, lon = (ref_place.latitude, ref_place.longitude) if ref_place else (0.0, 0.0)
        p = Place(f"country:{a.country}", "country", a.name_en, a.name_ar, names, a.country, "", lat, lon, 0, None,
                  0.0, "actor files (state) + GeoNames capital")
        if ref_place:
            places[p.id] = p
    return Gazetteer(places, admin1_names, capitals)
