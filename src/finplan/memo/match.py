"""A memo's figures against a checked plan: findings at the memo's lines, and every match.

Each figure is compared with what `attribute` says it is: a financier's line
(FP701, or FP706 for a share), the total or a sum (FP702; a "summa" may also be
a subtotal by sector, form or status), or the remainder (FP702): the plan's
total less the lines whose amounts the paragraph listed before it. A figure
nothing names is matched by its value to a line, a share or the total, and
is at worst noted as matching nothing (FP708), never wrong. A rounded figure
within its precision is a note (FP703). Figures after "varav" may together not
exceed the amount before it (FP702). A period is the plan's (FP704); a length
in words ("tre år", "ett treårigt projekt", "36 månader") is its length
(FP705). A date on its own matches when it is an end of the period; other
dates (the memo's own, a meeting's) are not the plan's and are passed over.
Lines with no figure at all are FP707.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from finplan.findings import Finding, Position, some
from finplan import job_codes as codes
from finplan.codes import Code
from finplan.memo.attribute import Parts, Target, attribute
from finplan.memo.figures import AMOUNT, CASE, DATE, DURATION, PERCENT, PERIOD, Figure
from finplan.memo.names import NAME, REMAINDER, SUM, TOTAL, Names
from finplan.memo.read import Unit
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_share
from finplan.totals import subtotals, total_of

_IN_KIND = re.compile(r"arbetad tid|annat än pengar|natura|in kind|arbetsinsats", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Match:
    """A figure of the memo compared with the plan: where, as written, with what, and how it came out."""

    position: Position
    figure: str
    target: str  # a line's id, "total", "remainder", "period", "case"
    expected: str  # the plan's value, as a memo would print it
    outcome: str  # "matches", "rounded" or "differs"


@dataclass
class MemoCheck:
    findings: list[Finding] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)


def check_memo(plan: Plan, units: Iterable[Unit]) -> MemoCheck:
    """Every figure of the memo's units compared with `plan`; lines the memo never gives, too."""
    checker = _Checker(plan)
    for unit in units:
        checker.unit(unit)
    for line in plan.financing:
        if line.id not in checker.mentioned:
            checker.find(
                codes.LINE_UNMENTIONED, None,
                f"line `{line.id}` ({line.financier}, {format_kr(line.amount, plan.currency)}) has no figure in "
                "the memo; expected its amount, or the line as the remainder",
            )
    return checker.result


class _Checker:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.names = Names(plan)
        self.result = MemoCheck()
        self.mentioned: set[str] = set()
        self.period = getattr(plan.project, "period", None)
        self.amounts = _Index((line.amount, line.id, line) for line in plan.financing)
        self.subtotal_amounts = {
            value: amount for sums in subtotals(plan).values() for value, amount in sums.items() if amount
        }
        self.subtotals = _Index((amount, name, name) for name, amount in self.subtotal_amounts.items())
        self.shares = _Index((line.amount * 100 / plan.total, line.id, line) for line in plan.financing if plan.total)
        self.cases = {_case(plan.project.case): "project"} if getattr(plan.project, "case", None) else {}
        for line in plan.financing:
            if line.case:
                self.cases.setdefault(_case(line.case), line.id)

    # -- output

    def find(self, code: Code, where: Position | None, message: str) -> None:
        self.result.findings.append(Finding(code.code, code.severity, message, (), where))

    def matched(self, where: Position, figure: Figure, target: str, expected: str, outcome: str = "matches") -> None:
        self.result.matches.append(Match(where, figure.text, target, expected, outcome))

    def kr(self, amount: Decimal) -> str:
        return format_kr(amount, self.plan.currency)

    # -- one unit

    def unit(self, unit: Unit) -> None:
        reading = attribute(unit.text, self.names)
        listed: dict[str, FinancingLine] = {}  # lines whose amounts this paragraph has given
        for figure, target, about_project in zip(reading.figures, reading.targets, reading.about_project, strict=True):
            self._figure(figure, unit.position(figure.start), target, listed, unit.text, about_project)
        for parts in reading.parts:
            self._close_parts(parts, unit.position(parts.whole.start))

    def _figure(self, figure: Figure, where: Position, target, listed, text: str, about_project: bool) -> None:
        kind = figure.kind
        if kind == AMOUNT:
            self._amount(figure, where, target, listed, text)
        elif kind == PERCENT:
            self._percent(figure, where, target)
        elif kind in (PERIOD, DATE):
            self._dates(figure, where)
        elif kind == DURATION and about_project:
            self._duration(figure, where)
        elif kind == CASE:
            self._case(figure, where)

    # -- amounts

    def _amount(self, figure: Figure, where: Position, target: Target | None, listed, text: str) -> None:
        plan = self.plan
        if figure.currency not in (None, plan.currency):
            self.find(
                codes.FIGURE_UNMATCHED, where,
                f'"{figure.text}" is in {figure.currency} and the plan in {plan.currency}: not compared',
            )
            return
        value = figure.value
        if target is None:
            self._by_value(figure, where)
            return
        if target.kind in (TOTAL, SUM):
            subtotal = self.subtotals.nearest(figure, set()) if target.kind == SUM else None
            if subtotal is not None and not _within(value, plan.total, figure.step):
                # "Summa offentlig finansiering": a subtotal by sector, form or status.
                self.matched(where, figure, f"{subtotal} (sum)", self.kr(self.subtotal_amounts[subtotal]))
                return
            self._compare(figure, where, plan.total, "total", "as the total", codes.TOTAL_DIFFERS,
                          f"the plan's total is {self.kr(plan.total)}")
            return
        if target.kind == REMAINDER:
            self._remainder(figure, where, listed)
            return
        lines = self._which(target.lines, lambda amount: _within(value, amount, figure.step), text, figure.end)
        expected = total_of(lines)
        ids = some([f"`{line.id}`" for line in lines])
        for line in lines:
            self.mentioned.add(line.id)
            listed[line.id] = line
        self._compare(
            figure, where, expected, ", ".join(line.id for line in lines), f"for {lines[0].financier}",
            codes.AMOUNT_DIFFERS, f"the plan has {self.kr(expected)} (line{'s' if len(lines) > 1 else ''} {ids})",
        )

    def _which(self, lines: tuple[FinancingLine, ...], fits, text: str, end: int) -> list[FinancingLine]:
        """Of a financier's lines (cash and in kind), those a figure ending at `end` is of.

        The line whose amount `fits` the figure, else all of them if their sum
        does, else the ones of the form the words after it say ("i form av
        arbetad tid"), else all.
        """
        if len(lines) == 1:
            return list(lines)
        for line in lines:
            if fits(line.amount):
                return [line]
        if fits(total_of(lines)):
            return list(lines)
        words = text[end:end + 60]  # "kronor (i form av arbetad tid)"
        in_kind = bool(_IN_KIND.search(words))
        by_form = [line for line in lines if (line.form == "in_kind") == in_kind]
        return by_form if len(by_form) == 1 else list(lines)

    def _remainder(self, figure: Figure, where: Position, listed: dict[str, FinancingLine]) -> None:
        plan = self.plan
        if not listed:
            self._by_value(figure, where)
            return
        rest = [line for line in plan.financing if line.id not in listed]
        for line in rest:
            self.mentioned.add(line.id)
        expected = plan.total - total_of(listed.values())
        names = some([f"`{line_id}`" for line_id in listed])
        self._compare(
            figure, where, expected, rest[0].id if len(rest) == 1 else "remainder", "as the remainder",
            codes.TOTAL_DIFFERS, f"the plan's total {self.kr(plan.total)} less the lines listed before it ({names}) "
            f"is {self.kr(expected)}",
        )

    def _compare(self, figure, where, expected: Decimal, target: str, role: str, code, plan_says: str) -> None:
        value = figure.value
        shown = self.kr(expected)
        if value == expected:
            self.matched(where, figure, target, shown)
            return
        precision = f" (to the nearest {self.kr(figure.step)})" if figure.rounded else ""
        if _within(value, expected, figure.step):
            how = "rounded" if abs(value - expected) * 2 <= figure.step else "cut, not rounded,"
            self.matched(where, figure, target, shown, "rounded")
            self.find(codes.ROUNDED, where, f'"{figure.text}" {role}: {plan_says}, {how} to the nearest '
                      f"{self.kr(figure.step)}: {difference(value, expected, self.plan.currency)}")
            return
        self.matched(where, figure, target, shown, "differs")
        self.find(code, where, f'"{figure.text}"{precision} {role}: {plan_says}: '
                  f"{difference(value, expected, self.plan.currency)}")

    def _by_value(self, figure: Figure, where: Position) -> None:
        plan = self.plan
        line = self.amounts.nearest(figure, self.mentioned)
        if line is not None:
            self.mentioned.add(line.id)
            self.matched(where, figure, line.id, self.kr(line.amount))
            return
        if _within(figure.value, plan.total, figure.step):
            self.matched(where, figure, "total", self.kr(plan.total))
            return
        self.find(codes.FIGURE_UNMATCHED, where, f'"{figure.text}" matches no line, total or remainder of the plan')

    def _close_parts(self, parts: Parts, where: Position) -> None:
        """An error where the figures after a "varav" add up to more than the figure before it."""
        whole = parts.whole
        comparable = [part for part in parts.figures if part.currency in (None, whole.currency, self.plan.currency)]
        found = sum((part.value for part in comparable), Decimal(0))
        if comparable and found > whole.value + whole.step / 2:
            self.find(
                codes.TOTAL_DIFFERS, where,
                f'the {len(comparable)} parts after "varav" add up to {self.kr(found)}, more than the '
                f'"{whole.text}" they are part of: {difference(found, whole.value, self.plan.currency)}',
            )

    # -- shares

    def _percent(self, figure: Figure, where: Position, target: Target | None) -> None:
        plan = self.plan
        if plan.total == 0:
            return
        if target is not None and target.kind == NAME:
            lines = self._which(
                target.lines, lambda amount: _within(figure.value, amount * 100 / plan.total, figure.step), "", 0
            )
            share = total_of(lines) * 100 / plan.total
            label = ", ".join(line.id for line in lines)
            shown = format_share(total_of(lines), plan.total)
            if _within(figure.value, share, figure.step):
                self.matched(where, figure, label, shown)
                return
            gap = figure.value - share
            self.matched(where, figure, label, shown, "differs")
            self.find(
                codes.SHARE_DIFFERS, where,
                f'"{figure.text}" for {lines[0].financier}: line `{label}` is {shown} of the total '
                f"{self.kr(plan.total)}: {format_number(abs(gap).quantize(Decimal('0.01')))} percentage points "
                f"{'over' if gap > 0 else 'under'}",
            )
            return
        if target is not None and target.kind in (TOTAL, SUM) and _within(figure.value, Decimal(100), figure.step):
            self.matched(where, figure, "total", "100 %")
            return
        line = self.shares.nearest(figure, self.mentioned)
        if line is not None:
            self.matched(where, figure, line.id, format_share(line.amount, plan.total))
            return
        self.find(codes.FIGURE_UNMATCHED, where, f'"{figure.text}" is the share of no line of the plan')

    # -- dates, lengths, case numbers

    def _dates(self, figure: Figure, where: Position) -> None:
        if figure.problem is not None:
            self.find(codes.PERIOD_DIFFERS, where, f'"{figure.text}": {figure.problem}')
            return
        period = self.period
        if period is None:
            if figure.kind == PERIOD:
                self.find(codes.FIGURE_UNMATCHED, where, f'"{figure.text}": the plan states no period to compare it with')
            return
        plan_period = f"{period.start} – {period.end}"
        if figure.kind == DATE:
            if figure.first in (period.start, period.end):
                end = "start" if figure.first == period.start else "end"
                self.matched(where, figure, f"period {end}", str(figure.first))
            return
        gaps = [
            gap for gap in (_gap("start", figure.first, period.start, figure.to_month),
                            _gap("end", figure.last, period.end, figure.to_month)) if gap
        ]
        if not gaps:
            self.matched(where, figure, "period", plan_period)
            return
        self.matched(where, figure, "period", plan_period, "differs")
        self.find(codes.PERIOD_DIFFERS, where, f'"{figure.text}" as the period: the plan\'s is {plan_period}: '
                  + " and ".join(gaps))

    def _duration(self, figure: Figure, where: Position) -> None:
        period = self.period
        if period is None:
            self.find(codes.FIGURE_UNMATCHED, where, f'"{figure.text}": the plan states no period to compare it with')
            return
        months = period.months
        length = Decimal(months) if months is not None else Decimal(period.days) * 12 / Decimal("365.25")
        plan_period = f"{period.start} – {period.end}"
        shown = f"{months} months" if months is not None else f"{period.days} days"
        if abs(figure.value - length) <= Decimal("0.5"):
            self.matched(where, figure, "period", f"{plan_period} ({shown})")
            return
        gap = figure.value - length.quantize(Decimal(1))
        self.matched(where, figure, "period", f"{plan_period} ({shown})", "differs")
        self.find(
            codes.DURATION_DIFFERS, where,
            f'"{figure.text}" ({format_number(figure.value)} months) as the project\'s length: the plan\'s period '
            f"{plan_period} is {shown}: {format_number(abs(gap))} months {'more' if gap > 0 else 'less'}",
        )

    def _case(self, figure: Figure, where: Position) -> None:
        owner = self.cases.get(_case(figure.text))
        if owner is not None:
            self.matched(where, figure, "case" if owner == "project" else owner, figure.text)
            return
        known = some(list(self.cases)) or "none"
        self.find(codes.FIGURE_UNMATCHED, where,
                  f'"{figure.text}" is no case number of the plan (the plan has: {known})')


class _Index:
    """Things (lines, subtotals) by a value (amount or share) and an id, found near a figure without a scan."""

    def __init__(self, items) -> None:
        self._items = sorted(items, key=lambda item: item[0])
        self._keys = [value for value, _, _ in self._items]

    def nearest(self, figure: Figure, mentioned: set[str]):
        """A thing the figure can stand for: equal before rounded, one not yet mentioned before one that is."""
        low = bisect.bisect_left(self._keys, figure.value - figure.step)
        high = bisect.bisect_right(self._keys, figure.value + figure.step)
        fitting = [item for item in self._items[low:high] if _within(figure.value, item[0], figure.step)]
        fitting.sort(key=lambda item: (item[0] != figure.value, item[1] in mentioned, abs(item[0] - figure.value)))
        return fitting[0][2] if fitting else None


def _within(value: Decimal, expected: Decimal, step: Decimal) -> bool:
    """Whether `value`, stated to `step`, can stand for `expected`: rounded, or cut off at its last digit."""
    gap = abs(value - expected)
    return gap * 2 <= step or (gap < step and abs(value) < abs(expected))


def _gap(end: str, found, expected, to_month: bool) -> str | None:
    """How one end of a period differs: `the end is 30 days later`; None when it does not."""
    if to_month:
        months = (found.year - expected.year) * 12 + found.month - expected.month
        if months == 0:
            return None
        return f"the {end} is {abs(months)} month{'s' if abs(months) != 1 else ''} {'later' if months > 0 else 'earlier'}"
    days = (found - expected).days
    if days == 0:
        return None
    return f"the {end} is {abs(days)} day{'s' if abs(days) != 1 else ''} {'later' if days > 0 else 'earlier'}"


def _case(text: str) -> str:
    return "".join(text.split()).upper()
