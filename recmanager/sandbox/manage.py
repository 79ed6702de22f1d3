"""Django management commands on a sandbox data folder, e.g. Pod's cron by hand:

``python -m recmanager.sandbox.manage --data DIR recorder checkDirectory``

The notify calls of the cron go to the sandbox running on that folder (its ``sandbox.json``);
when none runs, they fail and the pass reports it, as Pod's cron does when its site is down.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recmanager.sandbox.layout import SandboxLayout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recmanager.sandbox.manage")
    parser.add_argument("--data", type=Path, required=True, help="the sandbox data folder")
    args, command = parser.parse_known_args(argv)
    layout = SandboxLayout(args.data.resolve())
    if not layout.database.exists():
        print(f"no sandbox in {layout.data_dir}", file=sys.stderr)
        return 2
    state = layout.read_state() or {}
    from django.core.management import execute_from_command_line

    from recmanager.sandbox.djangoconf import configure

    configure(layout, base_url=state.get("base_url", "http://127.0.0.1:8000/"),
              allowed_hosts=["127.0.0.1", "localhost"])
    execute_from_command_line(["manage", *command])
    return 0


if __name__ == "__main__":
    sys.exit(main())
