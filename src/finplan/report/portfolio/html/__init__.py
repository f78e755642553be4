"""`finplan report --html DIR`: the portfolio as a static site, one file per page.

`index.html` is the overview (the portfolio's tables, a chart of financing per
year by appropriation, and one of the frames' use); `plans/*.html` has a page
per plan. Every page is whole in itself: its style and its SVG charts are
inside it, and a Content-Security-Policy forbids loading anything, so the
site works from a CI artifact, GitLab Pages or a file share with no network.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from finplan.parallel import can_fork, spread, workers_for
from finplan.portfolio.aggregate import Portfolio

if TYPE_CHECKING:
    from finplan.files import Folder
    from finplan.findings import CheckResult

PARALLEL_FROM = 32
"""Plans from which their pages are written over the cores: fewer take less time than starting workers does."""


def keep(result: CheckResult) -> CheckResult:
    """What a plan's page needs of its check: its figures, as the portfolio keeps them, and the check's tables.

    The tables are made where the plan was checked, from its model, which is
    not kept: a page shows what `finplan check` shows without checking again.
    """
    from finplan.portfolio.figures import keep_figures
    from finplan.report.portfolio.html.check_tables import plan_tables

    tables = plan_tables(result.plan, result.settings) if result.readable and result.plan is not None else ()
    result = keep_figures(result)
    if result.plan is not None:
        result.plan = dataclasses.replace(result.plan, tables=tables)
    return result


def render(portfolio: Portfolio, folder: Folder) -> int:
    """Every page written through `folder`; the number of pages written."""
    from finplan.report.portfolio.html.pages import overview, page_names

    names = page_names(portfolio)
    folder.write("index.html", overview(portfolio, names))
    indexes = range(len(portfolio.plans))
    workers = workers_for(len(portfolio.plans), PARALLEL_FROM)
    # The workers share the portfolio and the open folder as forks; neither is sent to a process started anew.
    if workers < 2 or not can_fork():
        for index in indexes:
            _plan_page(portfolio, folder, names, index)
    else:
        global _shared
        _shared = (portfolio, folder, names)
        try:
            spread(_page_in_worker, indexes, workers)
        finally:
            _shared = ()
    return 1 + len(portfolio.plans)


def _plan_page(portfolio: Portfolio, folder: Folder, names: dict[int, str], index: int) -> None:
    from finplan.report.portfolio.html.pages import plan_page

    folder.write(names[index], plan_page(portfolio, portfolio.plans[index], names))


_shared: tuple = ()


def _page_in_worker(index: int) -> None:
    _plan_page(*_shared, index)
