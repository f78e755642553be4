"""`finplan memo render`: the financing section written from a plan, and read back by `memo check`."""

from __future__ import annotations

import io
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from conftest import PLANS, ROOT, SEED, run_finplan
from test_memo_check import matched_rows

from finplan.check import check_file
from finplan.money import parse_amount, parse_percent

NBSP = "\u00a0"
EVERY_PLAN = sorted([*ROOT.glob("budgets/*.yaml"), *PLANS.glob("valid/*.yaml")])


def render(plan, *options):
    return run_finplan("memo", "render", plan, *options)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("plan", EVERY_PLAN, ids=lambda p: p.name)
def test_the_section_read_back_matches_every_figure(tmp_path, plan, fmt):
    run = render(plan, "--format", fmt)
    assert run.exit_code == 0, run.output
    memo = tmp_path / ("memo.md" if fmt == "markdown" else "memo.txt")
    memo.write_text(run.output, encoding="utf-8")
    checked = run_finplan("memo", "check", plan, memo)
    assert (checked.exit_code, checked.findings(), checked.file_findings()) == (0, [], []), checked.output
    rows = matched_rows(checked.output)
    assert all(row["outcome"] == "matches" for row in rows)
    for line in (line for line in check_file(plan).plan.financing if line.amount is not None):  # unstated: no figure
        assert any(f" {line.id} " in f" {row['rest']} " for row in rows), line.id


def test_the_text_is_the_seed_memos_with_no_break_spaces_in_amounts():
    text = render(SEED).output
    assert text.startswith(f"Finansiering\n\nProjektet En attraktiv region (RUN/99/2019) omsluter totalt 38{NBSP}566{NBSP}657{NBSP}kronor")
    assert "under perioden 2019-10-01 – 2022-09-30" in text
    assert f"länets kommuner 13{NBSP}622{NBSP}400{NBSP}kronor (i form av arbetad tid)".lower() in text.lower()
    assert f"Resterande finansiering, 19{NBSP}283{NBSP}329{NBSP}kronor, söks från Anslag 1:1 Regionala tillväxtåtgärder" in text
    assert f"Region Jämtland Härjedalen avsätter 2{NBSP}658{NBSP}128{NBSP}kronor inom Område Näringslivs ram" in text
    assert not any(c.isdigit() and n == " " and m.isdigit() for c, n, m in zip(text, text[1:], text[2:]))


def test_the_docx_table_is_the_plans_lines(tmp_path):
    import docx

    out = tmp_path / "finansiering.docx"
    assert render(SEED, "--format", "docx", "--output", out).exit_code == 0
    document = docx.Document(str(out))
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    plan = check_file(SEED).plan
    assert rows[0] == ["Finansiär", "Form", "Belopp", "Andel"]
    assert len(rows) == len(plan.financing) + 2
    for row, line in zip(rows[1:], plan.financing, strict=False):
        financier, form, amount, share = row
        assert financier == line.financier
        assert form == ("Kontant" if line.form == "cash" else "Arbetad tid")
        assert parse_amount(amount.removesuffix(f"{NBSP}kr")) == line.amount
        assert abs(parse_percent(share) - line.amount * 100 / plan.total) < Decimal("0.005")
    assert rows[-1][0] == "Summa" and parse_amount(rows[-1][2].removesuffix(f"{NBSP}kr")) == plan.total
    assert all(run.bold for cell in table.rows[-1].cells for p in cell.paragraphs for run in p.runs)
    # The document, as a memo, passes the check.
    checked = run_finplan("memo", "check", SEED, out)
    assert (checked.exit_code, checked.findings()) == (0, []), checked.output


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells[-1] += data


def test_html_is_a_page_with_every_text_escaped(write):
    plan = write(
        "finplan: 1\nproject: {case: T/1/2020, name: '<script>x</script>', owner: Regionen, "
        "period: {start: 2020-01-01, end: 2020-12-31}}\ntotal: 1000\nfinancing:\n"
        "  - {id: a, financier: '<b>Bolag & Co</b>', sector: private, form: cash, status: proposed, amount: 1000}\n"
    )
    run = render(plan, "--format", "html")
    assert run.exit_code == 0
    assert run.output.startswith("<!DOCTYPE html>") and "<script>" not in run.output
    parser = _Cells()
    parser.feed(run.output)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert parser.cells[:4] == ["Finansiär", "Form", "Belopp", "Andel"]
    assert parser.cells[4:8] == ["<b>Bolag & Co</b>", "Kontant", f"1{NBSP}000{NBSP}kr", f"100,00{NBSP}%"]


def test_docx_needs_an_output_file_and_a_plan_it_can_read():
    run = render(SEED, "--format", "docx")
    assert run.exit_code == 2 and "--output" in run.output
    run = render(ROOT / "no-such-plan.yaml")
    assert run.exit_code == 2 and "could not be read" in run.output


def test_output_never_overwrites_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    run = render(plan, "--output", plan)
    assert run.exit_code == 2
    assert plan.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    out = tmp_path / "section.md"
    assert render(plan, "--format", "markdown", "--output", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("## Finansiering\n")


def test_a_plan_without_case_or_period_leaves_those_phrases_out():
    from finplan.memo.match import check_memo
    from finplan.memo.units import text_units
    from finplan.memo.render import section
    from finplan.report import MEMO_RENDER_FORMATS

    plan = check_file(SEED).plan
    bare = plan.model_copy(update={"project": plan.project.model_copy(update={"case": None, "period": None})})
    out = io.StringIO()
    MEMO_RENDER_FORMATS["text"].load().render(section(bare), out)
    text = out.getvalue()
    assert "RUN/99/2019" not in text.split("Resterande")[0] and "perioden" not in text
    assert text.startswith("Finansiering\n\nProjektet En attraktiv region omsluter totalt")
    checked = check_memo(bare, text_units(text))
    assert [f.code for f in checked.findings] == []
    seed_memo = check_memo(bare, text_units((ROOT / "tests" / "memos" / "attraktiv.txt").read_text(encoding="utf-8")))
    assert {f.code for f in seed_memo.findings} == {"FP708"}  # the periods and the memo's own case: nothing to compare


def test_a_plan_in_euro_is_written_and_read_back_in_euro(write, tmp_path):
    plan = write(
        "finplan: 1\nproject: {case: X/1/2020, name: P, owner: Regionen Syd, period: {start: 2020-01-01, end: 2020-12-31}}\n"
        "currency: EUR\ntotal: \"71 060,50\"\nfinancing:\n"
        "  - {id: a, financier: Regionen Syd, sector: public, form: cash, status: decided, appropriation: R, amount: 35 030}\n"
        "  - {id: b, financier: Fonden Nord, sector: public, form: in_kind, status: proposed, amount: \"1 000,50\"}\n"
        "  - {id: c, financier: Fonden Väst, sector: public, form: cash, status: applied, amount: 35 030}\n"
    )
    text = render(plan).output
    assert f"totalt 71{NBSP}060,50{NBSP}EUR" in text and f"35{NBSP}030{NBSP}EUR" in text
    memo = tmp_path / "memo.txt"
    memo.write_text(text, encoding="utf-8")
    checked = run_finplan("memo", "check", plan, memo)
    assert (checked.exit_code, checked.findings(), checked.file_findings()) == (0, [], []), checked.output
