"""Read sources into Articles: text, markdown and HTML files, folders of them, JSONL records.

Every input that cannot be used becomes a Reject naming the file (and line) and the problem;
the other inputs of the same run are still read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .dates import parse_date
from .model import Article, DateValue, Reject
from .timelimit import DEFAULT as READ_SECONDS
from .timelimit import TimeLimit, time_limit

STAGE = "ingest.files.v1"
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
MAX_BYTES = 20 * 2**20  # a file bigger than this is not one article (JSONL files are read a line at a time)
JSONL_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_sources(paths: Iterable[str | Path], published: DateValue | None = None
                 ) -> Iterator[Article | Reject]:
    """Articles from files, folders (recursively) and JSONL files, in a stable order.

    ``published`` is the publication date a user gives for plain files; it wins over any
    date found in their text. JSONL records carry their own ``date``.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for entry in sorted(p for p in path.rglob("*") if not p.is_dir() and not _hidden(p, path)):
                yield from _read_entry(entry, entry.relative_to(path).as_posix(), published)
        else:
            yield from _read_entry(path, path.name, published)


def _read_entry(path: Path, doc_id: str, published: DateValue | None) -> Iterator[Article | Reject]:
    origin = str(path)
    try:
        origin.encode("utf-8")
    except UnicodeEncodeError:
        yield Reject(origin.encode("utf-8", "replace").decode("utf-8"),
                     "file name is not valid UTF-8; rename the file", STAGE)
        return
    if path.is_file():
        yield from _read_file(path, doc_id, published)
    elif path.is_symlink():
        yield Reject(origin, "broken symbolic link", STAGE)
    elif path.exists():
        yield Reject(origin, "not a regular file or folder", STAGE)
    else:
        yield Reject(origin, "no such file or folder", STAGE)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _suffix(path: Path) -> str:
    """The suffix that says the format; ``.html.gz`` is read as ``.html``."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def _read_file(path: Path, doc_id: str, published: DateValue | None) -> Iterator[Article | Reject]:
    fmt = SUFFIXES.get(_suffix(path))
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        yield Reject(str(path), f"unsupported file type '{path.suffix or '(none)'}' "
                     f"(dyadwatch reads {known}, each also gzipped as .gz)", STAGE)
        return
    if fmt == "jsonl":  # line by line: a JSONL file of any size never sits in memory whole
        yield from _read_jsonl(path)
        return
    text = _decode(path)
    if isinstance(text, Reject):
        yield text
    elif fmt == "html":
        yield _from_html(doc_id, text, published, origin=str(path))
    else:
        yield Article(doc_id, text, str(path), fmt, published=published,
                      published_basis="supplied" if published else None)


def _decode(path: Path) -> str | Reject:
    try:
        if path.stat().st_size > MAX_BYTES:
            return Reject(str(path), f"too large to be one article ({path.stat().st_size / 2**20:,.0f} MB; the limit "
                          f"is {MAX_BYTES // 2**20} MB); split it, or make it a JSONL file of records", STAGE)
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as packed:
                data = packed.read(MAX_BYTES + 1)  # never more than the limit, however well it packs
            if len(data) > MAX_BYTES:
                return Reject(str(path), f"too large to be one article once unpacked (over {MAX_BYTES // 2**20} MB)",
                              STAGE)
        else:
            data = path.read_bytes()
    except OSError as error:  # gzip.BadGzipFile is an OSError too
        return Reject(str(path), f"cannot be read: {error.strerror or error}", STAGE)
    except (EOFError, zlib.error) as error:
        return Reject(str(path), f"cannot be read: the gzip file is damaged ({error or 'truncated'})", STAGE)
    if not data.strip():
        return Reject(str(path), "empty file", STAGE)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark: Windows tools write it
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Reject(str(path), "damaged UTF-16 text", STAGE)
    if b"\x00" in data[:8192]:
        return Reject(str(path), "binary file, not text (it contains NUL bytes)", STAGE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        return Reject(str(path), f"not UTF-8 text (byte 0x{bad:02x} at offset {error.start}); "
                      "convert it first, e.g. iconv -f latin1 -t utf-8", STAGE)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:8192]) / 20:
        return Reject(str(path), "binary file, not text (too many control characters)", STAGE)
    return text


def _from_html(doc_id: str, html: str, published: DateValue | None, origin: str) -> Article | Reject:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    try:
        with time_limit(READ_SECONDS):
            text = trafilatura.extract(html, include_comments=False, include_tables=False)
            meta = trafilatura.extract_metadata(html, extensive=False,
                                                date_config={"extensive_search": False, "original_date": True})
    except TimeLimit as error:
        return Reject(origin, f"finding the article in the HTML {error}; the page is not read", STAGE, doc_id)
    if not text or not text.strip():
        return Reject(origin, "no article text found in the HTML", STAGE, doc_id)
    found = parse_date(meta.date) if meta and meta.date else None
    date, basis = (published, "supplied") if published else (found, "metadata" if found else None)
    return Article(doc_id, text, origin, "html", title=meta.title if meta else None,
                   author=meta.author if meta else None, published=date, published_basis=basis,
                   url=meta.url if meta else None)


def _read_jsonl(path: Path) -> Iterator[Article | Reject]:
    """Each record of a JSONL file (gzipped or not), read a line at a time; a line that is not UTF-8
    is rejected alone. Lines end at a newline byte only: U+2028 is valid inside JSON strings."""
    records = 0
    try:
        with (gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")) as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                records += 1
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    yield Reject(f"{path}:{number}", f"not UTF-8 text (byte 0x{raw[error.start]:02x} at column "
                                 f"{error.start + 1})", STAGE)
                    continue
                yield _from_record(line, f"{path}:{number}")
    except OSError as error:  # gzip.BadGzipFile is an OSError too
        yield Reject(str(path), f"cannot be read: {error.strerror or error}", STAGE)
        return
    except (EOFError, zlib.error) as error:
        yield Reject(str(path), f"cannot be read: the gzip file is damaged ({error or 'truncated'})", STAGE)
        return
    if records == 0:
        yield Reject(str(path), "empty file", STAGE)


def _from_record(line: str, origin: str) -> Article | Reject:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Reject(origin, f"malformed JSON ({error.msg} at column {error.colno})", STAGE)
    if not isinstance(record, dict):
        return Reject(origin, "a JSONL line must be an object with 'id' and 'text' or 'html'", STAGE)
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id).strip() == "":
        return Reject(origin, "record needs an 'id' that is a non-empty string or a number", STAGE)
    doc_id = str(doc_id)
    text, html = _str(record.get("text")), _str(record.get("html"))
    if text is None and html is None:
        return Reject(origin, "record needs a non-empty 'text' or 'html'", STAGE, doc_id)
    published = None
    if record.get("date"):
        published = parse_date(str(record["date"]))
        if published is None:
            return Reject(origin, f"'date' {record['date']!r} is not a date (use YYYY-MM-DD)", STAGE, doc_id)
    article = Article(doc_id, text, origin, "jsonl", published=published) if text is not None \
        else _from_html(doc_id, html or "", published, origin)
    if isinstance(article, Reject):
        return article
    return Article(doc_id, article.text, origin, article.fmt, title=_str(record.get("title")) or article.title,
                   author=_str(record.get("author")) or article.author,
                   published=published or article.published,
                   published_basis="supplied" if published else article.published_basis,
                   url=_str(record.get("url")) or article.url, source=_str(record.get("source")))


def _str(value: object) -> str | None:
    """A text field's value, or None when it is missing, empty or not text."""
    return value if isinstance(value, str) and value.strip() else None
