"""The index page's banner: how many plans are added up, and each plan left out of the sums, and why.

It stands first on the page, above the headline's totals, so that no one
reads a sum without knowing which plans it leaves out (finplan.portfolio.counted).
The findings themselves, with their whole messages, follow in the page's
Findings section.
"""

from __future__ import annotations

from html import escape

from finplan.i18n import _
from finplan.portfolio.aggregate import Portfolio
from finplan.report.wording import LEFT_OUT, counting_line

_STYLE = {  # inline: the banner brings its own look, whatever the page's style sheet holds
    True: "border:2px solid #b3261e;background:#fdecea;padding:.6rem .9rem;margin:0 0 1rem;border-radius:4px",
    False: "border:1px solid #1e6b35;background:#e9f5ec;padding:.4rem .9rem;margin:0 0 1rem;border-radius:4px",
}


def banner(portfolio: Portfolio) -> str:
    left_out = portfolio.left_out
    items = "".join(
        f'<li data-code="{finding.code}" data-file="{escape(file)}">{escape(file)}: {finding.code} '
        f"{escape(_(LEFT_OUT[finding.code]))}</li>"
        for file, finding in left_out
    )
    counted = len(portfolio.counted)
    return (
        f'<div class="banner" role="status" data-plans="{len(portfolio.plans) + len(portfolio.unreadable)}" '
        f'data-counted="{counted}" style="{_STYLE[bool(left_out)]}"><strong>{escape(counting_line(portfolio))}</strong>'
        + (f'<ul style="margin:.3rem 0 0;padding-left:1.2rem">{items}</ul>' if items else "")
        + "</div>"
    )
