"""The application shell: main window, profile dialog, remembered layout, crash dialog."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from recmanager.config import Profile
from recmanager.i18n import translate
from recmanager.secrets import SecretKind
from recmanager.ui.app import install_translations
from recmanager.ui.dialogs.profile import ProfileDialog
from recmanager.ui.excepthook import CrashDialog, crash_report
from recmanager.ui.main_window import MainWindow
from recmanager.ui.status import ChannelState
from recmanager.ui.tasks import TaskRunner


def test_main_window_has_toolbar_jobs_dock_and_channel_states(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    assert window.toolbar.actions()
    assert window.jobs_dock.isVisible()
    assert window.rest_indicator.state is ChannelState.UNKNOWN
    window.sftp_indicator.set_state(ChannelState.RECONNECTING, "connection dropped")
    assert "reconnecting" in window.sftp_indicator.text()
    assert window.sftp_indicator.toolTip() == "connection dropped"


def test_window_geometry_and_splitter_are_remembered(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.resize(1100, 700)
    window.splitter.setSizes([700, 380])
    sizes = window.splitter.sizes()
    window.close()

    again = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (1100, 700)
    assert again.splitter.sizes() == sizes


def test_tls_off_is_shown_in_the_status_bar(qtbot, context):
    context.profiles.save(Profile(name="lab", pod_url="https://pod.lab/", sftp_host="h",
                                  verify_tls=False))
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert "TLS verification OFF" in window.profile_label.text()


def test_profile_dialog_saves_fields_and_puts_secrets_in_the_keyring(qtbot, context,
                                                                      memory_keyring):
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), None)
    qtbot.addWidget(dialog)
    dialog.name.setText("univ")
    dialog.pod_url.setText("https://pod.univ.example/")
    dialog.token.setText("tok-123456")
    dialog.sftp_host.setText("pod.univ.example")
    dialog.sftp_user.setText("pod")
    dialog.sftp_secret.setText("passphrase-xyz")
    dialog.verify_tls.setChecked(False)
    assert dialog.tls_warning.isVisibleTo(dialog)
    dialog.save()
    saved = context.profiles.get("univ")
    assert saved.verify_tls is False and saved.sftp_user == "pod"
    assert context.secrets.get("univ", SecretKind.POD_TOKEN) == "tok-123456"
    assert context.secrets.get("univ", SecretKind.KEY_PASSPHRASE) == "passphrase-xyz"
    assert "tok-123456" not in context.paths.profiles_file.read_text(encoding="utf-8")


def test_profile_dialog_test_names_the_failing_part(qtbot, context):
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), None)
    qtbot.addWidget(dialog)
    dialog.name.setText("broken")
    dialog.pod_url.setText("https://no-such-host.invalid/")
    dialog.deposit_kind.setCurrentIndex(dialog.deposit_kind.findData("local"))
    dialog.local_deposit.setText("/nonexistent/deposit")
    dialog.test_connection()
    text = dialog.check_results.text()
    assert "DNS" in text and "cannot be resolved" in text
    assert "✔" not in text


def test_crash_dialog_shows_a_copyable_report(qtbot, tmp_path):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = crash_report(exc)
    dialog = CrashDialog(report, tmp_path)
    qtbot.addWidget(dialog)
    assert "recmanager" in report and "RuntimeError: boom" in report and "PySide6" in report
    assert dialog.report.toPlainText() == report


def test_french_catalogue_is_loaded_for_a_french_locale(qapp):
    translators = install_translations(qapp, QLocale(QLocale.Language.French))
    try:
        assert translators, "recmanager_fr.qm was not built or not found"
        assert translate("MainWindow", "Refresh") == "Actualiser"
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)
