"""The settings window, built from the one declarative list :data:`recmanager.config.SETTINGS`.

A new entry in that list appears here with its label, help text, editor and range; nothing in
this file names a particular setting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recmanager.config import SETTINGS, Setting, Settings
from recmanager.ui.file_dialogs import FolderMemory

INT_LIMIT = 2**31 - 1


def setting_text(text: str) -> str:
    """A label or help text of :data:`SETTINGS` in the user's language."""
    return QCoreApplication.translate("settings", text)


class SettingsDialog(QDialog):
    """One row per setting: label, editor, help text; OK stores what changed."""

    settings_changed = Signal(list)  # the keys whose value changed

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("SettingsDialog")
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._show_values({s.key: settings.get(s.key) for s in SETTINGS})

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        # French labels are often a third longer: let long rows wrap instead of widening.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for setting in SETTINGS:
            label_text = setting_text(setting.label)
            help_text = setting_text(setting.help)
            editor, field = self._editor(setting, label_text)
            editor.setObjectName(setting.key)
            editor.setToolTip(help_text)
            editor.setAccessibleName(label_text)
            editor.setAccessibleDescription(help_text)
            self.editors[setting.key] = editor
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            help_label = QLabel(help_text, form_widget)
            help_label.setWordWrap(True)
            help_label.setObjectName(f"{setting.key}_help")
            help_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            column.addWidget(help_label)
            error = QLabel(form_widget)
            error.setWordWrap(True)
            error.setStyleSheet("color: #b3261e")
            error.hide()
            self.errors[setting.key] = error
            column.addWidget(error)
            if setting.type == "bool":
                form.addRow(column)
            else:
                label = QLabel(label_text, form_widget)
                label.setWordWrap(True)
                # Wrapped labels are laid out narrow; about 30 characters reads better.
                label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 30)
                label.setBuddy(editor)
                form.addRow(label, column)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_widget)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _editor(self, setting: Setting, label_text: str) -> tuple[QWidget, QWidget]:
        """The input widget and what goes in the form (the widget, or it with a button)."""
        if setting.type == "bool":
            box = QCheckBox(label_text, self)
            return box, box
        if setting.type == "int":
            spin = QSpinBox(self)
            spin.setRange(
                setting.minimum if setting.minimum is not None else -INT_LIMIT,
                setting.maximum if setting.maximum is not None else INT_LIMIT,
            )
            spin.setAccelerated(True)
            return spin, spin
        if setting.type == "choice":
            combo = QComboBox(self)
            for choice in setting.choices:
                combo.addItem(setting_text(choice), choice)
            return combo, combo
        edit = QLineEdit(self)
        edit.setClearButtonEnabled(True)
        if setting.type == "url":
            edit.setPlaceholderText("https://")
        if setting.type != "path":
            return edit, edit
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"), row)
        browse.setAccessibleName(self.tr("Browse for {setting}").format(setting=label_text))
        browse.clicked.connect(lambda: self._browse(edit))
        line.addWidget(browse)
        return edit, row

    def _browse(self, edit: QLineEdit) -> None:
        current = Path(edit.text()).expanduser() if edit.text().strip() else None
        folder = FolderMemory().directory(self, "settings-folder", self.tr("Choose a folder"),
                                          current)
        if folder is not None:
            edit.setText(str(folder))

    # --- values ---------------------------------------------------------------------------

    def _show_values(self, values: dict[str, Any]) -> None:
        for setting in SETTINGS:
            editor = self.editors[setting.key]
            value = values[setting.key]
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def value(self, key: str) -> Any:
        """What the editor of ``key`` holds now."""
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def restore_defaults(self) -> None:
        self._show_values({s.key: s.default for s in SETTINGS})

    def _problem(self, setting: Setting, value: Any) -> str:
        if setting.type == "url" and value:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                return self.tr("Give an address starting with https:// or http://, or nothing.")
        return ""

    def accept(self) -> None:
        problems = {}
        for setting in SETTINGS:
            problem = self._problem(setting, self.value(setting.key))
            self.errors[setting.key].setText(problem)
            self.errors[setting.key].setVisible(bool(problem))
            if problem:
                problems[setting.key] = problem
        if problems:
            self.editors[next(iter(problems))].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        changed = []
        for setting in SETTINGS:
            value = self.value(setting.key)
            if value != self.settings.get(setting.key):
                self.settings.set(setting.key, value)
                changed.append(setting.key)
        if changed:
            self.settings_changed.emit(changed)
        super().accept()
