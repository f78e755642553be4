"""`finplan memo check`: a memo read, its figures matched against a checked plan, as a CheckResult.

The plan comes checked (`finplan.check.check_file`); this module never reads
YAML. The memo's findings are selected and given severities by the same
configuration as a plan's, so `--select`, `--ignore`, `[severity]` and
baselines apply to them unchanged.
"""

from __future__ import annotations

from pathlib import Path

from finplan.config import FileConfig
from finplan.findings import CheckResult, Finding, file_order
from finplan.memo.codes import MEMO_CODES
from finplan.memo.match import MemoCheck, check_memo
from finplan.memo.read import read_memo
from finplan.model import Plan

_ON_BY_DEFAULT = {code.code: code.on_by_default for code in MEMO_CODES}


def check_memo_file(plan: Plan, memo: str | Path, config: FileConfig) -> tuple[CheckResult, MemoCheck]:
    """The memo's findings under `config`, and every figure matched; InputError if it cannot be read."""
    checked = check_memo(plan, read_memo(memo))
    findings = [
        Finding(f.code, config.severities.get(f.code, f.severity), f.message, f.path, f.position)
        for f in checked.findings
        if config.selection.enabled(f.code, _ON_BY_DEFAULT[f.code])
    ]
    return CheckResult(file=str(memo), findings=sorted(findings, key=file_order), strict=config.strict), checked
