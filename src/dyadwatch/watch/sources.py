"""What a watcher polls, from the command line or a TOML file:

    every = 900                       # seconds between polls
    dyad = "RUS-AZE"                  # the dyad alerts are about
    alert_intensity = -7              # an event this violent or more
    alert_types = ["ASSAULT"]         # or of these types
    alert_index = -2.5                # the current period's index at or past this
    alert_log = "alerts.jsonl"
    webhook = "https://hooks.example.org/dyadwatch"

    [[source]]
    url = "https://example.org/world/rss.xml"    # an RSS or Atom feed, or a (news) sitemap
    [[source]]
    folder = "inbox/"                            # new and changed files
    [[source]]
    jsonl = "scraper/out.jsonl"                  # a JSONL file that grows

A bad file is a ``SourceError`` naming the file and the problem."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Dyad, DyadError

KINDS = ("url", "folder", "jsonl")


class SourceError(ValueError):
    """A source or watch setting that cannot be used."""


@dataclass(frozen=True)
class Source:
    kind: str  # "url" (a feed or sitemap), "folder" or "jsonl"
    where: str  # the address or the path

    @property
    def key(self) -> str:
        return self.where if self.kind == "url" else str(Path(self.where).resolve())


@dataclass(frozen=True)
class WatchConfig:
    sources: tuple[Source, ...]
    every: float = 900.0
    dyad: Dyad | None = None
    alert_intensity: float = -7.0
    alert_types: frozenset[str] = frozenset()
    alert_index: float | None = None
    alert_log: Path | None = None
    webhook: str | None = None


def source_of(text: str) -> Source:
    """A source given on the command line: an http(s) address, a folder or a .jsonl file."""
    if text.startswith(("http://", "https://")):
        return Source("url", text)
    path = Path(text)
    if path.is_dir():
        return Source("folder", text)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return Source("jsonl", text)  # it may not exist yet: a scraper will write it
    raise SourceError(f"{text}: not a feed address (http:// or https://), a folder or a .jsonl file")


def read_config(path: Path) -> WatchConfig:
    """The watch settings and sources of a TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: not valid TOML ({error})") from None
    sources = []
    for number, entry in enumerate(data.pop("source", []), start=1):
        given = [k for k in KINDS if k in entry] if isinstance(entry, dict) else []
        if len(given) != 1 or not isinstance(entry[given[0]], str):
            raise SourceError(f"{path}: [[source]] number {number} needs exactly one of url, folder or jsonl, "
                              "as a string")
        kind, where = given[0], entry[given[0]]
        if kind == "url" and not where.startswith(("http://", "https://")):
            raise SourceError(f"{path}: [[source]] number {number}: url '{where}' is not an http or https address")
        sources.append(Source(kind, where))
    return WatchConfig(tuple(sources), **_settings(path, data))


def _settings(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    known = {"every": float, "dyad": str, "alert_intensity": float, "alert_types": list, "alert_index": float,
             "alert_log": str, "webhook": str}
    found: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise SourceError(f"{path}: unknown setting '{key}' (known: {', '.join(known)}, and [[source]] tables)")
        wanted = known[key]
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, wanted):
            raise SourceError(f"{path}: '{key}' should be a {wanted.__name__}, not {value!r}")
        found[key] = value
    if "dyad" in found:
        try:
            found["dyad"] = Dyad.parse(found["dyad"])
        except DyadError as error:
            raise SourceError(f"{path}: {error}") from None
    if "alert_types" in found:
        found["alert_types"] = frozenset(str(t).upper() for t in found["alert_types"])
    if "alert_log" in found:
        found["alert_log"] = Path(found["alert_log"])
    if found.get("every", 1.0) <= 0:
        raise SourceError(f"{path}: 'every' should be a number of seconds above 0")
    return found
