"""The HTML report: chart, tables, undated events apart, escaping of article text."""

from __future__ import annotations

from html.parser import HTMLParser

from dyadwatch.analyse import periods_between
from dyadwatch.model import Dyad
from dyadwatch.views.report import build_context, render


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def _html(events, documents=()):
    return render(build_context(list(events), Dyad("RUS", "AZE"), list(documents)))


def test_report_has_chart_and_lists_undated_events_apart(make_event):
    dated = make_event(id="e1", date="2001-01-09", date_precision="day")
    undated = make_event(id="e2", date=None, date_precision=None, date_basis="unknown")
    page = _Collect()
    html = _html([dated, undated])
    page.feed(html)
    assert "svg" in page.tags and "script" not in page.tags
    events_part, undated_part = html.split("<h2>Undated events</h2>")
    assert "2001-01-09" in events_part and "None." not in undated_part


def test_report_escapes_article_text_and_unsafe_links(make_event):
    event = make_event(sentence='Moscow said <script>alert("x")</script> nothing.')
    html = _html([event], [{"doc_id": event.doc_id, "title": "<b>t</b>", "url": "javascript:alert(1)",
                            "published": None, "origin": "x"}])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html and "&lt;b&gt;t&lt;/b&gt;" in html


def test_report_empty_dyad_says_so():
    assert "No dated events" in _html([])


def test_report_periods_between_keeps_gaps():
    assert periods_between("2001", "2004", "year") == ["2001", "2002", "2003", "2004"]
    assert periods_between("2001-Q4", "2002-Q2", "quarter") == ["2001-Q4", "2002-Q1", "2002-Q2"]
    assert periods_between("2001-11", "2002-02", "month") == ["2001-11", "2001-12", "2002-01", "2002-02"]


def test_report_marks_the_trigger_as_a_whole_word(make_event):
    from dyadwatch.views.report import highlighted_sentence

    event = make_event(sentence="The metro deal was done after Putin met Aliyev.", trigger="met")
    assert "<mark>met</mark> Aliyev" in str(highlighted_sentence(event))


def test_report_tells_each_period_marks_turning_points_and_lists_clusters_quotes_and_parties(make_event):
    visit = make_event(id="v", date="2001-01-09", link="L1", intensity=1.0, sentence="Putin visited Baku.")
    again = make_event(id="v2", doc_id="b.txt", date="2001-01-10", link="L1", sentence="Putin met Aliyev.")
    sale = make_event(id="s", date="2013-01-28", link="L2", event_type="SANCTION", quad_code=4, intensity=-7.0,
                      sentence="Putin stopped the sale of missiles.", quote="We will not sell them.")
    third = make_event(id="t", date="2001-01-09", link="L3", recipient=("AZE", "ARM"))
    html = _html([visit, again, sale, third])

    assert "<h2>What happened, period by period</h2>" in html
    assert ("2013</dt><dd>1 event: 0 cooperative and 1 conflictual; index −7.0, cooler than 2001 (+1.0): a turning "
            "point. RUS government sanctioned AZE government on 28 January 2013.</dd>") in html
    assert "▲<title>2013: turning point, index +1.0 → −7.0</title>" in html  # on the chart
    timeline = html.split("<h2>Timeline of events</h2>")[1].split("<h2>")[0]
    assert timeline.count("<tr><td>") == 3 and "a.txt<br>b.txt" in timeline  # one row a cluster, every report
    assert "<blockquote>We will not sell them.</blockquote>" in html
    assert "Third parties in events with either side: Armenia (1 event)" in html  # a name, not ARM


def test_report_shows_a_week_and_the_evidence_of_a_document_date(make_event):
    week = make_event(id="w", date="2004-W06", date_precision="week", date_basis="relative")
    told = make_event(id="d", date="2004-02-06", date_basis="document",
                      date_evidence='dated by sentence 1: "6 February" (<visited>)')

    html = _html([week, told])

    assert "2004-W06" in html
    assert "document: dated by sentence 1: &#34;6 February&#34; (&lt;visited&gt;)" in html


def test_report_tells_an_event_as_a_person_would(make_event, make_actor):
    from dyadwatch.views.report import told

    putin, aliyev = make_actor("Vladimir Putin", "RUS"), make_actor("Heydar Aliyev", "AZE")
    azerbaijan = make_actor("AZE", "AZE")  # a country as a side: its name, not its code
    together = make_event(event_type="AGREE", actor=(aliyev, putin), recipient=(azerbaijan,), date="2001-01-09")
    to = make_event(event_type="ACCUSE", actor=(putin,), recipient=(azerbaijan,), date="2004-03",
                    date_precision="month")
    nobody = make_event(event_type="ASSAULT", actor=(), recipient=(azerbaijan,), date="2016", date_precision="year")

    assert told(together) == "Heydar Aliyev and Vladimir Putin reached an agreement on 9 January 2001."
    assert told(to) == "Vladimir Putin accused Azerbaijan in March 2004."
    assert told(nobody) == "Someone not named attacked Azerbaijan in 2016."


def test_report_counts_with_plurals_and_writes_every_index_one_way(make_event):
    html = _html([make_event(id="a", date="2001-01-09", intensity=3.75), make_event(id="b", date="2002-05-01",
                                                                               intensity=0.333, doc_id="b.txt")],
                 [{"doc_id": "a.txt", "title": None, "url": None, "published": None, "origin": "x"}])

    assert "1 document;" in html and "1 documents" not in html and "1 events" not in html
    assert "<td>+3.8</td>" in html and "<td>+0.3</td>" in html and "3.75" not in html.split("<h2>Timeline")[0]
    assert "1 event: 1 cooperative and 0 conflictual; index +3.8." in html
