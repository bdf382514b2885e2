"""Search keys: Arabic spelling variation folded away.

`fold()` is for matching (entity lookup, search, near-duplicate keys), never for display: alef and hamza
forms become bare alef / waw / yeh, alef maqsura becomes yeh, teh marbuta becomes heh, and harakat and tatweel go.
It works on any text (clean or not) and keeps no alignment: it only ever maps one character to at most one.
"""

from __future__ import annotations

from .chars import HARAKAT_SET, LOOKALIKES

_TABLE: dict[int, int | None] = {ord(c): None for c in HARAKAT_SET}
_TABLE[0x0640] = None  # tatweel
_TABLE.update({ord(k): ord(v) for k, v in LOOKALIKES.items()})
_TABLE.update({ord(k): ord(v) for k, v in {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0672": "\u0627",
    "\u0673": "\u0627", "\u0649": "\u064A", "\u0626": "\u064A", "\u0624": "\u0648", "\u0629": "\u0647",
}.items()})


FOLD_TABLE = _TABLE  # for callers that fold with a variation of it (temporal.words.tkey)


def fold(text: str) -> str:
    """`الإرهابيّة` → `الارهابيه`; `مُسْتَشْفى` → `مستشفي`."""
    return text.translate(_TABLE)
