"""Work spread over the machine's cores, for as many items as make starting workers pay.

`finplan check` checks many plans this way (finplan.batch), and `report
--html` writes its pages so (finplan.report.portfolio.html). Workers are
forked where the system can fork: they share the modules already imported,
and whatever the caller set up before, instead of receiving it pickled.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any


def workers_for(count: int, parallel_from: int) -> int:
    """How many workers `count` items are worth: one per core, and one per `parallel_from` items at most.

    Below 2, the items are better done in this process.
    """
    return min(os.cpu_count() or 1, count // parallel_from)


def can_fork() -> bool:
    """Whether workers start as forks of this process, sharing its memory (Linux), rather than anew."""
    return sys.platform == "linux"


def spread(
    work: Callable[[Any], Any], items: Sequence[Any], workers: int, *,
    initializer: Callable[..., None] | None = None, initargs: tuple = (),
) -> list:
    """`work` done on every item by `workers` processes, the results in the items' order.

    Each worker takes the items in chunks, about eight a worker, so that one
    slow item does not hold the others back and the pool is not asked for
    every item on its own.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if can_fork() else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        return list(pool.map(work, items, chunksize=max(1, len(items) // (workers * 8))))
