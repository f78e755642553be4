"""Checks many plan files, or does other work plan by plan: in this process, or over the cores when there are many.

The command line hands it the files it found and a configuration finder; it
hands back one CheckResult per file, in order. Nothing here prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from finplan.check import check_file, unchecked
from finplan.codes.input import NOT_A_PLAN
from finplan.config import ConfigFinder
from finplan.errors import InputError
from finplan.discover import Skip
from finplan.findings import CheckResult, Finding
from finplan.i18n import Message

PARALLEL_FROM = 32
"""Fewer plans than this are checked in this process: starting workers costs more than it saves."""

T = TypeVar("T")
R = TypeVar("R")


def check_all(plans: list[tuple[Path, Message | None]], finder: ConfigFinder, *, keep_plans: bool) -> list[CheckResult]:
    """Every plan checked, in order; `plans` pairs each file with the reason it cannot be found, if any.

    Without `keep_plans` only the findings come back from other processes: a
    plan's model is large, and only some reports need it.
    """
    if workers_for(len(plans)) < 2:
        return [check_one(plan, problem, finder) for plan, problem in plans]
    return across_cores(partial(_check_in_worker, finder, keep_plans), plans)


def workers_for(count: int) -> int:
    """The processes `count` pieces of work are shared out over: one a core, or only this one when few."""
    return min(os.cpu_count() or 1, count // PARALLEL_FROM)


def across_cores(work: Callable[[T], R], items: list[T]) -> list[R]:
    """`work` done on each of `items`, in order, over the cores when there are many, else in this process.

    `work` is a module's function, or a partial of one: where workers are not
    forked (not on Linux), it reaches them pickled.
    """
    workers = workers_for(len(items))
    if workers < 2:
        return [work(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the imported modules with the workers; elsewhere they import anew.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_set_work, initargs=(work,)) as pool:
        return list(pool.map(_do_work, items, chunksize=max(1, len(items) // (workers * 8))))


_work: Callable | None = None


def _set_work(work: Callable) -> None:
    global _work
    _work = work


def _do_work(item):
    return _work(item)


def _check_in_worker(finder: ConfigFinder, keep_plans: bool, item: tuple[Path, Message | None]) -> CheckResult:
    result = check_one(*item, finder)
    if not keep_plans:
        result.plan = result.settings = None
    return result


def check_one(path: Path, problem: Message | None, finder: ConfigFinder) -> CheckResult:
    """One plan checked under its configuration; never raises, whatever the file holds."""
    if isinstance(problem, Skip):
        message = Message("this file {problem}", problem=problem)
        return CheckResult(str(path), [Finding(NOT_A_PLAN.code, NOT_A_PLAN.severity, message)])
    if problem is not None:
        return unchecked(str(path), problem)
    try:
        return check_file(path, finder.for_plan(path))
    except InputError as error:  # the plan's configuration could not be read
        return unchecked(str(path), error.message)
    except Exception as error:  # a bug in finplan, never the plan's fault: say so without a traceback
        if os.environ.get("FINPLAN_DEBUG"):
            raise
        return unchecked(
            str(path),
            Message(
                "finplan failed on this file ({error}); this is a bug in finplan, please report it "
                "(FINPLAN_DEBUG=1 shows the traceback)",
                error=type(error).__name__,
            ),
        )
