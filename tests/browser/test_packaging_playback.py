"""The FFmpeg backend's output plays in a real browser: Debian's Chromium + shaka-player.

The presentation and a player page are served from 127.0.0.1; playwright-core drives
Chromium headless. With the right ClearKey playback advances with no player error; with a
wrong key it does not (ClearKey cannot tell a wrong key apart, it shows as decode errors).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recmanager.packaging import JobStatus, KeyPair, PackageRequest, PackagingJob
from tests.fixtures.processes import free_port, port_open, stop_process, wait_for

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE.parent / "node_modules"
SHAKA = NODE_MODULES / "shaka-player" / "dist" / "shaka-player.compiled.js"
KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")
WRONG_KEY = "00112233445566778899aabbccddeeff"
PLAY_SECONDS = 5

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def served(tmp_path, context, media):
    """Package the test clip with FFmpeg, serve it with the player page on 127.0.0.1."""
    for needed in (Path("/usr/bin/chromium"), SHAKA, NODE_MODULES / "playwright-core"):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run `make test`, which installs it")
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(HERE / "player.html", root / "player.html")
    shutil.copy(SHAKA, root / SHAKA.name)
    job = PackagingJob.create(
        context.db, context.secrets,
        PackageRequest(media.clip, root / "dash", backend="ffmpeg"), KEYS,
    )
    assert job.run().status is JobStatus.READY
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_for(lambda: port_open(port), 10, "the HTTP server")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(server)


def play(base: str, key_hex: str) -> dict:
    url = f"{base}/player.html?mpd=dash/stream.mpd&kid={KEYS.kid_hex}&key={key_hex}"
    result = subprocess.run(
        ["node", str(HERE / "play.mjs"), url, str(PLAY_SECONDS)],
        capture_output=True, text=True, timeout=120, cwd=HERE.parent,
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    print(state)  # shown by pytest when an assertion fails
    return state


def test_plays_with_the_right_key(served):
    state = play(served, KEYS.key_hex)
    assert state["errors"] == [], state
    assert state["pageErrors"] == [], state
    assert state["loaded"] is True
    assert state["currentTime"] > 2.0, state
    assert state["decodedFrames"] > 25, state
    assert set(state["keyStatuses"].values()) == {"usable"}, state


def test_wrong_key_does_not_play(served):
    state = play(served, WRONG_KEY)
    codes = {error["code"] for error in state["errors"]}
    assert codes & {3016, 3015, "video"}, state  # decode failure reported by the player
    assert state["currentTime"] < 1.0, state
