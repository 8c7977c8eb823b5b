"""The typed, frozen records that flow between the stages of the pipeline.

Article → ParsedArticle (sentences with tokens) → Mention / Actor → Event.
Each record is immutable; a stage returns a new record instead of changing one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection
from dataclasses import InitVar, dataclass, field
from datetime import date, timedelta
from functools import cached_property

PRECISIONS = ("day", "week", "month", "year")  # most precise first
TIMESTAMP = "%Y-%m-%d %H:%M:%S"  # how times (UTC) are written: alerts, sources polled, retries
LINK_REACH_DAYS = 15  # no report of a day joins a cluster anchored farther back (link.py, relink.py)
MODALITIES = ("asserted", "negated", "hypothetical", "future", "reported", "historical")
# words by which a sentence tells of something done before it ("had signed", "were subsequently signed")
_LOOKING_BACK = re.compile(r"\b(?:had|subsequently|previously|earlier|already|formerly|once|since then)\b", re.I)
_SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


class DateValueError(ValueError):
    """A text that is not a date at one of the precisions (``2001``, ``2001-01``, ``2001-W02``, ``2001-01-10``)."""


@dataclass(frozen=True)
class DateValue:
    """A calendar date at a precision: ``2001``, ``2001-01``, ``2001-W02`` (an ISO 8601 week, Monday to
    Sunday) or ``2001-01-10``. It covers the days from ``first_day`` to ``last_day``; that span, not
    the text, is what dates compare and sort by."""

    value: str
    precision: str

    @classmethod
    def parse(cls, text: str, clamp: bool = False) -> DateValue:
        """``2001`` → year, ``2001-01`` → month, ``2001-W02`` → week, ``2001-01-10`` → day. With ``clamp``,
        a day past the end of its month is the month's last day and week 53 of a year of 52 weeks its
        last week (a filter's bound "up to 2001-02-30" means the end of February)."""
        for precision, shape in _SHAPES.items():
            if re.fullmatch(shape, text):
                value = cls(_clamped(text, precision) if clamp else text, precision)
                try:
                    value.last_day  # noqa: B018 (checks that the days exist)
                except (ValueError, OverflowError):
                    break
                return value
        raise DateValueError(f"'{text}' is not a date: write YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD")

    @property
    def year(self) -> int:
        """The year (for a week, the ISO year: the year of its Thursday)."""
        return int(self.value[:4])

    @property
    def first_day(self) -> date:
        if self.precision == "day":
            return date.fromisoformat(self.value)
        if self.precision == "week":
            return date.fromisocalendar(self.year, int(self.value[6:8]), 1)
        return date(self.year, int(self.value[5:7]) if self.precision == "month" else 1, 1)

    @property
    def last_day(self) -> date:
        first = self.first_day
        if self.precision == "week":
            return first + timedelta(days=6)
        if self.precision == "month":
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first if self.precision == "day" else date(first.year, 12, 31)

    @property
    def placing_day(self) -> date:
        """The day that places the date in a year, quarter or month: a week's Thursday (the day by which
        ISO 8601 gives a week its year), else the first day."""
        return self.first_day + timedelta(days=3) if self.precision == "week" else self.first_day

    def holds(self, other: DateValue) -> bool:
        """Whether every day of ``other`` is one of this date's days."""
        return self.first_day <= other.first_day and other.last_day <= self.last_day


def _clamped(text: str, precision: str) -> str:
    year = int(text[:4])
    if precision == "week" and text[6:] == "53" and 1 <= year <= 9999 and date(year, 12, 28).isocalendar()[1] == 52:
        return f"{text[:4]}-W52"
    if precision == "day" and year >= 1 and 1 <= int(text[5:7]) <= 12:
        last = calendar.monthrange(year, int(text[5:7]))[1]
        return text[:8] + f"{min(int(text[8:]), last):02d}"
    return text


class DyadError(ValueError):
    """A dyad that is not two codes joined by '-', or names a code no table or database knows."""


@dataclass(frozen=True)
class Dyad:
    """Two sides, each a country or organisation code: ``Dyad.parse("rus - aze")`` is RUS-AZE. An
    event is between them when one side is on each of its sides, either way round."""

    first: str
    second: str

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """Read ``AAA-BBB``; case and spaces around the codes do not matter."""
        parts = [part.strip() for part in text.split("-")]
        if len(parts) != 2 or not all(re.fullmatch(r"[A-Za-z]{2,6}", part) for part in parts):
            raise DyadError(f"dyad '{text}' should be two codes joined by '-', e.g. RUS-AZE")
        return cls(parts[0].upper(), parts[1].upper())

    def known_in(self, known: Collection[str], more: Callable[[], Collection[str]] | None = None) -> Dyad:
        """The dyad, if both its codes are among ``known`` or, asked only for a code that is not, those
        ``more`` gives (the codes of a database, which take a query to find); else a DyadError that
        names the others."""
        unknown = [code for code in self.codes if code not in known]
        if unknown and more is not None:
            found = more()
            unknown = [code for code in unknown if code not in found]
        if unknown:
            verb = "is not a code" if len(unknown) == 1 else "are not codes"
            raise DyadError(f"dyad {self}: {' and '.join(unknown)} {verb} of a country or organisation in the "
                            "tables or the database; codes are ISO 3166 alpha-3 (RUS, AZE) or an organisation's "
                            "(NATO, EU)")
        return self

    def __str__(self) -> str:
        return f"{self.first}-{self.second}"

    @property
    def codes(self) -> tuple[str, str]:
        return self.first, self.second

    def involves(self, event: Event) -> bool:
        """Whether ``event`` is between the two sides, either way round."""
        return self.between(countries(event.actor), countries(event.recipient))

    def between(self, actors: Collection[str], recipients: Collection[str]) -> bool:
        """Whether codes on one hand and on the other are the two sides, either way round."""
        return (self.first in actors and self.second in recipients) or (
            self.second in actors and self.first in recipients)


@dataclass(frozen=True)
class Article:
    """One document, from ingest (raw text) or after cleaning (story text only)."""

    doc_id: str
    text: str
    origin: str
    fmt: str
    title: str | None = None
    author: str | None = None
    published: DateValue | None = None
    published_basis: str | None = None  # "supplied", "metadata", "text" or "filename"
    url: str | None = None
    source: str | None = None
    dateline: str | None = None  # the place a dateline names ("TRIPOLI, Libya, March 3 (Reuters) -": "Tripoli, Libya")


@dataclass(frozen=True)
class Reject:
    """An input that could not be used, with the reason a user can act on."""

    origin: str
    reason: str
    stage: str
    doc_id: str | None = None


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int  # character offset in the cleaned article text
    ent: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Entity:
    label: str
    start: int  # token index, inclusive
    end: int  # token index, exclusive


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()

    def token(self, i: int) -> Token:
        return self.tokens[i - self.tokens[0].i]

    def children(self, i: int) -> tuple[Token, ...]:
        return self._children.get(i, ())

    @cached_property
    def _children(self) -> dict[int, tuple[Token, ...]]:
        """Each token's dependents in text order, found once per sentence (rules ask for them often)."""
        found: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                found.setdefault(t.head, []).append(t)
        return {head: tuple(kids) for head, kids in found.items()}

    def subtree(self, i: int) -> tuple[Token, ...]:
        """The token and every token that depends on it, in text order."""
        inside = {i}
        frontier = [i]
        while frontier:
            head = frontier.pop()
            for t in self.children(head):
                if t.i not in inside:
                    inside.add(t.i)
                    frontier.append(t.i)
        return tuple(t for t in self.tokens if t.i in inside)


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    sentences: tuple[Sentence, ...]
    title: tuple[Sentence, ...] = ()  # the document's title, parsed apart: who it names, not events


@dataclass(frozen=True)
class Actor:
    """A resolved participant; ``text`` is as written, the rest is what it means."""

    text: str
    name: str
    country: str | None
    sector: str | None
    entity_id: str | None
    rule: str
    confidence: float
    evidence: str = ""  # why this actor, in words: 'title "Russian Defense Minister" (sentence 4)'


def countries(actors: tuple[Actor, ...]) -> list[str]:
    """The distinct countries (or IGO codes) of a side, sorted."""
    return sorted({a.country for a in actors if a.country})


@dataclass(frozen=True)
class Mention:
    """An actor found in a sentence, at token positions ``start``..``end`` (exclusive)."""

    sentence: int
    start: int
    end: int
    actor: Actor
    kind: str  # "country", "capital", "seat", "igo", "org", "person", "group"


@dataclass(frozen=True)
class Location:
    """Where an event happened: the gazetteer entry its sentence (or the dateline) names. ``precision`` as
    ACLED's: 1 the town or facility itself, 2 near a named place or in a region, 3 a country or a sea.
    ``basis``: ``sentence`` (the sentence says where) or ``dateline`` (where the report was filed)."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # city, region, country, facility, sea
    precision: int | None = None
    basis: str = "sentence"
    alternatives: tuple[str, ...] = ()  # entries nearly as likely: "Tripoli, LBN (GeoNames 266826)"


@dataclass(frozen=True)
class MapPoint:
    """A place on a map of events: its key (what a click filters by: the GeoNames id, or the name), name,
    country, coordinates, and how many events there are in each quad class (1 to 4)."""

    key: str
    name: str
    country: str | None
    lat: float
    lon: float
    reports: tuple[int, int, int, int]


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded event. This is the one definition of its shape: the fields, in this order, are the
    export contract's (JSONL keys, CSV columns) and the API's event schema, all derived from it, and
    the store's ``events`` table holds one column for each (tests/test_store.py checks that)."""

    id: str
    doc_id: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    quad_code: int
    intensity: float
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    date: str | None
    date_precision: str | None
    date_basis: str
    date_evidence: str | None = None  # a date from another sentence: 'dated by sentence 1: "on 6 February" (visit)'
    modality: str
    sentence: str
    span: tuple[int, int]
    location: Location | None
    quote: str | None
    confidence: float
    link: str | None = None
    sources: tuple[str, ...] = ()
    coder: str
    trigger: str
    cameo: str

    @property
    def date_value(self) -> DateValue | None:
        return DateValue(self.date, self.date_precision or "day") if self.date else None


_Day = date  # a row's field is named "date": the type under another name


@dataclass(frozen=True, slots=True)
class LinkRow:
    """What linking needs of a stored event (its sentence only to see whether it looks back, so
    that a store of millions of events does not hold their sentences while it links)."""

    id: str
    event_type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    date: str | None
    precision: str | None
    basis: str
    sentence: InitVar[str]
    link: str | None = None  # its stored cluster (None: not linked yet)
    looks_back: bool = field(init=False)  # dated only by its article, telling of something done before
    first: _Day | None = field(init=False)  # the first day its date covers, worked out once

    def __post_init__(self, sentence: str) -> None:
        object.__setattr__(self, "looks_back", self.basis == "publication" and bool(_LOOKING_BACK.search(sentence)))
        dated = self.date is not None and self.precision in PRECISIONS
        object.__setattr__(self, "first", self.when.first_day if dated else None)

    @property
    def when(self) -> DateValue:
        """Its date (only for a dated row)."""
        return DateValue(self.date or "", self.precision or "day")


@dataclass(frozen=True)
class DocumentResult:
    """What coding one article produced: its events and counts for the summary."""

    article: Article
    sentences: int
    events: tuple[Event, ...]


# --- the analysis of a dyad: these records are also its JSON (views/analysis.py) and the API's schema ---


@dataclass(frozen=True)
class Cluster:
    """One real event: its reports, and the one whose date dates it."""

    link: str
    reports: tuple[Event, ...]
    anchor: Event

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({e.doc_id for e in self.reports}))


@dataclass(frozen=True, kw_only=True)
class PeriodRow:
    """One period of a dyad's history; ``index`` is the mean intensity (−10..+10) of its clusters."""

    period: str
    index: float
    clusters: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int  # verbal and material; given, so that the record is its JSON, and checked
    conflict: int

    def __post_init__(self) -> None:
        if (self.cooperation, self.conflict) != (self.verbal_cooperation + self.material_cooperation,
                                                 self.verbal_conflict + self.material_conflict):
            raise ValueError(f"period {self.period}: cooperation and conflict are not the sums of their kinds")


@dataclass(frozen=True)
class Driver:
    """A cluster told by its anchor report (one behind a turning point, one another dataset lacks)."""

    link: str
    event_type: str
    date: str | None
    intensity: float
    actor: tuple[str | None, ...]  # the country of each actor of the anchor
    recipient: tuple[str | None, ...]
    sentence: str
    documents: tuple[str, ...]

    @classmethod
    def of(cls, cluster: Cluster) -> Driver:
        anchor = cluster.anchor
        return cls(cluster.link, anchor.event_type, anchor.date, anchor.intensity,
                   tuple(a.country for a in anchor.actor), tuple(a.country for a in anchor.recipient),
                   anchor.sentence, cluster.documents)


@dataclass(frozen=True, kw_only=True)
class TurningPoint:
    """A period whose index moved sharply from the period before, with the clusters that moved it."""

    period: str
    previous: str
    before: float
    after: float
    change: float  # after - before, to two places; given, so that the record is its JSON, and checked
    drivers: tuple[Driver, ...]

    def __post_init__(self) -> None:
        if self.change != round(self.after - self.before, 2):
            raise ValueError(f"turning point {self.period}: change {self.change} is not {self.after} - {self.before}")


@dataclass(frozen=True)
class ContextRow:
    context: str
    clusters: int
    cooperation: int
    conflict: int
    index: float


@dataclass(frozen=True)
class Party:
    """A third party, or a speaker: who, and in how many clusters (or quotes)."""

    code: str
    name: str
    count: int


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """A dyad over time, counted by event cluster, with what every figure rests on."""

    dyad: str  # as model.Dyad writes it: "RUS-AZE"
    by: str
    clusters: int
    reports: int
    series: tuple[PeriodRow, ...]
    contexts: tuple[ContextRow, ...]
    turning_points: tuple[TurningPoint, ...]
    third_parties: tuple[Party, ...]
    speakers: tuple[Party, ...]


@dataclass(frozen=True)
class SourceState:
    """What a watcher knows of one source between polls. ``position``: the bytes of a growing JSONL
    file already read; ``failures``: polls in a row that failed, and ``retry_at`` when to try again."""

    source: str
    kind: str  # "feed", "sitemap", "folder", "jsonl" or "page"
    etag: str | None = None
    last_modified: str | None = None
    position: int = 0
    polled_at: str | None = None
    ok_at: str | None = None
    failures: int = 0
    retry_at: str | None = None
    error: str | None = None
    items: int = 0  # items the last good poll brought


@dataclass(frozen=True)
class Alert:
    """Something a watched dyad did that an analyst asked to be told of, with the events and sources
    behind it. ``kind``: "event" (a new event as violent as asked, or of a chosen type), "index" (the
    current period's index crossed the threshold) or "turning point"."""

    id: str
    raised_at: str
    kind: str
    dyad: str
    message: str
    events: tuple[str, ...]
    sources: tuple[str, ...]


# --- other datasets' events, imported to compare with (external/, compare.py) ---

DATASETS = ("gdelt", "icews", "polecat")


@dataclass(frozen=True, kw_only=True)
class ExternalEvent:
    """One event of another dataset as imported: kept apart from coded events. ``event_type`` and
    ``quad_code`` are PLOVER's, from the dataset's own type (POLECAT) or its CAMEO code; an event whose
    CAMEO code has no PLOVER type (a public statement, an investigation) has none and is not compared.
    ``intensity`` is the PLOVER type's (what the index averages, as for coded events); ``score`` is the
    dataset's own (GDELT's Goldstein scale, ICEWS's and POLECAT's intensity)."""

    dataset: str
    id: str
    date: str  # YYYY-MM-DD
    actor: str  # the names as the dataset gives them
    recipient: str
    actor_countries: tuple[str, ...]  # ISO 3166-1 alpha-3 codes, where the dataset names countries
    recipient_countries: tuple[str, ...]
    cameo: str | None
    event_type: str | None
    quad_code: int | None
    intensity: float | None
    score: float | None
    url: str | None  # GDELT's source article; ICEWS and POLECAT publish none
    source: str | None  # the publisher, where given
    place: str | None
    lat: float | None
    lon: float | None
    origin: str  # file: line


@dataclass(frozen=True)
class ExternalMention:
    """One article that mentions an imported event (GDELT's mentions file)."""

    dataset: str
    id: str  # the event's
    url: str
    origin: str


@dataclass(frozen=True, kw_only=True)
class ComparedPeriod:
    """One period of a dyad in our events (clusters) and in another dataset's (events)."""

    period: str
    clusters: int
    index: float | None  # None: no cluster in the period
    theirs: int
    their_index: float | None


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """A dyad in our events and in another dataset's, period by period, and what each has that the
    other lacks (same dyad, same quad class, dates at most ``within`` days apart)."""

    dataset: str
    dyad: str
    by: str
    within: int
    start: str | None  # the days both cover, YYYY-MM-DD (None: none in common)
    end: str | None
    outside: int  # our clusters outside those days, not compared
    their_outside: int
    periods: tuple[ComparedPeriod, ...]
    index_correlation: float | None  # Pearson, over periods both have events in (None: fewer than 3)
    count_correlation: float | None  # over every period either has events in
    matched: int  # our clusters the other dataset has too
    ours_only: tuple[Driver, ...]  # every one it lacks, by date
    their_matched: int  # their events we have too
    their_unmatched: int
    theirs_only: tuple[ExternalEvent, ...]  # the latest of those we lack (at most ``shown`` of them)
    left_out: int  # their events of the dyad with no PLOVER type, not compared
