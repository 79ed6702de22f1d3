"""Connection state per channel (REST, SFTP), shown in the status bar."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from recmanager.i18n import QT_TRANSLATE_NOOP


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

    The dot is a label of its own in this one's indent, coloured by its palette, rather
    than rich text: Qt's rich text engine costs the start ~5 ms at its first use, before
    the window's first paint (and a QPainter's pen would make PySide build its ``Qt``
    namespace, ~13 ms, in that first paint).
    """

    DOT = "●"

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.state = ChannelState.UNKNOWN
        self._dot = QLabel(self.DOT, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._dot)
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
        palette = self.palette()
        colour = _COLOURS.get(state)
        palette.setColor(QPalette.ColorRole.WindowText,
                         QColor(colour) if colour else palette.color(QPalette.ColorRole.Text))
        self._dot.setPalette(palette)
        said = self.tr("{channel}: {state}").format(channel=self.channel, state=label)
        self.setText(said)
        self.setToolTip(detail)
        self.setAccessibleDescription(f"{said}. {detail}".strip())

    def _make_room_for_dot(self) -> None:
        self.setIndent(self.fontMetrics().horizontalAdvance(f"{self.DOT} "))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._make_room_for_dot()
        super().changeEvent(event)
