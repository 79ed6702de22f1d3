"""The headless Pod commands against the sandbox Pod: ``--profile`` (in process, with the
test keyring) and ``RECMANAGER_POD_*`` from the environment (a real ``recmanager`` process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from recmanager import audit
from recmanager.cli import main
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from tests.fixtures.faulty_http import captured_query

RECMANAGER = Path(sys.executable).parent / "recmanager"


def run_cli(args: list[str], pod, user: str = "admin", **extra: str):
    env = {**os.environ, "RECMANAGER_POD_URL": pod.base_url, "RECMANAGER_POD_ALLOW_HTTP": "1",
           "RECMANAGER_POD_TOKEN": pod.tokens[user], **extra}
    return subprocess.run([str(RECMANAGER), *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


@pytest.fixture
def profile(sandbox_pod, context):
    return sandbox_pod.profile(context, name="sandbox")


def test_recorders_list_from_the_environment(sandbox_pod):
    result = run_cli(["recorders", "list", "--json"], sandbox_pod)
    assert result.returncode == 0, result.stderr
    recorders = json.loads(result.stdout)
    assert [r["id"] for r in recorders] == [1, 2, 3, 5, 4]  # Pod orders them by name
    assert recorders[0] == {"id": 1, "name": "Amphi A", "address_ip": "192.168.1.10",
                            "recording_type": "video", "description": ""}


def test_recorders_list_table_with_a_profile(profile, capsys):
    assert main(["recorders", "list", "--profile", "sandbox"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "IP", "TYPE"]
    assert lines[1].split() == ["1", "Amphi", "A", "192.168.1.10", "video"]
    assert len(lines) == 6


def test_unclaimed_list_all_and_one_recorder(sandbox_pod, profile, capsys):
    assert main(["unclaimed", "list", "--profile", "sandbox", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 18
    assert {row["recorder"] for row in rows} == {
        "Amphi A", "Amphi B (managed, email)", "Studio D (audiovideocast, manual)",
        "Salle E (managed by teacher1)"}
    result = run_cli(["unclaimed", "list", "--recorder", "Salle E (managed by teacher1)"],
                     sandbox_pod)
    assert result.returncode == 0, result.stderr
    table = result.stdout.splitlines()
    assert table[0].split() == ["ID", "RECORDER", "FILE", "SIZE", "DURATION", "FLAGS", "ADDED"]
    assert sorted(line.split()[0] for line in table[1:]) == ["19", "20"]


def test_claim_with_a_profile_is_audited(sandbox_pod, profile, context, capsys):
    assert main(["claim", "amphiA/lecture-07.mp4", "--owner", "teacher1", "--title", "Cours 7",
                 "--profile", "sandbox", "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["title"] == "Cours 7" and outcome["treatment_id"] == 7
    assert outcome["already_done"] is False and outcome["video_id"]
    with PodClient.from_profile(profile, context.secrets) as client:
        source = str(sandbox_pod.deposit_root / "amphiA/lecture-07.mp4")
        assert client.treatment_for_file(source) is None
        recording = client.recording_for_source(source)
        assert recording.id == outcome["recording_id"] and recording.user_id == 4
        assert client.video(outcome["video_id"]).owner_id == 4
    [entry] = audit.entries(context.db, action="claim")
    assert (entry.result, entry.profile, entry.detail["owner"]) == ("ok", "sandbox", "teacher1")


def test_claim_by_file_name_and_owner_email_from_the_environment(sandbox_pod):
    result = run_cli(["claim", "lecture-08.mp4", "--owner", "t1@example.org"], sandbox_pod)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("lecture-08.mp4 is claimed for ")
    assert "teacher1" in result.stdout


def test_claim_refusals_exit_1_with_the_reason(sandbox_pod, profile, context, capsys):
    assert main(["claim", "nothing.mp4", "--owner", "teacher1", "--profile", "sandbox"]) == 1
    assert "No unclaimed recording matches nothing.mp4" in capsys.readouterr().err
    assert main(["claim", "lecture-09.mp4", "--owner", "nobody", "--profile", "sandbox"]) == 1
    assert 'There is no Pod user "nobody"' in capsys.readouterr().err
    results = [e.result for e in audit.entries(context.db, action="claim")]
    assert results == ["refused", "refused"]
    non_staff = run_cli(["unclaimed", "list"], sandbox_pod, user="student1")
    assert non_staff.returncode == 1
    assert "not staff on Pod" in non_staff.stderr
    assert sandbox_pod.tokens["student1"] not in non_staff.stderr + non_staff.stdout
    bad = run_cli(["recorders", "list"], sandbox_pod, RECMANAGER_POD_TOKEN="f" * 40)
    assert bad.returncode == 1 and "Invalid token" in bad.stderr and "f" * 40 not in bad.stderr


def test_unknown_recorder_and_usage_errors(sandbox_pod, profile, capsys):
    assert main(["unclaimed", "list", "--recorder", "Nope", "--profile", "sandbox"]) == 1
    assert 'Pod has no recorder named "Nope"' in capsys.readouterr().err
    for argv in (["claim", "x.mp4"], ["unclaimed"], ["recorders"],
                 ["notify-url", "--ip", "1.2.3.4"]):
        with pytest.raises(SystemExit) as usage:
            main(argv)
        assert usage.value.code == 2
    assert run_cli(["claim"], sandbox_pod).returncode == 2


def test_notify_url_from_a_profile_is_accepted_by_pod(sandbox_pod, profile, capsys):
    assert main(["notify-url", "--ip", "192.168.1.10", "--salt", "s3cr3t", "--file",
                 "amphiA/lecture-10.mp4", "--profile", "sandbox", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["key"] == captured_query(40)["key"]  # what Pod 4.1 accepted for this recorder
    assert answer["mediapath"] == str(sandbox_pod.deposit_root / "amphiA/lecture-10.mp4")
    assert requests.get(answer["url"], timeout=10).text == "ok"
    dotted = "55af48e65f9248df7d61bfa4b22b801e"  # md5("192.168.1.10s3cr3t")
    assert main(["notify-url", "--ip", "192.168.1.10", "--salt", "s3cr3t", "--file",
                 "amphiA/lecture-10.mp4", "--profile", "sandbox", "--check-key", dotted]) == 1
    output = capsys.readouterr()
    assert "IP with dots" in output.err and answer["url"] == output.out.strip()


def test_notify_url_from_the_environment(sandbox_pod):
    mediapath = str(sandbox_pod.deposit_root / "salleE/e1.mp4")
    result = run_cli(["notify-url", "--ip", "10.0.0.50", "--salt", "esalt", "--file",
                      mediapath], sandbox_pod)
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith(sandbox_pod.base_url.rstrip("/") + "/record/recorder_notify/?")
    assert requests.get(url, timeout=10).text == "ok"


def test_web_session_from_the_environment(sandbox_pod, context, monkeypatch):
    monkeypatch.setenv("RECMANAGER_POD_URL", sandbox_pod.base_url)
    monkeypatch.setenv("RECMANAGER_POD_ALLOW_HTTP", "1")
    monkeypatch.setenv("RECMANAGER_POD_TOKEN", sandbox_pod.tokens["admin"])
    monkeypatch.setenv("RECMANAGER_POD_USER", "admin")
    monkeypatch.setenv("RECMANAGER_POD_PASSWORD", sandbox_pod.passwords["admin"])
    profile = context.resolve_profile(None)
    with PodWebSession.from_profile(profile, context.secrets) as web:
        assert web.recorder_settings(3).publication_auto is True
    assert context.profiles.names() == []  # used for that run only, never stored


def test_claim_for_a_non_staff_owner_claims_then_reassigns(sandbox_pod, profile, context,
                                                            capsys):
    assert main(["claim", "lecture-09.mp4", "--owner", "student1", "--profile", "sandbox",
                 "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["reassigned_to"] == "student1"
    with PodClient.from_profile(profile, context.secrets) as client:
        assert client.video(outcome["video_id"]).owner_id == 3  # student1
