"""`finplan server`: the check in an editor, as a language server on standard input and output."""

from typing import Annotated

import typer

from finplan.cli.app import LangOption, app
from finplan.cli.common import refuse
from finplan.i18n import N_, Message


@app.command(help=N_("Answer an editor as a language server over standard input and output: the check's findings as you type."))
def server(
    stdio: Annotated[
        bool,
        typer.Option("--stdio", help=N_("Talk over standard input and output (the default, and the only way)."), show_default=False),
    ] = True,
    lang: LangOption = None,
) -> None:
    try:
        from finplan.server.app import serve
    except ImportError as error:
        refuse(Message("`finplan server` needs {module}: pip install 'finplan[server]'", module=error.name or "pygls"))
    raise typer.Exit(serve())
