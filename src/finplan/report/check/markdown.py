"""`--format markdown`: a summary of a check run for a pull request, a step summary or a merge-request note.

Per plan, worst first: its status, its findings, its subtotals and caps. The
whole stays under GitHub's limit of 1 MiB for a step summary and GitLab's for
a note: plans that do not fit are counted, not shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from finplan.findings import CheckResult, Severity
from finplan.money import format_kr, format_percent, format_share
from finplan.report.markdown_parts import cell, table, write_bounded
from finplan.report.run import ReportRun, counts, location
from finplan.report.wording import label, margin, shown
from finplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from finplan.limits import Measure
    from finplan.model import Plan


def _worst(result: CheckResult) -> tuple:
    return (result.readable, -result.count(Severity.ERROR), -result.count(Severity.WARNING), result.file)


_STATUS = {"passed": N_("passes"), "failed": N_("fails"), "unreadable": N_("could not be checked")}


def render(run: ReportRun, out: TextIO) -> None:
    results = sorted(run.results, key=_worst)
    statuses = [result.status for result in run.results]
    files = len(run.results)
    checked = ngettext("{n} file checked", "{n} files checked", files).format(n=files) + ": " + _(
        "{passed} pass, {failed} fail, {unreadable} could not be checked"
    ).format(passed=statuses.count("passed"), failed=statuses.count("failed"), unreadable=statuses.count("unreadable"))
    head = (
        "## finplan check\n\n"
        f"**{checked}** ({counts([f for _file, f in run.findings()])})"
        + ("; " + _("{n} accepted by the baseline").format(n=run.baselined) if run.baselined else "")
        + "\n\n"
    )
    if len(results) > 1:
        rows = (
            (run.names[r.file], _(_STATUS[r.status]), r.count(Severity.ERROR), r.count(Severity.WARNING),
             r.count(Severity.INFO))
            for r in results
        )
        headers = (N_("File"), N_("Status"), N_("Errors"), N_("Warnings"), N_("Notes"))
        head += table(headers, rows, right=(2, 3, 4)) + "\n"
    write_bounded(out, head, results, lambda result: _section(run, result), lambda n: ngettext(
        "… {n} more file not shown in detail: over the size of a summary.",
        "… {n} more files not shown in detail: over the size of a summary.", n,
    ))


def _section(run: ReportRun, result: CheckResult) -> str:
    from finplan.model import Plan

    name = run.names[result.file]
    parts = [f"### {cell(name)}: {_(_STATUS[result.status])} ({counts(result.findings)})\n"]
    if result.findings:
        parts.append(
            table(
                (N_("Where"), N_("Code"), N_("Severity"), N_("Message")),
                ((location(name, f), f.code, str(f.severity), _(f.message)) for f in result.findings),
            )
        )
    plan = result.plan
    if isinstance(plan, Plan):
        parts.append(_subtotals(plan))
        caps = _caps(result)
        if caps:
            parts.append(caps)
    return "\n".join(parts) + "\n"


def _subtotals(plan) -> str:
    from finplan.totals import GROUPS, NOT_STATED, subtotals

    from finplan.known import all_stated
    from finplan.report import unstated

    sums = subtotals(plan)
    stated = all_stated(plan)
    rows = [
        (
            label(value),
            format_kr(sums[group][value], plan.currency) if stated else unstated.subtotal_text(plan, group, value),
            format_share(sums[group][value], plan.total) if stated else unstated.subtotal_share_text(plan, group, value),
        )
        for group, values in GROUPS.items()
        for value in values
        if value != NOT_STATED or sums[group][value] or not stated
    ]
    document = unstated.document_text(plan)
    head = "" if stated else _("Total: {total}").format(total=unstated.total_text(plan)) + "\n\n"
    head += f"{cell(document)}\n\n" if document else ""
    return head + table((N_("Subtotal"), N_("Amount"), N_("Share")), rows, right=(1, 2))


CAP_COLUMNS = (N_("Set by"), N_("Lines"), N_("Amount"), N_("Share"), N_("Limit"), N_("Margin"))
"""The caps table's columns, as `cap_cells` gives them; the last four right-aligned."""


def _caps(result: CheckResult) -> str:
    from finplan.limits import measure_limits

    rows = [cap_cells(m, result.plan) for m in measure_limits(result.plan, result.settings)]
    return table(CAP_COLUMNS, rows, right=(2, 3, 4, 5)) if rows else ""


def cap_cells(m: Measure, plan: Plan) -> tuple[str, ...]:
    """One cap or floor (a finplan.limits.Measure) against its base, with its margin: a row of the caps table."""
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    return (
        shown(m.title), ", ".join(line.id for _index, line in m.lines), kr(m.amount),
        format_share(m.amount, m.base) if m.share is not None else "",
        (_("at most {amount}") if m.is_cap else _("at least {amount}")).format(amount=kr(m.limit))
        + (" (" + _("{share} of {base} {amount}").format(share=format_percent(m.share), base=_(m.base_text()),
                                                        amount=kr(m.base)) + ")" if m.share is not None else ""),
        margin(m.excess, plan.currency, is_cap=m.is_cap),
    )
