"""Event-coding accuracy: dyadwatch's PLOVER event types, and the countries of their sides, on four
third-party gold sets, compared with the floors pinned in ``bench/accuracy_floors.json``.

    python bench/accuracy.py [--evaldata DIR] [--set NAME ...] [--limit N] [--errors FILE] [--no-floors]

Example: ``python bench/accuracy.py --evaldata ../shared/evaldata --set plover-gsr --errors /tmp/errors.tsv``

DIR defaults to $DYADWATCH_EVALDATA (the shared evaldata folder); the gold data are read from it at
run time and never copied into this repository. ``--set NAME`` (repeatable) runs some sets only,
``--limit N`` keeps the first N records of each set (quick runs; the floors are then not compared),
``--errors FILE`` writes a TSV of every record whose predicted type or countries are wrong (set, id,
gold type, predicted type, every predicted type of the text, gold and predicted source and target
codes, text), ``--no-floors`` skips the comparison. Exit status: 0 when no figure is below its floor,
1 when one is, 2 when the data or the floors file cannot be read.

Sets
----
plover-gsr  ``DIR/plover-gsr/PLOVER_GSR_CAMEO.txt``, a JSON array: 322 PLOVER gold standard records
    (edited CAMEO-manual sentences, CC BY-SA 4.0); the DOCUMENT header is skipped. One event per
    record: ``event`` is a PLOVER v0.5b1 type, mapped to the 16 current types (table below); sides
    are ``source`` and ``target``, lists of {actorText, code, sector} or "" (no side). Codes IGO and
    NGO are one class 'IGO'; gold variants JAP and ITL read as JPN and ITA.
petr2-gsr  ``DIR/universal-petrarch/PETR2_GSR_validation.xml``: 78 real English news sentences (AFP,
    GigaWord) with hand-corrected PETRARCH-2 codings, ``<EventCoding eventcode= sourcecode=
    targetcode=>`` (CAMEO) or ``<EventCoding noevents="True">``. The file is not well-formed XML
    (``<Sentence .../>`` is closed again by ``</Sentence>``), so it is read with patterns: comments
    are dropped, a record runs from one ``<Sentence `` tag to the next, its text is ``<Text>`` with
    whitespace collapsed, its date the ``date`` attribute (YYYYMMDD).
petr2-unittest  ``DIR/petrarch2-unittest/PETR.UnitTest.records.xml``: 284 PETRARCH unit-test
    sentences, read like petr2-gsr (61 are skipped, see below). Actors are fictional (Tolkien
    countries), so only the event type is scored; as dyadwatch codes an event only when a side is
    placed in a real country, most of these records get no event. Caution: the header of
    PETR.Validate.verbs.txt says its codes are "mostly WEIS, not CAMEO", and several are private
    test codes (9xx, 345, 1717, 223, ...). Read as CAMEO, many labels are not what the sentence
    says: restoring diplomatic ties is coded 064 (CAMEO: share intelligence), a criticism 121 (CAMEO:
    reject material cooperation), a warning 160 (CAMEO: reduce relations). Treat this set as a
    regression check, not as a measure of correctness.
conflibert  ``DIR/conflibert-cameo/cameo_class/test.tsv``: 451 lines ``sentence<TAB>label``, the
    label a CAMEO penta class (0 statements and appeals, CAMEO 01-02; 1 verbal cooperation, 03-05;
    2 material cooperation, 06-08; 3 verbal conflict, 09-13 and 16; 4 material conflict, 14-15 and
    17-20; inferred from the training sentences, the repository does not document it: 43 of the
    50 training sentences that speak of sanctions or expulsions, CAMEO 16 "reduce relations", are
    class 3, while troop deployments, 15, are class 4). No date: 2000-01-01 is used.

Every record is coded as an article of its own, published on the record's date (2000-01-01 where
there is none).

Label mappings
--------------
PLOVER v0.5b1 -> current (plover-gsr): DEMAND -> REQUEST; DISAPPROVE -> ACCUSE; INVESTIGATE ->
ACCUSE; FIGHT -> ASSAULT; AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REJECT,
THREATEN, PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT unchanged.

CAMEO event code -> PLOVER (petr2-gsr, petr2-unittest): the table ``DIR/plover-gsr/CAMEO2PLOVER-2021.txt``
(lines ``0312: AGREE, mode, context # ...``), read at run time. A code not in it falls back to its
shorter prefixes (0312 -> 031 -> 03; 174K -> 174). The table lists 08 twice (CONCEDE, then RETREAT):
the first wins, which only matters for an 08x code the table lacks. The table has no 01 and 02;
they are added: 01 (make public statement) -> no event (PLOVER has no statement type), 02 (appeal)
-> REQUEST (PLOVER's REQUEST is CAMEO 02 and 10). A coding whose code maps to nothing (9xx, 223, 345
...) is dropped, a ``noevents`` coding means no event, a coding with ``error=`` (expected input
errors and discards) is dropped; a record left with no coding is skipped and counted; a record
with no EventCoding at all expects no event.

CAMEO actor code -> country (petr2-gsr): its first three letters (USAGOV -> USA), the CAMEO codes
that differ from ISO 3166 alpha-3 mapped (JAP -> JPN, ITL -> ITA, ROM -> ROU, ZAR -> COD, TMP -> TLS,
KSV -> XKX); IGO, NGO and NGM codes -> 'IGO'; '---' (country unknown) -> no country. Other
transnational codes (IMG militarized groups, MNC companies) stay as they are and match nothing.

Predicted event -> penta class (conflibert): by the CAMEO root dyadwatch gives the event (its
``cameo`` field: the root of its trigger where the trigger table names one, else of its PLOVER
type): 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4; a text with no
event -> 0. So a demand (PLOVER REQUEST, CAMEO 10) is verbal conflict and an appeal (REQUEST,
CAMEO 02) a statement.

Scoring
-------
The prediction for a record is its MAIN event: the event with the highest confidence, ties broken
by text order (the sentence, then the first occurrence of the trigger word in it); no event is
'none'. A record's gold labels are those of its codings; the prediction is right when its label is
one of them. Per type: right counts a true positive for the predicted type; wrong counts a false
negative for the record's first gold label and a false positive for the predicted type. A predicted
'none' is only a false negative of the gold type; a gold 'none' (no event expected) predicted as a
type is a false positive of that type. 'none' has its own table row (its precision is that of
predicting no event) but is not an event type: macro F1 averages F1 over the event types (classes
for conflibert) present in the set's gold. Accuracy is right / records. "Type found among all
events" counts a record whose gold labels include the label of any of its events (no event: 'none',
class 0 for conflibert) - recall ignoring which event is main.

Countries (plover-gsr, petr2-gsr), per side over the records whose gold side is non-empty: the
main event's side is right when its set of codes (a country, 'IGO' for an IGO or NGO, '?' for an
actor without a country) equals the gold set (exact); overlap when they share a code. A record
expecting no event, or predicted 'none', has empty predicted sides. Where a record has several
codings (petr2-gsr), its sides are compared with the coding of the predicted type (of any type if
none has it) that matches best (most exact sides, then most overlapping sides, then the first).
Reciprocal plover-gsr records (actors marked ``SRC/TAR`` in ``textInfo.markup``; the gold lists them
all as source and has no target) are scored on the source side only, against the codes of both
predicted sides together, so the coder may split the pair into source and target either way.

Floors
------
``bench/accuracy_floors.json`` maps a set to figures (accuracy, macro_f1, found_any, source_country,
target_country, source_overlap, target_overlap) and their floors; a change may raise a floor, not
silently lower it. Every figure below its floor is printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.coder import Coder
from dyadwatch.model import Actor, Event
from plover_gold import (
    PLOVER_TYPES,
    actor_code,
    cameo_actor_country,
    code_articles,
    gold_code,
    listed,
    read_plover_records,
    sentence_article,
)

NONE = "none"
GSR_TO_CURRENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CAMEO_ADDED = {"01": NONE, "02": "REQUEST"}  # the roots CAMEO2PLOVER-2021.txt leaves out
PENTA = {NONE: "0", "REQUEST": "0", "AGREE": "1", "CONSULT": "1", "SUPPORT": "1", "COOPERATE": "2", "AID": "2",
         "CONCEDE": "2", "RETREAT": "2", "ACCUSE": "3", "REJECT": "3", "THREATEN": "3", "PROTEST": "4",
         "MOBILIZE": "4", "SANCTION": "3", "COERCE": "4", "ASSAULT": "4"}
PENTA_ROOTS = (("0", 2), ("1", 5), ("2", 8), ("3", 13), ("4", 15), ("3", 16), ("4", 20))  # CAMEO roots 01-02, ...
PENTA_NAMES = {"0": "0 statement/appeal", "1": "1 verbal coop", "2": "2 material coop", "3": "3 verbal confl",
               "4": "4 material confl"}
CAMEO_TABLE = Path("plover-gsr") / "CAMEO2PLOVER-2021.txt"
PETR2_GSR = Path("universal-petrarch") / "PETR2_GSR_validation.xml"
PETR2_UNITTEST = Path("petrarch2-unittest") / "PETR.UnitTest.records.xml"
CONFLIBERT = Path("conflibert-cameo") / "cameo_class" / "test.tsv"
FLOORS = Path(__file__).with_name("accuracy_floors.json")
DEFAULT_DATE = "2000-01-01"
SIDES = ("source", "target")
ERROR_COLUMNS = ("set", "id", "gold_type", "predicted_type", "all_predicted_types", "gold_source",
                 "predicted_source", "gold_target", "predicted_target", "sentence")

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\s([^>]*)>(.*?)(?=<Sentence\s|</Sentences>|\Z)", re.S)
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(["'])(.*?)\2""", re.S)

Codes = frozenset[str]


@dataclass(frozen=True)
class Coding:
    """One gold event: its label and, where the set has them, the country codes of its sides."""

    label: str
    source: Codes = frozenset()
    target: Codes = frozenset()


@dataclass(frozen=True)
class Record:
    """One text with its gold codings; the first coding is the record's main gold event."""

    record_id: str
    text: str
    date: str
    codings: tuple[Coding, ...]
    reciprocal: bool = False

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(coding.label for coding in self.codings)


@dataclass(frozen=True)
class GoldSet:
    """A gold set read from the evaluation data, with how a predicted PLOVER type becomes its label."""

    name: str
    about: str
    records: tuple[Record, ...]
    labels: tuple[str, ...]  # the set's labels, in table order
    to_label: Callable[[Event | None], str]  # the label of a predicted event (None: no event)
    countries: bool
    skipped: tuple[str, ...] = ()  # why records were left out, one line each


@dataclass(frozen=True)
class Prediction:
    """What the coder said about a record: its main event's label and sides, and every event's type."""

    label: str
    labels: frozenset[str]
    types: tuple[str, ...]
    source: Codes = frozenset()
    target: Codes = frozenset()


@dataclass
class Tally:
    """The counts of one set, filled record by record."""

    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    sides: Counter[str] = field(default_factory=Counter)
    records: int = 0
    no_event: int = 0
    right: int = 0
    found: int = 0


# --- reading the gold sets ---------------------------------------------------------------------------

def read_plover_gsr(evaldata: Path) -> GoldSet:
    records = []
    for raw in read_plover_records(evaldata):
        event = GSR_TO_CURRENT.get(raw["event"], raw["event"])
        coding = Coding(event, _gsr_side(raw.get("source")), _gsr_side(raw.get("target")))
        records.append(Record(raw["id"], raw["text"], raw.get("date") or DEFAULT_DATE, (coding,), _reciprocal(raw)))
    return GoldSet("plover-gsr", "PLOVER gold standard records (v0.5b1 types mapped to the current 16)",
                   tuple(records), PLOVER_TYPES, _same, True)


def _gsr_side(value: object) -> Codes:
    return frozenset(gold_code(actor) for actor in listed(value))


def _reciprocal(raw: dict[str, object]) -> bool:
    info = raw.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    return "SRC/TAR" in markup


def _same(event: Event | None) -> str:
    return event.event_type if event else NONE


def read_cameo_table(evaldata: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from CAMEO2PLOVER-2021.txt plus the two roots it leaves out."""
    table = dict(CAMEO_ADDED)
    for line in (evaldata / CAMEO_TABLE).read_text(encoding="utf-8").splitlines():
        code, colon, rest = line.split("#")[0].partition(":")
        if colon and code.strip().isdigit():
            table.setdefault(code.strip(), rest.split(",")[0].strip())
    return table


def cameo_type(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to its shorter prefixes (0312 -> 031 -> 03)."""
    code = code.strip()
    return next((table[code[:end]] for end in range(len(code), 1, -1) if code[:end] in table), None)


def read_petr2_gsr(evaldata: Path) -> GoldSet:
    records, skipped = _petr_records(evaldata / PETR2_GSR, read_cameo_table(evaldata), countries=True)
    return GoldSet("petr2-gsr", "PETRARCH-2 validation, real news (CAMEO codes mapped to PLOVER)", records,
                   PLOVER_TYPES, _same, True, skipped)


def read_petr2_unittest(evaldata: Path) -> GoldSet:
    records, skipped = _petr_records(evaldata / PETR2_UNITTEST, read_cameo_table(evaldata), countries=False)
    return GoldSet("petr2-unittest", "PETRARCH unit tests, fictional actors, type only (codes mostly WEIS: "
                   "a regression check, see the docstring)", records, PLOVER_TYPES, _same, False, skipped)


def _petr_records(path: Path, table: dict[str, str], countries: bool) -> tuple[tuple[Record, ...], tuple[str, ...]]:
    records: list[Record] = []
    skipped: dict[str, Counter[str]] = {}
    for head, body in _SENTENCE.findall(_COMMENT.sub("", path.read_text(encoding="utf-8"))):
        attributes = _attributes(head)
        codings = [_petr_coding(_attributes(tag), table, countries) for tag in _CODING.findall(body)]
        usable = _expected(codings)
        if not usable:
            reason, detail = next(c for c in codings if isinstance(c, tuple))
            skipped.setdefault(reason, Counter())[detail] += 1
            continue
        text = _TEXT.search(body)
        records.append(Record(attributes.get("id", f"record-{len(records) + 1}"),
                              html.unescape(" ".join(text.group(1).split())) if text else "",
                              _iso_date(attributes.get("date", "")), usable))
    return tuple(records), _skipped_lines(skipped)


def _skipped_lines(skipped: dict[str, Counter[str]]) -> tuple[str, ...]:
    """One line per reason: how many records, and how many for each code or error."""
    return tuple(f"{sum(details.values())} record(s), {reason}: "
                 + ", ".join(f"{detail} ({n})" for detail, n in sorted(details.items()))
                 for reason, details in skipped.items())


def _attributes(tag: str) -> dict[str, str]:
    return {name: value for name, _, value in _ATTRIBUTE.findall(tag)}


def _petr_coding(attributes: dict[str, str], table: dict[str, str], countries: bool) -> Coding | tuple[str, str]:
    """A gold coding, or why it cannot be scored (the reason and a detail)."""
    if "error" in attributes:
        return "an input error or discard expected", attributes["error"]
    if attributes.get("noevents", "").lower() == "true":
        return Coding(NONE)
    code = attributes.get("eventcode", "")
    label = cameo_type(code, table)
    if label is None:
        return "event code maps to no PLOVER type", code
    if not countries or label == NONE:
        return Coding(label)
    return Coding(label, _cameo_side(attributes.get("sourcecode", "")), _cameo_side(attributes.get("targetcode", "")))


def _expected(codings: list[Coding | tuple[str, str]]) -> tuple[Coding, ...]:
    """The codings a record is scored on: its events, else 'none' if it expects none."""
    usable = [c for c in codings if isinstance(c, Coding)]
    events = tuple(c for c in usable if c.label != NONE)
    return events or ((Coding(NONE),) if usable or not codings else ())


def _cameo_side(code: str) -> Codes:
    country = cameo_actor_country(code)
    return frozenset({country}) if country else frozenset()


def _iso_date(yyyymmdd: str) -> str:
    digits = yyyymmdd.strip()
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if re.fullmatch(r"\d{8}", digits) else DEFAULT_DATE


def read_conflibert(evaldata: Path) -> GoldSet:
    records = []
    for number, line in enumerate((evaldata / CONFLIBERT).read_text(encoding="utf-8").splitlines(), 1):
        text, _, label = line.rpartition("\t")
        if text.strip():
            records.append(Record(f"line-{number}", text.strip(), DEFAULT_DATE, (Coding(label.strip()),)))
    return GoldSet("conflibert", "ConfliBERT CAMEO penta-class test sentences (CAMEO root of the event -> class)",
                   tuple(records), tuple(PENTA_NAMES), _penta, False)


def _penta(event: Event | None) -> str:
    """The penta class of the event's CAMEO root (a demand is REQUEST but CAMEO 10, verbal conflict)."""
    if event is None:
        return "0"
    root = int(event.cameo[:2]) if event.cameo[:2].isdigit() else 0
    return next((label for label, last in PENTA_ROOTS if root <= last), "0") if root else PENTA[event.event_type]


READERS: dict[str, Callable[[Path], GoldSet]] = {
    "plover-gsr": read_plover_gsr, "petr2-gsr": read_petr2_gsr, "petr2-unittest": read_petr2_unittest,
    "conflibert": read_conflibert,
}


# --- predicting and scoring --------------------------------------------------------------------------

def predict(events: list[Event], to_label: Callable[[Event | None], str]) -> Prediction:
    """The main event (highest confidence, the first in text order on ties) and every event's type."""
    ordered = sorted(events, key=_text_order)
    main = max(ordered, key=lambda event: event.confidence, default=None)
    types = tuple(event.event_type for event in ordered)
    if main is None:
        return Prediction(to_label(None), frozenset({to_label(None)}), types)
    return Prediction(to_label(main), frozenset(map(to_label, ordered)), types,
                      _codes(main.actor), _codes(main.recipient))


def _text_order(event: Event) -> tuple[int, int]:
    found = re.search(rf"\b{re.escape(event.trigger)}\b", event.sentence)
    return event.span[0], found.start() if found else len(event.sentence)


def _codes(actors: tuple[Actor, ...]) -> Codes:
    return frozenset(actor_code(actor) for actor in actors)


def score_type(record: Record, prediction: Prediction, tally: Tally) -> bool:
    tally.records += 1
    tally.no_event += not prediction.types
    tally.predicted[prediction.label] += 1
    tally.found += bool(record.labels & prediction.labels)
    if prediction.label in record.labels:
        tally.right += 1
        tally.true_pos[prediction.label] += 1
        return True
    tally.false_neg[record.codings[0].label] += 1
    tally.false_pos[prediction.label] += 1
    return False


def score_countries(record: Record, prediction: Prediction, tally: Tally) -> bool:
    """Counts the sides of the record with country gold; False when one of them is not exact."""
    coding = gold_coding(record, prediction)
    if record.reciprocal:
        pairs = [("source", coding.source, prediction.source | prediction.target)]
    else:
        pairs = [("source", coding.source, prediction.source), ("target", coding.target, prediction.target)]
    right = True
    for side, gold, predicted in pairs:
        if gold:
            tally.sides[f"{side} n"] += 1
            tally.sides[f"{side} exact"] += predicted == gold
            tally.sides[f"{side} overlap"] += bool(predicted & gold)
            right = right and predicted == gold
    return right


def gold_coding(record: Record, prediction: Prediction) -> Coding:
    """The coding the sides are compared with: of the predicted type if any has it, the best match."""
    same_type = [c for c in record.codings if c.label == prediction.label] or list(record.codings)

    def match(coding: Coding) -> tuple[int, int]:
        pairs = ((coding.source, prediction.source), (coding.target, prediction.target))
        return sum(g == p for g, p in pairs), sum(bool(g & p) for g, p in pairs)

    return max(same_type, key=match)


def evaluate(coder: Coder, gold: GoldSet, records: tuple[Record, ...]) -> tuple[Tally, list[list[str]]]:
    """Codes the records; the counts, and a row for each record with a wrong type or country."""
    tally, errors = Tally(), []
    articles = (sentence_article(f"{gold.name}:{r.record_id}", r.text, r.date) for r in records)
    for record, events in zip(records, code_articles(coder, articles), strict=True):
        prediction = predict(events, gold.to_label)
        type_right = score_type(record, prediction, tally)
        sides_right = score_countries(record, prediction, tally) if gold.countries else True
        if not (type_right and sides_right):
            errors.append(error_row(gold, record, prediction))
    return tally, errors


def error_row(gold: GoldSet, record: Record, prediction: Prediction) -> list[str]:
    coding = gold_coding(record, prediction)
    sides = [" ".join(sorted(codes)) for codes in (coding.source, prediction.source, coding.target,
                                                   prediction.target)] if gold.countries else ["", "", "", ""]
    gold_labels = "|".join(dict.fromkeys(c.label for c in record.codings))
    return [gold.name, record.record_id, gold_labels, prediction.label, ",".join(prediction.types), *sides,
            record.text]


# --- figures and report --------------------------------------------------------------------------------

def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def type_scores(tally: Tally, label: str) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support (true positives and false negatives) of one label."""
    tp, support = tally.true_pos[label], tally.true_pos[label] + tally.false_neg[label]
    precision, recall = ratio(tp, tp + tally.false_pos[label]), ratio(tp, support)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, support


def figures(tally: Tally, labels: tuple[str, ...]) -> dict[str, float]:
    present = [label for label in labels if type_scores(tally, label)[3]]
    result = {"accuracy": ratio(tally.right, tally.records), "found_any": ratio(tally.found, tally.records),
              "macro_f1": sum(type_scores(tally, label)[2] for label in present) / len(present) if present else 0.0}
    for side in SIDES:
        if tally.sides[f"{side} n"]:
            result[f"{side}_country"] = ratio(tally.sides[f"{side} exact"], tally.sides[f"{side} n"])
            result[f"{side}_overlap"] = ratio(tally.sides[f"{side} overlap"], tally.sides[f"{side} n"])
    return result


def report(gold: GoldSet, tally: Tally, result: dict[str, float]) -> None:
    print(f"\n== {gold.name}: {gold.about}")
    print(f"records {tally.records}   with no event coded {tally.no_event}")
    for line in gold.skipped:
        print(f"  skipped {line}")
    print_table(gold, tally)
    present = sum(1 for label in gold.labels if type_scores(tally, label)[3])
    reference = "   (ConfliBERT reached 0.88 macro F1 on this task)" if gold.name == "conflibert" else ""
    print(f"macro F1 {result['macro_f1']:.3f} over the {present} labels in the gold{reference}")
    print(f"accuracy {result['accuracy']:.3f}   type found among all the sentence's events {result['found_any']:.3f}")
    for side in SIDES:
        if f"{side}_country" in result:
            print(f"{side} country  exact {result[f'{side}_country']:.3f}   overlap {result[f'{side}_overlap']:.3f}"
                  f"   (n={tally.sides[f'{side} n']})")


def print_table(gold: GoldSet, tally: Tally) -> None:
    """Precision, recall, F1, support and predictions of each label seen (and of 'none')."""
    print(f"{'type':20} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'predicted':>10}")
    rows = (*gold.labels, NONE) if gold.to_label(None) == NONE else gold.labels
    for label in rows:
        precision, recall, f1, support = type_scores(tally, label)
        if support or tally.predicted[label]:
            scores = f"{precision:6.3f} {recall:6.3f} {f1:6.3f}" if support else f"{'-':>6} {'-':>6} {'-':>6}"
            print(f"{PENTA_NAMES.get(label, label):20} {scores} {support:8} {tally.predicted[label]:10}")


def below_floors(results: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Each figure of the sets run that is below its floor (or was not measured), in words."""
    below = []
    for name, result in results.items():
        for figure, floor in floors.get(name, {}).items():
            value = result.get(figure)
            if value is None or value < floor - 1e-9:
                measured = "not measured" if value is None else f"{value:.3f}"
                below.append(f"{name} {figure}: {measured} < floor {floor:.2f}")
    return below


# --- command line ------------------------------------------------------------------------------------

def _options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--evaldata", default=os.environ.get("DYADWATCH_EVALDATA"),
                         help="the evaluation data folder (default: $DYADWATCH_EVALDATA)")
    options.add_argument("--set", action="append", choices=tuple(READERS), dest="sets",
                         help="run this set only (repeatable; default: all)")
    options.add_argument("--limit", type=int, default=0, help="keep the first N records of each set")
    options.add_argument("--errors", type=Path, help="write the wrongly coded records to this TSV file")
    options.add_argument("--no-floors", action="store_true", help="do not compare with the floors")
    return options


def read_sets(evaldata: Path, names: Iterable[str]) -> list[GoldSet]:
    return [READERS[name](evaldata) for name in names]


def run_sets(gold_sets: list[GoldSet], limit: int) -> tuple[dict[str, dict[str, float]], list[list[str]]]:
    coder = Coder()
    results, errors = {}, []
    for gold in gold_sets:
        records = gold.records[:limit] if limit else gold.records
        started = time.perf_counter()
        print(f"{gold.name}: coding {len(records)} records", file=sys.stderr, flush=True)
        tally, wrong = evaluate(coder, gold, records)
        print(f"{gold.name}: done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        results[gold.name] = figures(tally, gold.labels)
        report(gold, tally, results[gold.name])
        errors += wrong
    return results, errors


def write_errors(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerows([list(ERROR_COLUMNS), *rows])


def compare_floors(results: dict[str, dict[str, float]]) -> int:
    floors: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = below_floors(results, floors)
    print(f"\nfloors ({FLOORS.name}):", "all met" if not below else f"{len(below)} figure(s) below")
    for line in below:
        print(f"  BELOW {line}")
    return 1 if below else 0


def main() -> int:
    args = _options().parse_args()
    if not args.evaldata or not Path(args.evaldata).is_dir():
        print(f"no evaluation data folder ({args.evaldata or 'none given'}): give --evaldata DIR or set "
              "DYADWATCH_EVALDATA", file=sys.stderr)
        return 2
    try:
        gold_sets = read_sets(Path(args.evaldata), args.sets or READERS)
    except OSError as error:
        print(f"cannot read the gold data: {error}", file=sys.stderr)
        return 2
    results, errors = run_sets(gold_sets, args.limit)
    if args.errors:
        write_errors(args.errors, errors)
        print(f"\n{len(errors)} wrongly coded records written to {args.errors}")
    if args.no_floors or args.limit:
        print("\nfloors not compared" + (" (--limit)" if args.limit and not args.no_floors else ""))
        return 0
    try:
        return compare_floors(results)
    except (OSError, ValueError) as error:
        print(f"cannot read the floors {FLOORS}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
