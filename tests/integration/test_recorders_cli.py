"""``recmanager recorders show | edit | create | check | notify`` against the sandbox Pod."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from recmanager import audit
from recmanager.cli import main
from recmanager.pod.web import PodWebSession


@pytest.fixture
def profile(sandbox_pod, context):
    return sandbox_pod.profile(context, name="sandbox")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def web_settings(sandbox_pod, recorder_id: int):
    with PodWebSession(sandbox_pod.base_url, "admin", sandbox_pod.passwords["admin"]) as web:
        return web.recorder_settings(recorder_id)


def test_show_with_key_checks(profile, capsys) -> None:
    code, out, _ = run(capsys, "recorders", "show", "Amphi A", "--profile", "sandbox", "--json")
    assert json.loads(out)["salt"] == "********"  # the hash key only on demand
    code, out, _ = run(capsys, "recorders", "show", "Amphi A", "--profile", "sandbox", "--json",
                       "--show-key")
    shown = json.loads(out)
    assert code == 0
    assert (shown["salt"], shown["directory"], shown["mode"], shown["files_waiting"]) == (
        "s3cr3t", "amphiA", "manual-claim", 13)
    assert shown["notify_key"] == hashlib.md5(b"192_168_1_10s3cr3t").hexdigest()
    code, out, err = run(capsys, "recorders", "show", "Amphi A", "--profile", "sandbox",
                         "--check-key", hashlib.md5(b"192.168.1.10s3cr3t").hexdigest())
    assert code == 1 and "with dots" in err and "Notify URL" in out
    assert "s3cr3t" not in out
    code, _, err = run(capsys, "recorders", "show", "Amphi A", "--profile", "sandbox",
                       "--check-key", shown["notify_key"])
    # only the warning every run against the sandbox's plain HTTP gets
    assert code == 0 and [line for line in err.splitlines() if "plain HTTP" not in line] == []
    code, _, err = run(capsys, "recorders", "show", "Nowhere", "--profile", "sandbox")
    assert code == 1 and "No recorder" in err


def test_edit_every_option_and_refusals(
    profile, capsys, sandbox_pod, context, monkeypatch
) -> None:
    code, out, err = run(
        capsys, "recorders", "edit", "Amphi A", "--profile", "sandbox", "--ip", "192.168.1.12",
        "--salt", "cli-key-123456", "--folder", "amphiA-cli", "--manager", "teacher1",
        "--video-type", "Lecture", "--description", "by the CLI", "--additional-owners",
        "teacher2,manager1", "--auto-publish")
    assert code == 0, err
    assert "Sent over REST: Description, IP address." in out
    assert "Sent over the web session:" in out and "Hash key" in out
    settings = web_settings(sandbox_pod, 1)
    assert (settings.address_ip, settings.salt, settings.directory, settings.type_id) == (
        "192.168.1.12", "cli-key-123456", "amphiA-cli", 2)
    assert settings.manager_id == 4 and settings.publication_auto
    assert set(settings.additional_user_ids) == {2, 5}
    entries = audit.entries(context.db)
    assert entries[0].action == "recorder-edit" and entries[0].result == "ok"

    code, _, err = run(capsys, "recorders", "edit", "Amphi A", "--profile", "sandbox",
                       "--ip", "10.0.0.50", "--folder", "a/b", "--manager", "student1")
    assert code == 1
    assert "Salle E" in err and "one folder name" in err and "not staff" in err
    assert web_settings(sandbox_pod, 1).address_ip == "192.168.1.12"  # nothing was sent

    code, _, err = run(capsys, "recorders", "edit", "Amphi A", "--profile", "sandbox",
                       "--no-manager", "--no-auto-publish", "--new-salt")
    assert code == 0, err
    settings = web_settings(sandbox_pod, 1)
    assert settings.manager_id is None and len(settings.salt) >= 32

    monkeypatch.setattr("sys.stdin", io.StringIO("key-from-stdin-42\n"))
    code, _, err = run(capsys, "recorders", "edit", "Amphi A", "--profile", "sandbox",
                       "--salt-stdin")
    assert code == 0, err
    assert web_settings(sandbox_pod, 1).salt == "key-from-stdin-42"


def test_create_then_check_until_clean(profile, capsys, sandbox_pod) -> None:
    code, out, _ = run(capsys, "recorders", "check", "--profile", "sandbox", "--json",
                       "--manual-claiming")
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    assert [f["kind"] for f in report["findings"]] == ["orphan-folder"]
    assert report["skipped"] == []

    code, out, err = run(capsys, "recorders", "create", "--profile", "sandbox", "--name",
                         "Unknown room", "--ip", "10.9.9.9", "--folder", "unknowndir",
                         "--manager", "manager1")
    assert code == 0, err
    assert "Recorder created" in out and "Hash key: " in out

    code, out, err = run(capsys, "recorders", "check", "--profile", "sandbox",
                         "--manual-claiming")
    assert code == 0, out + err
    assert "No problem found." in out

    code, out, _ = run(capsys, "recorders", "check", "--profile", "sandbox",
                       "--no-manual-claiming")
    assert code == 1 and "manual-claim-impossible" in out and "Amphi A" in out


def test_check_fix_applies_the_automatic_fixes(profile, capsys, sandbox_pod) -> None:
    (sandbox_pod.deposit_root / "amphiB" / "b2.mp4").unlink()
    run(capsys, "recorders", "edit", "Salle E (managed by teacher1)", "--profile", "sandbox",
        "--folder", "salleE-moved")
    code, out, _ = run(capsys, "recorders", "check", "--profile", "sandbox", "--json")
    kinds = sorted(f["kind"] for f in json.loads(out)["findings"])
    assert kinds == ["missing-folder", "orphan-folder", "orphan-folder", "treatment-file-gone"]
    code, out, _ = run(capsys, "recorders", "check", "--profile", "sandbox", "--json", "--fix")
    report = json.loads(out)
    assert code == 1  # the orphan folders need a person's choices
    assert len(report["fixed"]) == 2
    assert sorted(f["kind"] for f in report["findings"]) == ["orphan-folder", "orphan-folder"]
    assert (sandbox_pod.deposit_root / "salleE-moved").is_dir()
    assert any("Manual-claim recorders were not checked" in s for s in report["skipped"])


def test_notify_needs_yes_and_then_calls_pod(profile, capsys, sandbox_pod) -> None:
    mails = len(sandbox_pod.outbox_files())
    code, out, err = run(capsys, "recorders", "notify", "Amphi B (managed, email)",
                         "--file", "b1.mp4", "--profile", "sandbox")
    assert code == 1 and "recordingPlace=192_168_1_20" in out and "--yes" in err
    assert len(sandbox_pod.outbox_files()) == mails
    code, out, err = run(capsys, "recorders", "notify", "Amphi B (managed, email)",
                         "--file", "b1.mp4", "--profile", "sandbox", "--yes")
    assert code == 0, err
    assert "e-mailed" in out and len(sandbox_pod.outbox_files()) == mails + 1
