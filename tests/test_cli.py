"""The command line, in process: exit codes, messages, idempotent runs, export and report."""

from __future__ import annotations

import json
import re

import pytest

from dyadwatch.cli import _parser, main

CONTRACT = {"id", "doc_id", "event_type", "mode", "context", "quad_code", "intensity", "actor", "recipient",
            "date", "date_precision", "date_basis", "modality", "sentence", "span", "location", "quote",
            "confidence", "link", "sources", "coder"}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Moscow and Baku sign border treaty\nFriday, 3 September 2010\n\n"
        "Russia and Azerbaijan signed a treaty on their state border in Baku yesterday.\n\n"
        "Read 120 times\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(
        "Kremlin protest\n\nMoscow accused Baku of sheltering rebels on 4 May 2012.\n", encoding="utf-8")
    return folder


def _run(args, capsys):
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.slow
def test_cli_run_twice_adds_nothing(corpus, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    status, out, _ = _run(["run", str(corpus), "--db", db], capsys)
    assert status == 0
    assert "documents coded   2" in out
    first = _run(["export", "--db", db], capsys)[1].splitlines()
    status, out, _ = _run(["run", str(corpus), "--db", db], capsys)
    assert status == 0 and "(2 unchanged, skipped)" in out
    assert _run(["export", "--db", db], capsys)[1].splitlines() == first


@pytest.mark.slow
def test_cli_run_says_which_dyads_it_found_what_had_no_date_and_what_to_run_next(corpus, tmp_path, capsys):
    """Issue 18: b.txt gives no publication date (the sentence dates its event)."""
    db = str(tmp_path / "x.duckdb")
    status, out, _ = _run(["run", str(corpus), "--db", db], capsys)

    assert status == 0
    assert "undated documents 1 (no publication date" in out
    assert re.search(r"dyads, most events first: (RUS-AZE|AZE-RUS) \(\d+ events?\)", out)
    assert f"next: dyadwatch report --db {db} --dyad " in out and f"dyadwatch serve --db {db}" in out
    assert f"database {db}: 2 documents, 3 events" in out


@pytest.mark.slow
def test_cli_bad_input_is_named_and_good_files_are_stored(corpus, tmp_path, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (corpus / "latin1.txt").write_bytes("Le caf\xe9 est ferm\xe9.".encode("latin-1"))
    (corpus / "russian.txt").write_text("Россия и Азербайджан подписали договор о границе.", encoding="utf-8")
    (corpus / "feed.jsonl").write_text('{"id": "ok", "text": "Putin praised Aliyev.", "date": "2005-01-01"}\n'
                                       '{"id": "broken", "text": \n', encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    status, out, _ = _run(["run", str(corpus), str(tmp_path / "missing"), "--db", db], capsys)
    assert status == 1
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary file"),
                         ("latin1.txt", "not UTF-8"), ("feed.jsonl:2", "malformed JSON"),
                         ("russian.txt", "not English"),
                         ("missing", "no such file or folder")]:
        assert any(name in line and reason in line for line in out.splitlines()), (name, out)
    assert "documents coded   3" in out
    events = [json.loads(line) for line in _run(["export", "--db", db], capsys)[1].splitlines()]
    assert {e["doc_id"] for e in events} >= {"a.txt", "sub/b.txt", "ok"}


@pytest.mark.slow
def test_cli_export_carries_the_contract_and_filters_by_dyad(corpus, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    _run(["run", str(corpus), "--db", db], capsys)
    lines = _run(["export", "--db", db, "--dyad", "RUS-AZE"], capsys)[1].splitlines()
    events = [json.loads(line) for line in lines]
    assert events and all(set(e) >= CONTRACT for e in events)
    assert all({"RUS", "AZE"} <= {a["country"] for a in e["actor"] + e["recipient"]} for e in events)
    status, out, err = _run(["export", "--db", db, "--dyad", "USA-CHN"], capsys)
    assert status == 0 and out == "" and "none of its" in err


@pytest.mark.slow
def test_cli_report_writes_html_with_escaped_article_text(tmp_path, capsys):
    article = tmp_path / "x.html"  # a page that shows a tag as text: in plain text a tag is markup, removed
    article.write_text("<html><body><h1>Headline here</h1><p>On 4 May 2012 Moscow accused Baku of "
                       "&lt;script&gt;alert(1)&lt;/script&gt; sheltering rebels.</p></body></html>", encoding="utf-8")
    db, report = str(tmp_path / "x.duckdb"), tmp_path / "r.html"
    _run(["run", str(article), "--db", db], capsys)
    status, out, _ = _run(["report", "--db", db, "--dyad", "RUS-AZE", "-o", str(report)], capsys)
    html = report.read_text(encoding="utf-8")
    assert status == 0 and "<svg" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_cli_missing_database_is_a_clear_error(tmp_path, capsys):
    status, _, err = _run(["export", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert status == 2 and "none.duckdb" in err and "no such database" in err


def test_cli_database_in_a_missing_folder_is_a_clear_error(corpus, tmp_path, capsys):
    db = tmp_path / "no-such-folder" / "x.duckdb"
    status, _, err = _run(["run", str(corpus), "--db", str(db)], capsys)
    assert status == 2 and f"{db}: cannot create its lock file" in err and "folder exists" in err


@pytest.mark.parametrize("value", ["tomorrow", "2023-13-01", "16/05/2023", "2023-02-30", "2023-05", "2023-5-16"])
def test_cli_bad_date_option_is_a_clear_error(tmp_path, capsys, value):
    """Issue 16: "2023-13-01" became 2023-01-13 and "16/05/2023" was taken; a day is YYYY-MM-DD or refused."""
    status, _, err = _run(["run", str(tmp_path), "--date", value, "--db", str(tmp_path / "x.duckdb")], capsys)
    assert status == 2 and f"--date '{value}'" in err and "YYYY-MM-DD" in err
    assert list(tmp_path.iterdir()) == []  # no database, no lock file


def test_cli_a_run_that_stores_nothing_leaves_no_database_behind(tmp_path, capsys):
    db = tmp_path / "new.duckdb"
    status, out, err = _run(["run", str(tmp_path / "missing.txt"), "--db", str(db)], capsys)
    assert status == 1 and "missing.txt: no such file or folder" in out
    assert f"{db} not kept: nothing was stored in it" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_a_run_that_stores_nothing_keeps_a_database_that_was_there(corpus, tmp_path, capsys):
    db = tmp_path / "kept.duckdb"
    assert _run(["run", str(corpus), "--db", str(db)], capsys)[0] == 0
    status, _, err = _run(["run", str(tmp_path / "missing.txt"), "--db", str(db)], capsys)
    assert status == 1 and db.exists() and "not kept" not in err


@pytest.mark.parametrize(("option", "value"), [("--time-limit", "-1"), ("--time-limit", "nan"), ("--workers", "0")])
def test_cli_bad_run_limits_are_a_clear_error(tmp_path, capsys, option, value):
    status, _, err = _run(["run", str(tmp_path), option, value, "--db", str(tmp_path / "x.duckdb")], capsys)
    assert status == 2 and f"{option} {value}" in err
    assert not (tmp_path / "x.duckdb").exists()


def test_cli_a_dyad_with_an_unknown_code_is_a_clear_error(corpus, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert _run(["run", str(corpus), "--db", db], capsys)[0] == 0
    for command in (["export"], ["analyse"], ["report", "-o", str(tmp_path / "r.html")]):
        status, _, err = _run([*command, "--dyad", "RUS-XYZ", "--db", db], capsys)
        assert status == 2 and "dyad RUS-XYZ: XYZ is not a code of a country or organisation" in err, command
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("command", [["run", "x.txt"], ["actors", "lookup", "Aliyev"]])
def test_cli_a_tables_folder_that_is_not_there_is_a_clear_error(tmp_path, capsys, command):
    status, _, err = _run([*command, "--tables", str(tmp_path / "none")], capsys)
    assert status == 2 and f"--tables {tmp_path / 'none'}: no such folder" in err


def test_cli_bad_dyad_is_a_clear_error(tmp_path, capsys):
    status, _, err = _run(["report", "--dyad", "RUSSIA", "--db", str(tmp_path / "x.duckdb")], capsys)
    assert status == 2 and "RUS-AZE" in err


def _leaf_commands(parser, prefix="dyadwatch"):
    """Every runnable command with its full name: 'dyadwatch run', 'dyadwatch actors lookup', …"""
    groups = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    if not groups:
        yield prefix, parser
    for group in groups:
        for name, sub in group.choices.items():
            yield from _leaf_commands(sub, f"{prefix} {name}")


def test_cli_every_command_has_help_with_an_example():
    commands = dict(_leaf_commands(_parser()))
    assert set(commands) == {"dyadwatch run", "dyadwatch export", "dyadwatch report", "dyadwatch analyse",
                             "dyadwatch serve", "dyadwatch demo", "dyadwatch dates", "dyadwatch actors lookup",
                             "dyadwatch actors import", "dyadwatch watch", "dyadwatch import"}
    for name, sub in commands.items():
        assert "example:" in sub.format_help(), name
        assert f"  {name} " in sub.format_help(), name


@pytest.mark.slow
def test_cli_actors_lookup_shows_candidates_and_the_pick(capsys):
    status, out, _ = _run(["actors", "lookup", "Aliev", "--date", "2002-01-25"], capsys)
    assert status == 0
    assert "* person:heydar_aliyev" in out and "  person:ilham_aliyev" in out
    assert "resolves to: Heydar Aliyev [person:heydar_aliyev]" in out and "kb.surname_at_date" in out


@pytest.mark.slow
def test_cli_actors_lookup_of_an_unknown_word_says_so(capsys):
    status, out, _ = _run(["actors", "lookup", "the weather", "--date", "2002-01-25"], capsys)
    assert status == 1 and "resolves to: nothing" in out


def test_cli_actors_import_writes_a_table_or_names_the_bad_line(tmp_path, capsys):
    good, bad = tmp_path / "good.actors", tmp_path / "bad.actors"
    good.write_text("ZORVANIA [ZRV]\n+ZORVANIAN\nILSE_VARGO\n\t[ZRVGOV 990101-031231]\n", encoding="utf-8")
    bad.write_text("ZORVANIA [ZRV]\n\t[ZRVGOV 991399-031231]\n", encoding="utf-8")
    status, out, _ = _run(["actors", "import", str(good), "-o", str(tmp_path / "persons.tsv")], capsys)
    rows = (tmp_path / "persons.tsv").read_text(encoding="utf-8").splitlines()
    assert status == 0 and "wrote 2 rows" in out
    assert rows[2].split("\t") == ["ilse_vargo", "Ilse Vargo", "Ilse Vargo", "ZRV", "GOV", "CAMEO ZRVGOV",
                                   "1999-01-01", "2003-12-31"]
    status, _, err = _run(["actors", "import", str(bad), "-o", str(tmp_path / "x.tsv")], capsys)
    assert status == 2 and f"{bad}: line 2:" in err


def test_cli_dates_prints_one_json_object_per_expression(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("On Tuesday the envoys met; last month Moscow imposed visas for two years.", encoding="utf-8")
    status, out, _ = _run(["dates", str(article), "--anchor", "2001-01-16"], capsys)
    found = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [(f["text"], f["type"], f["value"]) for f in found] == [
        ("Tuesday", "DATE", "2001-01-16"), ("last month", "DATE", "2000-12"), ("two years", "DURATION", "P2Y")]
    assert all(article.read_text(encoding="utf-8")[f["start"]:f["end"]] == f["text"] for f in found)


def test_cli_dates_bad_anchor_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("On Tuesday.", encoding="utf-8")
    status, _, err = _run(["dates", str(tmp_path / "a.txt"), "--anchor", "soon"], capsys)
    assert status == 2 and "--anchor 'soon'" in err


@pytest.mark.parametrize("name", ["forged\nrejected inputs   0\ndatabase x.duckdb.txt", "clear\x1b[2Jscreen.txt",
                                  "bell\x07\r.txt"])
def test_cli_names_that_would_print_as_commands_are_shown_escaped(tmp_path, capsys, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(b"")  # an empty file: its name reaches the summary as a reject
    status, out, err = _run(["run", str(folder), "--db", str(tmp_path / "x.duckdb")], capsys)
    assert status == 1
    assert not any(c in out + err for c in "\x1b\x07\r")
    assert sum(line.startswith("rejected inputs") for line in out.splitlines()) == 1
    assert repr(name)[1:-1] in out


def test_cli_shown_keeps_printable_text_and_escapes_the_rest():
    from dyadwatch.cli import shown

    assert shown("Bakı – Москва.txt") == "Bakı – Москва.txt"
    assert shown("a\nb\x1b[0m") == "a\\nb\\x1b[0m"


def test_cli_an_error_that_names_a_path_shows_it_escaped(tmp_path, capsys):
    status, out, err = _run(["export", "--db", str(tmp_path / "gone\x1b[2J\nrejected.duckdb")], capsys)
    assert status == 2
    assert "\x1b" not in err and err.count("\n") == 1 and "gone\\x1b[2J\\nrejected.duckdb" in err


def test_cli_sigterm_stops_a_run_even_where_a_library_turned_it_into_its_own_error(tmp_path, capsys, monkeypatch):
    import os
    import signal
    import time

    def run_that_duckdb_interrupts(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        except KeyboardInterrupt:  # as DuckDB answers a signal that comes during a query
            raise RuntimeError("Query interrupted") from None
        raise AssertionError("no signal came")

    monkeypatch.setattr("dyadwatch.cli.run", run_that_duckdb_interrupts)
    handler = signal.getsignal(signal.SIGTERM)
    status, _, err = _run(["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb")], capsys)
    assert status == 2 and err.startswith("stopped by SIGTERM: the documents stored so far are kept")
    assert "holds 0 documents, 0 events" in err and "internal error" not in err
    assert signal.getsignal(signal.SIGTERM) is handler  # the caller's handler is back


def test_cli_run_shows_progress_with_a_rate_and_the_time_left_on_a_terminal(tmp_path, capsys, monkeypatch):
    """Issue 19: a bar on a terminal, counted from the inputs (files, and JSONL lines)."""
    import sys

    from dyadwatch.cli import _progress
    from dyadwatch.ingest import count_documents

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

    show = _progress([str(tmp_path)])
    show(2, "b.md")
    shown = capsys.readouterr().err

    assert count_documents([tmp_path]) == 5
    assert "2/5 documents" in shown and "/s" in shown and "left" in shown and "[" in shown
