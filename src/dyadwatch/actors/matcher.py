"""Find the known names in a text without one pattern of every name.

Two indexes, each keyed by the first word of what it holds, so that the work per sentence grows
with its words, not with the size of the tables:

- ``NameIndex``: surface forms of countries, organisations and places, found where a word starts
  and ends (not inside "pro-Russian", "Russia-led" or "Georgians"), the longest form first; names
  joined by hyphens are each found ("Russian-Azerbaijani", "U.S.-Singapore"). A one-word form must
  match as written ("US" is not "us"); a form of several words also matches in other letter case
  when the text starts it with a capital ("Revolutionary united front", "REVOLUTIONARY UNITED FRONT").
- ``SkeletonIndex``: persons' spellings as sequences of skeleton words (``persons.skeleton``), matched
  over the tokens of a parsed sentence, so that Aliyev, Aliev and Aliiev meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..model import Sentence, Token
from ..nlp import HYPHENS
from .persons import skeleton

_FIRST_WORD = re.compile(r"\w+")
# where a name may start (not after a letter, digit, underscore or hyphen), with its first word
_WORD_START = re.compile(r"(?<![\w-])(?:\w+|[^\w\s])")
_LED = re.compile(r"[-‐–](?:led|headed)\b")


def _first_key(text: str, at: int) -> str:
    match = _FIRST_WORD.match(text, at)
    return (match.group(0) if match else text[at]).lower()


class NameIndex:
    """Surface forms → where they occur in a text (character offsets), leftmost-longest, no overlaps."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.buckets: dict[str, list[tuple[str, bool]]] = {}
        for form in forms:
            if form.strip():
                several = " " in form.strip()
                self.buckets.setdefault(_first_key(form, 0), []).append((form, several))
        for bucket in self.buckets.values():
            bucket.sort(key=lambda entry: -len(entry[0]))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Each (start, end, form) found in ``text``."""
        found: list[tuple[int, int, str]] = []
        lowered = ""
        reach = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            bucket = self.buckets.get(word.group(0).lower())
            if bucket is None or start < reach:
                continue
            lowered = lowered or text.lower()
            joined = self._compound_at(text, lowered, start, bucket)
            found.extend(joined)
            reach = joined[-1][1] if joined else reach
        return found

    def _compound_at(self, text: str, lowered: str, start: int, bucket: list[tuple[str, bool]]
                     ) -> list[tuple[int, int, str]]:
        """The name at ``start`` and each name hyphened onto it; nothing where a hyphen joins a word
        that is no name ("Russia-led")."""
        chain: list[tuple[int, int, str]] = []
        at = start
        while True:
            hit = self._longest_at(text, lowered, at, bucket, joined=True)
            if hit is None:
                return []
            chain.append((at, at + len(hit), hit))
            if _ends_word(text, at + len(hit)):
                return chain
            at += len(hit) + 1  # past the hyphen, to the name it joins
            bucket = self.buckets.get(_first_key(text, at), [])

    def _longest_at(self, text: str, lowered: str, start: int, bucket: list[tuple[str, bool]],
                    joined: bool = False) -> str | None:
        for form, several in bucket:
            if not (text.startswith(form, start) or (several and text[start].isupper()
                                                     and lowered.startswith(form.lower(), start))):
                continue
            end = start + len(form)
            if _ends_word(text, end) or (joined and _hyphened(text, end)):
                return form
        return None


def _hyphened(text: str, end: int) -> bool:
    """A hyphen after a form that joins it to a word with a capital: "Russia-Azerbaijan"."""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].isupper()


def _ends_word(text: str, end: int) -> bool:
    """No letter or digit after the form, and no hyphen that joins another word ("Russia-made"), but
    for a leader's: "the Saudi-led coalition" is led by the Saudis."""
    if end > len(text):
        return False
    if _LED.match(text, end):
        return True
    after = text[end:end + 2]
    return not after or not (after[0].isalnum() or after[0] == "_" or (
        after[0] == "-" and len(after) > 1 and (after[1].isalnum() or after[1] == "_")))


def token_spans(sentence: Sentence, found: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Character matches in a sentence's text as token ranges (start inclusive, end exclusive); a match
    inside a token is that token ("Singapore" in the one token "U.S.-Singapore")."""
    spans = []
    for begin, finish, form in found:
        begin, finish = sentence.start + begin, sentence.start + finish
        tokens = [t.i for t in sentence.tokens if t.start < finish and begin < t.end]
        if tokens:
            spans.append((tokens[0], tokens[-1] + 1, form))
    return spans


@lru_cache(maxsize=65536)
def _skeleton_words(text: str) -> tuple[str, ...]:
    return tuple(skeleton(text).split())


class SkeletonIndex:
    """Spellings of persons as skeleton words, found over the tokens of a sentence."""

    def __init__(self, spellings: Iterable[str]) -> None:
        self.buckets: dict[str, set[tuple[str, ...]]] = {}
        for spelling in spellings:
            words = _skeleton_words(spelling)
            if words:
                self.buckets.setdefault(words[0], set()).add(words)
        self.longest = {first: sorted(keys, key=len, reverse=True) for first, keys in self.buckets.items()}

    def find(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Token ranges whose words are a known spelling and start with a capital, leftmost-longest."""
        words = _token_words(sentence.tokens)
        found: list[tuple[int, int]] = []
        position = 0
        while position < len(words):
            token = words[position][1]
            length = self._longest_at(words, position) if token.text[:1].isupper() else 0
            if length:
                found.append((token.i, words[position + length - 1][1].i + 1))
                position += length
            else:
                position += 1
        return found

    def _longest_at(self, words: Sequence[tuple[str, Token]], position: int) -> int:
        for key in self.longest.get(words[position][0], ()):
            end = position + len(key)
            if end <= len(words) and all(words[position + k][0] == part for k, part in enumerate(key)):
                return len(key)
        return 0


def _token_words(tokens: Sequence[Token]) -> list[tuple[str, Token]]:
    """The skeleton words of the tokens in order, each with its token; a token with no letters (a comma)
    breaks a name, except a hyphen inside one; a break is kept as an empty word."""
    words: list[tuple[str, Token]] = []
    for token in tokens:
        parts = _skeleton_words(token.text)
        if parts:
            words.extend((part, token) for part in parts)
        elif token.text not in HYPHENS:
            words.append(("", token))
    return words

