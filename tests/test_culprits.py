"""Findings that name their cause: printed shares read to their precision, a total's likely typo, one
finding for one cause, and how far a limit resting on the rounding needs the figures to move."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import PLANS, run_finplan

from finplan.check import check_file
from finplan.slips import Slip, slip

INVALID = PLANS / "invalid"


def _messages(run, code: str) -> list[str]:
    return [f["message"] for f in run.problems() if f["code"] == code]


@pytest.mark.parametrize(("written", "exponent"), [("39,90 %", -2), ("39.9 %", -1), ("39,99 %", -2), ("50 %", 0)])
def test_a_limits_share_keeps_the_decimals_it_was_written_with(write, written, exponent):
    text = (INVALID / "fp507-printed-share.yaml").read_text(encoding="utf-8").replace('"39,99 %"', f'"{written}"')
    result = check_file(write(text))
    (limit,) = result.plan.financing[0].limits
    assert limit.max.as_tuple().exponent == exponent


def test_a_grant_within_a_printed_shares_precision_rests_on_the_rounding():
    run = run_finplan("check", INVALID / "fp507-printed-share.yaml")
    assert [f["code"] for f in run.problems()] == ["FP507"]
    (message,) = _messages(run, "FP507")
    assert "its cap is 39,99 %, 1 210 516,90 kr: 0,10 kr over on the exact reading" in message
    assert "the limit holds only if the real figures lie at least 0,10 kr in its favour" in message


def test_one_decimal_fewer_is_a_wider_limit(write):
    # 39,92 % of the total: beyond 39,90 % (to 39,905 %), within 39,9 % (to 39,95 %).
    text = (INVALID / "fp501-printed-share-beyond-its-precision.yaml").read_text(encoding="utf-8")
    strict = run_finplan("check", write(text))
    assert [f["code"] for f in strict.problems()] == ["FP501"]
    assert "its cap is 39,90 %, 1 197 000 kr: 600 kr over" in _messages(strict, "FP501")[0]
    wider = run_finplan("check", write(text.replace('"39,90 %"', '"39,9 %"'), "wider.yaml"))
    assert [f["code"] for f in wider.problems()] == ["FP507"]
    assert wider.exit_code == 0


def test_a_whole_percentage_is_exact_and_its_small_excess_still_a_warning():
    run = run_finplan("check", INVALID / "fp502-share-cap-rounding.yaml")
    assert [f["code"] for f in run.problems()] == ["FP502"]


@pytest.mark.parametrize(
    ("plan", "english", "swedish"),
    [
        ("fp101-total-one-digit-off",
         "the declared total differs from the sum in one digit only: likely a typo in the total, which would be 600 211 kr",
         "den angivna totalen skiljer sig från summan i en enda siffra: troligen ett skrivfel i totalen, "
         "som i så fall vore 600 211 kr"),
        ("fp101-total-digits-swapped",
         "the declared total is the sum with two adjacent digits swapped: likely a typo in the total, "
         "which would be 602 211 kr",
         "den angivna totalen är summan med två intilliggande siffror omkastade: troligen ett skrivfel i totalen, "
         "som i så fall vore 602 211 kr"),
    ],
)
def test_fp101_names_the_total_as_the_likely_typo(plan, english, swedish):
    run = run_finplan("check", INVALID / f"{plan}.yaml")
    (message,) = _messages(run, "FP101")
    assert message.endswith(english)
    (svenska,) = _messages(run_finplan("--lang", "sv", "check", INVALID / f"{plan}.yaml"), "FP101")
    assert svenska.endswith(swedish)


@pytest.mark.parametrize(
    ("written", "meant", "expected"),
    [
        ("620211", "600211", Slip.DIGIT),
        ("620211", "602211", Slip.SWAP),
        ("38566657", "38566658", Slip.DIGIT),
        ("1000", "1100", None),  # round figures: any round difference is one digit
        ("500000", "560000", None),
        ("60211", "600211", None),  # a digit left out is no slip of these kinds
        ("620211", "620211", None),
        ("621211", "600211", None),
    ],
)
def test_which_differences_are_slips(written, meant, expected):
    assert slip(Decimal(written), Decimal(meant)) is expected


def test_a_line_the_difference_equals_is_named_rather_than_a_slip_of_the_total():
    (message,) = _messages(run_finplan("check", INVALID / "fp101-a-line-the-total-leaves-out.yaml"), "FP101")
    assert "`ideell-tid` is exactly the 60 000 kr over" in message and "typo" not in message


def test_a_cap_broken_only_by_the_sum_difference_is_one_finding_with_its_cause():
    plan = INVALID / "fp101-cap-follows-from-the-difference.yaml"
    run = run_finplan("check", plan)
    assert [f["code"] for f in run.problems()] == ["FP101"]
    (message,) = _messages(run, "FP101")
    assert message.endswith(
        "; against the sum of the lines the cap of leader_se_2023_2027.public_max_share on `stod`, `kommunen`, "
        "`kommunen-extra` holds, so its finding follows from this difference alone"
    )
    (svenska,) = _messages(run_finplan("--lang", "sv", "check", plan), "FP101")
    assert "mot radernas summa håller taket för leader_se_2023_2027.public_max_share på" in svenska


def test_a_cap_broken_against_the_sum_too_is_reported_beside_fp101():
    run = run_finplan("check", INVALID / "fp501-cap-broken-beside-a-sum-difference.yaml")
    assert [f["code"] for f in run.problems()] == ["FP101", "FP501"]
    assert "follows from this difference" not in _messages(run, "FP101")[0]


def test_the_seeds_grant_half_a_krona_over_follows_from_a_krona_more_in_another_line(write, tmp_path):
    from conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    assert [f["code"] for f in run_finplan("check", SEED).problems()].count("FP502") == 1
    path = write(text.replace(": 300 000\n", ": 300 001\n"))
    run = run_finplan("check", path)
    codes = [f["code"] for f in run.problems()]
    assert "FP101" in codes and "FP502" not in codes
    assert "the cap of anslag_1_1 on `anslag-1-1` holds" in _messages(run, "FP101")[0]


def test_the_caps_table_says_when_a_limit_holds_on_the_sum_of_the_lines():
    plan = INVALID / "fp101-cap-follows-from-the-difference.yaml"
    assert "holds on the lines' sum (FP101)" in run_finplan("check", plan, env={"COLUMNS": "200"}).output
    assert "håller mot radernas summa (FP101)" in run_finplan("--lang", "sv", "check", plan, env={"COLUMNS": "200"}).output
