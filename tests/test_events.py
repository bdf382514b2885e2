"""Conflict events: triggers, ACLED/PLOVER typing, modality, participants, fatalities, exports, the example."""

from __future__ import annotations

import csv
import functools
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import khabar
from khabar.events.export import ACLED_COLUMNS, acled_csv, geojson
from khabar.events.extract import find_hits
from khabar.events.words import ACLED_TYPES, SUB_PRIORITY, parse_number, triggers
from khabar.pipeline import STAGES
from khabar.schema_check import validate
from khabar.temporal.words import tkey

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "turkey-isis-afrin.ar.txt"
NO_TIMES = [s for s in STAGES if s[0] != "times"]


@pytest.fixture(scope="module")
def example():
    return khabar.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2023-06-15")


def events(text: str, published: str | None = "2015-07-21"):
    doc = khabar.analyze(text, published=published)
    return doc.events, doc


def one(text: str, published: str | None = "2015-07-21"):
    evs, doc = events(text, published)
    assert len(evs) == 1, [(e.trigger, e.sub_event_type, e.modality) for e in evs]
    return evs[0], doc


# -- the trigger table --------------------------------------------------------------------------------------------

def test_trigger_table_uses_only_acled_and_plover_names():
    subs = {s for v in ACLED_TYPES.values() for s in v}
    assert len(subs) == 25
    roles = {"attack", "attack_weak", "outcome", "weapon", "territory", "protest", "riot", "arrest", "mobilize",
             "agreement", "disrupted", "looting", "escape", "base", "withdraw", "threat"}
    for t in set(triggers().values()):
        assert t.role in roles, t
        assert t.sub_event in subs | {"*", "-"}, t
        assert t.acled_type in set(ACLED_TYPES) | {"*", "-"}, t
        if t.acled_type not in ("*", "-"):
            assert t.sub_event in ACLED_TYPES[t.acled_type], t
        assert t.plover in {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AGREE", "RETREAT", "THREATEN", "-"}, t
    assert set(SUB_PRIORITY) - {"*"} <= subs


def test_triggers_are_found_through_clitics_and_the_accusative():
    for word, sub in (("وبالقصف", "Shelling/artillery/missile attack"), ("للهجوم", "*"),
                      ("واختطفوها", "Abduction/forced disappearance"), ("تفجيرًا", "Remote explosive/landmine/IED"),
                      ("وسيتم", None), ("المدرسة", None)):
        hits = find_hits([tkey(word)])
        if sub is None:
            assert hits == [], word
        else:
            assert len(hits) == 1 and hits[0].trig.sub_event == sub, word


def test_numbers_in_digits_and_words():
    k = [tkey(w) for w in "اثني عشر سجيناً".split()]
    assert parse_number(k, 0) == (12, 2)
    assert parse_number([tkey("١٥")], 0) == (15, 1)
    k = [tkey(w) for w in "خمسة وعشرين".split()]
    assert parse_number(k, 0) == (25, 2)
    assert parse_number([tkey("مدينة")], 0) is None


# -- typing, participants, fatalities ---------------------------------------------------------------------------

def test_suicide_bombing_with_its_dead_and_place():
    e, doc = one("قتل ثلاثة جنود في هجوم انتحاري استهدف نقطة تفتيش في مدينة الرمادي أمس.")
    assert (e.event_type, e.sub_event_type, e.plover, e.modality) == (
        "Explosions/Remote violence", "Suicide bomb", "ASSAULT", "asserted")
    assert e.fatalities == 3
    assert e.location and e.location["text"].endswith("الرمادي") and e.location["country"] == "IQ"
    assert e.date == {"start": e.date["start"], "end": e.date["end"], "text": "أمس", "value": "2015-07-20",
                      "precision": 1, "from": "text"}


def test_air_strike_by_a_named_actor_on_a_named_person():
    e, _ = one("أعلنت القيادة المركزية الأمريكية أنها قتلت قياديا في تنظيم داعش بغارة جوية في الرقة.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1["kb_id"] == "us.centcom" and e.actor1["inter"] == 8
    assert e.location["text"] == "الرقة"


def test_vague_counts_are_coded_as_acled_does_with_their_range():
    e, _ = one("قتل عشرات المدنيين في قصف استهدف سوقا شعبيا في حلب.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.fatalities == 12 and e.fatalities_range == [20, 99]
    assert e.actor2["kind"] == "civilian" and e.actor2["inter"] == 7


def test_clashes_between_two_armed_sides():
    e, _ = one("اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحين في ريف درعا.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_protests_and_interventions():
    e, _ = one("تظاهر آلاف الطلاب في بغداد احتجاجا على تردي الخدمات.")
    assert (e.event_type, e.sub_event_type, e.plover) == ("Protests", "Peaceful protest", "PROTEST")
    evs, _ = events("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع أمام مبنى البرلمان في عمان.")
    assert any(x.sub_event_type == "Protest with intervention" for x in evs)


def test_arrests_and_mobilisation_are_strategic_developments():
    e, _ = one("اعتقلت قوات الأمن خمسة مشتبه بهم في مدينة الموصل.")
    assert (e.event_type, e.sub_event_type, e.plover) == ("Strategic developments", "Arrests", "COERCE")
    e, _ = one("دفعت تركيا بتعزيزات عسكرية ودبابات إلى الحدود مع سوريا.")
    assert (e.sub_event_type, e.plover) == ("Change to group/activity", "MOBILIZE")


# -- what did not happen ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,modality", [
    ("وهدد التنظيم بشن هجمات على المدن الكبرى.", "threat"),
    ("وسيتم استهداف قادة التنظيم في الوقت المناسب.", "threat"),
    ("ونفى الجيش أن يكون قد قصف المدينة.", "negated"),
    ("ودعت النقابات إلى التظاهر أمام البرلمان.", "call"),
    ("ويخطط التنظيم لتنفيذ تفجيرات في العاصمة.", "plan"),
])
def test_threats_denials_calls_and_plans_are_not_coded_as_events(text, modality):
    evs, _ = events(text)
    assert evs and all(e.modality != "asserted" and e.event_type is None for e in evs), \
        [(e.trigger, e.modality) for e in evs]
    assert modality in {e.modality for e in evs}


@pytest.mark.parametrize("text", [
    "لقي ثلاثة أشخاص مصرعهم في حادث مروري على طريق الرياض.",
    "أصيب اللاعب في المباراة وغاب عن التدريبات.",
    "تشارك المملكة في جهود مكافحة الإرهاب.",
    "شن الكاتب هجوما لاذعا على الصحيفة.",
    "احتجت وزارة الخارجية على تصريحات السفير.",
])
def test_accidents_sport_policy_and_verbal_attacks_are_not_events(text):
    evs, _ = events(text)
    assert not [e for e in evs if e.modality == "asserted" and e.plover in ("ASSAULT", "PROTEST")], \
        [(e.trigger, e.sub_event_type) for e in evs]


def test_an_event_dated_years_before_publication_is_background():
    e, _ = one("وكانت قوات التحالف قد قتلت زعيم التنظيم بغارة جوية في إدلب في أكتوبر 2019.", "2023-06-15")
    assert e.background and e.date["value"] == "2019-10"
    e, _ = one("قتلت قوات التحالف قياديا في التنظيم بغارة جوية في إدلب أمس.", "2023-06-15")
    assert not e.background


# -- the example article ----------------------------------------------------------------------------------------

def test_example_article_events(example):
    evs = example.events
    by = {example.text[e.start:e.end]: e for e in evs}
    strike = next(e for e in evs if e.sub_event_type == "Air/drone strike")
    assert strike.modality == "asserted" and not strike.background
    assert strike.actor1["kb_id"] == "us.centcom" and "الجنابي" in strike.actor2["text"]
    assert strike.location["text"] == "عفرين" and strike.fatalities == 1
    assert strike.source == "القيادة المركزية الأمريكية"
    baghuz = next(e for e in evs if e.location and e.location["text"] == "الباغوز")
    assert baghuz.event_type == "Battles" and baghuz.background and baghuz.date["value"] == "2019-03"
    assert baghuz.actor1["kb_id"] == "sy.sdf" and baghuz.actor2["kb_id"] == "sy.isis"
    baghdadi = next(e for e in evs if e.actor2 and "البغدادي" in e.actor2["text"])
    assert baghdadi.background and baghdadi.location["text"] == "إدلب" and baghdadi.date["value"] == "2019-10"
    qurashi = next(e for e in evs if e.actor2 and "القرشي" in e.actor2["text"])
    assert qurashi.background and qurashi.date["value"] == "2022-02" and qurashi.fatalities == 1
    escape = by["فرار"]
    assert (escape.event_type, escape.sub_event_type) == ("Strategic developments", "Other")
    assert "اثني عشر" in escape.actor1["text"] and escape.date["value"] == "2023-03"
    assert escape.location["text"].startswith("عفرين") and not escape.background
    mobilize = next(e for e in evs if e.plover == "MOBILIZE")
    assert mobilize.actor1["kb_id"] == "tr" and mobilize.sub_event_type == "Change to group/activity"
    threat = next(e for e in evs if e.modality == "threat")
    assert threat.plover == "THREATEN" and threat.event_type is None and threat.location["text"] == "عفرين"
    assert {p["name"] for p in threat.places} >= {"‘Afrīn", "Jarābulus", "Al Bāb"}
    assert threat.source_type == "anonymous_source"
    # nothing in the article is coded as a protest, and no threat is exported as an event
    assert not [e for e in evs if e.plover == "PROTEST"]
    validate(example.to_dict())


def test_events_round_trip_through_json(example):
    back = type(example).from_json(example.to_json())
    assert back.events == example.events


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["قتل", "ثلاثة", "جنود", "في", "هجوم", "على", "مظاهرة", "بغداد", "،", "سيتم",
                                 "استهداف", "قوات", "الأمن", "اعتقلت", "أمس", "و", "غارة", "جوية", "نفى"]),
                min_size=1, max_size=25))
def test_event_spans_point_into_the_original_text(words):
    text = " ".join(words)
    doc = khabar.analyze(text, published="2015-07-21", stages=NO_TIMES)
    for e in doc.events:
        assert 0 <= e.start < e.end <= len(text)
        for part in (e.actor1, e.actor2, e.location):
            if part:
                assert text[part["start"]:part["end"]] == part["text"]
        assert e.event_type is None or e.sub_event_type in ACLED_TYPES[e.event_type]


# -- exports ----------------------------------------------------------------------------------------------------

def test_acled_csv_has_acled_columns_and_only_reported_events(example):
    rows = list(csv.DictReader(io.StringIO(acled_csv(example))))
    assert rows and list(rows[0].keys()) == ACLED_COLUMNS
    assert len(rows) == len([e for e in example.events if e.modality == "asserted" and e.event_type])
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert strike["country"] == "Syria" and strike["iso"] == "760" and strike["fatalities"] == "1"
    assert float(strike["latitude"]) == pytest.approx(36.5, abs=0.2)
    assert "background" in next(r for r in rows if r["location"] == "Al-Baghuz Fawqani")["tags"]
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(acled_csv(example)))
    assert list(df.columns) == ACLED_COLUMNS and len(df) == len(rows)


def test_geojson_is_a_feature_collection_of_points(example, tmp_path):
    g = json.loads(json.dumps(geojson([example]), ensure_ascii=False))
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    frame = gpd.read_file(path)
    assert len(frame) == len(g["features"]) and str(frame.crs).endswith("4326")
    assert "Air/drone strike" in set(frame["sub_event_type"])
    assert g["type"] == "FeatureCollection" and g["features"]
    for f in g["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["event_type"] in ACLED_TYPES


def _khabar(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, timeout=300)


def test_cli_exports_acled_csv_and_geojson():
    r = _khabar("analyze", str(EXAMPLE), "--published", "2023-06-15", "--format", "acled-csv")
    assert r.returncode == 0, r.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert rows and "Air/drone strike" in {x["sub_event_type"] for x in rows}
    r = _khabar("analyze", str(EXAMPLE), "--published", "2023-06-15", "--format", "geojson")
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout.decode())["type"] == "FeatureCollection"
    r = _khabar("analyze", str(EXAMPLE), "--published", "2023-06-15")
    assert "Events (" in r.stdout.decode() and "Air/drone strike" in r.stdout.decode()


def test_cli_eval_events_on_the_development_set():
    r = _khabar("eval", "events", "--no-gsr", "--dev", str(ROOT / "evaluation_data" / "events_dev"), "--limit", "40")
    assert r.returncode == 0, r.stderr.decode()
    result = json.loads(r.stdout.decode().strip().splitlines()[-1])
    for kind in ("ASSAULT", "PROTEST"):
        d = result["dev"][kind]["detection"]
        assert d["sentences"] > 30 and 0.0 <= d["f1"] <= 1.0
        assert d["tp"] + d["fn"] == d["yes"]
    assert result["dev"]["ASSAULT"]["detection"]["yes"] > 5


@functools.lru_cache(maxsize=1)
def _fast_context():
    from dataclasses import replace

    from khabar.pipeline import Context

    return replace(Context.default(), techniques=False)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_unicode_runs_through_every_stage_without_a_stage_failure(text):
    doc = khabar.analyze("قتل ثلاثة جنود أمس في بغداد. " + text, published="2015-07-21", ctx=_fast_context())
    assert not [i for i in doc.issues if i.level == "error" or i.code == "sentence_failed"], doc.issues
