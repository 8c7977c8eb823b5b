"""Importing other datasets' events from files laid out as their codebooks say (written here, row by
row), and holding a dyad against them."""

from __future__ import annotations

import gzip
import json
import zipfile

import pytest

from dyadwatch.cli import main
from dyadwatch.compare import compare
from dyadwatch.external import gdelt, icews, polecat
from dyadwatch.importer import import_files
from dyadwatch.model import Dyad
from dyadwatch.store import Store

RUS_AZE = Dyad("RUS", "AZE")


def _gdelt(event_id, day="20240503", actor=("RUSSIA", "RUS"), recipient=("AZERBAIJAN", "AZE"), code="042",
           quad="1", goldstein="1.9", url="https://wire.example/talks", **cells):
    row = dict.fromkeys(gdelt.COLUMNS, "")
    row.update({"GLOBALEVENTID": str(event_id), "Day": day, "MonthYear": day[:6], "Year": day[:4],
                "Actor1Name": actor[0], "Actor1CountryCode": actor[1], "Actor2Name": recipient[0],
                "Actor2CountryCode": recipient[1], "IsRootEvent": "1", "EventCode": code, "EventBaseCode": code[:3],
                "EventRootCode": code[:2], "QuadClass": quad, "GoldsteinScale": goldstein,
                "ActionGeo_FullName": "Baku, Baku, Azerbaijan", "ActionGeo_Lat": "40.3953",
                "ActionGeo_Long": "49.8822", "DATEADDED": day + "101500", "SOURCEURL": url, **cells})
    return "\t".join(row[name] for name in gdelt.COLUMNS)


def _mention(event_id, url):
    row = dict.fromkeys(gdelt.MENTION_COLUMNS, "")
    row.update({"GLOBALEVENTID": str(event_id), "MentionType": "1", "MentionIdentifier": url})
    return "\t".join(row[name] for name in gdelt.MENTION_COLUMNS)


def _zipped(path, name, lines):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, "".join(line + "\n" for line in lines))
    return path


@pytest.fixture
def gdelt_files(tmp_path):
    export = _zipped(tmp_path / "20240503101500.export.CSV.zip", "20240503101500.export.CSV", [
        _gdelt(1001),  # CONSULT, Russia → Azerbaijan
        _gdelt(1002, code="0871", quad="2", goldstein="9.0", actor=("AZERBAIJAN", "AZE"), recipient=("RUSSIA", "RUS")),
        _gdelt(1003, code="190", quad="4", goldstein="-10.0", actor=("ROMANIA", "ROM"), recipient=("RUSSIA", "RUS")),
        _gdelt(1004, code="010", quad="1", goldstein="0.0", url=""),  # a statement: no PLOVER type, no URL
        _gdelt(1005, day="2024053"),  # a day with a digit missing
        _gdelt(1006, quad="7"),
        _gdelt(1007, code="2x1"),
        "1008\t20240503\t202405",  # cut short
    ])
    mentions = _zipped(tmp_path / "20240503101500.mentions.CSV.zip", "20240503101500.mentions.CSV",
                       [_mention(1001, "https://paper.example/talks-in-baku"), _mention(1003, "https://x.example/r"),
                        _mention(1004, "https://paper.example/statement")])
    return export, mentions


def test_import_gdelt_maps_cameo_to_plover_countries_dates_and_keeps_urls_and_mentions(gdelt_files):
    export, mentions = gdelt_files
    with Store(":memory:") as store:
        done = import_files("gdelt", [mentions, export], store)  # mentions given first: read after the events
        events = {e.id: e for e in store.external_events("gdelt", RUS_AZE)}
        romania = store.external_events("gdelt", Dyad("ROU", "RUS"))
        seen = store.con.execute("SELECT id, url FROM external_mentions ORDER BY id").fetchall()
        rejects = store.rejects()

    assert (done.files, done.events, done.mentions, done.untyped, done.rejected) == (2, 4, 3, 1, 4)
    talks, retreat, statement = events["1001"], events["1002"], events["1004"]
    assert (talks.event_type, talks.quad_code, talks.intensity, talks.score) == ("CONSULT", 1, 1.0, 1.9)
    assert (talks.date, talks.actor_countries, talks.recipient_countries) == ("2024-05-03", ("RUS",), ("AZE",))
    assert (talks.url, talks.place, talks.lat) == ("https://wire.example/talks", "Baku, Baku, Azerbaijan", 40.3953)
    assert (retreat.event_type, retreat.quad_code) == ("RETREAT", 2)
    assert (statement.event_type, statement.quad_code) == (None, 1)
    assert statement.url == "https://paper.example/statement"  # no SOURCEURL: the article its mention names
    assert [e.event_type for e in romania] == ["ASSAULT"]  # CAMEO's ROM is ISO's ROU
    assert seen == [("1001", "https://paper.example/talks-in-baku"), ("1003", "https://x.example/r"),
                    ("1004", "https://paper.example/statement")]
    reasons = {r.origin.rsplit("line ", 1)[1]: r.reason for r in rejects}
    assert "export.CSV.zip!20240503101500.export.CSV: line 5" in " ".join(r.origin for r in rejects)
    assert "'2024053' is not a date" in reasons["5"] and "QuadClass '7'" in reasons["6"]
    assert "CAMEO code '2x1'" in reasons["7"] and "3 columns, not the 61" in reasons["8"]


def test_import_again_replaces_a_file_and_keeps_it_when_the_new_copy_is_damaged(gdelt_files, tmp_path):
    export, _ = gdelt_files
    with Store(":memory:") as store:
        import_files("gdelt", [export], store)
        import_files("gdelt", [export], store)  # the same file again: replaces, no twins
        twice = store.con.execute("SELECT count(*) FROM external_events").fetchone()[0]
        export.write_bytes(export.read_bytes()[:-60])  # the download cut: its zip directory is gone
        done = import_files("gdelt", [export], store)
        kept = len(store.external_events("gdelt", RUS_AZE))
    assert twice == 4 and done.files == 0 and kept == 3
    assert "damaged or truncated" in done.failed[0] or "not a zip archive" in done.failed[0]


def test_import_gdelt_skips_a_header_line_some_exports_add(tmp_path):
    export = tmp_path / "bigquery.tsv"
    export.write_text("\t".join(gdelt.COLUMNS) + "\n" + _gdelt(1) + "\n", encoding="utf-8")
    with Store(":memory:") as store:
        done = import_files("gdelt", [export], store)
    assert (done.events, done.rejected) == (1, 0)


def test_import_gdelt_refuses_a_1_0_file_and_goes_on_with_the_others(gdelt_files, tmp_path):
    old = tmp_path / "20130401.export.CSV"
    old.write_text("\t".join(["1"] * 57) + "\n", encoding="utf-8")
    with Store(":memory:") as store:
        done = import_files("gdelt", [old, gdelt_files[0]], store)
    assert done.files == 1 and done.events == 4
    assert "57 columns: a GDELT 1.0 file" in done.failed[0] and "20130401.export.CSV" in done.failed[0]


def test_import_with_a_dyad_keeps_its_events_and_their_mentions_only(gdelt_files):
    with Store(":memory:") as store:
        done = import_files("gdelt", list(gdelt_files), store, RUS_AZE)
        ids = store.con.execute("SELECT id FROM external_events ORDER BY id").fetchall()
        mentioned = store.con.execute("SELECT id FROM external_mentions").fetchall()
    assert done.outside == 1 and [i for (i,) in ids] == ["1001", "1002", "1004"]
    assert sorted(mentioned) == [("1001",), ("1004",)]  # not Romania's


ICEWS_HEADER = "\t".join(icews.COLUMNS)


def _icews(event_id, day, source, target, code, intensity="1.0", **cells):
    row = dict.fromkeys(icews.COLUMNS, "")
    row.update({"Event ID": event_id, "Event Date": day, "Source Name": source[0], "Source Country": source[1],
                "Target Name": target[0], "Target Country": target[1], "CAMEO Code": code, "Intensity": intensity,
                "Publisher": "Wire Service", **cells})
    return "\t".join(row[name] for name in icews.COLUMNS)


def test_import_icews_reads_country_names_zero_padded_codes_and_both_date_forms(tmp_path):
    russia, azerbaijan = ("Sergey Lavrov", "Russian Federation"), ("Government (Azerbaijan)", "Azerbaijan")
    path = tmp_path / "events.2016.20170101.tab"
    path.write_text("\n".join([
        "\ufeff" + ICEWS_HEADER,  # saved by a spreadsheet: a byte-order mark first
        _icews("26001", "2016-04-05", russia, azerbaijan, "040", "1.0", City="Baku", Latitude="40.4", Longitude="49.9"),
        _icews("26001", "2016-04-06", azerbaijan, russia, "0874", "5.0"),  # the same id on another day
        _icews("26003", "4/7/2016", russia, ('"Armenia"', '"Armenia"'), "173", "-5.0"),  # a re-release's dates
        _icews("26004", "2016-04-08", russia, azerbaijan, "13y"),
        "26005\t2016-04-09\tcut",
    ]) + "\n", encoding="utf-8")
    with Store(":memory:") as store:
        done = import_files("icews", [path], store)
        events = store.external_events("icews", RUS_AZE)
        armenia = store.external_events("icews", Dyad("RUS", "ARM"))
        reasons = [r.reason for r in store.rejects()]
    assert done.events == 3 and [e.id for e in events] == ["26001/2016-04-05", "26001/2016-04-06"]
    assert [(e.event_type, e.quad_code, e.score) for e in events] == [("CONSULT", 1, 1.0), ("RETREAT", 2, 5.0)]
    assert events[0].place == "Baku" and events[0].source == "Wire Service" and events[0].url is None
    assert [(e.date, e.event_type) for e in armenia] == [("2016-04-07", "COERCE")]
    assert any("CAMEO code '13y'" in r for r in reasons) and any("3 cells for the 20 columns" in r for r in reasons)


def test_import_icews_refuses_a_file_without_its_header(tmp_path):
    path = tmp_path / "events.tab"
    path.write_text("Event ID\tDate\n1\t2016-01-01\n", encoding="utf-8")
    with Store(":memory:") as store:
        done = import_files("icews", [path], store)
    assert done.files == 0 and "not the header of a ICEWS file" in done.failed[0] and "'Event Date'" in done.failed[0]


def _polecat(event_id, day, event_type, actor, recipient, intensity="2.0", **cells):
    row = dict.fromkeys(polecat.COLUMNS, "None")
    row.update({"Event ID": event_id, "Event Date": day, "Event Type": event_type, "Intensity": intensity,
                "Actor Name": actor[0], "Actor Country": actor[1], "Recipient Name": recipient[0],
                "Recipient Country": recipient[1], "Source": "Daily Paper", "Placename": "Moscow", **cells})
    return "\t".join(row[name] for name in polecat.COLUMNS)


def test_import_polecat_reads_its_types_countries_and_files_with_a_long_header_or_tabs_at_the_end(tmp_path):
    moscow, baku = ("Government of Russia", "RUS"), ("Jeyhun Bayramov", "AZE")
    header = "\t".join(polecat.COLUMNS)
    plain = tmp_path / "ngecEvents.DV.2023.txt"
    plain.write_text("\n".join([header, _polecat("e1", "2023-06-02", "CONSULT", moscow, baku),
                                _polecat("e2", "2023-06-05", "ACCUSE", baku, ("Russia", "RUS; UKR")) + "\t\t",
                                _polecat("e3", "2023-06-06", "DISCUSS", moscow, baku)]) + "\n", encoding="utf-8")
    long_header = tmp_path / "ngecEventsDV-2023-Jul.txt.gz"  # a header with names its rows do not have
    with gzip.open(long_header, "wt", encoding="utf-8") as out:
        out.write(header + "\tHeadline\tEvent Text\n" + _polecat("e4", "2023-07-01", "AGREE", moscow, baku) + "\n")
    with Store(":memory:") as store:
        done = import_files("polecat", [plain, long_header], store)
        events = store.external_events("polecat", RUS_AZE)
        reasons = [r.reason for r in store.rejects()]
    assert done.events == 3 and [(e.id, e.event_type, e.quad_code) for e in events] == [
        ("e1", "CONSULT", 1), ("e2", "ACCUSE", 3), ("e4", "AGREE", 1)]
    assert events[1].recipient_countries == ("RUS", "UKR") and events[0].source == "Daily Paper"
    assert events[0].lat is None and events[0].cameo is None  # "None" is an empty cell
    assert any("'DISCUSS' is not a PLOVER event type" in r for r in reasons)


def test_compare_counts_periods_correlates_and_lists_what_each_lacks(make_event):
    from dataclasses import replace

    from dyadwatch.model import ExternalEvent

    ours = [make_event(f"o{n}", "a.txt", event_type="CONSULT", quad_code=1, intensity=1.0 + n,
                       date=f"{2010 + n}-03-0{1 + n}", link=f"L{n}") for n in range(4)]
    ours.append(make_event("war", "a.txt", event_type="ASSAULT", quad_code=4, intensity=-10.0, date="2013-09-01"))

    def theirs(event_id, day, event_type, quad, intensity):
        return ExternalEvent(dataset="gdelt", id=event_id, date=day, actor="RUSSIA", recipient="AZERBAIJAN",
                             actor_countries=("RUS",), recipient_countries=("AZE",), cameo="040",
                             event_type=event_type, quad_code=quad, intensity=intensity, score=None,
                             url=f"https://wire.example/{event_id}", source=None, place=None, lat=None, lon=None,
                             origin="f: line 1")
    other = [theirs("g0", "2010-03-03", "CONSULT", 1, 1.0),  # two days after ours: the same
             theirs("g1", "2011-03-06", "CONSULT", 1, 2.0),  # four days after: not
             theirs("g2", "2012-03-03", "CONSULT", 1, 4.0), theirs("g3", "2013-03-04", "COOPERATE", 2, 6.0),
             theirs("g4", "2014-01-01", "ASSAULT", 4, -10.0), theirs("g5", "2014-01-02", None, 1, None)]
    found = compare(ours, other, RUS_AZE, "gdelt", "year", within=3)

    # the days both cover: 2010-03-03 (their first) to 2013-09-01 (our last), three days wider
    assert (found.start, found.end, found.outside, found.their_outside) == ("2010-02-28", "2013-09-04", 0, 1)
    assert [(p.period, p.clusters, p.theirs) for p in found.periods] == [
        ("2010", 1, 1), ("2011", 1, 1), ("2012", 1, 1), ("2013", 2, 1)]
    assert (found.matched, found.their_matched, found.their_unmatched, found.left_out) == (2, 2, 2, 1)
    assert [d.link for d in found.ours_only] == ["L1", "L3", "war"]
    assert [t.id for t in found.theirs_only] == ["g3", "g1"]  # the latest first; g4 (2014) is outside
    assert found.index_correlation == -0.61  # by hand: ours 1, 2, 3, −3 (the war they lack); theirs 1, 2, 4, 6
    assert found.count_correlation is None  # theirs one a year: a count that never changes tells nothing

    one_day = compare(ours, other[:1], RUS_AZE, "gdelt", "year", within=3)  # a dataset imported for a day
    assert (one_day.start, one_day.end, one_day.outside, one_day.matched, one_day.ours_only) == (
        "2010-02-28", "2010-03-06", 4, 1, ())
    assert compare(ours, [replace(other[0], date="1990-01-01")], RUS_AZE, "gdelt").start is None


def test_cli_import_and_analyse_compare(gdelt_files, tmp_path, make_event, capsys):
    from dyadwatch.model import Article, DocumentResult

    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (
            make_event("talks", "a.txt", date="2024-05-04", event_type="CONSULT", quad_code=1),))], "t")
    assert main(["analyse", "--db", str(db), "--dyad", "RUS-AZE", "--compare", "gdelt"]) == 1
    assert "holds no GDELT events; import them with 'dyadwatch import gdelt" in capsys.readouterr().err

    code = main(["import", "gdelt", *map(str, gdelt_files), "--db", str(db), "--dyad", "RUS-AZE"])
    out = capsys.readouterr().out
    assert code == 1  # rows were rejected
    assert "imported 3 GDELT events from 2 files" in out and "rows/s" in out and "rejected rows     4" in out
    assert "next: dyadwatch analyse" in out and "--compare gdelt" in out

    assert main(["analyse", "--db", str(db), "--dyad", "RUS-AZE", "--compare", "gdelt"]) == 0
    table = capsys.readouterr().out
    assert "matched (same quad class, days at most 3 apart): 1 of our 1 cluster" in table
    assert "GDELT's, not in ours (1; the latest 1):" in table and "2024-05-03 RETREAT AZE→RUS" in table
    assert "not compared: 1 event of GDELT whose CAMEO code has no PLOVER type" in table
    assert main(["analyse", "--db", str(db), "--dyad", "RUS-AZE", "--compare", "gdelt", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["dataset"] == "gdelt" and record["their_matched"] == 1 and record["periods"][0]["theirs"] == 2


def test_cli_import_of_only_unreadable_files_fails(tmp_path, capsys):
    missing = tmp_path / "nothing.CSV.zip"
    assert main(["import", "gdelt", str(missing), "--db", str(tmp_path / "c.duckdb")]) == 2
    assert f"not imported: {missing}: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(("code", "event_type"), [
    ("010", None), ("02", "REQUEST"), ("036", "AGREE"), ("043", "CONSULT"), ("051", "SUPPORT"), ("057", "AGREE"),
    ("0811", "CONCEDE"), ("0871", "RETREAT"), ("1011", "REQUEST"), ("112", "ACCUSE"), ("163", "SANCTION"),
    ("1724", "COERCE"), ("193", "ASSAULT"), ("204", "ASSAULT"), ("092", None)])
def test_cameo_codes_map_to_plover_by_their_longest_known_beginning(code, event_type):
    from dyadwatch.external.files import plover_of_cameo

    assert plover_of_cameo(code) == event_type


@pytest.mark.parametrize("code", ["", "7", "21", "0a3", "00123"])
def test_what_is_no_cameo_code_is_refused(code):
    from dyadwatch.external.files import plover_of_cameo

    with pytest.raises(ValueError, match="is not one"):
        plover_of_cameo(code)


def test_gdelt_columns_are_the_codebooks_61_and_16():
    assert len(gdelt.COLUMNS) == 61 and gdelt.COLUMNS[gdelt.SOURCE_URL] == "SOURCEURL"
    assert gdelt.COLUMNS[26:30] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    assert len(gdelt.MENTION_COLUMNS) == 16 and gdelt.MENTION_COLUMNS[gdelt.MENTION_URL] == "MentionIdentifier"


@pytest.fixture
def compared_db(gdelt_files, tmp_path, make_event):
    """A database with one coded meeting (matched by GDELT's CONSULT a day before) and GDELT imported."""
    from dyadwatch.model import Article, DocumentResult

    db = tmp_path / "compared.duckdb"
    with Store(db) as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (
            make_event("talks", "a.txt", date="2024-05-04", event_type="CONSULT", quad_code=1),
            make_event("fight", "a.txt", date="2024-06-01", event_type="ASSAULT", quad_code=4, intensity=-10.0,
                       sentence="Border guards exchanged fire on 1 June.")))], "t")
        later = _zipped(tmp_path / "20240615.export.CSV.zip", "20240615.export.CSV", [_gdelt(2001, day="20240615")])
        import_files("gdelt", [*gdelt_files, later], store)  # GDELT from 3 May to 15 June
    return db


def test_report_holds_the_dyad_against_an_imported_dataset(compared_db, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--db", str(compared_db), "--dyad", "RUS-AZE", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    section = page[page.index('id="compared-gdelt"'):page.index("<h2>By context</h2>")]
    assert "Held against GDELT" in section and 'aria-label="dyadwatch and GDELT per year' in section
    assert "Compared from 2024-05-01 to 2024-06-04, the days both have events in" in section
    assert "Found in both (the same quad class, days at most 3 apart): 1 of our 2 clusters" in section
    assert "Border guards exchanged fire on 1 June." in section  # ours, not in GDELT
    assert '<a href="https://wire.example/talks">' in section  # theirs (the retreat), with its source
    assert "CAMEO 0871" in section


def test_report_without_imports_has_no_comparison(tmp_path, make_event):
    from dyadwatch.model import Article, DocumentResult

    db, out = tmp_path / "plain.duckdb", tmp_path / "r.html"
    with Store(db) as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (make_event("m", "a.txt"),))],
                             "t")
    assert main(["report", "--db", str(db), "--dyad", "RUS-AZE", "-o", str(out)]) == 0
    assert "Held against" not in out.read_text(encoding="utf-8")


def test_serve_answers_the_comparison_the_report_draws(compared_db):
    from fastapi.testclient import TestClient

    from dyadwatch.views.serve import create_app

    client = TestClient(create_app(compared_db))
    [found] = client.get("/api/compare?dyad=RUS-AZE").json()
    assert found["dataset"] == "gdelt" and found["name"] == "GDELT" and found["svg"].startswith("<svg")
    assert (found["comparison"]["matched"], found["comparison"]["their_matched"]) == (1, 1)
    assert [d["link"] for d in found["comparison"]["ours_only"]] == ["fight"]
    assert client.get("/api/compare?dyad=RUS-AZE&dataset=icews").json() == []
    assert client.get("/api/compare?dyad=RUS-AZE&dataset=acled").status_code == 422


def test_import_reads_each_file_of_a_zip_by_its_own_header_or_columns(tmp_path):
    russia, azerbaijan = ("Sergey Lavrov", "Russian Federation"), ("Government (Azerbaijan)", "Azerbaijan")
    icews_zip = tmp_path / "events.2016.tab.zip"
    with zipfile.ZipFile(icews_zip, "w") as archive:
        archive.writestr("a.tab", ICEWS_HEADER + "\n" + _icews("1", "2016-04-05", russia, azerbaijan, "040") + "\n")
        archive.writestr("b.tab", ICEWS_HEADER + "\n" + _icews("2", "2016-04-06", russia, azerbaijan, "042",
                                                               Publisher='"The ""Daily"" Wire"') + "\n")
    both = tmp_path / "both.zip"
    with zipfile.ZipFile(both, "w") as archive:
        archive.writestr("x.export.CSV", _gdelt(1001) + "\n")
        archive.writestr("x.mentions.CSV", _mention(1001, "https://paper.example/m") + "\n")
    with Store(":memory:") as store:
        done = [import_files("icews", [icews_zip], store), import_files("gdelt", [both], store)]
        read = store.external_events("icews", RUS_AZE)
        mentioned = store.con.execute("SELECT url FROM external_mentions").fetchall()
    assert [(d.events, d.mentions, d.rejected) for d in done] == [(2, 0, 0), (1, 1, 0)]
    assert read[1].source == 'The "Daily" Wire' and mentioned == [("https://paper.example/m",)]


def test_import_with_a_dyad_keeps_mentions_of_events_imported_before(gdelt_files):
    export, mentions = gdelt_files
    with Store(":memory:") as store:
        import_files("gdelt", [export], store, RUS_AZE)
        later = import_files("gdelt", [mentions], store, RUS_AZE)  # the mentions file in a command of its own
    assert (later.mentions, later.outside_mentions) == (2, 1)  # 1001's and 1004's kept; Romania's not


def test_import_of_an_empty_copy_keeps_what_the_file_brought(tmp_path):
    path = tmp_path / "events.tab"
    path.write_text(ICEWS_HEADER + "\n" + _icews("1", "2016-04-05", ("A", "Russian Federation"),
                                                 ("B", "Azerbaijan"), "040") + "\n", encoding="utf-8")
    with Store(":memory:") as store:
        import_files("icews", [path], store)
        path.write_text("", encoding="utf-8")  # a download that came back empty
        done = import_files("icews", [path], store)
        counts = store.external_counts()
    assert done.files == 0 and "empty" in done.failed[0] and counts == {"icews": 1}


def test_an_import_stopped_hard_is_not_read_and_the_next_import_takes_it_back(gdelt_files):
    export, _ = gdelt_files
    with Store(":memory:") as store:
        import_files("gdelt", [export], store)
        # what a SIGKILL midway leaves: rows of an import that never finished
        store.con.execute("INSERT INTO external_imports VALUES ('killed', 'gdelt', 'other.zip', now(), NULL)")
        store.con.execute("INSERT INTO external_events SELECT * REPLACE ('killed' AS imported, 'k' || id AS id) "
                          "FROM external_events")
        read = len(store.external_events("gdelt", RUS_AZE))
        import_files("gdelt", [export], store)
        left = store.con.execute("SELECT count(*) FROM external_events WHERE imported = 'killed'").fetchone()[0]
    assert read == 3 and left == 0


def test_polecat_drops_none_among_its_countries():
    assert polecat._countries("RUS;None; UKR") == ("RUS", "UKR")


def test_report_and_compare_read_a_database_made_before_imports(tmp_path, make_event, capsys):
    """A database of schema 4 opened read-only (report, analyse) has no imported events: not an error."""
    import duckdb

    from dyadwatch.model import Article, DocumentResult

    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.save_documents([DocumentResult(Article("a.txt", "t", "a.txt", "txt"), 1, (make_event("m", "a.txt"),))],
                             "t")
    con = duckdb.connect(str(db))
    for table in ("external_events", "external_mentions", "external_imports", "link_pending"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_migrations WHERE version = 5")
    con.close()
    assert main(["report", "--db", str(db), "--dyad", "RUS-AZE", "-o", str(tmp_path / "r.html")]) == 0
    assert main(["analyse", "--db", str(db), "--dyad", "RUS-AZE", "--compare", "icews"]) == 1
    assert "holds no ICEWS events" in capsys.readouterr().err


def test_cli_import_without_a_dyad_suggests_comparing_our_most_told_one(compared_db, gdelt_files, capsys):
    assert main(["import", "gdelt", str(gdelt_files[0]), "--db", str(compared_db)]) == 1
    assert f"next: dyadwatch analyse --db {compared_db} --dyad RUS-AZE --compare gdelt" in capsys.readouterr().out
