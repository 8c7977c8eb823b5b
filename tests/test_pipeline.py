"""The runner: re-coding, rejects that must not stop a run, and collisions of document ids."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.model import DateValue
from dyadwatch.pipeline import run
from dyadwatch.settings import Settings
from dyadwatch.store import Store

pytestmark = pytest.mark.slow
TEXT = "Headline\n\nMoscow accused Baku of lying on Tuesday.\n"


def test_pipeline_new_publication_date_recodes_the_document(coder, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Store(":memory:") as store:
        run([tmp_path], store, coder=coder)
        assert [e.date for e in store.events()] == [None]
        summary = run([tmp_path], store, Settings(published=DateValue("2001-01-16", "day")), coder=coder)
        assert (summary.documents, summary.unchanged) == (1, 0)
        assert [(e.date, e.date_basis) for e in store.events()] == [("2001-01-16", "relative")]  # its own weekday


def test_pipeline_same_id_from_another_source_is_rejected_not_replaced(coder, tmp_path):
    for folder, text in (("one", TEXT), ("two", TEXT.replace("Moscow", "The Kremlin"))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, encoding="utf-8")
    with Store(":memory:") as store:
        run([tmp_path / "one"], store, coder=coder)
        summary = run([tmp_path / "two"], store, coder=coder)
        assert [r.reason.split(";")[0] for r in summary.rejects] == ["document id 'news.txt' is already stored "
                                                                     f"from {tmp_path / 'one' / 'news.txt'}"]
        assert [e.actor[0].text for e in store.events()] == ["Moscow"]


def test_pipeline_a_failing_document_is_rejected_and_the_rest_stored(coder, tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    original = coder.code_parsed

    def fails_on_bad(parsed):
        if parsed.article.doc_id == "bad.txt":
            raise ValueError("boom")
        return original(parsed)

    monkeypatch.setattr(coder, "code_parsed", fails_on_bad)
    with Store(":memory:") as store:
        summary = run([tmp_path], store, coder=coder)
        assert [(r.doc_id, "internal error" in r.reason) for r in summary.rejects] == [("bad.txt", True)]
        assert {e.doc_id for e in store.events()} == {"good.txt"}


def test_pipeline_too_long_and_non_english_texts_are_rejected(coder, tmp_path, monkeypatch):
    monkeypatch.setattr("dyadwatch.nlp.MAX_CHARS", 100)
    (tmp_path / "long.txt").write_text("Moscow accused Baku of sheltering rebels. " * 5, encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Москва обвинила Баку в укрывательстве боевиков.", encoding="utf-8")
    with Store(":memory:") as store:
        reasons = sorted(r.reason.split(" (")[0].split(":")[0] for r in run([tmp_path], store, coder=coder).rejects)
    assert reasons == ["not English", "too long to parse as one article"]


def test_pipeline_user_tables_add_persons_and_change_the_coder_version(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "persons.tsv").write_text(
        "id\tname\tvariants\tcountry\tsector\trole\tstart\tend\n"
        "lala_mirzayeva\tLala Mirzayeva\tLala Mirzayeva|Mirzayeva\tAZE\tGOV\tEnvoy\t2010-01-01\t\n",
        encoding="utf-8")
    coder = Coder(Settings(tables=tables))
    (tmp_path / "a.txt").write_text("Headline\n\nMirzayeva accused Moscow of delays on 3 May 2012.\n",
                                    encoding="utf-8")
    with Store(":memory:") as store:
        run([tmp_path / "a.txt"], store, coder=coder)
        actor = next(store.events()).actor[0]
    assert (actor.entity_id, actor.country) == ("person:lala_mirzayeva", "AZE")
    assert coder.version != Coder().version


def _spin(*_):
    while True:
        pass


def test_pipeline_a_document_whose_coding_does_not_end_is_rejected_and_the_rest_stored(coder, tmp_path,
                                                                                       monkeypatch):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "stuck.txt").write_text(TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    original = coder.code_parsed
    monkeypatch.setattr(coder, "code_parsed", lambda p: _spin() if p.article.doc_id == "stuck.txt" else original(p))
    monkeypatch.setattr(coder, "settings", Settings(time_limit=0.5))
    with Store(":memory:") as store:
        summary = run([tmp_path], store, coder=coder)
        assert [(r.doc_id, r.reason) for r in summary.rejects] == [
            ("stuck.txt", "coding took more than 0.5 s (the limit per document; see --time-limit)")]
        assert {e.doc_id for e in store.events()} == {"good.txt"}


def test_pipeline_a_document_whose_cleaning_does_not_end_is_rejected_and_the_rest_stored(coder, tmp_path,
                                                                                         monkeypatch):
    from dyadwatch import pipeline

    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "stuck.txt").write_text(TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    original = pipeline.clean_article
    monkeypatch.setattr(pipeline, "clean_article", lambda a: _spin() if a.doc_id == "stuck.txt" else original(a))
    with Store(":memory:") as store:
        summary = run([tmp_path], store, Settings(time_limit=0.5), coder=coder)
        assert [(r.doc_id, r.reason.split(" (")[0]) for r in summary.rejects] == [
            ("stuck.txt", "cleaning took more than 0.5 s")]
        assert {e.doc_id for e in store.events()} == {"good.txt"}
