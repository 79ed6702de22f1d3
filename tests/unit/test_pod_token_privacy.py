"""The API token and the web password never reach a log line or an exception's text, even
when a broken server or proxy echoes the request headers back."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from recmanager.errors import ActionError, ConfigError, PodError
from recmanager.logs import register_secret, setup_logging
from recmanager.pod.model import User
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from recmanager.ui.dialogs.crash import crash_report
from tests.fixtures.faulty_http import Hang, Reply, replay
from tests.fixtures.processes import free_port
from tests.ui.profiles import profile_dialog_with_a_local_deposit

TOKEN = "7a3c9e" + "0b" * 17
PASSWORD = "Corr3ct-horse-battery"
TEACHER = User(18, "", "teacher1", "", "", "", True)


def echo_headers(request):
    return "Echo of the request: " + " | ".join(f"{k}: {v}" for k, v in request.headers.items())


def echo_body(request):
    return f"<html><title>500 {request.body.decode()}</title></html>"


def failing_calls(server):
    """Every kind of failure, each server answer quoting the secret it received."""
    server.add("GET", "/rest/recorder/", Reply(500, echo_headers, {"Content-Type": "text/plain"}))
    server.add("GET", "/rest/types/", Reply(400, lambda r: {"detail": [echo_headers(r)]}))
    server.add("GET", "/rest/sites/", Reply(502, lambda r: f"<html><title>{echo_headers(r)}"
                                            "</title></html>", {"Content-Type": "text/html"}))
    server.add("GET", "/rest/users/", Reply(401, lambda r: {"detail": echo_headers(r)}))
    server.add("GET", "/rest/recording/", Hang(5))
    server.add("POST", "/rest/recording/", Hang(5))
    replay(server, 36, path="/rest/owners/")
    server.add("GET", "/long", Reply(500, lambda r: "x" * 190 + r.headers["Authorization"], {
        "Content-Type": "text/plain"}))
    client = PodClient(server.base_url, TOKEN, retries=1, backoff=0.01, timeout=(1, 0.3),
                       recheck_delays=(0.0,))
    offline = PodClient(f"http://127.0.0.1:{free_port()}", TOKEN, retries=0)
    return [
        client.recorders,
        client.video_types,
        client.sites,
        client.all_users,
        client.owners,
        client.recordings,
        lambda: client.create_recording("/data/x.mp4", "T", TEACHER, 1),
        offline.recorders,
        lambda: client.http.json("GET", "/long"),  # the echo is cut where the token is
    ]


def web_failures(server):
    replay(server, 46, CSRF_COOKIE="c" * 32, CSRF_TOKEN="t" * 32)
    server.add("POST", "/admin/login/", Reply(500, echo_body, {"Content-Type": "text/html"}))
    web = PodWebSession(server.base_url, "admin", PASSWORD, retries=0, timeout=(1, 1))
    return [web.login]


def texts_of(error: BaseException) -> str:
    parts = ["".join(traceback.format_exception(error)), repr(error), str(error)]
    if isinstance(error, PodError):
        parts += [error.message, error.hint, repr(getattr(error, "fields", ""))]
    return "\n".join(parts)


def run_all(calls) -> str:
    collected = []
    for call in calls:
        with pytest.raises(PodError) as raised:
            call()
        collected.append(texts_of(raised.value))
    return "\n".join(collected)


def test_secrets_stay_out_of_exception_text_and_logs(scripted_server, caplog):
    caplog.set_level(logging.DEBUG)  # recmanager and urllib3, with no masking filter installed
    errors = run_all(failing_calls(scripted_server) + web_failures(scripted_server))
    # The server did receive the secrets and quoted them back…
    assert f"Token {TOKEN}" in scripted_server.last("GET", "/rest/recorder/").headers[
        "Authorization"]
    assert PASSWORD in scripted_server.last("POST", "/admin/login/").body.decode()
    assert "Authorization: Token ********" in errors
    # …yet neither appears anywhere.
    assert TOKEN[:10] not in errors and PASSWORD not in errors
    assert caplog.records, "the failures were logged"
    assert TOKEN[:10] not in caplog.text and PASSWORD not in caplog.text


def test_secrets_stay_out_of_the_log_file(scripted_server, isolated_dirs):
    path = setup_logging(isolated_dirs.log_dir, level=logging.DEBUG)
    try:
        run_all(failing_calls(scripted_server) + web_failures(scripted_server))
    finally:
        for handler in logging.getLogger("recmanager").handlers:
            handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "/rest/recorder/" in text
    assert TOKEN not in text and PASSWORD not in text


def test_the_token_is_not_in_the_client_repr():
    client = PodClient("http://127.0.0.1:9", TOKEN)
    assert TOKEN not in repr(client.http.session.auth)
    assert TOKEN not in repr(vars(client)) and TOKEN not in repr(vars(client.http))


RECMANAGER = Path(sys.executable).parent / "recmanager"
EMPTY_PAGE = {"count": 0, "next": None, "previous": None, "results": []}


def run_recmanager(args: list[str], **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **environment}
    return subprocess.run([str(RECMANAGER), *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def test_a_pasted_token_with_a_newline_is_used_without_it(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, EMPTY_PAGE))
    result = run_recmanager(["recorders", "list", "--json"],
                            RECMANAGER_POD_URL=scripted_server.base_url,
                            RECMANAGER_POD_ALLOW_HTTP="1",
                            RECMANAGER_POD_TOKEN=TOKEN + "\r\n")
    assert result.returncode == 0, result.stderr
    assert scripted_server.last("GET", "/rest/recorder/").headers["Authorization"] == (
        f"Token {TOKEN}")
    assert TOKEN[:10] not in result.stderr


def test_a_token_with_invisible_characters_is_refused_in_one_line_without_it():
    for bad in (TOKEN[:20] + " " + TOKEN[20:], TOKEN + "\x1b", TOKEN[:20] + "\né"):
        result = run_recmanager(["recorders", "list"], RECMANAGER_POD_URL="http://127.0.0.1:9",
                                RECMANAGER_POD_TOKEN=bad)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "token" in result.stderr and TOKEN[:10] not in result.stderr
        with pytest.raises(ConfigError) as raised:
            PodClient("http://127.0.0.1:9", bad)
        assert TOKEN[:10] not in texts_of(raised.value)


def test_known_secrets_are_masked_in_errors_crash_reports_and_logged_tracebacks(
        isolated_dirs):
    register_secret(PASSWORD)
    path = setup_logging(isolated_dirs.log_dir)
    try:
        try:
            raise ValueError(f"Invalid header value b'Token {PASSWORD}\\n'")
        except ValueError as exc:
            logging.getLogger("recmanager.test").exception("unexpected")
            report = crash_report(exc)
    finally:
        for handler in logging.getLogger("recmanager").handlers:
            handler.flush()
    assert "ValueError: Invalid header value b'Token ********" in report
    assert PASSWORD not in report
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError" in text and PASSWORD not in text
    error = ActionError(f"Pod echoed {PASSWORD}", hint=f"not {PASSWORD}")
    assert PASSWORD not in texts_of(error) and PASSWORD not in error.message + error.hint


def test_an_unexpected_traceback_of_a_command_masks_the_secrets():
    code = (f"from recmanager.logs import install_masking_excepthook, register_secret\n"
            f"install_masking_excepthook(); register_secret({PASSWORD!r})\n"
            f"raise ValueError('header ' + {PASSWORD!r})\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    assert "ValueError: header ********" in result.stderr
    assert PASSWORD not in result.stderr


def test_the_profile_dialog_refuses_a_token_with_spaces_without_showing_it(qtbot, context):
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ",
                                                 "https://pod.example.edu/")
    dialog.token.setText(TOKEN[:20] + " " + TOKEN[20:])
    dialog.test_connection()
    text = dialog.check_results.text()
    assert "token contains spaces" in text and TOKEN[:10] not in text
    assert dialog.test_button.isEnabled()
