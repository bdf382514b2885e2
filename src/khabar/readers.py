"""Turn user input (bytes from a file or stdin) into raw articles.

Three input formats are understood:

* ``text``  -- one article, plain text (UTF-8, UTF-16 with BOM, or Windows-1256);
* ``html``  -- one article page; the body text and metadata are extracted with
  trafilatura;
* ``jsonl`` -- a corpus, one JSON object per line with a ``text`` (or
  ``content``) field; read line by line, so a big corpus is never held in
  memory, and a bad line becomes an article with ``error`` set instead of
  stopping the run.

Every problem with the input itself is raised (or, for a JSONL line, attached)
as an :class:`InputError`: a short code plus one specific line of text meant
for the user, never a traceback.

This module is standalone: it imports only the standard library and (lazily,
for HTML) trafilatura.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

__all__ = [
    "InputError",
    "RawArticle",
    "MAX_DOCUMENT_BYTES",
    "check_arabic",
    "decode_bytes",
    "parse_date",
    "read_text",
    "read_html",
    "iter_jsonl",
    "sniff_format",
    "read_path",
]

#: Largest single document (a text/HTML file, or one JSONL line), in bytes.
MAX_DOCUMENT_BYTES = 10_000_000

#: Below this share of Arabic letters, input is refused as "not Arabic".
MIN_ARABIC_SHARE = 0.20
#: A non-UTF-8 input is taken as Windows-1256 only at or above this share.
MIN_CP1256_ARABIC_SHARE = 0.50

CP1256_WARNING = "decoded as Windows-1256 (not valid UTF-8)"

_HEAD_BYTES = 64 * 1024
_SIZE_HINT = "(split it, or raise --max-mb)"


class InputError(Exception):
    """A problem with the input the user gave: one clear line, no traceback."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"InputError({self.code!r}, {self.message!r})"


@dataclass
class RawArticle:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: InputError | None = None
    line: int | None = None


# --------------------------------------------------------------------------
# small helpers

def _limit(max_bytes: int | None) -> int:
    return MAX_DOCUMENT_BYTES if max_bytes is None else int(max_bytes)


def _fmt_size(n: int) -> str:
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n:,} bytes"


def _too_large(subject: str, size: int | None, limit: int) -> InputError:
    if size is None:
        what = f"{subject} is over the {_fmt_size(limit)} limit"
    else:
        what = f"{subject} is {_fmt_size(size)}, over the {_fmt_size(limit)} limit"
    return InputError("too_large", f"{what} for one document {_SIZE_HINT}")


def _one_line(text: str, width: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF        # Arabic
        or 0x0750 <= o <= 0x077F     # Arabic Supplement
        or 0x08A0 <= o <= 0x08FF     # Arabic Extended-A
        or 0xFB50 <= o <= 0xFDFF     # Arabic Presentation Forms-A
        or 0xFE70 <= o <= 0xFEFF     # Arabic Presentation Forms-B
    )


def _letter_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, all letters), letters as str.isalpha counts them."""
    arabic = total = 0
    for ch in text:
        if ch.isalpha():
            total += 1
            if _is_arabic(ch):
                arabic += 1
    return arabic, total


def check_arabic(text: str, *, subject: str = "input") -> None:
    """Raise InputError("not_arabic") unless at least 20% of the letters are Arabic."""
    arabic, total = _letter_counts(text)
    if total == 0:
        raise InputError(
            "not_arabic",
            f"{subject} has no letters at all (only digits, punctuation or symbols); "
            "khabar analyses Arabic news",
        )
    if arabic == 0:
        raise InputError(
            "not_arabic",
            f"{subject} has no Arabic text (0 of {total} letters are Arabic); "
            "khabar analyses Arabic news",
        )
    if arabic < MIN_ARABIC_SHARE * total:
        raise InputError(
            "not_arabic",
            f"{subject} is mostly not Arabic ({arabic} of {total} letters are Arabic, "
            f"under {MIN_ARABIC_SHARE:.0%}); khabar analyses Arabic news",
        )


# --------------------------------------------------------------------------
# dates

_DATE_RE = re.compile(
    r"""^\s*
    (?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})
    (?:
        [T\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?     # time
        \s*(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?     # zone
    )?
    \s*$""",
    re.VERBOSE,
)


def parse_date(value: Any) -> str | None:
    """Return "YYYY-MM-DD" for an ISO-like date or datetime string, else None.

    Accepts "2015-07-21", "2015-07-21 02:51:32", "2015-07-21T02:51:32Z",
    "2015-07-21T02:51:32.5+03:00" (the date is kept as written, not moved to UTC).
    """
    if not isinstance(value, str):
        return None
    m = _DATE_RE.match(value)
    if m is None:
        try:  # anything else datetime itself accepts as ISO 8601
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------
# bytes -> str

_MAGIC: list[tuple[bytes, str, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"%PDF-", "a PDF document", " (extract its text first)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or other office file is one)",
     " (save it as plain text first)"),
    (b"PK\x05\x06", "a ZIP archive", ""),
    (b"\x1f\x8b", "gzip-compressed data", " (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data", " (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", " (decompress it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", ""),
    (b"\x7fELF", "an ELF executable", ""),
]

_BOMS: list[tuple[bytes, str, str]] = [  # UTF-32 first: its LE BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]

_TAG_RE = re.compile(r"<[^>]*>|&[#\w]+;")
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _check_binary(data: bytes, subject: str) -> None:
    for magic, kind, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"{subject} is {kind}, not text{hint}")


def _decode(data: bytes, subject: str = "input", *, markup: bool = False) -> tuple[str, list[str]]:
    _check_binary(data, subject)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), []
            except UnicodeDecodeError as e:
                raise InputError(
                    "encoding",
                    f"{subject} starts with a {label} byte-order mark but is not valid "
                    f"{label} (bad bytes at offset {e.start + len(bom)})",
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            "binary",
            f"{subject} is binary data, not text (NUL byte at offset {nul})",
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        utf8_error = e

    if markup:
        declared = _declared_charset(data)
        if declared and declared not in ("utf-8", "cp1256"):
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                return text, [f"decoded as {declared} (declared by the page; not valid UTF-8)"]

    text = data.decode("cp1256")  # every byte is defined in Windows-1256
    probe = _TAG_RE.sub(" ", text) if markup else text
    arabic, total = _letter_counts(probe)
    if total and arabic >= MIN_CP1256_ARABIC_SHARE * total:
        return text, [CP1256_WARNING]

    if utf8_error.reason == "unexpected end of data":
        where = f"truncated character at offset {utf8_error.start}"
    else:
        where = f"invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    raise InputError(
        "encoding",
        f"{subject} is not valid UTF-8 ({where}) and does not look like Windows-1256 Arabic",
    )


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode user bytes to text; return (text, warnings).

    UTF-8 (a BOM is stripped), UTF-16/UTF-32 with a BOM, else Windows-1256 when at
    least half the letters then come out Arabic. Raises InputError with code
    "binary" (a known file signature, or NUL bytes without a UTF-16 BOM) or
    "encoding".
    """
    return _decode(data)


def _check_size(n: int, limit: int, subject: str = "input") -> None:
    if n > limit:
        raise _too_large(subject, n, limit)


def _check_empty_bytes(data: bytes, subject: str = "input") -> None:
    if not data:
        raise InputError("empty", f"{subject} is empty")
    if not data.strip():
        raise InputError("empty", f"{subject} contains only whitespace")


def _check_empty_text(text: str, subject: str = "input") -> None:
    if not text.strip():
        if text:
            raise InputError("empty", f"{subject} contains only whitespace")
        raise InputError("empty", f"{subject} is empty")


# --------------------------------------------------------------------------
# plain text

def read_text(data: bytes, *, max_bytes: int | None = None) -> RawArticle:
    """One plain-text article. Raises InputError."""
    _check_size(len(data), _limit(max_bytes))
    _check_empty_bytes(data)
    text, warnings = _decode(data)
    _check_empty_text(text)
    check_arabic(text)
    meta: dict[str, Any] = {}
    title = headline(text)
    if title:
        meta["title"] = title
    return RawArticle(text=text, meta=meta, warnings=warnings)


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline: short, set apart by a blank line,
    and not ending like a sentence. The text itself is left as it is."""
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i + 1 >= len(lines) or lines[i + 1].strip():
        return None
    first = lines[i].strip()
    if 0 < len(first) <= 200 and first[-1] not in ".!?؟:؛":
        return first
    return None


# --------------------------------------------------------------------------
# HTML

def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def _get(doc: Any, key: str) -> Any:
    if isinstance(doc, dict):
        return doc.get(key)
    return getattr(doc, key, None)


def read_html(data: bytes | str, *, max_bytes: int | None = None) -> RawArticle:
    """One article from an HTML page, extracted with trafilatura. Raises InputError."""
    limit = _limit(max_bytes)
    warnings: list[str] = []
    if isinstance(data, str):
        _check_size(len(data.encode("utf-8", "surrogatepass")), limit)
        html = data[1:] if data.startswith("\ufeff") else data
        _check_empty_text(html)
    else:
        _check_size(len(data), limit)
        _check_empty_bytes(data)
        html, warnings = _decode(data, markup=True)
        _check_empty_text(html)

    try:
        import trafilatura
        from trafilatura.utils import load_html

        tree = load_html(html)
        if tree is None:
            raise InputError("no_article", "HTML page has no extractable article text")
        link_texts = {_norm_ws(a.text_content()) for a in tree.iter("a")}
        doc = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
        )
    except InputError:
        raise
    except Exception as e:  # trafilatura/lxml on malformed markup
        raise InputError(
            "bad_html", f"HTML could not be parsed ({type(e).__name__}: {_one_line(e)})"
        ) from None

    text = _get(doc, "text") if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        raise InputError("no_article", "HTML page has no extractable article text")
    # With favor_recall trafilatura falls back to whatever text there is, so a
    # page that is only a menu comes back as its link labels: not an article.
    rest = _norm_ws(text)
    for label in sorted((t for t in link_texts if t), key=len, reverse=True):
        rest = rest.replace(label, " ")
    if not re.sub(r"[\W_]+", "", rest):
        raise InputError(
            "no_article",
            "HTML page has no extractable article text (only navigation links)",
        )
    check_arabic(text)

    meta: dict[str, Any] = {}
    for src, dst in (("title", "title"), ("author", "author"), ("url", "url"),
                     ("sitename", "source")):
        v = _get(doc, src)
        if isinstance(v, str) and v.strip():
            meta[dst] = v.strip()
    raw_date = _get(doc, "date")
    if raw_date:
        published = parse_date(str(raw_date))
        if published:
            meta["published"] = published
    return RawArticle(text=text, meta=meta, warnings=warnings)


# --------------------------------------------------------------------------
# JSONL

_DATE_KEYS = ("published", "date", "date_extracted")
_TEXT_KEYS = ("text", "content")
_JSON_TYPE = {list: "a JSON array", str: "a JSON string", bool: "a JSON boolean",
              int: "a JSON number", float: "a JSON number", type(None): "JSON null"}


def _json_type(v: Any) -> str:
    return _JSON_TYPE.get(type(v), type(v).__name__)


def _scalar(v: Any) -> bool:
    return isinstance(v, (str, int, float)) and not isinstance(v, bool)


def _pick_text(obj: dict[str, Any], subject: str) -> str:
    for key in _TEXT_KEYS:
        v = obj.get(key)
        if isinstance(v, str) and v.strip():
            return v
    for key in _TEXT_KEYS:
        if key in obj:
            v = obj[key]
            if isinstance(v, str):
                raise InputError("no_text", f"{subject} has an empty '{key}' field")
            raise InputError(
                "no_text",
                f"{subject} has a '{key}' field that is {_json_type(v)}, not a string",
            )
    raise InputError("no_text", f"{subject} has no 'text' or 'content' string field")


def _jsonl_article(n: int, raw: bytes | None, size: int, limit: int) -> RawArticle:
    subject = f"line {n}"
    meta: dict[str, Any] = {}
    try:
        if raw is None or size > limit:
            raise _too_large(subject, size, limit)
        warnings: list[str] = []
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw.decode("cp1256")
            warnings.append(CP1256_WARNING)
            cp1256_error: UnicodeDecodeError | None = e
        else:
            cp1256_error = None
        line = line.lstrip("\ufeff").strip()
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            if cp1256_error is not None:
                raise _bad_utf8(subject, raw, cp1256_error) from None
            hint = ("; JSONL needs one complete JSON object per line"
                    if line in ("{", "[") else "")
            raise InputError(
                "bad_json", f"{subject} is not valid JSON: {e.msg} at column {e.colno}{hint}"
            ) from None
        except RecursionError:
            raise InputError("bad_json", f"{subject} is not valid JSON: nested too deeply") from None
        if not isinstance(obj, dict):
            raise InputError("bad_json", f"{subject} is {_json_type(obj)}, not a JSON object")
        if "id" in obj and _scalar(obj["id"]):
            meta["id"] = obj["id"]
        text = _pick_text(obj, subject)
        if cp1256_error is not None:
            arabic, total = _letter_counts(text)
            if not total or arabic < MIN_CP1256_ARABIC_SHARE * total:
                raise _bad_utf8(subject, raw, cp1256_error)
        check_arabic(text, subject=subject)
    except InputError as err:
        return RawArticle(text="", meta=meta, warnings=[], error=err, line=n)

    published = None
    bad_dates: list[str] = []
    for key in _DATE_KEYS:
        if key in obj:
            published = parse_date(obj[key])
            if published:
                break
            bad_dates.append(f"'{key}' value {_one_line(json.dumps(obj[key], ensure_ascii=False), 60)}")
    if published:
        meta["published"] = published
    elif bad_dates:
        warnings.append(f"{subject}: {', '.join(bad_dates)} is not a date; ignored")
    for key, v in obj.items():
        if key in _TEXT_KEYS or key in _DATE_KEYS or key in meta:
            continue
        if isinstance(v, str):
            v = v.strip()
            if v:
                meta[key] = v
        elif _scalar(v):
            meta[key] = v
    return RawArticle(text=text, meta=meta, warnings=warnings, line=n)


def _bad_utf8(subject: str, raw: bytes, e: UnicodeDecodeError) -> InputError:
    if e.reason == "unexpected end of data":
        where = f"truncated character at offset {e.start}"
    else:
        where = f"invalid byte 0x{raw[e.start]:02x} at offset {e.start}"
    return InputError(
        "encoding",
        f"{subject} is not valid UTF-8 ({where}) and does not look like Windows-1256 Arabic",
    )


def iter_jsonl(stream: Iterable[bytes], *, max_bytes: int | None = None) -> Iterator[RawArticle]:
    """One RawArticle per non-blank line, in order; a bad line yields one with
    ``error`` set (text ""), it never raises for a line."""
    limit = _limit(max_bytes)
    for n, raw in enumerate(stream, start=1):
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogatepass")
        if not raw.strip() or raw.strip() == codecs.BOM_UTF8:
            continue
        yield _jsonl_article(n, raw, len(raw), limit)


def _bounded_lines(f: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Yield (line, size) from f, never holding more than limit+1 bytes of one
    line: an overlong line comes back as (None, its size)."""
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while True:  # skip the rest of the overlong line
            chunk = f.readline(1 << 20)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield None, size


def _iter_jsonl_file(f: BinaryIO, limit: int, close: bool) -> Iterator[RawArticle]:
    try:
        for n, (raw, size) in enumerate(_bounded_lines(f, limit), start=1):
            if raw is not None:
                stripped = raw.strip()
                if not stripped or stripped == codecs.BOM_UTF8:
                    continue
            yield _jsonl_article(n, raw, size, limit)
    finally:
        if close:
            f.close()


# --------------------------------------------------------------------------
# format sniffing and paths

_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_TEXT_EXT = {".txt"}
_HTML_MARK_RE = re.compile(r"<(?:html|body|p|div|head|article|!doctype\s+html)", re.IGNORECASE)
_JSON_START_RE = re.compile(r'^\{\s*"[^"\\]*"\s*:')


def _head_text(head: bytes) -> str:
    for bom, codec, _label in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    return head.decode("utf-8", errors="replace")


def _format_by_name(name: str | None) -> str | None:
    if not name or name == "-":
        return None
    ext = os.path.splitext(str(name))[1].lower()
    if ext in _HTML_EXT:
        return "html"
    if ext in _JSONL_EXT:
        return "jsonl"
    if ext in _TEXT_EXT:
        return "text"
    return None


def sniff_format(name: str | None, head: bytes) -> str:
    """"text", "html" or "jsonl": by file extension, else by the first bytes."""
    by_name = _format_by_name(name)
    if by_name is not None:
        return by_name
    s = _head_text(head).lstrip("\ufeff \t\r\n\f\v")
    if s.startswith("<") and _HTML_MARK_RE.search(s):
        return "html"
    first, newline, _rest = s.partition("\n")
    first = first.strip()
    if first.startswith("{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, RecursionError):
            # the head may cut a long first line short
            if not newline and _JSON_START_RE.match(first):
                return "jsonl"
    return "text"


class _Prefixed:
    """A binary reader that returns ``head`` and then the rest of ``f``."""

    def __init__(self, head: bytes, f: BinaryIO):
        self._head = head
        self._pos = 0
        self._f = f

    def readline(self, limit: int = -1) -> bytes:
        if self._pos < len(self._head):
            end = self._head.find(b"\n", self._pos)
            end = len(self._head) if end < 0 else end + 1
            if limit >= 0:
                end = min(end, self._pos + limit)
            out = self._head[self._pos:end]
            self._pos = end
            if out.endswith(b"\n") or (limit >= 0 and len(out) >= limit):
                return out
            return out + self._f.readline(limit - len(out) if limit >= 0 else -1)
        return self._f.readline(limit)

    def read(self, n: int = -1) -> bytes:
        out = b""
        if self._pos < len(self._head):
            end = len(self._head) if n < 0 else min(len(self._head), self._pos + n)
            out = self._head[self._pos:end]
            self._pos = end
            if n >= 0:
                n -= len(out)
                if n == 0:
                    return out
        return out + self._f.read(n)

    def close(self) -> None:
        self._f.close()


def _open(path: Path) -> tuple[BinaryIO, int | None]:
    """Open path for reading; return the file and its size when it is a regular file."""
    shown = str(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("not_a_file", f"{shown} is a directory, not a file")
        f = open(path, "rb")
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("not_found", f"no such file: {shown}") from None
    except PermissionError:
        raise InputError("unreadable", f"cannot read {shown}: permission denied") from None
    except OSError as e:
        raise InputError("unreadable", f"cannot read {shown}: {e.strerror or e}") from None
    return f, (st.st_size if stat.S_ISREG(st.st_mode) else None)


def read_path(
    path: str | Path,
    *,
    fmt: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawArticle]:
    """Read a file ("-" is stdin) and return an iterator of RawArticles.

    ``fmt`` is "text", "html" or "jsonl"; None sniffs it (extension, then
    content). JSONL is streamed line by line (the size limit applies per line);
    text and HTML are read whole, refusing a regular file over the limit from
    its size before reading it. Problems with the file itself, or with a
    text/HTML document, raise InputError right away.
    """
    limit = _limit(max_bytes)
    if fmt is not None and fmt not in ("text", "html", "jsonl"):
        raise ValueError(f"unknown input format {fmt!r} (expected text, html or jsonl)")
    if str(path) == "-":
        f: BinaryIO = sys.stdin.buffer
        size: int | None = None
        close = False
        name = None
    else:
        p = Path(path)
        f, size = _open(p)
        close = True
        name = p.name

    try:
        reader: Any = f
        if fmt is None:
            fmt = _format_by_name(name)
        if fmt is None:
            head = f.read(_HEAD_BYTES)  # only this much, even of an oversized file
            fmt = sniff_format(name, head)
            reader = _Prefixed(head, f)
        if fmt != "jsonl" and size is not None and size > limit:
            raise _too_large("input", size, limit)
        if fmt == "jsonl":
            gen = _iter_jsonl_file(reader, limit, close)
            close = False  # the generator owns the file now
            return gen
        data = reader.read(limit + 1)
        if len(data) > limit:
            raise _too_large("input", size, limit)
    finally:
        if close:
            f.close()
    article = read_html(data, max_bytes=limit) if fmt == "html" else read_text(data, max_bytes=limit)
    return iter([article])
