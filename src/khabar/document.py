"""The Document: the original text, never modified, and stand-off layers over it.

Every annotation is a span of character offsets into `Document.text` (Python string indices, end exclusive).
Stages that work on the clean text map their spans back through `Document.clean.alignment` before storing them.
`to_dict()` writes the output contract (DESIGN §3): `schema_version`, meta, and one array per layer whose items
carry `start`, `end`, `text` (the original characters) and their own fields. `from_dict()` reads it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from .alignment import Alignment

SCHEMA_VERSION = "1.0"


@dataclass
class Meta:
    id: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str = "ar"
    extra: dict[str, Any] = field(default_factory=dict)  # any other fields of the input (JSONL), kept as given

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> "Meta":
        known = {f.name for f in fields(cls)} - {"extra"}
        kw = {k: (str(v) if k == "id" and v is not None else v) for k, v in data.items() if k in known}
        extra = dict(data.get("extra") or {})
        extra.update({k: v for k, v in data.items() if k not in known and k != "extra"})
        return cls(**kw, extra=extra)

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        if self.extra:
            d["extra"] = dict(self.extra)
        return d


@dataclass
class Issue:
    """Something the pipeline could not do on this document, and why."""

    stage: str  # "read", "clean", "segment", ...
    level: str  # "warning" | "error"
    code: str
    message: str


@dataclass
class Obfuscation:
    """One word the cleaner rewrote: where it stands in the original, what it was, what it became, and how."""

    start: int
    end: int
    clean: str
    kinds: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Token:
    """A token with its original span, its clean form and, for Arabic words, its clitic split:
    `والمرصد` → prefix `و`, base `المرصد`, suffix ``."""

    start: int
    end: int
    clean: str
    kind: str  # word | latin | number | punct | symbol | url | email | hashtag | mention
    sentence: int
    prefix: str = ""
    base: str = ""
    suffix: str = ""


@dataclass
class Mention:
    """A named-entity mention: PER, ORG, LOC or MISC, from the NER model (`source`)."""

    start: int
    end: int
    label: str
    clean: str
    source: str = "crf"


@dataclass
class Entity:
    """A mention resolved against the knowledge base: an actor (`kb_id`), a place (`place`: coordinates,
    GeoNames id, admin1, ACLED `geo_precision`), or both (a country is a state actor and a place). Unknown
    mentions stay, typed, with `kb_id` and `place` null."""

    start: int
    end: int
    label: str  # PER | ORG | LOC | MISC (the NER's type, or the KB's when the KB found it alone)
    clean: str
    kb_id: str | None = None
    kind: str | None = None  # actor kind (state, armed_group, ...) or place feature (city, admin1, camp, ...)
    name: str | None = None  # the KB's name (English)
    name_ar: str | None = None
    country: str | None = None
    acled_category: str | None = None
    qid: str | None = None
    metonymy: bool = False  # a place standing for its government ("أعلنت دمشق")
    match: str = "none"  # exact | stripped | fuzzy | context | none
    source: str = "ner"  # ner | kb | ner+kb
    place: dict[str, Any] | None = None


@dataclass
class TimeExpression:
    """A temporal expression (TIMEX3-like): its type, normalised value, interval where one is defensible, the
    anchor it was resolved against, and ACLED `time_precision` (1 day, 2 week, 3 month or coarser)."""

    start: int
    end: int
    clean: str
    type: str  # date | time | duration | set | vague
    value: str  # 2019-03, 2015-07-20, 2015-W30, 2015-SU, P3D, PAST_REF, A/B …; X where the anchor was needed
    interval: str | None = None  # A/B bounds: of a vague expression, a part of a month, "the last N days" …
    precision: int | None = None  # ACLED time_precision, dates and times only
    mod: str | None = None  # START | MID | END | APPROX | MORE_THAN | LESS_THAN
    anchor: str | None = None  # the date it was resolved against (YYYY-MM-DD), when it needed one
    anchored: bool = True  # False: it needed the publication date and the document has none
    calendar: str = "gregorian"  # gregorian | hijri (as written; values are always Gregorian)


@dataclass
class Claim:
    """An attributed statement (who says what, on whose authority) or, with no cue, a sentence the article asserts
    on its own authority (`source_type` "unattributed"). `start`/`end` is the cue (the sentence when there is
    none); `source` and `content` are spans {start, end, text} into the original text."""

    start: int
    end: int
    cue: str | None  # the cue's clean text
    lemma: str | None = None  # the cue's dictionary form (قال, أكد, بحسب …)
    stance: str | None = None  # assert | deny | accuse | claim | warn | estimate | demand
    cue_kind: str | None = None  # verb | participle | prep | noun | passive
    source: dict[str, Any] | None = None  # the source phrase as written, when the text names it here
    source_ref: str | None = None  # an implicit source (وأضاف, مشيراً): the phrase it refers back to
    source_type: str = "unattributed"  # named_person | named_organization | official_role_unnamed |
    # anonymous_source | vague_collective | document_or_statement | unattributed
    source_kb_id: str | None = None  # the source's actor in the knowledge base, when linked
    content: dict[str, Any] | None = None
    hedges: list[str] = field(default_factory=list)
    chain_id: int | None = None  # links of one transmission share it; chain_pos 0 is the source the writer cites
    chain_pos: int | None = None


@dataclass
class Event:
    """A conflict event (ACLED typology, PLOVER beside it): `start`/`end` is the trigger word; actors, location,
    date and the fatality count are traced to the words that support them (spans into the original text)."""

    start: int
    end: int
    trigger: str  # the trigger's clean text
    event_type: str | None  # ACLED event_type; None for a threat or a call (nothing happened to code)
    sub_event_type: str | None
    plover: str | None  # ASSAULT, PROTEST, COERCE, MOBILIZE, AGREE, RETREAT, THREATEN
    plover_mode: str | None = None
    modality: str = "asserted"  # asserted | threat | plan | call | negated | hypothetical
    background: bool = False  # recalled from well before the publication date, not the news of the day
    actor1: dict[str, Any] | None = None  # span + kb_id, name, acled_category, inter
    actor2: dict[str, Any] | None = None
    location: dict[str, Any] | None = None  # span + name, lat, lon, country, admin1, geo_precision
    places: list[dict[str, Any]] = field(default_factory=list)  # every place of its clause (في عفرين وجرابلس والباب)
    date: dict[str, Any] | None = None  # value, precision (ACLED time_precision), from: text | published
    fatalities: int | None = None  # ACLED's best estimate (dozens → 12); None when the text gives none
    fatalities_range: list[int | None] | None = None  # [low, high] for a vague count
    fatalities_text: str | None = None
    claim: int | None = None  # index into `claims` of the attribution that reports it
    source: str | None = None  # who reports it (the claim's source), None when the article says it itself
    source_type: str | None = None
    sentence: int | None = None


@dataclass
class CleanText:
    text: str
    alignment: Alignment


@dataclass
class Document:
    text: str
    meta: Meta = field(default_factory=Meta)
    clean: CleanText | None = None
    obfuscations: list[Obfuscation] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # framing (khabar.framing.Frames.to_dict()): loaded terms with their targets, the actor label table, the
    # persuasion techniques per paragraph; spans into `text`. None until the frames stage has run.
    frames: dict[str, Any] | None = None
    issues: list[Issue] = field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def to_clean_span(self, start: int, end: int) -> tuple[int, int]:
        if self.clean is None:
            return start, end
        return self.clean.alignment.to_clean(start, end)

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.clean is None:
            return start, end
        return self.clean.alignment.to_original(start, end)

    def add_issue(self, stage: str, level: str, code: str, message: str) -> None:
        self.issues.append(Issue(stage, level, code, message))

    @property
    def failed(self) -> bool:
        return any(i.level == "error" for i in self.issues)

    # -- serialisation -------------------------------------------------------------------------------------------
    def to_dict(self, *, tokens: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "meta": self.meta.to_dict(), "text": self.text}
        if self.clean is not None:
            d["clean"] = {"text": self.clean.text, "alignment": self.clean.alignment.to_list()}
        d["obfuscations"] = [self._item(o) for o in self.obfuscations]
        d["sentences"] = [self._item(s) for s in self.sentences]
        d["tokens"] = [self._item(t) for t in self.tokens] if tokens else []
        d["mentions"] = [self._item(m) for m in self.mentions]
        d["entities"] = [self._item(e) for e in self.entities]
        d["times"] = [self._item(t) for t in self.times]
        d["claims"] = [self._item(c) for c in self.claims]
        d["events"] = [self._item(e) for e in self.events]
        if self.frames is not None:
            d["frames"] = self.frames
        d["issues"] = [vars(i).copy() for i in self.issues]
        return d

    def _item(self, obj: Any) -> dict[str, Any]:
        d = {"start": obj.start, "end": obj.end, "text": self.text[obj.start:obj.end]}
        for f in fields(obj):
            if f.name not in ("start", "end"):
                v = getattr(obj, f.name)
                d[f.name] = list(v) if isinstance(v, list) else v
        return d

    def to_json(self, *, tokens: bool = True, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(tokens=tokens), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        version = d.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {version!r} (this khabar reads {SCHEMA_VERSION})")
        text = d["text"]
        doc = cls(text=text, meta=Meta.from_mapping(d.get("meta") or {}))
        if d.get("clean") is not None:
            c = d["clean"]
            doc.clean = CleanText(c["text"], Alignment.from_list(c["alignment"], len(c["text"]), len(text)))
        doc.obfuscations = [_load(Obfuscation, x) for x in d.get("obfuscations", [])]
        doc.sentences = [_load(Sentence, x) for x in d.get("sentences", [])]
        doc.tokens = [_load(Token, x) for x in d.get("tokens", [])]
        doc.mentions = [_load(Mention, x) for x in d.get("mentions", [])]
        doc.entities = [_load(Entity, x) for x in d.get("entities", [])]
        doc.times = [_load(TimeExpression, x) for x in d.get("times", [])]
        doc.claims = [_load(Claim, x) for x in d.get("claims", [])]
        doc.events = [_load(Event, x) for x in d.get("events", [])]
        doc.frames = d.get("frames")
        doc.issues = [Issue(**x) for x in d.get("issues", [])]
        return doc

    @classmethod
    def from_json(cls, s: str) -> "Document":
        return cls.from_dict(json.loads(s))


def _load(kind: type, item: dict[str, Any]) -> Any:
    names = {f.name for f in fields(kind)}
    return kind(**{k: v for k, v in item.items() if k in names})
