"""An http:// Pod address is refused unless the profile asks for plain HTTP; when it does,
every run warns that the token and the passwords travel in clear."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recmanager.config import Profile
from recmanager.errors import ConfigError, ValidationError
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from recmanager.sandbox.profile import sandbox_profile
from recmanager.secrets import SecretKind
from tests.fixtures.faulty_http import Reply
from tests.ui.profiles import profile_dialog, window_on

RECMANAGER = Path(sys.executable).parent / "recmanager"
TOKEN = "0123456789abcdef0123456789abcdef01234567"
EMPTY_PAGE = {"count": 0, "next": None, "previous": None, "results": []}


def run(args: list[str], url: str, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECMANAGER_POD_URL": url, "RECMANAGER_POD_TOKEN": TOKEN,
           **environment}
    return subprocess.run([str(RECMANAGER), *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def test_http_from_the_environment_is_refused_before_anything_is_sent(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, EMPTY_PAGE))
    result = run(["recorders", "list"], scripted_server.base_url)
    assert result.returncode == 1
    assert "http://" in result.stderr and "RECMANAGER_POD_ALLOW_HTTP=1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not scripted_server.received, "the token went out in clear"


def test_allowed_http_works_and_warns_on_every_run(scripted_server):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, EMPTY_PAGE))
    for _run in range(2):
        result = run(["recorders", "list", "--json"], scripted_server.base_url,
                     RECMANAGER_POD_ALLOW_HTTP="1")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "[]"
        warnings = [line for line in result.stderr.splitlines() if "plain HTTP" in line]
        assert len(warnings) == 1 and "unencrypted" in warnings[0]
    assert len(scripted_server.received) == 2


def test_https_runs_without_the_warning(tls_server):
    result = run(["recorders", "list"], tls_server.base_url)
    assert "plain HTTP" not in result.stderr


def test_profiles_refuse_http_unless_allowed(context):
    http = Profile("lab", "http://pod.lab/", sftp_host="h")
    with pytest.raises(ValidationError) as raised:
        http.validate()
    assert "http://" in " ".join(raised.value.fields["pod_url"])
    context.secrets.set("lab", SecretKind.POD_TOKEN, TOKEN)
    context.secrets.set("lab", SecretKind.POD_PASSWORD, "web-password")
    http.pod_username = "admin"
    with pytest.raises(ConfigError, match="unencrypted"):
        PodClient.from_profile(http, context.secrets)
    with pytest.raises(ConfigError, match="unencrypted"):
        PodWebSession.from_profile(http, context.secrets)
    http.allow_plain_http = True
    http.validate()
    PodClient.from_profile(http, context.secrets).close()
    Profile("lab", "https://pod.lab/", sftp_host="h").validate()


def test_the_sandbox_profile_allows_its_plain_http():
    profile = sandbox_profile({"base_url": "http://127.0.0.1:8000/", "deposit_root": "/tmp/d"},
                              name="sandbox", username="admin")
    assert profile.allow_plain_http
    profile.validate()


def test_the_status_bar_and_the_profile_dialog_show_plain_http(qtbot, context):
    window = window_on(qtbot, context, Profile(name="lab", pod_url="http://pod.lab/",
                                               sftp_host="h", allow_plain_http=True))
    assert "plain HTTP" in window.profile_label.text()
    dialog = profile_dialog(qtbot, context)
    dialog._select("lab")
    assert dialog.allow_plain_http.isChecked()
    dialog.allow_plain_http.setChecked(False)
    with pytest.raises(ValidationError):
        dialog.current_profile().validate()
