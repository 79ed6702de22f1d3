"""`recmanager package` and `recmanager jobs` as a person or a cron job runs them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

KEY, KID = "hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ"
KEY_HEX = "87237d20a19f58a740c05684e699b4aa"


def recmanager(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run(
        [sys.executable, "-m", "recmanager", *args], input=stdin, capture_output=True,
        text=True, timeout=120, env=env,
    )


def test_package_prints_the_manifest_and_exits_0(media, tmp_path, isolated_dirs):
    out = tmp_path / "out"
    result = recmanager("package", str(media.clip), "--key", KEY, "--kid", KID,
                        "--backend", "ffmpeg", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out / "stream.mpd")
    assert "Job 1: 100% Ready" in result.stderr  # plain progress lines when piped
    assert KEY_HEX not in result.stderr + result.stdout
    log = (isolated_dirs.log_dir / "recmanager.log").read_text()
    assert "with FFmpeg" in log and KEY_HEX not in log

    listing = recmanager("jobs", "list", "--json")
    jobs = json.loads(listing.stdout)
    assert [(j["id"], j["status"], j["backend"]) for j in jobs] == [(1, "Ready", "ffmpeg")]
    assert "key" not in json.dumps(jobs).replace("key_", "")


def test_key_from_stdin_and_json_output(media, tmp_path):
    result = recmanager("package", str(media.clip), "--key", "-", "--kid", KID, "--json",
                        "--out", str(tmp_path / "out"), stdin=KEY_HEX + "\n")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["status"] == "Ready" and record["backend"] == "ffmpeg"  # Bento4 absent


@pytest.mark.parametrize(
    ("source", "options", "message"),
    [
        ("text_file", [], "not an MP4"),
        ("clip", ["--scheme", "cbcs", "--backend", "ffmpeg"], "only encrypt with CENC"),
        ("clip", ["--backend", "bento4"], "Bento4 (mp4info, mp4fragment"),
    ],
)
def test_failures_exit_1_with_the_reason(media, tmp_path, source, options, message):
    out = tmp_path / "out"
    result = recmanager("package", str(getattr(media, source)), "--key", KEY, "--kid", KID,
                        "--out", str(out), *options)
    assert result.returncode == 1
    assert message in result.stderr
    assert not out.exists()


def test_bad_key_is_refused_before_anything(media, tmp_path):
    result = recmanager("package", str(media.clip), "--key", "87237d20a19f58a7", "--kid", KID,
                        "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "key decodes to 12 bytes" in result.stderr
    assert recmanager("jobs", "list", "--json").stdout.strip() == "[]"


def test_jobs_remove_takes_a_failed_job_and_its_downloaded_copy_only(media, tmp_path,
                                                                    isolated_dirs):
    copy = isolated_dirs.cache_dir / "packaging-inputs" / "amphiA" / "séance-11.mp4"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(media.truncated_moov_at_end.read_bytes())
    failed = recmanager("package", str(copy), "--key", KEY, "--kid", KID, "--out",
                        str(tmp_path / "failed"))
    assert failed.returncode == 1
    ready = recmanager("package", str(media.clip), "--key", KEY, "--kid", KID, "--out",
                       str(tmp_path / "out"))
    assert ready.returncode == 0, ready.stderr
    refused = recmanager("jobs", "remove", "2")
    assert refused.returncode == 1
    assert "Job 2 is Ready: only a failed or aborted job can be removed." in refused.stderr
    removed = recmanager("jobs", "remove", "1")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == f"Job 1 removed.\nIts downloaded copy {copy} was deleted.\n"
    assert not copy.exists() and (tmp_path / "out" / "stream.mpd").exists()
    jobs = json.loads(recmanager("jobs", "list", "--json").stdout)
    assert [(job["id"], job["status"]) for job in jobs] == [(2, "Ready")]
    assert recmanager("jobs", "remove", "1").returncode == 1


def test_usage_error_exits_2(media):
    assert recmanager("package", str(media.clip), "--key", KEY).returncode == 2


@pytest.mark.slow
def test_ctrl_c_aborts_and_leaves_nothing(long_clip, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    process = subprocess.Popen(
        [sys.executable, "-m", "recmanager", "package", str(long_clip), "--key", KEY, "--kid",
         KID, "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".partial") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert "aborted" in stderr
    assert list(tmp_path.iterdir()) == []
    retried = recmanager("jobs", "retry", "1")
    assert retried.returncode == 1  # the key was kept for this session only (no keyring)
    assert "no longer in the keyring" in retried.stderr
