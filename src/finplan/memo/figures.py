"""Every figure a memo states, as written and as a value: amounts, percentages, dates,
periods, durations and case numbers.

One regular expression finds them all in one pass over the text, leftmost
first, so the work grows with the length of the memo. Where a text could be
two figures the more specific one wins: a case number (RUN/99/2019) or a date
(2019-10-01) before an amount, so that neither a year nor a case number's
digits are ever read as kronor.

What counts as an amount: digits with a currency ("19 283 329 kr", "2,6 mnkr",
"3 miljoner kronor", "71.060 euro", "1,2 Mkr", "tre miljoner kronor"), or
digits in groups of three with nothing but punctuation after them (a table
cell "2 658 128"). A lone number without a currency (2019, 36, 1:1) is not.

Precision: a figure is exact to half the unit of its last stated digit
(`step`): "19 283 329 kronor" to the krona, "2,6 mnkr" to 100 000 kr,
"3 miljoner kronor" to the million. After "cirka", "ca", "drygt", "knappt",
"ungefär" a figure's trailing zeros are not precision: "ca 3 000 000 kr" is
stated to the million.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finplan.findings import shorten
from finplan.i18n import Message
from finplan.memo.limits import MEMO_LIMITS
from finplan.model import impossible_date
from finplan.money import MAX_AMOUNT

AMOUNT, PERCENT, DATE, PERIOD, DURATION, CASE, MONTH = (
    "amount", "percent", "date", "period", "duration", "case", "month",
)
ABOVE, BELOW = "above", "below"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"), ("maj",),
            ("juni", "jun"), ("juli", "jul"), ("augusti", "aug"), ("september", "sep", "sept"),
            ("oktober", "okt"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "arton": 18, "tjugofyra": 24, "trettio": 30, "trettiosex": 36,
    "fyrtioåtta": 48,
}
# (currency, scale) of each unit an amount is written in, by its lower-case first word.
_UNITS = {
    "kronor": ("SEK", 1), "kr": ("SEK", 1), "sek": ("SEK", 1), ":-": ("SEK", 1),
    "tkr": ("SEK", 10**3), "tsek": ("SEK", 10**3), "mnkr": ("SEK", 10**6), "mkr": ("SEK", 10**6),
    "msek": ("SEK", 10**6), "mdkr": ("SEK", 10**9),
    "euro": ("EUR", 1), "eur": ("EUR", 1), "€": ("EUR", 1), "teur": ("EUR", 10**3), "meur": ("EUR", 10**6),
}
_SCALES = {"tusen": 10**3, "miljon": 10**6, "miljoner": 10**6, "mn": 10**6, "miljard": 10**9, "miljarder": 10**9}
_CURRENCIES = {"kronor": "SEK", "kr": "SEK", "sek": "SEK", "euro": "EUR", "eur": "EUR"}

# A figure may wrap at a plain space: a PDF or a hard-wrapped text breaks "38 566\n657 kronor".
# Digit groups are also set apart by a no-break, narrow no-break, thin or figure space.
_SP = r"[ \u00a0\u202f\u2009\u2007\n]"
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WORD = "(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_ISO = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DATE = rf"(?:{_ISO}|[0-9]{{1,2}}\s+{_MONTH}\s+[0-9]{{4}})"
_TO = r"(?:\s*[–—-]\s*|\s+(?:till(?:\s+och\s+med)?|t\.\s?o\.\s?m\.?|to|until)\s+)"
_NOT_AFTER = r"(?<![\w.,:/\-−%])"  # "%2019" in a link is an escaped character, not a number
_NUMBER = (
    rf"{_NOT_AFTER}(?:[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+|[0-9]{{1,3}}(?:\.[0-9]{{3}})+(?![0-9])"
    rf"|[0-9]{{1,3}}(?:,[0-9]{{3}}){{2,}}|[0-9]+)(?:[.,][0-9]+)?(?![0-9])"
)
_SCALED = (
    r"(?:tusen|miljon(?:er)?|miljard(?:er)?|mn)\s*(?:kronor|kr|sek|euro|eur)(?![\w])"
    r"|(?:tkr|tsek|mnkr|mkr|msek|mdkr|teur|meur)(?![\w])"
)
_UNIT = rf"{_SCALED}|kronor(?!\w)|kr(?![^\W\d_])\.?|sek(?!\w)|euro(?!\w)|eur(?!\w)|€|:-"
_APPROX = r"(?:cirka|ca\.?|c:a|ungefär|omkring|runt|drygt|knappt|nästan|närmare)"
# "drygt 38 miljoner" is 38 million and a little more: the figure is cut, not rounded, so the plan's
# amount lies above it (or, after "knappt", below it) by less than its last digit.
_ABOVE = ("drygt",)
_BELOW = ("knappt", "nästan", "närmare")
# A case number (diarienummer): letters, a number and a year ("RUN/99/2019"), letters and a year,
# then a number with dashes ("KS2009/36-14", "RS2022/2261"), or a year and a number after "Dnr".
_CASE = (
    rf"(?<![\w/])(?-i:[A-ZÅÄÖ]){{2,10}}{_SP}?/{_SP}?[0-9]{{1,7}}{_SP}?/{_SP}?[0-9]{{4}}(?![\w/])"
    # ("EU 2021/1060" is a regulation, "SFS 2003/596" a statute: no case.)
    rf"|(?<![\w/])(?!(?-i:EU|EG|EEG|SFS|SOU)(?![A-ZÅÄÖ]))(?-i:[A-ZÅÄÖ]){{1,10}}{_SP}?[0-9]{{4}}{_SP}?/{_SP}?[0-9]{{1,7}}"
    rf"(?:-[0-9]{{1,7}})*(?![\w/-])"
    rf"|(?:dnr|diarienr|diarienummer)\.?:?{_SP}*(?P<dnr>[0-9]{{4}}-(?![0-9]{{2}}-[0-9]{{2}}(?![0-9]))[0-9]{{1,7}}"
    rf"(?:-[0-9]{{1,7}})*)(?![\w/-])"
)

# Every figure starts a word: the one look behind, tried first, passes over the inside of words at once.
_FIGURE = re.compile(
    rf"(?<!\w)(?:(?P<case>{_CASE})"
    rf"|(?P<period>(?<![\w-])(?P<from>{_DATE}){_TO}(?P<to>{_DATE})(?![\w-]))"
    # "1 januari – 30 november 2009", "1–30 november 2009": the start's year (and month) is the end's.
    rf"|(?P<days>(?<![\w.,:/-])(?P<d1>[0-9]{{1,2}})(?:\s+(?P<dm1>{_MONTH}))?{_TO}(?P<d2>[0-9]{{1,2}})\s+(?P<dm2>{_MONTH})"
    rf"\s+(?P<dy>[0-9]{{4}})(?![\w-]))"
    rf"|(?P<months>(?<!\w)(?P<m1>{_MONTH})(?:\s+(?P<y1>[0-9]{{4}}))?{_TO}(?P<m2>{_MONTH})\s+(?P<y2>[0-9]{{4}})(?!\w))"
    rf"|(?P<date>(?<![\w-]){_DATE}(?![\w-]))"
    rf"|(?P<month>(?<!\w){_MONTH}\s+[0-9]{{4}}(?![\w-]))"
    rf"|(?P<percent>(?P<pnum>{_NUMBER}){_SP}?(?:%(?![0-9A-Fa-f]{{2}})|procent(?!\w)))"
    rf"|(?P<amount>(?:(?P<approx>{_APPROX})\s+)?(?P<num>{_NUMBER}){_SP}?(?P<unit>{_UNIT}))"
    rf"|(?P<wamount>(?:{_APPROX}\s+)?(?<!\w)(?P<wnum>{_WORD}){_SP}+(?P<wunit>{_SCALED}))"
    rf"|(?P<bare>{_NOT_AFTER}[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+(?:,[0-9]{{1,2}})?(?![0-9\w]))"
    rf"|(?P<duration>(?<![\w.,])(?P<dnum>[0-9]{{1,3}}(?:,[0-9])?|{_WORD})\s+(?P<dunit>år|månader|månaders|månad)(?!\w))"
    rf"|(?P<adjective>(?<!\w)(?P<anum>[0-9]{{1,2}}-|{_WORD}-?)årig[at]?(?!\w)))",
    re.IGNORECASE,
)
# After a bare group of digits, these words may follow an amount; any other word makes it a count. A tab is a
# table's next cell (as `units` reads a row), and so is a gap of two spaces before another figure ("300 000  400 000").
_BARE_FOLLOWERS = re.compile(r"[ ]*\t| {2,}(?=[0-9])|\s*(?:[^\w\s]|$|(?i:och|samt|varav|resp\.?|respektive)(?!\w))")
_SPACES = re.compile(r"\s+")
_NOT_DIGITS = re.compile(r"[^0-9]+")
_MAX_DIGITS = MEMO_LIMITS.max_figure_digits
_SINCE = re.compile(r"\s+sedan(?!\w)", re.IGNORECASE)
_LINK = re.compile(r"(?<![\w@])(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a unit of memo text: what it is, where, and its value.

    `value` is an amount in its currency's units, a percentage, or a length in
    months; `first` and `last` are a date's or period's first and last days,
    a whole month for a month written by name. `problem` says why a
    date-like text is no date.
    """

    kind: str
    text: str
    start: int
    end: int
    value: Decimal | None = None
    step: Decimal = Decimal(1)
    currency: str | None = None
    first: date | None = None
    last: date | None = None
    to_month: bool = False
    problem: Message | None = None
    bound: str | None = None  # ABOVE: "drygt X", the plan's amount is X or a little more; BELOW: "knappt X"
    bare: bool = False  # a number with no unit ("2 658 128", a table's cell): in a table of tkr, thousands

    @property
    def rounded(self) -> bool:
        return self.step > 1


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order; none inside a web address ("…/beslut%202022.pdf")."""
    found = []
    links = _LINK.finditer(text)
    link = next(links, None)
    for match in _FIGURE.finditer(text):
        while link is not None and link.end() <= match.start():
            link = next(links, None)
        if link is not None and link.start() <= match.start():
            continue
        figure = _figure(match, text)
        # A number of a quadrillion or more is no amount of a plan (MAX_AMOUNT), nor a share or length.
        if figure is not None and (figure.value is None or figure.value < MAX_AMOUNT):
            found.append(figure)
    return found


def _figure(match: re.Match[str], text: str) -> Figure | None:
    kind = _top(match)
    start, end = match.span()
    # Quoted on one line, its spaces one each, whatever wrapped or padded it.
    written = shorten(_SPACES.sub(" ", match.group()), 80)
    if kind == "case":
        if match["dnr"]:  # "Dnr 2019-123": the number is the case, the label is not
            return Figure(CASE, match["dnr"], match.start("dnr"), end)
        return Figure(CASE, re.sub(r"\s", "", written), start, end)
    if kind == "period":
        return _period(written, start, end, _day(match["from"]), _day(match["to"]))
    if kind == "days":
        year, month = int(match["dy"]), _MONTHS[match["dm2"].lower().rstrip(".")]
        first_month = _MONTHS[match["dm1"].lower().rstrip(".")] if match["dm1"] else month
        first_year = year - 1 if first_month > month else year  # "1 november – 31 januari 2020"
        first = _day(f"{first_year:04}-{first_month:02}-{int(match['d1']):02}")
        return _period(written, start, end, first, _day(f"{year:04}-{month:02}-{int(match['d2']):02}"))
    if kind == "months":
        year = match["y1"]
        if year is None:  # "oktober – december 2019": the start's year is the end's, or the one before
            later = _MONTHS[match["m1"].lower().rstrip(".")] > _MONTHS[match["m2"].lower().rstrip(".")]
            year = str(int(match["y2"]) - later)
        first = _month_day(match["m1"], year, last=False)
        last = _month_day(match["m2"], match["y2"], last=True)
        return _period(written, start, end, first, last, to_month=True)
    if kind == "date":
        day = _day(match.group())
        if isinstance(day, Message):
            return Figure(DATE, written, start, end, problem=day)
        return Figure(DATE, written, start, end, first=day, last=day)
    if kind == "month":
        return Figure(MONTH, written, start, end)
    if kind in ("percent", "amount", "bare") and _too_long(match["pnum"] or match["num"] or match.group()):
        return None  # more digits than any figure of a plan: no figure of one, as a quadrillion is none
    if kind == "percent":
        value, decimals = _number(match["pnum"], decimal_point=True)
        return Figure(PERCENT, written, start, end, value, Decimal(1).scaleb(-decimals))
    if kind == "amount":
        return _amount(match, written, start, end)
    if kind == "wamount":
        unit = match["wunit"].lower().split()
        currency, scale = _unit(unit)
        value = Decimal(_WORDS[match["wnum"].lower()]) * scale
        return Figure(AMOUNT, written, start, end, value, Decimal(scale), currency)
    if kind == "bare":
        if not _BARE_FOLLOWERS.match(text, end):
            return None
        value, decimals = _number(match.group(), decimal_point=True)
        return Figure(AMOUNT, written, start, end, value, Decimal(1).scaleb(-decimals), bare=True)
    if kind == "duration":
        if _SINCE.match(text, end):  # "för tre år sedan" is a time ago, not a length
            return None
        number = match["dnum"].lower()
        count = Decimal(_WORDS[number]) if number in _WORDS else _number(number, decimal_point=True)[0]
        months = count * 12 if match["dunit"].lower() == "år" else count
        return Figure(DURATION, written, start, end, months)
    number = match["anum"].lower().rstrip("-")
    count = _WORDS.get(number) or int(number)
    return Figure(DURATION, written, start, end, Decimal(count * 12))


def _too_long(number: str) -> bool:
    """Whether a number has more digits than any figure of a plan (`MemoLimits.max_figure_digits`).

    Such a number is read no further: its value is of no plan, and Python
    reads no int of more than 4 300 digits.
    """
    return len(number) > _MAX_DIGITS and len(_NOT_DIGITS.sub("", number)) > _MAX_DIGITS


_TOP = ("case", "period", "days", "months", "date", "month", "percent", "amount", "wamount", "bare", "duration", "adjective")


def _top(match: re.Match[str]) -> str:
    """The alternative that matched (the pattern's groups nest, so `lastgroup` may name an inner one)."""
    return next(name for name in _TOP if match.group(name) is not None)


def _period(written, start, end, first, last, *, to_month: bool = False) -> Figure:
    problem = next((day for day in (first, last) if isinstance(day, Message)), None)
    if problem is not None:
        return Figure(PERIOD, written, start, end, problem=problem, to_month=to_month)
    return Figure(PERIOD, written, start, end, first=first, last=last, to_month=to_month)


def _amount(match: re.Match[str], written: str, start: int, end: int) -> Figure:
    unit = match["unit"].lower().rstrip(".").split()
    currency, scale = _unit(unit)
    number = match["num"]
    # "71.060 euro" groups thousands with dots; "1.5 Mkr" has a decimal point.
    value, decimals = _number(number, decimal_point=scale > 1 or not re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", number))
    step = Decimal(1).scaleb(-decimals) * scale
    bound = None
    if match["approx"]:
        word = match["approx"].lower()
        bound = ABOVE if word in _ABOVE else BELOW if word in _BELOW else None
        if decimals == 0 and value:
            whole = str(int(value))
            step = Decimal(10) ** (len(whole) - len(whole.rstrip("0"))) * scale
    return Figure(AMOUNT, written, start, end, value * scale, step, currency, bound=bound)


def _unit(words: list[str]) -> tuple[str, int]:
    """(currency, scale) of a unit: `["miljoner", "kronor"]` -> ("SEK", 10**6)."""
    first = words[0]
    if first in _UNITS:
        return _UNITS[first]
    for scale_word, scale in _SCALES.items():
        if first.startswith(scale_word) and first[len(scale_word):] in _CURRENCIES:
            return _CURRENCIES[first[len(scale_word):]], scale  # "mnkr" written as one word
    return _CURRENCIES[words[-1]], _SCALES[first]


def _number(text: str, *, decimal_point: bool) -> tuple[Decimal, int]:
    """The value of a number as written, and how many decimals it states."""
    digits = re.sub(r"\s", "", text)
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?", digits):
        digits = digits.replace(",", "")  # 1,234,567.50
    elif not decimal_point or re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+", digits):
        digits = digits.replace(".", "").replace(",", ".")  # 71.060 or 1.234,50
    else:
        digits = digits.replace(",", ".")
    whole, _, decimals = digits.partition(".")
    return Decimal(digits), len(decimals)


def _day(text: str) -> date | Message:
    """The date written `text` (ISO or "1 oktober 2019"), or why it is none."""
    parts = text.split()
    if len(parts) == 3:
        year, month, day = int(parts[2]), _MONTHS[parts[1].lower().rstrip(".")], int(parts[0])
    else:
        year, month, day = (int(part) for part in text.split("-"))
    reason = impossible_date(year, month, day)
    if reason is not None:
        return Message("{text} is no date ({reason})", text=text, reason=reason)
    return date(year, month, day)


def _month_day(month: str, year: str, *, last: bool) -> date | Message:
    """The first (or last) day of a month written by name, or why there is none."""
    number = _MONTHS[month.lower().rstrip(".")]
    reason = impossible_date(int(year), number, 1)
    if reason is not None:
        return Message("{month} {year} is no month ({reason})", month=month, year=year, reason=reason)
    return date(int(year), number, calendar.monthrange(int(year), number)[1] if last else 1)
