"""Headless Pod commands: ``recorders list``, ``unclaimed list``, ``claim``, ``notify-url``.

The ``recorders`` command group is shared: :func:`recorders_parser` returns its
sub-command action (created once), so another module adds ``recorders show`` & co. with
``recorders_parser(subparsers).add_parser("show", …)``, whichever module registers first.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from typing import TYPE_CHECKING, Any

from recmanager import audit, i18n
from recmanager.commands.common import (
    add_actions,
    add_connection_options,
    ip_address,
    print_json,
    print_table,
    report_start,
)
from recmanager.config import POD_DEFAULT_DEPOSIT_ROOT
from recmanager.errors import (
    ConfigError,
    DepositError,
    RecmanagerError,
)
from recmanager.formatting import human_size, iso_minutes
from recmanager.i18n import translate
from recmanager.inspection import Inspection, clock
from recmanager.pod.model import Recorder, Treatment, same_name
from recmanager.pod.notify import check_device_key, notify_key, notify_url, recording_place
from recmanager.pod.rest import PodClient

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext

_RECORDERS_GROUP = "_recmanager_recorders_group"


def recorders_parser(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-commands of ``recmanager recorders`` (created on first call, then reused)."""
    group = getattr(subparsers, _RECORDERS_GROUP, None)
    if group is None:
        group = add_actions(subparsers, "recorders", "recorders of the Pod server")
        setattr(subparsers, _RECORDERS_GROUP, group)
    return group


def register(subparsers: argparse._SubParsersAction) -> None:
    recorders_list = recorders_parser(subparsers).add_parser(
        "list", help="list the recorders Pod knows"
    )
    add_connection_options(recorders_list)
    recorders_list.set_defaults(func=cmd_recorders_list)

    unclaimed_actions = add_actions(subparsers, "unclaimed", "recordings nobody has claimed yet")
    unclaimed_list = unclaimed_actions.add_parser("list", help="list the unclaimed recordings")
    unclaimed_list.add_argument(
        "--recorder", metavar="NAME", help="only this recorder (name or id)"
    )
    add_connection_options(unclaimed_list)
    unclaimed_list.set_defaults(func=cmd_unclaimed_list)

    claim = subparsers.add_parser("claim", help="claim an unclaimed recording for a staff owner")
    claim.add_argument(
        "file", metavar="FILE",
        help="the deposited file: absolute path on the server, path below the deposit root, "
        "or a file name that only one unclaimed recording has",
    )
    claim.add_argument("--owner", required=True, metavar="LOGIN", help="login or e-mail (staff)")
    claim.add_argument("--title", help="video title (default: the file name without extension)")
    add_connection_options(claim)
    claim.set_defaults(func=cmd_claim)

    notify = subparsers.add_parser("notify-url", help="the URL a recorder calls after a deposit")
    notify.add_argument("--ip", required=True, type=ip_address,
                        help="the recorder's IPv4 or IPv6 address")
    notify.add_argument("--salt", required=True, help="the recorder's hash key (salt)")
    notify.add_argument(
        "--file", required=True, metavar="NAME",
        help="the deposited file: absolute path on the server or path below the deposit root "
        "(e.g. amphiA/lecture.mp4)",
    )
    notify.add_argument("--pod-url", help="Pod's address (default: from the profile)")
    notify.add_argument("--deposit-root", help="Pod's DEFAULT_RECORDER_PATH (default: profile's)")
    notify.add_argument("--check-key", metavar="KEY", help="also check a key copied from a device")
    add_connection_options(notify)
    notify.set_defaults(func=cmd_notify_url)


def _client(args: argparse.Namespace, context: AppContext) -> tuple[Profile, PodClient]:
    profile = context.resolve_profile(args.profile)
    return profile, PodClient.from_profile(profile, context.secrets)


def _recorder_json(recorder: Recorder) -> dict[str, Any]:
    return {
        "id": recorder.id,
        "name": recorder.name,
        "address_ip": recorder.address_ip,
        "recording_type": recorder.recording_type,
        "description": recorder.description,
    }


def cmd_recorders_list(args: argparse.Namespace, context: AppContext) -> int:
    _, client = _client(args, context)
    with client:
        recorders = client.recorders()
    if args.json:
        print_json([_recorder_json(r) for r in recorders], sys.stdout)
    else:
        print_table(
            [[str(r.id), r.name, r.address_ip, r.recording_type] for r in recorders],
            ["ID", "NAME", "IP", "TYPE"],
            sys.stdout,
        )
    return 0


def _resolve_recorder(client: PodClient, name: str) -> Recorder:
    recorder = client.find_recorder(name)
    if recorder is None:
        raise ConfigError(
            translate("commands", "Pod has no recorder named \"{name}\".").format(name=name),
            hint=translate("commands", "`recmanager recorders list` shows their names."),
        )
    return recorder


def _treatment_json(treatment: Treatment, recorders: dict[int, Recorder]) -> dict[str, Any]:
    recorder = recorders.get(treatment.recorder_id or -1)
    return {
        "id": treatment.id,
        "file": treatment.file,
        "file_size": treatment.file_size,
        "recorder_id": treatment.recorder_id,
        "recorder": recorder.name if recorder else None,
        "type": treatment.type,
        "date_added": treatment.date_added,
    }


def cmd_unclaimed_list(args: argparse.Namespace, context: AppContext) -> int:
    profile, client = _client(args, context)
    with client:
        recorders = {r.id: r for r in client.recorders()}
        recorder_id = _resolve_recorder(client, args.recorder).id if args.recorder else None
        treatments = sorted(
            client.treatments(recorder_id), key=lambda t: (t.date_added is None, t.date_added, t.id)
        )
    inspections = _inspections(context, profile, treatments)
    rows = [_treatment_json(t, recorders) | _inspection_json(inspections.get(
        posixpath.normpath(t.file))) for t in treatments]
    if args.json:
        print_json(rows, sys.stdout)
    else:
        print_table(
            [
                [
                    str(row["id"]), row["recorder"] or "?", row["file"],
                    human_size(row["file_size"]),
                    clock(row["duration_s"]) if row["duration_s"] is not None else "",
                    ", ".join(flag["label"] for flag in row["flags"] or ()),
                    iso_minutes(row["date_added"]) if row["date_added"] else "",
                ]
                for row in rows
            ],
            ["ID", "RECORDER", "FILE", "SIZE", "DURATION", "FLAGS", "ADDED"],
            sys.stdout,
        )
    return 0


def _inspections(context: AppContext, profile: Profile,
                 treatments: list[Treatment]) -> dict[str, Inspection]:
    """The inspection of each treatment's file found in the deposit: from the store, or made
    now (a few at a time) for files not seen yet. Without a deposit, none (and why, on
    stderr): the list itself needs only Pod."""
    from recmanager.deposit import open_deposit
    from recmanager.inspection import InspectionSettings, inspect_files

    if not (profile.local_deposit if profile.deposit_kind == "local" else profile.sftp_host):
        return {}
    wanted = {posixpath.normpath(t.file) for t in treatments}
    try:
        with open_deposit(profile, context) as deposit:
            files = [item for folder in deposit.list_all().values() for item in folder
                     if item.path in wanted]
            return inspect_files(deposit, context.db, profile.name, files,
                                 InspectionSettings.from_settings(context.settings),
                                 on_start=_inspecting).all
    except DepositError as exc:
        print(translate("commands", "Durations and flags are not shown: {error}").format(
            error=exc), file=sys.stderr)
        return {}


def _inspecting(count: int) -> None:
    if count:
        print(i18n.tr("Recordings not seen before, inspected now (a moment each): %n…", "",
                      count), file=sys.stderr)


def _inspection_json(found: Inspection | None) -> dict[str, Any]:
    """The inspection's columns of a row; None where the file was not inspected."""
    if found is None:
        return {"duration_s": None, "resolution": None, "has_audio": None, "flags": None}
    return {"duration_s": found.duration_s, "resolution": found.resolution,
            "has_audio": found.has_audio, "flags": found.flags_json()}


def _find_treatment(
    client: PodClient, profile: Profile, file: str
) -> tuple[str, Treatment | None]:
    """The server path ``file`` names and its unclaimed row; relative paths are below the
    settled deposit root. A path without a row is left to the claim action, which finds a
    claim an interrupted run already made (or says the file is not claimable)."""
    root = profile.deposit_root
    if "/" in file:
        path = posixpath.normpath(file if file.startswith("/") else posixpath.join(root, file))
        found = client.treatment_for_file(path)
        return (found.file if found else path), found
    else:
        matches = [t for t in client.treatments() if same_name(t.filename, file)]
        if len(matches) > 1:
            raise ConfigError(
                translate("commands", "{count} unclaimed recordings are named {name}.").format(
                    count=len(matches), name=file
                ),
                hint=translate("commands", "Give the path, e.g. {example}.").format(
                    example=posixpath.join(matches[0].directory, file)
                ),
            )
        found = matches[0] if matches else None
    if found is None:
        raise ConfigError(
            translate("commands", "No unclaimed recording matches {file}.").format(file=file),
            hint=translate("commands", "`recmanager unclaimed list` shows them."),
        )
    return found.file, found


def cmd_claim(args: argparse.Namespace, context: AppContext) -> int:
    """The inbox's claim action: checks, claim, verification and audit entry."""
    from recmanager.actions.opening import open_actions

    profile = context.resolve_profile(args.profile)
    with open_actions(profile, context) as actions:
        report_start(actions)
        try:
            path, treatment = _find_treatment(actions.client, actions.profile, args.file)
        except RecmanagerError as exc:
            audit.record(
                context.db, profile=profile.name, actor=actions.actor, action="claim",
                target=args.file, result="refused", error=str(exc),
                detail={"owner": args.owner},
            )
            raise
        title = args.title or posixpath.splitext(posixpath.basename(path))[0]
        result = actions.claim(path, args.owner, title)
    if args.json:
        print_json({
            "file": result.path,
            "treatment_id": treatment.id if treatment is not None else None,
            "recording_id": result.recording_id,
            "video_id": result.video_id,
            "owner": result.owner,
            "recording_owner": result.recording_owner,
            "title": result.title,
            "already_done": result.already_done,
            "reassigned_to": result.reassigned_to,
            "notes": list(result.notes),
        }, sys.stdout)
    else:
        print(result.message)
    return 0


def cmd_notify_url(args: argparse.Namespace, context: AppContext) -> int:
    pod_url, root = args.pod_url, args.deposit_root
    if not pod_url or not root:
        try:
            profile = context.resolve_profile(args.profile)
        except ConfigError:
            if not pod_url:
                raise
            profile = None
        if profile is not None:
            pod_url = pod_url or profile.pod_url
            root = root or profile.deposit_root
    mediapath = args.file if args.file.startswith("/") else posixpath.join(
        root or POD_DEFAULT_DEPOSIT_ROOT, args.file
    )
    url = notify_url(pod_url, args.ip, mediapath, args.salt)
    check = check_device_key(args.ip, args.salt, args.check_key) if args.check_key else None
    if args.json:
        print_json({
            "url": url,
            "key": notify_key(args.ip, args.salt),
            "recordingPlace": recording_place(args.ip),
            "mediapath": mediapath,
            "key_check": None if check is None else {
                "verdict": check.verdict.value, "ok": check.ok, "message": check.message,
            },
        }, sys.stdout)
    else:
        print(url)
        if check is not None:
            print(check.message, file=sys.stdout if check.ok else sys.stderr)
    return 0 if check is None or check.ok else 1
