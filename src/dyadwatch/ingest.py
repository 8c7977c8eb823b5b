"""Read sources into Articles: text, markdown and HTML files, folders of them, JSONL records.

Every input that cannot be used becomes a Reject naming the file (and line) and the problem;
the other inputs of the same run are still read.

A text or markdown file may open with a YAML front matter (a ``---`` line, ``key: value`` lines, a
``---`` line), as static-site and archive tools write: it is metadata (title, date, url, source,
author), not story text. It is read without a YAML library: flat keys, plain, quoted and folded
values; other keys and nested values are ignored. A block that does not close within
``FRONT_MATTER_LINES`` lines, or holds lines that are not YAML, is text.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .dates import parse_date
from .model import Article, DateValue, Reject
from .timelimit import DEFAULT as READ_SECONDS
from .timelimit import TimeLimit, time_limit

STAGE = "ingest.files.v2"
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
MAX_BYTES = 20 * 2**20  # a file bigger than this is not one article (JSONL files are read a line at a time)
JSONL_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
ENCODING_SAMPLE = 65_536  # bytes read to tell the encoding of a text that is not UTF-8
_ICONV_NAMES = {"latin_1": "LATIN1", "iso8859_15": "ISO-8859-15", "mac_cyrillic": "MACCYRILLIC",
                "mac_roman": "MACINTOSH", "utf_16": "UTF-16", "ascii": "ASCII"}
# libxml2, under trafilatura, keeps 256 levels of elements (html, body and 254 divs) and drops what is deeper
PARSER_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "!doctype"}
_CONTAINER = re.compile(r"</?(?:div|span|section|article|main|aside|header|footer|nav|font|center|blockquote|"
                        r"figure|table|tbody|thead|tr|td|th|ul|ol|li|dl|dd|dt|form|fieldset)\b[^>]*>", re.I)


def read_sources(paths: Iterable[str | Path], published: DateValue | None = None, follow_links: bool = False
                 ) -> Iterator[Article | Reject]:
    """Articles from files, folders (recursively) and JSONL files, in a stable order.

    ``published`` is the publication date a user gives for plain files; it wins over any
    date found in their text. JSONL records carry their own ``date``. A symbolic link in a folder
    that leads outside it (to a file or a folder) is a reject unless ``follow_links``: a folder
    given is what is read, not what its links reach.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path, path, published, follow_links, set())
        else:
            yield from _read_entry(path, path.name, published)


def _read_folder(folder: Path, root: Path, published: DateValue | None, follow_links: bool, seen: set[Path]
                 ) -> Iterator[Article | Reject]:
    """The files under ``folder`` (ids relative to ``root``, the folder given); a folder that a
    followed link leads to is read once."""
    seen.add(folder.resolve())
    inside = root.resolve()
    for entry in sorted(p for p in folder.rglob("*") if not _hidden(p, folder)):
        doc_id = entry.relative_to(root).as_posix()
        if entry.is_symlink() and entry.exists():
            target = entry.resolve()
            if not target.is_relative_to(inside) and not follow_links:
                yield Reject(str(entry), f"a symbolic link to {target}, outside the folder given; not read "
                             "(pass --follow-links to read what links lead to)", STAGE)
                continue
            if entry.is_dir():  # a folder inside is read where it is; one outside, once, through its link
                if not target.is_relative_to(inside) and target not in seen:
                    yield from _read_folder(entry, root, published, follow_links, seen)
                continue
        elif entry.is_dir():
            continue
        yield from _read_entry(entry, doc_id, published)


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
        yield _from_text(doc_id, text, fmt, published, origin=str(path))


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
                      f"{_conversion(data)}", STAGE)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:8192]) / 20:
        return Reject(str(path), "binary file, not text (too many control characters)", STAGE)
    return text


def _conversion(data: bytes) -> str:
    """How to make a text UTF-8: with the encoding that reads it ("windows-1251" for a Russian text)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:ENCODING_SAMPLE]).best()
    if best is None:
        return "convert it to UTF-8 first (its encoding cannot be told from its bytes)"
    name = _ICONV_NAMES.get(best.encoding, best.encoding.replace("_", "-").upper())
    return f"it reads as {name}: convert it first, e.g. iconv -f {name} -t UTF-8"


def _from_text(doc_id: str, text: str, fmt: str, published: DateValue | None, origin: str) -> Article:
    """A text or markdown file, its front matter (if any) read into the metadata."""
    found = front_matter(text)
    if found is None:
        return Article(doc_id, text, origin, fmt, published=published,
                       published_basis="supplied" if published else None)
    fields, story = found
    stated = _first(fields, "date", "published", "published_time")
    date = parse_date(stated) if stated else None
    when, basis = (published, "supplied") if published else (date, "metadata" if date else None)
    return Article(doc_id, story, origin, fmt, title=_first(fields, "title"), author=_first(fields, "author"),
                   published=when, published_basis=basis,
                   url=_first(fields, "source_url", "url", "link", "canonical_url"),
                   source=_first(fields, "source", "site", "site_name", "publisher"))


def _first(fields: dict[str, str], *keys: str) -> str | None:
    return next((fields[key] for key in keys if fields.get(key)), None)


FRONT_MATTER_LINES = 60  # a front matter longer than this is not one: the file is read as text
_FENCE = re.compile(r"---[ \t]*")
_KEY = re.compile(r"(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?[+-]?")
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|\n[ \t]*|(.))', re.S)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}


def front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """The fields of a YAML front matter at the top of ``text`` (keys in lower case, values on one
    line) and the text after it; None when the text does not open with a well-formed one."""
    lines = text.split("\n")
    if not _FENCE.fullmatch(lines[0].rstrip("\r")):
        return None
    body = [line.rstrip("\r") for line in lines[1:FRONT_MATTER_LINES + 1]]
    end = next((i for i, line in enumerate(body) if _FENCE.fullmatch(line) or line == "..."), None)
    if end is None:
        return None
    fields = _fields(body[:end])
    return None if fields is None else (fields, "\n".join(lines[end + 2:]))


def _fields(lines: list[str]) -> dict[str, str] | None:
    """``key: value`` lines as a dict (the first of a key wins); None if a line is not YAML."""
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            i += 1
            continue
        key = _KEY.fullmatch(line)
        if key is None:
            return None
        value, i = _value(key.group("value") or "", lines, i + 1)
        if value is None:
            return None
        fields.setdefault(key.group("key").lower(), " ".join(value.split()))
    return fields


def _value(first: str, lines: list[str], i: int) -> tuple[str | None, int]:
    """A key's value starting with ``first``, and the index of the line after it; nested mappings
    are ignored (an empty value)."""
    if first[:1] in ('"', "'"):
        return _quoted(first, lines, i)
    more = i
    while more < len(lines) and (lines[more][:1] in (" ", "\t") or not lines[more].strip()
                                 or (not first and lines[more].startswith("- "))):
        more += 1
    rest = [line.strip() for line in lines[i:more] if line.strip()]
    if _BLOCK_SCALAR.fullmatch(first):
        return " ".join(rest), more
    if not first and rest and all(line.startswith("- ") for line in rest):  # a list
        return ", ".join(_plain(line[2:]) for line in rest), more
    if not first and any(_KEY.fullmatch(line) for line in rest):  # a nested mapping
        return "", more
    return _plain(" ".join([first, *rest])), more


def _plain(value: str) -> str:
    """A plain scalar without its comment (`` # ...``); ``null`` and ``~`` are no value."""
    value = re.split(r"\s#", value, maxsplit=1)[0].strip()
    return "" if value in ("~", "null", "Null", "NULL") else value


_SINGLE_QUOTED = re.compile(r"((?:[^']|'')*)'(.*)", re.S)
_DOUBLE_QUOTED = re.compile(r'((?:[^"\\]|\\.)*)"(.*)', re.S)


def _quoted(first: str, lines: list[str], i: int) -> tuple[str | None, int]:
    """A single- or double-quoted value, which may go on over the following lines; None when it
    does not close, or is followed by more than a comment."""
    single = first[0] == "'"
    raw = first[1:]
    while (closed := (_SINGLE_QUOTED if single else _DOUBLE_QUOTED).fullmatch(raw)) is None:
        if i >= len(lines):
            return None, i
        raw, i = f"{raw}\n{lines[i]}", i + 1
    inside, after = closed.group(1), closed.group(2).strip()
    if after and not after.startswith("#"):
        return None, i
    if single:
        return inside.replace("''", "'"), i
    return _DOUBLE_QUOTED_ESCAPE.sub(_unescape, inside), i


def _unescape(escape: re.Match[str]) -> str:
    code = escape.group(1) or escape.group(2) or escape.group(3)
    if code:  # a code point; a surrogate or one beyond Unicode cannot be stored as text
        point = int(code, 16)
        return "\ufffd" if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF else chr(point)
    if escape.group(4) is None:  # an escaped line break joins the lines
        return ""
    return _ESCAPES.get(escape.group(4), escape.group(4))


def _from_html(doc_id: str, html: str, published: DateValue | None, origin: str) -> Article | Reject:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    depth = 0
    try:
        with time_limit(READ_SECONDS):
            text = trafilatura.extract(html, include_comments=False, include_tables=False)
            if not (text and text.strip()) and (depth := nesting(html)) > PARSER_DEPTH:
                html = _flattened(html)  # the parser drops what lies deeper than its limit: lift the text up
                text = trafilatura.extract(html, include_comments=False, include_tables=False)
            meta = trafilatura.extract_metadata(html, extensive=False,
                                                date_config={"extensive_search": False, "original_date": True})
    except TimeLimit as error:
        return Reject(origin, f"finding the article in the HTML {error}; the page is not read", STAGE, doc_id)
    if not text or not text.strip():
        if depth > PARSER_DEPTH:
            return Reject(origin, f"nested too deep to parse ({depth:,} levels; the HTML parser stops at "
                          f"{PARSER_DEPTH}), and no article text is left once its containers are flattened",
                          STAGE, doc_id)
        return Reject(origin, "no article text found in the HTML", STAGE, doc_id)
    found = parse_date(meta.date) if meta and meta.date else None
    date, basis = (published, "supplied") if published else (found, "metadata" if found else None)
    return Article(doc_id, text, origin, "html", title=meta.title if meta else None,
                   author=meta.author if meta else None, published=date, published_basis=basis,
                   url=meta.url if meta else None, source=meta.sitename if meta else None)


def nesting(html: str) -> int:
    """How deep the elements of a page are nested, by its tags (void and self-closed tags do not nest)."""
    depth = deepest = 0
    for tag in _TAG.finditer(html):
        closing, name, self_closed = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closed and name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _flattened(html: str) -> str:
    """The page without its container tags (their text kept), so that nothing lies too deep to parse."""
    return _CONTAINER.sub(" ", html)


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


def count_documents(paths: Iterable[str | Path]) -> int:
    """About how many documents ``paths`` hold, for a progress bar: the files a run reads, a JSONL file
    counted by its lines (gzipped JSONL by its size, at 4 kB a record). Cheap next to coding them."""
    total = 0
    for given in paths:
        path = Path(given)
        files = [p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)] if path.is_dir() else [path]
        for file in files:
            kind = SUFFIXES.get(_suffix(file))
            if kind != "jsonl":
                total += kind is not None
            elif file.suffix.lower() == ".gz":
                total += max(1, file.stat().st_size // 4000)
            else:
                with file.open("rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    return total


def read_jsonl_from(path: Path, position: int) -> tuple[list[Article | Reject], int]:
    """The records of a JSONL file that grows, from byte ``position`` on, and where the next read starts:
    only whole lines (one still being written waits for the next read). A file shorter than
    ``position`` was replaced: it is read from its start."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() < position:
            position = 0
        handle.seek(0)
        number = handle.read(position).count(b"\n")
        found: list[Article | Reject] = []
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            number += 1
            position += len(raw)
            if raw.strip():
                try:
                    found.append(_from_record(raw.decode("utf-8-sig" if number == 1 else "utf-8"), f"{path}:{number}"))
                except UnicodeDecodeError:
                    found.append(Reject(f"{path}:{number}", "not UTF-8 text", STAGE))
    return found, position


def from_page(url: str, html: str) -> Article | Reject:
    """The article of a web page fetched from ``url``, which is its id and origin (and its url when the
    page names none)."""
    found = _from_html(url, html, None, url)
    return dataclasses.replace(found, url=found.url or url) if isinstance(found, Article) else found


def _from_record(line: str, origin: str) -> Article | Reject:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Reject(origin, f"malformed JSON ({error.msg} at column {error.colno})", STAGE)
    if not isinstance(record, dict):
        return Reject(origin, "a JSONL line must be an object with 'id' and 'text' or 'html'", STAGE)
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id).strip() == "":
        return Reject(origin, "record needs an 'id' that is a non-empty string or a whole number "
                      f"(not {json.dumps(doc_id)})", STAGE)
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
                   url=_str(record.get("url")) or article.url,
                   source=_str(record.get("source")) or article.source)


def _str(value: object) -> str | None:
    """A text field's value, or None when it is missing, empty or not text."""
    return value if isinstance(value, str) and value.strip() else None
