"""The jobs around the check in Swedish: memo check and render, summary, report --html, diff and
check --format markdown under --lang sv, each with its figures; the machine formats keep their keys,
codes, rows and fingerprints the same in both languages."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import MINIMAL, SEED, run_finplan, without_messages
from memo_files import seed_text

FRAME_2020 = """\
frames:
  - appropriation: "Reg.tillväxt (anslag 1:1)"
    year: 2020
    amount: 5 000 000
"""


def sv(*args):
    return run_finplan("--lang", "sv", *args)


def en(*args):
    return run_finplan("--lang", "en", *args)


def moved(text: str) -> str:
    """The seed with a million moved from the region's own line to the 1:1 line."""
    return text.replace("amount: 2 658 128", "amount: 1658128").replace("amount: 19 283 329", "amount: 20283329")


# -- memo check


def test_a_changed_digit_in_the_memo_is_a_swedish_finding_with_its_figures(write):
    memo = write(seed_text().replace("Jämtkraft 300 000 kronor", "Jämtkraft 300 100 kronor"), "memo.txt")
    run = sv("memo", "check", SEED, memo)
    assert run.exit_code == 1, run.output
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP701", "18", "300")
    assert finding["message"] == '"300 100 kronor" för Jämtkraft: planen har 300 000 kr (raden `jamtkraft`): 100 kr över'
    assert run.output.startswith("Beslutsunderlagets siffror")
    row = next(line for line in run.output.splitlines() if line.startswith("18:300 "))
    assert row.split()[-1] == "avviker" and " jamtkraft " in row and "300 000 kr" in row
    assert f"{memo}: underkänd (1 fel, 0 varningar, 0 upplysningar)" in run.output


def test_a_period_a_month_off_is_said_in_swedish(write):
    run = sv("memo", "check", SEED, write(seed_text().replace("till september 2022", "till augusti 2022"), "memo.txt"))
    (period,) = run.findings()
    assert (period["code"], period["line"]) == ("FP704", "14")
    assert period["message"] == (
        '"oktober 2019 till augusti 2022" som period: planens är 2019-10-01 – 2022-09-30: slutet är 1 månad tidigare'
    )


def test_a_line_the_memo_leaves_out_and_a_rounded_figure_are_said_in_swedish(write):
    plan = write(
        "finplan: 1\nproject:\n  case: RUN/12/2021\n  name: Testprojektet\n  owner: Region Test\n"
        "  period: {start: 2020-02-01, end: 2021-12-31}\ntotal: 4 077 694\nfinancing:\n"
        "  - {id: region, financier: Region Test, sector: public, form: cash, status: proposed, amount: 1 000 000}\n"
        "  - {id: stiftelsen, financier: Stiftelsen Norr, sector: private, form: cash, status: proposed, amount: 3 077 694}\n"
    )
    both = "Projektet omsluter totalt 4 077 694 kronor. Region Test bidrar med 1 000 000 kronor.\n"
    (left_out,) = sv("memo", "check", plan, write(both, "memo.txt")).file_findings()
    assert (left_out["code"], left_out["severity"]) == ("FP707", "warning")
    assert left_out["message"] == (
        "raden `stiftelsen` (Stiftelsen Norr, 3 077 694 kr) har ingen siffra i beslutsunderlaget; förväntade radens "
        "belopp, eller raden som resterande belopp"
    )
    rounded = write(both + "Stiftelsen Norr bidrar med 3 miljoner kronor.\n", "rounded.txt")
    (note,) = sv("memo", "check", plan, rounded).findings()
    assert (note["code"], note["severity"]) == ("FP703", "info")
    assert note["message"] == (
        '"3 miljoner kronor" för Stiftelsen Norr: planen har 3 077 694 kr (raden `stiftelsen`), avrundat till '
        "närmaste 1 000 000 kr: 77 694 kr för lite"
    )


def test_the_memo_checks_json_and_an_english_baseline_hold_in_swedish(write, tmp_path):
    memo = write(seed_text().replace("till september 2022", "till augusti 2022"), "memo.txt")
    english = json.loads(en("memo", "check", SEED, memo, "-o", "json").output)
    swedish = json.loads(sv("memo", "check", SEED, memo, "-o", "json").output)
    assert without_messages(swedish) == without_messages(english)
    (found,) = swedish["files"][0]["findings"]
    assert found["code"] == "FP704" and found["message"].endswith("slutet är 1 månad tidigare")
    baseline = tmp_path / "baseline.json"
    assert en("memo", "check", SEED, memo, "--write-baseline", baseline).exit_code == 0
    run = sv("memo", "check", SEED, memo, "--baseline", baseline)
    assert run.exit_code == 0 and "1 godtagna av baslinjen" in run.output


def test_a_memo_that_cannot_be_read_says_so_in_swedish(write):
    memo = write(b"\xff\xfe\x00b", "memo.txt")
    run = sv("memo", "check", SEED, memo)
    assert run.exit_code == 2
    assert f"finplan: beslutsunderlaget {memo} är inte UTF-8-text (byte 1); spara den som UTF-8" in run.output


def test_the_rendered_memo_is_the_same_swedish_text_in_both_languages():
    swedish = sv("memo", "render", SEED).output
    assert swedish == en("memo", "render", SEED).output
    assert swedish.startswith("Finansiering\n\nProjektet En attraktiv region (RUN/99/2019) omsluter totalt 38")
    assert "Finansiär" in swedish and "Summa" in swedish


# -- summary and its report


def test_the_summary_has_swedish_headings_and_an_fp802_in_swedish(write):
    frames = write(FRAME_2020, "frames.yaml")
    run = sv("summary", SEED, "--frames", frames, "--full")
    assert run.exit_code == 0, run.output
    for text in (
        "Finansiering per år och anslag (kr)", "Finansiering per år och status (kr)", "Finansiering per år och slag (kr)",
        f"Ramar ({frames})", "Fördelade efter dagar över sin period", "Anslag", "Totalt", "Planer", "Beslutad",
        "Återstår", "offentlig i annat än pengar", "föreslagen",
    ):
        assert text in run.output, text
    status = run.output.split("Finansiering per år och status (kr)")[1]
    assert re.search(r"^sökt +1 618 673,60 +6 439 505,85 +6 421 911,58 +4 803 237,97 +19 283 329 +RUN/99/2019", status, re.M)
    assert re.search(r"^Summa .* 38 566 657 +1 plan\b", status, re.M)
    (finding,) = run.findings()
    assert (finding["file"], finding["line"], finding["code"], finding["severity"]) == (str(frames), "2", "FP802", "warning")
    assert finding["message"] == (
        "`Reg.tillväxt (anslag 1:1)` 2020: beslutade och sökta rader skulle ta 6 439 505,85 kr av en ram på "
        "5 000 000 kr: 1 439 505,85 kr över; planer, störst först: RUN/99/2019 6 439 505,85 kr"
    )
    assert run.output.rstrip().endswith(
        "1 plan sammanställd; 38 566 657 kr i finansiering (planernas totaler); ramar: 0 fel, 1 varning, 0 upplysningar"
    )


def test_de_minimis_aid_over_the_ceiling_across_plans_in_swedish(tmp_path):
    for name, case, start, amount in (("a", "A/1", "2024-03-01", "200000"), ("b", "B/1", "2025-03-01", "150000")):
        (tmp_path / f"{name}.yaml").write_text(
            f"finplan: 1\nproject:\n  case: {case}\n  name: Projekt {case}\n  owner: Regionen\n"
            f"  period: {{start: {start}, end: {start[:4]}-12-31}}\ncurrency: EUR\ntotal: {amount}\nfinancing:\n"
            f"  - {{id: stod, financier: Regionen, sector: public, form: cash, status: decided, amount: {amount},\n"
            f"     de_minimis: {{undertaking: 556677-8899}}}}\n",
            encoding="utf-8",
        )
    run = sv("summary", tmp_path)
    assert run.exit_code == 1
    (line,) = [line for line in run.output.splitlines() if " FP804 " in line]
    assert line.endswith(
        "stödet av mindre betydelse till 556677-8899 under de tre åren fram till 2025-03-01 är 350 000 EUR på "
        "2 planrader; taket är 300 000 EUR: 50 000 EUR över; störst först: A/1 `stod` 200 000 EUR, B/1 `stod` 150 000 EUR"
    )


def test_summary_json_and_csv_keep_keys_codes_and_rows_in_both_languages(write):
    frames = write(FRAME_2020, "frames.yaml")
    english = json.loads(en("summary", SEED, "--frames", frames, "-o", "json").output)
    swedish = json.loads(sv("summary", SEED, "--frames", frames, "-o", "json").output)
    assert without_messages(swedish) == without_messages(english)
    statuses = [row["key"] for row in swedish["currencies"][0]["tables"][3]["rows"]]
    assert statuses == ["applied", "proposed"]
    assert swedish["findings"][0]["message"].startswith("`Reg.tillväxt (anslag 1:1)` 2020: beslutade och sökta rader")
    assert english["findings"][0]["message"].startswith("`Reg.tillväxt (anslag 1:1)` 2020: decided and applied-for")
    assert sv("summary", SEED, "--frames", frames, "-o", "csv").output == en(
        "summary", SEED, "--frames", frames, "-o", "csv"
    ).output


def test_a_frames_file_that_cannot_be_read_says_where_in_swedish(write):
    frames = write("frames:\n  - {appropriation: X, year: 2020, amount: 10, colour: red}\n", "frames.yaml")
    run = sv("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert run.output == (
        f"finplan: ramfilen {frames}:2:48: okänd nyckel `colour`; förväntade en av: currency, frames, "
        "och i en ram appropriation, year, amount, note\n"
    )


def test_the_html_report_in_swedish_is_marked_swedish_and_keeps_its_data(write, tmp_path):
    frames = write(FRAME_2020, "frames.yaml")
    for language in ("sv", "en"):
        assert run_finplan("--lang", language, "report", SEED, "--frames", frames, "--html", tmp_path / language).exit_code == 0
    swedish, english = ((tmp_path / language / "index.html").read_text(encoding="utf-8") for language in ("sv", "en"))
    assert '<html lang="sv">' in swedish and '<html lang="en">' in english
    assert "<h1>Finansieringsportfölj</h1>" in swedish and "<h1>Financing portfolio</h1>" in english
    assert '<h2 id="frames">Ramar <small>' in swedish and "<caption>Utnyttjande av ramarna</caption>" in swedish
    assert "<th>föreslagen</th>" in swedish and '<tr data-key="proposed">' in swedish
    data = re.compile(r'data-(?:table|key|col|currency)="[^"]*"')
    assert data.findall(swedish) == data.findall(english)
    (page,) = (tmp_path / "sv" / "plans").glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert '<html lang="sv">' in text and "← Portfölj" in text and "totalt 38 566 657 kr" in text
    assert '<p class="verdict passed"><strong>Planen godkänns i kontrollen</strong> (0 fel, 3 varningar, 0 upplysningar)' in text


# -- diff


def test_the_diff_in_swedish_text(write):
    new = write(moved(SEED.read_text(encoding="utf-8")), "attraktiv-moved.yaml")
    run = sv("diff", SEED, new)
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert lines[0] == f"finplan diff: {SEED} → {new}"
    assert f"{new}: ändrad, godkänd → underkänd" in lines
    for heading in ("Rader", "Delsummor av finansieringen", "Tak och golv"):
        assert heading in [line.rstrip() for line in lines]
    region = next(line for line in lines if line.startswith("finansiering region "))
    assert region.split()[2] == "ändrad"
    assert "2 658 128 kr" in region and "1 658 128 kr" in region and "−1 000 000 kr" in region and "−2,59 p.e." in region
    cap = next(line for line in lines if "anslag_1_1: tak 50 % av totalen" in line)
    assert cap.index("0,50 kr över") < cap.index("1 000 000,50 kr över")
    assert next(line for line in lines if line.startswith("ny ")).split()[2] == "FP501"
    assert next(line for line in lines if line.startswith("åtgärdad ")).split()[2] == "FP502"
    assert lines[-1] == "1 ändrade; 0 oförändrade. 1 nytt fel, 1 ny anmärkning av alla allvarlighetsgrader, 1 åtgärdade."


def test_the_diff_in_swedish_markdown_and_json(write):
    new = write(moved(SEED.read_text(encoding="utf-8")), "attraktiv-moved.yaml")
    markdown = sv("diff", SEED, new, "-o", "markdown").output
    assert f"### {new}: ändrad (godkänd → underkänd)" in markdown
    assert "| Rad | Läge | Före | Efter | Ändring | Andel före | Andel efter | Ändring av andel |" in markdown
    assert "| finansiering region | ändrad | 2 658 128 kr | 1 658 128 kr | −1 000 000 kr | 6,89 % | 4,30 % | −2,59 p.e. |" in markdown
    assert "| anslag_1_1: tak 50 % av totalen | 19 283 329 kr | 20 283 329 kr | 0,50 kr över | 1 000 000,50 kr över |" in markdown
    assert "| Anmärkning | Var | Kod | Allvarlighet | Meddelande |" in markdown
    english = json.loads(en("diff", SEED, new, "-o", "json").output)
    swedish = json.loads(sv("diff", SEED, new, "-o", "json").output)
    assert without_messages(swedish) == without_messages(english)
    assert swedish["plans"][0]["caps"][0]["name"] == "anslag_1_1: cap 50 % of the total"


def test_a_diff_against_the_working_tree_names_it_in_swedish(tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "Test")
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    git("add", "plan.yaml")
    git("commit", "-qm", "plan")
    plan.write_text(MINIMAL.replace("amount: 600", "amount: 500").replace("total: 1000", "total: 900"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = sv("diff", "--rev", "HEAD")
    assert run.output.startswith("finplan diff: HEAD → arbetskatalogen\n"), run.output
    assert "finansiering a ändrad 600 kr 500 kr −100 kr" in " ".join(run.output.split())
    assert json.loads(sv("diff", "--rev", "HEAD", "-o", "json").output)["new"] == "working tree"


# -- check --format markdown


def test_check_markdown_in_swedish():
    markdown = sv("check", SEED, "-o", "markdown").output
    assert "**1 fil kontrollerad: godkända: 1, underkända: 0, kunde inte kontrolleras: 0** (0 fel, 3 varningar, 0 upplysningar)" in markdown
    assert "### budgets/attraktiv.yaml: godkänd (0 fel, 3 varningar, 0 upplysningar)" in markdown
    assert "| Var | Kod | Allvarlighet | Meddelande |" in markdown
    assert "| i annat än pengar | 15 325 200 kr | 39,74 % |" in markdown
    assert (
        "| anslag_1_1 | anslag-1-1 | 19 283 329 kr | 50,0000013 % | högst 19 283 328,50 kr (50 % av totalen 38 566 657 kr) "
        "| 0,50 kr över |"
    ) in markdown
