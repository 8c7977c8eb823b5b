"""Golden actor cases (tests/golden/actor_cases.tsv): who each mention means on its date."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CASES = Path(__file__).parent / "golden" / "actor_cases.tsv"


def _cases():
    with CASES.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [pytest.param(row, id=f"{row['mention']}@{row['date'] or 'undated'}") for row in rows]


def test_actors_golden_has_at_least_sixty_cases():
    assert len(_cases()) >= 60


@pytest.mark.parametrize("case", _cases())
def test_actors_golden_case(resolve, case):
    mentions = [m for m in resolve(case["sentence"], case["date"] or None) if case["mention"] in m.actor.text]
    assert mentions, f"no mention of {case['mention']!r}"
    actor = mentions[-1].actor
    expected = tuple(None if case[k] == "-" else case[k] for k in ("entity_id", "country", "sector"))
    assert (actor.entity_id, actor.country, actor.sector) == expected, actor.evidence
    assert actor.evidence
