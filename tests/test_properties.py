"""Properties over generated plans and arbitrary input (hypothesis, bounded examples).

A valid plan passes and reads back exactly; one changed amount, date or key is
caught; no input whatever gives a traceback, and no message repeats an
unbounded value. The longer, coverage-guided run is fuzz/fuzz_check.py.
"""

from __future__ import annotations

import re
from datetime import date

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from plan_strategies import Generated, Slot, plans

from finplan.check import check_bytes
from finplan.findings import CheckResult, Severity

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAX_MESSAGE = 600


def check(text: str | bytes) -> CheckResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = check_bytes(data, "plan.yaml")
    for finding in result.findings:
        assert len(finding.message) <= MAX_MESSAGE, finding.message[:200]
    return result


def replaced(plan: Generated, slot: Slot, new: str) -> str:
    lines = plan.text.split("\n")
    line = lines[slot.line - 1]
    start = slot.column - 1
    assert line[start : start + len(slot.text)] == slot.text
    lines[slot.line - 1] = line[:start] + new + line[start + len(slot.text) :]
    return "\n".join(lines)


@SETTINGS
@given(plans())
def test_a_generated_valid_plan_passes_and_reads_back_exactly(plan):
    result = check(plan.text)
    assert result.readable and result.findings == [], [f.message for f in result.findings]
    assert result.plan.total == plan.total
    assert [(line.amount, line.per_year) for line in result.plan.financing] == plan.financing
    assert [(line.amount, line.per_year) for line in result.plan.costs or []] == plan.costs
    assert (result.plan.project.period.start, result.plan.project.period.end) == (plan.start, plan.end)


@SETTINGS
@given(plans(), st.data())
def test_a_changed_amount_is_caught_at_its_line(plan, data):
    slot = data.draw(st.sampled_from([s for s in plan.slots if s.kind == "amount"]))
    delta = data.draw(st.integers(1, 10**6).map(lambda n: n * data.draw(st.sampled_from([1, -1]))))
    old = int(round(float(re.sub(r"[^\d.,]", "", slot.text).replace(",", ".").replace("_", "")) * 100))
    new_value = old + delta
    assume(new_value >= 0)
    kronor, ore = divmod(new_value, 100)
    result = check(replaced(plan, slot, f"{kronor}.{ore:02d}"))
    assert not result.readable or any(
        f.severity is Severity.ERROR and f.position and f.position.line == slot.line for f in result.findings
    ), [(f.code, f.position) for f in result.findings]


@SETTINGS
@given(plans(), st.data())
def test_a_date_made_impossible_is_refused_at_its_line(plan, data):
    slot = data.draw(st.sampled_from([s for s in plan.slots if s.kind == "date"]))
    bad = data.draw(st.sampled_from(["{y}-13-01", "{y}-00-10", "{y}-02-30", "{y}-04-31", "{y}-1-01", "{y}/01/01"]))
    result = check(replaced(plan, slot, bad.format(y=slot.text[:4])))
    assert not result.readable
    assert [(f.code, f.position.line) for f in result.findings] == [("FP001", slot.line)]


@SETTINGS
@given(plans(), st.data())
def test_a_date_moved_out_of_its_years_is_caught(plan, data):
    # A date moved within the same calendar years gives another valid plan, with
    # nothing in the file to tell the two apart; every other move is a finding.
    slot = data.draw(st.sampled_from([s for s in plan.slots if s.kind == "date"]))
    moved = date.fromisoformat(slot.text).replace(day=1) .replace(
        year=data.draw(st.integers(1990, 2050).filter(lambda y: not plan.start.year <= y <= plan.end.year))
    )
    result = check(replaced(plan, slot, moved.isoformat()))
    assert result.findings, "a plan whose period no longer matches its years passed in silence"
    if slot.column < 30 and moved > plan.end:  # the start moved past the end
        assert ("FP201", slot.line) in [(f.code, f.position.line) for f in result.findings]


@SETTINGS
@given(plans(), st.data())
def test_a_changed_key_is_caught_at_its_line(plan, data):
    slot = data.draw(st.sampled_from([s for s in plan.slots if s.kind == "key"]))
    change = data.draw(st.sampled_from(["append", "drop", "upper"]))
    new = {"append": slot.text + "x", "drop": slot.text[:-1] or "x", "upper": slot.text.upper()}[change]
    assume(new != slot.text)
    result = check(replaced(plan, slot, new))
    assert not result.readable
    assert slot.line in [f.position.line for f in result.findings if f.position]


@SETTINGS
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_result_never_a_traceback(data):
    result = check(data)
    assert result.readable or result.findings


@SETTINGS
@given(st.text(max_size=1024))
def test_any_text_gives_a_result_never_a_traceback(text):
    check(text)


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.dates().map(str), st.sampled_from(["1:1", "no", "0123", "0x1F", "2 658 128", "!!python/name:os.system"]),
)
_YAML_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12) | st.integers(), children, max_size=5),
    max_leaves=40,
)


@SETTINGS
@given(_YAML_VALUES)
def test_any_yaml_structure_gives_a_result_never_a_traceback(value):
    check(yaml.safe_dump(value, allow_unicode=True))


@SETTINGS
@given(plans(), st.data())
def test_a_plan_with_bytes_changed_anywhere_gives_a_result(plan, data):
    text = bytearray(plan.text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text) - 1))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.integers(0, 255))
        if action == "insert":
            text.insert(at, byte)
        elif action == "delete":
            del text[at]
        else:
            text[at] = byte
    check(bytes(text))


@SETTINGS
@given(st.sampled_from(["key", "tag", "anchor", "financier", "amount", "id", "comment"]), st.integers(100, 6000))
@example("amount", 5000)  # more digits than Python reads into an int
def test_no_message_repeats_an_unbounded_value(place, size):
    long = "x" * size
    from conftest import MINIMAL

    text = {
        "key": MINIMAL + f"{long}: 1\n",
        "tag": MINIMAL.replace("total: 1000", f"total: !{long} 1000"),
        "anchor": MINIMAL.replace("total: 1000", f"total: *{long}"),
        # One financier as public on one line and private on the other: FP401 names it.
        "financier": MINIMAL.replace("financier: A,", f"financier: {long},").replace("financier: B,", f"financier: {long},"),
        "amount": MINIMAL.replace("amount: 600", f"amount: {'9' * size}"),
        "id": MINIMAL.replace("id: a,", f"id: {long},"),
        "comment": MINIMAL.replace("total: 1000", f"total: 1000  # finplan: ignore[{long}]"),
    }[place]
    result = check(text)
    assert result.findings
    assert all(long[:60] not in f.message for f in result.findings)
