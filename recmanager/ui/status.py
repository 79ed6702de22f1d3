"""Connection state per channel (REST, SFTP), shown in the status bar."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from recmanager.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class ChannelState(Enum):
    UNKNOWN = QT_TRANSLATE_NOOP("ChannelState", "not connected")
    CONNECTING = QT_TRANSLATE_NOOP("ChannelState", "connecting…")
    CONNECTED = QT_TRANSLATE_NOOP("ChannelState", "connected")
    RECONNECTING = QT_TRANSLATE_NOOP("ChannelState", "reconnecting…")
    FAILED = QT_TRANSLATE_NOOP("ChannelState", "failed")
    OFFLINE = QT_TRANSLATE_NOOP("ChannelState", "offline")


_COLOURS = {
    ChannelState.CONNECTED: "#1b7f3b",
    ChannelState.FAILED: "#b3261e",
    ChannelState.OFFLINE: "#b3261e",
    ChannelState.CONNECTING: "#8a6d00",
    ChannelState.RECONNECTING: "#8a6d00",
}


class ChannelIndicator(QLabel):
    """``● REST: connected``, the dot in the state's colour, and the last error as a tooltip.

    The dot is painted in the label's indent rather than written as rich text: Qt's rich
    text engine costs the start ~5 ms at its first use, before the window's first paint.
    """

    DOT = "●"

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.state = ChannelState.UNKNOWN
        self._dot_colour: QColor | None = None
        self._make_room_for_dot()
        self.setAccessibleName(channel)
        self.set_state(ChannelState.UNKNOWN)

    def set_channel(self, channel: str) -> None:
        """Another name for the channel (the deposit is SFTP or a mounted folder)."""
        self.channel = channel
        self.setAccessibleName(channel)
        self.set_state(self.state, self.toolTip())

    def set_state(self, state: ChannelState, detail: str = "") -> None:
        self.state = state
        label = QCoreApplication.translate("ChannelState", state.value)
        colour = _COLOURS.get(state)
        self._dot_colour = QColor(colour) if colour else None
        said = self.tr("{channel}: {state}").format(channel=self.channel, state=label)
        self.setText(said)
        self.setToolTip(detail)
        self.setAccessibleDescription(f"{said}. {detail}".strip())
        self.update()

    def _make_room_for_dot(self) -> None:
        self.setIndent(self.fontMetrics().horizontalAdvance(f"{self.DOT} "))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._make_room_for_dot()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self._dot_colour or self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(self.contentsRect(), self.alignment(), self.DOT)
        painter.end()
