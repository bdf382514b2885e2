"""Neural NER (numpy BiLSTM-CRF): batching, decoding, the gazetteer slots, and the shipped model."""

from __future__ import annotations

import io
import itertools
import json

import numpy as np
import pytest

from khabar.conll import spans
from khabar.ner import Resources
from khabar.ner_nn import MAX_CHARS, SLOTS, NeuralTagger, default_neural_tagger, sentence_codes

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
RES = Resources.default()


def random_model(seed: int = 0, hidden: int = 6, dim: int = 5) -> bytes:
    """A model file with random weights and the trainer's layout (no torch needed)."""
    rng = np.random.default_rng(seed)
    words = ["<pad>", "<unk>", "قال", "بشار", "الاسد", "في", "دمشق", "0"]
    chars = ["<pad>", "<unk>", *"قالبشرسدفيمن"]
    feat_vocab = ["<pad>", "<unk>", "A", "P", "D", "", "0", "1", "B", "I"]
    char_dim, filters, width, feat_dim = 4, 3, 3, 2
    in_dim = 2 * dim + filters + feat_dim * len(SLOTS)
    arr = {
        "vocab_words": np.array(words), "vocab_chars": np.array(chars), "tags": np.array(TAGS),
        "word_emb": rng.normal(size=(len(words), dim)).astype(np.float16),
        "char_emb": rng.normal(size=(len(chars), char_dim)), "conv_w": rng.normal(size=(filters, char_dim * width)),
        "conv_b": rng.normal(size=filters), "conv_width": np.array(width),
        "out_w": rng.normal(size=(len(TAGS), 2 * hidden)), "out_b": rng.normal(size=len(TAGS)),
        "trans": rng.normal(size=(len(TAGS), len(TAGS))), "start": rng.normal(size=len(TAGS)),
        "end": rng.normal(size=len(TAGS)), "hyper": np.array(json.dumps({})),
    }
    for s in SLOTS:
        arr[f"vocab_feat_{s}"] = np.array(feat_vocab)
        arr[f"feat_emb_{s}"] = rng.normal(size=(len(feat_vocab), feat_dim))
    arr["proj_w"], arr["proj_b"] = rng.normal(size=(2 * hidden, in_dim)) * 0.3, rng.normal(size=2 * hidden)
    arr["dilations"] = np.array([1, 2, 4])
    for k in range(3):
        arr[f"cnn_w_{k}"] = rng.normal(size=(2 * hidden, 2 * hidden, 3)) * 0.3
        arr[f"cnn_b_{k}"] = rng.normal(size=2 * hidden)
    buf = io.BytesIO()
    np.savez(buf, **arr)
    return buf.getvalue()


SENTENCES = [
    "قال الرئيس بشار الأسد في دمشق".split(),
    ["دمشق"],
    "( 12 ) مقاتلاً قتلوا في 2015 ، وفق Reuters .".split(),
    "في".split() * 9,
    [],
    "بشار".split(),
    ["ــــــــ" * 5],  # a token longer than the character window
]


def test_batching_does_not_change_any_sentence():
    """Sentences of different lengths share a batch; each must come out as it would alone, which fails if
    a convolution reached into the next sentence or the per-word cache mixed words up."""
    tagger = NeuralTagger(random_model(), RES)
    alone = [tagger.emissions([s])[0] if s else None for s in SENTENCES]
    together = tagger.emissions([s for s in SENTENCES if s])
    for a, b in zip([x for x in alone if x is not None], together):
        assert a.shape == b.shape
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)
    assert tagger.tag_many(SENTENCES) == [tagger.tag(s) for s in SENTENCES]
    assert tagger.tag([]) == [] and len(tagger.tag_many(SENTENCES)[0]) == len(SENTENCES[0])


def test_viterbi_finds_the_best_path():
    tagger = NeuralTagger(random_model(seed=3), RES)
    em = tagger.emissions([SENTENCES[0][:4]])[0]
    n = len(TAGS)

    def total(path):
        s = tagger.start[path[0]] + em[0, path[0]] + tagger.end[path[-1]]
        return s + sum(tagger.trans[a, b] + em[i + 1, b] for i, (a, b) in enumerate(zip(path, path[1:])))

    best = max(itertools.product(range(n), repeat=len(em)), key=total)
    assert tagger._viterbi(em) == list(best)


def test_character_window_and_unknown_words():
    tagger = NeuralTagger(random_model(), RES)
    w, b, ch, ft = tagger.vocabs.encode(sentence_codes(["كلمةغيرمعروفةطويلةجدا", "دمشق"], RES, {}))
    assert ch.shape == (2, MAX_CHARS) and ft.shape == (2, len(SLOTS))
    assert w[0] == 1 and w[1] == tagger.vocabs.words["دمشق"]


def test_gazetteer_slots_mark_multiword_names():
    if not RES.gazetteer:
        pytest.skip("no gazetteer in this build")
    codes = sentence_codes("نقلت وكالة الانباء الاسلامية عن مصدر في الأردن".split(), RES, {})
    gaz = [c.feats[-3:] for c in codes]  # (person, location, organisation)
    assert [g[2] for g in gaz[:4]] == ["", "B", "I", "I"]
    assert gaz[7][1] == "B" and gaz[0] == ("", "", "")


shipped = default_neural_tagger()


@pytest.mark.skipif(shipped is None, reason="no neural NER model shipped in this build")
def test_shipped_neural_model_tags_news_sentences():
    found = spans(shipped.tag("وقال الرئيس السوري بشار الأسد في دمشق إن الأمم المتحدة لم تتحرك".split()))
    assert (3, 5, "PER") in found and (6, 7, "LOC") in found
    assert any(t == "ORG" for _, _, t in found)
    # the pipeline's default tagger is the neural one when it is shipped
    from khabar.ner import default_tagger

    assert default_tagger() is shipped
