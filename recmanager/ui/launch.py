"""The desktop application's start, from its first line to its complete window.

Python's cyclic garbage collector waits until the window is complete: the start creates
hundreds of thousands of objects that all live on (modules, classes, Qt's enums), and the
collector's passes over them cost ~5 ms before the window's first paint and ~5 ms more until
the recordings are on screen.

On Linux, while Python reads the settings and recmanager's modules, a second thread has the
dynamic linker map Qt's widget libraries and fontconfig read its configuration: work (~15 ms
here, more with many fonts or a cold disk) that the first paint would otherwise wait for on
the window's thread, when PySide is imported and when the first text is measured.

This module imports neither Qt nor anything recmanager's commands would not need.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path

# Loading it maps QtGui and QtCore too; fontconfig comes with QtGui.
QT_WIDGETS_LIBRARY = Path("Qt", "lib", "libQt6Widgets.so.6")
FONTCONFIG_LIBRARY = "libfontconfig.so.1"


def begin_start() -> threading.Thread | None:
    """Called first thing by a start of the desktop application; :func:`start_complete`
    when its window is complete. Returns the thread preparing Qt's libraries, if any."""
    gc.disable()
    if sys.platform != "linux":
        return None
    preparing = threading.Thread(target=prepare_qt_libraries, name="Qt libraries",
                                 daemon=True)
    preparing.start()
    return preparing


def start_complete() -> None:
    """The window is complete: garbage is collected again."""
    gc.enable()


def prepare_qt_libraries(pyside_directory: Path | None = None) -> bool:
    """Map Qt's widget libraries and initialise fontconfig, without importing PySide;
    True when both are done. Elsewhere than in a PySide installation (a bundle laid out
    otherwise) nothing is done: PySide's import then loads them as usual.

    Through the C library's own ``dlopen``: ctypes's loader keeps Python's interpreter lock
    while the linker works, and the window's thread would wait for it; a foreign call
    releases it.
    """
    import ctypes

    directory = pyside_directory or _pyside_directory()
    if directory is None:
        return False
    c_library = ctypes.CDLL(None)
    dlopen = c_library.dlopen
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    if not dlopen(os.fsencode(directory / QT_WIDGETS_LIBRARY), os.RTLD_NOW):
        return False
    try:  # mapped with QtGui where Qt uses it: nothing loaded under the interpreter's lock
        fontconfig = ctypes.CDLL(FONTCONFIG_LIBRARY, mode=os.RTLD_NOLOAD)
    except OSError:
        return False
    return bool(fontconfig.FcInit())


def _pyside_directory() -> Path | None:
    """PySide6's package directory, found as its import would find it (not imported)."""
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
