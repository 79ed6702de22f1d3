"""The application shell: main window, profile dialog, remembered layout, crash dialog."""

from __future__ import annotations

import sys
import threading

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from recmanager.config import Profile
from recmanager.i18n import translate
from recmanager.secrets import SecretKind
from recmanager.ui.app import install_translations
from recmanager.ui.dialogs.crash import CrashDialog, crash_report
from recmanager.ui.dialogs.first_run import FirstRunGuide
from recmanager.ui.dialogs.profile import ProfileDialog
from recmanager.ui.excepthook import install_exception_hook
from recmanager.ui.inbox.panel import InboxPanel
from recmanager.ui.main_window import MainWindow
from recmanager.ui.status import ChannelIndicator, ChannelState
from recmanager.ui.tasks import TaskRunner
from tests.ui.profiles import profile_dialog, profile_dialog_with_a_local_deposit, window_on


def test_main_window_has_toolbar_jobs_dock_and_channel_states(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    first_screen = [action.text() for action in window.toolbar.actions()]
    assert window.findChild(InboxPanel) is None and window.findChild(QDockWidget) is None
    window.show()
    # The inbox, its tool bar actions and the jobs dock come just after the first paint.
    qtbot.waitUntil(lambda: isinstance(window.centralWidget(), InboxPanel))
    qtbot.waitUntil(window.jobs_dock.isVisible)
    assert window.dockWidgetArea(window.jobs_dock) is Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(lambda: window.jobs_dock.height() <= window.height() // 3)
    assert window.inbox.height() > window.jobs_dock.height()
    assert [action.text() for action in window.toolbar.actions()] == [
        *first_screen, *(action.text() for action in (
            window.inbox.action_claim, window.inbox.action_reassign, window.inbox.action_delete,
            window.inbox.action_audit))]
    assert window.rest_indicator.state is ChannelState.UNKNOWN
    window.sftp_indicator.set_state(ChannelState.RECONNECTING, "connection dropped")
    assert "reconnecting" in window.sftp_indicator.text()
    assert window.sftp_indicator.toolTip() == "connection dropped"


def test_window_geometry_and_splitter_are_remembered(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.resize(1100, 700)
    window.inbox.splitter.setSizes([700, 380])
    sizes = window.inbox.splitter.sizes()
    window.close()

    again = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (1100, 700)
    assert again.inbox.splitter.sizes() == sizes


def test_the_jobs_dock_comes_back_where_it_was_left(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.jobs_dock.isVisible())
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.jobs_dock)
    window.close()

    again = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.jobs_dock.isVisible())
    assert again.dockWidgetArea(again.jobs_dock) is Qt.DockWidgetArea.LeftDockWidgetArea


def test_the_jobs_dock_keeps_its_height_from_one_start_to_the_next(qtbot, context):
    """First start: a quarter of the window; a person's height then holds at every start
    (it used to become ~45 % from the second start on)."""
    heights = []
    for start in range(3):
        window = MainWindow(context, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda w=window: w._jobs_panel is not None)
        for _ in range(3):
            QApplication.processEvents()
        heights.append(window.jobs_dock.height())
        if start == 0:
            assert abs(heights[0] - window.height() // 4) <= 8
            window.resizeDocks([window.jobs_dock], [240], Qt.Orientation.Vertical)
            QApplication.processEvents()
            heights[0] = window.jobs_dock.height()
        window.close()
    assert abs(heights[0] - 240) <= 8
    assert heights[1] == heights[2] == heights[0]


def test_tls_off_is_shown_in_the_status_bar(qtbot, context):
    window = window_on(qtbot, context, Profile(name="lab", pod_url="https://pod.lab/",
                                               sftp_host="h", verify_tls=False))
    assert "TLS verification OFF" in window.profile_label.text()


def test_profile_dialog_saves_fields_and_puts_secrets_in_the_keyring(qtbot, context,
                                                                      memory_keyring):
    dialog = profile_dialog(qtbot, context)
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


def test_the_first_run_guide_and_the_profile_dialog_read_the_same_entries_alike(qtbot, context):
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), None)
    guide = FirstRunGuide(context, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    qtbot.addWidget(guide)
    for name, pod_url, host, secret, verify in (
            (guide.profile_name, guide.pod_url, guide.sftp_host, guide.token, guide.verify_tls),
            (dialog.name, dialog.pod_url, dialog.sftp_host, dialog.token, dialog.verify_tls)):
        pod_url.setText("https://pod.univ.example/")
        name.setText(" univ ")  # after the address, which the guide names a profile after
        host.setText("pod.univ.example ")
        secret.setText(" tok-123456 ")
        verify.setChecked(False)
    guide.deposit_root.clear()
    dialog.deposit_root.clear()
    assert guide.profile() == dialog.current_profile()
    assert guide.profile().deposit_root == ""  # refused by validation, never saved as "/"
    assert guide._secrets(guide.profile()) == [(SecretKind.POD_TOKEN, "tok-123456")]


def test_profile_dialog_deletes_a_profile_and_its_secrets_once_confirmed(qtbot, context,
                                                                         monkeypatch):
    for name in ("a", "b"):
        context.profiles.save(Profile(name=name, pod_url=f"https://{name}.example/",
                                      sftp_host=f"{name}.example"))
        context.secrets.set(name, SecretKind.POD_TOKEN, f"token-{name}")
    questions: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]

    def answer(_parent, _title, text, *_args):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), context.profiles.get("a"))
    qtbot.addWidget(dialog)
    assert dialog.profile_list.currentItem().text() == "a"
    dialog.delete_button.click()  # cancelled
    assert context.profiles.names() == ["a", "b"] and dialog.deleted == []
    dialog.delete_button.click()
    assert "\"a\"" in questions[1] and "keyring" in questions[1]
    assert context.profiles.names() == ["b"] and dialog.deleted == ["a"]
    assert context.secrets.get("a", SecretKind.POD_TOKEN) is None
    assert context.secrets.get("b", SecretKind.POD_TOKEN) == "token-b"
    assert [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())] == [
        "b"]


def test_the_main_window_leaves_a_profile_deleted_in_the_dialog(qtbot, context, monkeypatch):
    for name in ("a", "b"):
        context.profiles.save(Profile(name=name, pod_url="http://127.0.0.1:9/",
                                      allow_plain_http=True, sftp_host="127.0.0.1"),
                              make_current=name == "a")
    window = MainWindow(context, runner=TaskRunner(synchronous=True), profile_name="a")
    qtbot.addWidget(window)
    assert window.profile.name == "a"

    def delete_a_then_close(dialog):
        monkeypatch.setattr(QMessageBox, "question",
                            staticmethod(lambda *_: QMessageBox.StandardButton.Yes))
        dialog.delete_selected()
        return 0  # closed

    monkeypatch.setattr(ProfileDialog, "exec", delete_a_then_close)
    window.edit_profiles()
    assert window.profile is not None and window.profile.name == "b"
    assert window.profile_label.text().startswith("b (plain HTTP")
    # The dialog goes with its use (each use left a hidden child of the window).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(ProfileDialog) == []


def test_profile_dialog_test_names_the_failing_part(qtbot, context):
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "broken",
                                                 "https://no-such-host.invalid/")
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


def test_an_unexpected_error_opens_the_crash_dialog_once_back_in_the_event_loop(
        qtbot, tmp_path, monkeypatch):
    shown: list[tuple[str, bool]] = []

    def record(dialog: CrashDialog) -> int:  # exec() would wait for a person
        shown.append((dialog.report.toPlainText(), threading.current_thread() is main_thread))
        return 0

    main_thread = threading.current_thread()
    monkeypatch.setattr(CrashDialog, "exec", record)
    previous_hook = sys.excepthook
    install_exception_hook(tmp_path)
    try:
        try:
            raise RuntimeError("on the GUI thread")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        assert shown == []  # not inside the hook
        qtbot.waitUntil(lambda: len(shown) == 1)

        def fail_in_a_worker() -> None:
            try:
                raise ValueError("in a worker")
            except ValueError:
                sys.excepthook(*sys.exc_info())

        worker = threading.Thread(target=fail_in_a_worker)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
    finally:
        sys.excepthook = previous_hook
    assert "RuntimeError: on the GUI thread" in shown[0][0]
    assert "ValueError: in a worker" in shown[1][0]
    assert all(on_gui_thread for _report, on_gui_thread in shown)


def test_french_catalogue_is_loaded_for_a_french_locale(qapp):
    translators = install_translations(qapp, QLocale(QLocale.Language.French))
    try:
        assert translators, "recmanager_fr.qm was not built or not found"
        assert translate("MainWindow", "Refresh") == "Actualiser"
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)


def test_a_long_status_message_stops_before_the_profile_name(qtbot, context):
    context.profiles.save(Profile(name="lab", pod_url="https://pod.lab/", sftp_host="h"))
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    long_path = "/srv/dash/" + "2026-11-20_amphi-A_L2-droit-constitutionnel/" * 6 + "stream.mpd"
    window.statusBar().showMessage(f"Job finished: lecture.mp4 — {long_path}", 8000)
    shown = window.statusBar().currentMessage()
    room = window.profile_label.geometry().left()
    assert window.statusBar().fontMetrics().horizontalAdvance(shown) < room
    assert shown.startswith("Job finished") and shown.endswith("stream.mpd")
    assert window.statusBar().toolTip().endswith(long_path)


def test_channel_dot_is_painted_in_the_state_colour_without_rich_text(qtbot):
    """Qt's rich text engine would cost the start ~5 ms before the window's first paint."""
    indicator = ChannelIndicator("SFTP")
    qtbot.addWidget(indicator)
    indicator.set_state(ChannelState.FAILED, "connection refused")
    assert not QtGui.Qt.mightBeRichText(indicator.text())
    assert indicator.text() == "SFTP: failed"
    image = indicator.grab().toImage()
    dot = {image.pixelColor(x, y).name()
           for x in range(indicator.indent()) for y in range(image.height())}
    assert "#b3261e" in dot


def test_a_long_profile_name_on_plain_http_leaves_the_channels_whole(qtbot, context):
    """The plain-HTTP sentence beside a long name pushed "Folder: not connected" off the
    window's right edge at the default size; the warning is whole in the label's tooltip."""
    context.profiles.save(Profile(
        name="Université de Lorraine – Campus Brabois-Santé (Vandœuvre-lès-Nancy)",
        pod_url="http://127.0.0.1:9", deposit_kind="local", local_deposit="/nonexistent",
        allow_plain_http=True))
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    for indicator in (window.rest_indicator, window.sftp_indicator):
        indicator.set_state(ChannelState.RECONNECTING)  # the longest state
    window.statusBar().showMessage("Offline: the database is in use by another program.")
    bar, indicators = window.statusBar(), (window.rest_indicator, window.sftp_indicator)

    def whole() -> bool:  # once the bar has laid the new states out
        return all(indicator.width() >= indicator.sizeHint().width()
                   and indicator.geometry().right() < bar.width() for indicator in indicators)

    assert window.width() == 1200
    qtbot.waitUntil(whole, timeout=3000)
    assert "travel in clear" in window.profile_label.toolTip()
