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
from finplan.codes import Code
from finplan.codes import memo as codes
from finplan.i18n import Message, N_, Plural
from finplan.memo.attribute import Parts, Target, attribute
from finplan.memo.figures import AMOUNT, CASE, DATE, DURATION, PERCENT, PERIOD, Figure
from finplan.memo.names import NAME, REMAINDER, SUM, TOTAL, Names
from finplan.memo.split_and_beside import SplitAndBeside
from finplan.memo.units import Unit
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_percent, format_share
from finplan.totals import subtotals, total_of

_IN_KIND = re.compile(r"arbetad tid|annat än pengar|natura|in kind|arbetsinsats", re.IGNORECASE)

# The subtotals a "summa" may be (finplan.totals.GROUPS), named by their keys in the table of matches.
_SUBTOTALS = (
    N_("public"), N_("private"), N_("cash"), N_("in_kind"), N_("decided"), N_("applied"), N_("proposed"),
    N_("not stated"),
)


@dataclass(frozen=True, slots=True)
class Match:
    """A figure of the memo compared with the plan: where, as written, with what, and how it came out."""

    position: Position
    figure: str
    target: str  # a line's id, or a Message: "total", "remainder", "period", "case"
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
                Message(
                    "line `{id}` ({financier}, {amount}) has no figure in the memo; expected its amount, "
                    "or the line as the remainder",
                    id=line.id, financier=line.financier, amount=format_kr(line.amount, plan.currency),
                ),
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
        self.split_and_beside = SplitAndBeside(plan)
        self.cases = {_case(plan.project.case): "project"} if getattr(plan.project, "case", None) else {}
        for line in plan.financing:
            if line.case:
                self.cases.setdefault(_case(line.case), line.id)

    # -- output

    def find(self, code: Code, where: Position | None, message: Message) -> None:
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
        claimed = self.split_and_beside.claim(text, figure)
        if claimed is not None:  # a payer's part of a split line, or a line beside the total
            label, value, kind = claimed
            self.matched(where, figure, label, self.kr(value) if kind == "amount" else format_percent(value))
            return
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
                Message('"{figure}" is in {currency} and the plan in {plan_currency}: not compared',
                        figure=figure.text, currency=figure.currency, plan_currency=plan.currency),
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
                self.matched(where, figure, Message("{subtotal} (sum)", subtotal=Message(subtotal)),
                             self.kr(self.subtotal_amounts[subtotal]))
                return
            self._compare(figure, where, plan.total, Message("total"), Message("as the total"), codes.TOTAL_DIFFERS,
                          Message("the plan's total is {amount}", amount=self.kr(plan.total)))
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
            figure, where, expected, ", ".join(line.id for line in lines),
            Message("for {financier}", financier=lines[0].financier), codes.AMOUNT_DIFFERS,
            Plural("the plan has {amount} (line {ids})", "the plan has {amount} (lines {ids})", n=len(lines),
                   amount=self.kr(expected), ids=ids),
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
            figure, where, expected, rest[0].id if len(rest) == 1 else Message("remainder"),
            Message("as the remainder"), codes.TOTAL_DIFFERS,
            Message("the plan's total {total} less the lines listed before it ({lines}) is {amount}",
                    total=self.kr(plan.total), lines=names, amount=self.kr(expected)),
        )

    def _compare(self, figure, where, expected: Decimal, target: str, role: Message, code, plan_says: Message) -> None:
        """A figure against what the plan says it is: `role` says what it is taken for ("for Jämtkraft")."""
        value = figure.value
        shown = self.kr(expected)
        if value == expected:
            self.matched(where, figure, target, shown)
            return
        words = dict(figure=figure.text, role=role, plan=plan_says, step=self.kr(figure.step),
                     difference=difference(value, expected, self.plan.currency))
        if _within(value, expected, figure.step):
            self.matched(where, figure, target, shown, "rounded")
            if abs(value - expected) * 2 <= figure.step:
                message = Message('"{figure}" {role}: {plan}, rounded to the nearest {step}: {difference}', **words)
            else:
                message = Message('"{figure}" {role}: {plan}, cut, not rounded, to the nearest {step}: {difference}',
                                  **words)
            self.find(codes.ROUNDED, where, message)
            return
        self.matched(where, figure, target, shown, "differs")
        if figure.rounded:
            self.find(code, where, Message('"{figure}" (to the nearest {step}) {role}: {plan}: {difference}', **words))
        else:
            self.find(code, where, Message('"{figure}" {role}: {plan}: {difference}', **words))

    def _by_value(self, figure: Figure, where: Position) -> None:
        plan = self.plan
        line = self.amounts.nearest(figure, self.mentioned)
        if line is not None:
            self.mentioned.add(line.id)
            self.matched(where, figure, line.id, self.kr(line.amount))
            return
        if _within(figure.value, plan.total, figure.step):
            self.matched(where, figure, Message("total"), self.kr(plan.total))
            return
        self.find(codes.FIGURE_UNMATCHED, where,
                  Message('"{figure}" matches no line, total or remainder of the plan', figure=figure.text))

    def _close_parts(self, parts: Parts, where: Position) -> None:
        """An error where the figures after a "varav" add up to more than the figure before it."""
        whole = parts.whole
        comparable = [part for part in parts.figures if part.currency in (None, whole.currency, self.plan.currency)]
        found = sum((part.value for part in comparable), Decimal(0))
        if comparable and found > whole.value + whole.step / 2:
            # The English says "parts" for one part too, as it always has; other languages choose their form.
            self.find(
                codes.TOTAL_DIFFERS, where,
                Plural('the {n} parts after "varav" add up to {found}, more than the "{whole}" they are part of: '
                       "{difference}",
                       'the {n} parts after "varav" add up to {found}, more than the "{whole}" they are part of: '
                       "{difference}",
                       n=len(comparable), found=self.kr(found), whole=whole.text,
                       difference=difference(found, whole.value, self.plan.currency)),
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
            words = dict(figure=figure.text, financier=lines[0].financier, line=label, share=shown,
                         total=self.kr(plan.total), points=format_number(abs(gap).quantize(Decimal("0.01"))))
            if gap > 0:
                message = Message('"{figure}" for {financier}: line `{line}` is {share} of the total {total}: '
                                  "{points} percentage points over", **words)
            else:
                message = Message('"{figure}" for {financier}: line `{line}` is {share} of the total {total}: '
                                  "{points} percentage points under", **words)
            self.find(codes.SHARE_DIFFERS, where, message)
            return
        if target is not None and target.kind in (TOTAL, SUM) and _within(figure.value, Decimal(100), figure.step):
            self.matched(where, figure, Message("total"), "100 %")
            return
        line = self.shares.nearest(figure, self.mentioned)
        if line is not None:
            self.matched(where, figure, line.id, format_share(line.amount, plan.total))
            return
        self.find(codes.FIGURE_UNMATCHED, where,
                  Message('"{figure}" is the share of no line of the plan', figure=figure.text))

    # -- dates, lengths, case numbers

    def _dates(self, figure: Figure, where: Position) -> None:
        if figure.problem is not None:
            self.find(codes.PERIOD_DIFFERS, where,
                      Message('"{figure}": {problem}', figure=figure.text, problem=figure.problem))
            return
        period = self.period
        if period is None:
            if figure.kind == PERIOD:
                self.find(codes.FIGURE_UNMATCHED, where, _no_period(figure))
            return
        plan_period = f"{period.start} – {period.end}"
        if figure.kind == DATE:
            if figure.first in (period.start, period.end):
                end = Message("period start") if figure.first == period.start else Message("period end")
                self.matched(where, figure, end, str(figure.first))
            return
        gaps = [
            gap for gap in (_gap("start", figure.first, period.start, figure.to_month),
                            _gap("end", figure.last, period.end, figure.to_month)) if gap
        ]
        if not gaps:
            self.matched(where, figure, Message("period"), plan_period)
            return
        self.matched(where, figure, Message("period"), plan_period, "differs")
        gap = gaps[0] if len(gaps) == 1 else Message("{start} and {end}", start=gaps[0], end=gaps[1])
        self.find(codes.PERIOD_DIFFERS, where, Message('"{figure}" as the period: the plan\'s is {period}: {gap}',
                                                       figure=figure.text, period=plan_period, gap=gap))

    def _duration(self, figure: Figure, where: Position) -> None:
        period = self.period
        if period is None:
            self.find(codes.FIGURE_UNMATCHED, where, _no_period(figure))
            return
        months = period.months
        length = Decimal(months) if months is not None else Decimal(period.days) * 12 / Decimal("365.25")
        plan_period = f"{period.start} – {period.end}"
        # The English says "months" and "days" for one too, as it always has; other languages choose their form.
        if months is not None:
            shown = Plural("{n} months", "{n} months", n=months)
        else:
            shown = Plural("{n} days", "{n} days", n=period.days)
        expected = Message("{period} ({length})", period=plan_period, length=shown)
        if abs(figure.value - length) <= Decimal("0.5"):
            self.matched(where, figure, Message("period"), expected)
            return
        gap = figure.value - length.quantize(Decimal(1))
        self.matched(where, figure, Message("period"), expected, "differs")
        size = abs(gap)
        if gap > 0:
            more = Plural("{months} months more", "{months} months more", n=_count(size), months=format_number(size))
        else:
            more = Plural("{months} months less", "{months} months less", n=_count(size), months=format_number(size))
        self.find(
            codes.DURATION_DIFFERS, where,
            Message(
                '"{figure}" ({length}) as the project\'s length: the plan\'s period {period} is {shown}: {gap}',
                figure=figure.text, period=plan_period, shown=shown, gap=more,
                length=Plural("{months} months", "{months} months", n=_count(figure.value),
                              months=format_number(figure.value)),
            ),
        )

    def _case(self, figure: Figure, where: Position) -> None:
        owner = self.cases.get(_case(figure.text))
        if owner is not None:
            self.matched(where, figure, Message("case") if owner == "project" else owner, figure.text)
            return
        known = some(list(self.cases)) if self.cases else Message("none")
        self.find(codes.FIGURE_UNMATCHED, where,
                  Message('"{figure}" is no case number of the plan (the plan has: {known})',
                          figure=figure.text, known=known))


class _Index:
    """Things (lines, subtotals) by a value (amount or share) and an id, found near a figure without a scan.

    Which thing a figure stands for: one of equal value before a rounded one,
    one not yet mentioned before one that is, the nearer before the farther,
    and the first in value order (then in the plan's) before the next. A
    plan of thousands of lines of one amount, and a memo of thousands of
    figures of it, would make a scan of the fitting things for each figure
    the product of the two; here the things already mentioned are skipped
    over for good (`mentioned` only grows between calls, so a thing once
    mentioned is passed over for ever), and each figure costs a few steps.
    """

    def __init__(self, items) -> None:
        self._items = sorted(items, key=lambda item: item[0])
        self._keys = [value for value, _, _ in self._items]
        count = len(self._items)
        self._next = list(range(1, count + 1))  # where to look on, to the right, past a mentioned thing
        self._previous = list(range(-1, count - 1))  # and to the left

    def nearest(self, figure: Figure, mentioned: set[str]):
        """A thing the figure can stand for (see the class), or None."""
        value, step, keys = figure.value, figure.step, self._keys
        if bisect.bisect_left(keys, value - step) == bisect.bisect_right(keys, value + step):
            return None  # nothing within the figure's precision: most figures a plan does not hold
        if keys[0] < 0 or value < 0:  # below zero, nearer is not always fitting: the scan decides
            return self._scan(figure, mentioned)
        first, last = bisect.bisect_left(keys, value), bisect.bisect_right(keys, value)
        if first < last:  # things of the figure's value: the first not mentioned, else the first
            free = self._free_right(first, mentioned)
            return self._items[free if free < last else first][2]
        free_left = self._free_left(first - 1, mentioned)
        if free_left >= 0:  # the first of its value that is not mentioned
            free_left = self._free_right(bisect.bisect_left(keys, keys[free_left]), mentioned)
        found = self._nearer(value, step, free_left, self._free_right(last, mentioned))
        if found is None:
            left = bisect.bisect_left(keys, keys[first - 1]) if first else -1
            found = self._nearer(value, step, left, last)
        return found

    def _nearer(self, value: Decimal, step: Decimal, left: int, right: int):
        """Of the things at `left` (below the value) and `right` (above it), the nearer that fits; the left on a tie."""
        fitting = [
            (abs(self._keys[at] - value), at) for at in (left, right)
            if 0 <= at < len(self._items) and _within(value, self._keys[at], step)
        ]
        return self._items[min(fitting)[1]][2] if fitting else None

    def _free_right(self, at: int, mentioned: set[str]) -> int:
        """The first thing at or after `at` not mentioned (len(items) if none)."""
        passed = []
        while at < len(self._items) and self._items[at][1] in mentioned:
            passed.append(at)
            at = self._next[at]
        for index in passed:
            self._next[index] = at
        return at

    def _free_left(self, at: int, mentioned: set[str]) -> int:
        """The last thing at or before `at` not mentioned (-1 if none)."""
        passed = []
        while at >= 0 and self._items[at][1] in mentioned:
            passed.append(at)
            at = self._previous[at]
        for index in passed:
            self._previous[index] = at
        return at

    def _scan(self, figure: Figure, mentioned: set[str]):
        low = bisect.bisect_left(self._keys, figure.value - figure.step)
        high = bisect.bisect_right(self._keys, figure.value + figure.step)
        fitting = [item for item in self._items[low:high] if _within(figure.value, item[0], figure.step)]
        fitting.sort(key=lambda item: (item[0] != figure.value, item[1] in mentioned, abs(item[0] - figure.value)))
        return fitting[0][2] if fitting else None


def _within(value: Decimal, expected: Decimal, step: Decimal) -> bool:
    """Whether `value`, stated to `step`, can stand for `expected`: rounded, or cut off at its last digit."""
    gap = abs(value - expected)
    return gap * 2 <= step or (gap < step and abs(value) < abs(expected))


def _no_period(figure: Figure) -> Message:
    return Message('"{figure}": the plan states no period to compare it with', figure=figure.text)


def _count(value: Decimal) -> int:
    """The count that chooses a word's form for a length: one for 1, many for anything else (1,5 too)."""
    return 1 if value == 1 else 2


def _gap(end: str, found, expected, to_month: bool) -> Message | None:
    """How one end of a period differs: `the end is 30 days later`; None when it does not."""
    if to_month:
        months = (found.year - expected.year) * 12 + found.month - expected.month
        if months == 0:
            return None
        return _GAPS[end, "months", months > 0](abs(months))
    days = (found - expected).days
    if days == 0:
        return None
    return _GAPS[end, "days", days > 0](abs(days))


# Each end, in months or days, later or earlier: whole sentences, so each language words them its own way.
_GAPS = {
    ("start", "months", True): lambda n: Plural(
        "the start is {n} month later", "the start is {n} months later", n=n
    ),
    ("start", "months", False): lambda n: Plural(
        "the start is {n} month earlier", "the start is {n} months earlier", n=n
    ),
    ("end", "months", True): lambda n: Plural(
        "the end is {n} month later", "the end is {n} months later", n=n
    ),
    ("end", "months", False): lambda n: Plural(
        "the end is {n} month earlier", "the end is {n} months earlier", n=n
    ),
    ("start", "days", True): lambda n: Plural(
        "the start is {n} day later", "the start is {n} days later", n=n
    ),
    ("start", "days", False): lambda n: Plural(
        "the start is {n} day earlier", "the start is {n} days earlier", n=n
    ),
    ("end", "days", True): lambda n: Plural(
        "the end is {n} day later", "the end is {n} days later", n=n
    ),
    ("end", "days", False): lambda n: Plural(
        "the end is {n} day earlier", "the end is {n} days earlier", n=n
    ),
}


def _case(text: str) -> str:
    return "".join(text.split()).upper()
