"""Checks many plan files, or does other work plan by plan: in this process, or over the cores when there are many.

The command line hands it the files it found and a configuration finder; it
hands back one CheckResult per file, in order. Nothing here prints.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from finplan.check import check_file, unchecked
from finplan.codes.input import NOT_A_PLAN
from finplan.config import ConfigFinder
from finplan.errors import InputError
from finplan.discover import Skip
from finplan.findings import CheckResult, Finding
from finplan.i18n import Message
from finplan.parallel import spread, workers_for

PARALLEL_FROM = 32
"""Fewer plans than this are checked in this process: starting workers costs more than it saves."""

T = TypeVar("T")
R = TypeVar("R")


Keep = Callable[[CheckResult], CheckResult]


def check_all(
    plans: list[tuple[Path, Message | None]], finder: ConfigFinder, *, keep_plans: bool, keep: Keep | None = None,
) -> list[CheckResult]:
    """Every plan checked, in order; `plans` pairs each file with the reason it cannot be found, if any.

    Without `keep_plans` only the findings come back from other processes: a
    plan's model is large, and only some reports need it. `keep`, where given,
    is what of each result is kept, in this process and in the workers alike,
    as soon as the plan is checked (the portfolio keeps a plan's figures).
    """
    workers = workers_for(len(plans), PARALLEL_FROM)
    if workers < 2:
        return [_kept(check_one(plan, problem, finder), keep) for plan, problem in plans]
    return spread(_check_in_worker, plans, workers, initializer=_set_worker, initargs=(finder, keep_plans, keep))


def across_cores(work: Callable[[T], R], items: list[T]) -> list[R]:
    """`work` done on each of `items`, in order, over the cores when there are many, else in this process.

    `work` is a module's function, or a partial of one: where workers are not
    forked (not on Linux), it reaches them pickled.
    """
    workers = workers_for(len(items), PARALLEL_FROM)
    if workers < 2:
        return [work(item) for item in items]
    # The collector of a forked worker would walk every object it shares with this process, and each page it
    # touches would be copied: frozen, they are left out of its walks.
    gc.freeze()
    try:
        return spread(_do_work, items, workers, initializer=_set_work, initargs=(work,))
    finally:
        gc.unfreeze()


_work: Callable | None = None


def _set_work(work: Callable) -> None:
    global _work
    _work = work


def _do_work(item):
    return _work(item)


_worker: tuple = (None, False, None)


def _set_worker(finder: ConfigFinder, keep_plans: bool, keep: Keep | None) -> None:
    global _worker
    _worker = (finder, keep_plans, keep)


def _check_in_worker(item: tuple[Path, Message | None]) -> CheckResult:
    finder, keep_plans, keep = _worker
    result = _kept(check_one(*item, finder), keep)
    if not keep_plans:
        result.plan = result.settings = None
    return result


def _kept(result: CheckResult, keep: Keep | None) -> CheckResult:
    return result if keep is None else keep(result)


def check_one(path: Path, problem: Message | None, finder: ConfigFinder) -> CheckResult:
    """One plan checked under its configuration; never raises, whatever the file holds."""
    if isinstance(problem, Skip):
        message = Message("this file {problem}", problem=problem)
        return CheckResult(str(path), [Finding(NOT_A_PLAN.code, NOT_A_PLAN.severity, message)])
    if problem is not None:
        return unchecked(str(path), problem)
    return guarded(str(path), lambda: check_file(path, finder.for_plan(path)))


def guarded(name: str, check: Callable[[], CheckResult]) -> CheckResult:
    """`check()`, or the reason it could not run as a finding of `name`: it never raises, whatever the plan holds."""
    try:
        return check()
    except InputError as error:  # the plan's configuration could not be read
        return unchecked(name, error.message)
    except Exception as error:  # a bug in finplan, never the plan's fault: say so without a traceback
        if os.environ.get("FINPLAN_DEBUG"):
            raise
        return unchecked(
            name,
            Message(
                "finplan failed on this file ({error}); this is a bug in finplan, please report it "
                "(FINPLAN_DEBUG=1 shows the traceback)",
                error=type(error).__name__,
            ),
        )
