"""How a run codes, as one value: the CLI builds it from the options and passes it whole, down to
the worker processes, instead of ten parameters that change names on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import DateValue
from .timelimit import DEFAULT as TIME_LIMIT

ENGINES = ("local", "ray")


class SettingsError(ValueError):
    """A setting that cannot work, with the option it comes from."""


@dataclass(frozen=True)
class Settings:
    """``published``: the publication date of plain files (wins over dates found in them);
    ``tables``: a folder of the user's own tables, added to the packaged ones; ``workers``: processes
    (or Ray workers) that parse and code; ``engine``: "local" or "ray", with ``address`` a Ray
    cluster to join (None: start a local Ray); ``time_limit``: seconds that cleaning one document,
    and coding it, may each take (None: no limit); ``follow_links``: read what a symbolic link in a
    folder leads to outside it."""

    published: DateValue | None = None
    tables: Path | None = None
    workers: int = 1
    engine: str = "local"
    address: str | None = None
    time_limit: float | None = TIME_LIMIT
    follow_links: bool = False

    def __post_init__(self) -> None:
        if self.published is not None and self.published.precision != "day":
            raise SettingsError(f"--date {self.published.value}: give a day, YYYY-MM-DD")
        if self.tables is not None and not self.tables.is_dir():
            raise SettingsError(f"--tables {self.tables}: no such folder")
        if self.workers < 1:
            raise SettingsError(f"--workers {self.workers}: give 1 or more")
        if self.engine not in ENGINES:
            raise SettingsError(f"--engine {self.engine}: choose one of {', '.join(ENGINES)}")
        if self.address and self.engine != "ray":
            raise SettingsError("--address is for --engine ray")
        if self.time_limit is not None and not self.time_limit > 0:  # NaN too
            raise SettingsError(f"--time-limit {self.time_limit:g}: give 0 (no limit) or more seconds")
