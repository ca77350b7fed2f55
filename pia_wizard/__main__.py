"""`python -m pia_wizard` runs the CLI."""

import sys

from pia_wizard.cli import main

sys.exit(main())
