"""The hand-written gold set of who did what to whom (tests/golden/sides/): the file is valid, and the
coder's side accuracy stays at or above the floors in tests/golden/floors.json."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from golden_sides import GOLD, GoldError, code_gold, known_codes, load_gold, score

DOCS = load_gold(GOLD)
EVENTS = [event for doc in DOCS for event in doc.events]
FLOORS = json.loads((Path(__file__).parent / "golden" / "floors.json").read_text(encoding="utf-8"))


def test_sides_golden_set_is_large_and_mixed():
    kinds = Counter(doc.kind for doc in DOCS)
    assert len(DOCS) >= 45 and len(EVENTS) >= 170
    assert all(kinds[kind] >= 4 for kind in ("government", "state-media", "wire", "analysis"))
    assert len({doc.doc_id for doc in DOCS}) == len(DOCS)


def test_sides_golden_texts_are_short_news_texts():
    assert [doc.doc_id for doc in DOCS if not 60 <= len(doc.text.split()) <= 250] == []


def test_sides_golden_codes_are_known_countries_or_igos():
    codes = {code for event in EVENTS for code in event.actor | event.recipient}
    assert codes - known_codes() == set()


def test_sides_golden_every_modality_and_hard_case_is_present():
    assert {event.modality for event in EVENTS} == {"asserted", "negated", "hypothetical", "future", "historical",
                                                    "reported"}
    cases = Counter(case for event in EVENTS for case in event.cases)
    assert all(cases[case] >= 3 for case in ("location", "topic", "no-carry", "victim-attacker", "joint-exercise",
                                             "one-side-exercise", "offer", "prediction", "counterpart", "title-only",
                                             "pronoun", "two-sides", "passive", "date-elsewhere", "relative-week"))


def test_sides_golden_symmetric_only_where_direction_can_be_absent():
    assert {e.event_type for e in EVENTS if e.symmetric} <= {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"}


@pytest.mark.parametrize(("old", "new", "problem"), [
    ('"type": "CONSULT"', '"type": "MEET"', "type 'MEET' is not a PLOVER type"),
    ('"modality": "asserted"', '"modality": "certain"', "modality 'certain' is not one of"),
    ('"precision": "day"', '"precision": "week"', "is not one of 2004-02-06/day"),
    ('"kind": "wire"', '"kind": "blog"', "'kind' 'blog' is not one of"),
    ('"sentence": "', '"sentence": "not in the text ', "occurs 0 times in the text, not once"),
])
def test_sides_golden_reader_names_the_file_line_and_problem(tmp_path, old, new, problem):
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new, 1)
    bad = tmp_path / "gold.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(GoldError, match=rf"gold.jsonl: line {number + 1}: .*{problem}"):
        load_gold(bad)


# --- the coder on the gold set (loads the spaCy model) -------------------------------------------


@pytest.fixture(scope="module")
def report(coder):
    summary, predicted = code_gold(GOLD, coder)
    assert summary.rejects == []
    return score(DOCS, predicted)


@pytest.mark.slow
@pytest.mark.parametrize(("figure", "floor"), [("source_country", "sides_source_country"),
                                               ("target_country", "sides_target_country"),
                                               ("both_sides", "sides_both_sides")])
def test_sides_golden_figures_reach_their_floors(report, figure, floor):
    value = getattr(report.overall, figure)

    assert value >= FLOORS[floor], f"{figure} {value:.3f} < floor {FLOORS[floor]}"


@pytest.mark.slow
def test_sides_golden_every_document_is_coded(report):
    assert report.overall.gold == len(EVENTS) and report.overall.predicted > 0
