"""Input errors in Swedish: a plan that cannot be read or has the wrong shape, a bad configuration,
baseline or file, a YAML mistake, each said in the reader's language with its fix, and exit 2 in both.

The English text stays the finding's identity: its fingerprint is the same whichever language shows it.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import PLANS, run_finplan
from test_syntax import _libyaml_messages, _pyyaml_messages
from typer.testing import CliRunner

from finplan.cli import app
from finplan.i18n import _, set_language

INVALID = PLANS / "invalid"
GOOD = (
    "finplan: 1\nproject:\n  name: Testprojekt\n  owner: Testregionen\ntotal: 1000\nfinancing:\n"
    "  - {id: a, financier: A, sector: public, form: cash, amount: 600}\n"
    "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n"
)

# Words of the English templates that no Swedish message holds; plan text, keys and codes are left out first.
ENGLISH_WORDS = {
    "the", "is", "are", "of", "and", "must", "which", "than", "this", "its", "has", "with", "from", "expected",
    "line", "value", "write", "quote", "not", "or", "to", "an", "at", "it", "be", "cannot", "file", "key",
}


def english_words(text: str) -> set[str]:
    """English words left in a message, once quoted plan text ("…", `…`, '…') and paths are taken out."""
    text = re.sub(r'"[^"]*"|`[^`]*`|\'[^\']*\'|\S*/\S*', " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word in ENGLISH_WORDS}


def _messages(run) -> list[str]:
    return [f["message"] for f in run.findings() + run.file_findings()]


def _fingerprints(*args) -> dict[str, list[str]]:
    by_language = {}
    for language in ("en", "sv"):
        run = run_finplan("--lang", language, "check", "-o", "json", *args)
        assert run.exit_code == 2, run.output
        report = json.loads(run.output)
        by_language[language] = [f["fingerprint"] for file in report["files"] for f in file["findings"]]
    return by_language


def _check_both(*args) -> tuple:
    """The concise report in English and in Swedish; each exits 2."""
    english = run_finplan("--lang", "en", "check", "-o", "concise", *args)
    swedish = run_finplan("--lang", "sv", "check", "-o", "concise", *args)
    assert english.exit_code == 2, english.output
    assert swedish.exit_code == 2, swedish.output
    return english, swedish


def _assert_said(english, swedish, in_swedish: list[str], in_english: list[str]) -> None:
    for text in in_english:
        assert text in english.output, text
        assert text not in swedish.output, text
    for text in in_swedish:
        assert text in swedish.output, text
    for message in _messages(swedish):
        assert not english_words(message), message


# -- Plans that cannot be read, or have the wrong shape --------------------------------------------

PLAN_CASES = [
    ("fp000-alias-bomb.yaml", ["filen når fler än 10000 värden genom alias (gränsen)"], ["reaches more than", "through aliases"]),
    ("fp000-duplicate-key.yaml",
     ["filen upprepar nyckeln `amount` (första gången på rad 18); en upprepad nyckel skulle i tysthet tappa ett av värdena"],
     ["repeats the key", "would silently drop"]),
    ("fp000-not-yaml.yaml",
     ["filen är inte giltig YAML: `[` som öppnades på rad 11, kolumn 12 stängs inte", "tolken gav upp på rad 13, kolumn 1",
      "skriv ett decimalkomma som en punkt (66 666.50)"],
     ["is not valid YAML", "is not closed where its items end", "write a decimal comma"]),
    ("fp000-python-tag.yaml", ["filen använder taggen", "taggar är inte tillåtna i en planfil"], ["uses the tag", "are not allowed"]),
    ("fp000-two-documents.yaml", ["filen innehåller mer än ett YAML-dokument; en planfil innehåller exakt ett"],
     ["holds more than one YAML document"]),
    ("fp001-bad-date.yaml", ['`project.period.start` är "2020-13-01"; datumet finns inte: månaden måste vara mellan 1 och 12'],
     ["no such date", "month must be in"]),
    ("fp001-base-60.yaml",
     ['`total` är "1:30"; förväntat: ett belopp som 2658128, 2_658_128, "2 658 128" eller 1234.50',
      "siffergrupperna skiljs åt med ett mellanslag eller understreck"],
     ["expected an amount such as", "digit groups are separated"]),
    ("fp001-format-version.yaml", ["`finplan` är 2; den här versionen av finplan läser planformatets version 1"],
     ["this finplan reads plan format version"]),
    ("fp001-octal.yaml", ['`financing[1].amount` är "0400"; förväntat: ett belopp som'], ["expected an amount such as"]),
    ("fp001-ore.yaml",
     ["599.995 ser ut som 599 995 skrivet med punkt mellan siffergrupperna; skriv 599 995 eller 599995",
      "högst två decimaler, öre)"],
     ["looks like 599 995 written with a dot", "takes at most two decimals"]),
    ("fp001-quoted-year.yaml",
     ['nyckeln "2020" i `financing[0].per_year` är inte ett år; förväntat: ett år skrivet som ett tal, till exempel 2020'],
     ["is not a year", "expected a year written as a number"]),
    ("fp001-unknown-key.yaml",
     ["okänd nyckel `amout` i `financing[0]`; menade du `amount`?", "`financing[0]` saknar den obligatoriska nyckeln `amount`"],
     ["unknown key", "did you mean", "lacks the required key"]),
    ("fp001-yes-as-status.yaml", ["`financing[0].status` är \"yes\"; förväntat: 'proposed', 'applied' eller 'decided'"],
     ["expected 'proposed'", "'applied' or 'decided'"]),
]


@pytest.mark.parametrize(("plan", "in_swedish", "in_english"), PLAN_CASES, ids=[case[0] for case in PLAN_CASES])
def test_an_unreadable_or_misshapen_plan_is_told_in_swedish(plan, in_swedish, in_english):
    english, swedish = _check_both(INVALID / plan)
    assert [f["code"] for f in swedish.findings()] == [f["code"] for f in english.findings()]
    assert {f["code"] for f in swedish.findings()} == {plan[:5].upper()}
    _assert_said(english, swedish, in_swedish, in_english)


@pytest.mark.parametrize("plan", [case[0] for case in PLAN_CASES])
def test_an_input_errors_fingerprint_is_the_same_in_both_languages(plan):
    fingerprints = _fingerprints(INVALID / plan)
    assert fingerprints["en"] and fingerprints["sv"] == fingerprints["en"]


def test_the_swedish_json_report_carries_the_swedish_message():
    report = json.loads(run_finplan("--lang", "sv", "check", "-o", "json", INVALID / "fp001-unknown-key.yaml").output)
    messages = [f["message"] for f in report["files"][0]["findings"]]
    assert "okänd nyckel `amout` i `financing[0]`; menade du `amount`?" in messages


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_plans_line_and_a_caret_stand_under_the_message_in_either_language(language):
    run = run_finplan("--lang", language, "check", INVALID / "fp000-not-yaml.yaml", env={"COLUMNS": "300"})
    assert run.exit_code == 2
    lines = run.output.splitlines()
    at = next(i for i, line in enumerate(lines) if ":11:12: FP000 error " in line)
    assert lines[at + 1] == " 11 | financing: ["
    assert lines[at + 2] == "    |            ^"


# -- The other input codes -------------------------------------------------------------------------

IGNORES = GOOD.replace("amount: 600}", "amount: 600}  # finplan: ignore\n  # finplan: ignore[FP101]").replace(
    "amount: 400}", "amount: 400}  # finplan: ignore[nope, FP999]"
)


def test_wrong_and_unused_ignore_comments_and_a_cut_value_are_told_in_swedish(write):
    plan = write(IGNORES + "costs:\n  - id: c\n    category: staff\n    amount: 1000\n    description: Lön #2 del\n")
    swedish = run_finplan("--lang", "sv", "check", "-o", "concise", plan)
    english = run_finplan("--lang", "en", "check", "-o", "concise", plan)
    assert swedish.exit_code == english.exit_code == 1
    assert sorted(f["code"] for f in swedish.findings()) == ["FP002", "FP002", "FP003", "FP005"]
    _assert_said(
        english, swedish,
        ["den här undantagskommentaren anger ingen kod; förväntat: `# finplan: ignore[FP203]` med de koder den tystar",
         "den här undantagskommentaren anger något som inte är en kod: 'NOPE' är ingen kod, som till exempel FP105; "
         "FP999 är ingen kod som finplan rapporterar; menade du FP901?",
         "den här undantagskommentaren tystar FP101, men det finns ingen FP101-anmärkning på rad 8",
         'värdet för `description` slutar före `#2 del`: YAML läser därifrån till radens slut som en kommentar, '
         'så värdet är "Lön"'],
        ["this ignore comment names no code", "names what is no code", "there is no FP101 finding", "the value of"],
    )


def test_a_yaml_file_below_a_folder_that_is_no_plan_is_passed_over_with_a_swedish_note(tmp_path):
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ci.yaml").write_text("jobs: 1\n", encoding="utf-8")
    run = run_finplan("--lang", "sv", "check", "-o", "concise", tmp_path)
    assert run.exit_code == 0
    (note,) = run.file_findings()
    assert note["code"] == "FP004"
    assert note["message"] == "den här filen har ingen `finplan:`-nyckel på översta nivån: ingen plan, hoppas över"


@pytest.mark.parametrize("code", ["FP000", "FP001", "FP002", "FP003", "FP004", "FP005"])
def test_the_input_codes_documentation_is_in_swedish(code):
    swedish = run_finplan("--lang", "sv", "rule", code).output
    english = run_finplan("--lang", "en", "rule", code).output
    body = lambda text: text.split("\n\n", 1)[1]  # noqa: E731 - after the heading and its source
    assert swedish.splitlines()[2].startswith("Källa: finplans ")
    assert not english_words(body(swedish)), body(swedish)
    assert english_words(body(english))


# -- Configuration, baseline and files -------------------------------------------------------------

# The finplan.toml, what the Swedish message says, what the English one says instead. TOML's own
# reason for refusing a file (tomllib's words, with its line and column) is shown as tomllib gives it.
CONFIG_CASES = [
    ('selct = ["FP1"]\n', ["okänd nyckel `selct`; menade du `select`?"], ["unknown key"]),
    ('strict = "yes"\n', ['`strict` är "yes"; förväntat: true eller false'], ["expected true or false"]),
    ('[severity]\nFP101 = "fatal"\n', ["`severity.FP101` är \"fatal\"; förväntat: 'error', 'warning' eller 'info'"],
     ["'warning' or 'info'"]),
    ('[severity]\nFP000 = "warning"\n',
     ['nyckeln "FP000" i `severity`: FP000 betyder att planen inte kunde kontrolleras; dess allvarlighet går inte att ändra'],
     ["means the plan could not be checked"]),
    ('select = ["FP999"]\n', ["FP999 är ingen kod som finplan rapporterar; menade du FP901?"], ["is no code finplan reports"]),
    ('[settings]\n"anslag_1_1.max_share" = 0.5\n',
     ['förväntat: en procentsats med %-tecken, till exempel 15 % eller 39,15 % '
      '(skriv decimaltal som text inom citattecken, till exempel "0.50")'],
     ["write decimals as strings"]),
    ("this is = not toml\n", ["är inte giltig TOML: "], ["is not valid TOML"]),
]


@pytest.mark.parametrize(("toml", "in_swedish", "in_english"), CONFIG_CASES, ids=[c[0].split()[0] for c in CONFIG_CASES])
def test_a_bad_configuration_is_told_in_swedish(tmp_path, toml, in_swedish, in_english):
    (tmp_path / "finplan.toml").write_text(toml, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    english, swedish = _check_both(plan)
    (finding,) = swedish.file_findings()
    assert finding["code"] == "FP000"
    assert finding["message"].startswith(f"konfigurationen {tmp_path / 'finplan.toml'}")
    for text in in_swedish:
        assert text in finding["message"], finding["message"]
    for text in in_english:
        assert text in english.output and text not in swedish.output, text
    if "TOML" not in in_swedish[0]:
        assert not english_words(finding["message"]), finding["message"]
    fingerprints = _fingerprints(plan)
    assert fingerprints["sv"] == fingerprints["en"]


def test_a_bad_pyproject_table_is_told_in_swedish(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.finplan]\nselct = 1\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    _english, swedish = _check_both(plan)
    (finding,) = swedish.file_findings()
    assert finding["message"] == (
        f"konfigurationen {tmp_path / 'pyproject.toml'} [tool.finplan]: okänd nyckel `selct`; menade du `select`?"
    )


BASELINES = [
    ("not json", "is not JSON", "är inte JSON"),
    ('{"finplan_baseline": 2}', "is not a finplan baseline of version 1", "är ingen finplan-baslinje av version 1"),
    ('{"finplan_baseline": 1, "findings": 3}', "`findings` must be a list of recorded findings",
     "`findings` måste vara en lista över registrerade anmärkningar"),
    ('{"finplan_baseline": 1, "findings": [{"fingerprint": "x", "code": "FP999"}]}',
     "a recorded finding's code: FP999 is no code finplan reports",
     "koden för en registrerad anmärkning: FP999 är ingen kod som finplan rapporterar"),
]


@pytest.mark.parametrize(("content", "english", "swedish"), BASELINES, ids=["json", "version", "findings", "code"])
def test_a_bad_baseline_exits_2_in_both_languages_and_its_error_has_swedish_words(tmp_path, content, english, swedish):
    from finplan.baseline import read_baseline
    from finplan.errors import InputError

    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    for language in ("en", "sv"):
        run = run_finplan("--lang", language, "check", plan, "--baseline", baseline)
        assert run.exit_code == 2, run.output
    assert english in run_finplan("--lang", "en", "check", plan, "--baseline", baseline).output
    # The error the command line shows, in the reader's language.
    with pytest.raises(InputError) as raised:
        read_baseline(baseline)
    assert raised.value.message.startswith(f"baseline {baseline}") and english in raised.value.message
    try:
        set_language("sv")
        shown = _(raised.value.message)
    finally:
        set_language("en")
    assert shown.startswith(f"baslinjen {baseline}") and swedish in shown, shown


def test_a_missing_file_is_told_in_swedish(tmp_path):
    english, swedish = _check_both(tmp_path / "nosuch.yaml")
    (finding,) = swedish.file_findings()
    assert (finding["code"], finding["message"]) == ("FP000", "filen finns inte")
    assert "the file does not exist" in english.output
    fingerprints = _fingerprints(tmp_path / "nosuch.yaml")
    assert fingerprints["sv"] == fingerprints["en"]


@pytest.mark.parametrize(
    ("args", "english", "swedish"),
    [
        (("check", "plan.yaml", "--output", "folder"),
         "folder is not a regular file (a folder); finplan writes only regular files",
         "folder är ingen vanlig fil (en mapp); finplan skriver bara vanliga filer"),
        (("check", "plan.yaml", "--output", "folder/sub/out.json"),
         "folder/sub/out.json cannot be written: No such file or directory",
         "folder/sub/out.json kan inte skrivas: filen eller mappen finns inte"),
        (("check", "plan.yaml", "--baseline", "missing.json"), "baseline missing.json cannot be read: No such file or directory",
         "baslinjen missing.json kan inte läsas: filen eller mappen finns inte"),
        (("init", "nofolder/plan.yaml"), "nofolder/plan.yaml cannot be written: No such file or directory",
         "nofolder/plan.yaml kan inte skrivas: filen eller mappen finns inte"),
    ],
    ids=["folder", "no-sub-folder", "missing", "no-folder"],
)
def test_why_the_system_refuses_a_file_is_told_in_swedish_and_in_the_systems_english(tmp_path, monkeypatch, args, english, swedish):
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    for language, expected in (("en", english), ("sv", swedish)):
        run = run_finplan("--lang", language, *args)
        assert run.exit_code == 2 and run.output == f"finplan: {expected}\n", run.output


def test_a_folder_with_no_plan_and_a_glob_matching_nothing_are_told_in_swedish(tmp_path):
    (tmp_path / "empty").mkdir()
    _english, swedish = _check_both(tmp_path / "empty", tmp_path / "*.yml")
    messages = sorted(f["message"] for f in swedish.file_findings())
    assert messages == ["den här mappen innehåller ingen *.yaml- eller *.yml-fil", "det här mönstret matchar ingen fil"]


def test_a_windows_1252_plan_is_told_in_swedish_at_its_byte(write):
    plan = write(GOOD.replace("Testregionen", "Region Jämtland").encode("cp1252"))
    english, swedish = _check_both(plan)
    (finding,) = swedish.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP000", "4", "18")
    assert finding["message"] == (
        "filen är inte giltig UTF-8: byte 0xE4 kan inte inleda eller fortsätta ett tecken (i Windows-1252 vore den `ä`); "
        "planer läses som UTF-8: spara filen som UTF-8 (i Excel eller Anteckningar: Spara som, kodning UTF-8)"
    )
    assert "(in Windows-1252 it would be `ä`)" in english.output
    fingerprints = _fingerprints(plan)
    assert fingerprints["sv"] == fingerprints["en"]


def test_a_utf16_and_an_empty_plan_are_told_in_swedish(write, tmp_path):
    utf16 = write(GOOD.encode("utf-16"), "utf16.yaml")
    empty = write("", "empty.yaml")
    _english, swedish = _check_both(utf16, empty)
    messages = sorted(f["message"] for f in swedish.file_findings())
    assert messages == [
        "filen är UTF-16 (den börjar med en UTF-16-byteordningsmarkering); spara den som UTF-8",
        "filen är tom: den innehåller ingen plan",
    ]


# -- YAML mistakes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("context", "problem"), _libyaml_messages() + _pyyaml_messages())
def test_every_yaml_mistake_finplan_explains_is_explained_in_swedish(context, problem):
    from finplan.syntax import explain

    for at, opened, text in [((1, 1), (1, 1), "a: b\n"), ((2, 3), (1, 4), "a: [b:\n  x: 1\n"), (None, None, "")]:
        message = explain(problem, context, at, opened, text).message
        try:
            set_language("sv")
            swedish = _(message)
        finally:
            set_language("en")
        assert swedish != message
        assert swedish.startswith(("är inte giltig YAML", "är nästlad djupare")), swedish
        assert not english_words(swedish), swedish


SYNTAX_CASES = [
    ("  - {id: a, financier: A, sector: public, form: cash, amount: 600\n"
     "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 7, 5,
     "`{` som öppnades på rad 7, kolumn 5 stängs inte där dess poster slutar"),
    ("  - {id: a, financier: 'A, sector: public, form: cash, amount: 600}\n", 7, 24,
     "citattecknet `'` som öppnades på rad 7, kolumn 24 stängs aldrig"),
    ("  - id: a\n    financier: A\n    sector: public\n    form: cash\n    amount:600\n", 11, 11,
     "`amount:600` har inget mellanslag efter kolonet"),
    ("  - id: a\n    financier: A\n    note: Beslut: 2019\n", 9, 17,
     'sätt värdet inom citattecken, `note: "Beslut: 2019"`'),
    ("  - id: a\n\tfinancier: A\n", 8, 1, "en tabb står där YAML bara drar in med mellanslag"),
    ("  - {id: a, financier: @A, sector: public, form: cash, amount: 1000}\n", 7, 24, "`@` kan inte inleda ett värde"),
]


@pytest.mark.parametrize(
    ("body", "line", "column", "fix"), SYNTAX_CASES, ids=["brace", "quote", "colon-space", "colon-in-value", "tab", "reserved"]
)
def test_a_yaml_mistake_in_a_plan_is_told_in_swedish_where_the_fix_goes(write, body, line, column, fix):
    plan = write("finplan: 1\nproject:\n  name: Testprojekt\n  owner: Testregionen\ntotal: 1000\nfinancing:\n" + body)
    english, swedish = _check_both(plan)
    (finding,) = swedish.findings()
    assert (finding["code"], int(finding["line"]), int(finding["column"])) == ("FP000", line, column)
    assert finding["message"].startswith("filen är inte giltig YAML: ") and fix in finding["message"], finding["message"]
    assert not english_words(finding["message"]), finding["message"]
    assert "the file is not valid YAML: " in english.output


# -- Standard input --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_plan_read_from_standard_input_is_told_in_the_readers_language(language):
    plan = GOOD.replace("amount: 400", "amount: 4OO").replace("financier: A", "finansiar: A")
    result = CliRunner().invoke(app, ["--lang", language, "check", "-o", "concise", "-"], input=plan)
    assert result.exit_code == 2, result.output
    if language == "sv":
        assert '<stdin>:8:64: FP001 error `financing[1].amount` är "4OO"; förväntat: ett belopp som' in result.output
        assert "<stdin>:7:13: FP001 error okänd nyckel `finansiar` i `financing[0]`; menade du `financier`?" in result.output
        assert "expected" not in result.output
    else:
        assert '<stdin>:8:64: FP001 error `financing[1].amount` is "4OO"; expected an amount such as' in result.output
        assert "<stdin>:7:13: FP001 error unknown key `finansiar` in `financing[0]`; did you mean `financier`?" in result.output


# -- Pydantic's own errors, in finplan's words -----------------------------------------------------


@pytest.mark.parametrize(
    ("change", "english", "swedish"),
    [
        ("people: 0", "`financing[0].basis[0].people` is 0; expected 1 or more",
         "`financing[0].basis[0].people` är 0; förväntat: 1 eller mer"),
        ("people: 200000", "`financing[0].basis[0].people` is 200000; expected 100000 or less",
         "`financing[0].basis[0].people` är 200000; förväntat: 100000 eller mindre"),
        ("split: [{payer: EU, share: 50 %}]", "`financing[0].split` has 1 item; expected at least 2",
         "`financing[0].split` har 1 post; förväntat: minst 2"),
    ],
    ids=["at-least", "at-most", "too-few-items"],
)
def test_a_bound_pydantic_checks_is_told_in_finplans_words_in_both_languages(write, change, english, swedish):
    """Pydantic's own texts ("Input should be greater than or equal to 1") never reach a reader."""
    extra = f"basis: [{{hours: 1, rate: 5, {change}}}]" if change.startswith("people") else change
    plan = write(GOOD.replace("amount: 600}", f"amount: 600, {extra}}}"))
    en, sv = _check_both(plan)
    assert [f["message"] for f in en.findings()] == [english]
    assert [f["message"] for f in sv.findings()] == [swedish]


def test_a_key_that_is_a_number_where_a_name_belongs_is_an_unknown_key(write):
    en, sv = _check_both(write(GOOD + "1: x\n"))
    (finding,) = sv.findings()
    assert (finding["line"], finding["column"]) == ("9", "1")
    assert finding["message"].startswith("okänd nyckel `1`; förväntat: en av finplan, profiles, settings, project")
    assert "unknown key `1`; expected one of: finplan, profiles" in en.output
