"""The codes' documentation as Markdown, made from the table of codes itself, in either language.

docs/rules.md is `python -m finplan.documentation` and docs/rules.sv.md is
`python -m finplan.documentation --lang sv`; a test keeps each equal to what
the code makes, so neither can drift from the code or from the other.
"""

from __future__ import annotations

import sys
from datetime import date

from finplan.codes import CATALOGUE, FAMILIES
from finplan.i18n import N_, _, current_language, set_language
from finplan.profiles import PROFILES, all_settings, setting_key

FILES = {"en": "docs/rules.md", "sv": "docs/rules.sv.md"}
"""Where each language's documentation is kept, from the repository's root."""


def rules_markdown() -> str:
    """The whole rules document in the current language."""
    parts = [
        "# " + _("Rules") + "\n",
        _("Generated from the rules' own documentation by `{command}`;").format(command=_command()),
        _("`finplan rules` lists them and `finplan rule CODE` prints one.")
        + "\n"
        + _("`finplan rules --at 2019-06-01` shows the numbers in force on that date, and `finplan rule CODE`\nlists each version of a number the law changed, with its dates.")
        + "\n",
        "## " + _("Families") + "\n",
        _("A code's first digit names its family; a prefix such as `FP1` selects, ignores\nor grades the whole family.")
        + "\n",
        f"| {_('codes')} | {_('family')} |",
        "|---|---|",
        *(f"| FP{digit}xx | {_(title)} |" for digit, title in FAMILIES.items()),
        "",
        "## " + _("Codes") + "\n",
        f"| {_('code')} | {_('name')} | {_('severity')} | {_('applies to')} | {_('checks')} |",
        "|---|---|---|---|---|",
    ]
    parts += [f"| {i.code} | {i.name} | {i.severity} | {i.applies_to} | {i.summary} |" for i in CATALOGUE.values()]
    parts += [
        "",
        "## " + _("Settings"),
        "",
        _("A plan overrides any of these under `settings:` (docs/plan-format.md)."),
        "",
        f"| {_('key')} | {_('default')} | {_('meaning')} | {_('source')} |",
        "|---|---|---|---|",
    ]
    parts += [
        f"| `{key}` | {default_text(setting)} | {_(setting.meaning)} | {_(setting.source)} |"
        for key, _profile, setting in all_settings()
    ]
    parts.append("")
    parts += profiles_markdown()
    for item in CATALOGUE.values():
        parts += [f"## {item.code} {item.name}", "", "```text", rule_text(item).rstrip("\n"), "```", ""]
    return "\n".join(parts)


def _command() -> str:
    language = current_language()
    return "python -m finplan.documentation" + ("" if language == "en" else f" --lang {language}")


def profiles_markdown() -> list[str]:
    """Every profile: what it governs, its programme period, its caps and floors, its tables."""
    parts = [
        "## " + _("Profiles"),
        "",
        _(
            "A plan names its profiles under `profiles:`; each governs the lines of its schemes, sets the\n"
            "caps and floors below (their numbers are the settings above), and switches on its rules."
        ),
        "",
        f"| {_('profile')} | {_('title')} | {_('schemes')} | {_('programme period')} | {_('caps and floors')} |",
        "|---|---|---|---|---|",
    ]
    for profile in PROFILES.values():
        period = (
            _("{start} to {end} ({source})").format(start=profile.period[0], end=profile.period[1], source=_(profile.period_source))
            if profile.period else "–"
        )
        parts.append(
            f"| `{profile.name}` | {_(profile.title)} | {', '.join(profile.schemes)} | {period} | "
            f"{'; '.join(limit_text(profile, limit) for limit in profile.limits) or '–'} |"
        )
    parts.append("")
    for profile in PROFILES.values():
        for setting in profile.settings:
            if setting.table:
                parts += [
                    "### " + _("`{key}` by `{by}`").format(key=setting_key(profile, setting), by=setting.by),
                    "",
                    f"| {setting.by} | {setting.name} | {_('source')} |",
                    "|---|---|---|",
                    *(
                        f"| {choice} | {default_text(setting, value)}{_dates(start, end)} | {_(source)} |"
                        for choice, value, source, start, end in setting.table
                    ),
                    "",
                ]
            if setting.versions:
                parts += [
                    "### " + _("`{key}` by the plan's date").format(key=setting_key(profile, setting)),
                    "",
                    f"| {_('in force from')} | {_('in force to')} | {setting.name} | {_('source')} |",
                    "|---|---|---|---|",
                    *(
                        f"| {v.start or '–'} | {v.end or '–'} | {default_text(setting, v.value)} | {_(v.source)} |"
                        for v in setting.versions
                    ),
                    "",
                ]
    return parts


def _dates(start, end) -> str:
    """` (2022-01-01 to 2023-12-31)`: when a table's row is in force, where the row changed by date."""
    if start is None and end is None:
        return ""
    return " " + _("({start} to {end})").format(start=start or "–", end=end or "–")


def rule_text(item) -> str:
    """A code's documentation as `finplan rule CODE` prints it: its text, then each version of the numbers it
    uses that the law changed, with its value, source and dates."""
    from finplan.profiles import Version

    used = [(profile, setting) for profile in PROFILES.values() for setting in profile.settings if setting.name in item.settings]
    rows = [(setting_key(profile, setting), setting, version) for profile, setting in used for version in setting.versions]
    # A table's row the calls changed by date (Övre Norrland's ERDF rate): listed with the choice it is for.
    rows += [
        (f"{setting_key(profile, setting)} ({setting.by}: {choice})", setting, Version(value, source, start, end))
        for profile, setting in used for choice, value, source, start, end in setting.table
        if start is not None or end is not None
    ]
    if not rows:
        return item.text()
    lines = [_("Numbers the law changed (the plan's date chooses the version in force):")]
    lines += [
        "- " + _("{key}: {value} from {start} to {end}; {source}").format(
            key=key, value=default_text(setting, version.value), start=version.start or "–", end=version.end or "–",
            source=_(version.source),
        )
        for key, setting, version in rows
    ]
    return item.text() + "\n" + "\n".join(lines) + "\n"


def in_force(setting, day: date | None) -> tuple[str, str]:
    """A setting's value and source as `finplan rules` shows them: its default, or on `day` the version in force."""
    if day is None or not setting.versions:
        return default_text(setting), _(setting.source)
    version = setting.version_on(day)
    if version is None:
        return "–", _("no version in force on {date}").format(date=day)
    return default_text(setting, version.value), _(version.source)


PROFILE_COLUMNS = (N_("Profile"), N_("Title"), N_("Schemes"), N_("Programme period"), N_("Caps and floors"))
"""The columns of `finplan rules`' table of profiles, as `profile_cells` gives them."""


def profile_cells(profile) -> tuple[str, str, str, str, str]:
    """A profile as `finplan rules` lists it: its name, title, schemes, programme period, and caps and floors."""
    period = "–"
    if profile.period:
        period = _("{start} to {end}: {source}").format(
            start=profile.period[0], end=profile.period[1], source=_(profile.period_source)
        )
    limits = "\n".join(limit_text(profile, limit).replace("`", "") for limit in profile.limits) or "–"
    return profile.name, _(profile.title), ", ".join(profile.schemes), period, limits


def settings_title(day: date | None) -> str:
    """The title of `finplan rules`' table of settings: their defaults, or those in force on `day`."""
    return _("Settings") if day is None else _("Settings in force on {date}").format(date=day)


def setting_columns(day: date | None) -> tuple[str, str, str, str]:
    """The columns of `finplan rules`' table of settings, as `setting_cells` gives them."""
    return N_("Key"), N_("Default") if day is None else N_("In force"), N_("Meaning"), N_("Source")


def setting_cells(key: str, setting, day: date | None) -> tuple[str, str, str, str]:
    """A setting as `finplan rules` lists it: its key, its value (in force on `day`), meaning and source."""
    value, source = in_force(setting, day)
    return key, value, _(setting.meaning), source


def limit_text(profile, limit) -> str:
    """`min_share of share_base (lines with scheme leader)`: one of a profile's limits, in words."""
    from finplan.limits import BASE_NAMES  # not before a limit is shown: `finplan rule` stays quick

    setting = next(s for s in profile.settings if s.name == limit.setting)
    lines = _("public lines") if limit.scheme == "public" else _("`{scheme}` lines").format(scheme=limit.scheme or profile.scheme)
    values = {"lines": lines, "setting": limit.setting, "base": limit.base_setting or _(BASE_NAMES[limit.base])}
    if limit.base_setting:
        text = _("{lines} at most `{setting}` of `{base}`") if limit.is_cap else _("{lines} at least `{setting}` of `{base}`")
    elif setting.kind == "percent":
        text = _("{lines} at most `{setting}` of {base}") if limit.is_cap else _("{lines} at least `{setting}` of {base}")
    else:
        text = _("{lines} at most `{setting}`") if limit.is_cap else _("{lines} at least `{setting}`")
    text = text.format(**values)
    return text + _(", where `{when}`").format(when=limit.when) if limit.when else text


def default_text(setting, value=None) -> str:
    """A setting's value as every table prints it (the check's numbers in force alike); its `by` where it has none."""
    from finplan.report.wording import fact_value

    value = setting.default if value is None else value
    if value is None:
        return _("by `{by}`").format(by=setting.by) if setting.by else "–"
    return f"{value}" if setting.kind == "choice" else fact_value(setting.kind, value)


def main(arguments: list[str]) -> None:
    """`python -m finplan.documentation [--lang sv]`: the rules document on standard output."""
    if arguments[:1] == ["--lang"] and len(arguments) == 2:
        set_language(arguments[1])
    elif arguments:
        raise SystemExit("usage: python -m finplan.documentation [--lang en|sv]")
    sys.stdout.write(rules_markdown())


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
