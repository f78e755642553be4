"""HTML memos (.html, .htm): read as a browser shows the text, checked at the source's line, within limits."""

from __future__ import annotations

import pytest
from conftest import SEED, run_finplan
from test_hostile_memo import refusal

from finplan.memo.limits import MEMO_LIMITS

PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Jämtkraft 300 100 kronor</title>
<style>p::after {{ content: "Jämtkraft 300 100 kronor"; }}</style>
<script>const belopp = "Jämtkraft bidrar med 300 100 kronor";</script>
</head>
<body>
<!-- Jämtkraft bidrar med 300 100 kronor -->
<h1>Finansiering av En&nbsp;attraktiv region</h1>
<p>Projektet omsluter totalt 38&#160;566&nbsp;657 kronor.
   Region Jämtland Härjedalen står för 2 658
   128 kronor, länets kommuner för 13 622 400 kronor
   i form av arbetad tid.</p>
<div>{jamtkraft}</div>
<template><p>Jämtkraft bidrar med 300 100 kronor.</p></template>
<noscript>Jämtkraft bidrar med 300 100 kronor.</noscript>
<table>
  <tr><th>Finansiär</th><th>Belopp</th></tr>
  <tr><td>Länsstyrelsen</td><td><p>1&nbsp;702&nbsp;800 kr</p></td></tr>
</table>
</body>
</html>
"""


def page(tmp_path, jamtkraft: str = "Jämtkraft &amp; ingen annan bidrar med 300 000 kronor.", name: str = "memo.html"):
    path = tmp_path / name
    path.write_text(PAGE.format(jamtkraft=jamtkraft), encoding="utf-8")
    return path


def figures(run) -> list[tuple[str, str]]:
    return [(row.split()[0], " ".join(row.split()[1:4])) for row in run.output.splitlines() if row[:1].isdigit()]


@pytest.mark.parametrize("name", ["memo.html", "memo.htm", "MEMO.HTM"])
def test_a_page_reads_the_text_a_browser_shows(tmp_path, name):
    run = run_finplan("memo", "check", SEED, page(tmp_path, name=name))
    assert run.exit_code == 0 and run.findings() == [], run.output
    assert [(position, figure.split()[0]) for position, figure in figures(run)] == [
        ("12:30", "38"), ("13:40", "2"), ("14:36", "13"), ("16:45", "300"), ("21:36", "1"),
    ], run.output


def test_a_wrong_figure_is_found_at_its_source_line(tmp_path):
    run = run_finplan("memo", "check", SEED, page(tmp_path, "<span>Jämtkraft</span> bidrar med 300 100 kronor."))
    assert run.exit_code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP701", "16", "40")
    assert finding["message"].startswith('"300 100 kronor" for Jämtkraft')


def test_memo_renders_own_page_checks_clean(tmp_path):
    memo = tmp_path / "finansiering.html"
    assert run_finplan("memo", "render", SEED, "--format", "html", "--output", memo).exit_code == 0
    run = run_finplan("memo", "check", SEED, memo)
    assert (run.exit_code, run.findings()) == (0, []), run.output
    assert len(figures(run)) > 20


def test_a_page_not_in_utf_8_is_refused(tmp_path):
    memo = tmp_path / "memo.html"
    memo.write_bytes("<p>Jämtkraft 300 000 kronor</p>".encode("latin-1"))
    assert refusal(memo).endswith("is not UTF-8 text (byte 5); save it as UTF-8")


def test_a_character_reference_of_thousands_of_digits_is_no_character(tmp_path):
    memo = tmp_path / "memo.html"
    memo.write_text("<p>Jämtkraft bidrar med &#" + "1" * 5_000 + "; 300 000 kronor.</p>", encoding="utf-8")
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 0 and "Traceback" not in run.output
    assert figures(run) == [("1:5029", "300 000 kronor")]


def test_a_page_of_more_tags_and_entities_than_the_limit_is_refused_before_it_is_parsed(tmp_path):
    memo = tmp_path / "memo.html"
    memo.write_text("<b>" * (MEMO_LIMITS.max_html_tags + 1), encoding="utf-8")
    assert refusal(memo).endswith(
        f"has more than {MEMO_LIMITS.max_html_tags} tags and character references, the limit for an HTML memo"
    )
    memo.write_text("<p>" + "&amp;" * MEMO_LIMITS.max_html_tags + "</p>", encoding="utf-8")
    assert "tags and character references" in refusal(memo)


def test_a_page_of_more_source_than_the_limit_is_refused(tmp_path):
    memo = tmp_path / "memo.html"
    memo.write_text("<a " + 'b="c" ' * (MEMO_LIMITS.max_html_chars // 6 + 1) + ">", encoding="utf-8")
    assert refusal(memo).endswith(f"has more than {MEMO_LIMITS.max_html_chars} characters of HTML, the limit for an HTML memo")


def test_the_html_limits_at_and_above():
    from test_hostile_memo import refused, units

    data = "<p>Projektet omsluter totalt 38 566 657 kronor.</p>".encode()
    assert units(data, ".html", max_html_tags=2)[0].text == "Projektet omsluter totalt 38 566 657 kronor."
    assert refused(data, ".html", max_html_tags=1) == (
        "has more than 1 tags and character references, the limit for an HTML memo"
    )
    assert units(data, ".html", max_html_chars=len(data))
    assert "characters of HTML" in refused(data, ".html", max_html_chars=len(data) - 1)
    assert units(data, ".html", max_text_chars=44)
    assert refused(data, ".html", max_text_chars=43) == "has more than 43 characters of text, the limit for a memo"


@pytest.mark.parametrize("unclosed", ["<!-- ", "<script>", "<p title='", "<!DOCTYPE", "<?xml "])
def test_a_construct_never_closed_is_refused_before_the_parser_reads_the_rest_again_and_again(tmp_path, unclosed):
    memo = tmp_path / "memo.html"
    memo.write_text("<p>Projektet omsluter totalt 38 566 657 kronor.</p>\n" + unclosed + "<x" * 40_000,
                    encoding="utf-8")
    assert refusal(memo).endswith(
        "has a tag, comment or script that is never closed (line 2), and the page after it is not read"
    )


def test_a_stray_tag_start_at_the_pages_end_is_read_as_a_browser_shows_it(tmp_path):
    memo = tmp_path / "memo.html"
    memo.write_text("<p>Projektet omsluter totalt 38 566 657 kronor.</p>\n<b", encoding="utf-8")
    run = run_finplan("memo", "check", SEED, memo)
    assert (run.exit_code, run.findings()) == (0, []), run.output


# Each hides "300 100" (the plan has Jämtkraft's 300 000) from the page a person sees; the shown sentence is right.
HIDDEN = {
    "the hidden attribute": '<div hidden><p>Jämtkraft bidrar med 300 100 kronor.</p><div>(utkast)</div></div>',
    "display none": '<p style="color: grey; DISPLAY : none !important">Jämtkraft bidrar med 300 100 kronor.</p>',
    "visibility hidden": '<span style="visibility:hidden">Jämtkraft bidrar med <b>300 100</b> kronor.</span>',
    "a template in a cell": '<table><tr><td><template>Jämtkraft 300 100 kr</template></td></tr></table>',
    "a hidden paragraph left open": '<p hidden>Jämtkraft bidrar med 300 100 kronor.',
    "a hidden list item left open": '<ul><li hidden>Jämtkraft: 300 100 kronor<li>Bidrag i kontanter</ul>',
}


@pytest.mark.parametrize("construct", HIDDEN, ids=str)
def test_text_hidden_from_the_page_is_not_read(tmp_path, construct):
    shown = "Jämtkraft bidrar med 300 000 kronor."
    run = run_finplan("memo", "check", SEED, page(tmp_path, f"{HIDDEN[construct]}<p>{shown}</p>"))
    assert (run.exit_code, run.findings()) == (0, []), run.output
    assert [figure for _, figure in figures(run) if figure.startswith("300")] == ["300 000 kronor"], run.output


@pytest.mark.parametrize("after", [
    '<p hidden>Jämtkraft 300 000 kronor</p><p>Jämtkraft bidrar med 300 100 kronor.</p>',
    '<div><span hidden>utkast</span></div><p>Jämtkraft bidrar med 300 100 kronor.</p>',
    '<ul><li hidden>utkast<li>Jämtkraft bidrar med 300 100 kronor.</ul>',
    '<div><p hidden>utkast</div><p>Jämtkraft bidrar med 300 100 kronor.</p>',
    '<div aria-hidden="false" style="display: block; visibility: visible">Jämtkraft bidrar med 300 100 kronor.</div>',
    '<img hidden alt="">Jämtkraft bidrar med 300 100 kronor.',
    # Hidden from a screen reader alone: a sighted reader sees it, and so it is read.
    '<div aria-hidden="true"><span>Jämtkraft bidrar med 300 100 kronor.</span></div>',
], ids=["after a hidden paragraph", "after a hidden span", "the next list item", "after the enclosing div ends",
        "shown styles", "a hidden void element", "aria-hidden"])
def test_what_follows_a_hidden_element_is_read(tmp_path, after):
    run = run_finplan("memo", "check", SEED, page(tmp_path, after))
    assert [f["code"] for f in run.findings()] == ["FP701"], run.output
