"""What every subcommand shares: connection options, JSON output, tables, a progress bar."""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.progress import Progress

if TYPE_CHECKING:
    from recmanager.actions.opening import Actions


def add_actions(subparsers: argparse._SubParsersAction, name: str, help: str
                ) -> argparse._SubParsersAction:
    """``recmanager NAME ACTION``: the command ``name``, and what its actions are added to."""
    parser = subparsers.add_parser(name, help=help)
    return parser.add_subparsers(
        dest=f"{name}_command", metavar="ACTION", required=True, parser_class=type(parser))


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def add_connection_options(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    """``--profile NAME`` (else ``RECMANAGER_*`` from the environment, else the current one)."""
    parser.add_argument(
        "--profile",
        help="connection profile; without it RECMANAGER_POD_URL/RECMANAGER_POD_TOKEN "
        "(and RECMANAGER_POD_USER/RECMANAGER_POD_PASSWORD) or the current profile",
    )
    if json_output:
        add_json_option(parser)


def report_start(actions: Actions, stream: TextIO | None = None) -> None:
    """On stderr: the deposit root in use and where it comes from, and what the
    reconciliation of interrupted actions found at this start."""
    stream = stream or sys.stderr
    print(actions.deposit_root.message, file=stream)
    for message in actions.reconciled:
        print(message, file=stream)


def one_to_sixteen(text: str) -> int:
    """An argparse type: a whole number from 1 to 16 (claims at once, as the bulk_concurrency
    setting allows; the sandbox's worker processes)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 16:
        raise argparse.ArgumentTypeError(translate("commands", "give a number from 1 to 16"))
    return value


def ip_address(text: str) -> str:
    """An argparse type: one IPv4 or IPv6 address, as written (Pod's key is computed from
    the text the device sends)."""
    try:
        ipaddress.ip_address(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "commands", "{text} is not an IPv4 or IPv6 address").format(
            text=printable(text))) from None
    return text.strip()


def _default(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    json.dump(data, stream, default=_default, ensure_ascii=False, indent=2)
    stream.write("\n")


def print_table(
    rows: list[list[str]], headers: list[str], stream: TextIO | None = None
) -> None:
    """A plain aligned table for people reading a terminal (or a file): control characters
    in cells are escaped, so a file name cannot move the cursor or start a new line."""
    stream = stream or sys.stdout
    headers = [printable(str(h)) for h in headers]
    rows = [[printable(str(cell)) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(str(cell))) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    stream.write(line.rstrip() + "\n")
    for row in rows:
        cells = (str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        stream.write("  ".join(cells).rstrip() + "\n")


class TerminalProgress:
    """A one-line bar on a terminal; plain lines (at most one per 5 %) when piped."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._last_step = -1

    def __call__(self, progress: Progress) -> None:
        fraction = progress.fraction
        if self.tty:
            width = 30
            if fraction is None:
                bar, percent = "·" * width, "   ?%"
            else:
                filled = int(fraction * width)
                bar, percent = "█" * filled + "·" * (width - filled), f"{fraction:5.0%}"
            left = progress.seconds_left
            eta = f" {int(left // 60)}:{int(left % 60):02d} left" if left is not None else ""
            self.stream.write(f"\r{self.label} [{bar}] {percent}{eta} {progress.message}"[:120])
            self.stream.flush()
            return
        step = -1 if fraction is None else int(fraction * 20)
        if step != self._last_step or progress.message:
            self._last_step = step
            percent = "?" if fraction is None else f"{fraction:.0%}"
            self.stream.write(f"{self.label}: {percent} {progress.message}".rstrip() + "\n")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
