"""The stories a feed or a news sitemap lists: RSS and Atom read by ``feedparser``, sitemaps (and the
news sitemaps of Google's format) by the standard XML parser. A body that is neither is a
``FeedError`` saying what it looked like."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class FeedError(Exception):
    """A body that is no feed or sitemap a watcher can read."""


@dataclass(frozen=True)
class Item:
    url: str
    title: str | None = None
    listing: bool = False  # a sitemap a sitemap index names: more stories, not a story


def stories(body: bytes, where: str) -> list[Item]:
    """The stories listed in a feed or sitemap's ``body`` (fetched from ``where``), in its order."""
    head = body[:2000].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(body, where)
    import feedparser  # imported here: only watching needs it

    parsed = feedparser.parse(body)
    found = [Item(e.link, e.get("title")) for e in parsed.entries if e.get("link", "").startswith(("http://",
                                                                                                   "https://"))]
    if not found and (parsed.get("bozo") or not parsed.get("version")):
        kind = "an HTML page" if b"<html" in head else "empty" if not head else "not RSS, Atom or a sitemap"
        raise FeedError(f"{where}: not a feed ({kind})")
    return found


def _sitemap(body: bytes, where: str) -> list[Item]:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise FeedError(f"{where}: a sitemap that is not well-formed XML ({error})") from None
    found = []
    for entry in root.iter():
        if entry.tag in (f"{_SITEMAP}url", f"{_SITEMAP}sitemap"):
            location = entry.find(f"{_SITEMAP}loc")
            if location is not None and location.text and location.text.strip().startswith(("http://", "https://")):
                found.append(Item(location.text.strip(), listing=entry.tag == f"{_SITEMAP}sitemap"))
    return found
