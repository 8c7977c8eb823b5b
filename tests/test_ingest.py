"""Ingest v1: folders, files and JSONL records built in tmp_path; bad inputs become Rejects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.ingest import read_sources
from dyadwatch.model import Article, DateValue, Reject

TEXT = "The foreign ministers met in Vienna to discuss the disputed border.\n"
PARAGRAPH_1 = ("The envoys of the two countries met in Oslo on Tuesday to discuss the fishing quota "
               "dispute that has strained relations between them for a year.")
PARAGRAPH_2 = ("Both sides described the talks as useful and agreed to meet again next month in Bergen "
               "to continue the discussion of the quota.")
HTML = (f"<html><head><title>Envoys meet in Oslo</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Envoys meet in Oslo</h1><p>{PARAGRAPH_1}</p><p>{PARAGRAPH_2}</p></article>"
        f"</body></html>")
RECORD_TEXT = {"id": "wire-1", "text": "The two presidents spoke by phone about the pipeline.",
               "date": "2004-02-11", "title": "Presidents talk", "url": "https://example.org/wire-1",
               "source": "Example Wire"}
RECORD_HTML = {"id": "wire-2", "html": HTML}
SUPPLIED = DateValue("2005-06-07", "day")


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    _write(root / "top.txt", TEXT)
    _write(root / "world" / "europe" / "vienna.md", "# Vienna talks\n\n" + TEXT)
    _write(root / "world" / "oslo.html", HTML)
    _write(root / "feeds" / "wire.jsonl", _jsonl(RECORD_TEXT, RECORD_HTML))
    _write(root / ".cache" / "old.txt", TEXT)
    _write(root / "world" / ".draft.txt", TEXT)
    return root


def _by_id(items) -> dict[str, Article]:
    return {item.doc_id: item for item in items if isinstance(item, Article)}


def test_ingest_doc_ids_are_posix_paths_relative_to_the_folder(corpus):
    items = list(read_sources([corpus]))

    assert all(isinstance(item, Article) for item in items)
    assert sorted(_by_id(items)) == ["top.txt", "wire-1", "wire-2", "world/europe/vienna.md", "world/oslo.html"]


def test_ingest_skips_hidden_files_and_folders(corpus):
    origins = [item.origin for item in read_sources([corpus])]

    assert not any(".cache" in origin or ".draft" in origin for origin in origins)


def test_ingest_reads_in_a_stable_order(corpus):
    assert list(read_sources([corpus])) == list(read_sources([corpus]))


def test_ingest_single_file_doc_id_is_its_name(corpus):
    path = corpus / "world" / "europe" / "vienna.md"

    [article] = read_sources([path])

    assert article.doc_id == "vienna.md"
    assert article.origin == str(path)


@pytest.mark.parametrize(
    ("doc_id", "fmt"),
    [("top.txt", "txt"), ("world/europe/vienna.md", "md"), ("world/oslo.html", "html"), ("wire-1", "jsonl")],
)
def test_ingest_records_the_format(corpus, doc_id, fmt):
    assert _by_id(read_sources([corpus]))[doc_id].fmt == fmt


def test_ingest_keeps_plain_text_as_written(corpus):
    articles = _by_id(read_sources([corpus]))

    assert articles["top.txt"].text == TEXT
    assert articles["world/europe/vienna.md"].text == "# Vienna talks\n\n" + TEXT


def test_ingest_extracts_html_file_text(corpus):
    article = _by_id(read_sources([corpus]))["world/oslo.html"]

    assert PARAGRAPH_1 in article.text and PARAGRAPH_2 in article.text
    assert "<p>" not in article.text
    assert article.title == "Envoys meet in Oslo"


def test_ingest_jsonl_record_gives_id_date_title_url_source(corpus):
    article = _by_id(read_sources([corpus]))["wire-1"]

    assert article.text == RECORD_TEXT["text"]
    assert article.published == DateValue("2004-02-11", "day")
    assert article.published_basis == "supplied"
    assert (article.title, article.url, article.source) == (
        "Presidents talk", "https://example.org/wire-1", "Example Wire")
    assert article.origin == f"{corpus / 'feeds' / 'wire.jsonl'}:1"


def test_ingest_jsonl_record_with_html_is_extracted(corpus):
    article = _by_id(read_sources([corpus]))["wire-2"]

    assert PARAGRAPH_1 in article.text and PARAGRAPH_2 in article.text
    assert "<article>" not in article.text
    assert article.origin.endswith("wire.jsonl:2")


def test_ingest_published_argument_applies_to_plain_files_not_jsonl(corpus):
    articles = _by_id(read_sources([corpus], published=SUPPLIED))

    for doc_id in ("top.txt", "world/europe/vienna.md", "world/oslo.html"):
        assert (articles[doc_id].published, articles[doc_id].published_basis) == (SUPPLIED, "supplied")
    assert articles["wire-1"].published == DateValue("2004-02-11", "day")
    assert (articles["wire-2"].published, articles["wire-2"].published_basis) == (None, None)


def test_ingest_without_published_argument_leaves_plain_files_undated(corpus):
    article = _by_id(read_sources([corpus]))["top.txt"]

    assert (article.published, article.published_basis) == (None, None)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n\n", "empty"),
        ("binary.txt", b"GIF89a\x00\x01\x02\x00\x00text", "binary"),
        ("latin.txt", "café au lait in the embassy garden".encode("latin-1"), "UTF-8"),
        ("report.pdf", b"%PDF-1.4 a report on the border talks", "unsupported file type '.pdf'"),
    ],
)
def test_ingest_rejects_bad_file_and_keeps_good_ones(tmp_path, name, content, reason):
    good = _write(tmp_path / "good.txt", TEXT)
    bad = tmp_path / name
    if content is not None:
        _write(bad, content)

    items = list(read_sources([good, bad]))

    rejects = [item for item in items if isinstance(item, Reject)]
    assert [(r.origin, reason in r.reason) for r in rejects] == [(str(bad), True)]
    assert [item.doc_id for item in items if isinstance(item, Article)] == ["good.txt"]


def test_ingest_rejects_bad_files_in_a_folder_and_keeps_good_ones(tmp_path):
    _write(tmp_path / "a" / "good.md", TEXT)
    _write(tmp_path / "a" / "empty.txt", b"")
    _write(tmp_path / "b" / "latin.txt", b"caf\xe9 au lait")

    items = list(read_sources([tmp_path]))

    assert sorted(r.origin for r in items if isinstance(r, Reject)) == [
        str(tmp_path / "a" / "empty.txt"), str(tmp_path / "b" / "latin.txt")]
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["a/good.md"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "w9", "text": "unterminated', "malformed JSON"),
        ("[1, 2, 3]", "object"),
        ('{"id": "w9", "title": "No body here"}', "'text'"),
        ('{"id": "w9", "text": "   "}', "'text'"),
        ('{"text": "The ministers met again."}', "'id'"),
        ('{"id": "w9", "text": "The ministers met again.", "date": "next spring"}', "not a date"),
    ],
)
def test_ingest_rejects_bad_jsonl_line_and_keeps_good_records(tmp_path, line, reason):
    path = _write(tmp_path / "feed.jsonl", _jsonl(RECORD_TEXT, "", line, {**RECORD_TEXT, "id": "wire-4"}))

    items = list(read_sources([path]))

    rejects = [item for item in items if isinstance(item, Reject)]
    assert [r.origin for r in rejects] == [f"{path}:3"]
    assert reason in rejects[0].reason
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["wire-1", "wire-4"]


def test_ingest_reads_gzipped_files_by_their_inner_suffix(tmp_path):
    import gzip

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(
        b"<html><body><article><p>Russia and Azerbaijan signed a treaty on their border in Baku today, "
        b"ending years of talks between the two neighbours.</p></article></body></html>"))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"Moscow accused Baku of sheltering rebels."))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    items = {getattr(i, "doc_id", None) or i.origin: i for i in read_sources([tmp_path])}
    assert items["page.html.gz"].fmt == "html" and "signed a treaty" in items["page.html.gz"].text
    assert items["note.txt.gz"].text == "Moscow accused Baku of sheltering rebels."
    broken = items[str(tmp_path / "broken.txt.gz")]
    assert isinstance(broken, Reject) and "cannot be read" in broken.reason


def test_ingest_names_broken_links_and_special_files(tmp_path):
    import os

    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    reasons = {Path(r.origin).name: r.reason for r in read_sources([tmp_path]) if isinstance(r, Reject)}
    assert reasons == {"dangling.txt": "broken symbolic link", "pipe.txt": "not a regular file or folder"}


def test_ingest_jsonl_keeps_a_line_separator_inside_a_string(tmp_path):
    record = json.dumps({"id": "x", "text": "Moscow\u2028accused Baku."}, ensure_ascii=False)
    (tmp_path / "feed.jsonl").write_text(record + "\n", encoding="utf-8")
    [article] = read_sources([tmp_path / "feed.jsonl"])
    assert article.doc_id == "x" and "\u2028" in article.text


def test_ingest_jsonl_is_read_a_line_at_a_time_and_a_bad_line_is_rejected_alone(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "a", "text": "Baku and Moscow met."}\n'
                     b'{"id": "b", "text": "caf\xe9"}\n'
                     b'\n'
                     b'{"id": "c", "text": "A line\xe2\x80\xa8separator stays inside the text."}\n')

    found = list(read_sources([feed]))

    assert [a.doc_id for a in found if isinstance(a, Article)] == ["a", "c"]
    assert "\u2028" in next(a.text for a in found if isinstance(a, Article) and a.doc_id == "c")
    [bad] = [r for r in found if isinstance(r, Reject)]
    assert bad.origin.endswith("feed.jsonl:2") and "not UTF-8" in bad.reason


def test_ingest_jsonl_does_not_read_the_whole_file_first(tmp_path, monkeypatch):
    feed = tmp_path / "big.jsonl"
    feed.write_text("".join(f'{{"id": "{n}", "text": "Report {n}."}}\n' for n in range(1000)), encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a JSONL file was read whole"))

    records = read_sources([feed])

    assert next(iter(records)).doc_id == "0"
