"""The desktop application's start, from its first line to its complete window.

Python's cyclic garbage collector waits until the window is complete: the start creates
hundreds of thousands of objects that all live on (modules, classes, Qt's enums), and the
collector's passes over them cost ~5 ms before the window's first paint and ~5 ms more until
the recordings are on screen.

This module imports neither Qt nor anything recmanager's commands would not need.
"""

from __future__ import annotations

import gc


def begin_start() -> None:
    """Called first thing by a start of the desktop application; :func:`start_complete`
    when its window is complete."""
    gc.disable()


def start_complete() -> None:
    """The window is complete: garbage is collected again."""
    gc.enable()
