"""Obfuscate Arabic words the way writers do to slip them past moderation.

Used to measure the cleaner (`khabar eval clean`) and the robustness of later stages; every family here is one
the cleaner claims to undo. Deterministic for a given `random.Random`.
"""

from __future__ import annotations

import random
import unicodedata

TATWEEL = "\u0640"
FAMILIES = ("tatweel", "tatweel_separator", "separator", "invisible", "space", "letter_spacing", "tatweel_split",
            "presentation_form", "lookalike_letter", "repeated_letter", "digit_as_letter", "harakat")
SEPARATORS = (".", "\u00B7", "\u2022", "_", "-", "/", ",", "\u060C", "*", "..")
INVISIBLES = ("\u200B", "\u200C", "\u200D", "\u200F", "\u200E", "\u00AD", "\u2060", "\u061C", "\u202B\u202C")
HARAKAT = ("\u064E", "\u064F", "\u0650", "\u0652", "\u0651", "\u064B")
REVERSE_LOOKALIKE = {"\u064A": "\u06CC", "\u0643": "\u06A9", "\u0647": "\u06C1", "\u0629": "\u06C3"}
# Letters after which a tatweel can be drawn (they join to the left).
JOINING = set("بتثجحخسشصضطظعغفقكلمنهيئـ")

_PRESENTATION: dict[str, str] = {}


def _presentation_forms() -> dict[str, str]:
    """letter -> its isolated presentation form, from the Unicode tables."""
    if not _PRESENTATION:
        for cp in list(range(0xFE70, 0xFEFD)):
            ch = chr(cp)
            name = unicodedata.name(ch, "")
            base = unicodedata.normalize("NFKC", ch)
            if len(base) == 1 and "ISOLATED" in name and base not in _PRESENTATION:
                _PRESENTATION[base] = ch
    return _PRESENTATION


def obfuscate_word(word: str, family: str, rng: random.Random) -> str:
    """Return `word` obfuscated with one family. Words shorter than 3 letters come back unchanged."""
    if len(word) < 3:
        return word
    cut = rng.randrange(1, len(word))
    a, b = word[:cut], word[cut:]
    if family == "tatweel":
        spots = [i for i in range(1, len(word)) if word[i - 1] in JOINING]
        if not spots:
            return word[:cut] + TATWEEL + word[cut:]
        i = rng.choice(spots)
        return word[:i] + TATWEEL * rng.randint(1, 4) + word[i:]
    if family == "tatweel_separator":
        return a + TATWEEL + rng.choice(SEPARATORS[:5]) + TATWEEL + b
    if family == "separator":
        return a + rng.choice(SEPARATORS) + b
    if family == "invisible":
        return a + rng.choice(INVISIBLES) + b
    if family == "space":
        if word[0] == "\u0648" and cut == 1:
            # و + space + word is how a separate conjunction is legitimately written: cut elsewhere.
            cut = rng.randrange(2, len(word))
            a, b = word[:cut], word[cut:]
        return a + " " + b
    if family == "letter_spacing":
        return " ".join(word)
    if family == "tatweel_split":
        return rng.choice((a + TATWEEL + " " + b, a + " " + TATWEEL + b, a + TATWEEL + " " + TATWEEL + b))
    if family == "presentation_form":
        forms = _presentation_forms()
        return "".join(forms.get(c, c) for c in word)
    if family == "lookalike_letter":
        spots = [i for i, c in enumerate(word) if c in REVERSE_LOOKALIKE]
        if not spots:
            return a + TATWEEL + b
        i = rng.choice(spots)
        return word[:i] + REVERSE_LOOKALIKE[word[i]] + word[i + 1:]
    if family == "repeated_letter":
        i = rng.randrange(len(word))
        return word[:i] + word[i] * rng.randint(3, 5) + word[i + 1:]
    if family == "digit_as_letter":
        if "\u0627" in word[1:-1]:
            i = word.index("\u0627", 1)
            return word[:i] + "\u0661" + word[i + 1:]
        return a + "\u0660" + b
    if family == "harakat":
        return "".join(c + (rng.choice(HARAKAT) if rng.random() < 0.5 else "") for c in word)
    raise ValueError(f"unknown obfuscation family {family!r}")


