"""``recmanager worker``: a Celery worker that packages the queue's jobs next to the files;
``recmanager worker-key``: the key pair that lets only the workers open the jobs' keys.

The worker runs on the server that holds the recordings (Pod's, or one that mounts its
files), reads each input by its path there, and writes into one configured output folder.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.errors import ConfigError
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext

# A broker address with its password, from the environment (a systemd EnvironmentFile only
# root reads): never on the command line, where every local user sees it.
BROKER_VARIABLE = "RECMANAGER_BROKER_URL"
BACKEND_VARIABLE = "RECMANAGER_RESULT_BACKEND"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "worker", help="package the queue's jobs on this server (a Celery worker)",
        description="Consume recmanager's packaging queue and package each job by its path "
        "on this server into the output folder.")
    parser.add_argument("--broker", default="",
                        help="broker address, e.g. redis://localhost:6379/5 (its own database); "
                        f"one with a password goes in {BROKER_VARIABLE} instead")
    parser.add_argument("--result-backend", default="",
                        help="where job states are kept, e.g. redis://localhost:6379/5 "
                        "(default: the broker's address; RabbitMQ needs one); one with a "
                        f"password goes in {BACKEND_VARIABLE} instead")
    parser.add_argument("--private-key", required=True, type=Path,
                        help="the workers' private key file (mode 0600; see worker-key)")
    parser.add_argument("--output-root", required=True, type=Path,
                        help="the folder each job's presentation is created in")
    parser.add_argument("--output-url", default="",
                        help="the web address that serves the output folder")
    parser.add_argument("--input-root", default="/", type=Path,
                        help="only files inside this folder are packaged (default: /)")
    parser.add_argument("--concurrency", type=int, default=1, help="jobs at once (default 1)")
    parser.add_argument("--name", default="", help="worker name (default: recmanager@host)")
    parser.add_argument("--visibility-timeout", type=int, default=3600,
                        help="seconds before the broker hands an unacknowledged job to "
                        "another worker (Redis; longer than any job; default 3600)")
    parser.add_argument("--stale-after", type=float, default=30.0,
                        help="seconds without a sign of life before another worker's "
                        "attempt counts as dead (default 30)")
    parser.set_defaults(func=worker_command)

    keygen = subparsers.add_parser(
        "worker-key", help="make the workers' key pair; print the public key for the desks")
    keygen.add_argument("path", type=Path, help="the private key file to create (0600)")
    keygen.add_argument("--show", action="store_true",
                        help="print the public key of an existing private key file")
    keygen.set_defaults(func=keygen_command)


def worker_command(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.packaging.queue import QUEUE_NAME, QueueSettings, make_app, refuse_password
    from recmanager.packaging.sealing import read_private_key
    from recmanager.packaging.worker import WorkerSettings, register_task

    del context
    settings = QueueSettings(
        broker_url=args.broker or os.environ.get(BROKER_VARIABLE, ""),
        result_backend=args.result_backend or os.environ.get(BACKEND_VARIABLE, ""))
    if not settings.broker_url:
        raise ConfigError(translate("queue", "Give the broker's address: --broker, or {name} "
                                    "in the environment.").format(name=BROKER_VARIABLE))
    # Never a password in the process list: only addresses from the environment hold one.
    refuse_password(args.broker)
    refuse_password(args.result_backend)
    settings.check(password_allowed=True)
    output_root = args.output_root.expanduser().absolute()
    if not output_root.is_dir():
        raise ConfigError(translate("queue", "The output folder {path} does not exist.").format(
            path=output_root))
    worker = WorkerSettings(
        output_root=output_root, private_key=read_private_key(args.private_key),
        output_url=args.output_url, input_root=args.input_root.expanduser().absolute(),
        stale_after_s=args.stale_after)
    app = make_app(settings, visibility_timeout_s=args.visibility_timeout)
    register_task(app, worker)
    name = args.name or f"recmanager@{socket.gethostname()}"
    app.worker_main(["worker", "--loglevel=INFO", "--pool=threads",
                     f"--concurrency={max(1, args.concurrency)}", f"--queues={QUEUE_NAME}",
                     f"--hostname={name}", "--without-gossip", "--without-mingle"])
    return 0


def keygen_command(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.packaging.sealing import public_key_text, read_private_key, write_private_key

    del context
    path = args.path.expanduser().absolute()
    private = read_private_key(path) if args.show else write_private_key(path)
    if not args.show:
        print(translate("queue", "Private key written to {path} (mode 0600). The desks' "
                        "public key:").format(path=path), file=sys.stderr)
    print(public_key_text(private))
    return 0
