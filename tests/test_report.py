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
    assert "2013</dt><dd>1 event: 0 cooperative, 1 conflictual; index -7.0, cooler than 2001" in html
    assert 'class="turn">▲' in html  # the turning point on the chart
    timeline = html.split("<h2>Timeline of events</h2>")[1].split("<h2>")[0]
    assert timeline.count("<tr><td>") == 3 and "a.txt<br>b.txt" in timeline  # one row a cluster, every report
    assert "<blockquote>We will not sell them.</blockquote>" in html
    assert "Third parties in events with either side: ARM (1)" in html


def test_report_shows_a_week_and_the_evidence_of_a_document_date(make_event):
    week = make_event(id="w", date="2004-W06", date_precision="week", date_basis="relative")
    told = make_event(id="d", date="2004-02-06", date_basis="document",
                      date_evidence='dated by sentence 1: "6 February" (<visited>)')

    html = _html([week, told])

    assert "2004-W06" in html
    assert "document: dated by sentence 1: &#34;6 February&#34; (&lt;visited&gt;)" in html
