"""The command line: parse, call one library function, turn named errors into messages.

Exit status: 0 all went well; 1 some input was rejected (the rest is stored) or no input was
found; 2 nothing could be done (bad arguments, unusable database, missing model, internal error).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext, suppress
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .actors.petrarch import PetrarchError, parse_actors, write_persons_tsv
from .analyse import PERIODS, analyse
from .coder import Coder
from .compare import MAX_WITHIN, WITHIN, compare
from .dates import as_date
from .importer import import_files
from .ingest import count_documents
from .lexicon import LexiconError, known_codes
from .model import DATASETS, DateValue, DateValueError, Dyad, DyadError
from .nlp import ModelMissing
from .pipeline import RunSummary, run
from .settings import Settings, SettingsError
from .store import DEFAULT_DB, EventQuery, Store, StoreError
from .timelimit import DEFAULT as TIME_LIMIT
from .timex import tag
from .views.analysis import NAMES, comparison_json, comparison_table, to_json, to_table
from .views.export import FORMATS, ExportError, write
from .views.report import build_context, render
from .views.words import counted_noun
from .watch.sources import SourceError, WatchConfig, read_config, source_of
from .workers import RayMissing, default_workers

OK, REJECTED, FAILED = 0, 1, 2
DEMO_DYAD = Dyad("RUS", "AZE")


class UsageError(ValueError):
    """An argument that cannot be used as given."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: a run stops as it does on Ctrl-C."""


_STOPPED: list[str] = []  # the signals that asked this process to stop


def _terminate(signum: int, frame: Any) -> None:
    _STOPPED.append("SIGTERM")
    raise Terminated


def _interrupt(signum: int, frame: Any) -> None:
    _STOPPED.append("SIGINT")
    raise KeyboardInterrupt


def _stopping(error: BaseException) -> bool:
    """Whether an error is the signal to stop: the signal itself, or what a library made of it
    (DuckDB answers one that comes during a query with "Query interrupted")."""
    return isinstance(error, KeyboardInterrupt) or bool(_STOPPED)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def shown(text: str) -> str:
    """A name or text as it may be printed: control characters (a newline, a terminal escape) shown as
    escapes, so that a file name cannot forge a line of the summary or clear the screen."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _publication_date(text: str | None, option: str = "--date") -> DateValue | None:
    """A day as YYYY-MM-DD, read strictly: "2023-13-01" or "16/05/2023" is refused, not guessed at."""
    if text is None:
        return None
    try:
        value = DateValue.parse(text)
    except DateValueError:
        value = None
    if value is None or value.precision != "day":
        raise UsageError(f"{option} '{text}' is not a day that exists; write it as YYYY-MM-DD")
    return value


def _progress(paths: Sequence[str] = ()) -> Callable[[int, str], None]:
    """Progress of a run: on a terminal a bar with documents per second and the time left, redrawn in
    place; else a plain line every 100 documents."""
    tty = sys.stderr.isatty()
    total = count_documents(paths) if paths else 0
    began = time.monotonic()

    def show(number: int, doc_id: str) -> None:
        rate = number / max(time.monotonic() - began, 1e-6)
        if tty:
            done = min(number / total, 1.0) if total else 0.0
            bar = "#" * round(done * 24) + "." * (24 - round(done * 24))
            left = f", {_duration((total - number) / rate)} left" if total > number else ""
            print(f"\r  [{bar}] {number:,}/{total:,} documents, {rate:.1f}/s{left}  {shown(doc_id)[:40]:<40}",
                  end="", file=sys.stderr, flush=True)
        elif number % 100 == 0:
            _stderr(f"  coded {number:,} documents of about {total:,}, {rate:.1f}/s" if total else
                    f"  coded {number:,} documents, {rate:.1f}/s")
    return show


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def _summary(summary: RunSummary, db: str, paths: Sequence[str], dyads: list[tuple[Dyad, int]]) -> int:
    """The one-screen account of a run; ``dyads``: the database's with the most events."""
    if sys.stderr.isatty() and summary.documents:
        print(file=sys.stderr)
    unchanged = f" ({summary.unchanged} unchanged, skipped)" if summary.unchanged else ""
    print(f"documents coded   {summary.documents}{unchanged}")
    print(f"sentences         {summary.sentences}")
    print(f"events            {summary.events}")
    print(f"rejected inputs   {len(summary.rejects)}")
    for reject in summary.rejects:
        print(f"  {shown(reject.origin)}: {shown(reject.reason)}")
    if summary.undated:
        print(f"undated documents {summary.undated} (no publication date in their metadata, text or file name: "
              "their events are dated only by what their sentences say; --date gives one)")
    stored = summary.stored
    print(f"database {shown(db)}: {counted_noun(stored.get('documents', 0), 'document')}, "
          f"{counted_noun(stored.get('events', 0), 'event')}")
    if dyads:
        print("dyads, most events first: " + ", ".join(f"{d} ({counted_noun(n, 'event')})" for d, n in dyads))
        top = dyads[0][0]
        print(f"next: dyadwatch report --db {shown(db)} --dyad {top} -o {top}.html   (a report to read)")
        print(f"      dyadwatch serve --db {shown(db)}   (the web view, at http://127.0.0.1:8765)")
    if not summary.documents and not summary.unchanged and not summary.rejects:
        _stderr(f"no documents found in {', '.join(shown(p) for p in paths)} "
                "(dyadwatch reads .txt, .md, .html and .jsonl files)")
        return REJECTED
    return REJECTED if summary.rejects else OK


def _settings(args: argparse.Namespace) -> Settings:
    """The run's settings from its options; a bad one fails here, before any database is opened."""
    return Settings(published=_publication_date(args.date), tables=_tables(args.tables), workers=args.workers,
                    engine=args.engine, address=args.address, time_limit=args.time_limit or None,
                    follow_links=args.follow_links)


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    created = not Path(args.db).exists()
    with Store(args.db) as store:
        try:
            summary = run(args.paths, store, settings, progress=_progress(args.paths))
        except BaseException as stop:
            if not _stopping(stop):
                raise
            _stderr(_interrupted(store))
            _discard_if_empty(store, created)
            return FAILED
        status = _summary(summary, args.db, args.paths, store.dyads(5))
        _discard_if_empty(store, created)
        return status


def cmd_watch(args: argparse.Namespace) -> int:
    from .watch.poll import Watcher  # imported here: only watching needs httpx and feedparser

    config = read_config(Path(args.config)) if args.config else WatchConfig(())
    config = dataclasses.replace(
        config, sources=(*config.sources, *(source_of(s) for s in args.sources)),
        every=args.every or config.every, dyad=Dyad.parse(args.dyad) if args.dyad else config.dyad,
        alert_intensity=config.alert_intensity if args.alert_intensity is None else args.alert_intensity,
        alert_types=config.alert_types | {t.upper() for t in args.alert_type},
        alert_index=config.alert_index if args.alert_index is None else args.alert_index,
        alert_log=Path(args.alert_log) if args.alert_log else config.alert_log, webhook=args.webhook or config.webhook)
    if not config.sources:
        raise UsageError("no sources: give feed addresses, folders or .jsonl files, or --config FILE")
    if config.dyad is not None:
        config = dataclasses.replace(config, dyad=config.dyad.known_in(known_codes()))
    settings = Settings(tables=_tables(args.tables), workers=1)
    with Store(args.db) as store:
        watcher = Watcher(store, config, settings=settings)
        try:
            watcher.watch(once=args.once)
        except BaseException as stop:
            if not _stopping(stop):
                raise
            with suppress(StoreError):  # stopped between polls: the writer again, to say what is stored
                store.take_back()
            _stderr(_interrupted(store))
            return FAILED
        finally:
            watcher.fetcher.close()
    return OK


def _discard_if_empty(store: Store, created: bool) -> None:
    """Remove a database this run created and stored no document in, and its lock file: a run that
    codes nothing leaves nothing behind."""
    try:
        empty = created and store.counts()["documents"] == 0
    except Exception:  # what was being written when a signal came: keep it as it is
        return
    if empty:
        store.close()
        for path in (Path(store.path), Path(f"{store.path}.lock"), Path(f"{store.path}.wal")):
            path.unlink(missing_ok=True)
        _stderr(f"{shown(store.path)} not kept: nothing was stored in it")


def _interrupted(store: Store) -> str:
    """What an interrupted run says: what stopped it and what the database holds now."""
    how = "stopped by SIGTERM" if "SIGTERM" in _STOPPED else "interrupted"
    if sys.stderr.isatty():
        how = f"\n{how}"
    try:
        store.release()  # the batch being written is rolled back; what was stored before stays
        counts = store.counts()
        held = (f"; {shown(str(store.path))} holds {counted_noun(counts['documents'], 'document')}, "
                f"{counted_noun(counts['events'], 'event')}")
    except Exception:  # the database may be what was being written when the signal came: say less
        held = ""
    return f"{how}: the documents stored so far are kept{held}; run again to finish"


def _known(dyad: Dyad, store: Store) -> Dyad:
    """The dyad, if the packaged tables or the database know both its codes."""
    return dyad.known_in(known_codes(), store.codes)


def cmd_export(args: argparse.Namespace) -> int:
    dyad = Dyad.parse(args.dyad) if args.dyad else None
    with Store(args.db, read_only=True) as store:
        dyad = _known(dyad, store) if dyad else None
        events = list(store.events(dyad))
        total = store.counts()["events"]
    with open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout) as out:
        count = write(events, out, args.format)
    if count == 0:
        why = f"none of its {total} events are between {dyad.first} and {dyad.second}" if dyad and total \
            else "it holds no events"
        _stderr(f"no events exported: {shown(args.db)}: {why}")
    elif args.output:
        _stderr(f"wrote {count} events to {shown(args.output)}")
    return OK


def _write_report(store: Store, dyad: Dyad, output: str, by: str = "year") -> None:
    places = store.places(EventQuery(dyad=dyad, modality="asserted"))
    events = list(store.events())
    comparisons = [compare(events, theirs, dyad, dataset, by) for dataset in sorted(store.external_counts())
                   if (theirs := store.external_events(dataset, dyad))]
    context = build_context(events, dyad, store.documents(), by, places, comparisons)
    Path(output).write_text(render(context), encoding="utf-8")
    events = context.dated + context.undated
    print(f"wrote {shown(output)}: {len(events)} events between {dyad.first} and {dyad.second}")
    if not events:
        _stderr(f"the report is empty: {shown(str(store.path))} holds no events between {dyad.first} and "
                f"{dyad.second}")


def cmd_report(args: argparse.Namespace) -> int:
    dyad = Dyad.parse(args.dyad)
    with Store(args.db, read_only=True) as store:
        _write_report(store, _known(dyad, store), args.output, args.by)
    return OK


def cmd_analyse(args: argparse.Namespace) -> int:
    if args.compare:
        return _compare(args)
    dyad = Dyad.parse(args.dyad)
    with Store(args.db, read_only=True) as store:
        dyad = _known(dyad, store)
        analysis = analyse(list(store.events()), dyad, args.by, args.threshold)
        total = store.counts()["events"]
    if args.format == "json":
        print(json.dumps(to_json(analysis), ensure_ascii=False, indent=2))
    else:
        print(to_table(analysis))
    if analysis.clusters == 0:
        why = "it holds no events" if not total else (
            f"none of its {total} events between {dyad.first} and {dyad.second} happened on a known date "
            "(negated, hypothetical, future, reported or undated events are not counted)")
        _stderr(f"nothing to analyse: {shown(args.db)}: {why}")
        return REJECTED
    return OK


def _compare(args: argparse.Namespace) -> int:
    if not 0 <= args.within <= MAX_WITHIN:
        raise UsageError(f"--within {args.within}: give the days apart from 0 to {MAX_WITHIN}")
    dyad = Dyad.parse(args.dyad)
    with Store(args.db, read_only=True) as store:
        dyad = _known(dyad, store)
        theirs = store.external_events(args.compare, dyad)
        imported = store.external_counts().get(args.compare, 0)
        found = compare(store.events(dyad), theirs, dyad, args.compare, args.by, args.within)
    print(json.dumps(comparison_json(found), ensure_ascii=False, indent=2) if args.format == "json"
          else comparison_table(found))
    if not theirs:
        name = NAMES[args.compare]
        why = (f"none of its {imported:,} {name} events are between {dyad.first} and {dyad.second}" if imported else
               f"it holds no {name} events; import them with 'dyadwatch import {args.compare} FILE... --db {args.db}'")
        _stderr(f"nothing to compare with: {shown(args.db)}: {why}")
        return REJECTED
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    dyad = Dyad.parse(args.dyad) if args.dyad else None
    tty = sys.stderr.isatty()
    began = time.monotonic()

    def progress(rows: int, name: str) -> None:  # every 100,000 rows: in place on a terminal, else a line
        line = f"  read {rows:,} rows, {rows / max(time.monotonic() - began, 1e-6):,.0f}/s: {shown(name)[-50:]}"
        print(f"\r{line}" if tty else line, end="" if tty else "\n", file=sys.stderr, flush=True)

    with Store(args.db) as store:
        done = import_files(args.dataset, [Path(f) for f in args.files], store, dyad, progress)
        stored = store.external_counts().get(args.dataset, 0)
        ours = dyad or next((pair for pair, _ in store.dyads(1)), None)  # the dyad to compare: ours most told
    if tty and done.rows >= 100_000:
        print(file=sys.stderr)
    name = NAMES[args.dataset]
    rate = done.rows / max(done.seconds, 1e-6)
    print(f"imported {counted_noun(done.events, f'{name} event')} from {counted_noun(done.files, 'file')}: "
          f"{done.rows:,} rows in {_duration(done.seconds)}, {rate:,.0f} rows/s")
    if done.mentions:
        print(f"mentions          {done.mentions:,} (articles naming the events)")
    if done.outside or done.outside_mentions:
        print(f"left out          {done.outside:,} events not between {dyad}, {done.outside_mentions:,} mentions "
              "of events not kept (import the event files first, or with them)")
    if done.untyped:
        print(f"no PLOVER type    {done.untyped:,} (CAMEO public statements and investigations: stored, not compared)")
    print(f"rejected rows     {done.rejected:,}" + (" (the first 1,000 a file in the rejects table)"
                                                    if done.rejected > len(done.rejects) else ""))
    for reject in done.rejects[:5]:
        print(f"  {shown(reject.origin)}: {shown(reject.reason)}")
    if done.rejected > 5:
        print(f"  … and {done.rejected - 5:,} more")
    for failure in done.failed:
        _stderr(f"not imported: {shown(failure)}")
    print(f"database {shown(args.db)}: {counted_noun(stored, f'{name} event')}")
    if stored:
        print(f"next: dyadwatch analyse --db {shown(args.db)} --dyad {ours or 'AAA-BBB'} --compare {args.dataset}")
    if done.failed:
        return FAILED if not done.files else REJECTED
    return REJECTED if done.rejected else OK


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn  # the web view's dependencies load only when it is asked for

    from .views.serve import create_app

    with Store(args.db, read_only=True) as store:  # a missing or foreign database fails here, with its name
        count = store.counts()["events"]
    print(f"serving {shown(args.db)} ({count} events) at http://{args.host}:{args.port}/ (API at /api/, schema at "
          "/openapi.json); Ctrl-C stops")
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return OK


def cmd_demo(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / "dyadwatch.duckdb")
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as corpus, Store(db) as store:
        status = _summary(run([str(corpus)], store, progress=_progress()), db, [str(corpus)], store.dyads(5))
        with open(folder / "events.jsonl", "w", encoding="utf-8") as out:
            print(f"wrote {shown(str(folder / 'events.jsonl'))}: {write(store.events(), out, 'jsonl')} events")
        _write_report(store, DEMO_DYAD, str(folder / "report.html"))
        analysis = analyse(list(store.events()), DEMO_DYAD)
    (folder / "analysis.json").write_text(json.dumps(to_json(analysis), ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    print(f"wrote {shown(str(folder / 'analysis.json'))}\n\n{to_table(analysis)}")
    return status


def cmd_dates(args: argparse.Namespace) -> int:
    anchor = _publication_date(args.anchor, "--anchor")
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    found = tag(text, as_date(anchor) if anchor else None, args.tense)
    for timex in found:
        print(json.dumps({"start": timex.start, "end": timex.end, "text": timex.text, "type": timex.type,
                          "value": timex.value, "mod": timex.mod}, ensure_ascii=False))
    if not found:
        _stderr(f"no time expressions found in {shown(args.file)}")
    return OK


def cmd_actors_lookup(args: argparse.Namespace) -> int:
    when = _publication_date(args.date)
    found = Coder(Settings(tables=_tables(args.tables))).lookup(args.name, when)
    print(f'"{shown(args.name)}" on {when.value if when else "an unknown date"}')
    if found.candidates:
        print("persons in the knowledge base with this name (* the one it resolves to):")
    for role, held in found.candidates:
        mark, also = ("*", "") if role == found.pick else (" ", ", also in office then" if held else "")
        period = f"{role.start or '…'} to {role.end or 'now'}"
        print(f"  {mark} {role.entity_id:<28} {role.name:<24} {role.role} ({role.country}), {period}{also}")
    if found.candidates and found.pick is None:
        print(f"nothing is starred: {shown(found.unpicked or 'the name resolves to none of these persons')}")
    if found.note:
        print(f"note: {shown(found.note)}")
    if not found.mentions:
        print("resolves to: nothing (not a known name, title or place)")
        return REJECTED
    for mention in found.mentions:
        actor = mention.actor
        print(f"resolves to: {actor.name} [{actor.entity_id or 'no id'}] country {actor.country or '?'}, "
              f"sector {actor.sector or '?'}; rule {actor.rule}, confidence {actor.confidence}")
        print(f"  because {actor.evidence}")
    return OK


def cmd_actors_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    rows = parse_actors(source.read_text(encoding="utf-8", errors="strict"), str(source))
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        count = write_persons_tsv(rows, out)
    print(f"wrote {count} rows to {shown(args.output)}; use its folder with 'dyadwatch run --tables'")
    return OK


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("give a number of seconds above 0")
    return value


def _tables(folder: str | None) -> Path | None:
    """The --tables folder; Settings checks that it is one."""
    return Path(folder) if folder else None


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="dyadwatch", formatter_class=fmt,
                                     description="Code news articles into a dated, sourced history of "
                                                 "two countries' relations.",
                                     epilog="example:\n  dyadwatch run articles/ --db news.duckdb\n"
                                            "  dyadwatch report --db news.duckdb --dyad RUS-AZE -o report.html")
    parser.add_argument("--version", action="version", version=f"dyadwatch {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, example: str, func: Callable[[argparse.Namespace], int]
                ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                                  epilog=f"example:\n  {example}")
        sub.set_defaults(func=func)
        return sub

    def db_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                         help=f"DuckDB database file (default ./{DEFAULT_DB})")

    sub = command("run", "Ingest, code and store articles (files, folders, JSONL).",
                  "dyadwatch run articles/ feed.jsonl --db news.duckdb --date 2004-02-11", cmd_run)
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.md/.html files, folders of them, or .jsonl files")
    sub.add_argument("--tables", metavar="DIR",
                     help="folder of your own tables (countries.tsv, persons.tsv, …) added to the packaged ones")
    sub.add_argument("--date", metavar="YYYY-MM-DD",
                     help="publication date of the plain files (wins over dates found in them)")
    sub.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                     help=f"processes that parse and code (default: all cores, here {default_workers()})")
    sub.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local processes, or Ray (needs the 'ray' extra)")
    sub.add_argument("--address", metavar="ADDR", help="a Ray cluster to join (default: start a local Ray)")
    sub.add_argument("--time-limit", type=float, default=TIME_LIMIT, metavar="SECONDS",
                     help=f"reject a document whose cleaning or coding takes longer (default {TIME_LIMIT:g}; 0: none)")
    sub.add_argument("--follow-links", action="store_true",
                     help="read files that symbolic links in a folder lead to outside it (default: rejected)")
    db_option(sub)

    sub = command("export", "Write the stored events as JSONL or CSV (to standard output or a file).",
                  "dyadwatch export --db news.duckdb --format csv --dyad RUS-AZE -o events.csv", cmd_export)
    sub.add_argument("--format", choices=FORMATS, default="jsonl")
    sub.add_argument("--dyad", metavar="AAA-BBB", help="only events between these two sides, e.g. RUS-AZE")
    sub.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    db_option(sub)

    sub = command("report", "Write a self-contained HTML report on one dyad.",
                  "dyadwatch report --db news.duckdb --dyad RUS-AZE -o report.html", cmd_report)
    sub.add_argument("--dyad", required=True, metavar="AAA-BBB", help="the two sides, e.g. RUS-AZE")
    sub.add_argument("-o", "--output", default="report.html", metavar="FILE")
    sub.add_argument("--by", choices=PERIODS, default="year", help="period of the chart")
    db_option(sub)

    sub = command("analyse", "Describe one dyad over time: cooperation and conflict by period, turning points "
                  "with their evidence, contexts, third parties and the most quoted speakers.",
                  "dyadwatch analyse --db news.duckdb --dyad RUS-AZE --by quarter --format json", cmd_analyse)
    sub.add_argument("--dyad", required=True, metavar="AAA-BBB", help="the two sides, e.g. RUS-AZE")
    sub.add_argument("--by", choices=PERIODS, default="year", help="the period of the series (default year)")
    sub.add_argument("--format", choices=("table", "json"), default="table")
    sub.add_argument("--threshold", type=float, default=2.5, metavar="N",
                     help="a turning point is a change of the index by N or more (default 2.5)")
    sub.add_argument("--compare", choices=DATASETS, metavar="DATASET",
                     help="hold the dyad against an imported dataset: gdelt, icews or polecat (see 'import')")
    sub.add_argument("--within", type=int, default=WITHIN, metavar="DAYS",
                     help=f"with --compare: an event of theirs matches one of ours this many days apart at most "
                          f"(default {WITHIN})")
    db_option(sub)

    sub = command("import", "Import another dataset's events (GDELT 2.0, ICEWS, POLECAT) to compare with; "
                  "kept apart from coded events.",
                  "dyadwatch import gdelt 20240503.export.CSV.zip 20240503.mentions.CSV.zip --db news.duckdb "
                  "--dyad RUS-AZE", cmd_import)
    sub.add_argument("dataset", choices=DATASETS, metavar="DATASET", help="gdelt, icews or polecat: the files' dataset")
    sub.add_argument("files", nargs="+", metavar="FILE",
                     help="files as downloaded: GDELT *.export.CSV.zip and *.mentions.CSV.zip, ICEWS *.tab, "
                          "POLECAT *.txt (plain, .zip or .gz)")
    sub.add_argument("--dyad", metavar="AAA-BBB", help="keep only the events between these two sides")
    db_option(sub)

    sub = command("serve", "Serve a read-only web view of a database, with a JSON API under /api/.",
                  "dyadwatch serve --db news.duckdb --port 8765", cmd_serve)
    sub.add_argument("--port", type=int, default=8765, metavar="N", help="port to listen on (default 8765)")
    sub.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    db_option(sub)

    actors = commands.add_parser("actors", help="Look up names in the actor knowledge base.",
                                 description="Look up names in the actor knowledge base.")
    actor_commands = actors.add_subparsers(dest="actors_command", required=True, metavar="COMMAND")
    sub = actor_commands.add_parser("lookup", help="Show the candidates for a name on a date, and the pick.",
                                    description="Show the candidates for a name on a date, and the pick.",
                                    formatter_class=fmt,
                                    epilog='example:\n  dyadwatch actors lookup Aliyev --date 2002-01-25\n'
                                           '  dyadwatch actors lookup "the Russian foreign minister" --date 2010-05-01')
    sub.set_defaults(func=cmd_actors_lookup)
    sub.add_argument("name", metavar="NAME", help="a name, surname, title or place as news writes it")
    sub.add_argument("--date", metavar="YYYY-MM-DD", help="the date of the event (default: none known)")
    sub.add_argument("--tables", metavar="DIR", help="folder of your own tables added to the packaged ones")

    sub = actor_commands.add_parser("import", help="Convert a PETRARCH/CAMEO .actors dictionary to persons.tsv.",
                                    description="Convert a PETRARCH/CAMEO .actors dictionary (dated codes "
                                                "included) to a persons.tsv table for --tables.",
                                    formatter_class=fmt,
                                    epilog="example:\n  dyadwatch actors import Phoenix.Countries.actors "
                                           "-o mytables/persons.tsv")
    sub.set_defaults(func=cmd_actors_import)
    sub.add_argument("file", metavar="FILE", help="a .actors dictionary")
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the persons.tsv to write")

    sub = command("dates", "Find the time expressions of a text and their TIMEX3 values (one JSON object a line).",
                  "dyadwatch dates article.txt --anchor 2001-01-16", cmd_dates)
    sub.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    sub.add_argument("--anchor", metavar="YYYY-MM-DD", help="the publication date that relative dates count from")
    sub.add_argument("--tense", choices=("past", "future"), help="force the direction of 'Tuesday', 'in May', …")

    sub = command("watch", "Poll feeds, sitemaps, folders and growing JSONL files; code what is new; raise alerts.",
                  "dyadwatch watch --once --db news.duckdb --dyad RUS-AZE https://example.org/rss.xml inbox/",
                  cmd_watch)
    sub.add_argument("sources", nargs="*", metavar="URL_OR_PATH",
                     help="an RSS or Atom feed or a sitemap (http/https), a folder, or a .jsonl file")
    db_option(sub)
    sub.add_argument("--config", metavar="FILE", help="a TOML file of sources and settings (see the README)")
    sub.add_argument("--once", action="store_true", help="poll each source once and stop (for cron)")
    sub.add_argument("--every", type=_positive_seconds, metavar="SECONDS",
                     help="seconds between polls (default 900)")
    sub.add_argument("--dyad", metavar="AAA-BBB", help="the dyad alerts are about (none: event alerts of any dyad)")
    sub.add_argument("--alert-intensity", type=float, metavar="X",
                     help="alert on a new event of intensity X or below (default -7)")
    sub.add_argument("--alert-type", action="append", default=[], metavar="TYPE",
                     help="alert on every new event of this PLOVER type too (repeatable)")
    sub.add_argument("--alert-index", type=float, metavar="X",
                     help="alert when the current period's index is at or past X (below it when X < 0)")
    sub.add_argument("--alert-log", metavar="FILE", help="append each alert to this JSONL file")
    sub.add_argument("--webhook", metavar="URL", help="POST each poll's alerts to this URL as JSON")
    sub.add_argument("--tables", metavar="DIR", help="a folder of your own tables, added to the packaged ones")

    sub = command("demo", "Run everything on the bundled demo corpus (Russia–Azerbaijan, 1992–2025).",
                  "dyadwatch demo --dir dyadwatch-demo", cmd_demo)
    sub.add_argument("--dir", default="dyadwatch-demo", metavar="DIR", help="where to write the database and report")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers: dict[int, Callable[[int, Any], None]] = {signal.SIGTERM: _terminate}  # stops as Ctrl-C does
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where Ctrl-C is ignored (nohup)
        handlers[signal.SIGINT] = _interrupt
    own = threading.current_thread() is threading.main_thread()
    before = {number: signal.signal(number, handler) for number, handler in handlers.items()} if own else {}
    _STOPPED.clear()
    try:
        return _dispatch(args)
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _dispatch(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except (UsageError, SettingsError, DyadError, ExportError, StoreError, ModelMissing, LexiconError, PetrarchError,
            RayMissing, SourceError) as error:
        _stderr(f"dyadwatch {args.command}: {shown(str(error))}")
        return FAILED
    except BrokenPipeError:  # the reader went away (dyadwatch export | head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        _stderr("stopped by SIGTERM" if "SIGTERM" in _STOPPED else "interrupted")
        return FAILED
    except OSError as error:
        _stderr(f"dyadwatch {args.command}: {shown(str(error.filename or ''))}: {error.strerror or error}")
        return FAILED
    except Exception as error:  # a bug: say so plainly; DYADWATCH_DEBUG=1 shows the traceback
        if os.environ.get("DYADWATCH_DEBUG"):
            raise
        _stderr(f"dyadwatch {args.command}: internal error ({type(error).__name__}: {shown(str(error))}); "
                "please report it, with DYADWATCH_DEBUG=1 set to see where it happened")
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
