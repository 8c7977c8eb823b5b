"""The hand-written gold set of who-did-what-to-whom (tests/golden/sides/gold.jsonl): reading it, and
scoring the coder's events against it, for tests/test_sides_golden.py and bench/sides.py.

Scoring, for each gold event: the predicted events of its document whose sentence contains the gold
sentence substring are candidates; the one of the gold type with the highest confidence is its match
(none: the event is missed). A side is right when the set of its countries (IGO codes for IGOs) equals
the gold set exactly; a missed event counts as wrong on both sides. A gold event marked
``symmetric`` (a meeting, a joint signing, a joint exercise, an exchange) is also right read the other
way round: the orientation with more right sides is taken. Modality and date (value and precision)
are scored over matched events only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dyadwatch.coder import Coder
from dyadwatch.model import Event, countries
from dyadwatch.pipeline import RunSummary, run
from dyadwatch.store import Store

GOLD = Path(__file__).parent / "golden" / "sides" / "gold.jsonl"
PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})
MODALITIES = frozenset({"asserted", "negated", "hypothetical", "future", "historical", "reported"})
KINDS = ("government", "state-media", "wire", "analysis")
DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
DOC_KEYS = {"id", "text", "date", "source", "url", "kind", "events"}
EVENT_KEYS = {"sentence", "type", "actor", "recipient", "modality", "date", "precision"}
OPTIONAL_EVENT_KEYS = {"symmetric", "cases"}
Codes = frozenset[str]


class GoldError(ValueError):
    """A line of the gold file that cannot be used; the message names the file, line and problem."""


@dataclass(frozen=True)
class GoldEvent:
    sentence: str
    event_type: str
    actor: Codes
    recipient: Codes
    modality: str
    date: str | None
    precision: str | None
    symmetric: bool = False
    cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    kind: str
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class Outcome:
    """One gold event and what the coder made of it (``predicted`` None: no event of its type there)."""

    doc: GoldDoc
    gold: GoldEvent
    predicted: Event | None
    source_right: bool
    target_right: bool

    @property
    def modality_right(self) -> bool:
        return self.predicted is not None and self.predicted.modality == self.gold.modality

    @property
    def date_right(self) -> bool:
        if self.predicted is None:
            return False
        if self.gold.date is None:
            return self.predicted.date is None
        return (self.predicted.date, self.predicted.date_precision) == (self.gold.date, self.gold.precision)

    @property
    def right(self) -> bool:
        return self.source_right and self.target_right and self.modality_right and self.date_right


@dataclass(frozen=True)
class Figures:
    """The figures of a group of gold events and of the predicted events of their documents."""

    gold: int
    matched: int
    source_right: int
    target_right: int
    modality_right: int
    date_right: int
    predicted: int
    predicted_both_sides: int

    @staticmethod
    def of(outcomes: list[Outcome], predicted: Iterable[Event] = ()) -> Figures:
        events = list(predicted)
        return Figures(len(outcomes), sum(o.predicted is not None for o in outcomes),
                       sum(o.source_right for o in outcomes), sum(o.target_right for o in outcomes),
                       sum(o.modality_right for o in outcomes), sum(o.date_right for o in outcomes), len(events),
                       sum(bool(countries(e.actor)) and bool(countries(e.recipient)) for e in events))

    @property
    def recall(self) -> float:
        return _share(self.matched, self.gold)

    @property
    def source_country(self) -> float:
        return _share(self.source_right, self.gold)

    @property
    def target_country(self) -> float:
        return _share(self.target_right, self.gold)

    @property
    def modality(self) -> float:
        return _share(self.modality_right, self.matched)

    @property
    def date(self) -> float:
        return _share(self.date_right, self.matched)

    @property
    def both_sides(self) -> float:
        return _share(self.predicted_both_sides, self.predicted)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# --- reading ------------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD) -> list[GoldDoc]:
    """The documents of the gold file; a line that is not a valid gold document raises GoldError."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                docs.append(_document(json.loads(line)))
            except (json.JSONDecodeError, GoldError) as error:
                raise GoldError(f"{path}: line {number}: {error}") from None
    return docs


def _document(record: object) -> GoldDoc:
    if not isinstance(record, dict) or set(record) != DOC_KEYS:
        raise GoldError(f"a document must be an object with exactly the keys {sorted(DOC_KEYS)}")
    if not isinstance(record["id"], str) or not isinstance(record["text"], str) or not record["text"].strip():
        raise GoldError("'id' and 'text' must be non-empty strings")
    if not re.fullmatch(DATE_FORMS["day"], str(record["date"])):
        raise GoldError(f"'date' {record['date']!r} is not YYYY-MM-DD")
    if record["kind"] not in KINDS:
        raise GoldError(f"'kind' {record['kind']!r} is not one of {', '.join(KINDS)}")
    if any(record[key] is not None and not isinstance(record[key], str) for key in ("source", "url")):
        raise GoldError("'source' and 'url' must be strings or null")
    if not isinstance(record["events"], list) or not record["events"]:
        raise GoldError("'events' must be a non-empty list")
    events = tuple(_event(raw, record["text"], n) for n, raw in enumerate(record["events"], 1))
    return GoldDoc(record["id"], record["kind"], record["text"], events)


def _event(raw: object, text: str, number: int) -> GoldEvent:
    where = f"event {number}"
    if not isinstance(raw, dict) or not EVENT_KEYS <= set(raw) <= EVENT_KEYS | OPTIONAL_EVENT_KEYS:
        raise GoldError(f"{where}: needs the keys {sorted(EVENT_KEYS)} (optional: {sorted(OPTIONAL_EVENT_KEYS)})")
    sentence = raw["sentence"]
    if not isinstance(sentence, str) or text.count(sentence) != 1:
        raise GoldError(f"{where}: sentence {sentence!r} occurs {text.count(str(sentence))} times in the text, "
                        "not once")
    if raw["type"] not in PLOVER_TYPES:
        raise GoldError(f"{where}: type {raw['type']!r} is not a PLOVER type")
    if raw["modality"] not in MODALITIES:
        raise GoldError(f"{where}: modality {raw['modality']!r} is not one of {', '.join(sorted(MODALITIES))}")
    _check_date(raw["date"], raw["precision"], where)
    return GoldEvent(sentence, raw["type"], _codes(raw["actor"], where), _codes(raw["recipient"], where),
                     raw["modality"], raw["date"], raw["precision"], _flag(raw.get("symmetric", False), where),
                     _cases(raw.get("cases", []), where))


def _check_date(value: object, precision: object, where: str) -> None:
    if value is None and precision is None:
        return
    if precision not in DATE_FORMS or not isinstance(value, str) or not re.fullmatch(DATE_FORMS[precision], value):
        raise GoldError(f"{where}: date {value!r} with precision {precision!r} is not one of "
                        "2004-02-06/day, 2004-W06/week, 2004-02/month, 2004/year or null/null")


def _codes(value: object, where: str) -> Codes:
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise GoldError(f"{where}: actor and recipient must be lists of codes")
    return frozenset(value)


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise GoldError(f"{where}: 'symmetric' must be true or false")
    return value


def _cases(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(case, str) and case for case in value):
        raise GoldError(f"{where}: 'cases' must be a list of names")
    return tuple(value)


def known_codes() -> frozenset[str]:
    """Every country code of the packaged countries.tsv and IGO code of igos.tsv."""
    data = resources.files("dyadwatch") / "data"
    return frozenset(line.split("\t", 1)[0] for name in ("countries.tsv", "igos.tsv")
                     for line in (data / name).read_text(encoding="utf-8").splitlines()[1:] if line.strip())


# --- coding -------------------------------------------------------------------------------------------

def code_gold(path: Path, coder: Coder) -> tuple[RunSummary, dict[str, list[Event]]]:
    """Run the real pipeline on the gold file (it is dyadwatch JSONL input) into an in-memory store; the
    run's summary and the stored events by document id."""
    by_doc: dict[str, list[Event]] = {}
    with Store(":memory:") as store:
        summary = run([path], store, coder=coder)
        for event in store.events():
            by_doc.setdefault(event.doc_id, []).append(event)
    return summary, by_doc


# --- scoring ------------------------------------------------------------------------------------------

def outcomes(docs: list[GoldDoc], predicted: dict[str, list[Event]]) -> Iterator[Outcome]:
    """Each gold event with its match among the predicted events of its document."""
    for doc in docs:
        for gold in doc.events:
            match = _match(gold, predicted.get(doc.doc_id, []))
            source, target = _sides_right(gold, match)
            yield Outcome(doc, gold, match, source, target)


def _match(gold: GoldEvent, events: list[Event]) -> Event | None:
    candidates = [e for e in events if gold.sentence in e.sentence and e.event_type == gold.event_type]
    # ties by text order (the sentence, then its trigger word), not by event id, which changes with the stage
    return max(candidates, key=lambda e: (e.confidence, -e.span[0], -e.sentence.find(e.trigger)), default=None)


def _sides_right(gold: GoldEvent, event: Event | None) -> tuple[bool, bool]:
    if event is None:
        return False, False
    actor, recipient = frozenset(countries(event.actor)), frozenset(countries(event.recipient))
    straight = (actor == gold.actor, recipient == gold.recipient)
    if not gold.symmetric:
        return straight
    crossed = (recipient == gold.actor, actor == gold.recipient)
    return max(straight, crossed, key=sum)


@dataclass(frozen=True)
class Report:
    """Figures overall, per kind of document and per hard case, and every wrong gold event."""

    overall: Figures
    kinds: dict[str, Figures]
    cases: dict[str, Figures]
    wrong: list[Outcome] = field(default_factory=list)


def score(docs: list[GoldDoc], predicted: dict[str, list[Event]]) -> Report:
    """Score the coder's events of the gold documents (by doc_id) against the gold events."""
    results = list(outcomes(docs, predicted))
    kinds = {kind: Figures.of([o for o in results if o.doc.kind == kind],
                              (e for d in docs if d.kind == kind for e in predicted.get(d.doc_id, [])))
             for kind in KINDS if any(d.kind == kind for d in docs)}
    cases = {case: Figures.of([o for o in results if case in o.gold.cases])
             for case in sorted({c for o in results for c in o.gold.cases})}
    overall = Figures.of(results, (e for d in docs for e in predicted.get(d.doc_id, [])))
    return Report(overall, kinds, cases, [o for o in results if not o.right])


def describe(codes: Iterable[str]) -> str:
    return "+".join(sorted(codes)) or "-"


def error_row(outcome: Outcome) -> dict[str, str]:
    """One wrong gold event as a row of the --errors TSV."""
    gold, event = outcome.gold, outcome.predicted
    wrong = ["missed"] if event is None else [
        name for name, ok in (("source", outcome.source_right), ("target", outcome.target_right),
                              ("modality", outcome.modality_right), ("date", outcome.date_right)) if not ok]
    return {
        "doc": outcome.doc.doc_id, "sentence": gold.sentence, "wrong": ",".join(wrong),
        "gold": f"{gold.event_type} {describe(gold.actor)}>{describe(gold.recipient)} {gold.modality} "
                f"{gold.date or '-'}/{gold.precision or '-'}{' symmetric' if gold.symmetric else ''}",
        "predicted": "none" if event is None else
        f"{event.event_type} {describe(countries(event.actor))}>{describe(countries(event.recipient))} "
        f"{event.modality} {event.date or '-'}/{event.date_precision or '-'}",
        "predicted_sentence": "" if event is None else event.sentence,
    }
