"""Events: PLOVER events from the dependency parse, one sentence at a time.

A trigger (a verb, a phrasal verb, a verb with its object, a light verb with an event noun, an
event noun, a conditional threat, a demand with "must", or a quote read by its words) gives the
type, mode and CAMEO root; its subject gives the source and its objects the target, through
pronouns, groups ("thousands of Georgians"), owners ("a Russian proposal"), clauses ("demanded
that Iran abandon") and, for a follow-up without named sides, the event just told. Conditions,
negation, reported claims, futures and old dates set the modality instead of counting the event
as done; what is promised, threatened or refused is also an event of its own (AGREE, THREATEN,
REJECT). Confidence says how directly the sentence states the coding. How the sides are found from
the parse is ``sides``; what pronouns refer to, ``references``; sides no slot names, ``implied``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..dates import as_date, event_date
from ..gazetteer import Gazetteer, Place
from ..lexicon import EventType, Lexicon
from ..model import Actor, Event, Mention, ParsedArticle, Sentence, Token, countries
from ..timex import weekday_reading
from . import implied, modality, references, sides
from .location import Locator, PlaceMention, where
from .quotes import Quote, cue, quotes
from .sides import Pair, Trigger

STAGE = "events.rules.v10"  # v10: events located by the gazetteer
_LIGHT = {"hold", "launch", "express", "provide", "impose", "pay", "make", "conduct", "give", "reach",
          "carry", "stage", "issue", "introduce", "slap", "offer", "extend", "send", "deliver", "renew", "resume",
          "begin", "start", "continue", "open", "complete", "organize", "organise", "lodge", "file", "declare",
          "institute", "reimpose", "tighten", "undertake", "mount", "grant", "announce", "attend", "engage",
          "order", "have", "voice", "reaffirm", "reiterate", "underscore", "confirm", "pledge"}
_STANCES = {"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"}  # already what is said, not what is done
_EMBEDDING = {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj"}
_RECEIVING = {"receive"}
_OFFERING = {"offer", "propose", "promise", "pledge"}  # "offered talks": talks promised, not held
_CLAIMING_ACTS = {"claim"}
_TAKING_PART = {"engage", "participate", "join", "take", "involve", "remain", "stay", "put", "place", "keep"}
_ASKING_OTHERS = {"want", "pressure", "press", "encourage"}
_PEACEFUL = EventType("", 1, 0.0, "")
_QUANTITIES = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "number", "batch",
               "handful", "group", "couple", "pair", "million", "millions"}  # "hundreds of prisoners": prisoners
# acts that a state's own act with no target is not aimed at home by: a meeting needs another side, a
# protest is aimed at its own government already, and a drill or an attack on someone unnamed is not
# aimed at the state's own people
_NOT_AT_HOME = {"CONSULT", "PROTEST", "MOBILIZE", "ASSAULT"}


@dataclass
class _Memory:
    """What the sentences read so far of one article tell the next ones."""

    person: Actor | None = None  # the last person named: what "he" or "she" refers to
    dyad: Pair | None = None  # the last event with both sides
    dyad_at: int = -1  # the sentence of that event
    meeting: Pair | None = None  # the last meeting's sides: "the two ministers"
    meeting_at: int = -1  # the sentence of that meeting
    one_country: bool = False  # the article names one country only: a meeting in it is at home
    places: dict[int, list[PlaceMention]] = field(default_factory=dict)  # the places each sentence names, resolved
    dateline: Place | None = None  # the place of its dateline


# "these negotiations", "during the visit", "the two presidents": a sentence that goes on about the
# event just told, so an event in it without named sides has that event's sides
_SAME_EVENT = re.compile(
    r"\b(?:these|those|the|this|that)\s+(?:talks|negotiations|meetings?|visit|summit|consultations|discussions)\b"
    r"|\bthe\s+two\s+(?:sides|countries|states|presidents|leaders|governments|ministers|delegations|parties)\b",
    re.I)
_SAME_EVENT_REACH = 6  # sentences
# a conditional whose consequence is force: "if the lands are not freed, we will be compelled to ..."
_FORCE_HEADS = {"compel", "force", "oblige", "retaliate", "respond", "strike", "attack", "resort", "liberate",
                "retake", "punish", "use"}


class EventCoder:
    """Built once from the lexicon; each call codes the events of one parsed article."""

    stage = STAGE

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer | None = None) -> None:
        self.lexicon = lexicon
        self.locate = Locator(gazetteer or Gazetteer(lexicon))
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
        memory.one_country = len({m.actor.country for ms in by_sentence.values() for m in ms
                                  if m.actor.country and m.actor.sector != "IGO"}) == 1
        places = self.locate.places(parsed, [m for ms in by_sentence.values() for m in ms])
        memory.dateline = self.locate.dateline(parsed, places)
        for place in places:
            if not place.title:  # a headline's places give context; its events are not coded
                memory.places.setdefault(place.sentence, []).append(place)
        for sentence in parsed.sentences:
            named = by_sentence.get(sentence.index, [])
            quoted = quotes(sentence)
            referred = references.pronouns(sentence, named, quoted, memory.person, memory.meeting or memory.dyad)
            found = list(self._sentence_events(parsed, sentence, named + referred, reading, memory, quoted))
            events.extend(found)
            people = [m.actor for m in named if m.kind == "person"]
            memory.person = people[-1] if people else memory.person
            sided = [e for e in found if e.actor and e.recipient and e.modality != "negated"]
            if sided:
                memory.dyad, memory.dyad_at = (sided[-1].actor, sided[-1].recipient), sentence.index
            met = [e for e in sided if e.event_type == "CONSULT" and e.modality == "asserted"]
            if met:
                memory.meeting, memory.meeting_at = (met[0].actor, met[0].recipient), sentence.index
        return tuple(events)

    def _sentence_events(self, parsed: ParsedArticle, sentence: Sentence, mentions: list[Mention],
                         weekdays: str, memory: _Memory, quoted: list[Quote]) -> Iterator[Event]:
        seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
        met_here: Pair | None = None  # a meeting this sentence tells: "spoke with X to advance our cooperation"
        same_event = memory.dyad is not None and sentence.index - memory.dyad_at <= _SAME_EVENT_REACH and bool(
            _SAME_EVENT.search(sentence.text))
        for trigger in self._triggers(sentence, quoted):
            quad = self.lexicon.event_types[trigger.event_type].quad_code
            actor, recipient = sides.arguments(sentence, trigger, mentions, quad)  # places: "demonstrators in Baghdad"
            if trigger.noun is trigger.token and not recipient and sides.time_reference(sentence, trigger.token):
                continue  # "spoke ahead of the NATO Summit": when, not another event
            if trigger.event_type == "CONSULT" and (implied.thing_arrives(sentence, trigger, mentions) or (
                    trigger.noun is trigger.token and not recipient and implied.talked_of(sentence, trigger.token))):
                continue  # "tanks will arrive", "discussed planning for the NATO Summit"
            inherited = (not actor and not recipient and same_event and memory.dyad is not None
                         and self.lexicon.event_types[trigger.event_type].quad_code in (1, 2))  # what talks yield
            if inherited and memory.dyad is not None:
                actor, recipient = memory.dyad  # "During the visit, two documents were signed."
            if trigger.event_type == "MOBILIZE" and implied.joint(trigger, actor, recipient):
                trigger = dataclasses.replace(trigger, event_type="COOPERATE", entry=None)
            slots = implied.target_slots(sentence, trigger) if not recipient else []  # read by the fallbacks
            if not recipient and (implied.against_a_problem(sentence, slots) if quad in (3, 4)
                                  else implied.on_itself(slots)):
                continue  # "fighting the climate crisis", "defends itself": no party is its target
            if not recipient and quad == 4 and trigger.noun is trigger.token:
                recipient = implied.defended_from(sentence, trigger, mentions, actor)  # "protect X from attacks"
            if not recipient and quad in (2, 4):
                recipient = implied.where_aimed(sentence, trigger, mentions, actor)
            elif not recipient and trigger.event_type != "CONSULT":
                recipient = implied.abroad(implied.where_aimed(sentence, trigger, mentions, actor), actor)
            recent = sentence.index - memory.meeting_at <= _SAME_EVENT_REACH
            meeting = met_here or (memory.meeting if recent else None)
            if not recipient and quad in (1, 2) and trigger.event_type != "CONSULT" and meeting is not None:
                recipient = implied.counterpart(sentence, trigger, slots, mentions, actor, meeting)  # "He expressed"
            if not countries(recipient) and trigger.event_type != "PROTEST" and (
                    trigger.event_type != "CONSULT" or memory.one_country):  # "police fired on
                recipient = implied.at_home(sentence, slots, mentions, actor, recipient)  # protesters": domestic
            if not recipient and trigger.event_type == "PROTEST":  # "a strike to demand the resignation of"
                recipient = implied.protested_in_purpose(sentence, trigger, mentions, actor)
            if not countries(actor) and trigger.event_type != "CONSULT":  # "Ibo elders demanded that the
                actor = implied.at_home_acting(sentence, trigger, mentions, actor, recipient)  # Nigerian ministry"
            if not recipient and memory.one_country and trigger.event_type not in _NOT_AT_HOME:
                recipient = implied.home_aimed(actor)  # "lifted the state of emergency"
            if not recipient and trigger.event_type == "PROTEST":
                recipient = implied.own_government(actor)
            if not actor and recipient and quad == 4:
                actor = implied.unnamed_attacker(sentence, trigger, mentions, recipient)
            if not any(a.country for a in actor + recipient):
                continue  # an event needs a side placed in a country (or an IGO); "Three US soldiers were
                # killed" has a target and no known source
            event = self._event(parsed, sentence, trigger, actor, recipient, mentions, weekdays, inherited, quoted,
                                memory)
            if met_here is None and event.event_type == "CONSULT" and actor and recipient:
                met_here = (actor, recipient)
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

    def _triggers(self, sentence: Sentence, quoted: list[Quote]) -> Iterator[Trigger]:
        """The sentence's triggers: verbs, event nouns, conditional threats, demands; then each quote
        that states no event of its own but whose words are one (praise, accusation, offer, …)."""
        found = list(self._word_triggers(sentence))
        yield from found
        for quote in quoted:
            event_type = cue(quote.text, self.lexicon.quote_cues)
            if quote.verb is not None and event_type and not any(quote.holds(sentence, t.token) for t in found):
                yield Trigger(quote.verb, event_type, None, quote=quote)

    def _word_triggers(self, sentence: Sentence) -> Iterator[Trigger]:
        used_nouns: set[int] = set()
        for token in sentence.tokens:
            if token.pos == "VERB" or (token.pos == "AUX" and token.dep == "ROOT"):
                said = _conditional_threat(sentence, token) or _demand(sentence, token)
                if said is not None:
                    yield said  # and the threatened or demanded act itself, where it is an event
                trigger = self._verb_trigger(sentence, token)
                if trigger is not None:
                    if trigger.noun is not None and not (trigger.entry and trigger.entry[1] in sides.TOPIC_VERBS):
                        used_nouns.add(trigger.noun.i)  # "discussed their support for Ukraine" keeps its event
                    yield trigger
        for token in sentence.tokens:
            entry = self._noun_entry(sentence, token) if token.pos in ("NOUN", "PROPN") else None
            if entry and token.i not in used_nouns and _noun_has_arguments(sentence, token):
                used_nouns.update(t.i for t in sides.noun_topics(sentence, token))  # "an agreement on cooperation"
                yield Trigger(token, self.lexicon.noun_triggers[entry[1]], token, entry)

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
        if key is None and token.text.lower() not in self.lexicon.sectors:
            # "a mediation mission", "peace talks" under another name: the modifier is the event (but
            # "aid workers", "protest leaders" are people)
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

    def _verb_trigger(self, sentence: Sentence, verb: Token) -> Trigger | None:
        verbs = self.lexicon.verb_triggers
        lemma = self._lemma(verb)
        if lemma in sides.TOPIC_VERBS and self._purpose_of_talks(sentence, verb):
            return None  # "spoke with King Salman to discuss ...": the call is the event, the topic its purpose
        children = sentence.children(verb.i)
        obj = next((c for c in children if c.dep in ("dobj", "nsubjpass")), None)
        if obj is not None and obj.lemma.lower() in _QUANTITIES:  # "exchanged hundreds of prisoners"
            obj = next((p for c in sentence.children(obj.i) if c.dep == "prep" and c.lemma.lower() == "of"
                        for p in sentence.children(c.i) if p.dep == "pobj"), obj)
        objects = (obj.text.lower(), obj.lemma.lower(), *(c.lemma.lower() for c in sentence.children(obj.i)
                                                           if c.dep == "compound")) if obj is not None else ()
        for key in (f"{lemma} {o}" for o in objects):  # "ended mediation efforts" as "end mediation"
            if key in verbs:  # "block roads", "impose curfew", "withdraw inspectors"
                return Trigger(verb, verbs[key], None, ("VERB", key))
        for child in children:  # "shoot down", "call on", "hand over"
            key = f"{lemma} {child.lemma.lower()}"
            if key in verbs and child.dep in ("prt", "prep"):
                return Trigger(verb, verbs[key], None, ("VERB", key))
        if obj is not None and obj.pos == "NOUN" and (lemma in _LIGHT or lemma == "sign"):
            # "held talks", and through a measure: "gave 5 million dollars of aid"
            for noun in (*sides.with_conjuncts(sentence, [obj]), *sides.noun_topics(sentence, obj)):
                # "launched artillery, mortar and rocket fire": the event noun may be a later conjunct
                entry = self._noun_entry(sentence, noun)
                if entry:
                    return Trigger(verb, self.lexicon.noun_triggers[entry[1]], noun, entry)
        if lemma in _TAKING_PART:  # "engaged peacekeepers in a firefight", "remained on alert"
            for noun in (p for c in children if c.dep == "prep" and c.lemma.lower() in ("in", "on")
                         for p in sentence.children(c.i) if p.dep == "pobj" and p.pos == "NOUN"):
                entry = self._noun_entry(sentence, noun)
                if entry:
                    return Trigger(verb, self.lexicon.noun_triggers[entry[1]], noun, entry)
        if lemma not in verbs or not self._complete(sentence, verb, lemma):
            return None
        return Trigger(verb, verbs[lemma], obj if obj is not None and obj.pos == "NOUN" else None, ("VERB", lemma))

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
        if lemma == "commit":  # "committed to the talks" is a promise; "crimes committed by soldiers" is not
            return any(c.dep == "xcomp" or (c.dep == "prep" and c.lemma.lower() == "to") for c in children)
        if lemma in _RECEIVING:  # "received the EU envoy" is a meeting; "received aid" or "a letter" is not
            return any(c.dep in ("dobj", "nsubjpass") and (c.pos == "PROPN" or self.lexicon.sectors.get(
                c.lemma.lower()) in sides.OFFICIAL | {"NGO"}) for c in children)
        return True

    def _event(self, parsed: ParsedArticle, sentence: Sentence, trigger: Trigger, actor: tuple[Actor, ...],
               recipient: tuple[Actor, ...], mentions: list[Mention], weekdays: str, inherited: bool,
               quoted: list[Quote], memory: _Memory) -> Event:
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
        if said == "asserted" and kind.quad_code >= 3 and implied.claimed_by_other(sentence, trigger.token, actor,
                                                                                     mentions):
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
            location=where(sentence, trigger.token, _objects(sentence, trigger), memory.places.get(sentence.index, []),
                           memory.dateline, set(countries(actor + recipient)), kind.quad_code == 4),
            quote=_quote_of(sentence, trigger, quoted),
            confidence=_confidence(sentence, trigger, actor, recipient, inherited),
            coder=coder,
            cameo=self._cameo(trigger, kind.cameo),
        )

    def _cameo(self, trigger: Trigger, default: str) -> str:
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


def _conditional_threat(sentence: Sentence, verb: Token) -> Trigger | None:
    """ "If the lands are not freed, Azerbaijan will be compelled to restore its integrity": a
    consequence that is force, bound to a condition, is a threat."""
    children = sentence.children(verb.i)
    condition = next((c for c in children if c.dep == "advcl" and modality.conditional(sentence, c)), None)
    if condition is None:
        return None
    heads = [verb] + [c for c in children if c.dep == "xcomp"]
    if not any(h.lemma.lower() in _FORCE_HEADS for h in heads):
        return None
    return Trigger(verb, "THREATEN", None, condition=condition)


def _demand(sentence: Sentence, verb: Token) -> Trigger | None:
    """ "Russia said Sudan must return the helicopter", "a reminder to Iraq that it must cooperate":
    what a speaker says another must do is a request to it."""
    if not any(c.dep == "aux" and c.lemma.lower() in ("must", "should") for c in sentence.children(verb.i)):
        return None
    head = verb
    while head.dep in ("ccomp", "acl", "relcl", "conj") and head.head != head.i:
        head = sentence.token(head.head)
        if any(c.dep in ("nsubj", "nsubjpass") for c in sentence.children(head.i)) and head.pos in ("VERB", "AUX"):
            return Trigger(verb, "REQUEST", None, speaker=head)
    return None


def _objects(sentence: Sentence, trigger: Trigger) -> list[Token]:
    """The words a place phrase of the event may hang from besides the trigger: its event noun and objects."""
    noun = [trigger.noun] if trigger.noun is not None and trigger.noun is not trigger.token else []
    return noun + [c for c in sentence.children(trigger.token.i) if c.dep in ("dobj", "nsubjpass", "attr")]


def _quote_of(sentence: Sentence, trigger: Trigger, quoted: list[Quote]) -> str | None:
    """The quote an event is the statement of: the one read for it, or the one its trigger is in."""
    if trigger.quote is not None:
        return trigger.quote.text
    return next((q.text for q in quoted if q.holds(sentence, trigger.token)), None)


def _confidence(sentence: Sentence, trigger: Trigger, actor: tuple[Actor, ...], recipient: tuple[Actor, ...],
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
