"""Tests for khabar.readers: bytes from a file or stdin -> raw articles."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest

from khabar import readers
from khabar.readers import (
    MAX_DOCUMENT_BYTES,
    InputError,
    RawArticle,
    check_arabic,
    decode_bytes,
    iter_jsonl,
    parse_date,
    read_html,
    read_path,
    read_text,
    sniff_format,
)

EXAMPLE = Path(__file__).parent.parent / "examples" / "turkey-isis-afrin.ar.txt"
ARTICLE = EXAMPLE.read_text(encoding="utf-8")
TITLE, *PARAS = [ln.strip() for ln in ARTICLE.splitlines() if ln.strip()]
AR = "قالت الحكومة السورية اليوم إن المفاوضات ستستأنف في جنيف الأسبوع المقبل."
EN = "The government said on Monday that talks would resume in Geneva next week."


def err(fn, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    e = info.value
    assert str(e) == e.message
    assert "\n" not in e.message
    return e


# --------------------------------------------------------------------------
# InputError / RawArticle

def test_input_error_fields():
    e = InputError("empty", "input is empty")
    assert e.code == "empty"
    assert e.message == "input is empty"
    assert str(e) == "input is empty"
    assert isinstance(e, Exception)


def test_raw_article_defaults():
    a = RawArticle(text="x", meta={}, warnings=[])
    assert a.error is None and a.line is None
    assert MAX_DOCUMENT_BYTES == 10_000_000


# --------------------------------------------------------------------------
# encodings

def test_utf8():
    a = read_text(AR.encode("utf-8"))
    assert a.text == AR
    assert a.warnings == []
    assert a.error is None


def test_utf8_bom_is_stripped():
    a = read_text(codecs.BOM_UTF8 + AR.encode("utf-8"))
    assert a.text == AR
    assert not a.text.startswith("\ufeff")


def test_utf16_le_bom():
    data = codecs.BOM_UTF16_LE + AR.encode("utf-16-le")
    assert b"\x00" in data  # the NUL rule must not fire with a BOM
    assert read_text(data).text == AR


def test_utf16_be_bom():
    data = codecs.BOM_UTF16_BE + AR.encode("utf-16-be")
    assert read_text(data).text == AR


def test_cp1256_arabic_decoded_with_warning():
    data = ARTICLE.replace("“", '"').replace("”", '"').encode("cp1256", errors="replace")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    a = read_text(data)
    assert a.warnings == ["decoded as Windows-1256 (not valid UTF-8)"]
    assert a.text.startswith(TITLE[:20])
    assert "التحالف الدولي" in a.text


def test_decode_bytes_returns_text_and_warnings():
    assert decode_bytes(AR.encode()) == (AR, [])
    text, warnings = decode_bytes(AR.encode("cp1256"))
    assert text == AR and warnings == [readers.CP1256_WARNING]


def test_invalid_bytes_not_arabic_is_encoding_error():
    data = b"Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e and other French words \xff"
    e = err(read_text, data)
    assert e.code == "encoding"
    assert e.message == (
        "input is not valid UTF-8 (invalid byte 0xe9 at offset 3) "
        "and does not look like Windows-1256 Arabic"
    )


def test_utf16_bom_with_broken_body():
    e = err(read_text, codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00\xd8")
    assert e.code == "encoding"
    assert "UTF-16" in e.message


# --------------------------------------------------------------------------
# empty, binary, size

def test_empty():
    e = err(read_text, b"")
    assert (e.code, e.message) == ("empty", "input is empty")


@pytest.mark.parametrize("data", [b"   \n\t \r\n", codecs.BOM_UTF8 + b" \n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_whitespace_only(data):
    e = err(read_text, data)
    assert e.code == "empty"
    assert e.message == "input contains only whitespace"


def test_png_magic():
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))
    e = err(read_text, data)
    assert (e.code, e.message) == ("binary", "input is a PNG image, not text")


def test_pdf_magic():
    e = err(read_text, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert e.code == "binary"
    assert e.message.startswith("input is a PDF document, not text")


@pytest.mark.parametrize("magic, kind", [
    (b"PK\x03\x04\x14\x00", "ZIP archive"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\xff\xd8\xff\xe0", "JPEG"),
    (b"GIF89a", "GIF"),
    (b"\x7fELF\x02\x01", "ELF"),
    (b"\xfd7zXZ\x00\x00", "xz"),
])
def test_other_magic_numbers(magic, kind):
    e = err(read_text, magic + b"rest of the file")
    assert e.code == "binary"
    assert kind in e.message


def test_nul_bytes_without_bom_are_binary():
    data = AR.encode() + b"\x00\x01\x02\x00" + AR.encode()
    e = err(read_text, data)
    assert e.code == "binary"
    assert e.message == f"input is binary data, not text (NUL byte at offset {len(AR.encode())})"


def test_too_large():
    data = AR.encode() * 3
    e = err(read_text, data, max_bytes=100)
    assert e.code == "too_large"
    assert e.message == (
        f"input is {len(data):,} bytes, over the 100 bytes limit for one document "
        "(split it, or raise --max-mb)"
    )
    assert read_text(data, max_bytes=len(data)).text == AR * 3


def test_too_large_message_in_megabytes(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 10_000_000)
    e = readers._too_large("input", 50_000_000, 10_000_000)
    assert e.message == (
        "input is 50.0 MB, over the 10.0 MB limit for one document (split it, or raise --max-mb)"
    )


def test_default_limit_follows_module_constant(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 50)
    assert err(read_text, AR.encode()).code == "too_large"


# --------------------------------------------------------------------------
# Arabic check

def test_english_only_is_not_arabic():
    e = err(read_text, EN.encode())
    assert e.code == "not_arabic"
    letters = sum(c.isalpha() for c in EN)
    assert e.message == (
        f"input has no Arabic text (0 of {letters} letters are Arabic); khabar analyses Arabic news"
    )


def test_check_arabic_threshold():
    check_arabic("عربي " * 2 + "x" * 32)  # 8 of 40 letters: exactly 20% passes
    e = err(check_arabic, "عربي " * 2 + "x" * 33)
    assert e.code == "not_arabic"
    assert "8 of 41 letters" in e.message
    e = err(check_arabic, "123 456 — !!!")
    assert e.code == "not_arabic"
    assert "no letters" in e.message


def test_mixed_text_mostly_arabic_passes():
    a = read_text((AR + " (Reuters) " + AR).encode())
    assert "Reuters" in a.text


# --------------------------------------------------------------------------
# dates

@pytest.mark.parametrize("value, expected", [
    ("2015-07-21", "2015-07-21"),
    ("2015-07-21 02:51:32", "2015-07-21"),
    ("2015-07-21T02:51:32Z", "2015-07-21"),
    ("2015-07-21T23:51:32.123+03:00", "2015-07-21"),
    ("  2023-06-15T10:00  ", "2023-06-15"),
    ("2015-02-30", None),
    ("yesterday", None),
    ("21/07/2015", None),
    ("", None),
    (20150721, None),
    (None, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --------------------------------------------------------------------------
# HTML

def article_page(date="2023-06-15") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>{TITLE}</title>
<meta name="author" content="هيئة التحرير">
<meta property="article:published_time" content="{date}">
<meta property="og:site_name" content="وكالة هاوار">
</head>
<body>
<header><nav><ul>
<li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li>
</ul></nav></header>
<main><article>
{body}
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة © 2023</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body>
</html>"""


def test_html_article_extracted():
    a = read_html(article_page().encode("utf-8"))
    assert a.error is None
    assert a.meta["title"] == TITLE
    assert a.meta["author"] == "هيئة التحرير"
    assert a.meta["published"] == "2023-06-15"
    assert a.meta["source"] == "وكالة هاوار"
    assert PARAS[0] in a.text
    assert PARAS[-1] in a.text
    for boilerplate in ("الرئيسية", "جميع الحقوق محفوظة", "سياسة الخصوصية"):
        assert boilerplate not in a.text
    assert a.warnings == []


def test_html_accepts_str_and_datetime():
    a = read_html(article_page(date="2021-03-04T08:30:00+02:00"))
    assert a.meta["published"] == "2021-03-04"
    assert PARAS[1] in a.text


def test_html_cp1256_page():
    page = article_page().replace('charset="utf-8"', 'charset="windows-1256"')
    data = page.replace("“", '"').replace("”", '"').replace("©", "(c)").encode("cp1256")
    a = read_html(data)
    assert a.warnings == [readers.CP1256_WARNING]
    assert a.meta["title"] == TITLE


def test_html_nav_only_is_no_article():
    page = """<html><head><title>وكالة</title></head><body>
    <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li>
    <li><a href="/sport">رياضة</a></li></ul></nav></body></html>"""
    e = err(read_html, page.encode())
    assert e.code == "no_article"
    assert e.message.startswith("HTML page has no extractable article text")


def test_html_empty_body_is_no_article():
    e = err(read_html, b"<html><head><title>x</title></head><body></body></html>")
    assert e.code == "no_article"


def test_html_english_page_is_not_arabic():
    page = "<html><body>" + "".join(f"<p>{EN} {i}</p>" for i in range(8)) + "</body></html>"
    assert err(read_html, page).code == "not_arabic"


def test_html_extractor_crash_becomes_bad_html(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise ValueError("tree went\nwrong")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    e = err(read_html, article_page())
    assert e.code == "bad_html"
    assert e.message == "HTML could not be parsed (ValueError: tree went wrong)"


def test_html_malformed_does_not_traceback():
    junk = "<html><body><p>" + PARAS[0] + "<div><<<p></b></i>" + PARAS[1] + "</td></html></html>"
    a = read_html(junk)
    assert PARAS[0][:30] in a.text


def test_html_binary_bytes():
    assert err(read_html, b"%PDF-1.4 ...").code == "binary"


def test_html_too_large():
    assert err(read_html, article_page(), max_bytes=1000).code == "too_large"


# --------------------------------------------------------------------------
# JSONL

def jline(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode()


def test_jsonl_mixed_lines_keep_order_and_numbers():
    lines = [
        jline({"id": "a1", "text": AR, "title": "عنوان", "published": "2015-07-21 02:51:32",
               "source": "سانا", "tags": ["x"], "score": 3}),
        b"this is not json\n",
        b"\n",
        b'["an", "array"]\n',
        jline({"id": 7, "title": "بلا نص"}),
        jline({"id": "c3", "content": PARAS[0], "date_extracted": "2020-01-02T03:04:05Z",
               "url": "https://example.org/x"}),
        jline({"id": "e5", "text": EN}),
        b"   \n",
        jline({"text": AR, "date": "not a date"}),
    ]
    out = list(iter_jsonl(lines))
    assert [a.line for a in out] == [1, 2, 4, 5, 6, 7, 9]

    good = out[0]
    assert good.error is None
    assert good.text == AR
    assert good.meta == {"id": "a1", "title": "عنوان", "published": "2015-07-21",
                         "source": "سانا", "score": 3}

    assert out[1].error.code == "bad_json"
    assert out[1].error.message == "line 2 is not valid JSON: Expecting value at column 1"
    assert out[1].text == "" and out[1].meta == {}

    assert out[2].error.code == "bad_json"
    assert out[2].error.message == "line 4 is a JSON array, not a JSON object"

    assert out[3].error.code == "no_text"
    assert out[3].error.message == "line 5 has no 'text' or 'content' string field"
    assert out[3].meta == {"id": 7}

    content = out[4]
    assert content.error is None
    assert content.text == PARAS[0]
    assert content.meta == {"id": "c3", "published": "2020-01-02", "url": "https://example.org/x"}

    assert out[5].error.code == "not_arabic"
    assert out[5].error.message.startswith("line 7 has no Arabic text (0 of ")
    assert out[5].meta == {"id": "e5"}

    undated = out[6]
    assert undated.error is None
    assert "published" not in undated.meta and "date" not in undated.meta
    assert undated.warnings == ["line 9: 'date' value \"not a date\" is not a date; ignored"]
    assert "id" not in undated.meta


def test_jsonl_text_preferred_over_content():
    [a] = iter_jsonl([jline({"text": AR, "content": PARAS[0]})])
    assert a.text == AR
    assert "content" not in a.meta


def test_jsonl_empty_or_non_string_text():
    out = list(iter_jsonl([jline({"text": "  "}), jline({"text": 5}), jline({"text": 5, "content": AR})]))
    assert out[0].error.message == "line 1 has an empty 'text' field"
    assert out[1].error.message == "line 2 has a 'text' field that is a JSON number, not a string"
    assert out[2].error is None and out[2].text == AR


def test_jsonl_line_too_large():
    big = jline({"id": 1, "text": AR * 20})
    out = list(iter_jsonl([jline({"text": AR}), big], max_bytes=len(big) - 1))
    assert out[0].error is None
    assert out[1].error.code == "too_large"
    assert out[1].error.message.startswith(f"line 2 is {len(big):,} bytes, over the")


def test_jsonl_cp1256_line_and_bad_encoding_line():
    cp = ('{"id": "w", "text": "' + AR + '"}\n').encode("cp1256")
    bad = b'{"id": "z", "text": "caf\xe9 cr\xe8me"}\n'
    out = list(iter_jsonl([cp, bad]))
    assert out[0].error is None and out[0].text == AR
    assert out[0].warnings == [readers.CP1256_WARNING]
    assert out[1].error.code == "encoding"
    assert out[1].error.message == (
        "line 2 is not valid UTF-8 (invalid byte 0xe9 at offset 24) "
        "and does not look like Windows-1256 Arabic"
    )


def test_jsonl_bom_on_first_line():
    [a] = iter_jsonl([codecs.BOM_UTF8 + jline({"id": 1, "text": AR})])
    assert a.error is None and a.meta["id"] == 1


def test_jsonl_pretty_printed_object_hint():
    out = list(iter_jsonl([b"{\n", b'  "text": "x"\n', b"}\n"]))
    assert [a.error.code for a in out] == ["bad_json"] * 3
    assert out[0].error.message.endswith("JSONL needs one complete JSON object per line")


# --------------------------------------------------------------------------
# sniff_format

@pytest.mark.parametrize("name, head, expected", [
    ("page.html", b"anything", "html"),
    ("PAGE.HTM", b"", "html"),
    ("doc.xhtml", b"", "html"),
    ("corpus.jsonl", b"", "jsonl"),
    ("corpus.ndjson", b"", "jsonl"),
    ("corpus.json", b"", "jsonl"),
    ("notes.txt", b'{"text": "x"}\n', "text"),
    (None, b"  \n<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (None, codecs.BOM_UTF8 + b"<DIV class=a>x</DIV>", "html"),
    (None, b"<P>x", "html"),
    (None, b"<unknown>tag only</unknown>", "text"),
    (None, "نص <p> داخل".encode(), "text"),
    (None, b'\n\n{"id": 1, "text": "x"}\n{"id": 2}\n', "jsonl"),
    (None, b'{"id": 1, "text": "cut off by the head lim', "jsonl"),
    (None, b"[1, 2, 3]\n", "text"),
    (None, b"{not json}\n", "text"),
    ("-", "خبر عاجل".encode(), "text"),
    ("article", codecs.BOM_UTF16_LE + "<html><body>".encode("utf-16-le"), "html"),
])
def test_sniff_format(name, head, expected):
    assert sniff_format(name, head) == expected


# --------------------------------------------------------------------------
# read_path

def test_read_path_text_file(tmp_path):
    p = tmp_path / "article.txt"
    p.write_bytes(ARTICLE.encode())
    [a] = list(read_path(p))
    assert a.text == ARTICLE
    assert a.error is None


def test_read_path_sniffs_html_without_extension(tmp_path):
    p = tmp_path / "download"
    p.write_text(article_page(), encoding="utf-8")
    [a] = list(read_path(str(p)))
    assert a.meta["title"] == TITLE


def test_read_path_jsonl_file_streams(tmp_path):
    p = tmp_path / "corpus.jsonl"
    lines = [jline({"id": i, "text": AR}) for i in range(5)]
    lines[2] = b"oops\n"
    p.write_bytes(b"".join(lines))
    out = list(read_path(p))
    assert [a.line for a in out] == [1, 2, 3, 4, 5]
    assert [a.meta.get("id") for a in out] == [0, 1, None, 3, 4]
    assert out[2].error.code == "bad_json"


def test_read_path_jsonl_per_line_limit(tmp_path):
    p = tmp_path / "corpus.jsonl"
    small = jline({"id": "s", "text": AR})
    huge = jline({"id": "h", "text": AR * 50})
    p.write_bytes(small + huge + small)
    out = list(read_path(p, max_bytes=len(small) + 10))
    assert [a.error.code if a.error else None for a in out] == [None, "too_large", None]
    assert out[1].error.message.startswith(f"line 2 is {len(huge):,} bytes")
    assert [a.line for a in out] == [1, 2, 3]


def test_read_path_big_text_file_refused_from_stat(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with open(p, "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50_000_000)
    real_open = open

    class NoRead:
        def __init__(self, f):
            self._f = f

        def read(self, *a):
            raise AssertionError("read before the size check")

        readline = read

        def close(self):
            self._f.close()

    monkeypatch.setattr("builtins.open", lambda *a, **k: NoRead(real_open(*a, **k)))
    e = err(read_path, p)
    assert e.code == "too_large"
    assert e.message == (
        "input is 50.0 MB, over the 10.0 MB limit for one document (split it, or raise --max-mb)"
    )


def test_read_path_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(AR.encode())})())
    [a] = list(read_path("-"))
    assert a.text == AR


def test_read_path_stdin_jsonl(monkeypatch):
    data = b"".join([jline({"id": "x", "text": AR}), b"\n", jline({"id": "y", "content": AR})])
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(data)})())
    out = list(read_path("-"))
    assert [(a.line, a.meta["id"]) for a in out] == [(1, "x"), (3, "y")]
    assert all(a.text == AR for a in out)


def test_read_path_stdin_jsonl_line_longer_than_head(monkeypatch):
    long_text = AR * 2000  # first line well past the 64 KiB sniffing head
    data = jline({"id": 1, "text": long_text}) + jline({"id": 2, "text": AR})
    assert len(data) > 2 * 65536
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(data)})())
    out = list(read_path("-"))
    assert [a.meta["id"] for a in out] == [1, 2]
    assert out[0].text == long_text


def test_read_path_stdin_too_large(monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(AR.encode() * 10)})())
    e = err(lambda: list(read_path("-", fmt="text", max_bytes=100)))
    assert e.code == "too_large"
    assert e.message.startswith("input is over the 100 bytes limit")


def test_read_path_explicit_format(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(article_page(), encoding="utf-8")
    [a] = list(read_path(p, fmt="html"))
    assert a.meta["published"] == "2023-06-15"
    with pytest.raises(ValueError):
        read_path(p, fmt="pdf")


def test_read_path_missing_file_and_directory(tmp_path):
    e = err(lambda: list(read_path(tmp_path / "nope.txt")))
    assert e.code == "not_found"
    assert "nope.txt" in e.message
    e = err(lambda: list(read_path(tmp_path)))
    assert e.code == "not_a_file"


def test_read_path_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert err(lambda: list(read_path(p))).code == "empty"
