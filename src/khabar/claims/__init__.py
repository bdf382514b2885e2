"""Claims and their chain of attribution (isnad): who says what, on whose authority, how named the source is,
and what the article asserts with no source at all. Rules in `extract.py`; cue and source-noun lists in
`data/claims/`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..document import Claim, Document, Entity
from ..lexicon import default_lexicon as news_lexicon
from ..ner import load_gazetteer
from ..temporal.words import tkey
from .extract import COMPLEMENTIZERS, END, QUOTES, SentenceExtractor, default_lexicon, head_type, hedges_in

if TYPE_CHECKING:
    from ..pipeline import Context

__all__ = ["extract_claims", "run", "sources_table", "SOURCE_TYPES"]

SOURCE_TYPES = ("named_person", "named_organization", "official_role_unnamed", "anonymous_source",
                "vague_collective", "document_or_statement", "unattributed")
_ORG_KINDS = {"state", "military", "armed_group", "government_body", "international_org", "ngo_or_monitor", "media",
              "political_party", "coalition", "security"}
_MIN_ASSERTION_WORDS = 5


@dataclass
class _Source:
    text: str
    type: str
    kb_id: str | None


def _span(doc: Document, toks: list, a: int, b: int) -> dict[str, Any]:
    start, end = toks[a].start, toks[b - 1].end
    return {"start": start, "end": end, "text": doc.text[start:end]}


def _trim(keys: list[str], a: int, b: int) -> tuple[int, int]:
    """Drop quotation marks and punctuation at the edges of a source phrase."""
    while a < b and (keys[a] in QUOTES or keys[a] in {"،", ",", "(", ")"}):
        a += 1
    while b > a and (keys[b - 1] in QUOTES and keys[a:b].count(keys[b - 1]) == 1 and keys[b - 1] not in "»”"
                     or keys[b - 1] in {"،", ",", "(", ")", ".", ":", "ل", "ب", "و"}):
        b -= 1
    return a, b


_CONSTRUCT_OFFICES = {tkey(w) for w in ("وزير", "رئيس", "نائب", "أمين", "مدير", "قائد", "سفير", "محافظ", "زعيم",
                                         "مستشار", "مفتي", "ملك", "أمير", "ولي", "حاكم", "مندوب", "مبعوث", "آمر",
                                         "رئيسة", "وزيرة", "مديرة", "نائبة", "سفيرة", "مندوبة", "مبعوثة", "مستشارة")}
_ANON_WORDS = {tkey(w) for w in ("مصدر", "مصادر", "المصدر", "المصادر")}
_GROUP_PLURALS = {tkey(w) for w in ("فصائل", "الفصائل", "جماعات", "الجماعات", "أحزاب", "الأحزاب", "قوى", "القوى",
                                     "دول", "الدول")}
# offices held by one person at a time: a definite one (الرئيس المصري) names its holder
_OFFICES = {tkey(w) for w in ("الرئيس", "الملك", "الأمير", "الوزير", "المتحدث", "الناطق", "المبعوث", "السفير",
                               "المحافظ", "المدعي", "المدعى", "الأمين", "القائد", "المرشد", "البابا", "المفتي",
                               "العاهل", "الزعيم", "رئيس", "وزير", "ولي", "خادم", "الخبير", "المحلل", "الكاتب",
                               "الباحث")}


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset({k for k, v in load_gazetteer().items() if "P" in v} | {ALI})


ALI = "علي#"  # the name علي, told from the preposition على (both fold to علي) by its written final letter


def _name_keys(toks: list, keys: list[str]) -> list[str]:
    return [ALI if t.clean == "علي" else k for t, k in zip(toks, keys)]


def _has_name(keys: list[str], lex) -> bool:
    """Two bare words in a row, the first a person's name in the ANERgazet list and neither a source noun:
    نزار عبد القادر, بن رودس, انطوان زهرا."""
    names = _first_names()
    for x in range(len(keys) - 1):
        if keys[x] not in names:
            continue
        k, nxt = keys[x], keys[x + 1]
        if k.startswith("ال") or k in lex.source_types or not k.isalpha() or len(k) < 2 or k in _FUNCTION_WORDS:
            continue  # (folded, the preposition على is the name علي: both are left out)
        if k not in _NOT_NAMES and nxt.isalpha() and nxt not in lex.source_types \
                and (nxt in _NAME_LINKS or nxt in names or _common_count(nxt) < 3000) \
                and (len(nxt) >= 3 or nxt in _NAME_LINKS) and nxt not in COMPLEMENTIZERS and nxt not in _FUNCTION_WORDS \
                and not _looks_like_cue(nxt, lex) and (not nxt.startswith("ال") or k in _COMPOUND_FIRST):
            return True
    return False


def _name_tokens(keys: list[str], lex) -> set[int]:
    """Indices of two-word names whose first word is an ANERgazet first name (see _has_name)."""
    out: set[int] = set()
    for x in range(len(keys) - 1):
        if _has_name(keys[x:x + 2], lex):
            out |= {x, x + 1}
    return out


@lru_cache(maxsize=50_000)
def _common_count(k: str) -> int:
    """How often a word is seen in the news corpus (a family name is rarer than a noun like مطار)."""
    return news_lexicon().count(k)


def _looks_like_cue(k: str, lex) -> bool:
    return k in lex.cues or (k[:1] in "وف" and k[1:] in lex.cues)


_FUNCTION_WORDS = {tkey(w) for w in ("على", "في", "من", "إلى", "الى", "عن", "مع", "قد", "لا", "لم", "لن", "ما", "هو",
                                      "هي", "هذا", "هذه", "التي", "الذي", "كان", "كانت", "بين", "حول", "منذ", "خلال",
                                      "أمس", "امس", "اليوم", "بعد", "قبل", "عند", "لدى", "أيضا", "ايضا")}
_NAME_LINKS = {tkey(w) for w in ("بن", "بنت", "عبد", "أبو", "ابو")}
_NOT_NAMES = {tkey(w) for w in ("بن", "عبد", "أبو", "ابو", "آل", "خادم", "حزب", "الله", "نائب")}
_COMPOUND_FIRST = {tkey(w) for w in ("صلاح", "نور", "سيف", "علاء", "جمال", "بدر", "شمس", "عز", "تقي", "محيي",
                                      "زين", "نصر", "سعد", "عماد", "بهاء", "شرف", "كمال", "محي", "ضياء", "حسام")}


def _ends_in_name(keys: list[str], a: int, b: int) -> bool:
    """A role phrase ending in two bare words after a definite one reads as a title and a name
    (وزير الخارجية اليمني رياض ياسين)."""
    tail = keys[max(a, b - 2):b]
    return (b - a >= 4 and len(tail) == 2 and all(k.isalpha() and not k.startswith("ال") for k in tail)
            and keys[b - 3].startswith("ال") and keys[a] in _OFFICES)


_HONORIFIC_PRONOUNS = {tkey(w) for w in ("سموه", "سماحته", "معاليه", "فخامته", "جلالته", "سعادته", "فضيلته")}


def classify(doc: Document, toks: list, keys: list[str], a: int, b: int, entities: list[Entity],
             known_persons: set[str] | None = None) -> tuple[str, str | None]:
    """Source type and KB id of the source phrase toks[a:b]: its head noun says anonymous, vague or document;
    a person's name in it makes it a named person; an organisation, state or institution word a named
    organisation; a definite singular role (الرئيس المصري, المتحدث العسكري) is a named person, an indefinite or
    plural one (مسؤول أمريكي, مسؤولون) an unnamed official."""
    lex = default_lexicon()
    start, end = toks[a].start, toks[b - 1].end
    inside = [e for e in entities if start <= e.start and e.end <= end]
    head = head_type(keys[a:b], lex)
    person = next((e for e in inside if e.label == "PER" or e.kind == "person"), None)
    org = next((e for e in inside if e.kb_id and (e.kind in _ORG_KINDS or e.label in ("ORG", "LOC"))), None)
    if head == "anonymous_source" or any(k.lstrip("و") in _ANON_WORDS for k in keys[a:b]):
        return "anonymous_source", None  # مصدر أمني في التحالف الدولي; متطوع ومصدر طبي: anonymous
    if person is not None:
        return "named_person", person.kb_id
    if keys[a] in _HONORIFIC_PRONOUNS or (known_persons and b - a <= 2 and keys[b - 1] in known_persons):
        return "named_person", None  # سموه; الفغم after الدكتور نواف الفغم
    if head == "vague_collective" and org is None:
        return head, None
    if head != "anonymous_source" and _has_name(_name_keys(toks[a:b], keys[a:b]), lex):
        return "named_person", None  # الكاتب والمحلل السياسي يوسف دياب (a name the NER missed)
    if b - a == 1 and keys[a].startswith("ال") and head is None and not inside and _common_count(keys[a]) < 150:
        return "named_person", None  # الخرينج, الصباغ: a lone family name, rare as a word
    if head == "vague_collective" and org is not None and keys[a] in _GROUP_PLURALS:
        return "named_organization", org.kb_id  # فصائل الجبهة الجنوبية: a named group
    if head in ("vague_collective", "document_or_statement"):
        return head, (org.kb_id if head == "document_or_statement" and org else None)
    first = next((e for e in inside if e.start == start), None)
    if first is not None and (first.kb_id or first.label in ("ORG", "LOC")) and first.kind != "person":
        return "named_organization", first.kb_id
    if head == "named_organization":
        return "named_organization", org.kb_id if org else None
    if head == "official_role_unnamed":
        plural = keys[a].endswith(("ون", "ين")) or keys[a] in {tkey(w) for w in ("مسؤولون", "ضباط", "أعضاء",
                                                                                "دبلوماسيون", "جنود", "عناصر")}
        if keys[a] in _OFFICES and not plural:
            return "named_person", None  # الرئيس المصري, المتحدث العسكري: the holder of one office
        if keys[a] in _CONSTRUCT_OFFICES and b - a >= 2 and (keys[a + 1].startswith("ال") or
                                                             any(e.start >= toks[a + 1].start for e in inside)):
            # وزير الداخلية البحريني, رئيس إقليم كردستان: a title in construct with a definite (or named) genitive
            # is definite, one office and its holder
            return "named_person", None
        if not keys[a].startswith("ال") and _ends_in_name(keys, a, b):
            return "named_person", None  # وزير الخارجية اليمني رياض ياسين (a name the NER missed)
        return "official_role_unnamed", None
    if org is not None:
        return "named_organization", org.kb_id
    if keys[a].startswith("ال") and keys[a].endswith(("ون", "ين")) and b - a == 1:
        return "vague_collective", None  # الجمهوريون, المحتجون
    if keys[a].startswith("ال") or keys[a] in {tkey("إسرائيل"), tkey("واشنطن")}:
        return "named_organization", None  # السلطات البحرينية, الوزارة: a definite institution
    return "official_role_unnamed", None


def extract_claims(doc: Document) -> list[Claim]:
    lex = default_lexicon()
    by: dict[int, list] = {}
    for t in doc.tokens:
        by.setdefault(t.sentence, []).append(t)
    entities = sorted(doc.entities, key=lambda e: e.start)
    place_spans = [(e.start, e.end) for e in entities if e.place is not None and not e.kb_id]
    # names: the linked entities and the NER mentions, longest first (a token takes the widest name holding it)
    person_spans = [(e.start, e.end) for e in entities if e.label == "PER"]
    name_spans = sorted({(e.start, e.end) for e in entities} | {(m.start, m.end) for m in doc.mentions},
                        key=lambda s: s[0] - s[1])
    known_persons = {tkey(doc.text[s:e]).split()[-1] for s, e in person_spans if doc.text[s:e].split()}
    out: list[Claim] = []
    last: _Source | None = None  # the last explicit source: what وأضاف and مشيراً refer to
    last_sent = -10
    recent: list[tuple[_Source, str | None]] = []
    chain_ids: dict[int, int] = {}
    for sent_no in sorted(by):
        toks = by[sent_no]
        keys = [tkey(t.clean) for t in toks]
        s0, s1 = toks[0].start, toks[-1].end
        local_places = [(a, b) for a, b in place_spans if a < s1 and s0 < b]
        local_names = [(n, a, b) for n, (a, b) in enumerate(name_spans) if a < s1 and s0 < b]
        local_persons = [(a, b) for a, b in person_spans if a < s1 and s0 < b]
        places = {x for x, t in enumerate(toks) if any(a <= t.start and t.end <= b for a, b in local_places)}
        names = [next((n for n, a, b in local_names if a <= t.start and t.end <= b), -1) for t in toks]
        persons = {x for x, t in enumerate(toks) if any(a <= t.start and t.end <= b for a, b in local_persons)}
        name_keys = _name_keys(toks, keys)
        persons |= _name_tokens(name_keys, lex)  # names the NER missed: نزار عبد القادر, بن رودس
        try:
            found = SentenceExtractor(keys, lex, places, names, persons, [t.clean for t in toks],
                                      known_persons).extract()
        except Exception as e:  # one sentence must not cost the document its other claims
            doc.add_issue("claims", "warning", "sentence_failed",
                          f"claim extraction failed in the sentence at {toks[0].start}: {type(e).__name__}: {e}")
            continue
        sentence_source: _Source | None = None
        for f in found:
            src = None
            ref = None
            if f.source is not None:
                a, b = _trim(keys, *f.source)
                if b > a:
                    f.source = (a, b)
                    stype, kb = classify(doc, toks, keys, a, b, entities, known_persons)
                    src = _Source(doc.text[toks[a].start:toks[b - 1].end], stype, kb)
                else:
                    f.source = None
            gender = _gender(keys[f.cue[0]], lex)
            if src is None:
                ref = sentence_source if f.kind == "participle" and sentence_source else last
                if f.kind != "participle" and gender and recent:
                    # وأضافت: the last speaker whose verb agreed (a feminine verb: a woman or a feminine body)
                    ref = next((r for r, g in reversed(recent) if g == gender), ref)
                if ref is None or (f.kind != "participle" and sent_no - last_sent > 2):
                    # no recent speaker: the person (else the organisation) named last before the cue
                    cue_at = toks[f.cue[0]].start
                    near = [e for e in entities if e.end <= cue_at and (e.label == "PER" or e.kb_id)]
                    person = next((e for e in reversed(near) if e.label == "PER"), None)
                    pick = person or (near[-1] if near else None)
                    if pick is not None:
                        ref = _Source(doc.text[pick.start:pick.end],
                                      "named_person" if pick.label == "PER" else "named_organization", pick.kb_id)
                stype = ref.type if ref else "anonymous_source"
                kb = ref.kb_id if ref else None
            else:
                stype, kb = src.type, src.kb_id
                if not f.inner:
                    sentence_source = src
                    last, last_sent = src, sent_no
                    recent.append((src, gender))
            if f.chain is not None:
                f.chain = chain_ids.setdefault(f.chain, len(chain_ids) + 1)
            cue_start, cue_end = toks[f.cue[0]].start, toks[f.cue[1] - 1].end
            if f.skip and doc.text[cue_start:cue_start + 1] in ("و", "ف"):
                cue_start += f.skip  # a و/ف attached to the cue stays out of its span
            content = _span(doc, toks, *f.content) if f.content and f.content[1] > f.content[0] else None
            out.append(Claim(cue_start, cue_end, " ".join(t.clean for t in toks[f.cue[0]:f.cue[1]]), f.lemma,
                             f.stance, f.kind, _span(doc, toks, *f.source) if f.source else None,
                             (ref.text if ref else None) if src is None else None, stype, kb, content,
                             hedges_in(keys, *(f.content or (0, 0))), f.chain, f.chain_pos))
        if not found:
            words = [k for k in keys if k and k not in QUOTES and k not in END and k.isalpha()]
            question = any(k in {"؟", "?"} for k in keys)
            if len(words) >= _MIN_ASSERTION_WORDS and not question:
                s, e = toks[0].start, toks[-1].end
                out.append(Claim(s, e, None, content={"start": s, "end": e, "text": doc.text[s:e]}))
    return out


def _gender(key: str, lex) -> str | None:
    """The gender a cue verb agrees with: قالت / تقول / مشيرة feminine, قال / يقول / مشيرا masculine."""
    k = key[1:] if key[:1] in ("و", "ف") and key[1:] in lex.cues else key
    forms = lex.cues.get(k)
    if not forms:
        return None
    if k.endswith("ت") and k[:-1] in lex.cues:
        return "f"
    if k.startswith("ت") and ("ي" + k[1:]) in lex.cues:
        return "f"
    if forms[0].kind == "participle":
        return "f" if k.endswith("ه") else "m"
    if k.startswith("ي") or k[:-1] + "ت" in lex.cues:
        return "m"
    return None


def sources_table(doc: Document) -> list[dict[str, Any]]:
    """Each source of the document with its type, KB id and number of claims, most cited first; unattributed
    assertions last."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for c in doc.claims:
        name = c.source["text"] if c.source else (c.source_ref or ("(the article itself)" if c.cue is None
                                                                  else "(unnamed)"))
        key = (c.source_kb_id or tkey(name), c.source_type)
        r = rows.setdefault(key, {"source": name, "type": c.source_type, "kb_id": c.source_kb_id, "claims": 0,
                                  "stances": Counter()})
        r["claims"] += 1
        if c.stance:
            r["stances"][c.stance] += 1
    out = sorted(rows.values(), key=lambda r: (r["type"] == "unattributed", -r["claims"]))
    for r in out:
        r["stances"] = dict(r["stances"])
    return out


def type_shares(doc: Document) -> dict[str, float]:
    """Share of the document's claims by source type (unattributed assertions included)."""
    n = len(doc.claims)
    c = Counter(x.source_type for x in doc.claims)
    return {t: round(c[t] / n, 3) for t in SOURCE_TYPES if c[t]} if n else {}


def run(doc: Document, ctx: "Context") -> None:
    """Pipeline stage: fill `doc.claims`."""
    doc.claims = extract_claims(doc)
