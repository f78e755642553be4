"""`finplan summary`'s formats and `finplan report`'s site, one module each; finplan.report registers them."""
