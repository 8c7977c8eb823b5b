"""The web view in a real browser: headless Chromium loads the served page on the demo database,
applies a filter, opens an event and shows article text as text. A screenshot of the main view is
saved to build/screenshots/ as a test artefact.

Needs the Debian ``chromium`` package (``.ci/run`` installs it); without it the tests are skipped,
except in CI, where they fail."""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from dyadwatch.coder import Coder
from dyadwatch.model import Dyad
from dyadwatch.pipeline import run
from dyadwatch.store import Store
from dyadwatch.views.serve import create_app

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
HOSTILE = "On 4 May 2012 Moscow accused Baku of <script>document.title='owned'</script><b>sheltering</b> rebels."

if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("CI needs the chromium package for the browser tests (.ci/run installs it)", pytrace=False)
elif CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The demo corpus plus an article with markup in its text, served on a free port."""
    from importlib import resources

    folder = tmp_path_factory.mktemp("browser")
    # a page that shows the tags as text (in a plain text file they are markup, and removed)
    page = f"<html><body><h1>Headline</h1><p>{html.escape(HOSTILE)}</p></body></html>"
    (folder / "hostile.html").write_text(page, encoding="utf-8")
    db = folder / "demo.duckdb"
    with Store(db) as store, resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo:
        run([demo, folder / "hostile.html"], store, coder=Coder())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if app_server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    app_server.should_exit = True
    thread.join(timeout=5)


def _chromium(*args: str) -> str:
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--virtual-time-budget=15000", *args], capture_output=True, text=True, timeout=120)
    return done.stdout


def _rows(dom: str) -> list[str]:
    return re.findall(r'<tr data-id="[^"]+" data-type="([A-Z]+)"', dom)


def test_browser_filter_and_open_an_event(server):
    url, db = server
    with Store(db, read_only=True) as store:
        agreements = [e for e in store.events(Dyad("RUS", "AZE")) if e.event_type == "AGREE"]
    chosen = agreements[0]

    dom = _chromium("--dump-dom", f"{url}/?dyad=RUS-AZE&type=AGREE#event={chosen.id}")

    assert 'data-ready="yes"' in dom
    assert _rows(dom) and set(_rows(dom)) == {"AGREE"}  # the filter applied
    detail = dom[dom.index('id="detail"'):]
    assert f'data-event-id="{chosen.id}"' in detail and "<mark>" in detail
    assert html.escape(chosen.sentence, quote=False) in detail  # its sentence, highlighted in its article
    assert "<svg" in dom  # the index chart


def test_browser_article_markup_is_shown_as_text(server):
    url, db = server
    with Store(db, read_only=True) as store:
        hostile = next(e for e in store.events() if "owned" in e.sentence)

    dom = _chromium("--dump-dom", f"{url}/?q=sheltering#event={hostile.id}")

    assert "<title>dyadwatch</title>" in dom  # the script in the article did not run
    assert "&lt;script&gt;document.title='owned'&lt;/script&gt;&lt;b&gt;sheltering&lt;/b&gt;" in dom
    assert "<b>sheltering</b>" not in dom


def test_browser_says_why_a_dyad_is_refused(server):
    """Issue 9: a refused parameter is answered as a list of problems, shown by their messages."""
    url, _ = server

    dom = _chromium("--dump-dom", f"{url}/?dyad=RUSSIA")

    message = "dyad 'RUSSIA' should be two codes joined by '-', e.g. RUS-AZE"
    assert f'<span id="count" class="muted">({message})</span>' in dom  # the table
    assert f'<div id="chart-body" class="muted">{message}</div>' in dom  # and the chart


def test_browser_screenshot_of_the_main_view(server):
    url, _ = server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "main-view.png"
    shot.unlink(missing_ok=True)

    _chromium(f"--screenshot={shot}", "--window-size=1400,1000", f"{url}/?dyad=RUS-AZE")

    assert shot.exists() and shot.stat().st_size > 10_000


def test_browser_shows_the_map_and_a_place_filters_the_events(server):
    """Issue 17: the page draws the map of the events the filters match; a place chosen (as a click on it
    does, through the URL) keeps only its events, and the map outlines that place."""
    url, db = server
    with Store(db, read_only=True) as store:
        located = [e for e in store.events(Dyad("RUS", "AZE")) if e.location and e.location.geonameid]
    key = str(located[0].location.geonameid)
    there = {e.id for e in located if str(e.location.geonameid) == key}

    everywhere = _chromium("--dump-dom", f"{url}/?dyad=RUS-AZE")
    chosen = _chromium("--dump-dom", f"{url}/?dyad=RUS-AZE&place={key}")

    map_part = everywhere[everywhere.index('id="map-body"'):everywhere.index('id="results"')]
    assert 'class="worldmap"' in map_part and f'data-place="{key}"' in map_part
    rows = re.findall(r'<tr data-id="([^"]+)"', chosen)
    assert rows and set(rows) <= there
    assert "place: <b" in chosen and 'id="place-chosen" class="muted" hidden' not in chosen



def _seen(dom: str) -> str:
    """The text a person sees: the page without its script and tags."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_browser_opens_on_the_most_reported_dyad_with_the_reports_chart(server):
    """Issue 18: with no dyad asked for, the page shows the database's most reported one, drawn as the
    report draws it (axes for the counts and for the index), and each side once, "unknown" if none."""
    url, _ = server

    dom = _chromium("--dump-dom", f"{url}/")
    seen = _seen(dom)

    assert "Cooperation and conflict, RUS-AZE" in seen
    chart = dom[dom.index('id="chart-body"'):dom.index('id="map')]
    assert "<svg" in chart and "event clusters (up / down)" in _seen(chart)
    assert "index (−10 conflict … +10 cooperation)" in _seen(chart) and "+10" in _seen(chart)
    assert not re.search(r"\?\s*→|→\s*\?", seen) and "AZE,AZE" not in seen
    assert not re.search(r"\b1 (events|documents)\b", seen)


def test_browser_draws_a_dyad_of_one_period(server):
    url, _ = server

    chart = _chromium("--dump-dom", f"{url}/?dyad=AZE-UKR")
    part = chart[chart.index('id="chart-body"'):chart.index('id="map')]

    assert "<svg" in part and "2022" in _seen(part) and "<polyline" not in part  # one bar pair and a dot
    assert part.count("<circle") == 1


def test_browser_shows_the_dyad_held_against_an_imported_dataset(server, tmp_path):
    from dyadwatch.external import gdelt
    from dyadwatch.importer import import_files

    url, db = server
    row = dict.fromkeys(gdelt.COLUMNS, "")
    row.update({"GLOBALEVENTID": "77", "Day": "20100903", "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS",
                "Actor2Name": "AZERBAIJAN", "Actor2CountryCode": "AZE", "EventCode": "057", "QuadClass": "1",
                "GoldsteinScale": "8.0", "SOURCEURL": "https://wire.example/border-treaty"})
    export = tmp_path / "20100903.export.CSV"
    export.write_text("\t".join(row[name] for name in gdelt.COLUMNS) + "\n", encoding="utf-8")
    with Store(db) as store:
        import_files("gdelt", [export], store)

    dom = _chromium("--dump-dom", f"{url}/?dyad=RUS-AZE")

    section = dom[dom.index('id="compared"'):dom.index('id="map"')]
    assert "hidden" not in section[:40] and "Held against GDELT, RUS-AZE" in section
    assert "<svg" in section
    assert re.search(r"days at most 3 apart\): 2 of our \d+ clusters, 1 of their 1 event\.", section)
    assert "GDELT's, not in ours" in section and "Ours, not in GDELT" in section
