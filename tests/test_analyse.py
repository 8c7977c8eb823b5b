"""Analyse: a dyad over time from event clusters, with turning points, contexts, third parties, speakers."""

from __future__ import annotations

import json
from dataclasses import replace

from dyadwatch.analyse import analyse, clusters, dyad_series
from dyadwatch.cli import main
from dyadwatch.model import Article, DocumentResult, Dyad
from dyadwatch.store import Store
from dyadwatch.views.analysis import to_json, to_table

DYAD = Dyad("RUS", "AZE")


def _history(make_event):
    """2001 and 2004 cooperative, 2013 conflictual, with the reports and parties analysts see."""
    coop = make_event(event_type="CONSULT", quad_code=1, intensity=1.0, context=("diplomatic",))
    hostile = make_event(event_type="SANCTION", quad_code=4, intensity=-7.0, context=("military",))
    return [
        replace(coop, id="v1", doc_id="a.txt", date="2001-01-09", link="Lvisit", sentence="Putin visited Baku."),
        replace(coop, id="v2", doc_id="b.txt", date="2001-01-10", link="Lvisit", sentence="Putin met Aliyev."),
        replace(coop, id="old", doc_id="c.txt", date="2004-02-11", date_basis="publication", link="Lvisit",
                sentence="Putin had visited Baku."),  # a look-back linked to the 2001 visit: counts in 2001
        replace(coop, id="d1", doc_id="c.txt", date="2004-02-06", link="Ldecl", event_type="AGREE", intensity=4.0,
                quote="We are strategic partners."),
        replace(hostile, id="s1", doc_id="d.txt", date="2013-01-28", link="Lsale",
                sentence="Putin stopped the sale of missiles to Azerbaijan."),
        replace(hostile, id="s2", doc_id="d.txt", date="2013-01-30", link="Lradar", event_type="COERCE",
                intensity=-8.0, sentence="Russia closed the radar."),
        make_event("t1", "e.txt", "RUS", ("AZE", "ARM"), date="2004-02-06", link="Ltri"),
        make_event("neg", "e.txt", date="2013-02-01", modality="negated", intensity=-10.0, link="Lneg"),
    ]


def test_analyse_counts_a_cluster_once_on_the_date_of_its_own_report(make_event):
    found = clusters(_history(make_event))
    visit = next(c for c in found if c.link == "Lvisit")

    assert (visit.anchor.id, visit.documents) == ("v1", ("a.txt", "b.txt", "c.txt"))
    assert [row.period for row in dyad_series(_history(make_event))] == ["2001", "2004", "2013"]


def test_analyse_a_date_the_document_gives_anchors_before_the_publication_day(make_event):
    told = make_event("told", date="2004-02-11", date_basis="publication", link="L")
    dated = make_event("dated", date="2004-02-06", date_basis="document", link="L")
    week = make_event("week", date="2004-W06", date_precision="week", date_basis="relative", link="L")
    stated = make_event("stated", date="2004-02-06", date_basis="stated", link="L")

    assert clusters([told, dated, week])[0].anchor.id == "dated"  # a day before a week, its own or not
    assert clusters([told, week])[0].anchor.id == "week"
    assert clusters([told, dated, stated])[0].anchor.id == "stated"  # its sentence's before its document's


def test_analyse_finds_turning_points_with_the_clusters_that_drive_them(make_event):
    analysis = analyse(_history(make_event), DYAD)
    points = {p.period: p for p in analysis.turning_points}

    assert set(points) == {"2013"}
    assert points["2013"].change < 0 and points["2013"].previous == "2004"
    assert [c.link for c in points["2013"].drivers] == ["Lradar", "Lsale"]  # the most hostile first


def test_analyse_reports_contexts_third_parties_and_speakers(make_event):
    analysis = analyse(_history(make_event), DYAD)

    assert {c.context: c.clusters for c in analysis.contexts}["military"] == 2
    assert [(p.code, p.count) for p in analysis.third_parties] == [("ARM", 1)]
    assert [(p.name, p.count) for p in analysis.speakers] == [("RUS government", 1)]


def test_analyse_json_rows_carry_period_index_and_counts_and_the_evidence(make_event):
    data = to_json(analyse(_history(make_event), DYAD, by="quarter"))

    assert data["by"] == "quarter" and data["dyad"] == "RUS-AZE"
    assert data["series"][0] == {"period": "2001-Q1", "index": 1.0, "clusters": 1, "verbal_cooperation": 1,
                                 "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0,
                                 "cooperation": 1, "conflict": 0}
    driver = data["turning_points"][0]["drivers"][0]
    assert driver["sentence"] == "Russia closed the radar." and driver["documents"] == ["d.txt"]
    json.dumps(data)  # plain JSON all through


def test_analyse_table_names_each_turning_point_and_its_sentences(make_event):
    table = to_table(analyse(_history(make_event), DYAD))

    assert "2004 → 2013: cooler" in table and "Putin stopped the sale of missiles to Azerbaijan." in table
    rows = [line.split() for line in table.splitlines() if line[:4].isdigit()]
    assert rows and all(row[1][0] in "+−" or row[1] == "0.0" for row in rows)  # every index written one way


def _stored(db: str, events) -> None:
    with Store(db) as store:
        for doc_id in sorted({e.doc_id for e in events}):
            article = Article(doc_id, "text", doc_id, "txt")
            store.save_documents([DocumentResult(article, 1, tuple(e for e in events if e.doc_id == doc_id))], "t")


def test_cli_analyse_prints_a_table_or_json(make_event, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    _stored(db, _history(make_event))

    status, table = main(["analyse", "--db", db, "--dyad", "RUS-AZE"]), capsys.readouterr().out
    assert status == 0 and "turning points" in table and "cooler" in table
    status, out = main(["analyse", "--db", db, "--dyad", "AZE-RUS", "--by", "month", "--format", "json"]), \
        capsys.readouterr().out
    assert status == 0 and json.loads(out)["series"][0]["period"] == "2001-01"


def test_cli_analyse_says_why_there_is_nothing_to_analyse(make_event, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    _stored(db, [make_event(modality="negated")])

    status = main(["analyse", "--db", db, "--dyad", "RUS-AZE"])

    assert status == 1 and "not counted" in capsys.readouterr().err
