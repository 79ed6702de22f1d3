"""The recorders window, editor, notify panel, sanity panel and set-up sheet (pytest-qt),
against the sandbox Pod with a synchronous task runner."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from recmanager import audit, i18n
from recmanager.pod.web import PodWebSession
from recmanager.recorders.sanity import FindingKind
from recmanager.ui.dialogs.recorder_editor import RecorderEditor
from recmanager.ui.recorders_table import FOLDER, MANAGER, MODE, NAME, WAITING, ObjectRole
from recmanager.ui.recorders_window import RecordersWindow
from recmanager.ui.setup_sheet import SetupSheetDialog
from recmanager.ui.tasks import TaskRunner

# Screenshots a person can look at after a run (the tests check they are not blank): in
# TEST_SCREENSHOTS_DIR when set, else in the test's temporary folder.
SCREENSHOTS = os.environ.get("TEST_SCREENSHOTS_DIR", "")


@pytest.fixture
def window(qtbot, sandbox_pod, context):
    profile = sandbox_pod.profile(context)
    window = RecordersWindow(context, profile, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    return window


@pytest.fixture
def answer_yes(monkeypatch):
    asked: list[str] = []

    def yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    return asked


def row_of(window: RecordersWindow, name: str) -> int:
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, NAME).data() == name:
            return row
    raise AssertionError(name)


def cell(window: RecordersWindow, name: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return window.proxy.index(row_of(window, name), column).data(role)


@pytest.fixture
def shot(tmp_path):
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return lambda widget, name: _save_shot(widget, folder / name)


def _save_shot(widget, path: Path) -> Path:
    QApplication.processEvents()  # pending layout requests, as a real event loop would run
    image = widget.grab().toImage()
    assert image.save(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the screenshot is nearly blank"
    return path


def web_settings(sandbox_pod, recorder_id: int):
    with PodWebSession(sandbox_pod.base_url, "admin", sandbox_pod.passwords["admin"]) as web:
        return web.recorder_settings(recorder_id)


def test_the_list_shows_every_recorder_with_mode_and_waiting_files(window, shot) -> None:
    assert window.proxy.rowCount() == 5
    assert cell(window, "Amphi A", FOLDER) == "amphiA"
    assert cell(window, "Amphi A", MODE) == "manual claim"
    assert cell(window, "Amphi A", WAITING) == "13"
    assert cell(window, "Amphi B (managed, email)", MANAGER) == "manager1"
    assert cell(window, "Amphi C (auto publish)", MODE) == "auto-publish"
    assert not window.banner.isVisible()
    window.table.sortByColumn(WAITING, Qt.SortOrder.DescendingOrder)
    assert window.proxy.index(0, NAME).data() == "Amphi A"
    window.select(1)
    shot(window, "recorders-window.png")


def test_without_a_web_login_the_web_columns_say_why(qtbot, sandbox_pod, context, shot) -> None:
    profile = sandbox_pod.profile(context)
    profile.pod_username = ""
    window = RecordersWindow(context, profile, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    assert window.banner.isVisible() and "no Pod username" in window.banner.text()
    assert cell(window, "Amphi A", FOLDER) == "unavailable"
    assert "no Pod username" in cell(window, "Amphi A", FOLDER, Qt.ItemDataRole.ToolTipRole)
    assert cell(window, "Amphi A", NAME) == "Amphi A"
    assert not window.action_sheet.isEnabled()
    assert not window.notify_panel.device_key.isEnabled()
    shot(window, "recorders-window-no-web.png")


def test_editor_refuses_bad_input_then_saves_over_both_channels(
    qtbot, window, sandbox_pod, answer_yes, context, shot
) -> None:
    window.select(1)
    editor: RecorderEditor = window._editor(window.selected())
    qtbot.addWidget(editor)
    editor.show()
    shot(editor, "recorder-editor.png")
    editor.address_ip.setText("192.168.1.20")  # Amphi B's
    editor.directory.setText("../amphiA")
    editor.submit()
    assert editor.isVisible()
    assert "Amphi B" in editor._errors["address_ip"].text()
    assert editor._errors["directory"].isVisibleTo(editor)
    shot(editor, "recorder-editor-errors.png")
    assert web_settings(sandbox_pod, 1).directory == "amphiA"

    editor.address_ip.setText("192.168.1.11")
    editor.directory.setText("amphiA")
    editor.manager.setText("student1")
    editor.submit()
    assert "not staff" in editor._errors["manager_id"].text()
    assert editor.isVisible()

    editor.manager.setText("teacher1")
    old_key = editor.salt.text()
    qtbot.mouseClick(editor.generate_key, Qt.MouseButton.LeftButton)
    assert answer_yes and editor.salt.text() != old_key and len(editor.salt.text()) >= 32
    assert editor.salt.echoMode() == editor.salt.EchoMode.Normal  # shown after generating
    qtbot.mouseClick(editor.copy_key, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == editor.salt.text()
    new_key = editor.salt.text()
    editor.submit()
    assert editor.result() == editor.DialogCode.Accepted
    report = window.last_report
    assert report.via_rest == ["address_ip"] and report.via_web == ["salt", "manager_id"]
    settings = web_settings(sandbox_pod, 1)
    assert (settings.address_ip, settings.salt, settings.manager_id) == (
        "192.168.1.11", new_key, 4)
    assert cell(window, "Amphi A", MODE) == "manager notified by e-mail"
    assert "Sent over REST: IP address." in window.save_report.text()
    entry, refused = audit.entries(context.db)  # the attempt Pod refused is logged too
    assert (entry.action, entry.target, entry.result) == ("recorder-edit", "Amphi A", "ok")
    assert (refused.result, refused.target) == ("refused", "Amphi A")
    assert "not staff" in refused.error
    assert window.save_report.isVisible()


def test_create_a_recorder_from_the_editor(qtbot, window, sandbox_pod) -> None:
    editor: RecorderEditor = window._editor(None, "unknowndir")
    qtbot.addWidget(editor)
    assert editor.directory.text() == "unknowndir" and len(editor.salt.text()) >= 32
    editor.name.setText("Unknown room")
    editor.address_ip.setText("2001:db8::99")
    editor.video_type.setCurrentIndex(editor.video_type.findData(2))
    editor.submit()
    assert editor.result() == editor.DialogCode.Accepted, editor.message.text()
    assert window.last_report.created
    assert window.proxy.rowCount() == 6
    assert cell(window, "Unknown room", FOLDER) == "unknowndir"


def test_notify_panel_key_check_and_real_call(
    qtbot, window, sandbox_pod, answer_yes, context, shot
) -> None:
    window.select(2)  # Amphi B: 192.168.1.20, salt abc
    panel = window.notify_panel
    assert panel.key.text() == hashlib.md5(b"192_168_1_20abc").hexdigest()
    panel.filename.setText("../amphiA/lecture-01.mp4")
    assert panel.url.text() == "" and "not a path" in panel.call_result.text()
    qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert not answer_yes  # refused before asking
    panel.filename.setText("b1.mp4")
    assert f"mediapath={sandbox_pod.deposit_root}/amphiB/b1.mp4" in panel.url.text()
    panel.device_key.setText(panel.key.text())
    assert "right" in panel.verdict.text()
    panel.device_key.setText(hashlib.md5(b"192.168.1.20abc").hexdigest())
    assert "dots" in panel.verdict.text()
    panel.device_key.setText("0" * 32)
    assert "does not match" in panel.verdict.text()
    shot(window, "recorders-notify-panel.png")
    mails = len(sandbox_pod.outbox_files())
    qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert "e-mail" in answer_yes[-1]
    assert panel.call_result.text().startswith("ok")
    assert len(sandbox_pod.outbox_files()) == mails + 1
    assert audit.entries(context.db, action="recorder-notify")[0].target.endswith("amphiB/b1.mp4")


def test_sanity_panel_finds_and_fixes(qtbot, window, sandbox_pod, answer_yes, shot) -> None:
    panel = window.sanity_panel
    window.tabs.setCurrentWidget(panel)
    (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").unlink()
    panel.run_checks()
    kinds = [panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).kind
             for i in range(panel.tree.topLevelItemCount())]
    assert sorted(kinds) == [FindingKind.ORPHAN_FOLDER, FindingKind.TREATMENT_FILE_GONE]
    shot(window, "recorders-sanity-panel.png")
    # The narrow tab has room for the problem and its subject; the fix's sentence (it was
    # cut to "Create…lde" in a third column) is in each row's tooltip and below the list.
    assert panel.tree.columnCount() == 2
    for number in range(panel.tree.topLevelItemCount()):
        item = panel.tree.topLevelItem(number)
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        assert finding.fix_text in item.toolTip(1) and finding.subject in item.toolTip(1)
        metrics = panel.tree.fontMetrics()
        assert metrics.horizontalAdvance(item.text(0)) < panel.tree.columnWidth(0)
    gone = kinds.index(FindingKind.TREATMENT_FILE_GONE)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(gone))
    assert panel.fix_button.text() == "Delete row"
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert answer_yes
    assert [f.kind for f in panel.report.findings] == [FindingKind.ORPHAN_FOLDER]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    window.fit_to(QApplication.primaryScreen().availableGeometry())
    QApplication.processEvents()
    assert panel.detail.verticalScrollBar().maximum() == 0, "the finding's text is cut"
    assert panel.detail.width() > panel.width() * 0.8  # the whole width of the tab
    with qtbot.waitSignal(panel.create_requested) as requested:
        qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert requested.args == ["unknowndir"]
    editors = [w for w in window.findChildren(RecorderEditor) if w.isVisible()]
    assert editors and editors[-1].directory.text() == "unknowndir"


def test_manual_claiming_setting_is_kept_in_the_profile(qtbot, window, context) -> None:
    panel = window.sanity_panel
    assert panel.manual_claiming.currentData() is None
    panel.manual_claiming.setCurrentIndex(panel.manual_claiming.findData(False))
    stuck = [f.subject for f in panel.report.findings
             if f.kind is FindingKind.MANUAL_CLAIM_IMPOSSIBLE]
    assert sorted(stuck) == ["Amphi A", "Studio D (audiovideocast, manual)"]
    assert context.profiles.get("sandbox").extra == {"manual_claiming": False}
    panel.manual_claiming.setCurrentIndex(panel.manual_claiming.findData(True))
    assert all(f.kind is not FindingKind.MANUAL_CLAIM_IMPOSSIBLE for f in panel.report.findings)
    assert not panel.skipped.isVisibleTo(panel)


def _pdf_text(path: Path, *, layout: bool = True) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed: packaging/system-deps.sh test"
    options = ["-layout"] if layout else []
    text = subprocess.run([tool, *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligatures back to letters


def test_setup_sheet_exports_a_pdf_with_the_values(
    qtbot, window, sandbox_pod, tmp_path, shot
) -> None:
    window.select(1)
    dialog = SetupSheetDialog(window.profile, window.selected(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.device_login.setText("amphia-ftp")
    shot(dialog, "setup-sheet.png")
    text = _pdf_text(dialog.export(tmp_path / "amphiA.pdf"))
    flat = " ".join(text.split())
    compact = "".join(text.split())  # long paths and URLs wrap inside their table cell
    assert "Set-up sheet — Amphi A" in flat
    assert "Device IP address 192.168.1.10" in flat and "Login amphia-ftp" in flat
    assert "Protocol SFTP or FTP" in flat  # the sandbox profile's deposit is a local folder
    assert f"TargetFolder{sandbox_pod.deposit_root}/amphiA/".lower() in compact.lower()
    key = hashlib.md5(b"192_168_1_10s3cr3t").hexdigest()
    assert f"Notify key {key}" in flat
    assert "/record/recorder_notify/?recordingPlace=192_168_1_10&mediapath=" in compact
    assert f"&key={key}" in compact
    assert "s3cr3t" not in flat  # the hash key itself is never printed


def test_setup_sheet_in_the_users_language(qtbot, window, tmp_path) -> None:
    french = {"Target folder": "Dossier cible", "Notify key": "Clé de notification",
              "Set-up sheet — {name}": "Fiche d'installation — {name}"}
    i18n.install_translator(lambda context, text, *_: french.get(text, text))
    window.select(1)
    dialog = SetupSheetDialog(window.profile, window.selected(), window)
    qtbot.addWidget(dialog)
    # Reading order (no -layout): a label that wraps in its cell stays in one piece.
    flat = " ".join(_pdf_text(dialog.export(tmp_path / "fr.pdf"), layout=False).split())
    assert "Fiche d'installation — Amphi A" in flat
    assert "Dossier cible" in flat and "Clé de notification" in flat


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_recorders_action_in_the_main_window(qtbot, sandbox_pod, context) -> None:
    from recmanager.ui.main_window import MainWindow

    sandbox_pod.profile(context)
    main = MainWindow(context, profile_name="sandbox", runner=TaskRunner(synchronous=True))
    qtbot.addWidget(main)
    main.show()
    assert main.action_recorders in main.toolbar.actions()
    main.action_recorders.trigger()
    recorders = main.recorders_window
    assert recorders.isVisible() and recorders.proxy.rowCount() == 5
    assert recorders.proxy.index(0, NAME).data(ObjectRole).name == "Amphi A"
    recorders.close()


def test_with_the_threaded_runner(qtbot, sandbox_pod, context) -> None:
    """The same window on worker threads: results come back as signals on the GUI thread."""
    runner = TaskRunner()
    window = RecordersWindow(context, sandbox_pod.profile(context), runner)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    window.sanity_panel.run_checks()  # waits for the load: one task on the service at a time
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 5, timeout=60000)
    qtbot.waitUntil(lambda: window.sanity_panel.report is not None, timeout=60000)
    assert [f.kind for f in window.sanity_panel.report.findings] == [FindingKind.ORPHAN_FOLDER]
    assert runner.wait(30000)
    window.close()


def test_on_a_small_screen_the_window_and_its_side_pane_fit(qtbot, window) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    window.fit_to(QRect(0, 0, 1280, 720))
    QApplication.processEvents()
    assert window.frameGeometry().width() <= 1280 and window.height() <= 720
    visible = window.rect()
    fields = window.notify_panel.findChildren(QAbstractButton) + window.notify_panel.findChildren(
        QLineEdit)
    for widget in fields:
        if widget.isVisibleTo(window):
            top_left = widget.mapTo(window, widget.rect().topLeft())
            assert visible.contains(QRect(top_left, widget.size())), widget.objectName()
    window.refresh()  # the columns share the table's width: none needs sideways scrolling
    QApplication.processEvents()
    assert window.table.horizontalScrollBar().maximum() == 0
    from tests.ui.screen import language

    with language("fr_FR"):  # longer headers: they give way too, whole in their tooltip
        french = RecordersWindow(window.context, window.profile, TaskRunner(synchronous=True))
        qtbot.addWidget(french)
        french.show()
        french.fit_to(QRect(0, 0, 1280, 720))
        french.refresh()
        QApplication.processEvents()
        assert french.table.horizontalScrollBar().maximum() == 0
        assert french.model.headerData(WAITING, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole) == "En attente"
    assert window.table.wordWrap() is False  # a long cell ends in "…", whole in its tooltip
    assert cell(window, "Amphi B (managed, email)", MODE,
                Qt.ItemDataRole.ToolTipRole) == cell(window, "Amphi B (managed, email)", MODE)


@pytest.mark.parametrize("screen", [1280, 1152])
@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_each_address_and_folder_reads_whole_and_a_cut_title_says_so(qtbot, sandbox_pod,
                                                                     context, name, screen) -> None:
    """At the default size, on a 1280-pixel screen and a 1152-pixel one, the descriptions
    give way, not the address and folder a device is set to; a title that cannot fit ends
    in "…"."""
    from PySide6.QtCore import QRect

    from recmanager.ui.recorders_table import IP
    from tests.ui.screen import language, text_margin, title_cut

    with language(name):
        window = RecordersWindow(context, sandbox_pod.profile(context),
                                 TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        window.fit_to(QRect(0, 0, screen, 800))
        window.refresh()
        QApplication.processEvents()
        table, header = window.table, window.table.horizontalHeader()
        room = {column: table.columnWidth(column) - 2 * text_margin(table)
                for column in (NAME, IP, FOLDER)}
        cut = [window.proxy.index(row, column).data() for row in range(window.proxy.rowCount())
               for column in (IP, FOLDER)
               if table.fontMetrics().horizontalAdvance(
                   window.proxy.index(row, column).data()) > room[column]]
        titles_cut = [window.model.headerData(column, Qt.Orientation.Horizontal)
                      for column in range(window.model.columnCount())
                      if title_cut(header, column)]
    assert window.proxy.rowCount() == 5 and cut == []
    assert table.horizontalScrollBar().maximum() == 0
    assert header.textElideMode() is Qt.TextElideMode.ElideRight
    if name == "en_US" and screen == 1280:
        assert titles_cut == []


def test_a_wrong_ip_address_marks_its_field_in_red(qtbot, window) -> None:
    from PySide6.QtGui import QColor

    window.select(1)
    editor: RecorderEditor = window._editor(window.selected())
    qtbot.addWidget(editor)
    editor.show()
    editor.address_ip.setText("10.12.4.321")
    editor.submit()
    assert editor.message.text() == "Correct the fields marked in red."
    image = editor.address_ip.grab().toImage()
    left_edge = {QColor(image.pixel(0, y)).name() for y in range(2, image.height() - 2)}
    assert left_edge == {"#b00020"}
    editor.address_ip.setText("10.12.4.21")
    editor.submit()  # corrected: the red goes
    image = editor.address_ip.grab().toImage()
    assert QColor(image.pixel(0, image.height() // 2)).name() != "#b00020"
