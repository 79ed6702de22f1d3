"""Unexpected exceptions end in a dialog with a copyable report, not a silent death."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QTimer, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recmanager import __version__

log = logging.getLogger("recmanager.crash")


def crash_report(exc: BaseException) -> str:
    """Versions and the traceback, as a person would paste them into a bug report."""
    lines = [
        f"recmanager {__version__}",
        f"Python {platform.python_version()} ({sys.platform}, {platform.machine()})",
        f"PySide6 {pyside_version}, Qt {qVersion()}",
        "",
        "".join(traceback.format_exception(exc)),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("recmanager: unexpected error"))
        self.setAccessibleName(self.tr("Unexpected error report"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "Something went wrong that recmanager did not expect. Your data is safe. "
                "Please send this report to your support team; it is also in the log "
                "folder {folder}."
            ).format(folder=log_dir)
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Report"))
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)


class _CrashRelay(QObject):
    """Exceptions may be raised on any thread; the dialog is shown on the GUI thread."""

    raised = Signal(str)


_relay: _CrashRelay | None = None


def install_exception_hook(log_dir: Path) -> None:
    global _relay
    _relay = _CrashRelay()

    def show_dialog(report: str) -> None:
        parent = QApplication.activeWindow()
        CrashDialog(report, log_dir, parent).exec()

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
        report = crash_report(exc.with_traceback(tb))
        log.error("unexpected error\n%s", report)
        if _relay is not None:
            _relay.raised.emit(report)

    sys.excepthook = hook
