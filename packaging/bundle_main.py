"""The bundle's entry point (packaging/pmdesk.spec): the same `main` as the `pmdesk`
command an installed wheel gets."""

import sys

from pmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
