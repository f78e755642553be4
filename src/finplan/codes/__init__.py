"""The codes finplan reports: what a code is (`base`), and the codes of each family, one module a family.

The steps that report a code import it from here, so that the configuration,
baselines and the documentation know it without importing those steps.
"""

from finplan.codes.base import CODE_PATTERN, FAMILIES, PREFIX_PATTERN, Code

__all__ = ["CODE_PATTERN", "FAMILIES", "PREFIX_PATTERN", "Code"]
