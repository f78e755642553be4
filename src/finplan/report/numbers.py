"""The report's tables of the numbers in force and of each scheme's cap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from finplan.limits import measure_caps
from finplan.model import Plan
from finplan.money import format_kr, format_number, format_percent, format_share
from finplan.profiles import Settings, UsedSetting
from finplan.report.table import new_table


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
    table = new_table("Numbers in force", "Setting", "Value", "Source")
    for used in settings.used():
        value = Text(_value(used, plan.currency), style="bold" if used.origin else "")
        if used.origin:
            value.append(f" (set by the {used.origin})", style="italic")
        table.add_row(Text(used.key), value, Text(used.setting.source, style="dim"))
    return table


def caps_table(plan: Plan, settings: Settings) -> Table | None:
    """Each scheme's financing against its cap, with the margin or the excess."""
    measures = measure_caps(plan, settings)
    if not measures:
        return None
    table = new_table("Caps", "Profile", "Lines", "Amount", "Share", "Cap", "Margin")
    for m in measures:
        margin = Text(
            f"{format_kr(-m.excess, plan.currency)} under" if m.excess <= 0 else f"{format_kr(m.excess, plan.currency)} over",
            style="green" if m.excess <= 0 else ("yellow" if m.excess <= m.tolerance else "bold red"),
        )
        table.add_row(
            Text(m.profile.name),
            Text(", ".join(line.id for _, line in m.lines)),
            Text(format_kr(m.amount, plan.currency)),
            Text(format_share(m.amount, m.base)),
            # Two lines, each kept whole: the cap in kronor, then what it is a share of.
            Text(f"{format_kr(m.cap, plan.currency)}\n{format_percent(m.max_share)} of {format_kr(m.base, plan.currency)}"),
            margin,
        )
    return table


def _value(used: UsedSetting, currency: str) -> str:
    value = used.value
    if used.setting.kind == "percent":
        return format_percent(value)
    if used.setting.kind == "amount":
        return format_kr(value, currency)
    if used.setting.kind == "bool":
        return "yes" if value else "no"
    return f"{format_number(value)} hours"
