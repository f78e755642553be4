"""Printed shares held to each other (FP107), as a user sees the findings."""

from __future__ import annotations

import pytest
from conftest import run_finplan

from finplan.check import check_bytes

EXCERPT = """\
finplan: 1
project: {{document: decision_excerpt, name: Testprojekt, owner: Testföreningen}}
financing:
  - id: grant
    financier: Testregionen
    sector: public
    form: cash
    share: {share}
    limits: [{{{kind}: {limit}}}]
  - {{id: egen, financier: Testföreningen, sector: private, form: cash}}
"""


def _codes(share: str, kind: str, limit: str) -> list[str]:
    text = EXCERPT.format(share=share, kind=kind, limit=limit)
    return sorted(finding.code for finding in check_bytes(text.encode(), "plan.yaml").findings)


def test_a_share_within_its_printed_cap_or_floor_gives_no_finding_of_its_own():
    # No amount is printed, so the limit cannot be measured (FP303): the printed shares are held to each other.
    assert _codes("40 %", "max", "40 %") == ["FP303"]
    assert _codes("40 %", "min", "40 %") == ["FP303"]
    # 40,4 % holds 40,35 % to 40,45 %, and a whole 40 % is the rule's own number: over.
    assert _codes('"40,4 %"', "max", "40 %") == ["FP107", "FP303"]
    # A whole 40 % printed for a line holds 39,5 % to 40,5 %: it may meet a cap of 40,4 %.
    assert _codes("40 %", "max", '"40,4 %"') == ["FP303"]


def test_a_share_below_its_printed_floor_names_both_and_the_points(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXCERPT.format(share="30 %", kind="min", limit="40 %"), encoding="utf-8")
    run = run_finplan("check", "--select", "FP107", plan)
    assert "`grant` is printed as 30 % of the total, and its floor as at least 40 %: 10 percentage points short" in run.output
    sv = run_finplan("--lang", "sv", "check", "--select", "FP107", plan)
    assert "och dess golv som minst 40 %: 10 procentenheter under" in sv.output


def test_a_limit_measured_on_its_amounts_is_reported_by_the_cap_not_by_the_printed_shares():
    text = EXCERPT.format(share="45 %", kind="max", limit="40 %").replace("    share:", "    amount: 450\n    share:")
    findings = check_bytes(text.encode(), "plan.yaml").findings
    assert [f.code for f in findings] == ["FP501"]
    assert "of the total the printed shares give, about 1 000,12 kr; its cap is 40 %" in str(findings[0].message)


def test_printed_shares_that_disagree_fix_no_total_and_fp101_waits_for_one():
    text = """\
finplan: 1
project: {document: decision_excerpt, name: Testprojekt, owner: Testföreningen}
financing:
  - {id: a, financier: A, sector: public, form: cash, amount: 400, share: 40 %}
  - {id: b, financier: B, sector: public, form: cash, amount: 300, share: 20 %}
  - {id: c, financier: C, sector: private, form: cash, amount: 900}
"""
    findings = check_bytes(text.encode(), "plan.yaml").findings
    assert sorted(f.code for f in findings) == ["FP107", "FP303"]
    assert "FP101 financing-total" in str(next(f for f in findings if f.code == "FP303").message)


@pytest.mark.parametrize(
    ("shares", "finding"),
    [
        (("34 %", "33 %", "34 %"), False),  # 101 % as printed, 99,5 % at the lowest: rounding can do that
        (("'33,33 %'", "'33,33 %'", "'33,34 %'"), False),
        (("'33,34 %'", "'33,34 %'", "'33,34 %'"), True),  # 100,005 % at the lowest
        (("40 %", "70 %", "1 %"), True),
    ],
)
def test_printed_shares_of_the_total_never_sum_to_more_than_it(tmp_path, shares, finding):
    lines = "\n".join(
        f"  - {{id: l{n}, financier: F{n}, sector: public, form: cash, share: {share}}}" for n, share in enumerate(shares)
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "finplan: 1\nproject: {name: P, owner: O, document: news}\nfinancing:\n" + lines + "\n", encoding="utf-8"
    )
    run = run_finplan("check", plan)
    assert ("FP107" in run.output) is finding, run.output
    if finding:
        assert "more than the whole total" in run.output


def test_a_small_line_printed_as_0_percent_of_the_total_is_below_half_a_percent(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "finplan: 1\nproject: {name: P, owner: O, document: decision}\ntotal: 1 000 000\nfinancing:\n"
        "  - {id: grant, financier: R, sector: public, form: cash, amount: 998 000}\n"
        "  - {id: liten, financier: F, sector: private, form: cash, amount: 2 000, share: 0 %}\n",
        encoding="utf-8",
    )
    run = run_finplan("check", plan)
    assert "passes (0 errors, 0 warnings, 0 notes)" in run.output, run.output  # 0,2 % prints as 0 %
