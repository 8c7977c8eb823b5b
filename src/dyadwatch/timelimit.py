"""A time limit on one document's work, so that one bad document cannot stall a run.

The limit is a POSIX interval timer whose signal raises ``TimeLimit`` at the next Python
instruction (regular expressions check for it too). Signals reach only a process's main thread,
which is where the CLI and the worker processes code; elsewhere (or on a system without the timer)
the work runs without a limit. A timer already set when the block starts is set again when it
ends, less the time gone.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT = 60.0  # seconds: ordinary news takes milliseconds, the longest article allowed a few seconds


class TimeLimit(Exception):
    """The work went on longer than its limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimit`` inside the block once it has run ``seconds``; None or 0: no limit."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimit(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer someone else had set (a fuzzer's, a test runner's) runs on
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001), interval)
