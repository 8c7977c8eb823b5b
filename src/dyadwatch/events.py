"""Events: PLOVER events from the dependency parse, one sentence at a time.

A trigger (a verb, a phrasal verb, a verb with its object, a light verb with an event noun, an
event noun, a conditional threat, a demand with "must", or a quote read by its words) gives the
type, mode and CAMEO root; its subject gives the source and its objects the target, through
pronouns, groups ("thousands of Georgians"), owners ("a Russian proposal"), clauses ("demanded
that Iran abandon") and, for a follow-up without named sides, the event just told. Conditions,
negation, reported claims, futures and old dates set the modality instead of counting the event
as done; what is promised, threatened or refused is also an event of its own (AGREE, THREATEN,
REJECT). Confidence says how directly the sentence states the coding.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import modality
from .dates import as_date, event_date
from .lexicon import EventType, Lexicon
from .model import Actor, Event, Location, Mention, ParsedArticle, Sentence, Token, countries
from .quotes import FIRST_PERSON, SAYING, Quote, cue, quotes
from .timex import weekday_reading

STAGE = "events.rules.v3"
_LIGHT = {"hold", "launch", "express", "provide", "impose", "pay", "make", "conduct", "give", "reach",
          "carry", "stage", "issue", "introduce", "slap", "offer", "extend", "send", "deliver", "renew", "resume",
          "begin", "start", "continue", "open", "complete", "organize", "organise", "lodge", "file", "declare",
          "institute", "reimpose", "tighten", "undertake", "mount", "grant", "announce", "attend", "engage",
          "order", "have", "voice", "reaffirm", "reiterate", "underscore", "confirm", "pledge"}
_RECIPIENT_PREPS = {"with", "to", "against", "on", "from", "for", "toward", "towards", "upon", "into", "over",
                    "between", "among"}
_STANCES = {"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"}  # already what is said, not what is done
_EMBEDDING = {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj"}
_ARRIVING = {"arrive", "land", "visit", "travel", "fly", "stop"}
# verbs whose object is what is talked about, not who is talked to: "discussed a treaty between A and B"
_TOPIC_VERBS = {"discuss", "debate", "review", "consider", "examine", "address", "raise", "negotiate", "talk",
                "explore", "tackle"}
_EXERCISES = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "games", "patrol", "patrols"}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
_RECEIVING = {"receive"}
_OFFERING = {"offer", "propose", "promise", "pledge"}  # "offered talks": talks promised, not held
_ABOUT_OTHERS = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT"}  # "demanded that Iran abandon"
_OFFICIAL = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"}
_WHERE = {"in", "near", "at", "inside", "across", "throughout", "outside", "around", "along"}
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}  # "talks on Karabakh": the subject of talks
_CLAIMING_ACTS = {"claim"}
_TAKING_PART = {"engage", "participate", "join", "take", "involve", "remain", "stay", "put", "place", "keep"}
_ASKING_OTHERS = {"want", "pressure", "press", "encourage"}
_PEACEFUL = EventType("", 1, 0.0, "")
_MEMBERSHIP = {"of", "from", "in", "throughout", "across"}  # "rebels in the Ivory Coast"
_RELATIVES = {"which", "whom", "who", "that"}


@dataclass(frozen=True)
class _Trigger:
    token: Token
    event_type: str
    noun: Token | None  # the event noun of a light verb, or the trigger itself when it is a noun
    entry: tuple[str, str] | None = None  # the row of the trigger table: (pos, trigger)
    condition: Token | None = None  # the if-clause of a conditional threat
    speaker: Token | None = None  # who demands, when the trigger is what someone "must" do
    quote: Quote | None = None  # the quote that is the statement, for an event read from a quote's words


@dataclass
class _Memory:
    """What the sentences read so far of one article tell the next ones."""

    person: Actor | None = None  # the last person named: what "he" or "she" refers to
    dyad: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # the last event with both sides
    dyad_at: int = -1  # the sentence of that event
    meeting: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # the last meeting's sides: "the two ministers"


# "these negotiations", "during the visit", "the two presidents": a sentence that goes on about the
# event just told, so an event in it without named sides has that event's sides
_SAME_EVENT = re.compile(
    r"\b(?:these|those|the|this|that)\s+(?:talks|negotiations|meetings?|visit|summit|consultations|discussions)\b"
    r"|\bthe\s+two\s+(?:sides|countries|states|presidents|leaders|governments|ministers|delegations|parties)\b",
    re.I)
_SAME_EVENT_REACH = 6  # sentences
_SIDES = {"leader", "side", "president", "minister", "country", "delegation", "party", "government", "counterpart",
          "nation", "state", "official", "chief"}  # "the two leaders", "both sides": the sides just told
_PRONOUNS = {"he", "she"}  # subjects only: "his visit" after "X told Y" is too often wrong
# a conditional whose consequence is force: "if the lands are not freed, we will be compelled to ..."
_FORCE_HEADS = {"compel", "force", "oblige", "retaliate", "respond", "strike", "attack", "resort", "liberate",
                "retake", "punish", "use"}


class EventCoder:
    """Built once from the lexicon; each call codes the events of one parsed article."""

    stage = STAGE

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._verb_heads = {key.split()[0] for key in lexicon.verb_triggers} | _LIGHT

    def __call__(self, parsed: ParsedArticle, mentions: Iterable[Mention]) -> tuple[Event, ...]:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        events: list[Event] = []
        published = parsed.article.published
        anchor = as_date(published) if published and published.precision == "day" else None
        reading = weekday_reading(parsed.article.text, anchor)
        memory = _Memory()
        for sentence in parsed.sentences:
            named = by_sentence.get(sentence.index, [])
            quoted = quotes(sentence)
            found = list(self._sentence_events(parsed, sentence, named + _pronouns(sentence, named, memory, quoted),
                                               reading, memory, quoted))
            events.extend(found)
            people = [m.actor for m in named if m.kind == "person"]
            memory.person = people[-1] if people else memory.person
            sided = [e for e in found if e.actor and e.recipient and e.modality != "negated"]
            if sided:
                memory.dyad, memory.dyad_at = (sided[-1].actor, sided[-1].recipient), sentence.index
            met = [e for e in sided if e.event_type == "CONSULT" and e.modality == "asserted"]
            if met:
                memory.meeting = (met[0].actor, met[0].recipient)
        return tuple(events)

    def _sentence_events(self, parsed: ParsedArticle, sentence: Sentence, mentions: list[Mention],
                         weekdays: str, memory: _Memory, quoted: list[Quote]) -> Iterator[Event]:
        seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
        same_event = memory.dyad is not None and sentence.index - memory.dyad_at <= _SAME_EVENT_REACH and bool(
            _SAME_EVENT.search(sentence.text))
        for trigger in self._triggers(sentence, quoted):
            quad = self.lexicon.event_types[trigger.event_type].quad_code
            actor, recipient = _arguments(sentence, trigger, mentions, quad)  # places: "demonstrators in Baghdad"
            inherited = (not actor and not recipient and same_event and memory.dyad is not None
                         and self.lexicon.event_types[trigger.event_type].quad_code in (1, 2))  # what talks yield
            if inherited and memory.dyad is not None:
                actor, recipient = memory.dyad  # "During the visit, two documents were signed."
            if trigger.event_type == "MOBILIZE" and _joint(trigger, actor, recipient):
                trigger = dataclasses.replace(trigger, event_type="COOPERATE", entry=None)
            if not recipient and quad in (2, 4):
                recipient = _where_aimed(sentence, trigger, mentions, actor)
            if not recipient and trigger.event_type == "PROTEST":
                recipient = _own_government(actor)
            if not actor and recipient and quad == 4:
                actor = _unnamed_attacker(sentence, trigger, mentions, recipient)
            if not any(a.country for a in actor + recipient):
                continue  # an event needs a side placed in a country (or an IGO); "Three US soldiers were
                # killed" has a target and no known source
            event = self._event(parsed, sentence, trigger, actor, recipient, mentions, weekdays, inherited, quoted)
            obliged = any(c.dep == "aux" and c.lemma.lower() in ("must", "should")
                          for c in sentence.children(trigger.token.i))  # what another "must" do is no promise
            stance = None if obliged else self._stance(event, sentence, trigger.token, parsed, weekdays)
            for coded in (event, stance):
                if coded is None:
                    continue
                key = (coded.event_type, _ids(coded.actor), _ids(coded.recipient))
                if key not in seen:
                    seen.add(key)
                    yield coded

    def _stance(self, event: Event, sentence: Sentence, trigger: Token, parsed: ParsedArticle, weekdays: str
                ) -> Event | None:
        """What saying so is, in PLOVER: a cooperative act promised or offered ("will support",
        "would meet if") is AGREE, a hostile one ("will impose sanctions", "could close its border")
        is THREATEN, and a cooperative act refused ("refused to meet", "did not sign") is REJECT. A
        forecast by others ("is expected to visit") is no one's promise. The stance is dated as the
        saying is: by the verb that states it ("offered on Monday to mediate"), else the publication."""
        kind = self.lexicon.event_types[event.event_type]
        cooperative = kind.quad_code in (1, 2)
        if event.modality in ("future", "hypothetical") and event.event_type not in _STANCES:
            if modality.forecast(sentence, trigger):
                return None
            stance = "AGREE" if cooperative else "THREATEN"
        elif event.modality == "negated" and cooperative:
            stance = "REJECT"
        else:
            return None
        said = self.lexicon.event_types[stance]
        if event.modality == "negated":
            date, precision, basis = event.date, event.date_precision, event.date_basis
        else:
            date, precision, basis = self._saying_date(sentence, trigger, parsed, weekdays)
        return dataclasses.replace(
            event, id=_event_id(event.doc_id, event.span[0], event.id, stance, event.actor, event.recipient,
                                event.coder),
            event_type=stance, mode=None, quad_code=said.quad_code, intensity=said.intensity, cameo=said.cameo,
            modality="asserted", date=date, date_precision=precision, date_basis=basis,
            confidence=round(min(event.confidence + 0.02, 0.95), 2))

    def _saying_date(self, sentence: Sentence, trigger: Token, parsed: ParsedArticle, weekdays: str
                     ) -> tuple[str | None, str | None, str]:
        """The date of the statement of a promise or threat: of the verb that states it, else publication."""
        published = parsed.article.published
        head = modality.statement(sentence, trigger)
        if head is None:
            return (published.value, published.precision, "publication") if published else (None, None, "unknown")
        governing = [t.i for t in modality.clause_chain(sentence, head)][1:]
        date, basis, _ = event_date(sentence, head.i, governing, published, False, weekdays)
        return (date.value if date else None), (date.precision if date else None), basis

    def _triggers(self, sentence: Sentence, quoted: list[Quote]) -> Iterator[_Trigger]:
        """The sentence's triggers: verbs, event nouns, conditional threats, demands; then each quote
        that states no event of its own but whose words are one (praise, accusation, offer, …)."""
        found = list(self._word_triggers(sentence))
        yield from found
        for quote in quoted:
            event_type = cue(quote.text, self.lexicon.quote_cues)
            if quote.verb is not None and event_type and not any(quote.holds(sentence, t.token) for t in found):
                yield _Trigger(quote.verb, event_type, None, quote=quote)

    def _word_triggers(self, sentence: Sentence) -> Iterator[_Trigger]:
        used_nouns: set[int] = set()
        for token in sentence.tokens:
            if token.pos == "VERB" or (token.pos == "AUX" and token.dep == "ROOT"):
                said = _conditional_threat(sentence, token) or _demand(sentence, token)
                if said is not None:
                    yield said  # and the threatened or demanded act itself, where it is an event
                trigger = self._verb_trigger(sentence, token)
                if trigger is not None:
                    if trigger.noun is not None and not (trigger.entry and trigger.entry[1] in _TOPIC_VERBS):
                        used_nouns.add(trigger.noun.i)  # "discussed their support for Ukraine" keeps its event
                    yield trigger
        for token in sentence.tokens:
            entry = self._noun_entry(sentence, token) if token.pos in ("NOUN", "PROPN") else None
            if entry and token.i not in used_nouns and _noun_has_arguments(sentence, token):
                used_nouns.update(t.i for t in _noun_topics(sentence, token))  # "an agreement on cooperation"
                yield _Trigger(token, self.lexicon.noun_triggers[entry[1]], token, entry)

    def _noun_entry(self, sentence: Sentence, token: Token) -> tuple[str, str] | None:
        """The row of the trigger table for an event noun: "hunger strike" before "strike"."""
        nouns = self.lexicon.noun_triggers
        for child in sentence.children(token.i):
            for pair in (f"{child.lemma.lower()} {token.lemma.lower()}", f"{child.lemma.lower()} {token.text.lower()}"):
                if child.dep in ("amod", "compound") and pair in nouns:
                    return "NOUN", pair
        for child in sentence.children(token.i):  # "a call with Erdogan" (but "a call for talks")
            if child.dep == "prep" and f"{token.lemma.lower()} {child.lemma.lower()}" in nouns:
                return "NOUN", f"{token.lemma.lower()} {child.lemma.lower()}"
        key = next((k for k in (token.text.lower(), token.lemma.lower()) if k in nouns), None)
        if key is None:  # "a mediation mission", "peace talks" under another name: the modifier is the event
            key = next((c.lemma.lower() for c in sentence.children(token.i)
                        if c.dep == "compound" and c.pos == "NOUN" and c.lemma.lower() in nouns), None)
        return ("NOUN", key) if key else None

    def _lemma(self, verb: Token) -> str:
        """The verb's lemma, or a form of its text the trigger table knows when the tagger's lemma is
        not ("staged" lemmatised as "stag")."""
        lemma = verb.lemma.lower()
        if lemma in self._verb_heads:
            return lemma
        word = verb.text.lower()
        forms = [word, word[:-1], word[:-2], word[:-3] + "y", word[:-3], word[:-3] + "e"] if len(word) > 4 else []
        return next((f for f in forms if f in self._verb_heads), lemma)

    def _verb_trigger(self, sentence: Sentence, verb: Token) -> _Trigger | None:
        verbs = self.lexicon.verb_triggers
        lemma = self._lemma(verb)
        if lemma in _TOPIC_VERBS and self._purpose_of_talks(sentence, verb):
            return None  # "spoke with King Salman to discuss ...": the call is the event, the topic its purpose
        children = sentence.children(verb.i)
        obj = next((c for c in children if c.dep in ("dobj", "nsubjpass")), None)
        objects = (obj.text.lower(), obj.lemma.lower(), *(c.lemma.lower() for c in sentence.children(obj.i)
                                                           if c.dep == "compound")) if obj is not None else ()
        for key in (f"{lemma} {o}" for o in objects):  # "ended mediation efforts" as "end mediation"
            if key in verbs:  # "block roads", "impose curfew", "withdraw inspectors"
                return _Trigger(verb, verbs[key], None, ("VERB", key))
        for child in children:  # "shoot down", "call on", "hand over"
            key = f"{lemma} {child.lemma.lower()}"
            if key in verbs and child.dep in ("prt", "prep"):
                return _Trigger(verb, verbs[key], None, ("VERB", key))
        if obj is not None and obj.pos == "NOUN" and (lemma in _LIGHT or lemma == "sign"):
            # "held talks", and through a measure: "gave 5 million dollars of aid"
            for noun in (obj, *_noun_topics(sentence, obj)):
                entry = self._noun_entry(sentence, noun)
                if entry:
                    return _Trigger(verb, self.lexicon.noun_triggers[entry[1]], noun, entry)
        if lemma in _TAKING_PART:  # "engaged peacekeepers in a firefight", "remained on alert"
            for noun in (p for c in children if c.dep == "prep" and c.lemma.lower() in ("in", "on")
                         for p in sentence.children(c.i) if p.dep == "pobj" and p.pos == "NOUN"):
                entry = self._noun_entry(sentence, noun)
                if entry:
                    return _Trigger(verb, self.lexicon.noun_triggers[entry[1]], noun, entry)
        if lemma not in verbs or not self._complete(sentence, verb, lemma):
            return None
        return _Trigger(verb, verbs[lemma], obj if obj is not None and obj.pos == "NOUN" else None, ("VERB", lemma))

    def _purpose_of_talks(self, sentence: Sentence, verb: Token) -> bool:
        if verb.dep not in ("xcomp", "advcl", "acl", "relcl", "pcomp") or verb.head == verb.i:
            return False
        head = sentence.token(verb.head)
        if verb.dep == "pcomp" and head.lemma.lower() == "with" and head.head != head.i:
            head = sentence.token(head.head)  # "spoke with King Salman to discuss", parsed as one clause
        if head.pos in ("NOUN", "PROPN"):
            entry = self._noun_entry(sentence, head)
            return entry is not None and self.lexicon.noun_triggers[entry[1]] == "CONSULT"
        talks = self._verb_trigger(sentence, head) if head.pos in ("VERB", "AUX") else None
        return talks is not None and talks.event_type == "CONSULT"

    def _complete(self, sentence: Sentence, verb: Token, lemma: str) -> bool:
        """Verbs that are events only with the right complement: "claimed that Baku shelled" (a hostile
        act: an accusation, not "claimed victory"), "wants Putin to attack" (someone asked to act)."""
        children = sentence.children(verb.i)
        if lemma in _CLAIMING_ACTS:
            return any(c.dep == "ccomp" and self.lexicon.event_types.get(
                self.lexicon.verb_triggers.get(self._lemma(c), ""), _PEACEFUL).quad_code >= 3 for c in children)
        if lemma in _ASKING_OTHERS:  # "wants Ankara to close": an object, or a clause with its own subject
            clauses = [c for c in children if c.dep in ("xcomp", "ccomp")]
            return bool(clauses) and (any(c.dep == "dobj" for c in children) or any(
                s.dep == "nsubj" for c in clauses for s in sentence.children(c.i)))
        if lemma in _RECEIVING:  # "received the EU envoy" is a meeting; "received aid" or "a letter" is not
            return any(c.dep in ("dobj", "nsubjpass") and (c.pos == "PROPN" or self.lexicon.sectors.get(
                c.lemma.lower()) in _OFFICIAL | {"NGO"}) for c in children)
        return True

    def _event(self, parsed: ParsedArticle, sentence: Sentence, trigger: _Trigger, actor: tuple[Actor, ...],
               recipient: tuple[Actor, ...], mentions: list[Mention], weekdays: str, inherited: bool,
               quoted: list[Quote]) -> Event:
        article = parsed.article
        kind = self.lexicon.event_types[trigger.event_type]
        said = modality.of(sentence, trigger.token)
        offered = trigger.noun not in (None, trigger.token) and trigger.token.lemma.lower() in _OFFERING
        if said == "asserted" and offered:
            said = "future"  # so that what is offered is also an AGREE, dated by the offer
        governing = [t.i for t in modality.clause_chain(sentence, trigger.token)][1:]
        ahead = said == "future" or trigger.token.tag in ("VBZ", "VBP")  # "meets Aliyev next week"
        date, basis, later = event_date(sentence, trigger.token.i, governing, article.published, ahead, weekdays)
        said = modality.by_date(said, date, article.published, later)
        if basis == "publication" and said == "asserted" and modality.background(sentence, trigger.token):
            said, date, basis = "historical", None, "unknown"  # "in the war": not on the day of the article
        if said == "asserted" and kind.quad_code >= 3 and _claimed_by_other(sentence, trigger.token, actor, mentions):
            said = "reported"  # "the Azerbaijani ministry said Armenian troops had opened fire"
        coder = self.stage
        return Event(
            id=_event_id(article.doc_id, sentence.start, trigger.token.i, trigger.event_type, actor, recipient, coder),
            doc_id=article.doc_id,
            event_type=trigger.event_type,
            mode=self.lexicon.trigger_modes.get(trigger.entry) if trigger.entry else None,
            context=self._contexts(sentence, actor + recipient),
            quad_code=kind.quad_code,
            intensity=kind.intensity,
            actor=actor,
            recipient=recipient,
            date=date.value if date else None,
            date_precision=date.precision if date else None,
            date_basis=basis,
            modality=said,
            sentence=sentence.text,
            span=(sentence.start, sentence.end),
            trigger=trigger.token.text,
            location=_location(mentions),
            quote=_quote_of(sentence, trigger, quoted),
            confidence=_confidence(sentence, trigger, actor, recipient, inherited),
            coder=coder,
            cameo=self._cameo(trigger, kind.cameo),
        )

    def _cameo(self, trigger: _Trigger, default: str) -> str:
        """The CAMEO root: the trigger's own where the table gives one ("demand": 10), else the type's."""
        own = self.lexicon.trigger_cameo.get(trigger.entry) if trigger.entry else None
        return own or ("10" if trigger.speaker is not None else default)

    def _contexts(self, sentence: Sentence, actors: tuple[Actor, ...]) -> tuple[str, ...]:
        words = [t.lemma.lower() for t in sentence.tokens] + [a.name.lower() for a in actors]
        return tuple(sorted({self.lexicon.contexts[w] for w in words if w in self.lexicon.contexts}))


def _event_id(doc_id: str, sentence_start: int, trigger: object, event_type: str, actor: tuple[Actor, ...],
              recipient: tuple[Actor, ...], coder: str) -> str:
    key = "|".join(map(str, (doc_id, sentence_start, trigger, event_type, _ids(actor), _ids(recipient), coder)))
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def _ids(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(a.entity_id or a.name for a in actors)


def _noun_has_arguments(sentence: Sentence, noun: Token) -> bool:
    return any(c.dep in ("poss", "prep", "amod", "compound") for c in sentence.children(noun.i))


def _arguments(sentence: Sentence, trigger: _Trigger, mentions: list[Mention], quad: int
               ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if trigger.noun is trigger.token:
        return _noun_arguments(sentence, trigger, mentions, quad)
    subjects, objects = _verb_slots(sentence, trigger)
    actor = _actors_at(sentence, subjects, mentions)
    if trigger.quote is not None:  # the speaker, to the one spoken to or those named in the quote
        named = tuple(m.actor for m in mentions if trigger.quote.holds(sentence, sentence.token(m.start))
                      and m.actor.text.lower() not in FIRST_PERSON)
        return actor, _others(tuple(dict.fromkeys(_actors_at(sentence, objects, mentions) + named)), actor)
    if trigger.speaker is not None:  # "Russia said Sudan must return the helicopter"
        subjects = [c for c in sentence.children(trigger.token.i) if c.dep in ("nsubj", "nsubjpass")]
        speakers = [c for c in sentence.children(trigger.speaker.i) if c.dep in ("nsubj", "nsubjpass")]
        actor = _actors_at(sentence, speakers, mentions)
        return actor, _others(_actors_at(sentence, subjects, mentions), actor)
    if trigger.condition is not None:  # the threatened: those named in the condition
        inside = {t.i for t in sentence.subtree(trigger.condition.i)}
        return actor, _others(tuple(dict.fromkeys(m.actor for m in mentions if m.start in inside)), actor)
    recipient = _others(_actors_at(sentence, objects, mentions), actor)
    return _reciprocal(actor, recipient)


def _not_aimed(event_type: str) -> set[str]:
    """Prepositions that do not name whom an act is aimed at: the topic of talks ("talks on Karabakh"),
    and the adversary of cooperation ("support for Ukraine against Russian aggression")."""
    return (_TOPIC_PREPS if event_type == "CONSULT" else set()) | ({"against"} if event_type in _COOPERATIVE else set())


def _objects_of(sentence: Sentence, preposition: Token) -> list[Token]:
    """What a preposition governs; in "spoke with King Salman to discuss trade" the parser makes it a
    clause whose subject is the one spoken with."""
    found = [p for p in sentence.children(preposition.i) if p.dep == "pobj"]
    return found or [s for c in sentence.children(preposition.i) if c.dep == "pcomp"
                     for s in sentence.children(c.i) if s.dep == "nsubj"]


def _unnamed_attacker(sentence: Sentence, trigger: _Trigger, mentions: list[Mention], recipient: tuple[Actor, ...]
                      ) -> tuple[Actor, ...]:
    """An attack by no one named ("a roadside bomb near Samarra killed a US soldier") is placed where it
    happened, as ICEWS and PLOVER code an unidentified attacker, with low confidence."""
    places = [p for p in _where_aimed(sentence, trigger, mentions, ()) if p.country]
    if not places or places[0] in recipient:
        return ()
    place = places[0]
    return (Actor("", f"unidentified ({place.country})", place.country, None, None, "context.location", 0.3,
                  f'no actor named; the act took place at "{place.text}"'),)


def _own_government(actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A protest that names no target is aimed at the protesters' own authorities ("Algerian landowners
    began a hunger strike", "students throughout Indonesia staged demonstrations"), as PLOVER codes it."""
    people = [a for a in actor if a.country and a.sector not in _OFFICIAL]
    if not people:
        return ()
    country = people[0].country or ""
    return (Actor("", f"government of {country}", country, "GOV", f"country:{country}", "protest.own-government",
                  0.5, f"a protest by {people[0].text} that names no target is aimed at its own government"),)


def _where_aimed(sentence: Sentence, trigger: _Trigger, mentions: list[Mention], actor: tuple[Actor, ...]
                 ) -> tuple[Actor, ...]:
    """A material act that names no target is aimed at where it took place: "shelled positions near
    Tartar", "strikes in Ukraine", "lifted the curfew in Montenegro"."""
    holders = [trigger.token, *([trigger.noun] if trigger.noun is not None else []),
               *(c for c in sentence.children(trigger.token.i) if c.dep in ("dobj", "nsubjpass"))]
    return _others(_actors_at(sentence, _places_at(sentence, holders), mentions), actor)


def _places_at(sentence: Sentence, holders: Iterable[Token]) -> list[Token]:
    """The nouns of the phrases that say where an act took place: "in Ukraine", "near the border"."""
    return [p for h in holders for c in sentence.children(h.i) if c.dep == "prep" and c.lemma.lower() in _WHERE
            for p in sentence.children(c.i) if p.dep == "pobj"]


def _conditional_threat(sentence: Sentence, verb: Token) -> _Trigger | None:
    """ "If the lands are not freed, Azerbaijan will be compelled to restore its integrity": a
    consequence that is force, bound to a condition, is a threat."""
    children = sentence.children(verb.i)
    condition = next((c for c in children if c.dep == "advcl" and modality.conditional(sentence, c)), None)
    if condition is None:
        return None
    heads = [verb] + [c for c in children if c.dep == "xcomp"]
    if not any(h.lemma.lower() in _FORCE_HEADS for h in heads):
        return None
    return _Trigger(verb, "THREATEN", None, condition=condition)


def _condition_subjects(sentence: Sentence, verb: Token) -> list[Token]:
    """The subjects of the conditions bound to a verb: "… if the United States goes ahead"."""
    return [s for c in sentence.children(verb.i) if c.dep == "advcl" and modality.conditional(sentence, c)
            for s in sentence.children(c.i) if s.dep == "nsubj"]


def _aims(preposition: Token, holder: Token) -> bool:
    """A preposition that names a target: "sanctions on Russia", "talks with Baku", and after a
    noun "by" ("rejected calls by Belarus")."""
    word = preposition.lemma.lower()
    return word in _RECIPIENT_PREPS or (word == "by" and holder.pos == "NOUN")


def _demand(sentence: Sentence, verb: Token) -> _Trigger | None:
    """ "Russia said Sudan must return the helicopter", "a reminder to Iraq that it must cooperate":
    what a speaker says another must do is a request to it."""
    if not any(c.dep == "aux" and c.lemma.lower() in ("must", "should") for c in sentence.children(verb.i)):
        return None
    head = verb
    while head.dep in ("ccomp", "acl", "relcl", "conj") and head.head != head.i:
        head = sentence.token(head.head)
        if any(c.dep in ("nsubj", "nsubjpass") for c in sentence.children(head.i)) and head.pos in ("VERB", "AUX"):
            return _Trigger(verb, "REQUEST", None, speaker=head)
    return None


def _noun_topics(sentence: Sentence, noun: Token) -> list[Token]:
    """The nouns an event noun is about: "an agreement on (military) cooperation between A and B"."""
    return [p for c in sentence.children(noun.i) if c.dep == "prep" and c.lemma.lower() in ("on", "of", "about")
            for p in sentence.children(c.i) if p.dep == "pobj" and p.pos == "NOUN"]


def _pronouns(sentence: Sentence, named: list[Mention], memory: _Memory, quoted: list[Quote]) -> list[Mention]:
    """ "he", "she": the nearest person named before it in the sentence, else the last person
    named in the article so far. "it", "they" (or "its", "their" before the subject) in what a
    subject said or did: "Hungary said it will support", "Bosnian Serbs said their forces had
    withdrawn". "we", "I", "our" in a quote: its speaker."""
    found: list[Mention] = []
    people = sorted((m for m in named if m.kind == "person"), key=lambda m: m.start)
    for token in sentence.tokens:
        word = token.text.lower()
        antecedent: Mention | None = None
        if word in _PRONOUNS and token.pos == "PRON":
            before = [m for m in people if m.end <= token.i]
            antecedent = before[-1] if before else (
                Mention(sentence.index, -1, -1, memory.person, "person") if memory.person else None)
        elif word in ("it", "they", "its", "their") and (token.dep in ("nsubj", "nsubjpass") or (
                token.dep == "poss" and sentence.token(token.head).dep in ("nsubj", "nsubjpass"))):
            antecedent = _speaker(sentence, token, named)
        elif word in ("its", "their") and token.dep == "poss" and not _agrees_with_subject(sentence, token):
            antecedent = _speaker(sentence, token, named)  # "the ministry said troops fired on its positions"
        elif word in ("its", "their") and token.dep == "poss":  # "They discussed their support for Ukraine"
            found += [_refers(sentence, token, m) for m in _subject_mentions(sentence, token, named + found)]
        if antecedent is not None:
            found.append(_refers(sentence, token, antecedent))
        elif (sides := memory.meeting or memory.dyad) is not None and _both_sides(sentence, token, named):
            found += [_refers(sentence, token, Mention(sentence.index, -1, -1, actor, "group"))
                      for actor in dict.fromkeys(sides[0] + sides[1])]
    for quote in quoted:
        speakers = [m for c in (sentence.children(quote.verb.i) if quote.verb else ()) if c.dep == "nsubj"
                    for m in _mentions_at(sentence, c, named + found) if m.kind != "place"]
        found += [_refers(sentence, t, speakers[0]) for t in sentence.tokens
                  if speakers and t.text.lower() in FIRST_PERSON and quote.holds(sentence, t)]
    return found


def _joint(trigger: _Trigger, actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> bool:
    """Exercises, drills or patrols of two states together are military cooperation (PLOVER COOPERATE),
    not a mobilisation against each other: "Turkey and Azerbaijan began exercises", "drills with Belarus"."""
    kind = trigger.entry[1].split()[-1] if trigger.entry else ""
    mine, theirs = set(countries(actor)), set(countries(recipient))
    return kind in _EXERCISES and bool(mine) and bool(theirs) and not mine & theirs


def _claimed_by_other(sentence: Sentence, trigger: Token, actor: tuple[Actor, ...], mentions: list[Mention]) -> bool:
    """A hostile act told by a speaker who is not its actor: one side's claim about the other."""
    for clause, head in itertools.pairwise(modality.clause_chain(sentence, trigger)):
        if clause.dep == "ccomp" and head.lemma.lower() in SAYING:
            speakers = _actors_at(sentence, [c for c in sentence.children(head.i) if c.dep == "nsubj"], mentions)
            said_by = set(countries(speakers))
            return bool(said_by) and not said_by & set(countries(actor))
    return False


def _both_sides(sentence: Sentence, token: Token, named: list[Mention]) -> bool:
    """A subject or object that means both sides of the event just told: "They agreed", "The two
    leaders discussed", "Both sides committed", "urged both countries", "urged them" (not "the leaders
    of Iran")."""
    subject = token.dep in ("nsubj", "nsubjpass")
    if not subject and token.dep not in ("dobj", "dative", "pobj"):
        return False
    if token.text.lower() == ("they" if subject else "them"):
        return True
    if token.lemma.lower() == "two" and subject and any(c.text.lower() == "the" for c in sentence.children(token.i)):
        return True  # "The two then signed a memorandum"
    determiners = {c.text.lower() for c in sentence.children(token.i) if c.dep in ("det", "nummod", "predet")}
    inside = {t.i for t in sentence.subtree(token.i)}
    return (token.lemma.lower() in _SIDES and token.tag == "NNS" and bool(determiners & {"the", "two", "both"})
            and not any(m.start in inside for m in named))


def _clause_of(sentence: Sentence, token: Token) -> Token:
    """The verb of the clause a word is in."""
    clause = sentence.token(token.head)
    while clause.pos not in ("VERB", "AUX") and clause.head != clause.i:  # "their forces had withdrawn"
        clause = sentence.token(clause.head)
    return clause


def _speaker(sentence: Sentence, token: Token, named: list[Mention]) -> Mention | None:
    """Who said or did what the clause of a pronoun completes: "Hungary said it will support"."""
    clause = _clause_of(sentence, token)
    if clause.dep not in ("ccomp", "xcomp", "advcl", "conj") or clause.head == clause.i:
        return None
    speakers = [m for c in sentence.children(clause.head) if c.dep in ("nsubj", "nsubjpass")
                for m in _mentions_at(sentence, c, named) if m.kind != "place"]
    return speakers[0] if speakers else None


def _subject_mentions(sentence: Sentence, pronoun: Token, named: list[Mention]) -> list[Mention]:
    """What the subject of an owner pronoun's clause names: "Russia moved its troops" → Russia."""
    clause = _clause_of(sentence, pronoun)
    return [m for c in sentence.children(clause.i) if c.dep in ("nsubj", "nsubjpass") and c.i != pronoun.head
            for m in _mentions_at(sentence, c, named) if m.kind != "place"]


def _agrees_with_subject(sentence: Sentence, pronoun: Token) -> bool:
    """Whether an owner pronoun can be its own clause's subject: "its" a singular one, "their" a plural
    one ("troops fired on its positions": not the troops')."""
    clause = _clause_of(sentence, pronoun)
    subjects = [c for c in sentence.children(clause.i) if c.dep in ("nsubj", "nsubjpass")]
    plural = pronoun.text.lower() == "their"
    return any((s.tag in ("NNS", "NNPS") or s.text.lower() in ("they", "we")) == plural for s in subjects)


def _refers(sentence: Sentence, token: Token, antecedent: Mention) -> Mention:
    """A pronoun as a mention of what it refers to."""
    named = antecedent.actor
    actor = dataclasses.replace(named, text=token.text, rule="pronoun", confidence=round(named.confidence * 0.8, 2),
                                evidence=f'"{token.text}" refers to {named.name}')
    return Mention(sentence.index, token.i, token.i + 1, actor, antecedent.kind)


def _verb_slots(sentence: Sentence, trigger: _Trigger) -> tuple[list[Token], list[Token]]:
    verb = trigger.token
    children = sentence.children(verb.i)
    subjects = [c for c in children if c.dep in ("nsubj", "csubj")]
    subjects += [p for c in children if c.dep == "agent" for p in sentence.children(c.i) if p.dep == "pobj"]
    topical = trigger.entry is not None and trigger.entry[1] in _TOPIC_VERBS  # what is discussed is no side
    objects = [c for c in children if c.dep in (("dative",) if topical else ("dobj", "dative", "nsubjpass", "attr",
                                                                              "oprd"))]
    objects += [p for c in children if c.dep == "dative" and c.pos == "ADP"  # "provide support to Israel"
                for p in sentence.children(c.i) if p.dep == "pobj"]
    holders = [verb] + ([trigger.noun] if trigger.noun is not None and not topical else []) + objects
    if trigger.noun is not None and not topical:  # "reaffirmed its commitment to defend the Philippines"
        objects += [o for v in sentence.children(trigger.noun.i) if v.dep in ("acl", "relcl") and v.pos == "VERB"
                    for o in sentence.children(v.i) if o.dep in ("dobj", "dative")]
    if not any(c.dep in ("dobj", "dative") for c in children):  # "threatened to impose a regime on Georgia"
        for done in (c for c in children if c.dep == "xcomp"):
            inner = [c for c in sentence.children(done.i) if c.dep in ("dobj", "dative")]
            objects += inner + _condition_subjects(sentence, done)
            holders += [done, *inner]
        # "demanded that Pyongyang abandon its programme": the one the clause is about; "threatened to
        # stop the talks if the United States goes ahead": the one the condition is about
        if trigger.event_type in _ABOUT_OTHERS:  # but "struck what New Delhi called a camp" hit no New Delhi
            objects += [s for c in children if c.dep == "ccomp" for s in sentence.children(c.i) if s.dep == "nsubj"]
        objects += _condition_subjects(sentence, verb)
    if verb.lemma.lower() in _ARRIVING or trigger.event_type == "PROTEST":
        # "arrived in Amman" (the host), "protested in Beijing"; but "met his counterpart in Moscow" is where
        objects += [p for h in holders for c in sentence.children(h.i) if c.dep == "prep"
                    and c.lemma.lower() in ("in", "at") for p in sentence.children(c.i) if p.dep == "pobj"]
    topics = _not_aimed(trigger.event_type)
    objects += [p for h in holders for c in sentence.children(h.i) if c.dep == "prep" and _aims(c, h)
                and c.lemma.lower() not in topics for p in _objects_of(sentence, c)]
    if not any(o.dep in ("dobj", "dative") for o in objects) and verb.dep == "conj" and verb.head != verb.i:
        # "telephoned Aliyev and apologised"
        objects = [c for c in sentence.children(verb.head) if c.dep in ("dobj", "dative")]
    if verb.dep == "relcl":  # "Georgia, on which Moscow imposed a visa regime"; "Lavrov, who will visit"
        antecedent = sentence.token(verb.head)
        objects = [antecedent if o.lemma.lower() in _RELATIVES else o for o in objects]
        subjects = [antecedent if o.lemma.lower() in _RELATIVES else o for o in subjects]
    if not subjects and verb.dep in ("pcomp", "pobj") and verb.head != verb.i:
        accused = modality.accused_of(sentence, sentence.token(verb.head))  # "accused Russia of bombing": Russia bombed
        subjects = [accused] if accused is not None else []
    current = verb
    # a subject is shared with the clause this one completes: "made a point of thanking", "by handing over",
    # "is expected to sign" (the subject of a passive), "is due to arrive"
    inherits = ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "acomp")
    while not subjects and current.dep in inherits and current.head != current.i:
        head = sentence.token(current.head)
        if current.dep in ("acl", "relcl"):
            subjects = [head]
            break
        wanted = ("nsubj", "csubj", "nsubjpass") if current.dep in ("xcomp", "acomp") else ("nsubj", "csubj")
        subjects = [c for c in sentence.children(head.i) if c.dep in wanted]
        current = head
    return subjects, objects


def _noun_arguments(sentence: Sentence, trigger: _Trigger, mentions: list[Mention], quad: int
                    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """The sides of an event noun: its owners and "between"/"by" phrases act, the phrases that aim it
    ("sanctions on Russia", "talks with Baku") receive it. "of" names the one acted on for a hostile act
    or after an owner ("its invasion of Ukraine", "the bombing of Belgrade"), else the actor ("a visit
    of Putin"); a promise is aimed at the object of what it promises ("the commitment to support Saudi
    Arabia"); a material act without a target is aimed at where it happened ("strikes in Ukraine")."""
    noun = trigger.token
    children = sentence.children(noun.i)
    children += tuple(c for topic in _noun_topics(sentence, noun) for c in sentence.children(topic.i)
                      if c.dep == "prep")  # "an agreement on cooperation between A and B"
    owners = [c for c in children if c.dep in ("poss", "amod", "compound")]
    of_acted_on = quad >= 3 or any(c.dep == "poss" for c in children)
    agents = {"between", "among", "by"} | (set() if of_acted_on else {"of"})
    aims = (_RECIPIENT_PREPS - _not_aimed(trigger.event_type)) | (
        {"of"} if of_acted_on else set())
    between = [p for c in children if c.dep == "prep" and c.lemma.lower() in agents
               for p in sentence.children(c.i) if p.dep == "pobj"]
    targets = [p for c in children if c.dep == "prep" and c.lemma.lower() in aims
               for p in sentence.children(c.i) if p.dep == "pobj"]
    actor = _actors_at(sentence, owners + between, mentions)
    recipient = _others(_actors_at(sentence, targets, mentions), actor)
    if not recipient:  # "the U.S. commitment to support Saudi Arabia"
        promised = [c for c in children if c.dep in ("acl", "relcl") and c.pos == "VERB"]
        recipient = _others(_actors_at(sentence, [o for v in promised for o in sentence.children(v.i)
                                                  if o.dep in ("dobj", "dative")], mentions), actor)
    return _reciprocal(actor, recipient)


def _others(recipient: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The recipients that are not the actor again (by entity and sector, not by the words that named
    it: "Serbian police arrested Serbian protesters" keeps both)."""
    taken = {(a.entity_id or a.name, a.sector) for a in actor}
    return tuple(a for a in recipient if (a.entity_id or a.name, a.sector) not in taken)


def _reciprocal(actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """'Putin and Aliyev discussed' → the first is the actor, the others the recipients."""
    if not recipient and len(actor) > 1:
        return actor[:1], actor[1:]
    return actor, recipient


def _actors_at(sentence: Sentence, heads: list[Token], mentions: list[Mention]) -> tuple[Actor, ...]:
    """The actors a slot names: mentions at its head, at coordinated heads, or modifying it. A place
    counts only where the slot names no actor: "met Bayramov in Moscow" is a meeting with Bayramov."""
    found: list[Mention] = []
    for head in _with_conjuncts(sentence, heads):
        found.extend(m for m in _mentions_at(sentence, head, mentions) if m not in found)
    if any(m.kind != "place" for m in found):
        found = [m for m in found if m.kind != "place"]
    return tuple(dict.fromkeys(m.actor for m in found))


def _mentions_at(sentence: Sentence, head: Token, mentions: list[Mention]) -> list[Mention]:
    """The mentions at a word, else at its owner or apposition ("Iran's minister"), else at what it
    is a group of or where it is ("thousands of Nigerians", "students throughout Indonesia",
    "demonstrators in Baghdad"). A place counts only where no actor is named."""
    actors = [m for m in mentions if m.kind != "place"]
    return _mentions_near(sentence, head, actors) or _mentions_near(sentence, head, mentions)


def _mentions_near(sentence: Sentence, head: Token, mentions: list[Mention], deeper: bool = True) -> list[Mention]:
    at_head = [m for m in mentions if m.start <= head.i < m.end]
    if at_head:  # and the other states inside the phrase: "Armenian and U.S. troops"
        return at_head + [m for m in mentions if m not in at_head and m.kind != "place" and any(
            h.start <= m.start and m.end <= h.end and m.actor.country != h.actor.country for h in at_head)]
    near = {c.i for c in sentence.children(head.i) if c.dep in ("poss", "appos", "compound", "amod", "nmod")}
    at_head = [m for m in mentions if any(m.start <= i < m.end for i in near)]
    if at_head or not deeper:
        return at_head
    found: list[Mention] = []
    for _ in range(3):  # "tens of thousands of students throughout Indonesia"
        of = [p for c in sentence.children(head.i) if c.dep == "prep" and c.lemma.lower() in _MEMBERSHIP
              for p in sentence.children(c.i) if p.dep == "pobj"]
        found = [m for p in of for m in _mentions_near(sentence, p, mentions, deeper=False)]
        if found or not of:
            break
        head = of[0]
    return found


def _with_conjuncts(sentence: Sentence, heads: list[Token]) -> list[Token]:
    result: list[Token] = []
    stack = list(heads)
    while stack:
        token = stack.pop(0)
        if token not in result:
            result.append(token)
            stack.extend(c for c in sentence.children(token.i) if c.dep == "conj")
    return result


def _location(mentions: list[Mention]) -> Location | None:
    place = next((m for m in mentions if m.kind == "place"), None)
    return Location(place.actor.name, place.actor.country) if place else None


def _quote_of(sentence: Sentence, trigger: _Trigger, quoted: list[Quote]) -> str | None:
    """The quote an event is the statement of: the one read for it, or the one its trigger is in."""
    if trigger.quote is not None:
        return trigger.quote.text
    return next((q.text for q in quoted if q.holds(sentence, trigger.token)), None)


def _confidence(sentence: Sentence, trigger: _Trigger, actor: tuple[Actor, ...], recipient: tuple[Actor, ...],
                inherited: bool) -> float:
    """How much the coding rests on: a verb and both sides named in its own clause count most; each
    clause it is embedded in, sides carried over from an earlier sentence and weakly resolved
    actors count less."""
    score = 0.5 + (0.1 if trigger.noun is not trigger.token else 0.0)
    score += (0.1 if actor else 0.0) + (0.1 if recipient else 0.0)
    people = actor + recipient
    score += 0.2 * sum(a.confidence for a in people) / len(people) if people else 0.0
    depth = sum(1 for t in modality.clause_chain(sentence, trigger.token) if t.dep in _EMBEDDING)
    score -= 0.15 * min(depth, 3) + (0.1 if inherited else 0.0) + (0.15 if trigger.quote is not None else 0.0)
    return round(min(max(score, 0.05), 0.95), 2)
