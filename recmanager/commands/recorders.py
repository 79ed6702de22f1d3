"""Headless recorder commands: ``recorders show | edit | create | check | notify``.

``recorders list`` belongs to :mod:`recmanager.commands.pod`; the group is shared through
its :func:`recorders_parser`. Everything here calls :mod:`recmanager.recorders`, as the
recorders window does.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from recmanager.commands.common import add_connection_options, print_json, print_table
from recmanager.commands.pod import recorders_parser
from recmanager.errors import EXIT_DONE_WITH_WARNING, DoneWithWarning, RecmanagerError
from recmanager.i18n import translate
from recmanager.recorders.mode import mode_label
from recmanager.recorders.model import (
    RECORDING_TYPES,
    WEB_FIELDS,
    RecorderFields,
    RecorderInfo,
    field_label,
)
from recmanager.recorders.notify import check_key, notify_details, notify_for_real
from recmanager.recorders.sanity import FixKind, apply_fix, deposit_scanner, run_checks
from recmanager.recorders.saving import (
    SaveReport,
    audit_partial_save,
    audit_save,
    audit_unsaved,
    reconcile_edit,
)
from recmanager.recorders.service import RecorderService
from recmanager.recorders.validation import generate_hash_key

if TYPE_CHECKING:
    from recmanager.context import AppContext

AUTOMATIC_FIXES = (FixKind.DELETE_TREATMENT, FixKind.CREATE_FOLDER)


# `recorders check`: nothing wrong was found, but some checks could not run (a script must
# not read that as "all clear").
CHECKS_SKIPPED = 3

def _field_options(parser: argparse.ArgumentParser, *, creating: bool) -> None:
    parser.add_argument("--name", required=False, help="the recorder's name (unique)")
    parser.add_argument("--ip", required=creating, help="the device's IPv4 or IPv6 address")
    parser.add_argument("--folder", required=creating,
                        help="its folder under the deposit root (one folder name)")
    key = parser.add_mutually_exclusive_group()
    key.add_argument("--salt", metavar="KEY", help="the hash key (salt) devices use; other "
                     "users can see a command line: prefer --salt-stdin or --new-salt")
    key.add_argument("--salt-stdin", action="store_true",
                     help="read the hash key from the first line of standard input")
    key.add_argument("--new-salt", action="store_true",
                     help="generate a new random hash key" + ("" if creating else
                                                              " (devices must be told)"))
    manager = parser.add_mutually_exclusive_group()
    manager.add_argument("--manager", metavar="LOGIN",
                         help="manager's login or e-mail (a staff user)")
    manager.add_argument("--no-manager", action="store_true",
                         help="no manager: recordings are claimed by hand")
    parser.add_argument("--additional-owners", metavar="LOGINS",
                        help="comma-separated logins added as owners of the videos")
    parser.add_argument("--video-type", metavar="TYPE", help="video type: id or title")
    parser.add_argument("--recording-type", choices=RECORDING_TYPES)
    parser.add_argument("--description")
    auto = parser.add_mutually_exclusive_group()
    auto.add_argument("--auto-publish", dest="auto_publish", action="store_true", default=None,
                      help="publish automatically in the manager's name")
    auto.add_argument("--no-auto-publish", dest="auto_publish", action="store_false")
    add_connection_options(parser)


def register(subparsers: argparse._SubParsersAction) -> None:
    group = recorders_parser(subparsers)
    show = group.add_parser("show", help="one recorder's settings, notify key and URL")
    show.add_argument("name", metavar="NAME", help="recorder name or id")
    show.add_argument("--check-key", metavar="KEY",
                      help="check the key a device is configured with (exit 1 if wrong)")
    show.add_argument("--show-key", action="store_true",
                      help="print the hash key itself (hidden otherwise)")
    add_connection_options(show)
    show.set_defaults(func=cmd_show)

    edit = group.add_parser("edit", help="change a recorder (validated before anything is sent)")
    edit.add_argument("recorder", metavar="NAME", help="recorder name or id")
    _field_options(edit, creating=False)
    edit.set_defaults(func=cmd_edit)

    create = group.add_parser("create", help="create a recorder (needs the web session)")
    _field_options(create, creating=True)
    create.set_defaults(func=cmd_create)

    check = group.add_parser(
        "check", help="sanity checks of recorders and deposit (exit 1 when something is wrong, "
        f"{CHECKS_SKIPPED} when nothing is wrong but some checks could not run)")
    claiming = check.add_mutually_exclusive_group()
    claiming.add_argument("--manual-claiming", dest="manual_claiming", action="store_true",
                          default=None, help="this Pod allows manual claiming")
    claiming.add_argument("--no-manual-claiming", dest="manual_claiming", action="store_false",
                          help="this Pod does not allow manual claiming")
    check.add_argument("--fix", action="store_true",
                       help="apply the fixes that need no choice (stale treatment rows, "
                       "missing folders), then check again")
    add_connection_options(check)
    check.set_defaults(func=cmd_check)

    notify = group.add_parser(
        "notify", help="call a recorder's notify URL for real (Pod e-mails or publishes)")
    notify.add_argument("recorder", metavar="NAME", help="recorder name or id")
    notify.add_argument("--file", required=True, metavar="NAME",
                        help="the deposited file's name in the recorder's folder")
    notify.add_argument("--yes", action="store_true",
                        help="really call it (without --yes the URL is only printed)")
    add_connection_options(notify)
    notify.set_defaults(func=cmd_notify)


def _service(args: argparse.Namespace, context: AppContext) -> RecorderService:
    return RecorderService.open(context.resolve_profile(args.profile), context.secrets)


HIDDEN = "********"


def _info_json(service: RecorderService, info: RecorderInfo, show_key: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"id": info.id, **asdict(info.fields)}
    if not show_key and data.get("salt"):
        data["salt"] = HIDDEN
    data.update(
        mode=info.mode.value,
        manager=info.manager_username or None,
        additional_owners=list(info.additional_usernames),
        video_type=info.type_title or None,
        files_waiting=info.files_waiting,
        web_available=info.web_available,
    )
    if not info.web_available:
        data["web_unavailable_reason"] = info.web_unavailable_reason
        for name in WEB_FIELDS:
            data.pop(name, None)
    else:
        details = notify_details(service.profile, info)
        data.update(notify_key=details.key, notify_url=details.url)
    return data


def _print_info(service: RecorderService, info: RecorderInfo, show_key: bool) -> None:
    unavailable = translate("commands", "unavailable: {reason}").format(
        reason=info.web_unavailable_reason)
    values = info.fields

    def web(value: object) -> str:
        return str(value) if info.web_available else unavailable

    rows = [
        ("ID", str(info.id)),
        (field_label("name"), values.name),
        (field_label("address_ip"), values.address_ip),
        (field_label("recording_type"), values.recording_type),
        (field_label("description"), values.description),
        (field_label("directory"), web(values.directory)),
        (field_label("salt"), web(values.salt if show_key or not values.salt else HIDDEN)),
        (field_label("manager_id"), web(info.manager_username or "-")),
        (field_label("additional_user_ids"), web(", ".join(info.additional_usernames) or "-")),
        (field_label("type_id"), web(info.type_title)),
        (translate("commands", "Mode"), mode_label(info.mode)),
        (translate("commands", "Files waiting"), str(info.files_waiting)),
    ]
    if info.web_available:
        details = notify_details(service.profile, info)
        rows += [(translate("commands", "Notify key"), details.key),
                 (translate("commands", "Notify URL"), details.url)]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


def cmd_show(args: argparse.Namespace, context: AppContext) -> int:
    with _service(args, context) as service:
        info = service.find(args.name)
        check = check_key(info, args.check_key) if args.check_key else None
        if args.json:
            data = _info_json(service, info, args.show_key)
            if check is not None:
                data["key_check"] = {"verdict": check.verdict.value, "ok": check.ok,
                                     "message": check.message}
            print_json(data, sys.stdout)
        else:
            _print_info(service, info, args.show_key)
            if check is not None:
                print(check.message, file=sys.stdout if check.ok else sys.stderr)
    return 0 if check is None or check.ok else 1


def _video_type(service: RecorderService, value: str) -> int:
    types = service.client.video_types()
    for video_type in types:
        if value == str(video_type.id) or value.casefold() == video_type.title.casefold():
            return video_type.id
    raise RecmanagerError(
        translate("commands", "Pod has no video type \"{value}\".").format(value=value),
        hint=translate("commands", "Known types: {types}.").format(
            types=", ".join(f"{t.id} {t.title}" for t in types)),
    )


def _draft(args: argparse.Namespace, service: RecorderService, base: RecorderInfo | None) -> (
    RecorderFields
):
    fields = replace(base.fields) if base is not None else RecorderFields(
        salt="", directory="", publication_auto=False, additional_user_ids=())
    changes: dict[str, Any] = {}
    for option, name in (("name", "name"), ("ip", "address_ip"), ("folder", "directory"),
                         ("salt", "salt"), ("recording_type", "recording_type"),
                         ("description", "description"), ("auto_publish", "publication_auto")):
        value = getattr(args, option)
        if value is not None:
            changes[name] = value
    if args.salt_stdin:
        changes["salt"] = sys.stdin.readline().strip()
    if args.new_salt or (base is None and "salt" not in changes):
        changes["salt"] = generate_hash_key()
    if args.video_type is not None:
        changes["type_id"] = _video_type(service, args.video_type)
    elif base is None:
        types = service.client.video_types()
        changes["type_id"] = types[0].id if types else None
    fields = replace(fields, **changes)
    if base is None and not fields.name:
        fields.name = fields.directory or ""
    manager: str | None = base.manager_username if base is not None else ""
    if args.manager is not None:
        manager = args.manager
    elif args.no_manager:
        manager = ""
    additional = list(base.additional_usernames) if base is not None else []
    if args.additional_owners is not None:
        additional = [a for a in args.additional_owners.split(",") if a.strip()]
    user_options = args.manager is not None or args.no_manager or (
        args.additional_owners is not None)
    if not service.web_available and not user_options:
        return fields  # the users are unknown without the web session; leave them unknown
    return service.with_users(fields, manager, additional)


def _report(args: argparse.Namespace, context: AppContext, service: RecorderService,
            report: SaveReport) -> int:
    audit_save(context.db, service.profile, report)
    if args.json:
        print_json({
            "id": report.recorder_id, "created": report.created, "via_rest": report.via_rest,
            "via_web": report.via_web,
            "not_taken": [asdict(m) for m in report.not_taken],
        }, sys.stdout)
    else:
        print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    if report.ok:
        return 0
    return EXIT_DONE_WITH_WARNING if report.partial else 1


def cmd_edit(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.actions.reconcile import reconcile_interrupted

    profile = context.resolve_profile(args.profile)
    with audit_unsaved(context.db, profile, args.recorder, creating=False), \
            RecorderService.open(profile, context.secrets) as service:
        for message in reconcile_interrupted(
                context.db, service.profile, service.client,
                others={"recorder-edit": lambda intent: reconcile_edit(service, intent)}):
            print(message, file=sys.stderr)
        before = service.find(args.recorder)
        draft = _draft(args, service, before)
        try:
            report = service.save(before, draft, db=context.db)
        except DoneWithWarning as exc:  # exit code 3, with the entry saying what is saved
            audit_partial_save(context.db, service.profile, before, exc)
            raise
    return _report(args, context, service, report)


def cmd_create(args: argparse.Namespace, context: AppContext) -> int:
    profile = context.resolve_profile(args.profile)
    with audit_unsaved(context.db, profile, args.name or args.folder or "", creating=True), \
            RecorderService.open(profile, context.secrets) as service:
        draft = _draft(args, service, None)
        report = service.save(None, draft)
        if not args.json and report.after is not None:
            print(translate("commands", "Hash key: {key}").format(key=report.after.fields.salt))
        return _report(args, context, service, report)


def cmd_check(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.deposit import open_deposit
    from recmanager.recorders.sanity import MANUAL_CLAIMING

    profile = context.resolve_profile(args.profile)
    if args.manual_claiming is not None:
        profile.extra[MANUAL_CLAIMING] = args.manual_claiming
    with RecorderService.open(profile, context.secrets) as service, open_deposit(
        profile, context
    ) as deposit:
        scanner = deposit_scanner(context, profile)
        report = run_checks(service, deposit, scanner=scanner)
        fixed: list[str] = []
        if args.fix and report.findings:
            for finding in report.findings:
                if finding.fix in AUTOMATIC_FIXES:
                    fixed.append(apply_fix(finding, service, deposit, db=context.db))
            if fixed:
                report = run_checks(service, deposit, scanner=scanner)
    if args.json:
        print_json({"ok": report.ok, "fixed": fixed, "skipped": report.skipped,
                    "findings": [asdict(f) for f in report.findings]}, sys.stdout)
    else:
        for line in fixed:
            print(line)
        for line in report.skipped:
            print(translate("commands", "not checked: {what}").format(what=line),
                  file=sys.stderr)
        if report.ok and report.skipped:
            print(translate(
                "commands", "No problem found by the checks that ran; {count} could not run "
                "(see above).").format(count=len(report.skipped)))
        elif report.ok:
            print(translate("commands", "No problem found."))
        else:
            print_table([[f.kind.value, f.subject, f.message, f.fix_text]
                         for f in report.findings],
                        ["PROBLEM", "SUBJECT", "DETAIL", "FIX"], sys.stdout)
    if not report.ok:
        return 1
    return CHECKS_SKIPPED if report.skipped else 0


def cmd_notify(args: argparse.Namespace, context: AppContext) -> int:
    with _service(args, context) as service:
        info = service.find(args.recorder)
        details = notify_details(service.profile, info, args.file)
        if not args.yes:
            print(details.url)
            print(translate("commands", "Not called: add --yes to call it for real (Pod will "
                            "e-mail the manager or publish the video)."), file=sys.stderr)
            return 1
        result = notify_for_real(context.db, service.profile, details)
    if args.json:
        print_json(asdict(result), sys.stdout)
    else:
        print(result.meaning, file=sys.stdout if result.accepted else sys.stderr)
    return 0 if result.accepted else 1
