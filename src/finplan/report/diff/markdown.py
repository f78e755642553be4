"""`finplan diff --format markdown`: the change in a pull request's plans, for a step summary or a note.

Worst first (new errors, new findings, money moved); plans that do not fit
under GitHub's step-summary and GitLab's note limits are counted, not shown.
"""

from __future__ import annotations

from typing import TextIO

from finplan.report import wording as describe
from finplan.diff.compare import DiffRun, PlanDiff, worst_first
from finplan.findings import Severity
from finplan.report.run import location
from finplan.report.markdown_parts import cell, table, write_bounded
from finplan.i18n import N_, _, ngettext


def render(run: DiffRun, out: TextIO) -> None:
    plans = worst_first(run.plans)
    old, new = describe.shown(run.old_label), describe.shown(run.new_label)
    head = f"## finplan diff: {cell(old)} → {cell(new)}\n\n{_summary(run)}\n\n"
    if len(plans) > 1:
        rows = (
            (plan.name, _state(plan), plan.worse(Severity.ERROR), plan.worse(), plan.count("fixed"),
             describe.amount(plan.moved, plan.currency))
            for plan in plans
        )
        headers = (N_("Plan"), N_("Change"), N_("New errors"), N_("New findings"), N_("Fixed"), N_("Money moved"))
        head += table(headers, rows, right=(2, 3, 4, 5))
        head += "\n"
    write_bounded(out, head, plans, section, lambda n: ngettext(
        "… {n} more changed plan not shown in detail: over the size of a summary.",
        "… {n} more changed plans not shown in detail: over the size of a summary.", n,
    ))


def _summary(run: DiffRun) -> str:
    plans, findings = describe.summary(run.plans, run.unchanged)
    return f"**{plans}.** {findings}"


def _state(plan: PlanDiff) -> str:
    if plan.renamed:
        if plan.state == "changed":
            return _("renamed from {name}, changed").format(name=plan.old_name)
        return _("renamed from {name}").format(name=plan.old_name)
    return describe.state_word(plan.state)


def section(plan: PlanDiff) -> str:
    """Everything that changed in one plan."""
    c = plan.currency
    status = f"{describe.status_word(plan.old_status)} → {describe.status_word(plan.new_status)}"
    parts = [f"### {cell(plan.name)}: {cell(_state(plan))} ({status})\n"]
    if plan.facts:
        parts.append(table(
            (N_("Project"), N_("Before"), N_("After")),
            (
                (describe.fact_word(f.what), describe.fact_text(f, f.old, c), describe.fact_text(f, f.new, c))
                for f in plan.facts
            ),
        ))
    if plan.lines:
        parts.append(table(
            (
                N_("Line"), N_("State"), N_("Before"), N_("After"), N_("Change"), N_("Share before"), N_("Share after"),
                N_("Change in share"),
            ),
            (
                (describe.line_word(line), describe.state_word(line.state), describe.line_amount(line.old, line.state, "old", c),
                 describe.line_amount(line.new, line.state, "new", c),
                 describe.signed_kr(line.change, c), describe.share(line.old_share), describe.share(line.new_share),
                 describe.points(line.points))
                for line in plan.lines
            ),
            right=(2, 3, 4, 5, 6, 7),
        ))
    years = [(line, year) for line in plan.lines for year in line.years]
    if years:
        parts.append(table(
            (N_("Line"), N_("Year"), N_("Before"), N_("After"), N_("Change")),
            (
                (describe.line_word(line), year.year, describe.amount(year.old, c), describe.amount(year.new, c),
                 describe.signed_kr((year.new or 0) - (year.old or 0), c))
                for line, year in years
            ),
            right=(1, 2, 3, 4),
        ))
    fields = [(line, change) for line in plan.lines for change in line.fields]
    if fields:
        parts.append(table(
            (N_("Line"), N_("Field"), N_("Before"), N_("After")),
            (
                (describe.line_word(line), f.name, describe.field_value(f.old), describe.field_value(f.new))
                for line, f in fields
            ),
        ))
    if any(s.changed for s in plan.subtotals):
        parts.append(table(
            (N_("Subtotal"), N_("Before"), N_("After"), N_("Change")),
            (
                (describe.label(s.value), describe.subtotal_amount(s.old, s.old_unstated, s.old_lines, c), describe.subtotal_amount(s.new, s.new_unstated, s.new_lines, c), describe.signed_kr(s.change, c))
                for s in plan.subtotals
            ),
            right=(1, 2, 3),
        ))
    if plan.limits and plan.money_changed:
        parts.append(table(
            (N_("Limit"), N_("Amount before"), N_("Amount after"), N_("Margin before"), N_("Margin after")),
            (
                (
                    describe.shown(limit.name), describe.amount(limit.old and limit.old.amount, c),
                    describe.amount(limit.new and limit.new.amount, c),
                    describe.margin(limit.old.excess, c, is_cap=limit.old.is_cap) if limit.old else "–",
                    describe.margin(limit.new.excess, c, is_cap=limit.new.is_cap) if limit.new else "–",
                )
                for limit in plan.limits
            ),
            right=(1, 2, 3, 4),
        ))
    if plan.findings:
        parts.append(table(
            (N_("Finding"), N_("Where"), N_("Code"), N_("Severity"), N_("Message")),
            (
                (describe.finding_state(f), location(plan.name if f.new else (plan.old_name or plan.name), f.finding),
                 f.finding.code, str(f.finding.severity), _(f.finding.message))
                for f in plan.findings
            ),
        ))
    return "\n".join(parts) + "\n"

