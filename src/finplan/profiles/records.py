"""A profile as the rules read it: its settings, their versions and its limits, each with its source.

These are what the data files (profiles/data/*.toml) become once read and checked (profiles.load):
plain frozen records, cheap to build and to read on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["percent", "amount", "eur", "number", "hours", "bool", "choice"]
"""`amount` is in the plan's currency; `eur` in euro whatever the plan's (converted at the
profile's `sek_per_eur` or `nok_per_eur` where a rule needs it); `choice` one of `choices`."""

NUMBER_KINDS = ("percent", "amount", "eur", "number", "hours")
"""The kinds whose value is a number (a Decimal)."""


def as_value(kind: Kind, value: Any) -> Any:
    """A value as the rules read it: a number as a Decimal (from the data files' integers and strings, or the
    compact form's text); None stays None."""
    return Decimal(value) if value is not None and kind in NUMBER_KINDS else value


@dataclass(frozen=True, slots=True)
class Version:
    """One wording of a number: its value and source, in force from `start` to `end` (both
    inclusive; None leaves that side open). The source names the text's version and its dates."""

    value: Any
    source: str
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Setting:
    """A number a rule uses: its default, what it means, and where it comes from.

    `by` and `table`: a default that depends on another setting (the ERDF rate
    on the region): `table` holds (choice, value, source, start, end) for each of its values, a
    choice whose value changed by date once for each version (`start`, `end` as a Version's).
    `when`: a yes/no setting without which this one is not in force (a flat rate offered only to
    some projects, or only where the managing authority offers it).
    `versions`: a number the law changed, each version with its dates; the plan's
    date chooses one, and a date no version holds leaves the number out of force.
    Its default and source are then the latest version's.
    """

    name: str
    kind: Kind
    default: Any
    meaning: str
    source: str
    choices: tuple[str, ...] = ()
    by: str | None = None
    table: tuple[tuple[str, Any, str, date | None, date | None], ...] = ()
    versions: tuple[Version, ...] = ()
    when: str | None = None

    def version_on(self, day: date) -> Version | None:
        return next((version for version in self.versions if version.holds_on(day)), None)

    def row_on(self, choice: str, day: date) -> tuple[Any, str] | None:
        """The table's value and source for `choice` in force on `day`; None where no row holds it."""
        for row_choice, value, source, start, end in self.table:
            if row_choice == choice and Version(value, source, start, end).holds_on(day):
                return value, source
        return None


@dataclass(frozen=True, slots=True)
class ProfileLimit:
    """A cap or floor a profile sets, its number a setting of the profile.

    `setting` holds a share (kind percent) or an amount. It limits the lines of
    `scheme` (the profile's own when None), or every public line where `scheme`
    is `public`. A share is of the base the setting `base_setting` names, else
    of `base`. `when` names a yes/no setting that switches the limit on.
    `co_financed` names a setting that takes `setting`'s place where an EU
    structural fund (`EU_STRUCTURAL_FUNDS`) co-finances the project and that
    setting is in force on the plan's date.
    """

    setting: str
    is_cap: bool
    scheme: str | None = None
    base: str = "total"
    base_setting: str | None = None
    when: str | None = None
    co_financed: str | None = None
    raised_when: str | None = None
    raised_by: str | None = None


EU_STRUCTURAL_FUNDS = ("erdf", "esf_plus")
"""The schemes of the ERDF and the ESF+: Förordning (2003:596) 5 § raises the 1:1 cap where they co-finance."""


@dataclass(frozen=True, slots=True)
class Profile:
    """A rule set: the scheme whose financing lines it governs, and its settings.

    `per_decision_maker`: its share cap holds for each decision-maker's lines
    (`decided_by`) apart. `requires`: keys a plan under it must state, with why.
    `limits`: its caps and floors. `other_schemes`: further schemes it governs
    (Norwegian Interreg money beside the ERDF). `period`: the programme period
    a plan's period must lie in, with `period_source`. `eu_rules`: the common
    provisions regulation its money falls under (`2014_2020`, `2021_2027`).
    `currency`: the currency its plans are in, where the programme fixes one
    (Swedish Leader in kronor, Finnish and Åland Leader in euro); None for any.
    `sides`: its schemes pay the sides of a cross-border programme, each capped on
    its own side's costs where a plan says which side its lines are on (finplan.sides).
    """

    name: str
    title: str
    scheme: str | None
    settings: tuple[Setting, ...]
    per_decision_maker: bool = False
    requires: tuple[tuple[str, str], ...] = ()
    limits: tuple[ProfileLimit, ...] = ()
    other_schemes: tuple[str, ...] = ()
    period: tuple[date, date] | None = None
    period_source: str = ""
    eu_rules: str | None = None
    currency: str | None = None
    sides: bool = False

    @property
    def schemes(self) -> tuple[str, ...]:
        return tuple(s for s in (self.scheme, *self.other_schemes) if s is not None)

    def has(self, name: str) -> bool:
        return any(s.name == name for s in self.settings)
