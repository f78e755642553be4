"""`finplan completion SHELL`: the script that teaches bash, zsh or fish finplan's commands and options.

It is printed, never installed: a user adds `eval "$(finplan completion bash)"`
(or the zsh or fish line of docs/ci.md) to their shell's start-up file. The
shell then asks finplan itself for completions, through the environment
variable the script names, which Typer answers before any command runs.
"""

import enum
from typing import Annotated

import typer

from finplan.cli.app import LangOption, app
from finplan.i18n import N_


COMPLETE_VAR = "_FINPLAN_COMPLETE"


def answer_the_shell() -> None:
    """Where the shell asks for completions, Typer's answers for each shell made known, before the app runs."""
    import os

    if COMPLETE_VAR in os.environ:
        from typer._completion_classes import completion_init

        completion_init()


class Shell(str, enum.Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command("completion", help=N_("Print the shell completion script for bash, zsh or fish."))
def completion(
    shell: Annotated[Shell, typer.Argument(help=N_("bash, zsh or fish."), metavar="SHELL", show_default=False)],
    lang: LangOption = None,
) -> None:
    from typer._completion_shared import get_completion_script

    print(get_completion_script(prog_name="finplan", complete_var=COMPLETE_VAR, shell=shell.value), end="")
