"""What every report shows of a plan read from a document other than an application.

Its kind of document and the rules that do not apply to it, an amount or a
total the document does not print (with what the printed shares fix of the
total), a sum that holds unstated lines (at least what is stated), a
decision's conditions and the sums over several projects the plan cites.
Each writer shows these the same way, from here.
"""

from __future__ import annotations

from collections.abc import Iterable

from finplan.i18n import N_, _
from finplan.known import total_range
from finplan.model import CostLine, FinancingLine, Plan
from finplan.money import format_kr, format_percent, format_share, unstated_amount
from finplan.report.wording import label
from finplan.totals import NOT_STATED, total_of

DOCUMENTS = {
    "application": N_("an application"),
    "decision": N_("a decision"),
    "decision_excerpt": N_("a decision excerpt"),
    "news": N_("a news item"),
    "minutes": N_("meeting minutes"),  # no article: "read from meeting minutes"
}
"""The kinds of document a plan is read from (`project.document`), as a report names them."""


def document_text(plan: Plan) -> str | None:
    """`read from a decision excerpt: ...`, naming the rules that do not apply; None for an application."""
    if plan.project.is_application:
        return None
    from finplan.codes import CODES

    silent = [code.code for code in CODES if code.other_documents == "silent"]
    notes = [code.code for code in CODES if code.other_documents == "note"]
    return _(
        "read from {document}: rules only an application can satisfy are not run ({silent}) or are notes ({notes})"
    ).format(document=_(DOCUMENTS[plan.project.document]), silent=", ".join(silent), notes=", ".join(notes))


def total_text(plan: Plan) -> str:
    """The total as stated; where it is not, what the printed shares give, or that it is not stated."""
    if plan.total is not None:
        return format_kr(plan.total, plan.currency)
    reach = total_range(plan)
    if reach is None:
        return _(unstated_amount())
    if reach.low == reach.high:
        return _("amount not stated; {amount} by the printed shares").format(amount=format_kr(reach.low, plan.currency))
    return _("amount not stated; {low} to {high} by the printed shares").format(
        low=format_kr(reach.low, plan.currency), high=format_kr(reach.high, plan.currency)
    )


def sum_text(lines: Iterable[FinancingLine | CostLine], currency: str) -> str:
    """The lines' sum; `at least` it where some leave their amount unstated."""
    lines = list(lines)
    if lines and all(line.amount is None for line in lines):
        return _(unstated_amount())  # nothing is stated to sum: never "at least 0 kr"
    found = format_kr(total_of(lines), currency)
    if all(line.amount is not None for line in lines):
        return found
    return _("at least {amount}").format(amount=found)


def sum_share_text(lines: Iterable[FinancingLine], plan: Plan) -> str:
    """The lines' sum as a share of the total; `at least` it where some leave their amount unstated, as the sum is."""
    lines = list(lines)
    found = total_of(lines)
    if lines and all(line.amount is None for line in lines):
        return format_share(None, None)
    share = format_share(found, plan.total)
    if plan.total is None or all(line.amount is not None for line in lines):
        return share
    return _("at least {share}").format(share=share)


def subtotal_share_text(plan: Plan, group: str, value: str) -> str:
    """A subtotal's share of the total; `at least` it where a line of it is unstated."""
    return sum_share_text((line for line in plan.financing if (getattr(line, group) or NOT_STATED) == value), plan)


def cost_sum_text(plan: Plan) -> str:
    """The cost lines' sum; `at least` it where a cost is unstated, and only what is stated where an income
    line, which lowers the sum, is."""
    costs = plan.costs or []
    if costs and all(line.amount is None for line in costs):
        return _(unstated_amount())
    if any(line.amount is None and line.category == "income" for line in costs):
        return _("{amount} for the lines that state one").format(amount=format_kr(total_of(costs), plan.currency))
    return sum_text(costs, plan.currency)


def share_text(line: FinancingLine, plan: Plan) -> str | None:
    """A line's share of a total the plan does not state: the printed one, or none."""
    return _("{share} printed").format(share=format_percent(line.share, as_written=True)) if line.share is not None else None


def subtotal_text(plan: Plan, group: str, value: str) -> str:
    """A subtotal of the financing by sector, form or status; `at least` it where a line of it is unstated."""
    return sum_text((line for line in plan.financing if (getattr(line, group) or NOT_STATED) == value), plan.currency)


def status_text(line: FinancingLine) -> str:
    """The line's status as a report words it: `decided on conditions` where the decision sets any."""
    if line.conditions is not None:
        return _("decided on conditions")
    return label(line.status or NOT_STATED)


def conditions(plan: Plan) -> list[tuple[str, str]]:
    """Each line decided on conditions, by id, with the conditions' text as the plan writes it."""
    return [(line.id, line.conditions) for line in plan.financing if line.conditions is not None]
