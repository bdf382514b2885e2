"""Framing: how an article names the actors it reports on, and how it tries to persuade.

Three parts, read off the layers the pipeline already made (tokens, entities, clean text):

- **loaded terms** (`data/framing/loaded_terms.tsv`): words that pass a judgement (الاحتلال، الإرهابي، الشهداء،
  مجزرة ...), each with its span in the original text and, where it is part of or next to an actor's name, the
  actor it targets (`الاحتلال التركي` → Turkey, `تنظيم داعش الإرهابي` → ISIS);
- the **actor label table**: per actor (grouped by knowledge-base id, else by folded surface form), the noun
  phrases the article names it with, and how often (Turkey → {تركيا: 5, الاحتلال التركي: 4});
- **persuasion techniques** per paragraph: binary "uses a persuasion technique" (ArAIEval 2023 task 1A) and the
  techniques (task 1B / ArMPro's 23), from a linear model over multilingual-e5-small sentence embeddings and
  character n-grams, run in numpy (`classifier.py`; trained by `khabar.training.train_framing`).

`frame_document(doc)` needs a document the pipeline has analysed (`khabar.pipeline.analyze`); on an empty or
non-Arabic document it returns empty frames. The classifier is optional at run time: if its embedding model
cannot be loaded, paragraphs are left out and `Frames.notes` says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from .actors import ActorLabel, LoadedTerm, analyse_terms_and_actors
from .terms import load_terms

__all__ = ["Frames", "LoadedTerm", "ActorLabel", "ParagraphTechniques", "frame_document", "split_paragraphs", "run"]

_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
_MIN_ARABIC_WORDS = 3
_MAX_PARAGRAPH = 1200  # characters; a longer line (an article in one line) is cut at sentence ends


@dataclass
class ParagraphTechniques:
    start: int
    end: int
    persuasive: bool
    score: float  # P(the paragraph uses at least one persuasion technique), task 1A model
    techniques: list[tuple[str, float]] = field(default_factory=list)  # above their thresholds, best first

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": text[self.start:self.end],
                "persuasive": self.persuasive, "score": round(self.score, 4),
                "techniques": [{"name": n, "score": round(s, 4)} for n, s in self.techniques]}


@dataclass
class Frames:
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    actor_labels: list[ActorLabel] = field(default_factory=list)
    paragraphs: list[ParagraphTechniques] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    text: str = field(default="", repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "loaded_terms": [{"start": t.start, "end": t.end, "text": t.text, "term": t.term,
                              "category": t.category, "polarity": t.polarity, "target_text": t.target_text,
                              "target_kb_id": t.target_kb_id, "target_name": t.target_name}
                             for t in self.loaded_terms],
            "actor_labels": [a.to_dict() for a in self.actor_labels],
            "paragraphs": [p.to_dict(self.text) for p in self.paragraphs],
            "notes": list(self.notes),
        }


def _is_arabic(text: str) -> bool:
    return len(_ARABIC_WORD.findall(text)) >= _MIN_ARABIC_WORDS


def split_paragraphs(doc: Document) -> list[tuple[int, int]]:
    """Paragraph spans in the original text: each non-blank line, trimmed; a line longer than _MAX_PARAGRAPH
    characters is cut into runs of whole sentences (`doc.sentences`) that fit."""
    out: list[tuple[int, int]] = []
    text = doc.text
    for m in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        if b - a <= _MAX_PARAGRAPH:
            out.append((a, b))
            continue
        sents = [(max(s.start, a), min(s.end, b)) for s in doc.sentences if s.end > a and s.start < b]
        if not sents:
            out.extend((i, min(i + _MAX_PARAGRAPH, b)) for i in range(a, b, _MAX_PARAGRAPH))
            continue
        cur_a, cur_b = sents[0]
        for sa, sb in sents[1:]:
            if sb - cur_a > _MAX_PARAGRAPH:
                out.append((cur_a, cur_b))
                cur_a = sa
            cur_b = sb
        out.append((cur_a, cur_b))
    return out


def _clean_text(doc: Document, a: int, b: int) -> str:
    if doc.clean is None:
        return doc.text[a:b]
    ca, cb = doc.to_clean_span(a, b)
    return doc.clean.text[ca:cb]


def classify_paragraphs(doc: Document, spans: list[tuple[int, int]]) -> list[ParagraphTechniques]:
    from .classifier import default_model

    model = default_model()
    texts = [_clean_text(doc, a, b) for a, b in spans]
    out = []
    for (a, b), pred in zip(spans, model.predict(texts)):
        out.append(ParagraphTechniques(a, b, pred.persuasive, pred.score, pred.techniques))
    return out


def frame_document(doc: Document, *, techniques: bool = True) -> Frames:
    """Loaded terms, actor labels and per-paragraph persuasion techniques of an analysed document."""
    frames = Frames(text=doc.text)
    if not doc.text or not doc.text.strip():
        return frames
    if not _is_arabic(doc.clean.text if doc.clean is not None else doc.text):
        frames.notes.append("not Arabic text: no frames")
        return frames
    try:
        frames.loaded_terms, frames.actor_labels = analyse_terms_and_actors(doc, load_terms())
    except Exception as e:  # a rule bug must not lose the paragraphs
        frames.notes.append(f"loaded terms / actor labels failed: {type(e).__name__}: {e}")
    if techniques:
        spans = [(a, b) for a, b in split_paragraphs(doc) if _is_arabic(_clean_text(doc, a, b))]
        if spans:
            try:
                frames.paragraphs = classify_paragraphs(doc, spans)
            except Exception as e:  # e.g. the embedding model is not installed
                frames.notes.append(f"persuasion techniques unavailable: {type(e).__name__}: {e}")
    return frames


def run(doc: Document, ctx: Any) -> None:
    """The pipeline stage: `doc.frames` is the frames' dict (techniques scored unless `ctx.techniques` is off)."""
    doc.frames = frame_document(doc, techniques=ctx.techniques).to_dict()
