"""Hostile links, revisions, frames files and names, each built here, run through the command line.

What a pull request can put in front of finplan: a link out of the folder
to a secret, a link git records as a blob, a configuration naming
/etc/passwd or a pipe as its frames file, a frame below zero, a name with a
control character, folders nested past Python's recursion limit, links that
loop. Each ends with exit 2 and one line, or with a correct report; none
quotes a file that is not a plan; none stalls (a stall fails the test at
STALL_SECONDS, far above the 2 s each case takes).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, SEED, run_finplan

SECRET = "token-3f9a1c55e2b84d0b9c7e6a1f2d3c4b5a"
STALL_SECONDS = 20

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FRAME = """\
frames:
  - appropriation: "Reg.tillväxt (anslag 1:1)"
    year: 2020
    amount: {amount}
"""


@pytest.fixture(autouse=True)
def no_stall():
    """A case that stalls fails here instead of hanging the run."""

    def stalled(signum, frame):
        raise TimeoutError(f"a case took more than {STALL_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(STALL_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every folder a test checks, whose text must never be shown."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(f"password: hunter2\ntoken: {SECRET}\n", encoding="utf-8")
    return path


def _plans(tmp_path: Path) -> Path:
    folder = tmp_path / "budgets"
    folder.mkdir()
    (folder / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    return folder


def _never_quoted(output: str) -> None:
    assert "token-" not in output and "hunter2" not in output, output
    assert "Traceback" not in output, output


# Discovery: folders and globs


def test_a_link_out_of_a_checked_folder_is_passed_over_with_a_note(tmp_path, secret):
    folder = _plans(tmp_path)
    (folder / "link.yaml").symlink_to(secret)
    run = run_finplan("check", folder)
    _never_quoted(run.output)
    assert run.exit_code == 0, run.output
    assert run.file_findings() == [{
        "file": str(folder / "link.yaml"), "code": "FP004", "severity": "info",
        "message": f"this file is a symbolic link that leads outside `{folder}`: not followed, passed over",
    }]
    assert f"{folder / 'plan.yaml'}: passes" in run.output


def test_a_link_to_a_folder_outside_is_not_entered_and_said(tmp_path, secret):
    folder = _plans(tmp_path)
    (secret.parent / "plan.yaml").write_text("finplan: 1\n" + SECRET + ": 1\n", encoding="utf-8")
    (folder / "shared").symlink_to(secret.parent, target_is_directory=True)
    run = run_finplan("check", folder)
    _never_quoted(run.output)
    assert run.exit_code == 0, run.output
    assert "shared: FP004 info this file is a symbolic link to a folder outside" in run.output


def test_a_link_inside_the_folder_is_followed(tmp_path):
    folder = _plans(tmp_path)
    (folder / "alias.yaml").symlink_to(folder / "plan.yaml")
    run = run_finplan("check", folder)
    assert run.exit_code == 0, run.output
    assert f"{folder / 'alias.yaml'}: passes" in run.output


def test_a_glob_passes_over_a_link_out_of_its_folder(tmp_path, secret):
    folder = _plans(tmp_path)
    (folder / "link.yaml").symlink_to(secret)
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.yaml").symlink_to(secret)
    run = run_finplan("check", f"{folder}/**/*.yaml")
    _never_quoted(run.output)
    assert run.exit_code == 0, run.output
    notes = {(f["file"], f["code"]) for f in run.file_findings()}
    assert notes == {(str(folder / "link.yaml"), "FP004"), (str(folder / "sub" / "deep.yaml"), "FP004")}


def test_links_that_loop_under_a_glob_end_at_once(tmp_path):
    folder = _plans(tmp_path)
    # glob.glob walked 2^40 paths here: each link leads back into the folder.
    (folder / "a").symlink_to(".", target_is_directory=True)
    (folder / "b").symlink_to(".", target_is_directory=True)
    for pattern in (f"{folder}/**/*.yaml", f"{folder}/**"):
        run = run_finplan("check", pattern)
        assert run.exit_code == 0, run.output
        assert run.output.count("passes (") == 1, run.output
    assert run_finplan("check", folder).exit_code == 0


@pytest.fixture
def deep(tmp_path: Path):
    """A plan 1 100 folders down: more levels than Python's default recursion limit of 1 000."""
    top, depth = tmp_path / "deep", 1100
    _nest(top, depth, MINIMAL)
    yield top
    _unnest(top, depth)


def test_folders_nested_past_the_recursion_limit_are_walked(deep):
    run = run_finplan("check", "--format", "concise", deep)
    assert run.exit_code == 0, run.output[-300:]
    assert run.output.endswith("1 file checked: 0 errors, 0 warnings, 0 notes\n"), run.output[-300:]


# os.makedirs and shutil.rmtree recurse once per level too; these go level by level, each step
# from the folder above (dir_fd), so that no call resolves a path a thousand folders long.


def _nest(top: Path, depth: int, plan: str) -> None:
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    with open(os.open("plan.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as stream:
        stream.write(plan)
    os.close(fd)


def _unnest(top: Path, depth: int) -> None:
    fds = [os.open(top, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("plan.yaml", dir_fd=fds[-1])
    for fd in reversed(fds[:-1]):
        os.close(fds.pop())
        os.rmdir("d", dir_fd=fd)
    os.close(fds.pop())
    top.rmdir()


# diff --rev


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "repo"
    (root / "budgets").mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    (root / "budgets" / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "a plan")
    monkeypatch.chdir(root)
    return root


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@needs_git
def test_rev_passes_over_a_working_tree_link_out_of_the_repository(repo, secret):
    (repo / "budgets" / "link.yaml").symlink_to(secret)
    run = run_finplan("diff", "--rev", "HEAD", "budgets")
    _never_quoted(run.output)
    assert run.exit_code == 0, run.output
    assert ("finplan: budgets/link.yaml is a symbolic link that leads outside the repository: not followed, "
            "passed over") in run.output
    assert "no plan changed; 1 unchanged" in run.output


@needs_git
def test_rev_never_reads_a_committed_link_as_a_plan(repo, secret):
    (repo / "budgets" / "link.yaml").symlink_to(secret)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "a link")
    assert "120000" in _git(repo, "ls-tree", "HEAD", "budgets/link.yaml")
    run = run_finplan("diff", "--rev", "HEAD~1..HEAD", "-o", "json")
    assert str(secret) not in run.output.split("finplan: ")[0]  # the link's text (its target) is no plan
    _never_quoted(run.output)
    assert run.exit_code == 0, run.output
    assert "budgets/link.yaml is a symbolic link: git holds the path it leads to, not a plan; passed over" in run.output
    assert '"plans": []' in run.output


@needs_git
def test_rev_passes_over_a_tracked_plan_whose_folder_became_a_link_out(repo, secret):
    (secret.parent / "plan.yaml").write_text("finplan: 1\n" + SECRET + ": x\n", encoding="utf-8")
    shutil.rmtree(repo / "budgets")
    (repo / "budgets").symlink_to(secret.parent, target_is_directory=True)
    run = run_finplan("diff", "--rev", "HEAD")
    _never_quoted(run.output)
    assert "budgets/plan.yaml is a symbolic link that leads outside the repository" in run.output


# Files that are not plans


@pytest.mark.parametrize(
    "content",
    [
        f"{SECRET}\n", f"- {SECRET}\n", f"{SECRET}: 1\nproject: hunter2\n", f'"{SECRET}"\n', f"total: {SECRET}\n",
        # Not YAML at all: a syntax error's words and the line under it would quote the file.
        f"root:{SECRET}:19000:0:99999:7:::\nuser: [x\n", f"password:{SECRET}\n", f'key = "{SECRET}": [\n',
        f"project: [{SECRET}\n", f"{SECRET}\x00\n",
    ],
)
def test_a_file_that_is_not_a_plan_is_one_line_quoting_nothing(write, content):
    path = write(content, "notes.yaml")
    run = run_finplan("check", path)
    _never_quoted(run.output)
    assert run.exit_code == 2
    assert run.output.splitlines()[0] == (
        f"{path}: FP001 error the file has no top-level `finplan:` key, so it is not a plan; a plan starts with "
        "`finplan: 1`"
    )


def test_a_plan_with_its_version_line_misspelt_is_still_told_at_its_line(write):
    # `project:` and `financing:` make it a plan: its own keys and values are quoted, at their lines.
    run = run_finplan("check", write(MINIMAL.replace("finplan: 1", "finplna: 1")))
    assert run.exit_code == 2
    assert ("1", "unknown key `finplna`; did you mean `finplan`?") in [(f["line"], f["message"]) for f in run.findings()]


def test_diff_of_a_file_that_is_not_a_plan_quotes_nothing(write):
    old = write(MINIMAL, "old.yaml")
    new = write(f"{SECRET}\n", "new.yaml")
    run = run_finplan("diff", old, new)
    _never_quoted(run.output)
    assert run.exit_code == 2


def test_a_file_named_on_the_command_line_is_read_but_never_quoted(tmp_path, secret):
    link = tmp_path / "named.yaml"
    link.symlink_to(secret)
    run = run_finplan("check", link)
    _never_quoted(run.output)
    assert run.exit_code == 2
    assert run.file_findings()[0]["message"] == (
        "the file has no top-level `finplan:` key, so it is not a plan; a plan starts with `finplan: 1`"
    )


@needs_git
def test_rev_quotes_nothing_of_a_yaml_file_that_is_not_a_plan(repo):
    (repo / "budgets" / "config.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    run = run_finplan("diff", "--rev", "HEAD", "budgets")
    _never_quoted(run.output)
    assert "the file has no top-level `finplan:` key, so it is not a plan" in run.output


# Frames


def _frames_config(folder: Path, frames: str) -> None:
    (folder / "finplan.toml").write_text(f'frames = "{frames}"\n', encoding="utf-8")


def _summary_here(folder: Path, monkeypatch, *args):
    (folder / "seed.yaml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(folder)
    return run_finplan("summary", "seed.yaml", *args)


@pytest.mark.parametrize("named", ["/etc/passwd", "secret", "inside"])
def test_a_configured_frames_path_to_a_file_that_is_not_frames_is_refused_unquoted(tmp_path, secret, monkeypatch, named):
    if named == "/etc/passwd" and not Path(named).is_file():
        pytest.skip("no /etc/passwd here")
    work = tmp_path / "work"
    work.mkdir()
    if named == "inside":  # within the configuration's folder: read, and refused as no frames
        path = "secret.txt"
        (work / path).write_bytes(secret.read_bytes())
    else:  # elsewhere on the machine: refused unread
        path = named if named.startswith("/") else str(secret)
    _frames_config(work, path)
    run = _summary_here(work, monkeypatch)
    _never_quoted(run.output)
    assert "root:" not in run.output
    assert run.exit_code == 2
    if named == "inside":
        assert run.output == f"finplan: frames file {path} has no top-level `frames:` key, so it is not a frames file\n"
    else:
        assert run.output == (
            f"finplan: configuration {work / 'finplan.toml'}: `frames` names {path}, "
            f"which leads outside the configuration's folder {work}\n"
        )


def test_a_mapping_whose_frames_key_is_not_at_the_top_is_refused(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "ramar.yaml").write_text(f"note: |\n  x\nframes:\n  - {SECRET}\n", encoding="utf-8")
    (work / "lista.yaml").write_text(f"- a\n- |\n  frames: {SECRET}\n", encoding="utf-8")
    run = _summary_here(work, monkeypatch, "--frames", "lista.yaml")
    _never_quoted(run.output)
    assert run.output == "finplan: frames file lista.yaml has no top-level `frames:` key, so it is not a frames file\n"
    assert run.exit_code == 2


def test_a_configured_frames_path_is_taken_from_the_configuration_folder(tmp_path, monkeypatch):
    (tmp_path / "ramar.yaml").write_text(FRAME.format(amount="5 000 000"), encoding="utf-8")
    _frames_config(tmp_path, "ramar.yaml")
    work = tmp_path / "plans"
    work.mkdir()
    run = _summary_here(work, monkeypatch)
    assert run.exit_code == 0, run.output
    assert "FP802" in run.output and "ramar.yaml:2:5" in run.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_frames_path_to_a_named_pipe_is_refused_without_waiting(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    os.mkfifo(work / "frames.yaml")
    _frames_config(work, "frames.yaml")
    run = _summary_here(work, monkeypatch)
    assert run.exit_code == 2
    assert run.output == (
        "finplan: frames file frames.yaml is not a regular file (a device, a named pipe or a socket); "
        "only a file is read\n"
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5 000 000", '`frames[0].amount` is "-5 000 000"; expected an amount of 0 or more: a frame cannot be below zero'),
        ("-1", "`frames[0].amount` is -1; expected an amount of 0 or more: a frame cannot be below zero"),
        ("-0.50", "`frames[0].amount` is -0.50; expected an amount of 0 or more: a frame cannot be below zero"),
        ("fem miljoner", '`frames[0].amount` is "fem miljoner"; expected an amount such as 2658128'),
        ("5e6", '`frames[0].amount` is 5E+6; write the amount in full, without an exponent'),
        ("[5]", "`frames[0].amount` is a list; expected an amount such as 2658128"),
    ],
)
def test_a_negative_or_non_numeric_frame_is_refused_at_its_line(write, amount, message):
    frames = write(FRAME.format(amount=amount), "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert run.output.startswith(f"finplan: frames file {frames}:4:13: {message}"), run.output
    assert run.output.count("\n") == 1


def test_a_zero_frame_is_a_frame(write):
    frames = write(FRAME.format(amount="0"), "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 0, run.output
    assert "FP802" in run.output


def test_a_frames_file_repeats_at_most_40_characters_of_a_name(write):
    name = "Reg.tillväxt " + "x" * 5000
    frames = write(f"frames:\n  - {{appropriation: {name}, year: 2020, amount: 1}}\n"
                   f"  - {{appropriation: {name}, year: 2020, amount: 2}}\n", "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert run.output == (
        f"finplan: frames file {frames}:3:5: a second frame for `{name[:40]}…` in 2020; the first is on line 2\n"
    )
    key = "k" * 1000  # YAML's limit for a key written without `? ` is 1 024 characters
    frames = write(f"frames:\n  - {{appropriation: X, year: 2020, amount: 1, {key}: 1}}\n", "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert f"unknown key `{key[:40]}…`; expected one of" in run.output and len(run.output) < 300


def test_a_control_character_in_a_frames_file_is_refused_at_its_escape(write):
    frames = write('frames:\n  - {appropriation: "Reg.tillväxt\\e[2J", year: 2020, amount: 5}\n', "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert run.output == (
        f"finplan: frames file {frames}:2:34: `frames[0].appropriation` holds the control character U+001B, "
        "which no report can show; remove it\n"
    )


# Names: control characters


def _plan_with_financier(financier: str) -> str:
    return MINIMAL.replace("financier: A,", f"financier: {financier},")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        (r'"Jämtkraft\x07 AB"', "0007"), (r'"Jämtkraft\a AB"', "0007"), (r'"Jämtkraft\u0007 AB"', "0007"),
        (r'"Jämtkraft\U0000001b AB"', "001B"), (r'"Jämtkraft\e AB"', "001B"), (r'"Jämtkraft\0 AB"', "0000"),
        (r'"Jämtkraft\r AB"', "000D"), (r'"Jämtkraft\x7f AB"', "007F"), (r'"Jämtkraft\N AB"', "0085"),
        (r'"Jämtkraft\u009b AB"', "009B"), (r'"Jämtkraft\\\b AB"', "0008"),
    ],
)
def test_a_control_character_in_a_name_is_refused_at_its_escape(write, written, code):
    path = write(_plan_with_financier(written))
    run = run_finplan("check", path)
    assert run.exit_code == 2
    (finding,) = run.findings()
    column = 24 + written.rindex("\\")  # the value starts at column 24; its escape stands this far in
    assert (finding["code"], finding["line"], finding["column"]) == ("FP001", "9", str(column)), run.output
    assert finding["message"] == (
        f"`financing[0].financier` holds the control character U+{code}, which no report can show; remove it"
    )
    assert "could not be checked" in run.output


def test_a_control_character_in_a_key_is_refused_without_echoing_it(write):
    path = write(MINIMAL.replace("  name: Testprojekt", '  "na\\x1b]0;pwned\\x07me": Testprojekt'))
    run = run_finplan("check", path)
    assert run.exit_code == 2
    (finding,) = run.findings()
    assert (finding["line"], finding["column"]) == ("4", "6")
    assert finding["message"] == "a key holds the control character U+001B, which no report can show; remove it"
    assert "\x1b" not in run.output and "\x07" not in run.output


def test_every_control_character_is_found_in_the_order_of_the_file(write):
    text = _plan_with_financier(r'"A\a"').replace("financier: B,", r'financier: "B\x01",')
    path = write(text.replace("owner: Testregionen", r'owner: "Test\tregionen\n"'))
    run = run_finplan("check", path)
    assert [(f["line"], f["message"][:24]) for f in run.findings()] == [
        ("9", "`financing[0].financier`"), ("10", "`financing[1].financier`"),
    ]


@pytest.mark.parametrize(
    "written",
    [r'"Jämtkraft\t AB"', r'"Jämtkraft\\a AB"', r"'Jämtkraft\a AB'", r"Jämtkraft\a AB", r'"C:\\x07"', r'"Jämtkraft\x41B"'],
)
def test_text_that_only_looks_like_a_control_escape_passes(write, written):
    run = run_finplan("check", write(_plan_with_financier(written)))
    assert run.exit_code == 0, run.output


def test_the_refusal_of_a_control_character_in_swedish(write):
    path = write(_plan_with_financier(r'"Jämtkraft\x07 AB"'))
    run = run_finplan("--lang", "sv", "check", path)
    assert run.exit_code == 2
    assert "`financing[0].financier` innehåller styrtecknet U+0007, som ingen rapport kan visa; ta bort det" in run.output


def test_a_quoted_value_with_a_line_break_stays_on_its_messages_line(write):
    # Found by fuzz/fuzz_frames.py: `amount: "\n"` made a refusal of two lines.
    path = write(MINIMAL.replace("total: 1000", 'total: "10\\n00"'))
    run = run_finplan("check", "--format", "concise", path)
    assert run.exit_code == 2
    assert run.output.splitlines()[0] == (
        f'{path}:7:8: FP001 error `total` is "10\\n00"; expected an amount such as 2658128, 2_658_128, "2 658 128" '
        "or 1234.50; digit groups are separated by one space or underscore every three digits"
    )
    frames = write(FRAME.format(amount='"\\t\\n"'), "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2 and run.output.count("\n") == 1
    assert '`frames[0].amount` is "\\t\\n"; expected an amount' in run.output
