"""Every exchange captured from a real Pod 4.1.0, replayed over real HTTP to the client."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import pytest

from recmanager.errors import (
    PodAuthError,
    PodNotFound,
    PodPermissionError,
    PodServerError,
    PodValidationError,
    PodWebLoginUnavailable,
    ValidationError,
)
from recmanager.pod.html_forms import parse_forms
from recmanager.pod.model import RecorderSettings, Treatment, User, id_from_url
from recmanager.pod.notify import KeyVerdict, check_device_key, notify_url
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from tests.fixtures.faulty_http import (
    CAPTURE_HOST,
    Reply,
    captured_query,
    exchange_files,
    load_exchange,
    replay,
    reply_of,
)

TOKEN = "5e1f" * 10
EMPTY_PAGE = {"count": 0, "next": None, "previous": None, "results": []}
COOKIES = {"CSRF_COOKIE": "csrfcookie0123", "CSRF_TOKEN": "csrfform0123",
           "SESSIONID": "session0123", "MESSAGES_COOKIE": "messages0123"}


@pytest.fixture
def client(scripted_server):
    pod = PodClient(scripted_server.base_url, TOKEN, retries=0, timeout=(2, 5),
                    recheck_delays=(0.0,))
    yield pod
    pod.close()


def sent_body(server, method, path):
    return server.last(method, path).json()


def captured_body(number):
    text = json.dumps(load_exchange(number)["request"]["body"])
    return text


def localised(server, number):
    """The captured request body with the capture host replaced by the test server's."""
    return json.loads(captured_body(number).replace(CAPTURE_HOST, server.base_url))


def test_every_capture_is_covered_here():
    numbers = {int(p.name[:2]) for p in exchange_files()}
    assert numbers == set(range(1, 63))


def test_01_02_check_access_reads_root_and_recorders(scripted_server, client):
    replay(scripted_server, 1)
    replay(scripted_server, 2)
    sentence = client.check_access()
    assert sentence == (
        f"Token accepted: staff access to Pod at {scripted_server.base_url} (5 recorders)."
    )
    assert scripted_server.last("GET", "/rest/").headers["Authorization"] == f"Token {TOKEN}"


def test_02_03_39_recorders(scripted_server, client):
    replay(scripted_server, 2)
    replay(scripted_server, 3)
    recorders = client.recorders()
    assert [r.id for r in recorders] == [1, 2, 3, 5, 4]
    studio = recorders[-1]
    assert (studio.name, studio.address_ip, studio.recording_type) == (
        "Studio D (audiovideocast, manual)", "192.168.1.40", "audiovideocast")
    assert [id_from_url(u) for u in studio.site_urls] == [1]
    amphi = client.recorder(1)
    assert amphi.name == "Amphi A" and amphi.address_ip == "192.168.1.10"
    assert client.find_recorder("amphi a") == amphi
    assert client.find_recorder("4").id == 4
    assert client.find_recorder("nothing") is None
    basic = load_exchange(39)["response"]["body"]
    assert client.recorder(1).name == basic["name"]


def test_04_05_patch_recorder_sends_only_rest_fields(scripted_server, client):
    exchange4, exchange5 = load_exchange(4), load_exchange(5)
    scripted_server.add("PATCH", "/rest/recorder/5/", reply_of(exchange4), reply_of(exchange5))
    renamed = client.patch_recorder(5, name="Salle E (renamed)", address_ip="10.0.0.51")
    assert sent_body(scripted_server, "PATCH", "/rest/recorder/5/") == localised(scripted_server, 4)
    assert (renamed.name, renamed.address_ip) == ("Salle E (renamed)", "10.0.0.51")
    with pytest.raises(ValidationError) as refused:
        client.patch_recorder(5, salt="hacked", directory="otherdir", publication_auto=True)
    assert set(refused.value.fields) == {"salt", "directory", "publication_auto"}
    assert scripted_server.count("PATCH", "/rest/recorder/5/") == 1
    described = client.patch_recorder(5, description="<p>Room E, 2nd floor</p>", site_ids=[1])
    assert described.description == "<p>Room E, 2nd floor</p>"
    assert sent_body(scripted_server, "PATCH", "/rest/recorder/5/")["sites"] == [
        f"{scripted_server.base_url}/rest/sites/1/"]


def test_06_invalid_ip_is_shown_field_by_field(scripted_server, client):
    replay(scripted_server, 6)
    with pytest.raises(PodValidationError) as error:
        client.patch_recorder(5, address_ip="999.1.2.3")
    assert error.value.fields == {"address_ip": ["Enter a valid IPv4 or IPv6 address."]}
    assert "address_ip: Enter a valid IPv4 or IPv6 address." in str(error.value)


def test_07_server_error_keeps_the_first_line(scripted_server, client):
    replay(scripted_server, 7)
    with pytest.raises(PodServerError) as error:
        client.http.json("POST", "/rest/recorder/", json=load_exchange(7)["request"]["body"])
    assert error.value.status == 500
    assert "IntegrityError at /rest/recorder/" in str(error.value)


def test_08_09_treatments_follow_every_page(scripted_server, client):
    replay(scripted_server, 8)
    replay(scripted_server, 9)
    treatments = client.treatments()
    assert len(treatments) == 15
    assert scripted_server.count("GET", "/rest/recordingfiletreatment/") == 2
    first = treatments[0]
    assert first == Treatment(
        id=5, file="/data/ftp-pod/ftp/amphiB/b1.mp4", file_size=45677, recorder_id=2,
        type="video", date_added=datetime(2026, 11, 22, 2, 7, 25, 995803, tzinfo=UTC))
    assert (first.filename, first.directory) == ("b1.mp4", "amphiB")
    zips = [t for t in treatments if t.type == "audiovideocast"]
    assert [(t.id, t.recorder_id, t.file_size) for t in zips] == [(17, 4, 45963)]


def test_10_treatments_of_one_recorder(scripted_server, client):
    replay(scripted_server, 10)
    assert [(t.id, t.recorder_id) for t in client.treatments(5)] == [(18, 5), (19, 5)]


def test_11_page_past_the_end_is_not_found(scripted_server, client):
    replay(scripted_server, 11)
    with pytest.raises(PodNotFound, match="Invalid page"):
        client.http.json("GET", "/rest/recordingfiletreatment/?page=99")


def test_12_filter_with_an_url_is_a_field_error(scripted_server, client):
    replay(scripted_server, 12)
    with pytest.raises(PodValidationError) as error:
        client.http.json("GET", "/rest/recordingfiletreatment/",
                         params={"recorder": f"{scripted_server.base_url}/rest/recorder/1/"})
    assert list(error.value.fields) == ["recorder"]


def test_13_unknown_filters_return_the_whole_list(scripted_server, client):
    replay(scripted_server, 13)
    data = client.http.json("GET", "/rest/recordingfiletreatment/",
                            params={"require_manual_claim": "true", "foo": "bar"})
    assert data["count"] == 15
    assert [Treatment.from_json(item).id for item in data["results"]] == [5, 7]
    # ``next`` is re-anchored on the configured server, keeping its query.
    assert client.http.absolute(data["next"]) == (
        f"{scripted_server.base_url}/rest/recordingfiletreatment/"
        "?foo=bar&page=2&require_manual_claim=true")


def test_14_59_treatment_for_file(scripted_server, client):
    replay(scripted_server, 14)
    replay(scripted_server, 59)
    assert client.treatment_for_file("/data/ftp-pod/ftp/amphiA/lecture-10.mp4").id == 16
    lingering = client.treatment_for_file("/data/ftp-pod/ftp/amphiA/lecture-01.mp4")
    assert (lingering.id, lingering.recorder_id) == (11, 1)
    none = "/rest/recordingfiletreatment/?file=/data/ftp-pod/ftp/amphiA/none.mp4"
    scripted_server.add("GET", none, Reply(200, EMPTY_PAGE))
    assert client.treatment_for_file("/data/ftp-pod/ftp/amphiA/none.mp4") is None


def test_08_29_the_deposit_root_is_read_from_pod_s_own_rows(scripted_server, client):
    replay(scripted_server, 8)
    assert client.deposit_root() == ("/data/ftp-pod/ftp", "/data/ftp-pod/ftp/amphiB/b1.mp4")
    # No unclaimed row: the deposited files OPTIONS lists (absolute and below the root) tell.
    scripted_server.add("GET", "/rest/recordingfiletreatment/", Reply(200, EMPTY_PAGE))
    replay(scripted_server, 29)
    assert client.deposit_root() == (
        "/data/ftp-pod/ftp", "/data/ftp-pod/ftp/amphiA/lecture-02.mp4")
    scripted_server.add("OPTIONS", "/rest/recording/", Reply(403, {"detail": "no"}))
    assert client.deposit_root() is None


def test_15_delete_treatment(scripted_server, client):
    replay(scripted_server, 15)
    client.delete_treatment(16)
    assert scripted_server.count("DELETE", "/rest/recordingfiletreatment/16/") == 1


def test_16_17_find_users_by_login_or_email(scripted_server, client):
    replay(scripted_server, 16)
    replay(scripted_server, 17)
    teacher = client.find_user("teacher1")
    assert teacher == User(18, f"{scripted_server.base_url}/rest/users/18/", "teacher1", "Tea",
                           "Cher", "t1@example.org", True)
    assert teacher.display_name == "Tea Cher (teacher1)"
    student = client.find_user("s1@example.org")
    assert (student.username, student.is_staff) == ("student1", False)
    twice = load_exchange(17)["response"]["body"]
    twice = dict(twice, count=2, results=twice["results"] + [
        dict(twice["results"][0], id=33, username="student1-old")])
    scripted_server.add("GET", "/rest/users/?email=shared@example.org", Reply(200, twice))
    with pytest.raises(ValidationError, match="student1, student1-old"):
        client.find_user("shared@example.org")


def replay_whole(server, number: int) -> None:
    """A captured first page cut to a few rows (count and ``next`` untouched), served as
    the whole list it now shows: a cut page is no answer Pod could give, and a client that
    reads the other pages from the count would ask for rows that were cut away."""
    exchange = load_exchange(number)
    body = exchange["response"]["body"]
    exchange["response"]["body"] = dict(body, count=len(body["results"]), next=None)
    server.add("GET", exchange["request"]["path"], reply_of(exchange))


def test_18_users_list_and_staff_filter(scripted_server, client):
    replay_whole(scripted_server, 18)
    users = client.all_users()
    assert [u.username for u in users] == ["guest1", "teacher1", "bulk13", "bulk12"]
    assert [u.username for u in client.staff_users()] == ["teacher1", "bulk12"]


def test_19_20_21_types_sites_owners(scripted_server, client):
    for number in (19, 20):
        replay(scripted_server, number)
    replay_whole(scripted_server, 21)
    [video_type] = client.video_types()
    assert (video_type.id, video_type.title) == (1, "Other")
    [site] = client.sites()
    assert (site.id, site.domain) == (1, "pod.localhost:8000")
    owners = client.owners()
    assert [(o.id, o.user_id, o.hashkey[:8]) for o in owners] == [
        (18, 18, "36ab0ef0"), (3, 3, "f3ebfef8")]


def test_22_create_recording_sends_hyperlinks(scripted_server, client):
    replay(scripted_server, 22)
    recording = client.create_recording(
        "/data/ftp-pod/ftp/amphiA/lecture-01.mp4", "Cours du mardi", 18, 1, "video")
    assert sent_body(scripted_server, "POST", "/rest/recording/") == localised(
        scripted_server, 22)
    assert (recording.id, recording.user_id, recording.recorder_id) == (6, 18, 1)


@pytest.mark.parametrize(("number", "field", "call"), [
    (23, "title", ("", 18)),
    (24, "user", ("Cours", 3)),
    (25, "source_file", ("Cours", 18)),
    (27, "source_file", ("Cours bis", 18)),
])
def test_23_24_25_27_refused_recordings(scripted_server, client, number, field, call):
    replay(scripted_server, number)
    source = load_exchange(number)["request"]["body"]["source_file"]
    with pytest.raises(PodValidationError) as error:
        client.create_recording(source, call[0], call[1], 1)
    assert list(error.value.fields) == [field]
    assert scripted_server.count("POST", "/rest/recording/") == 1


def test_24_claim_for_a_non_staff_owner_explains_what_to_do(scripted_server, client):
    student = User(3, "", "student1", "", "", "s1@example.org", False)
    treatment = Treatment(8, "/data/ftp-pod/ftp/amphiA/lecture-02.mp4", 45677, 1, "video", None)
    with pytest.raises(PodPermissionError) as error:
        client.claim(treatment, student, "Cours")
    assert "not staff" in error.value.message and "reassign" in error.value.hint
    assert scripted_server.received == []


def test_26_an_integer_relation_is_refused(scripted_server, client):
    replay(scripted_server, 26)
    with pytest.raises(PodValidationError, match="Expected URL string"):
        client.http.json("POST", "/rest/recording/", json=load_exchange(26)["request"]["body"])


def test_28_29_30_recordings(scripted_server, client):
    for number in (28, 29, 30):
        replay(scripted_server, number)
    assert client.recording(6).title == "Cours du mardi"
    assert client.deposit_files() == [
        "/data/ftp-pod/ftp/amphiA/lecture-02.mp4", "/data/ftp-pod/ftp/amphiA/lecture-03.mp4"]
    assert [r.id for r in client.recordings()] == [1, 2, 3, 4, 5, 6]
    found = client.recording_for_source("/data/ftp-pod/ftp/amphiA/rec2.mp4")
    assert (found.id, found.user_id, found.title) == (2, 2, "Cours du lundi")
    assert client.recording_for_source("/data/ftp-pod/ftp/amphiA/lecture-05.mp4") is None


def test_31_find_the_video_a_claim_produced(scripted_server, client):
    replay(scripted_server, 31)
    [video] = client.videos(owner_id=18)
    assert (video.id, video.owner_id, video.type_id, video.encoded, video.duration) == (
        6, 18, 1, True, 3)
    assert video.file_name == "lecture-01_2026-11-22_02-16-05.162193.mp4"
    source = "/data/ftp-pod/ftp/amphiA/lecture-01.mp4"
    assert client.find_claimed_video(18, "Cours du mardi", source).id == 6
    assert client.find_claimed_video(18, "Autre titre", source) is None
    assert client.find_claimed_video(18, "Cours du mardi", "/x/lecture-1.mp4") is None
    assert client.find_claimed_video(18, "Cours du mardi", "/x/lecture.mp4") is None


def test_60_61_62_a_french_name_is_found_claimed_and_its_video_matched(scripted_server, client):
    """Pod 4.1 percent-encodes the video URL (``cours%20du%20lundi%20%C3%A9_…``)."""
    path = "/data/ftp-pod/ftp/amphia/cours du lundi é.mp4"
    replay(scripted_server, 60, path=f"/rest/recordingfiletreatment/?file={path}")
    replay(scripted_server, 61)
    replay(scripted_server, 62)
    treatment = client.treatment_for_file(path)
    assert (treatment.id, treatment.filename) == (8, "cours du lundi é.mp4")
    recording = client.create_recording(treatment.file, "Cours du lundi é", 2, 1)
    assert sent_body(scripted_server, "POST", "/rest/recording/") == localised(
        scripted_server, 61)
    assert (recording.id, recording.source_file) == (3, path)
    [video] = client.videos(owner_id=2)
    assert "%20du%20lundi%20%C3%A9_" in video.file_url
    assert video.file_name == "cours du lundi é_2026-12-04_18-28-09.846551.mp4"
    assert client.find_claimed_video(2, "Cours du lundi é", path).id == 3
    nfd = unicodedata.normalize("NFD", path)
    assert client.find_claimed_video(2, unicodedata.normalize("NFD", "Cours du lundi é"),
                                     nfd).id == 3
    assert client.find_claimed_video(2, "Cours du lundi é", "/x/cours du lundi.mp4") is None


def test_32_34_user_videos(scripted_server, client):
    replay(scripted_server, 32)
    replay(scripted_server, 34)
    [mine] = client.user_videos("teacher1")
    assert (mine.id, mine.title, mine.owner_username, mine.type_id) == (
        6, "Cours du mardi", "teacher1", 1)
    [found] = client.user_videos("manager1", search_title="mardi")
    assert found.owner_username == "manager1"


def test_33_patch_video_owner(scripted_server, client):
    replay(scripted_server, 33)
    video = client.patch_video_owner(6, 2)
    assert sent_body(scripted_server, "PATCH", "/rest/videos/6/") == localised(scripted_server, 33)
    assert (video.owner_id, video.additional_owner_ids) == (2, ())
    client.patch_video_owner(6, 2, additional_owner_ids=[18])
    assert sent_body(scripted_server, "PATCH", "/rest/videos/6/")["additional_owners"] == [
        f"{scripted_server.base_url}/rest/users/18/"]


@pytest.mark.parametrize(("number", "error", "words"), [
    (35, PodAuthError, "received no token with the request (GET /rest/recorder/)"),
    (36, PodAuthError, "refused the API token (Invalid token.)"),
    (37, PodPermissionError, "not staff"),
    (38, PodAuthError, "received no token"),
])
def test_35_to_38_auth_errors(scripted_server, client, number, error, words):
    replay(scripted_server, number)
    with pytest.raises(error) as raised:
        client.recorders()
    assert words in raised.value.message
    assert raised.value.hint


@pytest.mark.parametrize(("number", "salt"), [(40, "s3cr3t"), (41, "xyz"), (43, "s3cr3t")])
def test_40_41_43_notify_url_is_what_pod_receives(number, salt):
    exchange = load_exchange(number)
    path = exchange["request"]["path"]
    query = captured_query(number)
    ip = query["recordingPlace"].replace("_", ".")
    assert notify_url(CAPTURE_HOST + "/", ip, query["mediapath"], salt) == CAPTURE_HOST + path
    assert check_device_key(ip, salt, query["key"]).ok
    assert exchange["response"]["body"] in ("ok", "auto", (
        "nok: address_ip not valid or recorder not found in this site"))


def test_42_dotted_ip_key_is_recognised():
    exchange = load_exchange(42)
    key = exchange["request"]["path"].split("key=")[1].split("&")[0]
    check = check_device_key("192.168.1.10", "s3cr3t", key)
    assert check.verdict is KeyVerdict.DOTTED_IP and not check.ok
    assert check.expected == captured_query(40)["key"]  # what Pod accepted for this recorder
    assert "192_168_1_10" in check.message and check.expected in check.message
    assert check_device_key("192.168.1.10", "s3cr3t", check.expected.upper()).ok
    assert exchange["response"]["body"] == "nok: key is not valid"


def test_44_45_notify_answers_map_to_errors(scripted_server, client):
    replay(scripted_server, 44)
    replay(scripted_server, 45)
    assert client.http.request("GET", "/record/recorder_notify/").text == (
        "nok: recordingPlace or mediapath or key are missing")
    with pytest.raises(PodServerError, match="DoesNotExist"):
        client.http.request("GET", load_exchange(45)["request"]["path"])


# --- the web session ----------------------------------------------------------------------


@pytest.fixture
def web(scripted_server):
    replay(scripted_server, 46, **COOKIES)
    replay(scripted_server, 47, path="/admin/login/", **COOKIES)
    session = PodWebSession(scripted_server.base_url, "admin", "pass-word-1", retries=0,
                            timeout=(2, 5))
    yield session
    session.close()


def test_46_47_login_sends_csrf_and_credentials(scripted_server, web):
    web.login()
    sent = scripted_server.last("POST", "/admin/login/")
    form = dict(pair.split("=", 1) for pair in sent.body.decode().split("&"))
    assert form == {"csrfmiddlewaretoken": "csrfform0123", "username": "admin",
                    "password": "pass-word-1", "next": "%2Fadmin%2F"}
    assert "csrftoken=csrfcookie0123" in sent.headers["Cookie"]
    assert sent.headers["Referer"].startswith(scripted_server.base_url + "/admin/login/")
    assert web.logged_in


def test_47_wrong_password_is_an_auth_error(scripted_server, web):
    scripted_server.add("POST", "/admin/login/", reply_of(load_exchange(46), **COOKIES))
    with pytest.raises(PodAuthError, match="refused the web login of admin"):
        web.login()


def test_46_sso_only_server_is_detected(scripted_server, web):
    scripted_server.add("GET", "/admin/login/", Reply(
        200, "<html><body><a href='/sso-cas/login/'>Log in with CAS</a></body></html>",
        {"Content-Type": "text/html"}))
    with pytest.raises(PodWebLoginUnavailable) as error:
        web.login()
    assert "single sign-on" in error.value.message


def test_46_login_redirected_to_another_host_is_sso(scripted_server, web):
    scripted_server.add("GET", "/admin/login/", Reply(302, "", {
        "Location": "https://cas.example.invalid/cas/login?service=x"}))
    with pytest.raises(PodWebLoginUnavailable, match=r"sends to cas\.example\.invalid"):
        web.login()
    assert scripted_server.count("GET", "/admin/login/") == 1


def test_46_login_follows_redirects_on_the_same_server(scripted_server, web):
    scripted_server.add("GET", "/admin/login/", Reply(302, "", {
        "Location": "/authentication_login/?referrer=/admin/"}))
    scripted_server.add("GET", "/authentication_login/", reply_of(load_exchange(46), **COOKIES))
    web.login()
    assert web.logged_in


def test_48_49_recorder_settings_and_save_resend_every_field(scripted_server, web):
    replay(scripted_server, 48, **COOKIES)
    replay(scripted_server, 49, **COOKIES)
    settings = web.recorder_settings(5)
    assert (settings.name, settings.address_ip, settings.salt, settings.directory) == (
        "Salle E (renamed)", "10.0.0.51", "esalt", "salleE")
    assert (settings.manager_id, settings.type_id, settings.site_ids) == (18, 1, (1,))
    assert settings.description == "<p>Room E, 2nd floor</p>"
    assert settings.publication_auto is False and settings.recording_type == "video"
    assert "additional_users" not in settings.form_fields
    assert web.save_recorder(replace(settings, salt="esalt-rotated"), 5) == 5
    sent = scripted_server.last("POST", "/admin/recorder/recorder/5/change/")
    posted = dict(parse_qsl(sent.body.decode(), keep_blank_values=True))
    expected = dict(load_exchange(49)["request"]["body"])
    expected["csrfmiddlewaretoken"] = "csrfform0123"
    del expected["_save"]
    posted.pop("_continue")
    assert posted == expected
    with pytest.raises(PodValidationError) as error:
        web.save_recorder(replace(settings, additional_user_ids=(2,)), 5)
    assert list(error.value.fields) == ["additional_users"]


def test_50_create_recorder_through_the_add_form(scripted_server, web):
    replay(scripted_server, 50, **COOKIES)
    scripted_server.add("POST", "/admin/recorder/recorder/add/",
                        Reply(302, "", {"Location": "/admin/recorder/recorder/6/change/"}))
    new = RecorderSettings(name="Amphi Z", address_ip="192.168.1.99", directory="amphiZ",
                           type_id=1, salt="zz", manager_id=2, site_ids=(1,))
    assert web.save_recorder(new) == 6
    posted = parse_qsl(scripted_server.last("POST", "/admin/recorder/recorder/add/").body.decode(),
                       keep_blank_values=True)
    assert ("user", "2") in posted and ("type", "1") in posted and ("sites", "1") in posted
    assert ("publication_auto", "on") not in posted


def test_50_form_errors_come_back_field_by_field(scripted_server, web):
    replay(scripted_server, 50, **COOKIES)
    page = load_exchange(50)["response"]["body"].replace(
        '<div class="form-row field-directory">',
        '<div class="form-row errors field-directory"><ul class="errorlist" '
        'id="id_directory_error"><li>Recorder with this Publication directory already '
        'exists.</li></ul>').replace(
        '<fieldset', '<ul class="errorlist nonfield"><li>Please check.</li></ul><fieldset', 1)
    scripted_server.add("POST", "/admin/recorder/recorder/add/",
                        Reply(200, page, {"Content-Type": "text/html"}))
    with pytest.raises(PodValidationError) as error:
        web.save_recorder(RecorderSettings("Z", "192.168.1.99", "amphiA", 1))
    assert error.value.fields == {
        "directory": ["Recorder with this Publication directory already exists."],
        "__all__": ["Please check."]}


def test_51_claim_page_cards(scripted_server, web):
    replay(scripted_server, 51, **COOKIES)
    cards = web.claim_list()
    assert [(c.treatment_id, c.recorder_id, c.file, c.title) for c in cards] == [
        (17, 4, "/data/ftp-pod/ftp/amphiD/d1.zip", "d1.zip"),
        (15, 1, "/data/ftp-pod/ftp/amphiA/lecture-06.mp4", "lecture-06.mp4"),
    ]


def test_52_53_web_claim_form_parses_like_a_browser():
    forms, _ = parse_forms(load_exchange(52)["response"]["body"])
    [form] = forms
    values = form.submission()
    posted = load_exchange(53)["request"]["body"]
    assert set(values) - {"delete"} == set(posted)
    assert values["type"] == ["video"] and values["recorder"] == ["1"]
    assert values["source_file"] == [posted["source_file"]]
    assert values["delete"] == []


def test_54_55_delete_record(scripted_server, web):
    replay(scripted_server, 54, **COOKIES)
    replay(scripted_server, 55, **COOKIES)
    web.delete_record(10)
    sent = scripted_server.last("POST", "/record/delete_record/10/")
    assert sent.body.decode() == "csrfmiddlewaretoken=csrfform0123&agree=on"


def test_55_csrf_refusal_names_the_address_to_use(scripted_server, web):
    replay(scripted_server, 54, **COOKIES)
    scripted_server.add("POST", "/record/delete_record/10/", Reply(
        403, "<h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>",
        {"Content-Type": "text/html"}))
    with pytest.raises(PodPermissionError) as error:
        web.delete_record(10)
    assert error.value.message == (
        "Pod refused the form: its CSRF check failed (POST /record/delete_record/10/).")
    assert "https and host name" in error.value.hint


def test_56_change_owner_sends_csrf_header_and_referer(scripted_server, web):
    replay(scripted_server, 56, **COOKIES)
    assert web.change_owner([6], 2, 18) == "Update successfully"
    sent = scripted_server.last("POST", "/video/updateowner/put/2/")
    assert sent.json() == load_exchange(56)["request"]["body"]
    assert sent.headers["X-CSRFToken"] == "csrfcookie0123"
    assert sent.headers["Referer"] == f"{scripted_server.base_url}/video/dashboard/"


def test_56_expired_session_logs_in_again_before_resending(scripted_server, web):
    web.login()
    scripted_server.add("POST", "/video/updateowner/put/2/", Reply(302, "", {
        "Location": "/authentication_login/?referrer=/video/updateowner/put/2/"}),
        reply_of(load_exchange(56)))
    assert web.change_owner([6], 2, 18) == "Update successfully"
    assert scripted_server.count("POST", "/admin/login/") == 2
    assert scripted_server.count("POST", "/video/updateowner/put/2/") == 2


def test_56_refused_owner_change(scripted_server, web):
    web.login()
    scripted_server.add("POST", "/video/updateowner/put/2/", Reply(
        400, {"success": False, "detail": "Method not allowed"}))
    with pytest.raises(PodValidationError, match="Method not allowed"):
        web.change_owner([6], 2, 18)


def test_57_58_preview_url_of_a_treatment():
    path = load_exchange(57)["request"]["path"]
    treatment = Treatment(9, "/data/ftp-pod/ftp/amphiA/lecture-03.mp4", 45677, 1, "video", None)
    assert treatment.preview_url(CAPTURE_HOST + "/media/records/") == CAPTURE_HOST + path
    missing = load_exchange(58)
    assert missing["response"]["status"] == 404
    assert Treatment(1, "/data/ftp-pod/ftp/amphiA/missing.mp4", 0, 1, "video", None
                     ).preview_url(CAPTURE_HOST + "/media/records") == (
        CAPTURE_HOST + missing["request"]["path"])
