"""Claim, reassign, delete, quarantine and undo against the sandbox Pod over real HTTP."""

from __future__ import annotations

import threading

import pytest

from recmanager import audit
from recmanager.actions.opening import open_actions
from recmanager.actions.undo import undoable_quarantines
from recmanager.errors import AlreadyClaimed, PodPermissionError, ValidationError
from recmanager.pod.rest import PodClient


def test_claim_for_myself_moves_the_file_creates_the_video_and_audits(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-01.mp4"
    with open_actions(profile, context) as actions:
        result = actions.claim(path, "admin", "Cours 1")
        assert result.owner == "admin" and result.video_id is not None
        assert not result.already_done
        assert actions.client.treatment_for_file(path) is None
        video = actions.client.video(result.video_id)
        assert video.title == "Cours 1" and video.owner_id == actions.resolve_user("admin").id
        # Asking again (an interrupted run resumed) is recognised, nothing is sent twice.
        again = actions.claim(path, "admin", "Cours 1")
        assert again.already_done and again.recording_id == result.recording_id
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-01.mp4").exists()
    entries = audit.entries(context.db, action="claim")
    assert [e.result for e in entries] == ["ok", "ok"]
    assert entries[-1].detail["video_id"] == result.video_id


def test_claim_for_a_colleague(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="manager1")
    path = f"{sandbox_pod.deposit_root}/amphiB/b1.mp4"
    with open_actions(profile, context) as actions:
        result = actions.claim(path, "t1@example.org", "Cours de Tea")
        video = actions.client.video(result.video_id)
        assert video.owner_id == actions.resolve_user("teacher1").id
    assert result.owner == "teacher1"


def test_claim_for_a_non_staff_owner_claims_then_reassigns_and_says_so(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-03.mp4"
    with open_actions(profile, context) as actions:
        result = actions.claim(path, "student1", "Exposé")
        video = actions.client.video(result.video_id)
        assert video.owner_id == actions.resolve_user("student1").id
    assert result.reassigned_to == "student1"
    assert "not staff" in result.message and "reassigned" in result.message
    # What Pod holds, exactly: the recording stays with the claiming staff account.
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        recording = client.recording(result.recording_id)
        assert client.user(recording.user_id).username == "admin"
    assert result.message.startswith(
        f"lecture-03.mp4 is claimed: Pod holds recording {result.recording_id} for admin and "
        f"video {result.video_id} for student1.")
    assert "claimed for student1" not in result.message
    claim_entry = audit.entries(context.db, action="claim")[0]
    assert claim_entry.detail["claimed_as"] == "admin"
    assert audit.entries(context.db, action="reassign") == []  # part of the claim's entry


def test_a_claim_someone_made_a_moment_earlier_is_refused_clearly(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-04.mp4"
    other = PodClient(sandbox_pod.base_url, sandbox_pod.tokens["manager1"])
    with other:
        other.claim(other.treatment_for_file(path), other.find_user("teacher2"), "Déjà pris")
    with open_actions(profile, context) as actions, pytest.raises(AlreadyClaimed) as caught:
        actions.claim(path, "admin", "Mon titre")
    assert "teacher2" in caught.value.message and "Déjà pris" in caught.value.message
    assert audit.entries(context.db, action="claim")[0].result == "refused"


def test_concurrent_claims_from_threads_each_happen_once(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    paths = [f"{sandbox_pod.deposit_root}/amphiA/lecture-{n:02d}.mp4" for n in (5, 6, 7)]
    jobs = [*paths, paths[0]]  # the same claim asked twice at once
    results: list[object] = []
    with open_actions(profile, context) as actions:
        def run(path: str) -> None:
            results.append(actions.claim(path, "teacher1", "Série"))

        threads = [threading.Thread(target=run, args=(p,)) for p in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        recordings = [r for r in actions.client.recordings() if r.source_file in paths]
    assert len(results) == 4
    assert sum(1 for r in results if r.already_done) == 1
    assert len(recordings) == 3


def test_reassign_with_a_superuser_session_moves_the_files(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    with open_actions(profile, context) as actions:
        result = actions.reassign(1, "teacher1")
        assert actions.client.video(1).owner_id == actions.resolve_user("teacher1").id
        with pytest.raises(ValidationError):
            actions.reassign(1, "teacher1")
    assert result.files_moved and result.old_owner == "manager1"
    assert [e.result for e in audit.entries(context.db, action="reassign")] == ["refused", "ok"]


def test_reassign_as_staff_goes_over_rest_and_says_the_files_stay(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="teacher1")
    with open_actions(profile, context) as actions:
        result = actions.reassign(2, "student1")
    assert not result.files_moved
    assert "stay in manager1's folder" in result.message


def test_delete_removes_the_file_then_the_row(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-08.mp4"
    with open_actions(profile, context) as actions:
        result = actions.delete(path)
        assert actions.client.treatment_for_file(path) is None
    assert result.treatment_id is not None and result.size > 0
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-08.mp4").exists()
    sandbox_pod.run_cron()
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        assert client.treatment_for_file(path) is None  # Pod's cron did not bring it back


def test_quarantine_and_undo(sandbox_pod, context, tmp_path):
    profile = sandbox_pod.profile(context, user="admin")
    profile.quarantine_dir = str(tmp_path / "quarantine")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-09.mp4"
    original = (sandbox_pod.deposit_root / "amphiA" / "lecture-09.mp4").read_bytes()
    with open_actions(profile, context) as actions:
        result = actions.delete(path, quarantine=True)
        held = undoable_quarantines(context.db, profile.name, days=14)
        assert [h.original_path for h in held] == [path]
        assert held[0].quarantined_path == result.quarantined.quarantined_path
        message = actions.undo_quarantine(held[0])
    assert "back" in message
    assert (sandbox_pod.deposit_root / "amphiA" / "lecture-09.mp4").read_bytes() == original
    assert undoable_quarantines(context.db, profile.name, days=14) == []
    sandbox_pod.run_cron()
    sandbox_pod.run_cron()
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        assert client.treatment_for_file(path) is not None  # claimable again


def test_delete_is_refused_to_staff_who_are_not_superusers(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="teacher1")
    path = f"{sandbox_pod.deposit_root}/amphiA/lecture-10.mp4"
    with open_actions(profile, context) as actions, pytest.raises(PodPermissionError):
        actions.delete(path)
    assert (sandbox_pod.deposit_root / "amphiA" / "lecture-10.mp4").exists()
    assert audit.entries(context.db, action="delete")[0].result == "refused"


def test_claim_a_zip_deposit(sandbox_pod, context):
    profile = sandbox_pod.profile(context, user="admin")
    path = f"{sandbox_pod.deposit_root}/amphiD/d1.zip"
    with open_actions(profile, context) as actions:
        result = actions.claim(path, "admin", "Cours avec diapositives")
        assert actions.client.video(result.video_id).title == "Cours avec diapositives"
    assert not (sandbox_pod.deposit_root / "amphiD" / "d1.zip").exists()
