"""The coder: the model and tables loaded once, turning parsed articles into dated events.

Used in the process of a run and, the same, in each worker process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import actors, clean, dates, events, nlp
from .actors.resolver import ActorResolver, NamedPerson
from .dates import as_date
from .episodes import date_by_document
from .events.coding import EventCoder
from .gazetteer import Gazetteer
from .lexicon import Role, load_lexicon, tables_digest
from .model import Article, DateValue, DocumentResult, Mention, ParsedArticle, Reject
from .nlp import Parser
from .settings import Settings
from .timelimit import TimeLimit, time_limit

CODER = "+".join((clean.STAGE, nlp.STAGE, actors.STAGE, events.STAGE, dates.STAGE))


@dataclass(frozen=True)
class Lookup:
    """Candidates for a name, each with whether it was held on the date, and the mentions found.
    ``pick``: the candidate the name resolves to (what the lookup stars), when the mentions are that
    person; ``unpicked``: in words, why no candidate is the pick; ``note``: how a name the tagger does
    not take for one was read, and that the pick holds no office on the date when no term covers it."""

    candidates: tuple[tuple[Role, bool], ...]
    mentions: tuple[Mention, ...]
    pick: Role | None = None
    unpicked: str | None = None
    note: str | None = None


class Coder:
    """Loads the model and tables once; codes parsed articles into events. Of the settings it uses
    ``tables`` (the user's own, added to the packaged ones) and ``time_limit`` (what coding one
    document may take)."""

    def __init__(self, settings: Settings | None = None, parser: Parser | None = None) -> None:
        self.settings = settings or Settings()
        lexicon = load_lexicon(self.settings.tables)
        self.version = coder_version(self.settings.tables)
        self.parser = parser or Parser()
        self.resolve = ActorResolver(lexicon)
        self.code = EventCoder(lexicon, Gazetteer(lexicon, self.settings.tables))

    def lookup(self, text: str, when: DateValue | None) -> Lookup:
        """What ``text`` resolves to on ``when``, as it would inside an article of that date,
        with every role in the knowledge base that the name may point at, and the one it resolves to.
        A name of the knowledge base that the tagger does not take for a name when it stands alone
        ("Pashinyan") is read as the name it is, as in a sentence that names that person."""
        parsed = self.parser(Article("lookup", text, "lookup", "txt", published=when))
        day = as_date(when) if when else None
        candidates = tuple(self.resolve.people.explain(text, day))
        mentions = self.resolve(parsed)
        named = self.resolve.name(text, day) if candidates else None
        if named is None:
            return Lookup(candidates, mentions)
        if mentions:
            return _picked(candidates, mentions, named)
        end = parsed.sentences[0].tokens[-1].i + 1 if parsed.sentences else 0
        note = (f'alone, "{text}" is not tagged as a name; it is read as the name the knowledge base knows, '
                "as in a sentence that names this person")
        return _picked(candidates, (Mention(0, 0, end, named.actor, "person"),), named, note)

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
                with time_limit(self.settings.time_limit):
                    result = self.code_parsed(parsed)
            except TimeLimit as error:
                result = Reject(article.origin, f"coding {error} (the limit per document; see --time-limit)",
                                events.STAGE, article.doc_id)
            except Exception as error:  # a bug must cost one document, not the run: report it
                result = Reject(article.origin, f"internal error while coding ({type(error).__name__}: "
                                f"{error}); please report it", events.STAGE, article.doc_id)
            yield result  # outside the limit: the time the caller takes is not the document's


def _picked(candidates: tuple[tuple[Role, bool], ...], mentions: tuple[Mention, ...], named: NamedPerson,
            note: str | None = None) -> Lookup:
    """A lookup whose pick is the role the resolver's choice of the name rests on, when the mentions are
    that person alone (with a note when no term of theirs covers the date); else, in words, why no
    role is the pick."""
    if [m.actor for m in mentions] != [named.actor]:
        read = "; ".join(f"{m.actor.name} ({m.actor.rule})" for m in mentions)
        return Lookup(candidates, mentions, unpicked=f"here the words read as {read}, not as one of these persons",
                      note=note)
    if named.pick.outside_terms is not None:  # starred, as it resolves, and said to be out of office then
        words = f"the starred person holds no office on that date: {named.pick.outside_terms}"
        return Lookup(candidates, mentions, pick=named.pick.role, note="; ".join(filter(None, (note, words))))
    return Lookup(candidates, mentions, pick=named.pick.role, note=note)


def coder_version(tables: Path | None = None) -> str:
    """The coder's version as stored with each document: the stages, and the user's tables if any."""
    return CODER + (f"+tables:{tables_digest(tables)}" if tables else "")


