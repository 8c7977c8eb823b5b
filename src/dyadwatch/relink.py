"""Relink: give the events not linked yet their clusters, linking again only what they can change.

Linking (link.py) takes reports in one order (those of a day first, by day; then weeks, months and
years; then those that look back), and a report's cluster depends only on the anchors of clusters
made before it. So, for each event type, from the first day of its events not linked yet:

- reports of a day before it keep their links; those from it on see clusters anchored at most
  ``LINK_REACH_DAYS`` before them, which the stored links name (``link.anchors``);
- a week, month or year report sees what lies inside it: one that reaches that day is linked again
  (the start moves back to its first day), with everything inside it;
- a report that looks back joins the latest earlier cluster of its sides, however old: the latest
  such anchors before the start are read from the store and given too.

A poll of a few new stories thus links again the events of their types from a fortnight before
them (or from the start of a month or year that a report of that type holds them in) to the last,
not the whole database; a story of an old event links again what came after it. Removing a
document's events notes the earliest day of theirs per type (``Store.save_documents``), and the
next linking starts there too. The links are those that linking every event gives
(tests/test_relink.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from . import link
from .model import LINK_REACH_DAYS, LinkRow
from .store import Store

_REACH = timedelta(days=LINK_REACH_DAYS)
_LONGEST = timedelta(days=366)  # no week, month or year report begins farther before a day it holds


def relink(store: Store) -> int:
    """Link the events not linked yet, and those whose clusters they (or events that went) can change;
    returns how many links were worked out (changed or not)."""
    unlinked = store.unlinked_rows()
    links = {row.id: row.id for row in unlinked if not link.linkable(row)}
    starts = store.pending_links()  # the earliest day of events that went, per type
    for row in unlinked:
        if link.linkable(row) and row.first is not None:
            starts[row.event_type] = min(starts.get(row.event_type, row.first), row.first)
    for event_type, start in sorted(starts.items()):
        links |= _linked_from(store, event_type, start)
    store.set_links(links, done=starts)
    return len(links)


def _linked_from(store: Store, event_type: str, changed: date) -> dict[str, str]:
    """The links of the events of a type that events from ``changed`` on can change."""
    since = changed - _REACH
    for row in store.linkable_rows(event_type, changed - _LONGEST, since, coarse=True):
        if row.when.last_day >= changed and row.first is not None:
            since = min(since, row.first)
    rows = store.linkable_rows(event_type, since)
    fixed = [row for row in store.linkable_rows(event_type, since - _REACH, since) if link.anchors(row)]
    return link.link_events(rows, fixed + _latest_anchors(store, event_type, since - _REACH, rows))


def _latest_anchors(store: Store, event_type: str, before: date, rows: list[LinkRow]) -> list[LinkRow]:
    """For each report among ``rows`` that looks back, the anchors of the latest clusters of its sides
    before ``before`` (all of that day), one of which it joins when nothing later fits."""
    found: dict[str, LinkRow] = {}
    asked = set()
    for row in rows:
        if not row.looks_back or (row.actors, row.recipients) in asked:
            continue
        asked.add((row.actors, row.recipients))
        day = None
        for old in store.latest_linkable_rows(event_type, before, row.actors, row.recipients):
            if day is not None and old.first != day:
                break
            if link.anchors(old) and link.sides_fit(old, row):
                day = old.first
                found[old.id] = old
    return list(found.values())
