"""The name indexes: where known names start and end, the longest first, and spellings by skeleton."""

import pytest

from dyadwatch.actors.matcher import NameIndex, SkeletonIndex
from dyadwatch.model import Sentence, Token

FORMS = ["Russia", "Russian", "US", "U.S.", "United States", "United Nations", "United Nations Security Council",
         "Revolutionary United Front", "Baku"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and the US met.", ["Russia", "US"]),
    ("the pro-Russian party", []),  # not after a hyphen
    ("a Russia-made drone", []),  # not before a hyphen that joins a word
    ("a Russia-led bloc", ["Russia"]),  # ... but for the one who leads
    ("a US-headed mission", ["US"]),
    ("Russians in Baku", ["Baku"]),  # not inside a longer word
    ("the United Nations Security Council met", ["United Nations Security Council"]),  # the longest form
    ("the United Nations met", ["United Nations"]),
    ("tell us about it", []),  # a one-word form matches as written
    ("the U.S. envoy", ["U.S."]),
    ("the Revolutionary united front said", ["Revolutionary United Front"]),  # several words: any case
    ("the REVOLUTIONARY UNITED FRONT said", ["Revolutionary United Front"]),
    ("a revolutionary united front of parties", []),  # ... but started with a capital
    ("Russia, Russia", ["Russia", "Russia"]),
    ("(Russia)", ["Russia"]),
    ("the Russia-US talks", ["Russia", "US"]),  # names hyphened to names are each found
    ("the U.S.-Russian-Baku line", ["U.S.", "Russian", "Baku"]),
    ("a Russia-Led bloc", []),  # ... but not a name hyphened to a word that is none
])
def test_matcher_names_found_at_word_bounds(text, expected):
    found = NameIndex(FORMS).find(text)
    assert [form for _, _, form in found] == expected
    assert all(text[start:end].lower() == form.lower() for start, end, form in found)


def _sentence(words: list[str]) -> Sentence:
    tokens, offset = [], 0
    for i, word in enumerate(words):
        tokens.append(Token(i, word, word, "PROPN", "NNP", "nsubj", i, offset))
        offset += len(word) + 1
    return Sentence(0, 0, offset, " ".join(words), tuple(tokens))


@pytest.mark.parametrize(("words", "expected"), [
    (["Ilham", "Aliyev", "spoke"], [(0, 2)]),
    (["Ilham", "Aliev", "spoke"], [(0, 2)]),  # a transliteration meets its skeleton
    (["Ban", "Ki", "-", "moon", "said"], [(0, 4)]),  # a hyphen inside a name does not break it
    (["Ilham", ",", "Aliyev"], []),  # a comma does
    (["ilham", "aliyev"], []),  # a name starts with a capital
    (["President", "Heydar", "Aliyev", "and", "Ilham", "Aliyev"], [(1, 3), (4, 6)]),
])
def test_matcher_skeletons_found_over_tokens(words, expected):
    index = SkeletonIndex(["Ilham Aliyev", "Heydar Aliyev", "Ban Ki-moon"])
    assert index.find(_sentence(words)) == expected
