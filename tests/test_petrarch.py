"""PETRARCH actor dictionaries → persons.tsv rows: entries, synonyms, dated codes, comments, errors."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.actors.petrarch import (
    COLUMNS,
    CodeBlock,
    PersonRow,
    PetrarchError,
    parse_actors,
    read_agents,
    read_entries,
    title_case,
    write_persons_tsv,
)
from dyadwatch.lexicon import load_lexicon

# The places and people below are invented for these tests.


def _cells(text: str) -> list[tuple[str, ...]]:
    return [
        (r.id, r.name, r.variants, r.country, r.sector, r.role, r.start, r.end)
        for r in parse_actors(text, "test.actors")
    ]


# --- entries and synonyms -----------------------------------------------------------------------


def test_petrarch_plain_entry_gives_one_country_row():
    assert _cells("ZORVANIA [ZRV]\n") == [("zorvania", "Zorvania", "Zorvania", "ZRV", "", "CAMEO ZRV", "", "")]


def test_petrarch_entry_with_sector_code_and_underscored_name():
    assert _cells("GENERAL_ODA_MIRREN_  [ZRVMIL]") == [
        ("general_oda_mirren", "General Oda Mirren", "General Oda Mirren", "ZRV", "MIL", "CAMEO ZRVMIL", "", "")
    ]


@pytest.mark.parametrize(
    ("line", "name", "ident"),
    [
        ("HIGH COUNCIL OF_KESTRELIA [KSTGOV]", "High Council of Kestrelia", "high_council_of_kestrelia"),
        ("AL-MIRAZ_BRIGADE [MRZREB]", "Al-Miraz Brigade", "al_miraz_brigade"),
        ("J.R._TOLVEN [KSTGOV]", "J.R. Tolven", "j_r_tolven"),
        ("102ND_LANCERS [KSTMIL]", "102nd Lancers", "102nd_lancers"),
        ("CÔTE_BRUMAIRE [CBR]", "Côte Brumaire", "cote_brumaire"),
    ],
)
def test_petrarch_name_is_title_cased_and_id_is_ascii(line, name, ident):
    (row,) = parse_actors(line, "test.actors")

    assert (row.name, row.id) == (name, ident)


def test_petrarch_synonyms_become_variants_in_order_without_repeats():
    text = "KESTRELIA [KST]\n+KESTRELIAN\n+PORT_VALDO_\n  +KESTRELIAN\n+kestrelia\n"

    (row,) = parse_actors(text, "test.actors")

    assert row.variants == "Kestrelia|Kestrelian|Port Valdo"


def test_petrarch_entry_without_code_gives_no_row():
    assert _cells("MISTY_ISLE\n+FOGGY_ISLE\nZORVANIA [ZRV]") == [
        ("zorvania", "Zorvania", "Zorvania", "ZRV", "", "CAMEO ZRV", "", "")
    ]


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("ZRV", "ZRV", ""),
        ("zrvgov", "ZRV", "GOV"),  # lower case is read as upper case
        ("ZRVREBFLC", "ZRV", "REB"),  # the first three letters after the country give the sector
        ("IGOMRK", "MRK", "IGO"),
        ("IGO", "IGO", "IGO"),
    ],
)
def test_petrarch_code_gives_country_and_sector(code, country, sector):
    (row,) = parse_actors(f"SOMEONE [{code}]", "test.actors")

    assert (row.country, row.sector, row.role) == (country, sector, f"CAMEO {code.upper()}")


@pytest.mark.parametrize("code", ["---", "+++", " --- ", "--- <950101"])
def test_petrarch_no_code_markers_give_no_row(code):
    assert parse_actors(f"NOBODY_IN_PARTICULAR [{code}]\n\t[NBP >950101]", "test.actors") == [
        PersonRow("nobody_in_particular", "Nobody in Particular", "Nobody in Particular", "NBP", "", "CAMEO NBP",
                  "1995-01-01", "")
    ]


def test_petrarch_slash_code_gives_one_row_per_code():
    assert [(r.country, r.role) for r in parse_actors("TWIN_TOWNS [ABC/DEFGOV]", "t")] == [
        ("ABC", "CAMEO ABC"),
        ("DEF", "CAMEO DEFGOV"),
    ]


# --- dated code blocks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "start", "end"),
    [
        ("[KSTGOV <950601]", "", "1995-06-01"),
        ("[KSTGOV<950601]", "", "1995-06-01"),
        ("[KSTGOV > 040215]", "2004-02-15", ""),
        ("[KSTGOV >20040215]", "2004-02-15", ""),
        ("[KSTGOV 991231-050101]", "1999-12-31", "2005-01-01"),
        ("[KSTGOV 19991231 - 20050101]", "1999-12-31", "2005-01-01"),
        ("[KSTGOV 991231 -20050101]", "1999-12-31", "2005-01-01"),
        ("[KSTGOV <291231]", "", "2029-12-31"),  # two-digit years 00-29 are 20xx
        ("[KSTGOV <300101]", "", "1930-01-01"),  # and 30-99 are 19xx
        ("[KSTGOV <000229]", "", "2000-02-29"),
    ],
)
def test_petrarch_dated_block_gives_start_and_end(block, start, end):
    (row,) = parse_actors(f"MAYOR_ILSE_VARGO\n\t{block}", "test.actors")

    assert (row.role, row.start, row.end) == ("CAMEO KSTGOV", start, end)


def test_petrarch_person_with_several_dated_roles():
    text = (
        "ILSE_VARGO  [KST]\n"
        "+MAYOR_VARGO\n"
        "\t[KSTCIV <19950601]\n"
        "\t[KSTGOV 950601 - 990815]  [KSTOPP 990816-010101]\n"
        "\t[--- 010102-011231]\n"
        "\t[KSTGOV >020101]\n"
    )

    assert [(r.id, r.variants, r.role, r.start, r.end) for r in parse_actors(text, "t")] == [
        ("ilse_vargo", "Ilse Vargo|Mayor Vargo", "CAMEO KST", "", ""),
        ("ilse_vargo", "Ilse Vargo|Mayor Vargo", "CAMEO KSTCIV", "", "1995-06-01"),
        ("ilse_vargo", "Ilse Vargo|Mayor Vargo", "CAMEO KSTGOV", "1995-06-01", "1999-08-15"),
        ("ilse_vargo", "Ilse Vargo|Mayor Vargo", "CAMEO KSTOPP", "1999-08-16", "2001-01-01"),
        ("ilse_vargo", "Ilse Vargo|Mayor Vargo", "CAMEO KSTGOV", "2002-01-01", ""),
    ]


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_petrarch_eight_digit_dates_read_back_exactly(day):
    (row,) = parse_actors(f"SOMEONE\n [ZRV >{day:%Y%m%d}]", "t")

    assert row.start == day.isoformat()


# --- comments -----------------------------------------------------------------------------------


def test_petrarch_comments_are_ignored():
    text = (
        "<!-- A test dictionary\n"
        "ZORVANIA [ZZZ]   (inside the comment block)\n"
        "# a hash line inside the block -->\n"
        "KESTRELIA [KST] # founded 1901 [XXX]\n"
        "+KESTRELIAN <!-- a short note --> \n"
        "#ZORVANIA [ZRV]\n"
        "  # [KSTMIL <950101]\n"
        "<!-- one more -->\n"
        "\t[KSTGOV >950101]  # from 1995 <!-- not a block opener after #\n"
        "\n"
        "MISTY_ISLE [MST]\n"
    )

    assert [(r.name, r.variants, r.role, r.start) for r in parse_actors(text, "t")] == [
        ("Kestrelia", "Kestrelia|Kestrelian", "CAMEO KST", ""),
        ("Kestrelia", "Kestrelia|Kestrelian", "CAMEO KSTGOV", "1995-01-01"),
        ("Misty Isle", "Misty Isle", "CAMEO MST", ""),
    ]


def test_petrarch_reads_byte_order_mark_and_windows_line_ends():
    assert _cells("\ufeffZORVANIA [ZRV]\r\n+ZORVANIAN\r\n") == [
        ("zorvania", "Zorvania", "Zorvania|Zorvanian", "ZRV", "", "CAMEO ZRV", "", "")
    ]


# --- malformed input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("ZORVANIA [ZRV GOV]", 1, "cannot read code block [ZRV GOV]"),
        ("ZORVANIA [ZR$]", 1, "cannot read code block"),
        ("ZORVANIA []", 1, "cannot read code block"),
        ("ZORVANIA\n\t[ZRV 950601]", 2, "cannot read code block"),  # a date needs <, > or a range
        ("ZORVANIA\n\t[ZRV950601-990815]", 2, "cannot read code block"),
        ("ZORVANIA\n\t[950601-990815]", 2, "cannot read code block"),
        ("ZORVANIA [ZR]", 1, "shorter than three letters"),
        ("ZORVANIA [ZRV] CAPITAL", 1, "cannot read entry"),
        ("ZORVANIA [ZRV\n", 1, "cannot read entry"),
        ("ZORVANIA\n\tCAPITAL_CITY", 2, "expected a code block"),
        ("\t[ZRV]\nZORVANIA [ZRV]", 1, "expected a code block"),
        ("+LONELY_SYNONYM\nZORVANIA [ZRV]", 1, "synonym before any entry"),
        ("<!-- header -->\n# note\n\n+LONELY_SYNONYM", 4, "synonym before any entry"),
        ("ZORVANIA [ZRV]\n+ZORVANIAN [ZRV]", 2, "cannot read synonym"),
        ("ZORVANIA [ZRV]\n+_", 2, "cannot read synonym"),
        ("ZORVANIA\n\t[ZRV <951301]", 2, "'951301' is not a date"),
        ("ZORVANIA\n\t[ZRV >20230230]", 2, "'20230230' is not a date"),
        ("ZORVANIA\n\t[ZRV <9506]", 2, "'9506' is not a date"),
        ("ZORVANIA\n\t[ZRV 950601-0601]", 2, "'0601' is not a date"),
        ("ZORVANIA\n\t[ZRV <1995060]", 2, "is not a date"),
        ("ZORVANIA\n\t[ZRV 990101-950101]", 2, "ends before it starts"),
        ("ΖΟΡΒΑΝΙΑ [ZRV]", 1, "gives an empty id"),
        ("ZORVANIA [ZRV]\n\n<!-- never closed\nKESTRELIA [KST]", 3, "comment block is never closed"),
    ],
)
def test_petrarch_malformed_input_names_file_line_and_problem(text, line, problem):
    with pytest.raises(PetrarchError) as caught:
        parse_actors(text, "fictional.actors")

    assert (caught.value.source, caught.value.line) == ("fictional.actors", line)
    assert problem in caught.value.problem
    assert str(caught.value) == f"fictional.actors: line {line}: {caught.value.problem}"
    assert isinstance(caught.value, ValueError)


# --- writing persons.tsv ------------------------------------------------------------------------


def test_petrarch_write_persons_tsv_writes_header_and_rows():
    rows = parse_actors("ILSE_VARGO [KST]\n+MAYOR_VARGO\n\t[KSTGOV 950601-990815]", "t")
    out = io.StringIO()

    count = write_persons_tsv(rows, out)

    assert count == 2
    assert out.getvalue().splitlines() == [
        "id\tname\tvariants\tcountry\tsector\trole\tstart\tend",
        "ilse_vargo\tIlse Vargo\tIlse Vargo|Mayor Vargo\tKST\t\tCAMEO KST\t\t",
        "ilse_vargo\tIlse Vargo\tIlse Vargo|Mayor Vargo\tKST\tGOV\tCAMEO KSTGOV\t1995-06-01\t1999-08-15",
    ]
    assert tuple(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t").fieldnames or ()) == COLUMNS


def test_petrarch_write_persons_tsv_with_no_rows_writes_only_header():
    out = io.StringIO()

    assert write_persons_tsv([], out) == 0
    assert out.getvalue() == "\t".join(COLUMNS) + "\n"


def test_petrarch_written_table_loads_as_user_persons(tmp_path):
    rows = parse_actors("ILSE_VARGO [KST]\n+VARGO\n\t[KSTGOV 950601-990815]", "t")
    with (tmp_path / "persons.tsv").open("w", encoding="utf-8") as handle:
        write_persons_tsv(rows, handle)

    roles = [r for r in load_lexicon(tmp_path).roles if r.entity_id == "person:ilse_vargo"]

    assert [(r.variants, r.sector, r.start, r.end) for r in roles] == [
        (("Ilse Vargo", "Vargo"), "", None, None),
        (("Ilse Vargo", "Vargo"), "GOV", date(1995, 6, 1), date(1999, 8, 15)),
    ]
    assert roles[1].held_on(date(1997, 1, 1)) and not roles[1].held_on(date(2000, 1, 1))


# --- title case, entries with their notes, agents -----------------------------------------------


@pytest.mark.parametrize(
    ("raw", "options", "titled"),
    [
        ("TALIB_VARDANOV_", {}, "Talib Vardanov"),
        ("RASHID_AL-MIRAZI", {}, "Rashid al-Mirazi"),
        ("AL-MIRAZ_BRIGADE", {}, "Al-Miraz Brigade"),  # a particle opening the name keeps its capital
        ("KARIM_BIN_OMAR_IBN_TALAL", {}, "Karim bin Omar ibn Talal"),
        ("HARAKAT-UL-ANSARI", {}, "Harakat-ul-Ansari"),
        ("LUCIA_DE_VEGA_Y_MORA", {}, "Lucia de Vega y Mora"),
        ("PIETER_VAN_DER_BERGH", {}, "Pieter van der Bergh"),
        ("ANGUS_MCTAVISH", {}, "Angus McTavish"),
        ("SEAMUS_O'DARE", {}, "Seamus O'Dare"),
        ("HENRI_D'ORVALLE", {}, "Henri d'Orvalle"),
        ("GEORGE_B._HALVORSEN", {}, "George B. Halvorsen"),
        ("LEOPOLD_III", {}, "Leopold III"),
        ("XI_MORAN", {}, "Xi Moran"),  # a leading XI is a name, not a numeral
        ("KIM_SOO-HYUN", {"syllables": True}, "Kim Soo-hyun"),
        ("KIM_SOO-HYUN", {}, "Kim Soo-Hyun"),
        ("ZRV_WATER_BOARD", {"acronyms": ["ZRV"]}, "ZRV Water Board"),
    ],
)
def test_petrarch_title_case(raw, options, titled):
    assert title_case(raw, **options) == titled


def test_petrarch_entries_keep_their_comments_as_notes_and_their_line():
    text = "# a header line\nILSE_VARGO_  # CountryInfo.txt\n+MAYOR_VARGO # spelling\n\t[KSTGOV >950601]# list\n"

    (entry,) = read_entries(text, "t")

    assert (entry.name, entry.synonyms, entry.notes, entry.line) == (
        "ILSE VARGO", ("MAYOR VARGO",), ("CountryInfo.txt", "spelling", "list"), 2)
    assert entry.codes == (CodeBlock("KSTGOV", "1995-06-01", ""),)


def test_petrarch_plus_inside_a_synonym_starts_another():
    (entry,) = read_entries("KESTREL_FRONT [KSTREB]\n+RED_KESTRELS+_KESTREL_ARMY_\n", "t")

    assert entry.synonyms == ("RED KESTRELS", "KESTREL ARMY")


def test_petrarch_agents_expand_substitution_sets():
    text = ("!PERSON! = MAN, WOMAN\n!MINIST! = MINISTER, MINISTRY\n\n"
            "HERDS!PERSON! [~AGR]\nWATER_!MINIST! [~GOVENV]\nSMUGGLER {} [~CRM]\n"
            "CHAMBER_OF_TRADE {CHAMBERS_OF_TRADE} [~BUS] # a comment\nOBSERVER [IGO~]\nFARMHAND [~AGR]\n")

    assert [(a.forms, a.plurals, a.code, a.line) for a in read_agents(text, "t")] == [
        (("HERDSMAN", "HERDSWOMAN"), (), "AGR", 4),  # a substitution set gives every form itself
        (("WATER MINISTER", "WATER MINISTRY"), (), "GOVENV", 5),
        (("SMUGGLER",), (), "CRM", 6),
        (("CHAMBER OF TRADE",), ("CHAMBERS OF TRADE",), "BUS", 7),
        (("OBSERVER",), None, "IGO", 8),
        (("FARMHAND",), None, "AGR", 9),  # None: the regular plural
    ]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("FARMHAND [~AGR}", 1, "cannot read agent"),
        ("\n\nFARMHAND", 3, "cannot read agent"),
        ("FARMHAND [~]", 1, "cannot read agent"),
        ("CATTLE!PERSON! [~AGR]", 1, "substitution !PERSON! is not defined"),
    ],
)
def test_petrarch_malformed_agent_names_file_line_and_problem(text, line, problem):
    with pytest.raises(PetrarchError) as caught:
        read_agents(text, "fictional.agents")

    assert (caught.value.source, caught.value.line) == ("fictional.agents", line)
    assert problem in caught.value.problem
