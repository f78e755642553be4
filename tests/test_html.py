"""`finplan report --html`: what the site is made of, read as files (the browser test opens it)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

from conftest import MINIMAL, ROOT, SEED, run_finplan


def build(*args) -> None:
    run = run_finplan("report", *args)
    assert run.exit_code == 0, run.output


def test_the_site_is_an_overview_and_a_page_per_plan(tmp_path):
    build(ROOT / "budgets", "--html", tmp_path / "site")
    pages = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*"))
    assert pages == [
        "index.html", "plans",
        "plans/0001-en-attraktiv-region.html",
        "plans/0002-kustnara-besoksnaring.html",
        "plans/0003-granslost-testsamarbete.html",
        "plans/0004-exempelprojektet-digital-besoksnaring.html",
        "plans/0005-bryggan-pa-testo.html",
        "plans/0006-motesplats-testbygd.html",
        "plans/0007-exempelprojektet-kompetens-i-glesbygd.html",
    ]


def test_charts_are_svg_with_text_kept_as_text_and_amounts_in_millions_or_whole_kronor(tmp_path):
    build(SEED, "--html", tmp_path)
    page = (tmp_path / "plans" / "0001-en-attraktiv-region.html").read_text(encoding="utf-8")
    (svg,) = re.findall(r"<svg .*?</svg>", page, re.DOTALL)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    # The year's sum atop each bar in millions (3 237 347,12 kr; 12 879 011,36 kr), and the financiers in the legend.
    assert {"3,2 mnkr", "12,9 mnkr", "2019", "2022", "Länsförsäkringar", "0 mnkr", "12,5 mnkr"} <= set(texts)
    assert not any(re.search(r"\d,\d\d\b", text) for text in texts)  # no öre
    assert "rotate" not in svg  # every label level
    assert "<path" in svg and "glyph" not in svg  # shapes drawn, letters not turned into paths
    assert 'aria-label="Financing by financier and year (mnkr)"' in svg


def test_a_chart_of_small_sums_labels_them_in_whole_kronor(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1000.50").replace("amount: 400}", "amount: 400.50}"), encoding="utf-8")
    build(plan, "--html", tmp_path / "site")
    (page,) = (tmp_path / "site" / "plans").iterdir()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", page.read_text(encoding="utf-8"))
    # 1 000,50 kr over two years by days: 500,25 kr in 2020 (366 of 731 days) and the rest in 2021.
    assert {"501 kr", "500 kr"} <= set(texts) or {"500 kr", "501 kr"} <= set(texts)


def test_pages_load_nothing_from_anywhere(tmp_path):
    build(ROOT / "budgets", "--html", tmp_path)
    for page in tmp_path.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "default-src 'none'" in text
        assert not re.search(r"<(script|link rel=\"stylesheet\"|img|iframe)\b", text)
        # Addresses appear only as the SVG's XML namespaces, which are names, never fetched.
        for address in re.findall(r"https?://[^\"' <]+", text):
            assert re.search(rf'xmlns(:\w+)?="{re.escape(address)}"', text), address


def test_text_from_a_plan_is_escaped(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("financier: A,", "financier: '<script>alert(1)</script>',"), encoding="utf-8")
    build(plan, "--html", tmp_path / "site")
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_same_plans_give_the_same_site_byte_for_byte(tmp_path):
    build(SEED, "--html", tmp_path / "one")
    build(SEED, "--html", tmp_path / "two")
    for page in (tmp_path / "one").rglob("*.html"):
        assert page.read_bytes() == (tmp_path / "two" / page.relative_to(tmp_path / "one")).read_bytes()


def test_a_plans_page_lists_its_findings_at_their_lines(tmp_path):
    build(SEED, "--html", tmp_path)
    page = (tmp_path / "plans" / "0001-en-attraktiv-region.html").read_text(encoding="utf-8")
    # Amounts keep their digit groups together with no-break spaces.
    assert 'budgets/attraktiv.yaml:84:13: FP502 <span class="warning">warning</span> `anslag-1-1` is 19\u00a0283\u00a0329 kr' in page


def test_the_report_folder_must_be_a_folder(tmp_path):
    taken = tmp_path / "report"
    taken.write_text("", encoding="utf-8")
    run = run_finplan("report", SEED, "--html", taken)
    assert run.exit_code == 2 and "is a file" in run.output


def test_report_exits_as_summary_does(tmp_path):
    frames = tmp_path / "frames.yaml"
    frames.write_text("frames:\n  - {appropriation: Reg.tillväxt (anslag 1:1), year: 2020, amount: 1}\n", encoding="utf-8")
    assert run_finplan("report", SEED, "--html", tmp_path / "a", "--frames", frames).exit_code == 0
    assert run_finplan("report", SEED, "--html", tmp_path / "b", "--frames", frames, "--strict").exit_code == 1


def _heavy_modules_after(*argv: str) -> list[str]:
    """The libraries of the summary, the report and the tests loaded by the end of `finplan ARGV`, in a new process."""
    heavy = ("openpyxl", "matplotlib", "selenium", "finplan.portfolio", "numpy", "PIL")
    code = (
        f"import sys; sys.argv = ['finplan', *{list(argv)!r}]\n"
        "from finplan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY', sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stdout.rstrip().splitlines()[-1].removeprefix("HEAVY "))


def test_check_imports_no_library_of_the_summary_or_the_report():
    for argv in (["check", str(SEED)], ["check", "-o", "json", str(SEED)]):
        assert _heavy_modules_after(*argv) == [], argv
    # The text summary needs its own package, and no workbook or chart library.
    loaded = _heavy_modules_after("summary", str(SEED))
    assert loaded and all(name.startswith("finplan.portfolio") for name in loaded)


def test_the_report_imports_no_chart_library(tmp_path):
    loaded = _heavy_modules_after("report", str(ROOT / "budgets"), "--html", str(tmp_path))
    assert [name for name in loaded if not name.startswith("finplan.portfolio")] == []
    assert (tmp_path / "index.html").is_file()


def test_a_plan_with_no_money_in_years_has_an_empty_chart_with_its_legend(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("  period: {start: 2020-01-01, end: 2021-12-31}\n", ""), encoding="utf-8")
    build(plan, "--html", tmp_path / "site")
    (page,) = (tmp_path / "site" / "plans").iterdir()
    (svg,) = re.findall(r"<svg .*?</svg>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert {"A", "B", "0 kr"} <= set(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "<rect x=" in svg  # the legend's swatches; no bar, as no money falls in a year


def test_pages_drawn_over_the_cores_are_the_pages_drawn_in_one_process(tmp_path, monkeypatch):
    import os

    import finplan.report.portfolio.html

    plans = [ROOT / "budgets" / name for name in sorted(os.listdir(ROOT / "budgets"))] * 2
    folder = tmp_path / "plans"
    folder.mkdir()
    for index, source in enumerate(plans):
        (folder / f"plan-{index}.yaml").write_bytes(source.read_bytes())
    assert run_finplan("report", folder, "--html", tmp_path / "one").exit_code == 1  # each plan twice: FP806
    monkeypatch.setattr(finplan.report.portfolio.html, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert run_finplan("report", folder, "--html", tmp_path / "several").exit_code == 1
    one = sorted((tmp_path / "one").rglob("*.html"))
    assert len(one) == 1 + len(plans)
    for page in one:
        assert page.read_bytes() == (tmp_path / "several" / page.relative_to(tmp_path / "one")).read_bytes()


def test_a_plans_page_is_named_from_its_project_made_safe(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    names = ["../../etc/passwd", "Ärende: <b>växa</b> i Åre", "...", "En attraktiv region", "En attraktiv region"]
    for index, name in enumerate(names):  # each a project of its own: its own case, the last another owner
        plan = MINIMAL.replace("name: Testprojekt", f"name: {json.dumps(name)}").replace("T/1/2020", f"T/{index}/2020")
        (folder / f"p{index}.yaml").write_text(plan.replace("Testregionen", f"Region {index}"), encoding="utf-8")
    build(folder, "--html", tmp_path / "site")
    pages = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site" / "plans").iterdir())
    assert pages == [
        "plans/0001-etc-passwd.html", "plans/0002-arende-b-vaxa-b-i-are.html", "plans/0003-plan.html",
        "plans/0004-en-attraktiv-region.html", "plans/0005-en-attraktiv-region.html",
    ]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;växa&lt;/b&gt;" in index and "<b>" not in index


def test_plans_are_named_by_project_and_case_and_never_by_an_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside the repository: its plans are named from the folder checked
    build(ROOT / "budgets", "--html", tmp_path / "site")
    pages = {page.name: page.read_text(encoding="utf-8") for page in (tmp_path / "site").rglob("*.html")}
    assert not any(str(ROOT) in text or str(tmp_path) in text for text in pages.values())
    index = pages["index.html"]
    assert '<a href="plans/0001-en-attraktiv-region.html">En attraktiv region (RUN/99/2019)</a>' in index
    assert "<td>attraktiv.yaml</td>" in index
    assert "attraktiv.yaml:84:13: FP502" in pages["0001-en-attraktiv-region.html"]


def test_a_plans_page_has_checks_tables_and_says_first_when_it_fails(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 950"), encoding="utf-8")
    assert run_finplan("report", plan, "--html", tmp_path / "site").exit_code == 1
    (page,) = (tmp_path / "site" / "plans").iterdir()
    text = page.read_text(encoding="utf-8")
    verdict = text.index('<p class="verdict failed"><strong>This plan fails its check</strong> (1 error, 0 warnings')
    assert verdict < text.index("<figure>") < text.index('data-table="financing"')
    # The check's financing, its Sum row after a rule, with the shares of the declared total.
    assert '<tr data-key="Sum" class="rule"><th class="strong">Sum</th>' in text
    assert '<td data-col="share" class="amount strong">105,26 %</td>' in text
    for table in ('data-table="subtotals"', 'data-table="lines"', ">Subtotals of the financing<"):
        assert table in text
    checked = run_finplan("check", plan)
    assert "Subtotals of the financing" in checked.output and "105,26 %" in checked.output


def test_the_docs_screenshot_is_a_small_png_of_a_1280_by_800_screen():
    png = (ROOT / "docs" / "summary-report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) < 100_000
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1280, 800)
    assert "![The overview of budgets/ at 1280×800](summary-report.png)" in (ROOT / "docs" / "summary.md").read_text(encoding="utf-8")
