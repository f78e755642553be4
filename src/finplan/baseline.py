"""Baselines: findings recorded once and accepted, so that only new ones fail a run.

A finding is recognised by its file (from the repository root), code, place
in the plan and message, not by its line: moving a line does not make it new,
but a changed amount does, since the message names it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from finplan.errors import InputError, os_reason
from finplan.files import remember, write_file
from finplan.findings import CheckResult, fingerprint, format_path
from finplan.i18n import Message

BASELINE_VERSION = 1


def write_baseline(path: Path, results: list[CheckResult], name: dict[str, str]) -> int:
    """Record every finding of the readable files; `name` maps a result's file to its repository name."""
    entries = [
        {"file": name[r.file], "code": f.code, "path": format_path(f.path), "message": f.message,
         "fingerprint": fingerprint(name[r.file], f)}
        for r in results if r.readable for f in r.findings
    ]
    document = {"finplan_baseline": BASELINE_VERSION, "findings": entries}
    write_file(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def read_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline accepts, each as often as it was recorded."""
    remember(path, role=Message("the baseline"))
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(Message("baseline {file} cannot be read: {reason}", file=path, reason=os_reason(error))) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:  # the reader's own words, with the place
        raise InputError(Message("baseline {file} is not JSON: {reason}", file=path, reason=error)) from None
    if not isinstance(document, dict) or document.get("finplan_baseline") != BASELINE_VERSION:
        raise InputError(
            Message("baseline {file} is not a finplan baseline of version {version}", file=path, version=BASELINE_VERSION)
        )
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
        raise InputError(Message("baseline {file}: `findings` must be a list of recorded findings", file=path))
    from finplan.codes import unknown_code_message

    for entry in entries:
        problem = unknown_code_message(str(entry.get("code", "")), prefix=False)
        if problem is not None:  # a baseline of another tool, or edited by hand
            raise InputError(Message("baseline {file}: a recorded finding's code: {problem}", file=path, problem=problem))
    return Counter(str(e["fingerprint"]) for e in entries)


def apply_baseline(results: list[CheckResult], accepted: Counter[str], name: dict[str, str]) -> int:
    """Drop the findings the baseline accepts from readable files; how many were dropped."""
    remaining = Counter(accepted)
    dropped = 0
    for result in results:
        if not result.readable:
            continue
        kept = []
        for finding in result.findings:
            key = fingerprint(name[result.file], finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        result.findings = kept
    return dropped
