"""`dyadwatch actors lookup` (issue 18): the starred candidate is what the name resolves to, and a person
offered for a date outside every one of his terms is said to be so, and not starred."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.actors.persons import PersonIndex
from dyadwatch.cli import main
from dyadwatch.lexicon import Role
from dyadwatch.model import DateValue


def _lookup(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """The exit status and the lines an analyst reads."""
    status = main(["actors", "lookup", *args])
    return status, capsys.readouterr().out.splitlines()


def _starred(lines: list[str]) -> list[str]:
    """The entity ids of the starred candidates."""
    return [line.split()[1] for line in lines if line.startswith("  * ")]


def _resolved(lines: list[str]) -> list[str]:
    """What each "resolves to" line names: an entity id, or "nothing"."""
    found = [line for line in lines if line.startswith("resolves to: ")]
    return ["nothing" if line.startswith("resolves to: nothing") else line.split("[", 1)[1].split("]", 1)[0]
            for line in found]


def _role(ident: str, name: str, start: date, end: date | None) -> Role:
    return Role(f"person:{ident}", name, (name, name.split()[-1]), "XKX", "GOV", "Foreign Minister", start, end)


# --- the person index: what a pick says about the date (no model) ------------------------------


def test_lookup_pick_of_a_surname_before_every_term_says_so_and_not_nearest_before():
    people = PersonIndex([_role("ana_pera", "Ana Pera", date(2020, 7, 16), None)])
    pick = people.pick("Pera", date(2015, 1, 1))
    assert pick is not None and pick.rule == "kb.surname_nearest"
    assert "nearest before" not in pick.evidence
    assert pick.outside_terms == "no term of Ana Pera covers 2015-01-01 (the tables know: Foreign Minister (XKX), " \
                                 "2020-07-16 to now)"
    assert pick.outside_terms in pick.evidence


def test_lookup_pick_of_a_name_after_its_terms_says_no_term_covers_the_day():
    people = PersonIndex([_role("ivo_kos", "Ivo Kos", date(2004, 4, 2), date(2020, 7, 16))])
    surname, full = people.pick("Kos", date(2021, 1, 1)), people.pick("Ivo Kos", date(2021, 1, 1))
    assert surname is not None and "the holder nearest before 2021-01-01; no term of Ivo Kos covers" in surname.evidence
    assert full is not None and full.rule == "kb.name" and "no term of Ivo Kos covers 2021-01-01" in full.evidence
    assert full.outside_terms is not None


def test_lookup_pick_in_office_or_without_a_date_has_no_outside_terms():
    people = PersonIndex([_role("ana_pera", "Ana Pera", date(2020, 7, 16), None)])
    held, undated = people.pick("Pera", date(2021, 1, 1)), people.pick("Pera", None)
    assert held is not None and held.outside_terms is None and held.rule == "kb.surname_at_date"
    assert undated is not None and undated.outside_terms is None and "no term" not in undated.evidence


# --- the command: the star and "resolves to" agree (loads spaCy) ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("when", [[], ["--date", "2021-05-01"]])
def test_lookup_pashinyan_starred_is_what_it_resolves_to(when, capsys):
    status, lines = _lookup(["Pashinyan", *when], capsys)
    assert status == 0
    assert _starred(lines) == ["person:nikol_pashinyan"]
    assert _resolved(lines) == ["person:nikol_pashinyan"]


@pytest.mark.slow
def test_lookup_bayramov_before_his_term_is_starred_as_he_resolves_and_said_to_be_out_of_office(capsys):
    status, lines = _lookup(["Bayramov", "--date", "2015-01-01"], capsys)
    text = "\n".join(lines)
    assert status == 0 and _starred(lines) == _resolved(lines) == ["person:jeyhun_bayramov"]
    assert ("note: the starred person holds no office on that date: no term of Jeyhun Bayramov covers "
            "2015-01-01") in text
    assert "Foreign Minister (AZE), 2020-07-16 to now" in text
    assert "nearest before" not in text


@pytest.mark.slow
def test_lookup_bayramov_in_his_term_is_starred_and_resolves_to_him(capsys):
    status, lines = _lookup(["Bayramov", "--date", "2021-01-01"], capsys)
    assert status == 0
    assert _starred(lines) == _resolved(lines) == ["person:jeyhun_bayramov"]
    assert not any(line.startswith("nothing is starred") for line in lines)


@pytest.mark.slow
def test_lookup_stars_only_the_one_it_resolves_to_of_two_in_office(capsys):
    status, lines = _lookup(["Ivanov", "--date", "2002-06-01"], capsys)
    assert status == 0
    assert _starred(lines) == _resolved(lines) == ["person:igor_ivanov"]
    assert any("person:sergei_ivanov" in line and line.endswith("also in office then") for line in lines)


@pytest.mark.slow
def test_lookup_of_a_name_read_as_a_country_stars_no_person(capsys):
    status, lines = _lookup(["Cameroon", "--date", "2012-01-01"], capsys)
    assert status == 0 and _starred(lines) == [] and _resolved(lines) == ["country:CMR"]
    assert any(line.startswith("nothing is starred: here the words read as Cameroon") for line in lines)


@pytest.mark.slow
def test_lookup_of_a_title_is_unchanged(capsys):
    status, lines = _lookup(["the Russian foreign minister", "--date", "2010-05-01"], capsys)
    assert status == 0 and _starred(lines) == [] and _resolved(lines) == ["person:sergey_lavrov"]


@pytest.mark.slow
def test_lookup_reads_a_surname_as_running_text_does(coder, resolve):
    found = coder.lookup("Bayramov", DateValue("2021-01-01", "day"))
    [mention] = [m for m in resolve("Bayramov said the talks went well.", "2021-01-01") if m.kind == "person"]
    assert [m.actor for m in found.mentions] == [mention.actor]
    assert found.pick is not None and found.pick.entity_id == "person:jeyhun_bayramov"


@pytest.mark.slow
def test_lookup_of_a_lone_word_the_tagger_misses_is_read_as_the_name(coder, resolve):
    found = coder.lookup("Pashinyan", DateValue("2021-05-01", "day"))
    [mention] = [m for m in resolve("Pashinyan said the talks went well.", "2021-05-01") if m.kind == "person"]
    assert [m.actor for m in found.mentions] == [mention.actor]
    assert found.note is not None and "not tagged as a name" in found.note
    assert found.pick is not None and found.pick.entity_id == "person:nikol_pashinyan"

