"""The loaded-terms lexicon (`data/framing/loaded_terms.tsv`) and how a word is matched against it.

A word is reduced to a few candidate keys: its clean form folded (`fold`), then without the proclitics و ف ب ل ك
(`للاحتلال` → `الاحتلال`), without the article ال, and without one regular ending (ة ات ون ين ان تان تين). The
first candidate that is a term's key wins, so the most literal reading is preferred (`الإرهابية` is إرهابي + ة,
not إرهاب + ية). A term written with a hamza on its first alef (أبطال) does not match a word that writes a
different hamza there (إبطال): folding would otherwise merge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import packaged_rows
from ..fold import fold

CATEGORIES = ("delegitimising", "legitimising", "dehumanising", "fear", "sectarian", "exaggeration")
POLARITIES = ("negative", "positive")
NEEDS = ("", "actor")

_HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_HAMZA_ALEFS = "أإآ"
_PROCLITICS = ("و", "ف")
_PREPS = ("ب", "ل", "ك")
# regular endings; after ات / تان / تين the singular's ة (folded ه) comes back: عصابات → عصابه
_ENDINGS = ("ه", "ون", "ين", "ان", "ات", "تان", "تين")
_TA_ENDINGS = {"ات", "تان", "تين"}
_MIN_STEM = 3


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    polarity: str
    needs: str
    note: str
    keys: tuple[str, ...]  # one key per word
    hamza: tuple[str, ...]  # per word: its first letter when that is a hamza alef, else ""


def _strip(text: str) -> str:
    return _HARAKAT.sub("", text)


def _article(s: str) -> str:
    return s[2:] if s.startswith("ال") and len(s) - 2 >= 2 else s


def term_key(word: str) -> tuple[str, str]:
    """(key, hamza) of one word of a term: folded, without the article."""
    w = _article(_strip(word))
    return fold(w), (w[0] if w and w[0] in _HAMZA_ALEFS else "")


@lru_cache(maxsize=200_000)
def word_candidates(word: str) -> tuple[tuple[str, str], ...]:
    """Candidate (key, hamza) readings of a word of running text, most literal first (memoised: news repeats
    its words, and this is the framing stage's inner loop)."""
    w = _strip(word)
    stems = [w]
    if len(w) > _MIN_STEM and w[0] in _PROCLITICS:
        stems.append(w[1:])
    for s in list(stems):
        if s.startswith("لل") and len(s) > 3:
            stems.append("ال" + s[2:])
        elif len(s) > _MIN_STEM and s[0] in _PREPS:
            stems.append(s[1:])
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(key: str, hamza: str) -> None:
        if key and key not in seen:
            seen.add(key)
            out.append((key, hamza))

    bare = []
    for s in stems:
        a = _article(s)
        hamza = a[0] if a and a[0] in _HAMZA_ALEFS else ""
        bare.append((fold(a), hamza))
        add(fold(s), hamza)
        add(fold(a), hamza)
    for key, hamza in bare:
        for end in _ENDINGS:
            if key.endswith(end) and len(key) - len(end) >= _MIN_STEM:
                add(key[: -len(end)], hamza)
                if end in _TA_ENDINGS:
                    add(key[: -len(end)] + "ه", hamza)
    return tuple(out)


@dataclass(frozen=True)
class TermIndex:
    terms: tuple[Term, ...]
    single: dict[str, Term]
    multi: dict[str, tuple[Term, ...]]  # first key → multi-word terms, longest first

    def match_word(self, word: str) -> Term | None:
        for key, hamza in word_candidates(word):
            t = self.single.get(key)
            if t is not None and (not t.hamza[0] or not hamza or hamza == t.hamza[0]):
                return t
        return None

    def match_at(self, words: list[str], i: int) -> tuple[Term, int] | None:
        """The term that starts at `words[i]` and how many words it covers (multi-word terms first)."""
        first = {k for k, _ in word_candidates(words[i])}
        for k in first:
            for t in self.multi.get(k, ()):
                n = len(t.keys)
                if i + n <= len(words) and all(
                        t.keys[j] in {c for c, _ in word_candidates(words[i + j])} for j in range(1, n)):
                    return t, n
        t = self.match_word(words[i])
        return (t, 1) if t is not None else None


def parse_rows(rows: list[dict[str, str]]) -> TermIndex:
    terms: list[Term] = []
    for r in rows:
        words = r["term"].split()
        keyed = [term_key(w) for w in words]
        terms.append(Term(r["term"], r["category"], r["polarity"], r.get("needs", ""), r.get("note", ""),
                          tuple(k for k, _ in keyed), tuple(h for _, h in keyed)))
    single = {t.keys[0]: t for t in terms if len(t.keys) == 1}
    multi: dict[str, list[Term]] = {}
    for t in terms:
        if len(t.keys) > 1:
            multi.setdefault(t.keys[0], []).append(t)
    return TermIndex(tuple(terms), single,
                     {k: tuple(sorted(v, key=lambda t: -len(t.keys))) for k, v in multi.items()})


@lru_cache(maxsize=1)
def load_terms() -> TermIndex:
    """The shipped lexicon, parsed once per process."""
    return parse_rows(packaged_rows("framing", "loaded_terms.tsv"))
