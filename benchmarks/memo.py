"""The memo's kinds of input for benchmarks/run.py's scaling table: n and 4n of one kind, side by side.

    .venv/bin/python benchmarks/memo.py [--n 2000] [--rounds 5]
    .venv/bin/python benchmarks/run.py --only scaling --kind memo [--n 2000] [--rounds 5]     (the same)

Each kind of input (`MEMO_FAMILIES`) is a memo holding n of it, checked
against the seed's plan (n at most 3 000: 4n paragraphs stay within a memo's
limit). Work that grows with the memo takes at most 4x the
time at 4x the input (less, as start-up is the same for both); the target is
at most 5x. "1 000 kr, " written n times in one sentence was quadratic until
issue 22 (8 000 amounts took 16 s); it is the first kind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SEED = ROOT / "budgets" / "attraktiv.yaml"


def _amounts(path: Path, n: int) -> Path:
    path.write_text("1 000 kr, " * n, encoding="utf-8")
    return path


def _respektive(path: Path, n: int) -> Path:
    # Two names and n figures in one chain: whose is which is not said, so each is matched by its value.
    path.write_text("Jämtkraft och Länsstyrelsen ger " + "300 000, " * (n - 1) + "300 000 respektive 1 702 800 kronor.",
                    encoding="utf-8")
    return path


def _several(path: Path, n: int) -> Path:
    # n figures in one sentence, each after two names joined by "och", and a call's total once before them.
    path.write_text("Totalt beviljades 14 ansökningar 52 miljoner kronor, och "
                    + "Jämtkraft och Länsförsäkringar ger tillsammans 1 300 000 kronor, " * n, encoding="utf-8")
    return path


def _yearly(path: Path, n: int) -> Path:
    # One whole, then n parts after "varav", each with its year: the yearly breakdown is read once.
    path.write_text("Jämtkraft bidrar med 300 000 kronor, varav " + "100 000 kronor 2020, " * n + "per år.",
                    encoding="utf-8")
    return path


# Paragraphs as the seed memo's: a financier's amount, a share, the period, a case number.
_PARAGRAPHS = (
    "Region Jämtland Härjedalen bidrar med 2 658 128 kronor.",
    "Jämtkraft bidrar med 300 000 kronor (0,78 %).",
    "Projektet pågår under perioden 2019-10-01 – 2022-09-30.",
    "Ärendet har diarienummer RUN/99/2019.",
)


def _seed_paragraphs(n: int) -> list[str]:
    """n short paragraphs, in turn (8 000 of them stay within the limit of a memo's text)."""
    return [_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(n)]


def _text(path: Path, n: int) -> Path:
    path.write_text("\n\n".join(_seed_paragraphs(n)) + "\n", encoding="utf-8")
    return path


def _docx(path: Path, n: int) -> Path:
    from memo_files import write_docx

    return write_docx(path, _seed_paragraphs(n))


def _pdf(path: Path, n: int) -> Path:
    from memo_files import write_pdf

    lines = ["Jämtkraft bidrar med 300 000 kronor."] * n
    return write_pdf(path, lines, per_page=max(40, n // 150))  # within the limit of 200 pages


def _pdf_cut(path: Path, n: int) -> Path:
    from memo_files import write_pdf

    # Every amount cut by a line break after its first group, to be joined again as it is read.
    lines = [line for _ in range(n // 2) for line in ("Jämtkraft bidrar med 300", "000 kronor.")]
    return write_pdf(path, lines, per_page=max(40, n // 150))


def _html(path: Path, n: int) -> Path:
    path.write_text("<!DOCTYPE html>\n<body>\n" + "".join(f"<p>{p}</p>\n" for p in _seed_paragraphs(n)), encoding="utf-8")
    return path


def _html_inline(path: Path, n: int) -> Path:
    # One paragraph of n amounts, each in a tag of its own: every word's place in the source is kept.
    path.write_text("<p>" + "<b>1&nbsp;000</b> kr, " * n + "</p>", encoding="utf-8")
    return path


# name -> (the memo's suffix, a writer of a memo holding n of the kind at a path)
MEMO_FAMILIES = {
    "memo: amounts in one sentence": (".txt", _amounts),
    "memo: amounts joined by respektive": (".txt", _respektive),
    "memo: amounts after several names": (".txt", _several),
    "memo: a yearly breakdown": (".txt", _yearly),
    "memo: paragraphs (.txt)": (".txt", _text),
    "memo: paragraphs (.docx)": (".docx", _docx),
    "memo: lines (.pdf)": (".pdf", _pdf),
    "memo: amounts cut by line breaks (.pdf)": (".pdf", _pdf_cut),
    "memo: paragraphs (.html)": (".html", _html),
    "memo: amounts in tags in one paragraph (.html)": (".html", _html_inline),
}


def memo_family(name: str, n: int, folder: Path) -> Path:
    """A memo holding n of one kind of input (see MEMO_FAMILIES), written into `folder`."""
    suffix, writer = MEMO_FAMILIES[name]
    folder.mkdir(parents=True, exist_ok=True)
    return writer(folder / f"{name.split(': ')[1].split(' (')[0].replace(' ', '-')}-{n}{suffix}", n)


def memo_commands(n: int, folder: Path) -> dict[str, dict[int, list[str]]]:
    """For each kind of memo input, the command that checks a memo of n and of 4n of it."""
    finplan = str(Path(sys.executable).parent / "finplan")
    return {
        name: {size: [finplan, "memo", "check", str(SEED), str(memo_family(name, size, folder))] for size in (n, 4 * n)}
        for name in MEMO_FAMILIES
    }



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="the smaller size, at most 3 000 (default 2 000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each command after one warm-up (default 5)")
    args = parser.parse_args()
    from measure import OUT, prepare_bytecode, ratio_table

    prepare_bytecode()
    folder = OUT / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    lines, verdicts = ratio_table(memo_commands(args.n, folder), args.rounds)
    print("\n".join(lines + verdicts))


if __name__ == "__main__":
    main()
