"""Other datasets' events, read from the files their users download (GDELT 2.0's event export and
mentions, ICEWS's coded events, POLECAT's), to hold dyadwatch's events against. Each reader streams
its file (plain, .zip or .gz) line by line and yields ``model.ExternalEvent`` records, and a
``model.Reject`` naming the file, the line and the reason for each row it cannot read; a file it
cannot read at all raises ``ExternalFileError``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import ExternalEvent, ExternalMention, Reject
from . import gdelt, icews, polecat
from .files import ExternalFileError

READERS: dict[str, Callable[[Path], Iterator[ExternalEvent | ExternalMention | Reject]]] = {
    "gdelt": gdelt.rows, "icews": icews.rows, "polecat": polecat.rows}

__all__ = ["READERS", "ExternalFileError"]
