"""``recmanager delete``, ``reassign`` and ``audit export``: the same actions, headless."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recmanager import audit
from recmanager.cli import main
from recmanager.pod.rest import PodClient

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_delete_reassign_and_export_with_a_profile(sandbox_pod, context, capsys, tmp_path):
    profile = sandbox_pod.profile(context, user="admin")
    profile.quarantine_dir = str(tmp_path / "held")
    context.profiles.save(profile)
    code, out, _ = run(capsys, "delete", "amphiA/lecture-02.mp4", "--quarantine",
                       "--profile", "sandbox", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["path"] == f"{sandbox_pod.deposit_root}/amphiA/lecture-02.mp4"
    assert Path(result["quarantined_path"]).is_file() and result["size"] > 0
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").exists()

    code, out, _ = run(capsys, "reassign", "--video", "2", "--owner", "teacher1",
                       "--profile", "sandbox")
    assert code == 0 and "now belongs to teacher1" in out

    code, out, err = run(capsys, "reassign", "--video", "999", "--owner", "teacher1",
                         "--profile", "sandbox")
    assert code == 1 and "no video 999" in err

    export = tmp_path / "audit.csv"
    code, out, _ = run(capsys, "audit", "export", str(export), "--json")
    assert code == 0 and json.loads(out)["entries"] == 3
    with export.open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["action"], r["result"]) for r in rows] == [
        ("reassign", "failed"), ("reassign", "ok"), ("quarantine", "ok")]
    assert rows[2]["actor"] == "cli:admin"

    code, out, _ = run(capsys, "audit", "export", str(export), "--action", "quarantine")
    assert code == 0 and out.startswith("1 audit entries")


def test_delete_is_refused_to_a_staff_account(sandbox_pod, context, capsys):
    sandbox_pod.profile(context, user="manager1")
    code, _, err = run(capsys, "delete", "amphiA/lecture-03.mp4", "--profile", "sandbox")
    assert code == 1 and "superusers" in err
    assert (sandbox_pod.deposit_root / "amphiA" / "lecture-03.mp4").exists()
    assert audit.entries(context.db, action="delete")[0].result == "refused"


@pytest.mark.sshd
def test_delete_from_a_cron_job_with_the_environment_and_a_real_sshd(sandbox_pod, sshd,
                                                                     tmp_path):
    home = tmp_path / "home"
    known_hosts = home / "config" / "recmanager" / "known_hosts"
    sshd.trust(known_hosts)
    key = sshd.client_keys["ed25519"]
    environment = dict(
        os.environ,
        RECMANAGER_POD_URL=sandbox_pod.base_url,
        RECMANAGER_POD_ALLOW_HTTP="1",
        RECMANAGER_POD_TOKEN=sandbox_pod.tokens["admin"],
        RECMANAGER_POD_USER="admin",
        RECMANAGER_POD_PASSWORD=sandbox_pod.passwords["admin"],
        RECMANAGER_DEPOSIT=f"sftp://{sshd.user}@{sshd.host}:{sshd.port}"
                           f"{sandbox_pod.deposit_root}?key={key}",
        XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    result = subprocess.run(
        [sys.executable, "-m", "recmanager", "delete", "amphiA/lecture-04.mp4", "--json"],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["treatment_id"] is not None
    assert not (sandbox_pod.deposit_root / "amphiA" / "lecture-04.mp4").exists()
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        assert client.treatment_for_file(
            f"{sandbox_pod.deposit_root}/amphiA/lecture-04.mp4") is None
    assert sandbox_pod.tokens["admin"] not in result.stdout + result.stderr
