"""Temporal expressions: find every date, time, duration, recurrence and vague time reference in a document and
resolve it against the publication date (`doc.meta.published`). See `tagger.py` for the rules."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import TYPE_CHECKING

from ..document import Document, TimeExpression
from .tagger import Found, Tok, tag_tokens
from .words import tkey

if TYPE_CHECKING:
    from ..pipeline import Context

__all__ = ["tag_document", "run", "parse_anchor"]

_TRAILING = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def parse_anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _sentence_tokens(doc: Document) -> list[list[Tok]]:
    names = sorted((m.start, m.end) for m in doc.mentions if m.label == "PER")
    starts = [a for a, _ in names]
    by: dict[int, list[Tok]] = {}
    for t in doc.tokens:
        orig = doc.text[t.start:t.end]
        k = bisect_right(starts, t.start) - 1  # the last name starting at or before the token
        in_name = k >= 0 and t.end <= names[k][1]
        by.setdefault(t.sentence, []).append(Tok(tkey(t.clean), t.start, t.end, t.clean, orig == t.clean, in_name))
    return [by[k] for k in sorted(by)]


def _skip_chars(tok: Tok, n_key_chars: int) -> int:
    """Characters of the token's text that hold its first `n_key_chars` folded characters (a clitic)."""
    if n_key_chars == 0 or not tok.inner:
        return 0
    seen = 0
    for pos, ch in enumerate(tok.clean):
        if seen == n_key_chars:
            return pos
        if tkey(ch):
            seen += 1
    return 0


def _expression(doc: Document, toks: list[Tok], f: Found, anchor: date | None) -> TimeExpression:
    start = toks[f.i].start + _skip_chars(toks[f.i], f.skip)
    end = toks[f.j - 1].end
    while end < len(doc.text) and _TRAILING.match(doc.text[end]):  # سنوياً, 1436هـ: the marks belong to the word
        end += 1
    clean = " ".join(t.clean for t in toks[f.i:f.j])
    needs = f.type in ("date", "time") or f.interval is not None or not f.anchored
    return TimeExpression(start, end, clean, f.type, f.value, f.interval, f.precision, f.mod,
                          anchor.isoformat() if anchor and needs else None, f.anchored, f.calendar)


def tag_document(doc: Document) -> list[TimeExpression]:
    anchor = parse_anchor(doc.meta.published)
    out: list[TimeExpression] = []
    previous: list[Found] = []  # the dates met so far, for الفترة ذاتها and the like
    for toks in _sentence_tokens(doc):
        try:
            found = tag_tokens(toks, anchor, previous)
        except Exception as e:  # one sentence must not cost the document its other expressions
            doc.add_issue("times", "warning", "sentence_failed",
                          f"temporal tagging failed in the sentence at {toks[0].start}: {type(e).__name__}: {e}")
            continue
        out.extend(_expression(doc, toks, f, anchor) for f in found)
    if anchor is None and any(not t.anchored for t in out):
        doc.add_issue("times", "warning", "unanchored",
                      "no publication date: relative dates (أمس, الشهر الماضي, مارس الماضي …) are left unresolved "
                      "(pass --published or give the date in the input)")
    return out


def run(doc: Document, ctx: "Context") -> None:
    """Pipeline stage: fill `doc.times`."""
    doc.times = tag_document(doc)
