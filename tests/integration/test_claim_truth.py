"""Every change tells the truth: checks before the first change, lost answers looked up on
Pod, and "done, but …" (exit 3) once Pod holds the change — against the sandbox Pod, with a
proxy that loses Pod's answers after Pod applied the request."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys

import pytest

from recmanager import audit
from recmanager.actions.opening import open_actions
from recmanager.cli import main
from recmanager.errors import DepositError, UnsafePath
from recmanager.pod.rest import PodClient
from tests.fixtures.fault_proxy import Fault


def admin_client(sandbox_pod) -> PodClient:
    return PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"])


def recordings_of(sandbox_pod, path: str) -> list[int]:
    with admin_client(sandbox_pod) as client:
        return [r.id for r in client.recordings() if r.source_file == path]


def listed_by_pod(sandbox_pod, name: str) -> str:
    path = f"{sandbox_pod.deposit_root}/amphiA/{name}"
    sandbox_pod.run_cron()
    with admin_client(sandbox_pod) as client:
        assert client.treatment_for_file(path) is not None  # Pod would take a claim of it
    return path


def test_a_link_out_of_the_deposit_is_refused_before_anything_is_sent(
        sandbox_pod, context, tmp_path):
    outside = tmp_path / "secret.mp4"
    shutil.copyfile(sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4", outside)
    (sandbox_pod.deposit_root / "amphiA" / "evil.mp4").symlink_to(outside)
    path = listed_by_pod(sandbox_pod, "evil.mp4")
    profile = sandbox_pod.profile(context, user="admin")
    with open_actions(profile, context) as actions, pytest.raises(UnsafePath) as refused:
        actions.claim(path, "admin", "Evil")
    assert "outside the deposit folder" in refused.value.message
    assert recordings_of(sandbox_pod, path) == []
    assert outside.is_file() and (sandbox_pod.deposit_root / "amphiA" / "evil.mp4").is_symlink()
    assert audit.entries(context.db, action="claim")[0].result == "refused"


def test_a_control_character_in_the_name_is_refused_before_anything_is_sent(
        sandbox_pod, context):
    name = "cours\x1b[2Jmardi.mp4"
    shutil.copyfile(sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4",
                    sandbox_pod.deposit_root / "amphiA" / name)
    path = listed_by_pod(sandbox_pod, name)
    profile = sandbox_pod.profile(context, user="admin")
    with open_actions(profile, context) as actions, pytest.raises(UnsafePath) as refused:
        actions.claim(path, "admin", "Cours")
    assert "control character" in refused.value.message and "\x1b" not in refused.value.message
    assert recordings_of(sandbox_pod, path) == []


def test_an_unreachable_deposit_refuses_the_claim_before_the_post(
        sandbox_pod, context, capsys, tmp_path):
    profile = sandbox_pod.profile(context, user="admin")
    profile.local_deposit = str(tmp_path / "not-mounted")
    context.profiles.save(profile)
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-02.mp4"
    code = main(["claim", "amphiA/lecture-02.mp4", "--owner", "admin", "--profile", "sandbox"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot be reached" in err and "nothing was sent" in err
    assert recordings_of(sandbox_pod, path) == []
    with admin_client(sandbox_pod) as client:
        assert client.treatment_for_file(path) is not None
    assert audit.entries(context.db, action="claim")[0].result == "refused"


def test_a_file_still_growing_is_refused_before_the_post(sandbox_pod, context):
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-03.mp4"
    with (sandbox_pod.deposit_root / "amphiA" / "lecture-03.mp4").open("ab") as growing:
        growing.write(b"\0" * 1000)
    profile = sandbox_pod.profile(context, user="admin")
    with open_actions(profile, context) as actions, pytest.raises(DepositError) as refused:
        actions.claim(path, "admin", "Cours 3")
    assert "still being written" in refused.value.message
    assert recordings_of(sandbox_pod, path) == []


@pytest.mark.parametrize("cut", [0, 12, 40], ids=["nothing", "status-line", "headers"])
def test_a_claim_whose_201_is_cut_reads_as_done(sandbox_pod, pod_proxy, context, capsys, cut):
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    cut_answer = pod_proxy.arm(Fault("cut", cut, b"POST /rest/recording/"))
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-05.mp4"
    code = main(["claim", "amphiA/lecture-05.mp4", "--owner", "teacher1", "--title", "Cours 5",
                 "--profile", "sandbox"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "lecture-05.mp4" in out and "Traceback" not in err
    assert cut_answer.fired.is_set()
    assert pod_proxy.count("POST", "/rest/recording/") == 1
    assert len(recordings_of(sandbox_pod, path)) == 1
    [entry] = audit.entries(context.db, action="claim")
    assert entry.result == "ok" and entry.detail["recording_id"] == recordings_of(
        sandbox_pod, path)[0]


def test_a_claim_pod_made_but_that_cannot_be_verified_is_done_but_exit_3(
        sandbox_pod, pod_proxy, context, capsys):
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    for _ in range(8):  # every try of the video lookup loses its answer
        pod_proxy.arm(Fault("cut", 0, b"GET /rest/videos/"))
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-06.mp4"
    code = main(["claim", "amphiA/lecture-06.mp4", "--owner", "admin", "--profile", "sandbox"])
    err = capsys.readouterr().err
    [recording] = recordings_of(sandbox_pod, path)
    assert code == 3, err
    assert any(line.startswith("Deposit root: ") for line in err.splitlines())
    assert err.splitlines()[-1].startswith("recmanager: Done, but not verified")
    assert f"recording {recording}" in err and "Do not claim it again" in err
    [entry] = audit.entries(context.db, action="claim")
    assert entry.result == "warning" and entry.detail["recording_id"] == recording


def test_a_done_but_claim_in_bulk_reads_done_with_the_warning(
        sandbox_pod, pod_proxy, context):
    from recmanager.bulk.run import BulkRun

    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-07.mp4"
    pod_proxy.arm(Fault("cut", 30, b"POST /rest/recording/"))
    with BulkRun.open(context, profile) as run:
        rows = [row for row in run.recordings() if row.path == path]
        plan = run.plan_selection(rows, "admin", "Cours 7")
        for _ in range(8):
            pod_proxy.arm(Fault("cut", 0, b"GET /rest/videos/"))
        result = run.apply(plan, jobs=1)
    [row] = [r for r in plan.rows if r.source_file == path]
    assert result.done == 1 and result.failed == 0
    assert str(row.status) == "done" and row.message.startswith("Done, but not verified")
    assert "NoneType" not in row.message
    assert row.recording_id == recordings_of(sandbox_pod, path)[0]


def test_reassign_whose_answer_is_lost_looks_and_reports_the_truth(
        sandbox_pod, pod_proxy, context, capsys):
    profile = sandbox_pod.profile(context, user="admin")  # superuser: Pod's owner-change view
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    lost_answer = pod_proxy.arm(Fault("cut", 0, b"POST /video/updateowner/"))
    code = main(["reassign", "--video", "1", "--owner", "teacher1", "--profile", "sandbox"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "now belongs to teacher1" in out
    assert lost_answer.fired.is_set()
    assert pod_proxy.count("POST", "/video/updateowner/") == 1
    with admin_client(sandbox_pod) as client:
        assert client.video(1).owner_id == 4
    assert audit.entries(context.db, action="reassign")[0].result == "ok"


def test_the_deposit_root_is_read_from_pod_and_a_mounted_folder_elsewhere_works(
        sandbox_pod, context, capsys, tmp_path):
    """The profile keeps Pod's default root and mounts the deposit at another local path: the
    root comes from Pod's rows, is shown, and relative paths resolve against it."""
    mount = tmp_path / "mnt" / "pod-deposit"
    mount.parent.mkdir()
    mount.symlink_to(sandbox_pod.deposit_root, target_is_directory=True)
    profile = sandbox_pod.profile(context, user="admin")
    profile.deposit_root = "/data/ftp-pod/ftp/"
    profile.local_deposit = str(mount)
    context.profiles.save(profile)
    code = main(["claim", "amphiA/lecture-09.mp4", "--owner", "admin", "--profile", "sandbox"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "lecture-09.mp4 is claimed for admin" in out
    assert f"Deposit root: {sandbox_pod.deposit_root} (read from Pod: " in err
    assert len(recordings_of(sandbox_pod, f"{sandbox_pod.deposit_root}/amphiA/lecture-09.mp4")) == 1


def test_a_given_deposit_root_that_pod_contradicts_is_refused_before_anything_changes(
        sandbox_pod, context, capsys):
    profile = sandbox_pod.profile(context, user="admin")
    profile.deposit_root = "/srv/pod/deposit"
    context.profiles.save(profile)
    code = main(["claim", "amphiA/lecture-10.mp4", "--owner", "admin", "--profile", "sandbox"])
    err = capsys.readouterr().err
    assert code == 1
    assert "/srv/pod/deposit of the profile contradicts Pod's data" in err
    assert str(sandbox_pod.deposit_root) in err and "Nothing was changed" in err
    assert recordings_of(sandbox_pod, f"{sandbox_pod.deposit_root}/amphiA/lecture-10.mp4") == []


def test_a_delete_whose_row_removal_fails_is_done_but_exit_3(
        sandbox_pod, pod_proxy, context, capsys):
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    for _ in range(6):  # every try of the row's removal loses its answer
        pod_proxy.arm(Fault("cut", 0, b"DELETE /rest/recordingfiletreatment/"))
    code = main(["delete", "amphiA/lecture-11.mp4", "--profile", "sandbox"])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "Done, but not complete: lecture-11.mp4 was deleted from the deposit folder" in err
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-11.mp4").exists()
    [entry] = audit.entries(context.db, action="delete")
    assert entry.result == "warning"
    # The proxy passed each DELETE to Pod, which applied the first: deleting again finds
    # nothing left, and says so.
    assert main(["delete", "amphiA/lecture-11.mp4", "--profile", "sandbox"]) == 1
    assert "nothing left to delete" in capsys.readouterr().err
    with admin_client(sandbox_pod) as client:
        assert client.treatment_for_file(
            f"{sandbox_pod.deposit_root}/amphiA/lecture-11.mp4") is None


def test_a_claim_killed_after_its_post_is_reconciled_by_the_next_command(
        sandbox_pod, pod_proxy, context):
    """kill -9 while Pod's 201 is held by the proxy: Pod made the recording, the client never
    knew. The next command finds the intent, asks Pod, and writes the audit entry."""
    environment = {**os.environ, "RECMANAGER_POD_URL": pod_proxy.url,
                   "RECMANAGER_POD_TOKEN": sandbox_pod.tokens["admin"],
                   "RECMANAGER_DEPOSIT": str(sandbox_pod.deposit_root),
                   "RECMANAGER_POD_ALLOW_HTTP": "1"}
    command = [sys.executable, "-m", "recmanager", "claim", "amphiA/lecture-12.mp4",
               "--owner", "teacher1"]
    held = pod_proxy.arm(Fault("stall", 0, b"POST /rest/recording/"))
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert held.answered.wait(120), "the claim never reached Pod"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(60)
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-12.mp4"
    [recording] = recordings_of(sandbox_pod, path)
    assert audit.entries(context.db, action="claim") == []  # killed before its entry

    again = subprocess.run(command, env=environment, capture_output=True, text=True,
                           timeout=180, check=False)
    assert again.returncode == 0, again.stderr
    assert (f"The claim of lecture-12.mp4 was found done at this start: recording {recording}, "
            "video ") in again.stderr
    assert "already claimed" in again.stdout
    assert recordings_of(sandbox_pod, path) == [recording]
    entries = audit.entries(context.db, action="claim")
    assert [e.result for e in entries] == ["ok", "ok"]
    reconciled = entries[-1]  # the older one: written at the start of the second command
    assert reconciled.detail["recording_id"] == recording and reconciled.detail["reconciled"]
    with admin_client(sandbox_pod) as client:
        assert client.treatment_for_file(path) is None


def leave_intent_of_a_gone_process(context) -> None:
    """The intents this test process wrote, as if a process now ended had written them."""
    from sqlalchemy import update

    from recmanager.store.tables import action_intents

    gone = subprocess.Popen(["true"])
    gone.wait()
    with context.db.begin() as connection:
        connection.execute(update(action_intents).values(pid=gone.pid))


def leave_intent(context, profile, action: str, target: str, detail: dict) -> None:
    """An intent as a process killed after its first change leaves it (its PID is gone)."""
    from recmanager import journal

    journal.begin(context.db, profile=profile.name, actor="cli:admin", action=action,
                  target=target, detail=detail)
    leave_intent_of_a_gone_process(context)


def test_interrupted_reassign_and_delete_are_reconciled_at_the_next_start(
        sandbox_pod, context, capsys):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-04.mp4"
    # killed after the owner change reached Pod; killed after the file went, before the row
    leave_intent(context, profile, "reassign", "video:2",
                 {"video_id": 2, "owner": "teacher1", "owner_id": 4})
    leave_intent(context, profile, "delete", path, {})
    with admin_client(sandbox_pod) as client:
        client.patch_video_owner(2, 4)
    (sandbox_pod.deposit_root / "amphiA" / "lecture-04.mp4").unlink()
    assert main(["reassign", "--video", "1", "--owner", "teacher2", "--profile", "sandbox"]) == 0
    err = capsys.readouterr().err
    assert "The owner change of video 2 was found done at this start: it belongs to " \
           "teacher1." in err
    assert "The deletion of lecture-04.mp4 was found done at this start" in err
    with admin_client(sandbox_pod) as client:
        assert client.treatment_for_file(path) is None  # the half-done deletion is finished
    reconciled = {e.action: e for e in audit.entries(context.db) if "reconciled" in e.detail}
    assert reconciled["reassign"].result == "ok" and reconciled["delete"].result == "ok"
    assert reconciled["delete"].detail["treatment_removed_now"] is True
    # once reconciled, never again
    assert main(["reassign", "--video", "1", "--owner", "teacher1", "--profile", "sandbox"]) == 0
    assert "found done" not in capsys.readouterr().err


@pytest.fixture
def sftp_profile(sandbox_pod, sshd, context):
    """The admin's profile with the deposit over a real OpenSSH sshd (SFTP)."""
    sandbox_pod.profile(context, user="admin")  # token and password in the keyring
    profile = sshd.profile(sandbox_pod.deposit_root, name="sandbox",
                           pod_url=sandbox_pod.base_url.rstrip("/"), pod_username="admin")
    context.profiles.save(profile)
    sshd.trust(context.paths.known_hosts)
    return profile


@pytest.mark.sshd
def test_over_sftp_a_french_name_is_claimed_and_a_link_out_is_refused(
        sandbox_pod, sftp_profile, context, capsys, tmp_path):
    name = "cours du lundi é.mp4"
    shutil.copyfile(sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4",
                    sandbox_pod.deposit_root / "amphiA" / name)
    outside = tmp_path / "secret.mp4"
    shutil.copyfile(sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4", outside)
    (sandbox_pod.deposit_root / "amphiA" / "evil.mp4").symlink_to(outside)
    sandbox_pod.run_cron()
    assert main(["claim", f"amphiA/{name}", "--owner", "admin", "--profile", "sandbox"]) == 0
    assert f"{name} is claimed for admin" in capsys.readouterr().out
    assert len(recordings_of(sandbox_pod, f"{sandbox_pod.deposit_root}/amphiA/{name}")) == 1
    assert main(["claim", "amphiA/evil.mp4", "--owner", "admin", "--profile", "sandbox"]) == 1
    assert "it leads outside the deposit folder" in capsys.readouterr().err
    assert recordings_of(sandbox_pod, f"{sandbox_pod.deposit_root}/amphiA/evil.mp4") == []


@pytest.mark.sshd
def test_an_sftp_deposit_that_does_not_answer_refuses_the_claim_before_the_post(
        sandbox_pod, sftp_profile, context, capsys):
    from tests.fixtures.processes import free_port

    sftp_profile.sftp_port = free_port()  # nothing listens there
    context.profiles.save(sftp_profile)
    assert main(["claim", "amphiA/lecture-08.mp4", "--owner", "admin",
                 "--profile", "sandbox"]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "nothing was sent to Pod" in err
    assert recordings_of(sandbox_pod, f"{sandbox_pod.deposit_root}/amphiA/lecture-08.mp4") == []


def test_a_claim_whose_outcome_cannot_be_known_is_settled_by_the_next_command(
        sandbox_pod, pod_proxy, context, capsys):
    """Pod takes the claim, its answer is lost and so are the look-ups after it: the command
    says it cannot know (exit 1, nothing resent); the next command asks Pod and audits."""
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    pod_proxy.arm(Fault("cut", 0, b"POST /rest/recording/"))
    for _ in range(12):
        pod_proxy.arm(Fault("cut", 0, re.compile(rb"GET /rest/recording/[? ]")))
    argv = ["claim", "amphiA/lecture-13.mp4", "--owner", "admin", "--profile", "sandbox"]
    assert main(argv) == 1
    assert "may or may not have been applied" in capsys.readouterr().err
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-13.mp4"
    [recording] = recordings_of(sandbox_pod, path)
    pod_proxy.clear()
    leave_intent_of_a_gone_process(context)
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert f"lecture-13.mp4 was found done at this start: recording {recording}" in err
    assert "already claimed" in out
    assert [e.result for e in audit.entries(context.db, action="claim")] == ["ok", "ok", "failed"]
    assert recordings_of(sandbox_pod, path) == [recording]
