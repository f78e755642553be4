"""Rule profiles: the rule sets a plan says govern it, with their numbers and sources.

A plan names its profiles (`profiles: [anslag_1_1]`); each switches on its
rules with the numbers below. A plan overrides a number under `settings`
(`anslag_1_1.in_kind_in_base: false`), and the report says which numbers were
used and which were overridden. The `general` numbers apply to every plan.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from finplan.i18n import N_

Kind = Literal["percent", "amount", "eur", "number", "hours", "bool", "choice"]
"""`amount` is in the plan's currency; `eur` in euro whatever the plan's (converted at the
profile's `sek_per_eur` or `nok_per_eur` where a rule needs it); `choice` one of `choices`."""


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
    on the region): `table` holds (choice, value, source) for each of its values.
    `versions`: a number the law changed, each version with its dates; the plan's
    date chooses one, and a date no version holds leaves the number out of force.
    """

    name: str
    kind: Kind
    default: Any
    meaning: str
    source: str
    choices: tuple[str, ...] = ()
    by: str | None = None
    table: tuple[tuple[str, Any, str], ...] = ()
    versions: tuple[Version, ...] = ()

    def version_on(self, day: date) -> Version | None:
        return next((version for version in self.versions if version.holds_on(day)), None)


def versioned(name: str, kind: Kind, meaning: str, *versions: Version) -> Setting:
    """A setting whose number changed with the law; its default and source are the latest version's."""
    latest = max(versions, key=lambda version: version.start or date.min)
    return Setting(name, kind, latest.value, meaning, latest.source, versions=versions)


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
    (Swedish Leader in kronor, Finnish and Åland Leader in euro).
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

    @property
    def schemes(self) -> tuple[str, ...]:
        return tuple(s for s in (self.scheme, *self.other_schemes) if s is not None)

    def has(self, name: str) -> bool:
        return any(s.name == name for s in self.settings)


# Every text a person reads (titles, meanings, sources, periods) is marked for the catalog where it
# is written, whole: `_()` translates it where it is shown (finplan rules, the report, docs/rules.md).
_FORORDNING = "Förordning (2003:596)"
_SFS_2022_1470 = date(2023, 1, 1)
"""When SFS 2022:1470's wording of Förordning (2003:596) came into force."""
_F596_5_2009 = N_("Förordning (2003:596) 5 § in the wording of SFS 2009:674, in force to 2022-12-31")
_F596_5_2022 = N_("Förordning (2003:596) 5 § in the wording of SFS 2022:1470, in force from 2023-01-01")

_ROUNDING = Setting(
    "rounding_tolerance", "amount", Decimal("0.50"),
    N_(
        "how far over a cap an amount may be and still count as rounding (a warning, not an error); "
        "half a krona (or cent) is what halving an odd total to whole units gives"
    ),
    N_("finplan's own; amounts are whole in decision memos"),
)
_IN_KIND_IN_BASE = Setting(
    "in_kind_in_base", "bool", True,
    N_("whether in-kind financing counts in the base of the share cap"),
    N_("not settled by the regulation's text; set it as the financier's guidance says"),
)
_HOURS = Setting(
    "hours_per_year", "hours", Decimal(1720),
    N_("the hours of one full-time person-year, for hourly rates and hours per person"),
    N_("Förordning (EU) 2021/1060 art. 55.2; Förordning (EU) nr 1303/2013 art. 68a.2; Tillväxtverket 2021–2027"),
)
_STAFF_FLAT = Setting(
    "staff_of_other_direct_max", "percent", Decimal(20),
    N_("staff costs as a flat rate of the other direct costs, at most"),
    N_("Förordning (EU) 2021/1060 art. 55.1; Förordning (EU) nr 1303/2013 art. 68a.1"),
)
_REMAINING = Setting(
    "remaining_of_staff_max", "percent", Decimal(40),
    N_("a flat rate of the direct staff costs covering all other costs, at most"),
    N_("Förordning (EU) 2021/1060 art. 56.1; Förordning (EU) nr 1303/2013 art. 68b.1"),
)
_INDIRECT_STAFF = Setting(
    "indirect_of_staff_max", "percent", Decimal(15),
    N_(
        "indirect costs as a flat rate of the direct staff costs, at most "
        "(Tillväxtverket 2014–2020 allowed universities 20 %: override it)"
    ),
    N_("Förordning (EU) 2021/1060 art. 54 b; Förordning (EU) nr 1303/2013 art. 68.1 b; Tillväxtverket 2014–2020"),
)

GENERAL = Profile(
    "general", N_("Every plan"), None,
    (
        Setting(
            "rounding_tolerance", "amount", Decimal("0.50"),
            N_(
                "how far a computed amount (hours x rate of a basis, a flat rate of its base) may be "
                "from the amount written and still count as rounding"
            ),
            N_("finplan's own; amounts are whole in decision memos"),
        ),
        _HOURS,
        Setting(
            "hourly_rate_tolerance", "amount", Decimal("0.50"),
            N_(
                "how far an hourly rate may be from monthly salary x 12 / hours per year (plus payroll "
                "overhead) and still count as rounding"
            ),
            N_("finplan's own; rates are commonly rounded to whole units"),
        ),
    ),
)

_SE_ERDF_2014 = N_(
    "Tillväxtverket: \"I alla program måste EU-medel medfinansieras till minst 50 procent ... I Västsverige ska "
    "medfinansieringen utgöra minst 60 procent\" (docs/programme-sources.md §4.1)"
)
_REGIONS = (
    "ovre_norrland", "norra_mellansverige", "mellersta_norrland", "ostra_mellansverige",
    "stockholm", "vastsverige", "smaland_och_oarna", "sydsverige", "nationellt",
)
_RATES_2014_2020 = (
    ("ovre_norrland", Decimal(50), _SE_ERDF_2014),
    ("norra_mellansverige", Decimal(50), _SE_ERDF_2014),
    ("mellersta_norrland", Decimal(50), N_(
        "Regionalfondsprogram Mellersta Norrland 2014–2020: \"upp till 50 procent\" (eufonder.se; "
        "docs/programme-sources.md §4.2)"
    )),
    ("ostra_mellansverige", Decimal(50), _SE_ERDF_2014),
    ("stockholm", Decimal(50), _SE_ERDF_2014),
    ("vastsverige", Decimal(40), _SE_ERDF_2014),
    ("smaland_och_oarna", Decimal(50), N_(
        "Region Jönköpings län, utlysning 2018:1: \"högst 50 procent\" (docs/programme-sources.md §4.2)"
    )),
    ("sydsverige", Decimal(50), _SE_ERDF_2014),
    ("nationellt", Decimal(50), N_(
        "Tillväxtverket, Nationella regionalfondsprogrammet: \"finansierar max 50 procent\" "
        "(docs/programme-sources.md §4.2)"
    )),
)
_RATES_2021_2027 = (
    ("ovre_norrland", Decimal(50), N_(
        "Tillväxtverket, call for Övre Norrland 2024: \"maximalt ... 50 procent av sin totala budget\" "
        "(docs/programme-sources.md §4.2)"
    )),
    ("norra_mellansverige", Decimal(50), N_(
        "Tillväxtverket, call for Norra Mellansverige 2023: \"max ... 50 procent av sin totala budget\" "
        "(docs/programme-sources.md §4.2)"
    )),
    ("mellersta_norrland", Decimal(40), N_(
        "Regionalfondsprogram Mellersta Norrland 2021–2027: \"upp till 40 procent\" (eufonder.se; "
        "docs/programme-sources.md §4.2)"
    )),
    ("ostra_mellansverige", Decimal(40), N_(
        "Tillväxtverket, call for Östra Mellansverige: \"maximalt 40 procent av de totala kostnaderna\" "
        "(docs/programme-sources.md §4.2)"
    )),
    ("stockholm", Decimal(40), N_(
        "Tillväxtverket, call for Stockholm: \"max ... 40 procent av sin totala budget\" (docs/programme-sources.md §4.2)"
    )),
    ("vastsverige", Decimal(40), N_(
        "Regionalfondsprogram Västsverige 2021–2027: \"upp till 40 procent\" (eufonder.se; "
        "docs/programme-sources.md §4.2)"
    )),
    ("smaland_och_oarna", Decimal(40), N_(
        "Tillväxtverket, call for Småland och öarna: \"40 procent av era projektkostnader\" "
        "(docs/programme-sources.md §4.2)"
    )),
    ("sydsverige", Decimal(40), N_(
        "Tillväxtverket, call for Sydsverige: \"Max 40 procent av ett projekts kostnader\" "
        "(docs/programme-sources.md §4.2)"
    )),
    ("nationellt", Decimal(40), N_(
        "Tillväxtverket, national call \"Hela Sverige\": \"Max 40 procent av ett projekts kostnader\"; the "
        "50 % of another call was 40 % ERDF and 10 % national 1:1 money (docs/programme-sources.md §4.2)"
    )),
)


def _region(default: str) -> Setting:
    return Setting(
        "region", "choice", default,
        N_("the regional ERDF programme, which chooses the co-financing rate `max_share` (docs/rules.md, ERDF rates)"),
        N_("the programme decisions, per region and period; Mellersta Norrland by default, as before regions were known"),
        choices=_REGIONS,
    )


def _erdf_share(table: tuple, meaning: str) -> Setting:
    return Setting(
        "max_share", "percent", None, meaning,
        N_("Förordning (EU) 2021/1060 art. 112.3; the regional programmes (docs/programme-sources.md §4.2)"),
        by="region", table=table,
    )


def _share_base(default: str, choices: tuple[str, ...], meaning: str, source: str) -> Setting:
    return Setting("share_base", "choice", default, meaning, source, choices=choices)


_ERDF_BASE = _share_base(
    "total", ("total", "public"),
    N_("what the co-financing rate is a share of: the total (public and private) or the public contribution"),
    N_(
        "Förordning (EU) 2021/1060 art. 112.2; every Swedish programme states its rate of the total costs "
        "(docs/programme-sources.md §2.1, §4)"
    ),
)
_SEK_PER_EUR_2014 = Setting(
    "sek_per_eur", "number", Decimal("10.00"),
    N_("kronor per euro, where a limit in euro meets a plan in kronor"),
    N_(
        "Förordning (1999:710) 3 § (SFS 2022:268): 10 kronor per euro for 2014–2020 ERDF and ESF frameworks "
        "(docs/programme-sources.md §4.4); a decision may use another rate: set it"
    ),
)
_F710_2 = N_(
    "Förordning (1999:710) 2 § (SFS 2024:1334): 10,50 kronor per euro for 2021–2027 frameworks (9,30 in the "
    "wording of SFS 2022:268; the date SFS 2024:1334 came into force not found) (docs/programme-sources.md §4.4); "
    "unverified as the rate for one operation's threshold or aid: set the rate the managing authority uses"
)
_SEK_PER_EUR_2021 = Setting(
    "sek_per_eur", "number", Decimal("10.50"),
    N_("kronor per euro, where a limit in euro (the 200 000 EUR of art. 53.2) meets a plan in kronor"),
    _F710_2,
)
_SEK_PER_EUR_COMMISSION = Setting(
    "sek_per_eur", "number", Decimal("10.00"),
    N_("kronor per euro, where a limit in euro meets a plan in kronor"),
    N_(
        "unverified: the programme converts kronor at the Commission's monthly rate at application "
        "(docs/programme-sources.md §8.2, §8.5); set that month's rate"
    ),
)
_SCO = Setting(
    "simplified_costs_up_to", "eur", Decimal(200_000),
    N_(
        "an operation whose total cost is at most this is paid as unit costs, lump sums or flat rates "
        "(unless its support is state aid; 0 where the managing authority exempted a research operation)"
    ),
    N_("Förordning (EU) 2021/1060 art. 53.2 (docs/programme-sources.md §2.3)"),
)
_DE_MINIMIS = (
    Setting(
        "de_minimis_max", "eur", Decimal(300_000),
        N_("de minimis aid to one undertaking over three years, at most (aid granted from 2024-01-01)"),
        N_("Förordning (EU) 2023/2831 art. 3.2 (docs/programme-sources.md §3.1)"),
    ),
    Setting(
        "de_minimis_max_before_2024", "eur", Decimal(200_000),
        N_("de minimis aid to one undertaking over three fiscal years, at most (aid granted before 2024)"),
        N_("Förordning (EU) nr 1407/2013 art. 3.2 (docs/programme-sources.md §3.3)"),
    ),
)
_TVV_40 = Setting(
    "remaining_needs_staff_share", "percent", Decimal(45),
    N_(
        "the 40 % flat rate for all remaining costs only where staff costs (with payroll overhead) are at least this "
        "share of the budget"
    ),
    N_("Tillväxtverket, Handbok för EU-projekt 2014–2020, \"Redovisningsalternativ\" (docs/programme-sources.md §9.1)"),
)
_ERDF_PERIOD_2014 = (date(2014, 1, 1), date(2023, 12, 31))
_ERDF_PERIOD_2021 = (date(2021, 1, 1), date(2029, 12, 31))
_ELIGIBLE_2014 = N_(
    "Förordning (EU) nr 1303/2013 art. 65.2: expenditure paid from 2014-01-01 to 2023-12-31 "
    "(not quoted in docs/programme-sources.md)"
)
_ELIGIBLE_2021 = N_(
    "Förordning (EU) 2021/1060 art. 63.2: expenditure paid from 2021-01-01 to 2029-12-31 "
    "(not quoted in docs/programme-sources.md)"
)
_EU_SHARE = ProfileLimit("max_share", True, base_setting="share_base")

# Leader (locally led development), EAFRD.
_JV_2023 = N_("Jordbruksverket, \"Stöd till Leader 2023-2027\" (docs/programme-sources.md §5.1)")
_LAG_2014 = N_("Leader Sörmlandskusten, FAQ (2014–2022), as other local action groups (docs/programme-sources.md §5.2)")
_LEADER_BASE = _share_base(
    "eligible_costs", ("eligible_costs", "total"),
    N_("what the support's floor and cap are shares of"),
    N_("\"40–100 procent av de utgifter som ger rätt till stöd\" (docs/programme-sources.md §5.1, §5.2)"),
)
_PERSON_HOUR = N_("an hour of volunteer work by a person, valued at most at this rate (basis rows with `volunteer:`)")


def _volunteer(rate: Decimal, kind: Kind, source: str, name: str = "volunteer_rate", meaning: str = _PERSON_HOUR) -> Setting:
    return Setting(name, kind, rate, meaning, source)


def _leader_se(name: str, title: str, span: tuple[date, date], span_source: str, extra: tuple[Setting, ...],
               minimum: Setting, volunteer: Setting, sek_per_eur: Setting) -> Profile:
    source = _JV_2023 if span[0].year >= 2023 else _LAG_2014
    return Profile(
        name, title, "leader",
        (
            _LEADER_BASE,
            Setting("min_share", "percent", Decimal(40), N_("the Leader support as a share of the base, at least"),
                    source),
            Setting("max_share", "percent", Decimal(100), N_("the Leader support as a share of the base, at most"),
                    source),
            *extra,
            minimum,
            Setting("single_company", "bool", False,
                    N_("the benefit goes mainly to single companies: the support is then capped in money"),
                    source),
            Setting("single_company_max", "amount", Decimal(200_000),
                    N_("the support, at most, where `single_company` is set"), source),
            Setting("public_max_share", "percent", Decimal(100),
                    N_("all public financing as a share of the total, at most: the cap a local action group may set "
                       "(Göteborgs Insjörike 2014–2020: 70 %)"),
                    N_("the local action group's own rules (docs/programme-sources.md §5.3, §5.4)")),
            volunteer,
            _IN_KIND_IN_BASE,
            _ROUNDING,
            *_DE_MINIMIS,
            sek_per_eur,
        ),
        limits=(
            ProfileLimit("min_share", False, base_setting="share_base"),
            ProfileLimit("max_share", True, base_setting="share_base"),
            *((ProfileLimit("commercial_max_share", True, base_setting="share_base", when="commercial"),) if any(s.name == "commercial" for s in extra) else ()),
            ProfileLimit("min_amount", False),
            ProfileLimit("single_company_max", True, when="single_company"),
            ProfileLimit("public_max_share", True, scheme="public"),
        ),
        period=span, period_source=span_source, currency="SEK",
    )


_INTERREG_NO = ("interreg_no",)


def _interreg(name: str, title: str, share: int, share_source: str, *, ir_source: str, period: tuple[date, date],
              eu_rules: str, settings: tuple[Setting, ...] = (), limits: tuple[ProfileLimit, ...] = ()) -> Profile:
    return Profile(
        name, title, "interreg",
        (
            Setting("max_share", "percent", Decimal(share), N_("the programme's (ERDF) share of the beneficiary's total, at most"),
                    share_source),
            Setting("ir_max_share", "percent", Decimal(50),
                    N_("Norwegian Interreg funds (lines with `scheme: interreg_no`) as a share of the total, at most"), ir_source),
            *settings,
            _IN_KIND_IN_BASE,
            _ROUNDING,
            *_DE_MINIMIS,
        ),
        limits=(ProfileLimit("max_share", True), ProfileLimit("ir_max_share", True, scheme="interreg_no"), *limits),
        other_schemes=_INTERREG_NO,
        period=period, period_source=_ELIGIBLE_2014 if eu_rules == "2014_2020" else _ELIGIBLE_2021,
        eu_rules=eu_rules,
    )


def _in_kind_from(default: str, source: str) -> Setting:
    return Setting(
        "in_kind_from", "choice", default,
        N_(
            "who may co-finance in kind: anyone, no_one (cash only), owner_only (the beneficiary's own staff), "
            "others_only (the beneficiary in cash)"
        ),
        source, choices=("anyone", "no_one", "owner_only", "others_only"),
    )


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "anslag_1_1",
            N_(
                "Anslag 1:1 Regionala tillväxtåtgärder (to budget year 2021), 1:1 Regionala utvecklingsåtgärder "
                "(from 2022; prop. 2021/22:1, utgiftsområde 19); Förordning (2003:596) om bidrag för "
                "projektverksamhet inom den regionala tillväxtpolitiken"
            ),
            "anslag_1_1",
            (
                versioned(
                    "max_share", "percent",
                    N_("each decision-maker's 1:1 grant as a share of the project's total, at most"),
                    Version(Decimal(50), _F596_5_2009, end=_SFS_2022_1470 - timedelta(days=1)),
                    Version(Decimal(50), _F596_5_2022, start=_SFS_2022_1470),
                ),
                versioned(
                    "eu_co_financed_max_share", "percent",
                    N_(
                        "each decision-maker's 1:1 grant as a share of the project's total, at most, where the ERDF "
                        "or the ESF+ co-finances the project (a line with `scheme: erdf` or `scheme: esf_plus`)"
                    ),
                    Version(Decimal(60), _F596_5_2022, start=_SFS_2022_1470),
                ),
                versioned(
                    "joint_max_share", "percent",
                    N_(
                        "the 1:1 grants of all decision-makers together, at most, where Tillväxtverket is one of them "
                        "(without Tillväxtverket, max_share holds for all together)"
                    ),
                    Version(Decimal(100), _F596_5_2009, end=_SFS_2022_1470 - timedelta(days=1)),
                    Version(Decimal(100), _F596_5_2022, start=_SFS_2022_1470),
                ),
                _IN_KIND_IN_BASE,
                _ROUNDING,
                # The sources below are FP521's too, word for word: that code's catalog entry translates them.
                Setting(
                    "advance_max_share", "percent", Decimal(50),
                    N_("an advance (förskott) as a share of the grant, at most"),
                    f"{_FORORDNING} 11 §",
                ),
                Setting(
                    "advance_max", "amount", Decimal(400_000),
                    N_("an advance (förskott) in kronor, at most"),
                    f"{_FORORDNING} 11 §",
                ),
            ),
            per_decision_maker=True,
            requires=(("project.period", N_("Förordning (2003:596) 8 §: an application gives the project's timetable")),),
            limits=(ProfileLimit("max_share", True, co_financed="eu_co_financed_max_share"),),
        ),
        Profile(
            "erdf_2014_2020", N_("European Regional Development Fund 2014–2020 (Regionalfonden), Swedish regional programmes"), "erdf",
            (
                _region("mellersta_norrland"),
                _erdf_share(_RATES_2014_2020, N_(
                    "the EU's share of the base (`share_base`), at most; by default the rate of the `region`'s "
                    "2014–2020 programme"
                )),
                _ERDF_BASE,
                _IN_KIND_IN_BASE,
                _ROUNDING,
                _INDIRECT_STAFF,
                Setting(
                    "indirect_of_direct_except_external_max", "percent", Decimal(25),
                    N_("indirect costs as a flat rate of the direct costs except external services, at most"),
                    N_("Förordning (EU) nr 1303/2013 art. 68.1 a; Tillväxtverket 2014–2020"),
                ),
                _STAFF_FLAT,
                _REMAINING,
                _TVV_40,
                _SEK_PER_EUR_2014,
                *_DE_MINIMIS,
            ),
            limits=(_EU_SHARE,),
            period=_ERDF_PERIOD_2014, period_source=_ELIGIBLE_2014, eu_rules="2014_2020",
        ),
        Profile(
            "erdf_2021_2027", N_("European Regional Development Fund 2021–2027 (Regionalfonden), Swedish regional programmes"), "erdf",
            (
                _region("mellersta_norrland"),
                _erdf_share(_RATES_2021_2027, N_(
                    "the EU's share of the base (`share_base`), at most; by default the rate of the `region`'s "
                    "2021–2027 programme"
                )),
                _ERDF_BASE,
                _IN_KIND_IN_BASE,
                _ROUNDING,
                Setting(
                    "indirect_of_direct_max", "percent", Decimal(7),
                    N_(
                        "indirect costs as a flat rate of the direct costs, at most (up to 25 % where the "
                        "rate is calculated under art. 53.3 a: override it)"
                    ),
                    N_("Förordning (EU) 2021/1060 art. 54 a, c"),
                ),
                _INDIRECT_STAFF,
                _STAFF_FLAT,
                _REMAINING,
                _SCO,
                _SEK_PER_EUR_2021,
                *_DE_MINIMIS,
            ),
            limits=(_EU_SHARE,),
            period=_ERDF_PERIOD_2021, period_source=_ELIGIBLE_2021, eu_rules="2021_2027",
        ),
        _leader_se(
            "leader_se_2014_2020",
            N_("Leader (lokalt ledd utveckling), Sweden 2014–2020 (with 2021–2022); Jordbruksverket and the local action group"),
            (date(2014, 1, 1), date(2025, 12, 31)),
            N_(
                "unverified: the Rural Development Programme 2014–2020, extended through 2022 (Förordning (EU) 2020/2220), "
                "with payments to 2025"
            ),
            (),
            Setting("min_amount", "amount", Decimal(22_000), N_("the support, at least"), _LAG_2014),
            _volunteer(Decimal(220), "amount", N_("local action groups 2014–2022: \"220 kr/timme\" (docs/programme-sources.md §5.5)")),
            Setting("sek_per_eur", "number", Decimal("10.00"), N_("kronor per euro, where a limit in euro meets a plan in kronor"),
                    N_("Förordning (1999:710) 3 §: 10 kronor per euro for 2014–2020 money from the EAFRD "
                       "(docs/programme-sources.md §4.4); unverified as the rate for aid: set the rate of the grant date")),
        ),
        _leader_se(
            "leader_se_2023_2027",
            N_("Leader (lokalt ledd utveckling), Sweden 2023–2027; Jordbruksverket and the local action group"),
            (date(2023, 1, 1), date(2029, 12, 31)),
            N_("unverified: the CAP strategic plan 2023–2027, expenditure to 2029 (Förordning (EU) 2021/2115 art. 86.2)"),
            (
                Setting("commercial", "bool", False,
                        N_("the project mainly benefits commercial activity: the support is then at most `commercial_max_share`"),
                        _JV_2023),
                Setting("commercial_max_share", "percent", Decimal(70),
                        N_("the support as a share of the base, at most, where `commercial` is set"), _JV_2023),
            ),
            Setting("min_amount", "amount", Decimal(0), N_("the support, at least (0: no minimum)"),
                    N_("unverified: Jordbruksverket's 2023–2027 page states no minimum; local action groups set their own "
                       "(Astrid Lindgrens Hembygd: 40 000 kr) (docs/programme-sources.md §5.2)")),
            _volunteer(Decimal(340), "amount",
                       N_("unverified as a national rate: Leader Skellefteå Älvdal values time at 340 kr/h (77 kr/h aged "
                          "13–15) in 2023–2027; 220 kr/h was the 2014–2022 rate (docs/programme-sources.md §5.5)")),
            Setting("sek_per_eur", "number", Decimal("10.50"), N_("kronor per euro, where a limit in euro meets a plan in kronor"),
                    _F710_2),
        ),
        Profile(
            "leader_fi_2014_2020", N_("Leader, mainland Finland 2014–2020 (Manner-Suomen maaseudun kehittämisohjelma)"), "leader",
            (
                Setting("eu_share", "percent", Decimal(42), N_("the EU's part of the public financing (a split part with `fund: eu`)"),
                        N_("Suomen Kylät ry, 31.5.2022: \"EU:n rahoitusosuus on 42 prosenttia\" (docs/programme-sources.md §6.1)")),
                Setting("state_share", "percent", Decimal(38), N_("the state's part (`fund: state`)"),
                        N_("Suomen Kylät ry: \"valtion 38 prosenttia\" (docs/programme-sources.md §6.1)")),
                Setting("municipality_share", "percent", Decimal(20), N_("the municipalities' part (`fund: municipality`)"),
                        N_("Suomen Kylät ry: \"kuntien 20 prosenttia\" (docs/programme-sources.md §6.1)")),
                _volunteer(Decimal(15), "eur", N_("leadersuomi.fi: \"talkootunnin arvo on 15 euroa\" (docs/programme-sources.md §6.2)"),
                           meaning=N_("an hour of talko by a person, valued at most at this rate (basis rows with `volunteer:`)")),
                _volunteer(Decimal(45), "eur",
                           N_("leadersuomi.fi: \"konetyötunti vastaa 45 euroa\", with its driver (docs/programme-sources.md §6.2)"),
                           name="machine_rate",
                           meaning=N_("an hour of talko by a machine, valued at most at this rate (basis rows with `volunteer:`)")),
                _ROUNDING,
                *_DE_MINIMIS,
            ),
            period=(date(2014, 1, 1), date(2025, 12, 31)),
            period_source=N_("unverified: the programme 2014–2020, extended through 2022, with payments to 2025"),
            currency="EUR",
        ),
        Profile(
            "leader_ax", N_("Leader Åland (Landsbygdsutvecklingsprogram för landskapet Åland)"), "leader",
            (
                _share_base("total", ("total", "eligible_costs"), N_("what the support's cap is a share of"),
                            N_("\"upp till 80 procent av projektet\" (docs/programme-sources.md §7.1)")),
                Setting("max_share", "percent", Decimal(80), N_("the Leader support as a share of the base, at most"),
                        N_("Nya Åland, \"Nya regler för Leaderstöd\": \"upp till 80 procent ... Tidigare var siffran 60 procent\" "
                           "(2014–2020; unverified for 2023–2027) (docs/programme-sources.md §7.1)")),
                _volunteer(Decimal(20), "eur",
                           N_("Leader Åland 2023–2027: \"Persontimmar: 20 €/h\" (15 €/h in 2014–2020) (docs/programme-sources.md §7.2)"),
                           meaning=N_("an hour of talko by a person, valued at most at this rate (basis rows with `volunteer:`)")),
                _volunteer(Decimal(40), "eur",
                           N_("Leader Åland 2023–2027: \"Traktor- och maskintimmar: 40 €/h (exkl. förare)\" "
                              "(docs/programme-sources.md §7.2)"),
                           name="machine_rate",
                           meaning=N_("an hour of talko by a machine, without its driver, valued at most at this rate "
                                      "(basis rows with `volunteer:`)")),
                _IN_KIND_IN_BASE,
                _ROUNDING,
                *_DE_MINIMIS,
            ),
            limits=(ProfileLimit("max_share", True, base_setting="share_base"),),
            period=(date(2014, 1, 1), date(2029, 12, 31)),
            period_source=N_(
                "both programme periods, 2014–2020 and 2023–2027: the talko rates differ (override them for 2014–2020)"
            ),
            currency="EUR",
        ),
        _interreg(
            "interreg_sverige_norge_2014_2020", N_("Interreg Sverige-Norge 2014–2020"), 50,
            N_("Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" (docs/programme-sources.md "
               "§8.2): \"upp till 50 % av medel från programmet\""),
            ir_source=N_("Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" "
                         "(docs/programme-sources.md §8.2): \"opp til 50 % av midler fra programmet via norske interregmidler\""),
            period=_ERDF_PERIOD_2014, eu_rules="2014_2020",
            settings=(
                _in_kind_from("others_only", N_(
                    "Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" (docs/programme-sources.md "
                    "§8.2): \"För sökande och medsökande kan medfinansiering endast ske med kontant medfinansiering\""
                )),
                Setting("volunteer_work", "bool", False, N_("whether volunteer work may co-finance the project"),
                        N_("Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" "
                           "(docs/programme-sources.md §8.2): \"Ideelt arbeid kan ikke inngå som medfinansiering\"")),
                _SEK_PER_EUR_COMMISSION,
                Setting("nok_per_eur", "number", Decimal(8), N_("kroner per euro, for a plan in NOK"),
                        N_("Interreg Sverige-Norge, FAQ: \"Norge använder en fast kurs på 8 kronor\" (docs/programme-sources.md §8.2)")),
            ),
        ),
        _interreg(
            "interreg_nord_2014_2020", N_("Interreg Nord 2014–2020"), 65,
            N_("Interreg Nord 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.4): \"EU-medel upp till 65%\""),
            ir_source=N_("Interreg Nord 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.4): \"norska Interreg-medel "
                         "kan stå för 50% av den totala finansieringen\""),
            period=_ERDF_PERIOD_2014, eu_rules="2014_2020",
            settings=(
                _in_kind_from("no_one", N_(
                    "Interreg Nord 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.4): \"Det är enbart kontanta "
                    "medel som godkänns som medfinansiering\""
                )),
                _SEK_PER_EUR_COMMISSION,
            ),
        ),
        _interreg(
            "interreg_aurora_2021_2027", N_("Interreg Aurora 2021–2027"), 65,
            N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"65% of Swedish and "
               "Finnish costs\""),
            ir_source=N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"50% of the "
                         "Norwegian project costs\""),
            period=_ERDF_PERIOD_2021, eu_rules="2021_2027",
            settings=(
                Setting("ir_max", "eur", Decimal(200_000), N_("Norwegian Interreg funds of one project, at most"),
                        N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"no more than "
                           "200 000 EUR (2 mill. NOK) per project\" (from manual version 3, December 2023)")),
                Setting("remaining_of_staff_max", "percent", Decimal(40),
                        N_("method A: all other costs as a flat rate of staff costs, at most"),
                        N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"a flat rate "
                           "of 40% based on approved staff costs\"; Förordning (EU) 2021/1060 art. 56")),
                Setting("indirect_of_staff_max", "percent", Decimal(15),
                        N_("method B: office and administration as a flat rate of staff costs, at most"),
                        N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"The flat rate "
                           "for each of these cost categories is 15% based on staff costs\"")),
                _SCO,
                _SEK_PER_EUR_COMMISSION,
                Setting("nok_per_eur", "number", Decimal(10), N_("kroner per euro, for a plan in NOK"),
                        N_("Interreg Aurora, Programme Manual, \"Funding\" (docs/programme-sources.md §8.5): \"fixed "
                           "exchange rate of 10 NOK = 1 EUR\"")),
            ),
            limits=(ProfileLimit("ir_max", True, scheme="interreg_no"),),
        ),
        _interreg(
            "interreg_botnia_atlantica_2014_2020", N_("Interreg Botnia-Atlantica 2014–2020"), 60,
            N_("Botnia-Atlantica 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.6): \"upp till 60 % av medel "
               "från programmet\""),
            ir_source=N_("Botnia-Atlantica 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.6): \"IR-medlen kan "
                         "stå för 50 % av den totala finansieringen\""),
            period=_ERDF_PERIOD_2014, eu_rules="2014_2020",
            settings=(
                Setting("indirect_of_staff_max", "percent", Decimal(15),
                        N_("office and administration as a flat rate of direct staff costs, at most"),
                        N_("Botnia-Atlantica 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.6), \"Stödberättigande "
                           "kostnader\": \"en fastställd procentsats (15 %) av stödmottagarens direkta personalkostnader\"")),
                _in_kind_from("owner_only", N_(
                    "Botnia-Atlantica 2014–2020, \"Finansiering\" (docs/programme-sources.md §8.6): \"För aktörer som "
                    "inte är stödmottagare gäller endast kontant medfinansiering\""
                )),
                _SEK_PER_EUR_COMMISSION,
            ),
        ),
        _interreg(
            "interreg_oks_2021_2027", N_("Interreg Öresund-Kattegat-Skagerrak 2021–2027"), 60,
            N_("Interreg Öresund-Kattegat-Skagerrak 2021–2027 (docs/programme-sources.md §8.7): \"op til 60 procent af "
               "midlerne\""),
            ir_source=N_("Interreg Öresund-Kattegat-Skagerrak 2021–2027 (docs/programme-sources.md §8.7): \"Norske "
                         "partnere kan få højst 50 procent\""),
            period=_ERDF_PERIOD_2021, eu_rules="2021_2027",
            settings=(_SCO, _SEK_PER_EUR_COMMISSION),
        ),
    )
}

# The names a plan may write, from the profiles themselves.
ProfileName = Literal[tuple(PROFILES)]  # type: ignore[valid-type]
SchemeName = Literal[tuple(dict.fromkeys(s for p in PROFILES.values() for s in p.schemes))]  # type: ignore[valid-type]

# The flat rates (schabloner) a cost line may be; a profile offers one by setting its limit, `<option>_max`.
FLAT_RATE_OPTIONS = (
    "indirect_of_staff",
    "indirect_of_direct",
    "indirect_of_direct_except_external",
    "staff_of_other_direct",
    "remaining_of_staff",
)
FlatRateOption = Literal[FLAT_RATE_OPTIONS]  # type: ignore[valid-type]


def offers_flat_rates(profile: Profile) -> bool:
    """Whether a profile sets limits on flat rates at all."""
    return any(s.name.removesuffix("_max") in FLAT_RATE_OPTIONS for s in profile.settings)


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
        self, profiles: tuple[str, ...], plan: dict[str, Any], configuration: dict[str, Any] | None = None,
        on: date | None = None,
    ) -> None:
        self.profiles = tuple(PROFILES[name] for name in profiles)
        self._plan = plan
        self._configuration = configuration or {}
        # The date whose rules are in force: the plan's (Project.judged_on), else today's.
        self.on = on or date.today()

    @property
    def dated(self) -> bool:
        """Whether the plan's date chose any number: one of its profiles has a number the law changed."""
        return any(s.versions for p in (GENERAL, *self.profiles) for s in p.settings)

    def version(self, profile: Profile, name: str) -> Version | None:
        """The version in force of a setting the law changed, unless the plan or configuration set it."""
        setting = next(s for s in profile.settings if s.name == name)
        if not setting.versions or self._lookup(setting_key(profile, setting), setting)[1] is not None:
            return None
        return setting.version_on(self.on)

    def value(self, profile: Profile, name: str) -> Any:
        setting = next(s for s in profile.settings if s.name == name)
        return self._resolved(profile, setting)[0].default

    def _resolved(self, profile: Profile, setting: Setting) -> tuple[Setting, str | None]:
        """The setting with the value in force as its default, and who set it; a default that
        depends on another setting (`by`) is looked up in its table, with that row's source."""
        value, origin = self._lookup(setting_key(profile, setting), setting)
        if origin is None and setting.versions:
            version = setting.version_on(self.on)
            if version is None:
                return replace(setting, default=None), origin
            return replace(setting, default=version.value, source=version.source), origin
        if value is None and setting.by is not None:
            choice = self.value(profile, setting.by)
            row = next((row for row in setting.table if row[0] == choice), None)
            if row is not None:
                return replace(setting, default=row[1], source=row[2]), origin
        return replace(setting, default=value), origin

    def in_currency(self, euro: Decimal, currency: str) -> Decimal | None:
        """An amount in euro in the plan's currency, at the first rate its profiles give; None without one."""
        if currency == "EUR":
            return euro
        name = {"SEK": "sek_per_eur", "NOK": "nok_per_eur"}.get(currency)
        for profile in self.profiles:
            if name is not None and profile.has(name):
                return euro * self.value(profile, name)
        return None

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
        used = []
        for key, profile, setting in all_settings():
            if profile is GENERAL or profile in self.profiles:
                resolved, origin = self._resolved(profile, setting)
                if setting.versions and resolved.default is None:
                    continue  # not in force on the plan's date
                used.append(UsedSetting(key, profile, resolved, resolved.default, origin))
        return used

    def unused_overrides(self) -> list[str]:
        """The plan's overrides of a profile it does not name: they change nothing."""
        active = {setting_key(p, s) for p in (GENERAL, *self.profiles) for s in p.settings}
        return [key for key in self._plan if key not in active]
