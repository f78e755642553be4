"""The formats of `finplan memo`, a subpackage for each of its commands; finplan.report registers them."""
