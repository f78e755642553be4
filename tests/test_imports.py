"""What `finplan check` and `finplan COMMAND --help` import: their own modules and their stack, nothing more.

Start-up is most of the time a small plan takes, and each module imported is
paid on every run; these lists make a new import a decision someone reads, not
an accident. (The time itself is measured in benchmarks/.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from finplan.report import FORMATS, JOBS

SEED = ROOT / "budgets" / "attraktiv.yaml"

# finplan's modules that checking one plan and printing its text report needs.
OWN = {
    "finplan", "finplan.batch", "finplan.check", "finplan.cli", "finplan.codes", "finplan.codes.base",
    "finplan.codes.eu_costs", "finplan.codes.funding", "finplan.codes.input", "finplan.codes.kinds", "finplan.codes.lines", "finplan.codes.memo",
    "finplan.codes.periods", "finplan.codes.portfolio", "finplan.codes.programmes", "finplan.codes.summary",
    "finplan.codes.sums", "finplan.comments", "finplan.controls", "finplan.folders",
    "finplan.config", "finplan.discover", "finplan.errors", "finplan.findings", "finplan.i18n", "finplan.keywords",
    "finplan.limits", "finplan.loader", "finplan.model", "finplan.money", "finplan.parallel", "finplan.paths", "finplan.profiles",
    "finplan.profiles.compact", "finplan.profiles.known", "finplan.profiles.records",
    "finplan.profiles.settings",
    "finplan.report", "finplan.report.check", "finplan.report.check.text", "finplan.report.console",
    "finplan.report.numbers", "finplan.report.plain_table", "finplan.report.run", "finplan.report.table",
    "finplan.report.wording", "finplan.rules", "finplan.rules.advance",
    "finplan.rules.base", "finplan.rules.caps", "finplan.rules.engine", "finplan.rules.eu_costs", "finplan.rules.flat_rates",
    "finplan.rules.in_kind", "finplan.rules.kinds", "finplan.rules.lines", "finplan.rules.periods",
    "finplan.rules.programmes", "finplan.rules.summary", "finplan.rules.sums", "finplan.shape", "finplan.suppress",
    "finplan.sides", "finplan.slips", "finplan.syntax", "finplan.totals", "finplan.files", "finplan.known",
    "finplan.rules.bounds", "finplan.report.unstated",
    "finplan.cli.app", "finplan.cli.check", "finplan.cli.common", "finplan.cli.completion", "finplan.cli.diff",
    "finplan.cli.exits", "finplan.cli.help", "finplan.cli.init", "finplan.cli.memo", "finplan.cli.output", "finplan.cli.params",
    "finplan.cli.portfolio", "finplan.cli.rules", "finplan.cli.server", "finplan.cli.usage",
}
# The stack (Typer, Pydantic, Rich, PyYAML) and the packages it imports of its own.
STACK = {
    "typer", "shellingham", "annotated_doc",
    "pydantic", "pydantic_core", "annotated_types", "typing_extensions", "typing_inspection",
    "rich", "yaml", "_yaml",
}
# Libraries of other commands (summary, report, diff) and of the tests.
OTHERS = ("openpyxl", "matplotlib", "selenium", "docx", "pypdf", "markdown_it", "numpy", "PIL", "jsonschema",
          "pygls", "lsprotocol", "cattrs")


# What a command's help imports of finplan: the command line, and what reads a configuration's `lang`.
HELP_OWN = {
    "finplan", "finplan.cli", "finplan.cli.app", "finplan.cli.check", "finplan.cli.common", "finplan.cli.completion",
    "finplan.cli.diff", "finplan.cli.exits", "finplan.cli.help", "finplan.cli.init", "finplan.cli.memo", "finplan.cli.output",
    "finplan.cli.params", "finplan.cli.portfolio", "finplan.cli.rules", "finplan.cli.server", "finplan.cli.usage", "finplan.config",
    "finplan.errors", "finplan.files", "finplan.findings", "finplan.i18n", "finplan.paths", "finplan.report",
}
# Typer alone: a help page is written before any plan, model or table is.
HELP_STACK = {"typer", "shellingham", "annotated_doc"}
COMMANDS = (
    "check", "summary", "report", "diff", "memo", "memo render", "memo check", "rules", "rule", "init", "schema", "completion",
    "server",
)


def imported_by_check(*args: str) -> set[str]:
    """Every module loaded by the end of `finplan check ARGS`, run in a fresh interpreter."""
    return imported_by("check", *args)


def imported_by(*args: str) -> set[str]:
    """Every module loaded by the end of `finplan ARGS`, run in a fresh interpreter."""
    code = (
        "import io, json, sys, contextlib\n"
        f"sys.argv = ['finplan', *{list(args)!r}]\n"
        "from finplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(done.stdout.splitlines()[-1]))


def third_party(modules: set[str]) -> set[str]:
    """The top-level packages among `modules` that are neither the standard library nor finplan."""
    tops = {name.split(".")[0] for name in modules}
    interpreter = {"__main__", "_distutils_hack", "cython_runtime"} | {t for t in tops if t.startswith(("_cython_", "_sysconfigdata"))}
    return {t for t in tops if t not in sys.stdlib_module_names and t != "finplan" and t not in interpreter}


@pytest.fixture(scope="module")
def seed_check() -> set[str]:
    return imported_by_check(str(SEED))


def test_check_on_the_seed_imports_only_the_modules_on_the_list(seed_check):
    own = {name for name in seed_check if name == "finplan" or name.startswith("finplan.")}
    assert own - OWN == set(), "imported by `finplan check`, not on the list"
    # The list is what is imported, not a wider net: a module no longer needed comes off it.
    assert OWN - own == set(), "on the list, no longer imported by `finplan check`"


def test_check_on_the_seed_imports_no_package_beyond_its_stack(seed_check):
    assert third_party(seed_check) - STACK == set()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_check_imports_no_library_of_another_command(fmt):
    imported = imported_by_check("-o", fmt, str(SEED))
    assert {name.split(".")[0] for name in imported} & set(OTHERS) == set()
    jobs = ("finplan.portfolio", "finplan.diff", "finplan.report.portfolio", "finplan.report.diff", "finplan.report.memo")
    assert not any(name.startswith(jobs) for name in imported)


@pytest.mark.parametrize(
    "module",
    sorted({fmt.module for formats in JOBS.values() for fmt in formats.values() if fmt.kind == "text" and not fmt.console}),
)
def test_a_format_written_to_a_plain_stream_imports_no_rich(module):
    """Only the formats drawn on a console pay for Rich (finplan.report)."""
    code = f"import importlib, sys\nimportlib.import_module({module!r})\nprint(sorted(m for m in sys.modules if m.startswith('rich')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_commands_help_imports_only_the_command_line_and_typer(command):
    imported = imported_by(*command.split(), "--help")
    own = {name for name in imported if name == "finplan" or name.startswith("finplan.")}
    assert own == HELP_OWN
    assert third_party(imported) - HELP_STACK == set()


@pytest.mark.parametrize("command", ["check", "memo check"])
def test_a_commands_help_in_swedish_imports_no_more(command):
    # `--lang` before the command, as the help pages are snapshotted: the configuration is then not read at all.
    imported = imported_by("--lang", "sv", *command.split(), "--help")
    own = {name for name in imported if name == "finplan" or name.startswith("finplan.")}
    assert own <= HELP_OWN
    assert third_party(imported) - HELP_STACK == set()
