"""Recorder validation, the hash-key generator and the REST/web split, on plain inputs."""

from __future__ import annotations

import re

import pytest

from recmanager.errors import RecmanagerError, ValidationError
from recmanager.recorders.mode import RecorderMode
from recmanager.recorders.model import RecorderFields, RecorderInfo
from recmanager.recorders.notify import server_path
from recmanager.recorders.saving import mismatches, plan_channels
from recmanager.recorders.validation import (
    UserRef,
    folder_problem,
    generate_hash_key,
    normalise_ip,
    validate_recorder,
)

STAFF = UserRef(id=2, username="manager1", is_staff=True)
STUDENT = UserRef(id=4, username="student1", is_staff=False)


def recorder(rid: int, name: str, ip: str, folder: str, manager: int | None = None) -> RecorderInfo:
    return RecorderInfo(
        id=rid,
        fields=RecorderFields(name=name, address_ip=ip, directory=folder, salt="k" * 10,
                              manager_id=manager, type_id=1, publication_auto=False,
                              additional_user_ids=()),
        web_available=True,
    )


EXISTING = [
    recorder(1, "Amphi A", "192.168.1.10", "amphiA"),
    recorder(2, "Amphi B", "2001:db8::20", "amphiB", manager=2),
]


def draft(**changes) -> RecorderFields:
    base = dict(name="Salle E", address_ip="10.0.0.51", directory="salleE", salt="abcdefgh12",
                type_id=1, manager_id=None, publication_auto=False, additional_user_ids=())
    base.update(changes)
    return RecorderFields(**base)


def problems(candidate: RecorderFields, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        validate_recorder(candidate, recorder_id=kwargs.pop("recorder_id", None),
                          existing=EXISTING, type_ids=[1, 2], **kwargs)
    return caught.value.fields


def test_a_good_recorder_passes_and_its_ip_is_normalised() -> None:
    checked = validate_recorder(draft(address_ip=" 2001:DB8:0:0::51 "), recorder_id=None,
                                existing=EXISTING, type_ids=[1])
    assert checked.address_ip == "2001:db8::51"
    assert validate_recorder(draft(manager_id=2, publication_auto=True), recorder_id=None,
                             existing=EXISTING, manager=STAFF, type_ids=[1]).manager_id == 2


@pytest.mark.parametrize("bad", ["", "192.168.1", "192.168.1.300", "10.0.0.1/24", "host.example",
                                 "192.168.001.010", "2001:db8:::1", "192_168_1_10"])
def test_not_an_ip_address(bad: str) -> None:
    assert "address_ip" in problems(draft(address_ip=bad))


@pytest.mark.parametrize("same", ["192.168.1.10", "::ffff:192.168.1.10", "2001:DB8::20",
                                  "2001:db8:0::20"])
def test_an_ip_another_recorder_has(same: str) -> None:
    message = problems(draft(address_ip=same))["address_ip"][0]
    assert "Amphi" in message


def test_editing_a_recorder_does_not_clash_with_itself() -> None:
    validate_recorder(draft(name="Amphi A", address_ip="192.168.1.10", directory="amphiA"),
                      recorder_id=1, existing=EXISTING, type_ids=[1])


@pytest.mark.parametrize("bad", ["", "   ", "amphi a", "x" * 201])
def test_bad_or_duplicate_names(bad: str) -> None:
    assert "name" in problems(draft(name=bad.replace("amphi a", "AMPHI A")))


@pytest.mark.parametrize("bad", ["", "..", ".", "a/b", "a\\b", "../etc", ".hidden", "-rf",
                                 "with space", "tab\there", "x" * 51, "nul\x00"])
def test_folder_must_be_one_safe_segment(bad: str) -> None:
    assert folder_problem(bad)
    assert "directory" in problems(draft(directory=bad))


def test_folder_unique_and_good_folders() -> None:
    assert "Amphi A" in problems(draft(directory="amphiA"))["directory"][0]
    for good in ("amphiA2", "salle_101", "Bât-C.2", "x" * 50):
        assert folder_problem(good) is None


def test_manager_must_be_staff_and_exist() -> None:
    assert "not staff" in problems(draft(manager_id=4), manager=STUDENT)["manager_id"][0]
    assert "does not exist" in problems(draft(manager_id=9), manager=None)["manager_id"][0]


def test_auto_publish_needs_a_manager() -> None:
    assert "publication_auto" in problems(draft(publication_auto=True))


@pytest.mark.parametrize("bad", ["", "with space", "x" * 51, "tab\tkey"])
def test_bad_hash_keys(bad: str) -> None:
    assert "salt" in problems(draft(salt=bad))


def test_video_type_and_recording_type() -> None:
    assert "type_id" in problems(draft(type_id=None))
    assert "type_id" in problems(draft(type_id=7))
    assert "recording_type" in problems(draft(recording_type="podcast"))


def test_every_problem_is_reported_at_once() -> None:
    found = problems(draft(name="", address_ip="nope", directory="../x", salt="", type_id=None))
    assert set(found) == {"name", "address_ip", "directory", "salt", "type_id"}


def test_without_a_web_session_only_rest_fields_are_checked() -> None:
    unknown = RecorderFields(name="Salle F", address_ip="10.0.0.60")
    assert validate_recorder(unknown, recorder_id=None, existing=EXISTING,
                             web_available=False).name == "Salle F"


def test_hash_keys_are_random_long_and_fit_pod() -> None:
    keys = {generate_hash_key() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        assert 32 <= len(key) <= 50
        assert re.fullmatch(r"[A-Za-z0-9_-]+", key)
        validate_recorder(draft(salt=key), recorder_id=None, existing=EXISTING, type_ids=[1])


def test_rest_and_web_channels() -> None:
    before = draft()
    after = draft(name="Salle E bis", address_ip="10.0.0.52", salt="rotated-key",
                  directory="salleE2", manager_id=2)
    rest, web = plan_channels(before, after, web_available=True)
    assert rest == ["name", "address_ip"]
    assert web == ["salt", "manager_id", "directory"]
    assert plan_channels(before, draft(name="X"), web_available=False) == (["name"], [])
    with pytest.raises(RecmanagerError, match="web session"):
        plan_channels(before, after, web_available=False)
    with pytest.raises(RecmanagerError, match="cannot create"):
        plan_channels(None, after, web_available=False)
    rest, web = plan_channels(None, after, web_available=True)
    assert rest == [] and "name" in web and "salt" in web


def test_mismatches_name_what_did_not_take() -> None:
    wanted = draft(address_ip="2001:db8::1", additional_user_ids=(3, 2))
    got = draft(address_ip="2001:DB8:0::1", additional_user_ids=(2, 3), salt="old")
    missed = mismatches(wanted, got, ["address_ip", "additional_user_ids", "salt"])
    assert [(m.field, m.wanted, m.got) for m in missed] == [("salt", "abcdefgh12", "old")]


def test_modes_and_paths() -> None:
    assert EXISTING[0].mode is RecorderMode.MANUAL_CLAIM
    assert EXISTING[1].mode is RecorderMode.MANAGER_NOTIFIED
    auto = recorder(3, "C", "10.0.0.3", "c", manager=2)
    auto.fields.publication_auto = True
    assert auto.mode is RecorderMode.AUTO_PUBLISH
    assert RecorderInfo(5, RecorderFields(), web_available=False).mode is RecorderMode.UNKNOWN
    assert server_path("/data/ftp-pod/ftp/", "amphiA", "r.mp4") == "/data/ftp-pod/ftp/amphiA/r.mp4"
    assert server_path("/data/ftp-pod/ftp", "amphiA") == "/data/ftp-pod/ftp/amphiA/"
    assert normalise_ip("::FFFF:10.0.0.1") == "10.0.0.1"
