"""Convert PETRARCH2's Phoenix dictionaries into dyadwatch's packaged tables in data/phoenix/.

    python scripts/phoenix_tables.py --phoenix DIR [--out src/dyadwatch/data/phoenix] [--check]

DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt. The script writes persons.tsv (one row per
dated role), organisations.tsv (bodies with a home state) and agents.tsv (generic agents and
their sectors), sorted, the same bytes on every run; ``--check`` compares instead of writing and
exits 1 when a table differs. Rows the hand-kept tables (``--tables``, the packaged data folder
by default) already cover are left out: hand-kept rows win. What is left out and why is printed.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import phoenix_rules as rules

from dyadwatch.actors.persons import skeleton
from dyadwatch.actors.petrarch import ActorEntry, CodeBlock, PetrarchError, read_agents, read_entries, title_case

ACTOR_FILES = ("Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
AGENTS_FILE = "Phoenix.agents.txt"
HEADERS = {"persons.tsv": "id\tname\tvariants\tcountry\tsector\trole\tstart\tend",
           "organisations.tsv": "code\tname\taliases\tcountry\tsector", "agents.tsv": "word\tsector"}
# Known faults of the Phoenix files (commit 676801c), each line as written → as meant. Every other
# line that cannot be read stops the script with its file, line and problem.
CORRECTIONS = {
    "Phoenix.Countries.actors.txt": {
        "\t[ARMUNR 9008223-911221]": "\t[ARMUNR 900823-911221]",  # a doubled digit
        "\t[EGYGOV 20121207-20120802] # PM pt. 2": "\t[EGYGOV 20111207-20120802]",  # Ganzouri's second term
        "+FAEROYENE]_": "+FAEROYENE_",
        "\t[GBRGOV >201005011]": "\t[GBRGOV >20100511]",  # Cameron from 11 May 2010
        "\t[IRQOCC 1920030320-20060520]": "\t[IRQOCC 20030320-20060520]",
        "\t[MNEGOV 20121204]": "\t[MNEGOV >20121204]",
        "\t[SDNSSDAUT 1920050709-20110709]": "\t[SDNSSDAUT 20050709-20110709]",
        "\t[USAGOV 19820101] # entered Foreign Service": "\t[USAGOV >19820101]",
    },
    "Phoenix.International.actors.txt": {
        "\t[KORGOVBUS 2004017-20061201]": "\t[KORGOVBUS 20040117-20061201]",  # Ban Ki-moon's ministry
        "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt": "\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt",
        "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000": "A.H._BELO_CORPORATION_\t[MNCMED]",
        "ACCRETIVE_HEALTH_INC_\t[MNCHLH]\tOther Consumer Services\t$991,000,000": "ACCRETIVE_HEALTH_INC_\t[MNCHLH]",
        "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] Antilles\tMedical/Dental Instruments\t$503,000,000":
            "ORTHOFIX_INTERNATIONAL_\t[MNCNLD]",
    },
    "Phoenix.agents.txt": {"DEPARMENT_OF_ENVIRONMENT [~ENV}": "DEPARMENT_OF_ENVIRONMENT [~ENV]",
                           "ISLAMIC_EXTREMIST": ""},  # an agent without a code
}
# English words too common to be a name on their own, besides those of the hand-kept tables
COMMON = rules.word_set("""
a an the of and or for to in on at by with from as is are was were be been it its this that these those he she
they we you his her their our new old first last one two three all any some other such more most many same
time year day people man men woman women world country state states nation national international united union
general public global news group action people free liberation peace development service services power energy
oil gas bank trust first great royal central western eastern northern southern north south east west apple
orange shell total target amazon delta visa sun star general express life capital
""")


class PhoenixError(ValueError):
    """A Phoenix folder or file that cannot be converted: the file and the problem."""


@dataclass(frozen=True)
class HandKept:
    """What the hand-kept tables already hold, against which Phoenix rows are checked."""

    countries: frozenset[str]  # alpha-3 codes of countries.tsv
    codes: frozenset[str]  # every code of countries, igos, places and organisations
    forms: frozenset[str]  # every name, alias, variant and word of every table, case-folded
    person_keys: frozenset[str]  # skeletons of the persons' multi-word variants
    adjectives: frozenset[str]  # countries' adjectives and short aliases (US, UK), upper case
    acronyms: frozenset[str]  # upper-case single-word forms (UN, US, NATO), kept upper case in names
    common: frozenset[str]  # lower-case words too common to be a name alone


@dataclass
class _Person:
    name: str
    variants: list[str]
    blocks: list[tuple[rules.Reading, CodeBlock]]
    states: set[str]
    ident: str = ""


@dataclass
class _Body:
    name: str
    forms: list[str]
    country: str
    sector: str
    acronym: str
    order: tuple[int, str] = (0, "")


@dataclass
class Tables:
    """The three tables as rows of cells, and what was counted on the way."""

    persons: list[tuple[str, ...]] = field(default_factory=list)
    organisations: list[tuple[str, ...]] = field(default_factory=list)
    agents: list[tuple[str, ...]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    unmapped: Counter[str] = field(default_factory=Counter)


# --- reading ------------------------------------------------------------------------------------


def _table(folder: Path, name: str) -> list[dict[str, str]]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line.strip()]


def _key(form: str) -> str:
    """What makes two forms one: case counts in a one-word name (HAMAS, Hamas), not in others."""
    return form if " " not in form and "-" not in form else form.casefold()


def _unique(forms: Iterable[str]) -> list[str]:
    """``forms`` in order, each once."""
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(_key(form), form)
    return list(seen.values())


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def hand_kept(folder: Path) -> HandKept:
    """The hand-kept tables of ``folder`` (the packaged data folder), read as they are written."""
    countries = _table(folder, "countries.tsv")
    named = {"countries.tsv": ("name", "aliases", "adjectives", "capitals", "seats"),
             "igos.tsv": ("code", "name", "aliases"), "places.tsv": ("code", "name", "aliases"),
             "organisations.tsv": ("code", "name", "aliases"), "persons.tsv": ("name", "variants"),
             "sectors.tsv": ("word",)}
    forms = {form for table, columns in named.items() for row in _table(folder, table)
             for column in columns for form in _split(row[column])}
    codes = {row["code"] for table in ("countries.tsv", "igos.tsv", "places.tsv", "organisations.tsv")
             for row in _table(folder, table)}
    words = {w.lower() for table, column in (("triggers.tsv", "trigger"), ("contexts.tsv", "word"),
                                             ("quotes.tsv", "cue"), ("sectors.tsv", "word"))
             for row in _table(folder, table) for w in row[column].split()}
    short = {a.upper() for row in countries for a in _split(row["aliases"]) if " " not in a and len(a) <= 4}
    adjectives = short | {a.upper() for row in countries for a in _split(row["adjectives"])}
    variants = [v for row in _table(folder, "persons.tsv") for v in _split(row["variants"])]
    acronyms = {f for table in ("countries.tsv", "igos.tsv", "organisations.tsv") for row in _table(folder, table)
                for f in _split(row["aliases"]) if f.isupper() and " " not in f and len(f) <= 6}
    keys = frozenset(skeleton(v) for v in variants if " " in v.strip())
    return HandKept(frozenset(row["code"] for row in countries), frozenset(codes),
                    frozenset(f.casefold() for f in forms), keys,
                    frozenset(adjectives), frozenset(acronyms),
                    frozenset(words | COMMON))


def _source(folder: Path, name: str) -> str:
    path = folder / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PhoenixError(f"{path}: no such file (the folder must hold the four Phoenix dictionaries: "
                           f"{', '.join([*ACTOR_FILES, AGENTS_FILE])})") from None
    except UnicodeDecodeError as error:
        raise PhoenixError(f"{path}: not UTF-8 text (byte {error.start})") from None
    fixes = CORRECTIONS.get(name, {})
    return "\n".join(fixes.get(line.rstrip(), line) for line in text.split("\n"))


# --- persons ------------------------------------------------------------------------------------


def _person(entry: ActorEntry, readings: list[rules.Reading], kept: HandKept, counts: Counter[str]) -> _Person | None:
    tokens, problem = rules.person_core(entry.name, kept.adjectives)
    if problem:
        counts[f"persons left out: {problem}"] += 1
        return None
    states = {r.country for r in readings if r.country in kept.countries}
    east_asian = bool(states & rules.EAST_ASIAN)
    variants = [title_case(" ".join(tokens), syllables=east_asian)]
    for synonym in entry.synonyms:
        core, problem = rules.person_core(synonym, kept.adjectives)
        if not problem and not set(core) & rules.ORG_WORDS:
            variants.append(title_case(" ".join(core), syllables=east_asian))
    return _Person(variants[0], _unique(variants), list(zip(readings, entry.codes, strict=True)), states)


def _clusters(people: list[_Person]) -> list[_Person]:
    """Entries of one name are one person where their countries meet; an entry with no country
    (an IGO official) joins the only person of that name with one."""
    merged: list[_Person] = []
    for person in [p for p in people if p.states] + [p for p in people if not p.states]:
        home = [m for m in merged if m.states & person.states] if person.states else \
            [m for m in merged if m.states] if len([m for m in merged if m.states]) == 1 else \
            [m for m in merged if not m.states]
        if home:
            home[0].blocks += person.blocks
            home[0].states |= person.states
            home[0].variants = _unique([*home[0].variants, *person.variants])
        else:
            merged.append(_Person(person.name, list(person.variants), list(person.blocks), set(person.states)))
    return merged


def _ident_base(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _ascii(name).lower()).strip("_")


def _free(ident: str, taken: set[str]) -> str:
    number, free = 2, ident
    while free in taken:
        free, number = f"{ident}_{number}", number + 1
    taken.add(free)
    return free


def _idents(people: list[_Person]) -> list[_Person]:
    """Persons with their ids: the name's, and the country's after it where one name is several people."""
    by_base: dict[str, list[_Person]] = {}
    for person in people:
        by_base.setdefault(_ident_base(person.name), []).append(person)
    named: list[_Person] = []
    taken: set[str] = set()
    for base, group in sorted(by_base.items()):
        persons = _clusters(group)
        for person in persons:
            place = min(person.states) if person.states else min(r.country or "igo" for r, _ in person.blocks)
            person.ident = _free(base if len(persons) == 1 else f"{base}_{place.lower()}", taken)
            named.append(person)
    return named


def _person_rows(person: _Person, counts: Counter[str]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for reading, block in person.blocks:
        if not reading.country:
            counts["role blocks left out: no country we know (unmapped, transnational or an IGO without a row)"] += 1
            continue
        rows.append((person.ident, person.name, "|".join(person.variants), reading.country, reading.sector,
                     f"CAMEO {block.code}", block.start, block.end))
    return sorted(set(rows), key=lambda r: (not (r[6] or r[7]), r[6], r[7], r[5], r[3]))


def build_persons(entries: list[tuple[ActorEntry, list[rules.Reading]]], kept: HandKept, tables: Tables) -> None:
    counts = tables.counts
    people = []
    for entry, readings in entries:
        person = _person(entry, readings, kept, counts)
        if person is not None:
            people.append(person)
    for person in _idents(people):
        if any(skeleton(v) in kept.person_keys for v in person.variants if " " in v):
            counts["persons left out: a hand-kept person has the same full name"] += 1
            continue
        rows = _person_rows(person, counts)
        if not rows:
            counts["persons left out: no role with a country we know"] += 1
            continue
        counts["persons kept"] += 1
        tables.persons += rows
    tables.persons.sort(key=lambda r: r[0])
    counts["person rows"] = len(tables.persons)


# --- organisations ------------------------------------------------------------------------------


def _single(word: str, kept: HandKept) -> list[str]:
    """A one-word name in upper case, with its title-case form where it reads as a word."""
    if word.lower() in kept.common or not re.search(r"[A-Z]", word):
        return []
    return [word, word.capitalize()] if rules.pronounceable(word) else [word]


def _forms(raw: str, kept: HandKept) -> tuple[list[str], list[str]]:
    """The forms a Phoenix name gives (multi-word names in title case, a one-word name in upper
    case) and the acronyms written in brackets after it."""
    name, acronyms = rules.org_name(raw.upper())
    if re.search(r"[^\w .,'&/+-]", name) or not re.search(r"[A-Z]", name):
        return [], acronyms
    if " " not in name and "-" not in name:
        return _single(name, kept), acronyms
    upper = kept.acronyms | {w for w in name.split() if len(w) > 1 and not re.search(r"[AEIOUY]", w)
                             and w not in rules.COMPANY_SUFFIXES}
    forms = [title_case(name, acronyms=upper)]
    if short := rules.without_company_suffix(name):
        forms.append(title_case(short, acronyms=upper))
    return forms, acronyms


def _body(entry: ActorEntry, readings: list[rules.Reading], kept: HandKept, counts: Counter[str]) -> _Body | None:
    placed = [(r, b) for r, b in zip(readings, entry.codes, strict=True) if r.country in kept.countries]
    if not placed:
        why = ("an IGO (igos.tsv is kept by hand)" if any(r.sector == "IGO" for r in readings) else
               "a code that names no state (transnational or regional)" if any(r.transnational for r in readings)
               else "a country code we cannot map")
        counts[f"bodies left out: {why}"] += 1
        return None
    reading, _ = max(placed, key=lambda rb: (rb[1].end or "9999", rb[1].start))  # the latest standing
    names, acronyms = _forms(entry.name, kept)
    if not names or not reading.sector:
        counts["bodies left out: " + ("a name too common or odd to use" if not names else "no sector")] += 1
        return None
    forms = [*names, *(f for a in acronyms for f in _single(a, kept))]
    for synonym in entry.synonyms:
        more, extra = _forms(synonym, kept)
        forms += [*more, *(f for a in extra for f in _single(a, kept))]
    forms = [f for f in forms if f == names[0] or not _person_like(f, kept)]
    acronym = next((a for a in [*acronyms, *forms] if a.isupper() and " " not in a and
                    (a in acronyms or a == names[0] or a.replace(".", "") == rules.initials(names[0]))), "")
    return _Body(names[0], _unique(forms), reading.country, reading.sector, acronym)


def _person_like(form: str, kept: HandKept) -> bool:
    """Whether a body's alias is a person's name (Phoenix gives groups their leaders' names)."""
    tokens = form.upper().split()
    return " " in form and not set(tokens) & rules.ORG_WORDS and (
        tokens[0] in ("ABU", "UMM") or skeleton(form) in kept.person_keys)


def _code(body: _Body, taken: set[str]) -> str:
    base = re.sub(r"[^A-Z0-9]", "", _ascii(body.acronym or body.name).upper())[:32] or "BODY"
    return _free(base if base not in taken else base + body.country, taken)


def build_organisations(entries: list[tuple[int, ActorEntry, list[rules.Reading]]], kept: HandKept,
                        tables: Tables) -> None:
    counts = tables.counts
    bodies = []
    for order, entry, readings in entries:
        body = _body(entry, readings, kept, counts)
        if body is not None:
            body.order = (order, body.name.casefold())
            bodies.append(body)
    chosen: list[_Body] = []
    claimed: dict[str, _Body] = {}  # each form (by its _key) and the body it names
    for body in sorted(bodies, key=lambda b: (b.order, b.country)):
        if any(form.casefold() in kept.forms for form in body.forms):
            counts["bodies left out: a name, alias or word the hand-kept tables know"] += 1
            continue
        owner = claimed.get(_key(body.name))
        if owner is not None and owner.country != body.country:
            counts["bodies left out: the name of another Phoenix body, of another country"] += 1
            continue
        if owner is None:
            owner = _Body(body.name, [], body.country, body.sector, body.acronym, body.order)
            chosen.append(owner)
        else:
            counts["bodies merged into another of the same name and country"] += 1
        for form in body.forms:
            holder = claimed.setdefault(_key(form), owner)
            if holder is not owner:
                counts["aliases left out: given to another Phoenix body first"] += 1
            elif _key(form) not in {_key(f) for f in owner.forms}:
                owner.forms.append(form)
    taken = set(kept.codes)
    tables.organisations = [(_code(b, taken), b.forms[0], "|".join(b.forms[1:]), b.country, b.sector) for b in chosen]
    tables.organisations.sort()
    counts["organisations kept"] = len(tables.organisations)


# --- agents -------------------------------------------------------------------------------------


def _plural(phrase: str) -> str:
    """The regular plural of an agent ("farmer" → "farmers", "head of state" → "heads of state"),
    empty for a word that is one already."""
    head, of, tail = phrase.partition(" of ")
    *before, last = head.split(" ")
    if last.endswith("s") and not last.endswith("ss"):
        return ""  # already a plural ("troops", "authorities")
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith(("ss", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif re.search(r"[^aeiou]y$", last):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*before, plural]) + of + tail


def build_agents(text: str, source: str, kept: HandKept, tables: Tables) -> None:
    counts = tables.counts
    words: dict[str, str] = {}
    for agent in read_agents(text, source):
        sector = rules.agent_sector(agent.code)
        if not sector:
            counts["agents left out: a code with no sector we map"] += 1
            continue
        for form in agent.forms:
            word = form.lower()
            plurals = [_plural(word)] if agent.plurals is None else [p.lower() for p in agent.plurals]
            for each in [word, *filter(None, plurals)]:
                if not re.fullmatch(r"[a-z][a-z '.-]*[a-z.]", each):
                    counts["agent words left out: characters a word does not have"] += 1
                elif each in kept.forms:
                    counts["agent words left out: a word the hand-kept tables know"] += 1
                elif each in words:
                    counts["agent words left out: given by an earlier agent"] += 1
                else:
                    words[each] = sector
    tables.agents = sorted(words.items())
    counts["agent words kept"] = len(tables.agents)


# --- the whole ----------------------------------------------------------------------------------


def convert(folder: Path, kept: HandKept) -> Tables:
    """The three tables made from the Phoenix dictionaries in ``folder``."""
    tables = Tables()
    people: list[tuple[ActorEntry, list[rules.Reading]]] = []
    bodies: list[tuple[int, ActorEntry, list[rules.Reading]]] = []
    for order, name in enumerate(ACTOR_FILES):
        religion_first = name != "Phoenix.Countries.actors.txt"  # MUSREB: Muslim rebels, not Mauritius
        for entry in read_entries(_source(folder, name), str(folder / name)):
            if not entry.codes:
                tables.counts["entries without a code"] += 1
                continue
            readings = [rules.read_code(b.code, kept.countries, religion_first=religion_first) for b in entry.codes]
            tables.unmapped.update(r.unmapped for r in readings if r.unmapped)
            kind = rules.kind_of(entry, readings, kept.adjectives, name)
            tables.counts[f"entries: {kind}"] += 1
            if kind == "person":
                people.append((entry, readings))
            elif kind == "body":
                bodies.append((order, entry, readings))
    build_persons(people, kept, tables)
    build_organisations(bodies, kept, tables)
    build_agents(_source(folder, AGENTS_FILE), str(folder / AGENTS_FILE), kept, tables)
    return tables


def render(tables: Tables) -> dict[str, str]:
    """Each table's text: its header and its rows, tab-separated, one a line."""
    rows = {"persons.tsv": tables.persons, "organisations.tsv": tables.organisations, "agents.tsv": tables.agents}
    return {name: "".join(f"{line}\n" for line in [HEADERS[name], *("\t".join(r) for r in rows[name])])
            for name in HEADERS}


def _differences(texts: dict[str, str], out: Path) -> list[str]:
    found = []
    for name, text in texts.items():
        old = (out / name).read_text(encoding="utf-8") if (out / name).is_file() else None
        if old is None:
            found.append(f"{out / name}: missing")
        elif old != text:
            new_lines, old_lines = Counter(text.splitlines()), Counter(old.splitlines())
            found.append(f"{out / name}: differs ({sum((new_lines - old_lines).values())} lines to add, "
                         f"{sum((old_lines - new_lines).values())} to remove)")
    return found


def _report(tables: Tables) -> list[str]:
    lines = [f"{key}: {count}" for key, count in sorted(tables.counts.items())]
    unmapped = ", ".join(f"{code} {n}" for code, n in sorted(tables.unmapped.items(), key=lambda kv: (-kv[1], kv[0])))
    return [*lines, f"codes not mapped (blocks): {unmapped or 'none'}"]


def main(argv: Sequence[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="example:\n  python scripts/"
                                     "phoenix_tables.py --phoenix ../shared/dictionaries/phoenix --check",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phoenix", type=Path, required=True, help="folder of the four Phoenix dictionaries")
    parser.add_argument("--out", type=Path, default=here / "phoenix", help="where the tables go (default: %(default)s)")
    parser.add_argument("--tables", type=Path, default=here, help="the hand-kept tables (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with the tables in --out; exit 1 if they differ")
    args = parser.parse_args(argv)
    try:
        tables = convert(args.phoenix, hand_kept(args.tables))
    except (PetrarchError, PhoenixError) as error:
        print(f"phoenix_tables: {error}", file=sys.stderr)
        return 2
    texts = render(tables)
    print("\n".join(_report(tables)))
    if args.check:
        differences = _differences(texts, args.out)
        print("\n".join(differences or [f"{args.out}: the tables match the source"]))
        return 1 if differences else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(str(args.out / name) for name in texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
