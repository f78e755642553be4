"""Configuration, rule selection and inline ignores, as a team sets them up."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINIMAL, SEED, run_finplan

# FP203 (a warning) on line 10, FP503 (a warning: a scheme no profile governs) on line 9.
WARNED = MINIMAL.replace("amount: 400}", "amount: 400, per_year: {2020: 400}}").replace(
    "appropriation: Övriga medel, ", "appropriation: Övriga medel, scheme: erdf, "
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "budgets").mkdir()
    (tmp_path / "budgets" / "plan.yaml").write_text(WARNED, encoding="utf-8")
    return tmp_path


def codes(run) -> list[tuple[str, str]]:
    return [(f["code"], f["severity"]) for f in run.findings()]


def test_without_configuration_both_warnings_show(project):
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP503", "warning"), ("FP203", "warning")]
    assert run.exit_code == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--ignore", "FP203"], [("FP503", "warning")]),
        (["--ignore", "FP2,FP5"], []),
        (["--ignore", "fp2", "--ignore", "FP503"], []),
        (["--select", "FP2"], [("FP203", "warning")]),
        (["--select", "FP1"], []),
    ],
)
def test_select_and_ignore_by_code_or_prefix(project, args, expected):
    assert codes(run_finplan("check", *args, "budgets")) == expected


def test_a_bad_code_on_the_command_line_is_a_usage_error(project):
    run = run_finplan("check", "--ignore", "E501", "budgets")
    assert run.exit_code == 2
    assert "--ignore: 'E501' is not a code or prefix" in run.output


def test_pyproject_is_found_upward_from_the_plan(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.finplan]\nignore = ["FP503"]\nstrict = true\n')
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP203", "warning")]
    assert run.exit_code == 1  # strict from the configuration


def test_a_pyproject_without_a_finplan_table_is_passed_over(project):
    (project / "budgets" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / "finplan.toml").write_text('ignore = ["FP203"]\n')
    assert codes(run_finplan("check", "budgets")) == [("FP503", "warning")]


def test_the_nearest_configuration_wins(project):
    (project / "finplan.toml").write_text('ignore = ["FP203"]\n')
    (project / "budgets" / "finplan.toml").write_text('ignore = ["FP503"]\n')
    assert codes(run_finplan("check", "budgets")) == [("FP203", "warning")]


def test_severity_is_configuration(project):
    (project / "finplan.toml").write_text('[severity]\nFP203 = "error"\n')
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP503", "warning"), ("FP203", "error")]
    assert run.exit_code == 1


def test_overrides_apply_to_the_plans_their_globs_match(project):
    (project / "budgets" / "other.yaml").write_text(WARNED, encoding="utf-8")
    (project / "finplan.toml").write_text('[[overrides]]\nfiles = ["budgets/other.yaml"]\nignore = ["FP2", "FP5"]\n')
    run = run_finplan("check", "budgets")
    assert {f["file"] for f in run.findings()} == {"budgets/plan.yaml"}


def test_configuration_settings_change_the_numbers_and_the_plan_wins(project):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(
        MINIMAL.replace("finplan: 1\n", "finplan: 1\nprofiles: [anslag_1_1]\n").replace(
            "appropriation: Övriga medel, amount: 600}", "appropriation: Reg.tillväxt, scheme: anslag_1_1, amount: 600}"
        )
    )
    assert [f["code"] for f in run_finplan("check", "budgets").findings()] == ["FP501"]
    (project / "finplan.toml").write_text('[settings]\n"anslag_1_1.max_share" = "60 %"\n')
    run = run_finplan("check", "budgets")
    assert run.findings() == [] and "60 % (set by the configuration)" in run.output
    plan.write_text(plan.read_text().replace("profiles: [anslag_1_1]\n", "profiles: [anslag_1_1]\nsettings: {anslag_1_1.max_share: 55 %}\n"))
    assert [f["code"] for f in run_finplan("check", "budgets").findings()] == ["FP501"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ignore = FP203\n", "is not valid TOML"),
        ('ignor = ["FP203"]\n', "unknown key `ignor`; did you mean `ignore`?"),
        ('ignore = ["X1"]\n', "`ignore[0]` is \"X1\"; 'X1' is not a code or prefix, such as FP105 or FP1"),
        ('ignore = ["fp999"]\n', "FP999 is no code finplan reports; did you mean FP901?"),
        ('ignore = "FP203"\n', "`ignore` is \"FP203\"; expected a list"),
        ('[severity]\nFP203 = "fatal"\n', "`severity.FP203` is \"fatal\"; expected 'error', 'warning' or 'info'"),
        ('[severity]\nFP001 = "warning"\n', "FP001 means the plan could not be checked; its severity is fixed"),
        ('[settings]\n"hours_per_year" = 1720.5\n', "`settings.hours_per_year` is 1720.5; expected a number such as 1720, 1 720 or 2.5 (write decimals as strings"),
        ('[settings]\n"hours_per_yer" = 1720\n', "unknown key `hours_per_yer` in `settings`; did you mean `hours_per_year`?"),
        ('[[overrides]]\nignore = ["FP2"]\n', "`overrides[0]` lacks the required key `files`"),
        ("strict = 1\n", "`strict` is 1; expected true or false"),
    ],
)
def test_a_broken_configuration_says_what_and_where(project, content, message):
    (project / "finplan.toml").write_text(content)
    run = run_finplan("check", "budgets")
    assert run.exit_code == 2
    assert message in run.output
    assert "finplan.toml" in run.output


def test_a_configuration_past_its_size_limit_is_refused_unread(project):
    (project / "finplan.toml").write_text("# padding\n" * 120_000 + 'ignore = ["FP203"]\n')
    run = run_finplan("check", "budgets")
    assert run.exit_code == 2
    assert "finplan.toml is larger than 1048576 bytes (the limit); a configuration is a few lines" in run.output


def test_a_configuration_that_is_a_link_to_a_device_is_refused_unread(project):
    (project / "finplan.toml").symlink_to("/dev/zero")
    run = run_finplan("check", "budgets")
    assert run.exit_code == 2
    assert "finplan.toml is not a regular file" in run.output


def test_an_inline_ignore_silences_its_code_on_its_line(project):
    plan = project / "budgets" / "plan.yaml"
    lines = WARNED.splitlines()
    lines[9] += "  # finplan: ignore[FP203]"
    plan.write_text("\n".join(lines) + "\n")
    assert codes(run_finplan("check", "budgets")) == [("FP503", "warning")]


def test_an_inline_ignore_of_several_codes(project):
    plan = project / "budgets" / "plan.yaml"
    lines = WARNED.replace("total: 1000", "total: 999").splitlines()
    assert lines[6] == "total: 999"
    lines[6] += "  # finplan: ignore[FP101, fp102]"
    plan.write_text("\n".join(lines) + "\n")
    run = run_finplan("check", "budgets")
    assert ("FP101", "error") not in codes(run)
    assert ("FP003", "warning") in codes(run)  # FP102 silenced nothing
    unused = next(f for f in run.findings() if f["code"] == "FP003")
    assert unused["line"] == "7" and "silences FP102, but there is no FP102 finding on line 7" in unused["message"]


def test_an_inline_ignore_of_a_code_finplan_does_not_report_is_refused(project):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1000  # finplan: ignore[FP999]"))
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP002", "error")]
    assert "FP999 is no code finplan reports; did you mean FP901?" in run.findings()[0]["message"]


def test_an_inline_ignore_takes_codes_in_any_case(project):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(WARNED.replace("per_year: {2020: 400}}", "per_year: {2020: 400}}  # finplan: ignore[fp203]"))
    assert codes(run_finplan("check", "budgets")) == [("FP503", "warning")]


def test_a_severity_by_prefix_grades_the_family_and_the_longest_prefix_wins(project):
    (project / "finplan.toml").write_text('[severity]\nFP5 = "info"\nFP2 = "error"\nFP203 = "info"\nFP50 = "error"\n')
    assert codes(run_finplan("check", "budgets")) == [("FP503", "error"), ("FP203", "info")]
    (project / "finplan.toml").write_text('[severity]\nFP2 = "error"\n')
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP503", "warning"), ("FP203", "error")] and run.exit_code == 1


def test_input_codes_take_a_configured_severity_too(project):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1000  # finplan: ignore[FP101]"))
    (project / "finplan.toml").write_text('[severity]\nFP003 = "error"\n')
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP003", "error")] and run.exit_code == 1


def test_an_unused_inline_ignore_is_reported(project):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1000  # finplan: ignore[FP101]"))
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP003", "warning")]
    assert run.findings()[0]["line"] == "7"


@pytest.mark.parametrize("comment", ["# finplan: ignore", "# finplan: ignore[]", "#finplan: ignore[all]"])
def test_an_inline_ignore_must_name_its_code(project, comment):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", f"total: 1000  {comment}"))
    run = run_finplan("check", "budgets")
    assert codes(run) == [("FP002", "error")]
    assert run.exit_code == 1


@pytest.mark.parametrize(
    "value", ['"Testprojekt # finplan: ignore"', "'a # finplan: ignore[FP101]'", "Testprojekt#finplan"]
)
def test_an_ignore_inside_a_value_is_not_a_comment(project, value):
    plan = project / "budgets" / "plan.yaml"
    plan.write_text(MINIMAL.replace("name: Testprojekt", f"name: {value}"))
    assert codes(run_finplan("check", "budgets")) == []


def test_ignore_comments_count_lines_as_the_loader_does():
    from finplan.suppress import ignore_comments

    # A form feed is no line break to YAML; the comments stand on lines 1 and 2.
    found = ignore_comments("a: 1\f  # finplan: ignore[FP101]\nb: 2  # finplan: ignore[FP102]\n")
    assert {line: ignore.codes for line, ignore in found.items()} == {1: ("FP101",), 2: ("FP102",)}


@pytest.mark.parametrize("toml", [
    '"bad\\u001b[31mkey" = 1\n',
    'exclude = ["a\\u001b]0;title\\u0007"]\n',
    '[settings]\n"x\\u202e" = "1"\n',
])
def test_a_control_character_in_the_configuration_is_refused_and_shown_escaped(tmp_path, monkeypatch, toml):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "plan.yaml")
    (tmp_path / "finplan.toml").write_text(toml, encoding="utf-8")
    run = run_finplan("check", "plan.yaml")
    assert run.exit_code == 2
    assert "a control character" in run.output
    assert "\x1b" not in run.output and "\x07" not in run.output and "\u202e" not in run.output


@pytest.mark.parametrize("frames", ["../outside.yaml", "/etc/passwd", "link.yaml"])
def test_a_frames_file_outside_the_configurations_folder_is_refused_unread(tmp_path, monkeypatch, frames):
    secret = tmp_path / "outside.yaml"
    secret.write_text("token-that-must-not-show: [\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    shutil.copy(SEED, repo / "plan.yaml")
    (repo / "link.yaml").symlink_to(secret)
    (repo / "finplan.toml").write_text(f'frames = "{frames}"\n', encoding="utf-8")
    run = run_finplan("summary", ".")
    assert run.exit_code == 2
    assert "leads outside the configuration's folder" in run.output
    assert "token-that-must-not-show" not in run.output


def test_a_configuration_nested_too_deeply_is_refused_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "plan.yaml")
    (tmp_path / "finplan.toml").write_text("x = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    run = run_finplan("check", "plan.yaml")
    assert run.exit_code == 2
    assert "nests arrays or tables too deeply to be read" in run.output
    assert "Traceback" not in run.output


def test_a_configured_number_stands_beside_the_law_in_force_on_the_plans_date(tmp_path):
    # The seed is decided 2019-08-21: its 1:1 cap is the SFS 2009:674 wording's, not the one in force from 2023.
    (tmp_path / "plan.yaml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "finplan.toml").write_text('[settings]\n"anslag_1_1.max_share" = "40 %"\n', encoding="utf-8")
    output = " ".join(run_finplan("check", tmp_path / "plan.yaml").output.split())  # the table's rows, unwrapped
    row = output[output.index("anslag_1_1.max_share 40 % (set by the configuration)"):][:200]
    assert "in the wording of SFS 2009:674, in force to 2022-12-31" in row, row
