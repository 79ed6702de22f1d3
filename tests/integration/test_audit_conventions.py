"""Every attempt is in the audit log, named the same way: the profile, and its Pod login."""

from __future__ import annotations

from recmanager import audit
from recmanager.cli import main
from recmanager.config import Profile
from recmanager.packaging import KeyPair, PackageRequest
from recmanager.ui.jobs_panel import JobsPanel
from recmanager.ui.recorders_window import RecordersWindow
from recmanager.ui.tasks import TaskRunner

KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")


def test_a_recorder_edit_that_cannot_reach_pod_is_logged(qtbot, sandbox_pod, context):
    profile = sandbox_pod.profile(context)
    window = RecordersWindow(context, profile, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.refresh()
    amphi_a = next(r for r in window.model.recorders if r.name == "Amphi A")
    profile.pod_url = "http://127.0.0.1:9"  # the server went away after the list was read
    window._service = None  # the open service is dropped, as on a reconnection
    editor = window._editor(amphi_a)
    qtbot.addWidget(editor)
    editor.address_ip.setText("192.168.1.12")
    editor.submit()
    assert "Not saved" in editor.message.text()
    (entry,) = audit.entries(context.db, action="recorder-edit")
    assert (entry.target, entry.result, entry.profile, entry.actor) == (
        "Amphi A", "failed", "sandbox", "admin")
    assert entry.error


def test_a_refused_recorder_edit_from_the_command_line_is_logged(sandbox_pod, context,
                                                                 capsys):
    sandbox_pod.profile(context, name="sandbox")
    code = main(["recorders", "edit", "Amphi A", "--profile", "sandbox", "--ip", "192.168.1.20"])
    assert code == 1 and "Amphi B" in capsys.readouterr().err  # that address is taken
    (entry,) = audit.entries(context.db, action="recorder-edit")
    assert (entry.target, entry.result, entry.actor) == ("Amphi A", "refused", "admin")


def test_packaging_jobs_are_logged_under_the_profile_and_its_login(qtbot, context, media,
                                                                   tmp_path):
    context.profiles.save(Profile(name="campus", pod_url="https://pod.example.org",
                                  pod_username="jdupont", deposit_kind="local",
                                  local_deposit=str(tmp_path)))
    panel = JobsPanel(context, TaskRunner(synchronous=True))
    qtbot.addWidget(panel)
    panel.submit(PackageRequest(input_path=media.clip, output_dir=tmp_path / "gui",
                                profile="campus"), KEYS)
    assert main(["package", str(media.clip), "--key", KEYS.key_hex, "--kid", KEYS.kid_hex,
                 "--out", str(tmp_path / "cli")]) == 0
    entries = audit.entries(context.db, action="package")
    assert [(e.result, e.profile, e.actor) for e in entries] == [
        ("ok", "campus", "jdupont"), ("ok", "campus", "jdupont")]


def test_a_profile_without_a_pod_login_is_named_by_the_profile_for_recorders_too(
        sandbox_pod, context, capsys):
    """Recorders once logged "token" where claims and packaging log the profile's name."""
    from dataclasses import replace

    profile = sandbox_pod.profile(context, name="sandbox")
    context.profiles.save(replace(profile, pod_username=""))
    code = main(["recorders", "edit", "Amphi A", "--profile", "sandbox", "--ip", "192.168.1.20"])
    assert code == 1 and "Amphi B" in capsys.readouterr().err
    (entry,) = audit.entries(context.db, action="recorder-edit")
    assert (entry.target, entry.result, entry.actor) == ("Amphi A", "refused", "sandbox")
