"""Character classes for Arabic script, as regex class bodies and sets.

Kept in one place so that the cleaner, the segmenter and the lexicon builder agree on what a letter is.
"""

from __future__ import annotations

# Letters of the Arabic block that write Arabic (and the Persian/Urdu letters that may slip into it).
LETTERS = "\u0621-\u063A\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF"
# Harakat, Quranic annotation marks, superscript alef.
HARAKAT = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED"
TATWEEL = "\u0640"
# Invisible characters used to split words: soft hyphen, combining grapheme joiner, Arabic letter mark,
# Hangul/Khmer/Mongolian fillers, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates,
# word joiner and invisible operators, zero-width no-break space.
INVISIBLE = "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF"
# Arabic presentation forms A and B (without U+FEFF, which is invisible, not a presentation form).
PRESENTATION = "\uFB50-\uFDFF\uFE70-\uFEFC"
# Visible punctuation that obfuscators put inside words.
SEPARATORS = ".\u00B7\u2022\u2219\u2027\u22C5\u30FB\u2024\u2026_\\-\u2010-\u2015/\\\\,\u060C*\u066D\u2217\u00D7+~|'`\u02D9\u0387"
# Horizontal spaces (no line breaks).
SPACES = " \u00A0\u2000-\u200A\u202F\u205F\u3000\t"

# Persian/Urdu letters that look like Arabic ones.
LOOKALIKES: dict[str, str] = {
    "\u06CC": "\u064A",  # FARSI YEH -> YEH
    "\u06D0": "\u064A",  # E -> YEH
    "\u06D2": "\u064A",  # YEH BARREE -> YEH
    "\u06A9": "\u0643",  # KEHEH -> KAF
    "\u06AA": "\u0643",  # SWASH KAF -> KAF
    "\u06C1": "\u0647",  # HEH GOAL -> HEH
    "\u06BE": "\u0647",  # HEH DOACHASHMEE -> HEH
    "\u06D5": "\u0647",  # AE -> HEH
    "\u06C3": "\u0629",  # TEH MARBUTA GOAL -> TEH MARBUTA
    "\u06C0": "\u0629",  # HEH WITH YEH ABOVE -> TEH MARBUTA
}
LOOKALIKE_CLASS = "".join(LOOKALIKES)

# Digits that look like letters, with the letters they may stand for inside a word ('' = a dot, dropped).
DIGIT_LETTERS: dict[str, tuple[str, ...]] = {
    "\u0660": ("",),  # ٠ looks like a dot
    "\u06F0": ("",),
    "\u0661": ("\u0627", ""),  # ١ looks like alef
    "\u06F1": ("\u0627", ""),
    "\u0665": ("\u0647", ""),  # ٥ looks like heh
    "\u06F5": ("\u0647", ""),
}
DIGIT_LETTER_CLASS = "".join(DIGIT_LETTERS)

ALEF_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
                           "\u0649": "\u064A", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064A"})


def _expand(cls: str) -> frozenset[str]:
    """Expand a regex class body of single characters and a-b ranges into a set."""
    out: set[str] = set()
    i = 0
    body = cls.replace("\\-", "\x00").replace("\\\\", "\x01")
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.add(body[i])
            i += 1
    return frozenset("-" if c == "\x00" else "\\" if c == "\x01" else c for c in out)


LETTER_SET = _expand(LETTERS)
HARAKAT_SET = _expand(HARAKAT)
INVISIBLE_SET = _expand(INVISIBLE)
PRESENTATION_SET = _expand(PRESENTATION)
SEPARATOR_SET = _expand(SEPARATORS)
SPACE_SET = _expand(SPACES)
