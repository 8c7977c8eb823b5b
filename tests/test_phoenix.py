"""scripts/phoenix_tables.py: Phoenix dictionaries → the packaged tables in data/phoenix/.

The script runs on tests/golden/phoenix/, four small dictionaries in the Phoenix format whose
persons and bodies are invented; the packaged tables are checked as load_lexicon reads them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.actors.persons import skeleton
from dyadwatch.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "phoenix_tables.py"
FIXTURE = Path(__file__).parent / "golden" / "phoenix"
DATA = resources.files("dyadwatch") / "data"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def _rows(path: Path) -> list[tuple[str, ...]]:
    return [tuple(line.split("\t")) for line in path.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("phoenix")
    result = _run("--phoenix", FIXTURE, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def _person(made: Path, ident: str) -> list[tuple[str, ...]]:
    return [row for row in _rows(made / "persons.tsv") if row[0] == ident]


# --- persons ------------------------------------------------------------------------------------


def test_phoenix_person_rows_dated_first_with_full_name_variants(made):
    assert _person(made, "talib_vardanov") == [
        ("talib_vardanov", "Talib Vardanov", "Talib Vardanov|T. Vardanov", "AZE", "GOV", "CAMEO AZEGOV",
         "1993-06-24", "2003-10-31"),
        ("talib_vardanov", "Talib Vardanov", "Talib Vardanov|T. Vardanov", "AZE", "GOV", "CAMEO AZEGOVMIL",
         "2004-01-01", ""),
        ("talib_vardanov", "Talib Vardanov", "Talib Vardanov|T. Vardanov", "AZE", "ELI", "CAMEO AZEELI", "", ""),
    ]


@pytest.mark.parametrize(
    ("ident", "name", "variants"),
    [
        ("kim_soo_hyun", "Kim Soo-hyun", "Kim Soo-hyun"),
        ("rosalind_mctavish_o_dare", "Rosalind McTavish O'Dare", "Rosalind McTavish O'Dare|Ros McTavish O'Dare"),
        ("george_b_halvorsen", "George B. Halvorsen", "George B. Halvorsen"),
        ("maria_da_silva_lobato", "Maria da Silva Lobato", "Maria da Silva Lobato"),
        ("margit_ellesson", "Margit Ellesson", "Margit Ellesson"),  # no "Secretary-General …", no "NATO chief"
    ],
)
def test_phoenix_person_names_in_title_case_without_titles(made, ident, name, variants):
    assert {(row[1], row[2]) for row in _person(made, ident)} == {(name, variants)}


@pytest.mark.parametrize(
    ("ident", "cells"),
    [
        ("driton_kastrati", [("XKX", "GOV", "CAMEO KSVGOV"), ("XKX", "OPP", "CAMEO KSVOPP")]),  # KSV is XKX
        ("maria_da_silva_lobato", [("TLS", "GOV", "CAMEO TMPGOV")]),  # TMP is TLS
        ("margit_ellesson", [("SWE", "GOV", "CAMEO SWEGOV"), ("NATO", "IGO", "CAMEO IGOWSTNAT")]),
        ("pella_ortiz", [("CHL", "GOV", "CAMEO CHLGOV")]),  # IGOSCN: igos.tsv has no row for it
        ("george_b_halvorsen", [("USA", "GOV", "CAMEO USAGOV")]),
    ],
)
def test_phoenix_cameo_codes_become_our_countries_and_sectors(made, ident, cells):
    assert [(row[3], row[4], row[5]) for row in _person(made, ident)] == cells


@pytest.mark.parametrize(
    "ident",
    [
        "ilham_aliev",  # a hand-kept person has the same full name (by skeleton): hand-kept wins
        "odo_krantz",  # only an IGO code igos.tsv has no row for
        "oskar_brandt",  # only DDR, which maps to no country
        "vardanov",  # a one-word name
        "zorvania",  # a country-level name
        "the_azerbaijani_prime_minister",  # a title without its holder
        "zorvanian_ministry_of_water",  # a body
    ],
)
def test_phoenix_entries_left_out_of_persons(made, ident):
    assert not [row for row in _rows(made / "persons.tsv") if row[0].startswith(ident)]


# --- organisations and agents -------------------------------------------------------------------


def test_phoenix_organisations_have_a_home_state_and_unique_codes(made):
    assert _rows(made / "organisations.tsv") == [
        ("BLUEHARBOURSHIPPINGINC", "Blue Harbour Shipping Inc", "Blue Harbour Shipping", "NOR", "BUS"),
        ("MWB", "Mountain Wolves Brigade", "MWB|Wolves of the Mountain", "ARM", "REB"),
        ("RIVERLIGHTTRUST", "Riverlight Trust", "", "USA", "NGO"),
        ("ZANTOR", "ZANTOR", "Zantor|ZNT", "TUR", "REB"),  # one word: upper case, and title case as it reads
        ("ZORVANIANMINISTRYOFWATER", "Zorvanian Ministry of Water", "Ministry of Water of Zorvania", "AZE", "GOV"),
    ]  # left out: an NGO and a group with no home state, and SOCAR, which organisations.tsv has


def test_phoenix_agents_expand_substitutions_and_plurals(made):
    assert _rows(made / "agents.tsv") == [
        ("head of mission", "GOV"), ("heads of mission", "GOV"),
        ("herdsman", "CVL"), ("herdsmen", "CVL"), ("herdswoman", "CVL"), ("herdswomen", "CVL"),
        ("lighthouse keeper", "CVL"), ("lighthouse keepers", "CVL"),
        ("mountain mystic", "REL"), ("mountain mystics", "REL"),  # a religion code alone is REL
        ("pilot officer", "MIL"), ("pilot officers", "MIL"),  # MILGOV takes its first sector
        ("smuggler", "CRM"),  # {}: no plural
    ]  # left out: "troops" (sectors.tsv has it) and EXTREMIST [~RAD] (no sector)


def test_phoenix_report_counts_what_is_left_out(tmp_path):
    result = _run("--phoenix", FIXTURE, "--out", tmp_path)

    assert "persons left out: a hand-kept person has the same full name: 1" in result.stdout.splitlines()
    assert "codes not mapped (blocks): IGOSCN 2, DDR 1" in result.stdout.splitlines()


# --- determinism, --check and bad input ---------------------------------------------------------


def test_phoenix_same_bytes_on_every_run(made, tmp_path):
    assert _run("--phoenix", FIXTURE, "--out", tmp_path).returncode == 0

    for name in ("persons.tsv", "organisations.tsv", "agents.tsv"):
        assert (tmp_path / name).read_bytes() == (made / name).read_bytes()


def test_phoenix_check_passes_on_same_tables_and_fails_on_a_changed_one(made, tmp_path):
    for name in ("persons.tsv", "organisations.tsv", "agents.tsv"):
        shutil.copy(made / name, tmp_path / name)
    assert _run("--phoenix", FIXTURE, "--out", tmp_path, "--check").returncode == 0

    with (tmp_path / "agents.tsv").open("a", encoding="utf-8") as handle:
        handle.write("stowaway\tCVL\n")
    result = _run("--phoenix", FIXTURE, "--out", tmp_path, "--check")

    assert result.returncode == 1
    assert f"{tmp_path / 'agents.tsv'}: differs (0 lines to add, 1 to remove)" in result.stdout


def test_phoenix_malformed_line_names_file_and_line(tmp_path):
    source = tmp_path / "phoenix"
    shutil.copytree(FIXTURE, source)
    path = source / "Phoenix.MilNonState.actors.txt"
    path.write_text(path.read_text(encoding="utf-8") + "GREY_FOXES_ [TURREB 990101]\n", encoding="utf-8")

    result = _run("--phoenix", source, "--out", tmp_path / "out")

    assert result.returncode == 2
    assert result.stderr == f"phoenix_tables: {path}: line 10: cannot read code block [TURREB 990101]\n"
    assert not (tmp_path / "out").exists()


def test_phoenix_missing_dictionary_is_named(tmp_path):
    result = _run("--phoenix", tmp_path, "--out", tmp_path / "out")

    assert result.returncode == 2
    assert f"{tmp_path / 'Phoenix.MilNonState.actors.txt'}: no such file" in result.stderr


# --- the packaged tables ------------------------------------------------------------------------


def _packaged(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [dict(zip(lines[0].split("\t"), line.split("\t"), strict=True)) for line in lines[1:]]


def test_phoenix_packaged_tables_load_with_ten_times_the_persons():
    lexicon = load_lexicon()

    assert len(lexicon.roles) >= 10_820
    assert len(_packaged("phoenix/persons.tsv")) + len(_packaged("persons.tsv")) == len(lexicon.roles)


def test_phoenix_no_packaged_person_shares_a_full_name_with_a_hand_kept_one():
    def keys(rows: list[dict[str, str]]) -> set[str]:
        return {skeleton(v) for row in rows for v in row["variants"].split("|") if " " in v}

    assert not keys(_packaged("persons.tsv")) & keys(_packaged("phoenix/persons.tsv"))


def test_phoenix_packaged_organisation_codes_are_new_and_unique():
    codes = [row["code"] for row in _packaged("phoenix/organisations.tsv")]
    hand_kept = {row["code"] for name in ("countries.tsv", "igos.tsv", "places.tsv", "organisations.tsv")
                 for row in _packaged(name)}

    assert len(codes) == len(set(codes)) > 1000
    assert all(code.isupper() for code in codes)
    assert not set(codes) & hand_kept


def test_phoenix_hand_kept_rows_come_first_and_users_rows_last(tmp_path):
    (tmp_path / "persons.tsv").write_text("id\tname\tvariants\tcountry\tsector\trole\tstart\tend\n"
                                          "ilse_vargo\tIlse Vargo\tIlse Vargo\tAZE\tGOV\tMayor\t\t\n", encoding="utf-8")
    roles = load_lexicon(tmp_path).roles
    hand_kept = len(_packaged("persons.tsv"))

    assert {r.role.startswith("CAMEO ") for r in roles[:hand_kept]} == {False}
    assert {r.role.startswith("CAMEO ") for r in roles[hand_kept:-1]} == {True}
    assert roles[-1].entity_id == "person:ilse_vargo"


def test_phoenix_agents_join_the_sector_words_without_replacing_them():
    sectors = load_lexicon().sectors

    assert (sectors["sharecropper"], sectors["sharecroppers"], sectors["smugglers"]) == ("CVL", "CVL", "CRM")
    assert sectors["troops"] == "MIL"


def test_phoenix_packaged_rows_name_countries_and_igos_of_the_tables():
    known = {row["code"] for name in ("countries.tsv", "igos.tsv") for row in _packaged(name)}
    persons, bodies = _packaged("phoenix/persons.tsv"), _packaged("phoenix/organisations.tsv")

    assert {row["country"] for row in persons} <= known
    assert {row["country"] for row in bodies} <= {row["code"] for row in _packaged("countries.tsv")}
    assert all(row["role"].startswith("CAMEO ") for row in persons)
