"""Headless actions for scripts and cron: ``delete``, ``quarantine list|undo``, ``reassign``,
``audit export``.

They run the very actions of the window (check, do, verify on the server, audit).
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager import audit
from recmanager.actions.opening import open_actions
from recmanager.actions.undo import undoable_quarantines
from recmanager.commands.common import (
    add_actions,
    add_connection_options,
    add_json_option,
    print_json,
    print_table,
    report_start,
)
from recmanager.errors import ActionError, ConfigError
from recmanager.formatting import human_size
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit import QuarantinedFile


def register(subparsers: argparse._SubParsersAction) -> None:
    delete = subparsers.add_parser(
        "delete",
        help="delete a deposited recording (superusers): the file, then Pod's unclaimed row",
    )
    delete.add_argument(
        "file", metavar="FILE",
        help="absolute path on the server, or the path below the deposit root "
        "(e.g. amphiA/lecture.mp4)",
    )
    delete.add_argument(
        "--quarantine", action="store_true",
        help="move the file to the profile's quarantine folder instead (undo possible)",
    )
    add_connection_options(delete)
    delete.set_defaults(func=cmd_delete)

    quarantine_actions = add_actions(
        subparsers, "quarantine", "recordings deleted with --quarantine: list them, put one back")
    held = quarantine_actions.add_parser(
        "list", help="quarantined recordings that can still be put back, newest first")
    add_connection_options(held)
    held.set_defaults(func=cmd_quarantine_list)
    undo = quarantine_actions.add_parser(
        "undo", help="put a quarantined recording back in the deposit folder (Undo)")
    undo.add_argument(
        "file", metavar="FILE", nargs="?",
        help="its path before deletion, absolute or below the deposit root (default: the "
        "last one deleted)")
    add_connection_options(undo)
    undo.set_defaults(func=cmd_quarantine_undo)

    reassign = subparsers.add_parser("reassign", help="give a claimed video to another owner")
    reassign.add_argument("--video", required=True, type=int, metavar="ID", help="Pod video id")
    reassign.add_argument("--owner", required=True, metavar="LOGIN", help="login or e-mail")
    add_connection_options(reassign)
    reassign.set_defaults(func=cmd_reassign)

    audit_actions = add_actions(subparsers, "audit", "the log of every action")
    export = audit_actions.add_parser("export", help="write the audit log as CSV")
    export.add_argument("output", metavar="OUT.csv", type=Path)
    export.add_argument("--action", default="", help="only this action (claim, delete…)")
    export.add_argument("--text", default="", help="only entries mentioning this text")
    add_json_option(export)
    export.set_defaults(func=cmd_audit_export)


def server_path(profile: Profile, file: str) -> str:
    """An absolute server path from what a person typed (absolute, or below the root)."""
    if file.startswith("/"):
        return posixpath.normpath(file)
    return posixpath.normpath(posixpath.join(profile.deposit_root, file))


def cmd_delete(args: argparse.Namespace, context: AppContext) -> int:
    profile = context.resolve_profile(args.profile)
    if args.quarantine and not profile.quarantine_dir:
        raise ConfigError(
            translate("commands", "The profile \"{name}\" has no quarantine folder.").format(
                name=profile.name),
            hint=translate("commands", "Set one in the profile, or delete without --quarantine."),
        )
    with open_actions(profile, context, need_deposit=True) as actions:
        report_start(actions)
        actions.actor = f"cli:{actions.actor}"
        result = actions.delete(server_path(actions.profile, args.file),
                                quarantine=args.quarantine)
    if args.json:
        print_json({  # the current stdout (print_json's default is bound at import)
            "path": result.path,
            "size": result.size,
            "treatment_id": result.treatment_id,
            "quarantined_path": result.quarantined.quarantined_path if result.quarantined
            else None,
        }, sys.stdout)
    else:
        print(f"{result.message} ({human_size(result.size)})")
    return 0


def _quarantined(profile: Profile, context: AppContext) -> list[QuarantinedFile]:
    """What Undo can put back, as the window offers it."""
    return undoable_quarantines(context.db, profile.name,
                                int(context.settings.get("quarantine_days")))


def cmd_quarantine_list(args: argparse.Namespace, context: AppContext) -> int:
    held = _quarantined(context.resolve_profile(args.profile), context)
    if args.json:
        print_json(held, sys.stdout)
    else:
        print_table([[item.original_path, item.quarantined_at.isoformat(timespec="seconds"),
                      human_size(item.size)] for item in held],
                    [translate("commands", "File"), translate("commands", "Quarantined"),
                     translate("commands", "Size")])
    return 0


def cmd_quarantine_undo(args: argparse.Namespace, context: AppContext) -> int:
    profile = context.resolve_profile(args.profile)
    held = _quarantined(profile, context)
    if args.file:
        path = server_path(profile, args.file)
        held = [item for item in held if item.original_path == path]
    if not held:
        raise ActionError(
            translate("commands", "No quarantined recording of {file} can be put back.").format(
                file=args.file) if args.file
            else translate("commands", "No quarantined recording to put back."),
            hint=translate("commands", "`recmanager quarantine list` shows what can be put "
                           "back; files older than the quarantine period are gone."))
    chosen = held[0]  # the newest
    with open_actions(profile, context, need_deposit=True) as actions:
        actions.actor = f"cli:{actions.actor}"
        message = actions.undo_quarantine(chosen)
    if args.json:
        print_json({"path": chosen.original_path,
                    "quarantined_path": chosen.quarantined_path}, sys.stdout)
    else:
        print(message)
    return 0


def cmd_reassign(args: argparse.Namespace, context: AppContext) -> int:
    profile = context.resolve_profile(args.profile)
    with open_actions(profile, context) as actions:
        report_start(actions)
        actions.actor = f"cli:{actions.actor}"
        result = actions.reassign(args.video, args.owner)
    if args.json:
        print_json({
            "video_id": result.video_id,
            "old_owner": result.old_owner,
            "new_owner": result.new_owner,
            "files_moved": result.files_moved,
        }, sys.stdout)
    else:
        print(result.message)
    return 0


def cmd_audit_export(args: argparse.Namespace, context: AppContext) -> int:
    entries = audit.entries(context.db, text=args.text, action=args.action)
    count = audit.export_csv(entries, args.output)
    if args.json:
        print_json({"path": str(args.output), "entries": count}, sys.stdout)
    else:
        print(translate("commands", "{count} audit entries written to {path}.").format(
            count=count, path=args.output))
    return 0
