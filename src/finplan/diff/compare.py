"""Two checked versions of a plan compared: facts, lines, subtotals, caps and findings.

Everything here is plain values and exact Decimals; the writers in
finplan.report.diff (text, markdown, json) decide how it reads.
Work is linear in the plans' lines and findings: every match goes through a
dictionary, never a search.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from finplan.findings import CheckResult, Finding, Severity, file_order, format_path, shorten
from finplan.i18n import Message, Plural, expect_message, join
from finplan.model import Plan
from finplan.money import format_number
from finplan.totals import GROUPS, subtotals, NOT_STATED

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact of the project that changed: `kind` says how its values read (text, amount, percent, hours, bool)."""

    what: str
    kind: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class YearChange:
    year: int
    old: Decimal | None
    new: Decimal | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """Another field of a line that changed (status, financier, scheme...), as text."""

    name: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class LineChange:
    """A financing or cost line added, removed or changed, matched by `id`.

    `points` is the change in the line's share of the plan's total, in
    percentage points; None where a side has no total to be a share of.
    """

    section: str  # "financing" or "costs"
    id: str
    state: str  # "added", "removed" or "changed"
    old: Decimal | None
    new: Decimal | None
    old_share: Decimal | None
    new_share: Decimal | None
    years: tuple[YearChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()

    @property
    def change(self) -> Decimal | None:
        """The new amount less the old; None where a side that has the line leaves its amount unstated."""
        if (self.old is None and self.state != "added") or (self.new is None and self.state != "removed"):
            return None
        return (self.new or Decimal(0)) - (self.old or Decimal(0))

    @property
    def points(self) -> Decimal | None:
        if self.old_share is None or self.new_share is None:
            return None
        return self.new_share - self.old_share


@dataclass(frozen=True, slots=True)
class Subtotal:
    """One subtotal of the financing (public, cash, decided...), before and after."""

    group: str
    value: str
    old: Decimal | None
    new: Decimal | None
    old_unstated: int = 0  # how many of the subtotal's lines leave their amount out: `old` is then at least
    new_unstated: int = 0
    old_lines: int = 0
    new_lines: int = 0

    @property
    def change(self) -> Decimal | None:
        """The change; None where a side holds a line whose amount is unstated, as its sum is only a bound."""
        if self.old_unstated or self.new_unstated:
            return None
        return (self.new or Decimal(0)) - (self.old or Decimal(0))

    @property
    def changed(self) -> bool:
        if self.change is not None:
            return self.change != 0
        return (self.old, self.old_unstated, self.old_lines) != (self.new, self.new_unstated, self.new_lines)


@dataclass(frozen=True, slots=True)
class Limit:
    """A cap or floor on the money of some lines: `amount` against `limit`, which is `share` % of `base`
    or, with no share, an amount of its own. `name` is a Message, shown in the reader's language."""

    name: Message
    lines: tuple[str, ...]
    amount: Decimal
    base: Decimal | None
    share: Decimal | None
    limit: Decimal
    tolerance: Decimal
    is_cap: bool = True

    def __post_init__(self) -> None:
        expect_message(self.name)

    @property
    def excess(self) -> Decimal:
        """How far past the limit the amount is (over a cap, under a floor); negative when within."""
        return self.amount - self.limit if self.is_cap else self.limit - self.amount


@dataclass(frozen=True, slots=True)
class LimitChange:
    name: str
    old: Limit | None
    new: Limit | None


@dataclass(frozen=True, slots=True)
class FindingChange:
    """A finding that is new, changed (same rule and place, another message), fixed or unchanged.

    `place` is where it is, with financing and cost lines named by id
    (`financing[anslag-1-1].amount`), so a line moved up or down does not
    make its findings new.
    """

    state: str  # "new", "changed", "fixed" or "unchanged"
    place: str
    old: Finding | None
    new: Finding | None

    @property
    def finding(self) -> Finding:
        return self.new or self.old  # type: ignore[return-value]

    @property
    def worse(self) -> bool:
        """New, or changed into something more severe: what a change made worse."""
        if self.state == "new":
            return True
        return self.state == "changed" and self.new.severity > self.old.severity  # type: ignore[union-attr]


@dataclass
class PlanDiff:
    """One plan's two versions compared; a side is None where the plan did not exist."""

    old_name: str | None
    new_name: str | None
    old_status: str | None
    new_status: str | None
    currency: str = "SEK"
    old_total: Decimal | None = None
    new_total: Decimal | None = None
    facts: list[Fact] = field(default_factory=list)
    lines: list[LineChange] = field(default_factory=list)
    subtotals: list[Subtotal] = field(default_factory=list)
    limits: list[LimitChange] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    renamed: bool = False  # matched by `project.case` under another path

    @property
    def name(self) -> str:
        return self.new_name or self.old_name or ""

    @property
    def state(self) -> str:
        """`added`, `removed`, `renamed`, `changed` or `unchanged`."""
        if self.old_name is None:
            return "added"
        if self.new_name is None:
            return "removed"
        if self.facts or self.lines or any(f.state != "unchanged" for f in self.findings):
            return "changed"
        return "renamed" if self.renamed else "unchanged"

    def count(self, state: str) -> int:
        return sum(1 for f in self.findings if f.state == state)

    def worse(self, severity: Severity | None = None) -> int:
        """Findings this change made worse, of `severity` or any."""
        return sum(1 for f in self.findings if f.worse and (severity is None or f.new.severity is severity))

    @property
    def money_changed(self) -> bool:
        """Whether a line or a fact changed: only then do subtotals and caps say anything new."""
        return bool(self.facts or self.lines)

    @property
    def moved(self) -> Decimal:
        """The money that changed lines, added up without sign: how big the change is; an unstated amount adds nothing."""
        return sum((abs(line.change) for line in self.lines if line.change is not None), Decimal(0))


@dataclass
class DiffRun:
    """Every plan compared in one run: the ones that differ, and how many were the same."""

    old_label: str
    new_label: str
    plans: list[PlanDiff] = field(default_factory=list)
    unchanged: int = 0
    root: Path = field(default_factory=Path)  # what the plans' names are relative to
    passed_over: list[Message] = field(default_factory=list)  # a note for each file not compared (a link)


def limits_of(result: CheckResult | None) -> list[Limit]:
    """The caps and floors of a plan, measured. The one place the diff reaches the core's limits.

    A limit is named by who sets it, what it is and of what, so that the same
    limit is matched in both versions however its figures moved.
    """
    if result is None or not isinstance(result.plan, Plan) or result.settings is None:
        return []
    from finplan.limits import BASE_NAMES, measure_limits
    from finplan.money import format_percent

    limits = []
    for m in measure_limits(result.plan, result.settings):
        title = m.title.replace("`", "")
        # The base by name alone: a setting that leaves in kind out of it moves the margin, not the limit.
        if m.share is not None:
            words = dict(title=title, share=format_percent(m.share), base=Message(BASE_NAMES[m.base_name]))
            if m.is_cap:
                name = Message("{title}: cap {share} of {base}", **words)
            else:
                name = Message("{title}: floor {share} of {base}", **words)
        elif m.is_cap:
            name = Message("{title}: cap in money", title=title)
        else:
            name = Message("{title}: floor in money", title=title)
        lines = tuple(line.id for _index, line in m.lines)
        if m.origin == "plan":
            name = Message("{limit} on {lines}", limit=name, lines=", ".join(lines))
        limits.append(
            Limit(name, lines, m.amount, m.base if m.share is not None else None, m.share, m.limit, m.tolerance, m.is_cap)
        )
    return limits


def compare(
    old: CheckResult | None, new: CheckResult | None, old_name: str | None = None, new_name: str | None = None
) -> PlanDiff:
    """`old` and `new` compared; either may be None for a plan added or removed."""
    old_plan = _plan(old)
    new_plan = _plan(new)
    diff = PlanDiff(
        old_name=old_name if old_name is not None else (old.file if old else None),
        new_name=new_name if new_name is not None else (new.file if new else None),
        old_status=old.status if old else None,
        new_status=new.status if new else None,
        currency=(new_plan or old_plan).currency if (new_plan or old_plan) else "SEK",
        old_total=old_plan.total if old_plan else None,
        new_total=new_plan.total if new_plan else None,
    )
    # A side that exists but could not be read has no money to compare: its
    # lines would all read as added or removed, which they were not.
    money = not ((old is not None and old_plan is None) or (new is not None and new_plan is None))
    if money:
        diff.facts = _facts(old_plan, new_plan, old, new)
        for section in ("financing", "costs"):
            diff.lines.extend(_lines(section, old_plan, new_plan))
        diff.subtotals = _subtotals(old_plan, new_plan)
        diff.limits = _limits(limits_of(old), limits_of(new))
    diff.findings = compare_findings(old, new)
    return diff


def compare_files(old_path: Path, new_path: Path, finder) -> DiffRun:
    """Two plan files compared, each under its configuration; InputError when either cannot be read."""
    from finplan.check import check_file
    from finplan.errors import InputError
    from finplan.findings import finding_message

    old, new = (check_file(path, finder.for_plan(path)) for path in (old_path, new_path))
    for result in (old, new):
        if not result.readable:
            lines = join((finding_message(result.file, finding) for finding in result.findings[:5]), "\n")
            raise InputError(Message("{file} cannot be compared:\n{findings}", file=result.file, findings=lines))
    run = DiffRun(str(old_path), str(new_path))
    diff = compare(old, new)
    if diff.state == "unchanged":
        run.unchanged = 1
    else:
        run.plans.append(diff)
    return run


def _plan(result: CheckResult | None) -> Plan | None:
    return result.plan if result is not None and isinstance(result.plan, Plan) else None


def _facts(old: Plan | None, new: Plan | None, old_result, new_result) -> list[Fact]:
    if old is None or new is None:
        return []
    pairs = [
        ("case", "text", old.project.case, new.project.case),
        ("name", "text", old.project.name, new.project.name),
        ("owner", "text", old.project.owner, new.project.owner),
        ("period", "text", _period(old.project.period), _period(new.project.period)),
        ("currency", "text", old.currency, new.currency),
        ("total", "amount", old.total, new.total),
        ("document", "text", old.project.document, new.project.document),
        ("profiles", "text", _profiles(old), _profiles(new)),
    ]
    facts = [Fact(what, kind, a, b) for what, kind, a, b in pairs if a != b]
    facts.extend(_settings(old_result.settings, new_result.settings))
    return facts


def _profiles(plan: Plan) -> str:
    return ", ".join(plan.profiles) if plan.profiles else Message("none")


def _period(period) -> str | None:
    """`2019-10-01 – 2022-09-30`; None for a plan that states none, which the reports show as `–`."""
    return None if period is None else f"{period.start} – {period.end}"


def _settings(old, new) -> list[Fact]:
    """Numbers in force that changed; a profile's numbers come and go with it, so those are left out."""
    if old is None or new is None:
        return []
    # The numbers in force follow from what a Settings holds (profiles, overrides, configuration, date): where the
    # two hold the same, none changed, and resolving every setting of both (most of a comparison's time) is spared.
    if type(old) is type(new) and vars(old) == vars(new):
        return []
    before = {used.key: used for used in old.used()}
    facts = []
    for used in new.used():
        was = before.get(used.key)
        if was is not None and was.value != used.value:
            facts.append(Fact(used.key, used.setting.kind, was.value, used.value))
    return facts


def _share(amount: Decimal | None, total: Decimal | None) -> Decimal | None:
    if total is None or total == 0:
        return None
    return (amount or Decimal(0)) * HUNDRED / total


_SAME_ANYWAY = frozenset({"id", "amount", "per_year"})


def _lines(section: str, old: Plan | None, new: Plan | None) -> list[LineChange]:
    """The lines of `section` added, removed or changed, in the new plan's order, then the removed ones."""
    old_lines = (getattr(old, section) or []) if old else []
    new_lines = (getattr(new, section) or []) if new else []
    old_total = old.total if old else None
    new_total = new.total if new else None
    # Shares of a plan that does not exist on one side would compare with nothing.
    shares = old is not None and new is not None
    by_id: dict[str, deque] = defaultdict(deque)
    for line in old_lines:
        by_id[line.id].append(line)
    changes = []
    for line in new_lines:
        was = by_id[line.id].popleft() if by_id.get(line.id) else None
        if was is not None and was == line:
            continue
        changes.append(
            LineChange(
                section, line.id, "changed" if was is not None else "added",
                was.amount if was is not None else None, line.amount,
                _share(was.amount if was is not None else None, old_total) if shares else None,
                _share(line.amount, new_total) if shares else None,
                _years(was.per_year if was is not None else None, line.per_year),
                _fields(was, line) if was is not None else (),
            )
        )
    for line in old_lines:
        # What is left under an id was not matched: removed.
        if by_id.get(line.id) and by_id[line.id][0] is line:
            by_id[line.id].popleft()
            changes.append(
                LineChange(
                    section, line.id, "removed", line.amount, None,
                    _share(line.amount, old_total) if shares else None, _share(None, new_total) if shares else None,
                    _years(line.per_year, None),
                )
            )
    return changes


def _years(old: dict[int, Decimal] | None, new: dict[int, Decimal] | None) -> tuple[YearChange, ...]:
    old, new = old or {}, new or {}
    return tuple(
        YearChange(year, old.get(year), new.get(year))
        for year in sorted(old.keys() | new.keys())
        if old.get(year) != new.get(year)
    )


def _fields(old, new) -> tuple[FieldChange, ...]:
    names = [name for name in type(new).model_fields if name not in _SAME_ANYWAY]
    return tuple(
        FieldChange(name, _written(getattr(old, name)), _written(getattr(new, name)))
        for name in names
        if getattr(old, name) != getattr(new, name)
    )


def _written(value: Any) -> str | None:
    """A field's value as short text: a calculation basis by its number of rows."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, list):
        return Plural("{n} row", "{n} rows", n=len(value))
    if hasattr(value, "start") and hasattr(value, "end"):
        return _period(value)
    if hasattr(type(value), "model_fields"):  # a model (asked of its class: Pydantic deprecates asking an instance)
        fields = type(value).model_fields
        return join(Message("{name} {value}", name=name, value=_written(getattr(value, name))) for name in fields)
    return shorten(value, 60, one_line=False)  # a cell of the diff's tables: each format shows a line break its way


def _subtotals(old: Plan | None, new: Plan | None) -> list[Subtotal]:
    before = subtotals(old) if old else None
    after = subtotals(new) if new else None
    rows = []
    for group, values in GROUPS.items():
        for value in values:
            old_lines, old_unstated = _lines_in(old, group, value)
            new_lines, new_unstated = _lines_in(new, group, value)
            if value == NOT_STATED and not (old_lines or new_lines):
                continue
            rows.append(Subtotal(
                group, value, before[group][value] if before else None, after[group][value] if after else None,
                old_unstated=old_unstated, new_unstated=new_unstated, old_lines=old_lines, new_lines=new_lines,
            ))
    return rows


def _lines_in(plan: Plan | None, group: str, value: str) -> tuple[int, int]:
    """How many financing lines a subtotal holds, and how many of them leave their amount out."""
    lines = [line for line in plan.financing if (getattr(line, group) or NOT_STATED) == value] if plan else []
    return len(lines), sum(1 for line in lines if line.amount is None)


def _limits(old: list[Limit], new: list[Limit]) -> list[LimitChange]:
    before = {limit.name: limit for limit in old}
    changes = [LimitChange(limit.name, before.pop(limit.name, None), limit) for limit in new]
    changes.extend(LimitChange(limit.name, limit, None) for limit in before.values())
    return changes


def place(plan: Plan | None, path: Sequence) -> str:
    """A finding's place with the line's index replaced by its id: `financing[region].amount`."""
    if plan is not None and len(path) >= 2 and path[0] in ("financing", "costs") and isinstance(path[1], int):
        lines = getattr(plan, path[0]) or []
        if 0 <= path[1] < len(lines):
            rest = format_path(tuple(path[2:]))
            if rest and not rest.startswith("["):
                rest = "." + rest
            return f"{path[0]}[{lines[path[1]].id}]{rest}"
    return format_path(tuple(path))


_STATES = ("new", "changed", "fixed", "unchanged")


def compare_findings(old: CheckResult | None, new: CheckResult | None) -> list[FindingChange]:
    """The findings of two versions matched: first by code, place and message, then by code and place.

    A finding matched only by code and place is `changed`: its rule still
    fires at the same place, with other figures (an amount moved), which is
    not one finding fixed and another made. What is left of the new version
    is `new`; of the old, `fixed`. Each group is in the order of its file.
    """
    old_found = [(place(_plan(old), f.path), f) for f in (old.findings if old else [])]
    new_found = [(place(_plan(new), f.path), f) for f in (new.findings if new else [])]
    exact: dict[tuple, deque[int]] = defaultdict(deque)
    loose: dict[tuple, deque[int]] = defaultdict(deque)
    for index, (where, finding) in enumerate(old_found):
        exact[(finding.code, where, finding.message)].append(index)
        loose[(finding.code, where)].append(index)
    taken = [False] * len(old_found)
    groups: dict[str, list[FindingChange]] = {state: [] for state in _STATES}
    unmatched = []
    for where, finding in new_found:
        candidates = exact.get((finding.code, where, finding.message))
        if candidates:
            index = candidates.popleft()
            taken[index] = True
            groups["unchanged"].append(FindingChange("unchanged", where, old_found[index][1], finding))
        else:
            unmatched.append((where, finding))
    for where, finding in unmatched:
        candidates = loose.get((finding.code, where))
        while candidates and taken[candidates[0]]:
            candidates.popleft()
        if candidates:
            index = candidates.popleft()
            taken[index] = True
            groups["changed"].append(FindingChange("changed", where, old_found[index][1], finding))
        else:
            groups["new"].append(FindingChange("new", where, None, finding))
    groups["fixed"] = [
        FindingChange("fixed", where, finding, None)
        for (where, finding), used in zip(old_found, taken, strict=True)
        if not used
    ]
    for state in ("new", "changed", "unchanged"):
        groups[state].sort(key=lambda change: file_order(change.new))
    return [change for state in _STATES for change in groups[state]]


def worst_first(diffs: Iterable[PlanDiff]) -> list[PlanDiff]:
    """Plans ordered by what their change made worse: new errors, new findings, money moved; then by name."""
    return sorted(
        diffs,
        key=lambda d: (-d.worse(Severity.ERROR), -d.worse(), -d.moved, d.name),
    )
