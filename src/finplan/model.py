"""The plan format, version 1, as Pydantic models.

Strict throughout: no key the format does not know, no type coerced into
another. Amounts are exact `Decimal`s read by `money.parse_amount`; dates are
written `YYYY-MM-DD`. The format is documented in docs/plan-format.md.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from finplan.money import AmountError, parse_amount

FORMAT_VERSION = 1

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ID = re.compile(r"[\w.:-]{1,64}\Z")
_CURRENCY = re.compile(r"[A-Z]{3}\Z")


def _amount(value: object) -> Decimal:
    try:
        return parse_amount(value)
    except AmountError as error:
        raise PydanticCustomError("amount", str(error)) from None


def _date(value: object) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise PydanticCustomError("date", "expected a date written YYYY-MM-DD, such as 2019-10-01")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise PydanticCustomError("date", "no such date: {reason}", {"reason": str(error)}) from None


def _id(value: object) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise PydanticCustomError(
            "id", "expected an id of letters, digits and . _ : - (at most 64), such as region-bidrag"
        )
    return value


def _currency(value: object) -> str:
    if not isinstance(value, str) or not _CURRENCY.match(value):
        raise PydanticCustomError("currency", "expected a three-letter currency code, such as SEK")
    return value


Amount = Annotated[Decimal, BeforeValidator(_amount)]
PlanDate = Annotated[date, BeforeValidator(_date)]
LineId = Annotated[str, BeforeValidator(_id)]
Text = Annotated[str, Field(min_length=1)]
Currency = Annotated[str, BeforeValidator(_currency)]
YearBreakdown = dict[int, Amount]

Sector = Literal["public", "private"]
Form = Literal["cash", "in_kind"]
Status = Literal["proposed", "applied", "decided"]
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


class Period(_Strict):
    """A period (projektperiod), both ends inclusive."""

    start: PlanDate
    end: PlanDate


class Project(_Strict):
    """The project: its case number (diarienummer), name, owner and period."""

    case: Text
    name: Text
    owner: Text
    period: Period


class FinancingLine(_Strict):
    """One line of the financing plan (finansieringsplan): who pays how much, and how.

    A financier giving both cash and in kind has two lines.
    """

    id: LineId
    financier: Text
    sector: Sector
    form: Form
    status: Status
    amount: Amount
    case: Text | None = None
    appropriation: Text | None = None
    period: Period | None = None
    per_year: YearBreakdown | None = None
    note: Text | None = None


class CostLine(_Strict):
    """One line of the cost budget (kostnadsbudget); income lines are negative."""

    id: LineId
    category: Category
    amount: Amount
    description: Text | None = None
    per_year: YearBreakdown | None = None


class Plan(_Strict):
    """A financing plan, format version 1."""

    finplan: Literal[1]
    project: Project
    currency: Currency = "SEK"
    total: Amount
    financing: Annotated[list[FinancingLine], Field(min_length=1)]
    costs: list[CostLine] | None = None
