"""Text for people and for spreadsheets, shared by the core, the CLI and the application.

File names come from recorders and from other people: they may hold terminal escape
sequences, newlines, or a leading ``=`` that a spreadsheet would run as a formula. Whatever
is written to a terminal, a log line or a CSV file goes through here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

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
    count = 0
    with Path(destination).open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow([spreadsheet_cell(cell) for cell in header])
        for line in lines:
            writer.writerow([spreadsheet_cell(cell) for cell in line])
            count += 1
    return count


def human_size(size: float) -> str:
    """``1234567`` → ``1.2 MB`` (powers of 1000, as file managers show them)."""
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(size) < 1000 or unit == "TB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} TB"
