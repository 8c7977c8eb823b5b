"""Actors v1 on parsed sentences written for these tests (needs the spaCy model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_text(mentions):
    return {m.actor.text: m for m in mentions}


@pytest.mark.parametrize(
    ("text", "published", "mention", "country", "sector", "entity_id"),
    [
        ("Russian Defence Minister Sergei Ivanov met Azerbaijani officials.", "2004-02-06",
         "Sergei Ivanov", "RUS", "GOV", "person:sergei_ivanov"),
        ("Aliyev met Putin in Moscow.", "2002-01-25", "Aliyev", "AZE", "GOV", "person:heydar_aliyev"),
        ("Aliyev met Putin in Moscow.", "2004-02-06", "Aliyev", "AZE", "GOV", "person:ilham_aliyev"),
        ("Putin laid a wreath at the grave of Heydar Aliyev.", "2024-08-19", "Heydar Aliyev", "AZE", "GOV",
         "person:heydar_aliyev"),
        ("Heidar Aliiev received the Russian delegation.", "2001-01-09", "Heidar Aliiev", "AZE", "GOV",
         "person:heydar_aliyev"),
        ("The Kremlin criticised the decision.", "2013-05-01", "Kremlin", "RUS", "GOV", "country:RUS"),
        ("Russian troops left the region.", "2024-04-17", "Russian troops", "RUS", "MIL", "country:RUS"),
        ("SOCAR signed a contract with LUKOIL.", "1997-07-03", "SOCAR", "AZE", "BUS", "org:SOCAR"),
        ("The OSCE Minsk Group met in Vienna.", "2005-03-01", "OSCE Minsk Group", "MINSK", "IGO", "igo:MINSK"),
        ("The Azerbaijani president spoke to reporters.", "2010-06-01", "Azerbaijani president", "AZE", "GOV",
         "person:ilham_aliyev"),
    ],
)
def test_actors_resolve_mentions(resolve, text, published, mention, country, sector, entity_id):
    found = _by_text(resolve(text, published))
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    actor = found[mention].actor
    assert (actor.country, actor.sector, actor.entity_id) == (country, sector, entity_id)
    assert actor.rule and 0 < actor.confidence <= 1


def test_actors_title_given_by_text_is_learned_for_the_document(resolve):
    mentions = resolve("Azerbaijani Deputy Foreign Minister Lala Mirzayeva spoke in Baku on Monday. "
                       "Mirzayeva later met the press.", "2013-07-01")
    people = [m.actor for m in mentions if m.kind == "person"]
    assert [(a.text, a.country, a.sector, a.rule) for a in people] == [
        ("Lala Mirzayeva", "AZE", "GOV", "title"),
        ("Mirzayeva", "AZE", "GOV", "document"),
    ]


def test_actors_capital_after_in_is_a_place_not_an_actor(resolve):
    mentions = resolve("Officials from both countries met in Baku.", "2010-01-01")
    baku = [m for m in mentions if m.actor.text == "Baku"]
    assert [m.kind for m in baku] == ["place"]


def test_actors_capital_as_subject_is_the_government(resolve):
    mentions = _by_text(resolve("Baku protested to Moscow.", "2010-01-01"))
    assert (mentions["Baku"].actor.country, mentions["Baku"].actor.sector) == ("AZE", "GOV")
    assert mentions["Moscow"].actor.country == "RUS"


def test_actors_unknown_official_takes_the_only_country_the_sentence_names(resolve):
    lone = _by_text(resolve("Opposition groups in Zimbabwe demanded that President Robert Mugabe resign.",
                            "2005-01-01"))["Robert Mugabe"].actor
    assert (lone.country, lone.rule, lone.confidence) == ("ZWE", "context.only-country", 0.5)
    assert "only country" in lone.evidence
    two = _by_text(resolve("Zimbabwe and Zambia said President Robert Mugabe would attend.", "2005-01-01"))
    assert two["Robert Mugabe"].actor.country is None  # two countries named: no guess


def test_actors_adjective_of_an_act_names_the_state(resolve):
    mentions = resolve("Yerevan rejected a Russian proposal.", "2010-01-01")
    assert [(m.actor.text, m.actor.country, m.actor.sector) for m in mentions if m.actor.text == "Russian"] == [
        ("Russian", "RUS", "GOV")]


def test_actors_adjective_alone_is_not_an_actor(resolve):
    mentions = resolve("The Russian lease of the station ended.", "2012-12-10")
    assert [m.actor.text for m in mentions] == []


@pytest.mark.parametrize(
    "text",
    ["Officials in Austin, Texas, lifted the ban.", "The summit was held in Austin.", "A ban on imports began."],
)
def test_actors_bare_surname_in_a_place_phrase_is_not_a_person(resolve, text):
    assert [m.actor.entity_id for m in resolve(text, "2022-01-01") if m.kind == "person"] == []


def test_actors_leader_means_the_office_that_leads_the_country(resolve):
    def leader(text, day):
        return [m.actor.entity_id for m in resolve(text, day) if m.kind == "person"]

    assert leader("The Armenian leader spoke.", "2015-01-01") == ["person:serzh_sargsyan"]
    assert leader("The Armenian leader spoke.", "2021-01-11") == ["person:nikol_pashinyan"]


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Algerian landowners began a hunger strike.", "Algerian landowners", "DZA"),
    ("Georgian engineers left the plant.", "Georgian engineers", "GEO"),
])
def test_actors_demonym_before_people_names_a_group_of_that_country(resolve, text, phrase, country):
    groups = [(m.actor.text, m.actor.country, m.actor.sector) for m in resolve(text, "2010-01-01")]
    assert (phrase, country, "CVL") in groups


def test_actors_demonym_before_things_names_no_group(resolve):
    assert [m.actor.text for m in resolve("Russian computers and Turkish borders were new.", "2010-01-01")] == []


def test_actors_title_of_an_international_organisation_makes_an_igo_official(resolve):
    people = {m.actor.text: m.actor for m in resolve("Arab League Secretary General Chadli Klibi met U.N. mediator "
                                                     "Diego Cordovez.", "1988-01-01") if m.kind == "person"}
    assert (people["Chadli Klibi"].country, people["Chadli Klibi"].sector) == ("ARAB", "IGO")
    assert (people["Diego Cordovez"].country, people["Diego Cordovez"].sector) == ("UN", "IGO")
