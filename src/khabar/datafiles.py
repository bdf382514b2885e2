"""Reading the reviewable TSV tables shipped in `khabar/data` (knowledge base, claims word lists)."""

from __future__ import annotations

from importlib import resources


def packaged_rows(*parts: str) -> list[dict[str, str]]:
    """The rows of `khabar/data/<parts…>` as dicts keyed by its header line; blank lines and `#` comments are
    skipped, cells are stripped, and a row with the wrong number of fields is an error naming the file and line.
    A file that is not there gives no rows."""
    ref = resources.files("khabar.data").joinpath(*parts)
    if not ref.is_file():
        return []
    name = "/".join(parts)
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for n, line in enumerate(ref.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"data/{name}: line {n} has {len(cells)} fields, expected {len(header)}")
        rows.append(dict(zip(header, cells)))
    return rows
