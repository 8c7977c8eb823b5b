"""Where an event happened.

Every place a document's title and story name (spaCy's GPE, LOC and FAC names, the places of the
actor tables, names the gazetteer knows where a place stands, and again every name found as a place
once) is resolved to one gazetteer entry in the document's context, Mordecai's idea: a "Georgia" in
a text that names Tbilisi is the country, one near Atlanta the US state; a "Tripoli" in a story
about Libya is Libya's capital. The countries of the text are those its actors belong to, those of
the places that can mean one entry only and that of its dateline; the states and provinces of such
places choose among towns of one name. "X, Y" is the X inside Y; the words around a name say its
kind ("Homs province"). Entries nearly as likely as the chosen one are kept as alternatives. A name
no entry has, that the text puts inside a place ("Rustaveli Avenue in Tbilisi"), gets that place's
point, marked approximate.

An event is located where its sentence says it happened: a place phrase of its trigger ("talks in
Baku", "shelling near Tartar"), the place a visit goes to, or the place an attack hits; else the
dateline's place, when the event involves the dateline's country; else nowhere. Never at the home of
an actor by default. Precision, as ACLED's: 1 the sentence names the town or facility where it
happened, 2 near a named place, somewhere in a named region, along a river or at an approximate
point, 3 only a country or a sea.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..gazetteer import Gazetteer, Match, Place
from ..model import Location, Mention, ParsedArticle, Sentence, Token
from ..nlp import HYPHENS
from ..timex.grammar import MONTHS, WEEKDAYS

_WHERE = {"in", "near", "at", "inside", "across", "throughout", "outside", "around", "along"}
_NEAR = {"near", "outside", "around", "along", "close", "nearby"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_KINDS = {"place", "capital", "country"}  # mentions of the actor tables that may name a place
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
               "southeast", "southwest", "upper", "lower"}
_GOING = {"visit", "trip", "travel", "arrive", "fly", "come", "go", "return", "tour", "journey", "head", "send",
          "deploy", "dispatch", "move"}
_PRECISION = {"city": 1, "facility": 1, "region": 2, "river": 2, "country": 3, "sea": 3}
_CONTEXT = 2.5  # what a country of the text adds to an entry of that country
_DIVISION = 1.0  # what a state or province of the text adds to a town in it ("Athens" in a text on Atlanta)
_HINT = 2.0  # what the words around a name add to an entry of the feature they say ("Homs province")
_UNSURE = 1.0  # entries within this much of the chosen one are its alternatives
_NOT_PLACES = {"by", "with", "like", "than", "as", "about", "per", "whom"}  # prepositions that govern people
_TAKES_PLACE = {"visit", "leave", "enter", "reach", "capture", "seize", "retake", "recapture", "liberate", "shell",
                "bomb", "bombard", "strike", "hit", "attack", "besiege", "encircle", "surround", "occupy", "evacuate",
                "raid", "storm", "flee", "overrun", "take", "abandon", "defend", "target", "cross", "tour", "annex"}
_REGION_WORDS = {"province", "region", "governorate", "oblast", "state", "county", "district", "territory",
                 "prefecture", "department", "krai", "canton", "republic"}
_TOWN_WORDS = {"city", "town", "village", "port", "capital", "settlement", "suburb"}
_FACILITY_WORDS = {"airport", "airbase", "base", "station", "plant", "hospital", "complex", "port", "harbour",
                   "harbor", "dam", "bridge", "avenue", "street", "square", "prison", "camp"}
_PLAIN = {"the", "'s", "’s", "'", "’"}  # words around a place in spaCy's names that make no other name of it
_HYPHEN = re.compile("|".join(map(re.escape, sorted(HYPHENS))))
_GENERIC = _FACILITY_WORDS | {"international", "national", "regional", "medical", "military", "naval", "air"}
_PLACE_WORDS = _REGION_WORDS | _TOWN_WORDS | _FACILITY_WORDS | {"river", "valley", "mountains", "gorge", "corridor",
                                                                 "border", "crossing", "strait", "peninsula", "island"}


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence (of the title when ``title``), at tokens ``start``..``end``, and
    the entry it was resolved to (None: no entry has that name)."""

    sentence: int
    start: int
    end: int
    text: str
    place: Place | None
    alternatives: tuple[Place, ...] = ()
    title: bool = False


@dataclass(frozen=True)
class _Found:
    """A place name before it is resolved: where, its candidates, and the kind of place the words
    around it say it is ("Homs province": a region; "the town of Gabala": a city)."""

    sentence: Sentence
    title: bool
    start: int
    end: int
    text: str
    candidates: tuple[Match, ...]
    kind: str | None


class Locator:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def places(self, parsed: ParsedArticle, mentions: Iterable[Mention]) -> list[PlaceMention]:
        """Every place the document's title and sentences name, each resolved in the context of the
        whole text. A name found as a place once is a place wherever the text writes it again."""
        mentions = list(mentions)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        read = [(s, False, by_sentence.get(s.index, [])) for s in parsed.sentences]
        read += [(s, True, []) for s in parsed.title]
        first = [_spans(s, ms, self.gazetteer) for s, _, ms in read]
        named = {text.casefold() for spans in first for _, _, text in spans}
        found = [self._found(s, title, *span) for (s, title, ms), spans in zip(read, first, strict=True)
                 for span in sorted(spans + _repeated(s, named, spans, ms))]
        found = _inside(found)
        ambiguous = [(f.sentence.index, f.start, f.end) for f in found if not f.title and not _sure(f.candidates)]
        sure = [p for c in (f.candidates for f in found) if (p := _sure(c))]
        if filed := _chosen(self._filed(parsed), None, Counter(), Counter())[0]:
            sure.append(filed)  # a dateline without a country names a city the reader knows: "LONDON"
        context = _context(mentions, ambiguous, sure)
        divisions = Counter(p.within for p in sure if p.within)
        chosen = [_chosen(f.candidates, f.kind, context, divisions) for f in found]
        made: dict[str, Place] = {}
        for k, f in enumerate(found):
            if chosen[k][0] is None and (container := self._container(found, chosen, k, context, divisions)):
                made.setdefault(f.text.casefold(), _approximate(f, container))
        chosen = [(made.get(f.text.casefold()), ()) if c[0] is None else c for f, c in zip(found, chosen, strict=True)]
        return [PlaceMention(f.sentence.index, f.start, f.end, f.text, *c, title=f.title)
                for f, c in zip(found, chosen, strict=True)]

    def dateline(self, parsed: ParsedArticle, places: list[PlaceMention]) -> Place | None:
        """The place the dateline names ("Tripoli, Libya"; "CAMBRIDGE, Mass."), read in the text's context."""
        context = Counter(p.place.country for p in places if p.place and p.place.country)
        divisions = Counter(p.place.within for p in places if p.place and p.place.within)
        return _chosen(self._filed(parsed), None, context, divisions)[0]

    def _filed(self, parsed: ParsedArticle) -> tuple[Match, ...]:
        """What the dateline's place may be, inside the country or state it names after a comma."""
        if not parsed.article.dateline:
            return ()
        name, *within = (part.strip() for part in parsed.article.dateline.split(","))
        return _within(self._candidates(name), [m for part in within for m in self._candidates(part)])

    def _container(self, found: list[_Found], chosen: list[tuple[Place | None, tuple[Place, ...]]], k: int,
                   context: Counter[str], divisions: Counter[str]) -> Place | None:
        """The place the text puts a name the gazetteer lacks in: "Surfside, Florida", "Rustaveli Avenue
        in Tbilisi", or the town a facility is named after ("the Port of Savannah")."""
        name = found[k]
        sentence = name.sentence
        after = found[k + 1] if k + 1 < len(found) else None
        if (after is not None and after.sentence is sentence and after.start == name.end + 1
                and sentence.token(name.end).text == ","):
            return chosen[k + 1][0]
        tail = sentence.token(name.end - 1)
        holders = [t for t in sentence.tokens if name.start <= t.i < name.end]
        if tail.dep == "pobj" and (held := sentence.token(tail.head)).head != held.i:
            holders.append(sentence.token(held.head))  # "gathered on Rustaveli Avenue in Tbilisi"
        inside = {p.i for t in holders for c in sentence.children(t.i) if c.dep == "prep" and c.lemma.lower() == "in"
                  for p in _objects_within(sentence, c)}
        for j, other in enumerate(found):
            if other.sentence is sentence and inside & set(range(other.start, other.end)) and chosen[j][0]:
                return chosen[j][0]
        words = [t for t in sentence.tokens if name.start <= t.i < name.end]
        if not {t.lemma.lower() for t in words} & _FACILITY_WORDS:
            return None
        for first in range(len(words) - 1, -1, -1):  # the last name in it: "Hartsfield-Jackson Atlanta ... Airport"
            for last in range(len(words) - 1, first - 1, -1):
                part = words[first:last + 1]
                if len(part) == len(words) or any(t.pos != "PROPN" or t.lemma.lower() in _GENERIC for t in part):
                    continue
                candidates = tuple(m for m in self._candidates(_text(sentence, part[0].i, part[-1].i + 1))
                                   if m.named and context[m.place.country or ""])  # a town of the text's countries
                if candidates:
                    return _chosen(candidates, "facility", context, divisions)[0]
        return None

    def _found(self, sentence: Sentence, title: bool, start: int, end: int, text: str) -> _Found:
        return _Found(sentence, title, start, end, text, self._candidates(text), _kind_said(sentence, start, end))

    def _candidates(self, text: str) -> tuple[Match, ...]:
        if not text:
            return ()
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
    return max(rank, 2) if near or (place and place.approximate) else rank


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
    places, proper nouns the gazetteer's own tables list (spaCy takes "Baku" for a person at times and
    misses "Stepanakert") and those it knows that stand where places stand (``_placed``); longest first
    where they overlap, without a leading "the" and a trailing "'s". An adjective ("Azerbaijani") is no
    place: the gazetteer has none. Nor is a word of an organisation's name or of a person the tables
    know ("Kurdistan Regional Government", "Hamid Karzai")."""
    spans = [(e.start, e.end) for e in sentence.entities if e.label in _PLACE_LABELS or (
        e.label == "ORG" and sentence.token(e.end - 1).lemma.lower() in _FACILITY_WORDS)]  # "... Airport"
    spans += [(m.start, m.end) for m in mentions if m.kind in _PLACE_KINDS  # not "our", not "Paris Hilton"
              and sentence.token(m.start).text[:1].isupper()
              and (m.kind == "country" or not _names_other(sentence, m.end))]
    spans += [s for s in _listed(sentence, gazetteer) + _placed(sentence, gazetteer)
              if not _in_a_name(sentence, *s, mentions) and not _names_other(sentence, s[1])]
    found = _longest(sentence, spans)
    while joined := [(start, end, _text(sentence, start, end)) for start, end in _joined(sentence, found, mentions)
                     if gazetteer.candidates(_text(sentence, start, end))]:
        found += joined  # "in Kandahar and Herat", "through Batumi and Poti"
    return sorted(_compounds(found, gazetteer))


def _compounds(found: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """A word the tagger keeps whole that joins places by a hyphen ("U.S.-Australia") is each of them;
    a name with a word for a place after it that the gazetteer lacks ("Homs province") is the name alone."""
    result = []
    for start, end, text in found:
        parts = [p for p in _HYPHEN.split(text) if p]
        words = text.split()
        if gazetteer.candidates(text):
            result.append((start, end, text))
        elif end - start == 1 and len(parts) > 1 and all(gazetteer.candidates(p) for p in parts):
            result += [(start, end, p) for p in parts]
        elif len(words) > 1 and words[-1].casefold() in _PLACE_WORDS and gazetteer.candidates(" ".join(words[:-1])):
            result.append((start, end, " ".join(words[:-1])))
        else:
            result.append((start, end, text))
    return result


def _longest(sentence: Sentence, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
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
        found.append((tokens[0].i, tokens[-1].i + 1, _text(sentence, tokens[0].i, tokens[-1].i + 1)))
    return found


def _text(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[sentence.token(start).start - sentence.start:sentence.token(end - 1).end - sentence.start]


def _runs(sentence: Sentence) -> list[tuple[int, int]]:
    """The runs of proper nouns, joined by hyphens or not: "Khan Younis", "Nagorno-Karabakh"."""
    runs, start = [], None
    tokens = sentence.tokens
    for k, token in enumerate(tokens):
        joins = (start is not None and token.pos == "PUNCT" and token.text in HYPHENS and k + 1 < len(tokens)
                 and tokens[k + 1].pos == "PROPN")
        if token.pos == "PROPN" or joins:
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append((start, token.i))
        start = None
    if start is not None:
        runs.append((start, tokens[-1].i + 1))
    return runs


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
            if last.pos == "PROPN" and gazetteer.listed(_text(sentence, first.i, last.i + 1)):
                found.append((first.i, last.i + 1))
    return found


def _placed(sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Runs of proper nouns that the gazetteer knows and that stand where a place stands, whatever spaCy
    took them for: the object of a preposition ("the siege of Aleppo", "through Cúcuta"; not "by" or
    "with", which mostly govern people), the object of a verb that takes a place ("captured Avdiivka",
    "leave Odesa") or a name before a word for a place ("Syunik province", "the Lachin corridor").
    A date is none ("in March")."""
    dated = {i for e in sentence.entities if e.label in ("DATE", "TIME") for i in range(e.start, e.end)}
    found = []
    for start, end in _runs(sentence):
        text = _text(sentence, start, end)
        if dated & set(range(start, end)) or text.casefold() in MONTHS or text.casefold() in WEEKDAYS:
            continue
        last = sentence.token(end - 1)
        head = sentence.token(last.head)
        after = sentence.token(end) if end <= sentence.tokens[-1].i else None
        if after is not None and after.lemma.lower() in _PLACE_WORDS and gazetteer.candidates(f"{text} {after.text}"):
            found.append((start, end + 1))
        elif gazetteer.candidates(text) and (
                (last.dep == "pobj" and head.lemma.lower() not in _NOT_PLACES)
                or (last.dep == "dobj" and head.lemma.lower() in _TAKES_PLACE)
                or (after is not None and after.lemma.lower() in _PLACE_WORDS)):
            found.append((start, end))
    return found


def _joined(sentence: Sentence, found: list[tuple[int, int, str]], mentions: list[Mention]) -> list[tuple[int, int]]:
    """Runs of proper nouns joined by "and" or a comma to a place found: "Kandahar and Herat"."""
    taken = {i for start, end, _ in found for i in range(start, end)}
    return [(start, end) for start, end in _runs(sentence)
            if not taken & set(range(start, end)) and sentence.token(end - 1).dep == "conj"
            and sentence.token(end - 1).head in taken and not _in_a_name(sentence, start, end, mentions)]


def _repeated(sentence: Sentence, named: set[str], found: list[tuple[int, int, str]],
              mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Runs of proper nouns that are a name found as a place elsewhere in the text ("Ganja" after
    "in Ganja"), but for a word of an organisation's name or of a known person's."""
    taken = {i for start, end, _ in found for i in range(start, end)}
    return [(start, end, _text(sentence, start, end)) for start, end in _runs(sentence)
            if not taken & set(range(start, end)) and _text(sentence, start, end).casefold() in named
            and not _in_a_name(sentence, start, end, mentions)]


def _in_a_name(sentence: Sentence, start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether the words are part of the name of an organisation, a group or a person the actor tables
    know ("Kurdistan Regional Government", "Hamid Karzai"; not "Azerbaijan's president"), or of a longer
    name spaCy found that is no place ("Council of Europe"; not "The White House", "the Indo-Pacific region")."""
    text = _text(sentence, start, end).casefold()
    if any(m.start <= start and end <= m.end and text in m.actor.name.casefold() for m in mentions
           if m.kind in ("org", "igo", "group") or (m.kind == "person" and m.actor.entity_id)):
        return True
    return _in_longer(sentence, start, end, {e.label for e in sentence.entities} - _PLACE_LABELS)


def _names_other(sentence: Sentence, end: int) -> bool:
    """Whether a place's name ending at ``end`` begins the name of something else: "Paris Hilton",
    "the Washington Post" (not "Homs province", "the Aras River")."""
    last = sentence.token(end - 1)
    head = sentence.token(last.head)
    return (last.dep == "compound" and head.i >= end and head.pos == "PROPN"
            and head.lemma.lower() not in _PLACE_WORDS | {"city", "river", "sea", "lake", "mountain"})


def _in_longer(sentence: Sentence, start: int, end: int, labels: set[str]) -> bool:
    """Whether spaCy found the words inside a longer name of one of ``labels``: one with words other
    than "the", "'s" and words for places ("Paris Hilton"; not "Azerbaijan's", "the Indo-Pacific region")."""
    holding = [e for e in sentence.entities if e.label in labels and e.start <= start and end <= e.end]
    return any(t.text.lower() not in _PLAIN and t.lemma.lower() not in _PLACE_WORDS for e in holding
               for t in sentence.tokens if e.start <= t.i < e.end and not start <= t.i < end)


def _kind_said(sentence: Sentence, start: int, end: int) -> str | None:
    """The feature the words around a name say it is: "Homs province", "Upper Nile State" a region;
    "the town of Gabala", "Gaza City" a city; "the Aras river" a river; "Gabala Radar Station" a facility."""
    end = max([e for s, e in _runs(sentence) if s <= start < e], default=end)  # the name's run of proper nouns
    words = {sentence.token(end - 1).lemma.lower()}
    if end <= sentence.tokens[-1].i:
        words.add(sentence.token(end).lemma.lower())
    last = sentence.token(end - 1)
    if last.dep == "pobj" and (of := sentence.token(last.head)).lemma.lower() == "of" and of.head != of.i:
        words.add(sentence.token(of.head).lemma.lower())
    for kind, said in (("region", _REGION_WORDS), ("city", _TOWN_WORDS), ("river", {"river"}),
                       ("facility", _FACILITY_WORDS)):
        if words & said:
            return kind
    return None


def _approximate(name: _Found, container: Place) -> Place:
    """A place of the text's own, at the point of the place it lies in (ACLED's way with a place it
    cannot pin down: the nearest named place, at a lower precision). A facility the name is of
    ("Gabala Radio Station": the Gabala radar station) is that facility."""
    if container.feature == "facility":
        return container
    words = {w.casefold().strip(".,") for w in name.text.split()}
    feature = name.kind or ("facility" if words & _FACILITY_WORDS else "region" if words & _REGION_WORDS else "city")
    return Place(f"{container.key}/{name.text}", name.text, container.country, feature, container.lat, container.lon,
                 within=container.within, approximate=True)


def _inside(found: list[_Found]) -> list[_Found]:
    """A place followed by a comma and the place it lies in ("Alexandria, Va.", "Tripoli, Lebanon")
    means the entry inside that one."""
    result = list(found)
    for k, (place, container) in enumerate(zip(found, found[1:], strict=False)):
        if (place.sentence is container.sentence and container.start == place.end + 1
                and place.sentence.token(place.end).text == ","):
            result[k] = dataclasses.replace(place, candidates=_within(place.candidates, container.candidates))
    return result


def _within(candidates: tuple[Match, ...], containers: Iterable[Match]) -> tuple[Match, ...]:
    """The candidates inside one of the containers (a country, or a state by its GeoNames division);
    all of them where none is."""
    containers = list(containers)
    countries = {m.place.country for m in containers if m.place.feature == "country"}
    divisions = {m.place.within for m in containers if m.place.feature == "region" and m.place.within}
    inside = tuple(m for m in candidates if m.place.country in countries or (m.place.within in divisions))
    return inside or candidates


def _sure(candidates: tuple[Match, ...]) -> Place | None:
    """The entry a name can only mean: its one candidate, or the country of that name when the others
    are towns ("Lebanon") or divisions known by name only ("Mexico"); not "Georgia", also a US state."""
    if len(candidates) == 1:
        return candidates[0].place
    countries = [m.place for m in candidates if m.place.feature == "country"]
    if len(countries) == 1 and all((m.place.feature == "city" and not m.place.listed) or m.place.lat is None
                                   for m in candidates if m.place is not countries[0]):
        return countries[0]  # towns and divisions known by name only ("México") do not compete
    return None


def _context(mentions: list[Mention], ambiguous: list[tuple[int, int, int]], sure: list[Place]) -> Counter[str]:
    """The countries of the text: of its actors (but for the names still to be decided), and of the
    places that can mean one entry only."""
    def deciding(m: Mention) -> bool:
        return not any(m.sentence == s and m.start < end and start < m.end for s, start, end in ambiguous)

    found = Counter(m.actor.country for m in mentions if m.actor.country and deciding(m))
    found.update(p.country for p in sure if p.country)
    return found


def _chosen(candidates: tuple[Match, ...], kind: str | None, context: Counter[str],
            divisions: Counter[str]) -> tuple[Place | None, tuple[Place, ...]]:
    """The likeliest entry in the text's context, and those nearly as likely."""
    if not candidates:
        return None, ()
    scored = sorted(((_score(m, kind, context, divisions), i, m.place) for i, m in enumerate(candidates)),
                    key=lambda s: (-s[0], s[1]))
    best = scored[0][0]
    return scored[0][2], tuple(place for score, _, place in scored[1:4] if score >= best - _UNSURE)


def _score(match: Match, kind: str | None, context: Counter[str], divisions: Counter[str]) -> float:
    place = match.place
    return (place.prior - (0.0 if match.named else 1.0)
            + (_CONTEXT if place.country and context[place.country] else 0.0)
            + (_DIVISION if place.within and divisions[place.within] else 0.0)
            + (_HINT if kind == place.feature else 0.0))
