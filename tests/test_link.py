"""Link: the reports of one real event form one cluster with a stable id."""

from __future__ import annotations

import pytest

from dyadwatch.link import link_events
from dyadwatch.model import LinkRow


def _row(event_id, event_type="ACCUSE", actors=("RUS",), recipients=("AZE",), date="2004-02-11", precision="day",
         basis="stated", sentence="Moscow accused Baku of sheltering rebels."):
    return LinkRow(event_id, event_type, tuple(actors), tuple(recipients), date, precision, basis, sentence)


def test_link_same_type_sides_and_day_share_a_cluster():
    links = link_events([_row("a"), _row("b"), _row("c", actors=("RUS", "BLR"))])

    assert links["a"] == links["b"] == links["c"]
    assert links["a"] not in ("a", "b", "c")


def test_link_cluster_ids_are_stable_across_calls_and_order():
    rows = [_row("a"), _row("b"), _row("c", date="2004-02-13"), _row("d", date="2004", precision="year")]

    assert link_events(rows) == link_events(list(reversed(rows))) == link_events(rows)


@pytest.mark.parametrize(
    "other",
    [
        _row("b", date="2004-02-13"),  # two days later
        _row("b", event_type="THREATEN"),  # another kind of event the same day
        _row("b", actors=("RUS",), recipients=("GEO",)),
        _row("b", actors=("AZE",), recipients=("RUS",)),  # ACCUSE has a direction
    ],
)
def test_link_different_day_type_or_sides_give_different_clusters(other):
    links = link_events([_row("a"), other])

    assert links["a"] != links["b"]


def test_link_a_visit_reported_on_its_days_is_one_event():
    links = link_events([_row("a", "CONSULT", date="2001-01-09"), _row("b", "CONSULT", ("AZE",), ("RUS",),
                                                                          date="2001-01-11")])

    assert links["a"] == links["b"]


def test_link_days_do_not_chain_beyond_the_window():
    rows = [_row(str(day), "CONSULT", date=f"2001-01-{day:02d}") for day in (1, 3, 5, 7)]

    links = link_events(rows)

    assert links["1"] == links["3"] != links["5"] == links["7"]


def test_link_a_month_or_year_report_joins_the_one_event_it_holds():
    links = link_events([_row("day", "AGREE", date="2003-02-26"),
                         _row("month", "AGREE", ("AZE",), ("RUS",), date="2003-02", precision="month"),
                         _row("year", "AGREE", date="2003", precision="year")])

    assert links["day"] == links["month"] == links["year"]


def test_link_a_year_report_that_could_be_either_of_two_events_stays_apart():
    links = link_events([_row("spring", "AGREE", date="2003-02-26"), _row("autumn", "AGREE", date="2003-10-01"),
                         _row("year", "AGREE", date="2003", precision="year")])

    assert links["year"] not in (links["spring"], links["autumn"])


def test_link_a_look_back_dated_by_its_article_joins_the_earlier_event():
    original = _row("lease", "AGREE", date="2002-01-25")
    background = _row("later", "AGREE", date="2003-03-12", basis="publication",
                      sentence="Agreements on the lease of the radar were subsequently signed.")
    fresh = _row("new", "AGREE", date="2003-03-12", basis="publication", sentence="The two sides signed a deal.")

    links = link_events([original, background, fresh])

    assert links["later"] == links["lease"] != links["new"]


@pytest.mark.parametrize("fields", [{"date": None, "precision": None}, {"recipients": ()}])
def test_link_undated_or_one_sided_events_are_their_own_cluster(fields):
    assert link_events([_row("u", **fields), _row("v", **fields)]) == {"u": "u", "v": "v"}


def test_link_rows_keep_whether_they_look_back_not_their_sentence():
    row = _row("b", basis="publication", sentence="The lease had been signed long before.")

    assert row.looks_back and not hasattr(row, "sentence")
    assert not _row("s", sentence="The lease had been signed long before.").looks_back  # its own date: not a look-back


def test_link_a_week_report_joins_the_one_event_of_its_kind_that_week():
    links = link_events([_row("day", "CONSULT", date="2004-02-03"),
                         _row("week", "CONSULT", ("AZE",), ("RUS",), date="2004-W06", precision="week"),
                         _row("next", "CONSULT", date="2004-02-10")])

    assert links["week"] == links["day"] != links["next"]


@pytest.mark.parametrize(
    "days",
    [
        ["2004-02-02", "2004-02-07"],  # two events that week: either could be meant
        ["2004-02-09"],  # the Monday after the week
        ["2004-02-01"],  # the Sunday before it
    ],
)
def test_link_a_week_report_stays_apart_unless_one_event_is_inside_it(days):
    rows = [_row(day, "CONSULT", date=day) for day in days]

    links = link_events([*rows, _row("week", "CONSULT", date="2004-W06", precision="week")])

    assert links["week"] not in {links[day] for day in days}


def test_link_weeks_among_days_and_months_give_the_same_clusters_in_any_order():
    rows = [_row("w05", "AGREE", date="2004-W05", precision="week"),  # 26 January to 1 February
            _row("jan", "AGREE", date="2004-01", precision="month"),
            _row("d27", "AGREE", date="2004-01-27"),
            _row("w06", "AGREE", date="2004-W06", precision="week")]

    links = link_events(rows)

    assert links == link_events(list(reversed(rows)))
    assert links["w05"] == links["jan"] == links["d27"] != links["w06"]
