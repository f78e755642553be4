"""`finplan init`: a commented starting plan, never over an existing file; `-` prints it."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from finplan.cli.app import LangOption, app
from finplan.cli.common import say, to_standard_output
from finplan.i18n import N_, Message


@app.command("init", help=N_("Write a commented starting plan; an existing file is never overwritten."))
def init(
    path: Annotated[
        Path, typer.Argument(help=N_("Where to write the new plan; - prints it."), metavar="PATH")
    ] = Path("plan.yaml"),
    lang: LangOption = None,
) -> None:
    from finplan.i18n import _
    from finplan.templates import template_text, translated

    template = translated(template_text(), _)
    if to_standard_output(path):
        sys.stdout.write(template)
        return
    from finplan.files import write_file

    write_file(path, template, replace=False)
    say(Message("wrote a starting plan to {path}; fill it in, then run `finplan check {path}`", path=path))
