"""Every case of the mapping from Pod's error answers to the error hierarchy: the class,
the status and the exact words a person reads, for the token API and the web session,
against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from recmanager.errors import (
    PodAuthError,
    PodError,
    PodNotFound,
    PodPermissionError,
    PodServerError,
    PodValidationError,
)
from recmanager.pod.http import PodHttp
from tests.fixtures.faulty_http import Reply, html_502

JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html"}
PATH = "/rest/recorder/"

CASES = [
    pytest.param(
        "token", html_502(), PodServerError,
        "The server answered GET /rest/recorder/ with an HTML error page (502 Bad Gateway) "
        "instead of Pod's answer: Pod, or the proxy in front of it, is failing or restarting.",
        "Try again in a few minutes; if it lasts, tell the Pod administrators.",
        id="5xx-html-page",
    ),
    pytest.param(
        "token", Reply(500, "Traceback (most recent call last):\nKeyError: 'x'"), PodServerError,
        "Pod failed on GET /rest/recorder/ (HTTP 500: Traceback (most recent call last):).",
        "This is a server-side error; tell the Pod administrators.",
        id="5xx-first-line",
    ),
    pytest.param(
        "token", Reply(500, {"detail": "Database is locked."}, JSON), PodServerError,
        "Pod failed on GET /rest/recorder/ (HTTP 500: Database is locked.).",
        "This is a server-side error; tell the Pod administrators.",
        id="5xx-detail",
    ),
    pytest.param(
        "token", Reply(500, b""), PodServerError,
        "Pod failed on GET /rest/recorder/ (HTTP 500: Internal Server Error).",
        "This is a server-side error; tell the Pod administrators.",
        id="5xx-empty",
    ),
    pytest.param(
        "session", Reply(401, "no"), PodAuthError,
        "Pod's web session has ended or was refused.", "",
        id="401-session",
    ),
    pytest.param(
        "token", Reply(401, {"detail": "Authentication credentials were not provided."}, JSON),
        PodAuthError,
        "Pod received no token with the request (GET /rest/recorder/).",
        "A proxy in front of Pod may drop the Authorization header; ask the Pod "
        "administrators to pass it through.",
        id="401-no-token",
    ),
    pytest.param(
        "token", Reply(401, {"detail": "Invalid token."}, JSON), PodAuthError,
        "Pod refused the API token (Invalid token.).",
        "Create a token for a staff account in Pod's administration (Auth Token › Tokens) "
        "and enter it in the connection profile.",
        id="401-refused",
    ),
    pytest.param(
        "token", Reply(401, "nope"), PodAuthError,
        "Pod refused the API token (401).",
        "Create a token for a staff account in Pod's administration (Auth Token › Tokens) "
        "and enter it in the connection profile.",
        id="401-refused-no-detail",
    ),
    pytest.param(
        "session", Reply(403, "<p>CSRF verification failed.</p>", HTML), PodPermissionError,
        "Pod refused the form: its CSRF check failed (GET /rest/recorder/).",
        "Use exactly the address Pod is published at (https and host name) in the profile.",
        id="403-session-csrf",
    ),
    pytest.param(
        "session", Reply(403, "<h1>403 Forbidden</h1>", HTML), PodPermissionError,
        "The web account is not allowed to do this (GET /rest/recorder/): it needs superuser "
        "rights on Pod.",
        "Use a superuser account for the web login.",
        id="403-session-not-superuser",
    ),
    pytest.param(
        "token", Reply(403, {"detail": "You do not have permission."}, JSON), PodPermissionError,
        "The account of this token is not staff on Pod, and Pod's REST API is for staff "
        "accounts only.",
        "Ask a Pod administrator for staff status, or use a staff account's token.",
        id="403-token-not-staff",
    ),
    pytest.param(
        "token", Reply(403, "<p>CSRF verification failed.</p>", HTML), PodPermissionError,
        "The account of this token is not staff on Pod, and Pod's REST API is for staff "
        "accounts only.",
        "Ask a Pod administrator for staff status, or use a staff account's token.",
        id="403-token-csrf-words",
    ),
    pytest.param(
        "token", Reply(404, {"detail": "Not found."}, JSON), PodNotFound,
        "Pod has nothing at GET /rest/recorder/ (Not found.).",
        "It may have been deleted or claimed meanwhile; refresh.",
        id="404-detail",
    ),
    pytest.param(
        "token", Reply(404, "<h1>Not Found</h1>", HTML), PodNotFound,
        "Pod has nothing at GET /rest/recorder/ (HTTP 404).",
        "It may have been deleted or claimed meanwhile; refresh.",
        id="404-page",
    ),
    pytest.param(
        "token", Reply(400, {"name": ["Too long."], "sites": "Bad link."}, JSON),
        PodValidationError,
        "Pod refused the data of GET /rest/recorder/: name: Too long.; sites: Bad link.", "",
        id="400-fields",
    ),
    pytest.param(
        "token", Reply(400, ["Both cannot be given."], JSON), PodValidationError,
        "Pod refused the data of GET /rest/recorder/: __all__: Both cannot be given.", "",
        id="400-list",
    ),
    pytest.param(
        "token", Reply(400, "bad"), PodValidationError,
        "Pod refused the data of GET /rest/recorder/: Bad Request", "",
        id="400-no-json",
    ),
    pytest.param(
        "token", Reply(429, {"detail": "Request was throttled."}, JSON), PodError,
        "Pod answered GET /rest/recorder/ with HTTP 429 (Request was throttled.).", "",
        id="other-status",
    ),
    pytest.param(
        "token", Reply(418, "teapot"), PodError,
        "Pod answered GET /rest/recorder/ with HTTP 418 (I'm a Teapot).", "",
        id="other-status-no-detail",
    ),
]


@pytest.mark.parametrize(("kind", "reply", "error", "message", "hint"), CASES)
def test_each_error_answer_maps_to_its_class_and_words(
    scripted_server, kind, reply, error, message, hint
):
    scripted_server.add("GET", PATH, reply)
    http = PodHttp(scripted_server.base_url, session_kind=kind, retries=0)
    with pytest.raises(PodError) as raised:
        http.request("GET", PATH)
    http.close()
    assert type(raised.value) is error
    assert raised.value.message == message
    assert raised.value.hint == hint
    assert raised.value.status == reply.status


def test_field_errors_are_kept_field_by_field(scripted_server):
    scripted_server.add("GET", PATH, Reply(400, {"name": ["Too long.", "Empty."], "ip": "x"},
                                           JSON))
    http = PodHttp(scripted_server.base_url, retries=0)
    with pytest.raises(PodValidationError) as raised:
        http.request("GET", PATH)
    http.close()
    assert raised.value.fields == {"name": ["Too long.", "Empty."], "ip": ["x"]}


def test_a_secret_echoed_in_an_answer_is_masked_before_it_is_quoted(scripted_server):
    scripted_server.add("GET", PATH, Reply(500, "token s3cr3t-value refused"))
    http = PodHttp(scripted_server.base_url, retries=0, secrets=("s3cr3t-value",))
    with pytest.raises(PodServerError) as raised:
        http.request("GET", PATH)
    http.close()
    assert raised.value.message == (
        "Pod failed on GET /rest/recorder/ (HTTP 500: token ******** refused).")
