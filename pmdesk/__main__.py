"""`python -m pmdesk` runs the same entry point as the `pmdesk` command."""

import sys

from pmdesk.cli import main

sys.exit(main())
