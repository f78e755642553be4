"""De minimis aid across plans: one undertaking's aid from every plan, over any three years.

Reg. (EU) 2023/2831 art. 3(2) caps de minimis aid to one undertaking at
300 000 EUR over any period of three years (aid granted from 2024-01-01; Reg.
(EU) 1407/2013: 200 000 EUR before). One plan sees only its own lines (FP603);
a region granting several projects sees the undertaking's aid in all of them.
Lines marked `de_minimis: {undertaking: ...}` are grouped by organisation
number (spaces and case ignored), placed at their grant date (`granted`, else
the project's start), and summed over a window of three years ending at each
grant, in euro: a plan in kronor converts at its profile's `sek_per_eur`.

A declaration's `earlier` aid is left out here: it may already hold another
plan's aid, and counting it twice would report a breach that is not one (FP603
counts it within its own plan). A line with no date or no rate is not counted,
and a note says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finplan.findings import Finding, some
from finplan.i18n import Message, Plural
from finplan.codes.portfolio import DE_MINIMIS_ACROSS, DE_MINIMIS_UNCOUNTED
from finplan.money import format_kr
from finplan.portfolio.aggregate import LineMoney, Portfolio
from finplan.profiles import PROFILES

FROM_2024 = date(2024, 1, 1)


def _ceiling(granted: date) -> Decimal:
    """The ceiling in euro for aid granted on `granted`, as the profiles' settings give it by default."""
    name = "de_minimis_max" if granted >= FROM_2024 else "de_minimis_max_before_2024"
    profile = next(p for p in PROFILES.values() if p.has(name))
    return next(s.default for s in profile.settings if s.name == name)


@dataclass(frozen=True, slots=True)
class _Aid:
    granted: date
    euro: Decimal
    money: LineMoney


def measure_de_minimis(portfolio: Portfolio) -> None:
    """The findings of de minimis aid across the portfolio's plans, put into `portfolio`."""
    aids: dict[str, list[_Aid]] = {}
    for money in portfolio.lines:
        marked = money.line.de_minimis
        if marked is None:
            continue
        plan = money.plan.plan
        if money.line.amount is None:
            continue  # no amount to add to the undertaking's aid
        granted = marked.granted or (plan.project.period.start if plan.project.period else None)
        rate = plan.euro_rate
        if granted is None or rate is None:
            if granted is None:
                why = Message("no grant date (`granted`) and no project period")
            else:
                why = Message("no rate from {currency} to euro (a profile with `sek_per_eur`)", currency=plan.currency)
            portfolio.findings.append((money.plan.name, _uncounted(money, why)))
            continue
        key = marked.undertaking.replace(" ", "").casefold()
        aids.setdefault(key, []).append(_Aid(granted, money.line.amount / rate, money))
    for group in aids.values():
        finding = _over_ceiling(sorted(group, key=lambda aid: aid.granted))
        if finding is not None:
            portfolio.findings.append(finding)


def _over_ceiling(aids: list[_Aid]) -> tuple[str, Finding] | None:
    """The first grant at which three years' aid passes the ceiling; linear in the aids, two pointers."""
    start, total = 0, Decimal(0)
    for end, aid in enumerate(aids):
        total += aid.euro
        opens = _three_years_before(aid.granted)
        while aids[start].granted <= opens:
            total -= aids[start].euro
            start += 1
        ceiling = _ceiling(aid.granted)
        if total > ceiling:
            window = sorted(aids[start : end + 1], key=lambda a: -a.euro)
            plans = [f"{a.money.plan.case or a.money.plan.name} `{a.money.line.id}` {format_kr(a.euro, 'EUR')}" for a in window]
            undertaking = aid.money.line.de_minimis.undertaking
            return aid.money.plan.name, Finding(
                DE_MINIMIS_ACROSS.code, DE_MINIMIS_ACROSS.severity,
                Plural(
                    "the de minimis aid to {undertaking} in the three years to {date} is {total} across {n} plan "
                    "line; the ceiling is {ceiling}: {excess} over; largest first: {plans}",
                    "the de minimis aid to {undertaking} in the three years to {date} is {total} across {n} plan "
                    "lines; the ceiling is {ceiling}: {excess} over; largest first: {plans}",
                    n=len(window), undertaking=undertaking, date=aid.granted, total=format_kr(total, "EUR"),
                    ceiling=format_kr(ceiling, "EUR"), excess=format_kr(total - ceiling, "EUR"), plans=some(plans),
                ),
            )
    return None


def _three_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 3)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 3, day=28)


def _uncounted(money: LineMoney, why: Message) -> Finding:
    return Finding(
        DE_MINIMIS_UNCOUNTED.code, DE_MINIMIS_UNCOUNTED.severity,
        Message("`{id}` is de minimis aid to {undertaking} but is not counted across plans: {why}",
                id=money.line.id, undertaking=money.line.de_minimis.undertaking, why=why),
    )
