"""Episodes: the date an article states for an event also dates its other tellings.

One real event is often told in several sentences: "Aliyev visited Moscow on 6 February. During
the visit four agreements were signed. The two presidents also discussed ...". The events stage
dates each sentence on its own, so the signing gets the publication day. This pass reads the
whole document: an event dated only by its publication (basis ``publication``) that is another
telling of a dated event takes that date, with basis ``document`` and ``date_evidence`` naming the
sentence and the expression. An event dated by a week ("last week's talks") gets the week
(precision ``week``), and a day when another telling of it gives one inside that week.

Two tellings are of one event when, within ``REACH`` sentences, they have the same countries on
their sides (either way round, two at least), both happened or both are still to come, and

* they are the same act: same type, and triggers of one family ("visit", "talks" and "met" are
  one meeting; "signed" and "agreement" one signing; "ratified" is an act of its own); or
* the dated sentence tells the other's act again with its verb ("The agreements were signed
  during the visit on 6 February"); or
* the later one refers back: to the visit/talks/meeting/summit/negotiations of a meeting ("during
  the visit", "at the second meeting"), to "the two presidents" (or leaders, sides, ...), or it is
  a signing in the passive ("were signed") after a meeting.

Never: an event with a date of its own, or whose sentence names another date or places it before or
after a meeting ("before the visit", "since the talks"); a date across a
sentence that gives the same sides another date; a past event dated after its publication; a
hypothetical or negated event as the source of a date. "The first/second/last meeting" picks that
one of the meetings of its sides. Event ids do not change (they do not include the date).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .dates import Stated, own_expression, stated_dates
from .model import DateValue, Event, ParsedArticle, Sentence
from .timex import weekday_reading

STAGE = "dates.episodes.v1"
REACH = 6  # sentences between two tellings of one event
NARROWING_REACH = 12  # between a week and a day inside it (the week itself keeps the two close in time)
_PAST = {"asserted", "historical", "reported", "negated"}
_FAMILIES = {
    "meeting": {"meet", "meeting", "visit", "talk", "talks", "summit", "negotiate", "negotiation", "negotiations",
                "discuss", "discussion", "discussions", "consult", "consultation", "consultations", "host",
                "receive", "hold", "confer"},
    "signing": {"sign", "signing", "conclude", "agreement", "accord", "deal", "treaty", "memorandum"},
}
_FAMILY = {lemma: family for family, lemmas in _FAMILIES.items() for lemma in lemmas}
_MEETING = r"(?:visits?|talks|meetings?|summit|negotiations|consultations|discussions|round)"
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "latest": -1, "final": -1}
# "during the visit", "at the second meeting", "these talks"; not "before the visit", "since the talks"
_A_MEETING = (r"\b(?:the|this|that|these|those|his|her|their|its|\w+day's|last\s+week's)\s+"
              r"(?:(?P<ordinal>" + "|".join(_ORDINALS) + r")\s+)?"
              r"(?:(?:two|three|four)-day\s+|state\s+|official\s+)?" + _MEETING + r"\b")
_OTHER_TIME = r"\b(?:before|ahead\s+of|after|since|until|prior\s+to|following)\s+"
_BACK_TO_MEETING = re.compile(r"(?<!before )(?<!ahead of )(?<!after )(?<!since )(?<!until )(?<!prior to )"
                              r"(?<!following )" + _A_MEETING, re.I)
_AROUND_MEETING = re.compile(_OTHER_TIME + _A_MEETING, re.I)  # "before the visit": placed at another time
_BACK_TO_PARTNERS = re.compile(r"\b(?:the\s+(?:two\s+)?|both\s+)(?:presidents|leaders|sides|delegations|ministers"
                               r"|heads\s+of\s+state|premiers|governments)\b", re.I)
_LIGHT = {"hold", "make", "give", "take", "have", "do", "conduct", "carry", "launch", "issue", "express",
          "provide", "pay", "reach", "stage", "begin", "start", "continue", "open", "complete", "offer", "extend",
          "send", "say", "tell"}  # verbs that say too little to tell an act again
_SIGNED_PASSIVE = re.compile(r"\b(?:was|were|been)\s+(?:also\s+)?signed\b", re.I)


@dataclass(frozen=True)
class Dating:
    """Where a date comes from: a sentence (numbered from 0), its expression and the event it dates."""

    sentence: int
    stated: Stated
    trigger: str


@dataclass(frozen=True)
class Telling:
    """One coded event read as a telling of a real event."""

    position: int  # in the document's events
    sentence: int
    sides: frozenset[str]
    event_type: str
    lemma: str
    verb_lemmas: frozenset[str]  # the verbs of its sentence: what "tells the act again"
    tense: str  # "past", "future" or "" (neither gives nor takes a date)
    historical: bool  # two or more years before publication
    negated: bool  # did not happen: its date dates nothing else
    own: Dating | None  # the expression that dates it, when its own sentence does
    refers_to_meeting: str | None  # "" for "the talks", the ordinal for "the second meeting", None: no reference
    refers_to_partners: bool
    signed_passive: bool
    other_dates: tuple[DateValue, ...]  # every date its sentence names

    @property
    def family(self) -> str:
        return _FAMILY.get(self.lemma, self.lemma)

    @property
    def meeting(self) -> bool:
        """A meeting, or an act its sentence places at one ("during the visit, ... signed")."""
        return self.event_type == "CONSULT" or self.family == "meeting" or self.refers_to_meeting is not None

    @property
    def occasion(self) -> bool:
        """What "the two presidents" can refer back to: a meeting or a signing."""
        return self.meeting or self.family == "signing"


def date_by_document(parsed: ParsedArticle, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events of one document, each dated as the whole document dates it (see the module)."""
    published = parsed.article.published
    anchor = published.first_day if published and published.precision == "day" else None
    reading = weekday_reading(parsed.article.text, anchor)
    sentences = {s.start: s for s in parsed.sentences}
    unreal = {(e.span, e.trigger) for e in events if e.modality in ("future", "hypothetical")}
    tellings = [_telling(i, e, sentences.get(e.span[0]), published, reading, (e.span, e.trigger) in unreal)
                for i, e in enumerate(events)]
    result = list(events)
    datings = {t.position: t.own for t in tellings if t.own is not None and not t.negated}
    for telling in tellings:
        if telling.own is not None and telling.own.stated.value.precision == "week":
            week = result[telling.position] = _with_week(result[telling.position], telling.own.stated.value)
            day = _narrowing_day(telling, tellings, published)
            if day is not None:
                datings[telling.position] = day
                result[telling.position] = _dated(week, day, published, f"the week {week.date} narrowed by")
    for telling in tellings:
        donor = _donor(telling, tellings, datings, published) if events[telling.position].date_basis == (
            "publication") else None
        if donor is not None:
            result[telling.position] = _dated(result[telling.position], datings[donor.position], published,
                                              "dated by")
    return tuple(result)


def _telling(position: int, event: Event, sentence: Sentence | None, published: DateValue | None,
             reading: str, stance: bool) -> Telling:
    """``stance``: what saying so is (the promise of a future act, the threat of a hypothetical one)."""
    sides = frozenset(a.country for a in event.actor + event.recipient if a.country)
    tense = "past" if event.modality in _PAST else "future" if event.modality == "future" else ""
    if sentence is None or len(sides) < 2 or event.date is None or (stance and event.modality == "asserted"):
        tense = ""  # neither gives a date nor takes one
    elif event.date_basis == "publication" and _AROUND_MEETING.search(event.sentence):
        tense = ""  # "before the visit, ... signed": not on the visit's day
    token = next((t for t in sentence.tokens if t.text == event.trigger), None) if sentence else None
    found = _BACK_TO_MEETING.search(event.sentence)
    return Telling(
        position=position, sentence=sentence.index if sentence else -1, sides=sides, event_type=event.event_type,
        lemma=token.lemma.lower() if token else event.trigger.lower(),
        verb_lemmas=frozenset(t.lemma.lower() for t in sentence.tokens if t.pos == "VERB") if sentence else
        frozenset(),
        tense=tense, historical=event.modality == "historical", negated=event.modality == "negated",
        own=_own(event, sentence, published, reading) if sentence else None,
        refers_to_meeting=(found.group("ordinal") or "").lower() if found else None,
        refers_to_partners=bool(_BACK_TO_PARTNERS.search(event.sentence)),
        signed_passive=bool(_SIGNED_PASSIVE.search(event.sentence)),
        other_dates=tuple(s.value for s in stated_dates(sentence, published, tense or "past", reading))
        if sentence and tense else ())


def _own(event: Event, sentence: Sentence, published: DateValue | None, reading: str) -> Dating | None:
    """The expression of its own sentence that dates an event, if one does."""
    value = event.date_value
    if value is None or event.date_basis not in ("stated", "relative"):
        return None
    stated = own_expression(sentence, value, published, reading)
    return Dating(sentence.index, stated, event.trigger) if stated else None


def _one_event(told: Telling, dated: Telling, reach: int = REACH) -> bool:
    """Whether ``told`` and ``dated`` tell one event (sides, tense, reach and one of the three links)."""
    return _link(told, dated, reach) is not None


def _link(told: Telling, dated: Telling, reach: int = REACH) -> str | None:
    """How ``told`` and ``dated`` are one event: "reference" (one refers back to the other), "act"
    (the same act, or the act told again), or None."""
    if not told.tense or told.tense != dated.tense or told.sides != dated.sides or told.position == dated.position:
        return None
    if abs(told.sentence - dated.sentence) > reach:
        return None
    if _refers_back(told, dated) or _refers_back(dated, told):
        return "reference"
    if told.historical != dated.historical:  # an old act of one kind is another than today's: only a reference
        return None  # ("during that visit") joins them
    same_act = told.event_type == dated.event_type and told.family == dated.family
    told_again = (told.lemma in dated.verb_lemmas and told.lemma not in _LIGHT
                  and len(set(dated.other_dates)) == 1)  # "The agreements were signed during the visit on 6 May"
    return "act" if same_act or told_again else None


def _refers_back(later: Telling, earlier: Telling) -> bool:
    """'during the visit', 'the two presidents', 'were signed' after a meeting."""
    if later.sentence < earlier.sentence:
        return False
    if earlier.meeting and (later.refers_to_meeting is not None or (later.signed_passive and later.family ==
                                                                     "signing")):
        return True
    return later.refers_to_partners and later.sentence > earlier.sentence and earlier.occasion


def _donor(told: Telling, tellings: list[Telling], datings: dict[int, Dating],
           published: DateValue | None) -> Telling | None:
    """The dated telling of the same event that dates ``told``; None when there is none, or when two
    as near could be meant."""
    links = {t.position: _link(told, t) for t in tellings if t.position in datings}
    dated = [t for t in tellings if links.get(t.position)]
    if told.refers_to_meeting:  # "at the second meeting": that one of the dated meetings
        dated = _by_ordinal([t for t in dated if t.meeting], datings, _ORDINALS[told.refers_to_meeting])
    else:
        dated = [t for t in dated if not _crosses(told, t, tellings, datings)
                 and (links[t.position] == "reference" or not _disputed(told, t, tellings, datings))]
    fitting = [t for t in dated if _fits(told, datings[t.position].stated.value, published)]
    if not fitting:
        return None
    nearest = min(abs(t.sentence - told.sentence) for t in fitting)
    closest = [t for t in fitting if abs(t.sentence - told.sentence) == nearest]
    if len({datings[t.position].stated.value for t in closest}) > 1:
        return None
    return min(closest, key=lambda t: (t.sentence > told.sentence, t.position))


def _by_ordinal(meetings: list[Telling], datings: dict[int, Dating], ordinal: int) -> list[Telling]:
    """The tellings of the first, second, ... or last of the meetings by their dates in text order."""
    values: list[DateValue] = []
    for telling in sorted(meetings, key=lambda t: (t.sentence, t.position)):
        if datings[telling.position].stated.value not in values:
            values.append(datings[telling.position].stated.value)
    if not -len(values) <= ordinal < len(values):
        return []
    return [t for t in meetings if datings[t.position].stated.value == values[ordinal]]


def _fits(told: Telling, value: DateValue, published: DateValue | None) -> bool:
    """Its sentence names no other date, and a past event is not dated after its publication."""
    return all(other == value for other in told.other_dates) and _in_time(told, value, published)


def _in_time(told: Telling, value: DateValue, published: DateValue | None) -> bool:
    """A past event is not dated after its publication day."""
    return told.tense != "past" or published is None or value.first_day <= published.last_day


def _crosses(told: Telling, dated: Telling, tellings: list[Telling], datings: dict[int, Dating]) -> bool:
    """Whether a sentence between the two gives the same sides another date (one that neither holds
    the other's days nor lies within them)."""
    low, high = sorted((told.sentence, dated.sentence))
    value = datings[dated.position].stated.value
    return any(low < t.sentence < high and t.sides == told.sides and t.position in datings
               and _conflict(datings[t.position].stated.value, value) for t in tellings)


def _disputed(told: Telling, dated: Telling, tellings: list[Telling], datings: dict[int, Dating]) -> bool:
    """Whether another telling of the same sides within reach has another date: then the same kind of
    act, with nothing that refers back, does not say which occasion ``told`` belongs to ("Building
    on the August visit, ... The two leaders discussed ..." in a readout of a meeting today)."""
    value = datings[dated.position].stated.value
    return any(abs(t.sentence - told.sentence) <= REACH and t.sides == told.sides and t.position in datings
               and _conflict(datings[t.position].stated.value, value) for t in tellings)


def _conflict(one: DateValue, other: DateValue) -> bool:
    return not (one.holds(other) or other.holds(one))


def _narrowing_day(week: Telling, tellings: list[Telling], published: DateValue | None) -> Dating | None:
    """The one day inside a week-dated telling's week that another telling of the same event gives."""
    if week.own is None or not week.tense or week.negated:
        return None
    span, earlier = week.own.stated.value, week.own.stated.mod == "START"  # "earlier this week": before today
    days = {t.own.stated.value: t.own for t in tellings
            if t.own is not None and not t.negated and t.own.stated.value.precision == "day"
            and span.holds(t.own.stated.value)
            and _in_time(week, t.own.stated.value, published) and _one_event(week, t, NARROWING_REACH)
            and not (earlier and published is not None and t.own.stated.value.first_day >= published.first_day)}
    return next(iter(days.values())) if len(days) == 1 else None


def _with_week(event: Event, week: DateValue) -> Event:
    """An event the events stage dated by its week's month, with the week."""
    return dataclasses.replace(event, date=week.value, date_precision="week")


def _dated(event: Event, dating: Dating, published: DateValue | None, how: str) -> Event:
    value = dating.stated.value
    historical = event.modality == "asserted" and published is not None and published.year - value.year >= 2
    return dataclasses.replace(
        event, date=value.value, date_precision=value.precision, date_basis="document",
        modality="historical" if historical else event.modality,
        date_evidence=f'{how} sentence {dating.sentence + 1}: "{dating.stated.text}" ({dating.trigger})')
