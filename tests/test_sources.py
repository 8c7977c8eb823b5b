"""Sources v1: the table of news sources, and the home country of a document's source (issue 14)."""

from __future__ import annotations

from collections import Counter

import pytest

from dyadwatch.actors.sources import Home, home_of
from dyadwatch.lexicon import COLUMNS, LexiconError, Outlet, load_lexicon
from dyadwatch.model import Article

HEADER = "\t".join(COLUMNS["sources.tsv"])
OUTLETS = (
    Outlet("example.gov", "Example Ministry", "NOR", "government"),
    Outlet("archive.example.gov", "Example Ministry archive", "SWE", "government"),
    Outlet("news.example", "Example News Agency", "FIN", "state-media"),
    Outlet("ENA", "Example News Agency", "FIN", "state-media"),
    Outlet("wire.example", "Example Wire", "", "wire"),
    Outlet("paper.example", "The Example Paper", "", "independent"),
)


def _article(text: str = "The ministers met in Oslo on Friday.", source: str | None = None,
             url: str | None = None) -> Article:
    return Article("d.txt", text, "d.txt", "txt", url=url, source=source)


def _country(article: Article, outlets=OUTLETS) -> str | None:
    home = home_of(article, outlets)
    return home.country if home else None


# --- home_of ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("source", "url", "country"),
    [
        ("Example Ministry", None, "NOR"),  # the outlet's name
        ("example news agency", None, "FIN"),  # in any case
        ("ena", None, "FIN"),  # a name row
        ("example.gov", None, "NOR"),  # a domain
        ("https://www.example.gov/press/1", None, "NOR"),  # a URL
        (None, "https://www.example.gov/press/1", "NOR"),  # the url's host, under www
        (None, "http://press.example.gov:8080/a?b=c", "NOR"),  # a subdomain, with a port
        (None, "https://archive.example.gov/2001/x", "SWE"),  # a subdomain with its own row
        (None, "https://EXAMPLE.GOV/x", "NOR"),
        ("Unknown Weekly", "https://news.example/story", "FIN"),  # an unknown source: the url decides
        ("Example Wire", "https://example.gov/x", None),  # the first known outlet decides: a wire
        (None, "https://wire.example/x", None),
        ("The Example Paper", None, None),  # independent
        (None, "https://notexample.gov/x", None),  # not a subdomain
        (None, "https://example.gov.evil.test/x", None),
        ("Unknown Weekly", None, None),
        (None, None, None),
        (None, "http://[::1", None),  # not a URL: no home, no error
        (None, "not a url at all", None),
    ],
)
def test_sources_home_of_source_and_url(source, url, country):
    assert _country(_article(source=source, url=url)) == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("OSLO, March 3 (ENA) — The ministers met on Friday.", "FIN"),
        ("OSLO, March 3 (Example News Agency) - The ministers met on Friday.", "FIN"),
        ("OSLO (ENA) -- The ministers met on Friday.", "FIN"),
        ("OSLO, March 3. /ENA/. The ministers met on Friday.", "FIN"),
        ("ENA: The ministers met on Friday.", "FIN"),
        ("Friday talks\nOSLO, March 3 (ENA) — The ministers met.", "FIN"),  # in the first lines
        ("OSLO, March 3 (Example Wire) — The ministers met on Friday.", None),
        ("OSLO, March 3 (Unknown) — The ministers met on Friday.", None),
        ("Note: The ministers met on Friday.", None),
        ("One.\nTwo.\nThree.\nOSLO, March 3 (ENA) — The ministers met.", None),  # too far down
        ("The ministers met in Oslo, the ENA said on Friday.", None),  # a mention is not a credit
    ],
)
def test_sources_home_of_a_credit_in_the_first_lines(text, country):
    assert _country(_article(text)) == country


def test_sources_home_of_prefers_the_source_to_the_url_and_the_url_to_the_credit():
    article = _article("OSLO, March 3 (ENA) — The ministers met.", source="example.gov",
                       url="https://archive.example.gov/x")

    assert _country(article) == "NOR"
    assert _country(_article("OSLO, March 3 (ENA) — The ministers met.", url="https://archive.example.gov/x")) == "SWE"


@pytest.mark.parametrize(
    ("article", "evidence"),
    [
        (_article(source="example.gov", url="https://www.example.gov/press/1"),
         'source "example.gov" (url https://www.example.gov/press/1) is Example Ministry (government of NOR)'),
        (_article(source="ENA"), 'source "ENA" is Example News Agency (state-media of FIN)'),
        (_article(url="https://www.example.gov/press/1"),
         "url https://www.example.gov/press/1 is Example Ministry (government of NOR)"),
        (_article("OSLO, March 3 (ENA) — The ministers met."),
         'the credit "ENA" in "OSLO, March 3 (ENA) — The ministers met." is Example News Agency '
         "(state-media of FIN)"),
    ],
)
def test_sources_home_of_says_why_in_words(article, evidence):
    home = home_of(article, OUTLETS)

    assert isinstance(home, Home) and home.evidence == evidence


def test_sources_home_of_returns_the_outlet_and_takes_any_iterable():
    by_source = home_of(_article(source="ENA"), list(OUTLETS))
    by_name = home_of(_article(source="Example News Agency"), iter(OUTLETS))

    assert by_source is not None and by_source.outlet == OUTLETS[3]  # the row whose source is the name
    assert by_name is not None and by_name.outlet == OUTLETS[2]  # the first row with that name


def test_sources_home_of_without_outlets_is_none():
    assert home_of(_article(source="example.gov"), ()) is None


# --- the packaged table ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def packaged() -> tuple[Outlet, ...]:
    return load_lexicon().outlets


def test_sources_packaged_table_covers_many_countries_and_kinds(packaged):
    kinds = Counter(outlet.kind for outlet in packaged)

    assert len(packaged) >= 150
    assert len({o.country for o in packaged if o.country}) >= 60
    assert set(kinds) == {"government", "state-media", "wire", "independent"}
    assert all(not o.country for o in packaged if o.kind in ("wire", "independent"))
    assert len({o.source.lower() for o in packaged}) == len(packaged)


@pytest.mark.parametrize(
    ("source", "url", "country"),
    [
        (None, "https://www.whitehouse.gov/briefing-room/statements-releases/x/", "USA"),
        (None, "https://bidenwhitehouse.archives.gov/briefing-room/x/", "USA"),
        (None, "https://2009-2017.state.gov/r/pa/x.htm", "USA"),
        (None, "http://en.kremlin.ru/events/president/news/1", "RUS"),
        ("mid.ru", None, "RUS"),
        ("TASS", None, "RUS"),
        ("RIA Novosti", None, "RUS"),
        ("Azertac", None, "AZE"),
        ("APA", None, "AZE"),
        (None, "https://president.az/en/articles/view/1", "AZE"),
        (None, "https://www.armenpress.am/eng/news/1", "ARM"),
        (None, "https://www.aa.com.tr/en/x", "TUR"),
        (None, "https://www.gov.uk/government/news/x", "GBR"),
        (None, "https://www.nato.int/cps/en/natohq/news_1.htm", "NATO"),  # an IGO's own site
        (None, "https://news.un.org/en/story/1", "UN"),
        ("Reuters", None, None),
        ("AP", None, None),
        (None, "https://www.bbc.co.uk/news/world-1", None),
    ],
)
def test_sources_packaged_table_gives_these_homes(packaged, source, url, country):
    assert _country(_article(source=source, url=url), packaged) == country


def test_sources_packaged_credit_of_a_state_agency(packaged):
    home = home_of(_article("BAKU, March 3 (APA) — The two ministers met in Baku."), packaged)

    assert home is not None and (home.country, home.outlet.kind) == ("AZE", "state-media")


# --- users' tables ---------------------------------------------------------------------------------

def _user_table(tmp_path, text):
    (tmp_path / "sources.tsv").write_text(text, encoding="utf-8")
    return tmp_path


def test_sources_a_users_table_adds_outlets(tmp_path):
    lexicon = load_lexicon(_user_table(tmp_path, f"{HEADER}\nministry.example\tExample Ministry\tNOR\tgovernment\n"))

    assert lexicon.outlets[-1] == Outlet("ministry.example", "Example Ministry", "NOR", "government")
    assert len(lexicon.outlets) == len(load_lexicon().outlets) + 1
    assert _country(_article(url="https://www.ministry.example/x"), lexicon.outlets) == "NOR"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("x.example\tX\tNOR", "line 2: 3 cells for 4 columns"),
        ("x.example\tX\tNOR\tblog", "line 2: kind 'blog' is not one of government, independent, state-media, wire"),
        ("x.example\tX\tXYZ\tgovernment", "line 2: country 'XYZ' is not a code of countries.tsv or igos.tsv"),
        ("x.example\tX\t\tstate-media", "line 2: a state-media outlet needs a home country"),
        ("x.example\tX\tNOR\twire", "line 2: a wire outlet has no home country (leave country empty)"),
        ("https://x.example/\tX\tNOR\tgovernment", "line 2: an outlet needs a source (a domain"),
        ("x.example\t\tNOR\tgovernment", "line 2: an outlet needs a source"),
    ],
)
def test_sources_a_malformed_users_row_is_refused_with_file_line_and_problem(tmp_path, row, problem):
    folder = _user_table(tmp_path, f"{HEADER}\n{row}\n")

    with pytest.raises(LexiconError) as error:
        load_lexicon(folder)

    assert f"{folder / 'sources.tsv'}: {problem}" in str(error.value)


def test_sources_an_igo_code_is_a_home(tmp_path):
    lexicon = load_lexicon(_user_table(tmp_path, f"{HEADER}\nosce.example\tOSCE mission\tOSCE\tgovernment\n"))

    assert lexicon.outlets[-1].country == "OSCE"
