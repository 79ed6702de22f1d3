"""Every Pod client operation against the running sandbox Pod, over real HTTP.

Seed facts (users, recorders, treatment rows): ``recmanager/sandbox/seed.py``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import requests

from recmanager.errors import (
    PodAuthError,
    PodNotFound,
    PodPermissionError,
    PodValidationError,
    ValidationError,
)
from recmanager.pod.model import RecorderSettings
from recmanager.pod.notify import notify_url
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from tests.fixtures.processes import wait_for

ADMIN, MANAGER1, STUDENT1, TEACHER1, TEACHER2 = 1, 2, 3, 4, 5


@pytest.fixture
def client(sandbox_pod):
    pod = PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"], timeout=(5, 30))
    yield pod
    pod.close()


@pytest.fixture
def web(sandbox_pod):
    session = PodWebSession(sandbox_pod.base_url, "admin", sandbox_pod.passwords["admin"])
    yield session
    session.close()


def test_access_recorders_and_reference_data(sandbox_pod, client):
    assert client.check_access() == (
        f"Token accepted: staff access to Pod at {client.base_url} (5 recorders).")
    recorders = {r.id: r for r in client.recorders()}
    assert recorders[4].recording_type == "audiovideocast"
    assert recorders[5].address_ip == "10.0.0.50"
    assert client.recorder(1).name == "Amphi A"
    assert client.find_recorder("Salle E (managed by teacher1)").id == 5
    assert [t.title for t in sorted(client.video_types(), key=lambda t: t.id)] == [
        "Other", "Lecture", "Conference"]
    [site] = client.sites()
    assert site.id == 1
    assert {o.user_id for o in client.owners()} >= {ADMIN, MANAGER1, TEACHER1}


def test_refused_tokens(sandbox_pod):
    student = PodClient(sandbox_pod.base_url, sandbox_pod.tokens["student1"])
    with student, pytest.raises(PodPermissionError, match="not staff"):
        student.check_access()
    wrong = PodClient(sandbox_pod.base_url, "0" * 40)
    with wrong, pytest.raises(PodAuthError, match="Invalid token"):
        wrong.recorders()


def test_treatments_every_page_one_recorder_one_file(sandbox_pod, client):
    treatments = client.treatments()
    assert sorted(t.id for t in treatments) == [*range(1, 16), 18, 19, 20]
    assert {t.id for t in client.treatments(5)} == {19, 20}
    zip_row = client.treatment(18)
    assert (zip_row.type, zip_row.directory, zip_row.filename) == (
        "audiovideocast", "amphiD", "d1.zip")
    first = client.treatment_for_file(str(sandbox_pod.deposit_root / "amphiA/lecture-01.mp4"))
    assert first.id == 1 and first.recorder_id == 1
    assert first.file_size == (sandbox_pod.deposit_root / "amphiA/lecture-01.mp4").stat().st_size
    assert client.treatment_for_file("/nowhere/x.mp4") is None
    assert str(sandbox_pod.deposit_root / "unknowndir/orphan.mp4") in client.deposit_files()


def test_users_staff_and_not(client):
    teacher = client.find_user("teacher1")
    assert (teacher.id, teacher.is_staff, teacher.display_name) == (
        TEACHER1, True, "Tea Cher (teacher1)")
    student = client.find_user("s1@example.org")
    assert (student.id, student.is_staff) == (STUDENT1, False)
    assert client.find_user("nobody") is None
    assert len(client.all_users()) == 20
    assert {u.username for u in client.staff_users()} >= {"admin", "manager1", "teacher2"}
    assert client.users(username="guest1")[0].email == "g1@example.org"


def test_patch_recorder_rest_fields(client):
    changed = client.patch_recorder(5, name="Salle E (renamed)", address_ip="10.0.0.51",
                                    description="<p>Room E</p>")
    assert client.recorder(5) == changed
    assert (changed.name, changed.address_ip) == ("Salle E (renamed)", "10.0.0.51")
    with pytest.raises(PodValidationError) as invalid:
        client.patch_recorder(5, address_ip="999.1.2.3")
    assert list(invalid.value.fields) == ["address_ip"]
    with pytest.raises(ValidationError):
        client.patch_recorder(5, salt="nope")


def test_claim_find_the_video_and_reassign(sandbox_pod, client):
    source = sandbox_pod.deposit_root / "amphiA/lecture-02.mp4"
    treatment = client.treatment(2)
    teacher = client.find_user("teacher1")
    outcome = client.claim(treatment, teacher, "Cours du mardi")
    assert outcome.treatment_deleted and not outcome.recovered and not outcome.problem
    assert (outcome.recording.user_id, outcome.recording.source_file) == (TEACHER1, str(source))
    with pytest.raises(PodNotFound):
        client.treatment(2)
    assert client.recording_for_source(str(source)) == outcome.recording
    assert outcome.recording in client.recordings()

    found = []
    wait_for(lambda: found.append(client.find_claimed_video(teacher, "Cours du mardi",
                                                             str(source))) or found[-1],
             30, "the claimed video")
    video = found[-1]
    assert video.owner_id == TEACHER1 and video.file_name.startswith("lecture-02_")
    assert client.find_claimed_video(teacher, "Autre titre", str(source)) is None
    assert [v.id for v in client.user_videos("teacher1", search_title="mardi")] == [video.id]

    moved = client.patch_video_owner(video.id, STUDENT1, [MANAGER1])
    assert (moved.owner_id, moved.additional_owner_ids) == (STUDENT1, (MANAGER1,))
    assert client.video(video.id) == moved
    assert [v.id for v in client.videos(owner_id=STUDENT1)] == [video.id]

    with pytest.raises(PodValidationError) as again:
        client.create_recording(str(source), "Encore", teacher, 1)
    assert "source_file" in again.value.fields


def test_claim_refuses_a_non_staff_owner_before_asking_pod(client):
    student = client.find_user("student1")
    with pytest.raises(PodPermissionError) as refused:
        client.claim(client.treatment(3), student, "Cours")
    assert "reassign" in refused.value.hint
    assert client.treatment(3).id == 3
    assert client.recording_for_source(client.treatment(3).file) is None


def test_pod_itself_refuses_a_non_staff_recording_user(client):
    treatment = client.treatment(4)
    with pytest.raises(PodValidationError) as refused:
        client.create_recording(treatment.file, "Cours", STUDENT1, 1)
    assert list(refused.value.fields) == ["user"]


def test_deleting_only_the_row_lets_the_cron_bring_it_back(sandbox_pod, client):
    treatment = client.treatment(6)
    client.delete_treatment(6)
    assert client.treatment_for_file(treatment.file) is None
    sandbox_pod.run_cron()
    back = client.treatment_for_file(treatment.file)
    assert back is not None and back.id != 6


# --- the web session ----------------------------------------------------------------------


def test_web_recorder_settings_read_and_edit(sandbox_pod, web):
    settings = web.recorder_settings(5)
    assert (settings.name, settings.address_ip, settings.salt, settings.directory) == (
        "Salle E (managed by teacher1)", "10.0.0.50", "esalt", "salleE")
    assert (settings.manager_id, settings.type_id, settings.site_ids) == (TEACHER1, 1, (1,))
    assert not settings.publication_auto and settings.additional_user_ids == ()
    assert web.recorder_settings(2).additional_user_ids == (TEACHER2,)
    new = replace(settings, salt="esalt-rotated", publication_auto=True, type_id=2,
                  manager_id=MANAGER1, additional_user_ids=(TEACHER1, TEACHER2))
    assert web.save_recorder(new, 5) == 5
    assert web.recorder_settings(5) == new
    unchanged = web.recorder_settings(1)
    assert (unchanged.salt, unchanged.manager_id) == ("s3cr3t", None)


def test_web_create_recorder_and_form_errors(sandbox_pod, web, client):
    new = RecorderSettings(name="Amphi Z", address_ip="192.168.1.99", directory="amphiZ",
                           type_id=3, salt="zsalt", manager_id=TEACHER1, site_ids=(1,))
    recorder_id = web.save_recorder(new)
    assert recorder_id == 6
    assert client.recorder(6).address_ip == "192.168.1.99"
    assert web.recorder_settings(6).salt == "zsalt"
    duplicate = replace(new, name="Amphi Y", address_ip="192.168.1.98")
    with pytest.raises(PodValidationError) as refused:
        web.save_recorder(duplicate)
    assert "directory" in refused.value.fields


def test_web_delete_record_removes_the_file_and_the_row(sandbox_pod, web, client):
    path = sandbox_pod.deposit_root / "amphiA/lecture-03.mp4"
    assert path.exists()
    web.delete_record(3)
    assert not path.exists()
    with pytest.raises(PodNotFound):
        client.treatment(3)
    with pytest.raises(PodNotFound):
        web.delete_record(3)


def test_web_claim_list_shows_only_manual_claim_rows(web):
    cards = web.claim_list()
    assert sorted(c.treatment_id for c in cards) == [*range(1, 14), 18]
    assert {c.recorder_id for c in cards} == {1, 4}


def test_web_change_owner_moves_the_files(sandbox_pod, web, client):
    before = client.video(1)
    assert before.owner_id == MANAGER1
    assert web.change_owner([1], MANAGER1, TEACHER1)
    after = client.video(1)
    assert after.owner_id == TEACHER1
    hashkeys = {o.user_id: o.hashkey for o in client.owners()}
    assert hashkeys[TEACHER1] in after.file_url and hashkeys[MANAGER1] in before.file_url
    assert requests.get(after.file_url, timeout=10).status_code == 200


def test_web_login_refusals(sandbox_pod):
    wrong = PodWebSession(sandbox_pod.base_url, "admin", "wrong-password")
    with wrong, pytest.raises(PodAuthError, match="refused the web login of admin"):
        wrong.login()
    student = PodWebSession(sandbox_pod.base_url, "student1", sandbox_pod.passwords["student1"])
    with student, pytest.raises(PodAuthError):
        student.login()
    staff = PodWebSession(sandbox_pod.base_url, "teacher1", sandbox_pod.passwords["teacher1"])
    with staff:
        staff.login()
        with pytest.raises(PodPermissionError, match="superuser"):
            staff.recorder_settings(1)


def test_web_session_from_profile(sandbox_pod, context):
    profile = sandbox_pod.profile(context)
    with PodWebSession.from_profile(profile, context.secrets) as session:
        assert session.recorder_settings(1).directory == "amphiA"
    with PodClient.from_profile(profile, context.secrets) as pod:
        assert len(pod.recorders()) == 5


def test_notify_url_is_accepted_by_pod(sandbox_pod):
    mediapath = str(sandbox_pod.deposit_root / "amphiA/lecture-05.mp4")
    url = notify_url(sandbox_pod.base_url, "192.168.1.10", mediapath, "s3cr3t")
    assert requests.get(url, timeout=10).text == "ok"
    wrong = notify_url(sandbox_pod.base_url, "192.168.1.10", mediapath, "bad")
    assert requests.get(wrong, timeout=10).text == "nok: key is not valid"
