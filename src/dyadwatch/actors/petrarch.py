"""Read PETRARCH/TABARI dictionaries: actor entries (``.actors``) and generic agents.

An actor entry is a name at column 0 with code blocks (``[RUSGOV]``) after it on the same line or
on indented lines; ``+`` lines add synonyms (a ``+`` inside a synonym starts another one). A block
may be dated: ``[CODE <YYMMDD]`` (until), ``[CODE >YYMMDD]`` (from), ``[CODE YYMMDD-YYMMDD]``
(between). Each code block of an entry gives one row of the persons table. The comments written on
an entry's lines (``# CountryInfo.txt``) are kept with it as notes.

An agents file holds ``!NAME! = WORD, WORD`` substitution sets, then one agent a line:
``CATTLE!PERSON! {PLURAL} [~AGR]`` (``{}``: no plural; no braces: the regular plural).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field
from datetime import date
from typing import TextIO

COLUMNS = ("id", "name", "variants", "country", "sector", "role", "start", "end")
_NO_CODE = ("---", "+++")
_CODE = r"---|\+\+\+|[A-Za-z][A-Za-z0-9]*(?:/[A-Za-z][A-Za-z0-9]*)*"
_BLOCK = re.compile(
    rf"\s*(?P<code>{_CODE})\s*"
    r"(?:(?P<op>[<>])\s*(?P<day>[0-9]+)|(?<=\s)(?P<first>[0-9]+)\s*-\s*(?P<last>[0-9]+))?\s*"
)
_BLOCKS = r"(?:\[[^\[\]]*\]\s*)"
_ENTRY = re.compile(rf"(?P<name>[^\[\]|]*?)\s*(?P<blocks>{_BLOCKS}*)")
_COMMENT = re.compile(r"<!--.*?-->|#[^\n]*", re.S)  # whichever starts first wins
_AGENT = re.compile(r"(?P<word>[^\[\]{}#]*?)\s*(?:\{(?P<plurals>[^{}]*)\})?\s*\[(?P<code>~?[A-Z]+~?)\]")
_MACRO = re.compile(r"(?P<name>![A-Z]+!)\s*=\s*(?P<words>[^=]+)")
# lower case inside a name: Arabic, Romance, Germanic and Dutch particles, and English small words
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "bint", "ibn", "de", "da", "du", "del",
                        "della", "der", "den", "des", "dos", "das", "do", "van", "von", "zu", "y", "of", "the", "and",
                        "for", "on", "in", "to"})
_LINKS = _PARTICLES | {"ul", "ud", "ur", "us", "e", "i", "wal"}  # inside a hyphenated word
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


class PetrarchError(ValueError):
    """A line of an actor dictionary that cannot be read."""

    def __init__(self, source: str, line: int, problem: str) -> None:
        super().__init__(f"{source}: line {line}: {problem}")
        self.source, self.line, self.problem = source, line, problem


class _Bad(ValueError):
    """A problem on the line being read; the reader adds the file and line."""


@dataclass(frozen=True)
class PersonRow:
    """One row of persons.tsv; every cell is a string, empty when nothing applies."""

    id: str
    name: str
    variants: str
    country: str
    sector: str
    role: str
    start: str
    end: str


@dataclass(frozen=True)
class CodeBlock:
    """One code of a ``[...]`` block, with its dates (``YYYY-MM-DD``, empty when open)."""

    code: str
    start: str
    end: str


@dataclass(frozen=True)
class ActorEntry:
    """One entry of an actor dictionary: names as written (``_`` read as a space), codes, notes."""

    name: str
    synonyms: tuple[str, ...]
    codes: tuple[CodeBlock, ...]
    notes: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class AgentEntry:
    """One generic agent with its substitutions expanded: forms, plurals (None: regular), code."""

    forms: tuple[str, ...]
    plurals: tuple[str, ...] | None
    code: str  # without the "~": "GOVAGR", "IGO"
    line: int


@dataclass
class _Entry:
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def frozen(self) -> ActorEntry:
        return ActorEntry(self.name, tuple(self.synonyms), tuple(self.codes), tuple(self.notes), self.line)


def _words(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def title_case(raw: str, *, syllables: bool = False, acronyms: Iterable[str] = ()) -> str:
    """``HEYDAR_ALIYEV_`` → "Heydar Aliyev": particles inside a name in lower case ("Bashar
    al-Assad", "Osama bin Laden"), Mc and O' ("McCloy", "O'Brien"), initials and a closing Roman
    numeral kept ("George W. Bush", "John Paul II"); ``syllables`` lowers the second half of a
    hyphenated East Asian name ("Ban Ki-moon"); words in ``acronyms`` stay upper case."""
    keep = {a.upper() for a in acronyms}
    words = _words(raw).split(" ")
    return " ".join(_title_word(word, i, len(words), syllables, keep) for i, word in enumerate(words))


def _title_word(word: str, index: int, count: int, syllables: bool, keep: set[str]) -> str:
    bare = word.strip("()[],;:\"'")
    if bare.upper() in keep or (0 < index == count - 1 and _ROMAN.fullmatch(bare.upper())):
        return word.upper()
    parts = word.split("-")
    titled = [_title_part(part, index > 0 or n > 0) for n, part in enumerate(parts)]
    for n, part in enumerate(parts[:-1]):  # "al-Assad", "Harakat-ul-Mujahideen", "Lashkar-e-Taiba"
        if (index > 0 or n > 0) and part.lower() in (_PARTICLES if n == 0 else _LINKS):
            titled[n] = part.lower()
    if index > 0 and len(parts) == 1 and word.lower() in _PARTICLES:
        titled[0] = word.lower()
    if syllables and len(parts) == 2 and parts[1].isalpha():
        titled[1] = parts[1].lower()
    return "-".join(titled)


def _title_part(part: str, inside: bool) -> str:
    text = re.sub(r"^(\(?[a-z])'(\w)", lambda m: m.group(1) + "'" + m.group(2).upper(), part.lower())
    text = re.sub(r"(^|[.(/\"])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), text)
    if inside and re.match(r"[DL]'\w", text):
        text = text[0].lower() + text[1:]  # "Giscard d'Estaing"
    return re.sub(r"^(\(?)Mc([a-z])", lambda m: m.group(1) + "Mc" + m.group(2).upper(), text)


def _ident(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ident = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    if not ident:
        raise _Bad(f"name {name!r} gives an empty id")
    return ident


def _day(raw: str) -> str:
    if len(raw) not in (6, 8):
        raise _Bad(f"{raw!r} is not a date (expected YYMMDD or YYYYMMDD)")
    year = int(raw[:-4]) + ((2000 if int(raw[:-4]) < 30 else 1900) if len(raw) == 6 else 0)
    try:
        return date(year, int(raw[-4:-2]), int(raw[-2:])).isoformat()
    except ValueError:
        raise _Bad(f"{raw!r} is not a date") from None


def _code_blocks(text: str) -> list[CodeBlock]:
    """The codes of the ``[...]`` blocks in ``text`` with their start and end dates."""
    found = []
    for inner in re.findall(r"\[([^\[\]]*)\]", text):
        match = _BLOCK.fullmatch(inner)
        if match is None:
            raise _Bad(f"cannot read code block [{inner}]")
        day = _day(match["day"]) if match["day"] else ""
        start = _day(match["first"]) if match["first"] else day if match["op"] == ">" else ""
        end = _day(match["last"]) if match["last"] else day if match["op"] == "<" else ""
        if start and end and end < start:
            raise _Bad(f"code block [{inner}] ends before it starts")
        for code in match["code"].upper().split("/"):
            if len(code) < 3:
                raise _Bad(f"code {code!r} in [{inner}] is shorter than three letters")
            if code not in _NO_CODE:
                found.append(CodeBlock(code, start, end))
    return found


def _read_line(line: str, number: int, entry: _Entry | None) -> _Entry:
    """Add one comment-free, non-blank line to the current entry; a new entry is returned."""
    stripped = line.strip()
    if stripped.startswith("+"):
        if entry is None:
            raise _Bad("synonym before any entry")
        for synonym in stripped[1:].split("+"):
            if not synonym.strip("_ ") or re.search(r"[\[\]|]", synonym):
                raise _Bad(f"cannot read synonym {stripped!r}")
            entry.synonyms.append(_words(synonym))
        return entry
    if line[0].isspace():
        if entry is None or not re.fullmatch(f"{_BLOCKS}+", stripped):
            raise _Bad(f"expected a code block of an entry, found {stripped!r}")
        entry.codes.extend(_code_blocks(stripped))
        return entry
    match = _ENTRY.fullmatch(stripped)
    if match is None or not match["name"].strip("_ "):
        raise _Bad(f"cannot read entry {stripped!r}")
    _ident(_words(match["name"]))
    return _Entry(_words(match["name"]), number, codes=_code_blocks(match["blocks"]))


def _without_comments(text: str, source: str) -> tuple[list[str], dict[int, list[str]]]:
    """The lines of ``text`` with comments blanked (so line numbers hold) and each line's comments."""
    kept: list[str] = []
    notes: dict[int, list[str]] = {}
    start, line = 0, 1
    for match in _COMMENT.finditer(text):
        line += text.count("\n", start, match.start())
        kept += [text[start:match.start()], "\n" * match.group().count("\n")]
        notes.setdefault(line, []).append(match.group().strip("#<!->\n\t "))
        line += match.group().count("\n")
        start = match.end()
    blanked = "".join([*kept, text[start:]])
    if "<!--" in blanked:
        raise PetrarchError(source, blanked.count("\n", 0, blanked.index("<!--")) + 1, "comment block is never closed")
    return blanked.split("\n"), notes


def read_entries(text: str, source: str) -> list[ActorEntry]:
    """Every entry of an actor dictionary's text, in file order, entries without a code included."""
    entries: list[ActorEntry] = []
    entry: _Entry | None = None
    lines, notes = _without_comments(text.removeprefix("\ufeff").replace("\r\n", "\n"), source)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            new = _read_line(line.rstrip(), number, entry)
        except _Bad as bad:
            raise PetrarchError(source, number, str(bad)) from None
        if entry is not None and new is not entry:
            entries.append(entry.frozen())
        entry = new
        entry.notes.extend(note for note in notes.get(number, ()) if note)
    return entries + ([entry.frozen()] if entry is not None else [])


def person_rows(entry: ActorEntry) -> list[PersonRow]:
    """One persons.tsv row per code of an entry, its synonyms as variants, the code as its role."""
    name = title_case(entry.name)
    variants = "|".join(dict.fromkeys([name, *(title_case(s) for s in entry.synonyms)]))
    rows = []
    for block in entry.codes:
        code = block.code
        country, sector = (code[3:] or "IGO", "IGO") if code.startswith("IGO") else (code[:3], code[3:6])
        rows.append(PersonRow(_ident(name), name, variants, country, sector, f"CAMEO {code}", block.start, block.end))
    return rows


def parse_actors(text: str, source: str) -> list[PersonRow]:
    """One persons.tsv row per code block of every entry in an actor dictionary's text."""
    return [row for entry in read_entries(text, source) for row in person_rows(entry)]


def write_persons_tsv(rows: Iterable[PersonRow], out: TextIO) -> int:
    """Write the header and ``rows`` as persons.tsv; returns the number of rows written."""
    lines = ["\t".join(astuple(row)) for row in rows]
    out.write("".join(f"{line}\n" for line in ["\t".join(COLUMNS), *lines]))
    return len(lines)


def read_agents(text: str, source: str) -> list[AgentEntry]:
    """Every agent of an agents file, its ``!NAME!`` substitutions expanded into forms."""
    macros: dict[str, list[str]] = {}
    agents = []
    lines, _ = _without_comments(text.removeprefix("\ufeff").replace("\r\n", "\n"), source)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            if (macro := _MACRO.fullmatch(line.strip())) is not None:
                macros[macro["name"]] = [_words(w) for w in macro["words"].split(",") if w.strip()]
            else:
                agents.append(_agent(line.strip(), number, macros))
        except _Bad as bad:
            raise PetrarchError(source, number, str(bad)) from None
    return agents


def _agent(line: str, number: int, macros: dict[str, list[str]]) -> AgentEntry:
    match = _AGENT.fullmatch(line)
    if match is None or not match["word"].strip("_ "):
        raise _Bad(f"cannot read agent {line!r} (expected WORDS [~CODE])")
    code = match["code"].strip("~")
    # a substitution set gives every form (MINISTER, MINISTERS, ...): no plural is added to those
    given = match["plurals"] if match["plurals"] is not None else "" if "!" in match["word"] else None
    plurals = None if given is None else tuple(_words(p) for p in given.split() if p)
    return AgentEntry(tuple(_expand(match["word"], macros)), plurals, code, number)


def _expand(word: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", word)
    if found is None:
        return [_words(word)]
    if found.group() not in macros:
        raise _Bad(f"substitution {found.group()} is not defined before it is used")
    return [form for sub in macros[found.group()]
            for form in _expand(word[:found.start()] + sub + word[found.end():], macros)]
