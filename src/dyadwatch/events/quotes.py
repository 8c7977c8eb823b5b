"""Quotes: the quoted words of a sentence, who says them, and what saying them is.

A quote's speaker is the subject of the verb of saying outside it ("…," Aliyev said; Putin told
Aliyev: "…"). Inside the quote "we", "I" and "our" are the speaker. A quote that states no event
of its own can still be one: praise is SUPPORT, an accusation ACCUSE, an offer AGREE, a warning
THREATEN, a demand REQUEST (the cue words are in ``quotes.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Sentence, Token

_QUOTED = re.compile(r"\"([^\"]{8,}?)\"|“([^“”]{8,}?)”|``(.{8,}?)''|‘([^‘’]{8,}?)’")
SAYING = {"say", "tell", "declare", "state", "add", "stress", "note", "warn", "insist", "announce", "tweet",
          "write", "reply", "answer", "claim", "argue", "explain", "quote"}
FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}
FIRST_PLURAL = {"we", "our", "us", "ours"}  # outside quotes: the government a text speaks for


@dataclass(frozen=True)
class Quote:
    """Quoted words of a sentence: character offsets in the sentence text, and the verb of saying."""

    start: int
    end: int
    text: str
    verb: Token | None  # "said", "told": its subject is the speaker, its object the one spoken to

    def holds(self, sentence: Sentence, token: Token) -> bool:
        return self.start <= token.start - sentence.start < self.end


def quotes(sentence: Sentence) -> list[Quote]:
    """Every quote of eight or more characters in the sentence, with the verb of saying outside it."""
    found = []
    for match in _QUOTED.finditer(sentence.text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        outside = [t for t in sentence.tokens if not start <= t.start - sentence.start < end]
        verb = next((t for t in outside if t.lemma.lower() in SAYING and t.pos in ("VERB", "AUX")), None)
        found.append(Quote(start, end, match.group(group).strip(), verb))
    return found


def cue(text: str, cues: dict[str, str]) -> str | None:
    """The event type a quote states by its words, the longest cue first; None when it states none."""
    low = text.lower()
    for word in sorted(cues, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low):
            return cues[word]
    return None
