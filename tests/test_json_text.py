"""JSON written in pieces (`finplan.report.json_text`) is the text `json.dumps` writes, byte for byte."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from finplan.report.json_text import write_json

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


def _lazy(value):
    """The value with every list an iterator, as a streamed document holds its long lists."""
    if isinstance(value, list):
        return iter([_lazy(item) for item in value])
    if isinstance(value, dict):
        return {key: _lazy(item) for key, item in value.items()}
    return value


def _written(value) -> str:
    out = io.StringIO()
    write_json(value, out)
    return out.getvalue()


@given(_VALUES)
def test_a_value_is_written_as_json_dumps_writes_it(value):
    assert _written(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(_VALUES)
def test_iterators_are_written_as_the_lists_they_stand_for(value):
    assert _written(_lazy(value)) == json.dumps(value, ensure_ascii=False, indent=2)


def test_keys_that_are_not_text_are_written_as_json_dumps_writes_them():
    value = {1: "a", True: None, None: [], "å\n": {}}
    assert _written(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_long_list_goes_out_in_a_few_large_writes():
    writes = []

    class Counting(io.StringIO):
        def write(self, text):
            writes.append(len(text))
            return super().write(text)

    out = Counting()
    write_json({"plans": iter({"n": n} for n in range(100_000))}, out)
    assert json.loads(out.getvalue())["plans"][-1] == {"n": 99_999}
    assert 2 <= len(writes) <= 20
