"""The plan format, version 1, as Pydantic models.

Strict throughout: no key the format does not know, no type coerced into
another. Amounts are exact `Decimal`s read by `money.parse_amount`; dates are
written `YYYY-MM-DD`. The format is documented in docs/plan-format.md.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ValidationInfo,
    field_validator,
    model_validator,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    create_model,
)
from pydantic_core import PydanticCustomError

from finplan.i18n import N_, Message
from finplan.money import (
    MAX_AMOUNT,
    PERCENT_MAX_CHARS,
    AmountError,
    amount_pattern,
    parse_amount,
    parse_percent,
    percent_pattern,
    schema_pattern,
)
from finplan.profiles import FlatRateOption, ProfileName, SchemeName, Settings, all_settings

FORMAT_VERSION = 1

# Each written form once, for the reader (with \Z) and for `finplan schema` (with ^ and $).
DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
# Latin letters with their accents (å, ä, ö, é...), digits and . _ : -; no other
# scripts, so that JSON Schema readers (whose \w is ASCII) and finplan agree.
ID_PATTERN = "[0-9A-Za-z_.:\\-\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]{1,64}"
CURRENCY_PATTERN = "[A-Z]{3}"
_DATE = re.compile(DATE_PATTERN + r"\Z")
_ID = re.compile(ID_PATTERN + r"\Z")
_CURRENCY = re.compile(CURRENCY_PATTERN + r"\Z")


def validation_error(kind: str, message: Message, **context: object) -> PydanticCustomError:
    """A validator's error in finplan's words, the Message carried whole for finplan.shape to show.

    Pydantic keeps the context's objects as they are, so the message reaches
    the reader in their language; its English is also Pydantic's own text.
    """
    return PydanticCustomError(kind, "{message}", {"message": message, **context})


def _currency_of(info: ValidationInfo) -> str:
    """The plan's currency, which `build_plan` passes in, so that messages name its units."""
    currency = (info.context or {}).get("currency")
    return currency if isinstance(currency, str) and _CURRENCY.match(currency) else "SEK"


def _amount(value: object, info: ValidationInfo) -> Decimal:
    try:
        return parse_amount(value)
    except AmountError:
        pass
    # The currency only words the message (its units): looked up for an amount that is wrong, not for each.
    try:
        return parse_amount(value, _currency_of(info))
    except AmountError as error:
        raise validation_error("amount", error.message, written=error.written) from None


def _percent(value: object) -> Decimal:
    try:
        return parse_percent(value)
    except AmountError as error:
        raise validation_error("percent", error.message) from None


def _quantity(value: object) -> Decimal:
    try:
        amount = parse_amount(value)
    except AmountError:
        raise validation_error("quantity", Message("expected a number such as 1720, 1 720 or 2.5")) from None
    if amount.is_signed():  # -0 too: a count of hours has no sign
        raise validation_error("quantity", Message("expected a number of 0 or more"))
    return amount


def _date(value: object) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise validation_error("date", Message("expected a date written YYYY-MM-DD, such as 2019-10-01"))
    year, month, day = (int(part) for part in value.split("-"))
    reason = impossible_date(year, month, day)
    if reason is not None:
        raise validation_error("date", Message("no such date: {reason}", reason=reason))
    return date(year, month, day)


def impossible_date(year: int, month: int, day: int) -> Message | None:
    """Why year, month and day name no day of the calendar, in finplan's words; None where they do.

    Said here rather than taken from `date`'s own error, whose words are Python's and have no translation.
    """
    if year == 0:
        return Message("year 0 is out of range")
    if not 1 <= month <= 12:
        return Message("month must be in 1..12")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return Message("day is out of range for month")
    return None


def _id(value: object) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise validation_error(
            "id",
            Message(
                "expected an id of letters (Latin ones, å, ä, ö too), digits and . _ : - (at most 64), such as region-bidrag"
            ),
        )
    return value


def _currency(value: object) -> str:
    if not isinstance(value, str) or not _CURRENCY.match(value):
        raise validation_error("currency", Message("expected a three-letter currency code, such as SEK"))
    return value


# What editors see (`finplan schema`): the forms each value may be written in,
# made from the same patterns the reader uses. `markdownDescription` says what
# an editor shows for the kind; finplan.schema puts it after each key's own
# description. Numbers written as YAML numbers are bounded here; their "at
# most two decimals" is finplan's to say, as JSON Schema's multipleOf misreads
# binary floats (Python's jsonschema refuses 285691.35 as a multiple of 0.01).
# A value that is text or a number has both types in one schema rather than
# an anyOf: editors then report the pattern's failure rather than "expected a
# number", and do not join titles with "||" in a hover. `patternErrorMessage`
# is the message VS Code's and the YAML language server's validators give in
# place of the pattern itself; other validators pass it by.
def _kind(description: str, schema: dict, expected: str | None = None) -> dict:
    said = {"patternErrorMessage": expected} if expected else {}
    return {"description": description, "markdownDescription": description, **schema, **said}


_BOUND = int(MAX_AMOUNT)
_AMOUNT_SCHEMA = _kind(
    N_("An amount in the plan's currency, exactly: a number such as `2658128` or `1234.50`, or text in digit groups "
    "of three separated by one space or underscore, such as `2 658 128`, `2_658_128` or `\"1 234,50\"`; a "
    "decimal point or comma takes at most two decimals (öre). The number alone, without a unit: `510 000`, not "
    "`510 000 kr` (`currency:` names it once). No dot or comma between digit groups: `85 000`, not `85.000`. "
    "An editor reads an unquoted number by its value alone, so finplan itself refuses one written with more than "
    "two decimals (`85.000`), an exponent (`1e6`) or a leading zero (`0600`)."),
    {
        "type": ["number", "string"],
        "exclusiveMinimum": -_BOUND,
        "exclusiveMaximum": _BOUND,
        "pattern": schema_pattern(amount_pattern(exact=True)),
    },
    "expected an amount such as 2658128, 2 658 128, 2_658_128 or 1234.50: digit groups of three separated by one "
    "space or underscore, at most two decimals; no unit (`currency:` names it once), no dot between digit groups",
)
_QUANTITY_SCHEMA = _kind(
    N_("A number of 0 or more: a number such as `1720` or `2.5`, or text in digit groups of three such as "
    "`1 720`; at most two decimals."),
    {
        "type": ["number", "string"],
        "minimum": 0,
        "exclusiveMaximum": _BOUND,
        "pattern": schema_pattern(amount_pattern(signed=False, exact=True)),
    },
    "expected a number of 0 or more, such as 1720, 1 720 or 2.5",
)

Amount = Annotated[Decimal, BeforeValidator(_amount), WithJsonSchema(_AMOUNT_SCHEMA)]
Quantity = Annotated[Decimal, BeforeValidator(_quantity), WithJsonSchema(_QUANTITY_SCHEMA)]
Percent = Annotated[
    Decimal,
    BeforeValidator(_percent),
    WithJsonSchema(
        _kind(
            N_("A percentage with its % sign, at most 100 %, such as `15 %` or `39,15 %` (a decimal comma or "
            "point): the sign keeps 15 % from being read as 15 or as 0.15."),
            {
                "type": "string",
                "pattern": schema_pattern(percent_pattern(exact=True)),
                "maxLength": PERCENT_MAX_CHARS,
            },
            "expected a percentage with its % sign, at most 100 %, such as 15 % or 39,15 %",
        )
    ),
]
PlanDate = Annotated[
    date,
    BeforeValidator(_date),
    WithJsonSchema(
        _kind(
            N_("A date written `YYYY-MM-DD`, such as `2019-10-01`."),
            {"type": "string", "format": "date", "pattern": schema_pattern(DATE_PATTERN, blanks=False)},
            "expected a date written YYYY-MM-DD, such as 2019-10-01",
        )
    ),
]
LineId = Annotated[
    str,
    BeforeValidator(_id),
    WithJsonSchema(
        _kind(
            N_("An id of letters (Latin ones, å, ä, ö too), digits and `. _ : -`, at most 64, such as "
            "`region-bidrag`."),
            {"type": "string", "pattern": schema_pattern(ID_PATTERN, blanks=False)},
            "expected an id of letters (Latin ones, å, ä, ö too), digits and . _ : - (at most 64), such as region-bidrag",
        )
    ),
]
Text = Annotated[str, Field(min_length=1)]
Currency = Annotated[
    str,
    BeforeValidator(_currency),
    WithJsonSchema(
        _kind(
            N_("A three-letter currency code, such as `SEK`."),
            {"type": "string", "pattern": schema_pattern(CURRENCY_PATTERN, blanks=False)},
            "expected a three-letter currency code, such as SEK",
        )
    ),
]
YearBreakdown = Annotated[
    dict[int, Amount],
    WithJsonSchema(
        _kind(
            N_("Amounts by calendar year, such as `{2020: 250 000, 2021: 750 000}`."),
            {"type": "object", "propertyNames": {"pattern": "^-?[0-9]+$"}, "additionalProperties": _AMOUNT_SCHEMA},
        )
    ),
]

Sector = Literal["public", "private"]
Form = Literal["cash", "in_kind"]
Status = Literal["proposed", "applied", "decided"]
InKindResource = Literal["hours", "premises", "equipment", "goods", "land"]
"""What a contribution in kind gives: worked hours (arbetad tid), premises (lokaler), equipment (utrustning),
goods (material, varor) or land (mark); only hours are valued as hours x rate."""
DocumentKind = Literal["application", "decision", "decision_excerpt", "news", "minutes"]
"""What a plan was read from: an application (ansökan; when left out), a decision (beslut), an excerpt of
one (utdrag ur beslut), a news item or project page (nyhet), or meeting minutes (protokoll)."""
Category = Literal[
    "staff",
    "external_services",
    "travel",
    "premises_equipment",
    "investments",
    "flat_rate",
    "in_kind",
    "income",
]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


MAX_PERIOD_YEARS = 100
"""The longest period a plan may state. A longer one is a typing error, and would have each rule that
goes through a period's years (FP203, an amount spread over its years) do so for millennia."""


class Period(_Strict):
    """A period (projektperiod), both ends inclusive, at most MAX_PERIOD_YEARS long.

    An end before the start is read, and FP201 reports it.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "description": f"A period (projektperiod), both days inclusive, at most {MAX_PERIOD_YEARS} years long. "
            "An end before the start is read, and FP201 reports it.",
        }
    )

    start: PlanDate = Field(description=N_("The first day; the day itself is in the period."))
    end: PlanDate = Field(
        description=N_(
            "The last day; the day itself is in the period. An end before the start is reported "
            "(FP201)."
        ),
    )

    @field_validator("end")
    @classmethod
    def _within_limit(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        # Compared as (year, month, day): the day 100 years on may not exist (29 February) or be past 9999.
        if start is not None and (end.year, end.month, end.day) > (start.year + MAX_PERIOD_YEARS, start.month, start.day):
            raise validation_error(
                "period",
                Message(
                    "the period {start} to {end} is longer than the limit of {limit} years; "
                    "expected an end at most {limit} years after the start",
                    start=str(start), end=str(end), limit=MAX_PERIOD_YEARS,
                ),
            )
        return end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def months(self) -> int | None:
        """Whole calendar months, when the period is made of them (2019-10-01 to 2022-09-30: 36)."""
        last_day = calendar.monthrange(self.end.year, self.end.month)[1]
        if self.start > self.end or self.start.day != 1 or self.end.day != last_day:
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def years(self) -> Decimal:
        """The period's length in years: months / 12 where whole months, else days / 365."""
        months = self.months
        return Decimal(months) / 12 if months is not None else Decimal(self.days) / 365


class Project(_Strict):
    """The project: its case number (diarienummer), name, owner and period, and when it was
    applied for (`applied`, ansökningsdatum) and decided (`decided`, beslutsdatum).

    `partners` names the beneficiaries beside the owner (medsökande, co-applicants,
    projektpartner), as their financing lines name them: a programme that holds the
    beneficiaries' in kind to its own rules (Interreg) holds theirs to them too.

    The case number and the period may be left out where the document does not
    state them; the report then says "not stated". The dates choose the rules
    in force: the decision's, else the application's, else the period's start.
    `document` says what the plan was read from; an application when left out,
    which states every amount and keeps every rule.
    """

    document: DocumentKind | None = Field(
        None, description=N_(
            "What the plan was read from: `application` (the default: every amount stated, every rule), "
            "`decision`, `decision_excerpt`, `news` or `minutes`, which may leave out amounts they do not print."
        ),
    )
    case: Text | None = Field(
        None, description=N_(
            "The case number (diarienummer), such as `RUN/99/2019`; left out where the document gives none."
        ),
    )
    name: Text = Field(description=N_("The project's name, as the application or decision prints it."))
    owner: Text = Field(
        description=N_("Who owns and runs the project (projektägare), named as its own financing lines name it."),
    )
    period: Period | None = Field(
        None, description=N_(
            "The project period (projektperiod), both days inclusive; left out where the document gives none."
        ),
    )
    applied: PlanDate | None = Field(
        None, description=N_(
            "The day the project was applied for (ansökningsdatum); where there is no decision "
            "date, it chooses the rules in force."
        ),
    )
    decided: PlanDate | None = Field(
        None, description=N_(
            "The day the project was decided (beslutsdatum); it chooses the rules in force."
        ),
    )
    partners: Annotated[list[Text], Field(min_length=1)] | None = Field(
        None, description=N_(
            "The beneficiaries beside the owner (medsökande, co-applicants, project partners), each named as its "
            "financing lines name the financier."
        ),
    )

    def is_beneficiary(self, financier: str) -> bool:
        """Whether `financier` is the owner or a partner, named as the plan names them (case aside)."""
        name = financier.casefold().strip()
        return any(name == who.casefold().strip() for who in (self.owner, *(self.partners or ())))

    @property
    def is_application(self) -> bool:
        """Whether the plan was read from an application (ansökan), as one that does not say is."""
        return self.document in (None, "application")

    @property
    def judged_on(self) -> date | None:
        """The date whose rules judge the plan: its decision's, else its application's, else its start."""
        if self.decided is not None:
            return self.decided
        if self.applied is not None:
            return self.applied
        return self.period.start if self.period is not None else None

    @property
    def judged_by(self) -> str | None:
        """Which of the plan's dates judges it (`decided`, `applied`, `start`), None where it states none."""
        if self.decided is not None:
            return "decided"
        if self.applied is not None:
            return "applied"
        return "start" if self.period is not None else None


class BasisEntry(_Strict):
    """One row of the calculation basis (beräkningsunderlag) of worked hours in kind.

    Its value is hours x rate. `years` defaults to the line's period in years;
    `full_time` (tjänstgöringsgrad) to 100 %.
    """

    what: Text | None = Field(None, description=N_("What the row counts: a role, a group of people, a machine."))
    people: Annotated[int, Field(ge=1, le=100_000)] = Field(
        1, description=N_("How many people the row counts; 1 when left out."),
    )
    hours: Quantity = Field(description=N_("All the hours of the row."))
    rate: Amount = Field(description=N_("The value of one hour (timpris), in the plan's currency."))
    years: Quantity | None = Field(
        None, description=N_("The years the hours are worked over; the line's period in years when left out."),
    )
    full_time: Percent = Field(
        Decimal(100), description=N_("The share of full time worked (tjänstgöringsgrad); 100 % when left out."),
    )
    monthly_salary: Amount | None = Field(
        None, description=N_(
            "The monthly salary the rate comes from; given, the rate is checked against it (salary x 12 / a "
            "person-year's hours, plus the payroll overhead)."
        ),
    )
    payroll_overhead: Percent | None = Field(
        None, description=N_("The payroll overhead (PO-pålägg) added to the monthly salary, such as 39,15 %."),
    )
    volunteer: Literal["person", "machine"] | None = Field(
        None, description=N_(
            "Unpaid volunteer work (ideell tid): `person` or `machine`; its rate is held to the programme's rate "
            "for it."
        ),
    )


class FlatRate(_Strict):
    """A flat rate (schablon): the option, after what it is computed, and its rate."""

    option: FlatRateOption = Field(description=N_("Which flat-rate option of the programme the line uses."))
    rate: Percent = Field(description=N_("The flat rate, as a percentage."))


Base = Literal["total", "eligible_costs", "public", "cash", "co_financing"]
"""What a share is taken of: the total, the eligible costs, the public or the cash financing, or the
co-financing (the financing besides the lines the limit is on)."""


def _exactly_one(model: BaseModel, keys: tuple[str, ...], kind: str, message: Message) -> list[str]:
    given = [key for key in keys if getattr(model, key) is not None]
    if not given or (len(given) > 1 and kind == "limit"):
        raise validation_error(kind, message)
    return given


class Limit(_Strict):
    """A cap or floor on a line (tak, golv), as a decision prints it.

    Exactly one of: `max` or `min`, a share of the base `of` (the total when
    left out); `max_amount` or `min_amount`, an amount. `source` says where the
    limit comes from (a decision's wording, a call).
    """

    max: Percent | None = Field(None, description=N_("At most this share of the base `of`."))
    min: Percent | None = Field(None, description=N_("At least this share of the base `of`."))
    of: Base | None = Field(None, description=N_("The base a share is taken of; the total when left out."))
    max_amount: Amount | None = Field(None, description=N_("At most this amount."))
    min_amount: Amount | None = Field(None, description=N_("At least this amount."))
    source: Text | None = Field(None, description=N_("Where the limit comes from: a decision's wording, a call."))

    @model_validator(mode="after")
    def _one_limit(self) -> Limit:
        (kind,) = _exactly_one(
            self, ("max", "min", "max_amount", "min_amount"), "limit",
            Message("expected exactly one of max, min (shares), max_amount, min_amount; write one limit for each"),
        )
        if self.of is not None and kind.endswith("_amount"):
            message = Message("`of` names the base of a share; {key} is an amount, with no base", key=kind)
            raise validation_error("limit", message)
        return self

    @property
    def is_cap(self) -> bool:
        return self.max is not None or self.max_amount is not None

    @property
    def share(self) -> Decimal | None:
        return self.max if self.max is not None else self.min

    @property
    def amount(self) -> Decimal | None:
        return self.max_amount if self.max_amount is not None else self.min_amount

    @property
    def base(self) -> Base | None:
        return None if self.share is None else (self.of or "total")


class SplitPart(_Strict):
    """One payer's part of a line that several payers give together (EU 42 %, state 38 %...).

    A part states its share of the line, its amount, or both. `fund` says
    which public fund the payer is, where a profile fixes each fund's part.
    """

    payer: Text = Field(description=N_("Who pays this part of the line."))
    share: Percent | None = Field(None, description=N_("This payer's share of the line."))
    amount: Amount | None = Field(None, description=N_("This payer's part of the line, as an amount."))
    fund: Literal["eu", "state", "municipality"] | None = Field(
        None, description=N_(
            "Which public fund the payer is (`eu`, `state`, `municipality`), where a programme fixes each fund's "
            "part."
        ),
    )

    def amount_of(self, line_amount: Decimal | None) -> Decimal | None:
        """The part's amount: as it states it, else its share of the line's `line_amount`; None where
        neither is stated (a document that prints the line's shares, not its amount)."""
        if self.amount is not None or line_amount is None:
            return self.amount
        return line_amount * self.share / 100

    @model_validator(mode="after")
    def _share_or_amount(self) -> SplitPart:
        _exactly_one(self, ("share", "amount"), "split", Message("expected `share`, `amount` or both for this payer"))
        return self


class DeMinimis(_Strict):
    """A line that is de minimis aid: the undertaking it goes to (its organisation number), when it is
    granted (the project's start when left out), and the de minimis aid the undertaking had in the three
    years before, as its declaration states. `primary_production` says the undertaking is in the primary
    production of agricultural products or in fishery and aquaculture, which the general de minimis
    regulation does not cover (Reg. (EU) 2023/2831 art. 1(1)): their own regulations apply."""

    undertaking: Text = Field(description=N_("The undertaking the aid goes to, by its organisation number."))
    granted: PlanDate | None = Field(
        None, description=N_("The day the aid is granted; the project's start when left out."),
    )
    earlier: Amount | None = Field(
        None, description=N_(
            "The de minimis aid the undertaking had in the three years before, as its declaration states, in the "
            "plan's currency."
        ),
    )
    primary_production: Literal["agriculture", "fishery"] | None = Field(
        None, description=N_(
            "The undertaking is in the primary production of agricultural products (`agriculture`) or in fishery "
            "and aquaculture (`fishery`), outside the general de minimis regulation."
        ),
    )


class FinancingLine(_Strict):
    """One line of the financing plan (finansieringsplan): who pays how much, and how.

    A financier giving both cash and in kind has two lines. `status` may be left
    out where the document does not state it; `conditions` holds the text of a
    decision's conditions (beviljas under förutsättning att...), with `status:
    decided`. `rounded_to` says the amount was printed rounded ("drygt 17 mnkr":
    1 000 000), so sums and limits resting on it hold within half that. `amount`
    may be left out where a document other than an application does not print
    it; `share` is the line's share of the total as the document prints it
    (stödandel), which with the amount gives the total. `state_aid` says the
    support is state aid; `de_minimis` that it is de minimis aid to one undertaking.
    """

    id: LineId = Field(
        description=N_("The line's id, unique in the plan: findings, diffs and inline ignores name the line by it."),
    )
    financier: Text = Field(description=N_("Who pays (finansiär), as the document names them."))
    sector: Sector = Field(description=N_("`public` or `private` money (offentlig, privat)."))
    form: Form = Field(
        description=N_(
            "`cash`, or `in_kind`: a contribution in other than money, such as worked hours (bidrag i annat än "
            "pengar)."
        ),
    )
    status: Status | None = Field(
        None, description=N_("`proposed`, `applied` or `decided`; the report says \"not stated\" where it is left out."),
    )
    conditions: Text | None = Field(
        None, description=N_("The conditions a decision sets (beviljas under förutsättning att...); only with `status: decided`."),
    )
    amount: Amount | None = Field(
        None, description=N_("What the financier pays; left out only where a document other than an application does not print it."),
    )

    share: Percent | None = Field(
        None, description=N_("The line's share of the total as the document prints it (stödandel); with the amount it gives the total."),
    )
    resource: InKindResource | None = Field(
        None, description=N_(
            "What a line in kind gives: `hours` (worked hours, valued as hours x rate; when left out), `premises`, "
            "`equipment`, `goods` or `land`, which are valued at their market value, not by hours."
        ),
    )

    @field_validator("conditions", "resource")
    @classmethod
    def _beside(cls, value: str | None, info: ValidationInfo) -> str | None:
        """`conditions` only beside `status: decided`, `resource` only beside `form: in_kind`."""
        if info.field_name == "conditions":
            key, wanted = "status", "decided"
            message = Message("`conditions` are a decision's; expected `status: decided` beside them")
        else:
            key, wanted = "form", "in_kind"
            message = Message("`resource` says what a line in kind gives; expected `form: in_kind` beside it")
        if value is not None and info.data.get(key) != wanted:
            raise validation_error(info.field_name, message)
        return value

    rounded_to: Annotated[Amount, Field(gt=0)] | None = Field(
        None, description=N_(
            "The amount was printed rounded to this (\"drygt 17 mnkr\": 1 000 000); sums and limits resting on it"
            " hold within half of it."
        ),
    )
    decided_by: Text | None = Field(None, description=N_("Who decides the line: the 1:1 cap holds per decision-maker."))
    split: Annotated[list[SplitPart], Field(min_length=2)] | None = Field(
        None, description=N_("The parts of a line several payers give together (EU 42 %, state 38 %...): at least two."),
    )
    limits: Annotated[list[Limit], Field(min_length=1)] | None = Field(
        None, description=N_("The caps and floors the line's own decision prints."),
    )
    case: Text | None = Field(None, description=N_("The case that decides this line, such as `RUN/379/2019`."))
    appropriation: Text | None = Field(
        None, description=N_(
            "The appropriation public cash comes from (Reg.tillväxt, Övr.nat.anslag, Övriga medel, \"vet ej\"), "
            "or the EU fund's name; a frames file matches lines by it."
        ),
    )
    period: Period | None = Field(None, description=N_("The line's own period, inside the project's."))
    per_year: YearBreakdown | None = Field(None, description=N_("The line's amount by calendar year."))
    scheme: SchemeName | None = Field(
        None, description=N_("Whose rules govern this money: a programme's scheme, such as `anslag_1_1` or `erdf`."),
    )
    advance: Amount | None = Field(None, description=N_("An advance (förskott) on the line."))
    basis: Annotated[list[BasisEntry], Field(min_length=1)] | None = Field(
        None, description=N_("The calculation basis (beräkningsunderlag) of worked hours in kind: rows of hours x rate."),
    )
    de_minimis: DeMinimis | None = Field(None, description=N_("The line is de minimis aid to one undertaking."))
    state_aid: bool | None = Field(None, description=N_("`true` where the support is state aid (statligt stöd)."))
    side: SchemeName | None = Field(
        None, description=N_(
            "Which side of a cross-border programme the line is on, named by the scheme that pays that side."
        ),
    )
    note: Text | None = Field(None, description=N_("Free text, shown in the report."))



class Cited(_Strict):
    """A sum over several projects that a plan's document prints beside its own: a call's or a
    programme's total ("11 ansökningar, 128,6 miljoner"). Shown, never summed, never the plan's total."""

    what: Text = Field(description=N_("What the sum is over, as the document says it (\"11 ansökningar i utlysningen\")."))
    amount: Amount = Field(description=N_("The sum as the document prints it."))
    source: Text | None = Field(None, description=N_("Where the document prints it."))


class CostLine(_Strict):
    """One line of the cost budget (kostnadsbudget); income lines are negative.

    `paid_as` says a line is paid as a simplified cost (unit costs or a lump
    sum), not as real costs; `procurement_above_threshold` that it holds a public
    contract (works, supplies, services) above the EU directive's thresholds;
    `vat` that its amount includes VAT (moms) the beneficiary can recover
    (`recoverable`) or cannot (`non_recoverable`); `side` which side of a
    cross-border programme the cost is on (as a financing line's). `amount` may be
    left out where a document other than an application does not print it, as a
    financing line's may.
    """

    id: LineId = Field(
        description=N_("The line's id, unique in the plan: findings, diffs and inline ignores name the line by it."),
    )
    category: Category = Field(
        description=N_("The cost category (kostnadsslag); `income` for project income, written negative."),
    )
    amount: Amount | None = Field(
        None, description=N_(
            "The cost; project income is negative. Left out only where a document other than an application does "
            "not print it."
        ),
    )
    description: Text | None = Field(None, description=N_("What the cost is, in words."))
    per_year: YearBreakdown | None = Field(None, description=N_("The line's amount by calendar year."))
    flat_rate: FlatRate | None = Field(None, description=N_("The flat rate (schablon) the line is computed as."))
    paid_as: Literal["unit_costs", "lump_sum"] | None = Field(
        None, description=N_("`unit_costs` or `lump_sum`: paid as a simplified cost, not as real costs."),
    )
    procurement_above_threshold: Literal["works", "supplies", "services"] | None = Field(
        None, description=N_(
            "The line holds a public contract above the EU directive's thresholds: `works`, `supplies` or "
            "`services`."
        ),
    )
    vat: Literal["recoverable", "non_recoverable"] | None = Field(
        None, description=N_(
            "The amount includes VAT (moms) the beneficiary can recover (`recoverable`) or cannot "
            "(`non_recoverable`)."
        ),
    )
    side: SchemeName | None = Field(
        None, description=N_("Which side of a cross-border programme the cost is on, as a financing line's `side`."),
    )


_SETTING_TYPES = {"percent": Percent, "amount": Amount, "eur": Amount, "number": Quantity, "hours": Quantity, "bool": bool}


def _setting_type(setting) -> object:
    return Literal[setting.choices] if setting.kind == "choice" else _SETTING_TYPES[setting.kind]

PlanSettings = create_model(
    "PlanSettings",
    __base__=_Strict,
    __doc__="Overrides of the profiles' numbers, by key: `anslag_1_1.max_share: 50 %`.",
    **{
        key.replace(".", "__"): (
            _setting_type(setting) | None,
            Field(None, alias=key, description=f"{setting.meaning[:1].upper()}{setting.meaning[1:]} ({setting.source})."),
        )
        for key, _, setting in all_settings()
    },
)


def overrides_of(settings: BaseModel | None) -> dict[str, object]:
    """The settings a plan wrote, by their keys."""
    if settings is None:
        return {}
    fields = type(settings).model_fields
    return {fields[name].alias or name: getattr(settings, name) for name in settings.model_fields_set}


def settings_of(plan: Plan, configuration: dict[str, object] | None = None) -> Settings:
    """The numbers in force for `plan`: its profiles' defaults, the configuration's, its own."""
    return Settings(tuple(plan.profiles or ()), overrides_of(plan.settings), configuration, plan.project.judged_on)


class Plan(_Strict):
    """A financing plan, format version 1.

    `outside_total` holds lines a document prints beside the total but not in
    it (volunteer time, financing outside the beneficiary's books): shown, never
    counted in sums, shares, limits or subtotals. `total` may be left out where
    a document other than an application does not print it. `cited` holds sums
    over several projects printed beside the plan's own (`Cited`).
    """

    finplan: Literal[1] = Field(description=N_("The format version: `1`. A file without this key is not a plan."))
    profiles: list[ProfileName] | None = Field(
        None, description=N_(
            "The rule profiles that govern the plan (the programmes whose rules hold), such as `anslag_1_1`."
        ),
    )
    settings: PlanSettings | None = Field(None, description=N_("Overrides of the profiles' numbers, by key."))
    project: Project = Field(description=N_("The project: case number, name, owner, period and dates."))
    currency: Currency = Field("SEK", description=N_("A three-letter currency code; `SEK` when left out."))
    total: Amount | None = Field(
        None, description=N_(
            "The project's total: what it costs, and what is financed; left out only where a document other than an "
            "application does not print it."
        ),
    )
    total_rounded_to: Annotated[Amount, Field(gt=0)] | None = Field(
        None, description=N_("The total was printed rounded to this (\"36 miljoner kronor\": 1 000 000)."),
    )
    eligible_costs: Amount | None = Field(
        None, description=N_(
            "The eligible costs (stödberättigande kostnader), where a limit is a share of them; the total when "
            "left out."
        ),
    )
    financing: Annotated[list[FinancingLine], Field(min_length=1)] = Field(
        description=N_("The financing plan (finansieringsplan): one line per financier and form, at least one."),
    )
    outside_total: Annotated[list[FinancingLine], Field(min_length=1)] | None = Field(
        None, description=N_(
            "Lines a document prints beside the total but not in it (volunteer time, financing outside the "
            "beneficiary's books): shown, never counted."
        ),
    )
    costs: list[CostLine] | None = Field(None, description=N_("The cost budget (kostnadsbudget): one line per cost."))
    cited: Annotated[list[Cited], Field(min_length=1)] | None = Field(
        None, description=N_(
            "Sums over several projects the document prints beside the project's own (a call's or programme's "
            "total): shown, never summed, never taken for the plan's total."
        ),
    )

    @field_validator("profiles")
    @classmethod
    def _each_profile_once(cls, profiles: list[str] | None) -> list[str] | None:
        first: dict[str, int] = {}
        for index, name in enumerate(profiles or ()):
            if name in first:
                # `index` lets finplan.shape place the finding at the repeated item, not at the whole list.
                raise validation_error(
                    "repeated",
                    Message(
                        "names the profile {name} a second time (first as `profiles[{first}]`); expected each profile once",
                        name=name, first=first[name],
                    ),
                    index=index,
                )
            first[name] = index
        return profiles
