"""Figures of a plan that are no line of its total: each payer's part of a split line, and lines beside the total.

`memo render` writes them as "Finansieringen från Leader Testbygd, 360 000
kronor, fördelas på EU och staten 241 200 kronor (67 %) och …" and "Därutöver
bidrar Byaföreningen med ideell tid motsvarande 88 000 kronor, som inte ingår
i projektets totala finansiering." A figure is claimed here, before the words
around it are weighed as for a line of the total, only where it is exactly
such a figure and the memo says whose it is:

- a part's amount right after its payer's name, and the part's share (as the
  plan declares it) right after that amount, in parentheses;
- the share of a part whose amount the plan leaves unstated, right after its
  payer's name ("EU och staten (67 %)", "EU och staten belopp ej angivet
  (67 %)"): its share as the plan declares it is all there is to compare it
  with, and it is compared (FP706 where it differs);
- the share of a part whose amount is stated, right after its payer's name
  ("varav EU och staten 67 %"): its declared share, or its amount's share of
  the total, else FP706;
- a line beside the total after its financier's name, in a sentence that says
  it is beside it ("därutöver", "utöver", "utanför", "inte ingår", "ideell").

Anything else is read as before, so a slip in such a figure is no worse
checked than any figure nothing names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from finplan.memo.figures import AMOUNT, PERCENT, Figure
from finplan.model import Plan

_BESIDE = re.compile(r"därutöver|utöver|utanför|inte\s+ingår|ingår\s+inte|ideell", re.IGNORECASE)
_BEFORE_SHARE = re.compile(r"[\s(]*")
# Between an unstated part's payer and its share: "EU och staten (67 %)", "… belopp ej angivet (67 %)", "… med 67 %".
_TO_SHARE = r"[\s,]*(?:belopp\s+(?:ej|inte)\s+angivet[\s,]*)?(?:med\s+)?\(?\s*$"
_REACH = 300


@dataclass(frozen=True, slots=True)
class _Figure:
    name: re.Pattern[str]  # who it is of, as the words right before it must say
    value: Decimal
    label: str  # the plan's line, and the payer of a part
    share: Decimal | None = None


class SplitAndBeside:
    """The plan's parts of split lines and its lines beside the total, ready to claim a memo's figures."""

    def __init__(self, plan: Plan) -> None:
        self.parts = [
            _Figure(_name(part.payer, r"\s*$"), part.amount_of(line.amount), f"{line.id}: {part.payer}", part.share)
            for line in plan.financing for part in line.split or ()
            if part.amount_of(line.amount) is not None  # a part of an unstated line gives no figure to claim
        ]
        financiers = {" ".join(line.financier.split()).lower() for line in plan.financing}
        self.unstated_shares = [
            _Figure(_payer(part.payer, _TO_SHARE, financiers), part.share, f"{line.id}: {part.payer}", part.share)
            for line in plan.financing for part in line.split or ()
            if part.amount_of(line.amount) is None and part.share is not None
        ]
        # A part of a stated amount whose share is written after its payer's name, with no amount between
        # ("varav EU och staten 67 %"): its declared share, or its amount's share of the total.
        self.stated_shares = [
            (_Figure(_payer(part.payer, _TO_SHARE, financiers), part.share, f"{line.id}: {part.payer}", part.share),
             part.amount_of(line.amount) * 100 / plan.total if plan.total else None)
            for line in plan.financing for part in line.split or ()
            if part.amount_of(line.amount) is not None and part.share is not None
        ]
        self.beside = [_Figure(_name(line.financier, ""), line.amount, line.id) for line in plan.outside_total or ()]
        self.last: tuple[str, int, _Figure] | None = None  # the part whose amount was claimed last, and where it ends

    def claim(self, text: str, figure: Figure) -> tuple[str, Decimal, str] | None:
        """(label, the plan's value, "amount", "share" or "declared share") where `figure` is one of these, else None.

        A "declared share" is an unstated part's, claimed by its payer's name whatever its value: the caller
        compares them."""
        # The words before a figure are read no further back than _REACH: a figure's cost stays the same in any memo.
        reach = max(0, figure.start - _REACH)
        if figure.kind == PERCENT and self.last is not None:
            last_text, end, part = self.last
            if last_text is text and part.share == figure.value and _BEFORE_SHARE.fullmatch(text, end, figure.start):
                return part.label, part.share, "share"
        if figure.kind == PERCENT:
            for part in self.unstated_shares:
                if part.name.search(text, reach, figure.start):
                    return part.label, part.value, "declared share"
            for part, of_total in self.stated_shares:
                if part.name.search(text, reach, figure.start):
                    if of_total is not None and abs(figure.value - of_total) <= figure.step / 2:
                        return part.label, of_total, "share"
                    return part.label, part.value, "declared share"
        if figure.kind != AMOUNT:
            return None
        for part in self.parts:
            if part.value == figure.value and part.name.search(text, reach, figure.start):
                self.last = (text, figure.end, part)
                return part.label, part.value, "amount"
        start = max(text.rfind(". ", reach, figure.start) + 1, reach)
        end = text.find(". ", figure.end, figure.end + _REACH)
        for line in self.beside:
            if (line.value == figure.value and line.name.search(text, start, figure.start)
                    and _BESIDE.search(text, start, end if end >= 0 else figure.end + _REACH)):
                return line.label, line.value, "amount"
        return None


def _payer(payer: str, after: str, financiers: set[str]) -> re.Pattern[str]:
    """A payer's name, also without a closing parenthesis of the plan's ("EU och staten" for "EU och staten
    (Jordbruksverket)") where that shorter name is no financier's of the plan."""
    short = re.sub(r"\s*\([^()]*\)\s*$", "", payer)
    if not short or short == payer or " ".join(short.split()).lower() in financiers:
        return _name(payer, after)
    words = [r"\s+".join(map(re.escape, name.split())) for name in (payer, short)]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")" + after, re.IGNORECASE)


def _name(name: str, after: str) -> re.Pattern[str]:
    """A name's words apart by any white space, as a memo wraps them; `after` what may follow it."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + after, re.IGNORECASE)
