"""`finplan diff`: what changed in the money between two versions of a plan.

`compare` turns two checked plans into a `PlanDiff` of plain values;
`revisions` reads plans as they were at git revisions; the writers in
finplan.report.diff (text, markdown, json) print the differences.
"""
