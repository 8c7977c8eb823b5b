"""Episodes: one event told in several sentences shares the date the article states for it.

Articles and events are built by hand (no model): a sentence's tokens are its words, with the
lemma and part of speech the few tests need."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.episodes import date_by_document
from dyadwatch.model import Article, DateValue, ParsedArticle, Sentence, Token

PUBLISHED = "2004-02-11"
_LEMMAS = {"visited": "visit", "signed": "sign", "met": "meet", "discussed": "discuss", "praised": "praise",
           "ratified": "ratify", "accused": "accuse", "sign": "sign", "talks": "talk"}
_VERBS = {"visited", "signed", "met", "discussed", "praised", "ratified", "accused", "sign"}


def _article(*texts: str, published: str | None = PUBLISHED) -> ParsedArticle:
    """An article of these sentences, one after the other, with a token per word."""
    sentences, start, i = [], 0, 0
    for index, text in enumerate(texts):
        tokens = []
        for word in re.finditer(r"[\w'-]+|[^\w\s]", text):
            lemma = _LEMMAS.get(word.group(), word.group().lower())
            pos = "VERB" if word.group() in _VERBS else "NOUN"
            tokens.append(Token(i, word.group(), lemma, pos, "", "", i, start + word.start()))
            i += 1
        sentences.append(Sentence(index, start, start + len(text), text, tuple(tokens)))
        start += len(text) + 1
    text = " ".join(texts)
    day = DateValue(published, "day") if published else None
    return ParsedArticle(Article("a.txt", text, "a.txt", "txt", published=day), tuple(sentences))


def _told(make_event, parsed: ParsedArticle, number: int, trigger: str, **fields):
    """An event of sentence ``number`` (from 1), dated by the publication unless ``fields`` say otherwise."""
    sentence = parsed.sentences[number - 1]
    values = {"date": PUBLISHED, "date_precision": "day", "date_basis": "publication", "event_type": "CONSULT",
              "sentence": sentence.text, "span": (sentence.start, sentence.end), "trigger": trigger}
    values.update(fields)
    return make_event(f"e{number}-{trigger}", **values)


def _dated(make_event, parsed, number, trigger, date, precision="day", basis="relative", **fields):
    return _told(make_event, parsed, number, trigger, date=date, date_precision=precision, date_basis=basis,
                 **fields)


def _when(event) -> tuple[str | None, str | None, str]:
    return event.date, event.date_precision, event.date_basis


# --- a date stated once dates the other tellings --------------------------------------------------


def test_episodes_a_visit_dates_what_was_signed_during_it(make_event):
    parsed = _article("Aliyev visited Moscow on 6 February.", "During the visit four agreements were signed.")
    visit = _dated(make_event, parsed, 1, "visited", "2004-02-06", actor="AZE", recipient="RUS")
    signed = _told(make_event, parsed, 2, "signed", event_type="AGREE", actor="AZE", recipient="RUS")

    first, second = date_by_document(parsed, (visit, signed))

    assert first == visit
    assert _when(second) == ("2004-02-06", "day", "document")
    assert second.date_evidence == 'dated by sentence 1: "6 February" (visited)'
    assert second.id == signed.id and replace(second, date=signed.date, date_basis="publication",
                                              date_evidence=None) == signed


def test_episodes_sides_either_way_round_share_the_date(make_event):
    parsed = _article("Aliyev visited Moscow on 6 February.", "The two presidents discussed the Caspian Sea.")
    visit = _dated(make_event, parsed, 1, "visited", "2004-02-06", actor="AZE", recipient="RUS")
    talks = _told(make_event, parsed, 2, "discussed", actor="RUS", recipient="AZE")

    assert _when(date_by_document(parsed, (visit, talks))[1]) == ("2004-02-06", "day", "document")


@pytest.mark.parametrize(
    ("second", "fields"),
    [
        ("Armenia and Georgia signed a border agreement.", {"actor": "ARM", "recipient": "GEO"}),  # other sides
        ("Russia and Azerbaijan ratified the agreement.", {"trigger": "ratified"}),  # another act, no reference
        ("Before the visit, Russia and Azerbaijan signed a protocol.", {}),  # before is not during
        ("During the visit the two presidents signed the 1994 protocol again.", {}),  # its sentence names a date
        ("During the visit a treaty was signed.", {"modality": "future"}),  # not from a past event
        ("During the visit a treaty was signed.", {"modality": "hypothetical"}),
        ("During the visit a treaty was signed.", {"actor": "AZE", "recipient": ()}),  # one side only
    ],
)
def test_episodes_a_date_does_not_leak_to_another_event(make_event, second, fields):
    parsed = _article("Russia and Azerbaijan signed a gas agreement on 6 February during a visit.", second)
    signing = _dated(make_event, parsed, 1, "signed", "2004-02-06", event_type="AGREE")
    other = _told(make_event, parsed, 2, fields.pop("trigger", "signed"), event_type="AGREE", **fields)

    assert date_by_document(parsed, (signing, other))[1] == other


def test_episodes_an_event_with_its_own_date_keeps_it(make_event):
    parsed = _article("Putin met Aliyev on 6 February.", "On Tuesday the two presidents signed an agreement.")
    meeting = _dated(make_event, parsed, 1, "met", "2004-02-06")
    signing = _dated(make_event, parsed, 2, "signed", "2004-02-10", event_type="AGREE")

    assert date_by_document(parsed, (meeting, signing)) == (meeting, signing)


def test_episodes_a_negated_event_dates_nothing(make_event):
    parsed = _article("Putin did not meet Aliyev on 6 February.", "The two presidents discussed the Caspian Sea.")
    meeting = _dated(make_event, parsed, 1, "met", "2004-02-06", modality="negated")
    talks = _told(make_event, parsed, 2, "discussed")

    assert date_by_document(parsed, (meeting, talks))[1] == talks


def test_episodes_a_date_is_not_taken_across_another_date_for_the_same_sides(make_event):
    parsed = _article("Putin met Aliyev on 2 February.", "On 4 February Russia accused Azerbaijan of lying.",
                      "The two presidents discussed the Caspian Sea.")
    meeting = _dated(make_event, parsed, 1, "met", "2004-02-02")
    accusation = _dated(make_event, parsed, 2, "accused", "2004-02-04", event_type="ACCUSE")
    talks = _told(make_event, parsed, 3, "discussed")

    assert date_by_document(parsed, (meeting, accusation, talks))[2] == talks


def test_episodes_two_dates_as_near_leave_the_event_as_it_was(make_event):
    parsed = _article("Putin met Aliyev on 2 February.", "Putin and Aliyev discussed the Caspian Sea.",
                      "Putin met Aliyev on 6 February.")
    first, second = _dated(make_event, parsed, 1, "met", "2004-02-02"), _dated(make_event, parsed, 3, "met",
                                                                              "2004-02-06")
    talks = _told(make_event, parsed, 2, "discussed")

    assert date_by_document(parsed, (first, talks, second))[1] == talks


def test_episodes_the_same_kind_of_act_does_not_choose_between_two_occasions(make_event):
    parsed = _article("Putin met Aliyev today.", "Building on the August 2003 visit, Putin met Aliyev.",
                      "Putin and Aliyev discussed the Caspian Sea.")
    today = _dated(make_event, parsed, 1, "met", PUBLISHED)
    visit = _dated(make_event, parsed, 2, "visit", "2003-08", "month", "stated")
    talks = _told(make_event, parsed, 3, "discussed")

    assert date_by_document(parsed, (today, visit, talks))[2] == talks


@pytest.mark.parametrize(("ordinal", "expected"), [("first", "2004-02-02"), ("second", "2004-02-06"),
                                                   ("last", "2004-02-06"), ("third", None)])
def test_episodes_an_ordinal_picks_that_meeting(make_event, ordinal, expected):
    parsed = _article("Putin met Aliyev on 2 February.", "Putin met Aliyev on 6 February.",
                      f"At the {ordinal} meeting Putin and Aliyev signed a treaty.")
    events = (_dated(make_event, parsed, 1, "met", "2004-02-02"), _dated(make_event, parsed, 2, "met", "2004-02-06"),
              _told(make_event, parsed, 3, "signed", event_type="AGREE"))

    signing = date_by_document(parsed, events)[2]

    assert signing.date == (expected or PUBLISHED) and signing.date_basis == ("document" if expected else "publication")


def test_episodes_an_old_date_makes_an_asserted_event_historical(make_event):
    parsed = _article("In 1997 Aliyev visited Moscow.", "During that visit the two presidents signed a treaty.")
    visit = _dated(make_event, parsed, 1, "visited", "1997", "year", "stated", modality="historical")
    signing = _told(make_event, parsed, 2, "signed", event_type="AGREE")

    dated = date_by_document(parsed, (visit, signing))[1]

    assert (_when(dated), dated.modality) == (("1997", "year", "document"), "historical")


def test_episodes_a_past_event_is_not_dated_after_its_publication(make_event):
    parsed = _article("Putin visits Baku on 20 February.", "During the visit the two presidents signed a treaty.")
    visit = _dated(make_event, parsed, 1, "visits", "2004-02-20")  # (coded asserted by mistake)
    signing = _told(make_event, parsed, 2, "signed", event_type="AGREE")

    assert date_by_document(parsed, (visit, signing))[1] == signing


def test_episodes_what_saying_so_is_takes_no_date(make_event):
    parsed = _article("Putin met Aliyev on 6 February.", "The two presidents will sign a treaty.")
    meeting = _dated(make_event, parsed, 1, "met", "2004-02-06")
    future = _told(make_event, parsed, 2, "sign", event_type="AGREE", modality="future")
    promise = replace(future, id="promise", modality="asserted")

    assert date_by_document(parsed, (meeting, future, promise))[1:] == (future, promise)


# --- weeks -----------------------------------------------------------------------------------------


def test_episodes_an_event_dated_by_a_week_gets_the_week(make_event):
    parsed = _article("Last week's talks between Putin and Aliyev covered energy.")
    talks = _dated(make_event, parsed, 1, "talks", "2004-02", "month")  # as the events stage dates a week

    assert _when(date_by_document(parsed, (talks,))[0]) == ("2004-W06", "week", "relative")


def test_episodes_a_negated_event_dated_by_a_week_gets_the_week_and_dates_nothing(make_event):
    parsed = _article("Last week Putin did not meet Aliyev.", "The two presidents discussed the Caspian Sea.")
    meeting = _dated(make_event, parsed, 1, "meet", "2004-02", "month", modality="negated")
    talks = _told(make_event, parsed, 2, "discussed")

    week, after = date_by_document(parsed, (meeting, talks))

    assert _when(week) == ("2004-W06", "week", "relative") and after == talks


def test_episodes_a_week_is_narrowed_to_the_day_another_telling_gives(make_event):
    parsed = _article("Last week's talks between Putin and Aliyev covered energy.", "Putin met Aliyev on 3 February.",
                      "The two presidents discussed the Caspian Sea.")
    talks = _dated(make_event, parsed, 1, "talks", "2004-02", "month")
    meeting = _dated(make_event, parsed, 2, "met", "2004-02-03")
    follow_up = _told(make_event, parsed, 3, "discussed")

    narrowed, _, dated = date_by_document(parsed, (talks, meeting, follow_up))

    assert _when(narrowed) == ("2004-02-03", "day", "document")
    assert narrowed.date_evidence == 'the week 2004-W06 narrowed by sentence 2: "3 February" (met)'
    assert _when(dated) == ("2004-02-03", "day", "document")


@pytest.mark.parametrize(
    ("second", "days"),
    [
        ("Putin met Aliyev on 10 February.", ["2004-02-10"]),  # not in last week
        ("Putin met Aliyev on 3 February and on 5 February.", ["2004-02-03", "2004-02-05"]),  # two days
    ],
)
def test_episodes_a_week_stays_a_week_without_one_day_inside_it(make_event, second, days):
    parsed = _article("Last week's talks between Putin and Aliyev covered energy.", second)
    talks = _dated(make_event, parsed, 1, "talks", "2004-02", "month")
    meetings = [replace(_dated(make_event, parsed, 2, "met", day), id=day) for day in days]

    assert _when(date_by_document(parsed, (talks, *meetings))[0]) == ("2004-W06", "week", "relative")


def test_episodes_earlier_this_week_is_not_narrowed_to_the_day_of_publication(make_event):
    parsed = _article("Earlier this week Putin and Aliyev held talks.", "Today the two presidents signed a treaty.")
    talks = _dated(make_event, parsed, 1, "held", "2004-02", "month")
    signing = _dated(make_event, parsed, 2, "signed", PUBLISHED, event_type="AGREE")

    assert _when(date_by_document(parsed, (talks, signing))[0]) == ("2004-W07", "week", "relative")


# --- property: a past event is never dated after its publication ---------------------------------

_EXPRESSIONS = ["on 6 February", "last week", "earlier this week", "on Tuesday", "yesterday", "today",
                "on 28 February", "in March", "next week"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)),
       expression=st.sampled_from(_EXPRESSIONS), basis=st.sampled_from(["relative", "stated"]))
def test_episodes_a_past_event_is_never_dated_after_publication(make_event, published, expression, basis):
    from dyadwatch.dates import stated_dates

    parsed = _article(f"Putin visited Baku {expression}.", "During the visit the two presidents signed a treaty.",
                      published=published.isoformat())
    found = stated_dates(parsed.sentences[0], parsed.article.published, "future")  # even a date ahead
    if not found:
        return
    value = found[0].value
    month = DateValue((value.first_day + timedelta(days=3)).isoformat()[:7], "month") if value.precision == "week" \
        else value
    visit = _dated(make_event, parsed, 1, "visited", month.value, month.precision, basis)
    signing = _told(make_event, parsed, 2, "signed", event_type="AGREE", date=published.isoformat())

    for event in date_by_document(parsed, (visit, signing)):
        if event.date_basis == "document":
            assert DateValue(event.date, event.date_precision).first_day <= published
