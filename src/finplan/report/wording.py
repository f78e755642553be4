"""How figures and keywords read, the same in every format and job: labels, signed amounts,
percentage points, margins against caps and floors, settings' values. No Rich here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finplan.findings import Severity
from finplan.i18n import N_, Message, _, ngettext
from finplan.keywords import LABELS
from finplan.money import format_kr, format_number, format_percent, format_share, unstated_amount

NOT_IN_YEARS = N_("Not in years")
"""The heading of the money of a portfolio's lines that no year holds."""
STATUS_HEADINGS = (N_("Decided"), N_("Applied"), N_("Proposed"), N_("Not stated"))
"""Headings of the money of each status (portfolio.aggregate.STATUSES), in their order."""
PLACED = {"per_year": N_("breakdown"), "spread": N_("spread by days"), "unplaced": N_("not placed")}
"""How a line's money was put in years (portfolio.spread)."""

CHECK_STATUS = {"passed": N_("passed"), "failed": N_("failed"), "unreadable": N_("unreadable")}
"""A check's outcome (CheckResult.status) as a report words it; the status itself stays the key."""
STATES = {
    "added": N_("added"), "removed": N_("removed"), "changed": N_("changed"), "renamed": N_("renamed"),
    "unchanged": N_("unchanged"), "new": N_("new"), "fixed": N_("fixed"),
}
"""What a change did to a plan, a line or a finding (finplan.diff), as a report words it."""
SECTIONS = {"financing": N_("financing"), "costs": N_("costs")}
"""A plan's sections of lines, as a report names them before a line's id."""
FACTS = {
    "case": N_("case"), "name": N_("name"), "owner": N_("owner"), "period": N_("period"), "currency": N_("currency"),
    "total": N_("total"), "profiles": N_("profiles"), "document": N_("document"),
}
"""The facts of a project a diff compares (diff.compare.Fact.what); a setting's key is shown as written."""

POINTS = N_("pp")
"""Percentage points (procentenheter): a share of 6,89 % becoming 4,30 % is −2,59 pp."""


def shown(value: str) -> str:
    """A Message in the reader's language; any other text (a line's id, a plan's words) as written.

    A plan's text never goes through the catalog: a line named "total" stays "total".
    """
    return _(value) if isinstance(value, Message) else value


def plan_title(ref) -> str:
    """A portfolio's plan as an officer names it: `En attraktiv region (RUN/99/2019)`; its file where it has no case."""
    project = ref.plan.project
    return f"{project.name} ({project.case or ref.name})"


def financing_sum(portfolio, currency: str) -> str:
    """`38 566 657 kr of financing (the plans' totals)`: a portfolio's lines added up, and whether plans declare it."""
    found = portfolio.tables[currency][0].total.total
    declared = portfolio.plan_totals(currency)
    plans = [ref for ref in portfolio.counted if ref.currency == currency]
    unstated = sum(1 for ref in plans if ref.plan.total is None)
    if unstated and unstated == len(plans):  # no total to add up: never "the plans' totals: 0 kr"
        return _("{amount} of financing stated (no plan states its total)").format(amount=format_kr(found, currency))
    if unstated:
        return ngettext(
            "{amount} of financing stated (the plans' totals: {declared}; {n} plan states no total)",
            "{amount} of financing stated (the plans' totals: {declared}; {n} plans state no total)", unstated,
        ).format(amount=format_kr(found, currency), declared=format_kr(declared, currency), n=unstated)
    if found == declared:
        return _("{amount} of financing (the plans' totals)").format(amount=format_kr(found, currency))
    return _("{amount} of financing (the plans' totals: {declared})").format(
        amount=format_kr(found, currency), declared=format_kr(declared, currency)
    )


def counting_line(portfolio) -> str:
    """`5 of 8 plans added up; 3 left out of the sums`: the banner over the findings about a portfolio's plans."""
    total = len(portfolio.plans) + len(portfolio.unreadable)
    counted = len(portfolio.counted)
    line = ngettext("{counted} of {n} plan added up", "{counted} of {n} plans added up", total).format(
        counted=counted, n=total
    )
    if counted < total:
        line += "; " + _("{n} left out of the sums").format(n=total - counted)
    return line


LEFT_OUT = {"FP806": N_("the same project as a plan counted"), "FP807": N_("fails its check"),
            "FP808": N_("could not be read")}
"""Why a plan is left out of a portfolio's sums (finplan.codes.portfolio), in a word, by its finding's code."""


def signed_kr(amount: Decimal | None, currency: str = "SEK") -> str:
    """`+1 000 000 kr`, `−1 000 000 kr`, `0 kr`; `amount not stated` where a side leaves it out."""
    if amount is None:
        return _(unstated_amount())
    return ("+" if amount > 0 else "") + format_kr(amount, currency)


def line_amount(value: Decimal | None, state: str, side: str, currency: str = "SEK") -> str:
    """A line's amount on one side of a diff: `–` where the line is not on that side, `amount not stated` where
    it is, without an amount."""
    if value is None and state != ("added" if side == "old" else "removed"):
        return _(unstated_amount())
    return amount(value, currency)


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


def subtotal_amount(value: Decimal | None, unstated: int, lines: int, currency: str = "SEK") -> str:
    """A subtotal on one side of a diff: `amount not stated` where none of its lines states one, `at least` the
    stated sum where some do not, `–` where the plan is not on that side."""
    if value is None:
        return "–"
    if unstated and unstated == lines:
        return _(unstated_amount())
    if unstated:
        return _("at least {amount}").format(amount=format_kr(value, currency))
    return format_kr(value, currency)


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


def fact_text(fact, value: Any, currency: str = "SEK") -> str:
    """A fact's value on one side of a diff: a total the plan leaves unstated says so (facts compare two plans)."""
    if fact.what == "total" and value is None:
        return _(unstated_amount())
    return fact_value(fact.kind, value, currency)


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
    return shown(value) if isinstance(value, str) else str(value)


def label(value: str) -> str:
    """A format keyword as a person reads it, in the current language: `in_kind` -> `in kind`."""
    return _(LABELS[value]) if value in LABELS else value


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


def state_word(name: str) -> str:
    """A plan's, line's or finding's state (`changed`) in the reader's language."""
    return _(STATES[name])


def status_word(name: str | None) -> str:
    """A check's outcome (`passed`) in the reader's language; `–` for a side that does not exist."""
    return _(CHECK_STATUS[name]) if name else "–"


def finding_state(change) -> str:
    """`new`, `fixed`, or `changed (was warning)` where the severity changed too."""
    if change.state == "changed" and change.old.severity != change.new.severity:
        return _("changed (was {severity})").format(severity=change.old.severity)
    return state_word(change.state)


def fact_word(what: str) -> str:
    """A fact of the project (`total`) in the reader's language; a setting's key as written."""
    return _(FACTS[what]) if what in FACTS else what


def line_word(line) -> str:
    """`financing region`: the section, in the reader's language, and the line's id."""
    return f"{_(SECTIONS[line.section])} {line.id}"


def field_value(text: str | None) -> str:
    """Another field's value as the diff wrote it, `–` where there is none."""
    return shown(text) if text else "–"

