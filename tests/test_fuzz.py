"""The fast part of the fuzz bench (bench/fuzz.py): its first 2,000 inputs, always the same ones.

The whole bench (100,000 inputs) still finds a few cleaning inputs that are not a fixed point
(README, Figures); they are to be fixed, and this test keeps the rest from slipping meanwhile."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fuzz  # noqa: E402


def test_fuzz_cleaning_dates_names_and_jsonl_raise_nothing():
    assert fuzz.run(2000, seed=1, quiet=True) == 0
