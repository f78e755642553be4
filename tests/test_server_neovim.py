"""`finplan server` in Neovim, headless, with its built-in client and the recipe docs/editors.md shows."""

from __future__ import annotations

from real_editor import DRIVERS, FP101_MESSAGE, RECIPES, TOTAL_LINE, edit_the_total, editor


def test_neovim_shows_a_wrong_total_at_its_line_as_the_user_types_it(tmp_path):
    nvim = editor("nvim")
    result = edit_the_total(
        [nvim, "--headless", "--clean", "-S", str(DRIVERS / "neovim_edit_total.lua")], RECIPES / "finplan.lua", tmp_path
    )
    assert result["opened"], "no diagnostics after the plan was opened"
    assert "FP101" not in [d["code"] for d in result["before"]]
    assert result["edited"], f"no FP101 after the total was changed: {result['diagnostics']}"
    [fp101] = [d for d in result["diagnostics"] if d["code"] == "FP101"]
    assert (fp101["line"], fp101["col"], fp101["end_col"]) == (TOTAL_LINE, 7, 17)
    assert (fp101["severity"], fp101["source"]) == ("ERROR", "finplan")
    assert fp101["message"].startswith(FP101_MESSAGE + "\n")
