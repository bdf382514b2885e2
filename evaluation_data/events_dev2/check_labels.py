#!/usr/bin/env python3
"""Validate labels.jsonl against sentences.jsonl (events development set, batch 2: ids "ew0000".."ew0399").

Usage:  python3 evaluation_data/events_dev2/check_labels.py [labels.jsonl] [sentences.jsonl]

The checks are batch 1's (../events_dev/check_labels.py), run on this folder, plus the id prefix "ew".
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("events_dev1_check", HERE.parent / "events_dev" / "check_labels.py")
batch1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(batch1)  # type: ignore[union-attr]

if __name__ == "__main__":
    sys.exit(batch1.main(HERE, id_prefix="ew"))
