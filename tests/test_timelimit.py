"""The time limit on one document's work: it interrupts Python and regular expressions, and leaves
no timer or handler behind."""

from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from dyadwatch.timelimit import TimeLimit, time_limit


def _spin() -> None:
    while True:
        pass


def test_time_limit_interrupts_a_loop_that_never_ends():
    start = time.monotonic()
    with pytest.raises(TimeLimit, match="took more than 0.2 s"), time_limit(0.2):
        _spin()
    assert time.monotonic() - start < 2


def test_time_limit_interrupts_a_regular_expression_that_backtracks():
    with pytest.raises(TimeLimit), time_limit(0.2):
        re.match(r"(a+)+$", "a" * 40 + "b")


def test_time_limit_leaves_no_timer_or_handler_behind():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # an alarm still set would raise here

    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_sets_a_timer_already_running_again_afterwards():
    signal.setitimer(signal.ITIMER_REAL, 30)
    before = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        with time_limit(0.2):
            time.sleep(0.1)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)

    assert 29 < left < 30


@pytest.mark.parametrize("seconds", [None, 0])
def test_time_limit_none_or_zero_sets_no_limit(seconds):
    with time_limit(seconds):
        time.sleep(0.05)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_outside_the_main_thread_runs_without_a_limit():
    outcome = []

    def work():
        with time_limit(0.05):
            time.sleep(0.2)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]
