"""`finplan server`: the check, live in an editor, over the Language Server Protocol.

A job on the floor above check.py, as the other jobs are: it checks the text
an editor holds with `finplan.check.check_bytes`, under the configuration
found for the file, and turns the CheckResult into the protocol's answers.
`app` alone imports pygls and lsprotocol (the `finplan[server]` extra); the
modules that answer (diagnostics, hover, completion, code actions) are plain
functions of an OpenPlan and a place in it, testable without a client.
"""
