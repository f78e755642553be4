"""One renderer per output format, chosen by name; each writes to the stream it is given.

`text` renders with Rich to a console the command line makes; the others
write plain text and never import Rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from finplan.report.common import ReportRun

_MODULES = {
    "concise": "finplan.report.concise",
    "json": "finplan.report.json_report",
    "github": "finplan.report.github",
    "sarif": "finplan.report.sarif",
    "junit": "finplan.report.junit",
    "gitlab": "finplan.report.gitlab",
    "markdown": "finplan.report.markdown",
}


def renderer(name: str) -> Callable[[ReportRun, TextIO], None]:
    """The plain-text renderer of a format other than `text`, imported when asked for."""
    return importlib.import_module(_MODULES[name]).render
