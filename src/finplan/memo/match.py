"""A memo's figures against a checked plan: findings at the memo's lines, and every match.

Each figure is compared with what `attribute` says it is: a financier's line
(FP701, or FP706 for a share), the total or a sum (FP702; a "summa" may also be
a subtotal by sector, form or status), or the remainder (FP702): the plan's
total less the lines whose amounts the paragraph listed before it. A figure
nothing names is matched by its value to a line, a share or the total, and
is at worst noted as matching nothing (FP708), never wrong. A rounded figure
within half its last digit is a note (FP703); "drygt" and "knappt" cut it
instead. Figures after "varav" may together not exceed the amount before it
(FP702); parts each of a year are a yearly breakdown, which adds up to its
whole and has no year outside the period (FP704). An amount under a year in a
table whose header row holds years (`year_columns`) is the row's line's amount
for that year (`per_year`), or not checked. A period is the plan's
(FP704); a length in words ("tre år", "ett treårigt projekt", "36 månader")
is its length (FP705). A date on its own matches when it is an end of the
period, is the start or end where the words say so ("startar den 1 oktober
2019"), and is otherwise the memo's own and passed over. A case number given
to the project or a financier is theirs (FP709).

A figure whose words say what it is but not which of the plan's figures it
is, is listed as not checked (FP708): a call's or programme's sum, a ceiling
("högst"), an amount per year or a rate ("per timme"), one given to several
financiers without saying whose part is which. Lines with no figure at all are FP707, or,
where a paragraph listed the financing after the total and left them out,
an error at that total (FP702).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from finplan.findings import Finding, Position, some
from finplan.codes import Code
from finplan.codes import memo as codes
from finplan.i18n import Message, N_, Plural
from finplan.memo.attribute import (
    CEILING, EACH, END, PER_YEAR, PROJECT, RATE, START, TOGETHER, Parts, Target, attribute,
)
from finplan.memo.figures import ABOVE, AMOUNT, BELOW, CASE, DATE, DURATION, PERCENT, PERIOD, Figure
from finplan.memo.names import CALL, NAME, REMAINDER, SUM, TOTAL, Names
from finplan.memo.split_and_beside import SplitAndBeside
from finplan.memo.units import Unit
from finplan.memo.thousands import TableScale
from finplan.memo.year_columns import YearCells, YearColumns
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_percent, format_share, half
from finplan.totals import subtotals, total_of

_CASE_LABEL = re.compile(r"^(?:DNR|DIARIENR|DIARIENUMMER)[.:]*")
# Words that make a total a subtotal: "totalt 1 300 000 kronor i privat finansiering".
_SUBTOTAL_WORDS = re.compile(r"privat|offentlig|kontant|annat än pengar|arbetad tid|beslutad|sökt", re.IGNORECASE)
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
    outcome: str  # "matches", "rounded", "differs" or "not checked"


@dataclass
class MemoCheck:
    findings: list[Finding] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)


def check_memo(plan: Plan, units: Iterable[Unit]) -> MemoCheck:
    """Every figure of the memo's units compared with `plan`; lines the memo never gives, too."""
    checker = _Checker(plan)
    for unit in units:
        checker.unit(unit)
    for line in plan.financing:  # a figure matched by its value alone, of an amount two lines have, is either's
        if line.id not in checker.mentioned and checker.either[line.amount]:
            checker.either[line.amount] -= 1
            checker.mentioned.add(line.id)
    # A line whose amount the plan leaves unstated has no figure to give, nor to leave out.
    unmentioned = [line for line in plan.financing if line.id not in checker.mentioned and line.amount is not None]
    # A listing after the total that leaves out a line or two is a slip; leaving out most is a summary.
    if unmentioned and checker.listings and len(unmentioned) <= 2:
        checker.left_out(checker.listings[0], unmentioned)
        return checker.result
    for line in unmentioned:
        if line.id not in checker.mentioned and line.amount is not None:  # an unstated amount has no figure to give
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
        self.shares = _Index(
            (line.amount * 100 / plan.total, line.id, line) for line in plan.financing if plan.total and line.amount is not None
        )
        self.split_and_beside = SplitAndBeside(plan)
        self.year_columns = YearColumns()
        self.table_scale = TableScale()
        self.header_years: dict[int, Position | None] = {}  # the years of the yearly table being read, where each is
        self.cases: dict[str, list[str]] = {}  # each case number's owners: "project" and line ids
        self.case_of: dict[str, str] = {}  # each owner's case number
        owners = [("project", getattr(plan.project, "case", None))] + [(line.id, line.case) for line in plan.financing]
        for owner, case in owners:
            if case:
                self.cases.setdefault(_case(case), []).append(owner)
                self.case_of[owner] = case
        self.lines = {line.id: line for line in plan.financing}
        self.twins = Counter(line.amount for line in plan.financing)  # amounts more than one line has
        self.either: Counter[Decimal] = Counter()  # figures of such an amount that no words placed
        self.listings: list[tuple[Position, Figure]] = []  # totals a paragraph listed the financing after
        self.given: list[Decimal] = []  # the amounts of the lines given so far in the sentence being read

    # -- output

    def find(self, code: Code, where: Position | None, message: Message) -> None:
        self.result.findings.append(Finding(code.code, code.severity, message, (), where))

    def matched(self, where: Position, figure: Figure, target: str, expected: str, outcome: str = "matches") -> None:
        self.result.matches.append(Match(where, figure.text, target, expected, outcome))

    def unchecked(self, where: Position, figure: Figure, what: Message, why: Message) -> None:
        """A figure whose words say what it is, but not which of the plan's figures: listed, noted, not compared."""
        self.matched(where, figure, what, "", "not checked")
        self.find(codes.FIGURE_UNMATCHED, where, why)

    def left_out(self, listing: tuple[Position, Figure], lines: list[FinancingLine]) -> None:
        """An error at a total the financing was listed after, for the lines the listing and the memo leave out."""
        where, total = listing
        self.find(
            codes.TOTAL_DIFFERS, where,
            Plural('"{figure}" as the total: the financing listed after it leaves out line {ids} ({amount}), '
                   "and the memo gives it nowhere else",
                   '"{figure}" as the total: the financing listed after it leaves out lines {ids} ({amount}), '
                   "and the memo gives them nowhere else",
                   n=len(lines), figure=total.text, ids=some([f"`{line.id}`" for line in lines]),
                   amount=self.kr(total_of(lines))),
        )

    def unstated(self, where: Position, figure: Figure, role: Message) -> None:
        """A figure for an amount the plan leaves unstated (`project.document`): there is nothing to compare it with."""
        self.find(
            codes.FIGURE_UNMATCHED, where,
            Message('"{figure}" {role}: the plan does not state that amount, so it was not compared', figure=figure.text, role=role),
        )

    def kr(self, amount: Decimal) -> str:
        return format_kr(amount, self.plan.currency)

    # -- one unit

    def unit(self, unit: Unit) -> None:
        reading = attribute(unit.text, self.names, self.table_scale.of(unit.text))
        listed: dict[str, FinancingLine] = {}  # lines whose amounts this paragraph has given
        total: tuple[Position, Figure, int] | None = None  # the total, and its sentence
        after_total = 0  # the lines listed after the total in its sentence
        remainder = False
        # The parts after a "varav", each with its year: no words of its own place it, its whole does.
        parts_of = {id(part): (parts, year) for parts in reading.parts for part, year in zip(parts.figures, parts.years)}
        # A sentence that cites a case number the plan does not hold is about another decision.
        foreign = {number: figure.text for figure, number in zip(reading.figures, reading.sentences)
                   if figure.kind == CASE and _case(figure.text) not in self.cases}
        in_years = self.year_columns.read(unit.text, reading.figures, self.names)
        if self.year_columns.header:
            self.header_years = {year: unit.position(offset) for year, offset in self.year_columns.header.items()}
        targets: dict[int, Target | None] = {}
        sentence = -1
        for figure, target, about_project, number in zip(reading.figures, reading.targets, reading.about_project,
                                                          reading.sentences, strict=True):
            where = unit.position(figure.start)
            targets[id(figure)] = target
            if number != sentence:
                sentence, self.given = number, []
            if self._claimed(figure, where, unit.text):
                continue
            if id(figure) in in_years.years:
                self._in_year(figure, where, in_years, in_years.years[id(figure)])
                continue
            if target is None and figure.kind == AMOUNT and in_years.years:
                # The "Totalt" column of a row of a yearly table: the row's financier's whole, or the plan's total.
                target = (Target(NAME, in_years.lines, (in_years.lines,)) if in_years.lines
                          else Target(TOTAL) if in_years.everyone else None)
            if target is None and id(figure) in parts_of:
                parts, year = parts_of[id(figure)]
                self._part(figure, where, targets.get(id(parts.whole)), year)
                continue
            if number in foreign and figure.kind in (AMOUNT, PERCENT) and target is not None \
                    and target.kind in (NAME, TOTAL, SUM):
                self.unchecked(where, figure, Message("another case"),
                               Message('"{figure}" is in a sentence that cites another case ({case}): not checked',
                                       figure=figure.text, case=foreign[number]))
                continue
            count = len(listed)
            self._figure(figure, where, target, listed, unit.text, about_project)
            new = list(listed.values())[count:] if len(listed) > count else []
            self.given.extend(line.amount for line in new if line.amount is not None)
            if total is not None and total[2] == number:
                after_total += len(new)
            if figure.kind == AMOUNT and target is not None and not target.qualifier:
                if target.kind == TOTAL and total is None and _fits(figure, self.plan.total):
                    total = (where, figure, number)
                remainder = remainder or target.kind == REMAINDER
        if total is not None and not remainder and after_total >= 2:
            self.listings.append(total[:2])
        for parts in reading.parts:
            self._close_parts(parts, unit)

    def _claimed(self, figure: Figure, where: Position, text: str) -> bool:
        """Whether the figure is a payer's part of a split line, or a line beside the total (listed if so)."""
        claimed = self.split_and_beside.claim(text, figure)
        if claimed is not None:
            label, value, kind = claimed
            fits = kind != "declared share" or _fits(figure, value)
            self.matched(where, figure, label, self.kr(value) if kind == "amount" else format_percent(value),
                         "matches" if fits else "differs")
            if not fits:
                self.find(codes.SHARE_DIFFERS, where, Message(
                    '"{figure}" as the share of {part}: the plan declares {share} of the line for this payer',
                    figure=figure.text, part=label, share=format_percent(value),
                ))
        return claimed is not None

    def _figure(self, figure: Figure, where: Position, target, listed, text: str, about_project: bool) -> None:
        kind = figure.kind
        if kind == AMOUNT:
            self._amount(figure, where, target, listed, text)
        elif kind == PERCENT:
            self._percent(figure, where, target, listed)
        elif kind in (PERIOD, DATE):
            self._dates(figure, where, target)
        elif kind == DURATION and about_project:
            self._duration(figure, where)
        elif kind == CASE:
            self._case(figure, where, target)

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
        if target is None:
            self._by_value(figure, where, listed)
            return
        if target.kind == CALL:
            self.unchecked(where, figure, Message("call or programme"),
                           Message('"{figure}" is about a call or programme, not this project: not checked',
                                   figure=figure.text))
            return
        if target.qualifier == CEILING:
            self._ceiling(figure, where, target)
            return
        if target.qualifier == PER_YEAR:
            self._per_year(figure, where, target)
            return
        if target.qualifier == RATE:
            self.unchecked(where, figure, Message("rate"),
                           Message('"{figure}" is a rate, not an amount of the plan: not checked', figure=figure.text))
            return
        if target.kind in (TOTAL, SUM) and plan.total is None:
            stated = total_of(plan.financing)
            if target.kind == SUM and _fits(figure, stated):
                # "Summa minst 400 000 kr": the sum of the amounts the plan states, as `memo render` writes it.
                self.matched(where, figure, Message("the stated amounts (sum)"), self.kr(stated))
            else:
                self.unstated(where, figure, Message("as the total"))
            return
        if target.kind in (TOTAL, SUM):
            if len(self.given) >= 2 and not _fits(figure, plan.total) and _fits(figure, sum(self.given)):
                # "Länsförsäkringar 1 000 000 kronor och Jämtkraft 300 000 kronor, totalt 1 300 000 kronor"
                self.matched(where, figure, Message("sum of the lines before it"), self.kr(sum(self.given)))
                return
            named_subtotal = target.kind == SUM or _SUBTOTAL_WORDS.search(
                text, max(0, figure.start - 40), min(len(text), figure.end + 40))
            subtotal = self.subtotals.nearest(figure, set()) if named_subtotal else None
            if subtotal is not None and not _fits(figure, plan.total):
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
        if len(target.groups) > 1 or target.others:
            self._several(figure, where, target, listed)
            return
        lines = self._which(target.lines, lambda amount: _fits(figure, amount), text, figure.end)
        if any(line.amount is None for line in lines):
            self.mentioned.update(line.id for line in lines)
            self.unstated(where, figure, Message("for {financier}", financier=lines[0].financier))
            return
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

        The line whose amount `fits` the figure (of several, the one of the
        form the words after it say, else the first not yet given), else all
        of them if their sum does, else the ones of the form the words after
        it say ("i form av arbetad tid"), else all.
        """
        if len(lines) == 1:
            return list(lines)
        words = text[end:end + 60]  # "kronor (i form av arbetad tid)"
        in_kind = bool(_IN_KIND.search(words))
        fitting = [line for line in lines if fits(line.amount)]
        if len(fitting) > 1:
            by_form = [line for line in fitting if (line.form == "in_kind") == in_kind]
            fitting = by_form if len(by_form) == 1 else fitting
        if fitting:
            return [next((line for line in fitting if line.id not in self.mentioned), fitting[0])]
        if fits(total_of(lines)):
            return list(lines)
        by_form = [line for line in lines if (line.form == "in_kind") == in_kind]
        return by_form if len(by_form) == 1 else list(lines)

    def _several(self, figure: Figure, where: Position, target: Target, listed) -> None:
        """A figure after several financiers' names: theirs together, each one's, or, unsaid, whichever fits."""
        names = some([group[0].financier for group in target.groups])
        together = total_of(target.lines)
        if target.joint is None:
            if _fits(figure, together):
                fitting = [target.lines]
            elif not target.others and all(_fits(figure, total_of(group)) for group in target.groups):
                fitting = list(target.groups)
            elif len(one := [group for group in target.groups if _fits(figure, total_of(group))]) == 1:
                fitting = one  # "A, B och C bidrar med 2 658 128, 1 000 000 och 300 000 kronor": the one it is
            else:
                self.unchecked(where, figure, Message("several financiers"),
                               Message('"{figure}" is given to {names} without saying whose part is which: '
                                       "not checked", figure=figure.text, names=names))
                return
        else:
            fitting = list(target.groups) if target.joint == EACH else [target.lines]
        for lines in fitting:
            for line in lines:
                self.mentioned.add(line.id)
                listed[line.id] = line
            amount = total_of(lines)
            role = (Message("for {names} together", names=names) if len(lines) == len(target.lines) > 1
                    else Message("for {financier}", financier=lines[0].financier))
            self._compare(
                figure, where, amount, ", ".join(line.id for line in lines), role, codes.AMOUNT_DIFFERS,
                Plural("the plan has {amount} (line {ids})", "the plan has {amount} (lines {ids})", n=len(lines),
                       amount=self.kr(amount), ids=some([f"`{line.id}`" for line in lines])),
            )

    def _ceiling(self, figure: Figure, where: Position, target: Target) -> None:
        """A ceiling ("dock högst X kronor"): matched where it is a named line's amount or a figure of the plan."""
        for line in target.lines:
            if _fits(figure, line.amount):
                self.mentioned.add(line.id)
                self.matched(where, figure, line.id, self.kr(line.amount))
                return
        if not target.lines and self._placed(figure, where):
            return
        self.unchecked(where, figure, Message("ceiling"),
                       Message('"{figure}" is a ceiling, not an amount of the plan: not checked', figure=figure.text))

    def _per_year(self, figure: Figure, where: Position, target: Target) -> None:
        """An amount per year ("X kronor per år"): matched with a year of a named line's yearly amounts."""
        for line in target.lines:
            year = next((year for year, amount in sorted((line.per_year or {}).items()) if _fits(figure, amount)), None)
            if year is not None:
                self.mentioned.add(line.id)
                self.matched(where, figure, f"{line.id} ({year})", self.kr(line.per_year[year]))
                return
        self.unchecked(where, figure, Message("per year"),
                       Message('"{figure}" is an amount per year: not compared with a line\'s whole amount',
                               figure=figure.text))

    def _in_year(self, figure: Figure, where: Position, cells: YearCells, year: int) -> None:
        """An amount in a table's column of a year: the row's financier's amount for that year (`per_year`), or, in a
        sum row, the financing's; not checked where the plan has no amounts by year to compare it with.

        Under a year outside the period, the year is the slip: an error at it in the header, once, and the
        amounts under it not compared."""
        period = self.period
        if period is not None and not period.start.year <= year <= period.end.year:
            at = self.header_years.get(year)
            if at is not None:
                self.header_years[year] = None
                self.find(codes.PERIOD_DIFFERS, at, Message(
                    '"{year}" in the header of a yearly table is outside the plan\'s period {period}',
                    year=year, period=f"{period.start} – {period.end}"))
            self.unchecked(where, figure, Message("per year"), Message(
                '"{figure}" stands under {year}, a year outside the plan\'s period: not compared', figure=figure.text,
                year=year))
            return
        lines = self.plan.financing if cells.everyone else cells.lines
        if lines and all(line.per_year for line in lines):
            if not cells.everyone:
                lines = [line for line in lines if year in line.per_year] or lines
                lines = [next((line for line in lines if _fits(figure, line.per_year.get(year))), lines[0])]
                self.mentioned.update(line.id for line in lines)
            amount = sum((line.per_year.get(year, Decimal(0)) for line in lines), Decimal(0))
            label = Message("total in {year}", year=year) if cells.everyone else f"{lines[0].id} ({year})"
            role = (Message("as the total in {year}", year=year) if cells.everyone
                    else Message("for {financier} in {year}", financier=lines[0].financier, year=year))
            self._compare(figure, where, amount, label, role,
                          codes.TOTAL_DIFFERS if cells.everyone else codes.AMOUNT_DIFFERS,
                          Message("the plan has {amount}", amount=self.kr(amount)))
            return
        self.unchecked(where, figure, Message("per year"),
                       Message('"{figure}" stands under {year} in its table: an amount for that year, which the plan '
                               "does not give for this row: not checked", figure=figure.text, year=year))

    def _remainder(self, figure: Figure, where: Position, listed: dict[str, FinancingLine]) -> None:
        plan = self.plan
        if not listed:
            self._by_value(figure, where)
            return
        rest = [line for line in plan.financing if line.id not in listed]
        for line in rest:
            self.mentioned.add(line.id)
        if plan.total is None or any(line.amount is None for line in (*rest, *listed.values())):
            self.unstated(where, figure, Message("as the remainder"))
            return
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
        if _fits(figure, expected):
            self.matched(where, figure, target, shown, "rounded")
            if abs(value - expected) <= half(figure.step):
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

    def _by_value(self, figure: Figure, where: Position, listed: dict[str, FinancingLine] | None = None) -> None:
        if not self._placed(figure, where, listed):
            self.find(codes.FIGURE_UNMATCHED, where,
                      Message('"{figure}" matches no line, total or remainder of the plan', figure=figure.text))

    def _placed(self, figure: Figure, where: Position, listed: dict[str, FinancingLine] | None = None) -> bool:
        """Whether the figure's value alone is a line's or the total, listed as matched if so (and, with
        `listed`, counted among the lines its paragraph has given: "600 000 kronor kontant och 400 000 kronor i
        form av arbetad tid, sammanlagt 1 000 000 kronor")."""
        line = self.amounts.nearest(figure, self.mentioned)
        if line is not None:
            if self.twins[line.amount] > 1 and figure.value == line.amount:
                self.either[line.amount] += 1  # whose it is waits for the names the rest of the memo gives
            else:
                self.mentioned.add(line.id)
                if listed is not None:
                    listed[line.id] = line
            self.matched(where, figure, line.id, self.kr(line.amount))
            return True
        if _fits(figure, self.plan.total):
            self.matched(where, figure, Message("total"), self.kr(self.plan.total))
            return True
        return False

    def _part(self, figure: Figure, where: Position, whole: Target | None, year: tuple[int, int] | None) -> None:
        """A part of a whole after "varav": its line's amount for its year where the plan has one, else only
        counted into its whole (`_close_parts`)."""
        for line in whole.lines if whole is not None and year is not None else ():
            if line.per_year and year[0] in line.per_year:
                amount = line.per_year[year[0]]
                self._compare(figure, where, amount, f"{line.id} ({year[0]})",
                              Message("for {financier} in {year}", financier=line.financier, year=year[0]),
                              codes.AMOUNT_DIFFERS, Message("the plan has {amount}", amount=self.kr(amount)))
                return
        self.matched(where, figure, Message("part"), "", "not checked")

    def _close_parts(self, parts: Parts, unit: Unit) -> None:
        """Errors where the figures after a "varav" add up to more than the figure before it, where parts of
        a yearly breakdown add up to less, and at each year of it outside the period."""
        whole = parts.whole
        where = unit.position(whole.start)
        period = self.period
        years = [year for year in parts.years if year is not None]
        for year, offset in years:
            if period is not None and not period.start.year <= year <= period.end.year:
                self.find(codes.PERIOD_DIFFERS, unit.position(offset),
                          Message('"{year}" in the yearly breakdown of "{whole}" is outside the plan\'s period {period}',
                                  year=year, whole=whole.text, period=f"{period.start} – {period.end}"))
        comparable = [part for part in parts.figures if part.currency in (None, whole.currency, self.plan.currency)]
        found = sum((part.value for part in comparable), Decimal(0))
        rounding = half(whole.step + sum((part.step for part in comparable), Decimal(0)))
        yearly = len(years) == len(parts.figures) >= 2
        if yearly and len(comparable) == len(parts.figures) and found < whole.value - rounding:
            self.find(
                codes.TOTAL_DIFFERS, where,
                Message('the {n} yearly parts after "varav" add up to {found}, less than the "{whole}" they are part '
                        "of: {difference}", n=len(comparable), found=self.kr(found), whole=whole.text,
                        difference=difference(found, whole.value, self.plan.currency)),
            )
        if comparable and found > whole.value + half(whole.step):
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

    def _percent(self, figure: Figure, where: Position, target: Target | None, listed) -> None:
        plan = self.plan
        if plan.total == 0:
            return
        if plan.total is None:  # a share of a total the plan leaves unstated: nothing to compare it with
            self.unstated(where, figure, Message("as a share"))
            return
        if target is not None and target.kind == CALL:
            self.unchecked(where, figure, Message("call or programme"),
                           Message('"{figure}" is about a call or programme, not this project: not checked',
                                   figure=figure.text))
            return
        if target is not None and target.qualifier == CEILING:
            target = None  # "högst 50 %": a cap's share, matched by its value if a line has it
        if target is not None and target.kind == NAME and len(target.groups) <= 1 and target.lines and not target.others:
            lines = self._which(
                target.lines, lambda amount: amount is not None and _fits(figure, amount * 100 / plan.total), "", 0
            )
            if any(line.amount is None for line in lines):
                self.unstated(where, figure, Message("for {financier}", financier=lines[0].financier))
                return
            self._share(figure, where, total_of(lines), ", ".join(line.id for line in lines),
                        Message("for {financier}", financier=lines[0].financier))
            return
        if target is not None and target.kind == NAME and target.lines and (
                target.joint == TOGETHER or _fits(figure, total_of(target.lines) * 100 / plan.total)):
            self._share(figure, where, total_of(target.lines), ", ".join(line.id for line in target.lines),
                        Message("for {names} together", names=some([g[0].financier for g in target.groups])))
            return
        if target is not None and target.kind == REMAINDER and listed:
            rest = [line for line in plan.financing if line.id not in listed]
            self._share(figure, where, plan.total - total_of(listed.values()),
                        ", ".join(line.id for line in rest), Message("as the remainder"))
            return
        if target is not None and target.kind in (TOTAL, SUM) and _fits(figure, Decimal(100)):
            self.matched(where, figure, Message("total"), "100 %")
            return
        stated = total_of(plan.financing)
        if (target is None or target.kind == SUM) and any(line.amount is None for line in plan.financing) and _fits(
                figure, stated * 100 / plan.total):
            # "Summa minst 176 000 kr, minst 88,00 %": the share of the amounts the plan states, as `memo render` writes it.
            self.matched(where, figure, Message("the stated amounts (sum)"), format_share(stated, plan.total))
            return
        line = self.shares.nearest(figure, self.mentioned)
        if line is not None:
            self.matched(where, figure, line.id, format_share(line.amount, plan.total))
            return
        self.find(codes.FIGURE_UNMATCHED, where,
                  Message('"{figure}" is the share of no line of the plan', figure=figure.text))

    def _share(self, figure: Figure, where: Position, amount: Decimal, label: str, role: Message) -> None:
        """A percentage against the share `amount` is of the plan's total (FP706 where it is not)."""
        plan = self.plan
        share, shown = amount * 100 / plan.total, format_share(amount, plan.total)
        if _fits(figure, share):
            self.matched(where, figure, label, shown)
            return
        gap = figure.value - share
        self.matched(where, figure, label, shown, "differs")
        words = dict(figure=figure.text, role=role, line=label, share=shown,
                     total=self.kr(plan.total), points=format_number(abs(gap).quantize(Decimal("0.01"))))
        if gap > 0:
            message = Message('"{figure}" {role}: line `{line}` is {share} of the total {total}: '
                              "{points} percentage points over", **words)
        else:
            message = Message('"{figure}" {role}: line `{line}` is {share} of the total {total}: '
                              "{points} percentage points under", **words)
        self.find(codes.SHARE_DIFFERS, where, message)

    # -- dates, lengths, case numbers

    def _dates(self, figure: Figure, where: Position, target: Target | None) -> None:
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
        if figure.kind == DATE and target is not None and target.kind in (START, END):
            end, expected = (START, period.start) if target.kind == START else (END, period.end)
            label = Message("period start") if end == START else Message("period end")
            gap = _gap(end, figure.first, expected, False)
            if gap is None:
                self.matched(where, figure, label, str(expected))
                return
            self.matched(where, figure, label, str(expected), "differs")
            self.find(codes.PERIOD_DIFFERS, where,
                      Message('"{figure}" as the project\'s {end}: the plan\'s period is {period}: {gap}',
                              figure=figure.text, end=label, period=plan_period, gap=gap))
            return
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

    def _case(self, figure: Figure, where: Position, target: Target | None) -> None:
        owners = self.cases.get(_case(figure.text))
        if owners is not None:
            whose = self._case_owner(target)
            if whose is not None and whose not in owners:
                other = owners[0]
                self.matched(where, figure, Message("case") if whose == "project" else whose, self.case_of[whose],
                             "differs")
                self.find(codes.CASE_DIFFERS, where, Message(
                    '"{figure}" as the case number of {whose}: the plan gives it to {other}, and {whose} has {expected}',
                    figure=figure.text, expected=self.case_of[whose],
                    whose=_owner(whose, self.lines), other=_owner(other, self.lines)))
                return
            owner = owners[0]
            self.matched(where, figure, Message("case") if owner == "project" else owner, figure.text)
            return
        if target is not None and target.kind == PROJECT and "project" in self.case_of:
            # The memo's own heading or "Dnr" line is the project's case: a number the plan does not hold there is
            # the project's number mistyped, not another case the memo cites.
            self.matched(where, figure, Message("case"), self.case_of["project"], "differs")
            self.find(codes.CASE_DIFFERS, where, Message(
                '"{figure}" as the case number of the project: the plan has {expected}',
                figure=figure.text, expected=self.case_of["project"]))
            return
        known = some(list(self.cases)) if self.cases else Message("none")
        self.find(codes.FIGURE_UNMATCHED, where,
                  Message('"{figure}" is no case number of the plan (the plan has: {known})',
                          figure=figure.text, known=known))


    def _case_owner(self, target: Target | None) -> str | None:
        """Whose case number the words say a figure is ("project" or a line's id), where the plan has one for it."""
        if target is None:
            return None
        if target.kind == PROJECT:
            return "project" if "project" in self.case_of else None
        return next((line.id for line in target.lines if line.id in self.case_of), None)


def _owner(owner: str, lines: dict[str, FinancingLine]) -> Message:
    if owner == "project":
        return Message("the project")
    return Message("{financier} (line `{id}`)", financier=lines[owner].financier, id=owner)


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
        self._items = sorted((item for item in items if item[0] is not None), key=lambda item: item[0])
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
        found = self._nearer(figure, free_left, self._free_right(last, mentioned))
        if found is None:
            left = bisect.bisect_left(keys, keys[first - 1]) if first else -1
            found = self._nearer(figure, left, last)
        return found

    def _nearer(self, figure: Figure, left: int, right: int):
        """Of the things at `left` (below the value) and `right` (above it), the nearer that fits; the left on a tie."""
        fitting = [
            (abs(self._keys[at] - figure.value), at) for at in (left, right)
            if 0 <= at < len(self._items) and _fits(figure, self._keys[at])
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
        fitting = [item for item in self._items[low:high] if _fits(figure, item[0])]
        fitting.sort(key=lambda item: (item[0] != figure.value, item[1] in mentioned, abs(item[0] - figure.value)))
        return fitting[0][2] if fitting else None


def _fits(figure: Figure, expected: Decimal | None) -> bool:
    """Whether the figure, stated to its `step`, can stand for `expected`.

    Rounded to half its last digit (docs/memo.md): "38,6 miljoner" for
    38 566 657, never "38,5 miljoner". "drygt 38 miljoner" is cut: the plan's
    amount is at or above it by less than its last digit ("knappt": below).
    """
    if expected is None:  # an amount the plan leaves unstated stands for no figure
        return False
    value, step = figure.value, figure.step
    gap = expected - value
    if abs(gap) * 2 <= step:
        return True
    if figure.bound == ABOVE:
        return 0 <= gap < step
    return figure.bound == BELOW and 0 <= -gap < step


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
    """A case number as compared: without spaces, in capitals, and without a label ("Dnr 2019-123" is 2019-123)."""
    return _CASE_LABEL.sub("", "".join(text.split()).upper())
