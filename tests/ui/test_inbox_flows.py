"""The recordings screen against the sandbox Pod (and a real sshd): every flow a person uses.

The task runner is synchronous, so each action runs to its end (through the real servers)
before the test looks at the window.
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from recmanager import audit
from recmanager.inbox.rows import RowState
from recmanager.media import make_clip
from recmanager.pod.rest import PodClient
from recmanager.ui.inbox.model import COL_STATE
from recmanager.ui.main_window import MainWindow
from recmanager.ui.status import ChannelState
from recmanager.ui.tasks import TaskRunner
from tests.fixtures.fault_proxy import Fault


def open_window(qtbot, context, profile) -> MainWindow:
    context.settings.set("quiet_period_s", 1)
    context.settings.set("refresh_interval_s", 0)
    newest = max(path.stat().st_mtime for path in Path(profile.deposit_root).rglob("*.mp4"))
    time.sleep(max(0.0, newest + 1.1 - time.time()))  # files older than the quiet period
    window = MainWindow(context, profile_name=profile.name, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.inbox.snapshot is not None or window.inbox.offline,
                    timeout=30000)
    return window


def rows_by_name(window: MainWindow) -> dict[str, object]:
    return {row.name: row for row in window.inbox.model.rows}


def select(window: MainWindow, name: str) -> None:
    row = rows_by_name(window)[name]
    assert window.inbox.select_path(row.path)


def close_report(window: MainWindow) -> str:
    box = window.inbox.report_box
    text = box.text()
    box.close()
    return text


@pytest.fixture
def admin_window(qtbot, context, sandbox_pod):
    return open_window(qtbot, context, sandbox_pod.profile(context, user="admin"))


def test_rows_states_sidebar_detail_and_filters(admin_window, sandbox_pod):
    window = admin_window
    rows = rows_by_name(window)
    assert rows["lecture-01.mp4"].state is RowState.CLAIMABLE
    assert rows["b1.mp4"].state is RowState.NOTIFIED
    assert rows["orphan.mp4"].state is RowState.ORPHAN
    with zipfile.ZipFile(sandbox_pod.deposit_root / "amphiD" / "d1.zip") as archive:
        slides = sum(1 for name in archive.namelist() if name.endswith(".png"))
    assert slides and rows["d1.zip"].slides == slides
    assert rows["d1.zip"].state is RowState.CLAIMABLE
    assert "notes.txt" not in rows
    assert window.rest_indicator.state is ChannelState.CONNECTED
    assert window.sftp_indicator.state is ChannelState.CONNECTED
    sidebar = {window.inbox.sidebar.topLevelItem(i).text(0): window.inbox.sidebar.topLevelItem(i)
               .text(1) for i in range(window.inbox.sidebar.topLevelItemCount())}
    assert sidebar["Amphi A"] == "13/13" and sidebar["unknowndir"] == "0/1"
    select(window, "b1.mp4")
    detail = window.inbox.detail
    assert detail.fields["path"].text().endswith("amphiB/b1.mp4")
    assert "manager1" in detail.fields["notify"].text()
    assert "treatment row" in detail.fields["links"].text()
    window.inbox.filter_edit.setText("lecture-1")
    assert window.inbox.proxy.rowCount() == 4  # 10, 11, 12, 13
    window.inbox.filter_edit.clear()
    window.inbox.state_combo.setCurrentIndex(window.inbox.state_combo.findData(
        RowState.NOTIFIED))
    assert {window.inbox.proxy.row_at(i).name for i in range(window.inbox.proxy.rowCount())} \
        == {"b1.mp4", "b2.mp4", "e1.mp4", "e2.mp4"}


def test_claim_for_myself_and_the_row_leaves_when_pod_confirms(admin_window, sandbox_pod, context):
    window = admin_window
    select(window, "lecture-01.mp4")
    assert window.inbox.action_claim.isEnabled()
    window.inbox.action_claim.trigger()
    dialog = window.inbox.claim_dialog
    assert dialog.owner_edit.text() == "admin"  # default: me
    assert dialog.title_edit.text().startswith("Amphi A")
    dialog.title_edit.setText("Cours du lundi")
    dialog.accept()
    assert "claimed for admin" in close_report(window)
    assert "lecture-01.mp4" not in rows_by_name(window)
    entry = audit.entries(context.db, action="claim")[0]
    assert (entry.result, entry.detail["title"]) == ("ok", "Cours du lundi")


def test_claim_several_selected_recordings_at_once(admin_window, context):
    window = admin_window
    select(window, "lecture-10.mp4")
    row = rows_by_name(window)["lecture-11.mp4"]
    number = window.inbox.proxy.proxy_row_of(row.path)
    window.inbox.table.selectionModel().select(
        window.inbox.proxy.index(number, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert len(window.inbox.selected_rows()) == 2
    window.inbox.action_claim.trigger()
    dialog = window.inbox.claim_dialog
    dialog.title_edit.setText("Série")
    dialog.accept()
    assert close_report(window).count("claimed for admin") == 2
    titles = sorted(e.detail["title"] for e in audit.entries(context.db, action="claim"))
    assert titles == ["Série (1)", "Série (2)"]
    assert not {"lecture-10.mp4", "lecture-11.mp4"} & set(rows_by_name(window))


def test_local_files_are_deposited_into_a_recorder_folder(admin_window, sandbox_pod, tmp_path):
    window = admin_window
    clip = make_clip(tmp_path / "usb-stick.mp4", seconds=1, size="160x90")
    assert "amphiA" in window.inbox.deposit_folders()
    window.inbox.deposit_files([clip], folder="amphiA")
    assert "are in amphiA" in close_report(window)
    deposited = sandbox_pod.deposit_root / "amphiA" / "usb-stick.mp4"
    assert deposited.read_bytes() == clip.read_bytes()
    assert rows_by_name(window)["usb-stick.mp4"].state in (RowState.UPLOADING,
                                                         RowState.WAITING)
    sandbox_pod.run_cron()
    sandbox_pod.run_cron()
    time.sleep(1.1)
    window.action_refresh.trigger()
    assert rows_by_name(window)["usb-stick.mp4"].state is RowState.CLAIMABLE


def test_files_dropped_on_the_window_go_to_the_recorder_picked_in_the_sidebar(
        admin_window, sandbox_pod, tmp_path):
    window = admin_window
    clip = make_clip(tmp_path / "dropped.mp4", seconds=1, size="160x90")
    sidebar = window.inbox.sidebar
    item = next(sidebar.topLevelItem(i) for i in range(sidebar.topLevelItemCount())
                if sidebar.topLevelItem(i).text(0).startswith("Salle E"))
    sidebar.setCurrentItem(item)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(clip))])
    point = QPointF(window.width() / 2, window.height() / 2)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert "are in salleE" in close_report(window)
    assert (sandbox_pod.deposit_root / "salleE" / "dropped.mp4").is_file()


def test_the_preview_plays_pod_s_public_address_when_the_profile_has_one(
        qtbot, context, sandbox_pod):
    profile = sandbox_pod.profile(context, user="admin")
    profile.preview_base_url = sandbox_pod.url("media/records/")
    context.profiles.save(profile)
    window = open_window(qtbot, context, profile)
    select(window, "lecture-05.mp4")
    url = window.inbox.preview.url
    assert url == sandbox_pod.url("media/records/amphiA/lecture-05.mp4")
    answer = requests.get(url, headers={"Range": "bytes=0-99"}, timeout=10)
    assert answer.status_code == 206 and len(answer.content) == 100


def test_the_refresh_interval_follows_the_setting(admin_window, context):
    window = admin_window
    assert not window.inbox.timer.isActive()  # 0 turns it off
    context.settings.set("refresh_interval_s", 30)
    window.settings_changed.emit(["refresh_interval_s"])
    assert window.inbox.timer.isActive() and window.inbox.timer.interval() == 30_000


def test_claim_for_a_colleague_found_by_name(admin_window, context):
    window = admin_window
    select(window, "lecture-02.mp4")
    window.inbox.action_claim.trigger()
    dialog = window.inbox.claim_dialog
    dialog.owner_edit.setText("Tea Cher (teacher1) <t1@example.org>")
    assert dialog.owner().username == "teacher1"
    dialog.accept()
    assert "claimed for teacher1" in close_report(window)
    assert audit.entries(context.db, action="claim")[0].detail["owner"] == "teacher1"


def test_claim_for_a_non_staff_user_says_claim_then_reassign(admin_window, context):
    window = admin_window
    select(window, "lecture-03.mp4")
    window.inbox.action_claim.trigger()
    dialog = window.inbox.claim_dialog
    dialog.owner_edit.setText("student1")
    assert "not staff" in dialog.note.text()
    dialog.accept()
    report = close_report(window)
    assert "student1 is not staff" in report and "reassigned" in report


def test_claim_taken_a_moment_earlier_gives_a_clear_message_and_a_fresh_row(
        admin_window, sandbox_pod):
    window = admin_window
    path = rows_by_name(window)["lecture-04.mp4"].path
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["manager1"]) as other:
        other.claim(other.treatment_for_file(path), other.find_user("teacher2"), "Pris avant")
    select(window, "lecture-04.mp4")  # the window has not refreshed yet
    window.inbox.action_claim.trigger()
    window.inbox.claim_dialog.accept()
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "ActionFailed" and w.isVisible()]
    assert boxes and boxes[0].windowTitle() == "Claimed by someone else"
    assert "teacher2" in boxes[0].text() and "Pris avant" in boxes[0].text()
    boxes[0].close()
    assert "lecture-04.mp4" not in rows_by_name(window)  # refreshed


def test_reassign_a_claimed_video(admin_window, context):
    window = admin_window
    window.inbox.action_reassign.trigger()
    dialog = window.inbox.reassign_dialog
    dialog.video_spin.setValue(1)
    dialog.owner_edit.setText("teacher1")
    dialog.accept()
    report = close_report(window)
    assert "now belongs to teacher1" in report and "stay" not in report  # files moved
    assert audit.entries(context.db, action="reassign")[0].detail["files_moved"] is True


def test_delete_names_the_file_and_removes_it(admin_window, sandbox_pod):
    window = admin_window
    select(window, "lecture-06.mp4")
    window.inbox.action_delete.trigger()
    dialog = window.inbox.delete_dialog
    summary = dialog.findChild(QLabel, "deleteSummary")
    assert summary is not None and "lecture-06.mp4" in summary.text()
    assert "Amphi A" in summary.text() and "KiB" in summary.text()
    assert not dialog.quarantine_box.isEnabled()  # no quarantine folder in this profile
    dialog.accept()
    assert "was deleted" in close_report(window)
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-06.mp4").exists()
    assert "lecture-06.mp4" not in rows_by_name(window)


def test_quarantine_and_undo_from_the_report(qtbot, context, sandbox_pod, tmp_path):
    profile = sandbox_pod.profile(context, user="admin")
    profile.quarantine_dir = str(tmp_path / "held")
    context.profiles.save(profile)
    window = open_window(qtbot, context, profile)
    select(window, "lecture-07.mp4")
    window.inbox.action_delete.trigger()
    assert window.inbox.delete_dialog.quarantine_box.isChecked()
    window.inbox.delete_dialog.accept()
    box = window.inbox.report_box
    assert "quarantine" in box.text()
    assert "lecture-07.mp4" not in rows_by_name(window)
    undo = next(b for b in box.buttons() if b.text() == "Undo")
    undo.click()
    assert "back in the deposit folder" in close_report(window)
    assert (sandbox_pod.deposit_root / "amphiA" / "lecture-07.mp4").exists()
    assert [e.action for e in audit.entries(context.db)][:2] == ["restore", "quarantine"]


def test_permissions_come_from_the_server(qtbot, context, sandbox_pod):
    window = open_window(qtbot, context, sandbox_pod.profile(context, user="teacher1"))
    select(window, "lecture-05.mp4")
    assert window.inbox.action_claim.isEnabled()
    assert not window.inbox.action_delete.isEnabled()
    assert "not a superuser" in window.inbox.action_delete.toolTip()
    select(window, "b1.mp4")
    assert window.inbox.action_claim.isEnabled()  # staff may claim a manager's recording


def test_a_non_staff_account_gets_no_actions_and_is_told_why(qtbot, context, sandbox_pod):
    window = open_window(qtbot, context, sandbox_pod.profile(context, user="student1"))
    assert window.inbox.offline and window.inbox.banner.isVisible()
    assert "not staff" in window.inbox.banner_label.text()
    assert not window.inbox.action_claim.isEnabled()
    assert not window.inbox.action_delete.isEnabled()


def test_offline_shows_the_last_inbox_read_only_then_recovers(admin_window, context,
                                                              sandbox_pod):
    window = admin_window
    shown = len(window.inbox.model.rows)
    select(window, "lecture-05.mp4")
    profile = window.profile
    profile.pod_url = "http://127.0.0.1:9"
    window.inbox.set_profile(profile)
    window.inbox.refresh()
    assert window.inbox.offline and window.inbox.banner.isVisible()
    assert "Offline" in window.inbox.banner_label.text()
    assert "as of" in window.inbox.banner_label.text()
    assert len(window.inbox.model.rows) == shown
    assert window.rest_indicator.state is ChannelState.OFFLINE
    assert not window.inbox.action_claim.isEnabled()
    assert "Offline" in window.inbox.action_claim.toolTip()
    assert window.inbox.current_row().name == "lecture-05.mp4"  # selection kept
    # The mounted deposit needs no server: it stays usable, and said so.
    assert window.sftp_indicator.state is ChannelState.CONNECTED
    assert window.sftp_indicator.channel == "Folder"
    assert window.inbox.detail.preview_note.text() != "Offline: no preview."
    links = window.inbox.detail.fields["links"].text()
    assert "<a " not in links and links.endswith("(offline)")  # Pod's pages cannot open
    number = window.inbox.model.row_number(window.inbox.current_row().path)
    colour = window.inbox.model.index(number, COL_STATE).data(Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == "#6b6b6b"  # no green "claimable" while read-only
    profile.pod_url = sandbox_pod.base_url.rstrip("/")
    window.inbox.set_profile(profile)
    window.inbox.refresh()
    assert not window.inbox.offline and not window.inbox.banner.isVisible()
    assert window.inbox.action_claim.isEnabled()


def test_refresh_keeps_selection_and_scroll(admin_window):
    window = admin_window
    window.resize(900, 300)
    select(window, "lecture-01.mp4")
    window.inbox.table.scrollToBottom()
    scroll = window.inbox.table.verticalScrollBar().value()
    window.action_refresh.trigger()
    assert window.inbox.current_row().name == "lecture-01.mp4"
    assert window.inbox.table.verticalScrollBar().value() == scroll


def test_keyboard_only_claim(admin_window, qtbot, context):
    window = admin_window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.inbox.filter_edit.hasFocus()
    qtbot.keyClicks(window.inbox.filter_edit, "lecture-09")
    assert window.inbox.proxy.rowCount() == 1
    for _ in range(4):  # state, date and quality filters, then the table
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.inbox.table.hasFocus()
    assert window.inbox.current_row().name == "lecture-09.mp4"
    qtbot.keyClick(window.inbox.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = window.inbox.claim_dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.title_edit
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.title_edit, "Au clavier")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.owner_edit
    qtbot.keyClick(dialog.owner_edit, Qt.Key.Key_Return)
    assert "claimed for admin" in window.inbox.report_box.text()
    qtbot.keyClick(window.inbox.report_box, Qt.Key.Key_Return)
    entry = audit.entries(context.db, action="claim")[0]
    assert (entry.result, entry.detail["title"]) == ("ok", "Au clavier")


def test_state_cell_changes_alone_when_a_duration_is_learnt(admin_window, qtbot):
    window = admin_window
    row = rows_by_name(window)["lecture-11.mp4"]
    changed: list[tuple[int, int]] = []
    window.inbox.model.dataChanged.connect(
        lambda a, b: changed.append((a.column(), b.column())))
    assert row.duration == pytest.approx(610, abs=0.1)  # the inspection after the scan
    window.inbox.preview.duration_known.emit(row.path, 611.0)
    assert rows_by_name(window)["lecture-11.mp4"].duration == 611.0
    assert changed == [(4, 4)]  # the duration cell only, no reset
    assert COL_STATE not in [c for c, _ in changed]


def sshd_window(qtbot, context, sandbox_pod, sshd) -> MainWindow:
    """The window on the sandbox Pod with its deposit read over SFTP from the real sshd."""
    sandbox_pod.profile(context, user="admin")  # token and password in the keyring
    profile = sshd.profile(sandbox_pod.deposit_root, name="sandbox",
                           pod_url=sandbox_pod.base_url.rstrip("/"), pod_username="admin")
    context.profiles.save(profile)
    sshd.trust(context.paths.known_hosts)
    return open_window(qtbot, context, profile)


@pytest.mark.sshd
def test_claim_and_delete_over_a_real_sshd(qtbot, context, sandbox_pod, sshd, monkeypatch):
    window = sshd_window(qtbot, context, sandbox_pod, sshd)
    assert window.sftp_indicator.state is ChannelState.CONNECTED
    # The preview's connection opened with the inbox, before any preview, ready for the first.
    preview_deposit = window.inbox._preview_deposit
    assert preview_deposit is not None and preview_deposit._real_root is not None
    assert len(preview_deposit._idle) == 2  # the channels of the head and the moov
    # each channel's next handle foreseen, so a file's first reads go out with its OPEN
    assert all(client in preview_deposit._next_handles for client in preview_deposit._idle)
    assert rows_by_name(window)["orphan.mp4"].state is RowState.ORPHAN
    server, chosen = window.inbox._preview_server, []
    url_for = server.url_for
    monkeypatch.setattr(server, "url_for", lambda path, **options: (
        chosen.append((path, options)), url_for(path, **options))[1])
    row = rows_by_name(window)["lecture-12.mp4"]
    select(window, "lecture-12.mp4")
    assert window.inbox._preview_deposit is preview_deposit
    assert window.inbox.preview.url.startswith("http://127.0.0.1:")
    assert chosen == [(row.path, {"size": row.size})]  # the inbox's size goes with the choice
    window.inbox.action_claim.trigger()
    window.inbox.claim_dialog.accept()
    assert "claimed for admin" in close_report(window)
    select(window, "lecture-13.mp4")
    window.inbox.action_delete.trigger()
    window.inbox.delete_dialog.accept()
    assert "was deleted" in close_report(window)
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4").exists()


def test_a_claim_done_but_not_verified_is_reported_as_done_and_the_next_goes_on(
        qtbot, context, sandbox_pod, pod_proxy):
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    window = open_window(qtbot, context, profile)
    select(window, "lecture-10.mp4")
    row = rows_by_name(window)["lecture-11.mp4"]
    window.inbox.table.selectionModel().select(
        window.inbox.proxy.index(window.inbox.proxy.proxy_row_of(row.path), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    for _ in range(4):  # every try of the first claim's video lookup loses its answer
        pod_proxy.arm(Fault("cut", 0, b"GET /rest/videos/"))
    window.inbox.action_claim.trigger()
    dialog = window.inbox.claim_dialog
    dialog.title_edit.setText("Série")
    dialog.accept()
    report = close_report(window)
    assert report.count("Done, but not verified: Pod holds recording") == 1, report
    assert report.count("claimed for admin") == 1, report
    assert sorted(e.result for e in audit.entries(context.db, action="claim")) == [
        "ok", "warning"]


def test_a_profile_without_a_deposit_root_uses_pod_s(qtbot, context, sandbox_pod):
    """A mounted deposit, the root left at Pod's default: the rows and the claim use the
    root Pod's rows show, and the window's profile holds it from then on."""
    profile = sandbox_pod.profile(context, user="admin")
    context.profiles.save(replace(profile, deposit_root="/data/ftp-pod/ftp/"))
    window = open_window(qtbot, context, profile)  # opens the saved profile, by its name
    assert window.profile.deposit_root == str(sandbox_pod.deposit_root)
    assert window.sftp_indicator.toolTip().startswith(
        f"Deposit root: {sandbox_pod.deposit_root} (read from Pod: ")
    rows = rows_by_name(window)
    assert rows["lecture-05.mp4"].state is RowState.CLAIMABLE
    assert rows["lecture-05.mp4"].path == f"{sandbox_pod.deposit_root}/amphiA/lecture-05.mp4"
    select(window, "lecture-05.mp4")
    window.inbox.action_claim.trigger()
    window.inbox.claim_dialog.accept()
    assert "claimed for admin" in close_report(window)


def package_through_the_dialog(monkeypatch, tmp_path, seen: dict) -> None:
    """The Package dialog, as a person fills it: an output folder, a new key, OK."""
    from recmanager.ui.dialogs.package import PackageDialog

    def fill_and_accept(dialog: PackageDialog) -> int:
        seen.update(input=dialog.input_edit.text(), button=dialog.ok_button.text(),
                    note=hasattr(dialog, "download_note"),
                    suggested=dialog.output_edit.text())
        dialog.output_edit.setText(str(tmp_path / "dash"))
        dialog.generate()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(PackageDialog, "exec", fill_and_accept)


def test_a_recording_is_packaged_where_it_lies_on_a_mounted_deposit(
        admin_window, sandbox_pod, monkeypatch, tmp_path):
    from recmanager.packaging import JobStatus

    window = admin_window
    recording = sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4"
    before = recording.read_bytes()
    select(window, "lecture-02.mp4")
    assert window.inbox.action_package in window.recordings_menu.actions()
    seen: dict = {}
    package_through_the_dialog(monkeypatch, tmp_path, seen)
    window.inbox.action_package.trigger()
    assert seen["input"] == str(recording) and seen["button"] == "Package"
    assert not seen["note"] and seen["suggested"].endswith("lecture-02-dash")
    record = window.jobs_panel.model.records[0]
    assert record.status is JobStatus.READY, record.error
    assert record.input_origin == f"inbox:{rows_by_name(window)['lecture-02.mp4'].path}"
    assert (tmp_path / "dash" / "stream.mpd").is_file()
    assert recording.read_bytes() == before  # the deposit's own file is never released


def test_package_is_offered_for_one_video_in_the_deposit(admin_window):
    window = admin_window
    menu = window.inbox.table  # a right click on a recording offers it too
    assert menu.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert window.inbox.action_package in menu.actions()
    select(window, "d1.zip")
    assert not window.inbox.action_package.isEnabled()
    assert "slides" in window.inbox.action_package.toolTip()
    select(window, "lecture-03.mp4")
    assert window.inbox.action_package.isEnabled()
    row = rows_by_name(window)["lecture-04.mp4"]
    window.inbox.table.selectionModel().select(
        window.inbox.proxy.index(window.inbox.proxy.proxy_row_of(row.path), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert not window.inbox.action_package.isEnabled()
    assert window.inbox.action_package.toolTip() == "Select one recording to package."
    select(window, "lecture-03.mp4")
    window.inbox.profile.deposit_root = "/srv/autre-depot"  # Pod lists it outside the root
    opened: list = []
    window.jobs_panel.package_file = lambda **options: opened.append(options)
    window.inbox.action_package.trigger()
    assert not opened and "outside the deposit folder" in str(window.inbox.last_error)


@pytest.mark.sshd
def test_a_recording_is_downloaded_then_packaged_and_the_copy_leaves_when_ready(
        qtbot, context, sandbox_pod, sshd, monkeypatch, tmp_path):
    from recmanager.packaging import JobStatus
    from recmanager.packaging.inputs import fetched_inputs_folder

    window = sshd_window(qtbot, context, sandbox_pod, sshd)
    recording = sandbox_pod.deposit_root / "amphiA" / "lecture-05.mp4"  # moov at the end
    row = rows_by_name(window)["lecture-05.mp4"]
    select(window, "lecture-05.mp4")
    seen: dict = {}
    package_through_the_dialog(monkeypatch, tmp_path, seen)
    copies: list[bytes] = []
    release = window.jobs_panel._on_finished

    def finished(job_id, error):  # the downloaded copy, as the job read it
        copies.extend(path.read_bytes() for path in
                      fetched_inputs_folder(context.paths).rglob("*.mp4"))
        release(job_id, error)

    monkeypatch.setattr(window.jobs_panel, "_on_finished", finished)
    window.inbox.action_package.trigger()
    assert seen == {"input": row.path, "button": "Download and package", "note": True,
                    "suggested": seen["suggested"]}
    assert seen["suggested"].endswith("lecture-05-dash")
    record = window.jobs_panel.model.records[0]
    assert record.status is JobStatus.READY, record.error
    assert copies == [recording.read_bytes()]
    assert Path(record.input_path).parent == fetched_inputs_folder(context.paths) / "amphiA"
    assert not Path(record.input_path).exists() and recording.is_file()
    assert (tmp_path / "dash" / "stream.mpd").is_file()
