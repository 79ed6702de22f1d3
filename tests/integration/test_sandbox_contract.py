"""Every exchange captured from a real Pod 4.1.0, replayed against the sandbox Pod.

Each exchange gets its own set-up from the seeded state (the captures changed the server's
state in order). Status, Content-Type, Allow, WWW-Authenticate and Location must match; JSON
bodies must have the same shape (keys, value kinds, hyperlink targets, pagination links) and
error bodies the same text. Only values that naturally differ are normalised: host, deposit
root, ids, dates, tokens, CSRF values, counts. Where the sandbox deliberately differs, the
difference is named in ``DEVIATIONS`` and applied by name.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from recmanager.pod.notify import notify_key
from tests.fixtures.faulty_http import CAPTURE_HOST, exchange_files, load_exchange
from tests.fixtures.sandbox import SandboxPod

CAPTURE_DEPOSIT = "/data/ftp-pod/ftp/"
# Capture user id -> seeded sandbox user id (admin, manager1, student1 keep theirs).
CAPTURE_USERS = {18: 4, 19: 6}

DEVIATIONS: dict[str, str] = {
    "rest_root_subset": "GET /rest/ lists only the routes of Pod's recorder interface (users, "
    "groups, owners, sites, types, videos, recording, recordingfile, recordingfiletreatment, "
    "recorder); Pod also lists channels, playlists, meetings and other apps.",
    "no_thumbnails": "The sandbox makes no thumbnails: a Video's `thumbnail` is null (Pod: a "
    "link to /rest/images/<id>/).",
    "no_encodings": "The sandbox does not encode: video_data.video_files has only `mp4` (the "
    "published source); Pod also lists its `ts` and `mp3` renditions.",
    "recorder_form_additional_users": "The sandbox runs with RECORDER_ADDITIONAL_FIELDS = "
    "('additional_users',), so the admin recorder form has that field too.",
}

ROOT_ROUTES = {"users", "groups", "owners", "sites", "types", "videos", "recording",
               "recordingfile", "recordingfiletreatment", "recorder"}


def numbers() -> list[int]:
    return [int(path.name[:2]) for path in exchange_files()]


# --- sending -------------------------------------------------------------------------------


class Replay:
    """Turns a captured request into one for the sandbox, and the capture into its terms."""

    def __init__(self, pod: SandboxPod) -> None:
        self.pod = pod
        self.host = pod.base_url.rstrip("/")
        self.deposit = str(pod.deposit_root) + "/"
        self.http = requests.Session()
        basic = base64.b64encode(f"admin:{pod.passwords['admin']}".encode()).decode()
        self.placeholders = {
            "<TOKEN>": pod.tokens["admin"],
            "<NONSTAFF_TOKEN>": pod.tokens["student1"],
            "<BASE64(admin:password)>": basic,
            "<PASSWORD>": pod.passwords["admin"],
        }

    def localise(self, value: Any) -> Any:
        """Capture host, deposit root and placeholders replaced, recursively."""
        if isinstance(value, str):
            value = value.replace(CAPTURE_HOST, self.host).replace(CAPTURE_DEPOSIT, self.deposit)
            for placeholder, replacement in self.placeholders.items():
                value = value.replace(placeholder, replacement)
            return value
        if isinstance(value, list):
            return [self.localise(item) for item in value]
        if isinstance(value, dict):
            return {key: self.localise(item) for key, item in value.items()}
        return value

    def send(self, exchange: dict, *, path: str | None = None, body: Any = None,
             session: requests.Session | None = None,
             edit: Callable[[Any], Any] | None = None) -> requests.Response:
        request = exchange["request"]
        headers = {name: self.localise(value) for name, value in request["headers"].items()
                   if name != "Cookie"}
        payload = self.localise(request["body"]) if body is None else body
        if edit is not None:
            payload = edit(payload)
        http = session or self.http
        if session is not None and "csrftoken" in session.cookies:
            token = session.cookies["csrftoken"]
            if isinstance(payload, dict) and "csrfmiddlewaretoken" in payload:
                payload = {**payload, "csrfmiddlewaretoken": token}
            if "X-CSRFToken" in headers:
                headers["X-CSRFToken"] = token
        kwargs: dict[str, Any] = {}
        if payload is not None:
            if headers.get("Content-Type") == "application/json":
                kwargs["data"] = json.dumps(payload)
            else:
                kwargs["data"] = payload
        url = self.host + self.localise(path or request["path"])
        return http.request(request["method"], url, headers=headers, allow_redirects=False,
                            timeout=30, **kwargs)

    def login(self, username: str = "admin") -> requests.Session:
        session = requests.Session()
        page = session.get(self.pod.url("admin/login/"), timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = session.post(
            self.pod.url("admin/login/?next=/admin/"),
            data={"csrfmiddlewaretoken": token, "username": username,
                  "password": self.pod.passwords[username], "next": "/admin/"},
            allow_redirects=False, timeout=30,
        )
        assert response.status_code == 302, response.text[:500]
        return session

    def rest(self, method: str, path: str, payload: Any = None) -> requests.Response:
        return self.http.request(method, self.pod.url(path), json=payload,
                                 headers=self.pod.auth_headers(), timeout=30)

    def claim(self, filename: str, *, user_id: int = 4, title: str = "Cours du mardi") -> dict:
        """A REST claim as in exchange 22; returns the created Recording."""
        response = self.rest("POST", "rest/recording/", {
            "user": self.pod.url(f"rest/users/{user_id}/"), "title": title,
            "source_file": self.deposit + filename, "type": "video",
            "recorder": self.pod.url("rest/recorder/1/"),
        })
        assert response.status_code == 201, response.text
        return response.json()

    def video_of(self, owner_id: int, title: str) -> dict:
        found = self.rest("GET", f"rest/videos/?owner={owner_id}").json()["results"]
        matches = [video for video in found if video["title"] == title]
        assert len(matches) == 1, found
        return matches[0]

    def treatment_id(self, filename: str) -> int:
        found = self.rest("GET", f"rest/recordingfiletreatment/?file={self.deposit}{filename}")
        return found.json()["results"][0]["id"]


def user_ids(text: str) -> str:
    """Capture user ids in URLs and JSON replaced by the seeded ones."""
    for captured, seeded in CAPTURE_USERS.items():
        text = text.replace(f"/rest/users/{captured}/", f"/rest/users/{seeded}/")
        text = text.replace(f"owner={captured}", f"owner={seeded}")
    return text


# --- comparing -----------------------------------------------------------------------------

ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$")
ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def kind(value: Any, replay: Replay) -> str:
    """What a JSON value is, with the parts that naturally differ left out."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if not isinstance(value, str):
        return type(value).__name__
    if value.startswith(replay.host + "/"):
        path = value[len(replay.host):]
        detail = re.match(r"^/rest/([a-z_]+)/\d+/$", path)
        if detail:
            return f"hyperlink:{detail.group(1)}"
        listing = re.match(r"^/rest/([a-z_]+)/(\?.*)?$", path)
        if listing:
            return f"endpoint:{listing.group(1)}"
        if path.startswith("/media/videos/"):
            return "media-url"
        return "url"
    if value.startswith(replay.deposit):
        return "deposit-path"
    if ISO_DATETIME.match(value):
        return "datetime"
    if ISO_DATE.match(value):
        return "date"
    return "str"


def assert_same_shape(captured: Any, actual: Any, replay: Replay, where: str = "$") -> None:
    if isinstance(captured, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert list(actual) == list(captured), f"{where}: keys {list(actual)} != {list(captured)}"
        for key, value in captured.items():
            if key in ("next", "previous") and "count" in captured:
                assert actual[key] is None or kind(actual[key], replay).startswith("endpoint")
                continue
            assert_same_shape(value, actual[key], replay, f"{where}.{key}")
        return
    if isinstance(captured, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        if captured and actual:
            # every item has the shape of some item on the other side (trimmed lists)
            for item in actual:
                assert_like_one_of(captured, item, replay, f"{where}[]")
            for item in captured:
                assert_like_one_of(actual, item, replay, f"{where}[]", reverse=True)
        return
    assert kind(actual, replay) == kind(captured, replay), (
        f"{where}: {actual!r} ({kind(actual, replay)}) vs captured {captured!r} "
        f"({kind(captured, replay)})"
    )


def assert_like_one_of(candidates: list, item: Any, replay: Replay, where: str,
                       reverse: bool = False) -> None:
    failures = []
    for candidate in candidates:
        try:
            if reverse:
                assert_same_shape(item, candidate, replay, where)
            else:
                assert_same_shape(candidate, item, replay, where)
            return
        except AssertionError as exc:
            failures.append(str(exc))
    raise AssertionError(failures[0])


def drop(body: Any, path: tuple[str, ...]) -> None:
    """Remove ``path`` ("*" = every list item) from a JSON body, for a named deviation."""
    if not path or body is None:
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for item in body:
            drop(item, rest)
    elif isinstance(body, dict) and head in body:
        if rest:
            drop(body[head], rest)
        else:
            del body[head]


def apply_deviation(name: str, captured: Any, actual: Any, paths: list[tuple[str, ...]],
                    *, both: bool = True) -> None:
    assert name in DEVIATIONS
    for path in paths:
        drop(captured, path)
        if both:
            drop(actual, path)


def check_response(exchange: dict, response: requests.Response, replay: Replay,
                   *, deviations: Callable[[Any, Any], None] | None = None) -> None:
    expected = exchange["response"]
    assert response.status_code == expected["status"], response.text[:2000]
    headers = expected["headers"]
    if "Content-Type" in headers:
        assert response.headers.get("Content-Type") == headers["Content-Type"]
    for name in ("Allow", "WWW-Authenticate"):
        assert response.headers.get(name) == headers.get(name), name
    if "Location" in headers:
        captured_location = replay.localise(headers["Location"])
        if captured_location.startswith("/"):
            assert response.headers["Location"] == captured_location
        else:
            assert kind(response.headers["Location"], replay) == kind(captured_location, replay)
    body = expected["body"]
    if body is None:
        if expected["status"] == 204:
            assert response.content == b""
        return
    if isinstance(body, str):
        if headers.get("Content-Type", "").startswith("text/plain"):
            assert response.text.splitlines()[0] == replay.localise(body)  # first line kept
        elif not headers.get("Content-Type", "").startswith("text/html"):
            assert response.text == replay.localise(body)
        elif exchange["request"]["path"].startswith("/record/recorder_notify/"):
            assert response.text == replay.localise(body)  # notify replies are text/html
        return
    captured = replay.localise(body)
    actual = response.json()
    if deviations is not None:
        deviations(captured, actual)
    if expected["status"] >= 400:
        assert actual == captured  # error texts are part of the contract
        return
    if "count" in captured:
        for link in ("next", "previous"):
            assert (actual[link] is None) == (captured[link] is None), link
            if captured[link] and actual["count"] == captured["count"]:
                assert actual[link] == captured[link]
    assert_same_shape(captured, actual, replay)


FORM_FIELD = re.compile(r"<(?:input|select|textarea|button)\b[^>]*?\bname=\"([^\"]+)\"")


def form_fields(html: str) -> set[str]:
    return set(FORM_FIELD.findall(html))


# --- the replays ---------------------------------------------------------------------------


@pytest.fixture
def replay(sandbox_pod: SandboxPod) -> Replay:
    session = Replay(sandbox_pod)
    yield session
    session.http.close()


def rest_exchange(number: int, replay: Replay, **kwargs: Any) -> requests.Response:
    return replay.send(load_exchange(number), **kwargs)


def test_every_exchange_has_a_replay() -> None:
    assert sorted(REPLAYS) == numbers()
    assert len(REPLAYS) >= 62


@pytest.mark.parametrize("number", numbers())
def test_exchange(number: int, replay: Replay) -> None:
    REPLAYS[number](replay, load_exchange(number))


def plain(replay: Replay, exchange: dict) -> None:
    """Exchanges that need nothing but the seeded state."""
    check_response(exchange, replay.send(exchange), replay)


def rest_root(replay: Replay, exchange: dict) -> None:
    response = replay.send(exchange)
    captured = replay.localise(exchange["response"]["body"])

    def subset(captured_body: dict, actual: dict) -> None:
        apply_deviation("rest_root_subset", captured_body, actual,
                        [(key,) for key in set(captured_body) - ROOT_ROUTES], both=False)

    check_response(exchange, response, replay, deviations=subset)
    assert set(response.json()) == ROOT_ROUTES <= set(captured)


def patch_ignored_fields(replay: Replay, exchange: dict) -> None:
    check_response(exchange, replay.send(exchange), replay)
    # salt, directory, manager, publication_auto unchanged: the old key still works by email.
    answer = requests.get(replay.pod.url("record/recorder_notify/"), timeout=30, params={
        "recordingPlace": "10_0_0_50", "mediapath": replay.deposit + "salleE/e1.mp4",
        "key": notify_key("10.0.0.50", "esalt"), "course_title": "e1.mp4"})
    assert answer.text == "ok"


def recorder_post_500(replay: Replay, exchange: dict) -> None:
    check_response(exchange, replay.send(exchange), replay)
    names = [item["name"] for item in replay.rest("GET", "rest/recorder/").json()["results"]]
    assert "Amphi Z" not in names


def rft_delete(replay: Replay, exchange: dict) -> None:
    record = replay.treatment_id("amphiA/lecture-10.mp4")
    response = replay.send(exchange, path=f"/rest/recordingfiletreatment/{record}/")
    check_response(exchange, response, replay)
    assert (replay.pod.deposit_root / "amphiA" / "lecture-10.mp4").exists()
    assert "lecture-10.mp4: job created" in replay.pod.run_cron()
    assert replay.treatment_id("amphiA/lecture-10.mp4") > record


def with_user_ids(replay: Replay, exchange: dict) -> None:
    response = replay.send(exchange, path=user_ids(exchange["request"]["path"]),
                           edit=lambda body: json.loads(user_ids(json.dumps(body))))
    check_response(exchange, response, replay)


def recording_post_201(replay: Replay, exchange: dict) -> None:
    with_user_ids(replay, exchange)
    source = replay.pod.deposit_root / "amphiA" / "lecture-01.mp4"
    assert not source.exists()  # moved out of the deposit folder (processing is synchronous)
    video = replay.video_of(4, "Cours du mardi")
    assert re.search(r"/media/videos/[0-9a-f]{64}/lecture-01_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d"
                     r"\.\d{6}\.mp4$", video["video"])
    assert replay.treatment_id("amphiA/lecture-01.mp4")  # REST leaves the RFT (see 59)


def recording_duplicate(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-03.mp4", title="Cours du lundi")
    redropped = replay.pod.deposit_root / "amphiA" / "lecture-03.mp4"
    shutil.copyfile(replay.pod.deposit_root / "amphiA" / "lecture-04.mp4", redropped)
    response = replay.send(exchange, edit=lambda body: json.loads(
        user_ids(json.dumps(body)).replace("amphiA/rec2.mp4", "amphiA/lecture-03.mp4")))
    exchange = json.loads(json.dumps(exchange).replace("amphiA/rec2.mp4",
                                                       "amphiA/lecture-03.mp4"))
    check_response(exchange, response, replay)


def recording_detail(replay: Replay, exchange: dict) -> None:
    recording = replay.claim("amphiA/lecture-01.mp4")
    response = replay.send(exchange, path=f"/rest/recording/{recording['id']}/")
    check_response(exchange, response, replay)
    assert response.json() == recording


def recording_options(replay: Replay, exchange: dict) -> None:
    response = replay.send(exchange)
    check_response(exchange, response, replay)
    choices = response.json()["actions"]["POST"]["source_file"]["choices"]
    names = {choice["display_name"] for choice in choices}
    # every file under the deposit root, claimable or not, as in Pod
    assert {"amphiA/notes.txt", "amphiD/d1.zip", "unknowndir/orphan.mp4"} <= names


def after_claim(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-01.mp4")
    check_response(exchange, replay.send(exchange, path=user_ids(exchange["request"]["path"])),
                   replay, deviations=video_deviations)


def video_deviations(captured: Any, actual: Any) -> None:
    apply_deviation("no_thumbnails", captured, actual, [("results", "*", "thumbnail"),
                                                        ("thumbnail",)])
    apply_deviation("no_encodings", captured, actual,
                    [("results", "*", "video_data", "video_files", "ts"),
                     ("results", "*", "video_data", "video_files", "mp3")], both=False)


def video_patch_owner(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-01.mp4")
    video = replay.video_of(4, "Cours du mardi")
    response = replay.send(exchange, path=f"/rest/videos/{video['id']}/")
    check_response(exchange, response, replay, deviations=video_deviations)
    assert response.json()["owner"] == replay.pod.url("rest/users/2/")
    assert response.json()["video"] == video["video"]  # files not moved


def user_videos_search(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-01.mp4")
    video = replay.video_of(4, "Cours du mardi")
    replay.rest("PATCH", f"rest/videos/{video['id']}/", {"owner": replay.pod.url("rest/users/2/")})
    response = replay.send(exchange)
    check_response(exchange, response, replay, deviations=video_deviations)
    assert [item["id"] for item in response.json()["results"]] == [video["id"]]


def notify_auto(replay: Replay, exchange: dict) -> None:
    shutil.copyfile(replay.pod.deposit_root / "amphiA" / "lecture-02.mp4",
                    replay.pod.deposit_root / "amphiC" / "c3.mp4")
    assert "c3.mp4: job created" in replay.pod.run_cron()
    check_response(exchange, replay.send(exchange), replay)
    assert not (replay.pod.deposit_root / "amphiC" / "c3.mp4").exists()
    assert replay.video_of(2, "c3.mp4")["owner"] == replay.pod.url("rest/users/2/")
    left = replay.rest("GET", f"rest/recordingfiletreatment/?file={replay.deposit}amphiC/c3.mp4")
    assert left.json()["count"] == 0


def notify_ok(replay: Replay, exchange: dict) -> None:
    before = len(replay.pod.outbox_files())
    check_response(exchange, replay.send(exchange), replay)
    mails = replay.pod.outbox_files()[before:]
    assert len(mails) == 1  # no manager: all superusers (admin) get the link
    mail = email.message_from_bytes(mails[0].read_bytes(), policy=email.policy.default)
    assert mail["To"] == "admin@example.org"
    assert (f"/record/add_recording/?mediapath={replay.deposit}amphiA/lecture-02.mp4"
            "&course_title=lecture-02.mp4&recorder=1") in mail.get_body(("plain",)).get_content()


def html_page(replay: Replay, exchange: dict, *, path: str | None = None,
              extra: frozenset[str] = frozenset(), login: bool = True) -> requests.Response:
    session = replay.login() if login else requests.Session()
    response = replay.send(exchange, path=path, session=session)
    check_response(exchange, response, replay)
    wanted = form_fields(exchange["response"]["body"])
    assert form_fields(response.text) == wanted | extra
    assert "csrftoken" in session.cookies
    return response


def admin_login_get(replay: Replay, exchange: dict) -> None:
    html_page(replay, exchange, login=False)


def admin_login_post(replay: Replay, exchange: dict) -> None:
    session = requests.Session()
    session.get(replay.pod.url("admin/login/"), timeout=30)
    response = replay.send(exchange, session=session)
    check_response(exchange, response, replay)
    assert "sessionid" in session.cookies


def recorder_change_get(replay: Replay, exchange: dict) -> None:
    assert "recorder_form_additional_users" in DEVIATIONS
    response = html_page(replay, exchange, extra=frozenset({"additional_users"}))
    assert 'name="salt" value="esalt"' in response.text
    assert 'name="directory" value="salleE"' in response.text
    assert '<option value="4" selected>' in response.text  # manager teacher1


def recorder_change_post(replay: Replay, exchange: dict) -> None:
    session = replay.login()
    session.get(replay.pod.url("admin/recorder/recorder/5/change/"), timeout=30)
    response = replay.send(exchange, session=session,
                           edit=lambda body: {**body, "user": "4"})
    check_response(exchange, response, replay)
    assert "messages" in session.cookies
    answer = requests.get(replay.pod.url("record/recorder_notify/"), timeout=30, params={
        "recordingPlace": "10_0_0_51", "mediapath": replay.deposit + "salleE/e1.mp4",
        "key": notify_key("10.0.0.51", "esalt-rotated"), "course_title": "e1.mp4"})
    assert answer.text == "ok"


def recorder_add_get(replay: Replay, exchange: dict) -> None:
    html_page(replay, exchange, extra=frozenset({"additional_users"}))


def claim_record_get(replay: Replay, exchange: dict) -> None:
    session = replay.login()
    response = replay.send(exchange, session=session)
    check_response(exchange, response, replay)
    # 13 amphiA files + d1.zip are manual-claim rows; email_sent rows are not listed
    assert "<h2>14 records found.</h2>" in response.text
    assert response.text.count('class="infinite-item"') == 12
    captured = replay.localise(exchange["response"]["body"])
    for pattern in (r'data-recid="/media/records/(\w+)/([\w.-]+)"',
                    r'href="/record/delete_record/(\d+)/"',
                    r'href="/record/add_recording/\?mediapath=([^&"]+)&recorder=(\d+)'
                    r'&course_title=([^"]+)"'):
        assert re.search(pattern, captured) and re.search(pattern, response.text), pattern
    assert f"mediapath={replay.deposit}amphiD/d1.zip&amp;recorder=4" in response.text or \
        f"mediapath={replay.deposit}amphiD/d1.zip&recorder=4" in response.text


def add_recording_get(replay: Replay, exchange: dict) -> None:
    response = html_page(replay, exchange)
    assert 'value="lecture-02.mp4"' in response.text


def add_recording_post(replay: Replay, exchange: dict) -> None:
    session = replay.login()
    page = replay.send(load_exchange(52), session=session)
    assert page.status_code == 200
    response = replay.send(exchange, session=session, edit=lambda body: {**body, "user": "4"})
    check_response(exchange, response, replay)
    assert not (replay.pod.deposit_root / "amphiA" / "lecture-02.mp4").exists()
    left = replay.rest("GET", f"rest/recordingfiletreatment/?file={replay.deposit}"
                       "amphiA/lecture-02.mp4")
    assert left.json()["count"] == 0  # the web claim deletes the RFT itself
    assert replay.video_of(4, "Cours du mercredi")


def delete_record_get(replay: Replay, exchange: dict) -> None:
    record = replay.treatment_id("amphiA/lecture-09.mp4")
    html_page(replay, exchange, path=f"/record/delete_record/{record}/")


def delete_record_post(replay: Replay, exchange: dict) -> None:
    record = replay.treatment_id("amphiA/lecture-09.mp4")
    session = replay.login()
    session.get(replay.pod.url(f"record/delete_record/{record}/"), timeout=30)
    response = replay.send(exchange, session=session, path=f"/record/delete_record/{record}/")
    check_response(exchange, response, replay)
    assert not (replay.pod.deposit_root / "amphiA" / "lecture-09.mp4").exists()
    left = replay.rest("GET", f"rest/recordingfiletreatment/{record}/")
    assert left.status_code == 404


def update_owner(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-01.mp4")
    video = replay.video_of(4, "Cours du mardi")
    replay.rest("PATCH", f"rest/videos/{video['id']}/", {"owner": replay.pod.url("rest/users/2/")})
    session = replay.login()
    session.get(replay.pod.url("video/dashboard/"), timeout=30)
    response = replay.send(exchange, session=session,
                           body={"videos": [video["id"]], "owner": 4})
    check_response(exchange, response, replay)
    moved = replay.video_of(4, "Cours du mardi")["video"]
    teacher_hashkey = replay.rest("GET", "rest/owners/4/").json()["hashkey"]
    assert f"/media/videos/{teacher_hashkey}/" in moved
    assert requests.get(moved, timeout=30).status_code == 200


def media_preview(replay: Replay, exchange: dict) -> None:
    response = replay.send(exchange)
    check_response(exchange, response, replay)
    size = (replay.pod.deposit_root / "amphiA" / "lecture-03.mp4").stat().st_size
    assert response.headers["Content-Length"] == str(size) == str(len(response.content))
    assert response.headers["Accept-Ranges"] == "bytes"


def media_missing(replay: Replay, exchange: dict) -> None:
    response = replay.send(exchange)
    check_response(exchange, response, replay)
    title = replay.localise(exchange["response"]["body"])
    assert title in re.sub(r"\s+", " ", response.text.replace("<title>\n", "<title>"))


def rft_lingering(replay: Replay, exchange: dict) -> None:
    replay.claim("amphiA/lecture-01.mp4")
    check_response(exchange, replay.send(exchange), replay)


# The names/ captures: Pod 4.1.0's recorder folder there was spelled "amphia".
FRENCH_NAME = "cours du lundi é.mp4"


def french(replay: Replay, exchange: dict) -> dict:
    """The capture in the sandbox's terms, with the French-named file deposited and listed."""
    shutil.copyfile(replay.pod.deposit_root / "amphiA" / "lecture-13.mp4",
                    replay.pod.deposit_root / "amphiA" / FRENCH_NAME)
    assert f"{FRENCH_NAME}: job created" in replay.pod.run_cron()
    return json.loads(json.dumps(exchange, ensure_ascii=False).replace("/amphia/", "/amphiA/"))


def french_rft_filter(replay: Replay, exchange: dict) -> None:
    exchange = french(replay, exchange)
    assert "%20du%20lundi%20%C3%A9.mp4" in exchange["request"]["path"]
    response = replay.send(exchange)
    check_response(exchange, response, replay)
    assert response.json()["results"][0]["file"] == replay.deposit + "amphiA/" + FRENCH_NAME


def french_claim(replay: Replay, exchange: dict) -> None:
    exchange = french(replay, exchange)
    response = replay.send(exchange)
    check_response(exchange, response, replay)
    assert response.json()["source_file"] == replay.deposit + "amphiA/" + FRENCH_NAME
    assert response.json()["title"] == "Cours du lundi é"


def french_video(replay: Replay, exchange: dict) -> None:
    """The video URL is percent-encoded as Pod 4.1 writes it; the title stays plain."""
    french_claim(replay, load_exchange(61))
    response = replay.send(exchange)
    captured = replay.localise(exchange["response"]["body"])
    actual = response.json()
    actual["results"] = [v for v in actual["results"] if v["title"] == "Cours du lundi é"]
    actual["count"] = captured["count"]
    video_deviations(captured, actual)
    assert_same_shape(captured, actual, replay)
    assert re.search(r"/media/videos/[0-9a-f]{64}/cours%20du%20lundi%20%C3%A9_"
                     r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.\d{6}\.mp4$",
                     actual["results"][0]["video"])


REPLAYS: dict[int, Callable[[Replay, dict], None]] = {
    1: rest_root, 2: plain, 3: plain, 4: plain, 5: patch_ignored_fields, 6: plain,
    7: recorder_post_500, 8: plain, 9: plain, 10: plain, 11: plain, 12: plain, 13: plain,
    14: plain, 15: rft_delete, 16: plain, 17: plain, 18: plain, 19: plain, 20: plain,
    21: plain, 22: recording_post_201, 23: with_user_ids, 24: with_user_ids,
    25: with_user_ids, 26: with_user_ids, 27: recording_duplicate, 28: recording_detail,
    29: recording_options, 30: after_claim, 31: after_claim, 32: after_claim,
    33: video_patch_owner, 34: user_videos_search, 35: plain, 36: plain, 37: plain, 38: plain,
    39: plain, 40: notify_ok, 41: notify_auto, 42: plain, 43: plain, 44: plain, 45: plain,
    46: admin_login_get, 47: admin_login_post, 48: recorder_change_get,
    49: recorder_change_post, 50: recorder_add_get, 51: claim_record_get,
    52: add_recording_get, 53: add_recording_post, 54: delete_record_get,
    55: delete_record_post, 56: update_owner, 57: media_preview, 58: media_missing,
    59: rft_lingering, 60: french_rft_filter, 61: french_claim, 62: french_video,
}


def test_deviations_are_all_used() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for name in DEVIATIONS:
        assert source.count(f'"{name}"') >= 2, name
