"""Advances: a 1:1 grant paid before the costs, within the ordinance's limits."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.codes.funding import ADVANCE_LIMIT
from finplan.i18n import Message
from finplan.model import Plan
from finplan.money import format_kr, format_percent
from finplan.profiles import PROFILES, Settings
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, rule

_PROFILE = PROFILES["anslag_1_1"]


@rule(ADVANCE_LIMIT)
def advance_limit(plan: Plan, settings: Settings) -> Iterator[Violation]:
    max_share = settings.value(_PROFILE, "advance_max_share")
    max_amount = settings.value(_PROFILE, "advance_max")
    for index, line in enumerate(plan.financing):
        if line.scheme != _PROFILE.scheme or line.advance is None or line.amount is None:
            continue
        share_limit = line.amount * max_share / 100
        path = ("financing", index, "advance")
        if line.advance > share_limit:
            yield Violation(
                path,
                Message(
                    "`{id}` has an advance of {advance}; at most {share} of the grant, {limit}: {excess} over",
                    id=line.id, advance=format_kr(line.advance, plan.currency), share=format_percent(max_share),
                    limit=format_kr(share_limit, plan.currency),
                    excess=format_kr(line.advance - share_limit, plan.currency),
                ),
                data={
                    **figures(plan.currency, found=line.advance, expected=share_limit,
                              difference=line.advance - share_limit, base=line.amount),
                    "limit": Figure(max_share, "%"),
                },
            )
        if line.advance > max_amount:
            yield Violation(
                path,
                Message(
                    "`{id}` has an advance of {advance}; at most {limit}: {excess} over",
                    id=line.id, advance=format_kr(line.advance, plan.currency),
                    limit=format_kr(max_amount, plan.currency), excess=format_kr(line.advance - max_amount, plan.currency),
                ),
                data=figures(plan.currency, found=line.advance, expected=max_amount, difference=line.advance - max_amount),
            )

