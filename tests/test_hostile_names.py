"""Hostile names and settings for the writers (issue 22): text in a chart, a file's name, a matplotlibrc.

Every hostile file is made here, in the test. Each case ends with a correct
report, or with exit 2 and one line; none with a traceback, a stall or a
half-written site.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan

from finplan.report.portfolio.html.amounts import Amounts
from finplan.report.portfolio.html.bounds import MAX_FRAMES, MAX_LABEL, MAX_SERIES, MAX_YEARS

LATIN1 = os.fsdecode(b"plan-\xe5r.yaml")  # what the OS gives for a name written in Latin-1
SHOWN = "plan-\\xe5r.yaml"


def _svg_texts(page: Path) -> list[list[str]]:
    """The text of each chart on a page, as a reader sees it."""
    svgs = re.findall(r"<svg .*?</svg>", page.read_text(encoding="utf-8"), re.DOTALL)
    return [[html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)] for svg in svgs]


def _plan(financiers: list[tuple[str, int]], appropriation: str = "Övriga medel") -> str:
    lines = "".join(
        f"  - {{id: f{index}, financier: {json.dumps(name)}, sector: public, form: cash, status: decided, "
        f"appropriation: {json.dumps(appropriation)}, amount: {amount}}}\n"
        for index, (name, amount) in enumerate(financiers)
    )
    total = sum(amount for _name, amount in financiers)
    return MINIMAL.split("total:")[0] + f"total: {total}\nfinancing:\n{lines}"


def _report(tmp_path: Path, text: str, *args: str) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    run = run_finplan("report", plan, "--html", tmp_path / "site", *args)
    assert run.exit_code == 0, run.output
    return tmp_path / "site"


def _page(site: Path) -> Path:
    """The one plan's page of a site."""
    (page,) = (site / "plans").iterdir()
    return page


# Text in a chart is shown as written.

HOSTILE_TEXT = ["$\\frac{$", "$$", "$x^2$", "\\", "\\n", "_nolegend_", "_x", "%d %s", "{n}", "<b>&amp;</b>", "a $ b"]


def test_a_chart_shows_a_plans_text_as_written_never_as_mathtext(tmp_path):
    site = _report(tmp_path, _plan([(name, 100 + index) for index, name in enumerate(HOSTILE_TEXT)], "$\\frac{$"))
    (chart,) = _svg_texts(_page(site))
    for name in HOSTILE_TEXT:  # the legend: every financier, `_x` too, which matplotlib would leave out
        assert name in chart, name
    (overview,) = _svg_texts(site / "index.html")
    assert "$\\frac{$" in overview
    page = (_page(site)).read_text(encoding="utf-8")
    assert "<b>" not in page and "&lt;b&gt;&amp;amp;&lt;/b&gt;" in page


def test_the_frames_chart_shows_an_appropriation_as_written(tmp_path):
    frames = tmp_path / "frames.yaml"
    frames.write_text('frames:\n  - {appropriation: "$\\\\frac{$", year: 2020, amount: 100000}\n', encoding="utf-8")
    site = _report(tmp_path, _plan([("A", 600), ("B", 400)], "$\\frac{$"), "--frames", str(frames))
    _appropriations, frame_chart = _svg_texts(site / "index.html")
    assert "$\\frac{$ 2020" in frame_chart


def test_a_long_or_many_lined_name_is_cut_in_the_chart_and_whole_in_the_table(tmp_path):
    long = "Kommun " + "x" * 5000
    site = _report(tmp_path, _plan([(long, 600), ("Region\nNorr", 400)]))
    (chart,) = _svg_texts(_page(site))
    assert long[: MAX_LABEL - 1] + "…" in chart and "Region Norr" in chart
    assert all(len(text) <= MAX_LABEL for text in chart)
    assert f"<td>{long}</td>" in (_page(site)).read_text(encoding="utf-8")


# A chart draws a bounded number of series.

def test_up_to_max_series_financiers_each_have_their_series(tmp_path):
    site = _report(tmp_path, _plan([(f"Kommun {i}", 100) for i in range(MAX_SERIES)]))
    (chart,) = _svg_texts(_page(site))
    assert {f"Kommun {i}" for i in range(MAX_SERIES)} <= set(chart)
    assert not any(text.startswith("others") for text in chart)


def test_more_financiers_are_the_largest_and_the_others_summed(tmp_path):
    # Kommun 0 is the smallest; the largest are drawn in the plan's order, the rest as one.
    financiers = [(f"Kommun {i}", 100 + i) for i in range(MAX_SERIES + 3)]
    site = _report(tmp_path, _plan(financiers))
    (chart,) = _svg_texts(_page(site))
    legend = [text for text in chart if text.startswith(("Kommun", "others"))]
    assert legend == [f"Kommun {i}" for i in range(4, MAX_SERIES + 3)] + ["others (4)"]
    # The sums atop the bars are still the plan's, year by year: nothing is lost to the others.
    summary = json.loads(run_finplan("summary", tmp_path / "plan.yaml", "--format", "json").output)
    (table,) = [t for t in summary["currencies"][0]["tables"] if t["table"] == "financier"]
    for year in table["years"]:
        money = sum((Decimal(row["years"].get(str(year), "0")) for row in table["rows"]), Decimal(0))
        assert Amounts("SEK")(money) in chart  # in whole kronor, as every label of a chart
    table = (_page(site)).read_text(encoding="utf-8")
    assert all(f"<td>Kommun {i}</td>" in table for i in range(MAX_SERIES + 3))


def test_the_others_are_named_in_the_readers_language(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(_plan([(f"Kommun {i}", 100 + i) for i in range(MAX_SERIES + 1)]), encoding="utf-8")
    assert run_finplan("--lang", "sv", "report", plan, "--html", tmp_path / "site").exit_code == 0
    (chart,) = _svg_texts(_page(tmp_path / "site"))
    assert "övriga (2)" in chart


def test_a_plan_of_5000_financiers_is_drawn_as_max_series(tmp_path):
    site = _report(tmp_path, _plan([(f"Kommun {i}", 1000 + i) for i in range(5000)]))
    (chart,) = _svg_texts(_page(site))
    legend = [text for text in chart if text.startswith(("Kommun", "others"))]
    assert legend == [f"Kommun {i}" for i in range(5000 - MAX_SERIES + 1, 5000)] + [f"others ({5000 - MAX_SERIES + 1})"]
    assert (_page(site)).read_text(encoding="utf-8").count("<td>Kommun ") == 5000


def test_an_overview_of_many_appropriations_is_bounded_too(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = _plan([("A", 100)])
    for index in range(40):
        text += (
            f"  - {{id: g{index}, financier: B, sector: public, form: cash, status: decided, "
            f"appropriation: Anslag {index}, amount: 10}}\n"
        )
    plan.write_text(text.replace("total: 100", "total: 500"), encoding="utf-8")
    assert run_finplan("report", plan, "--html", tmp_path / "site").exit_code == 0
    (overview,) = _svg_texts(tmp_path / "site" / "index.html")
    assert "others (30)" in overview


def test_a_chart_of_many_years_draws_the_later_ones_as_one_bar(tmp_path):
    years = range(2020, 2020 + MAX_YEARS + 10)
    breakdown = ", ".join(f"{year}: {year - 2000}" for year in years)
    total = sum(year - 2000 for year in years)
    text = MINIMAL.split("  period:")[0] + (
        f"  period: {{start: 2020-01-01, end: {years[-1]}-12-31}}\ntotal: {total}\nfinancing:\n"
        f"  - {{id: a, financier: A, sector: public, form: cash, status: decided, amount: {total}, "
        f"per_year: {{{breakdown}}}}}\n"
    )
    site = _report(tmp_path, text)
    (chart,) = _svg_texts(_page(site))
    first, last = years[MAX_YEARS - 1], years[-1]
    assert f"{years[MAX_YEARS - 2]}" in chart and f"{first}–{last}" in chart and f"{first}" not in chart
    # Thirty sums side by side stand level, bare: the chart's title names the unit.
    assert str(sum(year - 2000 for year in years[MAX_YEARS - 1 :])) in chart
    # The tables keep every year.
    assert f'data-col="{last}"' in _page(site).read_text(encoding="utf-8")


def test_the_frames_chart_draws_the_most_used_frames(tmp_path):
    frames = tmp_path / "frames.yaml"
    count = MAX_FRAMES + 5
    # Frame i is of 100 000 kr less i, and 10 kr of each is used: the later, smaller frames are the most used.
    frames.write_text("frames:\n" + "".join(
        f"  - {{appropriation: Anslag {index}, year: 2020, amount: {100_000 - index}}}\n"
        for index in range(count)
    ), encoding="utf-8")
    text = _plan([("A", 600)])
    for index in range(count):
        text += (
            f"  - {{id: g{index}, financier: B, sector: public, form: cash, status: decided, "
            f"appropriation: Anslag {index}, amount: 10}}\n"
        )
    site = _report(tmp_path, text.replace("total: 600", f"total: {600 + 10 * count}"), "--frames", str(frames))
    _appropriations, frame_chart = _svg_texts(site / "index.html")
    shown = [text for text in frame_chart if text.startswith("Anslag ")]
    assert shown == [f"Anslag {index} 2020" for index in range(5, count)]
    assert f"Use of the {MAX_FRAMES} most used of {count} frames (kr)" in frame_chart
    assert (site / "index.html").read_text(encoding="utf-8").count("<th>Anslag ") == 2 * count  # both tables, whole


def test_a_frames_long_name_keeps_its_start_and_its_year_in_the_chart(tmp_path):
    name = "Europeiska regionala utvecklingsfonden, Mellersta Norrland"
    frames = tmp_path / "frames.yaml"
    frames.write_text(
        f"frames:\n  - {{appropriation: {json.dumps(name)}, year: 2020, amount: 1000}}\n"
        f"  - {{appropriation: {json.dumps(name)}, year: 2021, amount: 1000}}\n", encoding="utf-8",
    )
    site = _report(tmp_path, _plan([("A", 600), ("B", 400)], name), "--frames", str(frames))
    _appropriations, frame_chart = _svg_texts(site / "index.html")
    shown = [text for text in frame_chart if text.startswith("Europeiska")]
    assert len(shown) == 2 and shown[0].endswith(" 2020") and shown[1].endswith(" 2021")
    assert all("…" in text and len(text) <= MAX_LABEL for text in shown)


# A file name the OS gives with bytes that are not UTF-8, or with a control character.

def _latin1_folder(folder: Path, text: str) -> Path:
    folder.mkdir()
    try:
        (folder / LATIN1).write_bytes(text.encode("utf-8"))
    except (UnicodeEncodeError, OSError):  # a file system that holds only UTF-8 names (macOS)
        pytest.skip("this file system refuses a name that is not UTF-8")
    return folder


@pytest.fixture
def latin1_plan(tmp_path) -> Path:
    """A folder holding a plan whose name is not UTF-8."""
    return _latin1_folder(tmp_path / "plans", MINIMAL)


CHECK_FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "gitlab", "markdown")


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_shows_a_name_that_is_not_utf8_escaped(tmp_path, fmt):
    folder = _latin1_folder(tmp_path / "plans", MINIMAL.replace("total: 1000", "total: 1001"))  # an error to report
    # SARIF names a file by a URI: the shown name, percent-encoded.
    expected = quote(SHOWN) if fmt == "sarif" else SHOWN
    shown = run_finplan("check", folder, "--format", fmt)
    assert shown.exit_code == 1, shown.output
    assert expected in shown.output.replace("\\\\", "\\")  # json doubles the backslash
    out = tmp_path / f"out.{fmt}"
    assert run_finplan("check", folder / LATIN1, "--format", fmt, "--output", out).exit_code == 1
    assert expected in out.read_text(encoding="utf-8").replace("\\\\", "\\")


def test_a_baseline_records_and_accepts_a_name_that_is_not_utf8(tmp_path):
    folder = _latin1_folder(tmp_path / "plans", MINIMAL.replace("total: 1000", "total: 1001"))
    baseline = tmp_path / "baseline.json"
    assert run_finplan("check", folder, "--write-baseline", baseline).exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["file"].endswith(SHOWN)
    assert run_finplan("check", folder, "--baseline", baseline).exit_code == 0


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_summary_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path, fmt):
    (latin1_plan / os.fsdecode(b"trasig-\xe5.yaml")).write_bytes(b"finplan: [")  # named where it is left out
    shown = run_finplan("summary", latin1_plan, "--format", fmt, "--output", tmp_path / f"out.{fmt}")
    assert shown.exit_code == 2, shown.output
    written = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8").replace("\\\\", "\\")
    if fmt != "csv":  # csv holds figures only
        assert "trasig-\\xe5.yaml" in written
    if fmt != "text":  # the text report names a readable plan by its case
        assert SHOWN in written


def test_the_workbook_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path):
    from openpyxl import load_workbook

    assert run_finplan("summary", latin1_plan, "--format", "xlsx", "--output", tmp_path / "out.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "out.xlsx")
    # Named from the folder checked, never absolute.
    assert book["Plans"]["B2"].value == SHOWN
    assert all(row[1].value == SHOWN for row in book["Lines"].iter_rows(min_row=2))


def test_the_report_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path):
    run = run_finplan("report", latin1_plan, "--html", tmp_path / "site")
    assert run.exit_code == 0, run.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<td>{SHOWN}</td>" in index
    page = _page(tmp_path / "site")
    assert page.name.isascii() and SHOWN in page.read_text(encoding="utf-8")


def test_a_frames_file_whose_name_is_not_utf8_is_shown_escaped(latin1_plan, tmp_path):
    frames = tmp_path / os.fsdecode(b"ramar-\xe5.yaml")
    frames.write_text("frames:\n  - {appropriation: Övriga medel, year: 2020, amount: 1}\n", encoding="utf-8")
    run = run_finplan("summary", latin1_plan, "--frames", frames, "--format", "json")
    assert run.exit_code == 1  # the frame is exceeded
    data = json.loads(run.output)
    assert data["frames"]["file"].endswith("ramar-\\xe5.yaml")
    assert all(finding["file"].endswith("ramar-\\xe5.yaml") for finding in data["findings"])
    assert run_finplan("report", latin1_plan, "--frames", frames, "--html", tmp_path / "site").exit_code == 1
    assert "ramar-\\xe5.yaml" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_memo_whose_name_is_not_utf8_is_shown_escaped(tmp_path):
    memo = tmp_path / os.fsdecode(b"beslut-\xe5.txt")
    memo.write_bytes((ROOT / "tests" / "memos" / "attraktiv.txt").read_bytes())
    run = run_finplan("memo", "check", SEED, memo, "--format", "json")
    assert "beslut-\\\\xe5.txt" in run.output and "\udce5" not in run.output


def test_a_control_character_in_a_name_is_escaped_and_the_finding_stays_one_line(tmp_path):
    plan = tmp_path / "plan\n::error::forged.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1001"), encoding="utf-8")
    run = run_finplan("check", plan, "--format", "github")
    assert run.exit_code == 1
    assert "plan\\x0a::error::forged.yaml" in run.output
    assert not any(line.startswith("::error::forged") for line in run.output.splitlines())


# No settings of the machine's in a chart: no chart library is imported, so a matplotlibrc is read by no one.

DISRUPTIVE = """\
text.usetex: True
svg.fonttype: path
font.size: 30
font.family: serif
"""


def _site_in(folder: Path, env: dict[str, str] | None = None) -> dict[str, bytes]:
    """`finplan report plan.yaml --html site` run in `folder` as a new process; each page's bytes."""
    environment = {**{k: v for k, v in os.environ.items() if not k.startswith(("MPL", "MATPLOTLIB"))}, **(env or {})}
    environment["LANG"] = "C.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "finplan", "report", "plan.yaml", "--html", "site"],
        cwd=folder, env=environment, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    site = folder / "site"
    return {page.relative_to(site).as_posix(): page.read_bytes() for page in sorted(site.rglob("*.html"))}


def test_a_matplotlibrc_a_pipe_so_named_or_matplotlibs_variables_change_no_chart(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(SEED, plain / "plan.yaml")
    expected = _site_in(plain)
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    shutil.copy(SEED, hostile / "plan.yaml")
    (hostile / "named-rc").write_text(DISRUPTIVE, encoding="utf-8")
    os.mkfifo(hostile / "matplotlibrc")  # whatever read it would wait for a writer for ever
    env = {"MATPLOTLIBRC": str(hostile / "named-rc"), "MPLCONFIGDIR": str(hostile), "MPLBACKEND": "no-such-backend"}
    assert _site_in(hostile, env) == expected


def test_a_bidirectional_control_in_a_name_is_escaped_so_the_name_reads_as_it_is(tmp_path):
    # U+202E would show "plan-<RLO>lmay.exe" as "plan-exe.yaml" in a terminal or a CI log.
    plan = tmp_path / "plan-\u202elmay.exe"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1001"), encoding="utf-8")
    for fmt in ("text", "github", "json"):
        run = run_finplan("check", plan, "--format", fmt)
        assert run.exit_code == 1
        assert "\u202e" not in run.output
        assert "plan-\\u202elmay.exe" in run.output.replace("\\\\", "\\")


def test_a_sarif_uri_is_percent_encoded_and_names_the_file(tmp_path, monkeypatch):
    from urllib.parse import unquote

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "budgets").mkdir()
    name = "budgets/plan #2 100%?.yaml"
    (tmp_path / name).write_text(MINIMAL.replace("total: 1000", "total: 1001"), encoding="utf-8")
    log = json.loads(run_finplan("check", "budgets", "--format", "sarif").output)
    (location,) = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert location == {"uri": "budgets/plan%20%232%20100%25%3F.yaml", "uriBaseId": "%SRCROOT%"}
    assert unquote(location["uri"]) == name
