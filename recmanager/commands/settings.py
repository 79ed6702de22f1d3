"""``recmanager settings list|get|set|reset``: the application's settings from scripts.

The same declared settings, checks and file as the settings window.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from recmanager.commands.common import add_actions, add_json_option, print_json, print_table
from recmanager.config import SETTINGS, setting_named, setting_value_from_text
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_actions(subparsers, "settings", "the application's settings")

    listing = actions.add_parser("list", help="every setting, its value and its default")
    add_json_option(listing)
    listing.set_defaults(func=cmd_list)

    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("key", metavar="KEY")
    add_json_option(get)
    get.set_defaults(func=cmd_get)

    set_ = actions.add_parser("set", help="change a setting (yes/no, a number, an address)")
    set_.add_argument("key", metavar="KEY")
    set_.add_argument("value", metavar="VALUE")
    set_.set_defaults(func=cmd_set)

    reset = actions.add_parser("reset", help="go back to a setting's default")
    reset.add_argument("key", metavar="KEY")
    reset.set_defaults(func=cmd_reset)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def cmd_list(args: argparse.Namespace, context: AppContext) -> int:
    settings = context.settings
    if args.json:
        print_json([{"key": s.key, "value": settings.get(s.key), "default": s.default,
                     "type": s.type, "minimum": s.minimum, "maximum": s.maximum,
                     "label": translate("settings", s.label)} for s in SETTINGS], sys.stdout)
        return 0
    print_table(
        [[s.key, _shown(settings.get(s.key)), _shown(s.default), translate("settings", s.label)]
         for s in SETTINGS],
        [translate("commands", "Setting"), translate("commands", "Value"),
         translate("commands", "Default"), translate("commands", "Meaning")])
    return 0


def cmd_get(args: argparse.Namespace, context: AppContext) -> int:
    value = context.settings.get(setting_named(args.key).key)
    if args.json:
        print_json(value, sys.stdout)
    else:
        print(_shown(value))
    return 0


def cmd_set(args: argparse.Namespace, context: AppContext) -> int:
    setting = setting_named(args.key)
    context.settings.set(setting.key, setting_value_from_text(setting, args.value))
    return 0


def cmd_reset(args: argparse.Namespace, context: AppContext) -> int:
    context.settings.reset(setting_named(args.key).key)
    return 0
