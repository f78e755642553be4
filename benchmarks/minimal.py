"""The minimal program on finplan's stack: the bar for starting up and checking one small plan.

    python benchmarks/minimal.py PLAN

A Typer command that loads the file with PyYAML's CSafeLoader, validates one
small Pydantic model and prints one Rich table. finplan does far more with a
plan, but imports the same four libraries and need not start slower than this.
"""

from __future__ import annotations

from pathlib import Path

import rich.console
import rich.table
import typer
import yaml
from pydantic import BaseModel

app = typer.Typer(add_completion=False)


class Line(BaseModel):
    id: str
    financier: str
    amount: str  # as written (`2 658 128`): reading money is finplan's work, not the stack's


class Plan(BaseModel):
    total: str
    financing: list[Line]


@app.command()
def check(plan: Path) -> None:
    """Read PLAN and print its financing as a table."""
    with plan.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=yaml.CSafeLoader)
    model = Plan.model_validate({
        "total": str(data["total"]),
        "financing": [{"id": line["id"], "financier": line["financier"], "amount": str(line["amount"])}
                      for line in data["financing"]],
    })
    table = rich.table.Table(title="Financing")
    for column in ("Id", "Financier", "Amount"):
        table.add_column(column)
    for line in model.financing:
        table.add_row(line.id, line.financier, line.amount)
    rich.console.Console().print(table)


if __name__ == "__main__":
    app()
