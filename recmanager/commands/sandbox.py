"""`recmanager sandbox`: run the local stand-in for Pod and print how to use it."""

from __future__ import annotations

import argparse
import errno
import sys

from recmanager.errors import RecmanagerError
from recmanager.i18n import translate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local stand-in for Pod with sample recordings",
        description="Run a local stand-in for Esup-Pod's recorder interface (REST API, notify "
        "URL, claim pages, admin) with seeded users, recorders and recordings. It prints the "
        "base URL, each user's token and web password, and the deposit folder.",
    )
    from recmanager.sandbox.server import add_server_arguments

    add_server_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, context) -> int:
    from recmanager.sandbox.server import ServerOptions, serve

    data_dir = (args.data or context.paths.cache_dir / "sandbox").resolve()
    options = ServerOptions(
        data_dir=data_dir,
        samples_dir=context.paths.cache_dir,
        port=args.port,
        bind=args.bind,
        cron_interval=None if args.no_cron else args.cron_interval,
        fresh=args.fresh,
        workers=args.workers,
        terminal=sys.stdout.isatty(),
    )
    try:
        return serve(options, lambda line: print(line, flush=True))
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise
        raise RecmanagerError(
            translate("sandbox", "The sandbox cannot listen on {address}:{port}: {error}").format(
                address=args.bind, port=args.port, error=exc.strerror
            ),
            hint=translate("sandbox", "Choose another port with --port (0 picks a free one)."),
        ) from None
