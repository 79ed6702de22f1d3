"""After every action that changes Pod or the deposit, from whichever window, the inbox shows
the new truth at once: no refresh timer runs here (interval 0), so only the change itself can
bring the rows up to date."""

from __future__ import annotations

from recmanager.inbox.rows import RowState
from recmanager.media import make_clip
from recmanager.ui.bulk_window import BulkWindow
from recmanager.ui.recorders_window import RecordersWindow
from tests.ui.test_inbox_flows import close_report, open_window, rows_by_name, select


def test_every_change_from_every_window_refreshes_the_inbox(qtbot, context, sandbox_pod,
                                                           tmp_path):
    profile = sandbox_pod.profile(context, user="admin")
    profile.quarantine_dir = str(tmp_path / "held")
    context.profiles.save(profile)
    context.settings.set("bulk_concurrency", 1)
    window = open_window(qtbot, context, profile)
    inbox = window.inbox
    assert not inbox.timer.isActive()
    refreshes: list[int] = []
    inbox.refreshed.connect(lambda: refreshes.append(1))

    def refreshed_once_more(before: int) -> bool:
        return len(refreshes) > before

    # Claim, from the inbox.
    before = len(refreshes)
    select(window, "lecture-01.mp4")
    inbox.action_claim.trigger()
    inbox.claim_dialog.accept()
    close_report(window)
    assert refreshed_once_more(before) and "lecture-01.mp4" not in rows_by_name(window)

    # Reassign, from the inbox (the unclaimed rows stay; they are read again all the same).
    before = len(refreshes)
    inbox.action_reassign.trigger()
    inbox.reassign_dialog.video_spin.setValue(1)
    inbox.reassign_dialog.owner_edit.setText("teacher1")
    inbox.reassign_dialog.accept()
    close_report(window)
    assert refreshed_once_more(before)

    # Delete to the quarantine, then undo, from the inbox.
    before = len(refreshes)
    select(window, "lecture-02.mp4")
    inbox.action_delete.trigger()
    assert inbox.delete_dialog.quarantine_box.isChecked()
    inbox.delete_dialog.accept()
    assert refreshed_once_more(before) and "lecture-02.mp4" not in rows_by_name(window)
    before = len(refreshes)
    undo = next(b for b in inbox.report_box.buttons() if b.text() == "Undo")
    undo.click()
    close_report(window)
    assert refreshed_once_more(before) and "lecture-02.mp4" in rows_by_name(window)

    # Upload, from the inbox.
    before = len(refreshes)
    clip = make_clip(tmp_path / "usb-stick.mp4", seconds=1, size="160x90")
    inbox.deposit_files([clip], folder="amphiA")
    close_report(window)
    assert refreshed_once_more(before) and "usb-stick.mp4" in rows_by_name(window)

    # Bulk apply, from the bulk window.
    before = len(refreshes)
    selection = [rows_by_name(window)[name] for name in ("lecture-03.mp4", "lecture-04.mp4")]
    bulk = BulkWindow(context, window.profile, window.runner, window, selection=selection)
    qtbot.addWidget(bulk)
    bulk.owner_edit.setText("teacher1")
    bulk.plan_selection()
    bulk.apply(confirmed=True)
    assert bulk.result is not None and bulk.result.done == 2
    assert refreshed_once_more(before)
    assert not {"lecture-03.mp4", "lecture-04.mp4"} & set(rows_by_name(window))

    # Recorder edit, from the recorders window: the orphan folder gets its recorder.
    assert rows_by_name(window)["orphan.mp4"].state is RowState.ORPHAN
    before = len(refreshes)
    recorders = RecordersWindow(context, window.profile, window.runner, window)
    qtbot.addWidget(recorders)
    recorders.refresh()
    editor = recorders._editor(None, "unknowndir")
    qtbot.addWidget(editor)
    editor.name.setText("Unknown room")
    editor.address_ip.setText("2001:db8::99")
    editor.video_type.setCurrentIndex(editor.video_type.findData(2))
    editor.submit()
    assert editor.result() == editor.DialogCode.Accepted, editor.message.text()
    assert refreshed_once_more(before)
    assert rows_by_name(window)["orphan.mp4"].state is not RowState.ORPHAN


def test_a_quarantine_set_from_the_delete_dialog_makes_the_delete_undoable(
        qtbot, context, sandbox_pod, tmp_path, monkeypatch):
    from recmanager.ui.dialogs.profile import ProfileDialog

    window = open_window(qtbot, context, sandbox_pod.profile(context, user="admin"))
    held = tmp_path / "held"

    def set_the_folder_and_save(dialog: ProfileDialog) -> int:
        assert dialog.focusWidget() in (None, dialog.quarantine_dir)
        dialog.quarantine_dir.setText(str(held))
        dialog.save()
        return 0  # then Close

    monkeypatch.setattr(ProfileDialog, "exec", set_the_folder_and_save)
    select(window, "lecture-08.mp4")
    window.inbox.action_delete.trigger()
    dialog = window.inbox.delete_dialog
    assert not dialog.quarantine_box.isEnabled()
    dialog.set_up_button.click()
    assert dialog.quarantine_box.isChecked()
    assert context.profiles.get("sandbox").quarantine_dir == str(held)
    dialog.accept()
    assert "quarantine" in window.inbox.report_box.text()
    assert any(held.rglob("lecture-08.mp4"))


def test_offline_retries_soon_and_comes_back_without_waiting_for_the_timer(
        qtbot, context, sandbox_pod):
    window = open_window(qtbot, context, sandbox_pod.profile(context, user="admin"))
    context.settings.set("refresh_interval_s", 70)
    window.inbox.apply_refresh_interval()
    retry = window.inbox.offline_retry.timer
    profile = window.profile
    profile.pod_url = "http://127.0.0.1:9"
    window.inbox.set_profile(profile)
    window.inbox.refresh()
    assert window.inbox.offline and retry.isActive() and retry.interval() == 2000
    profile.pod_url = sandbox_pod.base_url.rstrip("/")  # the server is back
    window.inbox.set_profile(profile)
    qtbot.waitUntil(lambda: not window.inbox.offline, timeout=10000)  # long before 70 s
    assert not retry.isActive() and not window.inbox.banner.isVisible()


def test_retries_come_twice_as_late_each_time_up_to_the_refresh_interval(qtbot):
    from recmanager.errors import PodAuthError, PodConnectionError, PodTLSError
    from recmanager.ui.retry import OfflineRetry

    unreachable = PodConnectionError("Cannot connect to pod.example.org.")
    retry = OfflineRetry(lambda: None)
    delays = []
    for _ in range(8):
        retry.failed(unreachable, 70)
        delays.append(retry.timer.interval() // 1000)
    assert delays == [2, 4, 8, 16, 32, 64, 70, 70]
    retry.succeeded()
    assert not retry.timer.isActive()
    retry.failed(unreachable, 70)
    assert retry.timer.interval() == 2000
    retry.failed(unreachable, 0)  # no timed refresh: no automatic attempt
    assert not retry.timer.isActive()
    for refusal in (PodAuthError("Pod refused the token."), PodTLSError("Untrusted.")):
        retry.failed(refusal, 70)  # only a person can fix these: the timer's pace is enough
        assert not retry.timer.isActive()
