"""Action icons: the desktop theme's where it has them, recmanager's own SVGs otherwise.

Names are freedesktop icon names (``view-refresh``, ``edit-delete``…). A minimal desktop, the
bundle on another distribution or Windows often has no theme at all; the SVGs shipped in
``resources/icons/actions/`` keep every toolbar button recognisable there.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from recmanager.ui.app import resource_path

ACTIONS_DIR = resource_path("icons", "actions")


def fallback_names() -> list[str]:
    """The icon names recmanager ships a fallback for."""
    return sorted(path.stem for path in ACTIONS_DIR.glob("*.svg"))


@cache
def _fallback(name: str) -> QIcon:
    path = ACTIONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def themed_icon(name: str) -> QIcon:
    """The theme's icon called ``name``, else the shipped one, else an empty icon."""
    return QIcon.fromTheme(name, _fallback(name))
