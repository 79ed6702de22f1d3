"""Create or edit a recorder: REST fields, web-session fields, a hash-key generator.

The dialog checks what it can at once (address form, folder name, uniqueness against the
recorders it was given); the save itself runs in the task runner, where the core checks
again against the server before sending anything. A refused or failed save keeps the dialog
open with everything typed still there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.errors import RecmanagerError, ValidationError
from recmanager.pod.model import VideoType
from recmanager.recorders.model import (
    RECORDING_TYPES,
    RecorderFields,
    RecorderInfo,
    recording_type_label,
)
from recmanager.recorders.saving import SaveReport
from recmanager.recorders.validation import generate_hash_key, validate_recorder
from recmanager.ui.icons import themed_icon
from recmanager.ui.tasks import TaskRunner

HASH_KEY_MAX_LENGTH = 50  # Pod's Recorder.salt is a CharField(max_length=50)
ERROR_COLOUR = "#b00020"
# save(draft, manager_login, additional_logins) -> SaveReport, run off the GUI thread.
SaveWork = Callable[[RecorderFields, str, list[str]], SaveReport]


class RecorderEditor(QDialog):
    """One recorder's settings; ``report`` holds the save report once saved."""

    def __init__(
        self,
        *,
        recorder: RecorderInfo | None,
        existing: Sequence[RecorderInfo],
        video_types: Sequence[VideoType],
        web_available: bool,
        web_reason: str,
        runner: TaskRunner,
        save: SaveWork,
        preset_folder: str = "",
        parent: QWidget | None = None,
        changes: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._changes = changes  # the profile a save changes (see TaskRunner.changed)
        self.recorder = recorder
        self.existing = list(existing)
        self.web_available = web_available
        self.runner = runner
        self._save = save
        self.report: SaveReport | None = None
        self.setObjectName("RecorderEditor")
        self.setWindowTitle(
            self.tr("New recorder") if recorder is None
            else self.tr("Recorder “{name}”").format(name=recorder.name)
        )
        self._errors: dict[str, QLabel] = {}
        self._build(video_types, web_reason)
        self._fill(recorder, preset_folder)

    # --- layout ---------------------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        error = self._errors[name] = self._error_label(name)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(error)
        holder = QWidget(self)
        holder.setLayout(box)
        form.addRow(label, holder)
        if isinstance(form.labelForField(holder), QLabel):
            form.labelForField(holder).setBuddy(widget)

    def _build(self, video_types: Sequence[VideoType], web_reason: str) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(self._build_rest_box())
        outer.addWidget(self._build_web_box(video_types))
        self.web_unavailable = QLabel(self)
        self.web_unavailable.setObjectName("web_unavailable")
        self.web_unavailable.setWordWrap(True)
        if not self.web_available:
            self.web_box.setEnabled(False)
            self.web_unavailable.setText(self.tr(
                "These settings are unavailable: {reason}.").format(reason=web_reason))
        else:
            self.web_unavailable.hide()
        outer.addWidget(self.web_unavailable)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def _build_rest_box(self) -> QGroupBox:
        """The fields Pod's REST API writes."""
        rest_box = QGroupBox(self.tr("Pod (written over REST)"), self)
        rest = QFormLayout(rest_box)
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self._row(rest, self.tr("&Name:"), "name", self.name)
        self.address_ip = QLineEdit(self)
        self.address_ip.setPlaceholderText(self.tr("192.168.1.10 or 2001:db8::10"))
        self._row(rest, self.tr("&IP address:"), "address_ip", self.address_ip)
        self.recording_type = QComboBox(self)
        for value in RECORDING_TYPES:
            self.recording_type.addItem(recording_type_label(value), value)
        self._row(rest, self.tr("&Recording type:"), "recording_type", self.recording_type)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(60)
        self.description.setTabChangesFocus(True)
        self._row(rest, self.tr("&Description:"), "description", self.description)
        return rest_box

    def _build_web_box(self, video_types: Sequence[VideoType]) -> QGroupBox:
        """The fields only the admin form writes, over the web session."""
        self.web_box = QGroupBox(self.tr("Recorder settings (written over the web session)"),
                                 self)
        web = QFormLayout(self.web_box)
        key_row = self._build_key_row()
        web.addRow(self.tr("&Hash key:"), key_row)
        web.addRow("", self._errors["salt"])
        web.labelForField(key_row).setBuddy(self.salt)
        self.directory = QLineEdit(self)
        self.directory.setMaxLength(50)
        self.directory.setPlaceholderText(self.tr("one folder name, e.g. amphiA"))
        self._row(web, self.tr("&Folder:"), "directory", self.directory)
        self.manager = QLineEdit(self)
        self.manager.setPlaceholderText(self.tr("login or e-mail; empty = manual claim"))
        self._row(web, self.tr("&Manager:"), "manager_id", self.manager)
        self.additional = QLineEdit(self)
        self.additional.setPlaceholderText(self.tr("logins, separated by commas"))
        self._row(web, self.tr("Additional &owners:"), "additional_user_ids", self.additional)
        self.video_type = QComboBox(self)
        for video_type in video_types:
            self.video_type.addItem(video_type.title, video_type.id)
        self._row(web, self.tr("&Video type:"), "type_id", self.video_type)
        self.publication_auto = QCheckBox(self.tr("Publish automatically in the manager's name"),
                                          self)
        self._row(web, self.tr("Automatic &publishing:"), "publication_auto",
                  self.publication_auto)
        return self.web_box

    def _build_key_row(self) -> QWidget:
        """The hash key with its show, generate and copy buttons."""
        key_row = QWidget(self)
        key_layout = QHBoxLayout(key_row)
        key_layout.setContentsMargins(0, 0, 0, 0)
        self.salt = QLineEdit(self)
        self.salt.setObjectName("salt")
        self.salt.setEchoMode(QLineEdit.EchoMode.Password)
        self.salt.setMaxLength(HASH_KEY_MAX_LENGTH)
        # A key is read and compared character by character: fixed-pitch, and wide enough
        # for the longest one Pod accepts.
        self.salt.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.salt.setMinimumWidth(
            self.salt.fontMetrics().horizontalAdvance("W" * HASH_KEY_MAX_LENGTH)
            + self.salt.minimumSizeHint().width())
        key_layout.addWidget(self.salt, 1)
        self.show_key = QPushButton(self.tr("Show"), self)
        self.show_key.setObjectName("show_key")
        self.show_key.setCheckable(True)
        self.show_key.toggled.connect(self._toggle_key)
        key_layout.addWidget(self.show_key)
        self.generate_key = QPushButton(themed_icon("security-high"), self.tr("&Generate"), self)
        self.generate_key.setObjectName("generate_key")
        self.generate_key.setToolTip(self.tr("A new random hash key (240 bits). Every device "
                                             "that notifies Pod must then be given it."))
        self.generate_key.clicked.connect(self._generate)
        key_layout.addWidget(self.generate_key)
        self.copy_key = QPushButton(themed_icon("edit-copy"), self.tr("&Copy"), self)
        self.copy_key.setObjectName("copy_key")
        self.copy_key.clicked.connect(self._copy)
        key_layout.addWidget(self.copy_key)
        self._errors["salt"] = self._error_label("salt")
        return key_row

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{name}_error")
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.setWordWrap(True)
        label.hide()
        return label

    def _fill(self, recorder: RecorderInfo | None, preset_folder: str) -> None:
        if recorder is None:
            self.directory.setText(preset_folder)
            if self.web_available:
                self.salt.setText(generate_hash_key())
            return
        values = recorder.fields
        self.name.setText(values.name)
        self.address_ip.setText(values.address_ip)
        self.recording_type.setCurrentIndex(max(0, self.recording_type.findData(
            values.recording_type)))
        self.description.setPlainText(values.description)
        self.salt.setText(values.salt or "")
        self.directory.setText(values.directory or "")
        self.manager.setText(recorder.manager_username)
        self.additional.setText(", ".join(recorder.additional_usernames))
        if values.type_id is not None:
            self.video_type.setCurrentIndex(max(0, self.video_type.findData(values.type_id)))
        self.publication_auto.setChecked(bool(values.publication_auto))

    # --- hash key -------------------------------------------------------------------------

    def _toggle_key(self, shown: bool) -> None:
        self.salt.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_key.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _generate(self) -> None:
        if self.recorder is not None and self.recorder.fields.salt and QMessageBox.question(
            self, self.tr("New hash key"),
            self.tr("Devices configured with the current key will be refused until they are "
                    "given the new one. Generate a new key?"),
        ) != QMessageBox.StandardButton.Yes:
            return
        self.salt.setText(generate_hash_key())
        self.show_key.setChecked(True)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.salt.text())
        self.message.setText(self.tr("Hash key copied to the clipboard."))

    # --- saving ---------------------------------------------------------------------------

    def draft(self) -> RecorderFields:
        """What the form says; web-only fields stay unknown without a web session."""
        base = self.recorder.fields if self.recorder is not None else RecorderFields()
        values = RecorderFields(
            name=self.name.text(),
            description=self.description.toPlainText(),
            address_ip=self.address_ip.text(),
            recording_type=self.recording_type.currentData(),
            site_ids=base.site_ids,
        )
        if not self.web_available:
            return values
        values.salt = self.salt.text()
        values.directory = self.directory.text()
        values.type_id = self.video_type.currentData()
        values.publication_auto = self.publication_auto.isChecked()
        # Users are resolved on the server; keep the known ids for the local checks.
        values.manager_id = base.manager_id if self.manager.text().strip() else None
        values.additional_user_ids = base.additional_user_ids or ()
        return values

    def show_errors(self, problems: dict[str, list[str]]) -> None:
        for name, label in self._errors.items():
            text = "\n".join(problems.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))
            field = self.findChild(QWidget, name)
            if field is not None:  # the field itself red, as the message below it says
                field.setStyleSheet(f"#{name} {{ border: 2px solid {ERROR_COLOUR}; }}"
                                    if text else "")
        self.layout().activate()
        self.adjustSize()  # room for the messages: a squeezed field is hard to read

    def _local_check(self) -> bool:
        """The checks that need no server; the user-related ones are left to the save."""
        try:
            validate_recorder(
                self.draft(),
                recorder_id=self.recorder.id if self.recorder else None,
                existing=self.existing,
                web_available=self.web_available,
            )
        except ValidationError as exc:
            server_side = {"manager_id"}
            if self.manager.text().strip():
                server_side.add("publication_auto")
            local = {k: v for k, v in exc.fields.items() if k not in server_side}
            self.show_errors(local)
            if local:
                self.message.setText(self.tr("Correct the fields marked in red."))
                return False
        self.show_errors({})
        return True

    def submit(self) -> None:
        if not self._local_check():
            return
        draft = self.draft()
        manager = self.manager.text()
        additional = [part for part in self.additional.text().split(",") if part.strip()]
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Checking with the server and saving…"))
        self.runner.submit(
            "save-recorder",
            lambda progress, cancel: self._save(draft, manager, additional),
            on_result=self._saved,
            on_error=self._failed,
            changes=self._changes,
        )

    def _saved(self, report: SaveReport) -> None:
        """Close on a clean save; stay open showing the fields Pod did not keep otherwise."""
        self.report = report
        self.buttons.setEnabled(True)
        self.message.setText(report.summary())
        if report.ok:
            self.accept()
            return
        self.show_errors({m.field: [self.tr("Pod did not keep this change.")]
                          for m in report.not_taken})

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_errors(getattr(error, "fields", None) or {})
        text = str(error) if isinstance(error, RecmanagerError) else repr(error)
        self.message.setText(self.tr("Not saved: {error}").format(error=text))
