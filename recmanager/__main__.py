"""`python -m recmanager` runs the same entry point as the installed scripts."""

from recmanager.cli import main

raise SystemExit(main())
