"""`finplan memo render`'s formats of the financing section, one module each; finplan.report registers them."""
