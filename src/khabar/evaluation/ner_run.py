"""Glue for `khabar eval ner`: pick the test file and its reader, the model, and optional obfuscation."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from ..cleaner import clean
from ..conll import Sentence, read_anercorp, read_aqmar, read_wojood
from ..datasets import shared_data_dir
from ..ner import SequenceTagger, Tagger, default_tagger
from ..ner_nn import NeuralTagger
from ..obfuscate import FAMILIES, obfuscate_word
from .ner_eval import evaluate

READERS = {"anercorp": read_anercorp, "aqmar": read_aqmar, "wojood": read_wojood}
# Types each test set annotates: a predicted type it does not annotate is not counted against the model.
TYPES = {"anercorp": ("PER", "ORG", "LOC", "MISC"), "aqmar": ("PER", "ORG", "LOC"), "wojood": ("PER", "ORG", "LOC")}


def load_test(test: Path | None, corpus_format: str) -> tuple[str, list[Sentence]]:
    if corpus_format not in READERS:
        raise ValueError(f"unknown --corpus-format {corpus_format!r} (anercorp, aqmar or wojood)")
    data = shared_data_dir()
    if test is None:
        test = {"anercorp": data / "anercorp" / "ANERCorp_camelstyle_test.txt",
                "aqmar": data / "aqmar",
                "wojood": data / "wojood_sample" / "wojood_sample_test.txt"}[corpus_format]
    if not test.exists():
        raise FileNotFoundError(f"test data not found: {test}")
    files = sorted(test.glob("*.txt")) if test.is_dir() else [test]
    sents = [s for f in files for s in READERS[corpus_format](f)]
    return str(test), sents


def obfuscate_entities(sents: list[Sentence], seed: int) -> list[Sentence]:
    """Every token inside an entity obfuscated with one of the cleaner's families, cycling through them."""
    rng = random.Random(seed)
    out = []
    k = 0
    for s in sents:
        toks = list(s.tokens)
        for i, t in enumerate(s.tags):
            if t != "O" and len(toks[i]) >= 3:
                toks[i] = obfuscate_word(toks[i], FAMILIES[k % len(FAMILIES)], rng)
                k += 1
        out.append(Sentence(toks, s.tags))
    return out


def load_tagger(model: Path | None) -> SequenceTagger:
    """A model file (`.npz`: the neural tagger, otherwise a CRFsuite model), or the shipped default."""
    if model is None:
        tagger = default_tagger()
        if tagger is None:
            raise FileNotFoundError("no NER model: train one with `khabar train ner`")
        return tagger
    if not model.is_file():
        raise FileNotFoundError(f"model not found: {model}")
    return NeuralTagger(str(model)) if model.suffix == ".npz" else Tagger(str(model))


class _CleaningTagger:
    """Runs every token through the cleaner before tagging (the robustness test)."""

    def __init__(self, inner: SequenceTagger) -> None:
        self.inner = inner

    def tag_many(self, sentences):
        return self.inner.tag_many([[clean(t).text or t for t in s] for s in sentences])


def run_ner_eval(test: Path | None, corpus_format: str = "anercorp", *, obfuscate: bool = False,
                 model: Path | None = None, seed: int = 13) -> dict[str, Any]:
    name, sents = load_test(test, corpus_format)
    tagger = load_tagger(model)
    types = TYPES[corpus_format]
    tag: object = tagger
    if obfuscate:
        sents = obfuscate_entities(sents, seed)
        tag = _CleaningTagger(tagger)
    keep = set(types)
    r = evaluate(tag, sents, types, map_pred=lambda t: t if t == "O" or t[2:] in keep else "O")
    r.update({"task": "ner", "test": name, "corpus_format": corpus_format, "obfuscated": obfuscate})
    return r
