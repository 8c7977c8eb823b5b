"""The spaCy wrapper: sentences as frozen records whose offsets point into the article text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.model import Article
from dyadwatch.nlp import pieces_of

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


def test_nlp_a_title_is_parsed_apart_from_the_text(coder):
    articles = [Article("t.md", "Putin landed in Baku.", "t.md", "md", title="Putin Visits Azerbaijan"),
                Article("u.md", "Aliyev left for Moscow.", "u.md", "md")]
    first, second = coder.parser.pipe(articles)
    assert [s.text for s in first.title] == ["Putin Visits Azerbaijan"]
    assert [s.text for s in first.sentences] == ["Putin landed in Baku."]
    assert first.sentences[0].tokens[0].i == 0  # the text's tokens are counted from its own start
    assert second.title == () and [s.text for s in second.sentences] == ["Aliyev left for Moscow."]


@given(st.text(st.sampled_from("ab .\n"), max_size=400), st.integers(4, 60))
def test_nlp_pieces_cover_the_text_in_order_and_keep_to_their_size(text, size):
    pieces = list(pieces_of(text, size))

    assert "".join(piece for _, piece, _ in pieces) == text
    assert all(text[start:start + len(piece)] == piece for start, piece, _ in pieces)
    assert all(len(piece) <= size for _, piece, _ in pieces)
    assert [last for _, _, last in pieces] == [False] * (len(pieces) - 1) + [True]


def test_nlp_pieces_are_cut_between_paragraphs_where_there_is_one():
    text = "First paragraph here.\n\nSecond one, a bit longer. It goes on.\n\nThird."

    assert [piece for _, piece, _ in pieces_of(text, 40)] == [
        "First paragraph here.\n\n", "Second one, a bit longer. It goes on.\n\n", "Third."]


def test_nlp_a_long_article_parsed_in_pieces_has_the_sentences_of_one_parse(coder):
    paragraphs = [f"Russia and Azerbaijan held talks number {n} in Baku on Monday. The ministers said "
                  f"the meeting was useful." for n in range(40)]
    text = "\n\n".join(paragraphs)
    whole = coder.parser(Article("a.txt", text, "a.txt", "txt"))
    before, coder.parser.piece = coder.parser.piece, 500
    try:
        pieced = coder.parser(Article("a.txt", text, "a.txt", "txt"))
    finally:
        coder.parser.piece = before

    assert [(s.index, s.start, s.end, s.text) for s in pieced.sentences] == [
        (s.index, s.start, s.end, s.text) for s in whole.sentences]
    tokens = [t for s in pieced.sentences for t in s.tokens]
    assert [t.i for t in tokens] == [t.i for s in whole.sentences for t in s.tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    for sentence in pieced.sentences:
        assert all(sentence.tokens[0].i <= t.head <= sentence.tokens[-1].i for t in sentence.tokens)
        assert all(sentence.tokens[0].i <= e.start < e.end <= sentence.tokens[-1].i + 1 for e in sentence.entities)


def test_nlp_pipe_keeps_articles_apart_when_some_are_parsed_in_pieces(coder):
    long = "\n\n".join(f"Paragraph {n} says Russia met Azerbaijan." for n in range(30))
    articles = [Article("short.txt", "Russia met Azerbaijan.", "s", "txt"), Article("long.txt", long, "l", "txt"),
                Article("empty.txt", "", "e", "txt"), Article("last.txt", "Baku replied.", "z", "txt")]
    before, coder.parser.piece = coder.parser.piece, 200
    try:
        parsed = list(coder.parser.pipe(articles))
    finally:
        coder.parser.piece = before

    assert [p.article.doc_id for p in parsed] == ["short.txt", "long.txt", "empty.txt", "last.txt"]
    assert [len(p.sentences) for p in parsed] == [1, 30, 0, 1]
    assert [s.index for s in parsed[1].sentences] == list(range(30))
