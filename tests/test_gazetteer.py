"""The gazetteer: names to entries with coordinates, from GeoNames, the actor tables and our own table."""

from __future__ import annotations

import pytest

from dyadwatch.gazetteer import Gazetteer
from dyadwatch.lexicon import LexiconError, load_lexicon


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(load_lexicon(None))


def _entries(gazetteer, name):
    return {(m.place.name, m.place.country, m.place.feature) for m in gazetteer.candidates(name)}


def test_gazetteer_a_name_of_two_countries_entries_gives_both(gazetteer):
    assert {("Georgia", "GEO", "country"), ("Georgia (U.S. state)", "USA", "region")} <= _entries(gazetteer, "Georgia")
    assert {("Tripoli", "LBY", "city"), ("Tripoli", "LBN", "city")} <= _entries(gazetteer, "Tripoli")


def test_gazetteer_spellings_of_one_city_are_one_entry(gazetteer):
    ganja = {m.place.geonameid for name in ("Ganja", "Gyandzha") for m in gazetteer.candidates(name)}
    stepanakert = {m.place.key for name in ("Stepanakert", "Khankendi", "Xankandi") for m in gazetteer.candidates(name)}

    assert ganja == {586523}
    assert stepanakert == {"146970"}


def test_gazetteer_regions_seas_and_facilities_come_from_our_table_with_coordinates(gazetteer):
    for name, feature in (("Nagorno-Karabakh", "region"), ("the Caucasus", "region"), ("Caspian Sea", "sea"),
                          ("Gabala radar station", "facility"), ("Donbass", "region")):
        [match] = gazetteer.candidates(name)
        assert match.place.feature == feature and match.named
        assert -90 <= match.place.lat <= 90 and -180 <= match.place.lon <= 180


def test_gazetteer_countries_have_their_geonames_id_our_name_and_a_centre(gazetteer):
    [russia] = [m.place for m in gazetteer.candidates("Russian Federation") if m.place.feature == "country"]
    kosovo = [m.place for m in gazetteer.candidates("Kosovo") if m.place.feature == "country"]

    assert (russia.name, russia.country, russia.geonameid) == ("Russia", "RUS", 2017370)
    assert 50 < russia.lat < 70
    assert kosovo and kosovo[0].lat is not None  # countryinfo has no point for it; our table has


def test_gazetteer_capitals_are_marked_and_come_before_namesakes(gazetteer):
    moscow = {m.place.country: m.place for m in gazetteer.candidates("Moscow")}

    assert moscow["RUS"].capital and not moscow["USA"].capital
    assert moscow["RUS"].prior > moscow["USA"].prior


def test_gazetteer_an_alternate_name_is_marked_as_one(gazetteer):
    """GeoNames' alternate names include old and mistaken ones: a match by one weighs less."""
    mexico = {m.place.feature: m.named for m in gazetteer.candidates("Mexico") if m.place.country == "MEX"}

    # "Mexico" is an alternate name of Mexico City; the State of México is ISO's own name for it
    assert mexico == {"country": True, "city": False, "region": True}


def test_gazetteer_unknown_names_have_no_entry(gazetteer):
    assert gazetteer.candidates("Zzyzxville") == ()


def _user_table(tmp_path, row):
    (tmp_path / "gazetteer.tsv").write_text(
        "code\tname\taliases\tcountry\tfeature\tlat\tlon\tgeonameid\tsource\n" + row + "\n", encoding="utf-8")
    return tmp_path


def test_gazetteer_a_users_table_adds_places(tmp_path):
    folder = _user_table(tmp_path, "CAMP\tCamp Bondsteel\tBondsteel\tXKX\tfacility\t42.36\t21.25\t\tmy notes")

    [match] = Gazetteer(load_lexicon(None), folder).candidates("Bondsteel")

    assert (match.place.key, match.place.country, match.place.lat) == ("CAMP", "XKX", 42.36)


@pytest.mark.parametrize(("row", "message"), [
    ("X\tX\t\t\tcity\tnorth\t20\t\t", "must be numbers"),
    ("X\tX\t\t\tcity\t95\t20\t\t", "not a point on Earth"),
    ("X\tX\t\t\ttown\t45\t20\t\t", "feature 'town' is not one of"),
    ("X\tX\t\t\tcity\t45\t20", "cells for 9 columns"),
])
def test_gazetteer_a_bad_row_of_a_users_table_is_an_error_naming_file_and_line(tmp_path, row, message):
    folder = _user_table(tmp_path, row)

    with pytest.raises(LexiconError, match=message) as error:
        Gazetteer(load_lexicon(None), folder)
    assert "gazetteer.tsv: line 2" in str(error.value)


def test_gazetteer_every_us_state_is_a_region_with_its_ap_abbreviation_and_division(gazetteer):
    for name, abbreviation, division in (("Tennessee", "Tenn.", "US.TN"), ("Massachusetts", "Mass.", "US.MA"),
                                         ("Georgia (U.S. state)", "Ga.", "US.GA")):
        [match] = gazetteer.candidates(abbreviation)
        assert (match.place.name, match.place.feature, match.place.within) == (name, "region", division)
        assert match.place.lat is not None and 18 < match.place.lat < 72  # the mean of its cities' points


def test_gazetteer_towns_know_their_division_and_continents_are_regions(gazetteer):
    alexandrias = {m.place.within for m in gazetteer.candidates("Alexandria") if m.place.country == "USA"}
    [europe] = gazetteer.candidates("Europe")

    assert "US.VA" in alexandrias
    assert (europe.place.feature, europe.place.country, europe.place.geonameid) == ("region", None, 6255148)


def test_gazetteer_first_level_divisions_are_regions_known_by_name_only(gazetteer):
    [syunik] = gazetteer.candidates("Syunik")  # ISO writes "Syunik'"
    [tavush] = gazetteer.candidates("Tavush")  # and "Tavuš"
    kent = {(m.place.country, m.place.feature) for m in gazetteer.candidates("Kent")}

    assert (syunik.place.country, syunik.place.feature, syunik.place.lat) == ("ARM", "region", None)
    assert tavush.place.country == "ARM"
    assert ("GBR", "region") in kent  # a county of England, under its nation
    assert not gazetteer.candidates("Lakes")  # a state of South Sudan, and a common word


def test_gazetteer_a_town_comes_before_a_division_of_its_name_and_accents_do_not_matter(gazetteer):
    herat = gazetteer.candidates("Herat")
    best = max(herat, key=lambda m: m.place.prior - (not m.named))

    assert (best.place.feature, best.named) == ("city", True)  # GeoNames writes "Herāt"
    assert {m.place.feature for m in herat} == {"city", "region"}
