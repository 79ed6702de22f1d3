"""Coming back soon after the server does: while offline, the inbox tries again after 2, 4,
8… seconds (never later than the timed refresh), instead of staying offline until the next
timed refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FIRST_RETRY_S = 2


class OfflineRetry(QObject):
    """Calls ``retry`` after each failure, twice as late each time, up to a ceiling."""

    def __init__(self, retry: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._failures = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(retry)

    def failed(self, ceiling_s: int) -> None:
        """Another failed attempt: the next one after the next delay. A ceiling of 0 (no
        timed refresh) means no automatic attempt either."""
        self._failures += 1
        if ceiling_s <= 0:
            self.timer.stop()
            return
        delay = min(FIRST_RETRY_S * 2 ** (self._failures - 1), ceiling_s)
        self.timer.start(delay * 1000)

    def succeeded(self) -> None:
        self._failures = 0
        self.timer.stop()
