"""Kinds of financing: each financier in one sector, and public cash with its appropriation."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.findings import Severity, shorten
from finplan.i18n import N_, Message
from finplan.model import FinancingLine, Plan
from finplan.profiles import Settings
from finplan.keywords import keyword
from finplan.rules.base import Violation, financing_lines, rule

_HANDBOOKS = (
    "Tillväxtverket, handbook for national project funds, \"Medfinansiering av projektet\"; "
    "Tillväxtverket, EU funds 2021–2027, \"Planera er finansieringsbudget\""
)

# Every kind of line but public cash, which alone names an appropriation.
_NOT_PUBLIC_CASH = {
    ("private", "cash"): N_("`{id}` is private cash but names an appropriation; expected one only on public cash"),
    ("public", "in_kind"): N_("`{id}` is public in kind but names an appropriation; expected one only on public cash"),
    ("private", "in_kind"): N_("`{id}` is private in kind but names an appropriation; expected one only on public cash"),
}


@rule("FP401", "one-sector-per-financier", Severity.ERROR, source=_HANDBOOKS)
def one_sector_per_financier(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A financier is public or private on every one of its lines.

    Why: every co-financing line is exactly one of four kinds, public or
    private cash or in kind (offentlig/privat, kontant/bidrag i annat än
    pengar). The format gives each line one sector and one form, so a financier
    giving both cash and in kind has two lines; this rule checks that those
    lines agree on whether the financier is public or private.

    Fails: `Jämtkraft` as `sector: private` on its cash line and `sector:
    public` on its in-kind line.
    Passes: both lines `sector: private`.
    """
    first: dict[str, FinancingLine] = {}
    for path, line in financing_lines(plan):
        name = line.financier.strip().casefold()
        if name not in first:
            first[name] = line
        elif first[name].sector != line.sector:
            earlier = first[name]
            yield Violation(
                (*path, "sector"),
                Message(
                    "`{id}` has {financier} as {sector}, but `{earlier}` has it as {earlier_sector}; "
                    "expected one sector for one financier",
                    id=line.id, financier=shorten(line.financier), sector=keyword(line.sector),
                    earlier=earlier.id, earlier_sector=keyword(earlier.sector),
                ),
            )


@rule("FP402", "appropriation-named", Severity.INFO, profiles=("anslag_1_1",), source=_HANDBOOKS)
def appropriation_named(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Public cash names the appropriation it comes from; no other line names one.

    Why: Tillväxtverket's handbook for national project funds asks an
    application, for each line of public cash, which appropriation (anslag)
    pays it: Reg.tillväxt, Övr.nat.anslag, Övriga medel, or "vet ej" when
    unknown. Private money and in-kind contributions come from no
    appropriation. Decisions rarely print appropriations, so this is a note
    under the 1:1 profile only; a team that checks applications raises it
    (`[severity] FP402 = "warning"`).

    Fails: a `sector: public`, `form: cash` line without `appropriation`.
    Passes: the same line with `appropriation: Reg.tillväxt`.
    """
    for index, line in enumerate(plan.financing):
        public_cash = line.sector == "public" and line.form == "cash"
        if public_cash and line.appropriation is None:
            yield Violation(
                ("financing", index),
                Message(
                    "`{id}` is public cash with no appropriation; expected `appropriation:` "
                    "(Reg.tillväxt, Övr.nat.anslag, Övriga medel, or vet ej)",
                    id=line.id,
                ),
            )
        elif not public_cash and line.appropriation is not None:
            yield Violation(
                ("financing", index, "appropriation"),
                Message(_NOT_PUBLIC_CASH[line.sector, line.form], id=line.id),
            )

