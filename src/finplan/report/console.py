"""How a report reaches the console: a finding's line in every job, styled by severity, and a printer
that writes plain text where no colour is drawn."""

from __future__ import annotations

from functools import cached_property

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.text import Text

from finplan.findings import Finding, Severity
from finplan.report.plain_table import draws_plain
from finplan.report.run import finding_parts

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_text(file: str, finding: Finding) -> Text:
    """`file:line:col: FP101 error message`, the line editors and CI logs link to."""
    where, code, severity, message = finding_parts(file, finding)
    return Text.assemble(
        (where, "bold"), (code, "dim"), " ", (severity, SEVERITY_STYLE[finding.severity]), " ", message
    )


class Printer:
    """Prints as `console.print` does; where the console draws plain text, writes that text itself.

    Rich's cost is per print and per cell: 20 000 findings took 4 s printed one
    by one, and the seed's tables 11 ms. Where no colour is drawn, a line, a
    text and a table (finplan.report.plain_table) are written as the text Rich
    would write, gathered until `flush`; anything else, and anything Rich would
    wrap or expand, is printed by Rich in its turn. tests/test_plain_table.py
    holds the two outputs equal.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.plain = draws_plain(console)
        self._lines: list[str] = []

    @cached_property
    def options(self) -> ConsoleOptions:
        """The options `console.print` renders with."""
        return self.console.options.update(justify=None, overflow=None, height=None, no_wrap=None, markup=None,
                                           highlight=None)

    def line(self, text: Text) -> None:
        """`text` never wrapped, as `console.print(text, soft_wrap=True)`: one finding is one line for grep and editors."""
        if self.plain and "\t" not in text.plain:  # Rich would expand the tab
            self._lines.append(text.plain)
        else:
            self._rich(text, soft_wrap=True)

    def lines(self, texts: list[Text]) -> None:
        """Each of `texts` a line of its own, never wrapped."""
        if self.plain:
            for text in texts:
                self.line(text)
        elif texts:  # one print: Rich's cost is per print
            self._rich(Text("\n").join(texts), soft_wrap=True)

    def show(self, renderable: RenderableType) -> None:
        """`renderable` as `console.print(renderable)` prints it: a text wrapped to the width, a table laid out.

        A group's parts are shown one by one, each as the group would show it.
        """
        if not self.plain:
            self._rich(renderable)
            return
        if not isinstance(renderable, Group):
            self._write(self._drawn(renderable), renderable)
            return
        for part in renderable.renderables:
            # A text in a group keeps its own justify and end, which a printed text would not.
            own = isinstance(part, Text) and (part.justify or part.overflow or part.no_wrap is not None or part.end != "\n")
            self._write(None if own else self._drawn(part), Group(part))

    def blank(self) -> None:
        self.line(Text())

    def flush(self) -> None:
        if self._lines:
            self.console.file.write("".join(f"{line}\n" for line in self._lines))
            self._lines.clear()

    def _write(self, drawn: list[str] | None, renderable: RenderableType) -> None:
        if drawn is None:
            self._rich(renderable)
        else:
            self._lines.extend(drawn)

    def _rich(self, renderable: RenderableType, soft_wrap: bool = False) -> None:
        self.flush()
        self.console.print(renderable, soft_wrap=soft_wrap)

    def _drawn(self, renderable: RenderableType) -> list[str] | None:
        """The lines Rich would print, where they can be told without Rich: None otherwise."""
        from finplan.report import plain_table
        from finplan.report.table import FittedTable

        if isinstance(renderable, FittedTable):
            return renderable.plain_lines(self.console, self.options)
        if isinstance(renderable, Text):  # wrapped only where a line is too long, which Rich does
            width = self.options.max_width
            drawn = renderable.plain.split("\n")
            return drawn if all(line.isprintable() and plain_table.fits(line, width) for line in drawn) else None
        return None
