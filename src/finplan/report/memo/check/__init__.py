"""`finplan memo check`'s own format; its others are `finplan check`'s."""
