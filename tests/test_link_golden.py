"""The hand-written golden linking pairs: every pair decision is right, and the set stays large."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.link import link_events
from golden_links import load_pairs

PAIRS = load_pairs(Path(__file__).parent / "golden" / "link_pairs.tsv")


def test_link_golden_set_has_at_least_30_pairs_of_each_kind_mixed():
    assert len(PAIRS) >= 30
    assert sum(p.same for p in PAIRS) >= 12 and sum(not p.same for p in PAIRS) >= 12


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"pair{p.name}-{'same' if p.same else 'different'}")
def test_link_golden_pair(pair):
    links = link_events([pair.a, pair.b])

    assert (links[pair.a.id] == links[pair.b.id]) == pair.same, (pair.a.sentence, pair.b.sentence)


def test_link_golden_reader_names_the_file_and_line_of_a_bad_line(tmp_path):
    bad = tmp_path / "pairs.tsv"
    text = (Path(__file__).parent / "golden" / "link_pairs.tsv").read_text(encoding="utf-8")
    bad.write_text(text.replace("\tsame\t", "\tmaybe\t", 1), encoding="utf-8")

    with pytest.raises(ValueError, match=r"pairs.tsv: line \d+: label 'maybe'"):
        load_pairs(bad)
