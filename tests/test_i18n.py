"""The interface in Swedish and English: how the language is chosen, what is translated,
that the catalog is complete, and the .po reader it rests on."""

from __future__ import annotations

import gettext
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from catalog_tools import PoError, check_po, data_file_places, marked_messages, with_references
from conftest import ROOT, SEED, run_finplan, without_messages

from finplan import i18n
from finplan.i18n import choose_language, compile_mo, locale_language, parse_po

SOURCE = ROOT / "src" / "finplan"
CATALOG = SOURCE / "locale" / "sv" / "LC_MESSAGES" / "finplan.po"

# The seed's text report: headings, column headers, labels and summary line, in each language.
SWEDISH = [
    "Finansiering", "Finansiär", "Slag", "Belopp", "Andel", "Summa", "Delsummor av finansieringen",
    "offentlig kontant", "privat kontant", "offentlig i annat än pengar", "föreslagen", "sökt", "beslutad",
    "Tak och golv", "Satt av", "Rader", "Gräns", "Marginal", "högst 19 283 328,50 kr", "0,50 kr över",
    "50 % av totalen 38 566 657 kr", "Gällande värden", "Inställning", "Värde", "Källa", "1 720 timmar",
    "(36 månader) · totalt 38 566 657 kr",
    "budgets/attraktiv.yaml: godkänd (0 fel, 3 varningar, 0 upplysningar)",
]
ENGLISH = [
    "Financing", "Financier", "Kind", "Amount", "Share", "Sum", "Subtotals of the financing",
    "public cash", "private cash", "public in kind", "proposed", "applied", "decided",
    "Caps and floors", "Set by", "Lines", "Limit", "Margin", "at most 19 283 328,50 kr", "0,50 kr over",
    "50 % of the total 38 566 657 kr", "Numbers in force", "Setting", "Value", "Source", "1 720 hours",
    "(36 months) · total 38 566 657 kr",
    "budgets/attraktiv.yaml: passes (0 errors, 3 warnings, 0 notes)",
]


def _report(run) -> str:
    """The output without the findings' lines, whose messages the rules write (English in both languages)."""
    return "\n".join(line for line in run.output.splitlines() if not re.match(r"^\S+:\d+:\d+: FP\d{3} ", line))


def _assert_swedish(output: str) -> None:
    for text in SWEDISH:
        assert text in output, text
    for text in ENGLISH:
        assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", output), text


def _assert_english(output: str) -> None:
    for text in ENGLISH:
        assert text in output, text
    for text in SWEDISH:
        assert text not in output, text


# -- Choosing the language ---------------------------------------------------------------------


def test_a_swedish_locale_prints_the_seeds_report_in_swedish():
    run = run_finplan("check", SEED, env={"LANG": "sv_SE.UTF-8"})
    assert run.exit_code == 0
    _assert_swedish(_report(run))


def test_the_command_itself_under_a_swedish_locale():
    """As a user runs it: a fresh process, LANG=sv_SE.UTF-8 and nothing else."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(LANG="sv_SE.UTF-8", COLUMNS="120")
    done = subprocess.run(
        [sys.executable, "-m", "finplan", "check", "budgets/attraktiv.yaml"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert done.returncode == 0, done.stderr
    _assert_swedish(_report(type("Run", (), {"output": done.stdout})))


def test_lang_en_overrides_a_swedish_locale_before_or_after_the_command():
    for args in (("--lang", "en", "check", SEED), ("check", "--lang", "en", SEED)):
        run = run_finplan(*args, env={"LANG": "sv_SE.UTF-8"})
        assert run.exit_code == 0
        _assert_english(_report(run))


def test_lang_sv_without_a_swedish_locale():
    for args in (("--lang", "sv", "check", SEED), ("check", SEED, "--lang", "sv")):
        run = run_finplan(*args, env={"LANG": "C.UTF-8"})
        _assert_swedish(_report(run))


def test_an_english_locale_gives_english():
    run = run_finplan("check", SEED, env={"LANG": "en_GB.UTF-8"})
    _assert_english(_report(run))


def test_lang_in_the_configuration_of_the_working_folder(tmp_path, monkeypatch):
    shutil.copy(SEED, tmp_path / "attraktiv.yaml")
    (tmp_path / "finplan.toml").write_text('lang = "sv"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("check", "attraktiv.yaml", env={"LANG": "C.UTF-8"})
    assert "attraktiv.yaml: godkänd (0 fel, 3 varningar, 0 upplysningar)" in run.output
    assert "Delsummor av finansieringen" in run.output
    # The flag wins over the configuration.
    run = run_finplan("--lang", "en", "check", "attraktiv.yaml")
    assert "attraktiv.yaml: passes (0 errors, 3 warnings, 0 notes)" in run.output


def test_lang_in_pyproject_and_over_the_locale(tmp_path, monkeypatch):
    shutil.copy(SEED, tmp_path / "attraktiv.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.finplan]\nlang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("check", "attraktiv.yaml", env={"LANG": "sv_SE.UTF-8"})
    assert "attraktiv.yaml: passes (0 errors, 3 warnings, 0 notes)" in run.output


def test_an_unknown_lang_in_the_configuration_is_an_input_error(tmp_path, monkeypatch):
    shutil.copy(SEED, tmp_path / "attraktiv.yaml")
    (tmp_path / "finplan.toml").write_text('lang = "de"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("check", "attraktiv.yaml")
    assert run.exit_code == 2
    assert "lang" in run.output and "Traceback" not in run.output


def test_an_unknown_lang_flag_is_a_usage_error():
    run = run_finplan("--lang", "de", "check", SEED)
    assert run.exit_code == 2
    assert "'de' is not one of 'en', 'sv'" in run.output


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_FI"}, "sv"),
        ({"LC_MESSAGES": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
        ({"LC_ALL": "C", "LANG": "sv_SE.UTF-8"}, None),  # LC_ALL wins, as POSIX orders them
        ({"LC_ALL": "", "LANG": "sv_SE.UTF-8"}, "sv"),  # set but empty counts as not set
        ({"LANG": "en_GB.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_locale_asks_for_swedish_by_its_first_set_variable(environ, expected):
    assert locale_language(environ) == expected


def test_the_order_flag_configuration_locale_english():
    swedish = {"LANG": "sv_SE.UTF-8"}
    assert choose_language("en", "sv", swedish) == "en"
    assert choose_language(None, "en", swedish) == "en"
    assert choose_language(None, None, swedish) == "sv"
    assert choose_language(None, None, {}) == "en"


# -- What the language changes, and what it does not --------------------------------------------


def test_the_concise_closing_line_and_the_counts(write):
    plan = write(SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658"))
    sv = run_finplan("--lang", "sv", "check", plan, "-o", "concise")
    assert sv.output.rstrip().endswith("\n1 fil kontrollerad: 1 fel, 2 varningar, 0 upplysningar")
    en = run_finplan("--lang", "en", "check", plan, SEED, "-o", "concise")
    assert en.output.rstrip().endswith("\n2 files checked: 1 error, 5 warnings, 0 notes")


def test_the_run_summary_over_several_files(write):
    failing = write(SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658"))
    run = run_finplan("--lang", "sv", "check", SEED, failing)
    assert (
        "2 filer kontrollerade: godkända: 1, underkända: 1, kunde inte kontrolleras: 0 (1 fel, 5 varningar, 0 upplysningar)"
        in run.output
    )
    assert f"{failing}: underkänd (1 fel, 2 varningar, 0 upplysningar)" in run.output


def test_json_codes_keys_and_fingerprints_are_the_same_in_both_languages():
    english = json.loads(run_finplan("--lang", "en", "check", SEED, "-o", "json").output)
    swedish = json.loads(run_finplan("--lang", "sv", "check", SEED, "-o", "json").output)
    assert without_messages(swedish) == without_messages(english)
    assert [f["code"] for f in swedish["files"][0]["findings"]] == ["FP412", "FP412", "FP502"]


def test_the_rules_table_in_swedish():
    run = run_finplan("--lang", "sv", "rules")
    assert run.output.startswith("Regler")
    for header in ("Kod", "Namn", "Allvarlighet", "Gäller", "Kontrollerar"):
        assert header in run.output
    assert "varje plan" in run.output and "every plan" not in run.output
    assert "FP501" in run.output  # codes stay codes


def test_help_in_swedish_from_the_locale_and_from_the_flag():
    root = run_finplan("--help", env={"LANG": "sv_SE.UTF-8"})
    assert "Kontrollerar finansieringsplaner för regionala utvecklingsprojekt" in root.output
    assert "Kontrollera finansieringsplaner: summor" in root.output  # the commands' one-line help
    assert "Kommandon:" in root.output and "Commands:" not in root.output
    check = run_finplan("--lang", "sv", "check", "--help")
    assert "Underkänn även vid varningar." in check.output
    assert "Fail on warnings too." not in check.output
    # Click's own words too: the usage line, the headings, [required], the help option.
    assert check.output.startswith("Användning: finplan check")
    assert "Argument:" in check.output and "Flaggor:" in check.output and "[krävs]" in check.output
    assert "Visa den här hjälpen och avsluta." in check.output
    for english in ("Usage:", "Options:", "Arguments:", "[required]", "Show this message and exit."):
        assert english not in check.output, english
    english = run_finplan("--lang", "en", "check", "--help", env={"LANG": "sv_SE.UTF-8"})
    assert "Fail on warnings too." in english.output
    assert english.output.startswith("Usage: finplan check") and "[required]" in english.output


def test_the_command_lines_own_messages_in_swedish():
    run = run_finplan("--lang", "sv", "check", "--strict", "true")
    assert run.exit_code == 2
    assert "'true' är ingen planfil; flaggor som --strict och --exit-zero tar inget värde" in run.output
    run = run_finplan("--lang", "sv", "rule", "FP999")
    assert "ingen regel FP999; `finplan rules` listar dem" in run.output


def test_a_run_in_swedish_leaves_the_next_one_english():
    run_finplan("--lang", "sv", "check", SEED)
    assert "passes (0 errors, 3 warnings, 0 notes)" in run_finplan("check", SEED).output


# -- The catalog is complete, and nothing in it is stale --------------------------------------------


def _marked() -> dict[tuple[str, ...], list[str]]:
    """Every text the catalog must translate: marked in the code, written in the profiles' data files, and
    the starting plan's comments; each with where it is (a data file's with its line)."""
    from finplan.templates import template_text, texts

    found: dict[tuple[str, ...], list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for message in marked_messages(path.read_text(encoding="utf-8")):
            found.setdefault(message, []).append(path.relative_to(SOURCE.parent).as_posix())
    for text, places in data_file_places(SOURCE).items():
        found.setdefault((text,), []).extend(places)
    for text in texts(template_text()):
        found.setdefault((text,), []).append("finplan/templates/plan.yaml")
    for where, text in _documentation():
        found.setdefault((text,), []).append(where)
    return found


def _documentation() -> list[tuple[str, str]]:
    """(where, text) for every paragraph of every code's documentation and every code's source."""
    from finplan.codes import FAMILY_MODULES, Code

    return [
        (f"{module.__name__.replace('.', '/')}.py", text)
        for module in FAMILY_MODULES
        for item in vars(module).values() if isinstance(item, Code)
        for text in (*item.paragraphs, item.source) if text
    ]


def _catalog() -> dict[tuple[str, ...], i18n.PoEntry]:
    entries = parse_po(CATALOG.read_text(encoding="utf-8"))
    return {
        (e.msgid,) if e.msgid_plural is None else (e.msgid, e.msgid_plural): e for e in entries if e.msgid
    }


def test_every_marked_message_has_a_swedish_translation():
    catalog = _catalog()
    marked = _marked()
    assert len(marked) > 100  # the extraction finds the marked texts at all
    missing = {m: where for m, where in marked.items() if m not in catalog or not catalog[m].translated}
    # The failure lists the entries to add, ready to translate and paste into the catalog.
    assert not missing, f"no Swedish in {CATALOG.name} for:\n\n" + "\n".join(_stub(m, w) for m, w in missing.items())


def _stub(message: tuple[str, ...], where: list[str]) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [f"#: {' '.join(sorted(set(where)))}", f"msgid {quoted(message[0])}"]
    if len(message) == 2:
        lines += [f"msgid_plural {quoted(message[1])}", 'msgstr[0] ""', 'msgstr[1] ""']
    else:
        lines.append('msgstr ""')
    return "\n".join(lines) + "\n"


def test_the_catalog_is_well_formed():
    """The package reads its catalog trusting its form; a translator's slip is found here, with its line."""
    check_po(CATALOG.read_text(encoding="utf-8"))


def test_every_message_is_in_the_catalog_once():
    """Branches add their entries at the catalog's end and git keeps both sides: a text added twice would
    be translated by whichever came last."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in parse_po(CATALOG.read_text(encoding="utf-8")):
        key = (entry.msgctxt, entry.msgid)
        assert key not in seen, f"{entry.msgid!r} is in the catalog twice, at lines {seen[key]} and {entry.line}"
        seen[key] = entry.line


def test_every_catalog_entry_is_still_used():
    stale = set(_catalog()) - set(_marked())
    assert not stale, f"{CATALOG.name} translates texts no longer in the code: {stale}"


def test_the_profiles_texts_refer_to_the_data_files_and_lines_they_are_written_on():
    """A translator finds a source or meaning where it is written; `python tests/catalog_tools.py` refreshes
    these references after a data file changes."""
    written = data_file_places(SOURCE)
    assert len(written) > 100
    text = CATALOG.read_text(encoding="utf-8")
    assert with_references(text, written) == text, "stale references: run `python tests/catalog_tools.py`"


def test_translations_keep_the_placeholders_of_their_message():
    field = re.compile(r"\{(\w*)\}")
    for message, entry in _catalog().items():
        expected = set(field.findall(message[-1]))
        for text in entry.msgstr.values():
            assert set(field.findall(text)) == expected, (message, text)


def test_the_catalog_header_declares_utf8_and_swedish_plurals():
    translations = gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(CATALOG.read_text(encoding="utf-8")))))
    assert translations.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"
    assert translations.ngettext("{n} warning", "{n} warnings", 1) == "{n} varning"
    assert translations.ngettext("{n} warning", "{n} warnings", 0) == "{n} varningar"


def test_no_module_that_translates_binds_the_name_of_the_translator():
    """`for _, x in ...` in a function that calls `_()` makes `_` a local there: the call then fails."""
    import ast

    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = any(
            isinstance(node, ast.ImportFrom) and node.module == "finplan.i18n" and any(a.name == "_" for a in node.names)
            for node in ast.walk(tree)
        )
        if imports:
            bound = [
                node.lineno for node in ast.walk(tree)
                if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            ]
            assert not bound, f"{path.relative_to(SOURCE)} binds `_` on lines {bound}"


def test_marking_finds_gettext_calls_as_written():
    source = (
        'x = _("one")\n'
        'y = N_("two " "parts")\n'
        'z = ngettext("{n} file", "{n} files", n)\n'
        "w = _(name)\n"  # a variable: translated where shown, marked where it is defined
        'v = other("not marked")\n'
    )
    assert marked_messages(source) == [("one",), ("two parts",), ("{n} file", "{n} files")]


# -- The .po reader -------------------------------------------------------------------------------

PO = r'''# a translator's comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: somewhere.py
msgid "Financing"
msgstr "Finansiering"

msgid ""
"a long text "
"over lines"
msgstr "en lång text "
"över rader"

msgid "say \"cash\"\tthen\\now\n"
msgstr "säg \"kontant\"\tsedan\\nu\n"

msgctxt "table"
msgid "Total"
msgstr "Totalt"

msgid "Total"
msgstr "Summa"

msgid "{n} line"
msgid_plural "{n} lines"
msgstr[0] "{n} rad"
msgstr[1] "{n} rader"

#, fuzzy
msgid "Margin"
msgstr "Marginal?"

msgid "Limit"
msgstr ""
msgid "Set by"
msgstr "Satt av"

#~ msgid "Gone"
#~ msgstr "Borta"
'''


def _translations(text: str) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(text))))


def test_the_reader_takes_continued_strings_escapes_contexts_and_plurals():
    check_po(PO)
    entries = parse_po(PO)
    assert [e.msgid for e in entries][:3] == ["", "Financing", "a long text over lines"]
    assert entries[1].line == 8
    t = _translations(PO)
    assert t.gettext("Financing") == "Finansiering"
    assert t.gettext("a long text over lines") == "en lång text över rader"
    assert t.gettext('say "cash"\tthen\\now\n') == 'säg "kontant"\tsedan\\nu\n'
    assert t.pgettext("table", "Total") == "Totalt"
    assert t.gettext("Total") == "Summa"
    assert [t.ngettext("{n} line", "{n} lines", n) for n in (0, 1, 2)] == ["{n} rader", "{n} rad", "{n} rader"]
    assert t.gettext("Set by") == "Satt av"  # an entry right after another, with no blank line


def test_fuzzy_and_untranslated_entries_fall_back_to_english():
    t = _translations(PO)
    assert t.gettext("Margin") == "Margin"
    assert t.gettext("Limit") == "Limit"
    assert t.gettext("Gone") == "Gone"  # obsolete entries are comments
    flags = {e.msgid: e.flags for e in parse_po(PO)}
    assert flags["Margin"] == {"fuzzy"}


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('msgid "a"\nmsgstr "b', 2, "expected a quoted string"),
        ('msgid "a"\nmsgstr "b\\q"', 2, "unknown escape \\q"),
        ('msgid "a"\nmsgstr "b"c"', 2, 'a quote inside a string must be written \\"'),
        ('msgid "a"\nmsgstr "b\\"', 2, "a string is not closed: its last quote is escaped"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[x] "b"', 3, "bad plural index"),
        ('msgid "a"\nmsgtxt "b"', 2, "unknown keyword 'msgtxt'"),
        # Entries out of order, at the line their entry starts: a string with nothing before it, a msgstr
        # parted from its msgid, a msgid twice, a plural without its msgstr[N], a msgctxt after its msgid.
        ('msgid "a"\nmsgstr "b"\n\n"stray"\nmsgid "c"\nmsgstr "d"', 4, "an entry is msgctxt (if any), msgid, then"),
        ('msgid "a"\n\nmsgstr "b"', 1, "an entry is"),
        ('msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgid "d"\nmsgstr "e"', 3, "an entry is"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"', 1, "an entry is"),
        ('msgid "a"\nmsgctxt "t"\nmsgstr "b"', 1, "an entry is"),
    ],
)
def test_a_malformed_catalog_is_refused_with_its_line(text, line, problem):
    with pytest.raises(PoError) as caught:
        check_po(text)
    assert caught.value.line == line
    assert problem in str(caught.value)


def test_the_empty_text_is_not_the_catalogs_header():
    i18n.set_language("sv")
    try:
        assert i18n._("") == ""
        assert i18n._("Financing") == "Finansiering"
        assert i18n._("a text no catalog has") == "a text no catalog has"
    finally:
        i18n.set_language("en")


def test_the_catalog_is_installed_with_the_package():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["finplan"]
    relative = CATALOG.relative_to(SOURCE).as_posix()
    assert any(Path(relative).match(pattern) for pattern in patterns)


# -- The Swedish README and the glossary ---------------------------------------------------------------


def _commands(markdown: str) -> list[str]:
    """The indented command lines of a README, without their comments; an example finding line is no command."""
    return [
        line.split("  #")[0].rstrip() for line in markdown.splitlines()
        if line.startswith("    ") and not re.match(r"\s+\S+:\d+:\d+: FP\d{3} ", line)
    ]


def test_the_swedish_readme_has_the_english_readmes_commands_word_for_word():
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    swedish = (ROOT / "README.sv.md").read_text(encoding="utf-8")
    assert _commands(swedish) == _commands(english)
    assert "(README.sv.md)" in english and "(README.md)" in swedish


def test_the_swedish_readmes_example_is_what_finplan_prints():
    swedish = (ROOT / "README.sv.md").read_text(encoding="utf-8")
    example = re.search(r"```\n\$ LANG=sv_SE.UTF-8 finplan check budgets/attraktiv.yaml\n(.*?)```", swedish, re.DOTALL)
    run = run_finplan("check", "budgets/attraktiv.yaml", env={"LANG": "sv_SE.UTF-8"})
    printed = [line.rstrip() for line in run.output.splitlines()]
    shown = [line for line in example.group(1).splitlines() if line != "..."]
    assert len(shown) > 5
    for line in shown:
        assert line in printed, line


def test_the_glossary_gives_each_handbook_term_its_swedish_and_a_source():
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| English")
    ]
    assert all(len(row) == 3 and all(row) for row in rows)
    swedish = " ".join(row[1] for row in rows)
    for term in (
        "finansieringsplan", "kostnadsbudget", "medfinansiering", "bidrag i annat än pengar", "offentlig",
        "privat", "kontant", "schablon", "förskott", "beräkningsunderlag", "beslutad / sökt / föreslagen",
        "andel", "tak", "golv", "marginal",
    ):
        assert term in swedish, term


# -- Messages: built in English, shown in the reader's language ------------------------------------


def test_a_message_is_its_english_text_and_renders_in_the_current_language():
    from finplan.i18n import Message, set_language

    message = Message("{amount} over", amount="100 kr")
    assert message == "100 kr over" and isinstance(message, str)
    try:
        set_language("sv")
        assert i18n._(message) == "100 kr över"
        assert message == "100 kr over"  # its identity does not follow the language
    finally:
        set_language("en")
    assert i18n._(message) == "100 kr over"


def test_nested_messages_plurals_and_lists_render_in_swedish():
    from finplan.findings import some
    from finplan.i18n import Message, Plural, set_language
    from finplan.money import difference, format_points

    gap = difference(Decimal("38566757"), Decimal("38566657"))
    points = format_points(Decimal("2.5"))
    listed = some([f"line-{n}" for n in range(7)])
    try:
        set_language("sv")
        assert i18n._(gap) == "100 kr över"
        assert i18n._(points) == "2,5 procentenheter"
        assert i18n._(Plural("{size} percentage point", "{size} percentage points", n=1, size="1")) == "1 procentenhet"
        assert i18n._(listed) == "line-0, line-1, line-2, line-3, line-4 och 2 till"
        assert i18n._(Message("{items}, and {more} more", items=gap, more=1)) == "100 kr över och 1 till"
    finally:
        set_language("en")
    assert (gap, points, listed) == ("100 kr over", "2,5 percentage points", "line-0, line-1, line-2, line-3, line-4, and 2 more")


def test_a_message_crosses_to_a_worker_process_and_back_whole():
    """A folder is checked by forked workers; their findings come back pickled, still translatable."""
    import pickle

    from finplan.i18n import Message, Plural, set_language

    original = Message("{items}, and {more} more", items=Plural("{size} percentage point", "{size} percentage points", n=2, size="2"), more=3)
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original and type(copy) is Message
    try:
        set_language("sv")
        assert i18n._(copy) == "2 procentenheter och 3 till"
    finally:
        set_language("en")


def _limit(name):
    from finplan.diff.compare import Limit

    return Limit(name, ("anslag-1-1",), Decimal(1), None, None, Decimal(1), Decimal(0))


def _violation(message):
    from finplan.rules.base import Violation

    return Violation(("total",), message)


def _finding(message):
    from finplan.findings import Finding, Severity

    return Finding("FP101", Severity.ERROR, message)


def _input_error(message):
    from finplan.errors import InputError

    return InputError(message)


@pytest.mark.parametrize("build", [_finding, _violation, _input_error, _limit])
def test_a_plain_str_is_refused_where_a_message_belongs(build):
    """Findings, the rules' violations, input errors and a diff's caps reach a writer before the reader's
    language is known: a plain `str` (an f-string, a text translated too soon) would read the same in
    every language, so it fails where it is made, in whichever test or run makes it."""
    from finplan.i18n import Message, Plural, join

    for plain in (f"{100} kr over", i18n._("total"), Message("total") + " over"):
        with pytest.raises(TypeError, match="must be a finplan.i18n.Message"):
            build(plain)
    for message in (Message("{amount} over", amount="100 kr"), Plural("{n} row", "{n} rows", n=2), join(["a", "b"])):
        build(message)


def test_a_baseline_written_in_english_accepts_the_same_findings_in_swedish(tmp_path):
    baseline = tmp_path / "baseline.json"
    written = run_finplan("--lang", "en", "check", SEED, "--write-baseline", str(baseline))
    assert written.exit_code == 0 and baseline.exists()
    strict = run_finplan("--lang", "sv", "check", SEED, "--strict")
    assert strict.exit_code == 1  # the seed's three warnings fail a strict run
    accepted = run_finplan("--lang", "sv", "check", SEED, "--strict", "--baseline", str(baseline), "-o", "json")
    assert accepted.exit_code == 0
    assert json.loads(accepted.output)["files"][0]["findings"] == []


# -- The starting plan ---------------------------------------------------------------------------


def _without_comments(template: str) -> list[str]:
    """The template's YAML and commented examples, every note and prose comment left out."""
    from finplan.templates import _is_prose, _note

    kept = []
    for line in template.splitlines():
        if _is_prose(line):
            continue
        note = _note(line)
        kept.append((line[: note.start(1)] if note else line).rstrip(" #"))
    return kept


def test_init_writes_the_starting_plan_with_swedish_comments_and_the_same_yaml(tmp_path):
    english, swedish = tmp_path / "en.yaml", tmp_path / "sv.yaml"
    assert run_finplan("--lang", "en", "init", str(english)).exit_code == 0
    assert run_finplan("--lang", "sv", "init", str(swedish)).exit_code == 0
    en, sv = english.read_text(encoding="utf-8"), swedish.read_text(encoding="utf-8")
    assert "# En finansieringsplan för finplan, formatversion 1 (docs/plan-format.md)." in sv
    assert "  case: RUN/1/2026                 # diarienummer; utelämna det om dokumentet inte anger något" in sv
    assert "#     # paid_as: unit_costs        # en förenklad kostnad: unit_costs (enhetskostnader)" in sv
    assert "#                              # interreg, interreg_no (norska Interregmedel)" in sv
    assert "leave it out" not in sv and "Replace the examples" not in sv
    assert _without_comments(sv) == _without_comments(en)
    assert run_finplan("check", str(swedish)).output == run_finplan("check", str(english)).output.replace("en.yaml", "sv.yaml")
