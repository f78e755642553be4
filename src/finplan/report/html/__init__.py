"""`finplan report --html DIR`: the portfolio as a static site, one file per page.

`index.html` is the overview (the portfolio's tables, a chart of financing per
year by appropriation, and one of the frames' use); `plans/*.html` has a page
per plan. Every page is whole in itself: its style and its SVG charts are
inside it, and a Content-Security-Policy forbids loading anything, so the
site works from a CI artifact, GitLab Pages or a file share with no network.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from finplan.errors import InputError, os_reason
from finplan.i18n import Message
from finplan.portfolio.aggregate import Portfolio

PARALLEL_FROM = 32
"""Plans from which their pages are drawn over the cores: each page's chart takes most of its time."""


def write(portfolio: Portfolio, folder: Path) -> int:
    """Every page written into `folder` (made if missing); the number of pages written.

    The pages are written plainly, not each synced to disk: the site is made
    again from the plans whenever it is wanted, and a thousand syncs would
    take longer than drawing the charts.
    """
    from finplan.report.html.pages import overview, page_names

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(Message("--html {folder} is a file; name a folder for the report", folder=folder))
    names = page_names(portfolio)
    try:
        (folder / "plans").mkdir(parents=True, exist_ok=True)
        _write(folder / "index.html", overview(portfolio, names))
        indexes = range(len(portfolio.plans))
        workers = min(os.cpu_count() or 1, len(portfolio.plans) // PARALLEL_FROM)
        if workers < 2 or sys.platform != "linux":
            for index in indexes:
                _plan_page(portfolio, folder, names, index)
        else:
            _over_the_cores(portfolio, folder, names, indexes, workers)
    except OSError as error:
        raise InputError(Message("--html {folder} cannot be written: {reason}", folder=folder, reason=os_reason(error))) from None
    return 1 + len(portfolio.plans)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def _plan_page(portfolio: Portfolio, folder: Path, names: dict[int, str], index: int) -> None:
    from finplan.report.html.pages import plan_page

    _write(folder / names[index], plan_page(portfolio, portfolio.plans[index], names))


_shared: tuple = ()


def _over_the_cores(portfolio: Portfolio, folder: Path, names: dict[int, str], indexes, workers: int) -> None:
    """The plans' pages drawn by forked workers, which share the portfolio instead of receiving it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    _shared = (portfolio, folder, names)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(_page_in_worker, indexes, chunksize=max(1, len(indexes) // (workers * 8))))
    finally:
        _shared = ()


def _page_in_worker(index: int) -> None:
    _plan_page(*_shared, index)
