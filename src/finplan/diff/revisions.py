"""Plans as they were at git revisions, and the pairs of versions to compare.

git is run as a program with a list of arguments, never through a shell; a
revision or path is never read as an option (`--end-of-options`, `--`).
Blobs are read with one `git cat-file --batch` for all plans of a revision,
not one process a file. A plan is matched by its path; a plan whose path
appears on one side only is matched by its `project.case` with one on the
other side: a renamed plan.

A symbolic link is passed over on both sides, with a note: git holds a link
as the path it leads to (mode 120000), which is no plan, and a link in the
working tree that leads outside the repository (to a secret, a device) is
never opened. Its target, where it is a plan in the repository, is compared
under its own name.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict, deque
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath

from finplan.batch import across_cores
from finplan.diff.compare import DiffRun, compare
from finplan.discover import PLAN_SUFFIXES
from finplan.errors import InputError
from finplan.findings import CheckResult
from finplan.i18n import Message, current_language, set_language

WORKING_TREE = Message("working tree")

Content = bytes | InputError
"""A plan's bytes, or why it could not be read."""

Links = dict[str, Message]
"""The links passed over, by repository path, each with the note that says so."""

_LINK_MODE = "120000"


_NO_GIT = Message("git is not installed, or not on PATH; --rev needs it")


def _git(root: Path | None, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        # Paths are paths, never patterns: `budgets/x*` names that folder alone.
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args], cwd=root, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise InputError(_NO_GIT) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else Message("exit {code}", code=done.returncode)
        raise InputError(Message("git {command} failed: {reason}", command=args[0], reason=reason))
    return done.stdout


def repository(start: Path | None = None) -> Path:
    """The top folder of the git repository holding `start` (the working folder)."""
    try:
        out = _git(start or Path.cwd(), "rev-parse", "--show-toplevel")
    except InputError as error:
        if error.message == _NO_GIT:
            raise
        raise InputError(Message("--rev needs a git repository, and the working folder is not in one")) from None
    return Path(out.decode("utf-8").strip())


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names; InputError when there is none."""
    if not revision or revision.startswith("-"):
        raise InputError(Message("{revision} is not a revision", revision=repr(revision)))
    try:
        out = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except InputError:
        raise InputError(
            Message("unknown revision {revision}: no commit of that name in {root}", revision=repr(revision), root=root)
        ) from None
    return out.decode("ascii").strip()


Side = tuple[str | None, str]
"""A commit (None for the working tree) and how the report names it."""


def revisions(root: Path, text: str) -> tuple[Side, Side]:
    """`A..B` -> A and B; `A...B` -> the merge base of A and B, and B; `A` -> A and the working tree."""
    if "..." in text:
        first, _, second = (part or "HEAD" for part in text.partition("..."))
        old, new = resolve(root, first), resolve(root, second)
        try:
            base = _git(root, "merge-base", old, new).decode("ascii").strip()
        except InputError:
            raise InputError(
                Message("{first} and {second} have no common ancestor", first=first, second=second)
            ) from None
        label = Message("{range} (merge base {commit})", range=f"{first}...{second}", commit=base[:10])
        return (base, label), (new, second)
    if ".." in text:
        first, _, second = (part or "HEAD" for part in text.partition(".."))
        return (resolve(root, first), first), (resolve(root, second), second)
    return (resolve(root, text), text), (None, WORKING_TREE)


def in_repository(root: Path, paths: list[str]) -> list[str]:
    """The command line's paths from the repository's top folder; InputError for one outside it."""
    named = []
    for text in paths:
        try:
            named.append((Path(text).resolve().relative_to(root.resolve())).as_posix())
        except ValueError:
            raise InputError(Message("{path} is outside the git repository {root}", path=text, root=root)) from None
    return named


def _is_plan(name: str) -> bool:
    path = PurePosixPath(name)
    # As `finplan check FOLDER`: yaml files, hidden folders left out.
    return path.suffix in PLAN_SUFFIXES and not any(part.startswith(".") for part in path.parts)


def at_revision(root: Path, commit: str, paths: list[str], links: Links) -> dict[str, Content]:
    """Every plan under `paths` (all of the repository when none) as it is in `commit`; its links put in `links`."""
    listing = _git(root, "ls-tree", "-r", "-z", "--full-name", commit, "--", *paths)
    blobs: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name_bytes = entry.partition(b"\t")
        mode, kind, blob = meta.decode("ascii").split(" ")
        name = name_bytes.decode("utf-8", "surrogateescape")
        if kind != "blob" or not _is_plan(name):
            continue
        if mode == _LINK_MODE:  # the blob is the path the link leads to, not a plan
            links.setdefault(name, _link_note(name))
        else:
            blobs[name] = blob
    contents = _read_blobs(root, sorted(set(blobs.values())))
    return {name: contents[blob] for name, blob in sorted(blobs.items())}


def _read_blobs(root: Path, blobs: list[str]) -> dict[str, Content]:
    """The contents of `blobs`, from one `git cat-file --batch`; one over the size limit is never read."""
    from finplan.loader import DEFAULT_LIMITS

    if not blobs:
        return {}
    sizes = _git(root, "cat-file", "--batch-check=%(objectsize)", stdin=_names(blobs)).split()
    contents: dict[str, Content] = {}
    small = []
    for blob, size in zip(blobs, sizes, strict=True):
        if int(size) > DEFAULT_LIMITS.max_bytes:
            contents[blob] = InputError(
                Message("is larger than the limit of {limit_bytes} bytes", limit_bytes=DEFAULT_LIMITS.max_bytes)
            )
        else:
            small.append(blob)
    out = _git(root, "cat-file", "--batch", stdin=_names(small)) if small else b""
    at = 0
    for blob in small:
        end = out.index(b"\n", at)
        size = int(out[at:end].split(b" ")[2])
        contents[blob] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1  # the content is followed by a newline
    return contents


def _names(blobs: list[str]) -> bytes:
    return "".join(f"{blob}\n" for blob in blobs).encode("ascii")


def in_working_tree(root: Path, paths: list[str], links: Links) -> dict[str, Content]:
    """Every plan under `paths` as it is on disk now: tracked, or new and not ignored; its links put in `links`."""
    from finplan.folders import leads_outside
    from finplan.loader import read_bytes

    listing = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", "--", *paths)
    names = sorted({n.decode("utf-8", "surrogateescape") for n in listing.split(b"\0") if n})
    found: dict[str, Content] = {}
    folders: dict[str, bool] = {}  # whether each folder leads outside: resolved once, not once a plan in it
    for name in names:
        path = root / name
        if not _is_plan(name):
            continue
        # A tracked file whose folder was swapped for a link leads out too, so its folder is resolved, and a link
        # the whole of its way.
        folder = name.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = bool(folder) and leads_outside(root / folder, root)
        link = path.is_symlink()
        outside = folders[folder] or (link and leads_outside(path, root))
        if outside or link:
            links[name] = _link_out_note(name) if outside else links.get(name, _link_note(name))
            continue
        if not path.is_file():  # a tracked file deleted from the working tree
            continue
        try:
            found[name] = read_bytes(path, regular_only=True)
        except InputError as error:
            found[name] = error
    return found


def _link_note(name: str) -> Message:
    return Message("{file} is a symbolic link: git holds the path it leads to, not a plan; passed over", file=name)


def _link_out_note(name: str) -> Message:
    return Message("{file} is a symbolic link that leads outside the repository: not followed, passed over", file=name)


def compare_revisions(rev: str, paths: list[str], finder) -> DiffRun:
    """The plans under `paths` at `rev` (`A`, `A..B`, `A...B`) compared; the working tree is the new side of `A`."""
    root = repository()
    (old_commit, old_label), (new_commit, new_label) = revisions(root, rev)
    named = in_repository(root, paths)
    old, new, links = _both_sides(root, old_commit, new_commit, named)
    if not old and not new:
        where = " ".join(paths) or Message("the repository")
        raise InputError(Message("no plan (*.yaml, *.yml) in {where}, at {old} or in {new}", where=where, old=old_label,
                                 new=new_label))
    _refuse_missing(paths, named, (old, new), old_label, new_label, in_tree=new_commit is None)
    run = compare_versions(old, new, partial(check_version, root, finder), DiffRun(old_label, new_label, root=root))
    run.passed_over = [links[name] for name in sorted(links)]
    return run


def _both_sides(root: Path, old: str, new: str | None, named: list[str]) -> tuple[dict, dict, Links]:
    """The plans at `old`, and at `new` or in the working tree, read at once: git answers for one side while the
    other is read. A link's note from the new side stands over the old side's (it may lead outside now)."""
    from concurrent.futures import ThreadPoolExecutor

    old_links: Links = {}
    new_links: Links = {}
    with ThreadPoolExecutor(1) as other:
        older = other.submit(at_revision, root, old, named, old_links)
        newer = in_working_tree(root, named, new_links) if new is None else at_revision(root, new, named, new_links)
        return older.result(), newer, {**old_links, **new_links}


def check_version(root: Path, finder, content: Content, name: str) -> CheckResult:
    """One version of the plan at `name`, checked under the configuration in force now, for both versions alike."""
    from finplan.check import check_bytes, unreadable

    config = finder.for_plan(root / name)
    if isinstance(content, InputError):
        return unreadable(CheckResult(file=name, strict=config.strict), content)
    return check_bytes(content, name, config)


def _refuse_missing(
    paths: list[str], named: list[str], sides: tuple[dict[str, Content], ...], old: str, new: str, *, in_tree: bool
) -> None:
    """A path that names nothing on either side is a mistake, as `finplan check` takes a missing file."""
    found = [name for side in sides for name in side]
    for text, name in zip(paths, named):
        if name in ("", "."):
            continue
        if any(each == name or each.startswith(name + "/") for each in found):
            continue
        if in_tree and Path(text).exists():
            continue  # there, but no plan in it: as `finplan check FOLDER` of a folder with none
        raise InputError(Message("{path} does not exist at {old} or in {new}", path=text, old=old, new=new))


Checker = Callable[[Content, str], CheckResult]
"""Checks one version of a plan given its content and its repository path."""


def compare_versions(old: dict[str, Content], new: dict[str, Content], check: Checker, run: DiffRun) -> DiffRun:
    """Each plan of `old` and `new` paired by path, then by case, checked and compared into `run`.

    A plan whose bytes are the same on both sides is counted, not checked.
    The checks, and the comparison of a plan found on both sides, are shared
    out over the cores as `finplan check` shares out its plans
    (finplan.batch); `check` is a module's function, or a partial of one, as
    the workers need it.
    """
    pairs, only_old, only_new = [], [], []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            only_old.append(name)
        elif name not in old:
            only_new.append(name)
        elif isinstance(old[name], bytes) and old[name] == new[name]:
            run.unchanged += 1
        else:
            pairs.append(name)
    work = [(name, old[name], new[name]) for name in pairs]
    work += [(name, old[name], None) for name in only_old]
    work += [(name, None, new[name]) for name in only_new]
    from finplan.check import collector_paused

    with collector_paused():  # a thousand comparisons come back as small objects, none in a cycle
        done = across_cores(partial(_compared, check, current_language()), work)
    run.plans.extend(done[: len(pairs)])
    removed = dict(zip(only_old, done[len(pairs) : len(pairs) + len(only_old)]))
    added = dict(zip(only_new, done[len(pairs) + len(only_old) :]))
    by_case: dict[str, deque[str]] = defaultdict(deque)
    for name, (result, _alone) in removed.items():
        case = _case(result)
        if case is not None:
            by_case[case].append(name)
    for name, (result, alone) in added.items():
        case = _case(result)
        if case is not None and by_case.get(case):
            was = by_case[case].popleft()
            diff = compare(removed.pop(was)[0], result, was, name)
            diff.renamed = True
            run.plans.append(diff)
        else:
            run.plans.append(alone)
    run.plans.extend(alone for _result, alone in removed.values())
    return run


def _compared(check: Checker, language: str, item: tuple[str, Content | None, Content | None]):
    """A plan found on both sides checked and compared; one found on one side, checked and shown alone, with its
    result kept for a match by case."""
    if current_language() != language:  # a worker that was not forked starts in the default language
        set_language(language)
    name, old, new = item
    if old is not None and new is not None:
        return compare(check(old, name), check(new, name), name, name)
    if new is None:
        result = check(old, name)
        return result, compare(result, None, name, None)
    result = check(new, name)
    return result, compare(None, result, None, name)


def _case(result: CheckResult) -> str | None:
    plan = result.plan
    return getattr(getattr(plan, "project", None), "case", None)
