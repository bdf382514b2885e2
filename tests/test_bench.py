"""Tests for khabar.bench: behaviour and the shape of the results, never timings (only that they are > 0)."""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

import pytest

from khabar import bench
from khabar.bench import bench_analyze, bench_clean, format_table, load_texts
from khabar.corpus_split import heldout_split

EXAMPLE = Path(__file__).parents[1] / "examples" / "turkey-isis-afrin.ar.txt"
PARAS = [ln.strip() for ln in EXAMPLE.read_text(encoding="utf-8").splitlines() if ln.strip()][:8]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    p = tmp_path / "tiny.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i, para in enumerate(PARAS):
            # half the lines use `text`, half `content`, as both are accepted
            key = "text" if i % 2 else "content"
            fh.write(json.dumps({"id": i, key: para}, ensure_ascii=False) + "\n")
        fh.write("\n")  # a blank line is skipped
        fh.write(json.dumps({"id": 99, "text": "   "}) + "\n")  # an empty body is skipped
    return p


@pytest.fixture
def texts(corpus: Path) -> list[str]:
    return load_texts(corpus)


def test_example_paragraphs_are_there():
    assert len(PARAS) >= 5
    assert "داعـ.ـش" in PARAS[0]


def test_load_texts_reads_jsonl(corpus: Path):
    got = load_texts(corpus)
    assert got == PARAS
    assert load_texts(corpus, docs=3) == PARAS[:3]
    assert load_texts(corpus, docs=0) == []


def test_load_texts_reads_jsonl_xz(tmp_path: Path):
    p = tmp_path / "tiny.jsonl.xz"
    with lzma.open(p, "wt", encoding="utf-8") as fh:
        for para in PARAS[:5]:
            fh.write(json.dumps({"content": para}, ensure_ascii=False) + "\n")
    assert load_texts(p) == PARAS[:5]


def test_load_texts_saudinewsnet_split(tmp_path: Path):
    # A file named like the shared corpus is filtered by the held-out split, as the real one is.
    p = tmp_path / "saudinewsnet.jsonl.xz"
    arts = [{"url": f"http://example.com/article/{i}", "content": f"نص المقال رقم {i}"} for i in range(400)]
    with lzma.open(p, "wt", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    want = [a["content"] for a in arts if heldout_split(a["url"]) == "test"]
    assert want, "the fixture should hold some test-split articles"
    assert load_texts(p, docs=10_000) == want
    assert load_texts(p, docs=10_000, split="dev") == [a["content"] for a in arts
                                                        if heldout_split(a["url"]) == "dev"]
    assert load_texts(p, docs=10_000, split="all") == [a["content"] for a in arts]
    with pytest.raises(ValueError):
        load_texts(p, split="train")


def test_load_texts_missing_path(tmp_path: Path):
    missing = tmp_path / "nope" / "corpus.jsonl"
    with pytest.raises(FileNotFoundError) as e:
        load_texts(missing)
    assert str(missing) in str(e.value)


def test_load_texts_missing_default_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KHABAR_SHARED_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError) as e:
        load_texts()
    assert str(tmp_path) in str(e.value)


def test_bench_clean_structure(texts: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "camel_tools", None)  # simulate camel-tools not installed
    r = bench_clean(texts, repeats=2)
    json.dumps(r)  # JSON-able
    assert r["task"] == "bench_clean"
    assert r["docs"] == len(texts)
    assert r["repeats"] == 2
    assert r["mb"] > 0
    assert r["lexicon_load_s"] > 0
    k = r["tools"]["khabar"]
    assert k["available"] is True
    assert k["mb_per_s"] > 0
    assert k["best_s"] > 0 and k["median_s"] >= k["best_s"]
    assert k["findings"] > 0  # the example's title is obfuscated
    arclean = r["tools"]["arclean"]
    assert arclean["available"] is False
    assert "camel-tools is not installed" in arclean["why"]
    assert "khabar[bench]" in arclean["why"]
    assert "khabar/arclean" not in r["ratios"]


def test_bench_clean_with_pyarabic(texts: list[str]):
    pytest.importorskip("pyarabic")
    r = bench_clean(texts, repeats=1)
    p = r["tools"]["pyarabic"]
    assert p["available"] is True
    assert p["mb_per_s"] > 0
    assert r["ratios"]["khabar/pyarabic"] > 0


def test_bench_clean_without_pyarabic(texts: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pyarabic", None)
    monkeypatch.setitem(sys.modules, "pyarabic.araby", None)
    r = bench_clean(texts, repeats=1)
    assert r["tools"]["pyarabic"] == {"available": False,
                                      "why": "pyarabic is not installed (pip install 'khabar[bench]')"}
    assert "khabar/pyarabic" not in r["ratios"]
    assert r["tools"]["khabar"]["mb_per_s"] > 0


def test_bench_clean_rejects_no_texts():
    with pytest.raises(ValueError):
        bench_clean([])


def test_bench_analyze_structure(texts: list[str]):
    r = bench_analyze(texts, sizes=(2, 5, 1000), tracemalloc_docs=3)
    json.dumps(r)
    assert r["task"] == "bench_analyze"
    assert [s["docs"] for s in r["sizes"]] == [2, 5, len(texts)]  # 1000 is cut to what there is
    for s in r["sizes"]:
        assert s["docs_per_s"] > 0
        assert s["mb_per_s"] > 0
        assert s["clean_best_s"] > 0
        assert s["pipeline/clean"] > 0
        assert s["stage_errors"] == 0
        assert set(s["stage_s"]) == set(r["stages"]) and "clean" in s["stage_s"]
        assert s["peak_rss_growth_kb"] >= 0
        assert s["peak_rss_kb_after"] >= s["peak_rss_kb_before"] > 0
        if sys.platform.startswith("linux"):
            assert isinstance(s["rss_growth_kb"], int)
    m = r["tracemalloc"]
    assert m["docs"] == 3
    assert m["tracemalloc_peak_kb"] > 0
    assert m["tracemalloc_peak_kb"] >= m["tracemalloc_retained_kb"] > 0
    assert r["process_peak_rss_kb"] > 0


def test_bench_analyze_leaves_tracemalloc_as_found(texts: list[str]):
    import tracemalloc
    assert not tracemalloc.is_tracing()
    bench_analyze(texts[:2], sizes=(2,), tracemalloc_docs=1)
    assert not tracemalloc.is_tracing()


def test_format_table(texts: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "camel_tools", None)
    t = format_table(bench_clean(texts[:3], repeats=1))
    for name in ("khabar", "arclean", "pyarabic", "MB/s"):
        assert name in t
    assert "camel-tools is not installed" in t
    a = format_table(bench_analyze(texts[:3], sizes=(1, 3), tracemalloc_docs=1))
    for word in ("docs/s", "pipeline/clean", "tracemalloc", "segment"):
        assert word in a
    with pytest.raises(ValueError):
        format_table({"task": "other"})


def test_peers_registry_names():
    assert set(bench.PEERS) == {"arclean", "pyarabic"}


def test_bench_ner_structure(texts: list[str]):
    from khabar.ner import default_tagger

    if default_tagger() is None:
        pytest.skip("no NER model shipped in this build")
    r = bench.bench_ner(texts, repeats=1)
    assert r["task"] == "bench_ner" and r["tokens"] > 50 and r["sentences"] >= len(texts)
    assert r["models"], "no model measured"
    for m in r["models"].values():
        assert m["tokens_per_s_cold"] > 0 and m["tokens_per_s_warm"] > 0 and m["model_bytes"] > 100_000
    if {"neural", "crf"} <= set(r["models"]):
        assert r["ratios"]["neural/crf warm"] > 0
    assert "tokens/s warm" in format_table(r)


def test_bench_link_structure(texts: list[str]):
    r = bench.bench_link(texts[:5], repeats=1)
    assert r["task"] == "bench_link" and r["actors"] >= 600 and r["places"] > 1000
    assert r["kb_load_s"] > 0 and r["kb_traced_mb"] > 0 and r["mentions_linked_per_s"] > 0
    assert "mentions linked/s" in format_table(r)


def test_bench_time_structure(texts: list[str]):
    r = bench.bench_time(texts[:5], repeats=1, peer_docs=2)
    assert r["task"] == "bench_time" and r["docs"] == 5 and r["peer_docs"] == 2
    assert r["tokens_per_s"] > 0 and r["dateparser_docs_per_s"] > 0 and r["speed_ratio_vs_dateparser"] > 0
    assert "khabar/dateparser" in format_table(r)
