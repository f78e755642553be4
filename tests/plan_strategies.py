"""Hypothesis strategies for valid plans, written out as YAML with every value's place known.

A generated plan is consistent by construction: its financing sums to its
total, each line's yearly breakdown to its amount, and, when it has costs,
the costs to the total and to the financing in each year, with in-kind costs
equal to in-kind financing. Amounts are written in every form finplan reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

CATEGORIES = ("staff", "external_services", "travel", "premises_equipment", "investments")


@dataclass(frozen=True)
class Slot:
    """Where a value stands in the text: line (from 1), column (from 1), and its text."""

    kind: str  # "amount", "date" or "key"
    line: int
    column: int
    text: str


@dataclass
class Generated:
    text: str
    total: Decimal
    financing: list[tuple[Decimal, dict[int, Decimal]]]
    costs: list[tuple[Decimal, dict[int, Decimal]]]
    start: date
    end: date
    slots: list[Slot] = field(default_factory=list)


def amount_text(draw, ore: int) -> str:
    """An amount in öre, written in one of the forms a plan may use."""
    kronor, rest = divmod(ore, 100)
    grouped = f"{kronor:,}"
    forms = [str(kronor), grouped.replace(",", "_"), grouped.replace(",", " "), f'"{grouped.replace(",", " ")}"']
    forms.append(grouped.replace(",", "\u00a0"))
    if rest:
        forms = [f"{kronor}.{rest:02d}", f'"{grouped.replace(",", " ")},{rest:02d}"', f"{grouped.replace(',', '_')}.{rest:02d}"]
    else:
        forms.append(f"{kronor}.00")
    return draw(st.sampled_from(forms))


def _split(draw, total: int, parts: int) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


class _Writer:
    """Collects the plan's lines and the place of every amount, date and key in them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.slots: list[Slot] = []

    def line(self, *parts: tuple[str, str | None]) -> None:
        """A line from parts of (text, kind): kind marks the text as a slot."""
        text = ""
        for part, kind in parts:
            if kind is not None:
                self.slots.append(Slot(kind, len(self.lines) + 1, len(text) + 1, part))
            text += part
        self.lines.append(text)


def _key(name: str) -> tuple[str, str]:
    return (name, "key")


def _breakdown(draw, per_year: dict[int, int]) -> list[tuple[str, str | None]]:
    parts: list[tuple[str, str | None]] = [("{", None)]
    for index, (year, ore) in enumerate(per_year.items()):
        if index:
            parts.append((", ", None))
        parts += [(str(year), None), (": ", None), (amount_text(draw, ore), "amount")]
    parts.append(("}", None))
    return parts


@st.composite
def plans(draw, max_lines: int = 4) -> Generated:
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 4 * 366)))
    years = list(range(start.year, end.year + 1))
    money = st.integers(0, 10**9)

    financing = []
    for index in range(draw(st.integers(1, max_lines))):
        per_year = {year: draw(money) for year in years}
        if not any(per_year.values()):
            per_year[years[0]] = draw(st.integers(1, 10**9))
        sector = draw(st.sampled_from(["public", "private"]))
        form = draw(st.sampled_from(["cash", "in_kind"]))
        status = draw(st.sampled_from(["proposed", "applied", "decided"]))
        financing.append((f"f{index}", sector, form, status, per_year))
    year_totals = {y: sum(line[4][y] for line in financing) for y in years}
    total = sum(year_totals.values())

    costs = []
    if draw(st.booleans()):
        in_kind = {y: sum(line[4][y] for line in financing if line[2] == "in_kind") for y in years}
        if any(in_kind.values()):
            costs.append(("c-in-kind", "in_kind", in_kind))
        count = draw(st.integers(1, max_lines))
        shares = {y: _split(draw, year_totals[y] - in_kind[y], count) for y in years}
        for index in range(count):
            per_year = {y: shares[y][index] for y in years}
            if any(per_year.values()):
                costs.append((f"c{index}", draw(st.sampled_from(CATEGORIES)), per_year))

    writer = _Writer()
    writer.line(_key("finplan"), (": 1", None))
    writer.line(_key("project"), (":", None))
    writer.line(("  ", None), _key("case"), (": T/1/2020", None))
    writer.line(("  ", None), _key("name"), (": Generated", None))
    writer.line(("  ", None), _key("owner"), (": Owner", None))
    writer.line(
        ("  ", None), _key("period"), (": {", None), _key("start"), (": ", None), (start.isoformat(), "date"),
        (", ", None), _key("end"), (": ", None), (end.isoformat(), "date"), ("}", None),
    )
    writer.line(_key("total"), (": ", None), (amount_text(draw, total), "amount"))
    writer.line(_key("financing"), (":", None))
    for line_id, sector, form, status, per_year in financing:
        _line_with_breakdown(
            draw, writer,
            [("id", line_id, None), ("financier", f"Financier {line_id}", None), ("sector", sector, None),
             ("form", form, None), ("status", status, None)]
            + ([("appropriation", "Övriga medel", None)] if (sector, form) == ("public", "cash") else []),
            per_year,
        )
    if costs:
        writer.line(_key("costs"), (":", None))
        for line_id, category, per_year in costs:
            _line_with_breakdown(draw, writer, [("id", line_id, None), ("category", category, None)], per_year)

    def exact(per_year: dict[int, int]) -> tuple[Decimal, dict[int, Decimal]]:
        return Decimal(sum(per_year.values())) / 100, {y: Decimal(v) / 100 for y, v in per_year.items()}

    return Generated(
        text="\n".join(writer.lines) + "\n",
        total=Decimal(total) / 100,
        financing=[exact(line[4]) for line in financing],
        costs=[exact(line[2]) for line in costs],
        start=start,
        end=end,
        slots=writer.slots,
    )


def _line_with_breakdown(draw, writer: _Writer, fields, per_year: dict[int, int]) -> None:
    parts: list[tuple[str, str | None]] = [("  - {", None)]
    fields = [*fields, ("amount", amount_text(draw, sum(per_year.values())), "amount")]
    for index, (key, value, kind) in enumerate(fields):
        if index:
            parts.append((", ", None))
        parts += [_key(key), (": ", None), (value, kind)]
    parts += [(", ", None), _key("per_year"), (": ", None)]
    parts += _breakdown(draw, per_year)
    parts.append(("}", None))
    writer.line(*parts)
