"""finplan: checks the financing plans of regional development projects."""

__version__ = "0.1.0"
