"""Where events happened: place names resolved in their document's context, and each event's location
taken from its sentence, else its dateline, else none (issue 17). The texts are written for the tests."""

from __future__ import annotations

import pytest

from dyadwatch.clean import clean
from dyadwatch.model import Article

pytestmark = pytest.mark.slow


def _coded(coder, text):
    parsed = coder.parser(clean(Article("t.txt", text, "t.txt", "txt")))
    mentions = coder.resolve(parsed)
    return coder.code.locate.places(parsed, mentions), coder.code_parsed(parsed).events


def _resolved(coder, text, name):
    places, _ = _coded(coder, text)
    return next(p.place for p in places if p.text == name)


def _location(coder, text, trigger):
    _, events = _coded(coder, text)
    return next(e.location for e in events if e.trigger == trigger)


@pytest.mark.parametrize(("text", "country", "feature"), [
    ("Georgia's parliament met in Tbilisi on Monday. Georgia signed a transit deal with Azerbaijan.", "GEO",
     "country"),
    ("The mayor of Atlanta said on Monday that Georgia would hold a recount. Voters in Savannah and Augusta "
     "queued for hours, the U.S. networks reported.", "USA", "region"),
])
def test_location_georgia_is_read_by_the_places_around_it(coder, text, country, feature):
    place = _resolved(coder, text, "Georgia")
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(("text", "country"), [
    ("Militias fought in Tripoli overnight. Libya's unity government blamed forces loyal to Benghazi.", "LBY"),
    ("Gunmen clashed in Tripoli overnight. Lebanon's army deployed in the city, officials in Beirut said.", "LBN"),
])
def test_location_tripoli_is_the_one_of_the_country_the_text_is_about(coder, text, country):
    assert _resolved(coder, text, "Tripoli").country == country


def test_location_two_spellings_of_one_city_are_one_entry(coder):
    places, _ = _coded(coder, "Azerbaijan took Stepanakert in 2023 and renamed it Khankendi.")
    entries = {p.text: p.place.key for p in places if p.place}
    assert entries["Stepanakert"] == entries["Khankendi"] == "146970"  # spaCy takes the first for a person


def test_location_is_where_the_sentence_says_with_its_precision(coder):
    text = "Azerbaijan said Armenian forces shelled positions near Tartar on 2 October 2020."
    near = _location(coder, text, "shelled")
    met = _location(coder, "Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in Sochi "
                           "on 22 October 2021.", "met")

    assert (near.name, near.country, near.precision, near.basis) == ("Tartar", "AZE", 2, "sentence")
    assert (met.name, met.feature, met.precision, met.geonameid) == ("Sochi", "city", 1, 491422)
    assert 43 < met.lat < 44 and 39 < met.lon < 40


def test_location_a_visit_is_located_where_it_goes(coder):
    place = _location(coder, "The Georgian prime minister visited Baku on 3 May 2022 and signed a transit deal "
                             "with Azerbaijan.", "visited")
    assert (place.name, place.country, place.basis) == ("Baku", "AZE", "sentence")


def test_location_falls_back_on_the_dateline_when_the_event_involves_its_country(coder):
    text = ("MOSCOW, April 14 (Reuters) - Russia's foreign minister accused Azerbaijan of breaking the truce. "
            "Armenia accused Azerbaijan of shelling its villages on Monday.")
    _, events = _coded(coder, text)
    by_russia, by_armenia = [e for e in events if e.trigger == "accused"]

    assert (by_russia.location.name, by_russia.location.basis) == ("Moscow", "dateline")
    assert by_armenia.location is None  # Russia is no side of it: the dateline says where the report was filed


def test_location_is_never_the_home_of_an_actor_by_default(coder):
    _, events = _coded(coder, "Moscow accused Baku of breaking the truce on 3 May 2022.")
    assert [e.location for e in events if e.trigger == "accused"] == [None]


def test_location_keeps_the_alternatives_when_the_text_cannot_decide(coder):
    place = _location(coder, "Gunmen attacked a convoy in Tripoli on 3 May 2022, killing four.", "attacked")
    assert place.name == "Tripoli" and place.alternatives  # Libya's or Lebanon's: nothing else in the text says


def _places(coder, text, title=None):
    parsed = coder.parser(clean(Article("t.txt", text, "t.txt", "txt", title=title)))
    return coder.code.locate.places(parsed, coder.resolve(parsed))


def _found(coder, text, title=None):
    return {p.text: p.place for p in _places(coder, text, title)}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Doctors who worked through the siege of Aleppo spoke at the meeting.", "Aleppo", "SYR"),
    ("Hospitals in Kandahar and Herat lost most of their staff within months.", "Herat", "AFG"),
    ("Migrants from Venezuela arrive through Cúcuta every day.", "Cúcuta", "COL"),
])
def test_location_a_known_name_where_a_place_stands_is_a_place_whatever_the_tagger_says(coder, text, name, country):
    assert _found(coder, text)[name].country == country  # spaCy tags these as a nationality or a company


def test_location_a_name_found_as_a_place_once_is_a_place_everywhere_in_the_text(coder):
    places = _places(coder, "Missiles hit homes in Gyandzha on 11 October 2020. Gyandzha buried its dead the "
                            "next day.")
    assert [(p.sentence, p.place.key) for p in places if p.text == "Gyandzha"] == [(0, "586523"), (1, "586523")]


def test_location_a_place_followed_by_the_place_it_lies_in_is_the_one_inside(coder):
    found = _found(coder, "The group is based in Alexandria, Va., and works with partners in Paris, Texas.")
    libyans = _found(coder, "Libyan and Lebanese officials met on Monday in Tripoli, Lebanon.")

    assert (found["Alexandria"].country, found["Alexandria"].within) == ("USA", "US.VA")
    assert (found["Paris"].country, found["Paris"].within) == ("USA", "US.TX")
    assert libyans["Tripoli"].country == "LBN"  # though Libya's capital is the bigger city of a country named


def test_location_a_state_named_in_the_text_decides_its_towns(coder):
    found = _found(coder, "ATLANTA (AP) — Storms swept across Georgia overnight, cutting power from Columbus to "
                          "Augusta. A tornado touched down outside Rome, and streets were closed in Athens.")
    assert {found[n].within for n in ("Georgia", "Columbus", "Rome", "Athens")} == {"US.GA"}  # not Columbus, Ohio


def test_location_a_place_the_gazetteer_lacks_takes_the_point_of_the_one_it_lies_in(coder):
    avenue = _found(coder, "Thousands of people rallied on Rustaveli Avenue in Tbilisi on 26 May 2023.")
    text = "Russia and Azerbaijan signed an agreement in Surfside, Florida, on 24 June 2021."
    town, florida = _found(coder, text)["Surfside"], _found(coder, text)["Florida"]
    event = _location(coder, text, "signed")

    assert avenue["Rustaveli Avenue"].approximate and not avenue["Tbilisi"].approximate
    assert (avenue["Rustaveli Avenue"].country, avenue["Rustaveli Avenue"].lat) == ("GEO", avenue["Tbilisi"].lat)
    assert town.approximate and (town.country, town.lat, town.lon) == ("USA", florida.lat, florida.lon)
    assert (event.name, event.country, event.precision) == ("Surfside", "USA", 2)  # not 1: the point is Florida's


def test_location_places_joined_in_one_word_are_each_found(coder):
    found = _found(coder, "The two leaders discussed U.S.-Australia defence ties on Sunday.")
    assert (found["U.S."].country, found["Australia"].country) == ("USA", "AUS")


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("Police arrested the driver of Paris Hilton on Monday.", "Paris"),
    ("He met the prime minister of the Kurdistan Regional Government on Monday.", "Kurdistan"),
    ("In March the ministers met again.", "March"),
    ("The Council of Europe adopted the text.", "Europe"),
])
def test_location_a_place_word_in_another_name_or_a_date_is_no_place(coder, text, not_a_place):
    assert not_a_place not in _found(coder, text)


@pytest.mark.parametrize(("text", "name", "wanted"), [
    ("The talks were about security in Europe and the Middle East.", "Europe", ("Europe", "region")),
    ("The talks were about security in Europe and the Middle East.", "Middle East", ("Middle East", "region")),
    ("Grain ships hug the coast on their way along the Dnipro River.", "Dnipro River", ("Dnieper", "river")),
    ("The talks took place at the Kremlin.", "Kremlin", ("Moscow Kremlin", "facility")),
    ("Fighting spread across the Homs province overnight.", "Homs", ("Homs", "city")),
])
def test_location_regions_rivers_and_seats_of_government_are_places(coder, text, name, wanted):
    place = _found(coder, text)[name]
    assert (place.name, place.feature) == wanted


def test_location_the_words_around_a_name_choose_the_kind_of_place(coder):
    station = _found(coder, "Russia stopped using the Gabala Radar Station in 2012.")
    city = _found(coder, "The railway will reach the city of Nakhchivan by 2026.")
    assert station["Gabala Radar Station"].feature == "facility"
    assert city["Nakhchivan"].feature == "city"  # not the exclave of that name


def test_location_a_headline_names_places_for_the_context_but_has_no_events(coder):
    places = _places(coder, "Gunmen clashed overnight near the port, a security source said.",
                     title="Clashes in Tripoli as Lebanon's army deploys")
    [tripoli] = [p for p in places if p.text == "Tripoli"]
    assert tripoli.title and tripoli.place.country == "LBN"


def test_location_a_dateline_without_a_country_gives_the_text_its_country(coder):
    found = _found(coder, "LONDON (Reuters) - Police in Kent said on Friday that officers from Essex had joined "
                          "the search.")
    assert (found["Kent"].country, found["Essex"].country) == ("GBR", "GBR")  # not Kent, Washington
