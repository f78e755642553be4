"""`finplan diff`'s formats, one module each; finplan.report registers them."""
