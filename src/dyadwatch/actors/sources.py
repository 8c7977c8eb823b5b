"""The home country of a document's source: whose side a government's or state medium's text speaks from.

A document from whitehouse.gov, kremlin.ru or TASS tells its own officials' acts without naming
their country ("the National Security Advisor met ..."): its home country fills that gap. The
outlets are the rows of ``sources.tsv`` (``Lexicon.outlets``). Wire agencies and independent
media speak for no country, and an outlet not in the table gives none either.

``home_of`` looks, in order, at the article's ``source`` (an outlet's name, a domain or a URL), the
host of its ``url``, and a credit in the first lines of its text (``BAKU, March 3 (APA) —``,
``MOSCOW, June 5 /TASS/.``, a leading ``TASS:``); the first that names a known outlet decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..lexicon import Outlet
from ..model import Article

__all__ = ["Home", "home_of"]

_HOMES = ("government", "state-media")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]")
_CREDITS = (
    re.compile(r"^[A-Z][\w .'/-]{1,40}?(?:,[^()\n]{1,40}?)?\s*\((?P<credit>[^()\n]{2,40})\)\s*[—–-]{1,2}"),
    re.compile(r"^[A-Z][\w .'-]{1,40},[^/\n]{1,40}?/(?P<credit>[^/\n]{2,40})/"),
    re.compile(r"^(?P<credit>[A-Z][\w .&'-]{1,40}?)\s*:\s"),
)
_CREDIT_LINES = 3
_CREDIT_CHARS = 400


@dataclass(frozen=True)
class Home:
    """The country a document's source speaks for, the outlet that says so, and why, in words."""

    country: str
    outlet: Outlet
    evidence: str


@dataclass(frozen=True)
class _Index:
    domains: dict[str, Outlet]  # lower-case domain → outlet
    names: dict[str, Outlet]  # case-folded name → outlet


def home_of(article: Article, outlets: Iterable[Outlet]) -> Home | None:
    """The home country of ``article``'s source, or None when the first known outlet found is a wire
    or independent medium, or no known outlet is found. Pure: no I/O; the index of ``outlets`` is
    built once per tuple of outlets."""
    index = _index(outlets if isinstance(outlets, tuple) else tuple(outlets))
    found = _by_source(article, index) or _by_url(article.url, index, "url") or _by_credit(article.text, index)
    if found is None or found[0].kind not in _HOMES:
        return None
    outlet, said = found
    return Home(outlet.country, outlet, f"{said} is {outlet.name} ({outlet.kind} of {outlet.country})")


@lru_cache(maxsize=8)
def _index(outlets: tuple[Outlet, ...]) -> _Index:
    """Domains and names of the outlets; the first row of a domain or name wins."""
    domains: dict[str, Outlet] = {}
    names: dict[str, Outlet] = {}
    for outlet in outlets:
        source = outlet.source.lower()
        if _DOMAIN.fullmatch(source):
            domains.setdefault(source, outlet)
        else:
            names.setdefault(outlet.source.casefold(), outlet)
    for outlet in outlets:
        names.setdefault(outlet.name.casefold(), outlet)
    return _Index(domains, names)


def _by_source(article: Article, index: _Index) -> tuple[Outlet, str] | None:
    """The article's ``source``: an outlet's name, else a domain or a URL."""
    source = (article.source or "").strip()
    if not source:
        return None
    if outlet := index.names.get(source.casefold()):
        return outlet, f'source "{source}"'
    return _by_url(source, index, f'source "{source}"', article.url)


def _by_url(url: str | None, index: _Index, said: str, also: str | None = None) -> tuple[Outlet, str] | None:
    """A URL's or domain's host, or the nearest domain above it, in the index; ``said`` names where
    it was found, ``also`` is the article's url, named in the evidence when the source decided."""
    host = _host(url or "")
    labels = host.split(".")
    for start in range(len(labels) - 1):
        if outlet := index.domains.get(".".join(labels[start:])):
            named = f'{said} (url {also})' if also else (f"{said} {url}" if said == "url" else said)
            return outlet, named
    return None


def _host(url: str) -> str:
    """The lower-case host of a URL or bare domain ("https://www.kremlin.ru/x", "kremlin.ru/x")."""
    url = url.strip()
    if "://" not in url:
        url = f"//{url}"
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".") if _DOMAIN.fullmatch(host.rstrip(".")) else ""


def _by_credit(text: str, index: _Index) -> tuple[Outlet, str] | None:
    """An agency credited in the first lines of the text: a dateline's ``(APA)`` or ``/TASS/``, or a
    leading ``TASS:``."""
    for line in text[:_CREDIT_CHARS].split("\n")[:_CREDIT_LINES]:
        for credit in _CREDITS:
            match = credit.match(line.strip())
            if match and (outlet := index.names.get(match.group("credit").strip().casefold())):
                return outlet, f'the credit "{match.group("credit").strip()}" in "{line.strip()[:60]}"'
    return None
