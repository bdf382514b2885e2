"""The actor files: readable, consistent across files, and strict about malformed lines."""

from __future__ import annotations

import pytest

from khabar.kb.actors import ACLED_CATEGORIES, KINDS, ActorFileError, actor_files, check, load_actors, \
    read_actor_file

HEADER = "id\tkind\tname_ar\tname_en\taliases_ar\taliases_en\tabbreviations\tmisspellings_ar\tcountry\t" \
         "acled_category\tqid\tparent\tnotes\n"


def test_shipped_actor_files_are_consistent():
    actors = [a for name, text in actor_files() for a in read_actor_file(name, text)]
    assert len(actors) >= 600
    assert check(actors) == []  # unique ids, known parents, no name shared by two actors
    assert all(a.kind in KINDS for a in actors)
    assert all(not a.acled_category or a.acled_category in ACLED_CATEGORIES for a in actors)
    qids = [a.qid for a in actors if a.qid]
    assert qids and all(q.startswith("Q") and q[1:].isdigit() for q in qids)
    kinds = {a.kind for a in actors}
    assert {"state", "armed_group", "media", "ngo_or_monitor", "international_org", "person"} <= kinds


def test_the_example_articles_actors_are_in_the_kb():
    by_name = {}
    for a in load_actors().values():
        for form in a.surface_forms():
            by_name.setdefault(form, a.id)
    for name in ("تركيا", "داعش", "التحالف الدولي", "قوات سوريا الديمقراطية", "القيادة المركزية الأمريكية",
                 "المرصد السوري لحقوق الإنسان", "القوات العراقية", "الولايات المتحدة"):
        assert name in by_name, name


def test_check_finds_shared_names_and_unknown_parents():
    text = HEADER + ("a.one\tarmed_group\tجماعة\tGroup\t\t\tXYZ\t\tSY\tRebel Groups\t\t\t\n"
                     "a.two\tarmed_group\tجماعه أخرى\tOther\t\t\tXYZ\t\tSY\tRebel Groups\t\ta.none\t\n")
    problems = check(read_actor_file("t.tsv", text))
    assert any("XYZ" in p for p in problems) and any("a.none" in p for p in problems)


@pytest.mark.parametrize("line, why", [
    ("X Y\tstate\tس\tS\t\t\t\t\tSY\t\t\t\t\n", "bad id"),
    ("x.y\tempire\tس\tS\t\t\t\t\tSY\t\t\t\t\n", "unknown kind"),
    ("x.y\tstate\tس\tS\t\t\t\t\tSY\tState\t\t\t\n", "unknown acled_category"),
    ("x.y\tstate\tس\tS\t\t\t\t\tSY\t\tQ12a\t\t\n", "bad Wikidata QID"),
    ("x.y\tstate\tس\tS\t\t\t\t\tSY\t\t\t\n", "12 fields"),
])
def test_malformed_lines_are_errors_with_their_line_number(line: str, why: str):
    with pytest.raises(ActorFileError, match=f"t.tsv:2: .*{why}" if why != "bad id" else "t.tsv:2: bad id"):
        read_actor_file("t.tsv", HEADER + line)
