"""Coming back soon after the server does: while offline, the inbox tries again after 2, 4,
8… seconds (never later than the timed refresh), instead of staying offline until the next
timed refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from recmanager.errors import (
    DepositConnectionError,
    PodConnectionError,
    PodServerError,
    PodTLSError,
)

FIRST_RETRY_S = 2


def comes_back_by_itself(error: BaseException) -> bool:
    """An unreachable or restarting server, worth trying again soon; not a refusal (login,
    permission, certificate) that only a person can fix."""
    if isinstance(error, PodTLSError):
        return False
    return isinstance(error, PodConnectionError | PodServerError | DepositConnectionError)


class OfflineRetry(QObject):
    """Calls ``retry`` after each failure, twice as late each time, up to a ceiling."""

    def __init__(self, retry: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._failures = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(retry)

    def failed(self, error: BaseException, ceiling_s: int) -> None:
        """Another failed attempt: the next one after the next delay, when the error may go
        away by itself. A ceiling of 0 (no timed refresh) means no automatic attempt either."""
        self._failures += 1
        if ceiling_s <= 0 or not comes_back_by_itself(error):
            self.timer.stop()
            return
        delay = min(FIRST_RETRY_S * 2 ** (self._failures - 1), ceiling_s)
        self.timer.start(delay * 1000)

    def succeeded(self) -> None:
        self._failures = 0
        self.timer.stop()
