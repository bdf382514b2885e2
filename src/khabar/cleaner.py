"""De-obfuscating cleaner with an alignment to the original text.

What it undoes (each rewrite is reported as an `Obfuscation` with its original span and kinds):

- tatweel (ـ) inside or at the edge of a word, and a tatweel beside a space that splits a word (`داعـ ـش`);
- separators inside a word: dots, middle dots, bullets, underscores, hyphens, slashes, commas, asterisks;
- invisible characters inside a word: zero-width, bidi controls, soft hyphen, word joiner;
- spaces inside a word (`دا عش`) and letter-by-letter spacing (`د ا ع ش`);
- Arabic presentation forms (ﻻ, ﺩﺍﻋﺶ) and Persian/Urdu look-alike letters (ی ک ہ ۃ);
- runs of one repeated letter (`داااعش`) and Arabic-Indic digits standing for a letter (`د١عش`);
- harakat (removed without a finding: vocalisation is normalisation, not obfuscation).

What it leaves alone: abbreviations (د. م. أ.د. ق.م ص.ب), the Hijri mark هـ, numbers, dates, times, URLs,
e-mails, hashtags, mentions, Latin text, ellipses between two words, `مارس/آذار`, `حلب-دمشق`, a missing space after
a full stop, and a separate conjunction و.

Where a separator or space could be either (`الحو..ثيون` vs `تركيا..مخطط`), the cleaner segments the run of
fragments with a small dynamic programme: each candidate word costs its negative log-frequency in the lexicon
(unknown words cost a spelling-model price per letter), and each separator has a prior cost for joining and for
keeping it. Separators that are legitimate between words (space, hyphen, slash, comma) may only be joined into
a word the lexicon knows.

Speed: the text is scanned once with regular expressions for anything suspicious; only small windows around
those spots go through the character-level path. Everything else is copied as one aligned piece.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from itertools import compress
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .alignment import AlignedBuilder, Alignment
from .document import CleanText, Document, Obfuscation
from .chars import (DIGIT_LETTER_CLASS, DIGIT_LETTERS, HARAKAT, HARAKAT_SET, INVISIBLE, INVISIBLE_SET,
                    LETTER_SET, LETTERS, LOOKALIKE_CLASS, LOOKALIKES, PRESENTATION, PRESENTATION_SET,
                    SEPARATOR_SET, SEPARATORS, SPACE_SET, TATWEEL)
from .lexicon import Lexicon, default_lexicon

if TYPE_CHECKING:
    from .pipeline import Context

L, H, T, I, S, W, D, O = "L", "H", "T", "I", "S", "W", "D", "O"
HAMZA_MARKS = "\u0653\u0654\u0655"
HEH = "\u0647"
WAW = "\u0648"

# Kinds of obfuscation findings.
TATWEEL_KIND = "tatweel"
SEPARATOR_KIND = "separator"
INVISIBLE_KIND = "invisible"
TATWEEL_SPLIT_KIND = "tatweel_split"
SPACE_KIND = "space_split"
LETTER_SPACING_KIND = "letter_spacing"
PRESENTATION_KIND = "presentation_form"
LOOKALIKE_KIND = "lookalike_letter"
REPEAT_KIND = "repeated_letter"
DIGIT_KIND = "digit_as_letter"

# Separators that have no business between two letters: joined unless the lexicon objects strongly.
STRONG_SEPARATORS = frozenset("\u00B7\u2022\u2219\u2027\u22C5\u30FB\u2024_*\u066D\u2217\u00D7+~|'`\u02D9\u0387")
DOTS = frozenset(".\u2026")
# Separators that are legitimate between two words: removed only to form a word the lexicon knows.
PUNCT_SEPARATORS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015/\\,\u060C")

# Abbreviations written with dots, which must never be joined (the Hijri mark هـ is handled in the window).
ABBREVIATIONS = ("أ.د", "ا.د", "ق.م", "ص.ب", "ج.م.ع", "ش.م.م", "ش.م.ع", "ش.ذ.م.م", "هـ.ش", "م.م", "ت.ث", "ب.م",
                 "ع.ع", "د.م", "ر.س", "ق.ب", "إ.هـ")
_abbrev = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# Identifiers are copied as written, harakat and tatweel included: URLs, e-mails, hashtags, mentions.
IDENTIFIER_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+\-\u064B-\u065F\u0640]+@[\w\-\u064B-\u065F\u0640]+(?:\.[\w\-\u064B-\u065F\u0640]+)+"
    r"|[#@][\w\u0640\u064B-\u065F]+"
)
PROTECTED_RE = re.compile(
    IDENTIFIER_RE.pattern + rf"|(?<![{LETTERS}])(?:{_abbrev})\.?(?![{LETTERS}])"
)
# The fast scan: simple regexes (an alternation of them is several times slower), checked further in Python.
SCAN_RE = re.compile(f"[{TATWEEL}{INVISIBLE}{PRESENTATION}{LOOKALIKE_CLASS}{DIGIT_LETTER_CLASS}{HARAKAT}{SEPARATORS}]+")
STRONG_SPOT_SET = frozenset(TATWEEL) | INVISIBLE_SET | PRESENTATION_SET | frozenset(LOOKALIKES)
HARAKAT_CHARS = "".join(sorted(HARAKAT_SET))
SEPARATOR_CHARS = "".join(sorted(SEPARATOR_SET))
REPEAT_RE = re.compile(f"([{LETTERS}])\\1\\1")
PURE_WORD_RE = re.compile(f"[{LETTERS}]+")

# (join cost, keep cost) of each boundary class between two fragments; None = not allowed.
BOUNDARY_COSTS: dict[str, tuple[float | None, float | None]] = {
    "force": (0.0, None),
    "digit": (0.0, None),
    "strong": (0.0, 8.0),
    "dot": (0.0, 2.0),
    "ellipsis": (2.0, 0.0),
    "punct": (3.0, 0.0),
    "space": (6.0, 0.0),
}
SPACED_RATIO = 20  # a space is removed only when the joined form is this many times more common than the spaced
STANDALONE = 30  # fragments this frequent are words in their own right: a space between them stays
SOLID_COUNT = 3  # tokens longer than two letters seen this often are not looked at as possible split debris
KNOWN = 3  # a word seen this many times in the lexicon corpus counts as known
MAX_SEGMENT_FRAGMENTS = 12
# Letters that abbreviate a title before a name: أستاذ، دكتور، مهندس، لواء، عميد، شيخ، سيد.
TITLE_LETTERS = frozenset("أدملعشس")
# Letters that stand alone in prose: the conjunction, and abbreviations (د دقيقة، م متر/ميلادي، ق قبل، ص صفحة...).
ABBREVIATION_LETTERS = frozenset("وأدمقسصجكهعش")
# The article split from its noun (`وال جماهير`) is frequent enough in the corpus to look like a word.
DETACHED_ARTICLES = frozenset(("ال", "وال", "بال", "فال", "كال", "لل", "ولل"))
COMMON_3 = 200  # three-letter tokens rarer than this (الم، الإ) may be the head of a split word
COMMON_SHORT = 1000  # two-letter tokens this frequent (في، من، عن) are words, not debris of a split


@dataclass
class Cleaned:
    text: str
    alignment: Alignment
    obfuscations: list[Obfuscation]


@dataclass(slots=True)
class _Unit:
    cls: str
    start: int
    end: int
    out: str  # what this unit becomes when kept
    kind: str | None = None


@dataclass
class _Fragment:
    units: list[_Unit]
    letters: str = ""
    kinds: set[str] = field(default_factory=set)
    drop: set[int] = field(default_factory=set)  # id() of letter units dropped (a repeated letter)


def clean(text: str, lexicon: Lexicon | None = None) -> Cleaned:
    """Clean `text`; the result's alignment maps every clean span back to the original."""
    lex = lexicon or default_lexicon()
    spots, deletions, tatweel = _scan(text, lex)
    if "@" in text or "#" in text or "www." in text or "://" in text:
        spots, deletions, tatweel = _outside_identifiers(text, spots, deletions, tatweel)
    windows = _windows(text, spots)
    if tatweel:
        deletions.sort()
    b = AlignedBuilder(text)
    findings: list[Obfuscation] = []
    pos = 0
    hi = 0
    for ws, we in windows + [(len(text), len(text))]:
        # Between windows only harakat and tatweel between two letters need removing: no decision there.
        while hi < len(deletions) and deletions[hi][0] < ws:
            hs, he = deletions[hi]
            b.keep(pos, hs)
            pos = he
            hi += 1
        b.keep(pos, ws)
        while hi < len(deletions) and deletions[hi][0] < we:
            hi += 1
        if we > ws:
            _clean_window(text, ws, we, b, findings, lex)
        pos = we
    out, alignment = b.build()
    if tatweel:
        findings = _tatweel_findings(text, tatweel, windows, findings)
    return Cleaned(out, alignment, findings)


def _outside_identifiers(text: str, *lists: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], ...]:
    """Drop what the scan found inside URLs, e-mails, hashtags and mentions: they are copied as written."""
    idents = [m.span() for m in IDENTIFIER_RE.finditer(text)]
    if not idents:
        return lists
    starts = [s for s, _ in idents]

    def inside(span: tuple[int, int]) -> bool:
        k = bisect_right(starts, span[0]) - 1
        return k >= 0 and span[0] < idents[k][1]

    return tuple([sp for sp in lst if not inside(sp)] for lst in lists)


def _tatweel_findings(text: str, tatweel: list[tuple[int, int]], windows: list[tuple[int, int]],
                      findings: list[Obfuscation]) -> list[Obfuscation]:
    """Findings for words whose only rewrite was a tatweel between letters (done on the fast path)."""
    seen: set[int] = set()
    wi = 0
    for s, e in tatweel:
        while wi < len(windows) and windows[wi][1] <= s:
            wi += 1
        if wi < len(windows) and windows[wi][0] <= s:
            continue  # the window's careful path reported it
        while s > 0 and (text[s - 1] in LETTER_SET or text[s - 1] in HARAKAT_SET or text[s - 1] == TATWEEL):
            s -= 1
        if s in seen:
            continue
        seen.add(s)
        while e < len(text) and (text[e] in LETTER_SET or text[e] in HARAKAT_SET or text[e] == TATWEEL):
            e += 1
        word = text[s:e]
        restored = "".join(c for c in word if c in LETTER_SET)
        findings.append(Obfuscation(s, e, restored, [TATWEEL_KIND]))
    findings.sort(key=lambda o: o.start)
    return findings


def normalize(text: str, lexicon: Lexicon | None = None) -> str:
    """The clean text alone."""
    return clean(text, lexicon).text


# -- finding the windows ---------------------------------------------------------------------------------------

def _scan(text: str, lex: Lexicon) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Suspicious spots that need the careful path; runs of harakat, and of tatweel between two letters, that
    only need deleting; and those tatweel runs alone (for their findings).

    One pass of one character class finds every run of harakat, tatweel, invisible characters, presentation
    forms, look-alike letters, letter-like digits and separators; each run is then sorted out in Python.
    Split words and repeated letters are found from the tokens (`_space_join_spots`).
    """
    spots: list[tuple[int, int]] = []
    harakat: list[tuple[int, int]] = []
    tatweel: list[tuple[int, int]] = []
    n = len(text)
    for m in SCAN_RE.finditer(text):
        s, e = m.span()
        if e - s == 1:  # the common case, kept cheap: one harakah, one punctuation mark
            c = text[s]
            if c in HARAKAT_SET:
                harakat.append((s, e))
            elif c == TATWEEL:
                _sort_tatweel(text, s, e, spots, harakat, tatweel)
            elif c in STRONG_SPOT_SET:
                spots.append((s, e))
            elif e < n and s > 0 and text[e] in LETTER_SET and text[s - 1] in LETTER_SET:
                if c not in PUNCT_SEPARATORS or _joins_known(text, s, e, lex):
                    spots.append((s, e))
            continue
        _dispatch(text, s, e, spots, harakat, tatweel)
    spots.extend(_space_join_spots(text, lex))
    return spots, harakat + tatweel, tatweel


def _joins_known(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """Whether the letters around text[s:e] form a known word once it is removed. `مارس/آذار` does not: a hyphen,
    slash or comma between two words is only ever removed into a known word, so there is nothing to look at."""
    i = s
    while i > 0 and text[i - 1] in LETTER_SET:
        i -= 1
    j = e
    while j < len(text) and text[j] in LETTER_SET:
        j += 1
    return lex.counts.get(text[i:s] + text[e:j], 0) >= KNOWN


def _dispatch(text: str, s: int, e: int, spots: list, harakat: list, tatweel: list) -> None:
    """Sort a run of several odd characters: harakat to delete, tatweel by where it stands, the rest to look at."""
    n = len(text)
    run = text[s:e]
    if not run.strip(HARAKAT_CHARS):
        harakat.append((s, e))
        return
    if not run.strip(TATWEEL):
        _sort_tatweel(text, s, e, spots, harakat, tatweel)
        return
    if any(c in STRONG_SPOT_SET for c in run):
        spots.append((s, e))
        return
    # Separators or letter-like digits: suspicious only between two letters.
    before = s > 0 and (text[s - 1] in LETTER_SET or run[0] in HARAKAT_SET)
    if before and e < n and text[e] in LETTER_SET:
        core = run.strip(HARAKAT_CHARS)
        if len(core) <= 4 and ((len(core) == 1 and not core.strip(DIGIT_LETTER_CLASS))
                               or not core.strip(SEPARATOR_CHARS)):
            spots.append((s, e))
            return
    harakat.extend((s + k, s + k + 1) for k, c in enumerate(run) if c in HARAKAT_SET)


def _sort_tatweel(text: str, s: int, e: int, spots: list, deletions: list, inside: list) -> None:
    """A run of tatweel: inside a word it is deleted on the fast path (and reported); the Hijri mark is kept;
    beside a space with a letter across it, it may split a word (`داعـ ش`) and needs the careful path;
    elsewhere (`الـ28`, `لـ«`, a dash `ــ`) it is typography, deleted without a report."""
    n = len(text)
    prev_letter = s > 0 and text[s - 1] in LETTER_SET
    next_letter = e < n and text[e] in LETTER_SET
    if prev_letter and next_letter:
        inside.append((s, e))
        deletions.append((s, e))
        return
    if prev_letter and text[s - 1] == HEH:
        i = s - 1
        while i > 0 and text[i - 1] in SPACE_SET:
            i -= 1
        if i > 0 and text[i - 1].isdigit():
            return  # 1436هـ
    if prev_letter and e < n and text[e] in SPACE_SET:
        j = e
        while j < n and text[j] in SPACE_SET:
            j += 1
        if j < n and (text[j] in LETTER_SET or text[j] == TATWEEL):
            spots.append((s, e))
            return
    if next_letter and s > 0 and text[s - 1] in SPACE_SET:
        i = s
        while i > 0 and text[i - 1] in SPACE_SET:
            i -= 1
        if i > 0 and text[i - 1] in LETTER_SET:
            spots.append((s, e))
            return
    deletions.append((s, e))


def _windows(text: str, spots: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not spots:
        return []
    spots.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spots:
        s, e = _expand_left(text, s), _expand_right(text, e)
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _space_join_spots(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Words split by spaces, and words with a letter repeated: an odd short or unknown token next to another
    forms a known word once joined (`دا عش`), three or more lone letters stand in a row (`د ا ع ش`), or a token
    has one letter three times over (`داااعش`). Common words are never looked at twice: one set lookup each."""
    counts = lex.counts
    solid = _solid_words(lex)
    toks = text.split()
    odd = set(toks).difference(solid)
    if not odd:
        return []
    pure = PURE_WORD_RE.fullmatch
    # filter/compress keep these loops in C: they run over every token of every document.
    groups: set[tuple[str, ...]] = {(w,) for w in filter(REPEAT_RE.search, odd)}
    cands = set(filter(pure, filter(str.isalpha, odd)))
    n = len(toks)
    get = counts.get
    for i in compress(range(n), map(cands.__contains__, toks)):
        # The lexicon holds letters-only words, so a joined form found there proves its parts are letters too.
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < n else ""
        prv = toks[i - 1] if i else ""
        if nxt and get(w + nxt, 0) >= KNOWN:
            groups.add((w, nxt))
        if prv:
            if get(prv + w, 0) >= KNOWN:
                groups.add((prv, w))
            # A word cut in three leaves a short middle piece (الحو ثي ون).
            if nxt and len(w) <= 3 and (get(prv + w + nxt, 0) >= KNOWN or (
                    len(w) == len(nxt) == len(prv) == 1 and nxt in LETTER_SET and prv in LETTER_SET)):
                groups.add((prv, w, nxt))
    spots = []
    for words in groups:
        if len(words) == 2 and not _may_join(words[0], words[1], lex):
            continue
        spots.extend(_find_spaced(text, words))
    return spots


def _may_join(a: str, b: str, lex: Lexicon) -> bool:
    """Whether a space between `a` and `b` may be removed, as far as the pair alone can tell: not where the
    corpus writes the pair apart too (عبد الله, ريفر بلايت, جيجا واط), nor between two words in their own right
    (او امر, في ما). Applied early to spare a window, and again in `_segment_cost`."""
    if lex.count(a + b) < SPACED_RATIO * lex.spaced_count(a, b):
        return False
    return not _both_words(a, b, lex)


def _both_words(a: str, b: str, lex: Lexicon) -> bool:
    """Two fragments that are each a word in their own right, more common apart than joined: `او امر` (not
    `اوامر`), `في ما`. `طهر ان` is not: طهران is far more common than طهر."""
    if len(a) < 2 or len(b) < 2 or a in DETACHED_ARTICLES or b in DETACHED_ARTICLES:
        return False
    rarer = min(lex.count(a), lex.count(b))
    return rarer >= STANDALONE and lex.count(a + b) < rarer


def _find_spaced(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans where `words` stand one after another, apart by one or two spaces (no regex compiled per call)."""
    found = []
    first = words[0]
    i = text.find(first)
    while i >= 0:
        pos = i + len(first)
        for w in words[1:]:
            gap = 0
            while pos < len(text) and text[pos] in SPACE_SET and gap < 3:
                pos += 1
                gap += 1
            if not 1 <= gap <= 2 or not text.startswith(w, pos):
                break
            pos += len(w)
        else:
            found.append((i, pos))
        i = text.find(first, i + 1)
    return found


_SOLID: dict[int, frozenset[str]] = {}


def _solid_words(lex: Lexicon) -> frozenset[str]:
    """Words frequent enough to stand on their own: never the debris of a split."""
    solid = _SOLID.get(id(lex))
    if solid is None:
        solid = frozenset(w for w, c in lex.counts.items()
                          if w not in DETACHED_ARTICLES and len(w) > 1 and not REPEAT_RE.search(w)
                          and c >= (COMMON_SHORT if len(w) == 2 else COMMON_3 if len(w) == 3 else SOLID_COUNT))
        _SOLID.clear()
        _SOLID[id(lex)] = solid
    return solid


def _expand_left(text: str, i: int) -> int:
    """Start of the whitespace-delimited token holding position i, plus the token before it on the same line."""
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    k = i
    while k > 0 and text[k - 1] in SPACE_SET:
        k -= 1
    if k < i and k > 0 and not text[k - 1].isspace():
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        return k
    return i


def _expand_right(text: str, e: int) -> int:
    n = len(text)
    while e < n and not text[e].isspace():
        e += 1
    k = e
    while k < n and text[k] in SPACE_SET:
        k += 1
    if k > e and k < n and not text[k].isspace():
        while k < n and not text[k].isspace():
            k += 1
        return k
    return e


# -- the character-level path ----------------------------------------------------------------------------------

def _units(text: str, ws: int, we: int, protected: list[tuple[int, int]]) -> list[_Unit]:
    units: list[_Unit] = []
    prot = [(s, e) for s, e in protected if s < we and e > ws]
    pi = 0
    i = ws
    while i < we:
        while pi < len(prot) and prot[pi][1] <= i:
            pi += 1
        if pi < len(prot) and prot[pi][0] <= i:
            e = min(prot[pi][1], we)
            units.append(_Unit(O, i, e, text[i:e]))
            i = e
            continue
        ch = text[i]
        if ch in LETTER_SET:
            if ch in LOOKALIKES:
                units.append(_Unit(L, i, i + 1, LOOKALIKES[ch], LOOKALIKE_KIND))
            elif i + 1 < we and text[i + 1] in HAMZA_MARKS and len(unicodedata.normalize("NFC", text[i:i + 2])) == 1:
                units.append(_Unit(L, i, i + 2, unicodedata.normalize("NFC", text[i:i + 2])))
                i += 2
                continue
            else:
                units.append(_Unit(L, i, i + 1, ch))
        elif ch in HARAKAT_SET:
            units.append(_Unit(H, i, i + 1, ""))
        elif ch == TATWEEL:
            units.append(_Unit(T, i, i + 1, ch))
        elif ch in INVISIBLE_SET:
            units.append(_Unit(I, i, i + 1, ch))
        elif ch in PRESENTATION_SET:
            units.append(_presentation_unit(ch, i))
        elif (ch in DIGIT_LETTERS and i > ws and i + 1 < we and text[i - 1] in LETTER_SET
              and text[i + 1] in LETTER_SET):
            units.append(_Unit(D, i, i + 1, ch, DIGIT_KIND))
        elif ch in SPACE_SET:
            units.append(_Unit(W, i, i + 1, ch))
        elif ch in SEPARATOR_SET:
            units.append(_Unit(S, i, i + 1, ch))
        else:
            units.append(_Unit(O, i, i + 1, ch))
        i += 1
    return units


def _presentation_unit(ch: str, i: int) -> _Unit:
    norm = "".join(c for c in unicodedata.normalize("NFKC", ch) if c not in HARAKAT_SET and c not in SPACE_SET)
    if not norm:
        return _Unit(H, i, i + 1, "")
    if all(c in LETTER_SET for c in norm):
        return _Unit(L, i, i + 1, norm, PRESENTATION_KIND)
    return _Unit(O, i, i + 1, unicodedata.normalize("NFKC", ch), PRESENTATION_KIND)


def _split(units: list[_Unit]) -> tuple[list[_Unit], list[_Fragment], list[list[_Unit]], list[_Unit]]:
    """Lead junk, fragments (letters with their harakat), the junk between fragments, trailing junk."""
    frags: list[_Fragment] = []
    gaps: list[list[_Unit]] = []
    cur: list[_Unit] = []
    lead: list[_Unit] = []
    junk: list[_Unit] = []
    for u in units:
        if u.cls == L or (u.cls == H and cur):
            if not cur:
                if frags:
                    gaps.append(junk)
                else:
                    lead = junk
                junk = []
            cur.append(u)
        else:
            if cur:
                frags.append(_Fragment(cur))
                cur = []
            junk.append(u)
    if cur:
        frags.append(_Fragment(cur))
        junk = []
    if not frags:
        return units, [], [], []
    return lead, frags, gaps, junk


def _is_hijri(frag: _Fragment, text: str) -> bool:
    """`هـ` after a year: the fragment is a lone heh preceded (maybe after a space) by a digit."""
    if frag.letters != HEH:
        return False
    i = frag.units[0].start
    while i > 0 and text[i - 1] in SPACE_SET:
        i -= 1
    return i > 0 and text[i - 1].isdigit()


def _classify(gap: list[_Unit]) -> str:
    classes = {u.cls for u in gap}
    if O in classes:
        return "hard"
    if D in classes:
        return "digit" if classes <= {D, H, T, I} and sum(u.cls == D for u in gap) == 1 else "hard"
    has_t, has_i = T in classes, I in classes
    seps = "".join(u.out for u in gap if u.cls == S)
    n_space = sum(u.cls == W for u in gap)
    if not seps and not n_space:
        return "force"  # only tatweel / invisible characters between letters
    if has_t and n_space and gap[0].cls != T and gap[-1].cls != T:
        return "hard"  # a tatweel standing between spaces is a dash, not part of a word
    if has_t or (has_i and not n_space):
        return "force" if len(seps) <= 4 and n_space <= 2 else "hard"
    if seps and n_space:
        return "hard"
    if n_space:
        return "space" if n_space <= 2 else "hard"
    if len(seps) > 4:
        return "hard"
    if all(c in DOTS for c in seps):
        return "dot" if seps == "." else "ellipsis"
    if any(c in STRONG_SEPARATORS for c in seps):
        return "strong"
    return "punct"


def _fragment_letters(frag: _Fragment, lex: Lexicon) -> None:
    """Fill frag.letters, reducing runs of one repeated letter (3 or more) to the form the lexicon prefers."""
    letters = [u for u in frag.units if u.cls == L]
    for u in letters:
        if u.kind:
            frag.kinds.add(u.kind)
    s = "".join(u.out for u in letters)
    if not re.search(r"(.)\1\1", s):
        frag.letters = s
        return
    runs: list[tuple[int, int]] = []  # (start index in letters, length)
    i = 0
    while i < len(letters):
        j = i
        while j + 1 < len(letters) and letters[j + 1].out == letters[i].out:
            j += 1
        if j - i + 1 >= 3:
            runs.append((i, j - i + 1))
        i = j + 1
    best_keep, best_count = 1, -1.0
    for keep in (1, 2):
        drop = {i + k for i, n in runs for k in range(keep, n)}
        cand = "".join(u.out for k, u in enumerate(letters) if k not in drop)
        c = lex.known_count(cand)
        if c > best_count:
            best_keep, best_count = keep, c
    drop_letters = {i + k for i, n in runs for k in range(best_keep, n)}
    frag.drop = {id(letters[k]) for k in drop_letters}
    frag.letters = "".join(u.out for k, u in enumerate(letters) if k not in drop_letters)
    frag.kinds.add(REPEAT_KIND)


def _clean_window(text: str, ws: int, we: int, b: AlignedBuilder, findings: list[Obfuscation],
                  lex: Lexicon) -> None:
    # Windows end at whitespace, which URLs, e-mails and hashtags never contain: each lies wholly inside or out.
    protected = [(m.start(), m.end()) for m in PROTECTED_RE.finditer(text, ws, we)]
    units = _units(text, ws, we, protected)
    lead, frags, gaps, tail = _split(units)
    for f in frags:
        _fragment_letters(f, lex)
    classes = [_classify(g) for g in gaps]
    # Hijri mark: `1436هـ` keeps its tatweel and never joins the next word.
    hijri = [_is_hijri(f, text) for f in frags]
    for k, g in enumerate(gaps):
        if hijri[k] and any(u.cls == T for u in g):
            classes[k] = "hard"
    _refine(frags, gaps, classes, lex)
    digit_choice = _choose_digits(frags, gaps, classes, lex)

    _emit_junk(lead, b, edge_tatweel_kept=False)
    # Chains of fragments linked by non-hard gaps are segmented into words one chain at a time.
    start = 0
    for k in range(len(frags)):
        if k == len(frags) - 1 or classes[k] == "hard":
            seg_bounds = _segment(frags[start:k + 1], classes[start:k],
                                  [digit_choice.get(m, "") for m in range(start, k)], lex)
            _emit_chain(text, frags, gaps, classes, start, k, seg_bounds, digit_choice, hijri, b, findings)
            if k < len(frags) - 1:
                _emit_junk(gaps[k], b, edge_tatweel_kept=hijri[k])
            start = k + 1
    _emit_junk(tail, b, edge_tatweel_kept=bool(frags) and hijri[-1])


def _refine(frags: list[_Fragment], gaps: list[list[_Unit]], classes: list[str], lex: Lexicon) -> None:
    """Decisions that need the neighbours of a gap, not just the gap."""
    n = len(frags)
    for k, c in enumerate(classes):
        # `أ.عبد`, `د.محمد`: a title letter opening a word, a dot, then a word, is an abbreviation.
        if (c == "dot" and frags[k].letters in TITLE_LETTERS and (k == 0 or classes[k - 1] in ("hard", "space"))):
            right = frags[k + 1].letters
            if lex.count(right) >= STANDALONE and lex.count(frags[k].letters + right) < lex.count(right):
                classes[k] = "hard"
    # Letter-by-letter spacing: three or more lone letters apart by single spaces are one word.
    k = 0
    while k < n:
        j = k
        while (j + 1 < n and classes[j] == "space" and len(frags[j].letters) == 1
               and len(frags[j + 1].letters) == 1 and sum(u.cls == W for u in gaps[j]) == 1):
            j += 1
        if j - k + 1 >= 3:
            for m in range(k, j):
                classes[m] = "force"
        k = j + 1


def _choose_digits(frags: list[_Fragment], gaps: list[list[_Unit]], classes: list[str], lex: Lexicon) -> dict[int, str]:
    choice: dict[int, str] = {}
    for k, c in enumerate(classes):
        if c != "digit":
            continue
        d = next(u for u in gaps[k] if u.cls == D)
        options = DIGIT_LETTERS[d.out]
        left, right = frags[k].letters, frags[k + 1].letters
        known = [o for o in options if lex.known_count(left + o + right) >= KNOWN]
        # The letter the digit looks like, unless only another reading spells a word.
        choice[k] = known[0] if known else options[0]
    return choice


def _segment(frags: list[_Fragment], classes: list[str], inserts: list[str], lex: Lexicon) -> list[tuple[int, int]]:
    """Best split of a chain of fragments into words: list of (first, last+1) fragment indexes."""
    n = len(frags)
    if n == 1:
        return [(0, 1)]
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(i - 1, max(-1, i - 1 - MAX_SEGMENT_FRAGMENTS), -1):
            if j > 0 and BOUNDARY_COSTS[classes[j - 1]][1] is None:
                continue  # cannot split at a forced join
            if best[j] == math.inf:
                continue
            cost = _segment_cost(frags, classes, inserts, j, i, lex)
            if cost is None:
                continue
            if j > 0:
                cost += BOUNDARY_COSTS[classes[j - 1]][1] or 0.0
            if best[j] + cost < best[i]:
                best[i], back[i] = best[j] + cost, j
    segs = []
    i = n
    while i > 0:
        segs.append((back[i], i))
        i = back[i]
    return segs[::-1]


def _join(frags: list[_Fragment], inserts: list[str], j: int, i: int) -> str:
    """Letters of fragments j..i-1 joined, with what each gap between them contributes (a digit read as a letter)."""
    parts = [frags[j].letters]
    for k in range(j + 1, i):
        parts.append(inserts[k - 1])
        parts.append(frags[k].letters)
    return "".join(parts)


def _segment_cost(frags: list[_Fragment], classes: list[str], inserts: list[str], j: int, i: int,
                  lex: Lexicon) -> float | None:
    word = _join(frags, inserts, j, i)
    inner = classes[j:i - 1]
    cost = _word_cost(word, lex)
    if not inner:
        return cost
    known = lex.count(word) >= KNOWN or lex.known_count(word) >= KNOWN * 10
    for k, c in enumerate(inner, start=j):
        cost += BOUNDARY_COSTS[c][0] or 0.0
        left, right = frags[k], frags[k + 1]
        if c in ("space", "punct") and not known:
            return None
        if c == "space":
            a, b = _join(frags, inserts, j, k + 1), _join(frags, inserts, k + 1, i)
            if a == WAW and len(b) > 1:
                return None  # a separate conjunction و
            if not _may_join(a, b, lex):
                return None
            lone, other = (a, b) if len(a) == 1 else (b, a) if len(b) == 1 else ("", "")
            if (lone in ABBREVIATION_LETTERS and lex.count(other) >= STANDALONE
                    and other not in DETACHED_ARTICLES and lex.count(word) < STANDALONE):
                return None  # a word and a letter that can stand alone (في د 79) join only into a common word
        if c in ("dot", "ellipsis") and not known:
            debris = any(len(f.letters) <= 2 and lex.known_count(f.letters) < KNOWN for f in (left, right))
            if not debris:
                return None
    return cost


def _word_cost(word: str, lex: Lexicon) -> float:
    if len(word) == 1 and word != WAW:
        # A lone letter is a word only as an abbreviation, written with a dot; spaced out it is debris.
        return math.log(lex.total) + 3.6
    return lex.cost(word)


def _emit_chain(text: str, frags: list[_Fragment], gaps: list[list[_Unit]], classes: list[str], start: int,
                last: int, segs: list[tuple[int, int]], digit_choice: dict[int, str], hijri: list[bool],
                b: AlignedBuilder, findings: list[Obfuscation]) -> None:
    for sj, si in segs:
        j, i = start + sj, start + si  # fragments j..i-1 form one word
        kinds: set[str] = set()
        out_parts: list[str] = []
        first = frags[j].units[0].start
        end = frags[i - 1].units[-1].end
        for k in range(j, i):
            f = frags[k]
            kinds |= f.kinds
            run_start = run_end = -1  # a run of letters kept as written goes out as one piece
            for u in f.units:
                if u.cls == L and id(u) not in f.drop:
                    out_parts.append(u.out)
                    if u.kind is None and u.end - u.start == 1:
                        if u.start != run_end:
                            b.keep(run_start, run_end)
                            run_start = u.start
                        run_end = u.end
                        continue
                    b.keep(run_start, run_end)
                    run_start = run_end = -1
                    b.replace(u.start, u.end, u.out)
            b.keep(run_start, run_end)
            if k < i - 1:
                kinds |= _gap_kinds(gaps[k], classes[k], frags[k], frags[k + 1])
                if classes[k] == "digit":
                    d = next(u for u in gaps[k] if u.cls == D)
                    b.replace(d.start, d.end, digit_choice[k])
                    out_parts.append(digit_choice[k])
        word = "".join(out_parts)
        # Kept gaps inside the chain (between words) are emitted verbatim, less tatweel and harakat; a tatweel
        # at a word's edge that splits nothing (الـ28, لـ«) is typography, removed without a report.
        if i - 1 < last:
            gap = gaps[i - 1]
            if kinds:
                findings.append(Obfuscation(first, end, word, sorted(kinds)))
            _emit_junk(gap, b, edge_tatweel_kept=hijri[i - 1])
            continue
        if kinds:
            findings.append(Obfuscation(first, end, word, sorted(kinds)))


def _gap_kinds(gap: list[_Unit], cls: str, left: _Fragment, right: _Fragment) -> set[str]:
    kinds: set[str] = set()
    classes = {u.cls for u in gap}
    if T in classes:
        kinds.add(TATWEEL_SPLIT_KIND if W in classes else TATWEEL_KIND)
    if I in classes:
        kinds.add(INVISIBLE_KIND)
    if S in classes:
        kinds.add(SEPARATOR_KIND)
    if W in classes and T not in classes:
        single = len(left.letters) == 1 and len(right.letters) == 1
        kinds.add(LETTER_SPACING_KIND if single else SPACE_KIND)
    if D in classes:
        kinds.add(DIGIT_KIND)
    return kinds


def _emit_junk(units: list[_Unit], b: AlignedBuilder, edge_tatweel_kept: bool) -> None:
    """Emit units between words: kept as written, except harakat and tatweel (but one tatweel of a Hijri mark)."""
    for k, u in enumerate(units):
        if u.cls == H:
            continue
        if u.cls == T and not (edge_tatweel_kept and k == 0):
            continue
        b.replace(u.start, u.end, u.out)


def run(doc: Document, ctx: Context) -> None:
    """Pipeline stage: fill `doc.clean` and `doc.obfuscations`."""
    result = clean(doc.text, ctx.lexicon)
    doc.clean = CleanText(result.text, result.alignment)
    doc.obfuscations = result.obfuscations
