"""matplotlib as the report draws with it: finplan's settings only, whatever the machine holds.

A report is often made in a CI job, in a checkout of someone else's branch.
matplotlib reads a `matplotlibrc` from the working folder before any other
(then from MATPLOTLIBRC and MPLCONFIGDIR), and MPLBACKEND; such a file could
turn on LaTeX (`text.usetex`: a traceback where latex is not installed),
change every chart, or stop the import (a file that is not UTF-8, an unknown
backend) or stall it (a named pipe called `matplotlibrc`). So matplotlib is
imported from its own data folder, with MATPLOTLIBRC naming its built-in
defaults and MPLBACKEND unset, and every chart is drawn from the built-in
defaults (`rcParamsDefault`) with finplan's style on top, also where
matplotlib was imported before with other settings. No backend is chosen: a
figure is saved as SVG by the SVG canvas, and pyplot is never imported.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STYLE = {
    "svg.fonttype": "none",  # letters stay `<text>`, to be selected and searched
    "svg.hashsalt": "finplan",  # the same report, byte for byte, from the same plans
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # A plan's text is shown as written: `$\frac{$` is a financier's name, not mathtext to parse.
    "text.parse_math": False,
    "text.usetex": False,
}


def matplotlib():
    """The matplotlib module, imported without reading any settings of the user's (see above)."""
    if "matplotlib" in sys.modules:
        return sys.modules["matplotlib"]
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("No module named 'matplotlib'", name="matplotlib")
    data = Path(next(iter(spec.submodule_search_locations))) / "mpl-data"
    saved = {name: os.environ.get(name) for name in ("MATPLOTLIBRC", "MPLBACKEND")}
    os.environ["MATPLOTLIBRC"] = str(data / "matplotlibrc")
    os.environ.pop("MPLBACKEND", None)
    try:
        with _working_folder(data):
            import matplotlib as module
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return module


@contextmanager
def drawing() -> Iterator[object]:
    """matplotlib under its built-in defaults and finplan's style, for as long as a chart is drawn."""
    module = matplotlib()
    # `backend` is left as it is: it is no setting of how a chart looks, and an SVG needs none.
    settings = {key: value for key, value in module.rcParamsDefault.items() if key != "backend"}
    with module.rc_context({**settings, **STYLE}):
        yield module


@contextmanager
def _working_folder(folder: Path) -> Iterator[None]:
    """`folder` as the working folder for a moment; back to the one before, even one since removed."""
    if not hasattr(os, "fchdir"):
        here = os.getcwd()
        os.chdir(folder)
        try:
            yield
        finally:
            os.chdir(here)
        return
    try:
        # O_PATH where there is one: the folder need not be readable to come back to it.
        here = os.open(".", getattr(os, "O_PATH", os.O_RDONLY) | os.O_DIRECTORY)
    except OSError:  # no way back: stay, and let matplotlib read what it finds
        yield
        return
    try:
        os.chdir(folder)
        yield
    finally:
        os.fchdir(here)
        os.close(here)
