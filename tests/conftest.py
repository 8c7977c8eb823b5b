"""Shared fixtures. Tests that need the spaCy model are marked ``slow`` and share one Coder."""

from __future__ import annotations

import pytest

from dyadwatch.model import Article, DateValue

# --- the spaCy model and the coder (slow tests) ------------------------------------------------


@pytest.fixture(scope="session")
def coder():
    from dyadwatch.coder import Coder

    return Coder()


def _article(text: str, published: str | None, doc_id: str = "test.txt") -> Article:
    day = DateValue(published, "day") if published else None
    return Article(doc_id, text, doc_id, "txt", published=day, published_basis="supplied" if day else None)


@pytest.fixture
def resolve(coder):
    """Mentions of a text written for a test, resolved at its publication date."""

    def run(text: str, published: str | None = None):
        return coder.resolve(coder.parser(_article(text, published)))

    return run


@pytest.fixture
def code(coder):
    """Events of a text written for a test."""

    def run(text: str, published: str | None = None):
        return list(coder.code_parsed(coder.parser(_article(text, published))).events)

    return run


# --- hand-built records: Actor and Event factories (store, export, link and analyse tests) -----
# Fixtures in this block need no model; they build records field by field.


def _make_actor(text: str = "Russia", country: str | None = "RUS", **fields):
    from dyadwatch.model import Actor

    values = {"text": text, "name": text, "country": country, "sector": "GOV", "entity_id": None,
              "rule": "test.hand", "confidence": 0.9}
    values.update(fields)
    return Actor(**values)


def _make_event(id: str = "e1", doc_id: str = "a.txt", actor: str | tuple = "RUS",
                recipient: str | tuple = "AZE", **fields):
    """An Event with every field set; ``actor``/``recipient``: a country code, or a tuple of codes/Actors."""
    from dyadwatch.model import Actor, Event, Location

    def side(codes):
        codes = (codes,) if isinstance(codes, str) else tuple(codes)
        return tuple(c if isinstance(c, Actor) else _make_actor(f"{c} government", c) for c in codes)

    values = {
        "id": id, "doc_id": doc_id, "event_type": "CONSULT", "mode": "visit", "context": ("border",),
        "quad_code": 1, "intensity": 1.0, "actor": side(actor), "recipient": side(recipient),
        "date": "2004-02-11", "date_precision": "day", "date_basis": "stated", "modality": "asserted",
        "sentence": "The two foreign ministers met in Vienna on Wednesday.", "span": None,
        "trigger": "met", "location": Location("Vienna", "AUT", 48.2, 16.37, 2761369, "city", 1, "sentence"),
        "quote": None,
        "confidence": 0.8, "coder": "test-coder", "cameo": "040",
    }
    values.update(fields)
    if values["span"] is None:
        values["span"] = (0, len(values["sentence"]))
    return Event(**values)


@pytest.fixture
def make_actor():
    """Factory: ``make_actor("Baku", "AZE", sector=None)`` → Actor."""
    return _make_actor


@pytest.fixture
def make_event():
    """Factory: ``make_event("e2", "b.txt", "AZE", "RUS", date=None)`` → Event."""
    return _make_event


# --- the web view: a small database of events built by hand (serve tests) ---------------------

SERVED_TEXT = "Headline\n\nPutin met Aliyev in Baku. Moscow <script>document.title='owned'</script> protested."


@pytest.fixture(scope="module")
def served_db(tmp_path_factory):
    """A database file with two articles and four events: a linked meeting (two reports), an arms sale
    and a negated protest whose sentence holds markup (``SERVED_TEXT``). One per test module: the web
    view only reads it."""
    from dyadwatch.model import DocumentResult
    from dyadwatch.store import Store

    events = [
        _make_event("met", "a.txt", date="2001-01-09", link="L1", sentence="Putin met Aliyev in Baku.", span=(10, 35),
                    context=("diplomatic",)),
        _make_event("met2", "b.txt", date="2001-01-10", link="L1", sentence="The presidents met.", span=(0, 19)),
        _make_event("sold", "b.txt", "RUS", "ARM", event_type="AID", quad_code=2, date="2003-05-01", link="L2",
                    sentence="Russia sold arms to Armenia.", context=("military",)),
        _make_event("xss", "a.txt", "RUS", "AZE", event_type="PROTEST", quad_code=4, date="2004-02-11", link="L3",
                    sentence="Moscow <script>document.title='owned'</script> protested.", span=(36, 91),
                    modality="negated"),
    ]
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    with Store(db) as store:
        for doc_id, text in (("a.txt", SERVED_TEXT), ("b.txt", "Other text. The presidents met.")):
            article = Article(doc_id, text, doc_id, "txt", title=f"Title {doc_id}",
                              published=DateValue("2004-02-11", "day"), published_basis="supplied")
            store.save_documents([DocumentResult(article, 2, tuple(e for e in events if e.doc_id == doc_id))], "t")
    return db
