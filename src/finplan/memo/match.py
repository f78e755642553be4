"""A memo's figures against a checked plan: findings at the memo's lines, and every match.

What a figure is compared with comes from the words before it in its
sentence, the nearest first (see `names`): a financier's name, "totalt" or
"resterande". Where the words before it say nothing:

- a percentage right after an amount, with only punctuation between
  ("1 702 800 kronor (4,4 %)", or the next cell of a table row), is that
  amount's share;
- otherwise a financier named right after it in the same clause counts
  ("19 283 329 kronor söks från Jämtkraft"); a genitive followed by another
  name ("Region Jämtland Härjedalens anslag 1:1") names the second;
- otherwise the figure is matched by its value alone, to any line, share or
  the total; it can then be noted as matching nothing, never be wrong.

A remainder is the plan's total less the lines whose amounts the memo listed
before it in the same paragraph. Figures after "varav" are parts of the
figure before it, and together may not exceed it. A length in words
("tre år", "ett treårigt projekt", "36 månader") is read only in a sentence
about the project or its period. A date on its own matches when it is one
end of the period; other dates (the memo's own, a meeting's) are not the
plan's and are passed over.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from finplan.findings import Finding, Position, some
from finplan.memo import codes
from finplan.memo.figures import AMOUNT, CASE, DATE, DURATION, PERCENT, PERIOD, Figure, find_figures
from finplan.memo.names import NAME, REMAINDER, SUM, TOTAL, Names
from finplan.memo.read import Unit
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_share
from finplan.totals import subtotals, total_of

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÅÄÖ])")
_CLAUSE_END = re.compile(r"[,.;:|\t(]")
_PUNCTUATION_ONLY = re.compile(r"[\W_]*")
_VARAV = re.compile(r"\s*,?\s*(?:varav|därav)(?!\w)", re.IGNORECASE)
_ABOUT_PROJECT = re.compile(r"projekt|period|pågå|löptid|genomför", re.IGNORECASE)
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


@dataclass(slots=True)
class _Parts:
    """ "X kronor, varav A … och B …": the whole, where it is, where "varav" ends, and the parts."""

    whole: Figure
    where: Position
    after: int
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Target:
    kind: str  # NAME, TOTAL, SUM, REMAINDER
    lines: tuple[FinancingLine, ...] = ()


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
        self._sentence_cache: dict[tuple[int, int], bool] = {}
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

    def find(self, code: codes.MemoCode, where: Position | None, message: str) -> None:
        self.result.findings.append(Finding(code.code, code.severity, message, (), where))

    def matched(self, where: Position, figure: Figure, target: str, expected: str, outcome: str = "matches") -> None:
        self.result.matches.append(Match(where, figure.text, target, expected, outcome))

    def kr(self, amount: Decimal) -> str:
        return format_kr(amount, self.plan.currency)

    # -- one unit

    def unit(self, unit: Unit) -> None:
        text = unit.text
        figures = find_figures(text)
        if not figures:
            return
        cues = self.names.cues(text)
        starts = [cue.start for cue in cues]
        sentences = [0] + [m.end() for m in _SENTENCE.finditer(text)]
        claimed = 0  # where the words of the figures so far end
        previous: tuple[Figure, _Target | None] | None = None  # the last amount or share, and what it is
        listed: dict[str, FinancingLine] = {}  # lines whose amounts this paragraph has given
        parts: _Parts | None = None  # the figure before a "varav", and the figures after it
        respectively: dict[int, _Target | None] = {}  # figures of an "X respektive Y", by index
        for index, figure in enumerate(figures):
            sentence = sentences[bisect.bisect_right(sentences, figure.start) - 1]
            if parts is not None and parts.after < sentence:
                self._close_parts(parts)
                parts = None
            if previous is not None and previous[0].start < sentence:
                previous = None
            where = unit.position(figure.start)
            target, claimed_to = None, 0
            if figure.kind in (AMOUNT, PERCENT):
                start = max(sentence, claimed, parts.after if parts else 0)
                if index not in respectively:
                    respectively.update(_respectively(text, figures, index, cues, starts, start))
                if index in respectively:
                    target = respectively.pop(index)
                else:
                    following = figures[index + 1].start if index + 1 < len(figures) else len(text)
                    target, claimed_to = self._target(text, figure, following, cues, starts, start, previous)
                previous = (figure, target)
            claimed = max(figure.end, claimed_to)
            if parts is not None and figure.kind == AMOUNT:
                parts.figures.append(figure)
            self._figure(figure, where, target, listed, text, sentences)
            varav = _VARAV.match(text, figure.end) if figure.kind == AMOUNT else None
            if varav:
                if parts is not None:
                    self._close_parts(parts)
                parts = _Parts(figure, where, varav.end())
                claimed = varav.end()
        if parts is not None:
            self._close_parts(parts)

    def _target(self, text, figure, following: int, cues, starts, start: int, previous) -> tuple[_Target | None, int]:
        """What the words around `figure` say it is, and where the words it claimed end.

        The words before it are read from `start`; those after it up to the next
        figure (at `following`), so that no text is read twice.
        """
        before = cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figure.start)]
        before = [cue for cue in before if cue.end <= figure.start]
        if before:
            nearest = before[-1]
            named = next((cue for cue in reversed(before) if cue.kind == NAME), None)
            if nearest.kind != NAME and named is not None and not _CLAUSE_END.search(text, named.end, nearest.start):
                # "Region Jämtland Härjedalen bidrar totalt med 2 658 128 kronor": the financier's total.
                nearest = named
            return _Target(nearest.kind, nearest.lines), 0
        gap = text[previous[0].end:figure.start] if previous else ""
        if previous and previous[1] and previous[0].kind != figure.kind and _PUNCTUATION_ONLY.fullmatch(gap):
            return previous[1], 0
        clause = _CLAUSE_END.search(text, figure.end, following)
        end = clause.start() if clause else following
        after = [
            cue for cue in cues[bisect.bisect_left(starts, figure.end):bisect.bisect_left(starts, end)]
            if cue.kind == NAME and cue.end <= end
        ]
        if after:
            chosen = after[1] if after[0].genitive and len(after) > 1 else after[0]
            return _Target(NAME, chosen.lines), chosen.end
        return None, 0

    def _figure(self, figure: Figure, where: Position, target, listed, text, sentences) -> None:
        kind = figure.kind
        if kind == AMOUNT:
            self._amount(figure, where, target, listed, text)
        elif kind == PERCENT:
            self._percent(figure, where, target)
        elif kind in (PERIOD, DATE):
            self._dates(figure, where)
        elif kind == DURATION:
            if self._about_project(text, sentences, bisect.bisect_right(sentences, figure.start)):
                self._duration(figure, where)
        elif kind == CASE:
            self._case(figure, where)

    def _about_project(self, text: str, sentences: list[int], index: int) -> bool:
        """Whether the sentence ending before `sentences[index]` speaks of the project or its period."""
        key = (id(text), index)
        if key not in self._sentence_cache:
            end = sentences[index] if index < len(sentences) else len(text)
            self._sentence_cache = {key: bool(_ABOUT_PROJECT.search(text, sentences[index - 1], end))}
        return self._sentence_cache[key]

    # -- amounts

    def _amount(self, figure: Figure, where: Position, target: _Target | None, listed, text: str) -> None:
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

    def _close_parts(self, parts: _Parts) -> None:
        """An error where the figures after a "varav" add up to more than the figure before it."""
        whole, where = parts.whole, parts.where
        comparable = [part for part in parts.figures if part.currency in (None, whole.currency, self.plan.currency)]
        found = sum((part.value for part in comparable), Decimal(0))
        if comparable and found > whole.value + whole.step / 2:
            self.find(
                codes.TOTAL_DIFFERS, where,
                f'the {len(comparable)} parts after "varav" add up to {self.kr(found)}, more than the '
                f'"{whole.text}" they are part of: {difference(found, whole.value, self.plan.currency)}',
            )

    # -- shares

    def _percent(self, figure: Figure, where: Position, target: _Target | None) -> None:
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


_RESPECTIVELY = re.compile(r"\s*(?:,|respektive|resp\.)\s*", re.IGNORECASE)


def _respectively(text: str, figures: list[Figure], first: int, cues, starts, start: int) -> dict[int, _Target | None]:
    """ "Länets kommuner och Länsstyrelsen … 13 622 400 respektive 1 702 800 kronor": each name's figure.

    The figures joined by "respektive" (or a comma before it) take the names
    before the first of them, in order; where the counts differ, none does,
    and each is matched by its value alone. Empty where `first` starts no such list.
    """
    chain, at = [first], first
    while at + 1 < len(figures):
        joint = _RESPECTIVELY.fullmatch(text, figures[at].end, figures[at + 1].start)
        if joint is None or figures[at + 1].kind != figures[first].kind:
            break
        at += 1
        chain.append(at)
    if len(chain) < 2 or not re.search(r"respektive|resp\.", text[figures[first].end:figures[chain[-1]].start], re.IGNORECASE):
        return {}
    names = [cue for cue in cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figures[first].start)]
             if cue.kind == NAME]
    if len(names) != len(chain):
        return dict.fromkeys(chain)
    return {index: _Target(NAME, name.lines) for index, name in zip(chain, names, strict=True)}


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
