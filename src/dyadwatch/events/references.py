"""What pronouns and plural references in a sentence refer to: "he" and "she" to the person named
last, "it", "they" and "its" to the one who said or did what their clause completes, "his" to the
subject where no object could be meant and to the one thanked or blamed in "thanked X for his",
"the two leaders" and "both sides" to the sides of the meeting just told, and "we" in a quote to its
speaker. Each becomes a mention of what it refers to, with rule ``pronoun``."""

from __future__ import annotations

import dataclasses

from ..model import Actor, Mention, Sentence, Token
from .quotes import FIRST_PERSON, Quote
from .sides import Pair, mentions_at

_SIDES = {"leader", "side", "president", "minister", "country", "delegation", "party", "government", "counterpart",
          "nation", "state", "official", "chief"}  # "the two leaders", "both sides": the sides just told

_PRONOUNS = {"he", "she"}  # subjects only: "his visit" after "X told Y" is too often wrong


def pronouns(sentence: Sentence, named: list[Mention], quoted: list[Quote], person: Actor | None,
             told: Pair | None) -> list[Mention]:
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
                Mention(sentence.index, -1, -1, person, "person") if person else None)
        elif word in ("him", "her") and token.tag == "PRP" and token.dep in ("dobj", "dative", "pobj"):
            before = [m for m in people if m.end <= token.i and sentence.token(m.end - 1).dep not in (
                "nsubj", "nsubjpass")]  # "called Erdogan to congratulate him": not the caller
            antecedent = before[-1] if before else None
        elif (word in ("it", "they", "its", "their") and token.dep in ("nsubj", "nsubjpass")) or (
                word in ("its", "their", "his", "her") and token.dep == "poss"
                and sentence.token(token.head).dep in ("nsubj", "nsubjpass")):  # "Erdogan said his government"
            antecedent = _speaker(sentence, token, named)
        elif word in ("it", "them") and token.dep in ("dobj", "pobj") and _clause_of(sentence, token).dep == "ccomp":
            antecedent = _speaker(sentence, token, named)  # "Israel said a bomb was fired at it"
            subjects = _subject_mentions(sentence, token, named)
            antecedent = None if antecedent in subjects else antecedent
        elif word in ("his", "her", "its", "their") and token.dep == "poss" and (
                thanked := _thanked(sentence, token, named)) is not None:
            antecedent = thanked  # "commended the Prime Minister for his visits"
        elif word in ("its", "their") and token.dep == "poss" and not _agrees_with_subject(sentence, token):
            antecedent = _speaker(sentence, token, named)  # "the ministry said troops fired on its positions"
        elif word in ("its", "their") and token.dep == "poss":  # "They discussed their support for Ukraine"
            found += [_refers(sentence, token, m) for m in _subject_mentions(sentence, token, named + found)]
        elif word in ("his", "her") and token.dep == "poss" and not _other_person(sentence, token):
            found += [_refers(sentence, token, m) for m in _subject_mentions(sentence, token, named + found)[:1]
                      if m.kind == "person"]  # "Biden conveyed his desire to welcome Sweden"
        if antecedent is not None:
            found.append(_refers(sentence, token, antecedent))
        elif told is not None and _both_sides(sentence, token, named):
            found += [_refers(sentence, token, Mention(sentence.index, -1, -1, actor, "group"))
                      for actor in dict.fromkeys(told[0] + told[1])]
    for quote in quoted:
        speakers = [m for c in (sentence.children(quote.verb.i) if quote.verb else ()) if c.dep == "nsubj"
                    for m in mentions_at(sentence, c, named + found) if m.kind != "place"]
        found += [_refers(sentence, t, speakers[0]) for t in sentence.tokens
                  if speakers and t.text.lower() in FIRST_PERSON and quote.holds(sentence, t)]
    return found


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
                for m in mentions_at(sentence, c, named) if m.kind != "place"]
    return speakers[0] if speakers else None


def _subject_mentions(sentence: Sentence, pronoun: Token, named: list[Mention]) -> list[Mention]:
    """What the subject of an owner pronoun's clause names: "Russia moved its troops" → Russia."""
    clause = _clause_of(sentence, pronoun)
    return [m for c in sentence.children(clause.i) if c.dep in ("nsubj", "nsubjpass") and c.i != pronoun.head
            for m in mentions_at(sentence, c, named) if m.kind != "place"]


def _thanked(sentence: Sentence, pronoun: Token, named: list[Mention]) -> Mention | None:
    """The one thanked, praised or blamed for what the owner pronoun owns: "thanked the Amir for his
    efforts", "commended the Prime Minister for his visits", "blamed Baku for its shelling"."""
    holder = sentence.token(pronoun.head)
    preposition = sentence.token(holder.head)
    if holder.dep != "pobj" or preposition.lemma.lower() != "for" or preposition.head == preposition.i:
        return None
    held = sentence.token(preposition.head)  # "thanked X for", "imposed costs on X for", "sanctions on X for"
    objects = [c for c in sentence.children(held.i) if c.dep == "dobj"]
    objects += [p for h in [held, *objects] for c in sentence.children(h.i) if c.dep == "prep"
                and c.lemma.lower() in ("on", "against", "upon") for p in sentence.children(c.i) if p.dep == "pobj"]
    found = [m for o in objects for m in mentions_at(sentence, o, named) if m.kind != "place"]
    return found[0] if found else None


def _other_person(sentence: Sentence, pronoun: Token) -> bool:
    """Whether the clause of "his" or "her" has an object that it could refer to as well as the
    subject: "commended the Prime Minister for his visits"."""
    clause = _clause_of(sentence, pronoun)
    return any(pronoun.i not in {t.i for t in sentence.subtree(c.i)} for c in sentence.children(clause.i)
               if c.dep in ("dobj", "dative"))


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
