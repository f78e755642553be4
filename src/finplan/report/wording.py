"""How figures and keywords read, the same in every format and job: labels, signed amounts,
percentage points, margins against caps and floors, settings' values. No Rich here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finplan.findings import Severity
from finplan.i18n import N_, Message, _, ngettext
from finplan.money import format_kr, format_number, format_percent, format_share

NOT_IN_YEARS = N_("Not in years")
"""The heading of the money of a portfolio's lines that no year holds."""
STATUS_HEADINGS = (N_("Decided"), N_("Applied"), N_("Proposed"), N_("Not stated"))
"""Headings of the money of each status (portfolio.aggregate.STATUSES), in their order."""
PLACED = {"per_year": N_("breakdown"), "spread": N_("spread by days"), "unplaced": N_("not placed")}
"""How a line's money was put in years (portfolio.spread)."""

POINTS = N_("pp")
"""Percentage points (procentenheter): a share of 6,89 % becoming 4,30 % is −2,59 pp."""


def shown(value: str) -> str:
    """A Message in the reader's language; any other text (a line's id, a plan's words) as written.

    A plan's text never goes through the catalog: a line named "total" stays "total".
    """
    return _(value) if isinstance(value, Message) else value


def financing_sum(portfolio, currency: str) -> str:
    """`38 566 657 kr of financing (the plans' totals)`: a portfolio's lines added up, and whether the plans declare it."""
    found = portfolio.tables[currency][0].total.total
    declared = portfolio.plan_totals(currency)
    if found == declared:
        return _("{amount} of financing (the plans' totals)").format(amount=format_kr(found, currency))
    return _("{amount} of financing (the plans' totals: {declared})").format(
        amount=format_kr(found, currency), declared=format_kr(declared, currency)
    )


def signed_kr(amount: Decimal, currency: str = "SEK") -> str:
    """`+1 000 000 kr`, `−1 000 000 kr`, `0 kr`."""
    return ("+" if amount > 0 else "") + format_kr(amount, currency)


def points(value: Decimal | None) -> str:
    """`+2,59 pp`, `−2,59 pp`; never rounded to 0,00 where it is not 0 (see money.format_share)."""
    if value is None:
        return "–"
    # A share of 100 is the number itself, shown with format_share's care for decimals.
    shown = format_share(value, Decimal(100)).removesuffix(" %")
    return f"{'+' if value > 0 else ''}{shown} {_(POINTS)}"


def share(value: Decimal | None) -> str:
    """A share of the total, already in percent: `6,89 %`."""
    return "–" if value is None else format_share(value, Decimal(100))


def amount(value: Decimal | None, currency: str = "SEK") -> str:
    return "–" if value is None else format_kr(value, currency)


def margin(excess: Decimal, currency: str = "SEK", *, is_cap: bool = True) -> str:
    """`0,50 kr over`, `12 kr under`, `at the cap`: where an amount stands against its cap or floor.

    `excess` is how far past the limit the amount goes: over a cap, short of a floor.
    """
    if excess == 0:
        return _("at the cap") if is_cap else _("at the floor")
    if excess > 0:
        text = _("{amount} over") if is_cap else _("{amount} short")
    else:
        text = _("{amount} under") if is_cap else _("{amount} over")
    return text.format(amount=format_kr(abs(excess), currency))


def fact_value(kind: str, value: Any, currency: str = "SEK") -> str:
    """A fact's or setting's value as the report prints it."""
    if value is None:
        return "–"
    if kind == "amount":
        return format_kr(value, currency)
    if kind == "eur":
        return format_kr(value, "EUR")
    if kind == "number":
        return format_number(value)
    if kind == "percent":
        return format_percent(value)
    if kind == "bool":
        return _("yes") if value else _("no")
    if kind == "hours":
        return _("{hours} hours").format(hours=format_number(value))
    return str(value)


# Every keyword of the format a table shows, as a person reads it (the plan keeps the keyword).
_LABELS = {
    "public": N_("public"),
    "private": N_("private"),
    "cash": N_("cash"),
    "in_kind": N_("in kind"),
    "decided": N_("decided"),
    "applied": N_("applied"),
    "proposed": N_("proposed"),
    "not stated": N_("not stated"),
    "staff": N_("staff"),
    "external_services": N_("external services"),
    "travel": N_("travel"),
    "premises_equipment": N_("premises and equipment"),
    "investments": N_("investments"),
    "flat_rate": N_("flat-rate costs"),
    "income": N_("income"),
}


def label(value: str) -> str:
    """A format keyword as a person reads it, in the current language: `in_kind` -> `in kind`."""
    return _(_LABELS[value]) if value in _LABELS else value


def summary(plans: list, unchanged: int) -> tuple[str, str]:
    """Over every plan: how many changed, and what the change made worse or fixed."""
    states = [plan.state for plan in plans]
    words = {"changed": _("{n} changed"), "added": _("{n} added"), "removed": _("{n} removed"), "renamed": _("{n} renamed")}
    parts = [words[s].format(n=states.count(s)) for s in words if states.count(s)]
    errors = sum(plan.worse(Severity.ERROR) for plan in plans)
    worse = sum(plan.worse() for plan in plans)
    fixed = sum(plan.count("fixed") for plan in plans)
    return (
        _("{plans}; {n} unchanged").format(plans=", ".join(parts) or _("no plan changed"), n=unchanged),
        _("{errors}, {findings} of any severity, {fixed} fixed.").format(
            errors=ngettext("{n} new error", "{n} new errors", errors).format(n=errors),
            findings=ngettext("{n} new finding", "{n} new findings", worse).format(n=worse),
            fixed=fixed,
        ),
    )
