"""Entry point of the PyInstaller bundle: the same `recmanager` command as the installed one."""

from recmanager.cli import main

raise SystemExit(main())
