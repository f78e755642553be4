"""Rule profiles: the rule sets a plan says govern it, with their numbers and sources.

A plan names its profiles (`profiles: [anslag_1_1]`); each switches on its
rules with the numbers below. A plan overrides a number under `settings`
(`anslag_1_1.in_kind_in_base: false`), and the report says which numbers were
used and which were overridden. The `general` numbers apply to every plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["percent", "amount", "hours", "bool"]


@dataclass(frozen=True, slots=True)
class Setting:
    """A number a rule uses: its default, what it means, and where it comes from."""

    name: str
    kind: Kind
    default: Any
    meaning: str
    source: str


@dataclass(frozen=True, slots=True)
class Profile:
    """A rule set: the scheme whose financing lines it governs, and its settings.

    `per_decision_maker`: its share cap holds for each decision-maker's lines
    (`decided_by`) apart. `requires`: keys a plan under it must state, with why.
    """

    name: str
    title: str
    scheme: str | None
    settings: tuple[Setting, ...]
    per_decision_maker: bool = False
    requires: tuple[tuple[str, str], ...] = ()


_FORORDNING = "Förordning (2003:596)"
_FORORDNING_TITLE = "Förordning (2003:596) om bidrag för projektverksamhet inom den regionala tillväxtpolitiken"
_CPR_2021 = "Förordning (EU) 2021/1060"
_CPR_2014 = "Förordning (EU) nr 1303/2013"

_ROUNDING = Setting(
    "rounding_tolerance", "amount", Decimal("0.50"),
    "how far over a cap an amount may be and still count as rounding (a warning, not an error); "
    "half a krona (or cent) is what halving an odd total to whole units gives",
    "finplan's own; amounts are whole in decision memos",
)
_IN_KIND_IN_BASE = Setting(
    "in_kind_in_base", "bool", True,
    "whether in-kind financing counts in the base of the share cap",
    "not settled by the regulation's text; set it as the financier's guidance says",
)
_HOURS = Setting(
    "hours_per_year", "hours", Decimal(1720),
    "the hours of one full-time person-year, for hourly rates and hours per person",
    f"{_CPR_2021} art. 55.2; {_CPR_2014} art. 68a.2; Tillväxtverket 2021–2027",
)
_STAFF_FLAT = Setting(
    "staff_of_other_direct_max", "percent", Decimal(20),
    "staff costs as a flat rate of the other direct costs, at most",
    f"{_CPR_2021} art. 55.1; {_CPR_2014} art. 68a.1",
)
_REMAINING = Setting(
    "remaining_of_staff_max", "percent", Decimal(40),
    "a flat rate of the direct staff costs covering all other costs, at most",
    f"{_CPR_2021} art. 56.1; {_CPR_2014} art. 68b.1",
)
_INDIRECT_STAFF = Setting(
    "indirect_of_staff_max", "percent", Decimal(15),
    "indirect costs as a flat rate of the direct staff costs, at most "
    "(Tillväxtverket 2014–2020 allowed universities 20 %: override it)",
    f"{_CPR_2021} art. 54 b; {_CPR_2014} art. 68.1 b; Tillväxtverket 2014–2020",
)

GENERAL = Profile(
    "general", "Every plan", None,
    (
        Setting(
            "rounding_tolerance", "amount", Decimal("0.50"),
            "how far a computed amount (hours x rate of a basis, a flat rate of its base) may be "
            "from the amount written and still count as rounding",
            "finplan's own; amounts are whole in decision memos",
        ),
        _HOURS,
        Setting(
            "hourly_rate_tolerance", "amount", Decimal("0.50"),
            "how far an hourly rate may be from monthly salary x 12 / hours per year (plus payroll "
            "overhead) and still count as rounding",
            "finplan's own; rates are commonly rounded to whole units",
        ),
    ),
)

PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "anslag_1_1",
            "Anslag 1:1 Regionala tillväxtåtgärder (to budget year 2021), 1:1 Regionala utvecklingsåtgärder "
            f"(from 2022; prop. 2021/22:1, utgiftsområde 19); {_FORORDNING_TITLE}",
            "anslag_1_1",
            (
                Setting(
                    "max_share", "percent", Decimal(50),
                    "each decision-maker's 1:1 grant as a share of the project's total, at most",
                    f"{_FORORDNING} 5 § (SFS 2009:674)",
                ),
                Setting(
                    "joint_max_share", "percent", Decimal(100),
                    "the 1:1 grants of all decision-makers together, at most, where Tillväxtverket is one of them "
                    "(without Tillväxtverket, max_share holds for all together)",
                    f"{_FORORDNING} 5 § (SFS 2009:674)",
                ),
                _IN_KIND_IN_BASE,
                _ROUNDING,
                Setting(
                    "advance_max_share", "percent", Decimal(50),
                    "an advance (förskott) as a share of the grant, at most",
                    f"{_FORORDNING} 11 §",
                ),
                Setting(
                    "advance_max", "amount", Decimal(400_000),
                    "an advance (förskott) in kronor, at most",
                    f"{_FORORDNING} 11 §",
                ),
            ),
            per_decision_maker=True,
            requires=(("project.period", f"{_FORORDNING} 8 §: an application gives the project's timetable"),),
        ),
        Profile(
            "erdf_2014_2020", "European Regional Development Fund 2014–2020 (Regionalfonden)", "erdf",
            (
                Setting(
                    "max_share", "percent", Decimal(50),
                    "the EU's share of the project's total, at most (Mellersta Norrland; "
                    "override it for another region category)",
                    "Regionalfondsprogram Mellersta Norrland 2014–2020 (eufonder.se)",
                ),
                _IN_KIND_IN_BASE,
                _ROUNDING,
                _INDIRECT_STAFF,
                Setting(
                    "indirect_of_direct_except_external_max", "percent", Decimal(25),
                    "indirect costs as a flat rate of the direct costs except external services, at most",
                    f"{_CPR_2014} art. 68.1 a; Tillväxtverket 2014–2020",
                ),
                _STAFF_FLAT,
                _REMAINING,
            ),
        ),
        Profile(
            "erdf_2021_2027", "European Regional Development Fund 2021–2027 (Regionalfonden)", "erdf",
            (
                Setting(
                    "max_share", "percent", Decimal(40),
                    "the EU's share of the project's total, at most (Mellersta Norrland; "
                    "override it for another region category)",
                    "Regionalfondsprogram för Mellersta Norrland 2021–2027 (eufonder.se)",
                ),
                _IN_KIND_IN_BASE,
                _ROUNDING,
                Setting(
                    "indirect_of_direct_max", "percent", Decimal(7),
                    "indirect costs as a flat rate of the direct costs, at most (up to 25 % where the "
                    "rate is calculated under art. 53.3 a: override it)",
                    f"{_CPR_2021} art. 54 a, c",
                ),
                _INDIRECT_STAFF,
                _STAFF_FLAT,
                _REMAINING,
            ),
        ),
    )
}

# The names a plan may write, from the profiles themselves.
ProfileName = Literal[tuple(PROFILES)]  # type: ignore[valid-type]
SchemeName = Literal[tuple(dict.fromkeys(p.scheme for p in PROFILES.values()))]  # type: ignore[valid-type]


def setting_key(profile: Profile, setting: Setting) -> str:
    """The key a plan writes to override a setting: `anslag_1_1.max_share`, `hours_per_year`."""
    return setting.name if profile is GENERAL else f"{profile.name}.{setting.name}"


def all_settings() -> list[tuple[str, Profile, Setting]]:
    """Every overridable setting with its key, general ones first."""
    return [
        (setting_key(profile, setting), profile, setting)
        for profile in (GENERAL, *PROFILES.values())
        for setting in profile.settings
    ]


@dataclass(frozen=True, slots=True)
class UsedSetting:
    key: str
    profile: Profile
    setting: Setting
    value: Any
    origin: str | None  # "plan", "configuration", or None for the default


class Settings:
    """The numbers in force for one plan: its profiles' defaults, then the configuration's, then its own."""

    def __init__(
        self, profiles: tuple[str, ...], plan: dict[str, Any], configuration: dict[str, Any] | None = None
    ) -> None:
        self.profiles = tuple(PROFILES[name] for name in profiles)
        self._plan = plan
        self._configuration = configuration or {}

    def value(self, profile: Profile, name: str) -> Any:
        setting = next(s for s in profile.settings if s.name == name)
        return self._lookup(setting_key(profile, setting), setting)[0]

    def general(self, name: str) -> Any:
        return self.value(GENERAL, name)

    def _lookup(self, key: str, setting: Setting) -> tuple[Any, str | None]:
        if key in self._plan:
            return self._plan[key], "plan"
        if key in self._configuration:
            return self._configuration[key], "configuration"
        return setting.default, None

    def used(self) -> list[UsedSetting]:
        """Every number in force, for the report: general ones, then each profile's."""
        return [
            UsedSetting(key, profile, setting, *self._lookup(key, setting))
            for key, profile, setting in all_settings()
            if profile is GENERAL or profile in self.profiles
        ]

    def unused_overrides(self) -> list[str]:
        """The plan's overrides of a profile it does not name: they change nothing."""
        active = {setting_key(p, s) for p in (GENERAL, *self.profiles) for s in p.settings}
        return [key for key in self._plan if key not in active]
