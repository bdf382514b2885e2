"""The `events` layer: conflict events in the ACLED typology (event type and sub-event type) with the PLOVER
category beside it, each traced to the words that support it.

Per sentence, `extract.SentenceEvents` finds trigger words and their clause, decides whether the event happened
(`modality`: asserted, or a threat, plan, call, denial or hypothesis) and picks the actor that did it and the one
it was done to. This module turns those token indices into spans and adds what the other layers know: the KB
link and ACLED actor category of each actor (entities), the place and its coordinates (entities with a place),
the date (times, else the publication date), and the claim that reports the event (claims). An event dated well
before the publication date is marked `background`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..document import Document, Entity, Event
from ..temporal.words import tkey
from .extract import Found, Participant, SentenceEvents
from .words import INTER, PLACE_HEADS

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Context

BACKGROUND_DAYS = 180  # an event dated more than this before publication is recalled, not reported


def _span(doc: Document, toks: list, a: int, b: int) -> dict[str, Any]:
    s, e = toks[a].start, toks[b - 1].end
    return {"start": s, "end": e, "text": doc.text[s:e]}


def _country_of(doc: Document, f: Found, toks: list, places: list[Entity]) -> str | None:
    for e in places:
        if e.place and e.place.get("country"):
            return e.place["country"]
    return None


def _participant(doc: Document, toks: list, p: Participant | None, ents: list[Entity],
                 country: str | None) -> dict[str, Any] | None:
    if p is None:
        return None
    d = _span(doc, toks, p.a, p.b)
    ent = ents[p.entity] if p.entity is not None else None
    if ent is not None and (ent.kb_id or ent.label in ("PER", "ORG")):
        d.update(kb_id=ent.kb_id, name=ent.name or ent.clean, acled_category=ent.acled_category,
                 inter=INTER.get(ent.acled_category or ""), kind=ent.kind or ent.label.lower())
        if ent.kind == "state" and not ent.acled_category:
            d.update(acled_category="State Forces", inter=1)
        return d
    generic = {"civilian": ("Civilians", "Civilians"), "protesters": ("Protesters", "Protesters"),
               "armed": ("Unidentified Armed Group", "Political Militias"), "other": (None, None)}
    name, cat = generic.get(p.kind, (None, None))
    if name and country:
        name = f"{name} ({country})"
    d.update(kb_id=None, name=name, acled_category=cat, inter=INTER.get(cat or ""), kind=p.kind)
    return d


def _parse(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX value covers (2019-03 → March 2019), None when it is not a plain date."""
    if not value:
        return None
    head = value.split("/")[0].split("T")[0]
    try:
        parts = [int(x) for x in head.split("-")]
    except ValueError:
        return None
    try:
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(parts) == 1 and len(head) == 4:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _date(doc: Document, s0: int, s1: int, c0: int, c1: int) -> dict[str, Any] | None:
    """The time expression of the clause (else of the sentence) that dates the event; else the publication date."""
    def usable(t) -> bool:
        return t.type in ("date", "time") or (t.type == "vague" and t.interval is not None and
                                              t.value.startswith("PAST"))
    for lo, hi in ((c0, c1), (s0, s1)):
        for t in doc.times:
            if lo <= t.start < hi and usable(t):
                value = t.value if t.type != "vague" else t.interval
                return {"start": t.start, "end": t.end, "text": doc.text[t.start:t.end], "value": value,
                        "precision": t.precision or 3, "from": "text"}
    if doc.meta.published:
        return {"start": None, "end": None, "text": None, "value": doc.meta.published[:10], "precision": 2,
                "from": "published"}
    return None


def _place(doc: Document, e: Entity) -> dict[str, Any]:
    p = e.place or {}
    return {"start": e.start, "end": e.end, "text": doc.text[e.start:e.end], "name": p.get("name"),
            "lat": p.get("latitude"), "lon": p.get("longitude"), "country": p.get("country"),
            "admin1": p.get("admin1"), "feature": p.get("feature"), "geo_precision": p.get("geo_precision"),
            "geonameid": p.get("geonameid")}


def _clause_places(doc: Document, places: list[tuple[int, Entity]], c0: int, c1: int) -> list[dict[str, Any]]:
    return [_place(doc, e) for _, e in places if c0 <= e.start < c1 and e.kind != "state" and
            tkey(e.clean) not in PLACE_HEADS]


def _location(doc: Document, places: list[tuple[int, Entity]], c0: int, c1: int, s0: int,
              s1: int) -> dict[str, Any] | None:
    def pick(lo: int, hi: int, states: bool) -> Entity | None:
        for _, e in places:
            if lo <= e.start < hi and ((e.kind == "state") == states) and tkey(e.clean) not in PLACE_HEADS:
                return e  # not a bare "مدينة" or "منطقة" the linker read as a name
        return None
    e = pick(c0, c1, False) or pick(s0, s1, False) or pick(c0, c1, True)
    if e is None or not e.place:
        return None
    return _place(doc, e)


def extract_events(doc: Document) -> list[Event]:
    by: dict[int, list] = {}
    for t in doc.tokens:
        by.setdefault(t.sentence, []).append(t)
    entities = sorted(doc.entities, key=lambda e: e.start)
    places = [(n, e) for n, e in enumerate(entities) if e.place is not None]
    cue_spans = [(c.start, c.end) for c in doc.claims if c.cue]
    published = _parse(doc.meta.published)
    out: list[Event] = []
    for sent_no in sorted(by):
        toks = by[sent_no]
        keys = [tkey(t.clean) for t in toks]
        s0, s1 = toks[0].start, toks[-1].end
        local = [(n, e) for n, e in enumerate(entities) if e.start < s1 and s0 < e.end]
        ent_at = [next((n for n, e in local if e.start <= t.start and t.end <= e.end), -1) for t in toks]
        cues = {x for x, t in enumerate(toks) if any(a <= t.start < b for a, b in cue_spans)}
        try:
            found = SentenceEvents(keys, ent_at, entities).extract(cues)
        except Exception as e:  # one sentence must not cost the document its other events
            doc.add_issue("events", "warning", "sentence_failed",
                          f"event extraction failed in the sentence at {s0}: {type(e).__name__}: {e}")
            continue
        for f in found:
            ta, tb = f.trigger
            c0, c1 = toks[f.clause[0]].start, toks[f.clause[1] - 1].end
            loc = _location(doc, places, c0, c1, s0, s1)
            country = loc.get("country") if loc else None
            when = _date(doc, s0, s1, c0, c1) if f.modality in ("asserted", "negated") else None
            background = False
            modality = f.modality
            if when and when["from"] == "text" and published:
                span = _parse(when["value"])
                if span is not None and (published[0] - span[1]).days > BACKGROUND_DAYS:
                    background = True
                if span is not None and span[0] > published[0] and modality == "asserted":
                    modality, when = "plan", None  # dated after publication: announced, not happened
            start, end = toks[ta].start, toks[tb - 1].end
            claim_no = next((n for n, c in enumerate(doc.claims) if c.cue and c.content and
                             c.content["start"] <= start < c.content["end"]), None)
            claim = doc.claims[claim_no] if claim_no is not None else None
            if claim is not None and claim.stance == "deny" and modality == "asserted":
                modality = "negated"
            fat = f.fatalities
            ev = Event(start, end, " ".join(t.clean for t in toks[ta:tb]),
                       f.acled_type if modality == "asserted" else None,
                       f.sub_event if modality == "asserted" else None,
                       f.plover, f.mode, modality, background,
                       _participant(doc, toks, f.actor1, entities, country),
                       _participant(doc, toks, f.actor2, entities, country),
                       loc, _clause_places(doc, places, c0, c1), when,
                       fat[0] if fat else None,
                       [fat[1], fat[2]] if fat and fat[1] != fat[2] else None,
                       _span(doc, toks, *f.fatalities_at)["text"] if f.fatalities_at else None,
                       claim_no,
                       None if claim is None else ((claim.source or {}).get("text") or claim.source_ref),
                       None if claim is None else claim.source_type,
                       sent_no)
            if modality != "asserted":
                ev.event_type = ev.sub_event_type = None
            out.append(ev)
    return out


def run(doc: Document, ctx: "Context") -> None:
    doc.events = extract_events(doc)


def factual(doc: Document) -> list[Event]:
    """The events the text reports as having happened (no threats, plans, calls, denials or hypotheses)."""
    return [e for e in doc.events if e.modality == "asserted" and e.event_type]
