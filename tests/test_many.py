"""Plans holding many of one thing: every comment, flat rate, year, limit and decision-maker still counts.

These kinds of input are the ones whose work once grew faster than the plan
(benchmarks/run.py times them); here they are held to what a user sees.
"""

from __future__ import annotations

from conftest import MINIMAL, run_finplan

from finplan.suppress import ignore_comments
from finplan.report.table import MAX_ROWS, MAX_YEARS

FINANCING = (
    "  - {id: a, financier: A, sector: public, form: cash, status: decided, appropriation: Övriga medel, amount: 600}\n"
    "  - {id: b, financier: B, sector: private, form: cash, status: applied, amount: 400}\n"
)


def test_many_ignore_comments_each_silence_their_own_line_and_none_inside_quoted_text(write):
    lines = []
    for index in range(300):
        if index % 3 == 0:  # a `#` inside a quoted description is text, not a comment
            lines.append(f"  - {{id: q{index}, category: travel, amount: -1, description: 'x # finplan: ignore[FP301]'}}")
        else:
            lines.append(f"  - {{id: c{index}, category: travel, amount: -1}}  # finplan: ignore[FP301]")
    plan = write(MINIMAL + "costs:\n" + "\n".join(lines) + "\n")
    found = ignore_comments(plan.read_text(encoding="utf-8"))
    assert sorted(found) == [12 + i for i in range(300) if i % 3]
    run = run_finplan("check", "-o", "concise", plan)
    sign = sorted(int(f["line"]) for f in run.findings() if f["code"] == "FP301")
    assert sign == [12 + i for i in range(300) if i % 3 == 0]  # the quoted ones only
    assert not any(f["code"] in ("FP002", "FP003") for f in run.findings())


def test_an_ignore_comment_after_a_quoted_value_holding_a_hash_is_a_comment(write):
    plan = write(MINIMAL.replace("name: Testprojekt", "name: 'Test # projekt'  # finplan: ignore[FP101]"))
    run = run_finplan("check", "-o", "concise", plan)
    unused = [f for f in run.findings() if f["code"] == "FP003"]
    assert [f["line"] for f in unused] == ["4"]


def test_every_flat_rate_line_is_held_to_the_same_base(write):
    staff = "".join(f"  - {{id: s{i}, category: staff, amount: 100}}\n" for i in range(50))
    flat = "".join(
        f"  - {{id: r{i}, category: flat_rate, amount: {750 if i % 2 else 751}, "
        "flat_rate: {option: indirect_of_staff, rate: 15 %}}\n"
        for i in range(50)
    )
    text = MINIMAL.replace("total: 1000", "total: 5000").replace("amount: 600", "amount: 4600") + "costs:\n" + staff + flat
    run = run_finplan("check", "-o", "concise", write(text))
    over = [f["message"] for f in run.findings() if f["code"] == "FP512"]
    assert len(over) == 25  # every other line, each against 15 % of 5 000 kr of staff costs
    assert all("15 % of the staff costs, 5 000 kr, is 750 kr: 1 kr over" in message for message in over)


def test_the_yearly_table_shows_at_most_its_year_columns_and_says_how_many_there_are(write):
    costs = "".join(
        f"  - {{id: c{i}, category: travel, amount: 10, per_year: {{{2000 + i}: 10}}}}\n" for i in range(MAX_YEARS + 18)
    )
    run = run_finplan("check", write(MINIMAL + "costs:\n" + costs), env={"COLUMNS": "300"})
    assert f"Per year (kr), the first {MAX_YEARS} of {MAX_YEARS + 18} years" in run.output
    header = next(line for line in run.output.splitlines() if line.startswith("Line "))
    assert header.split() == ["Line", *(str(2000 + i) for i in range(MAX_YEARS)), "Total"]
    # Each year outside the period is still reported, the ones past the table's columns too.
    assert sum(f["code"] == "FP202" for f in run.findings()) == MAX_YEARS + 18 - 2  # all but 2020 and 2021


def test_a_plan_within_the_year_columns_has_no_note(write):
    costs = "  - {id: c, category: travel, amount: 10, per_year: {2020: 4, 2021: 6}}\n"
    run = run_finplan("check", write(MINIMAL + "costs:\n" + costs))
    assert "Per year (kr)" in run.output and "the first" not in run.output


def test_limits_on_a_named_base_on_many_lines_are_each_measured_and_the_table_is_bounded(write):
    lines = "".join(
        f"  - {{id: f{i}, financier: F{i}, sector: public, form: cash, status: decided, appropriation: X, "
        f"amount: {20 if i else 30}, limits: [{{max: 2 %, of: public}}]}}\n"
        for i in range(50)
    )
    text = MINIMAL.split("financing:\n")[0].replace("total: 1000", "total: 1010") + "financing:\n" + lines
    run = run_finplan("check", write(text), env={"COLUMNS": "200"})
    (cap,) = [f for f in run.findings() if f["code"] == "FP501"]
    assert "`f0` is 30 kr, 2,97 % of the public financing 1 010 kr; its cap is 2 %, 20,20 kr: 9,80 kr over" in cap["message"]
    assert f"… {50 - MAX_ROWS} more" in run.output.split("Caps and floors")[1]


def test_decision_makers_are_one_whatever_the_case_they_are_written_in(write):
    grants = "".join(
        f"  - {{id: g{i}, financier: Anslaget, sector: public, form: cash, status: decided, appropriation: X, "
        f"scheme: anslag_1_1, decided_by: {name}, amount: {amount}}}\n"
        for i, (name, amount) in enumerate(
            [("Region Ö", 300), ("region ö", 200), ("REGION Ö", 100), ("Länsstyrelsen", 50), ("länsstyrelsen", 50)]
        )
    )
    text = (
        MINIMAL.replace("finplan: 1\n", "finplan: 1\nprofiles: [anslag_1_1]\n").split("financing:\n")[0]
        + "financing:\n  - {id: x, financier: X, sector: private, form: cash, status: decided, amount: 300}\n"
        + grants
    )
    run = run_finplan("check", "-o", "concise", write(text))
    caps = sorted(f["message"].split(";")[0] for f in run.findings() if f["code"] == "FP501")
    assert caps == [
        "`g0`, `g1`, `g2` are 600 kr, 60,00 % of the total 1 000 kr",
        "`g0`, `g1`, `g2`, `g3`, `g4` are 700 kr, 70,00 % of the total 1 000 kr",
    ]
    tables = run_finplan("check", write(text), env={"COLUMNS": "200"}).output
    assert "anslag_1_1 (Region Ö)" in tables and "anslag_1_1 (Länsstyrelsen)" in tables
    assert "(region ö)" not in tables and "(länsstyrelsen)" not in tables


def test_a_profile_named_twice_is_refused_at_its_second_mention(write):
    plan = write(MINIMAL.replace("finplan: 1\n", "finplan: 1\nprofiles: [anslag_1_1, erdf_2021_2027, anslag_1_1]\n"))
    run = run_finplan("check", "-o", "concise", plan)
    assert run.exit_code == 2
    (shape,) = run.findings()
    assert (shape["line"], shape["column"], shape["code"]) == ("2", "40", "FP001")
    assert shape["message"] == (
        "`profiles[2]` names the profile anslag_1_1 a second time (first as `profiles[0]`); expected each profile once"
    )
