"""``recmanager deposit list|scan|download|upload``: the deposit folder from scripts.

The deposit is the profile's, or ``--deposit sftp://user@host:port/path`` (or a mounted
folder), or ``RECMANAGER_DEPOSIT`` from the environment. An unknown SSH host key is asked
about on a terminal; scripts pass ``--host-key SHA256:…`` to accept exactly that key.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.commands.common import (
    TerminalProgress,
    add_actions,
    add_connection_options,
    print_json,
    print_table,
)
from recmanager.config import Profile
from recmanager.context import ENV_PROFILE
from recmanager.deposit import apply_deposit_spec, open_deposit
from recmanager.deposit.scan import Scanner, ScanResult
from recmanager.errors import ConfigError
from recmanager.formatting import human_size, iso_minutes, printable
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.deposit import Deposit
    from recmanager.deposit.sftp import HostKeyQuestion

ENV_DEPOSIT = "RECMANAGER_DEPOSIT"


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_actions(subparsers, "deposit", "the deposit folder (SFTP or mounted)")

    listing = actions.add_parser("list", help="recorder folders, or the files of one folder")
    listing.add_argument("folder", nargs="?", help="a recorder folder (default: all folders)")
    add_deposit_options(listing)
    listing.set_defaults(func=cmd_list)

    scan = actions.add_parser("scan", help="scan the deposit: which uploads are complete")
    scan.add_argument("--all", action="store_true", help="show complete files too")
    scan.add_argument("--inspect", action="store_true",
                      help="then inspect the complete recordings not inspected yet "
                      "(duration, pictures, quality flags: `recmanager inspect FILE`)")
    add_deposit_options(scan)
    scan.set_defaults(func=cmd_scan)

    download = actions.add_parser("download", help="copy a deposited file here (resumable)")
    download.add_argument("path", help="server path, or the path below the deposit root")
    download.add_argument("destination", nargs="?", default=".",
                          help="a file name or an existing folder (default: here)")
    download.add_argument("--overwrite", action="store_true",
                          help="replace a local file of that name (otherwise refused)")
    add_deposit_options(download)
    download.set_defaults(func=cmd_download)

    upload = actions.add_parser(
        "upload", help="deposit a local recording into a recorder folder")
    upload.add_argument("file", type=Path, help="the local file")
    upload.add_argument("folder", help="the recorder's folder (its deposit directory)")
    upload.add_argument("--name", help="the name on the server (default: the local name)")
    add_deposit_options(upload)
    upload.set_defaults(func=cmd_upload)


def add_deposit_options(parser: argparse.ArgumentParser) -> None:
    """``--profile``, ``--json``, ``--deposit ADDRESS`` and ``--host-key``: the options of every
    command that reads the deposit."""
    add_connection_options(parser)
    parser.add_argument(
        "--deposit", metavar="ADDRESS",
        help=f"sftp://user@host:port/path or a mounted folder (else ${ENV_DEPOSIT}, else the "
        "profile's)")
    parser.add_argument(
        "--host-key", metavar="SHA256:…",
        help="accept and remember the SSH server's key if its fingerprint is exactly this")


def deposit_profile(args: argparse.Namespace, context: AppContext) -> Profile:
    """The profile to use, with ``--deposit`` / ``RECMANAGER_DEPOSIT`` applied on top."""
    spec = args.deposit or os.environ.get(ENV_DEPOSIT, "")
    try:
        profile = context.resolve_profile(args.profile)
    except ConfigError:
        if not spec or args.profile:
            raise
        # A deposit address alone is enough: no Pod is needed to use the deposit folder.
        profile = Profile(name=ENV_PROFILE, pod_url="")
    if spec:
        apply_deposit_spec(profile, spec)
    return profile


def _host_key_question(args: argparse.Namespace) -> HostKeyQuestion | None:
    expected = args.host_key
    if expected:
        def accept_exactly(host: str, key_type: str, fingerprint: str) -> str:
            return "accept" if fingerprint == expected else "cancel"
        return accept_exactly
    if not sys.stdin.isatty():
        return None

    def ask(host: str, key_type: str, fingerprint: str) -> str:
        sys.stderr.write(translate(
            "deposit", "The SSH server {host} is not known yet.\nIts {type} key fingerprint is "
            "{fingerprint}.\nAccept and remember it (yes), connect once (once), or cancel (no)? "
        ).format(host=host, type=key_type, fingerprint=fingerprint))
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        return {"yes": "accept", "y": "accept", "once": "once"}.get(answer, "cancel")

    return ask


def open_from_args(args: argparse.Namespace, context: AppContext) -> tuple[Profile, Deposit]:
    """The deposit the options name, connected (asking about an unknown host key)."""
    profile = deposit_profile(args, context)
    return profile, open_deposit(profile, context, on_unknown_host_key=_host_key_question(args))


def _json(data: object) -> None:
    # The helpers' default streams are bound when they are imported; pass today's.
    print_json(data, sys.stdout)


def _table(rows: list[list[str]], headers: list[str]) -> None:
    print_table(rows, headers, sys.stdout)


def server_path(deposit: Deposit, path: str) -> str:
    """A path as typed (absolute on the server, or below the deposit root) on the server."""
    return path if path.startswith("/") else f"{deposit.root}/{path.lstrip('/')}"


def _when(timestamp: float) -> str:
    return iso_minutes(datetime.fromtimestamp(timestamp, UTC))


def cmd_list(args: argparse.Namespace, context: AppContext) -> int:
    _profile, deposit = open_from_args(args, context)
    with deposit:
        if args.folder:
            files = deposit.list_files(args.folder)
            if args.json:
                _json(files)
            else:
                _table([[f.name, human_size(f.size), _when(f.mtime)]
                             for f in files], ["NAME", "SIZE", "MODIFIED"])
            return 0
        listing = deposit.list_all()
    if args.json:
        _json({"folders": {name: files for name, files in sorted(listing.items())},
                    "refused": listing.refused, "failed": listing.failed})
        return 0
    _table([[name, str(len(files)), human_size(sum(f.size for f in files))]
                 for name, files in sorted(listing.items())], ["FOLDER", "FILES", "SIZE"])
    _report_refused(listing.refused, listing.failed)
    return 0


def _report_refused(refused: list, failed: dict[str, str]) -> None:
    for item in refused:
        print(translate("deposit", "refused: {folder}/{name}: {reason}").format(
            folder=item.folder, name=item.name, reason=item.reason), file=sys.stderr)
    for folder, error in failed.items():
        print(translate("deposit", "not listed: {folder}: {error}").format(
            folder=printable(folder), error=error), file=sys.stderr)


def cmd_scan(args: argparse.Namespace, context: AppContext) -> int:
    profile, deposit = open_from_args(args, context)
    scanner = Scanner(context.db, profile.name, context.settings.get("quiet_period_s"))
    with deposit:
        result = scanner.scan(deposit)
        if args.inspect:
            _inspect_after(deposit, context, profile, result)
    if args.json:
        _json(result)
        return 0
    shown = [item for item in result.files.values() if args.all or item.state != "complete"]
    now = result.scanned_at
    _table(
        [[item.state, human_size(item.size), f"{int((now - item.stable_since).total_seconds())} s",
          item.path] for item in sorted(shown, key=lambda i: i.path)],
        ["STATE", "SIZE", "UNCHANGED", "PATH"])
    print(translate(
        "deposit", "{files} files in {folders} folders: {complete} complete, {uploading} "
        "uploading, {new} new, {gone} gone.").format(
        files=len(result.files), folders=len(result.folders),
        complete=len(result.in_state("complete")), uploading=len(result.in_state("uploading")),
        new=len(result.new), gone=len(result.gone)))
    _report_refused(result.refused, result.failed_folders)
    return 0


def _inspect_after(deposit: Deposit, context: AppContext, profile: Profile,
                   result: ScanResult) -> None:
    from recmanager.inspection import InspectionSettings, inspect_after_scan

    done = inspect_after_scan(deposit, context.db, profile.name, result,
                              InspectionSettings.from_settings(context.settings))
    print(translate("deposit", "Inspected: {new} new, {known} known already, {failed} not "
                    "readable.").format(new=len(done.inspected), known=len(done.known),
                                        failed=len(done.failed)), file=sys.stderr)
    for path, error in sorted(done.failed.items()):
        print(translate("deposit", "not inspected: {path}: {error}").format(
            path=printable(path), error=error), file=sys.stderr)


def cmd_download(args: argparse.Namespace, context: AppContext) -> int:
    _profile, deposit = open_from_args(args, context)
    with deposit:
        path = server_path(deposit, args.path)
        progress = TerminalProgress(translate("deposit", "download"), sys.stderr)
        try:
            result = deposit.download(path, Path(args.destination), progress,
                                      overwrite=args.overwrite)
        finally:
            progress.close()
    if args.json:
        _json({"path": path, "file": result, "size": result.stat().st_size})
    else:
        print(result)
    return 0


def cmd_upload(args: argparse.Namespace, context: AppContext) -> int:
    """Upload, journalled: an upload killed midway is audited at the next one (it resumes)."""
    from recmanager.actions.reconcile import reconcile_interrupted
    from recmanager.actions.upload import upload_recording

    profile, deposit = open_from_args(args, context)
    with deposit:
        for message in reconcile_interrupted(context.db, profile, None, deposit):
            print(message, file=sys.stderr)
        progress = TerminalProgress(translate("deposit", "upload"), sys.stderr)
        try:
            remote = upload_recording(context.db, profile, _actor(profile), deposit, args.file,
                                      args.folder, args.name, progress)
        finally:
            progress.close()
    if args.json:
        _json(remote)
    else:
        print(remote.path)
    return 0


def _actor(profile: Profile) -> str:
    return profile.sftp_user or profile.pod_username or os.environ.get("USER", "")
