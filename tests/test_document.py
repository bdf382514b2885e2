"""Tests for khabar.document (the output contract), khabar.schema_check and the pipeline's error handling."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from khabar.document import SCHEMA_VERSION, Document, Issue, Meta
from khabar.pipeline import STAGES, analyze
from khabar.schema_check import load_schema, validate

EXAMPLE = Path(__file__).parents[1] / "examples" / "turkey-isis-afrin.ar.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return analyze(EXAMPLE.read_text(encoding="utf-8"),
                   meta={"id": 7, "source": "example", "url": "https://example.com/a", "lang_hint": "ar"},
                   published="2023-05-01")


@pytest.fixture
def doc_dict(doc) -> dict:
    return copy.deepcopy(doc.to_dict())


# -- serialisation ------------------------------------------------------------------------------------------------

def test_to_dict_carries_the_layers(doc, doc_dict):
    d = doc_dict
    assert d["schema_version"] == SCHEMA_VERSION == "1.0"
    assert d["meta"]["id"] == "7"  # ids are strings in the output
    assert d["meta"]["published"] == "2023-05-01"
    assert d["meta"]["extra"] == {"lang_hint": "ar"}
    assert d["text"] == doc.text
    assert d["clean"]["text"] == doc.clean.text
    assert len(d["obfuscations"]) == 6 and len(d["sentences"]) == 13 and len(d["tokens"]) == len(doc.tokens)
    for layer in ("obfuscations", "sentences", "tokens"):
        for item in d[layer]:
            assert item["text"] == doc.text[item["start"]:item["end"]]
    assert d["obfuscations"][0] == {"start": 6, "end": 14, "text": "وداعـ.ـش", "clean": "وداعش",
                                    "kinds": ["separator", "tatweel"]}
    assert d["issues"] == []


def test_json_round_trip_is_identical(doc):
    first = doc.to_json()
    again = Document.from_json(first)
    assert again.to_json() == first
    assert again == doc
    assert json.loads(first)["text"] == doc.text


def test_round_trip_keeps_the_alignment_working(doc):
    again = Document.from_json(doc.to_json())
    o = again.obfuscations[0]
    cs, ce = again.to_clean_span(o.start, o.end)
    assert again.clean.text[cs:ce] == "وداعش"
    assert again.to_original_span(cs, ce) == (o.start, o.end)


def test_to_dict_without_tokens(doc):
    d = doc.to_dict(tokens=False)
    assert d["tokens"] == []
    assert d["sentences"]
    assert validate(d) == []


def test_document_without_clean_layer():
    d = Document(text="نص").to_dict()
    assert "clean" not in d
    assert validate(d) == []
    again = Document.from_dict(d)
    assert again.clean is None
    assert again.to_clean_span(0, 2) == (0, 2)


# -- the JSON Schema --------------------------------------------------------------------------------------------------

def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert load_schema() is not load_schema()  # a fresh copy each time


def test_analysed_document_validates(doc_dict):
    assert validate(doc_dict) == []


def test_empty_and_failed_documents_validate():
    assert validate(analyze("").to_dict()) == []
    assert validate(analyze("نص", stages=[("boom", _boom)]).to_dict()) == []


def test_later_layers_are_allowed_as_arrays(doc_dict):
    doc_dict["places"] = [{"start": 0, "end": 5, "text": "تركيا", "type": "GPE"}]
    doc_dict["claims"] = []
    assert validate(doc_dict) == []
    doc_dict["mentions"] = [{"start": 0, "end": 5, "text": "تركيا", "type": "GPE"}]
    assert any(e.startswith("mentions/0") for e in validate(doc_dict)), "mentions have a schema of their own"
    doc_dict["entities"] = {"not": "an array"}
    assert any(e.startswith("entities") for e in validate(doc_dict))


def _broken(doc_dict: dict, how: str) -> dict:
    d = doc_dict
    if how == "token_without_start":
        del d["tokens"][0]["start"]
    elif how == "negative_offset":
        d["sentences"][0]["start"] = -1
    elif how == "wrong_version":
        d["schema_version"] = "2.0"
    elif how == "unknown_token_kind":
        d["tokens"][0]["kind"] = "noun"
    elif how == "unknown_obfuscation_kind":
        d["obfuscations"][0]["kinds"] = ["rot13"]
    elif how == "extra_token_field":
        d["tokens"][0]["lemma"] = "x"
    elif how == "bad_date":
        d["meta"]["published"] = "01/05/2023"
    elif how == "bad_alignment_piece":
        d["clean"]["alignment"][0] = [0, 0, 5]
    elif how == "issue_level":
        d["issues"] = [{"stage": "read", "level": "fatal", "code": "x", "message": "y"}]
    elif how == "missing_text":
        del d["text"]
    elif how == "meta_unknown_field":
        d["meta"]["lang_hint"] = "ar"  # unknown meta fields belong in meta.extra
    elif how == "non_array_layer":
        d["mentions"] = "none"
    return d


BROKEN = ["token_without_start", "negative_offset", "wrong_version", "unknown_token_kind",
          "unknown_obfuscation_kind", "extra_token_field", "bad_date", "bad_alignment_piece", "issue_level",
          "missing_text", "meta_unknown_field", "non_array_layer"]


@pytest.mark.parametrize("how", BROKEN)
def test_schema_rejects_broken_documents(doc_dict, how):
    errors = validate(_broken(doc_dict, how))
    assert errors
    assert all(isinstance(e, str) and e for e in errors)


def test_validate_says_where(doc_dict):
    del doc_dict["tokens"][3]["start"]
    assert validate(doc_dict) == ["tokens/3: 'start' is a required property"]


def test_from_dict_rejects_another_schema_version(doc_dict):
    doc_dict["schema_version"] = "2.0"
    with pytest.raises(ValueError, match="schema_version"):
        Document.from_dict(doc_dict)
    del doc_dict["schema_version"]
    with pytest.raises(ValueError, match="schema_version"):
        Document.from_dict(doc_dict)


def test_from_dict_rejects_a_token_without_start(doc_dict):
    del doc_dict["tokens"][0]["start"]
    with pytest.raises((TypeError, ValueError)):
        Document.from_dict(doc_dict)


# -- Meta -------------------------------------------------------------------------------------------------------------

def test_meta_keeps_unknown_fields_in_extra():
    m = Meta.from_mapping({"id": 42, "title": "عنوان", "published": "2020-01-02", "section": "world",
                           "tags": ["a", "b"], "extra": {"kept": True}})
    assert m.id == "42"
    assert (m.title, m.published, m.language) == ("عنوان", "2020-01-02", "ar")
    assert m.extra == {"kept": True, "section": "world", "tags": ["a", "b"]}
    d = m.to_dict()
    assert d["extra"] == m.extra and "section" not in d
    assert Meta.from_mapping(d) == m


def test_meta_without_extra_writes_no_extra():
    d = Meta().to_dict()
    assert "extra" not in d
    assert d == {"id": None, "source": None, "url": None, "title": None, "author": None, "published": None,
                 "language": "ar"}


# -- the pipeline goes on after a stage fails -------------------------------------------------------------------------

def _boom(doc, ctx):
    raise RuntimeError("kaput")


def test_failing_stage_becomes_an_error_issue():
    stages = [STAGES[0], ("boom", _boom), STAGES[1]]
    d = analyze("هاجم داعـ.ـش القرية.", stages=stages)
    assert isinstance(d, Document)
    assert d.issues == [Issue("boom", "error", "stage_failed", "boom failed: RuntimeError: kaput")]
    assert d.failed
    # The stages before and after it still ran.
    assert d.clean is not None and d.clean.text == "هاجم داعش القرية."
    assert len(d.sentences) == 1 and d.tokens
    out = d.to_dict()
    assert out["issues"] == [{"stage": "boom", "level": "error", "code": "stage_failed",
                              "message": "boom failed: RuntimeError: kaput"}]
    assert validate(out) == []


def test_only_a_failing_stage():
    d = analyze("نص", stages=[("boom", _boom)])
    assert [(i.stage, i.level) for i in d.issues] == [("boom", "error")]
    assert d.clean is None and d.tokens == []


def test_a_document_without_errors_has_not_failed(doc):
    assert not doc.failed
    d = Document(text="x")
    d.add_issue("read", "warning", "short", "very short")
    assert not d.failed
