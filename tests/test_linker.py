"""Entity linking and geocoding: the example article, metonymy, clitics, misspellings, unknown mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.kb.actors import name_key
from khabar.kb.linker import DocContext, default_index, link_span
from khabar.schema_check import validate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "turkey-isis-afrin.ar.txt"


@pytest.fixture(scope="module")
def example():
    return khabar.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2023-06-15")


def _entities(doc, written: str):
    return [e for e in doc.entities if doc.text[e.start:e.end] == written]


def test_example_actors_are_linked(example):
    ids = {e.kb_id for e in example.entities}
    for kb_id in ("tr", "sy.isis", "int.coalition", "sy.sdf", "us.centcom", "sy.sohr", "iq.forces", "us", "sy",
                  "iq", "sy.gov"):
        assert kb_id in ids, kb_id
    assert {e.kb_id for e in _entities(example, "المرصد السوري لحقوق الإنسان")} == {"sy.sohr"}
    assert {e.kb_id for e in _entities(example, "قوات سوريا الديمقراطية")} == {"sy.sdf"}  # not سوريا inside it
    assert {e.kb_id for e in _entities(example, "حكومة دمشق")} == {"sy.gov"}
    # the bare head refers back to the coalition named before it
    assert any(e.match == "context" and e.kb_id == "int.coalition" for e in example.entities)


@pytest.mark.parametrize("written, geonameid", [
    ("عفرين", 174186), ("إدلب", 169389), ("والباب", 174018), ("وجرابس", 169179),  # جرابس: جرابلس misspelt
])
def test_example_places_are_geocoded(example, written: str, geonameid: int):
    found = _entities(example, written)
    assert found, written
    p = found[0].place
    assert p is not None and p["geonameid"] == geonameid and p["country"] == "SY" and p["geo_precision"] == 1
    assert 35 < p["latitude"] < 37.5 and 36 < p["longitude"] < 38.5


def test_example_curated_place(example):
    p = _entities(example, "الباغوز")[0].place
    assert p["id"] == "cur.baghuz" and p["country"] == "SY" and p["admin1"] == "Deir ez-Zor"
    assert 34 < p["latitude"] < 35 and 40.5 < p["longitude"] < 41.5


def test_example_misspelling_is_marked_fuzzy_and_countries_are_places(example):
    assert _entities(example, "وجرابس")[0].match == "fuzzy"
    syria = _entities(example, "سوريا")[0]
    assert syria.kb_id == "sy" and syria.place["id"] == "country:SY" and syria.place["geo_precision"] == 3
    near = [e for e in example.entities if e.place and e.place["geonameid"] == 170063]  # حلب, after ريف
    assert near and near[0].place["geo_precision"] == 2


def test_output_validates_against_the_schema(example):
    assert validate(example.to_dict()) == []


def _one(text: str):
    return khabar.analyze(text)


def test_a_capital_that_acts_is_its_government():
    doc = _one("رفضت أنقرة الاتهامات، وقالت إن قواتها لن تنسحب.")
    e = _entities(doc, "أنقرة")[0]
    assert e.kb_id == "tr.gov" and e.metonymy and e.place["country"] == "TR"
    doc = _one("وصل الوفد إلى أنقرة مساء أمس.")
    e = _entities(doc, "أنقرة")
    assert e and e[0].kb_id is None and not e[0].metonymy and e[0].place["country"] == "TR"


def test_clitics_and_epithets_are_stripped():
    index = default_index()
    ctx = DocContext()
    cand, how = link_span(["وبقوات", "سوريا", "الديمقراطية"], "ORG", ctx, index)
    assert cand is not None and cand.actor.id == "sy.sdf" and how == "stripped"
    cand, _ = link_span(["تنظيم", "داعش", "الإرهابي"], "ORG", ctx, index)
    assert cand is not None and cand.actor.id == "sy.isis"


def test_fuzzy_matching_is_guarded():
    index = default_index()
    # a place one letter off is accepted only in a country the document already talks about
    assert link_span(["جرابس"], "LOC", DocContext(), index)[0] is None
    ctx = DocContext()
    ctx.countries["SY"] += 1
    cand, how = link_span(["جرابس"], "LOC", ctx, index)
    assert cand is not None and cand.place.geonameid == 169179 and how == "fuzzy"
    assert link_span(["حلب"], "LOC", ctx, index)[1] == "exact"


def test_unknown_mentions_stay_typed_with_null_ids():
    doc = _one("قال الباحث سمير عبد الرزاق الفلاحي إن الوضع صعب.")
    people = [e for e in doc.entities if e.label == "PER"]
    assert people and all(e.kb_id is None and e.place is None and e.match == "none" for e in people)


def test_ordinary_words_that_name_places_are_not_places():
    doc = _one("وأكد مراقبون على أهمية الدور الذي تلعبه الفصائل في المشهد السياسي.")
    assert not [e for e in doc.entities if e.place is not None]


def test_a_bare_last_name_is_the_person_named_before():
    doc = _one("التقى الرئيس السوري بشار الأسد وفدا روسيا. وقال الأسد إن الحرب ستنتهي.")
    assert [e.kb_id for e in _entities(doc, "الأسد")] == ["per.bashar_assad"]
    assert _entities(doc, "الأسد")[0].match == "context"


def test_a_sentence_that_fails_to_link_costs_only_itself(monkeypatch):
    from khabar.kb import linker

    real = linker._dictionary_spans

    def flaky(words, index):
        if any("الموصل" in w for w in words):
            raise RuntimeError("boom")
        return real(words, index)

    monkeypatch.setattr(linker, "_dictionary_spans", flaky)
    doc = _one("قصفت الطائرات مواقع في الموصل. وقال المرصد السوري لحقوق الإنسان إن القتلى مدنيون.")
    assert {e.kb_id for e in doc.entities} >= {"sy.sohr"}
    assert [i.code for i in doc.issues if i.stage == "link"] == ["sentence_failed"]


def test_a_generic_body_with_a_country_adjective_is_that_countrys():
    index = default_index()
    cand, _ = link_span(["مجلس", "الوزراء", "العراقي"], "ORG", DocContext(), index)
    assert cand.actor.id == "iq.gov"
    cand, _ = link_span(["الجيش", "التركي"], "ORG", DocContext(), index)
    assert cand.actor.country == "TR" and cand.actor.kind == "military"


def test_a_bare_generic_body_is_the_documents_country():
    doc = _one("تصاعدت المعارك في الموصل شمال العراق. وقالت الحكومة إنها ستواصل العمليات.")
    assert [e.kb_id for e in _entities(doc, "الحكومة")] == ["iq.gov"]
    assert _entities(doc, "الحكومة")[0].match == "context"
    doc = _one("وقالت الحكومة إنها ستواصل العمليات.")  # no country in sight: left alone
    assert not _entities(doc, "الحكومة")


def test_both_cases_of_a_plural_name_are_indexed():
    index = default_index()
    ids = {c.actor.id for c in index.lookup("الحوثيين") if c.actor}
    assert ids and ids == {c.actor.id for c in index.lookup("الحوثيون") if c.actor}


def test_a_province_outranks_a_small_town_of_the_same_name():
    index = default_index()
    ctx = DocContext()
    ctx.countries["YE"] += 1
    cand, _ = link_span(["لحج"], "LOC", ctx, index)
    assert cand.place.feature == "admin1" and cand.place.country == "YE"
    ctx.countries["SY"] += 1
    cand, _ = link_span(["إدلب"], "LOC", ctx, index)  # a city of 128,000: the city
    assert cand.place.feature == "city"


def test_a_capital_without_a_preposition_stands_for_its_government():
    doc = _one("وتتهم الدول الغربية طهران بدعم الميليشيات في المنطقة.")
    e = _entities(doc, "طهران")[0]
    assert e.kb_id == "ir.gov" and e.metonymy
    doc = _one("وعاد الوزير من طهران صباح اليوم.")
    e = _entities(doc, "طهران")[0]
    assert e.kb_id is None and e.place["country"] == "IR"


def test_the_kingdom_refers_back_to_the_kingdom_named_before():
    doc = _one("وصلت طائرة سعودية إلى عدن. وأكد المسؤول أن المملكة العربية السعودية ستواصل دعمها، "
               "وأن المملكة لن تتخلى عن اليمن.")
    assert [e.kb_id for e in _entities(doc, "المملكة")] == ["sa"]


def test_names_built_on_abd_match_spaced_or_joined():
    index = default_index()
    for words in (["سلمان", "بن", "عبدالعزيز"], ["سلمان", "بن", "عبد", "العزيز"]):
        cand, _ = link_span(words, "PER", DocContext(), index)
        assert cand is not None and cand.actor.id == "per.king_salman"


def test_a_title_with_a_country_adjective_is_who_held_it_that_year():
    text = "قال رئيس الوزراء العراقي إن العمليات مستمرة."
    doc = khabar.analyze(text, published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "رئيس الوزراء العراقي")] == ["per.abadi"]
    doc = khabar.analyze(text, published="2021-03-01")
    assert [e.kb_id for e in _entities(doc, "رئيس الوزراء العراقي")] == ["per.kadhimi"]
    doc = khabar.analyze(text)  # no date: no guess
    assert not [e for e in doc.entities if e.kb_id and e.kb_id.startswith("per.")]


def test_the_secretary_general_of_the_organisation_named_is_who_held_it():
    doc = khabar.analyze("أعرب الأمين العام لمجلس التعاون لدول الخليج العربية عن قلقه.", published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "الأمين العام")] == ["per.zayani"]
    doc = khabar.analyze("اجتمع وزراء جامعة الدول العربية. وقال الأمين العام إن الاجتماع ناجح.",
                         published="2018-05-01")
    assert [e.kb_id for e in _entities(doc, "الأمين العام")] == ["per.aboul_gheit"]


def test_descriptions_are_read_against_the_documents_country():
    yemen = khabar.analyze("تقدمت قوات الشرعية في تعز اليمنية، وقال مصدر إن المتمردين انسحبوا.", published="2015-08-01")
    assert [e.kb_id for e in _entities(yemen, "المتمردين")] == ["ye.houthis"]
    assert [e.kb_id for e in _entities(yemen, "قوات الشرعية")] == ["ye.army"]
    # the same word in an article about another country is not the Houthis
    other = khabar.analyze("قال مسؤول في كولومبيا إن المتمردين انسحبوا.", published="2015-08-01")
    assert not [e for e in _entities(other, "المتمردين") if e.kb_id]
    # a one-word description qualified by another word is another sense: الشرعية الدولية
    intl = khabar.analyze("دعت الحكومة اليمنية إلى احترام الشرعية الدولية.", published="2015-08-01")
    assert not [e for e in _entities(intl, "الشرعية") if e.kb_id]


def test_the_kingdom_is_the_country_the_article_is_about():
    doc = khabar.analyze("أعلنت المملكة عن جسر جوي. ووصلت طائرة سعودية إلى مطار عدن.", published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "المملكة")] == ["sa"]
    doc = khabar.analyze("أعلنت المملكة عن خطة جديدة للاجئين في عمان الأردنية والأردن.", published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "المملكة")] == ["jo"]


def test_occupation_or_regime_with_a_country_adjective_is_that_state_or_government():
    doc = khabar.analyze("قصف الاحتلال التركي قرى عفرين، وانتقد النظام الإيراني ذلك.", published="2023-06-15")
    assert [e.kb_id for e in _entities(doc, "الاحتلال التركي")] == ["tr"]
    assert [e.kb_id for e in _entities(doc, "النظام الإيراني")] == ["ir.gov"]
    doc = khabar.analyze("استنكر المسؤول تصريحات القيادات الإيرانية الأخيرة.", published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "القيادات الإيرانية")] == ["ir.gov"]


def test_a_lone_family_name_is_the_person_already_named_or_the_only_one_with_it():
    doc = khabar.analyze("التقى حيدر العبادي وفدا. وأعلن العبادي التزامه بالإصلاح.", published="2015-08-01")
    assert [e.kb_id for e in _entities(doc, "العبادي")] == ["per.abadi"]
    index = default_index()
    assert index.surnames[name_key("الزياني")] == {"per.zayani"}


def test_a_lineage_is_cut_back_to_the_name_the_kb_knows():
    cand, how = link_span("محمد بن نايف بن عبد العزيز آل سعود".split(), "PER", DocContext(), default_index())
    assert cand is not None and cand.actor.id == "per.mbn" and how == "stripped"


def test_a_groups_country_branch_is_chosen_in_an_article_about_that_country():
    doc = khabar.analyze("تشهد مدينة درنة الليبية معارك بين الجيش الليبي وتنظيم داعش في ليبيا.", published="2015-08-01")
    assert {e.kb_id for e in doc.entities if "داعش" in e.clean} == {"ly.isis"}
    doc = khabar.analyze("هاجم تنظيم داعش مواقع في الرقة السورية.", published="2015-08-01")
    assert {e.kb_id for e in doc.entities if "داعش" in e.clean} == {"sy.isis"}


def test_the_custodian_of_the_two_holy_mosques_is_the_king_that_year_and_a_deputy_is_not():
    doc = khabar.analyze("وجه خادم الحرمين الشريفين بتقديم المساعدات.", published="2016-03-01")
    assert [e.kb_id for e in _entities(doc, "خادم الحرمين الشريفين")] == ["per.king_salman"]
    doc = khabar.analyze("وجه خادم الحرمين الشريفين بتقديم المساعدات.", published="2012-03-01")
    assert [e.kb_id for e in _entities(doc, "خادم الحرمين الشريفين")] == ["per.king_abdullah_sa"]
    doc = khabar.analyze("دعا نائب خادم الحرمين الشريفين إلى الحوار.", published="2016-03-01")
    assert not [e for e in _entities(doc, "خادم الحرمين الشريفين") if e.kb_id]


def test_a_state_outranks_a_village_of_the_same_name_and_persons_are_never_fuzzy():
    index = default_index()
    ctx = DocContext()
    ctx.countries["SY"] += 3
    cand, _ = link_span(["لبنان"], "LOC", ctx, index)
    assert cand is not None and cand.actor is not None and cand.actor.id == "lb"
    cand, _ = link_span(["الربيعة"], "PER", ctx, index)
    assert cand is None or (cand.actor is not None and cand.actor.kind == "person")


def test_descriptions_file_names_only_known_actors():
    from khabar.kb.linker import load_descriptions
    from khabar.kb.actors import load_actors
    table = load_descriptions(load_actors())
    assert table[name_key("المتمردين")] == [("YE", load_actors()["ye.houthis"])]
    with pytest.raises(ValueError, match="unknown actor"):
        load_descriptions({})
