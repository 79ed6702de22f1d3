"""The audit log: who did what to which file, when, and how it ended; filter and CSV export."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recmanager import audit
from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.store import Database
from recmanager.ui.file_dialogs import FolderMemory
from recmanager.ui.locale_format import format_datetime

SHOWN_LIMIT = 5000
ACTIONS = ("claim", "reassign", "delete", "quarantine", "restore")
# What the log stores (codes, in every language the same) and what a person reads.
ACTION_LABELS = {
    "claim": QT_TRANSLATE_NOOP("AuditView", "claim"),
    "reassign": QT_TRANSLATE_NOOP("AuditView", "reassign"),
    "delete": QT_TRANSLATE_NOOP("AuditView", "delete"),
    "quarantine": QT_TRANSLATE_NOOP("AuditView", "quarantine"),
    "restore": QT_TRANSLATE_NOOP("AuditView", "restore"),
    "deposit-upload": QT_TRANSLATE_NOOP("AuditView", "deposit"),
    "package": QT_TRANSLATE_NOOP("AuditView", "package"),
    "recorder-create": QT_TRANSLATE_NOOP("AuditView", "recorder created"),
    "recorder-edit": QT_TRANSLATE_NOOP("AuditView", "recorder edited"),
    "recorder-notify": QT_TRANSLATE_NOOP("AuditView", "recorder notified"),
}
RESULT_LABELS = {
    "ok": QT_TRANSLATE_NOOP("AuditView", "ok"),
    "failed": QT_TRANSLATE_NOOP("AuditView", "failed"),
    "refused": QT_TRANSLATE_NOOP("AuditView", "refused"),
}
# Columns that hold long texts (file, error, details): they share the width the others
# leave (each cell's whole text is in its tooltip), so that nothing needs sideways scrolling.
LONG_COLUMNS = (3, 5, 6)
MIN_LONG_WIDTH = 80


class AuditView(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditView")
        self.db = db
        self.setWindowTitle(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: file, person, error…"))
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        bar.addWidget(self.filter_edit, 1)
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), "")
        for action in ACTIONS:
            self.action_combo.addItem(self.tr(ACTION_LABELS[action]), action)
        bar.addWidget(self.action_combo)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("File or video"),
            self.tr("Result"), self.tr("Error"), self.tr("Details"),
        ])
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.reload)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.action_combo.currentIndexChanged.connect(self.reload)
        self.reload()
        self.resize(1000, 520)

    def current_entries(self, limit: int | None = SHOWN_LIMIT) -> list[audit.AuditEntry]:
        return audit.entries(self.db, text=self.filter_edit.text().strip(),
                             action=self.action_combo.currentData() or "", limit=limit)

    def reload(self) -> None:
        items = self.current_entries()
        self.table.setRowCount(len(items))
        for number, entry in enumerate(items):
            action = ACTION_LABELS.get(entry.action)
            result = RESULT_LABELS.get(entry.result)
            cells = (
                format_datetime(entry.at), entry.actor,
                self.tr(action) if action else entry.action, entry.target,
                self.tr(result) if result else entry.result, entry.error,
                json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self._wanted = {column: self.table.columnWidth(column) for column in LONG_COLUMNS}
        self._fit_long_columns()

    def _fit_long_columns(self) -> None:
        """Share the width the short columns leave among the long ones: each gets what it
        needs when it needs less than an even share, the others split the rest."""
        wanted = getattr(self, "_wanted", None)
        if not wanted:
            return
        short = sum(self.table.columnWidth(column) for column in range(self.table.columnCount())
                    if column not in LONG_COLUMNS)
        room = max(self.table.viewport().width() - short, MIN_LONG_WIDTH * len(wanted))
        left = dict(wanted)
        while left:
            share = room // len(left)
            modest = {column: width for column, width in left.items() if width <= share}
            if not modest:
                for column in left:
                    self.table.setColumnWidth(column, max(share, MIN_LONG_WIDTH))
                return
            for column, width in modest.items():
                self.table.setColumnWidth(column, width)
                room -= width
                del left[column]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_long_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_long_columns()

    def export(self, _checked: bool = False, destination: Path | None = None) -> int:
        """Write what the filter shows (every matching entry, not only the first shown)."""
        if destination is None:
            chosen = FolderMemory().save_file(
                self, "audit-export", self.tr("Export the audit log"), "recmanager-audit.csv",
                self.tr("CSV files (*.csv)"))
            if chosen is None:
                return 0
            destination = chosen
        try:
            count = audit.export_csv(self.current_entries(limit=None), destination)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr(
                "{path} cannot be written: {error}").format(path=destination, error=exc))
            return 0
        return count
