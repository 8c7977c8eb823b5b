"""Events v1: type, sides, modality and date of sentences written for these tests (needs the model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _sides(event):
    return ({a.country for a in event.actor}, {a.country for a in event.recipient})


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient", "modality"),
    [
        ("Russia and Azerbaijan signed a treaty on their state border.", "AGREE", "RUS", "AZE", "asserted"),
        ("Moscow accused Baku of sheltering rebels.", "ACCUSE", "RUS", "AZE", "asserted"),
        ("Azerbaijan did not sign the agreement with Russia.", "AGREE", "AZE", "RUS", "negated"),
        ("If Moscow imposes sanctions on Baku, trade will suffer.", "SANCTION", "RUS", "AZE", "hypothetical"),
        ("Putin will visit Baku next month.", "CONSULT", "RUS", "AZE", "future"),
        ("The Russian government imposed a visa regime on Georgia.", "SANCTION", "RUS", "GEO", "asserted"),
        ("Putin praised Aliyev for his courage.", "SUPPORT", "RUS", "AZE", "asserted"),
        ("Azerbaijani police arrested two Russian journalists.", "COERCE", "AZE", "RUS", "asserted"),
        ("Azerbaijan urged Russia to stop arms deliveries to Armenia.", "REQUEST", "AZE", "RUS", "asserted"),
        ("Turkey threatened Armenia with new sanctions.", "THREATEN", "TUR", "ARM", "asserted"),
        ("Putin and Aliyev discussed the Karabakh conflict.", "CONSULT", "RUS", "AZE", "asserted"),
        ("Russian peacekeepers withdrew from Azerbaijan.", "RETREAT", "RUS", "AZE", "asserted"),
        ("Baku apologised to Moscow for the incident.", "CONCEDE", "AZE", "RUS", "asserted"),
        ("Iran condemned the agreement between Russia and Azerbaijan.", "ACCUSE", "IRN", None, "asserted"),
    ],
)
def test_events_code_type_sides_and_modality(code, text, event_type, actor, recipient, modality):
    events = [e for e in code(text, "2004-02-11") if e.event_type == event_type]
    assert events, f"no {event_type} in {[e.event_type for e in code(text, '2004-02-11')]}"
    event = events[0]
    actors, recipients = _sides(event)
    assert actor in actors
    if recipient is not None:
        assert recipient in recipients
    assert event.modality == modality


def test_events_keep_the_verbatim_sentence_and_its_span(code):
    text = "Officials met on Monday. Russia and Azerbaijan signed a treaty on their border."
    event = code(text, "2010-09-03")[0]
    assert event.sentence == text[event.span[0]:event.span[1]]
    assert event.sentence.startswith("Russia and Azerbaijan signed")


@pytest.mark.parametrize(
    ("text", "published", "date", "basis", "modality"),
    [
        ("In 1997 Russia signed a treaty with Azerbaijan.", "2004-02-11", "1997", "stated", "historical"),
        ("Yesterday Russia signed a treaty with Azerbaijan.", "2004-02-11", "2004-02-10", "relative", "asserted"),
        ("In September Russia signed a treaty with Azerbaijan.", "2001-01-16", "2000-09", "relative", "asserted"),
        ("Russia signed a treaty with Azerbaijan.", "2004-02-11", "2004-02-11", "publication", "asserted"),
        ("Russia signed a treaty with Azerbaijan on 3 July 1997.", "1997-07-04", "1997-07-03", "stated", "asserted"),
        ("Russia signed a treaty with Azerbaijan.", None, None, "unknown", "asserted"),
    ],
)
def test_events_date_and_basis(code, text, published, date, basis, modality):
    event = next(e for e in code(text, published) if e.event_type == "AGREE")
    assert (event.date, event.date_basis, event.modality) == (date, basis, modality)


def test_events_ids_are_stable_and_distinct(code):
    text = "Moscow accused Baku of sheltering rebels. Baku rejected the claim from Moscow."
    first, second = code(text, "2004-02-11"), code(text, "2004-02-11")
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first)


def test_events_quad_intensity_and_cameo_follow_the_type(code):
    event = next(e for e in code("Azerbaijani forces attacked Armenian positions.", "2020-10-01")
                 if e.event_type == "ASSAULT")
    assert (event.quad_code, event.intensity, event.cameo) == (4, -10.0, "18")
