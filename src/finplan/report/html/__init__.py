"""`finplan report --html DIR`: the portfolio as a static site, one file per page.

`index.html` is the overview (the portfolio's tables, a chart of financing per
year by appropriation, and one of the frames' use); `plans/*.html` has a page
per plan. Every page is whole in itself: its style and its SVG charts are
inside it, and a Content-Security-Policy forbids loading anything, so the
site works from a CI artifact, GitLab Pages or a file share with no network.
"""

from __future__ import annotations

from pathlib import Path

from finplan.errors import InputError
from finplan.portfolio.aggregate import Portfolio


def write_site(portfolio: Portfolio, folder: Path) -> int:
    """Every page written into `folder` (made if missing); the number of pages written."""
    from finplan.files import write_atomic
    from finplan.report.html.pages import overview, page_names, plan_page

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--html {folder} is a file; name a folder for the report")
    try:
        (folder / "plans").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"--html {folder} cannot be made: {error.strerror or error}") from None
    names = page_names(portfolio)
    write_atomic(folder / "index.html", overview(portfolio, names), overwrite=True)
    for ref in portfolio.plans:
        write_atomic(folder / names[ref.index], plan_page(portfolio, ref, names), overwrite=True)
    return 1 + len(portfolio.plans)
