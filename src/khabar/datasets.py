"""Where the shared evaluation and benchmark data lives (never needed at run time for analysis)."""

from __future__ import annotations

import json
import lzma
import os
import re
from collections.abc import Iterator
from pathlib import Path

from .corpus_split import heldout_split, is_heldout


def shared_data_dir() -> Path:
    """$KHABAR_SHARED_DATA, else ../shared/data next to the current directory or next to this checkout."""
    env = os.environ.get("KHABAR_SHARED_DATA")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        cand = base.parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "data"


def saudinewsnet_path() -> Path:
    return shared_data_dir() / "saudinewsnet" / "saudinewsnet.jsonl.xz"


def iter_saudinewsnet(path: Path | None = None, *, heldout: bool | None = None,
                      split: str | None = None) -> Iterator[dict]:
    """Articles of SaudiNewsNet; heldout=True gives only the evaluation bucket, False only the rest;
    split='dev' or 'test' one half of the evaluation bucket."""
    p = path or saudinewsnet_path()
    if not p.exists():
        raise FileNotFoundError(f"SaudiNewsNet not found at {p} (set KHABAR_SHARED_DATA or pass --corpus)")
    with lzma.open(p, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            url = art.get("url", "")
            if split is not None:
                if heldout_split(url) == split:
                    yield art
            elif heldout is None or is_heldout(url) == heldout:
                yield art


_SENT_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in _SENT_END.split(text) if s.strip()]
