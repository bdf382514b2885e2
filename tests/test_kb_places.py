"""The gazetteer: GeoNames places, provinces resolved through their capitals, countries, curated places."""

from __future__ import annotations

from khabar.kb.places import kb_rows, load_gazetteer


def test_provinces_take_code_and_coordinates_from_their_capital():
    gaz = load_gazetteer()
    aleppo_city = gaz.places["geonames:170063"]
    province = gaz.places[f"admin1:SY.{aleppo_city.admin1}"]
    assert province.feature == "admin1" and province.geo_precision == 3
    assert (province.latitude, province.longitude) == (aleppo_city.latitude, aleppo_city.longitude)
    assert "حلب" in province.names_ar
    assert gaz.admin1_names[("SY", aleppo_city.admin1)][1] == "حلب"
    rows = kb_rows("places_admin1.tsv")
    resolved = sum(1 for r in rows if r["capital_geonameid"].isdigit())
    assert len(rows) >= 150 and resolved / len(rows) > 0.9


def test_countries_are_places_at_their_capital():
    gaz = load_gazetteer()
    sy = gaz.places["country:SY"]
    assert sy.feature == "country" and sy.geo_precision == 3 and "سوريا" in sy.names_ar
    assert gaz.capitals["SY"].name == "Damascus"


def test_every_place_has_sane_coordinates_and_a_source():
    for p in load_gazetteer().places.values():
        assert -90 <= p.latitude <= 90 and -180 <= p.longitude <= 180, p.id
        assert p.source, p.id
        if p.feature not in ("country", "admin1", "city", "capital"):
            assert p.precision_km > 0, p.id  # curated places say how precise they are


def test_curated_rows_are_complete():
    rows = kb_rows("places_curated.tsv")
    ids = [r["id"] for r in rows]
    assert len(ids) >= 100 and len(ids) == len(set(ids))
    for r in rows:
        assert r["id"].startswith("cur.") and r["name_ar"] and r["country"] and r["source"], r
        float(r["latitude"]), float(r["longitude"]), float(r["precision_km"])
