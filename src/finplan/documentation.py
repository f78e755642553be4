"""The codes' documentation as Markdown, made from the catalogue itself.

docs/rules.md is `python -m finplan.documentation`, and a test keeps the two
equal, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from finplan.catalogue import CATALOGUE
from finplan.codes import FAMILIES
from finplan.profiles import all_settings


def rules_markdown() -> str:
    parts = [
        "# Rules\n",
        "Generated from the rules' own documentation by `python -m finplan.documentation`;",
        "`finplan rules` lists them and `finplan rule CODE` prints one.\n",
        "## Families\n",
        "A code's first digit names its family; a prefix such as `FP1` selects, ignores",
        "or grades the whole family.\n",
        "| codes | family |",
        "|---|---|",
        *(f"| FP{digit}xx | {title} |" for digit, title in FAMILIES.items()),
        "",
        "## Codes\n",
        "| code | name | severity | applies to | checks |",
        "|---|---|---|---|---|",
    ]
    parts += [f"| {i.code} | {i.name} | {i.severity} | {i.applies_to} | {i.summary} |" for i in CATALOGUE.values()]
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
    for item in CATALOGUE.values():
        parts += [f"## {item.code} {item.name}", "", "```text", item.text().rstrip("\n"), "```", ""]
    return "\n".join(parts)


def _default(setting) -> str:
    if setting.kind == "percent":
        return f"{setting.default} %"
    if setting.kind == "bool":
        return "yes" if setting.default else "no"
    return f"{setting.default} kr" if setting.kind == "amount" else f"{setting.default} hours"


if __name__ == "__main__":  # pragma: no cover
    print(rules_markdown(), end="")
