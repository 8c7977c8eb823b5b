"""Actors: find who a sentence talks about and resolve each mention to an actor at its date.

Countries by name, adjective and demonym; capitals and seats of power as metonyms; IGOs,
organisations, contested regions and facilities; persons by the knowledge base of dated roles,
by a title alone ("the Azerbaijani president") or by the title the text gives them, which is
remembered for the rest of the document. Every actor carries its rule, evidence and confidence.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import as_date, find_explicit
from ..events.quotes import FIRST_PLURAL, quotes
from ..lexicon import Lexicon, Name
from ..model import Actor, DateValue, Mention, ParsedArticle, Sentence, Token
from ..nlp import HYPHENS
from .matcher import NameIndex, SkeletonIndex, token_spans
from .offices import INSTITUTIONS, Office, offices_in, title_key
from .persons import NOT_IN_OFFICE, ROLE_TITLES, PersonIndex, Pick, skeleton
from .sources import Home, home_of

STAGE = "actors.kb.v8"
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from", "into", "over"}
_TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod", "punct", "nummod"}
_PLACE_KINDS = {"region", "facility"}
# nouns for what a state does: "a Russian proposal" is Russia's, "the Turkish ultimatum" Turkey's
_ACTS_OF_STATE = {"proposal", "plan", "request", "demand", "offer", "initiative", "ultimatum", "decision", "policy",
                  "position", "stance", "warning", "threat", "statement", "note", "pressure", "aggression",
                  "invasion", "occupation", "offensive", "blockade", "sanction", "embargo", "veto", "bid",
                  "mediation", "recognition", "refusal", "withdrawal", "intervention", "annexation", "claim",
                  "change", "call", "attack", "raid", "strike", "airstrike", "goods", "product", "import", "export",
                  "talks", "negotiations", "summit", "consultations", "dialogue", "agreement", "treaty", "deal",
                  "accord", "partnership", "cooperation", "relations", "ties", "alliance", "shelling", "bombing",
                  "bombardment", "incursion", "provocation"}
# what a people does, not its state: "Palestinian riots", "Georgian protests"
_ACTS_OF_PEOPLE = {"riot", "protest", "demonstration", "rally", "uprising", "unrest", "march", "sit-in", "boycott"}
# plural nouns for people by what they do ("landowners", "engineers", "unionists"), less some things
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ees", "men", "women", "people", "ites")
_NOT_PEOPLE = {"computers", "borders", "waters", "orders", "letters", "papers", "numbers", "centers", "centres",
               "matters", "headquarters", "containers", "layers", "towers", "powers", "monitors", "sectors",
               "factors", "indicators", "reactors", "corridors", "meters", "metres", "reserves", "supplies"}
_A_PERSON = {"pilot", "citizen", "national", "tourist", "resident", "native", "captive", "hostage", "prisoner",
             "detainee", "refugee", "migrant", "worker", "businessman", "businesswoman", "engineer", "teacher",
             "doctor", "man", "woman", "boy", "girl", "civilian", "sailor", "fisherman", "volunteer", "expert"}
_LED_BODIES = {"coalition", "bloc", "alliance", "mission", "contingent", "force", "operation"}  # "US-led"
_OFFICIAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}
_PARTICLES = {"bin", "ibn", "bint", "abu", "abdul", "van", "von", "der", "del", "della", "das", "dos"}
_MONARCHIC = {"king", "queen", "prince", "princess", "emir", "amir", "sultan", "sheikh", "crown"}
_MONARCHS = {"King", "Queen", "Emir", "Sultan"}
# places and things a state holds: shelling "Armenian villages" targets Armenia, as does downing "a Russian jet"
_HOLDINGS = {"village", "town", "city", "settlement", "territory", "soil", "airspace", "position", "post",
             "outpost", "base", "region", "district", "province", "land", "water", "coast", "port", "airport",
             "infrastructure", "facility", "vessel", "ship", "tanker", "aircraft", "plane", "jet", "drone",
             "helicopter", "convoy", "checkpoint", "embassy", "consulate", "trench", "border",
             "wine", "oil", "gas", "grain", "wheat", "steel", "airline", "bank", "company", "firm", "asset", "flight",
             "lorry", "truck", "vehicle", "bus", "train", "building", "monument", "property", "headquarters"}
_HONORIFICS = {"h.e.", "h.m.", "h.r.h.", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "excellency"}
_TITLE_JOINS = {"to", "the", "for", "of", "and"}  # inside a title: "Assistant to the President for ..."
_STATE_KINDS = {"country", "adjective", "capital", "seat"}  # a title's country before any IGO it names


@dataclass
class _Memory:
    """What a document has taught so far: persons by name and surname, and who was named last."""

    persons: dict[str, Actor] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)
    titles: dict[str, list[Actor]] = field(default_factory=dict)  # "president" → those titled so, in order

    def entitle(self, key: str, actor: Actor) -> None:
        if key and len(key.split()) <= 4:
            self.titles.setdefault(key, []).append(actor)

    def titled(self, key: str, home: str | None) -> Actor | None:
        """The one person the document has given this title; of several, the one of the home country."""
        people = {a.entity_id or a.name: a for a in self.titles.get(key, [])}
        if len(people) == 1:
            return next(iter(people.values()))
        ours = [a for a in people.values() if home is not None and a.country == home]
        return ours[-1] if len(ours) == 1 else None

    def learn(self, text: str, actor: Actor) -> None:
        """The full name and the surname point at the person; so does each other word of the name
        the document has not used for someone else ("Sultan Haitham" after "Haitham bin Tariq Al Said")."""
        key = skeleton(text)
        self.persons[key] = actor
        for word in key.split()[:-1]:
            if len(word) > 3 and word not in _PARTICLES:
                self.persons.setdefault(word, actor)
        self.persons[key.split()[-1]] = actor
        if actor.entity_id:
            self.recent.append(actor.entity_id)

    def recall(self, text: str) -> Actor | None:
        """The person of this name, or of every one of its words: "Sultan Haitham" after "Sultan
        Haitham bin Tariq" (but not "Ilham Aliyev" after "Heydar Aliyev")."""
        key = skeleton(text)
        if key in self.persons or not key:
            return self.persons.get(key)
        words = key.split()
        if not all(w in self.persons for w in words):
            return None
        known = {self.persons[w].entity_id or self.persons[w].name for w in words}
        return self.persons[words[-1]] if len(known) == 1 else None

    def knows(self, token_text: str) -> bool:
        return skeleton(token_text) in self.persons


@dataclass(frozen=True)
class NamedPerson:
    """A person's name read alone: the actor it resolves to, and the knowledge base's pick (the role
    that choice rests on, and whether a term of that person covers the date)."""

    actor: Actor
    pick: Pick


class ActorResolver:
    """Built once from the lexicon; each call resolves the mentions of one parsed article."""

    stage = STAGE

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.names = NameIndex(lexicon.names)
        self.people = PersonIndex(lexicon.roles, lexicon.leaders)
        self.persons = SkeletonIndex(v for role in lexicon.roles for v in role.variants)
        self.longest_phrase = max((len(p.split()) for p in lexicon.sectors), default=1)

    def __call__(self, parsed: ParsedArticle) -> tuple[Mention, ...]:
        memory = _Memory()
        home = home_of(parsed.article, self.lexicon.outlets)
        for heading in parsed.title:  # "Call with Honduran President-Elect Xiomara Castro": who she is
            found = token_spans(heading, self.names.find(heading.text))
            for person in self._persons(heading, _sentence_day(heading.text, parsed.article.published), _Memory(),
                                        {i for start, end, _ in found for i in range(start, end)}, home):
                if person.actor.country:  # what the title does not place, the text may
                    memory.learn(_text(heading, person.start, person.end), person.actor)
        mentions: list[Mention] = []
        for sentence in parsed.sentences:
            when = _sentence_day(sentence.text, parsed.article.published)
            found = token_spans(sentence, self.names.find(sentence.text))
            names = {i for start, end, _ in found for i in range(start, end)}
            people = self._persons(sentence, when, memory, names, home)
            taken = {i for m in people for i in range(m.start, m.end)}
            named = [self._counterpart(m, people, when) for m in self._names(sentence, found, when)
                     if not taken & set(range(m.start, m.end))]
            taken |= {i for m in named for i in range(m.start, m.end)}
            mentions.extend(_placed(people, named))
            mentions.extend(named)
            mentions.extend(self._offices(sentence, taken, when, memory, home, people + named))
        return tuple(sorted(mentions, key=lambda m: (m.sentence, m.start)))

    def name(self, text: str, when: date | None) -> NamedPerson | None:
        """A person's name on ``when`` as a sentence reads it where the name has no title and the
        document has named no one before (the decision of ``_person``); None for a name the
        knowledge base does not know."""
        pick = self.people.pick(text, when)
        return None if pick is None else NamedPerson(_picked_actor(text, pick), pick)

    # -- offices named alone, counterparts, the source's own side --------------------------------
    def _offices(self, sentence: Sentence, taken: set[int], when: date | None, memory: _Memory, home: Home | None,
                 named: list[Mention]) -> list[Mention]:
        """ "The President thanked ...": the person the document titled so, else the home country's
        holder of the office that day, else an official of the home country; nothing without a home.
        An office a name completes ("the Ambassador of Japan") is remembered as that name's official."""
        found = self._first_person(sentence, home) if home is not None else []
        for office in offices_in(sentence, taken, set(memory.titles) | set(ROLE_TITLES)):
            if office.named_by is not None:
                self._learn_office(office, named, memory)
                continue
            actor = self._office_holder(office, when, memory, home)
            if actor is not None:
                found.append(Mention(sentence.index, office.start, office.end, actor,
                                     "group" if office.key in INSTITUTIONS else "person"))
        return found

    def _first_person(self, sentence: Sentence, home: Home) -> list[Mention]:
        """ "our support for Ukraine" in a government's own text, outside a quote: that government."""
        quoted = quotes(sentence)
        return [Mention(sentence.index, t.i, t.i + 1, Actor(t.text, t.text, home.country, "GOV", None, "source.home",
                                                            0.5, f'"{t.text}" outside a quote, and {home.evidence}'),
                        "country")
                for t in sentence.tokens if t.text.lower() in FIRST_PLURAL and t.pos == "PRON"
                and not any(q.holds(sentence, t) for q in quoted)]

    def _learn_office(self, office: Office, named: list[Mention], memory: _Memory) -> None:
        holder = next((m.actor for m in named if m.start <= (office.named_by or 0) < m.end), None)
        if holder is None or memory.titles.get(office.key):
            return
        if holder.entity_id and holder.entity_id.startswith(("person:", "org:")):
            memory.entitle(office.key, holder)  # "the Press Secretary, Karine Jean-Pierre"
        elif holder.country:
            sector = "IGO" if holder.entity_id and holder.entity_id.startswith("igo:") else "GOV"
            memory.entitle(office.key, Actor(office.text, f"{office.text} of {holder.name}", holder.country, sector,
                                             None, "title", 0.6, f'"{office.text}" of {holder.name}'))

    def _office_holder(self, office: Office, when: date | None, memory: _Memory, home: Home | None
                       ) -> Actor | None:
        remembered = memory.titled(office.key, home.country if home else None)
        if remembered is not None and office.key not in INSTITUTIONS:
            return dataclasses.replace(remembered, text=office.text, rule="document.title",
                                       confidence=round(remembered.confidence * 0.9, 2),
                                       evidence=f'"{office.text}": {remembered.name}, given this title earlier')
        if home is None:
            return None
        role = ROLE_TITLES.get(office.key)
        holder = self.people.holder(home.country, role, when) if role and when else None
        if holder is not None:
            return Actor(office.text, holder.name, holder.country, holder.sector, holder.entity_id,
                         "source.title_at_date", 0.6, f'"{office.text}": {holder.name} was {holder.role} of '
                         f'{holder.country} on {when}, and {home.evidence}')
        sector = self._sector(office.key) or "GOV"
        return Actor(office.text, office.text, home.country, sector, None, "source.home", 0.5,
                     f'"{office.text}" named alone, and {home.evidence}')

    def _counterpart(self, mention: Mention, people: list[Mention], when: date | None) -> Mention:
        """ "Lavrov met his Azerbaijani counterpart": the holder of Lavrov's office in Azerbaijan that day."""
        if not mention.actor.text.lower().endswith(("counterpart", "counterparts")) or when is None \
                or mention.kind == "person":
            return mention
        for person in reversed([p for p in people if p.start < mention.start and p.actor.entity_id]):
            for role in self.people.roles_held(person.actor.entity_id or "", when):
                holder = self.people.holder(mention.actor.country or "", role.role, when)
                if holder is not None:
                    actor = Actor(mention.actor.text, holder.name, holder.country, holder.sector, holder.entity_id,
                                  "kb.counterpart", 0.75, f'"{mention.actor.text}" of {person.actor.name}, '
                                  f'{role.role}: {holder.name} held that office in {holder.country} on {when}')
                    return dataclasses.replace(mention, actor=actor, kind="person")
        return mention

    # -- countries, capitals, seats, organisations, places ---------------------------------------
    def _names(self, sentence: Sentence, spans: list[tuple[int, int, str]], when: date | None) -> list[Mention]:
        found = []
        for start, end, form in spans:
            mention = self._name_mention(sentence, start, end, self.lexicon.names[form], when)
            if mention is not None:
                found.append(mention)
        return [m for m in found if not (m.actor.rule == "gazetteer.demonym" and any(  # "Bosnian Serbs": Bosnia's
            o.actor.rule == "gazetteer.adjective-people" and o.start < m.start and o.end == m.end for o in found))]

    def _name_mention(self, sentence: Sentence, start: int, end: int, name: Name, when: date | None
                      ) -> Mention | None:
        text = _text(sentence, start, end)
        last = sentence.token(end - 1)
        if all(sentence.token(i).ent in ("DATE", "TIME") for i in range(start, end)):
            return None  # "on Tuesday morning" is a time, whatever a table calls "Tuesday Morning"
        evidence = f'"{text}" is a {name.kind} of {name.country}'
        if name.kind == "facility" or (name.kind in ("capital", "region") and _is_place(sentence, last)):
            place = Actor(text, name.name, name.country, None, name.entity_id, "gazetteer.place", 0.9, evidence)
            return Mention(sentence.index, start, end, place, "place")
        led = _led(sentence, end)
        if led is not None and name.kind in ("country", "adjective", "igo", "org") and (
                led.lemma.lower() in _LED_BODIES or self._sector(led.text)):  # "the Saudi-led coalition"
            phrase = _text(sentence, start, led.i + 1)
            actor = Actor(phrase, name.name, name.country, self._sector(led.text), name.entity_id,
                          f"gazetteer.{name.kind}-led", 0.75, f'"{phrase}": led by {name.name}')
            return Mention(sentence.index, start, led.i + 1, actor, "group")
        if name.kind == "adjective":
            return self._adjective_mention(sentence, start, end, name, when)
        titled = self._title_of(sentence, start, last, name, when)
        if titled is not None:
            return titled
        actor = Actor(text, name.name, name.country, name.sector, name.entity_id, f"gazetteer.{name.kind}",
                      0.9, evidence)
        return Mention(sentence.index, start, end, actor, name.kind)

    def _adjective_mention(self, sentence: Sentence, start: int, end: int, name: Name, when: date | None
                           ) -> Mention | None:
        """'Russian authorities' → RUS GOV; 'the Azerbaijani president' → the holder on that day."""
        token = sentence.token(end - 1)
        if token.pos in ("NOUN", "PROPN") and token.text.endswith("s") and token.dep != "compound":
            actor = Actor(token.text, name.name, name.country, "CVL", name.entity_id, "gazetteer.demonym", 0.7,
                          f'"{token.text}": people of {name.country}')
            return Mention(sentence.index, start, end, actor, "group")
        first = token
        while first.dep == "conj" and first.head < first.i:  # "Hungarian and Romanian officials"
            first = sentence.token(first.head)
        head: Token | None = sentence.token(first.head)
        if first.dep not in ("amod", "compound", "nmod") or head is None or head.i <= token.i:
            head = _split_noun(sentence, token) or _shared_noun(sentence, token)  # a phrase the parser split
        while head is not None and head.text in self.lexicon.names and head.head > head.i and sentence.token(
                head.i - 1).text in HYPHENS:
            head = sentence.token(head.head)  # "Russian-Azerbaijani talks": past the name it is hyphened to
        if head is None:
            return None
        if _holding(head):  # "Armenian villages", "Russian positions"
            phrase = _text(sentence, start, head.i + 1)
            actor = Actor(phrase, name.name, name.country, None, name.entity_id, "gazetteer.adjective-place", 0.7,
                          f'"{phrase}": a place or asset of {name.country}')
            return Mention(sentence.index, start, head.i + 1, actor, "place")
        titled = self._titled(sentence, start, head.i + 1, name, when, role_words=_text(sentence, end, head.i + 1))
        if titled is None and {head.lemma.lower(), head.text.lower()} & _ACTS_OF_STATE:  # "a Russian proposal"
            actor = Actor(token.text, name.name, name.country, "GOV", name.entity_id, "gazetteer.adjective-act", 0.7,
                          f'"{token.text} {head.text}": an act of the state of {name.country}')
            return Mention(sentence.index, start, end, actor, "country")
        if titled is None and head.lemma.lower() in _ACTS_OF_PEOPLE:  # "Palestinian riots": the people's
            actor = Actor(token.text, name.name, name.country, "CVL", name.entity_id, "gazetteer.adjective-people",
                          0.6, f'"{token.text} {head.text}": an act of people of {name.country}')
            return Mention(sentence.index, start, end, actor, "group")
        if titled is None and (_people(head) or _ethnic(head, token)):  # "Algerian landowners", "Iraqi Kurds"
            phrase = _text(sentence, start, head.i + 1)
            actor = Actor(phrase, name.name, name.country, "CVL", name.entity_id, "gazetteer.adjective-people", 0.6,
                          f'"{phrase}": people of {name.country}')
            return Mention(sentence.index, start, head.i + 1, actor, "group")
        return titled

    def _title_of(self, sentence: Sentence, start: int, token: Token, name: Name, when: date | None
                  ) -> Mention | None:
        """'Azerbaijan's president' and 'the president of Azerbaijan' name a role holder too."""
        head = sentence.token(token.head)
        lemma = head.lemma.lower()
        if token.dep == "poss" and head.i > token.i and (_role_of(lemma) or lemma in self.lexicon.sectors):
            words = " ".join(t.text for t in sentence.tokens if token.i < t.i <= head.i and t.dep != "case")
            return self._titled(sentence, start, head.i + 1, name, when, role_words=words)
        if token.dep == "pobj" and lemma == "of" and head.head < head.i:
            title = sentence.token(head.head)
            if _role_of(title.lemma.lower()):
                first = min(t.i for t in sentence.subtree(title.i))
                mention = self._titled(sentence, first, token.i + 1, name, when,
                                       role_words=_text(sentence, first, title.i + 1))
                return mention if mention is not None and mention.kind == "person" else None
        return None

    def _titled(self, sentence: Sentence, start: int, end: int, name: Name, when: date | None,
                role_words: str | None = None) -> Mention | None:
        phrase = _text(sentence, start, end)
        words = role_words if role_words is not None else _text(sentence, start + 1, end) if end > start + 1 else ""
        sector = self._sector(words)
        if sector is None:
            return None
        modifiers = " ".join(t.text for t in sentence.children(end - 1) if t.i < start)  # "the former …"
        holder = self._role_holder(name.country, phrase, f"{modifiers} {phrase}", words, when)
        actor = holder or Actor(phrase, name.name, name.country, sector, name.entity_id, "gazetteer.adjective", 0.8,
                                f'"{phrase}": {sector} of {name.country}')
        return Mention(sentence.index, start, end, actor, "person" if holder else "group")

    def _role_holder(self, country: str, phrase: str, context: str, words: str, when: date | None
                     ) -> Actor | None:
        lowered = context.lower()
        role = _role_of(words.lower().strip())
        if when is None or role is None or any(w in lowered for w in NOT_IN_OFFICE):
            return None
        holder = self.people.holder(country, role, when)
        if holder is None:
            return None
        return Actor(phrase, holder.name, holder.country, holder.sector, holder.entity_id, "kb.title_at_date", 0.8,
                     f'"{phrase}": {holder.name} was {holder.role} on {when}')

    # -- persons ---------------------------------------------------------------------------------
    def _persons(self, sentence: Sentence, when: date | None, memory: _Memory, names: set[int], home: Home | None
                 ) -> list[Mention]:
        """Persons the knowledge base or the document knows, and names the tagger calls persons
        that are not countries, places or organisations."""
        spans = {(s, e) for s, e in self.persons.find(sentence)
                 if e - s > 1 or _may_be_person(sentence, sentence.token(s))}
        spans |= {_without_possessive(sentence, e.start, e.end) for e in sentence.entities
                  if e.label == "PERSON" and not names & set(range(e.start, e.end))}
        spans |= {(t.i, t.i + 1) for t in sentence.tokens if t.i not in names and _may_be_person(sentence, t)
                  and (memory.knows(t.text) or self.people.candidates(t.text))}
        mentions = []
        extended = {_without_honorific(sentence, _extend_name(sentence, start, end), end) for start, end in spans
                    if start < end}
        for start, end in _outermost(extended):  # "Amir Sheikh" inside "Amir Sheikh Tamim bin Hamad Al Thani"
            text, title = _text(sentence, start, end), _title(sentence, start, end)
            in_title = self.names.find(title)  # the countries and bodies the title names
            actor = self._person(text, title, in_title, when, memory, sentence.index, home)
            if actor is not None:
                memory.learn(text, actor)
                self._learn_titles(memory, title, in_title, actor, when)
                mentions.append(Mention(sentence.index, start, end, actor, "person"))
        return mentions

    def _learn_titles(self, memory: _Memory, title: str, in_title: list[tuple[int, int, str]], actor: Actor,
                      when: date | None) -> None:
        """Remember the titles the text gives a person ("Vice President Kamala Harris" → "vice president",
        without the country: "Russian Foreign Minister" → "foreign minister") and the offices the tables
        say the person held that day, so that the office named alone later finds them."""
        words = title
        for start, end, _ in reversed(in_title):
            words = f"{words[:start]} {words[end:]}"
        memory.entitle(title_key(words), actor)
        if actor.entity_id and when is not None:
            for role in self.people.roles_held(actor.entity_id, when):
                memory.entitle(title_key(role.role), actor)

    def _person(self, text: str, title: str, in_title: list[tuple[int, int, str]], when: date | None,
                memory: _Memory, index: int, home: Home | None) -> Actor | None:
        country, sector = self._title_meaning(title, in_title)
        pick = self.people.pick(text, when, country, memory.recent)
        if pick is None and sector is not None:  # "President Reagan": known by full name only
            pick = self.people.titled(text, sector, when)
            pick = pick if pick is None or country in (None, pick.role.country) else None
        remembered = memory.recall(text)
        if remembered is not None and (pick is None or pick.rule in ("kb.surname_nearest", "kb.title_surname")):
            return Actor(text, remembered.name, remembered.country, remembered.sector, remembered.entity_id,
                         "document", remembered.confidence, f'"{text}": {remembered.name}, named earlier')
        if pick is not None and country and pick.role.country != country and not (when and pick.role.held_on(when)):
            role = pick.role  # "U.N. mediator Diego Cordovez" before he was Ecuador's minister: the title decides
            return Actor(text, role.name, country, sector or role.sector, role.entity_id, "title", 0.7,
                         f'title "{title}" (sentence {index + 1}); the tables know {role.name} as {role.role} '
                         f'({role.country}) only at other dates')
        if pick is not None:
            return _picked_actor(text, pick)
        if not any(c.isalpha() for c in text) or text.isupper():
            return None
        if not country and sector in _OFFICIAL_SECTORS and home is not None and self._may_hold(home.country, title,
                                                                                                 when):
            return Actor(text, text, home.country, sector, None, "source.home", 0.45,
                         f'title "{title}" (sentence {index + 1}), and {home.evidence}')
        if country or sector:
            return Actor(text, text, country, sector, None, "title", 0.6 if country else 0.4,
                         f'title "{title}" (sentence {index + 1})')
        return Actor(text, text, None, None, None, "name", 0.4, "a name the tagger found, with no title")

    def _may_hold(self, country: str, title: str, when: date | None) -> bool:
        """Whether an unknown person with this title can be an official of ``country``: not when the
        tables know who held that office there that day ("President Barham Saleh" in a White House text
        is not the US president), nor a monarch's title in a state whose tables list no monarch."""
        role = _role_of(title_key(title))
        if role is not None and when is not None and self.people.holder(country, role, when) is not None:
            return False
        return not (_MONARCHIC & set(title_key(title).split()) and not self.people.has_role(country, _MONARCHS))

    def _title_meaning(self, title: str, in_title: list[tuple[int, int, str]]) -> tuple[str | None, str | None]:
        named = [self.lexicon.names[form] for _, _, form in in_title]
        states = [n for n in named if n.kind in _STATE_KINDS] or [n for n in named if n.kind not in _PLACE_KINDS]
        country = states[0].country if states else None
        if states and states[0].kind == "igo":  # "U.N. mediator", "Arab League Secretary General"
            return country, "IGO"
        return country, self._sector(title) if title else None

    def _sector(self, words: str) -> str | None:
        """The sector the words give: the longest phrase of the sector table they hold ("armed forces"),
        else the last word that has one ("Deputy Foreign Minister" → GOV)."""
        found = re.findall(r"[a-z-]+", words.lower())
        sectors = self.lexicon.sectors
        for size in range(min(self.longest_phrase, len(found)), 1, -1):
            for start in range(len(found) - size + 1):
                phrase = " ".join(found[start:start + size])
                if phrase in sectors:
                    return sectors[phrase]
        return next((sectors[word] for word in reversed(found) if word in sectors), None)


def _picked_actor(text: str, pick: Pick) -> Actor:
    """The actor a name is, as the knowledge base picked it: its person, with the rule and evidence."""
    role = pick.role
    return Actor(text, role.name, role.country, role.sector, role.entity_id, pick.rule, pick.confidence,
                 pick.evidence)


def _may_be_person(sentence: Sentence, token: Token) -> bool:
    """A bare surname from the knowledge base counts only as a proper name outside a place phrase:
    not 'Ban on imports', not 'in Austin', not 'Austin, Texas'. (The small tagger often calls
    foreign surnames places, so its entity label alone cannot decide.)"""
    if token.pos != "PROPN" or _is_place(sentence, token):
        return False
    after = [t for t in sentence.tokens if t.i in (token.i + 1, token.i + 2)]
    return not (len(after) == 2 and after[0].text == "," and after[1].ent == "GPE")


def _role_of(words: str) -> str | None:
    """'foreign minister' → 'Foreign Minister'; the longest role title the words end with."""
    for title in sorted(ROLE_TITLES, key=len, reverse=True):
        if words == title or words.endswith(" " + title):
            return ROLE_TITLES[title]
    return None


def _outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def _text(sentence: Sentence, start: int, end: int) -> str:
    first, last = sentence.token(start), sentence.token(end - 1)
    return sentence.text[first.start - sentence.start:last.end - sentence.start]


def _is_place(sentence: Sentence, token: Token) -> bool:
    while token.dep == "compound" and token.head > token.i:  # "in the West Bank city of Tulkarm"
        token = sentence.token(token.head)
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


def _without_honorific(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """A name without the honorific the tagger took in: "H.E. Sheikh Mohammed" is Sheikh Mohammed."""
    while end - start > 1 and sentence.token(start).text.lower() in _HONORIFICS:
        start += 1
    return start, end


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
    if first == start:
        first = _title_with_prepositions(sentence, start)
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
    for i in range(first, end):  # "President Félix Tshisekedi of the Democratic Republic of the Congo"
        for child in sentence.children(i):
            if child.dep == "prep" and child.lemma.lower() == "of" and child.i >= end:
                subtree = sentence.subtree(child.i)
                parts.append(_text(sentence, subtree[0].i, subtree[-1].i + 1))
    return " ".join(parts)


def _title_with_prepositions(sentence: Sentence, start: int) -> int:
    """Where a capitalised title joined by "to" or "for" starts before a name, which the parser does not
    make one phrase: "Assistant to the President for National Security Affairs Jake Sullivan",
    "Minister for Foreign Affairs Jeyhun Bayramov"; else ``start``."""
    first = start
    while first > sentence.tokens[0].i:
        before = sentence.token(first - 1)
        if not (before.text[:1].isupper() and before.pos in ("PROPN", "NOUN")) and before.text not in _TITLE_JOINS:
            break
        first -= 1
    while first < start and sentence.token(first).text in _TITLE_JOINS:
        first += 1
    words = {t.text for t in sentence.tokens if first <= t.i < start}
    return first if words & {"to", "for"} and sentence.token(start - 1).text[:1].isupper() else start


def _sentence_day(text: str, published: DateValue | None) -> date | None:
    """The day persons in a sentence are looked up at: its own date, else publication."""
    stated = find_explicit(text)
    if stated:
        return as_date(stated[0].value)
    return as_date(published) if published else None


def _placed(people: list[Mention], named: list[Mention]) -> list[Mention]:
    """An official the tables do not know ("President Robert Mugabe") in a sentence that names
    one country only is taken to hold office there, with low confidence and the reason."""
    countries = {m.actor.country for m in named if m.actor.country and m.kind != "igo"}
    if len(countries) != 1:
        return people
    [country] = countries
    return [m if m.actor.country or m.actor.sector not in _OFFICIAL_SECTORS else dataclasses.replace(
        m, actor=dataclasses.replace(m.actor, country=country, rule="context.only-country", confidence=0.5,
                                     evidence=f"{m.actor.evidence}; the only country the sentence names is "
                                              f"{country}".lstrip("; ")))
            for m in people]


def _led(sentence: Sentence, end: int) -> Token | None:
    """The noun a name leads, hyphened to it: "coalition" in "the Saudi-led coalition" (a body with a
    name of its own, "the Russian-led Collective Security Treaty Organization", is itself the party)."""
    words = [t for t in sentence.tokens if end <= t.i <= end + 1]
    if len(words) < 2 or words[0].text not in HYPHENS or words[1].text.lower() not in ("led", "headed"):
        return None
    noun = sentence.token(words[1].head)
    return noun if noun.i > words[1].i and noun.pos == "NOUN" else None


def _holding(noun: Token) -> bool:
    """A place or thing a state holds; "positions" held, but "the Russian position" is a stance."""
    return noun.lemma.lower() in _HOLDINGS and (noun.lemma.lower() != "position" or noun.tag == "NNS")


def _split_noun(sentence: Sentence, adjective: Token) -> Token | None:
    """The noun right after an adjective that the parser gave the same role instead of making the
    adjective its modifier: "accused Azerbaijani(dobj) forces(dobj) of shelling"."""
    following = [t for t in sentence.tokens if t.i == adjective.i + 1]
    if following and following[0].pos in ("NOUN", "PROPN") and following[0].dep == adjective.dep \
            and following[0].head == adjective.head:
        return following[0]
    return None


def _shared_noun(sentence: Sentence, adjective: Token) -> Token | None:
    """The noun an adjective shares with the one coordinated after it, which the parser made the
    adjective's conjunct: "scores of [Sierra Leonean] and [Ethiopian migrants]"."""
    return next((c for c in sentence.children(adjective.i) if c.dep == "conj" and c.pos == "NOUN"
                 and c.i > adjective.i), None)


def _ethnic(noun: Token, adjective: Token) -> bool:
    """A people named right after a state's adjective: "Iraqi Kurds", "Bosnian Serbs" (of that state)."""
    return noun.tag in ("NNPS", "NNS") and noun.text[:1].isupper() and noun.i == adjective.i + 1


def _people(token: Token) -> bool:
    """ "Algerian landowners", "Georgian engineers", and one person: "the captured Indian pilot"."""
    word = token.text.lower()
    if token.tag == "NN":
        return word in _A_PERSON
    return token.tag in ("NNS", "NNPS") and word.endswith(_PEOPLE_ENDINGS) and word not in _NOT_PEOPLE
