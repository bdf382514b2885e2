"""The output contract as a JSON Schema, and a check of a document dict against it.

The schema ships in the package (`khabar/schema/document.schema.json`, draft 2020-12) and describes exactly what
`Document.to_dict()` writes. Validation needs the `jsonschema` package (a test dependency, not a run-time one).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "document.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("khabar.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The document JSON Schema as a fresh dict (callers may change it without touching the cached copy)."""
    return json.loads(_schema_text())


def validate(doc_dict: dict[str, Any]) -> list[str]:
    """Messages for everything in `doc_dict` that breaks the schema, each prefixed with where; [] when valid."""
    try:
        import jsonschema
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("khabar.schema_check.validate needs the 'jsonschema' package: "
                          "pip install 'khabar[test]' or pip install jsonschema") from e
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(doc_dict), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message}" for e in errors]
