"""Tests for khabar.alignment: the map between a clean text and its original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.alignment import AlignedBuilder, Alignment


def build(original: str, ops: list[tuple]) -> tuple[str, Alignment]:
    b = AlignedBuilder(original)
    for op in ops:
        if op[0] == "keep":
            b.keep(op[1], op[2])
        else:
            b.replace(op[1], op[2], op[3])
    return b.build()


# -- unit tests ------------------------------------------------------------------------------------------------

def test_identity_maps_every_span_to_itself():
    a = Alignment.identity(5)
    assert (a.clean_len, a.orig_len) == (5, 5)
    for s in range(6):
        for e in range(s, 6):
            assert a.to_original(s, e) == (s, e)
            assert a.to_clean(s, e) == (s, e)
    assert a.to_list() == [[0, 0, 5, 5]]


def test_identity_of_empty_text():
    a = Alignment.identity(0)
    assert a.to_list() == []
    assert a.to_original(0, 0) == (0, 0)
    assert a.to_clean(0, 0) == (0, 0)


def test_builder_keeps_contiguous_text_as_one_piece():
    text, a = build("abcdef", [("keep", 0, 2), ("keep", 2, 4), ("keep", 4, 6)])
    assert text == "abcdef"
    assert a.to_list() == [[0, 0, 6, 6]]


def test_deletion_inside_text():
    # "aXbc" -> "abc": X deleted.
    text, a = build("aXbc", [("keep", 0, 1), ("keep", 2, 4)])
    assert text == "abc"
    assert a.to_list() == [[0, 0, 1, 1], [1, 2, 2, 2]]
    assert a.to_original(0, 1) == (0, 1)
    assert a.to_original(1, 3) == (2, 4)
    assert a.to_original(0, 2) == (0, 3)  # spans the deleted X
    assert a.to_clean(1, 2) == (1, 1)  # X alone: nothing survives, empty span where it stood
    assert a.to_clean(0, 4) == (0, 3)
    assert a.to_clean(1, 3) == (1, 2)


def test_deletion_at_start_and_end():
    text, a = build("__ab__", [("keep", 2, 4)])
    assert text == "ab"
    assert a.to_original(0, 2) == (2, 4)
    assert a.to_original(0, 0) == (2, 2)
    assert a.to_original(2, 2) == (4, 4)  # the end of the clean text is where the last piece ends
    assert a.to_clean(0, 2) == (0, 0)
    assert a.to_clean(4, 6) == (2, 2)
    assert a.to_clean(0, 6) == (0, 2)


def test_one_to_many_replacement():
    # A ligature expanded to two letters: every clean letter of it maps to the whole ligature.
    text, a = build("\uFEFBب", [("replace", 0, 1, "لا"), ("keep", 1, 2)])
    assert text == "لاب"
    assert a.to_list() == [[0, 0, 2, 1], [2, 1, 1, 1]]
    assert a.to_original(0, 1) == (0, 1)
    assert a.to_original(1, 2) == (0, 1)
    assert a.to_original(0, 2) == (0, 1)
    assert a.to_original(2, 3) == (1, 2)
    assert a.to_original(1, 3) == (0, 2)
    assert a.to_clean(0, 1) == (0, 2)
    assert a.to_clean(1, 2) == (2, 3)


def test_many_to_one_replacement():
    text, a = build("xab-y", [("keep", 0, 1), ("replace", 1, 3, "C"), ("keep", 4, 5)])
    assert text == "xCy"
    assert a.to_original(1, 2) == (1, 3)
    assert a.to_clean(1, 2) == (1, 2)
    assert a.to_clean(2, 3) == (1, 2)
    assert a.to_clean(3, 4) == (2, 2)  # the deleted hyphen


def test_same_length_replacement_maps_letter_for_letter():
    text, a = build("کتاب", [("replace", 0, 1, "ك"), ("keep", 1, 4)])
    assert text == "كتاب"
    assert a.to_original(0, 4) == (0, 4)
    assert a.to_original(0, 1) == (0, 1)
    assert a.to_clean(0, 1) == (0, 1)


def test_replace_with_the_same_text_is_a_keep_and_empty_text_a_deletion():
    text, a = build("abcd", [("keep", 0, 1), ("replace", 1, 2, "b"), ("replace", 2, 3, ""), ("keep", 3, 4)])
    assert text == "abd"
    assert a.to_list() == [[0, 0, 2, 2], [2, 3, 1, 1]]


def test_empty_keep_is_ignored():
    text, a = build("ab", [("keep", 1, 1), ("keep", 0, 2), ("keep", 2, 1)])
    assert text == "ab"
    assert a.to_list() == [[0, 0, 2, 2]]


def test_everything_deleted():
    text, a = build("ـــ", [])
    assert text == ""
    assert (a.clean_len, a.orig_len) == (0, 3)
    assert a.to_original(0, 0) == (3, 3)
    assert a.to_clean(0, 3) == (0, 0)
    assert a.to_clean(1, 2) == (0, 0)


@pytest.mark.parametrize("span", [(-1, 0), (0, 4), (2, 1), (4, 4), (3, 5)])
def test_to_original_out_of_range_raises(span):
    _, a = build("abcd", [("keep", 0, 1), ("keep", 2, 4)])  # clean "acd", length 3
    with pytest.raises(ValueError):
        a.to_original(*span)


@pytest.mark.parametrize("span", [(-1, 0), (0, 5), (3, 2), (5, 5)])
def test_to_clean_out_of_range_raises(span):
    _, a = build("abcd", [("keep", 0, 1), ("keep", 2, 4)])
    with pytest.raises(ValueError):
        a.to_clean(*span)


def test_boundaries_are_valid():
    _, a = build("abcd", [("keep", 0, 1), ("keep", 2, 4)])
    assert a.to_original(3, 3) == (4, 4)
    assert a.to_clean(4, 4) == (3, 3)


def test_to_list_from_list_round_trip():
    text, a = build("xﻻab-yـz", [("keep", 0, 1), ("replace", 1, 2, "لا"), ("keep", 2, 4), ("keep", 5, 6),
                                 ("keep", 7, 8)])
    assert text == "xلاabyz"
    b = Alignment.from_list(a.to_list(), len(text), 8)
    assert b == a
    assert b.to_list() == a.to_list()
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            assert b.to_original(s, e) == a.to_original(s, e)


# -- properties --------------------------------------------------------------------------------------------------

@st.composite
def edited(draw):
    """A random original string and a random cover of it by keep / delete / replace operations."""
    original = draw(st.text(alphabet="abcdeـ.ﻻ ", min_size=0, max_size=30))
    ops: list[tuple] = []
    pos = 0
    while pos < len(original):
        n = draw(st.integers(1, min(4, len(original) - pos)))
        kind = draw(st.sampled_from(["keep", "keep", "delete", "replace"]))
        if kind == "keep":
            ops.append(("keep", pos, pos + n))
        elif kind == "replace":
            ops.append(("replace", pos, pos + n, draw(st.text(alphabet="XYZ", min_size=1, max_size=3))))
        else:
            ops.append(("delete", pos, pos + n))
        pos += n
    return original, ops


def model(original: str, ops: list[tuple]) -> tuple[str, list[int | None], list[int], bool]:
    """Expected clean text; for each original offset its clean offset when kept letter for letter (else None);
    for each original offset the number of clean characters emitted before it; whether any replacement changed
    the length."""
    clean = []
    linear: list[int | None] = [None] * len(original)
    before = [0] * (len(original) + 1)
    uneven = False
    n = 0
    for op in ops:
        kind, o0, o1 = op[0], op[1], op[2]
        for o in range(o0, o1):
            before[o] = n
        if kind == "keep" or (kind == "replace" and op[3] == original[o0:o1]):
            for k, o in enumerate(range(o0, o1)):
                linear[o] = n + k
            clean.append(original[o0:o1])
            n += o1 - o0
        elif kind == "replace":
            clean.append(op[3])
            n += len(op[3])
            uneven |= len(op[3]) != o1 - o0
    before[len(original)] = n
    return "".join(clean), linear, before, uneven


def run_ops(original: str, ops: list[tuple]) -> tuple[str, Alignment]:
    return build(original, [op for op in ops if op[0] != "delete"])


@settings(max_examples=200, deadline=None)
@given(edited())
def test_builder_produces_the_edited_text(case):
    original, ops = case
    text, a = run_ops(original, ops)
    expected, linear, _, _ = model(original, ops)
    assert text == expected
    assert (a.clean_len, a.orig_len) == (len(expected), len(original))
    for o, c in enumerate(linear):
        if c is not None:
            assert a.to_original(c, c + 1) == (o, o + 1)
            assert a.to_clean(o, o + 1) == (c, c + 1)


@settings(max_examples=200, deadline=None)
@given(edited())
def test_pieces_are_sorted_and_within_bounds(case):
    original, ops = case
    text, a = run_ops(original, ops)
    pieces = a.to_list()
    c_next = o_next = 0
    for c0, o0, cl, ol in pieces:
        assert c0 == c_next  # the pieces tile the clean text
        assert o0 >= o_next
        assert cl > 0 and ol > 0
        c_next, o_next = c0 + cl, o0 + ol
    assert c_next == len(text)
    assert o_next <= len(original)


@settings(max_examples=200, deadline=None)
@given(edited(), st.data())
def test_clean_spans_map_to_monotonic_original_spans(case, data):
    original, ops = case
    text, a = run_ops(original, ops)
    n = len(text)
    pairs = [tuple(sorted(data.draw(st.tuples(st.integers(0, n), st.integers(0, n))))) for _ in range(6)]
    for s, e in pairs:
        x, y = a.to_original(s, e)
        assert 0 <= x <= y <= len(original)
        if e > s:
            assert y > x  # a non-empty clean span comes from non-empty original text
    # Monotonic in the start for a fixed end, and in the end for a fixed start.
    for e in {e for _, e in pairs}:
        starts = [a.to_original(s, e)[0] for s in range(0, e + 1)]
        assert starts == sorted(starts)
    for s in {s for s, _ in pairs}:
        ends = [a.to_original(s, e)[1] for e in range(s, n + 1)]
        assert ends == sorted(ends)


@settings(max_examples=200, deadline=None)
@given(edited(), st.data())
def test_round_trip_contains_the_clean_span(case, data):
    original, ops = case
    text, a = run_ops(original, ops)
    _, _, _, uneven = model(original, ops)
    n = len(text)
    for _ in range(8):
        s, e = sorted(data.draw(st.tuples(st.integers(0, n), st.integers(0, n))))
        if s == e:
            continue
        cs, ce = a.to_clean(*a.to_original(s, e))
        assert cs <= s and e <= ce
        if not uneven:
            assert (cs, ce) == (s, e)


@settings(max_examples=200, deadline=None)
@given(edited())
def test_round_trip_is_exact_where_no_length_changing_replacement(case):
    original, ops = case
    ops = [op for op in ops if op[0] != "replace" or len(op[3]) == op[2] - op[1]]
    text, a = run_ops(original, ops)
    n = len(text)
    for s in range(n + 1):
        for e in range(s + 1, n + 1):
            assert a.to_clean(*a.to_original(s, e)) == (s, e)


@settings(max_examples=200, deadline=None)
@given(edited())
def test_deleted_original_characters_map_to_empty_clean_spans(case):
    original, ops = case
    text, a = run_ops(original, ops)
    _, _, before, _ = model(original, ops)
    deleted = [o for op in ops if op[0] == "delete" or (op[0] == "replace" and not op[3])
               for o in range(op[1], op[2])]
    for o in deleted:
        assert a.to_clean(o, o + 1) == (before[o], before[o])


@settings(max_examples=200, deadline=None)
@given(edited())
def test_serialisation_round_trip(case):
    original, ops = case
    text, a = run_ops(original, ops)
    assert Alignment.from_list(a.to_list(), len(text), len(original)) == a
