"""Progress and cancellation for long core work: the one mechanism every job uses.

Core functions take ``progress: ProgressCallback`` and ``cancel: CancelToken``; the ui's task
runner turns the callback into a Qt signal, the command line into a terminal bar.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from recmanager.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """How far a piece of work is. ``total`` is None when unknown."""

    done: float
    total: float | None = None
    unit: str = ""
    message: str = ""
    rate: float | None = None

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))

    @property
    def seconds_left(self) -> float | None:
        if not self.total or not self.rate:
            return None
        return max(0.0, (self.total - self.done) / self.rate)


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """Default callback when nobody listens."""


class CancelToken:
    """Set from any thread; the worker checks it between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancellation was asked for."""
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cancelled meanwhile."""
        return self._event.wait(seconds)


class Throttle:
    """Forward at most one progress report per ``interval`` seconds (and always the last)."""

    def __init__(self, callback: ProgressCallback, interval: float = 0.2) -> None:
        self._callback = callback
        self._interval = interval
        self._last = 0.0

    def __call__(self, progress: Progress, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last >= self._interval:
            self._last = now
            self._callback(progress)

    def due(self) -> bool:
        """Whether a report now would be forwarded: a caller reporting from a tight loop
        builds its report only then."""
        return time.monotonic() - self._last >= self._interval
