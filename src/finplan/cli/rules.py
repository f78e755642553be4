"""`finplan rules`, `finplan rule CODE` and `finplan schema`: what finplan checks, and the format it reads."""

import re
from datetime import date
from typing import Annotated

import typer

from finplan.cli.app import EXIT_INPUT, LangOption, app
from finplan.cli.common import refuse, say
from finplan.cli.output import console
from finplan.i18n import N_, Message, _


def _day(text: str | None) -> date | None:
    """`--at`'s date, or the refusal of a usage error (exit 2) where it is none."""
    if text is None:
        return None
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    refuse(Message("--at takes a date, YYYY-MM-DD such as 2019-06-01, not {text}", text=text))


@app.command("rules", help=N_("List every rule, every profile with its caps and floors, and every setting with its source."))
def list_rules(
    at: Annotated[
        str | None,
        typer.Option(
            "--at", metavar="DATE", show_default=False,
            help=N_("Show the numbers in force on this date (YYYY-MM-DD), as a plan of that date is judged."),
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    day = _day(at)  # a bad date is refused before anything is shown
    from rich.text import Text

    from finplan.codes import CATALOGUE
    from finplan.documentation import (
        PROFILE_COLUMNS, profile_cells, setting_cells, setting_columns, settings_title,
    )
    from finplan.profiles import PROFILES, all_settings
    from finplan.report.table import new_table

    table = new_table(_("Rules"), N_("Code"), N_("Name"), N_("Severity"), N_("Applies to"), N_("Checks"))
    for item in CATALOGUE.values():
        table.add_row(*(Text(str(v)) for v in (item.code, item.name, item.severity, item.applies_to, item.summary)))
    shown = console()
    shown.print(table)
    profiles = new_table(_("Profiles"), *PROFILE_COLUMNS)
    for p in PROFILES.values():
        profiles.add_row(*(Text(v) for v in profile_cells(p)))
    shown.print(profiles)
    settings = new_table(settings_title(day), *setting_columns(day))
    for key, _profile, setting in all_settings():
        settings.add_row(*(Text(v) for v in setting_cells(key, setting, day)))
    shown.print(settings)


@app.command("rule", help=N_("Print a rule's documentation: what it checks, why, examples, and its source."))
def show_rule(
    code: Annotated[str, typer.Argument(help=N_("A rule's code, such as FP501."), show_default=False, metavar="CODE")],
    lang: LangOption = None,
) -> None:
    from finplan.codes import find
    from finplan.documentation import rule_text

    item = find(code)
    if item is None:
        say(Message("no rule {code}; `finplan rules` lists them", code=code))
        raise typer.Exit(EXIT_INPUT)
    print(rule_text(item), end="")


@app.command("schema", help=N_("Print the plan format as a JSON Schema, for editors and schema validators."))
def show_schema(lang: LangOption = None) -> None:
    import json

    from finplan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
