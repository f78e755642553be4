"""Amounts are read exactly in every written form and printed as memos print them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from finplan.money import AmountError, difference, format_kr, format_share, parse_amount


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        (2658128, "2658128"),
        ("2_658_128", "2658128"),
        ("2 658 128", "2658128"),
        ("2\u00a0658\u00a0128", "2658128"),  # no-break spaces, as copied from a memo
        ("2\u202f658\u202f128", "2658128"),
        (Decimal("1234.50"), "1234.50"),
        ("1 234,50", "1234.50"),
        ("1234.5", "1234.5"),
        ("-60 000", "-60000"),
        ("\u221260 000", "-60000"),  # a typographic minus
        ("0", "0"),
        (Decimal("19283329.00"), "19283329.00"),
    ],
)
def test_every_written_form_reads_exactly(written, amount):
    value = parse_amount(written)
    assert isinstance(value, Decimal)
    assert value == Decimal(amount)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("0123", "expected an amount"),
        ("2 65 8128", "every three digits"),
        ("2_658 128", "expected an amount"),
        ("1,234,567", "looks like 1 234 567 written with a comma between its digit groups; write 1 234 567"),
        ("1.234", "looks like 1 234 written with a dot between its digit groups; write 1 234 or 1234 (a decimal point or comma takes at most two decimals, öre)"),
        ("1.2345", "an amount has at most two decimals (öre)"),
        (Decimal("800.000"), "looks like 800 000 written with a dot"),
        (Decimal("1.005"), "at most two decimals"),
        (Decimal("1E+3"), "without an exponent"),
        (Decimal("8e99990049"), "without an exponent"),  # found by fuzzing: abs() overflowed
        (Decimal("-8e999999999"), "without an exponent"),
        (Decimal("NaN"), "expected an amount"),
        ("38 566 657 kr", "the amount has its unit written into it (kr); write the number alone, such as 38 566 657"),
        ("800 000:-", "unit written into it (:-); write the number alone, such as 800 000"),
        ("0,8 Mkr", "0,8 Mkr is an amount in millions; write it in full, in kr: 800 000"),
        ("2,6 mnkr", "write it in full, in kr: 2 600 000"),
        ("", "expected an amount"),
        (True, "expected an amount"),
        (None, "expected an amount"),
        (1.5, "expected an amount"),  # a float never becomes money
        ([1], "expected an amount"),
    ],
)
def test_ambiguous_or_inexact_amounts_are_refused(written, reason):
    with pytest.raises(AmountError, match=re.escape(reason)):
        parse_amount(written)


@pytest.mark.parametrize(
    ("amount", "printed"),
    [
        ("38566657", "38 566 657 kr"),
        ("300000", "300 000 kr"),
        ("999", "999 kr"),
        ("1234.5", "1 234,50 kr"),
        ("19283329.00", "19 283 329 kr"),
        ("-60000", "−60 000 kr"),
        ("0", "0 kr"),
        # A computed limit or margin whose öre round up to a whole krona carries into the kronor.
        ("119999.998", "120 000,00 kr"),
        ("0.999", "1,00 kr"),
        ("-1234.995", "−1 235,00 kr"),
    ],
)
def test_kronor_print_as_in_a_decision_memo(amount, printed):
    assert format_kr(Decimal(amount)) == printed


def test_other_currencies_print_their_code():
    assert format_kr(Decimal("1000"), "EUR") == "1 000 EUR"


@pytest.mark.parametrize(
    ("part", "whole", "printed"),
    [
        (19283329, 38566657, "50,0000013 %"),  # the seed's 1:1 grant: 0.50 kr over half
        (19283328, 38566657, "49,9999987 %"),
        (1, 2, "50,00 %"),
        (1, 3, "33,33 %"),
        (2658128, 38566657, "6,89 %"),
        (499999, 1000000, "49,9999 %"),
        (1, 1, "100,00 %"),
        (0, 5, "0,00 %"),
        (-60000, 6000000, "−1,00 %"),
    ],
)
def test_a_share_never_prints_as_a_round_figure_it_is_not(part, whole, printed):
    assert format_share(Decimal(part), Decimal(whole)) == printed


def test_share_of_nothing():
    assert format_share(Decimal(1), Decimal(0)) == "–"


def test_difference_says_over_or_short():
    assert difference(Decimal(1100), Decimal(1000)) == "100 kr over"
    assert difference(Decimal("999.50"), Decimal(1000)) == "0,50 kr short"
    assert difference(Decimal(5), Decimal(5)) == "no difference"


def test_amounts_are_bounded_so_sums_stay_exact():
    assert parse_amount("999 999 999 999 999.99") == Decimal("999999999999999.99")
    with pytest.raises(AmountError, match="below 1 000 000 000 000 000 kr"):
        parse_amount(10**15)
    with pytest.raises(AmountError, match="below 1 000 000 000 000 000 kr"):
        parse_amount("-1_000_000_000_000_000")


@pytest.mark.parametrize(("written", "percent"), [("15 %", "15"), ("39,15 %", "39.15"), ("12.5%", "12.5"), ("100 %", "100"), ("0 %", "0")])
def test_percentages_need_their_sign(written, percent):
    from finplan.money import parse_percent

    assert parse_percent(written) == Decimal(percent)


@pytest.mark.parametrize("written", ["15", "0.15", 15, "101 %", "15 %%", "x %", "1" * 50 + " %"])
def test_percentages_refused(written):
    from finplan.money import parse_percent

    with pytest.raises(AmountError):
        parse_percent(written)


@pytest.mark.parametrize("written", ["012", "0 123", "00", "-012", "0_123"])
def test_no_leading_zero_in_any_form(written):
    with pytest.raises(AmountError):
        parse_amount(written)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("71.060", "71.060 looks like 71 060 written with a dot between its digit groups; write 71 060 or 71060 (a decimal point or comma takes at most two decimals, cents)"),
        ("1.0055", "at most two decimals (cents)"),
        ("71 060 euro", "the amount has its unit written into it (euro); write the number alone, such as 71 060: the plan's currency (EUR) is set once"),
        ("10" + "0" * 20, "below 1 000 000 000 000 000 EUR"),
    ],
)
def test_a_plan_in_euro_is_told_in_euro(written, reason):
    with pytest.raises(AmountError) as error:
        parse_amount(written, "EUR")
    assert reason in str(error.value)
