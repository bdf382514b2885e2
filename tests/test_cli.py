"""End-to-end tests of the command line: real processes, real files, exit codes and stderr as a user sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "turkey-isis-afrin.ar.txt"


def khabar(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", *args], input=stdin, capture_output=True, timeout=120)


def test_version():
    r = khabar("--version")
    assert r.returncode == 0
    assert r.stdout.decode().startswith("khabar ")


def test_analyze_example_digest_shows_restored_words():
    r = khabar("analyze", str(EXAMPLE), "--published", "2023-06-15")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "Obfuscated words (6)" in out
    for word in ("وداعش", "مخطط", "يكشفه", "المحتلة", "زعماء", "وعناصر"):
        assert word in out
    assert "Published: 2023-06-15" in out
    assert "Traceback" not in r.stderr.decode()


def test_analyze_json_is_one_document_with_offsets_into_original():
    r = khabar("analyze", str(EXAMPLE), "--format", "json")
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    text = EXAMPLE.read_text(encoding="utf-8")
    assert doc["schema_version"] == "1.0"
    assert doc["text"] == text
    assert doc["meta"]["title"].startswith("تركيا")
    for layer in ("obfuscations", "sentences", "tokens"):
        for item in doc[layer]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert [o["clean"] for o in doc["obfuscations"]] == ["وداعش", "مخطط", "يكشفه", "المحتلة", "زعماء", "وعناصر"]


def test_analyze_stdin():
    r = khabar("analyze", "-", "--format", "json", "--no-tokens", stdin="قال المرصد إن داعـ.ـش انسحب.".encode())
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert doc["clean"]["text"] == "قال المرصد إن داعش انسحب."
    assert doc["tokens"] == []


def test_normalize_keeps_one_line_per_input_line():
    src = "تركيا وداعـ.ـش..مخـ.ـطط\n\nمُحَمَّد\r\nسطر عادي\n"
    r = khabar("normalize", stdin=src.encode())
    assert r.returncode == 0
    assert r.stdout.decode().split("\n") == ["تركيا وداعش..مخطط", "", "محمد", "سطر عادي", ""]


def test_normalize_survives_invalid_utf8_and_keeps_lines_aligned():
    r = khabar("normalize", stdin=b"\xff\xfe bad\n" + "داعـ.ـش\n".encode())
    assert r.returncode == 0
    assert r.stdout.decode().splitlines()[1] == "داعش"
    assert "not valid UTF-8" in r.stderr.decode()


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "input is empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("bad.txt", b"abc \xff\xfe\xfa zz", "not valid UTF-8"),
    ("english.txt", b"This is English only text about the weather.", "no Arabic text"),
    ("nav.html", "<html><body><nav><a href='/'>الرئيسية</a> <a href='/x'>أخبار</a></nav></body></html>".encode(),
     "no extractable article text"),
])
def test_bad_input_gets_one_clear_line_and_exit_1(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    r = khabar("analyze", str(p))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_too_large_is_refused_before_reading(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:  # 12 MB of Arabic, over the default 10 MB limit
        fh.write(("مرحبا بكم في الخبر " * 50_000).encode() * 7)
    r = khabar("analyze", str(p))
    assert r.returncode == 1
    assert "over the 10.0 MB limit" in r.stderr.decode()


def test_windows_1256_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("أعلنت الوزارة عن خطة جديدة لدعم المزارعين.".encode("cp1256"))
    r = khabar("analyze", str(p), "--format", "json")
    assert r.returncode == 0
    assert "Windows-1256" in r.stderr.decode()
    doc = json.loads(r.stdout)
    assert doc["text"].startswith("أعلنت")
    assert any(i["level"] == "warning" for i in doc["issues"])


def test_corpus_keeps_going_past_bad_lines_and_keeps_order_and_ids(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "قال المرصد السوري إن القصف استمر.", "published": "2023-06-15"},
                   ensure_ascii=False),
        "not json",
        json.dumps({"id": "c", "content": "أعلنت الوزارة عن خطة جديدة."}, ensure_ascii=False),
        json.dumps({"id": "d", "text": "English only here."}),
        "[1, 2]",
    ]) + "\n", encoding="utf-8")
    r = khabar("analyze", str(p), "--format", "json")
    assert r.returncode == 3
    docs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(docs) == 5
    assert [d["meta"]["id"] for d in docs] == ["a", None, "c", "d", None]
    assert docs[0]["meta"]["published"] == "2023-06-15"
    assert not docs[0]["issues"] and not docs[2]["issues"]
    for k, code in ((1, "bad_json"), (3, "not_arabic"), (4, "bad_json")):
        assert docs[k]["issues"][0]["level"] == "error"
        assert docs[k]["issues"][0]["code"] == code
    err = r.stderr.decode()
    assert "5 documents, 3 failed" in err
    assert "line 2" in err and "line 4" in err and "line 5" in err
    assert "Traceback" not in err


def test_html_article(tmp_path):
    paras = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 80][:4]
    html = ("<html><head><title>خبر</title><meta property='article:published_time' content='2023-06-15'></head>"
            "<body><nav><a href='/'>الرئيسية</a></nav><article><h1>عنوان الخبر</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    f = tmp_path / "a.html"
    f.write_text(html, encoding="utf-8")
    r = khabar("analyze", str(f), "--format", "json", "--no-tokens")
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    assert doc["meta"]["published"] == "2023-06-15"
    assert paras[0][:40] in doc["text"]
    assert "جميع الحقوق محفوظة" not in doc["text"]


def test_usage_errors_exit_2(tmp_path):
    assert khabar("analyze", str(EXAMPLE), "--format", "xml").returncode == 2
    r = khabar("analyze", str(EXAMPLE), "--published", "2023-13-45")
    assert r.returncode == 2 and "not a date" in r.stderr.decode()
    r = khabar("analyze", str(tmp_path / "missing.txt"))
    assert r.returncode == 1 and "no such file" in r.stderr.decode()


def test_eval_time_scores_khabar_and_dateparser_on_a_labelled_set(tmp_path):
    rows = [
        {"doc": "d1", "published": "2015-07-21", "sentence": "وصل الوفد أمس إلى الرياض في زيارة تستمر ثلاثة أيام.",
         "start": 10, "end": 13, "text": "أمس", "type": "date", "value": "2015-07-20", "interval": None,
         "precision": 1, "note": ""},
        {"doc": "d1", "published": "2015-07-21", "sentence": "وصل الوفد أمس إلى الرياض في زيارة تستمر ثلاثة أيام.",
         "start": 40, "end": 50, "text": "ثلاثة أيام", "type": "duration", "value": "P3D", "interval": None,
         "precision": None, "note": ""},
        {"doc": "d1", "published": "2015-07-21", "sentence": "ولا تاريخ في هذه الجملة الطويلة نسبيا.",
         "start": None, "end": None, "text": None, "type": None, "value": None, "interval": None,
         "precision": None, "note": ""},
    ]
    p = tmp_path / "set.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    r = khabar("eval", "time", "--set", str(p), "--examples", "0")
    assert r.returncode == 0, r.stderr.decode()
    result = json.loads(r.stdout.decode().strip().splitlines()[-1])
    assert result["khabar"]["expressions"] == 2
    assert result["khabar"]["exact_f1"] == 1.0 and result["khabar"]["value_accuracy"] == 1.0
    assert "dateparser[ar+current]" in result
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**rows[0], "start": 0}, ensure_ascii=False), encoding="utf-8")
    r = khabar("eval", "time", "--set", str(bad))
    assert r.returncode != 0 and "offsets do not match" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
