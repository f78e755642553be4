"""The key or value under the cursor (finplan.server.where): the source map read backwards, on real plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLANS, ROOT, SEED
from finplan.loader import MapPositions, SeqPositions, parse_text
from finplan.server.where import Place, place_at

REAL = sorted((PLANS / "valid").glob("*.yaml")) + sorted((ROOT / "budgets").glob("*.yaml"))


def _placed(text: str):
    document = parse_text(text)
    lines = text.split("\n")
    return lambda line, character: place_at(document.source, lines, line, character)


def _every_key_and_scalar(node, path=()):
    """(path, position from 0, on a key) for every key and every scalar value the source map holds."""
    if isinstance(node, MapPositions):
        for key, at in node.keys.items():
            yield path + (key,), (at[0] - 1, at[1] - 1), True
            child = node.values[key]
            if (child if type(child) is tuple else child.at) >= at:  # an alias's positions are its anchor's
                yield from _every_key_and_scalar(child, path + (key,))
    elif isinstance(node, SeqPositions):
        for index, child in enumerate(node.items):
            if (child if type(child) is tuple else child.at) >= node.at:
                yield from _every_key_and_scalar(child, path + (index,))
    else:
        yield path, (node[0] - 1, node[1] - 1), False


@pytest.mark.parametrize("plan", REAL, ids=lambda path: path.name)
def test_every_key_and_value_of_a_real_plan_is_found_where_the_source_map_puts_it(plan: Path):
    text = plan.read_text(encoding="utf-8")
    placed = _placed(text)
    for path, (line, character), on_key in _every_key_and_scalar(parse_text(text).source.root):
        found = placed(line, character)
        assert (found.path, found.on_key) == (path, on_key), (plan.name, line + 1, character + 1)
        assert found.start == (line, character)


def test_a_key_its_value_and_the_span_of_each():
    placed = _placed(SEED.read_text(encoding="utf-8"))
    total = SEED.read_text(encoding="utf-8").split("\n").index("total: 38 566 657")
    assert placed(total, 2) == Place(("total",), True, (total, 0), (total, 5))
    assert placed(total, 5) == Place(("total",), True, (total, 0), (total, 5))  # just before the colon
    assert placed(total, 12) == Place(("total",), False, (total, 7), (total, 17))


def test_anywhere_in_a_financing_item_is_inside_that_line():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    placed = _placed("\n".join(lines))
    item = lines.index("  - id: jamtkraft")
    assert placed(item, 2).path == ("financing", 4, "id")  # on the dash
    assert placed(item + 5, 14).path == ("financing", 4, "amount")
    folded = lines.index("      Regionbidrag: covers the salaries of the region's own project staff;")
    assert placed(folded, 20) == Place(("financing", 0, "note"), False)  # a folded text's second line: no span


def test_a_flow_mapping_and_a_flow_sequence():
    placed = _placed("finplan: 1\nprofiles: [anslag_1_1, leader_ax]\nproject:\n  period: {start: 2019-10-01, end: 2022-09-30}\n")
    assert placed(1, 25).path == ("profiles", 1)
    assert placed(3, 12) == Place(("project", "period", "start"), True, (3, 11), (3, 16))
    assert placed(3, 40).path == ("project", "period", "end")


def test_nothing_on_a_comment_a_blank_line_or_past_the_end():
    placed = _placed("# a plan\nfinplan: 1\n\n  # said of nothing\ntotal: 5\n")
    assert placed(0, 3) is None
    assert placed(2, 0) is None
    assert placed(3, 6) is None
    assert placed(9, 0) is None
    assert placed(4, 7).path == ("total",)


def test_an_alias_is_the_value_where_it_is_written_not_its_anchor():
    placed = _placed("finplan: 1\na: &x {b: 1}\nc: *x\n")
    assert placed(2, 4) == Place(("c",), False)
    assert placed(1, 8).path == ("a", "b")
