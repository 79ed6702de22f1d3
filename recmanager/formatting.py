"""Text for people, shared by the core, the command line and the application: sizes and
times written one way on the command line and in the windows.

Sizes are binary (KiB, MiB, GiB: powers of 1024, as file managers and Pod's own pages
show them), whatever prints them; times are local, to the minute, ISO-ordered where no
locale says otherwise (the command line, and the windows under the C/POSIX locale).
"""

from __future__ import annotations

from datetime import datetime

BINARY_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
ISO_MINUTES = "%Y-%m-%d %H:%M"


def binary_size(size: float) -> tuple[float, int]:
    """``size`` bytes as (number, power of 1024): 1536 -> (1.5, 1); 999 -> (999, 0)."""
    value, power = float(size), 0
    while abs(value) >= 1024 and power < len(BINARY_UNITS) - 1:
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
