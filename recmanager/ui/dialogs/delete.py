"""Confirm a deletion, naming each file, its size and its recorder."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recmanager.inbox import InboxRow
from recmanager.ui.locale_format import format_size


class DeleteDialog(QDialog):
    def __init__(
        self,
        rows: Sequence[InboxRow],
        *,
        quarantine_available: bool,
        quarantine_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DeleteDialog")
        self.rows = list(rows)
        self.setWindowTitle(self.tr("Delete recordings") if len(self.rows) > 1
                            else self.tr("Delete a recording"))
        layout = QVBoxLayout(self)
        lines = "".join(
            "<li><b>{name}</b> — {size} — {recorder}</li>".format(
                name=row.name, size=format_size(row.size),
                recorder=row.recorder_name or self.tr("no recorder ({folder})").format(
                    folder=row.folder))
            for row in self.rows[:20]
        )
        more = ""
        if len(self.rows) > 20:
            more = self.tr("<p>…and {count} more.</p>").format(count=len(self.rows) - 20)
        text = QLabel(self.tr("<p>Delete these files from the deposit folder, then from Pod's "
                              "list?</p><ul>{lines}</ul>{more}").format(lines=lines, more=more),
                      self)
        text.setWordWrap(True)
        text.setObjectName("deleteSummary")
        layout.addWidget(text)
        self.quarantine_box = QCheckBox(
            self.tr("Move to the quarantine instead (Undo possible for {days} days)").format(
                days=quarantine_days), self)
        self.quarantine_box.setEnabled(quarantine_available)
        self.quarantine_box.setChecked(quarantine_available)
        if not quarantine_available:
            self.quarantine_box.setToolTip(self.tr("The profile has no quarantine folder."))
        layout.addWidget(self.quarantine_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Delete"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def quarantine(self) -> bool:
        return self.quarantine_box.isChecked()
