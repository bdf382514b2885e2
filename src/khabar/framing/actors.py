"""Loaded terms in a document, the actor each one is attached to, and the noun phrases the article names each
actor with. Rules, all within one sentence and read off the layers the pipeline made (tokens, entities):

- A *label* of an entity mention is the mention widened to the noun phrase around it: a collective head noun just
  before it (تنظيم، ميليشيات، نظام، قوات ...: `ميليشيات` + `الحوثي`) and up to three definite adjectives just
  after it (`تنظيم داعش` + `الإرهابي`, `الاحتلال` + `التركي`). Its first word loses its proclitic
  (`للاحتلال التركي` → `الاحتلال التركي`).
- A phrase with no entity in it is an actor too when a loaded term is attached to it or it is tied to an entity by
  an affiliation word: a collective head noun (الفصائل، المستوطنين، العصابات ...), its definite adjectives and
  `التابعة / الموالية / المدعومة` + the entity (`الفصائل الإرهابية التابعة للاحتلال التركي`).
- A loaded term *targets* the entity whose mention contains it (`تنظيم داعش الإرهابي`), else the entity or
  actor phrase right after it, past definite adjectives (`مرتزقة أردوغان`, `قطعان المستوطنين`), else the one
  right before it when the term is a definite adjective (`داعش الإرهابي`, `الفصائل الإرهابية`). A term inside
  the middle of a proper name (`هيئة تحرير الشام`) is part of the name and is not reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Entity, Token
from ..fold import fold
from .terms import Term, TermIndex, _strip, word_candidates

# collective nouns that head a phrase naming a group of people / an organisation (folded, without ال)
_GROUP_HEADS = {fold(w) for w in (
    "فصائل", "فصيل", "جماعات", "جماعة", "ميليشيات", "ميليشيا", "مليشيات", "مليشيا", "ميلشيات", "عصابات", "عصابة",
    "قوات", "عناصر", "مسلحين", "مسلحون", "مقاتلين", "مقاتلون", "مرتزقة", "مستوطنين", "مستوطنون", "تنظيم",
    "تنظيمات", "خلايا", "كتائب", "حركة", "جيش", "نظام", "حكومة", "سلطات", "احتلال", "كيان", "عملاء",
    "إرهابيين", "إرهابيون", "متمردين", "متمردون", "انفصاليين", "انقلابيين", "شبيحة", "دواعش", "ثوار", "مجاهدين",
    "أذرع", "وكلاء", "أذناب", "مجموعات", "مجموعة", "زمرة", "عصابات")}
# those that may also widen an entity's label to the left (ميليشيات الحوثي، نظام الأسد، عصابات داعش)
_LEFT_HEADS = {fold(w) for w in (
    "تنظيم", "ميليشيات", "ميليشيا", "مليشيات", "مليشيا", "ميلشيات", "عصابات", "عصابة", "مرتزقة", "قوات", "جيش",
    "حكومة", "نظام", "سلطات", "احتلال", "كيان", "فصائل", "جماعة", "حركة", "أذرع", "وكلاء", "أذناب", "زمرة")}
_AFFILIATION = {fold(w) for w in (
    "التابعة", "التابع", "التابعين", "التابعون", "الموالية", "الموالي", "الموالين", "الموالون", "المدعومة",
    "المدعوم", "المدعومين", "المرتبطة", "المرتبط", "المرتبطين")}
_NOT_ADJ = {fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "إلى", "الآن",
                              "الأخرى", "الماضي", "الحالي", "المقبل", "الجاري", "الأولى", "الثاني", "الثانية")}
_PARTICIPLES = {fold(w) for w in (
    "المسلحة", "المسلح", "المسلحين", "المسلحون", "المتطرفة", "المتطرف", "المتطرفين", "المتشددة", "المتشدد",
    "المتشددين", "المحتلة", "المحتل", "المعارضة", "المعارض", "المعتدلة", "المنشقة", "المنشقين", "المتمردة",
    "المتمردين", "المجرمة", "المجرم", "المأجورة", "المأجورين", "الغاشم", "الغاشمة", "الظلامية")}
_NISBA_ENDS = ("ي", "يه", "يين", "يون", "يات", "يتين", "يان")
_MAX_ADJ = 3
ACTOR_KINDS = {"state", "military", "security", "government_body", "armed_group", "political_party",
               "international_org", "coalition", "ngo_or_monitor", "media", "person"}


@dataclass
class LoadedTerm:
    start: int
    end: int
    text: str
    term: str
    category: str
    polarity: str
    target_text: str | None = None
    target_kb_id: str | None = None
    target_name: str | None = None


@dataclass
class ActorLabel:
    kb_id: str | None
    name: str
    labels: dict[str, int] = field(default_factory=dict)
    kind: str | None = None
    affiliation: str | None = None  # kb_id (or name) of the actor an unlinked phrase is tied to (التابعة لـ ...)
    loaded: dict[str, int] = field(default_factory=dict)  # category → loaded terms attached to this actor

    def to_dict(self) -> dict[str, Any]:
        return {"kb_id": self.kb_id, "name": self.name, "kind": self.kind, "affiliation": self.affiliation,
                "labels": dict(self.labels), "loaded": dict(self.loaded)}


# -- token helpers ---------------------------------------------------------------------------------------------
def _bare(word: str) -> str:
    """Folded, without proclitic or article: the key of a head noun."""
    cands = [k for k, _ in word_candidates(word)]
    for k in cands:
        if k in _GROUP_HEADS or k in _LEFT_HEADS:
            return k
    return cands[0] if cands else ""


def _definite(word: str) -> str:
    f = fold(_strip(word))
    return f if f.startswith("ال") else ""


def _is_adj(word: str) -> bool:
    """A definite adjective that can extend a noun phrase: a nisba (التركي، الإرهابية), a participle that names a
    group's character (المسلحة، المحتلة) or a loaded word (الدموي)."""
    f = _definite(word)
    if len(f) < 5 or f in _NOT_ADJ or f in _AFFILIATION:
        return False
    if f.endswith(_NISBA_ENDS) or f in _PARTICIPLES:
        return True
    from .terms import load_terms
    return load_terms().match_word(word) is not None


def _display_first(tok: Token, names: tuple[str, ...] = ()) -> str:
    """The first word of a label without its proclitic: للاحتلال → الاحتلال, والقوات → القوات, وسوريا → سوريا
    (when the actor's own name starts with سوريا)."""
    w = tok.clean
    if tok.prefix and tok.base:
        return tok.base + tok.suffix
    if w.startswith("لل") and len(w) > 4:
        return "ال" + w[2:]
    if len(w) > 4 and w[0] in "وفبكل" and w[1:3] == "ال":
        return w[1:]
    if len(w) > 4 and w[0] in "وف" and w[1] in "بلك" and w[2:4] == "ال":
        return w[2:]
    if len(w) > 3 and w[0] in "وفبكل" and _bare(w) in _GROUP_HEADS and fold(w[1:]) == _bare(w):
        return w[1:]
    if len(w) > 3 and w[0] in "وفبكل" and names:
        firsts = {fold(n.split()[0]) for n in names if n.split()}
        for cut in (2, 1):
            if len(w) - cut >= 3 and w[:cut] in ("وب", "ول", "وك", "فب", "فل") + tuple("وفبكل") \
                    and fold(w[cut:]) in firsts:
                return w[cut:]
    return w


class _Sent:
    """The word tokens of a document with the entity (index) each belongs to."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.toks = [t for t in doc.tokens if t.end > t.start]
        self.ent: list[int | None] = [None] * len(self.toks)
        ents = sorted(range(len(doc.entities)), key=lambda i: (doc.entities[i].start, -doc.entities[i].end))
        j = 0
        for ei in ents:
            e = doc.entities[ei]
            while j < len(self.toks) and self.toks[j].end <= e.start:
                j += 1
            k = j
            while k < len(self.toks) and self.toks[k].start < e.end:
                if self.ent[k] is None:
                    self.ent[k] = ei
                k += 1
        self.range: dict[int, tuple[int, int]] = {}
        for i, ei in enumerate(self.ent):
            if ei is not None:
                a, b = self.range.get(ei, (i, i + 1))
                self.range[ei] = (min(a, i), max(b, i + 1))

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].kind == "word"

    def same(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.toks) and self.toks[i].sentence == self.toks[j].sentence

    def free_adj(self, i: int) -> bool:
        return self.word(i) and self.ent[i] is None and _is_adj(self.toks[i].clean)

    def text(self, a: int, b: int, names: tuple[str, ...] = ()) -> str:
        """The label text of tokens a..b-1: clean words, the first without its proclitic."""
        words = [_display_first(self.toks[a], names)] + [t.clean for t in self.toks[a + 1:b]]
        return " ".join(words)


# -- phrases ---------------------------------------------------------------------------------------------------
@dataclass
class _Phrase:
    a: int
    b: int
    text: str
    ent: int | None  # the entity, when the phrase names one
    head: str = ""  # folded head noun of an unlinked phrase
    affiliation: int | None = None  # entity an unlinked phrase is tied to


def _entity_phrase(s: _Sent, ei: int) -> _Phrase:
    a, b = s.range[ei]
    if s.word(a - 1) and s.same(a, a - 1) and s.ent[a - 1] is None and a - 1 >= 0 \
            and _bare(s.toks[a - 1].clean) in _LEFT_HEADS:
        a -= 1
    e = s.doc.entities[ei]
    n = 0
    while e.label != "PER" and e.kind != "person" and n < _MAX_ADJ and s.same(a, b) and s.free_adj(b):
        b += 1
        n += 1
    return _Phrase(a, b, s.text(a, b, _names(e)), ei)


def _names(e: Entity) -> tuple[str, ...]:
    """The actor's Arabic names from the knowledge base (for proper names inside a mention)."""
    out = [n for n in (e.name_ar,) if n]
    if e.kb_id:
        try:
            from ..kb.actors import load_actors
            actor = load_actors().get(e.kb_id)
        except Exception:  # the KB is optional here
            actor = None
        if actor is not None:
            out.extend([actor.name_ar, *actor.aliases_ar])
    return tuple(dict.fromkeys(n for n in out if n))


def _group_phrase(s: _Sent, h: int) -> _Phrase:
    """The phrase headed by the collective noun at token h: its adjectives and an affiliation to an entity."""
    b = h + 1
    n = 0
    while n < _MAX_ADJ and s.same(h, b) and s.free_adj(b):
        b += 1
        n += 1
    aff = None
    if s.word(b) and s.same(h, b) and fold(_strip(s.toks[b].clean)) in _AFFILIATION and s.same(h, b + 1):
        j = b + 1
        if s.word(j) and s.toks[j].clean in ("ل", "لـ", "من") and s.same(h, j + 1):
            j += 1
        if j < len(s.toks) and s.ent[j] is not None:
            aff = s.ent[j]
            b = _entity_phrase(s, aff).b
    return _Phrase(h, b, s.text(h, b), None, _bare(s.toks[h].clean), aff)


def _is_head(s: _Sent, i: int) -> bool:
    return s.word(i) and s.ent[i] is None and _bare(s.toks[i].clean) in _GROUP_HEADS


# -- the analysis ----------------------------------------------------------------------------------------------
def _in_name(s: _Sent, ei: int, a: int, b: int, term: Term) -> bool:
    """A loaded word that is part of a proper name, not a label: inside a name (هيئة تحرير الشام, unless the
    actor's names do not have it: قوات الاحتلال الإسرائيلي is a label), or a glorifying word that starts or ends
    the group's own name (المقاومة الإسلامية في العراق, أحرار الشام)."""
    ea, eb = s.range[ei]
    e = s.doc.entities[ei]
    names = _names(e)

    def in_names() -> bool:
        for name in names:
            keys = {k for w in name.split() for k, _ in word_candidates(w)}
            if all(k in keys for k in term.keys):
                return True
        return False

    if a > ea and b < eb:
        return not e.kb_id or in_names()
    return term.polarity == "positive" and in_names()


def _target(s: _Sent, a: int, b: int, adjective: bool) -> tuple[str, int] | None:
    """('ent', entity index) or ('head', token index) the term at tokens a..b-1 is attached to."""
    ent = next((s.ent[i] for i in range(a, b) if s.ent[i] is not None), None)
    if ent is not None:
        return "ent", ent
    if b == a + 1 and _is_head(s, a) and _group_phrase(s, a).b > b:
        return "head", a  # the term heads a phrase of its own: المرتزقة السوريين التابعين لتركيا

    def right() -> tuple[str, int] | None:
        j, n = b, 0
        while n < 2 and s.same(a, j) and s.free_adj(j) and not _is_head(s, j):
            j, n = j + 1, n + 1
        if s.word(j) and s.same(a, j):
            if s.ent[j] is not None:
                return "ent", s.ent[j]
            if _is_head(s, j):
                return "head", j
        return None

    def left() -> tuple[str, int] | None:
        j, n = a - 1, 0
        while n < 2 and s.same(a, j) and s.free_adj(j) and not _is_head(s, j):
            j, n = j - 1, n + 1
        if j >= 0 and s.word(j) and s.same(a, j):
            if s.ent[j] is not None:
                return "ent", s.ent[j]
            if _is_head(s, j):
                return "head", j
        return None

    if adjective:
        return left() or right()
    return right()


def _actor_of(e: Entity) -> bool:
    return e.label in ("ORG", "PER") or (e.kind or "") in ACTOR_KINDS


def _group_key(e: Entity, label: str) -> str:
    if e.kb_id:
        return "kb:" + e.kb_id
    words = label.split()
    return "txt:" + " ".join(fold(_strip(w)) for w in words)


def analyse_terms_and_actors(doc: Document, index: TermIndex) -> tuple[list[LoadedTerm], list[ActorLabel]]:
    s = _Sent(doc)
    if not s.toks:
        return [], []
    ent_phrase: dict[int, _Phrase] = {ei: _entity_phrase(s, ei) for ei in s.range}
    group_phrases: dict[int, _Phrase] = {}

    def group(h: int) -> _Phrase:
        if h not in group_phrases:
            group_phrases[h] = _group_phrase(s, h)
        return group_phrases[h]

    # 1. loaded terms
    terms: list[LoadedTerm] = []
    attached: list[tuple[str, object, str]] = []  # (kind, key, category) for the actor table
    words = [t.clean if t.kind == "word" else "\u0000" for t in s.toks]
    i = 0
    while i < len(s.toks):
        if s.toks[i].kind != "word":
            i += 1
            continue
        hit = _match(index, words, s, i)
        if hit is None:
            i += 1
            continue
        term, n = hit
        a, b = i, i + n
        i = b
        ent_inside = next((s.ent[k] for k in range(a, b) if s.ent[k] is not None), None)
        if ent_inside is not None and _in_name(s, ent_inside, a, b, term):
            continue
        adjective = n == 1 and bool(_definite(s.toks[a].clean)) and _is_adj(s.toks[a].clean)
        tgt = _target(s, a, b, adjective)
        if term.needs == "actor" and tgt is None:
            continue
        start, end = s.toks[a].start, s.toks[b - 1].end
        lt = LoadedTerm(start, end, doc.text[start:end], term.term, term.category, term.polarity)
        if tgt is not None:
            kind, idx = tgt
            if kind == "ent":
                ph = ent_phrase[idx]
                e = doc.entities[idx]
                lt.target_text, lt.target_kb_id = ph.text, e.kb_id
                lt.target_name = e.name or e.name_ar or ph.text
                attached.append(("ent", idx, term.category))
            else:
                ph = group(idx)
                lt.target_text = ph.text
                lt.target_name = ph.text
                attached.append(("head", idx, term.category))
        terms.append(lt)

    # unlinked group phrases tied to an entity by an affiliation word are actors even with no loaded term
    for h in range(len(s.toks)):
        if _is_head(s, h) and h not in group_phrases:
            ph = _group_phrase(s, h)
            if ph.affiliation is not None:
                group_phrases[h] = ph

    # 2. actor table
    table: dict[str, ActorLabel] = {}
    order: list[str] = []
    for ei in sorted(s.range, key=lambda k: s.range[k][0]):
        e = doc.entities[ei]
        if not _actor_of(e):
            continue
        ph = ent_phrase[ei]
        key = _group_key(e, ph.text)
        if key not in table:
            table[key] = ActorLabel(e.kb_id, e.name or e.name_ar or ph.text, kind=e.kind)
            order.append(key)
        table[key].labels[ph.text] = table[key].labels.get(ph.text, 0) + 1
    for h in sorted(group_phrases):
        ph = group_phrases[h]
        aff = doc.entities[ph.affiliation] if ph.affiliation is not None else None
        aff_id = (aff.kb_id or ent_phrase[ph.affiliation].text) if aff is not None else None
        key = f"grp:{ph.head}:{aff_id or ''}:{'' if aff_id else fold(ph.text)}"
        if key not in table:
            table[key] = ActorLabel(None, ph.text, kind="group", affiliation=aff_id)
            order.append(key)
        table[key].labels[ph.text] = table[key].labels.get(ph.text, 0) + 1
    for kind, idx, cat in attached:
        if kind == "ent":
            e = doc.entities[idx]
            if not _actor_of(e):
                continue
            key = _group_key(e, ent_phrase[idx].text)
        else:
            ph = group_phrases[idx]
            aff = doc.entities[ph.affiliation] if ph.affiliation is not None else None
            aff_id = (aff.kb_id or ent_phrase[ph.affiliation].text) if aff is not None else None
            key = f"grp:{ph.head}:{aff_id or ''}:{'' if aff_id else fold(ph.text)}"
        if key in table:
            table[key].loaded[cat] = table[key].loaded.get(cat, 0) + 1
    actors = [table[k] for k in order]
    for a in actors:
        a.labels = dict(Counter(a.labels).most_common())
    return terms, actors


def _match(index: TermIndex, words: list[str], s: _Sent, i: int) -> tuple[Term, int] | None:
    # multi-word terms may not cross a sentence
    hit = index.match_at(words, i)
    if hit is None:
        return None
    term, n = hit
    if n > 1 and not all(s.same(i, i + k) and s.word(i + k) for k in range(n)):
        t = index.match_word(words[i])
        return (t, 1) if t is not None and len(t.keys) == 1 else None
    return hit
