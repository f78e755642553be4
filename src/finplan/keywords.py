"""The plan format's keywords as a person reads them: `in_kind` is "in kind", "i annat än pengar".

The plan keeps the keyword in every language; a report's tables and a
finding's sentence show its name, marked here for the catalog, so the two
word a sector, form or status alike.
"""

from __future__ import annotations

from finplan.i18n import N_, Message

LABELS = {
    "public": N_("public"),
    "private": N_("private"),
    "cash": N_("cash"),
    "in_kind": N_("in kind"),
    "decided": N_("decided"),
    "applied": N_("applied"),
    "proposed": N_("proposed"),
    "not stated": N_("not stated"),
    "staff": N_("staff"),
    "external_services": N_("external services"),
    "travel": N_("travel"),
    "premises_equipment": N_("premises and equipment"),
    "investments": N_("investments"),
    "flat_rate": N_("flat-rate costs"),
    "income": N_("income"),
}


def keyword(value: str) -> Message:
    """A keyword of the format (`in_kind`) as a message shows it: `in kind`, `i annat än pengar`."""
    return Message(LABELS[value])
