"""memo render's HTML printed to PDF by Debian's headless Chromium, in a column narrow enough that a date breaks
at its hyphen ("2019-" at a line's end, "10-01" on the next): memo check reads the date whole. A machine
without Chromium fails here: `.ci/install-browser` installs it."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import SEED, run_finplan
from test_html_browser import CHROMIUM, FLAGS

from finplan.memo.read import read_memo

_CUT_DATE = re.compile(r"\d{4}-\n\d{2}-\d{2}")


def printed(tmp_path, html: str, name: str):
    """The page printed to PDF by headless Chromium, with no header or footer of its own."""
    page, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         "--print-to-pdf-no-header", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return pdf


def cut_dates(pdf) -> list[str]:
    import pypdf

    return _CUT_DATE.findall("\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages))


@pytest.fixture(scope="module")
def narrow(tmp_path_factory):
    """memo render's page in the first column width (in em) at which Chromium breaks a date at its hyphen."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is needed: run .ci/install-browser")
    html = run_finplan("memo", "render", SEED, "--format", "html").output
    assert "max-width:48em" in html
    folder = tmp_path_factory.mktemp("narrow")
    for width in range(10, 24):
        page = html.replace("max-width:48em", f"max-width:{width}em")
        if cut_dates(printed(folder, page, f"width-{width}")):
            return page
    pytest.fail("no column width from 10 to 23 em broke a date at its hyphen")


def test_a_date_chromium_breaks_at_its_hyphen_is_read_whole(tmp_path, narrow):
    pdf = printed(tmp_path, narrow, "memo")
    assert cut_dates(pdf) == ["2019-\n10-01"]
    run = run_finplan("memo", "check", SEED, pdf)
    assert (run.exit_code, run.findings(), run.file_findings()) == (0, [], []), run.output
    assert any(unit.text.count("2019-10-01 – 2022-09-30") for unit in read_memo(pdf))


def test_a_wrong_date_chromium_breaks_at_its_hyphen_is_an_error_at_its_line(tmp_path, narrow):
    pdf = printed(tmp_path, narrow.replace("2019-10-01", "2019-11-01"), "memo")
    (cut,) = cut_dates(pdf)
    assert cut == "2019-\n11-01"
    import pypdf

    lines = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split("\n")
    line = next(number for number, text in enumerate(lines, 1) if text.endswith("2019-"))
    run = run_finplan("memo", "check", SEED, pdf)
    assert run.exit_code == 1
    errors = [(f["code"], int(f["line"])) for f in run.findings() if f["severity"] == "error"]
    assert ("FP704", line) in errors and len(errors) == 2, run.output  # the opening's period, and the broken one
