"""`finplan server` in Neovim, headless, with its built-in client and the recipe docs/editors.md shows."""

from __future__ import annotations

import subprocess

from real_editor import DRIVERS, FP101_MESSAGE, RECIPES, TOTAL_LINE, edit_the_total, editor


def test_neovim_shows_a_wrong_total_at_its_line_as_the_user_types_it(tmp_path):
    nvim = editor("nvim")
    result = edit_the_total(
        [nvim, "--headless", "--clean", "-S", str(DRIVERS / "neovim_edit_total.lua")], RECIPES / "neovim.lua", tmp_path
    )
    assert result["opened"], "no diagnostics after the plan was opened"
    assert "FP101" not in [d["code"] for d in result["before"]]
    assert result["edited"], f"no FP101 after the total was changed: {result['diagnostics']}"
    [fp101] = [d for d in result["diagnostics"] if d["code"] == "FP101"]
    assert (fp101["line"], fp101["col"], fp101["end_col"]) == (TOTAL_LINE, 7, 17)
    assert (fp101["severity"], fp101["source"]) == ("ERROR", "finplan")
    assert fp101["message"].startswith(FP101_MESSAGE + "\n")


def test_every_lua_recipe_of_the_page_is_lua_neovim_reads():
    """The recipes for other Neovim versions and nvim-lspconfig cannot run here; they must at least compile."""
    nvim = editor("nvim")
    for recipe in sorted(RECIPES.glob("*.lua")):
        check = "lua local ok, err = loadfile(vim.fn.argv(0)); if not ok then io.stderr:write(err); vim.cmd('cquit') end"
        done = subprocess.run([nvim, "--headless", "--clean", "-c", check, "-c", "qall!", str(recipe)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (recipe.name, done.stderr)
