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


SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx"}


@pytest.mark.parametrize("fmt", SUFFIXES)
@pytest.mark.parametrize("plan", EVERY_PLAN, ids=lambda p: p.name)
def test_the_section_read_back_matches_every_figure(tmp_path, plan, fmt):
    memo = tmp_path / f"memo{SUFFIXES[fmt]}"
    run = render(plan, "--format", fmt, "--output", memo)
    assert run.exit_code == 0, run.output
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
        assert abs(parse_percent(share) - line.amount * 100 / plan.total) <= Decimal("0.005")
    assert rows[-1][0] == "Summa" and parse_amount(rows[-1][2].removesuffix(f"{NBSP}kr")) == plan.total
    assert [row[3] for row in rows[1:]] == [f"{share}{NBSP}%" for share in
                                            ("6,89", "35,32", "4,42", "2,59", "0,78", "50,00", "100,00")]
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


def test_the_docx_is_a4_in_swedish_with_the_projects_title(tmp_path):
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm

    out = tmp_path / "finansiering.docx"
    assert render(SEED, "--format", "docx", "--output", out).exit_code == 0
    document = docx.Document(str(out))
    def mm(length) -> float:  # Word stores lengths in twentieths of a point
        return round(length / Mm(1), 1)

    for section in document.sections:
        assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
        assert mm(section.left_margin) == mm(section.right_margin) == 25
    languages = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert languages == {"sv-SE"} and defaults.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    for style in ("Normal", "Heading 2", "Table Grid"):
        assert document.styles[style].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    properties = document.core_properties
    assert (properties.title, properties.language, properties.author) == ("En attraktiv region", "sv-SE", "")
    assert "python-docx" not in out.read_bytes().decode("latin-1")


def test_the_docx_tables_columns_are_as_wide_as_their_text(tmp_path):
    import docx
    from docx.shared import Mm

    out = tmp_path / "finansiering.docx"
    assert render(SEED, "--format", "docx", "--output", out).exit_code == 0
    (table,) = docx.Document(str(out)).tables
    widths = [column.width for column in table.columns]
    assert sum(widths) <= Mm(210 - 2 * 25)
    # The longest financier, "Anslag 1:1 Regionala tillväxtåtgärder", has room on one line; the form column is narrow.
    assert widths[0] >= Mm(len("Anslag 1:1 Regionala tillväxtåtgärder") * 2)
    assert widths[1] < widths[0] / 2 and all(cell.width == widths[0] for cell in table.columns[0].cells)


def test_a_share_is_printed_with_two_decimals_or_as_the_plan_declares_it():
    text = render(SEED).output
    assert f"50,00{NBSP}%" in text and "50,0000013" not in text
    split = render(PLANS / "valid" / "split.yaml").output
    assert f"fördelas på EU och staten 67{NBSP}000{NBSP}kronor (67{NBSP}%) och Leader Testbygd 33{NBSP}000{NBSP}kronor" in split
    assert f"Kommun A 50{NBSP}000,50{NBSP}kronor (50{NBSP}%)" in split
    assert f"kunta 20{NBSP}000{NBSP}kronor." in split  # a part that declares an amount only


def test_a_leader_plans_split_and_volunteer_time_beside_the_total_are_written():
    text = render(ROOT / "budgets" / "exempel-leader.yaml").output
    assert (f"Finansieringen från Leader Testbygd, 360{NBSP}000{NBSP}kronor, fördelas på EU och staten (Jordbruksverket) "
            f"241{NBSP}200{NBSP}kronor (67{NBSP}%) och Leader Testbygd (offentlig medfinansiering) "
            f"118{NBSP}800{NBSP}kronor (33{NBSP}%).") in text
    assert (f"Därutöver bidrar Byaföreningen i Testbygd med ideell tid motsvarande 88{NBSP}000{NBSP}kronor, "
            "som inte ingår i projektets totala finansiering.") in text
    assert f"totalt 600{NBSP}000{NBSP}kronor" in text


@pytest.mark.parametrize(("wrong", "right"), [("241 300 kronor (67 %)", "241 200 kronor (67 %)"),
                                              ("88 500 kronor", "88 000 kronor")])
def test_a_slip_in_a_part_or_in_volunteer_time_is_an_error(tmp_path, wrong, right):
    plan = ROOT / "budgets" / "exempel-leader.yaml"
    text = render(plan).output.replace(NBSP, " ")
    assert right in text
    memo = tmp_path / "memo.txt"
    memo.write_text(text.replace(right, wrong), encoding="utf-8")
    checked = run_finplan("memo", "check", plan, memo)
    assert checked.exit_code == 1 and [f["code"] for f in checked.findings() if f["severity"] == "error"], checked.output


def test_the_seed_memos_own_sentences_are_written_word_for_word():
    """The opening, the remainder and the proposal as the seed memo (tests/memos/attraktiv.txt) words them."""
    seed_memo = (ROOT / "tests" / "memos" / "attraktiv.txt").read_text(encoding="utf-8")
    text = render(SEED).output.replace(NBSP, " ")
    for words in (
        "omsluter totalt 38 566 657 kronor",
        ", och föreslås finansieras enligt följande: Region Jämtland Härjedalen 2 658 128 kronor, ",
        "13 622 400 kronor (i form av arbetad tid), Länsstyrelsen 1 702 800 kronor (i form av arbetad tid)",
        "Resterande finansiering, 19 283 329 kronor, söks från ",
        "Region Jämtland Härjedalen avsätter 2 658 128 kronor inom ",
        " under perioden 2019-10-01 – 2022-09-30 för att genomföra projektet En attraktiv region.",
    ):
        assert words in text and words in seed_memo, words


@pytest.mark.parametrize("fmt", SUFFIXES)
def test_the_output_files_suffix_names_the_format_when_none_is_asked_for(tmp_path, fmt):
    out = tmp_path / f"Finansiering{SUFFIXES[fmt].upper()}"
    assert render(SEED, "--output", out).exit_code == 0
    data = out.read_bytes()
    kinds = {"docx": data.startswith(b"PK"), "html": data.startswith(b"<!DOCTYPE html>"),
             "markdown": data.startswith(b"## Finansiering\n"), "text": data.startswith(b"Finansiering\n\n")}
    assert [kind for kind, found in kinds.items() if found] == [fmt]


def test_a_format_the_output_files_suffix_contradicts_is_refused_and_nothing_written(tmp_path):
    out = tmp_path / "beslut.docx"
    run = render(SEED, "--format", "text", "--output", out)
    assert run.exit_code == 2 and not out.exists()
    assert "--format text does not write a .docx file" in run.output and "leave out --format" in run.output
    run = render(SEED, "--format", "docx", "--output", tmp_path / "beslut.md")
    assert run.exit_code == 2 and not (tmp_path / "beslut.md").exists()
    # A suffix no format owns says nothing of the format: the one asked for, else text.
    assert render(SEED, "--format", "markdown", "--output", tmp_path / "avsnitt.utkast").exit_code == 0
    assert (tmp_path / "avsnitt.utkast").read_text(encoding="utf-8").startswith("## Finansiering\n")
    assert render(SEED, "--output", tmp_path / "avsnitt").exit_code == 0
    assert (tmp_path / "avsnitt").read_text(encoding="utf-8").startswith("Finansiering\n\n")


def leader_memo_with(tmp_path, added: str):
    """The Leader plan's rendered section with a paragraph added, checked against the plan."""
    plan = ROOT / "budgets" / "exempel-leader.yaml"
    memo = tmp_path / "memo.txt"
    memo.write_text(render(plan).output + "\n" + added + "\n", encoding="utf-8")
    return run_finplan("memo", "check", plan, memo)


@pytest.mark.parametrize("added", [
    # The payer named as a group prints it, without the plan's "(Jordbruksverket)".
    "Stöd från Leader Testbygd 360 000 kronor (60 %), varav EU och staten (67 %) och Leader Testbygd (offentlig "
    "medfinansiering) (33 %).",
    "Stöd från Leader Testbygd 360 000 kronor, varav EU och staten 67 %.",
    # Each part's share of the project's total.
    "Leader Testbygd står för 60 % av projektets kostnader, varav EU och staten 40,2 % och Leader Testbygd "
    "(offentlig medfinansiering) 19,8 %.",
])
def test_a_payers_share_named_without_the_plans_parenthesis_is_its_declared_share(tmp_path, added):
    checked = leader_memo_with(tmp_path, added)
    assert checked.exit_code == 0, checked.output
    assert [f for f in checked.findings() if f["severity"] in ("error", "warning")] == [], checked.output
    assert not [f for f in checked.findings() if "share of no line" in f["message"]], checked.output


def test_a_wrong_share_of_a_payer_named_without_the_plans_parenthesis_is_an_error(tmp_path):
    checked = leader_memo_with(tmp_path, "Stöd från Leader Testbygd 360 000 kronor, varav EU och staten 76 %.")
    assert [(f["code"], f["severity"]) for f in checked.findings() if f["severity"] == "error"] == [
        ("FP706", "error")], checked.output
