"""Claims and attribution: cues, sources, contents, stances, chains, hedges, source types, unattributed."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.claims import sources_table, type_shares
from khabar.claims.extract import default_lexicon
from khabar.schema_check import validate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "turkey-isis-afrin.ar.txt"


@pytest.fixture(scope="module")
def example():
    return khabar.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2023-06-15")


def claims(text: str):
    doc = khabar.analyze(text)
    return doc, [c for c in doc.claims if c.cue]


def by_source(doc):
    return {c.source["text"]: c for c in doc.claims if c.source}


def test_example_sources_and_their_types(example):
    got = by_source(example)
    expected = {"القيادة المركزية الأمريكية": "named_organization", "المصادر": "anonymous_source",
                "المرصد السوري لحقوق الإنسان": "named_organization", "مراقبون": "vague_collective",
                "مصدر امني في التحالف الدولي": "anonymous_source", "المجتمع الدولي": "vague_collective",
                "إحصائيات": "document_or_statement", "الوسائل الاعلامية": "vague_collective"}
    for source, stype in expected.items():
        assert source in got, (source, list(got))
        assert got[source].source_type == stype, (source, got[source].source_type)
    assert got["القيادة المركزية الأمريكية"].source_kb_id == "us.centcom"
    assert "قتلت أسامة الجنابي" in got["القيادة المركزية الأمريكية"].content["text"]
    assert got["المجتمع الدولي"].stance == "accuse"
    assert got["المرصد السوري لحقوق الإنسان"].content["text"].startswith("فرار اثني عشر")


def test_example_unattributed_assertions(example):
    unattributed = [example.text[c.start:c.end] for c in example.claims if c.cue is None]
    assert any(u.startswith("في مسعى من الاحتلال التركي") for u in unattributed)  # Turkey shelters ISIS leaders
    assert any(u.startswith("يذكر أن تركيا لا تشارك") for u in unattributed)  # the closing paragraph
    assert all(c.source_type == "unattributed" for c in example.claims if c.cue is None)


def test_example_sources_table_and_shares(example):
    rows = sources_table(example)
    assert rows[-1]["type"] == "unattributed" and rows[-1]["claims"] >= 2
    shares = type_shares(example)
    assert abs(sum(shares.values()) - 1) < 0.01 and shares["vague_collective"] > 0


def test_output_with_claims_validates(example):
    validate(example.to_dict())


def test_cue_span_leaves_out_the_conjunction_and_the_source_its_title():
    doc, cs = claims("وقال المتحدث باسم التحالف العميد أحمد عسيري إن العمليات مستمرة.")
    c = cs[0]
    assert doc.text[c.start:c.end] == "قال"
    assert c.source["text"] == "المتحدث باسم التحالف العميد أحمد عسيري"
    assert c.content["text"] == "إن العمليات مستمرة"
    assert c.source_type == "named_person"


def test_implicit_source_refers_back_to_the_last_speaker():
    doc, cs = claims("قال وزير الخارجية عادل الجبير إن المملكة حريصة على الحوار. وأضاف أن الأمن أولوية.")
    assert cs[1].source is None and cs[1].source_ref == "وزير الخارجية عادل الجبير"
    assert cs[1].source_type == cs[0].source_type == "named_person"


def test_participle_takes_the_sentence_speaker():
    doc, cs = claims("أكد مصدر أمني أن الهجوم فشل، مشيرا إلى أن المنفذين فروا.")
    assert [c.lemma for c in cs] == ["أكد", "أشار"]
    assert cs[0].content["text"] == "أن الهجوم فشل"  # cut before the participle
    assert cs[1].source_ref == "مصدر أمني" and cs[1].source_type == "anonymous_source"


def test_stances():
    for text, stance in (("نفت الوزارة أن تكون قواتها قد شاركت في الهجوم.", "deny"),
                         ("اتهمت الحكومة الحوثيين بخرق الهدنة.", "accuse"),
                         ("زعم التنظيم أنه أسقط طائرة.", "claim"),
                         ("حذر مسؤول أمريكي من أن الوضع خطير.", "warn"),
                         ("رجح خبراء أن ترتفع الأسعار.", "estimate"),
                         ("طالبت منظمة العفو الدولية بالإفراج عن المعتقلين.", "demand")):
        _, cs = claims(text)
        assert cs and cs[0].stance == stance, (text, [(c.cue, c.stance) for c in cs])


def test_source_types():
    for text, stype in (("قال مسؤول أمريكي إن المحادثات مستمرة.", "official_role_unnamed"),
                        ("قالت مصادر مطلعة إن الاتفاق قريب.", "anonymous_source"),
                        ("أفاد ناشطون بأن القصف استمر.", "vague_collective"),
                        ("أوضح البيان أن القوات تقدمت.", "document_or_statement"),
                        ("أعلنت وزارة الداخلية السعودية أن المنفذ قتل.", "named_organization")):
        _, cs = claims(text)
        assert cs and cs[0].source_type == stype, (text, [(c.source, c.source_type) for c in cs])


def test_transmission_is_a_chain_of_two():
    doc, cs = claims("نقلت وكالة رويترز عن مصدر أمني قوله إن الانفجار وقع قرب السفارة.")
    outer = next(c for c in cs if c.lemma == "نقل")
    inner = next(c for c in cs if c is not outer)
    assert outer.chain_id == inner.chain_id is not None and (outer.chain_pos, inner.chain_pos) == (0, 1)
    assert outer.source["text"] == "وكالة رويترز" and inner.source["text"] == "مصدر أمني"
    assert inner.source_type == "anonymous_source"


def test_prepositional_cue_qualifies_its_clause():
    _, cs = claims("قتل خمسة مدنيين في القصف، بحسب المرصد السوري لحقوق الإنسان.")
    c = cs[0]
    assert c.lemma == "بحسب" and c.source["text"] == "المرصد السوري لحقوق الإنسان"
    assert c.content["text"] == "قتل خمسة مدنيين في القصف"


def test_hedges_and_words_that_only_look_like_cues():
    _, cs = claims("قال مصدر إن المنفذ ربما فر إلى الخارج.")
    assert cs[0].hedges == ["ربما"]
    _, cs = claims("دعا الله أن يحفظ البلاد.")
    assert cs == []  # a prayer
    _, cs = claims("تنقل الشاحنات المساعدات إلى المدينة كل يوم.")
    assert cs == []  # carrying, not reporting
    _, cs = claims("يذكر أن الاجتماع سيعقد الشهر المقبل.")
    assert cs == []  # the writer's aside


def test_cue_files_are_well_formed():
    lex = default_lexicon()
    stances = {c.stance for lst in lex.cues.values() for c in lst}
    assert stances <= {"assert", "deny", "accuse", "claim", "warn", "estimate", "demand"}
    assert set(lex.source_types.values()) <= {"anonymous_source", "vague_collective", "document_or_statement",
                                              "official_role_unnamed", "named_organization"}


def test_an_implicit_speaker_agrees_with_its_verb():
    doc, cs = claims("قالت وزارة الخارجية إن الاجتماع مهم. وقال المتحدث باسم الحكومة إن الوفد وصل. "
                     "وأضافت أن المحادثات ستستمر.")
    assert cs[2].source is None and cs[2].source_ref == "وزارة الخارجية"
    assert cs[2].source_type == "named_organization"
