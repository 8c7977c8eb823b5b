"""Actors v1: find who a sentence talks about and resolve each mention to an actor.

Countries by name, adjective and demonym; capitals and seats of power as metonyms; IGOs and
organisations; persons by the knowledge base (dated roles) or by the title the text gives
them, remembered for the rest of the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .dates import as_date, find_explicit
from .lexicon import Lexicon, Name, Role
from .model import Actor, DateValue, Mention, ParsedArticle, Sentence, Token

STAGE = "actors.gazetteer.v1"
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout"}
_TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod", "punct", "nummod"}
_ROLE_WORDS = ("prime minister", "foreign minister", "defence minister", "defense minister", "president")


@dataclass
class _Memory:
    """What a document has taught about its persons so far: names and surnames → actor."""

    persons: dict[str, Actor] = field(default_factory=dict)

    def learn(self, text: str, actor: Actor) -> None:
        self.persons[text] = actor
        self.persons.setdefault(text.split()[-1], actor)

    def recall(self, text: str) -> Actor | None:
        return self.persons.get(text)


class ActorResolver:
    """Built once from the lexicon; each call resolves the mentions of one parsed article."""

    stage = STAGE

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.names = _pattern(lexicon.names)
        self.person_variants: dict[str, list[Role]] = {}
        for role in lexicon.roles:
            for variant in role.variants:
                self.person_variants.setdefault(variant, []).append(role)
        self.persons = _pattern(self.person_variants)

    def __call__(self, parsed: ParsedArticle) -> tuple[Mention, ...]:
        memory = _Memory()
        published = parsed.article.published
        mentions: list[Mention] = []
        for sentence in parsed.sentences:
            when = _sentence_day(sentence.text, published)
            names = {i for start, end, _ in _matches(self.names, sentence) for i in range(start, end)}
            people = self._persons(sentence, when, memory, names)
            taken = {i for m in people for i in range(m.start, m.end)}
            mentions.extend(people)
            mentions.extend(m for m in self._names(sentence, when) if not taken & set(range(m.start, m.end)))
        return tuple(sorted(mentions, key=lambda m: (m.sentence, m.start)))

    # -- countries, capitals, seats, organisations -------------------------------------------
    def _names(self, sentence: Sentence, when: date | None) -> list[Mention]:
        found = []
        for start, end, form in _matches(self.names, sentence):
            name = self.lexicon.names[form]
            mention = self._name_mention(sentence, start, end, name, when, form)
            if mention is not None:
                found.append(mention)
        return found

    def _name_mention(self, sentence: Sentence, start: int, end: int, name: Name, when: date | None,
                      form: str) -> Mention | None:
        last = sentence.token(end - 1)
        if name.kind == "capital" and _is_place(sentence, last):
            place = Actor(_text(sentence, start, end), form, name.country, None, name.entity_id,
                          "gazetteer.place", 0.9)
            return Mention(sentence.index, start, end, place, "place")
        if name.kind != "adjective":
            actor = Actor(_text(sentence, start, end), name.name, name.country, name.sector, name.entity_id,
                          f"gazetteer.{name.kind}", 0.9)
            return Mention(sentence.index, start, end, actor, name.kind)
        return self._adjective_mention(sentence, start, end, name, when)

    def _adjective_mention(self, sentence: Sentence, start: int, end: int, name: Name, when: date | None
                           ) -> Mention | None:
        """'Russian authorities' → RUS GOV; 'the Azerbaijani president' → the holder on that day."""
        token = sentence.token(end - 1)
        if token.pos in ("NOUN", "PROPN") and token.text.endswith("s") and token.dep != "compound":
            actor = Actor(token.text, name.name, name.country, "CVL", name.entity_id, "gazetteer.demonym", 0.7)
            return Mention(sentence.index, start, end, actor, "group")
        head = sentence.token(token.head)
        if token.dep not in ("amod", "compound") or head.i <= token.i:
            return None
        phrase = _text(sentence, start, head.i + 1)
        sector = _sector(self.lexicon, _text(sentence, end, head.i + 1))
        if sector is None:
            return None
        holder = self._role_holder(name.country, phrase, when)
        actor = holder or Actor(phrase, name.name, name.country, sector, name.entity_id, "gazetteer.adjective", 0.8)
        return Mention(sentence.index, start, head.i + 1, actor, "person" if holder else "group")

    def _role_holder(self, country: str, phrase: str, when: date | None) -> Actor | None:
        if when is None or any(w in phrase.lower() for w in ("former", "late", "ex-", "deputy", "vice")):
            return None
        for word in _ROLE_WORDS:
            if phrase.lower().endswith(word):
                for role in self.lexicon.roles:
                    if role.country == country and role.role.lower() == word.replace("defense", "defence") \
                            and role.held_on(when):
                        return Actor(phrase, role.name, role.country, role.sector, role.entity_id,
                                     "kb.title_at_date", 0.8)
        return None

    # -- persons ---------------------------------------------------------------------------------
    def _persons(self, sentence: Sentence, when: date | None, memory: _Memory, names: set[int]
                 ) -> list[Mention]:
        """Persons the knowledge base knows, and names the tagger calls persons that are not
        countries, places or organisations."""
        spans = {(s, e) for s, e, _ in _matches(self.persons, sentence)}
        spans |= {_without_possessive(sentence, e.start, e.end) for e in sentence.entities
                  if e.label == "PERSON" and not names & set(range(e.start, e.end))}
        spans |= {(t.i, t.i + 1) for t in sentence.tokens
                  if t.pos == "PROPN" and t.text in memory.persons and t.i not in names}
        mentions = []
        for start, end in _outermost({s for s in spans if s[0] < s[1]}):
            start = _extend_name(sentence, start, end)
            text = _text(sentence, start, end)
            title = _title(sentence, start, end)
            actor = self._person(text, title, when, memory)
            if actor is not None:
                memory.learn(text, actor)
                mentions.append(Mention(sentence.index, start, end, actor, "person"))
        return mentions

    def _person(self, text: str, title: str, when: date | None, memory: _Memory) -> Actor | None:
        country, sector = self._title_meaning(title)
        roles = self.person_variants.get(text) or self.person_variants.get(text.split()[-1], [])
        full = [r for r in roles if text in r.variants and " " in text]
        remembered = memory.recall(text)
        if remembered and not full:
            return Actor(text, remembered.name, remembered.country, remembered.sector, remembered.entity_id,
                         "document", remembered.confidence)
        role = _pick_role(full or roles, when, country)
        if role is not None:
            rule = "kb.name" if full else "kb.surname_at_date"
            return Actor(text, role.name, role.country, role.sector, role.entity_id, rule, 0.9 if full else 0.75)
        if not any(c.isalpha() for c in text) or text.isupper():
            return None
        if country or sector:
            return Actor(text, text, country, sector, None, "title", 0.6 if country else 0.4)
        return Actor(text, text, None, None, None, "name", 0.4)

    def _title_meaning(self, title: str) -> tuple[str | None, str | None]:
        countries = [self.lexicon.names[m.group(0)] for m in self.names.finditer(title)]
        country = next((n.country for n in countries), None)
        return country, _sector(self.lexicon, title) if title else None


def _pattern(forms: Mapping[str, object]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)")


def _matches(pattern: re.Pattern[str], sentence: Sentence) -> list[tuple[int, int, str]]:
    """Token ranges of each match, with the matched form."""
    found = []
    for match in pattern.finditer(sentence.text):
        begin, finish = sentence.start + match.start(), sentence.start + match.end()
        tokens = [t.i for t in sentence.tokens if begin <= t.start < finish]
        if tokens:
            found.append((tokens[0], tokens[-1] + 1, match.group(0)))
    return found


def _outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def _text(sentence: Sentence, start: int, end: int) -> str:
    first, last = sentence.token(start), sentence.token(end - 1)
    return sentence.text[first.start - sentence.start:last.end - sentence.start]


def _is_place(sentence: Sentence, token: Token) -> bool:
    head = sentence.token(token.head)
    return token.dep == "pobj" and head.lemma.lower() in _LOCATIVE


def _extend_name(sentence: Sentence, start: int, end: int) -> int:
    """Take in first names the tagger left out: 'Ilham' before 'Aliyev'."""
    while start > sentence.tokens[0].i:
        before = sentence.token(start - 1)
        if before.pos == "PROPN" and before.ent == "PERSON" and before.head in range(start, end):
            start -= 1
        else:
            break
    return start


def _without_possessive(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    while end > start and sentence.token(end - 1).text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _title(sentence: Sentence, start: int, end: int) -> str:
    """The words the text gives as the person's title, before the name or in apposition."""
    first = start
    while first > sentence.tokens[0].i:
        before = sentence.token(first - 1)
        if before.dep in _TITLE_DEPS and before.head in range(first - 1, end) and before.text not in (",", "("):
            first -= 1
        else:
            break
    parts = [_text(sentence, first, start)] if first < start else []
    head = sentence.token(end - 1)
    for child in sentence.children(head.i):
        if child.dep == "appos":
            subtree = sentence.subtree(child.i)
            parts.append(_text(sentence, subtree[0].i, subtree[-1].i + 1))
    if head.dep == "appos" and sentence.token(head.head).pos == "NOUN":
        noun = sentence.token(head.head)
        words = [t for t in sentence.subtree(noun.i) if t.i < start]
        if words:
            parts.append(_text(sentence, words[0].i, noun.i + 1))
    return " ".join(parts)


def _sector(lexicon: Lexicon, words: str) -> str | None:
    lowered = words.lower()
    for phrase, sector in lexicon.sectors.items():
        if " " in phrase and phrase in lowered:
            return sector
    for word in reversed(re.findall(r"[a-z-]+", lowered)):
        if word in lexicon.sectors:
            return lexicon.sectors[word]
    return None


def _pick_role(roles: list[Role], when: date | None, country: str | None) -> Role | None:
    if not roles:
        return None
    if when is not None:
        current = [r for r in roles if r.held_on(when)]
        if current:
            roles = current
    if country is not None and any(r.country == country for r in roles):
        roles = [r for r in roles if r.country == country]
    return max(roles, key=lambda r: r.start or date.min) if when is None else roles[0]


def _sentence_day(text: str, published: DateValue | None) -> date | None:
    """The day persons in a sentence are looked up at: its own date, else publication."""
    stated = find_explicit(text)
    if stated:
        return as_date(stated[0].value)
    return as_date(published) if published else None
