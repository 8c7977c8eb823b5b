"""Fetching pages and feeds politely and safely: a named User-Agent, robots.txt respected, a pause
between requests to one host, timeouts, a size limit and a bound on redirects. Every failure is a
``FetchError`` whose message says what went wrong, in words; none is fatal to a watcher."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "dyadwatch/0.1 (news event coder, run by its user; respects robots.txt)"
TIMEOUT = 20.0  # seconds for connecting and for each read
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
HOST_DELAY = 1.0  # seconds between two requests to one host
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A page or feed that could not be had; ``transient`` when trying again later may work (a timeout,
    a 5xx answer), not when the answer was final (404, robots.txt, not a page)."""

    def __init__(self, url: str, reason: str, transient: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    url: str  # where it was found, after redirects
    status: int  # 200, or 304 when the feed has not changed since the ETag or date given
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def text(self) -> str:
        return httpx.Response(200, content=self.body, headers={"content-type": self.content_type}).text


class Fetcher:
    def __init__(self, *, delay: float = HOST_DELAY, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                 user_agent: str = USER_AGENT) -> None:
        self.delay = delay
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": user_agent})
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The page or feed at ``url``; with ``etag`` or ``last_modified``, a 304 when it has not changed.
        Redirects are followed one at a time, each address asked of its site's robots.txt."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return self._get(url, headers)

    def _get(self, url: str, headers: dict[str, str], robots: bool = True) -> Fetched:
        asked = url
        for _ in range(MAX_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(asked, "not an http or https address" if url == asked
                                 else f"redirected to {url}, not an http or https address")
            if robots and not self._allowed(url):
                raise FetchError(asked, "robots.txt of the site asks robots not to fetch it" if url == asked
                                 else f"redirected to {url}, which robots.txt of its site asks robots not to fetch")
            found = self._answer(asked, url, headers)
            if isinstance(found, Fetched):
                return found
            url = found
        raise FetchError(asked, f"more than {MAX_REDIRECTS} redirects (a loop?)")

    def _answer(self, asked: str, url: str, headers: dict[str, str]) -> Fetched | str:
        """What ``url`` answers: the page, or the address it redirects to."""
        self._pause(url)
        try:
            with self.client.stream("GET", url, headers=headers) as answer:
                if answer.status_code in _REDIRECTS and "location" in answer.headers:
                    return urljoin(url, answer.headers["location"])
                if answer.status_code == 304:
                    return Fetched(url, 304, b"", "", answer.headers.get("etag"), answer.headers.get("last-modified"))
                if answer.status_code >= 400:
                    raise FetchError(asked, f"the server answered {answer.status_code} {answer.reason_phrase}".rstrip(),
                                     transient=answer.status_code >= 500 or answer.status_code == 429)
                body = bytearray()
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(asked, f"larger than {self.max_bytes:,} bytes; not read")
                return Fetched(url, answer.status_code, bytes(body), answer.headers.get("content-type", ""),
                               answer.headers.get("etag"), answer.headers.get("last-modified"))
        except httpx.TimeoutException:
            raise FetchError(asked, "no answer in time (the server hangs or is too slow)", transient=True) from None
        except httpx.HTTPError as error:
            raise FetchError(asked, f"cannot be reached ({type(error).__name__}: {error})", transient=True) from None

    def _pause(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        """What the site's robots.txt says of our User-Agent; no robots.txt (or a 4xx) allows everything,
        one the server cannot give (5xx, no answer) allows nothing for now, as RFC 9309 says."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        if rules is None:
            del self._robots[site]  # unreachable now: ask again next time
            return False
        return rules.can_fetch(self.user_agent, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser()
        try:
            found = self._get(f"{site}/robots.txt", {}, robots=False)
        except FetchError as error:
            if error.transient:
                return None
            rules.parse([])
            return rules
        rules.parse(found.text.splitlines())
        return rules
