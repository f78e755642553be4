"""How figures and keywords read, the same in every format and job: labels, signed amounts,
percentage points, margins against caps and floors, settings' values. No Rich here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finplan.findings import Severity
from finplan.money import format_kr, format_number, format_percent, format_share

POINTS = "pp"
"""Percentage points (procentenheter): a share of 6,89 % becoming 4,30 % is −2,59 pp."""


def signed_kr(amount: Decimal, currency: str = "SEK") -> str:
    """`+1 000 000 kr`, `−1 000 000 kr`, `0 kr`."""
    return ("+" if amount > 0 else "") + format_kr(amount, currency)


def points(value: Decimal | None) -> str:
    """`+2,59 pp`, `−2,59 pp`; never rounded to 0,00 where it is not 0 (see money.format_share)."""
    if value is None:
        return "–"
    # A share of 100 is the number itself, shown with format_share's care for decimals.
    shown = format_share(value, Decimal(100)).removesuffix(" %")
    return f"{'+' if value > 0 else ''}{shown} {POINTS}"


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
        return "at the cap" if is_cap else "at the floor"
    if excess > 0:
        return f"{format_kr(excess, currency)} {'over' if is_cap else 'short'}"
    return f"{format_kr(-excess, currency)} {'under' if is_cap else 'over'}"


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
        return "yes" if value else "no"
    if kind == "hours":
        return f"{format_number(value)} hours"
    return str(value)


_LABELS = {
    "in_kind": "in kind",
    "external_services": "external services",
    "premises_equipment": "premises and equipment",
    "flat_rate": "flat-rate costs",
}


def label(value: str) -> str:
    """A format keyword as a person reads it: `in_kind` -> `in kind`."""
    return _LABELS.get(value, value)


def summary(plans: list, unchanged: int) -> tuple[str, str]:
    """Over every plan: how many changed, and what the change made worse or fixed."""
    states = [plan.state for plan in plans]
    parts = [f"{states.count(s)} {s}" for s in ("changed", "added", "removed", "renamed") if states.count(s)]
    errors = sum(plan.worse(Severity.ERROR) for plan in plans)
    worse = sum(plan.worse() for plan in plans)
    fixed = sum(plan.count("fixed") for plan in plans)
    return (
        f"{', '.join(parts) or 'no plan changed'}; {unchanged} unchanged",
        f"{errors} new error{'' if errors == 1 else 's'}, {worse} new finding{'' if worse == 1 else 's'} of any "
        f"severity, {fixed} fixed.",
    )
