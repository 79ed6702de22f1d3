"""Unexpected exceptions end in a dialog with a copyable report, not a silent death.

The hook is installed before the main window; the dialog's module is loaded only when an
error happens.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("recmanager.crash")


class _CrashRelay(QObject):
    """Exceptions may be raised on any thread; the dialog is shown on the GUI thread."""

    raised = Signal(str)


_relay: _CrashRelay | None = None


def install_exception_hook(log_dir: Path) -> None:
    global _relay
    _relay = _CrashRelay()

    def show_dialog(report: str) -> None:
        from PySide6.QtWidgets import QApplication

        from recmanager.ui.dialogs.crash import CrashDialog

        dialog = CrashDialog(report, log_dir, QApplication.activeWindow())
        dialog.exec()
        dialog.deleteLater()

    def show(report: str) -> None:
        # On the GUI thread (a worker's signal arrives queued): the dialog opens once the
        # code that raised has returned to the event loop, not inside the hook.
        QTimer.singleShot(0, _relay, lambda: show_dialog(report))

    _relay.raised.connect(show)

    def hook(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from recmanager.ui.dialogs.crash import crash_report

        report = crash_report(exc.with_traceback(tb))
        log.error("unexpected error\n%s", report)
        if _relay is not None:
            _relay.raised.emit(report)

    sys.excepthook = hook
