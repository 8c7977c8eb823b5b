"""Events v1: PLOVER events from the dependency parse, one sentence at a time.

A trigger (a verb, a phrasal verb, a light verb with an event noun, or an event noun) gives
the type; its subject gives the actor and its objects the recipient; negation, conditions,
futures and old dates set the modality instead of counting the event as done.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .dates import as_date, event_date
from .lexicon import Lexicon
from .model import Actor, DateValue, Event, Location, Mention, ParsedArticle, Sentence, Token
from .timex import weekday_reading

STAGE = "events.rules.v1"
_LIGHT = {"hold", "launch", "express", "provide", "impose", "pay", "make", "conduct", "give", "reach",
          "carry", "stage", "issue", "introduce", "slap", "offer", "extend", "send", "deliver"}
_RECIPIENT_PREPS = {"with", "to", "against", "on", "from", "for", "toward", "towards", "upon", "into", "over"}
# verbs whose complement has not happened yet: "plans to meet", "threatened to impose"
_FUTURE_HEADS = {"plan", "intend", "expect", "hope", "want", "aim", "prepare", "propose", "seek", "ready", "going",
                 "offer", "promise", "pledge", "undertake", "threaten", "vow", "agree", "decide", "wish", "try"}
# verbs whose complement did not happen: "declined to invite", "failed to agree"
_REFUSING_HEADS = {"decline", "refuse", "fail", "reject", "avoid", "stop"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_QUOTE = re.compile(r"[\"“]([^\"“”]{8,}?)[\"”]")
_VISIT = {"visit", "travel", "arrive"}


@dataclass(frozen=True)
class _Trigger:
    token: Token
    event_type: str
    noun: Token | None  # the event noun of a light verb, or the trigger itself when it is a noun
    condition: Token | None = None  # the if-clause of a conditional threat


@dataclass
class _Memory:
    """What the sentences read so far of one article tell the next ones."""

    person: Actor | None = None  # the last person named: what "he" or "she" refers to
    dyad: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # the last event with both sides
    dyad_at: int = -1  # the sentence of that event


# "these negotiations", "during the visit", "the two presidents": a sentence that goes on about the
# event just told, so an event in it without named sides has that event's sides
_SAME_EVENT = re.compile(
    r"\b(?:these|those|the|this|that)\s+(?:talks|negotiations|meetings?|visit|summit|consultations|discussions)\b"
    r"|\bthe\s+two\s+(?:sides|countries|states|presidents|leaders|governments|ministers|delegations|parties)\b",
    re.I)
_SAME_EVENT_REACH = 6  # sentences
_PRONOUNS = {"he", "she"}  # subjects only: "his visit" after "X told Y" is too often wrong
# a conditional whose consequence is force: "if the lands are not freed, we will be compelled to ..."
_FORCE_HEADS = {"compel", "force", "oblige", "retaliate", "respond", "strike", "attack", "resort", "liberate",
                "retake", "punish", "use"}


class EventCoder:
    """Built once from the lexicon; each call codes the events of one parsed article."""

    stage = STAGE

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

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
            found = list(self._sentence_events(parsed, sentence, named + _pronouns(sentence, named, memory),
                                               reading, memory))
            events.extend(found)
            people = [m.actor for m in named if m.kind == "person"]
            memory.person = people[-1] if people else memory.person
            sided = [e for e in found if e.actor and e.recipient and e.modality != "negated"]
            if sided:
                memory.dyad, memory.dyad_at = (sided[-1].actor, sided[-1].recipient), sentence.index
        return tuple(events)

    def _sentence_events(self, parsed: ParsedArticle, sentence: Sentence, mentions: list[Mention],
                         weekdays: str, memory: _Memory) -> Iterator[Event]:
        actors = [m for m in mentions if m.kind != "place"]
        seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
        same_event = memory.dyad is not None and sentence.index - memory.dyad_at <= _SAME_EVENT_REACH and bool(
            _SAME_EVENT.search(sentence.text))
        for trigger in self._triggers(sentence):
            actor, recipient = _arguments(sentence, trigger, actors)
            if not actor and not recipient and same_event and memory.dyad is not None:
                actor, recipient = memory.dyad  # "During the visit, two documents were signed."
            if not actor or not any(a.country for a in actor + recipient):
                continue  # an event needs an actor, and at least one side placed in a country
            key = (trigger.event_type, _ids(actor), _ids(recipient))
            if key in seen:
                continue
            seen.add(key)
            yield self._event(parsed, sentence, trigger, actor, recipient, mentions, weekdays)

    def _triggers(self, sentence: Sentence) -> Iterator[_Trigger]:
        used_nouns: set[int] = set()
        for token in sentence.tokens:
            if token.pos == "VERB" or (token.pos == "AUX" and token.dep == "ROOT"):
                threat = _conditional_threat(sentence, token)
                if threat is not None:
                    yield threat
                    continue
                trigger = self._verb_trigger(sentence, token)
                if trigger is not None:
                    if trigger.noun is not None:
                        used_nouns.add(trigger.noun.i)
                    yield trigger
        for token in sentence.tokens:
            event_type = self._noun_type(token)
            fresh = token.i not in used_nouns
            if token.pos in ("NOUN", "PROPN") and event_type and fresh and _noun_has_arguments(sentence, token):
                used_nouns.update(t.i for t in _noun_topics(sentence, token))  # "an agreement on cooperation"
                yield _Trigger(token, event_type, token)

    def _noun_type(self, token: Token) -> str | None:
        nouns = self.lexicon.noun_triggers
        return nouns.get(token.text.lower()) or nouns.get(token.lemma.lower())

    def _verb_trigger(self, sentence: Sentence, verb: Token) -> _Trigger | None:
        lemma = verb.lemma.lower()
        children = sentence.children(verb.i)
        for child in children:  # "shoot down", "call on", "hand over"
            phrasal = self.lexicon.verb_triggers.get(f"{lemma} {child.lemma.lower()}")
            if phrasal and child.dep in ("prt", "prep"):
                return _Trigger(verb, phrasal, None)
        obj = next((c for c in children if c.dep in ("dobj", "nsubjpass")), None)
        if obj is not None and obj.pos == "NOUN":
            noun_type = self._noun_type(obj)
            if noun_type and (lemma in _LIGHT or lemma == "sign"):
                return _Trigger(verb, noun_type, obj)
        event_type = self.lexicon.verb_triggers.get(lemma)
        if event_type is None:
            return None
        return _Trigger(verb, event_type, obj if obj is not None and obj.pos == "NOUN" else None)

    def _event(self, parsed: ParsedArticle, sentence: Sentence, trigger: _Trigger, actor: tuple[Actor, ...],
               recipient: tuple[Actor, ...], mentions: list[Mention], weekdays: str) -> Event:
        article = parsed.article
        kind = self.lexicon.event_types[trigger.event_type]
        modality = _modality(sentence, trigger.token)
        governing = [t.i for t in _clause_chain(sentence, trigger.token)][1:]
        date, basis = event_date(sentence, trigger.token.i, governing, article.published, modality == "future",
                                 weekdays)
        modality = _modality_by_date(modality, date, article.published)
        coder = self.stage
        key = "|".join(map(str, (article.doc_id, sentence.start, trigger.token.i, trigger.event_type,
                                 _ids(actor), _ids(recipient), coder)))
        return Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.doc_id,
            event_type=trigger.event_type,
            mode=_mode(trigger),
            context=self._contexts(sentence, actor + recipient),
            quad_code=kind.quad_code,
            intensity=kind.intensity,
            actor=actor,
            recipient=recipient,
            date=date.value if date else None,
            date_precision=date.precision if date else None,
            date_basis=basis,
            modality=modality,
            sentence=sentence.text,
            span=(sentence.start, sentence.end),
            trigger=trigger.token.text,
            location=_location(mentions),
            quote=_quote(sentence.text),
            confidence=_confidence(trigger, actor, recipient),
            coder=coder,
            cameo=kind.cameo,
        )

    def _contexts(self, sentence: Sentence, actors: tuple[Actor, ...]) -> tuple[str, ...]:
        words = [t.lemma.lower() for t in sentence.tokens] + [a.name.lower() for a in actors]
        return tuple(sorted({self.lexicon.contexts[w] for w in words if w in self.lexicon.contexts}))


def _ids(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(a.entity_id or a.name for a in actors)


def _noun_has_arguments(sentence: Sentence, noun: Token) -> bool:
    return any(c.dep in ("poss", "prep", "amod", "compound") for c in sentence.children(noun.i))


def _arguments(sentence: Sentence, trigger: _Trigger, mentions: list[Mention]
               ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if trigger.noun is trigger.token:
        return _noun_arguments(sentence, trigger.token, mentions)
    subjects, objects = _verb_slots(sentence, trigger)
    actor = _actors_at(sentence, subjects, mentions)
    if trigger.condition is not None:  # the threatened: those named in the condition
        inside = {t.i for t in sentence.subtree(trigger.condition.i)}
        recipient = tuple(dict.fromkeys(m.actor for m in mentions if m.start in inside and m.actor not in actor))
        return actor, recipient
    recipient = tuple(a for a in _actors_at(sentence, objects, mentions) if a not in actor)
    return _reciprocal(actor, recipient)


def _conditional_threat(sentence: Sentence, verb: Token) -> _Trigger | None:
    """ "If the lands are not freed, Azerbaijan will be compelled to restore its integrity": a
    consequence that is force, bound to a condition, is a threat."""
    children = sentence.children(verb.i)
    condition = next((c for c in children if c.dep == "advcl" and _conditional(sentence, c)), None)
    if condition is None:
        return None
    heads = [verb] + [c for c in children if c.dep == "xcomp"]
    if not any(h.lemma.lower() in _FORCE_HEADS for h in heads):
        return None
    return _Trigger(verb, "THREATEN", None, condition)


def _noun_topics(sentence: Sentence, noun: Token) -> list[Token]:
    """The nouns an event noun is about: "an agreement on (military) cooperation between A and B"."""
    return [p for c in sentence.children(noun.i) if c.dep == "prep" and c.lemma.lower() in ("on", "of", "about")
            for p in sentence.children(c.i) if p.dep == "pobj" and p.pos == "NOUN"]


def _pronouns(sentence: Sentence, named: list[Mention], memory: _Memory) -> list[Mention]:
    """ "he", "she": the nearest person named before it in the sentence, else the last
    person named in the article so far."""
    found: list[Mention] = []
    people = sorted((m for m in named if m.kind == "person"), key=lambda m: m.start)
    for token in sentence.tokens:
        if token.text.lower() in _PRONOUNS and token.pos == "PRON":
            before = [m for m in people if m.end <= token.i]
            person = before[-1].actor if before else memory.person
            if person is not None:
                actor = dataclasses.replace(person, text=token.text, rule="pronoun", confidence=round(
                    person.confidence * 0.8, 2), evidence=f'"{token.text}" refers to {person.name}')
                found.append(Mention(sentence.index, token.i, token.i + 1, actor, "person"))
    return found


def _verb_slots(sentence: Sentence, trigger: _Trigger) -> tuple[list[Token], list[Token]]:
    verb = trigger.token
    children = sentence.children(verb.i)
    subjects = [c for c in children if c.dep in ("nsubj", "csubj")]
    subjects += [p for c in children if c.dep == "agent" for p in sentence.children(c.i) if p.dep == "pobj"]
    objects = [c for c in children if c.dep in ("dobj", "dative", "nsubjpass", "attr", "oprd")]
    holders = [verb] + ([trigger.noun] if trigger.noun is not None else []) + objects
    if not any(c.dep in ("dobj", "dative") for c in children):  # "threatened to impose a regime on Georgia"
        for done in (c for c in children if c.dep == "xcomp"):
            inner = [c for c in sentence.children(done.i) if c.dep in ("dobj", "dative")]
            objects += inner
            holders += [done, *inner]
    objects += [p for h in holders for c in sentence.children(h.i)
                if c.dep == "prep" and c.lemma.lower() in _RECIPIENT_PREPS
                for p in sentence.children(c.i) if p.dep == "pobj"]
    if verb.dep == "relcl":  # "Georgia, on which Moscow imposed a visa regime"
        antecedent = sentence.token(verb.head)
        objects = [antecedent if o.lemma.lower() in ("which", "whom", "who") else o for o in objects]
    current = verb
    # a subject is shared with the clause this one completes: "made a point of thanking", "by handing over"
    inherits = ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp", "prep", "pobj", "dobj")
    while not subjects and current.dep in inherits and current.head != current.i:
        head = sentence.token(current.head)
        if current.dep in ("acl", "relcl"):
            subjects = [head]
            break
        subjects = [c for c in sentence.children(head.i) if c.dep in ("nsubj", "csubj")]
        current = head
    return subjects, objects


def _noun_arguments(sentence: Sentence, noun: Token, mentions: list[Mention]
                    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    children = sentence.children(noun.i)
    children += tuple(c for topic in _noun_topics(sentence, noun) for c in sentence.children(topic.i)
                      if c.dep == "prep")  # "an agreement on cooperation between A and B"
    owners = [c for c in children if c.dep in ("poss", "amod", "compound")]
    between = [p for c in children if c.dep == "prep" and c.lemma.lower() in ("between", "among", "of", "by")
               for p in sentence.children(c.i) if p.dep == "pobj"]
    targets = [p for c in children if c.dep == "prep" and c.lemma.lower() in _RECIPIENT_PREPS
               for p in sentence.children(c.i) if p.dep == "pobj"]
    actor = _actors_at(sentence, owners + between, mentions)
    recipient = tuple(a for a in _actors_at(sentence, targets, mentions) if a not in actor)
    return _reciprocal(actor, recipient)


def _reciprocal(actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """'Putin and Aliyev discussed' → the first is the actor, the others the recipients."""
    if not recipient and len(actor) > 1:
        return actor[:1], actor[1:]
    return actor, recipient


def _actors_at(sentence: Sentence, heads: list[Token], mentions: list[Mention]) -> tuple[Actor, ...]:
    """The actors a slot names: mentions at its head, at coordinated heads, or modifying it."""
    found: list[Actor] = []
    for head in _with_conjuncts(sentence, heads):
        at_head = [m for m in mentions if m.start <= head.i < m.end]
        if not at_head:
            near = {c.i for c in sentence.children(head.i) if c.dep in ("poss", "appos")}
            at_head = [m for m in mentions if any(m.start <= i < m.end for i in near)]
        found.extend(m.actor for m in at_head if m.actor not in found)
    return tuple(found)


def _with_conjuncts(sentence: Sentence, heads: list[Token]) -> list[Token]:
    result: list[Token] = []
    stack = list(heads)
    while stack:
        token = stack.pop(0)
        if token not in result:
            result.append(token)
            stack.extend(c for c in sentence.children(token.i) if c.dep == "conj")
    return result


_CLAUSE_DEPS = ("xcomp", "conj", "ccomp", "advcl", "pcomp", "acl", "relcl", "dobj", "pobj", "prep")


def _clause_chain(sentence: Sentence, token: Token) -> Iterator[Token]:
    """The trigger and the words that govern its clause, up to the root of the sentence."""
    yield token
    while token.head != token.i and token.dep in _CLAUSE_DEPS:
        token = sentence.token(token.head)
        yield token


def _governing(sentence: Sentence, trigger: Token) -> list[Token]:
    """The trigger and the verbs it completes: 'will undertake to train' → train, undertake."""
    verbs = [trigger]
    while verbs[-1].dep == "xcomp" and verbs[-1].head != verbs[-1].i:
        verbs.append(sentence.token(verbs[-1].head))
    return verbs


def _modality(sentence: Sentence, trigger: Token) -> str:
    governing = _governing(sentence, trigger)
    words = [c for v in governing for c in sentence.children(v.i)]
    for verb in _clause_chain(sentence, trigger):
        if _conditional(sentence, verb) or any(_conditional(sentence, c) for c in sentence.children(verb.i)
                                               if c.dep == "advcl"):
            return "hypothetical"  # in a condition, or bound to one
    if any(c.dep == "neg" for c in words) or any(v.lemma.lower() in _REFUSING_HEADS for v in governing[1:]):
        return "negated"
    aux = {c.text.lower() for c in words if c.dep in ("aux", "auxpass")}
    aux |= {c.lemma.lower() for c in words if c.dep in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or any(v.lemma.lower() in _FUTURE_HEADS for v in governing[1:]):
        return "future"
    if aux & _HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def _conditional(sentence: Sentence, verb: Token) -> bool:
    return any(c.dep in ("mark", "advmod") and c.lemma.lower() in ("if", "unless", "whether")
               for c in sentence.children(verb.i))


def _modality_by_date(modality: str, date: DateValue | None, published: DateValue | None) -> str:
    """An asserted event stated two or more years before publication is background history."""
    if date is not None and published is not None and modality == "asserted" and published.year - date.year >= 2:
        return "historical"
    return modality


def _mode(trigger: _Trigger) -> str | None:
    if trigger.event_type == "CONSULT" and (trigger.token.lemma.lower() in _VISIT or
                                            (trigger.noun is not None and trigger.noun.lemma.lower() == "visit")):
        return "visit"
    return None


def _location(mentions: list[Mention]) -> Location | None:
    place = next((m for m in mentions if m.kind == "place"), None)
    return Location(place.actor.name, place.actor.country) if place else None


def _quote(text: str) -> str | None:
    match = _QUOTE.search(text)
    return match.group(1).strip() if match else None


def _confidence(trigger: _Trigger, actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> float:
    score = 0.45 + (0.2 if recipient else 0.0) + (0.1 if trigger.token.pos == "VERB" else 0.0)
    people = actor + recipient
    score += 0.2 * sum(a.confidence for a in people) / len(people)
    return round(min(score, 0.95), 2)
