"""`finplan server` in Emacs, in batch, with eglot and the recipe docs/editors.md shows."""

from __future__ import annotations

from real_editor import DRIVERS, FP101_MESSAGE, RECIPES, TOTAL_LINE, edit_the_total, editor


def test_emacs_eglot_shows_a_wrong_total_at_its_line_after_the_edit(tmp_path):
    emacs = editor("emacs")
    result = edit_the_total(
        [emacs, "--batch", "-l", str(DRIVERS / "emacs_edit_total.el")],
        RECIPES / "emacs-eglot.el", tmp_path,
    )
    assert result["opened"], "no diagnostics after the plan was opened"
    assert "FP101" not in [d["code"] for d in result["before"]]
    assert result["edited"], f"no FP101 after the total was changed: {result['diagnostics']}"
    [fp101] = [d for d in result["diagnostics"] if d["code"] == "FP101"]
    assert (fp101["line"], fp101["col"], fp101["severity"]) == (TOTAL_LINE, 7, "eglot-error")
    assert fp101["message"].startswith(f"finplan [FP101]: {FP101_MESSAGE}\n")
