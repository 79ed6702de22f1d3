"""Text for people and for spreadsheets, shared by the core, the CLI and the application.

File names come from recorders and from other people: they may hold terminal escape
sequences, newlines, or a leading ``=`` that a spreadsheet would run as a formula. Whatever
is written to a terminal, a log line or a CSV file goes through here.

Sizes are binary (KiB, MiB, GiB: powers of 1024, as file managers and Pod's own pages
show them), whatever prints them; times are local, to the minute, ISO-ordered where no
locale says otherwise (the command line, and the windows under the C/POSIX locale).
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the application's settings read this module before its first paint
    from datetime import datetime

# Unicode's control characters (category Cc), the stand-ins Python uses for bytes that are
# not UTF-8 (surrogateescape), and the bidirectional overrides that reorder what a terminal
# shows. One regular expression: names are shown by thousands.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\udc80-\udcff\u202a-\u202e\u2066-\u2069]")
# What a spreadsheet reads as the start of a formula (or of a cell it splits on).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0x202A <= code <= 0x2069:
        return f"\\u{code:04x}"
    return f"\\x{code & 0xFF:02x}"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal, in a table or a log line (control characters
    escaped as ``\\x1b``, ``\\n``…: shown, never obeyed)."""
    return _UNPRINTABLE.sub(_escape, text)


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a text starting like a formula gets a ``'``
    in front (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(
    destination: Path,
    header: Sequence[str],
    lines: Iterable[Sequence[Any]],
    *,
    delimiter: str = ";",
) -> int:
    """Write a CSV file for people: UTF-8 with a BOM (spreadsheets then read accents), every
    cell through :func:`spreadsheet_cell`; returns the number of lines. ``OSError`` passes."""
    import csv  # not needed at start-up

    count = 0
    with Path(destination).open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow([spreadsheet_cell(cell) for cell in header])
        for line in lines:
            writer.writerow([spreadsheet_cell(cell) for cell in line])
            count += 1
    return count


BINARY_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
ISO_MINUTES = "%Y-%m-%d %H:%M"


def binary_size(size: float) -> tuple[float, int]:
    """``size`` bytes as (number, power of 1024): 1536 -> (1.5, 1); 999 -> (999, 0).
    The next unit takes over from 1000 (1020 KiB -> 0.996 MiB): at most three digits before
    the decimal point, never "1,020.0 KiB"."""
    value, power = float(size), 0
    while abs(value) >= 1000 and power < len(BINARY_UNITS) - 1:
        value /= 1024
        power += 1
    return value, power


def human_size(size: float, decimals: int = 1) -> str:
    """``5.5 GiB``, ``999 B``: the command line's sizes (the windows add the locale's
    decimal point and unit names to the same number and unit)."""
    value, power = binary_size(size)
    number = f"{value:.0f}" if power == 0 else f"{value:.{decimals}f}"
    return f"{number} {BINARY_UNITS[power]}"


def iso_minutes(moment: datetime) -> str:
    """``2026-12-04 17:32`` in local time (a naive datetime is taken as local time)."""
    return moment.astimezone().strftime(ISO_MINUTES)


def os_error_message(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)
