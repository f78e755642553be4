"""Many checked plans added up: per financier, appropriation, scheme, status and kind, per year.

Every figure is an exact sum of `Decimal`s. A table is made per currency: a
plan in EUR is never added to one in SEK. Each row keeps what each plan puts
into it, so a row can name the plans that make it up, largest first.

Rows are grouped by their text compared without regard to case or to runs of
spaces (`grouping_key`): "Reg.tillväxt" and "reg.tillväxt " are one
appropriation, shown as first written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from finplan.codes.portfolio import DUPLICATE_PLAN, FAILING_PLAN, UNREADABLE_PLAN
from finplan.findings import CheckResult, Finding
from finplan.i18n import Message, N_
from finplan.portfolio.figures import LineFigures
from finplan.portfolio.keys import grouping_key
from finplan.portfolio.spread import Placement

LEFT_OUT_CODES = frozenset(code.code for code in (DUPLICATE_PLAN, FAILING_PLAN, UNREADABLE_PLAN))
NOT_STATED = "not stated"
STATUSES = ("decided", "applied", "proposed", NOT_STATED)
KINDS = ("public cash", "public in kind", "private cash", "private in kind")


@dataclass(frozen=True, slots=True)
class PlanRef:
    """One plan of the portfolio: its file, its name from the repository root, and its check.

    The check's result holds the plan's figures (`finplan.portfolio.figures`),
    not its model: `ref.plan` is a `PlanFigures`.
    """

    index: int
    file: str
    name: str
    result: CheckResult
    counted: bool = True  # False: left out of the sums (finplan.portfolio.counted says why)

    @property
    def plan(self):
        return self.result.plan

    @property
    def case(self) -> str | None:
        return self.plan.project.case

    @property
    def label(self) -> str:
        """The plan as a person names it: its case number (diarienummer), else its file."""
        return self.case or self.name

    @property
    def currency(self) -> str:
        return self.plan.currency


@dataclass(frozen=True, slots=True)
class LineMoney:
    """A financing line of a plan and where its money falls in years."""

    plan: PlanRef
    line: LineFigures

    @property
    def placement(self) -> Placement:
        return self.line.placement

    @property
    def status(self) -> Message:
        """`decided`, …, `not stated`: the key of its row, a word marked where report.wording names it."""
        return Message(self.line.status or NOT_STATED)

    @property
    def kind(self) -> Message:
        """`public in kind`: the sector and form, the key of its row.

        Both are words of the report, marked where report.wording names them.
        """
        sector, form = Message(self.line.sector), Message(self.line.form.replace("_", " "))
        return Message("{sector} {form}", sector=sector, form=form)


@dataclass(slots=True)
class Row:
    """One row of a table: its amounts per year, what no year holds, the total, and by plan."""

    key: str
    years: dict[int, Decimal] = field(default_factory=dict)
    unplaced: Decimal = Decimal(0)
    total: Decimal = Decimal(0)
    by_plan: dict[int, Decimal] = field(default_factory=dict)

    def add(self, money: LineMoney) -> None:
        amount = money.line.amount
        if amount is None:
            return  # an amount the plan does not state adds nothing; its page says "not stated"
        for year, part in money.placement.years.items():
            self.years[year] = self.years.get(year, Decimal(0)) + part
        self.unplaced += amount - money.placement.placed
        self.total += amount
        index = money.plan.index
        self.by_plan[index] = self.by_plan.get(index, Decimal(0)) + amount

    def plans(self, refs: list[PlanRef]) -> list[tuple[PlanRef, Decimal]]:
        """The plans that make up this row with their part, largest first, then by name."""
        return sorted(((refs[i], amount) for i, amount in self.by_plan.items()), key=lambda p: (-p[1], p[0].name))


@dataclass(frozen=True, slots=True)
class Dimension:
    """A way to group financing lines: its name, column heading, a line's key, and the order of rows.

    Rows come in `order` where one is given, else by name; a line without a key
    goes to the row `missing`, last. The heading is shown through `_()`; a row's
    key is plan text, or a Message where finplan words it (a status, a kind, `missing`).
    """

    name: str
    heading: str
    title: str  # the title of its table by year, with the {unit} of the money
    key: Callable[[LineMoney], str | None]
    missing: str = ""
    order: tuple[str, ...] = ()


DIMENSIONS = (
    Dimension(
        "appropriation", N_("Appropriation"), N_("Financing per year by appropriation ({unit})"),
        lambda m: m.line.appropriation, Message("no appropriation stated"),
    ),
    Dimension("financier", N_("Financier"), N_("Financing per year by financier ({unit})"), lambda m: m.line.financier),
    Dimension(
        "scheme", N_("Scheme"), N_("Financing per year by scheme ({unit})"), lambda m: m.line.scheme,
        Message("no scheme"),
    ),
    Dimension("status", N_("Status"), N_("Financing per year by status ({unit})"), lambda m: m.status, order=STATUSES),
    Dimension("kind", N_("Kind"), N_("Financing per year by kind ({unit})"), lambda m: m.kind, order=KINDS),
)


@dataclass(slots=True)
class Table:
    """A dimension's rows in one currency, with the years they span and their sum."""

    dimension: Dimension
    currency: str
    years: list[int]
    rows: list[Row]
    total: Row


@dataclass(slots=True)
class Portfolio:
    """Everything `finplan summary` reports."""

    plans: list[PlanRef]  # every plan read, counted or not
    unreadable: list[CheckResult]
    lines: list[LineMoney]  # the lines of the plans counted: what the tables, frames and aid add up
    tables: dict[str, list[Table]]  # by currency, SEK first
    plan_lines: list[tuple[LineMoney, ...]] = field(default_factory=list)  # each plan's lines, counted or not
    frames: list = field(default_factory=list)  # finplan.portfolio.frames.FrameUse
    frames_file: str | None = None
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # each file checked, as the reports name it
    include_failing: bool = False  # plans failing their check are counted (`--include-failing`)
    full: bool = False  # the text format's every table (`--full`), not the overview

    @property
    def currencies(self) -> list[str]:
        return list(self.tables)

    @property
    def counted(self) -> list[PlanRef]:
        """The plans added up: each project once, read, and passing its check (or `--include-failing`)."""
        return [ref for ref in self.plans if ref.counted]

    @property
    def left_out(self) -> list[tuple[str, Finding]]:
        """The findings about plans left out of the sums, or counted though failing (FP806-FP808)."""
        return [(file, finding) for file, finding in self.findings if finding.code in LEFT_OUT_CODES]

    def plan_totals(self, currency: str) -> Decimal:
        """The declared totals of the plans counted in `currency`, added up."""
        return sum(
            (p.plan.total for p in self.plans if p.counted and p.currency == currency and p.plan.total is not None),
            Decimal(0),
        )

    def lines_of(self, plan: PlanRef) -> list[LineMoney]:
        """A plan's lines, in the plan's order, whether it is counted or not."""
        return list(self.plan_lines[plan.index])

    def lines_placed(self, how: str) -> list[LineMoney]:
        return [money for money in self.lines if money.placement.how == how]


def collect(results: Iterable[CheckResult], names: dict[str, str], *, include_failing: bool = False) -> Portfolio:
    """The portfolio of every plan that could be read, adding up those counted; the others kept aside, by name.

    Each readable result holds its plan's figures (`figures.keep_figures`).
    Which plans are counted, and the findings about the others, are
    `finplan.portfolio.counted`'s; `include_failing` counts plans that fail their check.
    """
    from finplan.portfolio.counted import Counting  # it compares names as this module does

    counting = Counting(include_failing)
    plans: list[PlanRef] = []
    unreadable: list[CheckResult] = []
    lines: list[LineMoney] = []
    plan_lines: list[tuple[LineMoney, ...]] = []
    for result in results:
        name = names.get(result.file, result.file)
        if not result.readable or result.plan is None:
            unreadable.append(result)
            counting.unreadable(name, result)
            continue
        ref = PlanRef(len(plans), result.file, name, result, counting.count(name, result))
        plans.append(ref)
        own = tuple(LineMoney(ref, line) for line in ref.plan.financing)
        plan_lines.append(own)
        if ref.counted:
            lines.extend(own)
    currencies = sorted({ref.currency for ref in plans if ref.counted}, key=lambda c: (c != "SEK", c))
    tables = {currency: [_table(d, currency, lines) for d in DIMENSIONS] for currency in currencies}
    return Portfolio(
        plans, unreadable, lines, tables, plan_lines, findings=counting.ordered(), names=names,
        include_failing=include_failing,
    )


def _table(dimension: Dimension, currency: str, lines: list[LineMoney]) -> Table:
    rows: dict[str | None, Row] = {}
    total = Row(Message("Sum"))
    for money in lines:
        if money.plan.currency != currency or money.line.amount is None:
            continue  # an unstated amount makes no row: a row of such lines alone would read 0 (listed as not placed)
        shown = dimension.key(money)
        key = None if shown is None else grouping_key(shown)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(dimension.missing if shown is None else shown)
        row.add(money)
        total.add(money)
    if dimension.order:
        ordered = [rows[grouping_key(k)] for k in dimension.order if grouping_key(k) in rows]
    else:
        ordered = sorted(rows.values(), key=lambda r: (r is rows.get(None), grouping_key(r.key)))
    return Table(dimension, currency, sorted(total.years), ordered, total)
