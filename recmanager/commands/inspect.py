"""``recmanager inspect FILE``: duration, pictures and quality flags of a deposited recording.

The file is read through the deposit's ranged reads (a few percent of it); the inspection is
kept in the store, so asking again about an unchanged file reads nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recmanager.commands.common import print_json
from recmanager.commands.deposit import add_deposit_options, open_from_args, server_path
from recmanager.errors import RecmanagerError
from recmanager.formatting import human_size, printable
from recmanager.i18n import translate
from recmanager.inspection import Inspection, clock

if TYPE_CHECKING:
    from recmanager.context import AppContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inspect", help="duration, pictures and quality flags of a deposited recording")
    parser.add_argument("file", metavar="FILE",
                        help="server path, or the path below the deposit root")
    parser.add_argument("--sheet", type=Path, metavar="OUT.png",
                        help="write the contact sheet (pictures spread over the recording)")
    add_deposit_options(parser)
    parser.set_defaults(func=cmd_inspect)


def inspection_json(found: Inspection) -> dict[str, Any]:
    """An inspection for scripts: its facts and its flags with their wording and evidence."""
    return {**found.facts_json(), "resolution": found.resolution, "flags": found.flags_json()}


def cmd_inspect(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.inspection import InspectionSettings, inspect_cached

    profile, deposit = open_from_args(args, context)
    settings = InspectionSettings.from_settings(context.settings)
    with deposit:
        path = server_path(deposit, args.file)
        found = inspect_cached(deposit, context.db, profile.name, path, settings)
    if args.sheet is not None:
        if found.sheet_png is None:
            raise RecmanagerError(
                translate("inspection", "{path} has no contact sheet: {reason}").format(
                    path=printable(path), reason=found.problem or "; ".join(
                        flag.label for flag in found.flags) or "?"))
        args.sheet.write_bytes(found.sheet_png)
    if args.json:
        print_json(inspection_json(found), sys.stdout)
    else:
        _print(found)
    if found.problem:
        print(f"recmanager: {found.problem}", file=sys.stderr)
        return 1
    return 0


def _print(found: Inspection) -> None:
    none = translate("inspection", "none")
    lines = [(translate("inspection", "file"), printable(found.path))]
    if found.member:
        lines.append((translate("inspection", "video in the zip"), printable(found.member)))
    lines += [
        (translate("inspection", "duration"),
         clock(found.duration_s) if found.duration_s is not None else "?"),
        (translate("inspection", "picture"),
         f"{found.resolution} {found.video_codec}".strip()
         or translate("inspection", "no picture")),
        (translate("inspection", "sound"),
         found.audio_codec or translate("inspection", "no sound track")),
        (translate("inspection", "read"), translate("inspection", "{read} of {size}").format(
            read=human_size(found.bytes_read), size=human_size(found.size))),
        (translate("inspection", "flags"),
         ", ".join(flag.label for flag in found.flags) or none),
    ]
    width = max(len(label) for label, _value in lines)
    for label, value in lines:
        print(f"{label.ljust(width)}  {value}")
    for flag in found.flags:
        print(f"- {flag.label}: {flag.detail()}")
