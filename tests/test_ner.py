"""NER: readers of the corpora, CoNLL scoring, features, and the shipped model in the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.conll import read_anercorp, read_aqmar, read_wojood, repair_iob, spans
from khabar.evaluation.ner_eval import score
from khabar.ner import Resources, default_tagger, sentence_features


def test_spans_and_iob_repair():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]
    assert repair_iob(tags)[3] == "B-LOC"
    assert spans(tags) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")}


def test_score_exact_match_micro_and_per_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    r = score(gold, pred, ("PER", "ORG", "LOC"))
    assert r["micro"]["gold"] == 3 and r["micro"]["predicted"] == 3
    assert r["micro"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["per_type"]["PER"]["f1"] == 0.0 and r["per_type"]["LOC"]["f1"] == 1.0


def test_readers_map_types(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("بشار B-PERS\nالأسد I-PERS\nفي O\nدمشق B-LOC\n\nالأمم B-ORG\n", encoding="utf-8")
    s = read_anercorp(a)
    assert [x.tags for x in s] == [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG"]]
    q = tmp_path / "q.txt"
    q.write_text("الفيزياء B-MIS1\nنيوتن B-PER\nعلم I--ORG\n", encoding="utf-8")
    assert read_aqmar(q)[0].tags == ["B-MISC", "B-PER", "B-ORG"]  # the release typo I--ORG read as I-ORG
    w = tmp_path / "w.txt"
    w.write_text("مجلس B-ORG\nالأمن I-ORG\n$#$ O\nسوريا B-GPE\nأمس B-DATE\n", encoding="utf-8")
    assert read_wojood(w)[0].tokens == ["مجلس", "الأمن", "سوريا", "أمس"]
    assert read_wojood(w)[0].tags == ["B-ORG", "I-ORG", "B-LOC", "O"]


def test_features_fold_and_strip_punctuation():
    res = Resources.default()
    f = sentence_features(["(الأسد", "قال"], res)
    assert "w=الاسد" in f[0] and "lp=(" in f[0] and "BOS" in f[0]
    assert "-1:w=الاسد" in f[1] and "EOS" in f[1]


tagger = default_tagger()


@pytest.mark.skipif(tagger is None, reason="no NER model shipped in this build")
def test_shipped_model_finds_people_places_and_organisations():
    tags = tagger.tag("وقال الرئيس السوري بشار الأسد في دمشق إن الأمم المتحدة لم تتحرك".split())
    found = spans(tags)
    assert (3, 5, "PER") in found
    assert (6, 7, "LOC") in found
    assert any(t == "ORG" for _, _, t in found)


@pytest.mark.skipif(tagger is None, reason="no NER model shipped in this build")
def test_pipeline_mentions_point_into_the_original_even_when_obfuscated():
    import khabar

    text = "أعلن تنظيم داعـ.ـش أن مقاتليه انسحبوا من الرقة في سوريا."
    doc = khabar.analyze(text)
    assert doc.mentions, "no mentions found"
    for m in doc.mentions:
        assert text[m.start:m.end]
        assert m.label in ("PER", "ORG", "LOC", "MISC")
    assert any(text[m.start:m.end] == "سوريا" and m.label == "LOC" for m in doc.mentions)


def test_train_tiny_model_and_eval_it_from_the_cli(tmp_path: Path):
    import json
    import subprocess
    import sys

    from khabar.ner import Tagger
    from khabar.training.ner_train import train_crf

    lines = []
    for name, place in (("بشار", "دمشق"), ("محمد", "بغداد"), ("علي", "بيروت"), ("أحمد", "عمان")) * 5:
        lines += ["قال O", f"{name} B-PERS", "في O", f"{place} B-LOC", ""]
    data = tmp_path / "tiny.txt"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    model = tmp_path / "tiny.crfsuite"
    info = train_crf(read_anercorp(data), model, c1=0.0, c2=0.01, max_iterations=30)
    assert model.stat().st_size > 0 and info["sentences"] == 20
    assert Tagger(str(model)).tag(["قال", "بشار", "في", "دمشق"]) == ["O", "B-PER", "O", "B-LOC"]
    r = subprocess.run([sys.executable, "-m", "khabar", "eval", "ner", "--test", str(data), "--model", str(model)],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    result = json.loads(r.stdout.decode().splitlines()[-1])
    assert result["task"] == "ner" and result["micro"]["f1"] == 1.0
    assert set(result["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
