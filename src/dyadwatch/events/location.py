"""Where an event happened.

Every place a document names (spaCy's GPE, LOC and FAC names, and the places of the actor tables)
is resolved to one gazetteer entry in the document's context, Mordecai's idea: a "Georgia" in a text
that names Tbilisi is the country, one near Atlanta the US state; a "Tripoli" in a story about Libya
is Libya's capital. The countries of the text are those its actors belong to and those of the places
that can mean one entry only. Entries nearly as likely as the chosen one are kept as alternatives.

An event is located where its sentence says it happened: a place phrase of its trigger ("talks in
Baku", "shelling near Tartar"), the place a visit goes to, or the place an attack hits; else the
dateline's place, when the event involves the dateline's country; else nowhere. Never at the home of
an actor by default. Precision, as ACLED's: 1 the sentence names the town or facility where it
happened, 2 near a named place or somewhere in a named region, 3 only a country or a sea.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..gazetteer import Gazetteer, Match, Place
from ..model import Location, Mention, ParsedArticle, Sentence, Token
from ..nlp import HYPHENS

_WHERE = {"in", "near", "at", "inside", "across", "throughout", "outside", "around", "along"}
_NEAR = {"near", "outside", "around", "along", "close", "nearby"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_KINDS = {"place", "capital", "country"}  # mentions of the actor tables that may name a place
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
               "southeast", "southwest", "upper", "lower"}
_GOING = {"visit", "trip", "travel", "arrive", "fly", "come", "go", "return", "tour", "journey", "head", "send",
          "deploy", "dispatch", "move"}
_PRECISION = {"city": 1, "facility": 1, "region": 2, "country": 3, "sea": 3}
_CONTEXT = 2.5  # what a country of the text adds to an entry of that country
_UNSURE = 1.0  # entries within this much of the chosen one are its alternatives


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence, at tokens ``start``..``end``, and the entry it was resolved to
    (None: no entry has that name)."""

    sentence: int
    start: int
    end: int
    text: str
    place: Place | None
    alternatives: tuple[Place, ...] = ()


class Locator:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def places(self, parsed: ParsedArticle, mentions: Iterable[Mention]) -> list[PlaceMention]:
        """Every place the document's sentences name, each resolved in the context of the whole text."""
        mentions = list(mentions)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        found = [(s, start, end, text, self._candidates(text)) for s in parsed.sentences
                 for start, end, text in _spans(s, by_sentence.get(s.index, []), self.gazetteer)]
        ambiguous = [(s.index, start, end) for s, start, end, _, c in found if len(c) > 1]
        context = _context(mentions, ambiguous, [c for *_, c in found])
        return [_resolved(s.index, start, end, text, candidates, context) for s, start, end, text, candidates in found]

    def dateline(self, parsed: ParsedArticle, places: list[PlaceMention]) -> Place | None:
        """The place the dateline names ("Tripoli, Libya"), read in the text's context."""
        if not parsed.article.dateline:
            return None
        name, *within = (part.strip() for part in parsed.article.dateline.split(","))
        candidates = self._candidates(name)
        hinted = {m.place.country for part in within for m in self._candidates(part)}
        candidates = tuple(m for m in candidates if m.place.country in hinted) or candidates
        context = Counter(p.place.country for p in places if p.place and p.place.country)
        return _resolved(-1, 0, 0, name, candidates, context).place

    def _candidates(self, text: str) -> tuple[Match, ...]:
        found = self.gazetteer.candidates(text)
        words = text.split()
        if not found and len(words) > 1 and words[0] in _DIRECTIONS:  # "eastern Ukraine", not "South Carolina"
            found = self.gazetteer.candidates(" ".join(words[1:]))
        return found


def where(sentence: Sentence, trigger: Token, objects: Iterable[Token], places: list[PlaceMention],
          dateline: Place | None, parties: set[str], attack: bool) -> Location | None:
    """The event's location: a place its sentence puts it at (``places``: those the sentence names),
    else the dateline's (when the dateline's country is one of the event's), else None."""
    here = [p for p in places if p.place is not None]
    holders = [trigger, *objects]
    said = [(_near(sentence, t), p) for t in places_at(sentence, holders) for p in here if p.start <= t.i < p.end]
    said += [(False, p) for t in _destinations(sentence, trigger, holders, attack) for p in here
             if p.start <= t.i < p.end and (attack is False or p.place and p.place.feature != "country")]
    if said:
        near, mention = min(said, key=lambda found: _precision(found[1].place, found[0]))
        return _location(mention.place, mention.alternatives, _precision(mention.place, near), "sentence")
    if dateline is not None and dateline.country in parties:
        return _location(dateline, (), _precision(dateline, False), "dateline")
    return None


def places_at(sentence: Sentence, holders: Iterable[Token]) -> list[Token]:
    """The nouns of the phrases that say where an act took place: "in Ukraine", "near the border", and
    the places inside them: "in a car bomb explosion in eastern Beirut", "outside of the city of Basra"."""
    found = [p for h in holders for c in sentence.children(h.i) if c.dep == "prep" and c.lemma.lower() in _WHERE
             for p in _objects_within(sentence, c)]
    for _ in range(3):
        inner = [p for h in found for c in sentence.children(h.i) if c.dep == "prep"
                 and c.lemma.lower() in _WHERE | {"of"} for p in _objects_within(sentence, c) if p not in found]
        if not inner:
            break
        found += inner
    return found


def _objects_within(sentence: Sentence, preposition: Token) -> list[Token]:
    """What a place preposition governs, through "of" ("outside of the city")."""
    return [p for c in (preposition, *(c for c in sentence.children(preposition.i) if c.dep == "prep"
                                       and c.lemma.lower() == "of")) for p in sentence.children(c.i) if p.dep == "pobj"]


def _destinations(sentence: Sentence, trigger: Token, holders: list[Token], attack: bool) -> list[Token]:
    """Where a visit goes ("visited Baku", "a trip to Moscow") and what an attack hits ("shelled Tartar")."""
    if trigger.lemma.lower() in _GOING:
        return [p for h in holders for c in sentence.children(h.i) if c.dep == "prep" and c.lemma.lower() in
                ("to", "into") for p in _objects_within(sentence, c)] + [
                c for c in sentence.children(trigger.i) if c.dep == "dobj"]
    return [c for c in sentence.children(trigger.i) if c.dep in ("dobj", "nsubjpass")] if attack else []


def _near(sentence: Sentence, token: Token) -> bool:
    """Whether the place phrase that holds ``token`` says near rather than in ("near Tartar")."""
    while token.head != token.i:
        token = sentence.token(token.head)
        if token.dep == "prep" and token.lemma.lower() != "of":
            return token.lemma.lower() in _NEAR
    return False


def _precision(place: Place | None, near: bool) -> int:
    rank = _PRECISION.get(place.feature, 3) if place else 3
    return max(rank, 2) if near else rank


def _location(place: Place | None, alternatives: tuple[Place, ...], precision: int, basis: str) -> Location | None:
    if place is None:
        return None
    return Location(place.name, place.country, place.lat, place.lon, place.geonameid, place.feature, precision,
                    basis, tuple(_described(p) for p in alternatives))


def _described(place: Place) -> str:
    """An alternative as a person reads it: "Tripoli, LBN (GeoNames 266826)"."""
    where = f"{place.name}, {place.country}" if place.country else place.name
    return f"{where} (GeoNames {place.geonameid})" if place.geonameid else where


def _spans(sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Where the sentence names a place: spaCy's place names, the actor tables' countries, capitals and
    places, and proper nouns the gazetteer's own tables list (spaCy takes "Baku" for a person at times
    and misses "Stepanakert"); longest first where they overlap, without a leading "the" and a trailing
    "'s". An adjective ("Azerbaijani") is no place: the gazetteer has none."""
    spans = [(e.start, e.end) for e in sentence.entities if e.label in _PLACE_LABELS]
    spans += [(m.start, m.end) for m in mentions if m.kind in _PLACE_KINDS]
    spans += _listed(sentence, gazetteer) + _after_place_words(sentence, gazetteer)
    taken: set[int] = set()
    found = []
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        tokens = [t for t in sentence.tokens if start <= t.i < end]
        while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
            tokens.pop()
        if tokens and tokens[0].text.lower() == "the":
            tokens.pop(0)
        if not tokens or taken & {t.i for t in tokens}:
            continue
        taken |= {t.i for t in tokens}
        found.append((tokens[0].i, tokens[-1].i + 1, sentence.text[tokens[0].start - sentence.start:
                                                                    tokens[-1].end - sentence.start]))
    return sorted(found)


def _listed(sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Runs of proper nouns, joined by hyphens or not ("Nagorno-Karabakh"), that the gazetteer's tables name."""
    tokens = sentence.tokens
    found = []
    for i, first in enumerate(tokens):
        if first.pos != "PROPN":
            continue
        for last in tokens[i:i + 6]:
            if last.pos != "PROPN" and not (last.pos == "PUNCT" and last.text in HYPHENS):
                break
            if last.pos == "PROPN" and gazetteer.listed(sentence.text[first.start - sentence.start:
                                                                      last.end - sentence.start]):
                found.append((first.i, last.i + 1))
    return found


def _after_place_words(sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A proper noun a place preposition governs ("in Ganja", "near Shusha") that the gazetteer knows,
    whatever spaCy took it for."""
    found = []
    for token in sentence.tokens:
        head = sentence.token(token.head)
        if (token.pos == "PROPN" and token.dep == "pobj" and head.lemma.lower() in _WHERE | {"to", "from", "into"}
                and gazetteer.candidates(token.text)):
            found.append((token.i, token.i + 1))
    return found


def _context(mentions: list[Mention], ambiguous: list[tuple[int, int, int]],
             candidates: list[tuple[Match, ...]]) -> Counter[str]:
    """The countries of the text: of its actors (but for the names still to be decided), and of the
    places that can mean one entry only."""
    def deciding(m: Mention) -> bool:
        return not any(m.sentence == s and m.start < end and start < m.end for s, start, end in ambiguous)

    found = Counter(m.actor.country for m in mentions if m.actor.country and deciding(m))
    found.update(c[0].place.country for c in candidates if len(c) == 1 and c[0].place.country)
    return found


def _resolved(sentence: int, start: int, end: int, text: str, candidates: tuple[Match, ...],
              context: Counter[str]) -> PlaceMention:
    if not candidates:
        return PlaceMention(sentence, start, end, text, None)
    scored = sorted(((_score(m, context), i, m.place) for i, m in enumerate(candidates)), key=lambda s: (-s[0], s[1]))
    best = scored[0][0]
    unsure = tuple(place for score, _, place in scored[1:4] if score >= best - _UNSURE)
    return PlaceMention(sentence, start, end, text, scored[0][2], unsure)


def _score(match: Match, context: Counter[str]) -> float:
    country = match.place.country
    return match.place.prior - (0.0 if match.named else 1.0) + (_CONTEXT if country and context[country] else 0.0)
