"""The first-run guide: creates the first connection profile, explains each value and where
to find it on the Pod server, and tests the connection before saving.

Shown by :func:`offer_first_run` when no profile exists; everything it asks can be changed
later in File › Connection profiles.
"""

from __future__ import annotations

from functools import partial
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recmanager.config import Profile
from recmanager.connection import CheckResult, check_profile
from recmanager.context import AppContext
from recmanager.deposit import open_deposit
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


def _explanation(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    return label


class FirstRunGuide(QWizard):
    """Welcome → Pod server → deposit folder → test and save."""

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.saved_profile: Profile | None = None
        self.results: list[CheckResult] = []
        self._rows: dict[QWidget, tuple[QFormLayout, QLabel]] = {}
        self.setObjectName("FirstRunGuide")
        self.setWindowTitle(self.tr("Welcome to recmanager"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save the profile"))
        self.addPage(self._welcome_page())
        self.addPage(self._pod_page())
        self.addPage(self._deposit_page())
        self.test_page = _TestPage(self)
        self.addPage(self.test_page)
        self.resize(720, 600)

    # --- pages ----------------------------------------------------------------------------

    def _welcome_page(self) -> QWizardPage:
        page = QWizardPage(self)
        page.setTitle(self.tr("Connect recmanager to your Pod"))
        layout = QVBoxLayout(page)
        layout.addWidget(_explanation(self.tr(
            "<p>recmanager works with an Esup-Pod server and with the deposit folder where "
            "your recorders drop their files. This guide asks for:</p><ul>"
            "<li>the address of your Pod and a REST token,</li>"
            "<li>how to reach the deposit folder (SFTP, or a folder mounted on this "
            "computer) and where it is on the server,</li></ul>"
            "<p>then tests each part before saving. Ask your Pod administrator for the values "
            "you do not have; each page says where they are on the server.</p>"
            "<p>Secrets (token, passwords) are kept in the system keyring, never in a file.</p>"
        ), page))
        layout.addStretch(1)
        return page

    def _pod_page(self) -> QWizardPage:
        page = QWizardPage(self)
        page.setTitle(self.tr("Your Pod server"))
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.pod_url = QLineEdit(page)
        self.pod_url.setPlaceholderText("https://pod.univ.fr/")
        self.pod_url.textChanged.connect(self._pod_url_changed)
        self.token = QLineEdit(page)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.verify_tls = QCheckBox(self.tr("Verify the server's TLS certificate"), page)
        self.verify_tls.setChecked(True)
        self.allow_plain_http = QCheckBox(
            self.tr("Allow plain HTTP (the token and passwords travel in clear)"), page)
        self.profile_name = QLineEdit(page)
        self.pod_username = QLineEdit(page)
        self.pod_username.setPlaceholderText(self.tr("optional"))
        self.pod_password = QLineEdit(page)
        self.pod_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pod_password.setPlaceholderText(self.tr("optional"))
        rows = (
            (self.tr("Pod address"), self.pod_url, self.tr(
                "The address you open Pod with in a browser, e.g. https://pod.univ.fr/.")),
            (self.tr("REST token"), self.token, self.tr(
                "A token of a <b>staff</b> account. On the Pod server: <i>Administration → "
                "Auth Token → Tokens</i> (<tt>/admin/authtoken/tokenproxy/</tt>), "
                "“Add token” for your user, then copy its key.")),
            ("", self.verify_tls, self.tr(
                "Leave this on. Turn it off only for a test server with a self-signed "
                "certificate: the token would then travel unprotected.")),
            ("", self.allow_plain_http, self.tr(
                "Only for a test server reachable over http:// alone.")),
            (self.tr("Profile name"), self.profile_name, self.tr(
                "How this connection is called in recmanager, e.g. the university's name.")),
            (self.tr("Web login"), self.pod_username, self.tr(
                "Optional: an account that can log in to <tt>/admin/</tt> with a local "
                "password. Some recorder settings (hash key, manager, folder) can only be "
                "changed through Pod's web pages.")),
            (self.tr("Web password"), self.pod_password, ""),
        )
        self._add_rows(form, page, rows)
        page.registerField("pod_url*", self.pod_url)
        page.registerField("token*", self.token)
        page.registerField("profile_name*", self.profile_name)
        return page

    def _deposit_page(self) -> QWizardPage:
        page = QWizardPage(self)
        page.setTitle(self.tr("The deposit folder"))
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.deposit_kind = QComboBox(page)
        self.deposit_kind.addItem(self.tr("SFTP to the Pod server"), "sftp")
        self.deposit_kind.addItem(self.tr("A folder mounted on this computer"), "local")
        self.deposit_kind.currentIndexChanged.connect(self._deposit_kind_changed)
        self.sftp_host = QLineEdit(page)
        self.sftp_port = QSpinBox(page)
        self.sftp_port.setRange(1, 65535)
        self.sftp_port.setValue(22)
        self.sftp_user = QLineEdit(page)
        self.sftp_auth = QComboBox(page)
        self.sftp_auth.addItem(self.tr("Key file"), "key")
        self.sftp_auth.addItem(self.tr("SSH agent"), "agent")
        self.sftp_auth.addItem(self.tr("Password"), "password")
        self.sftp_key_file = QLineEdit(page)
        self.sftp_key_file.setPlaceholderText("~/.ssh/id_ed25519")
        key_row = QWidget(page)
        key_layout = QHBoxLayout(key_row)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.sftp_key_file, 1)
        browse = QPushButton(self.tr("Browse…"), key_row)
        browse.setAccessibleName(self.tr("Browse for the SSH key file"))
        browse.clicked.connect(self._browse_key)
        key_layout.addWidget(browse)
        self.sftp_secret = QLineEdit(page)
        self.sftp_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.sftp_secret.setPlaceholderText(self.tr("password or key passphrase, if any"))
        self.local_deposit = QLineEdit(page)
        self.deposit_root = QLineEdit("/data/ftp-pod/ftp/", page)
        rows = (
            (self.tr("Access"), self.deposit_kind, self.tr(
                "recmanager lists, previews and removes deposited files through SFTP, or "
                "through a folder of the server mounted here (NFS, SMB).")),
            (self.tr("SFTP server"), self.sftp_host, self.tr(
                "The Pod server's name, or the machine that holds the deposit folder.")),
            (self.tr("Port"), self.sftp_port, ""),
            (self.tr("SFTP user"), self.sftp_user, self.tr(
                "An account that can read and delete files in the deposit folder, often the "
                "one the recorders use (e.g. <tt>ftp-pod</tt>).")),
            (self.tr("Authentication"), self.sftp_auth, ""),
            (self.tr("Key file"), key_row, self.tr(
                "Your private SSH key; its public half must be in the account's "
                "<tt>~/.ssh/authorized_keys</tt> on the server.")),
            (self.tr("Password / passphrase"), self.sftp_secret, ""),
            (self.tr("Mounted folder"), self.local_deposit, self.tr(
                "Where the deposit folder is mounted on this computer.")),
            (self.tr("Deposit root on the server"), self.deposit_root, self.tr(
                "Pod's <tt>DEFAULT_RECORDER_PATH</tt> setting (in Pod's "
                "<tt>custom/settings_local.py</tt>; default <tt>/data/ftp-pod/ftp/</tt>): "
                "the folder that holds one sub-folder per recorder.")),
        )
        self._add_rows(form, page, rows)
        self._deposit_kind_changed()
        return page

    def _add_rows(
        self, form: QFormLayout, page: QWidget, rows: tuple[tuple[str, QWidget, str], ...]
    ) -> None:
        for label_text, field, help_text in rows:
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            if help_text:
                explanation = _explanation(help_text, page)
                explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                explanation.installEventFilter(self)
                column.addWidget(explanation)
            editor = field.findChild(QLineEdit) if field.layout() is not None else field
            name = label_text or (field.text() if isinstance(field, QCheckBox) else "")
            editor.setAccessibleName(name)
            if help_text:
                editor.setToolTip(help_text)
            if label_text:
                label = QLabel(label_text, page)
                label.setWordWrap(True)
                label.setBuddy(editor)
                form.addRow(label, column)
                self._rows[field] = (form, label)
            else:
                form.addRow(column)

    # --- behaviour ------------------------------------------------------------------------

    def _pod_url_changed(self, text: str) -> None:
        """Propose a profile name and the SFTP server from the Pod address."""
        host = urlsplit(text.strip()).hostname or ""
        if not self.profile_name.isModified():
            self.profile_name.setText(host)
        if not self.sftp_host.isModified():
            self.sftp_host.setText(host)

    def _deposit_kind_changed(self) -> None:
        sftp = self.deposit_kind.currentData() == "sftp"
        for field in (self.sftp_host, self.sftp_port, self.sftp_user, self.sftp_auth,
                      self.sftp_secret, self.sftp_key_file.parentWidget()):
            self._set_row_visible(field, sftp)
        self._set_row_visible(self.local_deposit, not sftp)

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        form, label = self._rows[field]
        form.setRowVisible(label, visible)  # the whole row, its spacing too

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A wrapped explanation as tall as its text at its real width: the form lays
        rows out for their preferred width, and a narrower one cut the last line."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            watched.setMinimumHeight(watched.heightForWidth(watched.width()))
        return super().eventFilter(watched, event)

    def _browse_key(self) -> None:
        path = FolderMemory(self.context.paths).open_file(
            self, SSH_KEYS, self.tr("SSH private key"), self.tr("All files (*)"))
        if path is not None:
            self.sftp_key_file.setText(str(path))

    def profile(self) -> Profile:
        """The profile the fields describe."""
        return profile_from_form({
            "name": self.profile_name, "pod_url": self.pod_url, "verify_tls": self.verify_tls,
            "allow_plain_http": self.allow_plain_http,
            "pod_username": self.pod_username, "deposit_kind": self.deposit_kind,
            "sftp_host": self.sftp_host, "sftp_port": self.sftp_port,
            "sftp_user": self.sftp_user, "sftp_auth": self.sftp_auth,
            "sftp_key_file": self.sftp_key_file, "local_deposit": self.local_deposit,
            "deposit_root": self.deposit_root,
        })

    def _secrets(self, profile: Profile) -> list[tuple[SecretKind, str]]:
        return typed_secrets(profile, self.token.text(), self.pod_password.text(),
                             self.sftp_secret.text())

    def test_connection(self) -> None:
        """Run every check of :func:`check_profile` off the GUI thread; results on page 4."""
        profile = self.profile()
        try:
            for kind, value in self._secrets(profile):
                self.context.secrets.set_for_session(profile.name, kind, value)
        except RecmanagerError as exc:  # a token that cannot be one
            self.test_page.show_results([CheckResult(self.tr("Profile"), False, str(exc))])
            return
        self.test_page.started()
        ask = partial(ask_host_key, self)

        def work(progress, cancel) -> list[CheckResult]:
            if profile.deposit_kind == "sftp":
                # Meet an unknown host key here, where the user can be asked about it.
                try:
                    with open_deposit(profile, self.context, on_unknown_host_key=ask):
                        pass
                except RecmanagerError:
                    pass  # check_profile reports the same failure with its reason
            return check_profile(profile, self.context)

        self.runner.submit(
            "first-run-test",
            work,
            on_result=self.test_page.show_results,
            on_error=lambda exc: self.test_page.show_results(
                [CheckResult(self.tr("Profile"), False, str(exc))]
            ),
        )

    def accept(self) -> None:
        profile = self.profile()
        try:
            clean_token(self.token.text())
            self.context.profiles.save(profile)
        except ValidationError as exc:
            details = " ".join(" ".join(messages) for messages in exc.fields.values())
            self.test_page.show_problem(f"{exc.message} {details}")
            return
        except RecmanagerError as exc:
            self.test_page.show_problem(str(exc))
            return
        kept = all(self.context.secrets.set(profile.name, kind, value)
                   for kind, value in self._secrets(profile))
        if not kept:
            self.test_page.show_problem(self.tr(
                "No system keyring is available: the secrets are kept until recmanager "
                "quits, and you will be asked for them again next time."))
        self.saved_profile = profile
        super().accept()


class _TestPage(QWizardPage):
    """Runs the test when shown; Finish is possible once it ran, whatever its outcome."""

    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide)
        self.guide = guide
        self.ran = False
        self.setTitle(self.tr("Test and save"))
        layout = QVBoxLayout(self)
        self.results = QLabel(self)
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setAccessibleName(self.tr("Connection test results"))
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.retry = QPushButton(self.tr("Test again"), self)
        self.retry.clicked.connect(self.guide.test_connection)
        layout.addWidget(self.results)
        layout.addWidget(self.summary)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.guide.test_connection()

    def isComplete(self) -> bool:
        return self.ran

    def started(self) -> None:
        self.ran = False
        self.retry.setEnabled(False)
        self.results.setText(self.tr("Testing the connection…"))
        self.summary.clear()
        self.completeChanged.emit()

    def show_results(self, results: list[CheckResult]) -> None:
        fill_found_deposit_root(self.guide.deposit_root, results)
        self.guide.results = results
        self.results.setText(check_lines(results))
        if results and all(result.ok for result in results):
            self.summary.setText(self.tr("Everything works. Save the profile to start."))
        else:
            self.summary.setText(self.tr(
                "Something needs fixing: go Back to change a value and test again, or save "
                "the profile now and fix it later in File › Connection profiles."))
        self.ran = True
        self.retry.setEnabled(True)
        self.completeChanged.emit()

    def show_problem(self, text: str) -> None:
        self.summary.setText(f"<span style='color:#b3261e'>{escape(text)}</span>")


def offer_first_run(window: QMainWindow) -> FirstRunGuide | None:
    """Open the guide when no profile exists yet; the window adopts the saved profile."""
    context: AppContext = window.context  # type: ignore[attr-defined]
    if window.profile is not None:  # type: ignore[attr-defined]
        return None
    try:
        if context.profiles.names():
            return None
    except RecmanagerError:
        return None  # a damaged profiles file: the guide must not write over it

    guide = FirstRunGuide(context, window.runner, window)  # type: ignore[attr-defined]
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def adopt() -> None:
        if guide.saved_profile is not None:
            window.use_profile(guide.saved_profile)  # type: ignore[attr-defined]

    guide.accepted.connect(adopt)
    guide.open()
    return guide
