"""Relinking what new (or removed) events can change gives the links that linking everything gives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import _make_event
from dyadwatch import link
from dyadwatch.model import Article, DocumentResult
from dyadwatch.relink import relink
from dyadwatch.store import Store

_START = date(2003, 11, 1)
_SIDES = [("RUS",), ("AZE",), ("ARM",), ("RUS", "AZE"), ("TUR",)]


def _date(days: int, precision: str) -> str:
    day = _START + timedelta(days=days)
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]


_EVENTS = st.lists(st.tuples(
    st.sampled_from(["AGREE", "ACCUSE"]), st.sampled_from(_SIDES), st.sampled_from(_SIDES),
    st.integers(0, 500), st.sampled_from(["day", "day", "day", "week", "month", "year", None]),
    st.sampled_from(["stated", "publication"]), st.booleans()), min_size=1, max_size=14)


def _document(name: str, specs: list[tuple]) -> DocumentResult:
    events = tuple(_make_event(
        f"{name}-{n}", f"{name}.txt", actors, recipients, event_type=event_type,
        date=_date(days, precision) if precision else None, date_precision=precision, date_basis=basis,
        sentence="They had signed it before." if back else "They signed it.")
        for n, (event_type, actors, recipients, days, precision, basis, back) in enumerate(specs))
    return DocumentResult(Article(f"{name}.txt", "t", f"{name}.txt", "txt"), 1, events)


def _stored(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT id, link FROM events").fetchall())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=st.lists(_EVENTS, min_size=1, max_size=5), new=st.lists(_EVENTS, max_size=3),
       changed=st.one_of(st.none(), _EVENTS))
def test_relink_after_new_and_changed_documents_gives_the_links_of_linking_everything(old, new, changed):
    with Store(":memory:") as store:
        store.save_documents([_document(f"old{n}", specs) for n, specs in enumerate(old)], "t")
        relink(store)
        assert _stored(store) == link.link_events(store.link_rows())
        store.save_documents([_document(f"new{n}", specs) for n, specs in enumerate(new)], "t")
        if changed is not None:  # a stored document coded again: its events go, others come
            store.save_documents([_document("old0", changed)], "t")
        relink(store)
        assert _stored(store) == link.link_events(store.link_rows())


def test_relink_reads_only_the_days_new_events_can_change(make_event):
    """A day's new report is linked with what lies two weeks around it, not with years of others."""
    years = [make_event(f"e{n}", "old.txt", event_type="ACCUSE", quad_code=3,
                        date=(date(2001, 1, 1) + timedelta(days=7 * n)).isoformat()) for n in range(300)]
    fresh = make_event("fresh", "new.txt", event_type="ACCUSE", quad_code=3, date="2006-10-03")
    with Store(":memory:") as store:
        store.save_documents([DocumentResult(Article("old.txt", "t", "old.txt", "txt"), 1, tuple(years))], "t")
        relink(store)
        store.save_documents([DocumentResult(Article("new.txt", "t", "new.txt", "txt"), 1, (fresh,))], "t")
        read: list[int] = []
        rows = store.linkable_rows
        store.linkable_rows = lambda *a, **k: read.append(len(found := rows(*a, **k))) or found  # type: ignore
        relink(store)
        links = _stored(store)
        store.linkable_rows = rows  # type: ignore
        assert links == link.link_events(store.link_rows())
    assert sum(read) <= 6  # the fresh report and the weekly reports of the fortnight before it
    assert links["fresh"] not in {links[f"e{n}"] for n in range(300)}


def test_relink_links_a_stopped_runs_events_and_undated_events_to_themselves(make_event):
    """Events stored but never linked (a run stopped before its linking) are linked by the next."""
    with Store(":memory:") as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (
            make_event("m1", "a.txt", date="2001-01-09"), make_event("m2", "a.txt", "AZE", "RUS", date="2001-01-10"),
            make_event("u", "a.txt", date=None)))], "t")
        assert set(_stored(store).values()) == {None}
        assert relink(store) == 3
        links = _stored(store)
        assert relink(store) == 0
    assert links["m1"] == links["m2"] != "m1" and links["u"] == "u"


def test_link_reach_covers_every_window_of_linking():
    from dyadwatch.model import LINK_REACH_DAYS

    assert link._RECENT_DAYS < LINK_REACH_DAYS and max(link._WINDOW_DAYS.values()) < LINK_REACH_DAYS


@pytest.mark.parametrize("other", [
    ("AGREE", ("RUS",), ("AZE",), 100, "year", "stated", False),  # a year report that held the day's one event
    ("AGREE", ("RUS",), ("AZE",), 99, "day", "publication", True),  # a look-back the day before it, that joined it
])
def test_relink_after_a_report_goes_links_again_the_earlier_reports_that_had_joined_it(other):
    """A day's report goes (its document coded again without it): a report dated before it that had
    joined its cluster (a year that holds it, a look-back of the days around it) is linked again."""
    day = ("AGREE", ("RUS",), ("AZE",), 100, "day", "stated", False)
    with Store(":memory:") as store:
        store.save_documents([_document("old0", [day]), _document("old1", [other])], "t")
        relink(store)
        joined = _stored(store)
        store.save_documents([_document("old0", [])], "t")
        relink(store)
        assert _stored(store) == link.link_events(store.link_rows())
    assert joined["old1-0"] == joined["old0-0"] != "old1-0"


def test_relink_a_removal_keeps_the_other_links_until_the_next_linking():
    """A document coded again: its old events go, the others keep their links (readers meanwhile, or
    after a stopped run, see the clusters as they were) and the next linking starts from the day noted."""
    day = ("AGREE", ("RUS",), ("AZE",), 100, "day", "stated", False)
    with Store(":memory:") as store:
        store.save_documents([_document("old0", [day]), _document("old1", [day, day])], "t")
        relink(store)
        before = _stored(store)
        store.save_documents([_document("old0", [])], "t")
        meanwhile, pending = _stored(store), store.pending_links()
        relink(store)
        after, left = _stored(store), store.pending_links()
        assert after == link.link_events(store.link_rows())
    assert meanwhile == {k: v for k, v in before.items() if k.startswith("old1")} and None not in meanwhile.values()
    assert pending == {"AGREE": date(2004, 2, 9)} and left == {}


def test_an_unlinked_event_is_read_as_its_own_cluster(make_event):
    with Store(":memory:") as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (make_event("m1", "a.txt"),))],
                             "t")
        [event] = store.events()
        cluster = store.cluster(event.link or "")
    assert event.link == "m1" and [e.id for e in cluster] == ["m1"]
