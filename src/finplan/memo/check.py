"""`finplan memo check`: a memo read, its figures matched against a checked plan, as a CheckResult.

The plan comes checked (`finplan.check.check_file`); this module never reads
YAML. The memo's findings take the configuration in the same one step as a
plan's (`finplan.check.apply_policy`), so `--select`, `--ignore`,
`[severity]` and baselines apply to them unchanged.
"""

from __future__ import annotations

from pathlib import Path

from finplan.check import apply_policy
from finplan.config import FileConfig
from finplan.findings import CheckResult, file_order
from finplan.memo.match import MemoCheck, check_memo
from finplan.memo.read import read_memo
from finplan.model import Plan


def check_memo_file(plan: Plan, memo: str | Path, config: FileConfig) -> tuple[CheckResult, MemoCheck]:
    """The memo's findings under `config`, and every figure matched; InputError if it cannot be read."""
    checked = check_memo(plan, read_memo(memo))
    findings = apply_policy(sorted(checked.findings, key=file_order), config, {})
    return CheckResult(file=str(memo), findings=findings, strict=config.strict), checked
