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
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape

from finplan import __version__
from finplan.findings import some
from finplan.i18n import N_, _, current_language, ngettext
from finplan.money import format_kr, format_number, format_share
from finplan.portfolio.aggregate import STATUSES, LineMoney, PlanRef, Portfolio, Row, Table
from finplan.report.run import counts, finding_parts
from finplan.report.portfolio.html import bounds, charts
from finplan.report.portfolio.html.banner import banner
from finplan.report.wording import CHECK_STATUS, NOT_IN_YEARS, PLACED, STATUS_HEADINGS, financing_sum, shown

PLANS_SHOWN = 5
_DIGIT_GROUP_GAP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def page_names(portfolio: Portfolio) -> dict[int, str]:
    """Each plan's page, `plans/0001-budgets-attraktiv.html`: numbered, so two plans never share one."""
    return {
        ref.index: f"plans/{ref.index + 1:04d}-{re.sub(r'[^A-Za-z0-9_-]+', '-', _stem(ref.name)).strip('-')[:80]}.html"
        for ref in portfolio.plans
    }


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if name.endswith((".yaml", ".yml")) else name


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
        title = _(table.dimension.title).format(unit=unit(currency))
        series = [(shown(r.key), r.years) for r in table.rows]
        parts.append(_figure(charts.stacked_years(title, table.years, series, currency)))
    if portfolio.frames:
        parts.append(
            f'<h2 id="frames">{escape(_("Frames"))} <small>({escape(portfolio.frames_file or "")})</small></h2>'
        )
        currency = portfolio.frames[0].frame.currency
        frames = [(f"{u.frame.appropriation} {u.frame.year}", u.frame.amount, u.by_status) for u in portfolio.frames]
        drawn = bounds.most_used(frames)
        if len(drawn) == len(frames):
            title = _("Use of the frames ({unit})").format(unit=unit(currency))
        else:
            title = _("Use of the {shown} most used of {n} frames ({unit})").format(
                shown=len(drawn), n=len(frames), unit=unit(currency),
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
    plan = ref.plan
    project = plan.project
    lines = portfolio.lines_of(ref)
    period = f"{project.period.start} – {project.period.end}" if project.period else _("no period")
    total = _("total {amount}").format(amount=format_kr(plan.total, plan.currency))
    facts = [project.case, project.owner, period, total]
    parts = [
        f'<nav><a href="../index.html">← {escape(_("Portfolio"))}</a></nav>',
        f"<h1>{escape(project.name)}</h1>",
        f'<p class="lead">{escape(" · ".join(f for f in facts if f))} · <span class="{ref.result.status}">'
        f"{escape(_(CHECK_STATUS[ref.result.status]))}</span> ({escape(counts(ref.result.findings))}) · "
        f"{escape(ref.name)}</p>",
    ]
    years = sorted({year for money in lines for year in money.placement.years})
    by_financier: dict[str, dict[int, Decimal]] = {}
    for money in lines:
        series = by_financier.setdefault(money.line.financier, {})
        for year, part in money.placement.years.items():
            series[year] = series.get(year, Decimal(0)) + part
    title = _("Financing by financier and year ({unit})").format(unit=unit(plan.currency))
    parts.append(_figure(charts.stacked_years(title, years, list(by_financier.items()), plan.currency)))
    parts.append(_financing_table(ref, lines))
    parts.append(_lines_years_table(ref, lines, years))
    none = f"<p>{escape(_('None.'))}</p>"
    parts.append(f"<h2>{escape(_('Findings'))}</h2>" + (
        _findings((ref.name, finding) for finding in ref.result.findings) if ref.result.findings else none
    ))
    return _page(_("{name} – financing").format(name=project.name), "\n".join(parts), up="../")


def _lead(portfolio: Portfolio) -> str:
    plans = len(portfolio.plans)
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
        return f'<td class="amount" data-col="{escape(column)}">–</td>'
    negative = ' negative' if amount < 0 else ''
    return f'<td class="amount{negative}" data-col="{escape(column)}">{escape(text or format_number(amount))}</td>'


def _year_table(table: Table, portfolio: Portfolio) -> str:
    unplaced = any(row.unplaced for row in table.rows)
    header = [(_(table.dimension.heading), ""), *((str(y), "amount") for y in table.years)]
    header += [(_(NOT_IN_YEARS), "amount")] if unplaced else []
    header += [(_("Total"), "amount"), (_("Plans"), "")]

    def row_html(row: Row, css: str = "") -> str:
        cells = [_amount(str(year), row.years.get(year)) for year in table.years]
        if unplaced:
            cells.append(_amount("not_in_years", row.unplaced or None))
        cells.append(_amount("total", row.total))
        plans = row.plans(portfolio.plans)
        if css == "sum":
            named = ngettext("{n} plan", "{n} plans", len(plans)).format(n=len(plans))
        else:
            named = _(some([ref.label for ref, _part in plans], PLANS_SHOWN))
        return (
            f'<tr data-key="{escape(row.key)}"{f" class={css!r}" if css else ""}><th>{escape(shown(row.key))}</th>'
            f'{"".join(cells)}<td class="plans">{escape(named)}</td></tr>'
        )

    rows = [row_html(row) for row in table.rows] + [row_html(table.total, "sum")]
    caption = _(table.dimension.title).format(unit=unit(table.currency))
    return _table(table.dimension.name, caption, header, rows, currency=table.currency)


def _frames_table(portfolio: Portfolio) -> str:
    header = [(_("Appropriation"), ""), (_("Year"), ""), (_("Frame"), "amount")]
    header += [(_(s), "amount") for s in STATUS_HEADINGS] + [(_("Remaining"), "amount"), (_("Plans"), "")]
    rows = []
    for use in portfolio.frames:
        frame = use.frame
        cells = [_amount("frame", frame.amount, format_kr(frame.amount, frame.currency))]
        cells += [_amount(s.replace(" ", "_"), use.by_status[s]) for s in STATUSES]
        cells.append(_amount("remaining", use.remaining, format_kr(use.remaining, frame.currency)))
        named = [f"{portfolio.plans[i].label} {format_kr(a, frame.currency)}" for i, a in use.plans_with(*STATUSES)]
        rows.append(
            f'<tr data-key="{escape(frame.appropriation)}|{frame.year}"><th>{escape(frame.appropriation)}</th>'
            f'<td>{frame.year}</td>{"".join(cells)}<td class="plans">{escape(_(some(named, PLANS_SHOWN)))}</td></tr>'
        )
    return _table("frames", _("Use of the frames"), header, rows)


def _plans_table(portfolio: Portfolio, names: dict[int, str]) -> str:
    header = [(_("Plan"), ""), (_("Case"), ""), (_("Project"), ""), (_("Owner"), ""), (_("Total"), "amount")]
    header.append((_("Check"), ""))
    rows = [
        f'<tr data-key="{escape(ref.name)}"><th><a href="{escape(names[ref.index])}">{escape(ref.name)}</a></th>'
        f"<td>{escape(ref.case or '')}</td><td>{escape(ref.plan.project.name)}</td><td>{escape(ref.plan.project.owner)}</td>"
        f"{_amount('total', ref.plan.total, format_kr(ref.plan.total, ref.currency))}"
        f'<td class="{ref.result.status}">{escape(_(CHECK_STATUS[ref.result.status]))} '
        f"({escape(counts(ref.result.findings))})</td></tr>"
        for ref in portfolio.plans
    ]
    return _table("plans", _("Plans"), header, rows)


def _placements(portfolio: Portfolio) -> str:
    header = [(_("Plan"), ""), (_("Id"), ""), (_("In years"), ""), (_("Period"), ""), (_("Amount"), "amount")]
    rows = [
        f'<tr data-key="{escape(m.plan.name)}|{escape(m.line.id)}"><th>{escape(m.plan.label)}</th><td>{escape(m.line.id)}</td>'
        f"<td>{escape(_(PLACED[m.placement.how]))}</td><td>{m.placement.start} – {m.placement.end}</td>"
        f"{_amount('amount', m.line.amount, format_kr(m.line.amount, m.plan.currency))}</tr>"
        if m.placement.how == "spread" else
        f'<tr data-key="{escape(m.plan.name)}|{escape(m.line.id)}"><th>{escape(m.plan.label)}</th><td>{escape(m.line.id)}</td>'
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


def _financing_table(ref: PlanRef, lines: list[LineMoney]) -> str:
    plan = ref.plan
    header = [(_("Id"), ""), (_("Financier"), ""), (_("Kind"), ""), (_("Status"), ""), (_("Appropriation"), ""),
              (_("Amount"), "amount"), (_("Share"), "amount")]
    rows = [
        f'<tr data-key="{escape(m.line.id)}"><th>{escape(m.line.id)}</th><td>{escape(m.line.financier)}</td>'
        f"<td>{escape(_(m.kind))}</td><td>{escape(_(m.status))}</td><td>{escape(m.line.appropriation or '')}</td>"
        f"{_amount('amount', m.line.amount, format_kr(m.line.amount, plan.currency))}"
        f'<td class="amount">{escape(format_share(m.line.amount, plan.total))}</td></tr>'
        for m in lines
    ]
    return _table("financing", _("Financing"), header, rows)


def _lines_years_table(ref: PlanRef, lines: list[LineMoney], years: list[int]) -> str:
    header = [(_("Id"), ""), *((str(y), "amount") for y in years), (_("Amount"), "amount"), (_("In years"), "")]
    rows = [
        f'<tr data-key="{escape(m.line.id)}"><th>{escape(m.line.id)}</th>'
        + "".join(_amount(str(year), m.placement.years.get(year)) for year in years)
        + f"{_amount('amount', m.line.amount)}<td>{escape(_(PLACED[m.placement.how]))}</td></tr>"
        for m in lines
    ]
    return _table("lines", _("Financing per year ({unit})").format(unit=unit(ref.plan.currency)), header, rows)


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
