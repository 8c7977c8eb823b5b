"""The spaCy wrapper: sentences as frozen records whose offsets point into the article text."""

from __future__ import annotations

import pytest

from dyadwatch.model import Article

pytestmark = pytest.mark.slow


def test_nlp_sentence_offsets_and_text_match_the_article(coder):
    text = "Moscow and Baku talk again\n\nRussia signed a deal with Azerbaijan. Officials met in Baku."
    parsed = coder.parser(Article("a.txt", text, "a.txt", "txt"))
    assert [s.text for s in parsed.sentences] == [
        "Moscow and Baku talk again", "Russia signed a deal with Azerbaijan.", "Officials met in Baku."]
    for sentence in parsed.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert all(text[t.start:t.end] == t.text for t in sentence.tokens)
        assert all(sentence.tokens[0].i <= t.head <= sentence.tokens[-1].i for t in sentence.tokens)


def test_nlp_a_blank_line_always_ends_a_sentence(coder):
    text = "Putin in Baku for first visit since independence\n\nVladimir Putin landed in Baku yesterday."
    parsed = coder.parser(Article("a.txt", text, "a.txt", "txt"))
    assert len(parsed.sentences) == 2


def test_nlp_pipe_keeps_articles_in_order(coder):
    articles = [Article(f"{n}.txt", f"Document number {n} says Russia met Azerbaijan.", f"{n}.txt", "txt")
                for n in range(5)]
    assert [p.article.doc_id for p in coder.parser.pipe(articles)] == [a.doc_id for a in articles]
