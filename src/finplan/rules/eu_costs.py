"""EU cost conditions: simplified costs for small 2014–2020 ERDF operations, and VAT.

Each rule runs only under the profiles whose settings it reads, so a rule never
speaks where its source does not apply. The facts and their quotes are in
docs/programme-sources.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from finplan.codes.eu_costs import SIMPLIFIED_COSTS_2014, VAT_ELIGIBLE
from finplan.i18n import Message
from finplan.model import Plan
from finplan.money import format_kr
from finplan.profiles import Settings
from finplan.rules.base import Violation, figures, rule
from finplan.rules.flat_rates import CATEGORIES, real_cost_lines
from finplan.totals import total_of


@rule(SIMPLIFIED_COSTS_2014, concerns=lambda plan: bool(plan.costs))
def simplified_costs_2014(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = next((p for p in settings.profiles if p.has("simplified_costs_public_up_to")), None)
    if profile is None or plan.costs is None or any(line.state_aid for line in plan.financing):
        return
    if settings.value(profile, "simplified_costs_opted_out") or not any(line.scheme in profile.schemes for line in plan.financing):
        return
    euro = settings.value(profile, "simplified_costs_public_up_to")
    threshold = None if euro is None else settings.in_currency(euro, plan.currency)
    public = total_of(line for line in plan.financing if line.sector == "public")
    if threshold is None or public > threshold:
        return  # not in force on the plan's date, no rate to the plan's currency, or more public support
    for index, line in real_cost_lines(plan):
        yield Violation(
            ("costs", index),
            Message(
                "`{id}` is {category} at real cost, but the public support {public} is at most {limit_eur} ({limit}); "
                "expected unit costs, a lump sum or a flat rate (`paid_as:` or `flat_rate:`), or "
                "`state_aid: true` on the support",
                id=line.id, category=Message(CATEGORIES[line.category]), public=format_kr(public, plan.currency),
                limit_eur=format_kr(euro, "EUR"), limit=format_kr(threshold, plan.currency),
            ),
            data=figures(plan.currency, found=public, limit=threshold),
        )


@rule(VAT_ELIGIBLE, concerns=lambda plan: any(line.vat == "recoverable" for line in plan.costs or ()))
def vat_eligible(plan: Plan, settings: Settings) -> Iterator[Violation]:
    recoverable = [(i, line) for i, line in enumerate(plan.costs or ()) if line.vat == "recoverable"]
    if not recoverable:
        return
    for profile in settings.profiles:
        if not any(line.scheme in profile.schemes for line in plan.financing):
            continue
        if profile.has("recoverable_vat_eligible") and not settings.value(profile, "recoverable_vat_eligible"):
            for index, line in recoverable:
                yield Violation(
                    ("costs", index, "vat"),
                    Message(
                        "`{id}` includes VAT the beneficiary can recover; {profile} does not count recoverable VAT "
                        "as a cost; expected the amount without VAT",
                        id=line.id, profile=profile.name,
                    ),
                )
            return
        if profile.has("vat_eligible_below"):
            euro = settings.value(profile, "vat_eligible_below")
            threshold = settings.in_currency(euro, plan.currency)
            if threshold is None or plan.total < threshold:
                continue
            for index, line in recoverable:
                yield Violation(
                    ("costs", index, "vat"),
                    Message(
                        "`{id}` includes VAT the beneficiary can recover, and the total {total} is at least "
                        "{limit_eur} ({limit}); expected the amount without VAT, as recoverable VAT is eligible only "
                        "in an operation below that",
                        id=line.id, total=format_kr(plan.total, plan.currency), limit_eur=format_kr(euro, "EUR"),
                        limit=format_kr(threshold, plan.currency),
                    ),
                    data=figures(plan.currency, found=plan.total, limit=threshold),
                )
            return
