"""`finplan rules`, `finplan rule CODE` and `finplan schema`: what finplan checks, and the format it reads."""

from typing import Annotated

import typer

from finplan.cli.app import EXIT_INPUT, LangOption, app
from finplan.cli.common import say
from finplan.cli.output import console
from finplan.i18n import N_, Message, _


@app.command("rules", help=N_("List every rule, every profile with its caps and floors, and every setting with its source."))
def list_rules(lang: LangOption = None) -> None:
    from rich.text import Text

    from finplan.codes import CATALOGUE
    from finplan.documentation import default_text, limit_text
    from finplan.profiles import PROFILES, all_settings
    from finplan.report.table import new_table

    table = new_table(_("Rules"), N_("Code"), N_("Name"), N_("Severity"), N_("Applies to"), N_("Checks"))
    for item in CATALOGUE.values():
        table.add_row(*(Text(str(v)) for v in (item.code, item.name, item.severity, item.applies_to, item.summary)))
    shown = console()
    shown.print(table)
    profiles = new_table(
        _("Profiles"), N_("Profile"), N_("Title"), N_("Schemes"), N_("Programme period"), N_("Caps and floors")
    )
    for p in PROFILES.values():
        period = _("{start} to {end}: {source}").format(start=p.period[0], end=p.period[1], source=_(p.period_source)) if p.period else "–"
        limits = "\n".join(limit_text(p, limit).replace("`", "") for limit in p.limits) or "–"
        profiles.add_row(*(Text(v) for v in (p.name, _(p.title), ", ".join(p.schemes), period, limits)))
    shown.print(profiles)
    settings = new_table(_("Settings"), N_("Key"), N_("Default"), N_("Meaning"), N_("Source"))
    for key, _profile, setting in all_settings():
        settings.add_row(*(Text(v) for v in (key, default_text(setting), _(setting.meaning), _(setting.source))))
    shown.print(settings)


@app.command("rule", help=N_("Print a rule's documentation: what it checks, why, examples, and its source."))
def show_rule(
    code: Annotated[str, typer.Argument(help=N_("A rule's code, such as FP501."), show_default=False, metavar="CODE")],
    lang: LangOption = None,
) -> None:
    from finplan.codes import find

    item = find(code)
    if item is None:
        say(Message("no rule {code}; `finplan rules` lists them", code=code))
        raise typer.Exit(EXIT_INPUT)
    print(item.text(), end="")


@app.command("schema", help=N_("Print the plan format as a JSON Schema, for editors and schema validators."))
def show_schema(lang: LangOption = None) -> None:
    import json

    from finplan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
