"""Connection state per channel (REST, SFTP), shown in the status bar."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

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
    """``REST: connected`` with a colour, and the last error as a tooltip."""

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.state = ChannelState.UNKNOWN
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
        colour = _COLOURS.get(state, "palette(text)")
        said = self.tr("{channel}: {state}").format(channel=self.channel, state=label)
        self.setText(f"<span style='color:{colour}'>●</span> {said}")
        self.setToolTip(detail)
        self.setAccessibleDescription(f"{said}. {detail}".strip())
