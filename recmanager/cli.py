"""`recmanager`: the GUI without arguments, headless subcommands otherwise.

Every subcommand calls the same core as the buttons. Exit codes: 0 done, 1 refused or
failed (the reason on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from recmanager import __version__
from recmanager.errors import RecmanagerError

# Each module defines ``register(subparsers)``; its parsers set ``func(args, context) -> int``.
COMMAND_MODULES: tuple[str, ...] = (
    "recmanager.commands.pod",
    "recmanager.commands.deposit",
    "recmanager.commands.actions",
    "recmanager.commands.recorders",
    "recmanager.commands.bulk",
    "recmanager.commands.package",
    "recmanager.commands.sandbox",
)

log = logging.getLogger("recmanager.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as documented
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="recmanager",
        description="Recordings and recorders of Esup-Pod. Without a command: the application.",
    )
    parser.add_argument("--version", action="version", version=f"recmanager {__version__}")
    parser.add_argument("--profile", help="connection profile to open in the application")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from recmanager.context import AppContext
    from recmanager.logs import setup_logging

    try:
        context = AppContext.open()
    except RecmanagerError as exc:
        print(f"recmanager: {exc}", file=sys.stderr)
        return 1
    if not getattr(args, "command", None):
        from recmanager.ui.app import run_gui

        return run_gui(context, profile_name=args.profile)
    setup_logging(context.paths.log_dir)
    try:
        return int(args.func(args, context) or 0)
    except RecmanagerError as exc:
        print(f"recmanager: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("recmanager: interrupted", file=sys.stderr)
        return 1
    finally:
        context.close()
