"""The language server's answers on hostile and arbitrary text: a finding or nothing, never an exception.

An editor holds text, not bytes: what the hostile corpus holds as bytes reaches
the server as the editor decoded it. Every range sent must lie inside the text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import pytest
from test_hostile import EXPECTED, HOSTILE

from finplan.config import ConfigFinder
from finplan.server.diagnostics import diagnostics
from finplan.server.state import check_open


def _inside(lines: list[str], found) -> bool:
    def fits(position) -> bool:
        return 0 <= position.line < len(lines) and 0 <= position.character <= len(lines[position.line])

    return all(fits(d.range.start) and fits(d.range.end) and d.range.start <= d.range.end for d in found)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_file_in_an_editor_gets_the_checks_finding(name, tmp_path):
    text = (HOSTILE / name).read_bytes().decode("utf-8", "replace")
    plan = check_open((tmp_path / name).as_uri(), text, ConfigFinder())
    found = diagnostics(plan)
    if plan.result is None:  # no `finplan:` key left once decoded (a PNG): passed over, as in a folder
        assert found == []
        return
    assert found and _inside(plan.lines, found)
    code, message = EXPECTED[name]
    if "UTF" not in message:  # the editor decoded those bytes already: the check sees other text
        assert any(d.code == code and message in d.message for d in found), [d.message for d in found]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("finplan: 1\n project:{}[]-,'\"#&*!|>\t0123456789.åä😀\r\x00")), max_size=300))
def test_arbitrary_text_never_raises_and_ranges_stay_inside(tmp_path, text):
    plan = check_open((tmp_path / "plan.yaml").as_uri(), "finplan: 1\n" + text, ConfigFinder())
    assert _inside(plan.lines, diagnostics(plan))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(alphabet=st.sampled_from(list("finplan: 1\n project:{}[]-,'\"#&*!|>\t0123456789.åä😀\rtotalamount")), max_size=300),
    st.integers(0, 40), st.integers(0, 80),
)
@example(text="|", line=0, character=0)  # a block scalar with neither key nor dash: completion failed on it
def test_every_answer_on_arbitrary_text_at_any_place_is_an_answer_or_none(tmp_path, text, line, character):
    from finplan.server.actions import actions
    from finplan.server.completion import completions
    from finplan.server.hover import hover

    plan = check_open((tmp_path / "plan.yaml").as_uri(), "finplan: 1\n" + text, ConfigFinder())
    hover(plan, line, character, markdown=True)
    for trigger in (None, ":", " "):
        completions(plan, line, character, trigger)
    for finding in plan.result.findings if plan.result is not None else ():
        for action in actions(plan, finding):
            assert all(0 <= edit.start[0] < len(plan.lines) and 0 <= edit.end[0] < len(plan.lines) for edit in action.edits)
