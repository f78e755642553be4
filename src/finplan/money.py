"""Exact amounts of money: reading them as written, and printing them as memos do."""

from __future__ import annotations

import re
from decimal import Decimal

from finplan.findings import shorten
from finplan.i18n import Message, Plural

_MAX_WHOLE_DIGITS = 15
# What may stand around a value written as text: spaces and tabs, as copied from a memo.
BLANKS = " \t\u00a0\u202f"


def amount_pattern(*, signed: bool = True, exact: bool = False) -> str:
    """The forms an amount may be written in as text, as one regular expression.

    Digit groups of three, separated by one space (plain, no-break or narrow
    no-break, as memos are copied) or one underscore; or no separator at all.
    No leading zero: `0400` is octal to some readers and decimal to others.

    The reader takes any number of digits and decimals and then says what is
    wrong (three decimals, too many digits) in words; with `exact`, the pattern
    itself holds the limits, for JSON Schema. Both are made here, from one text.
    """
    digits = f"{{0,{_MAX_WHOLE_DIGITS - 1}}}" if exact else "*"
    groups = f"{{1,{(_MAX_WHOLE_DIGITS - 1) // 3}}}" if exact else "+"
    decimals = "{1,2}" if exact else "+"
    sign = "[-\u2212]?" if signed else ""
    whole = (
        f"(?:0|[1-9][0-9]{digits}|[1-9][0-9]{{0,2}}(?:[ \u00a0\u202f][0-9]{{3}}){groups}"
        f"|[1-9][0-9]{{0,2}}(?:_[0-9]{{3}}){groups})"
    )
    return f"{sign}{whole}(?:[.,][0-9]{decimals})?"


def percent_pattern(*, exact: bool = False) -> str:
    """The forms a percentage may be written in; with `exact`, the pattern also holds "at most 100 %"."""
    number = "(?:0*100(?:[.,]0+)?|0*[0-9]{1,2}(?:[.,][0-9]+)?)" if exact else "[0-9]+(?:[.,][0-9]+)?"
    return f"({number})[ \u00a0\u202f]?%"


def schema_pattern(pattern: str, *, blanks: bool = True) -> str:
    """A reader's pattern as JSON Schema writes it: the whole text, blanks allowed around it unless not `blanks`.

    `(?!\\n)` after `$`: Python's `$` (jsonschema's) also matches before a last newline, an editor's does
    not, and the reader's `\\Z` never does; so that "600\\n" is refused by every one of them.
    """
    around = f"[{BLANKS}]*" if blanks else ""
    return f"^{around}{pattern}{around}$(?!\n)"


_AMOUNT = re.compile(amount_pattern() + r"\Z")
_TO_DIGITS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "_": None, ",": ".", "\u2212": "-"})

# Below a quadrillion kronor, with öre: 17 digits, so sums of millions of
# amounts stay well inside Decimal's 28 digits and are never rounded.
MAX_AMOUNT = Decimal(10) ** 15


class AmountError(ValueError):
    """An amount that cannot be read exactly; `message` (a Message) says why, `written` what to write, where it says."""

    def __init__(self, message: Message, written: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.written = written


def _expected_amount() -> Message:
    return Message('expected an amount such as 2658128, 2_658_128, "2 658 128" or 1234.50')


def units(currency: str) -> tuple[str, Message | str]:
    """What a plan's money is called: (`kr`, `öre`) for SEK; the code and cents otherwise."""
    return ("kr", Message("öre")) if currency == "SEK" else (currency, Message("cents"))


# A number with a dot (or comma) every three digits and nothing after the last group:
# a thousands separator as other languages write it, "71.060" or "800.000".
_DOTTED_THOUSANDS = re.compile(r"[-\u2212]?[1-9][0-9]{0,2}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*\Z")
_UNIT_WRITTEN = re.compile(
    r"(?P<number>.*?[0-9])[ \u00a0\u202f]*(?P<unit>kr|kronor|sek|:-|eur|euro|€|mkr|mnkr|msek|tkr|miljoner)\.?\Z",
    re.IGNORECASE,
)


def parse_amount(value: object, currency: str = "SEK") -> Decimal:
    """An exact Decimal from an amount as the loader gives it.

    Integers and Decimals come from plain YAML numbers; text is accepted in the
    forms decision memos print (`2 658 128`, `1 234,50`) and with underscores.
    Öre (cents) are at most two decimals; there is no float anywhere on the way.
    A message names what the writer most likely meant, in the plan's currency.
    """
    # Text first: the form most amounts in a plan are written in ("2 658 128").
    if type(value) is not str:
        if isinstance(value, bool) or value is None:
            raise AmountError(_expected_amount())
        if isinstance(value, int):
            return _checked(Decimal(value), currency)
        if isinstance(value, Decimal):
            return _checked(value, currency)
    if isinstance(value, str):
        text = value.strip(BLANKS)
        if _AMOUNT.match(text) is None:
            raise AmountError(_unreadable(text, currency), _regrouped(text))
        # The pattern admits only digits, so the text's own shape says what
        # _checked would: how many decimals, how many whole digits.
        digits = text.translate(_TO_DIGITS)
        whole, _, ore = digits.lstrip("-").partition(".")
        if len(ore) > 2:
            raise AmountError(_too_many_decimals(text, currency), _regrouped(text))
        if len(whole) > _MAX_WHOLE_DIGITS:
            raise AmountError(_too_large(currency))
        return Decimal(digits)
    raise AmountError(_expected_amount())


def _unreadable(text: str, currency: str) -> Message:
    if _DOTTED_THOUSANDS.match(text):
        return _too_many_decimals(text, currency)
    unit = _UNIT_WRITTEN.match(text)
    if unit is not None:
        written = unit.group("unit").lower()
        number = shorten(unit.group("number"))
        if written in ("mkr", "mnkr", "msek", "miljoner", "tkr"):
            scale = 1000 if written == "tkr" else 1_000_000
            try:
                full = format_number(parse_amount(number) * scale)
            except AmountError:
                full = "800 000"
            values = {"number": number, "unit": unit.group("unit"), "currency": units(currency)[0], "full": full}
            if scale == 1000:
                return Message("{number} {unit} is an amount in thousands; write it in full, in {currency}: {full}", **values)
            return Message("{number} {unit} is an amount in millions; write it in full, in {currency}: {full}", **values)
        return Message(
            "the amount has its unit written into it ({unit}); write the number alone, such as {number}: the plan's "
            "currency ({currency}) is set once, by `currency:`",
            unit=unit.group("unit"), number=number, currency=currency,
        )
    return Message(
        'expected an amount such as 2658128, 2_658_128, "2 658 128" or 1234.50; digit groups are separated by one '
        "space or underscore every three digits"
    )


def _regrouped(text: str) -> str | None:
    """`85 000` for "85.000": a number written with a dot or comma between its digit groups, as finplan writes it."""
    if not _DOTTED_THOUSANDS.match(text):
        return None
    return format_number(Decimal(text.replace(".", "").replace(",", "").replace("\u2212", "-")))


def _too_many_decimals(text: str, currency: str) -> Message:
    fraction = units(currency)[1]
    grouped = _regrouped(text)
    if grouped is not None:
        values = {"text": text, "grouped": grouped, "plain": grouped.replace(" ", "").replace("−", "-"), "fraction": fraction}
        if "." in text:
            return Message(
                "{text} looks like {grouped} written with a dot between its digit groups; write {grouped} or {plain} "
                "(a decimal point or comma takes at most two decimals, {fraction})",
                **values,
            )
        return Message(
            "{text} looks like {grouped} written with a comma between its digit groups; write {grouped} or {plain} "
            "(a decimal point or comma takes at most two decimals, {fraction})",
            **values,
        )
    return Message("an amount has at most two decimals ({fraction})", fraction=fraction)


def _too_large(currency: str) -> Message:
    return Message("expected an amount below 1 000 000 000 000 000 {unit} (the limit)", unit=units(currency)[0])


_PERCENT = re.compile(percent_pattern() + r"\Z")
PERCENT_MAX_CHARS = 40


def parse_percent(value: object) -> Decimal:
    """`"15 %"` -> `Decimal(15)`; the % sign is required, so 0.15 and 15 are never confused."""
    match = _PERCENT.match(value.strip(BLANKS)) if isinstance(value, str) and len(value) <= PERCENT_MAX_CHARS else None
    if match is None:
        raise AmountError(Message("expected a percentage with its % sign, such as 15 % or 39,15 %"))
    percent = Decimal(match.group(1).replace(",", "."))
    if percent > 100:
        raise AmountError(Message("expected a percentage of at most 100 %"))
    return percent


def _checked(amount: Decimal, currency: str = "SEK") -> Decimal:
    if not amount.is_finite():
        raise AmountError(_expected_amount())
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0:
        raise AmountError(Message("write the amount in full, without an exponent"))
    if exponent < -2:
        # A plain YAML number keeps its written decimals: 800.000 is Decimal("800.000").
        text = f"{amount:f}" if exponent >= -6 and amount.copy_abs() < MAX_AMOUNT else ""
        raise AmountError(_too_many_decimals(text, currency), _regrouped(text))
    # copy_abs, not abs(): it applies no context, so no exponent can overflow it.
    if amount.copy_abs() >= MAX_AMOUNT:
        raise AmountError(_too_large(currency))
    return amount


def unstated_amount() -> Message:
    """What stands where a figure would, for an amount the plan's document does not print."""
    return Message("amount not stated")


def format_number(amount: Decimal | None) -> str:
    """`Decimal("38566657")` -> `38 566 657`; öre, when there are any, after a comma."""
    if amount is None:
        return unstated_amount()
    sign = "−" if amount < 0 else ""
    amount = abs(amount)
    if amount == int(amount):
        return sign + f"{int(amount):,}".replace(",", " ")
    # Rounded to öre before the kronor are split off: 119 999,998 carries into 120 000,00.
    rounded = amount.quantize(Decimal("0.01"))
    whole = int(rounded)
    digits = f"{whole:,}".replace(",", " ")
    return f"{sign}{digits},{int((rounded - whole) * 100):02d}"


def format_kr(amount: Decimal | None, currency: str = "SEK") -> str:
    """An amount as a Swedish decision memo prints it: `38 566 657 kr`; one left unstated says so."""
    if amount is None:
        return unstated_amount()
    unit = "kr" if currency == "SEK" else currency
    return f"{format_number(amount)} {unit}"


def format_percent(percent: Decimal, *, as_written: bool = False) -> str:
    """`Decimal("39.15")` -> `39,15 %`; `Decimal(50)` -> `50 %`; with `as_written`, a share keeps the
    decimals it was printed with: `Decimal("39.90")` -> `39,90 %`."""
    text = f"{percent if as_written else percent.normalize():f}".replace(".", ",")
    return f"{text} %"


def printed_precision(share: Decimal | None) -> Decimal:
    """How far a share printed with decimals may lie from the written one: half its last decimal.

    "39,99 %" holds 39,985 % to 39,995 %, "39,9 %" 39,85 % to 39,95 %; the decimals
    are those written, kept by the Decimal the text was read into. A whole
    percentage, "50 %", is the rule's own number, not a rounded figure: exact.
    """
    if share is None:
        return Decimal(0)
    exponent = share.as_tuple().exponent
    return half_last_digit(share) if isinstance(exponent, int) and exponent < 0 else Decimal(0)


def half_last_digit(value: Decimal) -> Decimal:
    """Half a unit of the last digit written, as far as a printed figure may lie from the exact one:
    0,005 for 39,99; 0,5 for 40. The digits are those written, kept by the Decimal the text was read into."""
    return half(Decimal(1).scaleb(value.as_tuple().exponent))


def half(unit: Decimal | None) -> Decimal:
    """How far a figure printed rounded to `unit` may lie from the exact one: half the unit (0 where exact).

    The one reading of a printed figure's precision: an amount's `rounded_to`, a total's
    `total_rounded_to` and a share's last digit (`half_last_digit`) all hold to half their unit.
    """
    return unit / 2 if unit is not None else Decimal(0)


def format_points(difference: Decimal) -> Message:
    """`Decimal("1.5")` -> `1,5 percentage points`; the size of a difference between two percentages."""
    size = format_percent(abs(difference)).removesuffix(" %")
    return Plural("{size} percentage point", "{size} percentage points", 1 if abs(difference) == 1 else 2, size=size)


def format_share(part: Decimal | None, whole: Decimal | None) -> str:
    """`part` as a percentage of `whole`, never rounded to a figure it is not.

    Two decimals as a rule; where those would print a share that is not exact
    as if it were (50,00 % for 50,0000013 %), decimals are added until the
    difference shows in two significant digits, so a share just over a cap never reads as the cap itself.
    """
    if whole == 0 or whole is None or part is None:
        return "–"
    exact = part * 100 / whole
    places = 2
    shown = exact.quantize(Decimal(1).scaleb(-places))
    widened = False
    while shown != exact and shown == shown.to_integral_value() and places < 12:
        places += 1
        widened = True
        shown = exact.quantize(Decimal(1).scaleb(-places))
    if widened and shown != exact:
        # One digit more, so the gap from the round figure has two significant digits.
        shown = exact.quantize(Decimal(1).scaleb(-places - 1))
    sign = "−" if shown < 0 else ""
    return f"{sign}{abs(shown):f} %".replace(".", ",")


def difference(found: Decimal, expected: Decimal, currency: str = "SEK") -> Message:
    """`100 kr over` / `100 kr short` / `no difference`: how far found is from expected."""
    gap = found - expected
    if gap == 0:
        return Message("no difference")
    if gap > 0:
        return Message("{amount} over", amount=format_kr(abs(gap), currency))
    return Message("{amount} short", amount=format_kr(abs(gap), currency))
