"""Sentences and tokens, with offsets into the original text and clitic-aware bases for Arabic words.

Both are found on the clean text (so an obfuscated `داعـ.ـش` is one token) and mapped back through the
alignment. Each Arabic word carries its clitic split (`والمرصد` → و + المرصد) so later stages can look up bases.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .chars import LETTERS
from .document import Document, Sentence, Token

if TYPE_CHECKING:
    from .pipeline import Context

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# Arabic words first: they are most tokens, and trying the URL and e-mail patterns on each would cost.
TOKEN_RE = re.compile(
    rf"(?P<word>[{LETTERS}]+)"
    rf"|(?P<number>{_DIGIT}+(?:[.,:/\u066B\u066C]{_DIGIT}+)*%?)"
    r"|(?P<url>(?:https?://|www\.)\S+?)(?=[\s\u060C,;)\]»\"']*(?:\s|$))"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<hashtag>#[\w\u0640]+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<latin>[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*)"
    r"|(?P<punct>\.{2,}|[^\w\s])"
    r"|(?P<symbol>\S)"
)
# A sentence ends at . ! ? ؟ … (with any closing quotes or brackets) before white space, or at a line break.
# A lone letter before the dot is an abbreviation (د. م. أ.), not a sentence end.
SENTENCE_END_RE = re.compile(
    rf"(?<![\s.][{LETTERS}])(?<!^[{LETTERS}])[.!?\u061F\u2026]+[\"'»”)\]]*(?=\s)|\n+"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a (clean) text, trimmed of surrounding white space."""
    spans = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def run(doc: Document, ctx: Context) -> None:
    """Pipeline stage: fill `doc.sentences` and `doc.tokens`."""
    clean = doc.clean.text if doc.clean is not None else doc.text
    split = ctx.lexicon.split_clitics
    sents = sentence_spans(clean)
    found: list[tuple[int, int, str, str, int]] = []
    for si, (s, e) in enumerate(sents):
        for m in TOKEN_RE.finditer(clean, s, e):
            found.append((m.start(), m.end(), m.group(), m.lastgroup or "symbol", si))
    if doc.clean is not None:
        orig = doc.clean.alignment.to_original_many([(s, e) for s, e in sents] + [(f[0], f[1]) for f in found])
    else:
        orig = [(s, e) for s, e in sents] + [(f[0], f[1]) for f in found]
    doc.sentences = [Sentence(*orig[i]) for i in range(len(sents))]
    tokens: list[Token] = []
    for (os_, oe), (_, _, word, kind, si) in zip(orig[len(sents):], found):
        tok = Token(os_, oe, word, kind, si)
        if kind == "word":
            tok.prefix, tok.base, tok.suffix = split(word)
        tokens.append(tok)
    doc.tokens = tokens
