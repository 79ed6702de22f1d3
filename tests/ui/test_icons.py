"""Action icons fall back to the shipped SVGs when the desktop theme lacks them."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from recmanager.ui.icons import fallback_names, themed_icon


def test_every_shipped_icon_renders_without_a_theme(qapp, monkeypatch):
    previous = QIcon.themeName()
    QIcon.setThemeName("no-such-theme")
    try:
        names = fallback_names()
        assert {"view-refresh", "edit-delete", "media-playback-start", "help-contents"} <= set(
            names
        )
        for name in names:
            image = themed_icon(name).pixmap(24, 24).toImage()
            assert not image.isNull(), name
            painted = sum(
                1
                for x in range(0, 24, 2)
                for y in range(0, 24, 2)
                if image.pixelColor(x, y).alpha() > 0
            )
            assert painted > 5, f"{name} renders empty"
    finally:
        QIcon.setThemeName(previous)


def test_unknown_name_gives_an_empty_icon(qapp):
    assert themed_icon("no-such-icon-anywhere").isNull()
