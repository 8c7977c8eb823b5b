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
