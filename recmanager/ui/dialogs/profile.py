"""Create and edit connection profiles; test each part of a connection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recmanager.config import RUNS_HERE, RUNS_ON_QUEUE, Profile
from recmanager.connection import CheckResult, check_profile
from recmanager.context import AppContext
from recmanager.errors import RecmanagerError, ValidationError
from recmanager.secrets import SecretKind, clean_token
from recmanager.ui.dialogs.host_key import ask_host_key
from recmanager.ui.dialogs.profile_form import (
    check_lines,
    fill_found_deposit_root,
    profile_from_form,
    typed_secrets,
)
from recmanager.ui.file_dialogs import SSH_KEYS, FolderMemory
from recmanager.ui.tasks import TaskRunner


class ProfileDialog(QDialog):
    """A list of profiles on the left, the selected one's fields on the right."""

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        current: Profile | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.saved_profile: Profile | None = None
        self.deleted: list[str] = []  # names of the profiles deleted here
        self._shown_extra: dict = {}
        self.setWindowTitle(self.tr("Connection profiles"))
        self.setObjectName("ProfileDialog")
        self._build()
        self._reload_list(current.name if current else None)

    # --- layout ---------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "", *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.addLayout(self._build_list(), 1)
        right = QVBoxLayout()
        # One tab per part: all three groups one above the other are taller than a laptop's
        # screen once the connection test's results are shown under them.
        self.sections = QTabWidget(self)
        self.sections.addTab(self._build_pod_page(), self.tr("Pod server"))
        self.sections.addTab(self._build_deposit_page(), self.tr("Deposit folder"))
        self.sections.addTab(self._build_packaging_page(), self.tr("Packaging"))
        # The tallest page whole: lines of results make room by growing the dialog instead.
        self.sections.setMinimumHeight(self.sections.sizeHint().height())
        right.addWidget(self.sections)
        self._build_feedback(right)
        right.addWidget(self._build_buttons())
        outer.addLayout(right, 3)

    def _build_list(self) -> QVBoxLayout:
        """The profiles, with the buttons that add and delete one."""
        left = QVBoxLayout()
        self.profile_list = QListWidget(self)
        self.profile_list.setAccessibleName(self.tr("Profiles"))
        self.profile_list.currentTextChanged.connect(self._select)
        left.addWidget(self.profile_list)
        new_button = QPushButton(self.tr("New profile"), self)
        new_button.clicked.connect(self._new)
        left.addWidget(new_button)
        self.delete_button = QPushButton(self.tr("Delete profile…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        left.addWidget(self.delete_button)
        return left

    def _build_pod_page(self) -> QWidget:
        """Pod's address, token, TLS and web login."""
        pod_page = QWidget(self)
        pod = QFormLayout(pod_page)
        self.name = self._line("name")
        self.pod_url = self._line("pod_url", "https://pod.univ.fr/")
        self.token = self._line("token", self.tr("REST token (from Pod's admin)"), secret=True)
        self.verify_tls = QCheckBox(self.tr("Verify the server's TLS certificate"), self)
        self.verify_tls.setChecked(True)
        self.verify_tls.toggled.connect(self._warn_tls)
        self.ca_bundle = self._line("ca_bundle", self.tr("optional CA bundle file"))
        self.pod_username = self._line("pod_username", self.tr("for actions REST cannot do"))
        self.pod_password = self._line("pod_password", "", secret=True)
        self.preview_base_url = self._line(
            "preview_base_url", "https://pod.univ.fr/media/records/"
        )
        pod.addRow(self.tr("Name"), self.name)
        pod.addRow(self.tr("Pod address"), self.pod_url)
        pod.addRow(self.tr("Token"), self.token)
        pod.addRow("", self.verify_tls)
        self.allow_plain_http = QCheckBox(
            self.tr("Allow plain HTTP (the token and passwords travel in clear)"), self)
        pod.addRow("", self.allow_plain_http)
        pod.addRow(self.tr("CA bundle"), self.ca_bundle)
        pod.addRow(self.tr("Web login"), self.pod_username)
        pod.addRow(self.tr("Web password"), self.pod_password)
        pod.addRow(self.tr("Preview base URL"), self.preview_base_url)
        return pod_page

    def _build_deposit_page(self) -> QWidget:
        """How the deposit folder is reached, and the folders beside it."""
        deposit_page = QWidget(self)
        deposit = QFormLayout(deposit_page)
        self.deposit_kind = QComboBox(self)
        self.deposit_kind.addItem(self.tr("SFTP"), "sftp")
        self.deposit_kind.addItem(self.tr("Mounted folder"), "local")
        self.sftp_host = self._line("sftp_host", "pod.univ.fr")
        self.sftp_port = QSpinBox(self)
        self.sftp_port.setRange(1, 65535)
        self.sftp_port.setValue(22)
        self.sftp_user = self._line("sftp_user")
        self.sftp_auth = QComboBox(self)
        self.sftp_auth.addItem(self.tr("Key file"), "key")
        self.sftp_auth.addItem(self.tr("SSH agent"), "agent")
        self.sftp_auth.addItem(self.tr("Password"), "password")
        key_row = QHBoxLayout()
        self.sftp_key_file = self._line("sftp_key_file", "~/.ssh/id_ed25519")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse_key)
        key_row.addWidget(self.sftp_key_file)
        key_row.addWidget(browse)
        self.sftp_secret = self._line(
            "sftp_secret", self.tr("password or key passphrase"), secret=True
        )
        self.deposit_root = self._line("deposit_root", "/data/ftp-pod/ftp/")
        self.local_deposit = self._line("local_deposit", self.tr("mounted folder"))
        self.bento4_dir = self._line("bento4_dir", self.tr("optional Bento4 folder"))
        self._build_quarantine_field()
        deposit.addRow(self.tr("Access"), self.deposit_kind)
        deposit.addRow(self.tr("SFTP host"), self.sftp_host)
        deposit.addRow(self.tr("Port"), self.sftp_port)
        deposit.addRow(self.tr("User"), self.sftp_user)
        deposit.addRow(self.tr("Authentication"), self.sftp_auth)
        deposit.addRow(self.tr("Key file"), key_row)
        deposit.addRow(self.tr("Password / passphrase"), self.sftp_secret)
        deposit.addRow(self.tr("Deposit root on the server"), self.deposit_root)
        deposit.addRow(self.tr("Mounted folder"), self.local_deposit)
        deposit.addRow(self.tr("Quarantine folder"), self.quarantine_dir)
        deposit.addRow("", self.quarantine_help)
        deposit.addRow(self.tr("Bento4 folder"), self.bento4_dir)
        return deposit_page

    def _build_packaging_page(self) -> QWidget:
        """Where packaging runs; for the server's queue, its broker and the workers' key."""
        packaging_page = QWidget(self)
        packaging = QFormLayout(packaging_page)
        self.packaging_runs_on = QComboBox(self)
        self.packaging_runs_on.setObjectName("packaging_runs_on")
        self.packaging_runs_on.addItem(self.tr("This computer"), RUNS_HERE)
        self.packaging_runs_on.addItem(self.tr("The server's queue"), RUNS_ON_QUEUE)
        self.packaging_runs_on.currentIndexChanged.connect(self._runs_on_changed)
        self.queue_broker_url = self._line("queue_broker_url", "redis://pod.univ.fr:6379/5")
        self.broker_password = self._line("broker_password", "", secret=True)
        self.queue_result_backend = self._line(
            "queue_result_backend", self.tr("the broker's own; with RabbitMQ, a Redis"))
        self.queue_result_backend.setToolTip(self.tr(
            "Where job states are kept, e.g. redis://pod.univ.fr:6379/5. Empty: the broker "
            "keeps them (Redis). RabbitMQ keeps none the desks can read: give a Redis."))
        self.queue_public_key = self._line(
            "queue_public_key", self.tr("printed by `recmanager worker-key` on the server"))
        packaging.addRow(self.tr("Runs on"), self.packaging_runs_on)
        packaging.addRow(self.tr("Broker address"), self.queue_broker_url)
        packaging.addRow(self.tr("Broker password"), self.broker_password)
        packaging.addRow(self.tr("Job states in"), self.queue_result_backend)
        packaging.addRow(self.tr("Workers' public key"), self.queue_public_key)
        self._runs_on_changed()
        return packaging_page

    def _build_quarantine_field(self) -> None:
        """The quarantine folder, with two lines saying what it is for."""
        self.quarantine_dir = self._line("quarantine_dir", self.tr("optional, e.g. "
                                                                   "/data/ftp-pod/quarantine"))
        self.quarantine_dir.setAccessibleName(self.tr("Quarantine folder"))
        # Two short lines, not wrapped: a wrapped label in a form is squeezed under its field.
        self.quarantine_help = QLabel(self.tr(
            "Deleted recordings wait here, so that a delete can be undone.\n"
            "Empty: deletes cannot be undone."), self)
        self.quarantine_help.setObjectName("quarantineHelp")
        details = self.tr(
            "A folder on the deposit's server (on this computer for a mounted folder), outside "
            "the deposit root, which Pod's cron scans, and on the same disk: files are moved, "
            "not copied.")
        self.quarantine_dir.setToolTip(details)
        self.quarantine_help.setToolTip(details)

    def _build_feedback(self, right: QVBoxLayout) -> None:
        """The TLS warning and the connection test's results, under the fields."""
        self.tls_warning = QLabel(
            self.tr("TLS verification is OFF for this profile: anyone on the network path "
                    "could read the token."), self
        )
        self.tls_warning.setStyleSheet("color: #b3261e; font-weight: bold")
        self.tls_warning.setWordWrap(True)
        self.tls_warning.hide()
        right.addWidget(self.tls_warning)
        self.check_results = QLabel(self)
        self.check_results.setWordWrap(True)
        self.check_results.setTextFormat(Qt.TextFormat.RichText)
        self.check_results.setAccessibleName(self.tr("Connection test results"))
        right.addWidget(self.check_results)

    def _build_buttons(self) -> QDialogButtonBox:
        """Save, Close, and Test connection."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.test_button = buttons.addButton(
            self.tr("Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.clicked.connect(self.test_connection)
        buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- profile <-> fields ---------------------------------------------------------------

    def _reload_list(self, select: str | None) -> None:
        self.profile_list.clear()
        names = self.context.profiles.names()
        self.profile_list.addItems(names)
        if select in names:
            self.profile_list.setCurrentRow(names.index(select))
        elif names:
            self.profile_list.setCurrentRow(0)
        else:
            self._new()

    def _new(self) -> None:
        self.profile_list.clearSelection()
        self._show(Profile(name="", pod_url="https://"))

    def _select(self, name: str) -> None:
        if name:
            self._show(self.context.profiles.get(name))

    def _show(self, profile: Profile) -> None:
        self.name.setText(profile.name)
        self.pod_url.setText(profile.pod_url)
        self.verify_tls.setChecked(profile.verify_tls)
        self.allow_plain_http.setChecked(profile.allow_plain_http)
        self.ca_bundle.setText(profile.ca_bundle)
        self.pod_username.setText(profile.pod_username)
        self.preview_base_url.setText(profile.preview_base_url)
        self.deposit_kind.setCurrentIndex(self.deposit_kind.findData(profile.deposit_kind))
        self.sftp_host.setText(profile.sftp_host)
        self.sftp_port.setValue(profile.sftp_port)
        self.sftp_user.setText(profile.sftp_user)
        self.sftp_auth.setCurrentIndex(self.sftp_auth.findData(profile.sftp_auth))
        self.sftp_key_file.setText(profile.sftp_key_file)
        self.deposit_root.setText(profile.deposit_root)
        self.local_deposit.setText(profile.local_deposit)
        self.bento4_dir.setText(profile.bento4_dir)
        self.quarantine_dir.setText(profile.quarantine_dir)
        self.packaging_runs_on.setCurrentIndex(
            max(0, self.packaging_runs_on.findData(profile.packaging_runs_on)))
        self.queue_broker_url.setText(profile.queue_broker_url)
        self.queue_result_backend.setText(profile.queue_result_backend)
        self.queue_public_key.setText(profile.queue_public_key)
        self._shown_extra = dict(profile.extra)  # settings learnt from the server, kept
        for edit in (self.token, self.pod_password, self.sftp_secret, self.broker_password):
            edit.clear()
        stored = self.context.secrets.get if profile.name else lambda *_: None
        self.token.setPlaceholderText(
            self.tr("stored in the keyring") if stored(profile.name, SecretKind.POD_TOKEN)
            else self.tr("REST token (from Pod's admin)"))
        self.broker_password.setPlaceholderText(
            self.tr("stored in the keyring") if stored(profile.name, SecretKind.BROKER_PASSWORD)
            else self.tr("none stored (a broker without a password)"))
        self.check_results.clear()

    def current_profile(self) -> Profile:
        profile = profile_from_form({
            "name": self.name, "pod_url": self.pod_url, "verify_tls": self.verify_tls,
            "allow_plain_http": self.allow_plain_http,
            "ca_bundle": self.ca_bundle, "pod_username": self.pod_username,
            "preview_base_url": self.preview_base_url, "deposit_kind": self.deposit_kind,
            "sftp_host": self.sftp_host, "sftp_port": self.sftp_port,
            "sftp_user": self.sftp_user, "sftp_auth": self.sftp_auth,
            "sftp_key_file": self.sftp_key_file, "deposit_root": self.deposit_root,
            "local_deposit": self.local_deposit, "bento4_dir": self.bento4_dir,
            "quarantine_dir": self.quarantine_dir, "packaging_runs_on": self.packaging_runs_on,
            "queue_broker_url": self.queue_broker_url,
            "queue_result_backend": self.queue_result_backend,
            "queue_public_key": self.queue_public_key,
        })
        profile.extra = dict(self._shown_extra)
        return profile

    def _store_secrets(self, profile: Profile) -> bool:
        """Typed secrets go to the keyring; returns False if any is kept in memory only."""
        persistent = True
        secrets = typed_secrets(profile, self.token.text(), self.pod_password.text(),
                                self.sftp_secret.text())
        if self.broker_password.text():
            secrets.append((SecretKind.BROKER_PASSWORD, self.broker_password.text()))
        for kind, value in secrets:
            persistent &= self.context.secrets.set(profile.name, kind, value)
        return persistent

    # --- actions --------------------------------------------------------------------------

    def focus_field(self, name: str) -> None:
        """Put the cursor in one field (``quarantine_dir``…), on its tab: for a dialog opened
        to set it, or a field refused on Save."""
        field = self.findChild(QWidget, name)
        if field is None:
            return
        for index in range(self.sections.count()):
            if self.sections.widget(index).isAncestorOf(field):
                self.sections.setCurrentIndex(index)
        field.setFocus()

    def _runs_on_changed(self) -> None:
        """The queue's fields are greyed while packaging runs on this computer."""
        on_queue = self.packaging_runs_on.currentData() == RUNS_ON_QUEUE
        for edit in (self.queue_broker_url, self.broker_password, self.queue_result_backend,
                     self.queue_public_key):
            edit.setEnabled(on_queue)

    def _field_label(self, name: str) -> str:
        """The label a person reads beside the profile field ``name`` (the name itself for a
        field the dialog does not show)."""
        widget = self.findChild(QWidget, name)
        form = widget.parentWidget().layout() if widget is not None else None
        label = form.labelForField(widget) if isinstance(form, QFormLayout) else None
        return label.text() if isinstance(label, QLabel) and label.text() else name

    def _warn_tls(self, verify: bool) -> None:
        self.tls_warning.setVisible(not verify)
        self._make_room()

    def _browse_key(self) -> None:
        path = FolderMemory(self.context.paths).open_file(
            self, SSH_KEYS, self.tr("SSH private key"), self.tr("All files (*)"))
        if path is not None:
            self.sftp_key_file.setText(str(path))

    def save(self) -> None:
        profile = self.current_profile()
        try:
            if self.token.text():
                clean_token(self.token.text())
            self.context.profiles.save(profile)
        except ValidationError as exc:
            details = "\n".join(
                self.tr("• {field}: {problems}").format(
                    field=self._field_label(field), problems=" ".join(messages))
                for field, messages in exc.fields.items()
            )
            self.focus_field(next(iter(exc.fields), ""))
            QMessageBox.warning(self, self.tr("Profile not saved"), f"{exc.message}\n{details}")
            return
        except RecmanagerError as exc:
            QMessageBox.warning(self, self.tr("Profile not saved"), str(exc))
            return
        if not self._store_secrets(profile):
            QMessageBox.information(
                self,
                self.tr("No keyring"),
                self.tr(
                    "No system keyring is available: the secrets are kept in memory until "
                    "recmanager quits, and you will be asked for them again next time."
                ),
            )
        self.saved_profile = profile
        self._reload_list(profile.name)

    def delete_selected(self) -> None:
        """Delete the selected profile and its secrets, once the user confirms."""
        item = self.profile_list.currentItem()
        if item is None or not item.isSelected():
            return
        name = item.text()
        answer = QMessageBox.question(
            self, self.tr("Delete profile"),
            self.tr("Delete the profile \"{name}\" and its secrets (token, passwords) from "
                    "the keyring? Nothing on the Pod server or in the deposit folder changes; "
                    "the audit log is kept.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.delete_profile(name)
        except RecmanagerError as exc:
            QMessageBox.warning(self, self.tr("Profile not deleted"), str(exc))
            return
        self.deleted.append(name)
        if self.saved_profile is not None and self.saved_profile.name == name:
            self.saved_profile = None
        self._reload_list(None)

    def test_connection(self) -> None:
        profile = self.current_profile()
        if not profile.name:
            profile.name = "unsaved"
        try:
            self._store_secrets_for_test(profile)
        except RecmanagerError as exc:  # a token that cannot be one
            self._show_results([CheckResult("profile", False, str(exc))])
            return
        self.test_button.setEnabled(False)
        self.check_results.setText(self.tr("Testing…"))
        self.runner.submit(
            "test-connection",
            lambda progress, cancel: check_profile(
                profile,
                self.context,
                on_unknown_host_key=lambda host, kind, fingerprint: ask_host_key(
                    self, host, kind, fingerprint
                ),
            ),
            on_result=self._show_results,
            on_error=lambda exc: self._show_results(
                [CheckResult("profile", False, str(exc))]
            ),
        )

    def _store_secrets_for_test(self, profile: Profile) -> None:
        secrets = self.context.secrets
        for edit, kind in (
            (self.token, SecretKind.POD_TOKEN),
            (self.pod_password, SecretKind.POD_PASSWORD),
            (self.sftp_secret, SecretKind.SFTP_PASSWORD),
            (self.sftp_secret, SecretKind.KEY_PASSPHRASE),
            (self.broker_password, SecretKind.BROKER_PASSWORD),
        ):
            if edit.text():
                secrets.set_for_session(profile.name, kind, edit.text())

    def _show_results(self, results: list[CheckResult]) -> None:
        fill_found_deposit_root(self.deposit_root, results)
        self.test_button.setEnabled(True)
        self.check_results.setText(check_lines(results))
        self._make_room()

    def _make_room(self) -> None:
        """Grow to show every line of the wrapped labels under the tabs: a dialog's minimum
        size ignores the height a wrapped text needs at the dialog's width. (Before it
        shows, the dialog takes its size hint, which has room.)"""
        if not self.isVisible():
            return
        self.layout().activate()
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

