"""Retries, timeouts, dropped connections, proxy pages and the no-blind-POST rule, against a
real misbehaving HTTP server on 127.0.0.1 that counts what it receives."""

from __future__ import annotations

import logging

import pytest
import requests

from recmanager.errors import (
    PodAmbiguousResult,
    PodConnectionError,
    PodNotFound,
    PodServerError,
    PodTimeout,
    PodTLSError,
    PodValidationError,
)
from recmanager.pod.http import PodHttp
from recmanager.pod.http_errors import never_sent
from recmanager.pod.model import Treatment, User
from recmanager.pod.rest import PodClient
from tests.fixtures.faulty_http import (
    Call,
    Cut,
    DropMidBody,
    Hang,
    Reply,
    html_502,
    load_exchange,
    replay,
)
from tests.fixtures.processes import free_port

TOKEN = "fa17" * 10
SOURCE = "/data/ftp-pod/ftp/amphiA/lecture-01.mp4"
TEACHER = User(18, "", "teacher1", "Tea", "Cher", "t1@example.org", True)
RECORDERS = load_exchange(2)["response"]["body"]
EMPTY = {"count": 0, "next": None, "previous": None, "results": []}


def make_client(server, **options):
    settings = {"retries": 2, "backoff": 0.01, "timeout": (1.0, 0.5), "recheck_delays": (0.0,)}
    settings.update(options)
    return PodClient(server.base_url, TOKEN, **settings)


def recording_page(title="Cours du mardi", user=18):
    recording = dict(load_exchange(22)["response"]["body"])
    recording.update(title=title, user=f"http://pod.example.test/rest/users/{user}/")
    return {"count": 1, "next": None, "previous": None, "results": [recording]}


def test_get_fails_twice_then_succeeds(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Reply(503, "busy"), html_502(),
                        Reply(200, RECORDERS))
    with make_client(scripted_server) as client:
        assert len(client.recorders()) == 5
    assert scripted_server.count("GET", "/rest/recorder/") == 3


def test_persistent_proxy_502_is_named_after_retries(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", html_502())
    with make_client(scripted_server) as client, pytest.raises(PodServerError) as error:
        client.recorders()
    assert scripted_server.count("GET", "/rest/recorder/") == 3
    assert error.value.status == 502
    assert "HTML error page (502 Bad Gateway)" in error.value.message
    assert "proxy" in error.value.message and error.value.hint


def recorded_waits(client) -> list[float]:
    """The client's waits between attempts, recorded instead of slept."""
    waits: list[float] = []
    client.http.sleep = waits.append
    return waits


def test_hanging_server_times_out_and_is_retried_once(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Hang(10))
    client = make_client(scripted_server, retries=3)
    waits = recorded_waits(client)
    with client, pytest.raises(PodTimeout) as error:
        client.recorders()
    assert scripted_server.count("GET", "/rest/recorder/") == 2
    assert waits == [0.01]  # one backoff: the second timeout ends the tries, not ``retries``
    assert "did not answer GET /rest/recorder/ within 0.5 s" in error.value.message


def test_connection_closed_mid_body_then_success(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", DropMidBody(), Reply(200, RECORDERS))
    with make_client(scripted_server) as client:
        assert [r.id for r in client.recorders()] == [1, 2, 3, 5, 4]
    assert scripted_server.count("GET", "/rest/recorder/") == 2


def test_connection_always_closed_mid_body(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", DropMidBody())
    with make_client(scripted_server) as client, pytest.raises(PodConnectionError) as error:
        client.recorders()
    assert type(error.value) is PodConnectionError
    assert "dropped before Pod's answer to GET /rest/recorder/ was complete" in str(error.value)
    assert scripted_server.count("GET", "/rest/recorder/") == 3


def test_patch_is_retried_after_a_gateway_timeout(scripted_server):
    scripted_server.add("PATCH", "/rest/recorder/5/", Reply(504, "<html>504</html>", {
        "Content-Type": "text/html"}), Reply(200, load_exchange(4)["response"]["body"]))
    with make_client(scripted_server) as client:
        assert client.patch_recorder(5, name="Salle E (renamed)").name == "Salle E (renamed)"
    assert scripted_server.count("PATCH", "/rest/recorder/5/") == 2


def test_post_answered_by_a_proxy_502_is_never_resent(scripted_server):
    scripted_server.add("POST", "/rest/recording/", html_502())
    scripted_server.add("GET", "/rest/recording/", Reply(200, EMPTY))
    client = make_client(scripted_server, recheck_delays=(0.0, 0.05))
    with client, pytest.raises(PodAmbiguousResult) as error:
        client.create_recording(SOURCE, "Cours du mardi", TEACHER, 1)
    assert scripted_server.count("POST", "/rest/recording/") == 1
    assert scripted_server.count("GET", "/rest/recording/") == 2  # looked twice, resent never
    assert "Nothing was resent" in error.value.message and "Refresh" in error.value.hint


def test_post_timeout_finds_the_recording_pod_created(scripted_server):
    def pod_created_it(_request):
        scripted_server.add("GET", "/rest/recording/", Reply(200, recording_page()))

    scripted_server.add("POST", "/rest/recording/", Call(pod_created_it, Hang(5)))
    scripted_server.add("DELETE", "/rest/recordingfiletreatment/11/", Reply(204))
    treatment = Treatment(11, SOURCE, 45677, 1, "video", None)
    with make_client(scripted_server) as client:
        outcome = client.claim(treatment, TEACHER, "Cours du mardi")
    assert outcome.recovered and outcome.treatment_deleted
    assert (outcome.recording.id, outcome.recording.source_file) == (6, SOURCE)
    assert scripted_server.count("POST", "/rest/recording/") == 1
    assert scripted_server.count("DELETE", "/rest/recordingfiletreatment/11/") == 1


@pytest.mark.parametrize("raw", [
    b"HTTP/1.1 20",
    b"HTTP/1.1 201 Created\r\n",
    b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nAll",
    b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n",
], ids=["status-line", "after-status", "inside-headers", "empty-body"])
def test_a_201_cut_before_its_body_looks_on_the_server(scripted_server, raw):
    """No TypeError: a success without its body is an ambiguous answer, and Pod is asked."""
    scripted_server.add("POST", "/rest/recording/", Cut(raw))
    scripted_server.add("GET", "/rest/recording/", Reply(200, recording_page()))
    with make_client(scripted_server) as client:
        recording = client.create_recording(SOURCE, "Cours du mardi", TEACHER, 1)
    assert recording.id == 6 and recording.source_file == SOURCE
    assert scripted_server.count("POST", "/rest/recording/") == 1


def test_post_dropped_and_someone_else_claimed_it(scripted_server):
    scripted_server.add("POST", "/rest/recording/", DropMidBody(201))
    scripted_server.add("GET", "/rest/recording/",
                        Reply(200, recording_page(title="Autre", user=2)))
    with make_client(scripted_server) as client, pytest.raises(PodValidationError) as error:
        client.create_recording(SOURCE, "Cours du mardi", TEACHER, 1)
    assert "claimed meanwhile by someone else" in error.value.message
    assert scripted_server.count("POST", "/rest/recording/") == 1


def test_post_ambiguous_and_pod_unreachable_afterwards(scripted_server):
    scripted_server.add("POST", "/rest/recording/", Hang(5))
    scripted_server.add("GET", "/rest/recording/", html_502())
    client = make_client(scripted_server, retries=0)
    with client, pytest.raises(PodAmbiguousResult, match="could not be asked afterwards"):
        client.create_recording(SOURCE, "Cours du mardi", TEACHER, 1)
    assert scripted_server.count("POST", "/rest/recording/") == 1


def test_post_server_error_checks_before_reporting(scripted_server):
    scripted_server.add("POST", "/rest/recording/", Reply(500, "IntegrityError", {
        "Content-Type": "text/plain"}))
    scripted_server.add("GET", "/rest/recording/", Reply(200, EMPTY))
    with make_client(scripted_server) as client, pytest.raises(PodServerError):
        client.create_recording(SOURCE, "Cours du mardi", TEACHER, 1)
    assert scripted_server.count("POST", "/rest/recording/") == 1
    assert scripted_server.count("GET", "/rest/recording/") == 1


def test_delete_whose_first_answer_was_lost_counts_as_done(scripted_server):
    scripted_server.add("DELETE", "/rest/recordingfiletreatment/7/", Hang(0),
                        Reply(404, {"detail": "Not found."}))
    with make_client(scripted_server) as client:
        client.delete_treatment(7)
    assert scripted_server.count("DELETE", "/rest/recordingfiletreatment/7/") == 2
    scripted_server.add("DELETE", "/rest/recordingfiletreatment/8/",
                        Reply(404, {"detail": "Not found."}))
    with make_client(scripted_server) as client, pytest.raises(PodNotFound):
        client.delete_treatment(8)


def test_a_refused_connection_is_provably_unsent_and_retried(caplog):
    port = free_port()
    with pytest.raises(requests.ConnectionError) as raw:
        requests.post(f"http://127.0.0.1:{port}/", timeout=1)
    assert never_sent(raw.value)
    http = PodHttp(f"http://127.0.0.1:{port}", retries=2, backoff=0.01)
    caplog.set_level(logging.INFO, logger="recmanager.pod")
    with pytest.raises(PodConnectionError, match="connection was refused") as error:
        http.request("POST", "/rest/recording/", json={})
    assert not isinstance(error.value, PodAmbiguousResult)
    assert "attempt 3" in caplog.text  # a POST nobody received may be sent again


def test_a_read_timeout_is_not_provably_unsent(scripted_server):
    scripted_server.add("GET", "/slow", Hang(5))
    with pytest.raises(requests.ReadTimeout) as raw:
        requests.get(f"{scripted_server.base_url}/slow", timeout=(1, 0.2))
    assert not never_sent(raw.value)


def test_unknown_host_names_the_dns_problem():
    client = PodClient("http://no-such-host.invalid", TOKEN, retries=0)
    with client, pytest.raises(PodConnectionError) as error:
        client.recorders()
    assert error.value.message == "The name no-such-host.invalid cannot be resolved."


def test_untrusted_certificate_then_trusted_with_a_ca_bundle(tls_server, monkeypatch):
    # A bundle in the environment must not replace the profile's own CA bundle.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    tls_server.add("GET", "/rest/recorder/", Reply(200, RECORDERS))
    client = PodClient(tls_server.base_url, TOKEN, retries=0)
    with client, pytest.raises(PodTLSError) as error:
        client.recorders()
    assert "could not be verified" in error.value.message and "CA bundle" in error.value.hint
    with PodClient(tls_server.base_url, TOKEN, verify=str(tls_server.certificate)) as client:
        assert len(client.recorders()) == 5
    with PodClient(tls_server.base_url, TOKEN, verify=False) as client:
        assert len(client.recorders()) == 5
    assert tls_server.count("GET", "/rest/recorder/") == 2


def test_a_web_page_instead_of_json(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Reply(
        200, "<!DOCTYPE html><html><title>CAS login</title></html>", {
            "Content-Type": "text/html"}))
    with make_client(scripted_server) as client, pytest.raises(PodServerError) as error:
        client.recorders()
    assert "web page instead of data" in error.value.message


def test_next_links_are_followed_on_the_configured_server_only(scripted_server):
    first = dict(RECORDERS, count=10, next="http://elsewhere.example:9/rest/recorder/?page=2")
    second = dict(RECORDERS, count=10, next=None, results=[
        dict(row, id=row["id"] + 100) for row in RECORDERS["results"]])
    scripted_server.add("GET", "/rest/recorder/", Reply(200, first))
    scripted_server.add("GET", "/rest/recorder/?page=2", Reply(200, second))
    with make_client(scripted_server) as client:
        assert len(client.recorders()) == 10
    assert scripted_server.count("GET", "/rest/recorder/") == 2


def test_retry_after_is_honoured(scripted_server):
    scripted_server.add("GET", "/rest/types/", Reply(503, "", {"Retry-After": "1"}),
                        Reply(200, load_exchange(19)["response"]["body"]))
    with make_client(scripted_server) as client:
        waits = recorded_waits(client)
        assert client.video_types()[0].title == "Other"
    assert waits == [1.0]  # Retry-After, not the 0.01 s backoff


def test_check_access_refuses_a_server_that_is_not_pod(scripted_server):
    scripted_server.add("GET", "/rest/", Reply(200, {"users": "x"}))
    with make_client(scripted_server) as client, pytest.raises(PodServerError) as error:
        client.check_access()
    assert "lacks recorder, recording, recordingfiletreatment" in error.value.message


def test_videos_500_names_the_pod_setting(scripted_server):
    replay(scripted_server, 7, path="/rest/videos/")
    scripted_server.add("GET", "/rest/videos/", Reply(500, "ImproperlyConfigured at /rest/videos/",
                                                      {"Content-Type": "text/plain"}))
    with make_client(scripted_server) as client, pytest.raises(PodServerError) as error:
        client.videos()
    assert "USE_PODFILE" in error.value.hint


def test_a_recording_is_looked_for_from_the_last_page_back(scripted_server):
    recordings = load_exchange(30)["response"]["body"]["results"]
    count = 2 * 12 + 6

    def page(number, results):
        return Reply(200, {"count": count, "next": "x" if number < 3 else None,
                           "previous": None, "results": results})

    scripted_server.add("GET", "/rest/recording/", page(1, recordings * 2))
    scripted_server.add("GET", "/rest/recording/?page=2", page(2, recordings * 2))
    scripted_server.add("GET", "/rest/recording/?page=3", page(3, recordings))
    with make_client(scripted_server) as client:
        assert client.recording_for_source(recordings[-1]["source_file"]).id == 6
        assert scripted_server.count("GET", "/rest/recording/") == 2  # page 1, then page 3
        assert client.recording_for_source("/data/ftp-pod/ftp/none.mp4") is None
        assert scripted_server.count("GET", "/rest/recording/") == 5
