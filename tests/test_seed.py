"""The seed plan, RUN/99/2019 "En attraktiv region", agrees with its decision memo.

The memo's figures are written out here from the memo itself
(shared/seed/000_7e343471cd30b2dc.txt), not read back from the plan file.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from conftest import SEED, run_finplan

from finplan.check import check_file
from finplan.loader import MapPositions, load_file

MEMO_TOTAL = Decimal(38_566_657)
MEMO_LINES = {
    # id: (financier, sector, form, status, amount)
    "region": ("Region Jämtland Härjedalen", "public", "cash", "proposed", 2_658_128),
    "kommuner": ("Länets kommuner", "public", "in_kind", "proposed", 13_622_400),
    "lansstyrelsen": ("Länsstyrelsen", "public", "in_kind", "proposed", 1_702_800),
    "lansforsakringar": ("Länsförsäkringar", "private", "cash", "proposed", 1_000_000),
    "jamtkraft": ("Jämtkraft", "private", "cash", "proposed", 300_000),
    "anslag-1-1": ("Anslag 1:1 Regionala tillväxtåtgärder", "public", "cash", "applied", 19_283_329),
}


def test_the_seed_plan_encodes_the_memo():
    result = check_file(SEED)
    plan = result.plan
    assert result.readable
    assert plan.profiles == ["anslag_1_1"]
    assert plan.project.case == "RUN/99/2019"
    assert plan.project.name == "En attraktiv region"
    assert plan.project.owner == "Region Jämtland Härjedalen"
    assert (plan.project.period.start, plan.project.period.end) == (date(2019, 10, 1), date(2022, 9, 30))
    assert plan.total == MEMO_TOTAL
    assert {
        line.id: (line.financier, line.sector, line.form, line.status, line.amount) for line in plan.financing
    } == {key: (*value[:4], Decimal(value[4])) for key, value in MEMO_LINES.items()}
    grant = next(line for line in plan.financing if line.id == "anslag-1-1")
    assert grant.case == "RUN/379/2019"
    assert grant.scheme == "anslag_1_1"


def test_the_seed_passes_with_the_half_krona_over_half_as_a_warning():
    text = SEED.read_text(encoding="utf-8")
    run = run_finplan("check", SEED)
    assert run.exit_code == 0
    line_of = {key: n for n, row in enumerate(text.splitlines(), 1) for key in MEMO_LINES if f"id: {key}" in row}
    warnings = {(f["code"], int(f["line"])): f["message"] for f in run.findings() if f["severity"] == "warning"}
    grant_amount_line = line_of["anslag-1-1"] + 5
    assert warnings == {
        ("FP502", grant_amount_line): (
            "`anslag-1-1` is 19 283 329 kr, 50,0000013 % of the total 38 566 657 kr; the cap of anslag_1_1 (Förordning (2003:596) 5 § in the wording of SFS 2009:674, in force to 2022-12-31) "
                "is 50 %, "
            "19 283 328,50 kr: 0,50 kr over, within the rounding tolerance of 0,50 kr"
        ),
        # The memo gives no calculation basis for the worked hours in kind.
        ("FP412", line_of["kommuner"]): "`kommuner` is 13 622 400 kr in kind with no calculation basis; "
        "expected `basis:` with hours and hourly rate",
        ("FP412", line_of["lansstyrelsen"]): "`lansstyrelsen` is 1 702 800 kr in kind with no calculation basis; "
        "expected `basis:` with hours and hourly rate",
    }
    assert text.splitlines()[grant_amount_line - 1].strip() == "amount: 19 283 329"
    assert [f["code"] for f in run.findings() if f["severity"] == "error"] == []
    assert re.search(
        r"anslag_1_1\s+anslag-1-1\s+19 283 329 kr\s+50,0000013 %\s+at most 19 283 328,50 kr\s+0,50 kr over\s+50 % of the total 38 566 657 kr",
        run.output,
    )


def test_moving_a_million_to_the_grant_breaks_the_cap_at_the_grant_line(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    moved = text.replace("amount: 2 658 128", "amount: 1 658 128").replace("amount: 19 283 329", "amount: 20 283 329")
    path = tmp_path / "plan.yaml"
    path.write_text(moved, encoding="utf-8")
    run = run_finplan("check", path)
    assert run.exit_code == 1
    grant_line = next(n for n, row in enumerate(moved.splitlines(), 1) if "amount: 20 283 329" in row)
    errors = [f for f in run.findings() if f["severity"] == "error"]
    assert [(f["code"], int(f["line"]), f["message"]) for f in errors] == [
        (
            "FP501", grant_line,
            "`anslag-1-1` is 20 283 329 kr, 52,59 % of the total 38 566 657 kr; the cap of anslag_1_1 (Förordning (2003:596) 5 § in the wording of SFS 2009:674, in force to 2022-12-31) "
                "is 50 %, "
            "19 283 328,50 kr: 1 000 000,50 kr over, beyond the rounding tolerance of 0,50 kr",
        )
    ]


def test_the_report_prints_every_figure_of_the_memo():
    run = run_finplan("check", SEED)
    assert run.exit_code == 0
    out = run.output
    assert "En attraktiv region" in out and "RUN/99/2019" in out
    assert "2019-10-01 – 2022-09-30 (36 months)" in out
    assert "total 38 566 657 kr" in out
    for financier, sector, form, status, amount in MEMO_LINES.values():
        row = next(line for line in out.splitlines() if f" {financier} " in line)
        assert re.search(rf"\b{sector}\s+{form.replace('_', ' ')}\s+{status}\b", row), row
        assert f" {amount:,} kr".replace(",", " ") in row, row
    assert re.search(r"Sum\s+38 566 657 kr\s+100,00 %", out)


def test_the_report_shows_shares_and_subtotals():
    out = run_finplan("check", SEED).output
    row = next(line for line in out.splitlines() if "Anslag 1:1" in line)
    # 19 283 329 / 38 566 657 is 0.50 kr over half: never printed as 50,00 %.
    assert re.search(r"19 283 329 kr\s+50,0000013 %$", row.rstrip())
    expected = {
        "public": "37 266 657 kr",
        "private": "1 300 000 kr",
        "cash": "23 241 457 kr",
        "in kind": "15 325 200 kr",
        "decided": "0 kr",
        "applied": "19 283 329 kr",
        "proposed": "19 283 328 kr",
    }
    for kind, amount in expected.items():
        assert re.search(rf"^\s*{kind}\s+{amount}\s", out, re.MULTILINE), kind


# Every amount of the plan, changed by one krona, is caught by the total.
@pytest.mark.parametrize("amount", ["2 658 128", "13 622 400", "1 702 800", "1 000 000", "300 000", "19 283 329", "38 566 657"])
def test_changing_any_amount_is_caught(tmp_path, amount):
    text = SEED.read_text(encoding="utf-8")
    changed = f"{int(amount.replace(' ', '')) + 1:,}".replace(",", " ")
    assert text.count(f": {amount}\n") == 1
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(f": {amount}\n", f": {changed}\n"), encoding="utf-8")
    run = run_finplan("check", path)
    assert run.exit_code == 1
    (finding,) = [f for f in run.findings() if f["code"] == "FP101"]
    total_line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("total:"))
    assert finding["line"] == str(total_line)
    # A krona more in one line changes one digit of the sum: the total is named as the likely typo.
    assert re.search(r": 1 kr (over|short); the declared total differs from the sum in one digit only", finding["message"])


def _keys() -> list[tuple[int, str]]:
    """Every key of the seed plan with its line, as the loader places it."""
    found = []

    def walk(node):
        if isinstance(node, MapPositions):
            found.extend((position[0], key) for key, position in node.keys.items())
            nodes = node.values.values()
        else:
            nodes = getattr(node, "items", [])
        for child in nodes:
            walk(child)

    walk(load_file(SEED).source.root)
    return found


@pytest.mark.parametrize(("line_number", "key"), _keys())
def test_changing_any_key_is_caught_at_its_line(tmp_path, line_number, key):
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[line_number - 1] = lines[line_number - 1].replace(f"{key}:", f"{key}x:", 1)
    path = tmp_path / "plan.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    run = run_finplan("check", path)
    assert run.exit_code == 2
    assert ("FP001", line_number) in run.codes_at()


@pytest.mark.parametrize(
    ("date_written", "changed", "code", "exit_code"),
    [
        ("start: 2019-10-01", "start: 2019-10-32", "FP001", 2),
        ("start: 2019-10-01", "start: 2019-1-01", "FP001", 2),
        ("end: 2022-09-30", "end: 2022-02-30", "FP001", 2),
        ("end: 2022-09-30", "end: 2019-09-30", "FP201", 1),
        ("start: 2019-10-01", "start: 2023-10-01", "FP201", 1),
    ],
)
def test_changing_a_date_into_an_impossible_one_is_caught_at_its_line(tmp_path, date_written, changed, code, exit_code):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(date_written, changed), encoding="utf-8")
    run = run_finplan("check", path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if date_written in row)
    assert run.exit_code == exit_code
    assert (code, line if code == "FP001" else _end_line(text)) in run.codes_at()


def _end_line(text: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if "end: 2022-09-30" in row)
