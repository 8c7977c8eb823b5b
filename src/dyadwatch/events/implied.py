"""Sides no slot of the sentence names, and nouns that are no event of their own.

A material act with no target is aimed at where it took place, an attack by no one named is placed
there, a protest at the protesters' own government, any other act at the foreign country where it is
done; the unplaced target of a state's own act is of that state, and an own act with no target at all,
in an article of one country, is aimed at home; a cooperative act told by one side of a call just told
("He expressed his support", "our cooperation") is shared with its other side. Joint exercises are
cooperation; a hostile act told by its victim is a claim; a meeting talked of with one side, a thing
that "arrives", a fight against a problem and an act on oneself are no events of two sides."""

from __future__ import annotations

import dataclasses
import itertools

from ..model import Actor, Mention, Sentence, Token, countries
from . import modality
from .location import places_at
from .quotes import FIRST_PLURAL, SAYING
from .sides import (
    ARRIVING,
    OFFICIAL,
    RECIPIENT_PREPS,
    TOPIC_VERBS,
    Pair,
    Trigger,
    actors_at,
    mentions_at,
    others,
    subjects_of,
    verb_slots,
    with_conjuncts,
)

_EXERCISES = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "games", "patrol", "patrols"}

_SENDING = {"send", "dispatch", "deploy", "despatch", "fly", "ship", "airlift", "move", "bring", "post"}

_AIMING = {"at", "on", "against", "into"}

_PARTIES = {"opposition", "rebel", "refugee", "candidate", "leader", "union", "party", "movement", "militant",
            "guerrilla", "insurgent", "student", "worker", "journalist", "activist", "dissident", "group", "faction",
            "minority", "majority", "newspaper", "tribe", "clan", "separatist"}
# plurals with the endings of people ("workers", "migrants", "detainees") that name things
_THINGS = {"matter", "border", "order", "offer", "power", "water", "sector", "factor", "corridor", "plant", "grant",
           "fee", "degree", "center", "centre", "paper", "letter", "number", "barrier", "chamber"}

_PROTECTING = {"protect", "defend", "shield", "safeguard", "guard"}

# what is fought that is no party: "fighting the climate crisis", "the fight against corruption"
_PROBLEMS = {"crisis", "pandemic", "epidemic", "virus", "disease", "poverty", "hunger", "famine", "corruption",
             "inflation", "climate", "drought", "wildfire", "crime", "impunity", "disinformation",
             "misinformation", "terrorism", "extremism", "trafficking", "smuggling", "piracy", "unemployment",
             "shortage", "cancer", "malaria", "covid-19", "illiteracy", "racism", "discrimination", "flood", "flooding"}


def defended_from(sentence: Sentence, trigger: Trigger, mentions: list[Mention], actor: tuple[Actor, ...]
                  ) -> tuple[Actor, ...]:
    """A hostile act that someone is protected or defends itself from is aimed at them: "help Ukraine
    protect its people from Russian attacks", "Israel's right to defend itself against attacks from Iran"."""
    noun = trigger.token
    if noun.dep != "pobj" or noun.head == noun.i:
        return ()
    preposition = sentence.token(noun.head)
    verb = sentence.token(preposition.head)
    if verb.dep == "dobj" and verb.head != verb.i:  # "protect its ports from attacks", as parsed
        verb = sentence.token(verb.head)
    if preposition.lemma.lower() not in ("from", "against") or verb.lemma.lower() not in _PROTECTING:
        return ()
    kept = [c for c in sentence.children(verb.i) if c.dep == "dobj"]
    if any(c.tag == "PRP" and c.text.lower().endswith(("self", "selves")) for c in kept):
        kept = subjects_of(sentence, verb)  # "defend itself": the one defending
    return others(actors_at(sentence, kept, mentions), actor)


def against_a_problem(sentence: Sentence, slots: list[Token]) -> bool:
    """A hostile act whose only object (``slots``, from ``target_slots``) is a problem, not a party:
    "fighting the climate crisis", "the fight against corruption", "combat disinformation"."""
    return bool(slots) and all(_problem(sentence, t) for t in slots)


def _problem(sentence: Sentence, noun: Token) -> bool:
    """A problem, or its change or threat: "the climate crisis", "climate change", "the terrorist threat"."""
    if noun.lemma.lower() in _PROBLEMS or noun.text.lower() in _PROBLEMS:
        return True
    return noun.lemma.lower() in ("change", "threat", "problem", "challenge") and any(
        c.dep in ("compound", "amod") and c.lemma.lower() in _PROBLEMS | {"terrorist", "climatic"}
        for c in sentence.children(noun.i))


def on_itself(slots: list[Token]) -> bool:
    """An act whose object is its own actor: "Ukraine continues to defend itself" supports no one."""
    return bool(slots) and all(t.tag == "PRP" and t.text.lower().endswith(("self", "selves")) for t in slots)


def unnamed_attacker(sentence: Sentence, trigger: Trigger, mentions: list[Mention], recipient: tuple[Actor, ...]
                      ) -> tuple[Actor, ...]:
    """An attack by no one named ("a roadside bomb near Samarra killed a US soldier") is placed where it
    happened, as ICEWS and PLOVER code an unidentified attacker, with low confidence."""
    places = [p for p in where_aimed(sentence, trigger, mentions, ()) if p.country]
    if not places or places[0] in recipient:
        return ()
    place = places[0]
    return (Actor("", f"unidentified ({place.country})", place.country, None, None, "context.location", 0.3,
                  f'no actor named; the act took place at "{place.text}"'),)


def protested_in_purpose(sentence: Sentence, trigger: Trigger, mentions: list[Mention], actor: tuple[Actor, ...]
                         ) -> tuple[Actor, ...]:
    """A protest that names no target in its own words is aimed at the states its purpose names: "began
    a hunger strike to protest against Sweden's decision", "blocked a road to show their disapproval
    of the United States' policies", "demanding independence from Indonesian rule"."""
    purposes = [c for c in sentence.children(trigger.token.i) if c.dep in ("advcl", "xcomp", "acl")]
    inside = {t.i for c in purposes for t in sentence.subtree(c.i)}
    inside -= {t.i for c in purposes for t in sentence.subtree(c.i) if t.i != c.i and t.dep in (
        "acl", "relcl") for t in sentence.subtree(t.i)}  # "Sweden's decision [to send them back to Bulgaria]"
    home = set(countries(actor))
    return tuple(dict.fromkeys(m.actor for m in mentions if m.start in inside and m.kind != "place"
                               and m.actor.country and m.actor.country not in home))


def own_government(actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A protest that names no target is aimed at the protesters' own authorities ("Algerian landowners
    began a hunger strike", "students throughout Indonesia staged demonstrations"), as PLOVER codes it."""
    people = [a for a in actor if a.country and a.sector not in OFFICIAL]
    if not people:
        return ()
    country = people[0].country or ""
    return (Actor("", f"government of {country}", country, "GOV", f"country:{country}", "protest.own-government",
                  0.5, f"a protest by {people[0].text} that names no target is aimed at its own government"),)


def where_aimed(sentence: Sentence, trigger: Trigger, mentions: list[Mention], actor: tuple[Actor, ...]
                 ) -> tuple[Actor, ...]:
    """A material act that names no target is aimed at where it took place: "shelled positions near
    Tartar", "strikes in Ukraine", "lifted the curfew in Montenegro"."""
    verbs = [trigger.token, *(c for c in sentence.children(trigger.token.i) if c.dep == "conj" and c.pos == "VERB"
                              or (c.dep == "advcl" and _when(sentence, c)))]  # "and opened an embassy in Tehran",
    holders = [*verbs, *([trigger.noun] if trigger.noun is not None else []),  # "when they blew themselves up in"
               *(c for v in verbs for c in sentence.children(v.i) if c.dep in ("dobj", "nsubjpass")),
               *(p for c in sentence.children(trigger.token.i) if c.dep == "prep" and c.lemma.lower() in _AIMING
                 for p in sentence.children(c.i) if p.dep == "pobj")]  # "fired at targets in Jericho"
    return others(actors_at(sentence, places_at(sentence, holders) + _sent_to(sentence, trigger.token), mentions),
                  actor)


def _when(sentence: Sentence, clause: Token) -> bool:
    return any(c.dep == "advmod" and c.lemma.lower() == "when" for c in sentence.children(clause.i))


def _sent_to(sentence: Sentence, verb: Token) -> list[Token]:
    """Where those sent to do an act were sent: "sent 21 personnel to Bosnia to investigate"."""
    if verb.dep not in ("advcl", "xcomp") or verb.head == verb.i or not any(
            c.dep == "aux" and c.text.lower() == "to" for c in sentence.children(verb.i)):
        return []
    sending = sentence.token(verb.head)
    if sending.lemma.lower() not in _SENDING:
        return []
    sent = [c for c in sentence.children(sending.i) if c.dep == "dobj"]
    holders = [sending, *sent, *(p for s in sent for c in sentence.children(s.i) if c.lemma.lower() == "of"
                                 for p in sentence.children(c.i) if p.dep == "pobj")]  # "a team of experts to"
    return [p for h in holders for c in sentence.children(h.i) if c.dep == "prep" and c.lemma.lower() in ("to", "into")
            for p in sentence.children(c.i) if p.dep == "pobj"]


def at_home(sentence: Sentence, slots: list[Token], mentions: list[Mention], actor: tuple[Actor, ...],
            recipient: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The unplaced target of a state's own act in a sentence that names no other country is of that
    state, as CAMEO and PLOVER code domestic events: "Egyptian police dispersed demonstrators",
    "Bouteflika is prepared to lift the ban on the Islamic Salvation Front"."""
    home = _states_acting(actor)
    named = {m.actor.country for m in mentions if m.actor.country}
    if len(home) != 1 or not named <= home:
        return recipient
    [country] = home
    if recipient:  # named, but the tables do not place them: "candidate Alassane Ouattara"
        return tuple(_at_home(a, country, a.text, "the target of an own act of") for a in recipient)
    return _party_at_home(sentence, slots, country, "the target of an own act of")


def at_home_acting(sentence: Sentence, trigger: Trigger, mentions: list[Mention], actor: tuple[Actor, ...],
                   recipient: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The unplaced actor of an act on a state's own institutions, or done in its places, in a sentence
    that names no other country, is of that state: "Ibo elders demanded that the Nigerian Interior
    Ministry ...", "the Azadliq opposition coalition agreed to postpone the demonstration in Baku"
    (but "Tutu called for sanctions against Nigeria" names Nigeria as the target, not as the scene)."""
    named = {m.actor.country for m in mentions if m.actor.country}
    scene = {a.country for a in recipient if a.country and a.sector in OFFICIAL - {"IGO"}}
    scene |= {m.actor.country for m in mentions if m.kind == "place" and m.actor.country
              and m.actor.rule != "gazetteer.adjective-place"}  # "attacked Azerbaijani positions": a target
    if len(named) != 1 or named != scene:
        return actor
    [country] = named
    if actor:  # named, but the tables do not place them: "the Homeland Union"
        return tuple(_at_home(a, country, a.text, "the actor of an act at home in") for a in actor)
    heads = verb_slots(sentence, trigger)[0] if trigger.noun is not trigger.token else []
    return _party_at_home(sentence, heads, country, "the actor of an act at home in")


def _states_acting(actor: tuple[Actor, ...], bare: bool = False) -> set[str]:
    """The states whose officials are the actor (with ``bare``, or the state named as itself: "Sudan")."""
    return {a.country for a in actor if a.country and (a.sector in OFFICIAL - {"IGO"} or (
        bare and a.sector is None and a.entity_id == f"country:{a.country}"))}


def _party_at_home(sentence: Sentence, heads: list[Token], country: str, role: str) -> tuple[Actor, ...]:
    """The first party the slots name, as one of ``country``."""
    return tuple(_at_home(Actor(t.text, t.text, None, None, None, "", 0.0, ""), country, _text_of(sentence, t),
                          role) for t in _parties(sentence, heads)[:1])


def _parties(sentence: Sentence, heads: list[Token]) -> list[Token]:
    """The parties slots name, or name a part of ("dozens of protesters", "Leaders of the Azadliq coalition")."""
    heads = with_conjuncts(sentence, heads)
    heads += [p for h in heads for c in sentence.children(h.i) if c.dep == "prep" and c.lemma.lower() == "of"
              for p in sentence.children(c.i) if p.dep == "pobj"]
    return [h for h in heads if _domestic_party(sentence, h)]


def target_slots(sentence: Sentence, trigger: Trigger) -> list[Token]:
    """The words that can name whom an act is aimed at: a verb's objects, an event noun's phrases. The
    event coder reads them once per trigger and gives them to the fallbacks here."""
    return _noun_targets(sentence, trigger.token) if trigger.noun is trigger.token else verb_slots(sentence, trigger)[1]


def _noun_targets(sentence: Sentence, noun: Token) -> list[Token]:
    """What the phrases after an event noun aim it at: "the ban on the Islamic Salvation Front"."""
    return [p for c in sentence.children(noun.i) if c.dep == "prep" and c.lemma.lower() in RECIPIENT_PREPS | {"of"}
            for p in sentence.children(c.i) if p.dep == "pobj"]


def _at_home(actor: Actor, country: str, text: str, role: str) -> Actor:
    return dataclasses.replace(actor, text=text, name=text if not actor.country else actor.name, country=country,
                               rule="context.domestic", confidence=0.4,
                               evidence=f'"{text}", named in no country, is {role} {country}')


def _domestic_party(sentence: Sentence, head: Token) -> bool:
    """A party a state acts on at home: a name that is no place, or people ("demonstrators", "rebels")."""
    if head.pos == "PROPN":
        return head.ent not in ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "EVENT", "PRODUCT", "LAW")
    word, plural = head.lemma.lower(), head.text.lower()
    return head.pos == "NOUN" and (word in _PARTIES or (
        head.tag == "NNS" and plural.endswith(("ers", "ors", "ists", "ians", "ants", "ents", "ees"))
        and not plural.endswith("ments") and word not in _THINGS))


def _text_of(sentence: Sentence, head: Token) -> str:
    """A noun with the words before it in its phrase: "Moslem fundamentalist demonstrators"."""
    first = min([head.i] + [t.i for t in sentence.subtree(head.i) if t.i < head.i and t.dep in (
        "compound", "amod", "nmod")])
    return " ".join(t.text for t in sentence.tokens if first <= t.i <= head.i)


def counterpart(sentence: Sentence, trigger: Trigger, slots: list[Token], mentions: list[Mention],
                actor: tuple[Actor, ...], meeting: Pair) -> tuple[Actor, ...]:
    """A cooperative act with no one else named is shared with the other side of the meeting just
    told where a person who took part in it does it or tells it ("spoke with Zelenskyy ... He expressed his
    full support", "The Vice President emphasized that the United States would remain committed"), or
    where "our" or "we" does it ("discussed with the Prime Minister our continued cooperation")."""
    if not actor:
        return ()
    mine = set(countries(actor))
    if all(a.text.lower() in FIRST_PLURAL for a in actor):
        return tuple(a for a in meeting[0] + meeting[1] if a.country and a.country not in mine)
    if _parties(sentence, slots):
        return ()  # "praised the workers of a factory": aimed at those, if unplaced
    heads = list(modality.clause_chain(sentence, trigger.token))[1:]
    tellers = actors_at(sentence, [c for h in heads for c in sentence.children(h.i) if c.dep == "nsubj"], mentions)
    parties = {a.entity_id for a in actor + tellers if a.entity_id and a.entity_id.startswith("person:")}
    for side, other in (meeting, meeting[::-1]):
        if parties & {a.entity_id for a in side} and mine <= set(countries(side)) and not mine & set(countries(other)):
            return tuple(dataclasses.replace(a, rule="context.meeting", confidence=min(a.confidence, 0.4),
                                             evidence=f"the other side of the meeting just told ({a.text})")
                         for a in other if a.country)
    return ()


def home_aimed(actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A state's own act that names no target, in an article that names no other country, is aimed at
    home, as CAMEO and PLOVER code domestic events: "Sudan's government lifted the state of emergency",
    "the Vice-President declined to resign", "the interim government is prepared to impose martial law"."""
    home = _states_acting(actor, bare=True)
    if len(home) != 1:
        return ()
    [country] = home
    return (Actor("", f"domestic ({country})", country, None, f"country:{country}", "context.domestic", 0.3,
                  f"an act of {country} that names no target, in an article that names no other country, "
                  "is aimed at home"),)


def abroad(places: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The places of another country than the actor's: "opened an embassy in Tehran" is aimed at Iran,
    "spoke at a rally in Baku" (of an Azerbaijani) at no one."""
    home = set(countries(actor))
    return tuple(p for p in places if p.country and p.country not in home) if home else ()


def joint(trigger: Trigger, actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> bool:
    """Exercises, drills or patrols of two states together are military cooperation (PLOVER COOPERATE),
    not a mobilisation against each other: "Turkey and Azerbaijan began exercises", "drills with Belarus"."""
    kind = trigger.entry[1].split()[-1] if trigger.entry else ""
    mine, theirs = set(countries(actor)), set(countries(recipient))
    return kind in _EXERCISES and bool(mine) and bool(theirs) and not mine & theirs


def claimed_by_other(sentence: Sentence, trigger: Token, actor: tuple[Actor, ...], mentions: list[Mention]) -> bool:
    """A hostile act told by a speaker who is not its actor: one side's claim about the other."""
    for clause, head in itertools.pairwise(modality.clause_chain(sentence, trigger)):
        if clause.dep == "ccomp" and head.lemma.lower() in SAYING:
            speakers = actors_at(sentence, [c for c in sentence.children(head.i) if c.dep == "nsubj"], mentions)
            said_by = set(countries(speakers))
            return bool(said_by) and not said_by & set(countries(actor))
    return False


def talked_of(sentence: Sentence, noun: Token) -> bool:
    """A meeting noun in what is discussed: "discussed planning for the NATO Summit" (the topic; a
    meeting of its own only where it has a second side: "reviewed preparations for his visit to Washington")."""
    current = noun
    while current.dep in ("dobj", "pobj", "prep", "conj", "appos", "compound") and current.head != current.i:
        current = sentence.token(current.head)
        if current.pos == "VERB":
            return current.lemma.lower() in TOPIC_VERBS
    return False


def thing_arrives(sentence: Sentence, trigger: Trigger, mentions: list[Mention]) -> bool:
    """ "Abrams tanks will arrive in Ukraine", "hosting the World Cup": no one arrives or is hosted, so
    it is no visit."""
    lemma = trigger.token.lemma.lower()
    subjects = [c for c in sentence.children(trigger.token.i) if c.dep == "nsubj"]
    hosted = [c for c in sentence.children(trigger.token.i) if c.dep == "dobj"] if lemma == "host" else []
    return (lemma in ARRIVING and bool(subjects)
            and all(c.pos == "NOUN" and not mentions_at(sentence, c, mentions) for c in subjects)) or (
        bool(hosted) and all(c.pos == "PROPN" and not mentions_at(sentence, c, mentions) for c in hosted))
