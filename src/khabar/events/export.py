"""Exports of the events layer: ACLED-style CSV rows and GeoJSON features.

Only events the text reports as having happened are exported (`modality` asserted, with an ACLED type); threats,
plans, calls, denials and hypotheses stay in the JSON output. An event recalled from long before the
publication date is exported with the tag `background`, so a coder can keep or drop it.

ACLED's column names and order are kept. What khabar cannot know is left empty rather than guessed: `admin2`,
`admin3`, `source_scale`; `iso` and `region` are filled for the countries in the table below. `event_date` is the
first day of the period the text gives, with `time_precision` saying how wide that period is (1 day, 2 week,
3 month or coarser); an event dated only by the publication date gets that date and precision 2.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from ..document import Document, Event
from .words import DISORDER

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
# ISO 3166 numeric code, English name and ACLED region of the countries khabar's news is mostly about
COUNTRIES: dict[str, tuple[int, str, str]] = {
    "SY": (760, "Syria", "Middle East"), "IQ": (368, "Iraq", "Middle East"), "TR": (792, "Turkey", "Middle East"),
    "LB": (422, "Lebanon", "Middle East"), "JO": (400, "Jordan", "Middle East"), "IR": (364, "Iran", "Middle East"),
    "IL": (376, "Israel", "Middle East"), "PS": (275, "Palestine", "Middle East"), "YE": (887, "Yemen", "Middle East"),
    "SA": (682, "Saudi Arabia", "Middle East"), "AE": (784, "United Arab Emirates", "Middle East"),
    "QA": (634, "Qatar", "Middle East"), "KW": (414, "Kuwait", "Middle East"), "BH": (48, "Bahrain", "Middle East"),
    "OM": (512, "Oman", "Middle East"), "EG": (818, "Egypt", "Northern Africa"),
    "LY": (434, "Libya", "Northern Africa"), "TN": (788, "Tunisia", "Northern Africa"),
    "DZ": (12, "Algeria", "Northern Africa"), "MA": (504, "Morocco", "Northern Africa"),
    "SD": (729, "Sudan", "Northern Africa"), "SO": (706, "Somalia", "Eastern Africa"),
    "AF": (4, "Afghanistan", "Caucasus and Central Asia"), "PK": (586, "Pakistan", "South Asia"),
    "ML": (466, "Mali", "Western Africa"), "NG": (566, "Nigeria", "Western Africa"),
}


def factual_events(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.modality == "asserted" and e.event_type]


def _date(e: Event) -> tuple[str, int | None]:
    d = e.date or {}
    value = (d.get("value") or "").split("/")[0].split("T")[0]
    parts = value.split("-")
    if len(parts) == 1 and len(value) == 4 and value.isdigit():
        value = f"{value}-01-01"
    elif len(parts) == 2 and all(p.isdigit() for p in parts):
        value = f"{value}-01"
    elif not (len(parts) == 3 and all(p.isdigit() for p in parts)):
        return "", None
    return value, d.get("precision")


def _interaction(i1: int | None, i2: int | None) -> str:
    if i1 is None:
        return ""
    if i2 is None:
        return str(i1 * 10)
    lo, hi = sorted((i1, i2))
    return f"{lo}{hi}"


def acled_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for n, e in enumerate(factual_events(doc), 1):
        a1, a2, loc = e.actor1 or {}, e.actor2 or {}, e.location or {}
        country = loc.get("country") or ""
        iso, cname, region = COUNTRIES.get(country, ("", country, ""))
        day, precision = _date(e)
        tags = []
        if e.background:
            tags.append("background")
        if e.source:
            tags.append(f"reported by: {e.source} ({e.source_type})")
        elif e.claim is None:
            tags.append("unattributed")
        if e.fatalities_range:
            tags.append(f"fatalities as written: {e.fatalities_text}")
        sentence = doc.sentences[e.sentence] if e.sentence is not None and e.sentence < len(doc.sentences) else None
        rows.append({
            "event_id_cnty": f"{doc.meta.id or 'doc'}-{n}",
            "event_date": day, "year": day[:4], "time_precision": precision or "",
            "disorder_type": DISORDER.get(e.event_type or "", ""), "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": a1.get("name") or a1.get("text") or "", "assoc_actor_1": "", "inter1": a1.get("inter") or "",
            "actor2": a2.get("name") or a2.get("text") or "", "assoc_actor_2": "", "inter2": a2.get("inter") or "",
            "interaction": _interaction(a1.get("inter"), a2.get("inter")),
            "civilian_targeting": "Civilian targeting" if a2.get("inter") == 7 else "",
            "iso": iso, "region": region, "country": cname, "admin1": loc.get("admin1") or "", "admin2": "",
            "admin3": "", "location": loc.get("name") or loc.get("text") or "",
            "latitude": loc.get("lat") if loc.get("lat") is not None else "",
            "longitude": loc.get("lon") if loc.get("lon") is not None else "",
            "geo_precision": loc.get("geo_precision") or "",
            "source": doc.meta.source or doc.meta.url or "", "source_scale": "",
            "notes": doc.text[sentence.start:sentence.end].strip() if sentence else doc.text[e.start:e.end],
            "fatalities": e.fatalities if e.fatalities is not None else 0,
            "tags": "; ".join(tags), "timestamp": "",
        })
    return rows


def write_acled_csv(docs: Iterable[Document], fh, header: bool = True) -> None:
    w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for doc in docs:
        for row in acled_rows(doc):
            w.writerow(row)


def acled_csv(doc: Document) -> str:
    buf = io.StringIO()
    write_acled_csv([doc], buf)
    return buf.getvalue()


def geojson_features(doc: Document) -> list[dict[str, Any]]:
    """One Point feature per factual event with coordinates; properties carry the ACLED row and the spans."""
    out = []
    for row, e in zip(acled_rows(doc), factual_events(doc)):
        loc = e.location or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in row.items() if v != ""}
        props.update(plover=e.plover, modality=e.modality, background=e.background, trigger=e.trigger,
                     trigger_span=[e.start, e.end], document=doc.meta.id or doc.meta.url)
        out.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                    "properties": props})
    return out


def geojson(docs: Iterable[Document]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [f for d in docs for f in geojson_features(d)]}
