"""The typed, frozen records that flow between the stages of the pipeline.

Article → ParsedArticle (sentences with tokens) → Mention / Actor → Event.
Each record is immutable; a stage returns a new record instead of changing one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DateValue:
    """A calendar date at a precision: ``2001``, ``2001-01`` or ``2001-01-10``."""

    value: str
    precision: str

    @property
    def year(self) -> int:
        return int(self.value[:4])


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
        return tuple(t for t in self.tokens if t.head == i and t.i != i)

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
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
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
    modality: str
    sentence: str
    span: tuple[int, int]
    trigger: str
    location: Location | None
    quote: str | None
    confidence: float
    coder: str
    cameo: str
    link: str | None = None
    sources: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DocumentResult:
    """What coding one article produced: its events and counts for the summary."""

    article: Article
    sentences: int
    events: tuple[Event, ...]
