"""The formats of `finplan memo`: `check`'s and `render`'s, a subpackage each; finplan.report registers them."""
