"""The exit codes: 0 no errors; 1 errors (warnings too with --strict); 2 input that could not be read or written, or a usage error."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
