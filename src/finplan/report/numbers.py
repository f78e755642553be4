"""The report's tables of the numbers in force and of each scheme's cap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from finplan.findings import some
from finplan.i18n import N_, _
from finplan.limits import Measure, measure_limits
from finplan.model import Plan
from finplan.money import format_kr, format_percent, format_share
from finplan.profiles import Settings
from finplan.report import wording
from finplan.report.table import add_lines, new_table


MAX_IDS = 10
"""Line ids a row of the caps table names."""

# Which of the plan's dates chose the numbers (Project.judged_by), so a reader can tell a decision's rules from today's.
_ON = {
    "decided": N_("Numbers in force on {date}, the decision date"),
    "applied": N_("Numbers in force on {date}, the application date"),
    "start": N_("Numbers in force on {date}, the project's start"),
    None: N_("Numbers in force on {date}, today (the plan states no date)"),
}


def needs_numbers(plan: Plan, settings: Settings) -> bool:
    """Whether any rule of the plan uses a setting: a profile, an override, a basis, a flat rate."""
    return bool(
        plan.profiles
        or any(used.origin for used in settings.used())
        or any(line.basis for line in plan.financing)
        or any(line.flat_rate for line in plan.costs or ())
    )


def numbers_table(plan: Plan, settings: Settings) -> Table:
    """Every number the rules used, where it comes from, and whether the plan or configuration set it."""
    # The date is named where it chose a number: a plan whose profiles hold no changed number reads as before.
    title = _(_ON[plan.project.judged_by]).format(date=settings.on) if settings.dated else _("Numbers in force")
    table = new_table(title, N_("Setting"), N_("Value"), N_("Source"))
    for used in settings.used():
        value = Text(wording.fact_value(used.setting.kind, used.value, plan.currency), style="bold" if used.origin else "")
        if used.origin:
            set_by = _(SET_BY[used.origin]) if used.origin in SET_BY else f"(set by the {used.origin})"
            value.append(f" {set_by}", style="italic")
        table.add_row(Text(used.key), value, Text(_(used.setting.source), style="dim"))
    return table


def caps_table(plan: Plan, settings: Settings) -> Table | None:
    """Every cap and floor against its base, with the margin, or the excess and how it reads."""
    measures = measure_limits(plan, settings)
    if not measures:
        return None
    table = new_table(
        _("Caps and floors"), N_("Set by"), N_("Lines"), N_("Amount"), N_("Share"), N_("Limit"), N_("Margin")
    )
    add_lines(table, measures, lambda m: _cap_row(plan, m))
    return table


def _cap_row(plan: Plan, m: Measure) -> tuple[Text, ...]:
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    within = m.excess <= 0
    style = "green" if within else ("yellow" if m.excess <= m.tolerance or m.rests_on_rounding else "bold red")
    margin = Text(wording.margin(m.excess, plan.currency, is_cap=m.is_cap), style=style)
    if m.rests_on_rounding:
        margin.append("\n" + _("within rounding"), style="italic")
    if m.follows_from_total:
        margin.append("\n" + _("holds on the lines' sum (FP101)"), style="italic")
    limit = (_("at most {amount}") if m.is_cap else _("at least {amount}")).format(amount=kr(m.limit))
    if m.share is not None:
        # Two lines, each kept whole: the limit in money, then what it is a share of.
        limit += "\n" + _("{share} of {base} {amount}").format(
            share=format_percent(m.share), base=_(m.base_text()), amount=kr(m.base)
        )
    return (
        Text(wording.shown(m.title).replace("`", "")),
        # The lines of a cap over many (every decision-maker's together): the first of them, and how many more.
        Text(some([line.id for _index, line in m.lines], MAX_IDS)),
        Text(kr(m.amount)),
        Text(format_share(m.amount, m.base) if m.share is not None else ""),
        Text(limit),
        margin,
    )


SET_BY = {"plan": N_("(set by the plan)"), "configuration": N_("(set by the configuration)")}
