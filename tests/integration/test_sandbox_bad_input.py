"""Bad input to the sandbox Pod gets Pod's answer (DRF's errors, the notify texts, 404s),
never a crash: the same server process answers normally afterwards."""

from __future__ import annotations

import os

import pytest
import requests

from tests.fixtures.sandbox import SandboxPod


def send(pod: SandboxPod, method: str, path: str, **kwargs) -> requests.Response:
    kwargs.setdefault("headers", pod.auth_headers())
    return requests.request(method, pod.url(path), timeout=30, allow_redirects=False, **kwargs)


def recording(pod: SandboxPod, **fields) -> dict:
    body = {"title": "Cours", "source_file": f"{pod.deposit_root}/amphiA/lecture-05.mp4",
            "user": pod.url("rest/users/4/"), "recorder": pod.url("rest/recorder/1/")}
    body.update(fields)
    return body


@pytest.fixture
def pod(sandbox_pod: SandboxPod) -> SandboxPod:
    yield sandbox_pod
    # whatever the test sent, the same server still answers
    assert send(sandbox_pod, "GET", "rest/").status_code == 200
    os.kill(sandbox_pod.server_pid, 0)


def test_malformed_json_is_a_400_parse_error(pod: SandboxPod) -> None:
    headers = {**pod.auth_headers(), "Content-Type": "application/json"}
    response = send(pod, "POST", "rest/recording/", data=b'{"title": ', headers=headers)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


def test_a_json_list_instead_of_an_object(pod: SandboxPod) -> None:
    response = send(pod, "POST", "rest/recording/", json=["title"])
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Invalid data. Expected a dictionary, but got list."]
    }


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"title": ["a", "list"]}, {"title": ["Not a valid string."]}),
        ({"user": 4}, {"user": ["Incorrect type. Expected URL string, received int."]}),
        ({"user": "not a url"}, {"user": ["Invalid hyperlink - No URL match."]}),
        ({"recorder": "{base}rest/recorder/999/"},
         {"recorder": ["Invalid hyperlink - Object does not exist."]}),
        ({"recorder": "{base}rest/users/1/"},
         {"recorder": ["Invalid hyperlink - Incorrect URL match."]}),
        ({"type": "podcast"}, {"type": ["\"podcast\" is not a valid choice."]}),
    ],
)
def test_wrong_types_are_field_errors(pod: SandboxPod, fields: dict, errors: dict) -> None:
    fields = {key: value.format(base=pod.base_url) if isinstance(value, str) else value
              for key, value in fields.items()}
    response = send(pod, "POST", "rest/recording/", json=recording(pod, **fields))
    assert response.status_code == 400
    assert response.json() == errors
    assert (pod.deposit_root / "amphiA" / "lecture-05.mp4").exists()  # nothing processed


@pytest.mark.parametrize("outside", ["/etc/passwd", "{deposit}/../credentials.json",
                                     "{deposit}/amphiA", "{deposit}/amphiA/nothing.mp4"])
def test_a_path_outside_the_deposit_root_is_refused(pod: SandboxPod, outside: str) -> None:
    path = outside.format(deposit=pod.deposit_root)
    response = send(pod, "POST", "rest/recording/", json=recording(pod, source_file=path))
    assert response.status_code == 400
    assert response.json() == {"source_file": [f'"{path}" is not a valid path choice.']}
    assert (pod.data_dir / "credentials.json").exists()


def test_an_empty_source_file_is_the_blank_choice(pod: SandboxPod) -> None:
    """Pod's serializer lists a blank choice ("---------"), so "" is accepted once and nothing
    is processed; a second one is a duplicate."""
    first = send(pod, "POST", "rest/recording/", json=recording(pod, source_file=""))
    assert first.status_code == 201 and first.json()["source_file"] == ""
    again = send(pod, "POST", "rest/recording/", json=recording(pod, source_file=""))
    assert again.json() == {"source_file": ["Recording with this source file already exists."]}


def test_a_source_file_is_accepted_exactly_when_options_lists_it(pod: SandboxPod) -> None:
    """The serializer checks one path without listing the deposit; OPTIONS lists it all, as
    DRF does: both must agree, on links, hidden files, folders and odd spellings too."""
    root = pod.deposit_root
    (root / "amphiA" / "sub").mkdir()
    (root / "amphiA" / "sub" / "deep.mp4").write_bytes(b"x")
    (root / "amphiA" / ".hidden.mp4").write_bytes(b"x")
    (root / "top level é.mp4").write_bytes(b"x")
    links = {root / "amphiA" / "link.mp4": root / "amphiA" / "lecture-05.mp4",
             root / "amphiA" / "broken.mp4": root / "amphiA" / "gone.mp4",
             root / "linkdir": root / "amphiA",
             root / "amphiA" / "subdirlink": root / "amphiA" / "sub"}
    for link, target in links.items():
        link.symlink_to(target)
    try:
        check_source_files_against_options(pod)
    finally:
        for link in links:  # the reset does not take links away
            link.unlink()


def check_source_files_against_options(pod: SandboxPod) -> None:
    root = pod.deposit_root
    listed = {choice["value"] for choice in send(pod, "OPTIONS", "rest/recording/").json()[
        "actions"]["POST"]["source_file"]["choices"]}
    deposit = f"{root}/"
    candidates = [
        "", deposit, str(root), "amphiA/lecture-05.mp4", "/etc/passwd",
        *(deposit + name for name in (
            "amphiA/lecture-05.mp4", "amphiA/sub/deep.mp4", "amphiA/.hidden.mp4",
            "top level é.mp4", "amphiA/link.mp4", "amphiA/broken.mp4", "amphiA/gone.mp4",
            "linkdir/lecture-05.mp4", "linkdir", "amphiA/subdirlink", "amphiA/subdirlink/deep.mp4",
            "amphiA/sub", "amphiA", "amphiA//lecture-06.mp4", "amphiA/./lecture-06.mp4",
            "amphiA/sub/../lecture-06.mp4", "amphiA/lecture-06.mp4/", "AMPHIA/lecture-06.mp4",
            "amphiA/lecture-06.mp4\0", "../deposit/amphiA/lecture-06.mp4")),
    ]
    assert {deposit + "amphiA/sub/deep.mp4", deposit + "amphiA/broken.mp4", ""} <= listed
    recording = f"rest/recording/{send(pod, 'GET', 'rest/recording/').json()['results'][0]['id']}/"
    accepted = set()
    for path in candidates:
        response = send(pod, "PATCH", recording, json={"source_file": path})
        if response.status_code == 200:
            accepted.add(path)
        else:
            assert response.status_code == 400, (path, response.status_code, response.text[:300])
            assert response.json() == {"source_file": [f'"{path}" is not a valid path choice.']}
    assert accepted == listed & set(candidates)
    assert accepted >= {"", deposit + "amphiA/link.mp4", deposit + "top level é.mp4"}


def test_a_recording_for_a_non_staff_user_is_refused(pod: SandboxPod) -> None:
    response = send(pod, "POST", "rest/recording/",
                    json=recording(pod, user=pod.url("rest/users/6/")))  # guest1
    assert response.json() == {"user": ["Invalid hyperlink - Object does not exist."]}


@pytest.mark.parametrize("path", ["rest/recorder/999/", "rest/recorder/abc/",
                                  "rest/recordingfiletreatment/99999999999999999999/",
                                  "rest/videos/0/", "rest/users/-1/"])
def test_unknown_ids_are_404_with_a_detail(pod: SandboxPod, path: str) -> None:
    response = send(pod, "GET", path)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


def test_deleting_an_unknown_treatment_is_404(pod: SandboxPod) -> None:
    assert send(pod, "DELETE", "rest/recordingfiletreatment/999/").status_code == 404


@pytest.mark.parametrize("page", ["99999999999999999999999", "0", "-1", "abc", "2.5", "99"])
def test_bad_page_numbers_are_invalid_pages(pod: SandboxPod, page: str) -> None:
    response = send(pod, "GET", f"rest/recordingfiletreatment/?page={page}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_page_size_is_ignored(pod: SandboxPod) -> None:
    response = send(pod, "GET", "rest/recordingfiletreatment/?page_size=100")
    assert len(response.json()["results"]) == 12


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("id=abc", {"id": ["Enter a number."]}),
        ("recorder=999", {"recorder": [
            "Select a valid choice. That choice is not one of the available choices."]}),
        ("date_added=yesterday", {"date_added": ["Enter a valid date/time."]}),
    ],
)
def test_bad_filter_values_are_400(pod: SandboxPod, query: str, errors: dict) -> None:
    response = send(pod, "GET", f"rest/recordingfiletreatment/?{query}")
    assert response.status_code == 400
    assert response.json() == errors


def test_wrong_type_in_a_patch(pod: SandboxPod) -> None:
    response = send(pod, "PATCH", "rest/recordingfiletreatment/2/", json={"file_size": "big"})
    assert response.status_code == 400
    assert list(response.json()) == ["file_size"]
    assert "is required" in response.json()["file_size"][0]


def test_put_without_the_required_fields(pod: SandboxPod) -> None:
    response = send(pod, "PUT", "rest/recorder/1/", json={})
    assert response.status_code == 400
    assert response.json() == {"name": ["This field is required."],
                               "address_ip": ["This field is required."],
                               "sites": ["This field is required."]}


@pytest.mark.parametrize(
    ("params", "reply"),
    [
        ({"recordingPlace": "not_an_ip", "mediapath": "x", "key": "y"},
         "nok: address_ip not valid or recorder not found in this site"),
        ({"recordingPlace": "::1::", "mediapath": "x", "key": "y"},
         "nok: address_ip not valid or recorder not found in this site"),
        ({"recordingPlace": "192_168_1_10", "mediapath": "../../etc/passwd", "key": "y" * 500},
         "nok: key is not valid"),
        ({"recordingPlace": "192_168_1_10", "key": "y"},
         "nok: recordingPlace or mediapath or key are missing"),
    ],
)
def test_notify_garbage_gets_pods_text(pod: SandboxPod, params: dict, reply: str) -> None:
    response = requests.get(pod.url("record/recorder_notify/"), params=params, timeout=30)
    assert (response.status_code, response.text) == (200, reply)


@pytest.mark.parametrize("path", ["media/records/amphiA/../../credentials.json",
                                  "media/records/amphiA/%2e%2e/%2e%2e/credentials.json",
                                  "media/records/..%2F..%2Fcredentials.json",
                                  "media/records/amphiA/", "media/../credentials.json"])
def test_preview_never_leaves_its_folder(pod: SandboxPod, path: str) -> None:
    response = requests.get(pod.base_url + path, timeout=30)
    assert response.status_code == 404
    assert pod.tokens["admin"] not in response.text


def test_unsatisfiable_and_odd_ranges(pod: SandboxPod) -> None:
    url = pod.url("media/records/amphiA/lecture-02.mp4")
    size = (pod.deposit_root / "amphiA" / "lecture-02.mp4").stat().st_size
    response = requests.get(url, headers={"Range": f"bytes={size}-"}, timeout=30)
    assert (response.status_code, response.headers["Content-Range"]) == (416, f"bytes */{size}")
    several = requests.get(url, headers={"Range": "bytes=0-1,5-9"}, timeout=30)
    assert several.status_code == 200 and len(several.content) == size
    junk = requests.get(url, headers={"Range": "pages=1-2"}, timeout=30)
    assert junk.status_code == 200 and len(junk.content) == size


def login(pod: SandboxPod, username: str) -> requests.Session:
    session = requests.Session()
    session.get(pod.url("admin/login/"), timeout=30)
    session.post(pod.url("admin/login/"), timeout=30, data={
        "csrfmiddlewaretoken": session.cookies["csrftoken"], "username": username,
        "password": pod.passwords[username], "next": "/admin/"})
    assert "sessionid" in session.cookies
    return session


def test_update_owner_bad_requests(pod: SandboxPod) -> None:
    session = login(pod, "admin")
    url = pod.url("video/updateowner/put/2/")
    headers = {"X-CSRFToken": session.cookies["csrftoken"], "Referer": pod.base_url,
               "Content-Type": "application/json"}

    def post(body: object, **kwargs) -> requests.Response:
        return session.post(url, json=body, headers=kwargs.get("headers", headers), timeout=30)

    assert post({"videos": [], "owner": 4}).json() == {
        "success": False, "detail": "Bad request: Please one or more fields are invalid"}
    assert post({"videos": [1], "owner": 999}).json() == {
        "success": False, "detail": "New owner or Old owner does not exist"}
    assert post({"videos": [999, "x"], "owner": 4}).json() == {
        "success": True, "detail": "One or more videos not updated"}
    assert session.get(url, timeout=30).json() == {
        "success": False, "detail": "Method not allowed: Please use post method"}
    # a malformed body is an error page in Pod too (json.loads fails): a 500, not a crash
    malformed = session.post(url, data=b"{videos", headers=headers, timeout=30)
    assert malformed.status_code == 500
    no_referer = post({"videos": [1], "owner": 4},
                      headers={"X-CSRFToken": session.cookies["csrftoken"]})
    assert no_referer.status_code == 403
    staff = login(pod, "teacher1")
    refused = staff.post(url, json={"videos": [1], "owner": 4}, timeout=30,
                         allow_redirects=False, headers={
                             "X-CSRFToken": staff.cookies["csrftoken"], "Referer": pod.base_url})
    assert refused.status_code == 302 and "referrer=" in refused.headers["Location"]
    owners = {video["id"]: video["owner"] for video in send(pod, "GET", "rest/videos/").json()[
        "results"]}
    assert owners == {1: pod.url("rest/users/2/"), 2: pod.url("rest/users/2/")}


def test_web_forms_with_bad_input_re_render(pod: SandboxPod) -> None:
    session = login(pod, "admin")
    token = session.cookies["csrftoken"]
    no_recorder = session.get(pod.url("record/add_recording/?mediapath=x"), timeout=30)
    assert no_recorder.status_code == 403
    claim = session.post(pod.url("record/add_recording/?recorder=1"), timeout=30, data={
        "csrfmiddlewaretoken": token, "type": "video", "recorder": "1", "user": "3",
        "title": "", "source_file": "/etc/passwd"})
    assert claim.status_code == 200
    assert claim.text.count('class="errorlist') >= 3  # title, user (not staff), source_file
    assert session.get(pod.url("record/delete_record/999/"), timeout=30).status_code == 404
    change = session.post(pod.url("admin/recorder/recorder/1/change/"), timeout=30, data={
        "csrfmiddlewaretoken": token, "name": "Amphi A", "address_ip": "999.1.1.1",
        "recording_type": "video", "type": "1", "directory": "amphiB", "sites": "1"})
    assert change.status_code == 200 and "errorlist" in change.text
    no_csrf = requests.post(pod.url("record/delete_record/2/"), data={"agree": "on"},
                            cookies={"sessionid": session.cookies["sessionid"]}, timeout=30)
    assert no_csrf.status_code == 403
    assert (pod.deposit_root / "amphiA" / "lecture-02.mp4").exists()


def test_web_pages_need_staff(pod: SandboxPod) -> None:
    student = requests.Session()
    page = student.get(pod.url("record/claim_record/"), timeout=30, allow_redirects=False)
    assert page.status_code == 302
    assert page.headers["Location"] == "/admin/login/?referrer=/record/claim_record/"
    staff = login(pod, "teacher1")
    assert staff.get(pod.url("record/claim_record/"), timeout=30).status_code == 200
    refused = staff.get(pod.url("record/delete_record/2/"), timeout=30, allow_redirects=False)
    assert refused.status_code == 302 and "referrer=/record/delete_record/2/" in \
        refused.headers["Location"]  # only superusers (or the permission) may delete
    assert (pod.deposit_root / "amphiA" / "lecture-02.mp4").exists()
