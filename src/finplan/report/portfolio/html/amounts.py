"""How a chart writes money: whole kronor, or millions (`12,9 mnkr`), never öre.

A chart is read at a glance; its tables beside it hold every figure to the
öre. Each chart picks one way for all its labels: whole kronor where they fit
side by side, else millions; and the unit is left off the labels where even
those would crowd, as the chart's title names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from finplan.money import format_number

MILLION = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class Amounts:
    """One way of writing a chart's amounts: in millions or whole units, with the unit or bare."""

    currency: str
    millions: bool = False
    decimals: int = 0
    unit: bool = True

    @property
    def unit_name(self) -> str:
        """`kr`, or `mnkr` (miljoner kronor, as a Swedish memo abbreviates it); `EUR`, `mnEUR`."""
        unit = "kr" if self.currency == "SEK" else self.currency
        return f"mn{unit}" if self.millions else unit

    def __call__(self, amount: Decimal) -> str:
        if self.millions:
            text = _digits(amount / MILLION, self.decimals)
        else:
            text = format_number(amount.quantize(Decimal(1), ROUND_HALF_EVEN))
        return f"{text} {self.unit_name}" if self.unit else text

    def tick(self, value: float) -> str:
        """A tick's round value: `2,5 mnkr`, `500 000 kr`; no decimals it does not need."""
        amount = Decimal(round(value))
        if not self.millions:
            return self(amount)
        millions = amount / MILLION
        decimals = max(0, -millions.normalize().as_tuple().exponent)
        return f"{_digits(millions, decimals)} {self.unit_name}"


def _digits(amount: Decimal, decimals: int) -> str:
    """`12,9`, `1 234,5`, `−0,3`: `decimals` places, half to even, digits grouped as the text report groups them."""
    rounded = amount.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    whole, _dot, fraction = f"{abs(rounded):f}".partition(".")
    text = f"{int(whole):,}".replace(",", " ") + (f",{fraction}" if fraction else "")
    return ("−" if rounded < 0 else "") + text


def ways(currency: str, largest: Decimal) -> list[Amounts]:
    """The ways to write a chart's amounts whose largest is `largest`, most exact first."""
    decimals = 1 if largest < 100 * MILLION else 0
    millions = [Amounts(currency, True, decimals, True), Amounts(currency, True, decimals, False)]
    whole = [Amounts(currency), Amounts(currency, unit=False)]
    if largest >= MILLION:
        return millions + [whole[1]]
    return whole[:1] + millions[:1] + whole[1:] + millions[1:]
