"""Event dates as the whole article gives them, on the hand-written cases of
``tests/golden/document_dates.json``, through the real pipeline (spaCy model: slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.model import Article, DateValue

CASES = json.loads((Path(__file__).parent / "golden" / "document_dates.json").read_text(encoding="utf-8"))["cases"]
ROWS = [(case, expected) for case in CASES for expected in case["expect"]]


def test_episodes_golden_cases_are_well_formed():
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case, expected in ROWS:
        assert expected["basis"] in ("stated", "relative", "document", "publication"), case["id"]
        assert (expected["evidence"] is None) == (expected["basis"] != "document"), case["id"]
    assert sum(case["rule"].startswith("must not") for case in CASES) >= 6


@pytest.mark.slow
@pytest.mark.parametrize(("case", "expected"), ROWS,
                         ids=[f"{case['id']}-s{e['sentence']}-{e['trigger']}" for case, e in ROWS])
def test_episodes_golden_event_has_the_date_the_article_gives(coder, case, expected):
    article = Article("case.txt", case["text"], "case.txt", "txt", published=DateValue(case["published"], "day"),
                      published_basis="supplied")
    parsed = coder.parser(article)
    number = {s.start: s.index + 1 for s in parsed.sentences}
    events = coder.code_parsed(parsed).events
    found = [e for e in events if e.trigger == expected["trigger"] and number[e.span[0]] == expected["sentence"]
             and e.date_basis != "unknown"]  # not what saying so is (a promise has no date of its own)

    assert found, f"no event '{expected['trigger']}' in sentence {expected['sentence']}: " + "; ".join(
        f"{e.trigger} (sentence {number[e.span[0]]})" for e in events)
    for event in found:
        got = (event.date, event.date_precision, event.date_basis)
        assert got == (expected["date"], expected["precision"], expected["basis"]), (case["rule"], event.sentence)
        if expected["evidence"] is None:
            assert event.date_evidence is None
        else:
            assert expected["evidence"] in (event.date_evidence or ""), event.date_evidence
        if "modality" in expected:
            assert event.modality == expected["modality"]
