"""What a finding's code is: its name, default severity, family and documentation.

Every code finplan reports, an input code (the plan could not be read), a
rule's or a job's, has this one shape, so that the configuration, the
documentation and every output format read them alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from finplan.findings import Severity
from finplan.i18n import N_, _
from finplan.profiles import PROFILES

# The first digit of a code names its family; docs/rules.md lists them. Shown through _().
FAMILIES: dict[str, str] = {
    "0": N_("input: the plan could not be read, has the wrong shape, or an ignore comment is wrong"),
    "1": N_("sums: parts add up to their totals"),
    "2": N_("periods: dates in order, money inside its period"),
    "3": N_("lines: signs, ids, what a plan states and leaves unstated"),
    "4": N_("kinds and in kind: sectors, appropriations, worked hours"),
    "5": N_("funding rules: caps and floors, flat rates, advances"),
    "6": N_("programme rules: EU regulations and the programmes' own"),
    "7": N_("memos: a decision memo's figures against its plan"),
    "8": N_("portfolios: many plans against their frames"),
    "9": N_("summaries: notes that sum a plan up"),
}

CODE_PATTERN = re.compile(r"FP[0-9]{3}\Z")
PREFIX_PATTERN = re.compile(r"FP[0-9]{0,3}\Z")


@dataclass(frozen=True, slots=True)
class Code:
    """One code: `FP501 share-cap`, what it checks (`doc`), and where the rule comes from.

    `profiles`: the rule profiles whose plans it runs for (none: every plan).
    `on_by_default`: off codes run only when selected by name or prefix.
    `fixed`: the code stops a check (the plan could not be read), so it can be
    neither ignored nor given another severity. `settings`: the profiles'
    settings its numbers come from, by name (`finplan rule` lists the versions
    of those the law changed). `amounts`: what the rule needs of a plan that
    leaves amounts unstated (`project.document` other than an application):
    `total` a total, stated or given by a printed share, against which it checks
    the stated amounts as bounds; `cost_total` the same, where the plan has
    costs; `bounds` nothing more, as it checks the stated
    amounts as bounds on what it has; `all` every amount (else it does not run, and
    FP303 says so); `flat_rates` every cost line's amount where a cost line is a flat rate; `limits` every amount where the plan has caps or floors (a
    profile or a line's `limits`); empty where it reads no amount or passes unstated ones by.
    `other_documents`: what becomes of the rule on a plan read from a document
    other than an application, where only an application can satisfy it: `note`
    (its findings are notes) or `silent` (it does not run); empty where it holds
    for every document.
    """

    code: str
    name: str
    severity: Severity
    doc: str
    source: str = ""
    profiles: tuple[str, ...] = ()
    on_by_default: bool = True
    fixed: bool = False
    settings: tuple[str, ...] = ()
    amounts: str = ""
    other_documents: str = ""

    @property
    def paragraphs(self) -> list[str]:
        """The documentation's paragraphs in English, each one message of the catalog."""
        return [part.strip("\n") for part in self.doc.split("\n\n") if part.strip()]

    @property
    def documentation(self) -> str:
        """The whole documentation in the current language, paragraph by paragraph."""
        return "\n\n".join(_(part) for part in self.paragraphs)

    @property
    def summary(self) -> str:
        """The documentation's first line, in the current language: what the code checks, in one sentence."""
        return self.documentation.split("\n", 1)[0]

    @property
    def family(self) -> str:
        return _(FAMILIES[self.code[2]])

    @property
    def applies_to(self) -> str:
        """`every plan`, or the profiles it runs for; `(off by default)` where it must be selected."""
        if not self.profiles:
            plans = _("every plan")
        elif set(self.profiles) == set(PROFILES):
            plans = _("every plan naming a profile")
        else:
            plans = ", ".join(self.profiles)
        return plans if self.on_by_default else _("{plans} (off by default)").format(plans=plans)

    @property
    def shown_source(self) -> str:
        """Where the rule comes from, in the current language."""
        return _(self.source) if self.source else _("finplan’s own arithmetic")

    def text(self) -> str:
        """The whole documentation, as `finplan rule CODE` prints it, in the current language."""
        return (
            f"{self.code} {self.name} ({self.severity})\n"
            + _("Applies to: {plans}").format(plans=self.applies_to) + "\n"
            + _("Source: {source}").format(source=self.shown_source) + "\n"
            + "".join(line + "\n" for line in self.caveats)
            + f"\n{self.documentation}\n"
        )

    @property
    def caveats(self) -> list[str]:
        """What becomes of the rule on a document other than an application, or with amounts unstated."""
        shown = []
        if self.other_documents:
            shown.append(_(_OTHER_DOCUMENTS[self.other_documents]))
        if self.amounts:
            shown.append(_(_AMOUNTS[self.amounts]))
        return shown


_OTHER_DOCUMENTS = {
    "note": N_("Only an application can satisfy it: on a plan read from another document (`project.document`), a note."),
    "silent": N_("Only an application can satisfy it: on a plan read from another document (`project.document`), not run."),
}
_AMOUNTS = {
    "total": N_("With amounts not stated: checks the stated ones as bounds, where the total is stated or a printed share gives it."),
    "cost_total": N_(
        "With amounts not stated: checks the costs against the total, where it is stated or a printed share gives "
        "it, and the stated costs as bounds where a cost line leaves its amount out."
    ),
    "flat_rates": N_(
        "With amounts not stated: needs every cost line's amount where a cost is a flat rate, so it does not run "
        "where one is left out; FP303 says so."
    ),
    "bounds": N_("With amounts not stated: checks the stated ones as bounds."),
    "all": N_("With amounts not stated: needs every amount, so it does not run; FP303 says so."),
    "limits": N_(
        "With amounts not stated: measures the caps and floors whose lines and base are stated (the total, or the "
        "one a printed share gives); FP303 names the others."
    ),
}
