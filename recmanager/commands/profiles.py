"""``recmanager profiles list|delete``: the connection profiles from scripts.

Profiles are created and edited in the application (its profile dialog or first-run guide),
where the secrets are typed; here they can be listed and deleted.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from recmanager.commands.common import add_actions, add_json_option, print_json, print_table
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_actions(subparsers, "profiles", "the connection profiles")

    listing = actions.add_parser("list", help="the profiles, the current one marked")
    add_json_option(listing)
    listing.set_defaults(func=cmd_list)

    delete = actions.add_parser(
        "delete", help="forget a profile and its secrets in the keyring")
    delete.add_argument("name", metavar="NAME", help="the profile's name")
    add_json_option(delete)
    delete.set_defaults(func=cmd_delete)


def cmd_list(args: argparse.Namespace, context: AppContext) -> int:
    current = context.profiles.current()
    profiles = list(context.profiles)
    if args.json:
        print_json([{"name": p.name, "current": current is not None and p.name == current.name,
                     "pod_url": p.pod_url, "deposit_kind": p.deposit_kind,
                     "deposit_root": p.deposit_root} for p in profiles], sys.stdout)
        return 0
    print_table(
        [["*" if current is not None and p.name == current.name else "", p.name, p.pod_url,
          p.deposit_kind] for p in profiles],
        ["", translate("commands", "Name"), translate("commands", "Pod address"),
         translate("commands", "Deposit")])
    return 0


def cmd_delete(args: argparse.Namespace, context: AppContext) -> int:
    context.delete_profile(args.name)
    if args.json:
        print_json({"deleted": args.name}, sys.stdout)
    else:
        print(translate("commands", "The profile \"{name}\" and its secrets are deleted.")
              .format(name=args.name))
    return 0
