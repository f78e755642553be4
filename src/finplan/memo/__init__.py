"""Decision memos (tjänsteskrivelser): the financing section written from a plan, and a memo's
figures checked against one.

`render` turns a checked plan into Swedish prose and a table; `read` turns a
memo file into text (`word` and `pdf` read those formats, within the bounds
of `limits`), `figures` finds what it states, `match` compares that with the
plan. Every finding is a `Finding` at the memo's line, so the
report formats, suppressions and baselines of `finplan check` apply as they are.
"""
