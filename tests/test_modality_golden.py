"""Golden modality cases (tests/golden/modality_cases.tsv): did the coded event happen, as the sentence tells it?"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "golden" / "modality_cases.tsv"
COLUMNS = ("published", "sentence", "trigger", "event_type", "modality", "note")
REQUIRED = COLUMNS[:-1]
MODALITIES = ("asserted", "negated", "hypothetical", "future", "historical", "reported")
EVENT_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})
MIN_CASES, MIN_PER_MODALITY = 48, 6
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class MalformedCase(ValueError):
    """A line of a case file that cannot be read as a case; the message names the file and line."""


@dataclass(frozen=True)
class ModalityCase:
    line: int
    published: str
    sentence: str
    trigger: str
    event_type: str
    modality: str
    note: str


def read_cases(path: Path) -> list[ModalityCase]:
    """The cases of a file: blank lines and ``#`` comments skipped, the header checked first."""
    cases: list[ModalityCase] = []
    header = False
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip() or text.startswith("#"):
            continue
        cells = text.split("\t")
        if header:
            cases.append(_case(path, number, cells))
        elif tuple(cells) != COLUMNS:
            raise MalformedCase(f"{path}:{number}: header must be {' '.join(COLUMNS)} (tab-separated), got {cells}")
        header = True
    if not header:
        raise MalformedCase(f"{path}: no header line")
    return cases


def _case(path: Path, number: int, cells: list[str]) -> ModalityCase:
    if len(cells) == len(REQUIRED):  # the note is optional
        cells = [*cells, ""]
    if len(cells) != len(COLUMNS):
        raise MalformedCase(f"{path}:{number}: {len(cells)} tab-separated cells, expected {len(COLUMNS)}")
    case = ModalityCase(number, *(cell.strip() for cell in cells))
    problem = _problem(case)
    if problem:
        raise MalformedCase(f"{path}:{number}: {problem}")
    return case


def _problem(case: ModalityCase) -> str | None:
    empty = [name for name in REQUIRED if not getattr(case, name)]
    if empty:
        return f"empty {', '.join(empty)}"
    if not _is_day(case.published):
        return f"published {case.published!r} is not a YYYY-MM-DD date"
    if not re.search(rf"(?<!\w){re.escape(case.trigger)}(?!\w)", case.sentence, re.IGNORECASE):
        return f"trigger {case.trigger!r} is not a word of the sentence"
    if case.event_type not in EVENT_TYPES:
        return f"event_type {case.event_type!r} is not a PLOVER type"
    if case.modality not in MODALITIES:
        return f"modality {case.modality!r} is not one of {', '.join(MODALITIES)}"
    return None


def _is_day(text: str) -> bool:
    try:
        return bool(_DAY.fullmatch(text)) and date.fromisoformat(text) is not None
    except ValueError:
        return False


GOLDEN = read_cases(CASES)


def _describe(events) -> str:
    return "; ".join(f"{e.event_type}/{e.modality} at {e.trigger!r}" for e in events) or "no events"


def test_modality_golden_has_enough_cases_of_each_modality():
    counts = Counter(case.modality for case in GOLDEN)
    assert len(GOLDEN) >= MIN_CASES, f"{len(GOLDEN)} cases, at least {MIN_CASES} wanted"
    assert {m: counts[m] for m in MODALITIES if counts[m] < MIN_PER_MODALITY} == {}, counts


def test_modality_golden_cases_are_distinct():
    keys = Counter((case.sentence, case.trigger.lower(), case.event_type) for case in GOLDEN)
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("2004-02-11\tRussia signed a treaty.\tsigned\tAGREE", "4 tab-separated cells, expected 6"),
        ("11/02/2004\tRussia signed a treaty.\tsigned\tAGREE\tasserted\t", "is not a YYYY-MM-DD date"),
        ("2004-02-30\tRussia signed a treaty.\tsigned\tAGREE\tasserted\t", "is not a YYYY-MM-DD date"),
        ("2004-02-11\tRussia signed a treaty.\tsign\tAGREE\tasserted\t", "'sign' is not a word of the sentence"),
        ("2004-02-11\tRussia signed a treaty.\tsigned\tSIGN\tasserted\t", "'SIGN' is not a PLOVER type"),
        ("2004-02-11\tRussia signed a treaty.\tsigned\tAGREE\tdone\t", "'done' is not one of asserted"),
        ("2004-02-11\tRussia signed a treaty.\t\tAGREE\tasserted\t", "empty trigger"),
    ],
)
def test_modality_golden_reader_names_the_file_line_and_problem(tmp_path, line, problem):
    path = tmp_path / "cases.tsv"
    good = "2004-02-11\tRussia signed a treaty.\tsigned\tAGREE\tasserted"
    path.write_text("# comment\n" + "\t".join(COLUMNS) + f"\n{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(MalformedCase, match=re.escape(f"{path}:5: ") + ".*" + re.escape(problem)):
        read_cases(path)


def test_modality_golden_reader_rejects_a_wrong_header(tmp_path):
    path = tmp_path / "cases.tsv"
    path.write_text("published\tsentence\ttrigger\n", encoding="utf-8")
    with pytest.raises(MalformedCase, match=re.escape(f"{path}:1: header must be")):
        read_cases(path)


def test_modality_golden_reader_keeps_a_case_without_note(tmp_path):
    path = tmp_path / "cases.tsv"
    path.write_text("\t".join(COLUMNS) + "\n2004-02-11\tRussia signed a treaty.\tsigned\tAGREE\tasserted\n",
                    encoding="utf-8")
    assert read_cases(path) == [ModalityCase(2, "2004-02-11", "Russia signed a treaty.", "signed", "AGREE",
                                             "asserted", "")]


@pytest.mark.slow
@pytest.mark.parametrize("case", GOLDEN, ids=lambda c: f"line{c.line}-{c.modality}-{c.trigger}")
def test_modality_golden_case(code, case):
    events = code(case.sentence, case.published)
    found = [e for e in events if e.trigger.lower() == case.trigger.lower()]
    context = (f"line {case.line}: {case.sentence!r} (published {case.published})\n"
               f"expected {case.event_type}/{case.modality} at {case.trigger!r}\n"
               f"found {_describe(events)}")
    assert found, context
    assert (case.event_type, case.modality) in [(e.event_type, e.modality) for e in found], context
