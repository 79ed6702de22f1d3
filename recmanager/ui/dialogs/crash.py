"""The dialog an unexpected error ends in: what happened, as a report a person can copy."""

from __future__ import annotations

import platform
import sys
import traceback
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recmanager import __version__
from recmanager.logs import mask_secrets


def crash_report(exc: BaseException) -> str:
    """Versions and the traceback, as a person would paste them into a bug report; every
    known secret masked (a traceback shows the values a failing call was given)."""
    lines = [
        f"recmanager {__version__}",
        f"Python {platform.python_version()} ({sys.platform}, {platform.machine()})",
        f"PySide6 {pyside_version}, Qt {qVersion()}",
        "",
        "".join(traceback.format_exception(exc)),
    ]
    return mask_secrets("\n".join(lines))


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
