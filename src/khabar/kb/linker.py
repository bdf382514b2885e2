"""Entity linking and geocoding: mentions → actors and places of the knowledge base.

For a document, the linker
1. takes the NER mentions and, beside them, the longest runs of tokens that spell a KB name (so a mention the
   NER missed is still found, and an NER span that swallowed a title still links through the name inside it);
2. looks each span up by its folded key after stripping clitics from its first word, then with generic heads
   (`تنظيم`, `مدينة`, `محافظة`, `ريف` …) and trailing epithets (`الإرهابي`, `المحتلة` …) removed, then with a
   guarded one-edit fuzzy match for misspellings (`جرابس` → `جرابلس`: single words of five letters or more, never
   a person, one candidate only, of a country the document already talks about);
3. chooses between candidates with the NER type (a PER span prefers persons, a LOC span places), the document's
   context (countries of the places and actors already resolved), and size (population);
4. reads a capital as its government (`أعلنت دمشق`, `أنقرة ترفض`: metonymy) unless it is where something
   happens or goes (after a preposition or a place word, or with a preposition attached);
5. resolves a bare head (`التحالف`, `التنظيم`, `المرصد`) to the last actor of the document whose name begins
   with it, and a bare last name to the person the document has already named with it;
6. reads descriptions by the country the document is about (`الشرعية`, `المتمردين` in coverage of Yemen;
   descriptions.tsv), a lone family name of a person already named or of the only KB person with it, a lineage
   cut back to the name the KB knows, and a group's country branch (داعش in an article about Libya);
7. reads a state body by its country: from an adjective (`مجلس الوزراء العراقي`) or, with no country word
   (`الحكومة`, `مجلس النواب`), from the country the document has mentioned most; and a title with no name
   (`رئيس الوزراء العراقي`, `الأمين العام` of the GCC, the Arab League or the UN) as whoever held the office in
   the article's year (`خادم الحرمين الشريفين` is the Saudi king; a deputy, نائب …, is not the holder).
Nothing is fetched and no span fails the document: an unknown mention stays, typed, with null ids.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import Entity
from ..lexicon import default_lexicon
from .actors import Actor, load_actors, name_key
from .places import Gazetteer, Place, kb_rows, load_gazetteer

if TYPE_CHECKING:
    from ..document import Document
    from ..pipeline import Context

MAX_WORDS = 8
_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "ول", "وب", "فب", "ال", "لل", "و", "ف", "ب", "ل", "ك")
HEADS = {name_key(w) for w in ("تنظيم", "حركة", "جماعة", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "فصيل",
                                "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "منطقة", "مناطق", "ريف", "العاصمة",
                                "إقليم", "مقاطعة", "بلدات", "قرى", "مدن", "دولة", "جمهورية")}
TRAILS = {name_key(w) for w in ("الإرهابي", "الإرهابية", "الارهابي", "المتطرف", "المتطرفة", "المحتلة", "المحتل",
                                 "المسلح", "المسلحة",
                                 "المحررة", "المنحل", "المنحلة", "المزعومة", "السورية", "العراقية", "التركية")}
_HEADS_WITH_CLITICS = HEADS | {c + h for c in _CLITICS for h in HEADS}
# Heads that, alone, refer back to the last actor of the document named with them.
ANAPHORIC_HEADS = {name_key(w) for w in ("التحالف", "التنظيم", "المرصد", "الحركة", "الجماعة", "الهيئة", "الحزب",
                                          "القيادة", "الجيش", "الحكومة", "المملكة")}
NEAR_HEADS = {name_key(w) for w in ("ريف", "محيط", "أطراف", "ضواحي", "قرب", "شمال", "جنوب", "شرق", "غرب")}
ADMIN_HEADS = {name_key(w) for w in ("محافظة", "ولاية", "إقليم", "مقاطعة")}
GOVERNMENT_OF = name_key("حكومة")
PLACE_PREPS = {name_key(w) for w in ("في", "من", "إلى", "الى", "قرب", "نحو", "داخل", "حول", "عند")}
ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class Candidate:
    actor: Actor | None = None
    place: Place | None = None


@dataclass
class Index:
    """Name key → candidates, built once from the actor files and the gazetteer."""

    names: dict[str, list[Candidate]]
    gaz: Gazetteer
    actors: dict[str, Actor]
    capitals: dict[str, str]  # key of a capital's name → country
    governments: dict[str, str]  # country → government actor id
    first_len: dict[str, int] = field(default_factory=dict)  # first word of a name → most words of such names
    nisba: dict[str, str] = field(default_factory=dict)  # country adjective (العراقي، السورية) → country
    nisba_of: dict[str, str] = field(default_factory=dict)  # country → its (masculine) adjective
    by_country: dict[str, list[tuple[str, Actor]]] = field(default_factory=dict)  # country → (name key, actor)
    offices: dict[tuple[str, str], list[tuple[int, int, Actor]]] = field(default_factory=dict)
    # description key (المتمردين، الشرعية) → [(country the document must be about, actor)]
    descriptions: dict[str, list[tuple[str, Actor]]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)  # family name (الزياني) → ids of persons with it
    country_words: dict[str, str] = field(default_factory=dict)  # a state's name, adjective or capital → country
    branches: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (group, country) → its country branch

    _deletions: dict[str, set[str]] | None = None

    def lookup(self, key: str) -> list[Candidate]:
        return self.names.get(key, [])

    @property
    def deletions(self) -> dict[str, set[str]]:
        """One-letter deletions of single-word Arabic keys of five letters or more → those keys (built on the
        first fuzzy lookup: most documents never need it)."""
        if self._deletions is None:
            d: dict[str, set[str]] = {}
            for k in self.names:
                if " " not in k and len(k) >= 5 and ARABIC.search(k):
                    for i in range(len(k)):
                        d.setdefault(k[:i] + k[i + 1:], set()).add(k)
            self._deletions = d
        return self._deletions


def _add(names: dict[str, list[Candidate]], form: str, cand: Candidate) -> None:
    k = name_key(form)
    if not k:
        return
    keys = [k]
    # عبد العزيز / عبدالعزيز: names built on عبد are written both ways
    if "عبد" in k:
        joined = re.sub(r"(?<![^ ])عبد (?=ال)", "عبد", k)
        spaced = re.sub(r"(?<![^ ])عبد(?=ال)", "عبد ", k)
        keys += [x for x in (joined, spaced) if x != k]
    # the other case of a sound masculine plural: الحوثيون / الحوثيين, المتمردون / المتمردين
    for key in list(keys):
        last = key.split(" ")[-1]
        if len(last) > 5 and last.endswith(("يون", "يين")):
            other = last[:-2] + ("ين" if last.endswith("ون") else "ون")
            keys.append(key[: len(key) - len(last)] + other)
    for key in keys:
        lst = names.setdefault(key, [])
        if cand not in lst:
            lst.append(cand)


@lru_cache(maxsize=1)
def default_index() -> Index:
    actors = load_actors()
    gaz = load_gazetteer()
    names: dict[str, list[Candidate]] = {}
    for a in actors.values():
        for form in a.surface_forms():
            _add(names, form, Candidate(actor=a))
    for p in gaz.places.values():
        if p.feature == "country":
            continue  # countries are reached through their state actor
        for form in p.names_ar:
            _add(names, form, Candidate(place=p))
        if p.feature not in ("city", "capital"):
            _add(names, p.name, Candidate(place=p))
    capitals = {}
    for cc, p in gaz.capitals.items():
        for form in p.names_ar:
            capitals[name_key(form)] = cc
    governments = {}
    for a in actors.values():
        if a.kind == "government_body" and a.id == f"{a.country.lower()}.gov":
            governments[a.country] = a.id
    first_len: dict[str, int] = {}
    for k in names:
        parts = k.split(" ")
        first_len[parts[0]] = max(first_len.get(parts[0], 0), min(len(parts), MAX_WORDS))
    nisba: dict[str, str] = {}
    by_country: dict[str, list[tuple[str, Actor]]] = {}
    for a in actors.values():
        if not a.country or a.country == "INT":
            continue
        if a.kind == "state":
            for form in (a.name_ar, *a.aliases_ar):
                if form and " " not in form.strip():
                    for adj in nisba_forms(form):
                        nisba.setdefault(adj, a.country)
        if a.kind != "person":
            for form in (a.name_ar, *a.aliases_ar):
                if form:
                    by_country.setdefault(a.country, []).append((name_key(form), a))
    nisba_of: dict[str, str] = {}
    for adj, cc in nisba.items():
        nisba_of.setdefault(cc, adj)
    surnames: dict[str, set[str]] = {}
    for a in actors.values():
        if a.kind == "person":
            for form in a.surface_forms():
                parts = name_key(form).split(" ")
                if len(parts) > 1:
                    surnames.setdefault(parts[-1], set()).add(a.id)
    country_words = {**capitals, **nisba}
    for adj, cc in nisba.items():  # the indefinite adjective too: طائرة سعودية, مسؤول عراقي
        if adj.startswith("ال") and len(adj) >= 6:
            country_words.setdefault(adj[2:], cc)
    for a in actors.values():
        if a.kind == "state" and a.country and a.country != "INT":
            for form in (a.name_ar, *a.aliases_ar, *a.misspellings_ar):
                if form and len(name_key(form).split(" ")) <= 2:
                    country_words.setdefault(name_key(form), a.country)
    # a group's country branch is a child named after it (داعش ليبيا under داعش)
    branches: dict[tuple[str, str], Actor] = {}
    for a in actors.values():
        parent = actors.get(a.parent)
        if parent is None or a.kind != "armed_group" or not a.country or a.country == parent.country:
            continue
        short = {name_key(f) for f in parent.surface_forms() if " " not in f.strip()}
        if name_key(a.name_ar).split(" ")[0] in short:
            branches[(parent.id, a.country)] = a
    return Index(names, gaz, actors, capitals, governments, first_len, nisba, nisba_of, by_country,
                 _offices(actors), load_descriptions(actors), surnames, country_words, branches)


def load_descriptions(actors: dict[str, Actor]) -> dict[str, list[tuple[str, Actor]]]:
    """descriptions.tsv: phrase key → [(country, actor)]. A row naming an unknown actor is an error (the KB test
    reads every row through here)."""
    out: dict[str, list[tuple[str, Actor]]] = {}
    for n, r in enumerate(kb_rows("descriptions.tsv"), 2):
        a = actors.get(r["actor"])
        if a is None:
            raise ValueError(f"descriptions.tsv: row {n} names unknown actor {r['actor']!r}")
        for phrase in r["phrases_ar"].split(" | "):
            k = name_key(phrase)
            if k and (r["country"], a) not in out.get(k, []):
                out.setdefault(k, []).append((r["country"], a))
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_YEAR = rf"(?:{_MONTH} )?(\d{{4}})"
_OFFICE = r"(Prime Minister|President|Foreign Minister|Defence Minister|Interior Minister|Crown Prince|King)"
_TERM = re.compile(rf"^(?:acting )?{_OFFICE}(?: and {_OFFICE})? of ([A-Z][A-Za-z ]+?)(?: \([^)]*\))? "
                   rf"(?:{_YEAR}\s*[-–]\s*(?:{_YEAR}|present)|(?:from|since) {_YEAR})", re.IGNORECASE)


# "GCC Secretary-General 2011-2020", "Secretary-General of the Arab League from Jul 2016"
_SG_ORGS = {"gcc": "int.gcc", "gulf cooperation council": "int.gcc", "arab league": "int.arab_league",
            "un": "int.un", "united nations": "int.un"}
_SG_TERM = re.compile(rf"(?:\b(GCC|Arab League|UN|United Nations) secretary-general|secretary-general of the "
                      rf"(GCC|Gulf Cooperation Council|Arab League|United Nations)) "
                      rf"(?:{_YEAR}\s*[-–]\s*{_YEAR}|from {_YEAR})", re.IGNORECASE)


def _offices(actors: dict[str, Actor]) -> dict[tuple[str, str], list[tuple[int, int, Actor]]]:
    """(office, country) → (first year, last year, person), read from the persons' notes ("Prime Minister of Iraq
    2014-2020"); a term still running ends in 9999."""
    country_of = {a.name_en: a.country for a in actors.values() if a.kind == "state"}
    out: dict[tuple[str, str], list[tuple[int, int, Actor]]] = {}
    for a in actors.values():
        if a.kind != "person":
            continue
        for seg in a.notes.split(";"):
            sg = _SG_TERM.search(seg)
            if sg:
                org = _SG_ORGS[(sg.group(1) or sg.group(2)).lower()]
                first = int(sg.group(3) or sg.group(5))
                last = int(sg.group(4)) if sg.group(4) else 9999
                out.setdefault(("Secretary-General", org), []).append((first, last, a))
                continue
            m = _TERM.match(seg.strip())
            cc = country_of.get(m.group(3).strip()) if m else None
            if m is None or cc is None:
                continue
            first = int(m.group(4) or m.group(6))
            last = int(m.group(5)) if m.group(5) else (first if m.group(4) and "present" not in seg else 9999)
            for office in (m.group(1), m.group(2)):
                if office:
                    out.setdefault((office.title(), cc), []).append((first, last, a))
    return out


def nisba_forms(country_name: str) -> tuple[str, str]:
    """The adjective of a one-word country name, masculine and feminine keys: العراق → العراقي / العراقيه,
    سوريا → السوري, السعودية → السعودي, أمريكا → الامريكي."""
    k = name_key(country_name)
    stem = k[2:] if k.startswith("ال") else k
    for end in ("يه", "يا", "ا"):
        if stem.endswith(end) and len(stem) > len(end) + 2:
            stem = stem[: -len(end)]
            break
    return f"ال{stem}ي", f"ال{stem}يه"


# ---- keys ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=200_000)
def clitic_variants(word_key: str) -> tuple[str, ...]:
    """The word, then the word without each leading clitic (و ف ب ل ك, and لل → ال), longest clitic first.
    The article stays: "المشهد" is not the city "مشهد", "السورية" is not the country "سورية"."""
    out = [word_key]
    for c in _CLITICS:
        if word_key.startswith(c) and len(word_key) - len(c) >= 2:
            rest = word_key[len(c):]
            out.append("ال" + rest if c.endswith("ال") or c == "لل" else rest)
    return tuple(dict.fromkeys(out))


def strip_clitics(word_key: str, known) -> list[str]:
    """`clitic_variants` that are known names (the word itself always comes first)."""
    v = clitic_variants(word_key)
    return [v[0], *(k for k in v[1:] if known(k))]


def span_keys(words: Sequence[str], index: Index) -> list[tuple[str, str]]:
    """Keys to try for a span, most literal first: (key, how)."""
    ks = [name_key(w) for w in words]
    ks = [k for k in ks if k]
    if not ks:
        return []
    rest = " ".join(ks[1:])
    out: list[tuple[str, str]] = []

    def known(first: str) -> bool:
        return (first + (" " + rest if rest else "")) in index.names

    for first in strip_clitics(ks[0], known):
        out.append((first + (" " + rest if rest else ""), "exact" if first == ks[0] else "stripped"))
    # heads and epithets removed
    core = list(ks)
    changed = False
    while len(core) > 1 and core[0] in _HEADS_WITH_CLITICS:
        core = core[1:]
        changed = True
    while len(core) > 1 and core[-1] in TRAILS:
        core = core[:-1]
        changed = True
    if changed:
        r = " ".join(core[1:])
        for first in strip_clitics(core[0], lambda f: (f + (" " + r if r else "")) in index.names):
            out.append((first + (" " + r if r else ""), "core"))
    # a lineage cut back (محمد بن نايف بن عبد العزيز آل سعود → محمد بن نايف), longest first
    for p in range(len(ks) - 1, 1, -1):
        if ks[p] in LINEAGE:
            out.append((" ".join(ks[:p]), "core"))
    return list(dict.fromkeys(out))


LINEAGE = {name_key(w) for w in ("بن", "آل")}


# ---- choosing -----------------------------------------------------------------------------------------------

@dataclass
class DocContext:
    """What the document has said so far: the countries of its resolved actors and places."""

    countries: Counter = field(default_factory=Counter)
    about: Counter = field(default_factory=Counter)  # the whole document's country words (see country_prior)

    def note(self, e: Entity) -> None:
        if e.country and e.country != "INT":
            self.countries[e.country] += 1


# Province names that are ordinary directions or words (الشمال، الجنوب، العاصمة …): as places_admin1.tsv says,
# they name a province only after محافظة / منطقة … or in a document already about that province's country.
GENERIC_PROVINCE_NAMES = {name_key(w) for w in ("الشمال", "الجنوب", "العاصمة", "المركز", "الوسطى", "الشرقية",
                                                 "الغربية", "الشمالية", "الجنوبية")}


def _admissible(c: Candidate, key: str, ctx: DocContext, after_head: bool) -> bool:
    p = c.place
    if p is None:
        return True
    if p.feature == "admin1" and key in GENERIC_PROVINCE_NAMES:
        return after_head or p.country in ctx.countries
    # a small town abroad, in an article that has so far been about other countries, is a namesake
    if p.feature == "city" and p.population < 100_000 and sum(ctx.countries.values()) >= 2 \
            and p.country not in ctx.countries:
        return False
    return True


def _score(c: Candidate, label: str | None, ctx: DocContext) -> float:
    s = 0.0
    if c.actor is not None:
        a = c.actor
        if label == "PER":
            s += 3 if a.kind == "person" else -2
        elif label == "ORG":
            s += 1 if a.kind not in ("person", "state") else (-2 if a.kind == "person" else 0.5)
        elif label == "LOC":
            s += 1 if a.kind == "state" else -1
        if a.country in ctx.countries:
            s += 1
        s += 0.5  # an actor name is a deliberate KB entry
        if a.kind == "state":
            s += 2  # `لبنان` is the country, not the Syrian village of that name
    else:
        p = c.place
        assert p is not None
        if label == "PER":
            s -= 3
        elif label == "ORG":
            s -= 1
        elif label == "LOC":
            s += 1
        if p.country in ctx.countries:
            s += 2 + 0.1 * min(ctx.countries[p.country], 10)
        # a bare name is the town (ACLED precision 1), unless the town is small and a province has the name
        # (صلاح الدين, لحج, القنيطرة); after محافظة it is always the province (see _make)
        s += {"capital": 1.0, "admin1": 0.0, "city": 0.0}.get(p.feature, 0.3)
        s += 0.15 * math.log10(p.population + 1) if p.feature != "admin1" else 0.15 * math.log10(50_000)
    return s


def entity_from(c: Candidate, start: int, end: int, label: str, clean: str, match: str, source: str) -> Entity:
    """The entity for a span resolved to `c`: the actor's KB fields, and the place (a state's is its country)."""
    e = Entity(start, end, label, clean, match=match, source=source)
    if c.actor is not None:
        a = c.actor
        e.kb_id, e.kind, e.name, e.name_ar = a.id, a.kind, a.name_en or None, a.name_ar or None
        e.country = a.country or None
        e.acled_category = a.acled_category or None
        e.qid = a.qid or None
        if a.kind == "state" and a.country:
            p = load_gazetteer().places.get(f"country:{a.country}")
            if p is not None:
                e.place = place_dict(p)
    if c.place is not None:
        p = c.place
        e.kind = e.kind or p.feature
        e.name, e.name_ar = e.name or p.name, e.name_ar or p.name_ar
        e.country = e.country or p.country
        e.place = place_dict(p)
    return e


def place_dict(p: Place, near: bool = False) -> dict:
    gaz = load_gazetteer()
    a1 = gaz.admin1_names.get((p.country, p.admin1)) if p.admin1 else None
    prec = p.geo_precision
    if near and prec == 1:
        prec = 2
    return {"id": p.id, "geonameid": p.geonameid, "latitude": p.latitude, "longitude": p.longitude,
            "admin1": a1[0] if a1 else None, "admin1_ar": a1[1] if a1 else None, "country": p.country,
            "geo_precision": prec, "feature": p.feature, "name": p.name, "name_ar": p.name_ar, "source": p.source}


def link_span(words: Sequence[str], label: str | None, ctx: DocContext, index: Index | None = None,
              allow_fuzzy: bool = True) -> tuple[Candidate | None, str]:
    """The best KB candidate for a span's words and how it was matched (exact, stripped, fuzzy), or (None, none)."""
    index = index or default_index()
    for key, how in span_keys(words, index):
        after_head = how == "core" and name_key(words[0]) in _HEADS_WITH_CLITICS
        cands = [c for c in index.lookup(key) if _admissible(c, key, ctx, after_head)]
        if cands:
            return max(cands, key=lambda c: _score(c, label, ctx)), ("stripped" if how == "core" else how)
    body = _body_of_country(words, index)
    if body is not None:
        return Candidate(actor=body), "stripped"
    if allow_fuzzy and len(words) == 1 and label != "PER":  # persons are never fuzzy-matched
        keys = span_keys(words, index)
        for key, _ in keys:
            if " " in key or len(key) < 5 or not ARABIC.search(key):
                continue
            found: set[str] = set(index.deletions.get(key, ()))  # the mention lacks a letter
            for i in range(len(key)):  # the mention has an extra or a wrong letter
                d = key[:i] + key[i + 1:]
                if d in index.names:
                    found.add(d)
                found |= index.deletions.get(d, set())
            found.discard(key)
            cands = [c for k in found for c in index.names[k]]
            # guarded: one candidate, and a place only in a country the document already talks about
            cands = [c for c in cands if (c.place is not None and c.place.country in ctx.countries)
                     or (c.actor is not None and c.actor.kind != "person" and c.actor.country in ctx.countries)]
            if len({(c.actor.id if c.actor else c.place.id) for c in cands}) == 1:  # type: ignore[union-attr]
                return cands[0], "fuzzy"
    return None, "none"


def _body_of_country(words: Sequence[str], index: Index) -> Actor | None:
    """`مجلس الوزراء العراقي`, `القوات الأمنية السورية`: a generic body followed by a country's adjective is
    that country's body of that name: the actor of that country with the shortest name beginning with it."""
    if len(words) < 2:
        return None
    cc = index.nisba.get(name_key(words[-1]))
    if cc is None:
        return None
    head = [name_key(w) for w in words[:-1]]
    for first in clitic_variants(head[0]):
        body = " ".join([first, *head[1:]])
        if len(body) < 4:
            continue
        found = [(len(k), a) for k, a in index.by_country.get(cc, ()) if k == body or k.startswith(body + " ")]
        if found:
            return min(found, key=lambda x: x[0])[1]
    return None


# ---- the pipeline stage ---------------------------------------------------------------------------------------

def _dictionary_spans(words: list[str], index: Index) -> list[tuple[int, int]]:
    """Longest runs of words (start, end) that spell a KB name, left to right, non-overlapping; the first word
    may carry clitics (`وقوات سوريا الديمقراطية`)."""
    ks = [name_key(w) for w in words]
    out = []
    i, n = 0, len(words)
    while i < n:
        best = 0
        for first in strip_clitics(ks[i], lambda f: f in index.first_len):
            longest = index.first_len.get(first, 0)
            for ln in range(min(longest, n - i), best, -1):
                if " ".join([first, *ks[i + 1: i + ln]]) in index.names:
                    best = ln
                    break
        if best:
            out.append((i, i + best))
            i += best
        else:
            i += 1
    return out


def _is_metonymy(words: list[str], i: int, j: int, index: Index) -> str | None:
    """The country whose capital words[i:j] is, when the capital stands for its government."""
    if j - i != 1:
        return None
    keys = [k for k, _ in span_keys(words[i:j], index)]
    cc = next((index.capitals[k] for k in keys if k in index.capitals), None)
    if cc is None:
        return None
    before = name_key(words[i - 1]) if i > 0 else ""
    if before == GOVERNMENT_OF:
        return cc
    # Political news names governments by their capitals far more often than it places things in them; the
    # capital is a place when it is where something happens or goes: after a preposition, a place word, or
    # with a preposition attached (بدمشق، لطهران)
    word = name_key(words[i])
    if before in PLACE_PREPS or before in PLACE_HEADS or before in NEAR_HEADS or word[:1] in ("ب", "ل", "ك"):
        return None
    if word.startswith(("وب", "ول", "فب", "فل")) and word[2:] in index.capitals:
        return None
    return cc


def country_prior(words: Sequence[str], index: Index) -> Counter:
    """How often the text names each country: its states' names (one or two words), adjectives and capitals,
    clitics allowed. What a description or a bare body (`الحكومة`, `المتمردين`) is read against before the
    document has resolved anything."""
    out: Counter = Counter()
    keys = [name_key(w) for w in words]
    cw = index.country_words
    for k, key in enumerate(keys):
        for v in clitic_variants(key):
            if k + 1 < len(keys) and f"{v} {keys[k + 1]}" in cw:
                out[cw[f"{v} {keys[k + 1]}"]] += 1
                break
            if v in cw:
                out[cw[v]] += 1
                break
    return out


def link_document(doc: Document, index: Index | None = None) -> list[Entity]:
    index = index or default_index()
    by_sentence: dict[int, list] = {}
    for t in doc.tokens:
        by_sentence.setdefault(t.sentence, []).append(t)
    mentions = sorted(doc.mentions, key=lambda m: m.start)
    ctx = DocContext(about=country_prior([t.clean for t in doc.tokens], index))
    out: list[Entity] = []
    recent: list[Actor] = []
    persons: dict[str, Actor] = {}  # last-name key → person already named in the document
    for toks in by_sentence.values():
        try:
            _link_sentence(doc, toks, mentions, ctx, out, recent, persons, index)
        except Exception as e:  # one bad sentence must not cost the document its other entities
            doc.add_issue("link", "warning", "sentence_failed",
                          f"linking failed in the sentence at {toks[0].start}: {type(e).__name__}: {e}")
    return out


def _link_sentence(doc: Document, toks: list, mentions: list, ctx: DocContext, out: list[Entity],
                   recent: list[Actor], persons: dict[str, Actor], index: Index) -> None:
    words = [t.clean for t in toks]
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    ner: dict[tuple[int, int], str] = {}
    for m in mentions:
        if m.start in starts and m.end in ends:
            ner[(starts[m.start], ends[m.end] + 1)] = m.label
    dict_spans = _dictionary_spans(words, index)
    # a KB name that contains an NER span is the better span (قوات سوريا الديمقراطية over سوريا)
    for a, b in dict_spans:
        inside = [s for s in ner if a <= s[0] and s[1] <= b and s != (a, b)]
        crossing = [s for s in ner if s[0] < b and a < s[1] and not (a <= s[0] and s[1] <= b)]
        if inside and not crossing:
            for s_ in inside:
                del ner[s_]
            ner[(a, b)] = ""
    taken: list[tuple[int, int, Entity]] = []
    for (i, j), label in sorted(ner.items()):
        cand, how = link_span(words[i:j], label or None, ctx, index)
        if cand is None:
            inner = [(a, b) for a, b in dict_spans if i <= a and b <= j]
            if len(inner) > 1:  # `اردوغان وبوتين`: two people in one NER span
                for a, b in inner:
                    c2, h2 = link_span(words[a:b], label or None, ctx, index, allow_fuzzy=False)
                    if c2 is not None:
                        taken.append((a, b, _make(doc, toks, a, b, _label_of(c2), c2, h2, "ner+kb", words, index)))
                continue
            if inner and not (label == "ORG" and inner[0][0] != i):
                # (an organisation named after a person or a city, مركز الملك سلمان…, محكمة استئناف طهران, is
                # not that person or city: inside an ORG span only a name at its start is its head)
                a, b = inner[0]
                cand, how = link_span(words[a:b], label or None, ctx, index, allow_fuzzy=False)
        if cand is None and j - i == 1 and name_key(words[i]) in HEADS | NEAR_HEADS:
            continue  # the NER took a place word (ريف، مدينة) for a name: nothing to report
        # a linked mention takes the KB's type (the NER may call داعش a place); an unlinked one keeps the NER's
        label = _label_of(cand) if cand else (label or "MISC")
        taken.append((i, j, _make(doc, toks, i, j, label, cand, how, "ner+kb" if cand else "ner", words, index)))
    for a, b in dict_spans:
        if any(not (b <= i or j <= a) for i, j, _ in taken):
            continue
        if b - a == 1 and not _safe_alone(words, a, index):
            continue
        cand, how = link_span(words[a:b], None, ctx, index, allow_fuzzy=False)
        if cand is not None:
            taken.append((a, b, _make(doc, toks, a, b, _label_of(cand), cand, how, "kb", words, index)))
    _coordinated_places(doc, toks, words, taken, ctx, index)
    _anaphoric_heads(doc, toks, words, taken, recent, index)
    _descriptions(doc, toks, words, taken, ctx, index)
    _generic_bodies(doc, toks, words, taken, ctx, index)
    _titles(doc, toks, words, taken, ctx, recent, index)
    _named_again(doc, toks, words, taken, persons, index)
    _drop_replaced(taken)
    local = _local_countries(ctx, taken)
    top = local.most_common(1)[0][0] if local else None
    for i, j, e in sorted(taken, key=lambda x: x[0]):
        _same_person(e, words[i:j], persons, index)
        branch = index.branches.get((e.kb_id or "", top or ""))
        if branch is not None:  # داعش in an article about Libya: its Libyan branch
            e.__dict__.update(entity_from(Candidate(actor=branch), e.start, e.end, e.label, e.clean, e.match,
                                          e.source).__dict__)
        out.append(e)
        ctx.note(e)
        if e.kb_id and e.kb_id in index.actors and e.match != "context":
            a = index.actors[e.kb_id]
            recent.append(a)
            if a.kind == "person":
                for form in (*a.surface_forms(), " ".join(words[i:j])):
                    last = name_key(form).split(" ")[-1]
                    if len(last) >= 3:
                        persons.setdefault(last, a)


def _same_person(e: Entity, words: list[str], persons: dict[str, Actor], index: Index) -> None:
    """An unlinked person mention whose last name is that of a person the document has already named
    (`آشتون كارتر` … `كارتر`) is that person; so is a lone family name borne by one KB person only."""
    if e.kb_id or e.label != "PER" or not words:
        return
    last = name_key(words[-1])
    a = next((persons[k] for k in clitic_variants(last) if k in persons), None)
    if a is None and len(words) == 1:
        # a family name (`الزياني`, `العبادي`) that only one person of the KB bears
        for k in clitic_variants(last):
            ids = index.surnames.get(k, ())
            if k.startswith("ال") and len(k) >= 6 and len(ids) == 1 and k not in index.names:
                a = index.actors[next(iter(ids))]
                break
    if a is not None:
        linked = entity_from(Candidate(actor=a), e.start, e.end, "PER", e.clean, "context", "ner+kb")
        e.__dict__.update(linked.__dict__)


def _named_again(doc, toks, words, taken, persons: dict[str, Actor], index: Index) -> None:
    """A family name the NER did not tag (`وأعلن العبادي`) of a person the document has already named in full
    (`حيدر العبادي`): that person. Only family names with the article (ال…), of five letters or more."""
    here = dict(persons)
    for i, j, e in sorted(taken, key=lambda x: x[0]):
        if e.kb_id in index.actors and index.actors[e.kb_id].kind == "person" and e.match != "context":
            here.setdefault(name_key(words[j - 1]), index.actors[e.kb_id])
    for k, w in enumerate(words):
        if _blocked(taken, k, k + 1):
            continue
        for v in clitic_variants(name_key(w)):
            a = here.get(v)
            if a is not None and v.startswith("ال") and len(v) >= 5:
                cand = Candidate(actor=a)
                taken.append((k, k + 1, _make(doc, toks, k, k + 1, "PER", cand, "context", "kb", words, index)))
                break


def _coordinated_places(doc, toks, words, taken, ctx: DocContext, index: Index) -> None:
    """A word joined by و to a place of a list (`عفرين وجرابس والباب`) is read as a place too, with the
    guarded fuzzy match for a misspelling."""
    places = {k for i, j, e in taken if e.place is not None and not e.metonymy for k in range(i, j)}
    changed = True
    while changed:
        changed = False
        for k, w in enumerate(words):
            if k in places or k - 1 not in places or not w.startswith("و") or len(w) < 4:
                continue
            if any(i <= k < j for i, j, _ in taken):
                continue
            local = DocContext(Counter(ctx.countries))
            for _, _, e in taken:
                local.note(e)
            cand, how = link_span([w], "LOC", local, index)
            if cand is not None and cand.place is not None:
                taken.append((k, k + 1, _make(doc, toks, k, k + 1, "LOC", cand, how, "kb", words, index)))
                places.add(k)
                changed = True


RELATIVES = {name_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي",
                                    "اللاتي", "الآن", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                    "الجمعة", "السبت")}


def _qualifies(nxt_key: str) -> bool:
    """Whether the word after a bare head or body (`التحالف الوطني`, `الحكومة الشرعية`) makes it a longer name
    rather than a reference: a definite word that is not an epithet, a relative pronoun or a day."""
    return nxt_key.startswith("ال") and len(nxt_key) > 3 and nxt_key not in TRAILS and nxt_key not in RELATIVES


def _anaphoric_heads(doc, toks, words, taken, recent: list[Actor], index: Index) -> None:
    """A bare head (`التحالف`, `التنظيم`) refers to the last actor of the document named with it."""
    for k, w in enumerate(words):
        heads = [h for h in clitic_variants(name_key(w)) if h in ANAPHORIC_HEADS]
        if not heads or _blocked(taken, k, k + 1):
            continue
        nxt = name_key(words[k + 1]) if k + 1 < len(words) else ""
        if _qualifies(nxt):
            continue  # a head followed by a qualifier is a longer name, not a bare reference
        before = [index.actors[e.kb_id] for i, j, e in sorted(taken, key=lambda x: x[0])
                  if j <= k and e.kb_id in index.actors and e.match != "context"]
        pool = recent + before
        bare = heads[0][2:] if heads[0].startswith("ال") else heads[0]
        prev = next((a for a in reversed(pool)
                     if any(name_key(f).split(" ")[0] in (heads[0], bare) for f in a.surface_forms())), None)
        if prev is not None:
            taken.append((k, k + 1, _make(doc, toks, k, k + 1, _label_of(Candidate(actor=prev)),
                                          Candidate(actor=prev), "context", "kb", words, index)))


OCCUPATION = {name_key(w) for w in ("الاحتلال", "دولة الاحتلال", "سلطات الاحتلال", "قوات الاحتلال", "جيش الاحتلال")}
REGIME = name_key("النظام")


def _local_countries(ctx: DocContext, taken) -> Counter:
    """The countries a context reading goes by: those resolved so far, this sentence's, and the document's
    country words."""
    local = ctx.countries + ctx.about
    for _, _, e in taken:
        if e.country and e.country != "INT":
            local[e.country] += 1
    return local


def _descriptions(doc, toks, words, taken, ctx: DocContext, index: Index) -> None:
    """How the press names an actor without its name (descriptions.tsv): `الشرعية`, `المتمردين` in coverage of
    Yemen, `المملكة` in Saudi coverage. A row is read only when its country is among the document's
    most-mentioned so far (at least half the top count); the most-mentioned wins. Followed by a country's
    adjective, `الاحتلال التركي` is that state and `النظام الإيراني` that government."""
    local = _local_countries(ctx, taken)
    n = len(words)
    for k in range(n):
        for ln, keys, rows in _phrases(words, k, taken, index.descriptions):
            key = " ".join(keys)
            nxt = name_key(words[k + ln]) if k + ln < n else ""
            actor = None
            end = k + ln
            if nxt in index.nisba:
                cc = index.nisba[nxt]
                end += 1
                actor = next((a for c, a in rows if c == cc), None)  # type: ignore[union-attr]
                if actor is None and key in OCCUPATION:
                    actor = index.actors.get(cc.lower())
                elif actor is None and key == REGIME and cc in index.governments:
                    actor = index.actors[index.governments[cc]]
            elif ln == 1 and _qualifies(nxt):
                break  # a one-word description qualified (الشرعية الدولية): a longer name or another sense
            elif local:
                top = max(local.values())
                ok = [(local[c], a) for c, a in rows if local[c] and 2 * local[c] >= top]  # type: ignore[union-attr]
                actor = max(ok, key=lambda x: x[0])[1] if ok else None
            if actor is not None:
                cand = Candidate(actor=actor)
                taken.append((k, end, _make(doc, toks, k, end, _label_of(cand), cand, "context", "kb", words, index)))
            break


# State bodies named without their country: the document's main country's body of that name.
GENERIC_BODIES = {name_key(w) for w in ("الحكومة", "مجلس الوزراء", "الجيش", "البرلمان", "مجلس النواب", "القوات الأمنية",
                                         "قوات الأمن", "الشرطة", "وزارة الخارجية", "وزارة الدفاع", "وزارة الداخلية",
                                         "رئاسة الجمهورية", "السلطات", "القيادة", "القيادات", "النظام")}
# generic words that, with a country's adjective and no body of that name, mean its government
GOVERNMENT_WORDS = {name_key(w) for w in ("الحكومة", "السلطات", "القيادة", "القيادات", "النظام")}
ONLY_WITH_ADJECTIVE = {name_key(w) for w in ("القيادة", "القيادات", "النظام")}  # bare, they mean too much


def _blocked(taken, a: int, b: int) -> bool:
    """Whether words[a:b] overlap a mention already taken, other than an unlinked NER mention lying inside them
    (which a context reading of the whole run may replace: see _drop_replaced)."""
    return any(not (b <= i or j <= a) and (e.kb_id or e.place or not (a <= i and j <= b)) for i, j, e in taken)


def _drop_replaced(taken) -> None:
    """Remove unlinked mentions that lie inside a linked one (the context passes read them)."""
    linked = [(i, j) for i, j, e in taken if e.kb_id or e.place]
    taken[:] = [(i, j, e) for i, j, e in taken if e.kb_id or e.place or not any(a <= i and j <= b for a, b in linked)]


def _phrases(words: list[str], k: int, taken, table: Mapping | AbstractSet) -> Iterator[tuple[int, list[str], object]]:
    """Entries of `table` (keys of up to four words) spelt by words[k:], longest first, the first word allowed
    its clitics, skipping any run blocked by a mention already taken: (length, keys, value), the value being the
    table's for a mapping and the key itself for a set."""
    firsts = _FIRSTS.get(id(table))
    if firsts is None:
        firsts = _FIRSTS[id(table)] = {key.split(" ")[0] for key in table}
    variants = [v for v in clitic_variants(name_key(words[k])) if v in firsts]
    if not variants:
        return
    n = len(words)
    for ln in (4, 3, 2, 1):
        if k + ln > n:
            continue
        rest = [name_key(w) for w in words[k + 1:k + ln]]
        for v in variants:
            joined = " ".join([v, *rest])
            if joined in table:
                if not _blocked(taken, k, k + ln):
                    yield ln, [v, *rest], table[joined] if isinstance(table, Mapping) else joined
                break


_FIRSTS: dict[int, set[str]] = {}  # id of a phrase table → the first words of its keys (tables live as long as the process)


def _generic_bodies(doc, toks, words, taken, ctx: DocContext, index: Index) -> None:
    """`الحكومة`, `مجلس النواب`, `الجيش` with no country word: the body of that name of the country the
    document is most about (nothing when it names no country)."""
    local = _local_countries(ctx, taken)
    if not local:
        return
    cc = local.most_common(1)[0][0]
    n = len(words)
    for k in range(n):
        for ln, keys, _ in _phrases(words, k, taken, GENERIC_BODIES):
            nxt = name_key(words[k + ln]) if k + ln < n else ""
            if nxt in index.nisba:  # `القيادات الإيرانية` (the NER saw no name): that country's body, else government
                cc2 = index.nisba[nxt]
                body = _body_of_country([*keys, nxt], index)
                if body is None and " ".join(keys) in GOVERNMENT_WORDS and cc2 in index.governments:
                    body = index.actors[index.governments[cc2]]
                if body is not None:
                    taken.append((k, k + ln + 1, _make(doc, toks, k, k + ln + 1, _label_of(Candidate(actor=body)),
                                                       Candidate(actor=body), "context", "kb", words, index)))
                break
            if _qualifies(nxt) or " ".join(keys) in ONLY_WITH_ADJECTIVE:
                continue  # qualified: a longer name (الحكومة الشرعية), handled elsewhere
            body = _body_of_country([*keys, index.nisba_of.get(cc, "")], index)
            if body is not None:
                taken.append((k, k + ln, _make(doc, toks, k, k + ln, _label_of(Candidate(actor=body)),
                                               Candidate(actor=body), "context", "kb", words, index)))
                break


TITLES = {name_key(k): v for k, v in (
    ("رئيس الوزراء", "Prime Minister"), ("رئيس الحكومة", "Prime Minister"), ("رئيس الجمهورية", "President"),
    ("الرئيس", "President"), ("وزير الخارجية", "Foreign Minister"), ("وزير الدفاع", "Defence Minister"),
    ("وزير الداخلية", "Interior Minister"), ("ولي العهد", "Crown Prince"), ("الأمين العام", "Secretary-General"),
    ("العاهل", "King"), ("خادم الحرمين الشريفين", "King/SA"), ("خادم الحرمين", "King/SA"))}
DEPUTY = {name_key(w) for w in ("نائب", "مساعد", "مستشار", "مبعوث", "ممثل", "سابق")}


def _titles(doc, toks, words, taken, ctx: DocContext, recent: list[Actor], index: Index) -> None:
    """`رئيس الوزراء العراقي` in a 2015 article, with no name after it, is the person who held that office that
    year (office-holders' terms come from the KB's notes). The country comes from the adjective after the
    title, or, for a minister or prime minister, from the country the document has mentioned most; a
    secretary-general's organisation is the one named right after the title or last named before it."""
    year = int(doc.meta.published[:4]) if doc.meta.published and doc.meta.published[:4].isdigit() else None
    if year is None:
        return
    n = len(words)
    for k in range(n):
        for ln, _, office in _phrases(words, k, taken, TITLES):
            end = k + ln
            if k > 0 and name_key(words[k - 1]) in DEPUTY:
                break  # نائب رئيس الوزراء, مستشار الأمين العام: someone else
            if "/" in office:  # a title of one country's office-holder (خادم الحرمين الشريفين)
                office, where = office.split("/")
                if not any(i == end and e.label == "PER" for i, _, e in taken):
                    _take_holder(doc, toks, words, taken, k, end, office, where, year, index)
                break
            if office == "Secretary-General":
                after = [e.kb_id for i, _, e in taken if i == end]
                before = [a.id for a in recent] + [e.kb_id for i, j, e in sorted(taken, key=lambda x: x[0]) if j <= k]
                holder = next((x for x in after if x in _SG_ORGS.values()), None) or \
                    next((x for x in reversed(before) if x in _SG_ORGS.values()), None)
                if holder is not None:
                    _take_holder(doc, toks, words, taken, k, end, office, holder, year, index)
                break
            cc = index.nisba.get(name_key(words[end])) if end < n else None
            if cc is not None:
                end += 1
            elif office not in ("President", "King") and _local_countries(ctx, taken):
                cc = _local_countries(ctx, taken).most_common(1)[0][0]
            if cc is None or any(i == end and e.label == "PER" for i, _, e in taken):
                continue  # a name follows the title: the name is the mention
            if _take_holder(doc, toks, words, taken, k, end, office, cc, year, index):
                break


def _take_holder(doc, toks, words, taken, k: int, end: int, office: str, where: str, year: int,
                 index: Index) -> bool:
    """Add words[k:end] as the one person who held `office` of `where` (a country or an organisation) in `year`;
    False when nobody or several people did."""
    holders = {a.id: a for first, last, a in index.offices.get((office, where), ()) if first <= year <= last}
    if len(holders) != 1:
        return False
    a = next(iter(holders.values()))
    taken.append((k, end, _make(doc, toks, k, end, "PER", Candidate(actor=a), "context", "kb", words, index)))
    return True


PLACE_HEADS = {name_key(w) for w in ("مدينة", "بلدة", "قرية", "ريف", "محافظة", "مخيم", "منطقة", "ولاية", "مناطق",
                                      "بلدات", "قرى", "مدن", "العاصمة", "إقليم", "معركة", "معارك", "حي", "أحياء")}


def _safe_alone(words: list[str], k: int, index: Index) -> bool:
    """A single word found by the dictionary alone (the NER saw no name there) is taken only when it is unlikely
    to be an ordinary word: a state, an actor's abbreviation, a capital, province or curated place, or a town
    named after a place word (`مدينة`, `ريف` …) or, when rare in the news corpus, after a preposition."""
    word = words[k]
    keys = strip_clitics(name_key(word), lambda x: x in index.names)
    prev = name_key(words[k - 1]) if k > 0 else ""
    for kk in keys:
        for c in index.names.get(kk, []):
            if c.actor is not None:
                if c.actor.kind == "state" or kk in {name_key(x) for x in c.actor.abbreviations}:
                    return True
                if c.actor.kind != "person" and prev in _HEADS_WITH_CLITICS:  # ميليشيات الحوثيين, تنظيم داعش
                    return True
                continue
            p = c.place
            if p is None:
                continue
            if p.feature in ("capital", "admin1", "camp", "prison", "crossing", "base", "region"):
                return True
            if p.id.startswith("cur.") and len(kk) >= 5:  # curated: chosen because conflict news names them
                return True
            if prev in PLACE_HEADS:
                return True
            if prev in PLACE_PREPS and (default_lexicon().count(word) < 30 or p.population >= 100_000):
                return True
    return False


def _label_of(c: Candidate) -> str:
    if c.actor is not None:
        return "PER" if c.actor.kind == "person" else ("LOC" if c.actor.kind == "state" else "ORG")
    return "LOC"


def _make(doc: Document, toks: list, i: int, j: int, label: str, cand: Candidate | None, how: str, source: str,
          words: list[str], index: Index) -> Entity:
    start, end = toks[i].start, toks[j - 1].end
    clean = " ".join(words[i:j])
    if cand is None:
        return Entity(start, end, label, clean, match="none", source=source)
    cc = _is_metonymy(words, i, j, index) if cand.place is not None else None
    if cc and cc in index.governments:
        gov = index.actors[index.governments[cc]]
        e = entity_from(Candidate(actor=gov), start, end, label, clean, how, source)
        e.metonymy = True
        e.place = place_dict(cand.place)  # type: ignore[arg-type]
        return e
    e = entity_from(cand, start, end, label, clean, how, source)
    if cand.place is not None:
        # the word before the span, or the span's own first word when the NER included it
        lead = {name_key(w) for w in words[max(0, i - 2): i]} | ({name_key(words[i])} if j - i > 1 else set())
        if lead & ADMIN_HEADS and cand.place.feature in ("city", "capital"):
            admin = index.gaz.places.get(f"admin1:{cand.place.country}.{cand.place.admin1}")
            if admin is not None:
                e.place = place_dict(admin)
        elif lead & NEAR_HEADS:
            e.place = place_dict(cand.place, near=True)
    return e


def run(doc: Document, ctx: Context) -> None:
    """Pipeline stage: fill `doc.entities` from the mentions and tokens."""
    doc.entities = link_document(doc)

