"""Golden test: the whole pipeline on the bundled demo corpus against hand-written expectations."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.pipeline import run
from dyadwatch.store import Store

pytestmark = pytest.mark.slow
GOLDEN = Path(__file__).parent / "golden"
SYMMETRIC = {"CONSULT", "AGREE"}


@pytest.fixture(scope="module")
def demo(coder):
    store = Store(":memory:")
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as corpus:
        summary = run([str(corpus)], store, coder=coder)
    yield summary, list(store.events()), {d["doc_id"]: d for d in store.documents()}
    store.close()


def _load(name):
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def _matches(event, expected):
    actors = {a.country for a in event.actor}
    recipients = {a.country for a in event.recipient}
    sides = expected["actor"] in actors and expected["recipient"] in recipients
    if expected["event_type"] in SYMMETRIC:
        sides = sides or (expected["actor"] in recipients and expected["recipient"] in actors)
    return (event.doc_id == expected["doc_id"] and event.event_type == expected["event_type"] and sides
            and (event.date or "").startswith(expected["date"])
            and event.modality == expected.get("modality", "asserted"))


def test_golden_demo_reads_every_document_without_rejects(demo):
    summary, _, documents = demo
    assert summary.rejects == []
    assert len(documents) == 21


def test_golden_demo_expected_events_reach_the_floor(demo):
    _, events, _ = demo
    expected = _load("demo_expected.json")["events"]
    missed = [e for e in expected if not any(_matches(event, e) for event in events)]
    recall = 1 - len(missed) / len(expected)
    floor = _load("floors.json")["demo_expected_recall"]
    assert recall >= floor, f"recall {recall:.2f} < floor {floor}; missed: {json.dumps(missed, indent=1)}"


def test_golden_demo_publication_dates_are_found(demo):
    _, _, documents = demo
    stated = _load("demo_expected.json")["publication_dates"]
    found = sum(1 for doc_id, day in stated.items() if documents[doc_id]["published"] == day)
    assert found / len(stated) >= _load("floors.json")["demo_publication_dates_found"]


def test_golden_demo_no_page_furniture_in_sentences(demo):
    _, events, _ = demo
    furniture = _load("demo_expected.json")["never_in_a_sentence"]
    assert [e.sentence for e in events if any(f in e.sentence for f in furniture)] == []


def test_golden_demo_no_event_after_its_publication_unless_future(demo):
    _, events, documents = demo
    late = [e for e in events if e.date_value and documents[e.doc_id]["published"] and e.modality != "future"
            and e.date_value.first_day.isoformat() > documents[e.doc_id]["published"]]  # a week: by its Monday
    assert late == []


def test_golden_demo_reports_of_one_event_share_a_cluster(demo):
    _, events, _ = demo
    assert all(e.doc_id in e.sources for e in events)
    assert all(e.link for e in events)
