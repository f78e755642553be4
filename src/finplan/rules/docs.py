"""The rules' documentation as Markdown, made from the rules themselves.

docs/rules.md is this module's output (`python -m finplan.rules.docs`); a test
keeps the two equal, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from finplan.rules import RULES

_INPUT_CODES = """\
## FP000 unreadable (error)

The file could not be read as a plan: it is missing, a directory, not UTF-8,
not YAML, over a limit, or it holds a repeated key, a tag, or a key that is
not a name or a year. The plan is refused as a whole and exit code is 2.

## FP001 shape (error)

The plan was read but does not have the format's shape: a key the format does
not know (with a "did you mean" hint), a required key missing, a value of the
wrong type, an amount or date that cannot be read exactly. No rule can run on
such a plan, so the exit code is 2.
"""


def rules_markdown() -> str:
    parts = [
        "# Rules\n",
        "Generated from the rules' own documentation by `python -m finplan.rules.docs`.\n",
        "| code | name | severity | checks |",
        "|---|---|---|---|",
    ]
    parts += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in RULES]
    parts += ["", _INPUT_CODES]
    for rule in RULES:
        parts += [f"## {rule.code} {rule.name} ({rule.severity})", "", rule.doc, ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(rules_markdown(), end="")
