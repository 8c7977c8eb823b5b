"""Sides: who did an event and to whom, from the dependency parse of its sentence.

The subject of a trigger acts and its objects receive, through passives, coordination, light verbs and
event nouns, relative clauses, clauses it completes, names hyphened together, groups and owners (the
mentions of pronouns and plural references are ``references``'). What is not a side is kept out: the
place of a meeting, the topic of talks, the adversary of cooperation. Sides no slot names are
``implied``'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, Mention, Sentence, Token, countries
from ..nlp import HYPHENS
from . import modality
from .quotes import FIRST_PERSON, Quote

RECIPIENT_PREPS = {"with", "to", "against", "on", "from", "for", "toward", "towards", "upon", "into", "over",
                    "between", "among"}

ARRIVING = {"arrive", "land", "visit", "travel", "fly", "stop"}
# verbs whose object is what is talked about, not who is talked to: "discussed a treaty between A and B"

TOPIC_VERBS = {"discuss", "debate", "review", "consider", "examine", "address", "raise", "negotiate", "talk",
               "explore", "tackle"}

_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}

_ABOUT_OTHERS = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT"}  # "demanded that Iran abandon"

OFFICIAL = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"}

_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}  # "talks on Karabakh": the subject of talks

_MEMBERSHIP = {"of", "from", "in", "throughout", "across"}  # "rebels in the Ivory Coast"

_RELATIVES = {"which", "whom", "who", "that"}

_STATING = {"emphasize", "underscore", "reaffirm", "stress", "highlight", "reiterate", "affirm", "confirm"}

_TIME_PREPS = {"before", "after", "during", "following", "since", "until", "amid", "ahead"}

_TIME_ANCHORS = {"advance", "ahead", "eve", "margin", "margins", "sideline", "sidelines", "run-up", "wake", "prior"}

# "is committed to", "is opposed to": a stance, not a passive (by lemma, or by the participle where the
# tagger leaves it as the lemma)
_BOUND = {"commit", "dedicate", "determine", "resolve", "oppose", "committed", "dedicated", "determined", "resolved",
          "opposed"}

# what talks are about that is no relation with anyone: "discussed the situation with X" talks with X
_SUBJECT_MATTERS = {"situation", "issue", "matter", "question", "development", "topic", "agenda", "prospect",
                    "outcome", "result", "progress", "state", "way", "step", "plan", "idea", "proposal", "detail"}

_GETTING = {"receive", "get", "obtain", "secure", "win", "accept", "welcome"}  # "received aid from X"

_CALLING = {"speak", "talk", "call", "meet", "phone", "telephone"}

Pair = tuple[tuple[Actor, ...], tuple[Actor, ...]]  # the two sides of an event

_PLACE_RULES = {"gazetteer.place", "gazetteer.region", "gazetteer.adjective-place"}  # places, not parties


@dataclass(frozen=True)
class Trigger:
    """What makes an event in a sentence, and what the coder knows about how it was found."""

    token: Token
    event_type: str
    noun: Token | None  # the event noun of a light verb, or the trigger itself when it is a noun
    entry: tuple[str, str] | None = None  # the row of the trigger table: (pos, trigger)
    condition: Token | None = None  # the if-clause of a conditional threat
    speaker: Token | None = None  # who demands, when the trigger is what someone "must" do
    quote: Quote | None = None  # the quote that is the statement, for an event read from a quote's words


def arguments(sentence: Sentence, trigger: Trigger, mentions: list[Mention], quad: int
               ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if trigger.noun is trigger.token:
        return _noun_arguments(sentence, trigger, mentions, quad)
    subjects, objects = verb_slots(sentence, trigger)
    actor = actors_at(sentence, subjects, mentions)
    if trigger.quote is not None:  # the speaker, to the one spoken to or those named in the quote
        named = tuple(m.actor for m in mentions if trigger.quote.holds(sentence, sentence.token(m.start))
                      and m.actor.text.lower() not in FIRST_PERSON)
        return actor, others(tuple(dict.fromkeys(actors_at(sentence, objects, mentions) + named)), actor)
    if trigger.speaker is not None:  # "Russia said Sudan must return the helicopter"
        subjects = [c for c in sentence.children(trigger.token.i) if c.dep in ("nsubj", "nsubjpass")]
        speakers = [c for c in sentence.children(trigger.speaker.i) if c.dep in ("nsubj", "nsubjpass")]
        actor = actors_at(sentence, speakers, mentions)
        return actor, others(actors_at(sentence, subjects, mentions), actor)
    if trigger.condition is not None:  # the threatened: those named in the condition
        inside = {t.i for t in sentence.subtree(trigger.condition.i)}
        return actor, others(tuple(dict.fromkeys(m.actor for m in mentions if m.start in inside)), actor)
    objects = _not_own_state(sentence, trigger, objects, actor, mentions)
    if trigger.event_type == "ACCUSE":
        objects = _past_addressee(sentence, trigger.token, objects, mentions)
    return _reciprocal(actor, actors_at(sentence, objects, mentions, actor))


def _past_addressee(sentence: Sentence, verb: Token, objects: list[Token], mentions: list[Mention]
                    ) -> list[Token]:
    """An accusation is aimed at the accused, not at whom it is made to: "complained to the United
    Nations over Israeli air raids" accuses Israel (the addressee stays where no one else is named)."""
    addressed = [o for o in objects if o.dep == "pobj" and o.head != o.i and sentence.token(o.head).head == verb.i
                 and sentence.token(o.head).lemma.lower() == "to"]
    rest = [o for o in objects if o not in addressed]
    return rest if addressed and actors_at(sentence, rest, mentions) else objects


def _not_own_state(sentence: Sentence, trigger: Trigger, objects: list[Token], actor: tuple[Actor, ...],
                   mentions: list[Mention]) -> list[Token]:
    """The objects, less the actor's own state as the subject of what it states: "Shoigu promised that
    Russia would not use the sea lanes to attack Ukrainian ports" is aimed at those the clause aims at."""
    own = set(countries(actor))
    clauses = [c for c in sentence.children(trigger.token.i) if c.dep == "ccomp"]
    said = {s.i for c in clauses for s in sentence.children(c.i) if s.dep == "nsubj"}
    mine = [o for o in objects if o.i in said and own
            and set(countries(actors_at(sentence, [o], mentions))) <= own]
    if not mine:
        return objects
    verbs = [v for c in clauses for v in (c, *sentence.children(c.i)) if v is c or v.dep in ("xcomp", "advcl")]
    aimed = [o for v in verbs for o in verb_slots(sentence, Trigger(v, "", None))[1]]
    return [o for o in objects if o not in mine] + aimed


def _not_aimed(event_type: str) -> set[str]:
    """Prepositions that do not name whom an act is aimed at: the topic of talks ("talks on Karabakh"),
    and the adversary of cooperation ("support for Ukraine against Russian aggression")."""
    return (_TOPIC_PREPS if event_type == "CONSULT" else set()) | ({"against"} if event_type in _COOPERATIVE else set())


def _objects_of(sentence: Sentence, preposition: Token) -> list[Token]:
    """What a preposition governs; in "spoke with King Salman to discuss trade" the parser makes it a
    clause whose subject is the one spoken with."""
    found = [p for p in sentence.children(preposition.i) if p.dep == "pobj"]
    done = [c for c in sentence.children(preposition.i) if c.dep == "pcomp"]
    found = found or [s for c in done for s in sentence.children(c.i) if s.dep == "nsubj"]
    if not found and not sentence.children(preposition.i) and preposition.head != preposition.i:
        found = [s for c in sentence.children(preposition.head) if c.dep == "advcl"  # "with [Ishiba] to advance"
                 for s in sentence.children(c.i) if s.dep == "nsubj" and s.i > preposition.i]
    return found or [o for c in done for o in sentence.children(c.i) if c.pos == "VERB" and o.dep == "dobj"] + [
        p for c in done for w in sentence.children(c.i) if w.dep == "prep" and w.lemma.lower() in ("with", "to")
        for p in sentence.children(w.i) if p.dep == "pobj"]  # "committed to working with the DRC government"


def _condition_subjects(sentence: Sentence, verb: Token) -> list[Token]:
    """The subjects of the conditions bound to a verb: "… if the United States goes ahead"."""
    return [s for c in sentence.children(verb.i) if c.dep == "advcl" and modality.conditional(sentence, c)
            for s in sentence.children(c.i) if s.dep == "nsubj"]


def _aiming_preps(sentence: Sentence, holder: Token, verb: Token, noun: Token | None) -> list[Token]:
    """The prepositions on a slot word that name a target. An act named as the object, with its doer
    after "by", is aimed at the doer, not at whom that act was aimed: "condemned attacks by Armenian forces
    against Azerbaijani civilians" accuses Armenia."""
    preps = [c for c in sentence.children(holder.i) if c.dep == "prep" and _aims(c, holder)]
    if holder is verb or holder.pos != "NOUN":
        return preps
    return _by(sentence, holder) or preps


def _by(sentence: Sentence, noun: Token) -> list[Token]:
    """The "by" phrases that name the doer of an act noun: "crimes by soldiers", "crimes committed by"."""
    phrases = [c for c in sentence.children(noun.i) if c.dep == "prep" and c.lemma.lower() == "by"]
    phrases += [a for v in sentence.children(noun.i) if v.dep == "acl" and v.tag == "VBN"
                for a in sentence.children(v.i) if a.dep == "agent"]
    return [c for c in phrases if any(p.dep == "pobj" for p in sentence.children(c.i))]


def _done_by(sentence: Sentence, noun: Token | None) -> bool:
    """Whether an act noun names its doer after "by": "an admission by Moscow", "crimes by soldiers"."""
    return noun is not None and bool(_by(sentence, noun))


def _aims(preposition: Token, holder: Token) -> bool:
    """A preposition that names a target: "sanctions on Russia", "talks with Baku", and after a
    noun "by" ("rejected calls by Belarus")."""
    word = preposition.lemma.lower()
    return word in RECIPIENT_PREPS or (word == "by" and holder.pos == "NOUN")


def noun_topics(sentence: Sentence, noun: Token) -> list[Token]:
    """The nouns an event noun is about: "an agreement on (military) cooperation between A and B"."""
    return [p for c in sentence.children(noun.i) if c.dep == "prep" and c.lemma.lower() in ("on", "of", "about")
            for p in sentence.children(c.i) if p.dep == "pobj" and p.pos == "NOUN"]


def time_reference(sentence: Sentence, noun: Token) -> bool:
    """An event noun that says when something else happened: "in advance of the NATO Summit", "on the
    margins of the summit", "after the talks"."""
    if noun.dep != "pobj" or noun.head == noun.i:
        return False
    preposition = sentence.token(noun.head)
    word = preposition.lemma.lower()
    if word in _TIME_PREPS:
        return True
    anchor = sentence.token(preposition.head)
    return word in ("of", "to") and anchor.lemma.lower() in _TIME_ANCHORS


def verb_slots(sentence: Sentence, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    verb = trigger.token
    children = sentence.children(verb.i)
    subjects = [c for c in children if c.dep in ("nsubj", "csubj")]
    subjects += [p for c in children if c.dep == "agent" for p in sentence.children(c.i) if p.dep == "pobj"]
    subjects = subjects or [s for c in children if c.dep in ("aux", "auxpass") for s in sentence.children(c.i)
                            if s.dep in ("nsubj", "nsubjpass")]  # "[Chile] is(<-Chile) opposed to", as parsed
    subjects = subjects or [c for c in children if c.dep == "npadvmod" and c.pos == "PROPN" and c.i < verb.i
                            and c.ent in ("GPE", "ORG", "NORP", "PERSON")]  # "[Armenia](npadvmod) launched"
    bound = bool({verb.lemma.lower(), verb.text.lower()} & _BOUND) and not subjects  # "is committed to": it commits
    subjects += [c for c in children if c.dep == "nsubjpass" and bound]
    topical = trigger.entry is not None and trigger.entry[1] in TOPIC_VERBS  # what is discussed is no side
    objects = [c for c in children if c.dep in (("dative",) if topical else ("dobj", "dative", "attr", "oprd") + (
        () if bound else ("nsubjpass",)))]
    objects += [p for c in children if c.dep == "dative" and c.pos == "ADP"  # "provide support to Israel"
                for p in sentence.children(c.i) if p.dep == "pobj"]
    holders = [verb] + ([trigger.noun] if trigger.noun is not None and not topical else []) + objects
    if trigger.noun is not None and trigger.noun is not verb and not topical:  # "a suspension of air links with Serbia"
        holders += noun_topics(sentence, trigger.noun)
    holders += [c for c in children if c.dep == "prt"]  # "kidnapped up to 16 Russian advisers"
    if trigger.noun is not None and not topical and not _done_by(sentence, trigger.noun):  # "reaffirmed its
        # commitment to defend the Philippines" (but "an admission by Moscow that troops killed ..." is Moscow's)
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
            objects += [s for c in children if c.dep == "ccomp" for s in sentence.children(c.i) if s.dep == "nsubj"
                        or (s.dep == "compound" and any(m.dep == "mark" for m in sentence.children(c.i)))]
            # "that [Pakistan act]": a clause the parser made a noun
        objects += _condition_subjects(sentence, verb)
    if trigger.event_type in ("ASSAULT", "COERCE"):  # "opened fire to disperse demonstrators": at them
        objects += [o for c in children if c.dep == "advcl" and any(
            a.dep == "aux" and a.text.lower() == "to" for a in sentence.children(c.i))
            for o in sentence.children(c.i) if o.dep == "dobj"]
    if verb.lemma.lower() in ARRIVING or trigger.event_type == "PROTEST":
        # "arrived in Amman" (the host), "protested in Beijing"; but "met his counterpart in Moscow" is where
        objects += [p for h in holders for c in sentence.children(h.i) if c.dep == "prep"
                    and c.lemma.lower() in ("in", "at") for p in sentence.children(c.i) if p.dep == "pobj"]
    topics = _not_aimed(trigger.event_type)
    objects += [p for h in holders for c in _aiming_preps(sentence, h, verb, trigger.noun)
                if c.lemma.lower() not in topics for p in _objects_of(sentence, c)]
    objects += [p for o in objects if o.pos == "NOUN" and o.dep == "pobj" and o not in holders
                for c in _by(sentence, o) for p in _objects_of(sentence, c)]  # "an inquiry into crimes committed by"
    if trigger.event_type not in _COOPERATIVE:
        # "mobilized reservists for a war against Iraq": whom a hostile noun is against; and after a light
        # verb, of ("mounted its invasion of South Lebanon")
        light = trigger.noun is not None and trigger.noun is not verb
        nouns = ([trigger.noun] if light and trigger.noun is not None and not _done_by(sentence, trigger.noun)
                 else []) + [
            o for o in objects if o.pos == "NOUN" and o.dep == "pobj" and not _governed_by(sentence, o, None, "by")]
        words = ("of", "against") if light else ("against",)
        objects += [p for n in nouns for c in sentence.children(n.i) if c.dep == "prep"
                    and c.lemma.lower() in words for p in sentence.children(c.i) if p.dep == "pobj"]
    if topical:  # "discussed the situation with the Co-Chairs", the parser hanging "with" on the topic
        objects += [p for o in children if o.dep == "dobj" and o.lemma.lower() in _SUBJECT_MATTERS
                    for c in sentence.children(o.i) if c.dep == "prep" and c.lemma.lower() == "with"
                    for p in _objects_of(sentence, c)]  # but "discussed cooperation with Iran" is the topic
    if not any(o.dep in ("dobj", "dative") for o in objects) and verb.dep == "conj" and verb.head != verb.i:
        # "telephoned Aliyev and apologised for what the Kremlin called ...": the head's object, but what
        # the verb's own phrase or clause names first ("regretted it and called on Amman")
        own = {c.i for c in children if c.dep in ("prep", "ccomp")}
        objects = [o for o in objects if sentence.token(o.head).i in own or (
            o.head != o.i and sentence.token(o.head).head in own and o.dep == "pobj")]
        objects = objects or [c for c in sentence.children(verb.head) if c.dep in ("dobj", "dative")]
    if verb.dep == "advcl" and verb.head != verb.i and _with_clause(sentence, verb):
        # "spoke with Governor DeSantis to offer support", parsed as if DeSantis offered: the speaker did, to him
        objects += subjects
        subjects = [c for c in sentence.children(verb.head) if c.dep in ("nsubj", "csubj")]
    elif verb.dep == "advcl" and sentence.token(verb.head).lemma.lower() in _CALLING and all(
            trigger.noun is not None and o.i == trigger.noun.i for o in objects):
        # "spoke with Aliyev to offer condolences": to the one spoken with
        objects += [p for c in sentence.children(verb.head) if c.dep == "prep" and c.lemma.lower() == "with"
                   for p in _objects_of(sentence, c)]
    if trigger.event_type == "ASSAULT":  # "a mortar bomb was fired at it from the Gaza Strip": whence;
        origins = [o for o in objects if _governed_by(sentence, o, verb, "from")]  # "shot down over Ukraine":
        objects = [o for o in objects if o not in origins and not _governed_by(sentence, o, verb, "over")]  # where
        subjects = subjects or origins
    if verb.dep == "relcl":  # "Georgia, on which Moscow imposed a visa regime"; "Lavrov, who will visit"
        antecedent = sentence.token(verb.head)
        objects = [antecedent if o.lemma.lower() in _RELATIVES else o for o in objects]
        subjects = [antecedent if o.lemma.lower() in _RELATIVES else o for o in subjects]
    if not subjects and verb.dep in ("pcomp", "pobj") and verb.head != verb.i:
        accused = modality.accused_of(sentence, sentence.token(verb.head))  # "accused Russia of bombing": Russia bombed
        subjects = [accused] if accused is not None else []
    current = verb
    # a subject is shared with the clause this one completes: "made a point of thanking", "by handing over",
    # "is expected to sign" (the subject of a passive), "is due to arrive"; not by a said passive with a
    # subject of its own ("Israel said a mortar bomb was fired at it")
    inherits = ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp", "prep", "pobj", "dobj", "acomp")
    passive = any(c.dep == "nsubjpass" for c in children)
    while not subjects and current.dep in inherits and current.head != current.i and not (
            current.dep == "ccomp" and passive):
        head = sentence.token(current.head)
        if current is verb and current.dep == "acl" and current.tag == "VBN" and trigger.event_type in (
                "ASSAULT", "COERCE"):  # "10 Russian soldiers killed in Ukraine": those it was done to
            objects.append(head)
            break
        if current.dep in ("acl", "relcl") and not _chance(sentence, current, head):
            subjects = [head]
            break
        if current.dep == "pcomp" and head.lemma.lower() in ("on", "for") and head.head != head.i:
            thanked = [c for c in sentence.children(head.head) if c.dep == "dobj"]
            if thanked:  # "congratulated Qatar on hosting", "thanked the Vatican for speaking out": they did
                subjects = thanked
                break
        wanted = ("nsubj", "csubj", "nsubjpass") if current.dep in ("xcomp", "acomp") else ("nsubj", "csubj")
        subjects = [c for c in sentence.children(head.i) if c.dep in wanted]
        current = head
    return subjects, objects


def _governed_by(sentence: Sentence, noun: Token, verb: Token | None, preposition: str) -> bool:
    """Whether a noun is the object of ``preposition`` (on the verb, if given): "fired from Gaza"."""
    head = sentence.token(noun.head)
    return noun.dep == "pobj" and head.lemma.lower() == preposition and (verb is None or head.head == verb.i)


def subjects_of(sentence: Sentence, verb: Token) -> list[Token]:
    """Who does what a verb says, as ``verb_slots`` finds it for a verb that is no trigger."""
    return verb_slots(sentence, Trigger(verb, "", None))[0]


def _verb_above(sentence: Sentence, token: Token) -> Token | None:
    """The verb a phrase hangs from, through the objects and prepositions between them."""
    while token.head != token.i and token.dep in ("prep", "dobj", "pobj", "conj"):
        token = sentence.token(token.head)
        if token.pos == "VERB":
            return token
    return None


def _chance(sentence: Sentence, verb: Token, noun: Token) -> bool:
    """An infinitive of a chance or decision taken by the clause's subject: "took the opportunity to
    congratulate Qatar", "made the decision to withdraw" (but not "Israel's right to defend itself")."""
    return (verb.dep == "acl" and noun.pos == "NOUN" and noun.dep in ("dobj", "attr")
            and any(c.dep == "aux" and c.text.lower() == "to" for c in sentence.children(verb.i))
            and not any(c.dep == "poss" for c in sentence.children(noun.i)))


def _with_clause(sentence: Sentence, verb: Token) -> bool:
    """An infinitive the parser made a clause of "with": "with [the Governor to offer support]"."""
    children = sentence.children(verb.i)
    return (any(c.dep == "mark" and c.lemma.lower() == "with" for c in children)
            and any(c.dep == "aux" and c.text.lower() == "to" for c in children))


def _noun_arguments(sentence: Sentence, trigger: Trigger, mentions: list[Mention], quad: int
                    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """The sides of an event noun: its owners and "between"/"by" phrases act, the phrases that aim it
    ("sanctions on Russia", "talks with Baku") receive it. "of" names the one acted on for a hostile act
    or after an owner ("its invasion of Ukraine", "the bombing of Belgrade"), else the actor ("a visit
    of Putin"); a promise is aimed at the object of what it promises ("the commitment to support Saudi
    Arabia"); a material act without a target is aimed at where it happened ("strikes in Ukraine")."""
    noun = trigger.token
    children = sentence.children(noun.i)
    children += tuple(c for topic in noun_topics(sentence, noun) for c in sentence.children(topic.i)
                      if c.dep == "prep")  # "an agreement on cooperation between A and B"
    owners = [c for c in children if c.dep in ("poss", "amod", "compound")]
    of_acted_on = quad >= 3 or any(c.dep == "poss" for c in children)
    # "attacks from Iran", "an offer from Kabul": who makes it (but "the withdrawal from Gaza": whence)
    agents = {"between", "among", "by"} | (set() if of_acted_on else {"of"}) | (
        {"from"} if trigger.event_type != "RETREAT" and not actors_at(sentence, owners, mentions) else set())
    aims = (RECIPIENT_PREPS - _not_aimed(trigger.event_type) - agents) | (
        {"of"} if of_acted_on else set())
    between = [p for c in children if c.dep == "prep" and c.lemma.lower() in agents
               for p in sentence.children(c.i) if p.dep == "pobj"]
    targets = [p for c in children if c.dep == "prep" and c.lemma.lower() in aims
               for p in sentence.children(c.i) if p.dep == "pobj"]
    actor = actors_at(sentence, owners + between, mentions)
    if not actor and quad in (1, 2):  # "They discussed the importance of support for Ukraine"
        actor = actors_at(sentence, _stating_subjects(sentence, noun), mentions)
    if not actor and time_reference(sentence, noun):  # "After talks with Aliyev, Putin said"
        preposition = sentence.token(noun.head)
        verb = sentence.token(preposition.head)
        actor = actors_at(sentence, subjects_of(sentence, verb), mentions) if (
            verb.pos in ("VERB", "AUX")) else ()
    given = _received(sentence, noun)
    if given is not None:  # "Ukraine received military aid from Poland": Poland's aid, to Ukraine
        givers, receivers = given
        actor = actor or actors_at(sentence, givers, mentions)
        targets = targets or receivers
    recipient = others(actors_at(sentence, targets, mentions), actor)
    if not recipient:  # "the U.S. commitment to support Saudi Arabia"
        promised = [c for c in children if c.dep in ("acl", "relcl") and c.pos == "VERB"]
        recipient = others(actors_at(sentence, [o for v in promised for o in sentence.children(v.i)
                                                  if o.dep in ("dobj", "dative")], mentions), actor)
    return _reciprocal(actor, recipient)


def _received(sentence: Sentence, noun: Token) -> tuple[list[Token], list[Token]] | None:
    """Who gives and who gets an event noun that is received: "Armenia received assurances from Moscow",
    "won pledges of support from Berlin" (the giver names it "from"; the one receiving is the subject),
    "Armenian positions came under Azerbaijani fire" (what comes under it)."""
    if noun.head == noun.i:
        return None
    verb = sentence.token(noun.head)
    if noun.dep == "pobj" and verb.lemma.lower() == "under" and verb.head != verb.i:
        verb = sentence.token(verb.head)
        return ([], subjects_of(sentence, verb)) if verb.lemma.lower() in (
            "come", "be", "remain", "fall") else None
    if noun.dep != "dobj" or verb.lemma.lower() not in _GETTING:
        return None
    givers = [p for h in (verb, noun) for c in sentence.children(h.i) if c.dep == "prep"
              and c.lemma.lower() == "from" for p in sentence.children(c.i) if p.dep == "pobj"]
    return (givers, subjects_of(sentence, verb)) if givers else None  # "secured a deal"


def _stating_subjects(sentence: Sentence, noun: Token) -> list[Token]:
    """Who talks of a cooperative act that has no owner of its own, where the talk is about it (the
    subject of "discussed", "reaffirmed", "underscored" whose object holds the noun), or who acts in
    it ("is pursuing the release in cooperation with Qatar")."""
    current = noun
    while current.dep in ("dobj", "pobj", "prep", "conj", "appos") and current.head != current.i:
        parent = sentence.token(current.head)
        if current.dep == "pobj" and parent.lemma.lower() in ("in", "through"):
            verb = _verb_above(sentence, parent)  # "pursue the release in close cooperation with Qatar"
            return subjects_of(sentence, verb) if verb is not None else []
        current = parent
        if current.pos == "VERB":
            if current.lemma.lower() not in TOPIC_VERBS | _STATING:
                return []
            return subjects_of(sentence, current)
    return []


def others(recipient: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The recipients that are not the actor again (by entity and sector, not by the words that named
    it: "Serbian police arrested Serbian protesters" keeps both)."""
    taken = set(map(_identity, actor))
    return tuple(a for a in recipient if _identity(a) not in taken)


def _identity(actor: Actor) -> tuple[str, str | None]:
    """What makes two actors the same party: the entity (or name) and the sector."""
    return actor.entity_id or actor.name, actor.sector


def _reciprocal(actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> Pair:
    """'Putin and Aliyev discussed' → the first is the actor, the others the recipients; so too where
    all they act on is a place or asset of their own states ("Azerbaijan and Armenia fought a war over
    Nagorno-Karabakh", "Gazprom and SOCAR agreed to raise the volume of Azerbaijani gas"): they are the
    two sides (but "Russia and Belarus shelled Ukrainian villages" is aimed at Ukraine)."""
    places = all(a.rule in _PLACE_RULES for a in recipient) and set(countries(recipient)) <= set(countries(actor))
    if len(actor) > 1 and places:
        return actor[:1], actor[1:]
    return actor, recipient


def actors_at(sentence: Sentence, heads: list[Token], mentions: list[Mention], besides: tuple[Actor, ...] = ()
              ) -> tuple[Actor, ...]:
    """The actors a slot names: mentions at its head, at coordinated heads, or modifying it. A place
    counts only where the slot names no actor (``besides`` the event's other side: "lifted its
    blockade on Syrian lorries"): "met Bayramov in Moscow" is a meeting with Bayramov."""
    found: list[Mention] = []
    for head in with_conjuncts(sentence, heads):
        found.extend(m for m in mentions_at(sentence, head, mentions) if m not in found)
    taken = set(map(_identity, besides))
    found = [m for m in found if _identity(m.actor) not in taken]
    joined = _hyphened(sentence, found, mentions)
    if joined:  # in the order written: "the U.S.-Singapore partnership" is the U.S.'s with Singapore
        found = sorted(found + joined, key=lambda m: (m.start, m.end))
    if any(m.kind != "place" for m in found):
        found = [m for m in found if m.kind != "place"]
    unique: dict[tuple[str, str | None], Actor] = {}
    for mention in found:  # each once, as first named: "thanked Erdogan for his support"
        unique.setdefault(_identity(mention.actor), mention.actor)
    return tuple(unique.values())


def _hyphened(sentence: Sentence, found: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The names hyphened onto those found, which the parser makes modifiers of one another: the
    U.S. and Singapore in "the U.S.-Singapore partnership", both sides of "Russian-Azerbaijani talks"."""
    if not found or not any(dash in sentence.text for dash in HYPHENS):
        return []
    tokens = sentence.tokens
    hyphens = {h.i for before, h, after in zip(tokens, tokens[1:], tokens[2:], strict=False)
               if h.text in HYPHENS and before.end == h.start and h.end == after.start}
    joined = list(found)
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention in joined or (mention.kind == "place" and any(m.kind != "place" for m in found)):
            continue
        if any((m.end in hyphens and m.end + 1 == mention.start) or (mention.end in hyphens and mention.end + 1
                                                                   == m.start) for m in joined):
            joined.append(mention)
    return joined[len(found):]


def mentions_at(sentence: Sentence, head: Token, mentions: list[Mention]) -> list[Mention]:
    """The mentions at a word, else at its owner or apposition ("Iran's minister"), else at what it
    is a group of or where it is ("thousands of Nigerians", "students throughout Indonesia",
    "demonstrators in Baghdad"). A place counts only where no actor is named."""
    actors = [m for m in mentions if m.kind != "place"]
    return _mentions_near(sentence, head, actors) or _mentions_near(sentence, head, mentions)


def _mentions_near(sentence: Sentence, head: Token, mentions: list[Mention], deeper: bool = True) -> list[Mention]:
    at_head = [m for m in mentions if m.start <= head.i < m.end]
    if at_head:  # and the other states inside the phrase: "Armenian and U.S. troops", "US and British forces"
        before = _coordinated_before(sentence, at_head)
        inside = [m for m in mentions if m not in at_head and m.kind != "place" and any(
            (h.start <= m.start and m.end <= h.end or any(m.start <= b < m.end for b in before))
            and m.actor.country != h.actor.country for h in at_head)]
        return at_head + inside if not before else sorted(at_head + inside, key=lambda m: m.start)
    near = {c.i for c in sentence.children(head.i) if c.dep in ("poss", "appos", "compound", "amod", "nmod")}
    near |= {g.i for c in near for g in sentence.children(c) if g.dep in ("compound", "amod", "nmod")
             and sentence.token(c).dep in ("compound", "nmod")}  # "Vatican Secretary of State Parolin"
    at_head = [m for m in mentions if any(m.start <= i < m.end for i in near)]
    if at_head or not deeper:
        return at_head
    found: list[Mention] = []
    for _ in range(3):  # "tens of thousands of students throughout Indonesia"
        of = with_conjuncts(sentence, [p for c in sentence.children(head.i) if c.dep == "prep"
                                       and c.lemma.lower() in _MEMBERSHIP for p in sentence.children(c.i)
                                       if p.dep == "pobj"])  # "scores of Sierra Leonean and Liberian refugees"
        found = [m for p in of for m in _mentions_near(sentence, p, mentions, deeper=False)]
        if found or not of:
            break
        head = of[0]
    return found


def _coordinated_before(sentence: Sentence, found: list[Mention]) -> list[int]:
    """The words before the mentions that their first words are coordinated with: "US" in "US and
    [British forces]", where the parser makes "British" the conjunct of "US"."""
    words = []
    for mention in found:
        token = sentence.token(mention.start)
        while token.dep == "conj" and token.head < token.i:
            token = sentence.token(token.head)
            words.append(token.i)
    return words


def with_conjuncts(sentence: Sentence, heads: list[Token]) -> list[Token]:
    result: list[Token] = []
    stack = list(heads)
    while stack:
        token = stack.pop(0)
        if token not in result:
            result.append(token)
            stack.extend(c for c in sentence.children(token.i) if c.dep == "conj" or (  # "The US, Russia, and
                c.dep == "appos" and c.ent in ("GPE", "NORP", "ORG") and c.ent == token.ent  # Switzerland met",
                and any(g.dep == "conj" for g in sentence.children(c.i) + sentence.children(token.i))))  # as parsed
    return result
