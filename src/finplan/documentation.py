"""The codes' documentation as Markdown, made from the catalogue itself.

docs/rules.md is `python -m finplan.documentation`, and a test keeps the two
equal, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from finplan.catalogue import CATALOGUE
from finplan.codes import FAMILIES
from finplan.profiles import PROFILES, all_settings, setting_key


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
        f"| `{key}` | {default_text(setting)} | {setting.meaning} | {setting.source} |"
        for key, _, setting in all_settings()
    ]
    parts.append("")
    parts += profiles_markdown()
    for item in CATALOGUE.values():
        parts += [f"## {item.code} {item.name}", "", "```text", item.text().rstrip("\n"), "```", ""]
    return "\n".join(parts)


def profiles_markdown() -> list[str]:
    """Every profile: what it governs, its programme period, its caps and floors, its tables."""
    parts = [
        "## Profiles",
        "",
        "A plan names its profiles under `profiles:`; each governs the lines of its schemes, sets the",
        "caps and floors below (their numbers are the settings above), and switches on its rules.",
        "",
        "| profile | title | schemes | programme period | caps and floors |",
        "|---|---|---|---|---|",
    ]
    for profile in PROFILES.values():
        period = f"{profile.period[0]} to {profile.period[1]} ({profile.period_source})" if profile.period else "–"
        parts.append(
            f"| `{profile.name}` | {profile.title} | {', '.join(profile.schemes)} | {period} | "
            f"{'; '.join(limit_text(profile, limit) for limit in profile.limits) or '–'} |"
        )
    parts.append("")
    for profile in PROFILES.values():
        for setting in profile.settings:
            if setting.table:
                parts += [
                    f"### `{setting_key(profile, setting)}` by `{setting.by}`",
                    "",
                    f"| {setting.by} | {setting.name} | source |",
                    "|---|---|---|",
                    *(f"| {choice} | {default_text(setting, value)} | {source} |" for choice, value, source in setting.table),
                    "",
                ]
    return parts


def limit_text(profile, limit) -> str:
    """`min_share of share_base (lines with scheme leader)`: one of a profile's limits, in words."""
    kind = "at most" if limit.is_cap else "at least"
    setting = next(s for s in profile.settings if s.name == limit.setting)
    of = f" of `{limit.base_setting}`" if limit.base_setting else (f" of the {limit.base}" if setting.kind == "percent" else "")
    lines = "public lines" if limit.scheme == "public" else f"`{limit.scheme or profile.scheme}` lines"
    when = f", where `{limit.when}`" if limit.when else ""
    return f"{lines} {kind} `{limit.setting}`{of}{when}"


def default_text(setting, value=None) -> str:
    value = setting.default if value is None else value
    if value is None:
        return f"by `{setting.by}`" if setting.by else "–"
    if setting.kind == "eur":
        return f"{value} EUR"
    if setting.kind in ("number", "choice"):
        return f"{value}"
    if setting.kind == "percent":
        return f"{value} %"
    if setting.kind == "bool":
        return "yes" if value else "no"
    return f"{value} kr" if setting.kind == "amount" else f"{value} hours"


if __name__ == "__main__":  # pragma: no cover
    print(rules_markdown(), end="")
