"""Modality: whether a coded event happened, as the sentence tells it.

``asserted`` (it happened), ``negated`` ("did not sign", "refused to meet", "No troops fired"),
``hypothetical`` (bound to a condition, or only possible: "if …", "in case of …", "could"),
``future`` ("will visit", "plans to meet", "is due to arrive", "would visit" in reported speech,
or dated after publication), ``historical`` (two or more years before publication) and
``reported`` (a claim about another's act: "claimed that Baku shelled", "accused Russia of
bombing", "reportedly", "according to").
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import DateValue, Sentence, Token

# verbs whose complement has not happened yet: "plans to meet", "threatened to impose"
_FUTURE_HEADS = {"plan", "intend", "expect", "hope", "want", "aim", "prepare", "propose", "seek", "ready", "going",
                 "set", "due", "schedule", "likely", "willing", "prepared", "poised", "about",
                 "offer", "promise", "pledge", "undertake", "threaten", "vow", "agree", "wish", "try"}
# verbs whose complement did not happen: "declined to invite", "failed to agree"
_REFUSING_HEADS = {"decline", "refuse", "fail", "reject", "avoid", "stop"}
_DOUBLE_NEGATIVE = {"hesitate"}  # "did not hesitate to expel": it was done
_SAYING = {"say", "announce", "tell", "state", "confirm", "declare", "report", "add", "insist"}
_CLAIMING = {"claim", "allege", "contend", "assert", "maintain", "suggest", "suspect", "believe", "rumour", "rumor"}
_HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "presumably"}
_ACCUSING = {"accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "fault", "denounce"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_FORECASTS = {"due", "schedule", "slate", "likely", "set", "poised", "tip"}
_FAILING = {"failure", "collapse", "breakdown", "suspension", "cancellation", "lack", "absence"}
_ERAS = {"war", "campaign", "conflict", "era", "occupation", "regime", "time"}
_EARLY = {"first", "early", "initial"}
_CLAUSE_DEPS = ("xcomp", "conj", "ccomp", "advcl", "pcomp", "acl", "relcl", "dobj", "pobj", "prep")


def clause_chain(sentence: Sentence, token: Token) -> Iterator[Token]:
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


def of(sentence: Sentence, trigger: Token) -> str:
    """hypothetical, negated, reported, future or asserted, from the words that govern the trigger."""
    governing = _governing(sentence, trigger)
    words = [c for v in governing for c in sentence.children(v.i)]
    chain = list(clause_chain(sentence, trigger))
    for verb in chain:
        if conditional(sentence, verb) or any(conditional(sentence, c) or _in_case(sentence, c)
                                               for c in sentence.children(verb.i) if c.dep in ("advcl", "prep")):
            return "hypothetical"  # in a condition, or bound to one
    if _negated(sentence, governing, words):
        return "negated"
    if _reported(sentence, trigger, chain):
        return "reported"
    aux = {c.text.lower() for c in words if c.dep in ("aux", "auxpass")}
    aux |= {c.lemma.lower() for c in words if c.dep in ("aux", "auxpass")}
    heads = governing[1:]
    if aux & _FUTURE_AUX or any(v.lemma.lower() in _FUTURE_HEADS or v.text.lower() == "going" for v in heads):
        return "future"
    if "would" in aux and any(v.dep == "ccomp" and sentence.token(v.head).lemma.lower() in _SAYING for v in chain):
        return "future"  # "the Kremlin said Putin would visit": the future seen from the past
    if aux & _HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def forecast(sentence: Sentence, trigger: Token) -> bool:
    """ "is expected to visit", "is due to arrive", "is set to sign": what others foresee, not a promise."""
    for head in _governing(sentence, trigger)[1:]:
        passive = any(c.dep == "auxpass" for c in sentence.children(head.i))
        if head.lemma.lower() in _FORECASTS or (head.lemma.lower() == "expect" and passive):
            return True
    return False


def statement(sentence: Sentence, trigger: Token) -> Token | None:
    """The verb that states a future or conditional act, where it is not itself future: "offered to
    mediate", "said it would retaliate"; None when the act is told without one ("will visit")."""
    for head in list(clause_chain(sentence, trigger))[1:]:
        if head.pos in ("VERB", "AUX") and of(sentence, head) in ("asserted", "reported"):
            return head
    return None


def _negated(sentence: Sentence, governing: list[Token], words: list[Token]) -> bool:
    """ "did not sign", "never recognised", "refused to release", "No troops fired"; but "did not
    hesitate to expel" is done."""
    negators = [c for c in words if c.dep == "neg"]
    if any(sentence.token(c.head).lemma.lower() in _DOUBLE_NEGATIVE for c in negators):
        return False
    refused = any(v.lemma.lower() in _REFUSING_HEADS for v in governing[1:]) or _failed(sentence, governing[0])
    nobody = any(d.dep == "det" and d.lemma.lower() == "no" for c in sentence.children(governing[0].i)
                 if c.dep in ("nsubj", "nsubjpass") for d in sentence.children(c.i))
    return bool(negators) or refused or nobody


def _failed(sentence: Sentence, noun: Token) -> bool:
    """ "the failure of the negotiations", "the collapse of the talks": an event noun that did not happen."""
    if noun.dep != "pobj" or noun.head == noun.i:
        return False
    of = sentence.token(noun.head)
    return of.lemma.lower() == "of" and of.head != of.i and sentence.token(of.head).lemma.lower() in _FAILING


def background(sentence: Sentence, trigger: Token) -> bool:
    """ "in the war", "during both campaigns", "in the first years of independence": the event is
    set in a past era the sentence does not date."""
    for verb in clause_chain(sentence, trigger):
        for prep in sentence.children(verb.i):
            if prep.dep == "prep" and prep.lemma.lower() in ("in", "during", "throughout"):
                for era in (p for p in sentence.children(prep.i) if p.dep == "pobj"):
                    modifiers = {c.lemma.lower() for c in sentence.children(era.i)}
                    if era.lemma.lower() in _ERAS or (era.lemma.lower() == "year" and modifiers & _EARLY):
                        return True
    return False


def _reported(sentence: Sentence, trigger: Token, chain: list[Token]) -> bool:
    """A claim about another's act: "claimed that Baku shelled", "accused Russia of bombing",
    "reportedly deployed", "according to unconfirmed reports"."""
    if any(c.lemma.lower() in _HEARSAY_ADVERBS for v in chain[:2] for c in sentence.children(v.i)):
        return True
    for verb, head in zip(chain, chain[1:], strict=False):
        lemma = head.lemma.lower()
        if verb.dep == "ccomp" and lemma in _CLAIMING:
            return True
        if verb.dep in ("pcomp", "pobj") and lemma in ("of", "for") and accused_of(sentence, head) is not None:
            return True
    return any(t.text.lower() == "according" and t.dep == "prep" and any(
        n.lemma.lower() == "to" for n in sentence.children(t.i)) for t in sentence.tokens)


def accused_of(sentence: Sentence, preposition: Token) -> Token | None:
    """The object of the accusation a preposition hangs on: "accused [Russia] of bombing"."""
    verb = sentence.token(preposition.head)
    if verb.lemma.lower() not in _ACCUSING:
        return None
    return next((c for c in sentence.children(verb.i) if c.dep in ("dobj", "nsubjpass")), None)


def _in_case(sentence: Sentence, prep: Token) -> bool:
    """ "in case of a new war", "in the event of an attack"."""
    return prep.lemma.lower() == "in" and any(
        n.lemma.lower() in ("case", "event") and any(o.lemma.lower() == "of" for o in sentence.children(n.i))
        for n in sentence.children(prep.i) if n.dep == "pobj")


def conditional(sentence: Sentence, verb: Token) -> bool:
    return any(c.dep in ("mark", "advmod") and c.lemma.lower() in ("if", "unless", "whether")
               for c in sentence.children(verb.i))


def by_date(modality: str, date: DateValue | None, published: DateValue | None, later: bool) -> str:
    """An asserted event stated two or more years before publication is background history; one
    dated after publication (``later``: "meets Aliyev next week") has not happened yet."""
    if date is None or published is None or modality != "asserted":
        return modality
    if published.year - date.year >= 2:
        return "historical"
    return "future" if later or date.value[:len(published.value)] > published.value[:len(date.value)] else modality
