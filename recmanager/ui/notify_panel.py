"""The recorders window's notify tab: the selected recorder's notify key and URL, a check of
the key a device is configured with, and the real call to Pod."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.errors import ValidationError
from recmanager.recorders.mode import mode_label
from recmanager.recorders.model import RecorderInfo
from recmanager.recorders.notify import (
    FILENAME_PLACEHOLDER,
    check_key,
    notify_details,
    notify_for_real,
)
from recmanager.ui.icons import themed_icon

if TYPE_CHECKING:
    from recmanager.ui.recorders_window import RecordersWindow


class NotifyPanel(QWidget):
    """The selected recorder's notify key and URL, a device-key check, and the real call."""

    def __init__(self, window: RecordersWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("NotifyPanel")
        self.recorder: RecorderInfo | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Select a recorder."), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        box = QGroupBox(self.tr("Notify key and URL"), self)
        form = QFormLayout(box)
        self.key = self._read_only("notify_key", self.tr("Notify key"))
        form.addRow(self.tr("Key:"), self._with_copy(self.key))
        self.filename = QLineEdit(self)
        self.filename.setObjectName("notify_file")
        self.filename.setAccessibleName(self.tr("Recording file name"))
        self.filename.setPlaceholderText(self.tr("file name in the recorder's folder"))
        self.filename.textChanged.connect(self._update_url)
        form.addRow(self.tr("&File:"), self.filename)
        self.url = self._read_only("notify_url", self.tr("Notify URL"))
        form.addRow(self.tr("URL:"), self._with_copy(self.url))
        explain = QLabel(self.tr(
            "Pod's cron calls this URL itself for a recorder with a manager; a device that "
            "notifies Pod must be configured to call it."), self)
        explain.setWordWrap(True)
        form.addRow(explain)
        layout.addWidget(box)
        check_box = QGroupBox(self.tr("Check a device's key"), self)
        check_layout = QVBoxLayout(check_box)
        check_form = QFormLayout()
        self.device_key = QLineEdit(self)
        self.device_key.setObjectName("device_key")
        self.device_key.setAccessibleName(self.tr("Key configured on the device"))
        self.device_key.setPlaceholderText(self.tr("paste the key the device is configured with"))
        self.device_key.textChanged.connect(self._check_key)
        check_form.addRow(self.tr("Device &key:"), self.device_key)
        check_layout.addLayout(check_form)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("key_verdict")
        self.verdict.setWordWrap(True)
        check_layout.addWidget(self.verdict)
        layout.addWidget(check_box)
        self.call_button = QPushButton(themed_icon("mail-send"), self.tr("Call the notify URL…"),
                                       self)
        self.call_button.setObjectName("call_notify")
        self.call_button.setToolTip(self.tr("Really calls Pod: it e-mails the manager or "
                                            "publishes the video."))
        self.call_button.clicked.connect(self.call)
        layout.addWidget(self.call_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.call_result = QLabel(self)
        self.call_result.setObjectName("call_result")
        self.call_result.setWordWrap(True)
        layout.addWidget(self.call_result)
        layout.addStretch(1)
        self.show_recorder(None)

    def _read_only(self, name: str, accessible_name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible_name)
        edit.setReadOnly(True)
        return edit

    def _with_copy(self, edit: QLineEdit) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(themed_icon("edit-copy"), "", holder)
        button.setToolTip(self.tr("Copy"))
        button.setAccessibleName(self.tr("Copy"))
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(edit.text()))
        row.addWidget(button)
        return holder

    def show_recorder(self, recorder: RecorderInfo | None) -> None:
        self.recorder = recorder
        usable = recorder is not None and recorder.web_available
        for widget in (self.filename, self.device_key, self.call_button):
            widget.setEnabled(usable)
        self.call_result.clear()
        if recorder is None:
            self.heading.setText(self.tr("Select a recorder."))
        elif not recorder.web_available:
            self.heading.setText(self.tr(
                "{name}: the notify key needs the hash key, which only the web session can "
                "read ({reason}).").format(name=recorder.name,
                                           reason=recorder.web_unavailable_reason))
        else:
            self.heading.setText(f"<b>{recorder.name}</b> — {mode_label(recorder.mode)}")
        self._update_url()
        self._check_key()

    def _update_url(self) -> None:
        profile = self.window_.profile
        if self.recorder is None or not self.recorder.web_available:
            self.key.clear()
            self.url.clear()
            return
        try:
            details = notify_details(profile, self.recorder, self.filename.text().strip())
        except ValidationError as exc:
            self.url.clear()
            self.call_result.setText(exc.message)
            return
        self.call_result.clear()
        self.key.setText(details.key)
        self.url.setText(details.url)
        self.url.setCursorPosition(0)

    def _check_key(self) -> None:
        text = self.device_key.text().strip()
        if not text or self.recorder is None or not self.recorder.web_available:
            self.verdict.clear()
            return
        result = check_key(self.recorder, text)
        colour = "#1b7f2a" if result.ok else "#b00020"
        self.verdict.setStyleSheet(f"color: {colour};")
        self.verdict.setText(result.message)

    def call(self) -> None:
        recorder = self.recorder
        name = self.filename.text().strip()
        if recorder is None:
            return
        if not name or name == FILENAME_PLACEHOLDER:
            self.call_result.setText(self.tr("Give the name of a file in the recorder's folder "
                                             "first."))
            return
        try:
            details = notify_details(self.window_.profile, recorder, name)
        except ValidationError as exc:
            self.call_result.setText(exc.message)
            return
        if QMessageBox.question(
            self, self.tr("Call the notify URL"),
            self.tr("This really calls Pod for {path}: Pod will e-mail the manager (or the "
                    "admins), or publish the video at once for an auto-publishing recorder. "
                    "Call it?").format(path=details.mediapath),
        ) != QMessageBox.StandardButton.Yes:
            return
        self.call_button.setEnabled(False)
        profile, db = self.window_.profile, self.window_.context.db
        self.window_.runner.submit(
            "notify-call", lambda progress, cancel: notify_for_real(db, profile, details),
            on_result=self._called, on_error=self._call_failed, changes=profile.name)

    def _called(self, result: Any) -> None:
        self.call_button.setEnabled(True)
        self.call_result.setText(f"{result.reply} — {result.meaning}")

    def _call_failed(self, error: BaseException) -> None:
        self.call_button.setEnabled(True)
        self.call_result.setText(str(error))
