"""Reading a downloaded data file line by line, whatever it came as: plain text, a .zip (each of its
files in turn) or a .gz, without holding it whole; and what the readers share."""

from __future__ import annotations

import gzip
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..lexicon import cameo_types, plover_scale
from ..model import ExternalEvent, Reject

STAGE = "import.v1"
_CAMEO = re.compile(r"\d{2,4}")


class ExternalFileError(Exception):
    """A file that cannot be read at all (missing, damaged, not of the dataset asked for)."""


def lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """(where, line number, text) for each line of the file, or of each file in a zip, where naming the
    file (and its member); UTF-8 (a byte-order mark at the start dropped), or Latin-1 for a line that
    is not."""
    if not path.is_file():
        raise ExternalFileError(f"{path}: no such file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in [m for m in archive.infolist() if not m.is_dir()]:
                    with archive.open(member) as handle:
                        yield from _numbered(f"{path}!{member.filename}", handle)
        elif _starts_gzip(path):
            with gzip.open(path) as handle:
                yield from _numbered(str(path), handle)
        elif path.suffix.lower() == ".zip":
            raise ExternalFileError(f"{path}: not a zip archive, or a truncated one (its directory is missing)")
        else:
            with path.open("rb") as handle:
                yield from _numbered(str(path), handle)
    except (zipfile.BadZipFile, zlib.error, EOFError, gzip.BadGzipFile) as error:
        raise ExternalFileError(f"{path}: damaged or truncated ({error})") from error
    except OSError as error:
        raise ExternalFileError(f"{path}: cannot be read ({error.strerror or error})") from error


def _starts_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _numbered(where: str, handle: Iterator[bytes]) -> Iterator[tuple[str, int, str]]:
    for number, raw in enumerate(handle, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        yield where, number, (text.removeprefix("\ufeff") if number == 1 else text).rstrip("\r\n")


@lru_cache(maxsize=8192)  # a file's rows share a few thousand days
def iso_day(text: str) -> str:
    """YYYYMMDD, YYYY-MM-DD (a time after it ignored) or M/D/YYYY as YYYY-MM-DD; ValueError if none."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    if found := re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[ T])", text):
        return date(*map(int, found.groups())).isoformat()
    if found := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        month, day, year = map(int, found.groups())
        return date(year, month, day).isoformat()
    raise ValueError(f"'{text}' is not a date (YYYYMMDD, YYYY-MM-DD or M/D/YYYY)")


@lru_cache(maxsize=1024)
def plover_of_cameo(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code ("0871" → RETREAT, "043" → CONSULT, "010" → None);
    ValueError for what is no CAMEO code."""
    if not _CAMEO.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise ValueError(f"CAMEO code '{code}' is not one (two to four digits, a root from 01 to 20)")
    types = cameo_types()
    return next((types[code[:n]] for n in range(len(code), 1, -1) if code[:n] in types), None)


def cameo_quad(code: str) -> int:
    """The quad class CAMEO gives a code by its root: 01-05 verbal and 06-08 material cooperation,
    09-13 verbal and 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def scaled(event_type: str | None) -> tuple[int | None, float | None]:
    """A PLOVER type's quad class and intensity (none for no type)."""
    return plover_scale().get(event_type, (None, None)) if event_type else (None, None)


def number(text: str, what: str) -> float | None:
    """A decimal number, or None for an empty cell; ValueError naming ``what`` otherwise."""
    text = text.strip()
    if not text or text in ("None", "NA"):
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{what} '{text}' is not a number") from None


def named_rows(path: Path, dataset: str, required: tuple[str, ...], names: tuple[str, ...],
               event: Callable[[dict[str, str], str], ExternalEvent]) -> Iterator[ExternalEvent | Reject]:
    """The events of a tab-separated file with a header line, each row made one by ``event`` (from the
    row by column name, and where it stands); a Reject for a row that does not fit or that ``event``
    refuses (ValueError)."""
    for origin, row in _tables(path, dataset, required, names):
        if isinstance(row, str):
            yield Reject(origin, row, STAGE)
            continue
        try:
            yield event(row, origin)
        except ValueError as error:
            yield Reject(origin, str(error), STAGE)


def _tables(path: Path, dataset: str, required: tuple[str, ...], names: tuple[str, ...]
            ) -> Iterator[tuple[str, dict[str, str] | str]]:
    """(origin, row by column name) for each row of a tab-separated file with a header line, or
    (origin, reason) for a row that does not fit it. A header with more names than the rows have cells,
    or rows with empty cells beyond it, are read by ``names`` (the dataset's usual columns), as some
    published files have them; a file without the ``required`` columns is refused."""
    header: list[str] | None = None
    member = None
    for where, number_, line in lines(path):
        if where != member:  # each file of a zip has its own header
            header, member = None, where
        if not line.strip():
            continue
        cells = [_unquoted(cell) for cell in line.split("\t")]
        if header is None:
            header = cells
            missing = [name for name in required if name not in header]
            if missing:
                raise ExternalFileError(f"{where}: line 1 is not the header of a {dataset} file: no column "
                                        f"{', '.join(repr(m) for m in missing)}")
            continue
        origin = f"{where}: line {number_}"
        while len(cells) > len(header) and not cells[-1].strip():
            cells.pop()  # tabs at the end of a line
        columns = header if len(cells) == len(header) else list(names) if len(cells) == len(names) else None
        if columns is None:
            yield origin, f"{len(cells)} cells for the {len(header)} columns of the header (a cut or broken line?)"
        else:
            yield origin, dict(zip(columns, cells, strict=True))
    if member is None:
        raise ExternalFileError(f"{path}: empty (no header line); nothing imported, what it brought before kept")


def _unquoted(cell: str) -> str:
    """A cell, without the quotes some files put around it (a doubled quote inside is one quote)."""
    cell = cell.strip()
    return cell[1:-1].replace('""', '"') if len(cell) > 1 and cell[0] == cell[-1] == '"' else cell
