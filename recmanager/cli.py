"""`recmanager`: the GUI without arguments, headless subcommands otherwise.

Every subcommand calls the same core as the buttons. Exit codes: 0 done, 1 refused or
failed and nothing changed (the reason on stderr), 2 usage, 3 done with a warning: the change
was made, then a later step failed (what Pod now holds on stderr, starting "Done, but").
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from recmanager import __version__
from recmanager.errors import EXIT_DONE_WITH_WARNING, DoneWithWarning, RecmanagerError

# Each module defines ``register(subparsers)``; its parsers set ``func(args, context) -> int``.
COMMAND_MODULES: tuple[str, ...] = (
    "recmanager.commands.pod",
    "recmanager.commands.deposit",
    "recmanager.commands.inspect",
    "recmanager.commands.actions",
    "recmanager.commands.recorders",
    "recmanager.commands.bulk",
    "recmanager.commands.package",
    "recmanager.commands.worker",
    "recmanager.commands.profiles",
    "recmanager.commands.settings",
    "recmanager.commands.sandbox",
)

log = logging.getLogger("recmanager.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as documented
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="recmanager",
        description="Recordings and recorders of Esup-Pod. Without a command: the application.",
    )
    parser.add_argument("--version", action="version", version=f"recmanager {__version__}")
    parser.add_argument("--profile", help="connection profile to open in the application")
    if not with_commands:
        return parser
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


def _starts_the_application(argv: list[str]) -> bool:
    """True when no command is named: the command modules (and the core modules they
    import) are then not loaded, which keeps the application's start-up fast."""
    words = iter(argv)
    for word in words:
        if word == "--profile":
            next(words, None)
        elif word in ("-h", "--help") or not word.startswith("-"):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    starts_the_application = _starts_the_application(argv)
    if starts_the_application:
        from recmanager.ui.launch import begin_start

        begin_start()
    parser = build_parser(with_commands=not starts_the_application)
    args = parser.parse_args(argv)
    from recmanager.context import AppContext
    from recmanager.logs import install_masking_excepthook, setup_logging

    install_masking_excepthook()

    try:
        context = AppContext.open()
    except RecmanagerError as exc:
        print(f"recmanager: {exc}", file=sys.stderr)
        return 1
    if not getattr(args, "command", None):
        from recmanager.ui.app import run_gui

        return run_gui(context, profile_name=args.profile)
    setup_logging(context.paths.log_dir)
    context.on_notice = lambda text: print(f"recmanager: {text}", file=sys.stderr)
    try:
        return int(args.func(args, context) or 0)
    except DoneWithWarning as exc:
        print(f"recmanager: {exc}", file=sys.stderr)
        return EXIT_DONE_WITH_WARNING
    except RecmanagerError as exc:
        from recmanager.context import error_text, uses_environment

        environment = uses_environment(getattr(args, "profile", None))
        print(f"recmanager: {error_text(exc, environment=environment)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("recmanager: interrupted", file=sys.stderr)
        return 1
    finally:
        context.close()
