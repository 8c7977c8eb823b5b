"""Officials named by their office alone: "the President", "the National Security Advisor", "the
Ministry", "the two leaders' teams" — and what decides who they are.

An office named alone is, in order: the person the document has already given that title ("President
Joseph R. Biden ... The President thanked"); where the document comes from a government or state
medium (``sources.home_of``), that state's holder of the office on the day (the tables' President,
Prime Minister, Foreign Minister, ...), else an official of that state. News from a wire or an
unknown source gives no home: an office it names alone stays unplaced unless the document titled
someone so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Sentence, Token

# offices news names alone, beyond the roles of the tables ("the president", "the foreign minister")
OFFICES = {
    "vice president", "vice-president", "national security advisor", "national security adviser", "press secretary",
    "spokesperson", "spokesman", "spokeswoman", "crown prince", "ambassador", "envoy", "special envoy",
    "special representative", "interior minister", "finance minister", "economy minister", "energy minister",
    "trade minister", "justice minister", "deputy foreign minister", "deputy prime minister", "chief of staff",
    "attorney general", "speaker", "minister", "secretary", "national security council", "defense secretary",
    "ministry", "foreign ministry", "defence ministry", "defense ministry", "ministry of foreign affairs",
    "ministry of defence", "ministry of defense", "government", "administration", "cabinet", "presidency",
    "delegation", "embassy", "mission", "armed forces", "army", "military", "parliament", "state department",
    "department of state", "pentagon", "prime minister's office",
}
# institutions that are the state itself when the text comes from it; persons' titles are kept apart
INSTITUTIONS = {"ministry", "foreign ministry", "defence ministry", "defense ministry", "ministry of foreign affairs",
                "ministry of defence", "ministry of defense", "government", "administration", "cabinet",
                "presidency", "delegation", "embassy", "mission", "armed forces", "army", "military",
                "parliament", "state department", "department of state", "pentagon", "national security council",
                "prime minister's office"}
_NOT_TITLES = {"former", "late", "then", "ex", "outgoing", "incoming", "new", "acting", "two", "both", "other"}


@dataclass(frozen=True)
class Office:
    """An office named alone in a sentence, at tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    text: str  # as written: "Vice President"
    key: str  # normalised: "vice president"
    named_by: int | None = None  # the first token of a name that completes it: "the Ambassador of [Japan]"


def title_key(words: str) -> str:
    """A title as the memory keeps it: lower case, no article, no punctuation ("the Vice-President," →
    "vice president")."""
    text = re.sub(r"[^\w' -]", " ", words.lower()).replace("-", " ")
    text = re.sub(r"^(?:the|his|her|their|its|our)\s+", "", " ".join(text.split()))
    return re.sub(r"(?:\s+(?:of|for|to|the))+$", "", text)


def offices_in(sentence: Sentence, taken: set[int], known: set[str]) -> Iterator[Office]:
    """The offices a sentence names alone, outside ``taken`` tokens (mentions found already): a noun
    phrase with "the" (or "our") whose words are an office (``OFFICES``, or a title the document has
    given someone, ``known``) and that names no one ("the President of Finland" names Finland)."""
    for token in sentence.tokens:
        if token.pos not in ("NOUN", "PROPN") or token.i in taken or token.dep == "compound":
            continue
        first = _phrase_start(sentence, token)
        words = [t for t in sentence.tokens if first <= t.i <= token.i]
        named = [t for t in words if t.i in taken]
        if named and named == words[:len(named)]:  # "the EU Special Representative": the EU's official
            words = words[len(named):]
        elif named:
            continue
        if not words or words[0].text.lower() in _NOT_TITLES:
            continue
        key = title_key(" ".join(t.text for t in words))
        if key in OFFICES or key in known:
            start, end = words[0].i, token.i + 1
            text = sentence.text[words[0].start - sentence.start:token.end - sentence.start]
            by = _completed_by(sentence, token, taken)
            yield Office(start, end, text, key, named[0].i if named and by not in taken else by)


def _phrase_start(sentence: Sentence, head: Token) -> int:
    """The first word of the title before a noun: its compounds and adjectives, after "the"/"our"."""
    first = head.i
    while first > sentence.tokens[0].i:
        before = sentence.token(first - 1)
        if before.head in range(first, head.i + 1) and before.dep in ("compound", "amod", "poss") \
                and before.pos in ("NOUN", "PROPN", "ADJ", "PART") and before.text.lower() not in ("our", "their"):
            first -= 1
        else:
            break
    determiner = [c for c in sentence.children(head.i) if c.dep in ("det", "poss") and c.i < first]
    if not determiner or determiner[0].text.lower() not in ("the", "our"):
        return head.i + 1  # "a minister", "ministers": no one in particular
    return first


def _completed_by(sentence: Sentence, head: Token, taken: set[int]) -> int | None:
    """The first token of a name that completes the office ("the President of [Finland]", "the embassy
    in [Baku]", "the Press Secretary, [Karine Jean-Pierre]"), or None when it stands alone."""
    for child in sentence.children(head.i):
        if child.dep in ("prep", "appos"):
            named = [t.i for t in sentence.subtree(child.i) if t.i in taken]
            if named:
                return named[0]
            if child.dep == "appos" and child.pos == "PROPN":  # not "with the Prime Minister our cooperation"
                return child.i
    return None
