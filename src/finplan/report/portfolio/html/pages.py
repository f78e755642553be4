"""The report's pages as HTML text: the overview and one page per plan.

Every text from a plan is escaped. Tables carry `data-table`, `data-key` and
`data-col` attributes, so that a program (and the report's browser test) can
find a figure without reading the layout; the figure shown is the text the
text report prints (`finplan.money.format_number`, `format_kr`).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from finplan import __version__
from finplan.findings import some
from finplan.i18n import N_, _, current_language, ngettext
from finplan.money import format_kr, format_number, unstated_amount
from finplan.portfolio.aggregate import STATUSES, LineMoney, PlanRef, Portfolio, Table
from finplan.report.portfolio.html.check_tables import TableData
from finplan.report.run import counts, finding_parts
from finplan.report.portfolio.html import bounds, charts, fit
from finplan.report.portfolio.html.banner import banner
from finplan.report.wording import CHECK_STATUS, NOT_IN_YEARS, PLACED, STATUS_HEADINGS, financing_sum, plan_title, shown

PLANS_SHOWN = 5
_DIGIT_GROUP_GAP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def page_names(portfolio: Portfolio) -> dict[int, str]:
    """Each plan's page, `plans/0001-en-attraktiv-region.html`: from its project, numbered, so two never share one.

    Letters with marks lose them (`ä` as `a`); anything else but letters and
    digits becomes `-`, so a name can reach no other folder, device or link.
    """
    return {ref.index: f"plans/{ref.index + 1:04d}-{_slug(ref.plan.project.name) or 'plan'}.html" for ref in portfolio.plans}


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")


def unit(currency: str) -> str:
    return "kr" if currency == "SEK" else currency


def overview(portfolio: Portfolio, names: dict[int, str]) -> str:
    parts = [f"<h1>{escape(_('Financing portfolio'))}</h1>\n<p class=\"lead\">{escape(_lead(portfolio))}</p>"]
    parts.append(banner(portfolio))
    parts.append(
        "<nav>" + "".join(
            f'<a href="#{anchor}">{escape(_(title))}</a>' for anchor, title in (
                ("charts", N_("Charts")), ("frames", N_("Frames")), ("tables", N_("Tables")), ("plans", N_("Plans")),
                ("years", N_("Years")),
            ) if anchor != "frames" or portfolio.frames
        ) + "</nav>"
    )
    if portfolio.findings:
        parts.append(f"<h2>{escape(_('Findings'))}</h2>" + _findings((file, f) for file, f in portfolio.findings))
    parts.append(f'<h2 id="charts">{escape(_("Financing per year by appropriation"))}</h2>')
    for currency, tables in portfolio.tables.items():
        table = tables[0]
        series = [(shown(r.key), r.years) for r in table.rows]
        parts.append(_figure(charts.stacked_years(_(table.dimension.title), table.years, series, currency)))
    if portfolio.frames:
        parts.append(
            f'<h2 id="frames">{escape(_("Frames"))} <small>({escape(portfolio.frames_file or "")})</small></h2>'
        )
        currency = portfolio.frames[0].frame.currency
        frames = [(f"{u.frame.appropriation} {u.frame.year}", u.frame.amount, u.by_status) for u in portfolio.frames]
        drawn = bounds.most_used(frames)
        if len(drawn) == len(frames):
            title = _("Use of the frames ({unit})")
        else:  # the chart names its unit: kr or mnkr
            title = _("Use of the {shown} most used of {n} frames ({unit})").format(
                shown=len(drawn), n=len(frames), unit="{unit}",
            )
        parts.append(_figure(charts.frame_use(title, drawn, currency)))
        parts.append(_frames_table(portfolio))
    parts.append(f'<h2 id="tables">{escape(_("Tables"))}</h2>')
    for tables in portfolio.tables.values():
        parts.extend(_year_table(table, portfolio) for table in tables)
    parts.append(f'<h2 id="plans">{escape(_("Plans"))}</h2>' + _plans_table(portfolio, names))
    parts.append(f'<h2 id="years">{escape(_("How lines were put in years"))}</h2>' + _placements(portfolio))
    if portfolio.unreadable:
        parts.append(f"<h2>{escape(_('Plans that could not be read'))}</h2>" + _findings(
            (result.file, finding) for result in portfolio.unreadable for finding in result.findings
        ))
    return _page(_("Financing portfolio"), "\n".join(parts))


def plan_page(portfolio: Portfolio, ref: PlanRef, names: dict[int, str]) -> str:
    """A plan's page: what `finplan check` shows of it (its tables, its findings), and where its money falls in years."""
    plan = ref.plan
    project = plan.project
    lines = portfolio.lines_of(ref)
    period = f"{project.period.start} – {project.period.end}" if project.period else _("no period")
    total = _("total {amount}").format(amount=_(format_kr(plan.total, plan.currency)))
    facts = [project.case, project.owner, period, total, ref.name]
    parts = [
        f'<nav><a href="../index.html">← {escape(_("Portfolio"))}</a></nav>',
        f"<h1>{escape(project.name)}</h1>",
        f'<p class="lead">{escape(" · ".join(f for f in facts if f))}</p>',
        _verdict(ref),
        *_left_out(portfolio, ref),
    ]
    years = sorted({year for money in lines for year in money.placement.years})
    by_financier: dict[str, dict[int, Decimal]] = {}
    for money in lines:
        series = by_financier.setdefault(money.line.financier, {})
        for year, part in money.placement.years.items():
            series[year] = series.get(year, Decimal(0)) + part
    title = _("Financing by financier and year ({unit})")
    # A financier whose amounts are all unstated is neither drawn nor named in the legend, and a plan that
    # states no amount has no chart (never an axis of 0 kr); stated money not placed in years keeps its legend.
    stated = {money.line.financier for money in lines if money.line.amount is not None}
    drawn = [(financier, series) for financier, series in by_financier.items() if financier in stated]
    if drawn:
        parts.append(_figure(charts.stacked_years(title, years, drawn, plan.currency)))
    parts.extend(_check_table(table) for table in plan.tables)
    parts.append(_lines_years_table(ref, lines, years))
    none = f"<p>{escape(_('None.'))}</p>"
    parts.append(f"<h2>{escape(_('Findings'))}</h2>" + (
        _findings((ref.name, finding) for finding in ref.result.findings) if ref.result.findings else none
    ))
    return _page(_("{name} – financing").format(name=project.name), "\n".join(parts), up="../")


def _verdict(ref: PlanRef) -> str:
    """The check's outcome, first on the page: a failing plan is told at a glance, not found in a corner."""
    status = ref.result.status
    text = _("This plan fails its check") if status == "failed" else _("This plan passes its check")
    return f'<p class="verdict {status}"><strong>{escape(text)}</strong> ({escape(counts(ref.result.findings))})</p>'


def _left_out(portfolio: Portfolio, ref: PlanRef) -> list[str]:
    """Why the plan is left out of the portfolio's sums, or counted though failing, as the overview's banner says."""
    said = [finding for file, finding in portfolio.left_out if file == ref.name]
    return [f'<p class="verdict failed">{escape(_(finding.message))}</p>' for finding in said]


_CELL_STYLES = {"red": "bad", "yellow": "warn", "green": "good", "dim": "muted", "bold": "strong", "italic": "note"}
"""The text report's colours and weights, as the page's classes."""


def _check_table(table: TableData) -> str:
    """A table of `finplan check`'s, cell for cell: its rows, rules and emphasis as the text report draws them."""
    keys = [re.sub(r"\W+", "_", column.lower()) for column in table.columns]
    header = [(text, "amount" if numeric else "") for text, numeric in zip(table.headers, table.numeric, strict=True)]
    rows = []
    for index, row in enumerate(table.rows):
        (first, first_style), *rest = row
        cells = "".join(
            f'<td data-col="{key}" class="{" ".join(_classes(style, numeric))}">{_lines(text)}</td>'
            for key, numeric, (text, style) in zip(keys[1:], table.numeric[1:], rest, strict=True)
        )
        rule = ' class="rule"' if index - 1 in table.ends else ""
        head = f'<th class="{" ".join(_classes(first_style, False))}">{_lines(first)}</th>'
        rows.append(f'<tr data-key="{escape(first)}"{rule}>{head}{cells}</tr>')
    return _table(table.name, table.title, header, rows)


def _classes(style: str, numeric: bool) -> list[str]:
    found = [_CELL_STYLES[word] for word in style.split() if word in _CELL_STYLES]
    return (["amount"] if numeric else []) + found


def _lines(text: str) -> str:
    """A cell's text, escaped; where the text report breaks it over two lines, so does the page."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _lead(portfolio: Portfolio) -> str:
    plans = len(portfolio.counted)  # the plans its sums add up: the banner below names those left out
    text = ngettext("{n} plan", "{n} plans", plans).format(n=plans)
    for currency in portfolio.tables:
        text += " · " + financing_sum(portfolio, currency)
    return text + f" · finplan {__version__}"


@functools.cache
def _style() -> str:
    """The pages' style sheet, read once a run rather than once a page."""
    return importlib.resources.files("finplan.report.portfolio.html").joinpath("style.css").read_text(encoding="utf-8")


def _page(title: str, body: str, up: str = "") -> str:
    style = _style()
    return (
        f"<!DOCTYPE html>\n<html lang=\"{current_language()}\">\n<head>\n<meta charset=\"utf-8\">\n"
        # Nothing may be fetched: no script, no font, no image from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _figure(svg: str) -> str:
    return f"<figure>{svg}</figure>"


def _table(name: str, caption: str, header: Sequence[tuple[str, str]], rows: Iterable[str], **data: str) -> str:
    """A table with its caption and header; `header` is (text, class) pairs; `rows` are `<tr>` elements."""
    attributes = "".join(f' data-{key}="{escape(value)}"' for key, value in data.items())
    head = "".join(f'<th class="{cls}">{escape(text)}</th>' if cls else f"<th>{escape(text)}</th>" for text, cls in header)
    return (
        f'<div class="scroll"><table data-table="{escape(name)}"{attributes}>'
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _amount(column: str, amount: Decimal | None, text: str | None = None) -> str:
    if amount is None:
        shown = _(unstated_amount()) if column in ("amount", "total") else "–"
        return f'<td class="amount" data-col="{escape(column)}">{escape(shown)}</td>'
    negative = ' negative' if amount < 0 else ''
    return f'<td class="amount{negative}" data-col="{escape(column)}">{escape(text or format_number(amount))}</td>'


def _year_table(table: Table, portfolio: Portfolio) -> str:
    """The table of a dimension by year, then its money not in years, its total and its plans."""
    unplaced = any(row.unplaced for row in table.rows)
    rows = [*table.rows, table.total]
    named = [
        ngettext("{n} plan", "{n} plans", len(plans)).format(n=len(plans)) if row is table.total
        else _(some([plan_title(ref) for ref, _part in plans], PLANS_SHOWN))
        for row in rows for plans in [row.plans(portfolio.plans)]
    ]
    trailing = [_Trailing(_(NOT_IN_YEARS), "not_in_years", [row.unplaced or None for row in rows])] if unplaced else []
    trailing.append(_Trailing(_("Total"), "total", [row.total for row in rows]))
    trailing.append(_Trailing(_("Plans"), "plans", [None] * len(rows), named))
    return _by_years(
        table.dimension.name, _(table.dimension.title).format(unit=unit(table.currency)), [_(table.dimension.heading)],
        [(row.key, "sum" if row is table.total else "", [shown(row.key)], row.years) for row in rows],
        table.years, trailing, currency=table.currency,
    )


@dataclass(frozen=True, slots=True)
class _Trailing:
    """A column after the years: its header, its `data-col`, each row's amount, or its text where `texts`.

    The plans' column (`plans`) stands on one line, cut where too long for it.
    """

    header: str
    column: str
    amounts: list[Decimal | None]
    texts: list[str] | None = None

    def width(self) -> float:
        if self.texts is not None:
            return fit.width([self.header, *self.texts], fit.PLANS_MOST if self.column == "plans" else fit.KEY_MOST)
        return fit.width([self.header, *(format_number(a) for a in self.amounts if a is not None)])

    def cell(self, row: int) -> str:
        if self.texts is None:
            return _amount(self.column, self.amounts[row])
        return _plans_cell(self.texts[row]) if self.column == "plans" else f"<td>{escape(self.texts[row])}</td>"


def _by_years(
    name: str, caption: str, lead: list[str], rows: list[tuple[str, str, list[str], dict[int, Decimal]]],
    years: list[int], trailing: list[_Trailing], **data: str,
) -> str:
    """A table of rows by year, its years cut into parts that each fit the page (`fit`), the last with `trailing`.

    Each row is its key, its class, its leading cells' texts (the first its
    heading) and its money by year. Every part repeats the leading cells.
    """
    widths = [fit.width([header, *(row[2][index] for row in rows)], fit.KEY_MOST) for index, header in enumerate(lead)]
    columns = [fit.width([str(year), *(format_number(row[3][year]) for row in rows if year in row[3])]) for year in years]
    cuts = fit.parts(sum(widths), columns, sum(column.width() for column in trailing))
    html = []
    for number, cut in enumerate(cuts, start=1):
        shown_years = [years[index] for index in cut]
        last = trailing if number == len(cuts) else []
        header = [(lead[0], ""), *((text, "") for text in lead[1:]), *((str(year), "amount") for year in shown_years)]
        header += [(column.header, "amount" if column.texts is None else "") for column in last]
        body = []
        for index, (key, css, texts, money) in enumerate(rows):
            cells = "".join(f"<td>{escape(text)}</td>" for text in texts[1:])
            cells += "".join(_amount(str(year), money.get(year)) for year in shown_years)
            cells += "".join(column.cell(index) for column in last)
            body.append(
                f'<tr data-key="{escape(key)}"{f" class={css!r}" if css else ""}><th>{escape(texts[0])}</th>{cells}</tr>'
            )
        title = caption if len(cuts) == 1 or not shown_years else f"{caption}, {_span(shown_years)}"
        html.append(_table(name, title, header, body, **data))
    return "\n".join(html)


def _span(years: list[int]) -> str:
    """`2019–2023`; one year alone as itself."""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _frames_table(portfolio: Portfolio) -> str:
    header = [(_("Appropriation"), ""), (_("Year"), ""), (_("Frame"), "amount")]
    header += [(_(s), "amount") for s in STATUS_HEADINGS] + [(_("Remaining"), "amount"), (_("Plans"), "")]
    rows = []
    for use in portfolio.frames:
        frame = use.frame
        cells = [_amount("frame", frame.amount, format_kr(frame.amount, frame.currency))]
        cells += [_amount(s.replace(" ", "_"), use.by_status[s]) for s in STATUSES]
        cells.append(_amount("remaining", use.remaining, format_kr(use.remaining, frame.currency)))
        named = [f"{plan_title(portfolio.plans[i])} {format_kr(a, frame.currency)}" for i, a in use.plans_with(*STATUSES)]
        rows.append(
            f'<tr data-key="{escape(frame.appropriation)}|{frame.year}"><th>{escape(frame.appropriation)}</th>'
            f'<td>{frame.year}</td>{"".join(cells)}{_plans_cell(_(some(named, PLANS_SHOWN)))}</tr>'
        )
    return _table("frames", _("Use of the frames"), header, rows)


def _plans_table(portfolio: Portfolio, names: dict[int, str]) -> str:
    header = [(_("Plan"), ""), (_("Owner"), ""), (_("File"), ""), (_("Total"), "amount"), (_("Check"), "")]
    rows = [
        f'<tr data-key="{escape(ref.name)}"><th><a href="{escape(names[ref.index])}">{escape(plan_title(ref))}</a></th>'
        f"<td>{escape(ref.plan.project.owner)}</td><td>{escape(ref.name)}</td>"
        f"{_amount('total', ref.plan.total, format_kr(ref.plan.total, ref.currency))}"
        f'<td class="{ref.result.status}">{escape(_(CHECK_STATUS[ref.result.status]))} '
        f"({escape(counts(ref.result.findings))})</td></tr>"
        for ref in portfolio.plans
    ]
    return _table("plans", _("Plans"), header, rows)


def _plans_cell(named: str) -> str:
    """The plans of a row on one line, cut where too long for it; all of them where the pointer rests on it."""
    return f'<td class="plans" title="{escape(named)}">{escape(named)}</td>'


def _placements(portfolio: Portfolio) -> str:
    header = [(_("Plan"), ""), (_("Id"), ""), (_("In years"), ""), (_("Period"), ""), (_("Amount"), "amount")]
    rows = [
        f'<tr data-key="{escape(m.plan.name)}|{escape(m.line.id)}"><th>{escape(plan_title(m.plan))}</th><td>{escape(m.line.id)}</td>'
        f"<td>{escape(_(PLACED[m.placement.how]))}</td><td>{m.placement.start} – {m.placement.end}</td>"
        f"{_amount('amount', m.line.amount, format_kr(m.line.amount, m.plan.currency))}</tr>"
        if m.placement.how == "spread" else
        f'<tr data-key="{escape(m.plan.name)}|{escape(m.line.id)}"><th>{escape(plan_title(m.plan))}</th><td>{escape(m.line.id)}</td>'
        f"<td>{escape(_(PLACED[m.placement.how]))}</td><td>–</td>"
        f"{_amount('amount', m.line.amount, format_kr(m.line.amount, m.plan.currency))}</tr>"
        for m in portfolio.lines if m.placement.how != "per_year"
    ]
    if not rows:
        return f"<p>{escape(_('Every line has a yearly breakdown.'))}</p>"
    how = _(
        "Lines without a yearly breakdown are spread over their period (the line's own, else the project's) "
        "by days; a line with neither is not placed in years."
    )
    return f"<p>{escape(how, quote=False)}</p>" + _table(
        "placements", _("Lines spread by days, or not placed in years"), header, rows
    )


def _lines_years_table(ref: PlanRef, lines: list[LineMoney], years: list[int]) -> str:
    """Every financing line and where its money falls in years: by its breakdown, or spread by days."""
    placed = [_(PLACED[m.placement.how]) for m in lines]
    return _by_years(
        "lines", _("Financing per year ({unit})").format(unit=unit(ref.plan.currency)), [_("Id"), _("Financier")],
        [(m.line.id, "", [m.line.id, m.line.financier], m.placement.years) for m in lines], years,
        [_Trailing(_("Amount"), "amount", [m.line.amount for m in lines]),
         _Trailing(_("In years"), "", [None] * len(lines), placed)],
    )


def _findings(items: Iterable[tuple[str, object]]) -> str:
    """Each finding as the one line `finplan check` prints, `file:line:col: CODE severity message`."""
    entries = []
    for file, finding in items:
        where, code, severity, message = finding_parts(file, finding)
        message = _DIGIT_GROUP_GAP.sub("\u00a0", message)  # an amount is never broken over two lines
        entries.append(
            f'<li data-code="{code}">{escape(where)}{code} <span class="{severity}">{severity}</span> {escape(message)}</li>'
        )
    return f'<ul class="findings">{"".join(entries)}</ul>'
