"""Typing slips: whether one written figure is another with one digit mistyped, or two digits swapped.

A declared total of 620 211 against financing that sums to 600 211 differs in
one digit: the total is the likely typo. Figures are compared digit by digit,
as written to the same number of decimals, so 1 000 and 10 000 (a digit more)
are no slip of this kind. Round figures differ in one digit by any round
amount (1 000 against 1 100), which says nothing of a typo: a slip is named
only where the figures agree in at least SHARED_DIGITS other digits that are
not 0.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum


SHARED_DIGITS = 3


class Slip(Enum):
    DIGIT = "digit"  # one digit differs: 620 211 for 600 211
    SWAP = "swap"  # two adjacent digits swapped: 620 211 for 602 211


def slip(written: Decimal, meant: Decimal) -> Slip | None:
    """The slip that turns `meant` into `written`, or None where they are equal or differ otherwise."""
    if written.is_signed() or meant.is_signed() or written == meant:
        return None
    places = min(written.as_tuple().exponent, meant.as_tuple().exponent, 0)
    unit = Decimal(1).scaleb(places)
    a, b = f"{written.quantize(unit):f}", f"{meant.quantize(unit):f}"
    if len(a) != len(b):
        return None
    apart = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if sum(1 for x, y in zip(a, b) if x == y and x not in "0.") < SHARED_DIGITS:
        return None
    if len(apart) == 1:
        return Slip.DIGIT
    if len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]] and a[apart[1]] == b[apart[0]]:
        return Slip.SWAP
    return None
