"""The one way to run core work off the GUI thread.

A core function ``fn(progress, cancel)`` runs on a QThreadPool worker; its progress, result,
error and cancellation come back as Qt signals queued to the GUI thread, so no widget is
ever touched from a worker. Tests may switch a runner to synchronous mode.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from recmanager.errors import Cancelled
from recmanager.progress import CancelToken, Progress, ProgressCallback

log = logging.getLogger("recmanager.ui.tasks")

CoreWork = Callable[[ProgressCallback, CancelToken], Any]


class Task(QObject):
    """Handle of one submitted piece of work; connect to its signals before it finishes."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three outcomes

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next check and emits ``cancelled``."""
        self.token.cancel()

    @Slot(object)
    def _emit_progress(self, progress: Progress) -> None:
        if not self.done:
            self.progressed.emit(progress)

    def _finish(self, outcome: str, value: Any) -> None:
        self.done = True
        if outcome == "ok":
            self.result = value
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.error = value
            self.failed.emit(value)
        self.finished.emit()


class _Relay(QObject):
    """Lives in the GUI thread; queued signals from the worker land here."""

    progress = Signal(object)
    outcome = Signal(str, object)


class _Runnable(QRunnable):
    def __init__(self, work: CoreWork, task: Task, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._task = task
        self._relay = relay

    def run(self) -> None:
        outcome, value = _execute(self._work, self._task.token, self._relay.progress.emit)
        self._relay.outcome.emit(outcome, value)


def _execute(
    work: CoreWork, token: CancelToken, report: ProgressCallback
) -> tuple[str, Any]:
    try:
        token.check()
        return "ok", work(report, token)
    except Cancelled:
        return "cancelled", None
    except Exception as exc:  # noqa: BLE001 - every failure travels back as a signal
        if not hasattr(exc, "message"):
            log.error("task failed:\n%s", "".join(traceback.format_exception(exc)))
        return "error", exc


class TaskRunner(QObject):
    """Submit core work; keeps every running task until it finishes.

    Work that may change Pod or the deposit is submitted with ``changes`` (the profile's
    name): when it ends, however it ends, ``changed`` carries that name, so every view of
    that profile (the inbox first) reads the servers again at once, whichever window acted.
    """

    all_done = Signal()
    changed = Signal(str)  # the profile whose Pod or deposit a task may have changed

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        install_gui_bridge()
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
        self._running: set[Task] = set()

    @property
    def running(self) -> list[Task]:
        return list(self._running)

    def submit(
        self,
        name: str,
        work: CoreWork,
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        changes: str | None = None,
    ) -> Task:
        task = Task(name)
        if on_result:
            task.succeeded.connect(on_result)
        if on_error:
            task.failed.connect(on_error)
        if on_progress:
            task.progressed.connect(on_progress)
        if on_cancel:
            task.cancelled.connect(on_cancel)
        self._running.add(task)
        if changes is not None:
            # After the outcome's own handlers: the answer shows first, then fresh rows.
            task.finished.connect(lambda: self.changed.emit(changes))
        task.finished.connect(lambda: self._forget(task))
        if self.synchronous:
            outcome, value = _execute(work, task.token, task._emit_progress)
            task._finish(outcome, value)
            return task
        relay = _Relay()
        relay.progress.connect(task._emit_progress)
        relay.outcome.connect(task._finish)
        relay.outcome.connect(relay.deleteLater)
        task._relay = relay  # keep it alive as long as the task
        self._pool.start(_Runnable(work, task, relay))
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.all_done.emit()

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class _GuiCall(QObject):
    """Runs a callable on the GUI thread on behalf of a worker, which waits for the answer."""

    requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # Emitted only from workers (the GUI thread calls directly), so the automatic
        # connection queues each call to this object's thread, the GUI thread.
        self.requested.connect(self._run)

    @Slot(object)
    def _run(self, call: _PendingCall) -> None:
        try:
            call.result = call.function()
        except Exception as exc:  # noqa: BLE001 - handed back to the waiting worker
            call.error = exc
        finally:
            call.done.set()


class _PendingCall:
    def __init__(self, function: Callable[[], Any]) -> None:
        self.function = function
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()


_gui_call: _GuiCall | None = None


def call_on_gui_thread(function: Callable[[], Any]) -> Any:
    """Ask the user something from a worker (e.g. an unknown SSH host key) and wait.

    Called on the GUI thread itself, ``function`` simply runs.
    """
    global _gui_call
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is app.thread():
        return function()
    if _gui_call is None:
        raise RuntimeError("call_on_gui_thread: install_gui_bridge() was not called")
    call = _PendingCall(function)
    _gui_call.requested.emit(call)
    call.done.wait()
    if call.error is not None:
        raise call.error
    return call.result


def install_gui_bridge() -> None:
    """Create the bridge on the GUI thread (every TaskRunner does it when created)."""
    global _gui_call
    if _gui_call is None:
        _gui_call = _GuiCall()
