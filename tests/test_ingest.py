"""Ingest v1: folders, files and JSONL records built in tmp_path; bad inputs become Rejects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import front_matter, read_sources
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


# --- YAML front matter (issue 14) -----------------------------------------------------------------

STORY = ("The foreign ministers of Chile and Peru met in Lima today to discuss the maritime border.\n\n"
         "They agreed to meet again in Santiago next month.\n")
FRONT = """---
tags: press-releases
date: '2019-04-02'
modified_time: 2019-04-03 09:00:00-04:00
source_url: https://www.example.gov/briefings/2019/04/02/ministers-meet/
published_time: 2019-04-02 16:05:33-04:00
title: "Readout of the Foreign Minister\\u2019s Meeting with the Foreign Minister\\
  \\ of\\_Peru"
---
"""


def _one(tmp_path: Path, name: str, content: str, published: DateValue | None = None) -> Article:
    items = list(read_sources([_write(tmp_path / name, content)], published))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_ingest_front_matter_becomes_metadata_not_text(tmp_path):
    article = _one(tmp_path, "readout.md", FRONT + STORY)

    assert article.text == STORY
    assert article.title == "Readout of the Foreign Minister\u2019s Meeting with the Foreign Minister of Peru"
    assert (article.published, article.published_basis) == (DateValue("2019-04-02", "day"), "metadata")
    assert article.url == "https://www.example.gov/briefings/2019/04/02/ministers-meet/"


def test_ingest_a_supplied_date_wins_over_the_front_matter(tmp_path):
    article = _one(tmp_path, "readout.txt", FRONT + STORY, published=SUPPLIED)

    assert (article.published, article.published_basis) == (SUPPLIED, "supplied")
    assert article.text == STORY


@pytest.mark.parametrize(
    ("lines", "field", "expected"),
    [
        (["published: 2019-04-02T16:05:33Z"], "published", DateValue("2019-04-02", "day")),
        (["published_time: April 2, 2019"], "published", DateValue("2019-04-02", "day")),
        (["date: not a date at all"], "published", None),
        (["url: https://example.org/a", "link: https://example.org/b"], "url", "https://example.org/a"),
        (["link: https://example.org/b"], "url", "https://example.org/b"),
        (["canonical_url: 'https://example.org/c'"], "url", "https://example.org/c"),
        (["site_name: Example Ministry"], "source", "Example Ministry"),
        (["publisher: \"Example Agency\"  # the wire"], "source", "Example Agency"),
        (["source: example.gov", "site: Example Site"], "source", "example.gov"),
        (["author: Jane Roe # staff"], "author", "Jane Roe"),
        (["author:", "  - Jane Roe", "  - John Doe"], "author", "Jane Roe, John Doe"),
        (["title: 'The minister''s visit'"], "title", "The minister's visit"),
        (["title: The minister's", "  long visit to Lima"], "title", "The minister's long visit to Lima"),
        (["title: >-", "  Ministers meet", "  in Lima"], "title", "Ministers meet in Lima"),
        (["title: \"A \\\"quoted\\\" visit\\x21\""], "title", "A \"quoted\" visit!"),
        (["title: \"Lima \\ud800 talks\""], "title", "Lima \ufffd talks"),  # a lone surrogate is not text
        (["Title: Ministers meet", "author: ~"], "author", None),
        (["author:", "  name: Jane Roe", "  email: jane@example.org"], "author", None),
    ],
)
def test_ingest_front_matter_fields(tmp_path, lines, field, expected):
    article = _one(tmp_path, "a.md", "---\n" + "\n".join(lines) + "\n---\n" + STORY)

    assert getattr(article, field) == expected
    assert article.text == STORY


@pytest.mark.parametrize(
    "content",
    [
        "---\ntitle: Ministers meet\n" + "note: more\n" * 61 + "---\n" + STORY,  # closes too late
        "---\ntitle: Ministers meet\n" + STORY,  # never closes
        "---\nThe ministers met in Lima today.\n---\n" + STORY,  # a rule around text, not YAML
        "---\ntitle: \"Ministers meet\n---\n" + STORY,  # a quote that never closes
    ],
)
def test_ingest_a_malformed_front_matter_is_read_as_text(tmp_path, content):
    assert _one(tmp_path, "a.md", content).text == content


def test_ingest_front_matter_with_windows_line_ends_and_no_story(tmp_path):
    article = _one(tmp_path, "a.txt", "---\r\ntitle: Ministers meet\r\n---\r\n")

    assert (article.title, article.text) == ("Ministers meet", "")


def test_ingest_front_matter_only_at_the_very_top(tmp_path):
    content = STORY + "\n---\ntitle: Ministers meet\n---\n"

    assert _one(tmp_path, "a.md", content).text == content


def test_ingest_html_site_name_is_the_source_unless_the_record_gives_one(tmp_path):
    page = HTML.replace("<title>", '<meta property="og:site_name" content="Example Ministry"><title>')
    _write(tmp_path / "page.html", page)
    _write(tmp_path / "feed.jsonl", _jsonl({"id": "a", "html": page}, {"id": "b", "html": page, "source": "Wire"}))

    articles = _by_id(read_sources([tmp_path]))

    assert articles["page.html"].source == "Example Ministry"
    assert (articles["a"].source, articles["b"].source) == ("Example Ministry", "Wire")


_FRONT_PIECES = st.sampled_from(["---", "\n", "title: ", "date: ", "'", "''", '"', "\\", "\\u00e9", "\\ud800", "\\x",
                                 "  ", "- ", "#", ">", "|", ":", "Lima", "2019-04-02", "\r\n", "..."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRONT_PIECES, max_size=30).map("".join))
def test_ingest_front_matter_never_fails_and_keeps_the_end_of_the_text(text):
    found = front_matter("---\n" + text)

    if found is not None:
        fields, story = found
        assert ("---\n" + text).endswith(story)
        assert all(isinstance(v, str) and "\n" not in v for v in fields.values())
        for value in fields.values():
            value.encode("utf-8")  # no lone surrogate left: storing the value must not fail


# --- hardening, second round (issue 15) ----------------------------------------------------------

def test_ingest_a_link_out_of_the_folder_is_a_named_reject_unless_links_are_followed(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "given"
    (outside / "sub").mkdir(parents=True)
    folder.mkdir()
    _write(outside / "secret.txt", TEXT)
    _write(outside / "sub" / "more.txt", TEXT)
    _write(folder / "own.txt", TEXT)
    (folder / "to-file.txt").symlink_to(outside / "secret.txt")
    (folder / "to-folder").symlink_to(outside / "sub")
    (folder / "inside.txt").symlink_to(folder / "own.txt")  # a link that stays inside is read

    kept = list(read_sources([folder]))
    assert sorted(a.doc_id for a in kept if isinstance(a, Article)) == ["inside.txt", "own.txt"]
    rejects = {Path(r.origin).name: r.reason for r in kept if isinstance(r, Reject)}
    assert set(rejects) == {"to-file.txt", "to-folder"}
    assert all("outside the folder given" in r and "--follow-links" in r for r in rejects.values())

    followed = list(read_sources([folder], follow_links=True))
    assert sorted(a.doc_id for a in followed if isinstance(a, Article)) == [
        "inside.txt", "own.txt", "to-file.txt", "to-folder/more.txt"]


def test_ingest_a_followed_link_loop_is_read_once(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "given"
    outside.mkdir()
    folder.mkdir()
    _write(outside / "a.txt", TEXT)
    (outside / "back").symlink_to(outside)  # the outside folder holds a link to itself
    (folder / "out").symlink_to(outside)
    read = [a.doc_id for a in read_sources([folder], follow_links=True) if isinstance(a, Article)]
    assert read == ["out/a.txt"]


STORY = ("Russia and Azerbaijan signed an agreement on energy cooperation in Baku on Monday, officials said. "
         "The deal covers gas supplies for ten years and was welcomed by both governments.")


@pytest.mark.parametrize("divs", [253, 254, 2_000])
def test_ingest_a_story_nested_deeper_than_the_parser_goes_is_still_read(tmp_path, divs):
    page = _write(tmp_path / "deep.html", "<html><body>" + "<div>" * divs + f"<p>{STORY}</p>" + "</div>" * divs
                  + "</body></html>")
    [article] = read_sources([page])
    assert isinstance(article, Article) and "energy cooperation" in article.text


def test_ingest_html_too_deep_to_flatten_says_how_deep(tmp_path):
    page = _write(tmp_path / "deep.html", "<html><body>" + "<b>" * 400 + f"<p>{STORY}</p>" + "</b>" * 400
                  + "</body></html>")
    [reject] = read_sources([page])
    assert isinstance(reject, Reject) and "nested too deep to parse (403 levels" in reject.reason


def test_ingest_a_text_not_in_utf8_is_told_the_encoding_that_reads_it(tmp_path):
    russian = ("Президент России Владимир Путин встретился в Баку с президентом Азербайджана Ильхамом "
               "Алиевым. Стороны обсудили сотрудничество в энергетике и транспорте.")
    [reject] = read_sources([_write(tmp_path / "ru.txt", russian.encode("cp1251"))])
    assert "iconv -f CP1251 -t UTF-8" in reject.reason and "latin1" not in reject.reason


@pytest.mark.parametrize("value", [1.5, 2.0, [1], None])
def test_ingest_a_jsonl_id_that_is_no_string_or_whole_number_is_refused_as_such(tmp_path, value):
    feed = _write(tmp_path / "feed.jsonl", json.dumps({"id": value, "text": TEXT}) + "\n")
    [reject] = read_sources([feed])
    assert "a non-empty string or a whole number" in reject.reason
