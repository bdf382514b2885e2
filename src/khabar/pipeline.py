"""The analysis pipeline: stages in order, each a small function `run(doc, ctx)` that adds one layer.

`Context` carries what the stages share, loaded once and read-only (today the lexicon; models and the
knowledge base join it as the stages that need them arrive). A stage that fails records an error on the
document and the run goes on: a corpus never loses a document to one bad stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cleaner import run as clean_stage
from .ner import SequenceTagger, default_tagger
from .ner import run as ner_stage
from .kb.linker import run as link_stage
from .segment import run as segment_stage
from .temporal import run as times_stage
from .claims import run as claims_stage
from .events import run as events_stage
from .framing import run as frames_stage
from .document import Document, Meta
from .lexicon import Lexicon, default_lexicon

Stage = Callable[[Document, "Context"], None]


STAGES: list[tuple[str, Stage]] = [
    ("clean", clean_stage),
    ("segment", segment_stage),
    ("ner", ner_stage),
    ("link", link_stage),
    ("times", times_stage),
    ("claims", claims_stage),
    ("events", events_stage),
    ("frames", frames_stage),
]


@dataclass(frozen=True)
class Context:
    lexicon: Lexicon
    ner: SequenceTagger | None = None
    techniques: bool = True  # score persuasion techniques per paragraph (the slowest stage: an embedding model)

    @classmethod
    def default(cls) -> "Context":
        return cls(lexicon=default_lexicon(), ner=default_tagger())


def analyze(text: str | Document, *, meta: Meta | dict[str, Any] | None = None, published: str | None = None,
            ctx: Context | None = None, stages: list[tuple[str, Stage]] | None = None) -> Document:
    """Run the pipeline on a text (or a Document made elsewhere) and return the Document."""
    if isinstance(text, Document):
        doc = text
    else:
        m = meta if isinstance(meta, Meta) else Meta.from_mapping(meta or {})
        doc = Document(text=text, meta=m)
    if published:
        doc.meta.published = published
    ctx = ctx or Context.default()
    for name, stage in stages or STAGES:
        try:
            stage(doc, ctx)
        except Exception as e:  # a bug in one stage must not lose the document
            doc.add_issue(name, "error", "stage_failed", f"{name} failed: {type(e).__name__}: {e}")
    return doc
