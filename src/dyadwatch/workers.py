"""Coding on many cores: the same Coder in each worker process, articles sent in small chunks.

The main process reads, cleans and writes; workers parse and code. At most a few chunks per
worker are in flight, so memory stays flat however large the corpus, and results come back in
input order, so a run gives the same events whatever the number of workers. Each worker loads the
model once. ``engine="ray"`` runs the same function as Ray tasks (Ray is imported only then; a
local Ray is started when no address is given).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import count, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .model import Article, DocumentResult, Reject

CHUNK = 8  # articles a worker codes per call
IN_FLIGHT = 3  # chunks per worker queued at once
Coded = DocumentResult | Reject

_coder: Any = None  # one Coder per worker process, made by _start


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start(tables: str | None, seconds: float | None) -> None:
    global _coder
    from .pipeline import Coder

    _coder = Coder(tables=Path(tables) if tables else None, seconds=seconds)


def _code_chunk(chunk: list[Article]) -> list[Coded]:
    return list(_coder(chunk))


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    items = iter(articles)
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def code_in_processes(articles: Iterable[Article], workers: int, tables: Path | None, seconds: float | None
                      ) -> Iterator[Coded]:
    """Coded documents in input order, from ``workers`` processes; coding one may take ``seconds``."""
    context = get_context("spawn")  # a clean interpreter each: no forked model or locks
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(str(tables) if tables else None, seconds)) as pool:
        yield from _in_order(_chunks(articles), lambda chunk: pool.submit(_code_chunk, chunk), workers,
                             lambda future: future.result())


def code_on_ray(articles: Iterable[Article], workers: int, tables: Path | None, seconds: float | None,
                address: str | None) -> Iterator[Coded]:
    """The same coding as Ray tasks: one actor per worker holds a Coder."""
    try:
        import ray
    except ImportError as error:
        raise RayMissing("the Ray engine needs Ray: install dyadwatch with its 'ray' extra "
                         "(uv sync --extra ray, or pip install 'dyadwatch[ray]')") from error
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    try:
        coder_actor: Any = ray.remote(_RayCoder)
        pool: list[Any] = [coder_actor.remote(str(tables) if tables else None, seconds) for _ in range(workers)]
        turn = count()
        yield from _in_order(_chunks(articles), lambda chunk: pool[next(turn) % workers].code.remote(chunk),
                             workers, ray.get)
    finally:
        if started:
            ray.shutdown()


class RayMissing(RuntimeError):
    """Ray was asked for and is not installed."""


class _RayCoder:
    def __init__(self, tables: str | None, seconds: float | None) -> None:
        _start(tables, seconds)

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
