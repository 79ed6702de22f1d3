"""Recorder management against the sandbox Pod over real HTTP (REST + admin web session).

Seed facts (recmanager/sandbox/seed.py): Amphi A = 192.168.1.10, salt s3cr3t, folder amphiA,
manual claim; Amphi B = 192.168.1.20, salt abc, manager manager1, additional user teacher2;
users manager1/teacher1/teacher2 staff, student1 not; video types 1 Other, 2 Lecture.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from pathlib import Path

import pytest

from recmanager import audit
from recmanager.errors import DoneWithWarning, PodAuthError, RecmanagerError, ValidationError
from recmanager.pod.notify import KeyVerdict
from recmanager.recorders.notify import call_notify, check_key, notify_details
from recmanager.recorders.sanity import MANUAL_CLAIMING, FindingKind, apply_fix, run_checks
from recmanager.recorders.service import RecorderService


@pytest.fixture
def service(sandbox_pod, context) -> RecorderService:
    profile = sandbox_pod.profile(context)
    with RecorderService.open(profile, context.secrets) as opened:
        yield opened


def amphi(service: RecorderService, letter: str):
    return next(r for r in service.load() if r.name.startswith(f"Amphi {letter}"))


# --- reading --------------------------------------------------------------------------------


def test_list_shows_rest_and_web_fields_and_modes(service) -> None:
    recorders = {r.name: r for r in service.load()}
    assert len(recorders) == 5
    a, b, c = (recorders["Amphi A"], recorders["Amphi B (managed, email)"],
               recorders["Amphi C (auto publish)"])
    assert (a.fields.address_ip, a.fields.salt, a.fields.directory) == (
        "192.168.1.10", "s3cr3t", "amphiA")
    assert a.mode.value == "manual-claim" and a.files_waiting == 13
    assert b.mode.value == "manager-notified" and b.manager_username == "manager1"
    assert b.additional_usernames == ("teacher2",) and b.files_waiting == 2
    assert c.mode.value == "auto-publish" and c.type_title == "Other"


def test_without_a_web_login_web_fields_are_unavailable_with_the_reason(
    sandbox_pod, context
) -> None:
    profile = sandbox_pod.profile(context)
    profile.pod_username = ""
    with RecorderService.open(profile, context.secrets) as service:
        recorders = service.load()
        assert recorders and all(not r.web_available for r in recorders)
        assert all(r.fields.salt is None and r.fields.directory is None for r in recorders)
        assert "no Pod username" in recorders[0].web_unavailable_reason
        assert recorders[0].mode.value == "unknown"
        # REST fields still save; web-only ones are refused before anything is sent.
        report = service.save(recorders[0], replace(recorders[0].fields, name="Amphi A1"))
        assert report.via_rest == ["name"] and report.ok
        with pytest.raises(RecmanagerError, match="web session"):
            service.save(recorders[0], replace(recorders[0].fields, salt="x" * 20))


def test_a_staff_web_login_without_superuser_rights(sandbox_pod, context) -> None:
    profile = sandbox_pod.profile(context, user="manager1")
    with RecorderService.open(profile, context.secrets) as service:
        recorders = service.load()
        assert len(recorders) == 5 and not any(r.web_available for r in recorders)
        assert "superuser" in recorders[0].web_unavailable_reason
        assert not service.web_available


def test_a_wrong_password_is_the_reason_given(sandbox_pod, context) -> None:
    from recmanager.secrets import SecretKind

    profile = sandbox_pod.profile(context)
    context.secrets.set(profile.name, SecretKind.POD_PASSWORD, "wrong-password")
    with RecorderService.open(profile, context.secrets) as service:
        assert not service.web_available
        assert "refused the web login" in service.web_reason


# --- every field round-trips ---------------------------------------------------------------

REST_CHANGES = {
    "name": "Amphi A (renamed)",
    "description": "Ground floor, left door",
    "address_ip": "2001:db8::10",
    "recording_type": "audiovideocast",
}


@pytest.mark.parametrize("field_name", sorted(REST_CHANGES))
def test_each_rest_field_round_trips(service, field_name) -> None:
    before = amphi(service, "A")
    report = service.save(before, replace(before.fields, **{field_name: REST_CHANGES[field_name]}))
    assert report.via_rest == [field_name] and report.via_web == [] and report.ok
    again = service.client.recorder(before.id)
    assert getattr(again, field_name) == REST_CHANGES[field_name]
    assert service.read(before.id).fields.salt == "s3cr3t"  # the web fields were not touched


@pytest.mark.slow
def test_each_web_field_round_trips(service) -> None:
    before = amphi(service, "A")
    teacher1 = service.client.find_user("teacher1")
    teacher2 = service.client.find_user("teacher2")
    changes = {
        "salt": "rotated-key-0123456789",
        "directory": "amphiA2",
        "manager_id": teacher1.id,
        "type_id": 2,
        "publication_auto": True,
        "additional_user_ids": (teacher2.id,),
    }
    for name, value in changes.items():
        current = service.read(before.id)
        report = service.save(current, replace(current.fields, **{name: value}))
        assert report.via_web == [name] and report.via_rest == [], name
        assert report.ok, report.summary()
        assert getattr(service.web.recorder_settings(before.id), name) == value, name
    after = service.read(before.id)
    assert after.manager_username == "teacher1" and after.type_title == "Lecture"
    assert after.mode.value == "auto-publish"
    assert after.fields.name == "Amphi A"  # the admin form re-sent the REST fields unchanged


def test_rest_and_web_in_one_save_say_which_went_where(service) -> None:
    before = amphi(service, "A")
    draft = replace(before.fields, name="Amphi A bis", address_ip="192.168.1.11",
                    salt="another-key-42", directory="amphiAbis")
    report = service.save(before, service.with_users(draft, "manager1", ["teacher2"]))
    assert report.via_rest == ["name", "address_ip"]
    assert report.via_web == ["salt", "manager_id", "directory", "additional_user_ids"]
    assert "REST" in report.summary() and "web session" in report.summary()
    after = report.after
    assert (after.fields.name, after.fields.address_ip, after.fields.salt) == (
        "Amphi A bis", "192.168.1.11", "another-key-42")
    assert after.manager_username == "manager1" and after.additional_usernames == ("teacher2",)


def test_a_web_failure_after_the_rest_part_says_what_is_saved(service) -> None:
    before = amphi(service, "A")
    # The web session expires and the password was changed meanwhile: the login fails.
    service.web.http.session.cookies.clear()
    service.web._password = "changed-meanwhile"
    with pytest.raises(DoneWithWarning) as caught:  # done in part: never "failed"
        service.save(before, replace(before.fields, name="Amphi A2", salt="y" * 20))
    assert "Saved over REST: Name. Not saved, the web session failed: Hash key." in str(
        caught.value)
    assert isinstance(caught.value.__cause__, PodAuthError)
    assert service.client.recorder(before.id).name == "Amphi A2"


def test_a_failure_before_anything_is_saved_stands(service) -> None:
    before = amphi(service, "A")
    service.web.http.session.cookies.clear()
    service.web._password = "changed-meanwhile"
    with pytest.raises(PodAuthError):  # nothing was saved: the error stands
        service.save(before, replace(before.fields, salt="y" * 20))


def test_create_a_recorder_through_the_admin_form(service) -> None:
    from recmanager.recorders.model import RecorderFields
    from recmanager.recorders.validation import generate_hash_key

    key = generate_hash_key()
    draft = service.with_users(RecorderFields(
        name="Salle F", address_ip="10.0.0.60", recording_type="video", salt=key,
        directory="salleF", type_id=2, publication_auto=False), "teacher1", [])
    report = service.save(None, draft)
    assert report.created and report.ok and report.via_rest == []
    created = service.read(report.recorder_id)
    assert created.fields.salt == key and created.manager_username == "teacher1"
    assert created.fields.site_ids == (1,)
    assert service.client.recorder(report.recorder_id).address_ip == "10.0.0.60"


# --- validation against the server --------------------------------------------------------


@pytest.mark.parametrize(("change", "field_name"), [
    ({"address_ip": "192.168.1.20"}, "address_ip"),  # Amphi B's
    ({"address_ip": "::ffff:192.168.1.20"}, "address_ip"),
    ({"address_ip": "192.168.1.256"}, "address_ip"),
    ({"name": "amphi b (MANAGED, email)"}, "name"),
    ({"directory": "amphiB"}, "directory"),
    ({"directory": "../etc"}, "directory"),
    ({"salt": ""}, "salt"),
    ({"type_id": 99}, "type_id"),
])
def test_bad_input_is_refused_before_anything_is_sent(service, change, field_name) -> None:
    before = amphi(service, "A")
    with pytest.raises(ValidationError) as caught:
        service.save(before, replace(before.fields, **change))
    assert field_name in caught.value.fields
    assert service.read(before.id).fields == before.fields


def test_manager_must_be_a_known_staff_user(service) -> None:
    before = amphi(service, "A")
    with pytest.raises(ValidationError) as caught:
        service.save(before, service.with_users(before.fields, "student1", []))
    assert "not staff" in caught.value.fields["manager_id"][0]
    with pytest.raises(ValidationError) as caught:
        service.with_users(before.fields, "nobody-here", [])
    assert "manager_id" in caught.value.fields
    assert service.read(before.id).fields.manager_id is None


# --- notify key ----------------------------------------------------------------------------


def test_key_checks_match_dotted_ip_and_mismatch(service) -> None:
    a = amphi(service, "A")
    right = hashlib.md5(b"192_168_1_10s3cr3t").hexdigest()
    assert check_key(a, right).verdict is KeyVerdict.MATCH
    dotted = check_key(a, hashlib.md5(b"192.168.1.10s3cr3t").hexdigest())
    assert dotted.verdict is KeyVerdict.DOTTED_IP and "dots" in dotted.message
    assert check_key(a, hashlib.md5(b"192_168_1_10other").hexdigest()).verdict is (
        KeyVerdict.MISMATCH)


def test_notify_url_is_what_pod_accepts_and_the_real_call(service, sandbox_pod) -> None:
    b = amphi(service, "B")
    details = notify_details(service.profile, b, "b1.mp4")
    assert details.key == hashlib.md5(b"192_168_1_20abc").hexdigest()
    assert details.mediapath == f"{sandbox_pod.deposit_root}/amphiB/b1.mp4"
    assert "recordingPlace=192_168_1_20" in details.url
    mails = len(sandbox_pod.outbox_files())
    result = call_notify(service.profile, details.url)
    assert result.accepted and result.reply == "ok"
    assert len(sandbox_pod.outbox_files()) == mails + 1
    with pytest.raises(ValidationError):
        notify_details(service.profile, b, "../amphiA/lecture-01.mp4")
    wrong = replace(b, fields=replace(b.fields, salt="not-the-key"))
    refused = call_notify(service.profile, notify_details(service.profile, wrong, "b1.mp4").url)
    assert not refused.accepted and "key is not valid" in refused.reply


# --- sanity checks: each triggered, then fixed -----------------------------------------------


@pytest.fixture
def deposit(sandbox_pod, context, service):
    from recmanager.deposit import open_deposit

    with open_deposit(service.profile, context) as opened:
        yield opened


def findings(service, deposit, kind, **kwargs):
    return [f for f in run_checks(service, deposit, **kwargs).findings if f.kind is kind]


def test_orphan_folder_found_then_fixed_by_creating_its_recorder(
    service, deposit, context, sandbox_pod
) -> None:
    from recmanager.recorders.model import RecorderFields

    stray = sandbox_pod.deposit_root / "stray"
    stray.mkdir()
    (stray / "readme.txt").write_text("Pod's cron skips this file\n", encoding="utf-8")
    (orphan,) = findings(service, deposit, FindingKind.ORPHAN_FOLDER)
    assert orphan.subject == "unknowndir" and orphan.target == {"directory": "unknowndir"}
    (stray / "lost.mov").write_bytes(b"\0" * 100)
    assert len(findings(service, deposit, FindingKind.ORPHAN_FOLDER)) == 2
    (stray / "lost.mov").unlink()
    with pytest.raises(RecmanagerError, match="needs your choices"):
        apply_fix(orphan, service, deposit, db=context.db)
    draft = RecorderFields(name="Unknown room", address_ip="10.9.9.9", salt="k" * 20,
                           directory=orphan.target["directory"], type_id=1,
                           publication_auto=False, additional_user_ids=())
    assert service.save(None, draft).ok
    assert findings(service, deposit, FindingKind.ORPHAN_FOLDER) == []


def test_missing_folder_found_then_created(service, deposit, sandbox_pod, context) -> None:
    before = amphi(service, "B")
    service.save(before, replace(before.fields, directory="amphiB-new"))
    (missing,) = findings(service, deposit, FindingKind.MISSING_FOLDER)
    assert missing.target["directory"] == "amphiB-new"
    apply_fix(missing, service, deposit, db=context.db)
    assert (sandbox_pod.deposit_root / "amphiB-new").is_dir()
    assert findings(service, deposit, FindingKind.MISSING_FOLDER) == []


def test_duplicate_ip_found_then_fixed(service, deposit) -> None:
    b = amphi(service, "B")
    # Pod's admin form stores an IPv4-mapped address as typed: the unique index misses it.
    settings = service.web.recorder_settings(b.id)
    service.web.save_recorder(replace(settings, address_ip="::ffff:192.168.1.10"), b.id)
    (duplicate,) = findings(service, deposit, FindingKind.DUPLICATE_IP)
    assert duplicate.subject == "192.168.1.10" and set(duplicate.target["recorder_ids"]) == {
        1, b.id}
    current = service.read(b.id)
    service.save(current, replace(current.fields, address_ip="192.168.1.21"))
    assert findings(service, deposit, FindingKind.DUPLICATE_IP) == []


def test_manual_claim_recorders_when_the_server_cannot_claim(service, deposit) -> None:
    assert findings(service, deposit, FindingKind.MANUAL_CLAIM_IMPOSSIBLE) == []
    service.profile.extra[MANUAL_CLAIMING] = False
    stuck = findings(service, deposit, FindingKind.MANUAL_CLAIM_IMPOSSIBLE)
    assert {f.subject for f in stuck} == {"Amphi A", "Studio D (audiovideocast, manual)"}
    for finding in stuck:
        current = service.read(finding.target["recorder_id"])
        service.save(current, service.with_users(current.fields, "manager1", []))
    assert findings(service, deposit, FindingKind.MANUAL_CLAIM_IMPOSSIBLE) == []


def test_treatment_row_whose_file_is_gone(service, deposit, sandbox_pod, context) -> None:
    (sandbox_pod.deposit_root / "amphiA" / "lecture-05.mp4").unlink()
    (gone,) = findings(service, deposit, FindingKind.TREATMENT_FILE_GONE)
    assert gone.subject.endswith("amphiA/lecture-05.mp4")
    assert "deleted" in apply_fix(gone, service, deposit, db=context.db)
    (entry,) = audit.entries(context.db)
    assert (entry.action, entry.result) == ("sanity-delete-treatment", "ok")
    assert findings(service, deposit, FindingKind.TREATMENT_FILE_GONE) == []
    assert all(not t.file.endswith("lecture-05.mp4") for t in service.client.treatments())


def test_files_that_never_completed(service, deposit, sandbox_pod, context) -> None:
    from recmanager.deposit.scan import Scanner

    folder: Path = sandbox_pod.deposit_root / "salleE"
    (folder / "empty.mp4").write_bytes(b"")
    (folder / "e3.mp4.recmanager-upload").write_bytes(b"\0" * 1000)
    (folder / "slow.mp4").write_bytes(b"\0" * 5000)
    scanner = Scanner(context.db, service.profile.name, quiet_period_s=1.0)
    scanner.scan(deposit)  # every file is first seen here
    time.sleep(1.2)  # past the quiet period: the files that stayed still are complete
    (folder / "slow.mp4").write_bytes(b"\0" * 9000)  # this one is still growing
    never = findings(service, deposit, FindingKind.NEVER_COMPLETED, scanner=scanner,
                     stalled_after_s=1.0)
    assert {Path(f.subject).name: f.target["size"] for f in never} == {
        "empty.mp4": 0, "e3.mp4.recmanager-upload": 1000, "slow.mp4": 9000}
    assert "minutes after it appeared" in next(f.message for f in never if "slow" in f.subject)
    for finding in never:
        apply_fix(finding, service, deposit, db=context.db)
    assert not (folder / "empty.mp4").exists() and not (folder / "slow.mp4").exists()
    assert findings(service, deposit, FindingKind.NEVER_COMPLETED, scanner=scanner,
                    stalled_after_s=1.0) == []
    assert (folder / "e1.mp4").exists()
