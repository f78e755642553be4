"""The HTML report in a real browser: Debian's headless Chromium, driven by Selenium, in a window of 1280×800.

Every page must load with no console error and fetch nothing; every figure in
its tables must be the JSON summary's, and a plan's caps and floors those of
`finplan check --format json`; no page may scroll sideways, and every Total
must be in sight; every label of a chart must stand inside the chart, clear of
the others, also for long names, many years and many frames. The overview and
a plan's page are saved as screenshots (`index.png`, `plan.png` in the test's
tmp_path). A machine without Chromium fails here: `.ci/install-browser`
installs it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, run_finplan

from finplan.findings import some
from finplan.money import format_kr, format_share
from finplan.report.numbers import MAX_IDS
from finplan.report.wording import margin
from finplan.report.wording import shown as shown_text

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,800", "--hide-scrollbars",
)
FRAMES = """\
frames:
  - appropriation: "Reg.tillväxt (anslag 1:1)"
    year: 2020
    amount: 5 000 000
  - appropriation: Reg.tillväxt
    year: 2025
    amount: 2 000 000
"""

# Every table of a page, as the reader sees it: its rows' keys and each cell's text by column.
_TABLES = """
return Array.from(document.querySelectorAll('table[data-table]')).map(t => ({
  table: t.dataset.table, currency: t.dataset.currency || null,
  rows: Array.from(t.querySelectorAll('tbody tr[data-key]')).map(r => ({
    key: r.dataset.key, sum: r.classList.contains('sum'),
    cells: Object.fromEntries(Array.from(r.querySelectorAll('td[data-col]')).map(c => [c.dataset.col, c.innerText]))
  }))
}));
"""


def shown(text: str) -> Decimal | None:
    """A figure as the page shows it (`−1 439 505,85 kr`, `–`) read back as an exact amount."""
    text = text.strip().removesuffix("kr").strip()
    if text in ("–", "amount not stated"):
        return None
    return Decimal(text.replace("\u2212", "-").replace(" ", "").replace("\u00a0", "").replace(",", "."))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"{CHROMIUM} and {CHROMEDRIVER} are needed: run .ci/install-browser")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # The page's own viewport, whatever the window's frame takes: a screen of 1280×800.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
    )
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    frames = folder / "frames.yaml"
    frames.write_text(FRAMES, encoding="utf-8")
    built = run_finplan("report", ROOT / "budgets", "--html", folder / "site", "--frames", frames)
    assert built.exit_code == 0, built.output
    summary = run_finplan("summary", ROOT / "budgets", "--frames", frames, "--format", "json")
    assert summary.exit_code == 0, summary.output
    return folder / "site", json.loads(summary.output)


def merged(tables: list[dict]) -> dict[tuple, dict]:
    """The tables of a page by name and currency, a table cut into parts by its years made whole again."""
    whole: dict[tuple, dict] = {}
    for table in tables:
        name = (table["table"], table["currency"])
        if name not in whole:
            whole[name] = table
            continue
        rows = {row["key"]: row for row in whole[name]["rows"]}
        assert list(rows) == [row["key"] for row in table["rows"]], name  # every part has every row
        for row in table["rows"]:
            rows[row["key"]]["cells"].update(row["cells"])
    return whole


def load(browser, page: Path) -> list[dict]:
    """Open `page`; its console's messages (reading them empties the log)."""
    browser.get_log("browser")
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    return browser.get_log("browser")


def test_a_console_error_is_seen(browser, tmp_path):
    # The check below can fail: a page that logs an error is caught.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>console.error('broken')</script>", encoding="utf-8")
    assert any(entry["level"] == "SEVERE" for entry in load(browser, page))


def test_every_page_loads_without_a_console_error_and_fetches_nothing(browser, site):
    folder, data = site
    pages = [folder / "index.html", *sorted((folder / "plans").glob("*.html"))]
    assert len(pages) == 1 + len(data["plans"]) == 1 + len(list((ROOT / "budgets").glob("*.yaml")))
    for page in pages:
        messages = load(browser, page)
        assert [m for m in messages if m["level"] in ("SEVERE", "WARNING")] == [], (page.name, messages)
        # No stylesheet, script, font or image came from anywhere: the page is whole in itself.
        assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
        # Each chart drew its labels (a plan page charts only the financiers that state an amount: a few).
        labels = browser.execute_script(
            "return Array.from(document.querySelectorAll('figure svg'), svg => svg.querySelectorAll('text').length)"
        )
        assert all(count > 0 for count in labels), (page.name, labels)
        if page.name == "index.html":
            assert sum(labels) > 5


def test_the_overviews_figures_are_the_json_summarys(browser, site, tmp_path):
    folder, data = site
    load(browser, folder / "index.html")
    by_name = merged(browser.execute_script(_TABLES))
    compared = 0
    for currency in data["currencies"]:
        for table in currency["tables"]:
            shown_rows = by_name[(table["table"], currency["currency"])]["rows"]
            expected = [*table["rows"], table["sum"]]
            assert [r["key"] for r in shown_rows] == [r["key"] for r in expected]
            for row, want in zip(shown_rows, expected, strict=True):
                for year in table["years"]:
                    value = want["years"].get(str(year))
                    assert shown(row["cells"][str(year)]) == (Decimal(value) if value else None), (row["key"], year)
                    compared += 1
                assert shown(row["cells"]["total"]) == Decimal(want["total"])
                if "not_in_years" in row["cells"]:
                    assert (shown(row["cells"]["not_in_years"]) or 0) == Decimal(want["not_in_years"])
    frames = by_name[("frames", None)]["rows"]
    assert len(frames) == len(data["frames"]["frames"]) == 2
    for row, want in zip(frames, data["frames"]["frames"], strict=True):
        assert row["key"] == f"{want['appropriation']}|{want['year']}"
        for column in ("frame", "decided", "applied", "proposed", "not_stated", "remaining"):
            assert shown(row["cells"][column]) == Decimal(want[column]), (row["key"], column)
    assert compared > 100
    # The seed's 1:1 money for 2020, spread by days, over its frame: as the summary says.
    assert frames[0]["cells"]["applied"] == "6 439 505,85"
    assert frames[0]["cells"]["remaining"] == "\u22121 439 505,85 kr"



def test_each_plans_page_shows_its_lines_years_as_the_json_summary(browser, site):
    folder, data = site
    pages = sorted((folder / "plans").glob("*.html"))
    for page, plan in zip(pages, data["plans"], strict=True):
        load(browser, page)
        assert browser.find_element("tag name", "h1").text == plan["project"]
        tables = {name: t for (name, _currency), t in merged(browser.execute_script(_TABLES)).items()}
        rows = {row["key"]: row["cells"] for row in tables["lines"]["rows"]}
        assert list(rows) == [line["id"] for line in plan["lines"]]
        for line in plan["lines"]:
            assert shown(rows[line["id"]]["amount"]) == (None if line["amount"] is None else Decimal(line["amount"]))
            placed = {year: shown(text) for year, text in rows[line["id"]].items() if year != "amount"}
            assert {y: v for y, v in placed.items() if v is not None} == {
                y: Decimal(v) for y, v in line["years"].items()
            }
        findings = browser.execute_script(
            "return Array.from(document.querySelectorAll('ul.findings li')).map(li => li.innerText)"
        )
        assert len(findings) == len(plan["findings"])
        for text, finding in zip(findings, plan["findings"], strict=True):
            assert text.startswith(f"{plan['name']}:{finding['line']}:{finding['column']}: {finding['code']} ")


# How far a page reaches sideways, and where each Total column's cells are.
_WIDTHS = """
const inside = el => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; };
return {
  scroll: document.scrollingElement.scrollWidth, width: innerWidth,
  totals: Array.from(document.querySelectorAll('td[data-col=total]')).map(inside),
  ends: Array.from(document.querySelectorAll('table thead tr')).map(r => inside(r.lastElementChild)),
  tables: Array.from(document.querySelectorAll('.scroll')).filter(s => s.scrollWidth > s.clientWidth + 1).length
};
"""


def test_no_page_scrolls_sideways_and_every_total_is_in_sight(browser, site, crowded_site, tmp_path):
    folder, _data = site
    pages = [folder / "index.html", *sorted((folder / "plans").glob("*.html"))]
    # Also where the names are long, the financiers many, the years 40 and the frames 35.
    for page in [*pages, crowded_site / "index.html", *sorted((crowded_site / "plans").glob("*.html"))]:
        load(browser, page)
        assert browser.execute_script("return [innerWidth, innerHeight]") == [1280, 800]
        seen = browser.execute_script(_WIDTHS)
        assert seen["scroll"] <= seen["width"], page.name  # the page itself never scrolls sideways
        assert seen["tables"] == 0, page.name  # nor does a table within it
        assert seen["ends"] and all(seen["ends"]), page.name  # every table's last column in sight
        assert all(seen["totals"]) and (seen["totals"] or "index" not in page.name), page.name
    for page, name in ((pages[0], "index.png"), (pages[1], "plan.png")):
        load(browser, page)
        screenshot = tmp_path / name
        assert browser.save_screenshot(str(screenshot))
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000


def test_a_failing_plan_is_told_first_on_its_page(browser, tmp_path):
    plan = tmp_path / "plans" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1001"), encoding="utf-8")
    assert run_finplan("report", plan.parent, "--html", tmp_path / "site").exit_code == 1
    (page,) = (tmp_path / "site" / "plans").glob("*.html")
    load(browser, page)
    verdict = browser.find_element("css selector", "p.verdict")
    assert verdict.text.startswith("This plan fails its check") and "failed" in verdict.get_attribute("class")
    assert verdict.rect["y"] < 200  # above the chart and the tables, in sight as the page opens
    assert verdict.value_of_css_property("color") != browser.find_element("tag name", "h1").value_of_css_property("color")


_CAPS = """
return Array.from(document.querySelectorAll('table[data-table=caps] tbody tr')).map(r => ({
  set_by: r.querySelector('th').innerText,
  cells: Object.fromEntries(Array.from(r.querySelectorAll('td[data-col]')).map(c => [c.dataset.col, c.innerText]))
}));
"""


def test_a_plans_caps_and_floors_are_those_of_checks_json(browser, site):
    folder, data = site
    compared = 0
    for page, plan in zip(sorted((folder / "plans").glob("*.html")), data["plans"], strict=True):
        checked = run_finplan("check", "--format", "json", ROOT / plan["name"])
        (report,) = json.loads(checked.output)["files"]
        load(browser, page)
        shown_rows = browser.execute_script(_CAPS)
        assert len(shown_rows) == len(report["limits"]), page.name
        currency = plan["currency"]
        for row, limit in zip(shown_rows, report["limits"], strict=True):
            cap = limit["kind"] == "cap"
            assert row["set_by"] == limit["set_by"]
            assert row["cells"]["lines"] == shown_text(some(limit["lines"], MAX_IDS))
            assert row["cells"]["amount"] == format_kr(Decimal(limit["amount"]), currency)
            base = limit["base"]
            assert row["cells"]["share"] == (format_share(Decimal(limit["amount"]), Decimal(base["amount"])) if base else "")
            bound = "at most" if cap else "at least"
            assert row["cells"]["limit"].splitlines()[0] == f"{bound} {format_kr(Decimal(limit['limit']), currency)}"
            assert row["cells"]["margin"].splitlines()[0] == margin(Decimal(limit["excess"]), currency, is_cap=cap)
            compared += 1
    assert compared >= 5


def test_the_overview_links_to_every_plans_page(browser, site):
    folder, data = site
    load(browser, folder / "index.html")
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('table[data-table=plans] a')).map(a => a.getAttribute('href'))"
    )
    assert len(links) == len(data["plans"])
    assert all((folder / link).is_file() for link in links)


# Every text of every chart on the page, with its box and the chart's, as the browser lays them out.
_CHART_TEXTS = """
const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
return Array.from(document.querySelectorAll('figure svg')).map(svg => ({
  label: svg.getAttribute('aria-label'), box: box(svg.getBoundingClientRect()),
  texts: Array.from(svg.querySelectorAll('text')).map(t => ({text: t.textContent, box: box(t.getBoundingClientRect())}))
}));
"""


def _crowded_plans(folder: Path) -> Path:
    """Plans whose charts are crowded: long names, more financiers than a chart draws, 40 years, 35 frames."""
    folder.mkdir()
    names = ["Kommun " + "x" * 300, "Region\nNorr", "Ett mycket långt namn på en finansiär som aldrig tar slut AB"]
    names += [f"Kommunen nummer {index} i det här länet" for index in range(20)]
    lines = "".join(
        f"  - {{id: f{index}, financier: {json.dumps(name)}, sector: public, form: cash, status: decided, "
        f"appropriation: Anslag med ett långt namn som fortsätter {index % 35}, amount: {1000 * (index + 1)}}}\n"
        for index, name in enumerate(names)
    )
    total = sum(1000 * (index + 1) for index in range(len(names)))
    (folder / "names.yaml").write_text(MINIMAL.split("total:")[0] + f"total: {total}\nfinancing:\n{lines}", encoding="utf-8")
    years = range(2020, 2060)
    money = sum(year - 2000 for year in years)
    (folder / "years.yaml").write_text(MINIMAL.split("  period:")[0].replace("T/1/2020", "T/2/2020") + (  # a case of its own
        f"  period: {{start: 2020-01-01, end: 2059-12-31}}\ntotal: {money}\nfinancing:\n"
        f"  - {{id: a, financier: A, sector: public, form: cash, status: decided, amount: {money}, per_year: "
        f"{{{', '.join(f'{year}: {year - 2000}' for year in years)}}}}}\n"
    ), encoding="utf-8")
    frames = folder.parent / "crowded-frames.yaml"
    frames.write_text("frames:\n" + "".join(
        f"  - {{appropriation: Anslag med ett långt namn som fortsätter {index}, year: 2020, amount: {10_000_000 - index}}}\n"
        for index in range(35)
    ), encoding="utf-8")
    return frames


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crowded")
    frames = _crowded_plans(folder / "plans")
    built = run_finplan("report", folder / "plans", "--html", folder / "site", "--frames", frames)
    assert built.exit_code == 0, built.output
    return folder / "site"


def _overlap(one: dict, other: dict) -> float:
    """How far two boxes overlap, in pixels: the lesser of their overlaps across and down, 0 where apart."""
    across = min(one["right"], other["right"]) - max(one["left"], other["left"])
    down = min(one["bottom"], other["bottom"]) - max(one["top"], other["top"])
    return max(0.0, min(across, down))


@pytest.mark.parametrize("which", ["site", "crowded_site"])
def test_every_label_of_a_chart_stands_inside_it_clear_of_the_others(browser, request, which):
    fixture = request.getfixturevalue(which)
    folder = fixture[0] if which == "site" else fixture
    charts = 0
    for page in [folder / "index.html", *sorted((folder / "plans").glob("*.html"))]:
        load(browser, page)
        for chart in browser.execute_script(_CHART_TEXTS):
            charts += 1
            outer = chart["box"]
            for text in chart["texts"]:
                inner = text["box"]
                assert (inner["left"] >= outer["left"] - 0.5 and inner["right"] <= outer["right"] + 0.5
                        and inner["top"] >= outer["top"] - 0.5 and inner["bottom"] <= outer["bottom"] + 0.5), (
                    page.name, chart["label"], text["text"])
            texts = chart["texts"]
            for index, one in enumerate(texts):
                for other in texts[index + 1 :]:
                    # Glyph boxes include the font's line gap: a point or two is no overlap of letters.
                    assert _overlap(one["box"], other["box"]) < 2.5, (page.name, one["text"], other["text"])
    assert charts >= 3
