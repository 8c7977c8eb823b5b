"""Coding on many cores: the same Coder in each worker process, articles sent in small chunks.

The main process reads, cleans and writes; workers parse and code. At most a few chunks per
worker are in flight, so memory stays flat however large the corpus, and results come back in
input order, so a run gives the same events whatever the number of workers. Each worker loads the
model once. ``engine="ray"`` runs the same function as Ray tasks (Ray is imported only then; a
local Ray is started when no address is given).

A worker ends when the process that started it is gone, however it ended (``kill -9`` included):
each watches its parent. A run that stops early (Ctrl-C, SIGTERM, an error) ends its workers at once
instead of waiting for the chunks queued to them.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import count, islice
from multiprocessing import get_context
from typing import Any

from .coder import Coder
from .model import Article, DocumentResult, Reject
from .settings import Settings

CHUNK = 8  # articles a worker codes per call
WATCH_SECONDS = 0.5  # how often a worker checks that its parent is still there
IN_FLIGHT = 3  # chunks per worker queued at once
Coded = DocumentResult | Reject

_coder: Any = None  # one Coder per worker process, made by _start


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start(settings: Settings, parent: int | None = None, child: bool = True) -> None:
    global _coder
    if parent is not None:
        watch_parent(parent, child)
    _coder = Coder(settings)


def watch_parent(parent: int, child: bool = True, every: float = WATCH_SECONDS) -> threading.Thread:
    """End this process soon after process ``parent`` is gone (checked every ``every`` seconds): for a
    ``child`` of it, when this process is handed to another parent; else (a Ray worker, whose parent
    is Ray's) when no process of that number is left."""

    def watch() -> None:
        while os.getppid() == parent if child else _exists(parent):
            time.sleep(every)
        os._exit(1)  # nothing of a worker's is worth saving: its parent stored what it was sent

    thread = threading.Thread(target=watch, name="dyadwatch-watch-parent", daemon=True)
    thread.start()
    return thread


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _code_chunk(chunk: list[Article]) -> list[Coded]:
    return list(_coder(chunk))


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    items = iter(articles)
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def code_in_processes(articles: Iterable[Article], settings: Settings) -> Iterator[Coded]:
    """Coded documents in input order, from ``settings.workers`` processes, each a Coder of ``settings``."""
    context = get_context("spawn")  # a clean interpreter each: no forked model or locks
    pool = ProcessPoolExecutor(settings.workers, mp_context=context, initializer=_start,
                               initargs=(settings, os.getpid()))
    try:
        yield from _in_order(_chunks(articles), lambda chunk: pool.submit(_code_chunk, chunk), settings.workers,
                             lambda future: future.result())
    except BaseException:  # Ctrl-C, SIGTERM, an error, or the caller stopped reading: stop now
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool's workers without waiting for what is queued to them."""
    processes = list(getattr(pool, "_processes", {}).values())  # the executor has no public way (3.14 adds one)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def code_on_ray(articles: Iterable[Article], settings: Settings) -> Iterator[Coded]:
    """The same coding as Ray tasks: one actor per worker holds a Coder (at ``settings.address``, or a
    local Ray when None)."""
    workers, address = settings.workers, settings.address
    try:
        import ray
    except ImportError as error:
        raise RayMissing("the Ray engine needs Ray: install dyadwatch with its 'ray' extra "
                         "(uv sync --extra ray, or pip install 'dyadwatch[ray]')") from error
    started = not ray.is_initialized()
    if started:
        handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
        if threading.current_thread() is threading.main_thread():
            for number, handler in handlers.items():  # Ray puts its own: a run stops as the CLI says
                if handler is not None:
                    signal.signal(number, handler)
    try:
        coder_actor: Any = ray.remote(_RayCoder)
        parent = os.getpid() if started and address is None else None  # a local Ray's workers watch this run
        pool: list[Any] = [coder_actor.remote(settings, parent) for _ in range(workers)]
        turn = count()
        yield from _in_order(_chunks(articles), lambda chunk: pool[next(turn) % workers].code.remote(chunk),
                             workers, ray.get)
    finally:
        if started:
            ray.shutdown()


class RayMissing(RuntimeError):
    """Ray was asked for and is not installed."""


class _RayCoder:
    def __init__(self, settings: Settings, parent: int | None = None) -> None:
        _start(settings, parent, child=False)

    def code(self, chunk: list[Article]) -> list[Coded]:
        return _code_chunk(chunk)


def _in_order(chunks: Iterator[list[Article]], submit: Callable[[list[Article]], Any], workers: int,
              result: Callable[[Any], list[Coded]]) -> Iterator[Coded]:
    """Keep IN_FLIGHT chunks per worker queued; hand results back in the order they were asked."""
    pending: deque[Future[list[Coded]] | Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= workers * IN_FLIGHT:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())
