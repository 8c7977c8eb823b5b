"""The packaged tables load, and a user's malformed table is named with file, line and problem."""

from __future__ import annotations

import pytest

from dyadwatch.actors.persons import PersonIndex, skeleton
from dyadwatch.lexicon import COLUMNS, LexiconError, load_lexicon

PERSONS_HEADER = "\t".join(COLUMNS["persons.tsv"])


def _user_table(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    load_lexicon.cache_clear()
    return tmp_path


def test_lexicon_packaged_tables_load_and_cover_the_world():
    lexicon = load_lexicon()
    assert len({n.country for n in lexicon.names.values() if n.kind == "country"}) >= 190
    assert lexicon.names["Kremlin"].country == "RUS" and lexicon.names["Qabala"].entity_id == "place:GABALA"
    assert {"AGREE", "ASSAULT"} <= set(lexicon.event_types) and len(lexicon.event_types) == 16
    assert len({r.entity_id for r in lexicon.roles}) >= 100


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("persons.tsv", "id\tname\n", "line 1: missing column(s) variants"),
        ("persons.tsv", PERSONS_HEADER + "\nx\tX Y\tX Y\tRUS\tGOV\tPresident\n", "line 2: 6 cells for 8 columns"),
        ("persons.tsv", PERSONS_HEADER + "\nx\tX Y\tX Y\tRUS\tGOV\tPresident\t2001-13-01\t\n",
         "line 2: '2001-13-01' is not a date"),
        ("persons.tsv", PERSONS_HEADER + "\n\nx\tX Y\tX Y\tRUS\tGOV\tPresident\t2005-01-01\t2004-01-01\n",
         "line 3: the role ends (2004-01-01) before it starts"),
        ("persons.tsv", PERSONS_HEADER + "\nx\tX Y\t\tRUS\tGOV\tPresident\t\t\n", "line 2: a person needs"),
        ("places.tsv", "code\tname\taliases\tcountry\tsector\tkind\nZ\tZed\t\tAZE\t\tcity\n",
         "line 2: kind 'city' is not one of facility, region"),
        ("triggers.tsv", "trigger\tpos\tevent_type\nbless\tVERB\tBLESS\n", "line 2: event type 'BLESS'"),
    ],
)
def test_lexicon_malformed_user_table_names_file_line_and_problem(tmp_path, name, text, problem):
    folder = _user_table(tmp_path, name, text)
    with pytest.raises(LexiconError) as error:
        load_lexicon(folder)
    assert str(error.value).startswith(str(folder / name)) and problem in str(error.value)


def test_lexicon_user_table_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "sectors.tsv").write_bytes(b"word\tsector\ncaf\xe9\tBUS\n")
    load_lexicon.cache_clear()
    with pytest.raises(LexiconError, match="sectors.tsv: not UTF-8"):
        load_lexicon(tmp_path)


def test_lexicon_user_rows_are_added(tmp_path):
    folder = _user_table(tmp_path, "persons.tsv", PERSONS_HEADER + "\nlala_mirzayeva\tLala Mirzayeva\t"
                         "Lala Mirzayeva|Mirzayeva\tAZE\tGOV\tEnvoy\t2010-01-01\t\n")
    roles = [r for r in load_lexicon(folder).roles if r.entity_id == "person:lala_mirzayeva"]
    assert [(r.role, str(r.start), r.end) for r in roles] == [("Envoy", "2010-01-01", None)]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Aliyev", "Aliev"), ("Aliiev", "Aliyev"), ("Heydar", "Heidar"), ("Sergey", "Sergei"),
     ("Qabala", "Gabala"), ("Erdoğan", "Erdogan"), ("Mr. Lavrov", "Lavrov"), ("Nagorno-Karabakh", "Nagorno Karabakh")],
)
def test_lexicon_skeleton_joins_transliterations(first, second):
    assert skeleton(first) == skeleton(second)


def test_lexicon_skeleton_keeps_different_names_apart():
    assert skeleton("Igor Ivanov") != skeleton("Sergei Ivanov")
    assert skeleton("Ilham Aliyev") != skeleton("Heydar Aliyev")


def test_lexicon_person_index_picks_by_date_then_by_document():
    people = PersonIndex(load_lexicon().roles)
    from datetime import date

    assert people.pick("Aliyev", date(2002, 1, 25)).role.entity_id == "person:heydar_aliyev"
    assert people.pick("Aliev", date(2004, 2, 11)).role.entity_id == "person:ilham_aliyev"
    both = people.pick("Ivanov", date(2002, 6, 1), recent=["person:sergei_ivanov"])
    assert (both.role.entity_id, both.confidence) == ("person:sergei_ivanov", 0.65)
    assert people.pick("Ivanov", date(2002, 6, 1)).confidence < 0.5
    assert people.pick("Nobody Atall", date(2002, 6, 1)) is None


def test_lexicon_quote_cues_are_read_and_longest_cue_wins():
    from dyadwatch.events.quotes import cue

    cues = load_lexicon().quote_cues
    assert cue("They are our strategic partners.", cues) == "SUPPORT"
    assert cue("This is aggression, pure and simple.", cues) == "ACCUSE"
    assert cue("We are ready to talk.", cues) == "AGREE"
    assert cue("The weather was fine.", cues) is None
    assert cue("Non-aggression pacts are old.", {"aggression": "ACCUSE"}) is None  # part of a longer word


def test_lexicon_a_titled_surname_names_only_one_person_and_says_when_out_of_office():
    from datetime import date

    from dyadwatch.lexicon import Role

    def role(ident, name, start, end, sector="GOV"):
        return Role(f"person:{ident}", name, (name,), "XKX", sector, "CAMEO XKXGOV", date(*start), date(*end))

    people = PersonIndex([role("ana_pera", "Ana Pera", (2001, 1, 1), (2005, 1, 1)),
                          role("ivo_pera", "Ivo Pera", (2004, 1, 1), (2008, 1, 1)),
                          role("eda_kos", "Eda Kos", (1990, 1, 1), (1994, 1, 1)),
                          role("jan_kos", "Jan Kos", (2000, 1, 1), (2003, 1, 1), sector="MIL")])
    assert people.titled("Pera", "GOV", date(2002, 1, 1)).role.entity_id == "person:ana_pera"
    assert people.titled("Pera", "GOV", date(2004, 6, 1)) is None  # both in office: no guess
    assert people.titled("Pera", "GOV", date(2010, 1, 1)) is None  # neither then, two ever
    later = people.titled("Kos", "GOV", date(2010, 1, 1))  # the only Kos of government, long after
    assert (later.role.entity_id, later.confidence) == ("person:eda_kos", 0.55)
    assert "not on 2010-01-01" in later.evidence
    assert people.titled("Kos", "MIL", date(2001, 1, 1)).role.entity_id == "person:jan_kos"
    assert people.titled("Ana Pera", "GOV", date(2002, 1, 1)) is None  # a full name is not a surname
