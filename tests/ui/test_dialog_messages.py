"""What the dialogs say matches what they show and what can be done."""

from __future__ import annotations

from recmanager.inbox.rows import InboxRow, RowState
from recmanager.pod.model import User
from recmanager.ui.dialogs.claim import ClaimDialog


def user(number: int, username: str, first: str, last: str, staff: bool = True) -> User:
    return User(id=number, url="", username=username, first_name=first, last_name=last,
                email=f"{username}@example.org", is_staff=staff)


USERS = [user(1, "cdupont", "Carole", "Dupont"), user(2, "cmartin", "Carl", "Martin"),
         user(3, "bdurand", "Bruno", "Durand")]
ROW = InboxRow(path="/data/ftp-pod/ftp/amphiA/lecture-01.mp4", name="lecture-01.mp4",
               folder="amphiA", state=RowState.CLAIMABLE, size=10, treatment_id=1)


def test_the_claim_note_never_says_no_match_under_matching_users(qtbot):
    dialog = ClaimDialog([ROW], USERS, USERS[2])
    qtbot.addWidget(dialog)
    dialog.owner_edit.setText("car")
    assert len(dialog.matching_users()) == 2
    assert "No Pod user matches" not in dialog.note.text()
    assert "2 Pod users match “car”" in dialog.note.text()
    dialog.owner_edit.setText("zzz")
    assert dialog.matching_users() == []
    assert dialog.note.text() == "No Pod user matches; the server will be asked."
    dialog.owner_edit.setText("cmartin")
    assert dialog.owner() is USERS[1] and dialog.note.text() == ""


# --- the quarantine: a field to set it, and a way to it from the delete dialog ----------------


def test_a_quarantine_folder_is_checked_where_pod_s_cron_would_see_it(tmp_path):
    from recmanager.config import Profile

    mounted = tmp_path / "deposit"
    mounted.mkdir()
    profile = Profile(name="p", pod_url="https://pod.example.org", deposit_kind="local",
                      local_deposit=str(mounted), deposit_root="/data/ftp-pod/ftp")
    for folder, problem in (
        ("quarantine", "absolute path"),
        (str(mounted / "held"), "outside the deposit folder"),
        ("/data/ftp-pod/ftp/held", "outside the deposit folder"),
        ("/data", "outside the deposit folder"),  # the deposit would be inside it
    ):
        profile.quarantine_dir = folder
        assert any(problem in text for text in profile.quarantine_problems()), folder
    profile.quarantine_dir = str(tmp_path / "held")
    assert profile.quarantine_problems() == []
    sftp = Profile(name="s", pod_url="https://pod.example.org", sftp_host="pod.example.org",
                   quarantine_dir="/data/ftp-pod/quarantine")
    assert sftp.quarantine_problems() == []
    sftp.validate()


def test_a_quarantine_on_another_disk_than_the_mounted_deposit_is_refused(tmp_path):
    import os

    from recmanager.config import Profile

    other_disk = "/dev/shm"
    assert os.stat(other_disk).st_dev != os.stat(tmp_path).st_dev  # this machine has two
    profile = Profile(name="p", pod_url="https://pod.example.org", deposit_kind="local",
                      local_deposit=str(tmp_path), quarantine_dir=f"{other_disk}/held")
    assert "same disk" in " ".join(profile.quarantine_problems())


def test_the_profile_dialog_has_the_quarantine_field_and_keeps_what_it_does_not_show(
        qtbot, context, tmp_path):
    from recmanager.config import Profile
    from recmanager.ui.dialogs.profile import ProfileDialog
    from recmanager.ui.tasks import TaskRunner

    mounted = tmp_path / "deposit"
    mounted.mkdir()
    context.profiles.save(Profile(name="p", pod_url="https://pod.example.org",
                                  deposit_kind="local", local_deposit=str(mounted),
                                  extra={"manual_claiming": True}))
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), context.profiles.get("p"))
    qtbot.addWidget(dialog)
    assert "cannot be undone" in dialog.quarantine_help.text()
    assert "Pod's cron" in dialog.quarantine_dir.toolTip()
    dialog.quarantine_dir.setText(str(tmp_path / "held"))
    dialog.save()
    saved = context.profiles.get("p")
    assert saved.quarantine_dir == str(tmp_path / "held")
    assert saved.extra == {"manual_claiming": True}


def test_the_delete_dialog_leads_to_the_quarantine_setting(qtbot):
    from recmanager.ui.dialogs.delete import DeleteDialog

    asked: list[int] = []

    def set_up() -> bool:
        asked.append(1)
        return True

    dialog = DeleteDialog([ROW], quarantine_available=False, quarantine_days=14,
                          set_up_quarantine=set_up)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.quarantine_box.isEnabled()
    assert dialog.quarantine_note.isVisible() and "has none" in dialog.quarantine_note.text()
    assert dialog.set_up_button.isVisible()
    dialog.set_up_button.click()
    assert asked and dialog.quarantine_box.isEnabled() and dialog.quarantine_box.isChecked()
    assert not dialog.quarantine_note.isVisible() and not dialog.set_up_button.isVisible()


def test_a_profile_saved_in_the_dialog_is_the_one_the_window_then_uses(
        qtbot, context, tmp_path, monkeypatch):
    from recmanager.config import Profile
    from recmanager.ui.dialogs.profile import ProfileDialog
    from recmanager.ui.main_window import MainWindow
    from recmanager.ui.tasks import TaskRunner

    context.settings.set("refresh_interval_s", 0)

    def fill_save_and_close(dialog: ProfileDialog) -> int:
        dialog._show(Profile(name="campus", pod_url="http://127.0.0.1:9", allow_plain_http=True,
                             deposit_kind="local",
                             local_deposit=str(tmp_path)))
        dialog.save()
        return 0  # Close: the dialog's result is "rejected" after a save too

    monkeypatch.setattr(ProfileDialog, "exec", fill_save_and_close)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.action_profiles.trigger()
    assert window.profile is not None and window.profile.name == "campus"
    assert window.profile_label.text().startswith("campus (plain HTTP")


def test_the_connection_test_proves_the_quarantine_can_take_a_file(context, tmp_path):
    import os

    from recmanager.config import Profile
    from recmanager.connection import check_profile

    mounted = tmp_path / "deposit"
    (mounted / "amphiA").mkdir(parents=True)
    profile = Profile(name="p", pod_url="http://127.0.0.1:9", allow_plain_http=True,
                      deposit_kind="local",
                      local_deposit=str(mounted), deposit_root="/data/ftp-pod/ftp",
                      quarantine_dir=str(tmp_path / "held"))
    (result,) = [r for r in check_profile(profile, context, timeout=1) if r.part == "Quarantine"]
    assert result.ok and "and back" in result.message
    assert sorted(os.listdir(mounted)) == ["amphiA"]  # the probe file is gone
    assert list((tmp_path / "held").iterdir()) == []
    profile.quarantine_dir = "/dev/shm/recmanager-test-held"  # another disk
    assert os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev
    try:
        (result,) = [r for r in check_profile(profile, context, timeout=1)
                     if r.part == "Quarantine"]
        assert not result.ok and "same disk" in result.message
        assert sorted(os.listdir(mounted)) == ["amphiA"]
    finally:
        os.rmdir("/dev/shm/recmanager-test-held")


def test_offline_in_environment_mode_names_the_variable(qtbot, context, monkeypatch):
    from recmanager.ui.main_window import MainWindow
    from recmanager.ui.tasks import TaskRunner

    monkeypatch.setenv("RECMANAGER_POD_URL", "https://pod.does-not-resolve.invalid")
    monkeypatch.setenv("RECMANAGER_POD_TOKEN", "t0ken")
    monkeypatch.setenv("RECMANAGER_DEPOSIT", "/srv/deposit")
    context.settings.set("refresh_interval_s", 0)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.inbox.offline, timeout=30000)
    banner = window.inbox.banner_label.text()
    assert "Check RECMANAGER_POD_URL" in banner
    assert "in the profile" not in banner and "t0ken" not in banner


def test_the_delete_dialog_speaks_of_one_file_and_names_what_its_button_does(qtbot):
    from recmanager.ui.dialogs.delete import DeleteDialog

    dialog = DeleteDialog([ROW], quarantine_available=True, quarantine_days=14)
    qtbot.addWidget(dialog)
    summary = dialog.findChild(type(dialog.quarantine_note), "deleteSummary").text()
    assert "Delete this file from" in summary and "these files" not in summary
    assert dialog.quarantine_box.isChecked()
    assert dialog.delete_button.text() == "Move to quarantine"
    dialog.quarantine_box.setChecked(False)
    assert dialog.delete_button.text() == "Delete"
    two = DeleteDialog([ROW, ROW], quarantine_available=True, quarantine_days=14)
    qtbot.addWidget(two)
    assert "Delete these files from" in two.findChild(
        type(dialog.quarantine_note), "deleteSummary").text()


def test_in_french_the_undo_after_a_delete_does_not_read_as_cancel(qtbot):
    from PySide6.QtCore import QCoreApplication

    from tests.ui.screen import language

    with language("fr_FR"):
        assert QCoreApplication.translate("InboxActions", "Undo") == "Restaurer"


def test_in_french_the_status_bar_puts_a_space_before_its_colons(qtbot):
    from recmanager.ui.status import ChannelIndicator, ChannelState
    from tests.ui.screen import language

    with language("fr_FR"):
        indicator = ChannelIndicator("REST")
        qtbot.addWidget(indicator)
        indicator.set_state(ChannelState.CONNECTED)
        assert indicator.text().endswith("REST : connecté")


def test_the_claim_title_carries_the_day_in_the_file_name(qtbot):
    from dataclasses import replace
    from datetime import UTC, date, datetime

    from recmanager.ui.dialogs.claim import default_title
    from recmanager.ui.locale_format import format_date

    deposited = datetime(2026, 12, 4, 18, 21, tzinfo=UTC)
    named = replace(ROW, name="2026-11-23_amphi-PMF_M1-economie.mp4", deposited=deposited,
                    recorder_name="Amphi Pierre-Mendès-France")
    assert default_title(named) == f"Amphi Pierre-Mendès-France – {format_date(date(2026, 11, 23))}"
    plain = replace(ROW, deposited=deposited, recorder_name="Amphi A")
    assert default_title(plain) == f"Amphi A – {format_date(deposited)}"


def test_the_claim_type_shows_pod_s_label_in_the_user_s_language(qtbot):
    from tests.ui.screen import language

    dialog = ClaimDialog([ROW], USERS, USERS[0])
    qtbot.addWidget(dialog)
    assert dialog.type_combo.currentText() == "Video"
    assert dialog.recording_type == "video"  # what Pod is sent is unchanged
    with language("fr_FR"):
        french = ClaimDialog([ROW], USERS, USERS[0])
        qtbot.addWidget(french)
        assert [french.type_combo.itemText(i) for i in range(french.type_combo.count())] == [
            "Vidéo", "Audiovideocast (vidéo et diapositives)"]


def test_the_connection_test_names_every_check_and_tries_the_web_login(
        qtbot, context, sandbox_pod):
    from recmanager.connection import check_profile
    from recmanager.secrets import SecretKind
    from recmanager.ui.dialogs.profile_form import check_lines

    profile = sandbox_pod.profile(context)
    assert profile.pod_url.startswith("http://") and profile.pod_username
    profile.allow_plain_http = False  # http:// not allowed: never sent, said so
    results = {r.part: r for r in check_profile(profile, context, timeout=5)}
    assert results["DNS"].message == "127.0.0.1 is an address: there is no name to look up."
    assert not results["TLS"].ok
    for part in ("Token", "Web login"):  # not sent over plain http: said, not skipped
        assert not results[part].checked and results[part].message.startswith("Not checked: ")
    assert "–" in check_lines(list(results.values()))
    profile.allow_plain_http = True  # the profile accepts plain http: both are tried
    results = {r.part: r for r in check_profile(profile, context, timeout=5)}
    assert results["Token"].ok and results["Web login"].ok, results
    assert results["Web login"].message == f"{profile.pod_username} can log in."
    context.secrets.set(profile.name, SecretKind.POD_PASSWORD, "not-the-password")
    results = {r.part: r for r in check_profile(profile, context, timeout=5)}
    assert results["Token"].ok and results["Web login"].checked
    assert not results["Web login"].ok
