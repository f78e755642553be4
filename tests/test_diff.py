"""`finplan diff OLD NEW`: what changed in the money, as a reviewer reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan

SCHEMA = ROOT / "src" / "finplan" / "report" / "diff" / "diff-report.schema.json"


def moved(text: str, amount: str = "1 000 000") -> str:
    """The seed with `amount` moved from the region's own line to the 1:1 line."""
    region, grant = "amount: 2 658 128", "amount: 19 283 329"
    assert text.count(region) == 1 and text.count(grant) == 1
    take = int(amount.replace(" ", ""))
    return text.replace(region, f"amount: {2_658_128 - take}").replace(grant, f"amount: {19_283_329 + take}")


@pytest.fixture
def moved_plan(tmp_path: Path) -> Path:
    path = tmp_path / "attraktiv-moved.yaml"
    path.write_text(moved(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _row(output: str, start: str) -> str:
    (row,) = [line for line in output.splitlines() if line.startswith(start)]
    return row


def test_moving_a_million_to_the_grant_shows_both_lines_the_cap_and_the_new_error(moved_plan):
    run = run_finplan("diff", SEED, moved_plan)
    assert run.exit_code == 0, run.output
    region = _row(run.output, "financing region ")
    assert "2 658 128 kr" in region and "1 658 128 kr" in region
    assert "−1 000 000 kr" in region and "−2,59 pp" in region
    grant = _row(run.output, "financing anslag-1-1 ")
    assert "19 283 329 kr" in grant and "20 283 329 kr" in grant
    assert "+1 000 000 kr" in grant and "+2,59 pp" in grant
    cap = _row(run.output, "anslag_1_1: cap 50 % of the total ")
    assert cap.index("0,50 kr over") < cap.index("1 000 000,50 kr over")
    new = _row(run.output, "new ")
    assert f"{moved_plan}:84:13: FP501 error" in new and "1 000 000,50 kr over" in new
    assert f"{SEED}:84:13: FP502 warning" in _row(run.output, "fixed ")
    # The in-kind lines' warnings were there before and are there still.
    assert sum(line.startswith("unchanged ") and "FP412" in line for line in run.output.splitlines()) == 2
    # The subtotals by status follow the money: applied up, proposed down.
    assert "+1 000 000 kr" in _row(run.output, "applied ") and "−1 000 000 kr" in _row(run.output, "proposed ")
    # Lines that did not change are not listed.
    assert "kommuner " not in run.output.replace("`kommuner`", "")


def test_fail_on_new_errors_exits_1_and_fail_on_new_findings_too(moved_plan):
    assert run_finplan("diff", SEED, moved_plan, "--fail-on", "new-errors").exit_code == 1
    assert run_finplan("diff", SEED, moved_plan, "--fail-on", "new-findings").exit_code == 1
    # Back the other way the change fixes the error and brings only a warning within rounding.
    back = run_finplan("diff", moved_plan, SEED, "--fail-on", "new-errors")
    assert back.exit_code == 0, back.output
    assert run_finplan("diff", moved_plan, SEED, "--fail-on", "new-findings").exit_code == 1


def test_a_change_that_brings_no_finding_passes_every_gate(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(MINIMAL.replace("amount: 600", "amount: 500").replace("amount: 400", "amount: 500"), encoding="utf-8")
    for gate in ("new-errors", "new-findings"):
        run = run_finplan("diff", old, new, "--fail-on", gate)
        assert run.exit_code == 0, run.output
    run = run_finplan("diff", old, new)
    assert "−100 kr" in _row(run.output, "financing a ") and "−10,00 pp" in _row(run.output, "financing a ")
    assert "+100 kr" in _row(run.output, "financing b ") and "+10,00 pp" in _row(run.output, "financing b ")


def test_the_same_plan_twice_says_nothing_changed(tmp_path):
    run = run_finplan("diff", SEED, SEED, "--fail-on", "new-findings")
    assert run.exit_code == 0
    assert "no plan changed; 1 unchanged" in run.output


def test_added_removed_and_changed_lines_facts_and_years(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(
        MINIMAL.replace("total: 1000", "total: 1200")
        .replace("end: 2021-12-31", "end: 2022-12-31")
        .replace("status: applied, amount: 400", "status: decided, amount: 400")
        .replace(
            "  - {id: a, financier: A, sector: public, form: cash, status: decided, appropriation: Övriga medel, amount: 600}\n",
            "  - {id: c, financier: C, sector: public, form: cash, status: decided, appropriation: Övriga medel, amount: 800,"
            " per_year: {2020: 300, 2021: 500}}\n",
        ),
        encoding="utf-8",
    )
    run = run_finplan("diff", old, new, "--format", "json")
    document = json.loads(run.output)
    (plan,) = document["plans"]
    facts = {fact["what"]: (fact["old"], fact["new"]) for fact in plan["facts"]}
    assert facts == {"total": ("1000", "1200"), "period": ("2020-01-01 – 2021-12-31", "2020-01-01 – 2022-12-31")}
    lines = {line["id"]: line for line in plan["lines"]}
    assert lines["a"]["state"] == "removed" and lines["a"]["change"] == "-600" and lines["a"]["points"] == "-60.0000"
    assert lines["c"]["state"] == "added" and lines["c"]["new_share"] == "66.6667"
    assert lines["c"]["years"] == [{"year": 2020, "old": None, "new": "300"}, {"year": 2021, "old": None, "new": "500"}]
    # Same amount, a smaller share of a larger total, and its status moved on.
    assert lines["b"]["state"] == "changed" and lines["b"]["change"] == "0" and lines["b"]["points"] == "-6.6667"
    assert lines["b"]["fields"] == [{"name": "status", "old": "applied", "new": "decided"}]
    statuses = {(s["value"], s["old"], s["new"]) for s in plan["subtotals"] if s["group"] == "status"}
    assert statuses == {("decided", "600", "1200"), ("applied", "400", "0"), ("proposed", "0", "0")}


def test_a_moved_line_keeps_its_findings_unchanged(tmp_path):
    """Findings are matched by line id, not index: inserting a line above one does not make its finding new."""
    old_text = SEED.read_text(encoding="utf-8")
    insert = "financing:\n  - {id: ny, financier: Ny, sector: private, form: cash, status: decided, amount: 0}\n"
    new_text = old_text.replace("financing:\n", insert, 1)
    old = tmp_path / "old.yaml"
    old.write_text(old_text, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(new_text, encoding="utf-8")
    document = json.loads(run_finplan("diff", old, new, "-o", "json").output)
    findings = document["plans"][0]["findings"]
    kept = [(f["state"], f["code"], f["place"]) for f in findings if f["code"] in ("FP412", "FP502")]
    assert sorted(kept) == [
        ("unchanged", "FP412", "financing[kommuner]"),
        ("unchanged", "FP412", "financing[lansstyrelsen]"),
        ("unchanged", "FP502", "financing[anslag-1-1].amount"),
    ]
    # Each stands one line lower in the file than it did.
    assert all(f["new"]["line"] == f["old"]["line"] + 1 for f in findings if f["code"] in ("FP412", "FP502"))


def test_a_finding_with_new_figures_is_changed_not_new_and_fixed(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL.replace("total: 1000", "total: 900"), encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(MINIMAL.replace("total: 1000", "total: 800"), encoding="utf-8")
    document = json.loads(run_finplan("diff", old, new, "-o", "json").output)
    (change,) = [f for f in document["plans"][0]["findings"] if f["code"] == "FP101"]
    assert change["state"] == "changed" and not change["worse"]
    assert "100 kr over" in change["old"]["message"] and "200 kr over" in change["new"]["message"]
    assert run_finplan("diff", old, new, "--fail-on", "new-findings").exit_code == 0


def test_the_json_report_follows_its_schema(moved_plan):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    run = run_finplan("diff", SEED, moved_plan, "--format", "json")
    document = json.loads(run.output)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["summary"] == {
        "changed": 1, "added": 0, "removed": 0, "renamed": 0, "unchanged": 0,
        "new_errors": 1, "new_findings": 1, "fixed": 1,
    }
    (cap,) = document["plans"][0]["caps"]
    assert (cap["old"]["excess"], cap["new"]["excess"]) == ("0.5", "1000000.5")


def test_a_plan_that_states_no_period_or_case_is_compared_with_one_that_does():
    jsonschema = pytest.importorskip("jsonschema")
    old = ROOT / "tests" / "plans" / "valid" / "split.yaml"
    run = run_finplan("diff", old, SEED)
    assert run.exit_code == 0, run.output
    assert _row(run.output, "period ").split()[1:] == ["–", "2019-10-01", "–", "2022-09-30"]
    assert _row(run.output, "case ").split()[1:] == ["–", "RUN/99/2019"]
    document = json.loads(run_finplan("diff", old, SEED, "--format", "json").output)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")), cls=jsonschema.Draft202012Validator)
    facts = {fact["what"]: (fact["old"], fact["new"]) for fact in document["plans"][0]["facts"]}
    assert facts["period"] == (None, "2019-10-01 – 2022-09-30") and facts["case"] == (None, "RUN/99/2019")


def test_output_goes_to_a_file_and_never_over_a_plan(moved_plan, tmp_path):
    target = tmp_path / "diff.md"
    run = run_finplan("diff", SEED, moved_plan, "-o", "markdown", "--output", target)
    assert run.exit_code == 0 and run.output == ""
    assert "| financing region | changed |" in target.read_text(encoding="utf-8")
    refused = run_finplan("diff", SEED, moved_plan, "--output", moved_plan)
    assert refused.exit_code == 2
    assert moved_plan.read_text(encoding="utf-8") == moved(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "arguments, message",
    [
        ((), "two plan files"),
        (("only-one.yaml",), "two plan files"),
        (("missing.yaml", str(SEED)), "missing.yaml: FP000 error the file does not exist"),
    ],
)
def test_usage_errors_and_unreadable_plans_exit_2(arguments, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = run_finplan("diff", *arguments)
    assert run.exit_code == 2
    assert message in run.output
    assert "Traceback" not in run.output


def test_a_plan_that_is_not_yaml_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("finplan: [1\n", encoding="utf-8")
    run = run_finplan("diff", SEED, broken, "--fail-on", "new-errors")
    assert run.exit_code == 2
    assert "broken.yaml" in run.output


def test_a_changed_setting_is_a_fact_and_moves_the_caps_margin(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    new = tmp_path / "in-kind-out.yaml"
    new.write_text(
        text.replace("profiles: [anslag_1_1]\n", "profiles: [anslag_1_1]\nsettings:\n  anslag_1_1.in_kind_in_base: false\n"),
        encoding="utf-8",
    )
    run = run_finplan("diff", SEED, new)
    fact = _row(run.output, "anslag_1_1.in_kind_in_base ")
    assert fact.split() == ["anslag_1_1.in_kind_in_base", "yes", "no"]
    # No line changed, but the base of the cap lost the 15 325 200 kr in kind: half of it more over.
    cap = _row(run.output, "anslag_1_1: cap 50 % of the total ")
    assert "0,50 kr over" in cap and "7 662 600,50 kr over" in cap
    assert "FP501 error" in _row(run.output, "new ")
