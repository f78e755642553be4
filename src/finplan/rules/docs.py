"""The rules' documentation, made from the rules themselves.

`finplan rules` and `finplan rule CODE` print it; docs/rules.md is
`python -m finplan.rules.docs`, and a test keeps the two equal, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from finplan.profiles import all_settings
from finplan.findings import Severity
from finplan.rules import RULES
from finplan.rules.base import first_line


@dataclass(frozen=True, slots=True)
class InputCode:
    """A code that no rule function yields: an unreadable plan, a wrong shape, an ignore comment."""

    code: str
    name: str
    severity: Severity
    doc: str
    profiles: tuple[str, ...] = ()
    source: str = "finplan's loader and plan format (docs/plan-format.md)"
    on_by_default: bool = True

    @property
    def summary(self) -> str:
        return first_line(self.doc)


INPUT_CODES = (
    InputCode(
        "FP000", "unreadable", Severity.ERROR,
        "The file could not be read as a plan.\n\n"
        "It is missing, a directory, not UTF-8, not YAML, over a limit, or it holds a\n"
        "repeated key, a tag, or a key that is not a name or a year. The plan is\n"
        "refused as a whole, and the exit code is 2.",
    ),
    InputCode(
        "FP001", "shape", Severity.ERROR,
        "The plan does not have the format's shape.\n\n"
        "A key the format does not know (with a \"did you mean\" hint), a required key\n"
        "missing, a value of the wrong type, an amount or date that cannot be read\n"
        "exactly. No rule can run on such a plan, so the exit code is 2.",
    ),
    InputCode(
        "FP002", "ignore-without-code", Severity.ERROR,
        "An inline ignore comment names the codes it silences.\n\n"
        "`# finplan: ignore[FP203]` silences FP203 on its own line. A comment that\n"
        "names no code, or something that is not a code, would silence anything\n"
        "that appears on that line later, unread; it is an error.",
        source="finplan's inline ignores (docs/ci.md)",
    ),
    InputCode(
        "FP003", "unused-ignore", Severity.WARNING,
        "An inline ignore comment silences a finding on its line.\n\n"
        "A comment naming a code that has no finding on its line silences nothing;\n"
        "left in place it would hide a later finding nobody has read. Remove it.",
        source="finplan's inline ignores (docs/ci.md)",
    ),
)

DOCUMENTED = (*INPUT_CODES, *RULES)


def find(code: str):
    """The rule or input code called `code` (any case), or None."""
    return next((item for item in DOCUMENTED if item.code == code.upper()), None)


def applies_to(item) -> str:
    plans = ", ".join(item.profiles) if item.profiles else "every plan"
    return plans if item.on_by_default else f"{plans} (off by default)"


def rule_text(item) -> str:
    """One rule's documentation: what it checks, why, examples, and its source."""
    return (
        f"{item.code} {item.name} ({item.severity})\n"
        f"Applies to: {applies_to(item)}\n"
        f"Source: {item.source or 'finplan’s own arithmetic'}\n\n"
        f"{item.doc}\n"
    )


def rules_markdown() -> str:
    parts = [
        "# Rules\n",
        "Generated from the rules' own documentation by `python -m finplan.rules.docs`;",
        "`finplan rules` lists them and `finplan rule CODE` prints one.\n",
        "| code | name | severity | applies to | checks |",
        "|---|---|---|---|---|",
    ]
    parts += [f"| {i.code} | {i.name} | {i.severity} | {applies_to(i)} | {i.summary} |" for i in DOCUMENTED]
    parts += [
        "",
        "## Settings",
        "",
        "A plan overrides any of these under `settings:` (docs/plan-format.md).",
        "",
        "| key | default | meaning | source |",
        "|---|---|---|---|",
    ]
    parts += [
        f"| `{key}` | {_default(setting)} | {setting.meaning} | {setting.source} |"
        for key, _, setting in all_settings()
    ]
    parts.append("")
    for item in DOCUMENTED:
        parts += [f"## {item.code} {item.name}", "", "```text", rule_text(item).rstrip("\n"), "```", ""]
    return "\n".join(parts)


def _default(setting) -> str:
    if setting.kind == "percent":
        return f"{setting.default} %"
    if setting.kind == "bool":
        return "yes" if setting.default else "no"
    return f"{setting.default} kr" if setting.kind == "amount" else f"{setting.default} hours"


if __name__ == "__main__":  # pragma: no cover
    print(rules_markdown(), end="")
