"""Export (JSONL/CSV contract, dyads) and analyse (dyad series)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.analyse import dyad_series
from dyadwatch.link import link_events
from dyadwatch.model import Article, DateValue, DocumentResult, Dyad, DyadError, PeriodRow
from dyadwatch.store import Store
from dyadwatch.views.export import CSV_FIELDS, ExportError, write

CONTRACT_FIELDS = ("id", "doc_id", "event_type", "mode", "context", "quad_code", "intensity", "actor",
                   "recipient", "date", "date_precision", "date_basis", "date_evidence", "modality", "sentence",
                   "span", "location", "quote", "confidence", "link", "sources", "coder")
ACTOR_FIELDS = ("text", "name", "country", "sector", "entity_id")
_ARTICLE = Article("a.txt", "The two foreign ministers met in Vienna on Wednesday.", "corpus/a.txt", "txt",
                   published=DateValue("2004-02-11", "day"), published_basis="supplied")


def _jsonl(events) -> tuple[int, list[dict]]:
    out = io.StringIO()
    count = write(events, out, "jsonl")
    lines = out.getvalue().split("\n")  # not splitlines(): text may hold U+2028 or \x1c, which JSON leaves raw
    return count, [json.loads(line) for line in lines if line]


def _csv(events) -> tuple[int, list[str], list[dict]]:
    out = io.StringIO()
    count = write(events, out, "csv")
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    return count, list(reader.fieldnames or []), rows


# --- JSONL and CSV ------------------------------------------------------------------------------


def test_export_jsonl_writes_one_object_per_line_with_every_contract_field(make_event, make_actor):
    events = [
        make_event("e1", quote="We will talk again.", sources=("a.txt", "b.txt"), link="L1"),
        make_event("e2", actor=(make_actor("Baku", "AZE", entity_id="Q9248"),), recipient="RUS",
                   date=None, date_precision=None, date_basis="unknown", location=None),
    ]

    count, records = _jsonl(events)

    assert count == 2 and len(records) == 2
    for record in records:
        assert set(CONTRACT_FIELDS) <= set(record)
        for actor in record["actor"] + record["recipient"]:
            assert set(ACTOR_FIELDS) <= set(actor)
    assert [r["id"] for r in records] == ["e1", "e2"]


def test_export_jsonl_values_follow_the_event(make_event, make_actor):
    event = make_event("e1", actor=(make_actor("Baku", "AZE", entity_id="Q9248"),), recipient="RUS",
                       sources=("a.txt", "b.txt"), link="L1", context=("energy",), span=(3, 40))

    _, [record] = _jsonl([event])

    assert {key: record["actor"][0][key] for key in ACTOR_FIELDS} == {
        "text": "Baku", "name": "Baku", "country": "AZE", "sector": "GOV", "entity_id": "Q9248"}
    assert record["recipient"][0]["country"] == "RUS"
    assert (record["date"], record["date_precision"], record["date_basis"]) == ("2004-02-11", "day", "stated")
    assert record["span"] == [3, 40]
    assert record["context"] == ["energy"]
    assert record["location"] == {"name": "Vienna", "country": "AUT", "lat": 48.2, "lon": 16.37, "geonameid": 2761369,
                                  "feature": "city", "precision": 1, "basis": "sentence", "alternatives": []}
    assert (record["link"], record["sources"]) == ("L1", ["a.txt", "b.txt"])
    assert record["quote"] is None
    assert record["coder"] == "test-coder"


def test_export_jsonl_and_csv_carry_a_week_and_the_evidence_of_a_document_date(make_event):
    evidence = 'dated by sentence 1: "last week" (talks)'
    event = make_event("e1", date="2004-W06", date_precision="week", date_basis="document", date_evidence=evidence)

    _, [record] = _jsonl([event])
    _, header, [row] = _csv([event])

    assert (record["date"], record["date_precision"], record["date_basis"]) == ("2004-W06", "week", "document")
    assert record["date_evidence"] == evidence
    assert header.index("date_evidence") == header.index("date_basis") + 1
    assert (row["date"], row["date_precision"], row["date_evidence"]) == ("2004-W06", "week", evidence)
    assert _csv([make_event("e2")])[2][0]["date_evidence"] == ""  # none: an empty cell
    assert _jsonl([make_event("e2")])[1][0]["date_evidence"] is None


def test_export_jsonl_writes_nothing_without_events():
    assert _jsonl([]) == (0, [])


def test_export_jsonl_keeps_non_ascii_text(make_event):
    out = io.StringIO()
    write([make_event(sentence="Bakı və Moskva danışıqlara başladı.")], out, "jsonl")

    assert "Bakı və Moskva" in out.getvalue()


def test_export_csv_header_has_contract_fields_without_events():
    count, header, rows = _csv([])

    assert count == 0 and rows == []
    assert set(CONTRACT_FIELDS) <= set(header)
    assert {"actor_countries", "recipient_countries"} <= set(header)


def test_export_csv_row_has_json_cells_and_flat_countries(make_event):
    event = make_event("e1", actor=("RUS", "USA"), recipient="AZE", sentence='He said "no", twice.')

    count, _, [row] = _csv([event])

    assert count == 1
    assert [a["country"] for a in json.loads(row["actor"])] == ["RUS", "USA"]
    assert json.loads(row["span"]) == [0, len(event.sentence)]
    assert row["sentence"] == 'He said "no", twice.'
    assert (row["actor_countries"], row["recipient_countries"]) == ("RUS;USA", "AZE")
    assert row["quote"] == ""


def test_export_csv_has_flat_coordinates_of_the_location_and_empty_cells_without_one(make_event):
    """Issue 17: a spreadsheet or GIS reads lat/lon columns; the location object stays as JSON."""
    _, header, [located, nowhere] = _csv([make_event("e1"), make_event("e2", location=None)])

    assert {"lat", "lon"} <= set(header)
    assert (float(located["lat"]), float(located["lon"])) == (48.2, 16.37)
    assert json.loads(located["location"])["geonameid"] == 2761369
    assert (nowhere["lat"], nowhere["lon"], nowhere["location"]) == ("", "", "")


# --- CSV: cells a spreadsheet would run as formulas ------------------------------------------------

# A spreadsheet runs a cell that starts with one of these; the CSV must show such text with a ' in front.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "- Russia said it would respond.",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\tRussia said it would respond.", "\rRussia said it would respond."]
NUMBER_COLUMNS = ("quad_code", "intensity", "confidence")  # numbers the exporter writes itself


@pytest.mark.parametrize("sentence", FORMULAS)
def test_export_csv_puts_a_quote_before_a_sentence_that_starts_like_a_formula(make_event, sentence):
    count, _, rows = _csv([make_event(sentence=sentence)])

    assert count == 1 and len(rows) == 1
    assert rows[0]["sentence"] == "'" + sentence


@pytest.mark.parametrize("sentence", FORMULAS)
def test_export_jsonl_keeps_a_sentence_that_starts_like_a_formula_exactly(make_event, sentence):
    out = io.StringIO()
    write([make_event(sentence=sentence)], out, "jsonl")

    assert json.loads(out.getvalue())["sentence"] == sentence
    assert json.dumps(sentence) in out.getvalue()  # no quote added to the JSON text either


@pytest.mark.parametrize("field", ["id", "doc_id", "event_type", "mode", "date_evidence", "modality", "quote",
                                   "link", "coder", "trigger", "cameo"])
def test_export_csv_puts_a_quote_before_any_text_column_that_starts_like_a_formula(make_event, field):
    _, _, [row] = _csv([make_event(**{field: "=1+1"})])

    assert row[field] == "'=1+1"


def test_export_csv_keeps_actor_text_exact_inside_its_json_cell_and_marks_flat_countries(make_event, make_actor):
    actor = make_actor('=HYPERLINK("http://x","click")', "-RU", evidence="@title (sentence 1)")

    _, _, [row] = _csv([make_event(actor=(actor,), recipient=(make_actor("+Baku", "+AZ"),))])

    assert row["actor"].startswith("[")  # a JSON list: a spreadsheet shows it as text
    [got] = json.loads(row["actor"])
    assert (got["text"], got["country"], got["evidence"]) == (actor.text, "-RU", "@title (sentence 1)")
    assert (row["actor_countries"], row["recipient_countries"]) == ("'-RU", "'+AZ")


@pytest.mark.parametrize("sentence", ["- Russia said it would respond.", "Moscow said\rBaku replied."])
def test_export_csv_writes_a_negative_intensity_as_a_number_without_a_quote(make_event, sentence):
    event = make_event(intensity=-9.0, quad_code=4, confidence=0.75, sentence=sentence)
    out = io.StringIO()

    write([event], out, "csv")
    [row] = csv.DictReader(io.StringIO(out.getvalue()))

    assert (row["intensity"], row["quad_code"], row["confidence"]) == ("-9.0", "4", "0.75")
    assert ",4,-9.0," in out.getvalue()  # unquoted in the file: a spreadsheet reads a number


@pytest.mark.parametrize("sentence", ["The two foreign ministers met in Vienna on Wednesday.",
                                      "'Enough,' said Lavrov.", "Russia's rating fell to -9 = its lowest.",
                                      " =1+1 starts with a space.", "Moscow said\rBaku replied: =1+1",
                                      "Moscow said\r\nBaku replied."])
def test_export_csv_leaves_a_sentence_that_does_not_start_like_a_formula_alone(make_event, sentence):
    count, _, rows = _csv([make_event(sentence=sentence), make_event("e2")])

    assert count == 2 and len(rows) == 2  # a carriage return inside a cell does not split the row
    assert rows[0]["sentence"] == sentence


_MAYBE_FORMULA = st.tuples(st.sampled_from(("",) + FORMULA_STARTS), st.text(max_size=40)).map("".join)


# make_event/make_actor return plain functions, so sharing them between examples is safe
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=_MAYBE_FORMULA.filter(bool), quote=st.one_of(st.none(), _MAYBE_FORMULA), trigger=_MAYBE_FORMULA,
       doc_id=_MAYBE_FORMULA, name=_MAYBE_FORMULA, country=st.one_of(st.none(), _MAYBE_FORMULA),
       intensity=st.floats(-10, 10, allow_nan=False))
def test_export_csv_no_text_cell_starts_like_a_formula(make_event, make_actor, sentence, quote, trigger, doc_id,
                                                       name, country, intensity):
    event = make_event("e1", doc_id, actor=(make_actor(name, country),), sentence=sentence, quote=quote,
                       trigger=trigger, intensity=intensity)

    _, header, [row] = _csv([event])
    _, [record] = _jsonl([event])

    for column in header:
        if column not in NUMBER_COLUMNS:
            assert not row[column].startswith(FORMULA_STARTS), column
    assert row["sentence"] == ("'" + sentence if sentence.startswith(FORMULA_STARTS) else sentence)
    assert float(row["intensity"]) == intensity and not row["intensity"].startswith("'")
    assert json.loads(row["actor"])[0]["text"] == name
    assert (record["sentence"], record["quote"], record["trigger"], record["doc_id"]) == (
        sentence, quote, trigger, doc_id)
    assert record["intensity"] == intensity


def test_export_csv_fields_are_the_header(make_event):
    assert tuple(_csv([make_event()])[1]) == CSV_FIELDS


def test_export_unknown_format_raises_export_error(make_event):
    with pytest.raises(ExportError, match="xml"):
        write([make_event()], io.StringIO(), "xml")


def test_export_jsonl_from_store_has_link_and_sources(make_event):
    with Store(":memory:") as store:
        for doc_id in ("a.txt", "b.txt"):
            article = replace(_ARTICLE, doc_id=doc_id, origin=f"corpus/{doc_id}")
            store.save_documents([DocumentResult(article, 1, (make_event(f"{doc_id}:e", doc_id),))], "test-coder")
        store.set_links(link_events(store.link_rows()))

        _, records = _jsonl(store.events())

    assert len({r["link"] for r in records}) == 1
    assert [r["sources"] for r in records] == [["a.txt", "b.txt"], ["a.txt", "b.txt"]]


# --- dyads ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "dyad"), [("rus-aze", ("RUS", "AZE")), ("RUS-AZE", ("RUS", "AZE")),
                                            ("Aze-Rus", ("AZE", "RUS")), (" rus - aze ", ("RUS", "AZE"))])
def test_dyad_parse(text, dyad):
    assert Dyad.parse(text).codes == dyad


@pytest.mark.parametrize("text", ["rus", "rus-", "-aze", "rus-aze-geo", "", "rus_aze", "-", "RUS-\u017f\u017f"])
def test_dyad_parse_rejects_malformed(text):
    with pytest.raises(DyadError, match="RUS-AZE"):
        Dyad.parse(text)


def test_dyad_known_in_names_the_unknown_codes():
    assert Dyad.parse("rus-aze").known_in({"RUS", "AZE"}) == Dyad("RUS", "AZE")
    with pytest.raises(DyadError, match="dyad RUS-XYZ: XYZ is not a code"):
        Dyad.parse("RUS-XYZ").known_in({"RUS", "AZE"})
    with pytest.raises(DyadError, match="QQQ and XYZ are not codes"):
        Dyad.parse("qqq-xyz").known_in({"RUS"})


def test_dyad_known_in_asks_for_more_codes_only_when_one_is_missing():
    asked = []

    def stored():
        asked.append(1)
        return {"XYZ"}

    assert Dyad("RUS", "AZE").known_in({"RUS", "AZE"}, stored) == Dyad("RUS", "AZE") and not asked
    assert Dyad("RUS", "XYZ").known_in({"RUS", "AZE"}, stored) == Dyad("RUS", "XYZ") and asked == [1]
    with pytest.raises(DyadError, match="QQQ is not a code"):
        Dyad("RUS", "QQQ").known_in({"RUS"}, stored)


def test_dyad_involves_either_way_round(make_event):
    dyad = Dyad("RUS", "AZE")
    assert dyad.involves(make_event(actor="RUS", recipient="AZE"))
    assert dyad.involves(make_event(actor=("AZE", "GEO"), recipient="RUS"))
    assert not dyad.involves(make_event(actor=("RUS", "AZE"), recipient="GEO"))


# --- analyse --------------------------------------------------------------------------------------


def test_analyse_dyad_series_counts_only_dated_events_that_happened(make_event):
    base = make_event(date="2004-02-11")
    events = [
        replace(base, id="ok", intensity=2.0),
        replace(base, id="old", modality="historical", intensity=4.0),
        replace(base, id="neg", modality="negated", intensity=-9.0),
        replace(base, id="hyp", modality="hypothetical", intensity=-9.0),
        replace(base, id="fut", modality="future", intensity=-9.0),
        replace(base, id="undated", date=None, date_precision=None, intensity=-9.0),
    ]

    assert dyad_series(events) == [PeriodRow(period="2004", index=3.0, clusters=2, verbal_cooperation=2,
                                             material_cooperation=0, verbal_conflict=0, material_conflict=0,
                                             cooperation=2, conflict=0)]


def test_analyse_dyad_series_counts_events_sharing_a_link_once(make_event):
    base = make_event(date="2004-02-11", intensity=-6.0, quad_code=4)
    events = [
        replace(base, id="a", doc_id="a.txt", link="L1"),
        replace(base, id="b", doc_id="b.txt", link="L1"),
        replace(base, id="c", doc_id="c.txt", link="L1"),
        replace(base, id="d", doc_id="d.txt", link="L2", intensity=2.0, quad_code=1),
    ]

    assert dyad_series(events) == [PeriodRow(period="2004", index=-2.0, clusters=2, verbal_cooperation=1,
                                             material_cooperation=0, verbal_conflict=0, material_conflict=1,
                                             cooperation=1, conflict=1)]


def test_analyse_dyad_series_index_is_mean_intensity_per_period(make_event):
    base = make_event()
    events = [
        replace(base, id="1", date="2003-05-01", intensity=3.0, quad_code=2),
        replace(base, id="2", date="2003-11-20", intensity=-1.0, quad_code=3),
        replace(base, id="3", date="2003-11-21", intensity=-1.5, quad_code=3),
        replace(base, id="4", date="2005-01-02", intensity=-10.0, quad_code=4),
    ]

    rows = dyad_series(events, by="year")

    assert [(r.period, r.clusters, r.index) for r in rows] == [("2003", 3, 0.17), ("2005", 1, -10.0)]
    assert (rows[0].cooperation, rows[0].conflict) == (1, 2)


@pytest.mark.parametrize(
    ("by", "periods"),
    [("year", ["2003", "2004"]), ("quarter", ["2003-Q2", "2004-Q4"]), ("month", ["2003-05", "2004-11"])],
)
def test_analyse_dyad_series_periods_skip_dates_less_precise_than_the_period(make_event, by, periods):
    base = make_event()
    events = [
        replace(base, id="1", date="2003-05-01"),
        replace(base, id="2", date="2004-11", date_precision="month"),
        replace(base, id="3", date="2004", date_precision="year"),
    ]

    assert [row.period for row in dyad_series(events, by=by)] == periods


@pytest.mark.parametrize(
    ("by", "periods"),
    [("year", [("2004", 2)]), ("quarter", [("2004-Q1", 1), ("2004-Q3", 1)]),
     ("month", [("2004-01", 1), ("2004-07", 1)])],
)
def test_analyse_dyad_series_counts_a_week_in_the_periods_of_its_thursday(make_event, by, periods):
    base = make_event(date_precision="week")
    events = [replace(base, id="w01", date="2004-W01"),  # Monday 29 December 2003, Thursday 1 January 2004
              replace(base, id="w27", date="2004-W27")]  # Monday 28 June, Thursday 1 July

    assert [(row.period, row.clusters) for row in dyad_series(events, by=by)] == periods


def test_analyse_dyad_series_is_empty_without_counted_events(make_event):
    assert dyad_series([make_event(modality="negated")]) == []
