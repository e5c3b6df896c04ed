"""Run the command line: python -m pmo_core --help."""

import sys

from pmo_core.cli import main

if __name__ == "__main__":
    sys.exit(main())
