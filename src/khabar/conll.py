"""Read the NER corpora we train and evaluate on, in their own formats, into one shape: sentences of
(token, tag) with IOB2 tags over PER / ORG / LOC / MISC.

- ANERcorp (CAMeL-style split): `token TAG`, blank line between sentences; PERS → PER.
- AQMAR: `token TAG`; PER/LOC/ORG kept, MIS0..MIS3 → MISC; the release's one-off typos repaired.
- Wojood (sample): `token TAG1 [TAG2 ...]` nested; the outermost PERS/ORG/GPE/LOC tag is kept (GPE → LOC,
  as ANERcorp types countries and cities LOC); other types → O; `$#$` line-break markers dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PER", "ORG", "LOC", "MISC")

_ANER = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    block: list[list[str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            parts = line.replace("\u200e", "").replace("\u200f", "").split()
            if not parts:
                if block:
                    yield block
                block = []
                continue
            block.append(parts)
    if block:
        yield block


def _tag(raw: str, mapping: dict[str, str]) -> str:
    m = re.fullmatch(r"([BI])-+([A-Za-z]+?)\d*`?", raw)
    if not m:
        return "O"
    kind = m.group(2).upper()
    if kind.startswith("MIS"):
        kind = "MISC"
    t = mapping.get(kind)
    return f"{m.group(1)}-{t}" if t else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """IOB2: an I- tag that does not continue an entity of its type starts one."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def read_anercorp(path: str | Path) -> list[Sentence]:
    sents = []
    for block in _blocks(Path(path)):
        toks = [b[0] for b in block if len(b) >= 2]
        tags = [_tag(b[-1], _ANER) for b in block if len(b) >= 2]
        if toks:
            sents.append(Sentence(toks, repair_iob(tags)))
    return sents


def read_aqmar(path: str | Path) -> list[Sentence]:
    mapping = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
    sents = []
    for block in _blocks(Path(path)):
        toks = [b[0] for b in block if len(b) >= 2]
        tags = [_tag(b[1].replace("MISS", "MIS"), mapping) for b in block if len(b) >= 2]
        if toks:
            sents.append(Sentence(toks, repair_iob(tags)))
    return sents


def read_wojood(path: str | Path) -> list[Sentence]:
    sents = []
    for block in _blocks(Path(path)):
        toks, tags = [], []
        for b in block:
            if b[0] == "$#$" or len(b) < 2:
                continue
            toks.append(b[0])
            tags.append(_tag(b[1], _WOJOOD))  # the first tag is the outermost entity
        if toks:
            sents.append(Sentence(toks, repair_iob(tags)))
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) of an IOB2 sequence, CoNLL style."""
    out = set()
    start, kind = None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == kind):
            out.add((start, i, kind))
            start, kind = None, None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, kind = i, t[2:]
    return out
