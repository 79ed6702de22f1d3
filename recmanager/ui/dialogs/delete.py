"""Confirm a deletion, naming each file, its size and its recorder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.inbox.rows import InboxRow
from recmanager.ui.locale_format import format_size

DIALOG_WIDTH = 560  # file names of 40-odd characters and their recorder on one line


class DeleteDialog(QDialog):
    def __init__(
        self,
        rows: Sequence[InboxRow],
        *,
        quarantine_available: bool,
        quarantine_days: int,
        parent: QWidget | None = None,
        set_up_quarantine: Callable[[], bool] | None = None,
    ) -> None:
        """``set_up_quarantine`` opens the profile at its quarantine field and tells whether
        the profile now has one."""
        super().__init__(parent)
        self.setObjectName("DeleteDialog")
        self.rows = list(rows)
        self.setWindowTitle(self.tr("Delete recordings") if len(self.rows) > 1
                            else self.tr("Delete a recording"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_summary())
        self._build_quarantine(layout, quarantine_available, quarantine_days, set_up_quarantine)
        self.setMinimumWidth(DIALOG_WIDTH)
        layout.addWidget(self._build_buttons())

    def _build_summary(self) -> QLabel:
        """The question, naming each file (the first 20), its size and its recorder."""
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
        question = self.tr("<p>Delete these files from the deposit folder, then from Pod's "
                           "list?</p><ul>{lines}</ul>{more}")
        if len(self.rows) == 1:
            question = self.tr("<p>Delete this file from the deposit folder, then from Pod's "
                               "list?</p><ul>{lines}</ul>{more}")
        text = QLabel(question.format(lines=lines, more=more), self)
        text.setWordWrap(True)
        text.setObjectName("deleteSummary")
        return text

    def _build_quarantine(
        self,
        layout: QVBoxLayout,
        available: bool,
        days: int,
        set_up_quarantine: Callable[[], bool] | None,
    ) -> None:
        """The quarantine choice, or why there is none and a button to set one up."""
        self.quarantine_box = QCheckBox(
            self.tr("Move to the quarantine instead (Undo possible for {days} days)").format(
                days=days), self)
        layout.addWidget(self.quarantine_box)
        self._set_up_quarantine = set_up_quarantine
        self.quarantine_note = QLabel(self.tr(
            "Undo needs a quarantine folder, and this profile has none: without one the "
            "files are deleted for good."), self)
        self.quarantine_note.setObjectName("quarantineNote")
        self.quarantine_note.setWordWrap(True)
        layout.addWidget(self.quarantine_note)
        self.set_up_button = QPushButton(self.tr("&Set a quarantine folder…"), self)
        self.set_up_button.setObjectName("setUpQuarantine")
        self.set_up_button.clicked.connect(self._quarantine_set_up)
        set_up_row = QHBoxLayout()
        set_up_row.addWidget(self.set_up_button)
        set_up_row.addStretch(1)
        layout.addLayout(set_up_row)
        self._show_quarantine(available)

    def _build_buttons(self) -> QDialogButtonBox:
        """Cancel is the default; the other button names what it will do."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.delete_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.quarantine_box.toggled.connect(self._name_delete_button)
        self._name_delete_button()
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_quarantine(self, available: bool) -> None:
        self.quarantine_box.setEnabled(available)
        self.quarantine_box.setChecked(available)
        self.quarantine_note.setVisible(not available)
        self.set_up_button.setVisible(not available and self._set_up_quarantine is not None)

    def _name_delete_button(self) -> None:
        """The button says what it will do: a quarantined file can be put back."""
        self.delete_button.setText(self.tr("Move to quarantine") if self.quarantine
                                   else self.tr("Delete"))

    def _quarantine_set_up(self) -> None:
        if self._set_up_quarantine is not None and self._set_up_quarantine():
            self._show_quarantine(True)

    @property
    def quarantine(self) -> bool:
        return self.quarantine_box.isChecked()
