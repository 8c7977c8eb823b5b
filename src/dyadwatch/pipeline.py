"""The runner: sources → ingest → clean → nlp → actors → events → dates → store → link."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from . import actors, clean, dates, events, ingest, link, nlp
from .actors import ActorResolver
from .clean import clean as clean_article
from .clean import mostly_latin
from .dates import as_date
from .episodes import date_by_document
from .events import EventCoder
from .ingest import read_sources
from .lexicon import Role, load_lexicon, tables_digest
from .model import Article, DateValue, DocumentResult, Mention, ParsedArticle, Reject
from .nlp import Parser
from .store import Store, content_hash
from .timelimit import DEFAULT as TIME_LIMIT
from .timelimit import TimeLimit, time_limit
from .workers import code_in_processes, code_on_ray

CODER = "+".join((clean.STAGE, nlp.STAGE, actors.STAGE, events.STAGE, dates.STAGE))
BATCH = 50  # documents written per transaction
SMALL_RUN = 32  # fewer documents than this are coded in this process whatever the workers asked
Progress = Callable[[int, str], None]


@dataclass
class RunSummary:
    """What a run did, for the one-screen summary."""

    documents: int = 0
    unchanged: int = 0
    sentences: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Lookup:
    """Candidates for a name, each with whether it was held on the date, and the mentions found."""

    candidates: tuple[tuple[Role, bool], ...]
    mentions: tuple[Mention, ...]


class Coder:
    """Loads the model and tables once; codes parsed articles into events.

    ``tables`` is a folder of the user's own tables, added to the packaged ones; ``seconds`` is the
    time one document's coding may take (None: no limit)."""

    def __init__(self, parser: Parser | None = None, tables: Path | None = None,
                 seconds: float | None = TIME_LIMIT) -> None:
        lexicon = load_lexicon(tables)
        self.seconds = seconds
        self.version = coder_version(tables)
        self.parser = parser or Parser()
        self.resolve = ActorResolver(lexicon)
        self.code = EventCoder(lexicon)

    def lookup(self, text: str, when: DateValue | None) -> Lookup:
        """What ``text`` resolves to on ``when``, as it would inside an article of that date,
        with every role in the knowledge base that the name may point at."""
        parsed = self.parser(Article("lookup", text, "lookup", "txt", published=when))
        day = as_date(when) if when else None
        return Lookup(tuple(self.resolve.people.explain(text, day)), self.resolve(parsed))

    def code_parsed(self, parsed: ParsedArticle) -> DocumentResult:
        mentions = self.resolve(parsed)
        coded = date_by_document(parsed, self.code(parsed, mentions))  # a date stated once dates every telling
        return DocumentResult(parsed.article, len(parsed.sentences), coded)

    def __call__(self, articles: Iterable[Article]) -> Iterator[DocumentResult | Reject]:
        """Results in input order; a document the coder fails on becomes a Reject, not a lost run."""
        for parsed in self.parser.pipe(articles):
            article = parsed.article
            result: DocumentResult | Reject
            try:
                with time_limit(self.seconds):
                    result = self.code_parsed(parsed)
            except TimeLimit as error:
                result = Reject(article.origin, f"coding {error} (the limit per document; see --time-limit)",
                                events.STAGE, article.doc_id)
            except Exception as error:  # a bug must cost one document, not the run: report it
                result = Reject(article.origin, f"internal error while coding ({type(error).__name__}: "
                                f"{error}); please report it", events.STAGE, article.doc_id)
            yield result  # outside the limit: the time the caller takes is not the document's


def coder_version(tables: Path | None = None) -> str:
    """The coder's version as stored with each document: the stages, and the user's tables if any."""
    return CODER + (f"+tables:{tables_digest(tables)}" if tables else "")


def run(paths: Iterable[str | Path], store: Store, published: DateValue | None = None,
        coder: Coder | None = None, progress: Progress | None = None, workers: int = 1, engine: str = "local",
        address: str | None = None, tables: Path | None = None, seconds: float | None = TIME_LIMIT,
        follow_links: bool = False) -> RunSummary:
    """Ingest, code and store every document under ``paths``; documents already stored with the
    same text and coder are left as they are. ``workers`` > 1 codes in that many processes (or, with
    ``engine="ray"``, Ray workers at ``address``, a local Ray when None); the results are the same.
    Cleaning one document, and coding it, may each take ``seconds`` (None: no limit); a document
    that takes longer is rejected. A symbolic link in a folder that leads outside it is rejected
    unless ``follow_links``.

    Each batch of documents, with the rejects found so far, is written in one transaction, after
    which the database is released until the next, so that readers can open it meanwhile."""
    summary = RunSummary()
    version = coder.version if coder else coder_version(tables)
    read = read_sources(paths, published, follow_links)
    known = store.stored_documents()
    store.release()
    articles: Iterator[Article] = iter(_to_code(read, known, summary, version, seconds))
    head = list(islice(articles, SMALL_RUN))
    if len(head) < SMALL_RUN and engine == "local":
        workers = 1  # a few documents do not pay for starting workers
    articles = chain(head, articles)
    coded: Iterable[DocumentResult | Reject]
    if engine == "ray":
        coded = code_on_ray(articles, workers, tables, seconds, address)
    elif workers > 1:
        coded = code_in_processes(articles, workers, tables, seconds)
    else:
        coded = (coder or Coder(tables=tables, seconds=seconds))(articles)
    batch: list[DocumentResult] = []
    saved_rejects = 0

    def write() -> None:
        nonlocal saved_rejects
        store.save_documents(batch, version, summary.rejects[saved_rejects:])
        saved_rejects = len(summary.rejects)
        batch.clear()
        store.release()

    for result in coded:
        if isinstance(result, Reject):
            summary.rejects.append(result)
            continue
        batch.append(result)
        summary.documents += 1
        summary.sentences += result.sentences
        summary.events += len(result.events)
        if len(batch) == BATCH:
            write()
        if progress:
            progress(summary.documents, result.article.doc_id)
    write()
    rows = store.link_rows()
    store.release()
    store.set_links(link.link_events(rows))
    summary.stored = store.counts()
    return summary


def _to_code(items: Iterable[Article | Reject], known: dict[str, tuple[str, str, str]], summary: RunSummary,
             version: str, seconds: float | None) -> Iterator[Article]:
    """Clean what ingest read; set aside rejects, repeats and documents already stored as they are."""
    seen: dict[str, str] = {}
    for item in items:
        reason = _reason_to_skip(item, seen) if isinstance(item, Article) else None
        if isinstance(item, Reject):
            summary.rejects.append(item)
        elif reason is not None:
            summary.rejects.append(Reject(item.origin, reason, ingest.STAGE, item.doc_id))
        else:
            seen[item.doc_id] = item.origin
            try:
                with time_limit(seconds):
                    article = clean_article(item)
            except TimeLimit as error:
                summary.rejects.append(Reject(item.origin, f"cleaning {error} (the limit per document; see "
                                              "--time-limit)", clean.STAGE, item.doc_id))
                continue
            stored, digest = known.get(article.doc_id), content_hash(article)
            if not article.text.strip():
                summary.rejects.append(Reject(item.origin, "no story text left after removing page furniture",
                                              clean.STAGE, item.doc_id))
            elif stored is not None and stored[1:] == (digest, version):
                summary.unchanged += 1
            elif stored is not None and stored[1] != digest and not _same_file(stored[0], item.origin):
                summary.rejects.append(Reject(item.origin, f"document id '{item.doc_id}' is already stored from "
                                              f"{stored[0]}; give the files distinct names or use another --db",
                                              ingest.STAGE, item.doc_id))
            else:
                yield article


def _reason_to_skip(article: Article, seen: dict[str, str]) -> str | None:
    if article.doc_id in seen:
        return f"duplicate document id '{article.doc_id}' (already read from {seen[article.doc_id]})"
    if len(article.text) > nlp.MAX_CHARS:
        return (f"too long to parse as one article ({len(article.text):,} characters; the limit is "
                f"{nlp.MAX_CHARS:,}); split it into its articles")
    if not mostly_latin(article.text):
        return "not English: most of the text is in another script (dyadwatch codes English news)"
    return None


def _same_file(first: str, second: str) -> bool:
    """The same file, however the path was typed (a JSONL origin ends in its line number)."""
    def file_of(origin: str) -> Path:
        return Path(re.sub(r":\d+$", "", origin)).resolve()
    return file_of(first) == file_of(second)
