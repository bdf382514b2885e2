"""Alignment between a cleaned text and the original it came from.

The cleaner only ever keeps, deletes or replaces short runs of characters, so the alignment is stored as a few
pieces rather than one entry per character. Each piece says that clean[c0:c0+clen] came from
original[o0:o0+olen]. When clen == olen the piece maps character for character; otherwise (a ligature expanded
to two letters, a look-alike letter swapped) every clean character of the piece maps to the whole original block.
Original characters covered by no piece were deleted (tatweel, harakat, dots inside a word).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Alignment:
    """Maps spans of a clean text to spans of its original and back."""

    clean_len: int
    orig_len: int
    c_starts: list[int] = field(default_factory=list)
    o_starts: list[int] = field(default_factory=list)
    c_lens: list[int] = field(default_factory=list)
    o_lens: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, n: int) -> "Alignment":
        if n == 0:
            return cls(0, 0)
        return cls(n, n, [0], [0], [n], [n])

    # -- clean -> original -------------------------------------------------------------------------------------
    def _orig_start_of(self, c: int) -> int:
        i = bisect_right(self.c_starts, c) - 1
        c0, o0, cl, ol = self.c_starts[i], self.o_starts[i], self.c_lens[i], self.o_lens[i]
        return o0 + (c - c0) if cl == ol else o0

    def _orig_end_of(self, c: int) -> int:
        """Original end offset of clean character c (exclusive)."""
        i = bisect_right(self.c_starts, c) - 1
        c0, o0, cl, ol = self.c_starts[i], self.o_starts[i], self.c_lens[i], self.o_lens[i]
        return o0 + (c - c0) + 1 if cl == ol else o0 + ol

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of clean span [start, end). An empty span maps to an empty span at its position."""
        if not 0 <= start <= end <= self.clean_len:
            raise ValueError(f"clean span ({start}, {end}) outside 0..{self.clean_len}")
        if start == end:
            pos = self._orig_start_of(start) if start < self.clean_len else self._orig_tail()
            return pos, pos
        return self._orig_start_of(start), self._orig_end_of(end - 1)

    def to_original_many(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` for many spans; a text the cleaner left whole (one identity piece) maps for free."""
        if len(self.c_starts) == 1 and self.c_lens[0] == self.o_lens[0] and self.c_starts[0] == 0:
            shift = self.o_starts[0]
            for s, e in spans:
                if not 0 <= s <= e <= self.clean_len:
                    raise ValueError(f"clean span ({s}, {e}) outside 0..{self.clean_len}")
            return [(s + shift, e + shift) for s, e in spans]
        return [self.to_original(s, e) for s, e in spans]

    def _orig_tail(self) -> int:
        if not self.c_starts:
            return self.orig_len
        return self.o_starts[-1] + self.o_lens[-1]

    # -- original -> clean -------------------------------------------------------------------------------------
    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Smallest clean span covering what survives of original span [start, end) (empty if all was deleted)."""
        if not 0 <= start <= end <= self.orig_len:
            raise ValueError(f"original span ({start}, {end}) outside 0..{self.orig_len}")
        cs = self._clean_at_or_after(start)
        if start == end:
            return cs, cs
        ce = self._clean_end_at_or_before(end - 1)
        return (cs, ce) if ce > cs else (cs, cs)

    def _clean_at_or_after(self, o: int) -> int:
        i = bisect_right(self.o_starts, o) - 1
        if i >= 0:
            c0, o0, cl, ol = self.c_starts[i], self.o_starts[i], self.c_lens[i], self.o_lens[i]
            if o < o0 + ol:
                return c0 + (o - o0) if cl == ol else c0
        return self.c_starts[i + 1] if i + 1 < len(self.c_starts) else self.clean_len

    def _clean_end_at_or_before(self, o: int) -> int:
        i = bisect_right(self.o_starts, o) - 1
        if i < 0:
            return 0
        c0, o0, cl, ol = self.c_starts[i], self.o_starts[i], self.c_lens[i], self.o_lens[i]
        if o < o0 + ol:
            return c0 + (o - o0) + 1 if cl == ol else c0 + cl
        return c0 + cl

    # -- serialisation -----------------------------------------------------------------------------------------
    def to_list(self) -> list[list[int]]:
        return [list(p) for p in zip(self.c_starts, self.o_starts, self.c_lens, self.o_lens)]

    @classmethod
    def from_list(cls, pieces: list[list[int]], clean_len: int, orig_len: int) -> "Alignment":
        a = cls(clean_len, orig_len)
        for c0, o0, cl, ol in pieces:
            a.c_starts.append(c0)
            a.o_starts.append(o0)
            a.c_lens.append(cl)
            a.o_lens.append(ol)
        return a


class AlignedBuilder:
    """Builds a clean string and its Alignment from keep/replace calls in original order; gaps are deletions."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.pieces: list[list[int]] = []  # [c0, o0, clen, olen, linear]
        self.clen = 0

    def keep(self, o0: int, o1: int) -> None:
        if o1 <= o0:
            return
        n = o1 - o0
        if self.pieces:
            p = self.pieces[-1]
            if p[4] and p[1] + p[3] == o0:  # extend a contiguous identity piece
                p[2] += n
                p[3] += n
                self.parts.append(self.original[o0:o1])
                self.clen += n
                return
        self.pieces.append([self.clen, o0, n, n, True])
        self.parts.append(self.original[o0:o1])
        self.clen += n

    def replace(self, o0: int, o1: int, text: str) -> None:
        """Emit `text` in place of original[o0:o1] (o1 > o0). An empty text is a deletion."""
        if not text:
            return
        if text == self.original[o0:o1]:
            self.keep(o0, o1)
            return
        self.pieces.append([self.clen, o0, len(text), o1 - o0, False])
        self.parts.append(text)
        self.clen += len(text)

    def build(self) -> tuple[str, Alignment]:
        a = Alignment(self.clen, len(self.original))
        for c0, o0, cl, ol, _ in self.pieces:
            a.c_starts.append(c0)
            a.o_starts.append(o0)
            a.c_lens.append(cl)
            a.o_lens.append(ol)
        return "".join(self.parts), a
