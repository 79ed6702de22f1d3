"""Claims of files named as people name them: spaces, accents (NFC and NFD), ``'#&+%``.

Pod writes the claimed video's URL percent-encoded (``cours%20du%20lundi%20%C3%A9_<date>.mp4``,
see tests/data/pod-4.1/names/62): the claim must still find its video, at once, and say so.
"""

from __future__ import annotations

import json
import shutil
import unicodedata

import pytest

from recmanager import audit
from recmanager.actions.opening import open_actions
from recmanager.cli import main
from recmanager.pod.rest import PodClient

NAMES = (
    "cours du lundi é.mp4",
    "sp ace.mp4",
    unicodedata.normalize("NFD", "ünï.mp4"),
    "l'amphi #2 & co + 100%.mp4",
    "Séance " + "très longue, " * 8 + "fin.mp4",  # long, within Pod's 200-character paths
)


def deposit(sandbox_pod, name: str, folder: str = "amphiA") -> str:
    """Drop a copy of a seeded clip under ``name`` and let Pod's cron list it."""
    target = sandbox_pod.deposit_root / folder / name
    shutil.copyfile(sandbox_pod.deposit_root / "amphiA" / "lecture-13.mp4", target)
    sandbox_pod.run_cron()
    return f"{sandbox_pod.deposit_root}/{folder}/{name}"


@pytest.mark.parametrize("name", NAMES, ids=["accent", "space", "nfd", "punctuation", "long"])
def test_a_claim_of_a_french_name_finds_its_video_at_once(sandbox_pod, context, name):
    profile = sandbox_pod.profile(context, user="admin")
    path = deposit(sandbox_pod, name)
    title = "Cours du lundi é"
    with open_actions(profile, context) as actions:
        actions.verify_timeout = 5.0  # the video is there within a second; 60 s would hide it
        result = actions.claim(path, "admin", title)
        video = actions.client.video(result.video_id)
        recordings = [r for r in actions.client.recordings() if r.source_file == path]
    assert video.title == title and len(recordings) == 1
    assert "%" in video.file_url or name == "sp ace.mp4" or "ü" in video.file_url
    assert not (sandbox_pod.deposit_root / "amphiA" / name).exists()
    assert audit.entries(context.db, action="claim")[0].result == "ok"


def test_the_cli_claims_an_nfd_file_typed_in_nfc(sandbox_pod, context, capsys):
    """The keyboard gives NFC; a Mac-made upload is NFD on disk: the same name to a person."""
    sandbox_pod.profile(context, user="admin")
    nfd = unicodedata.normalize("NFD", "Séance ünï.mp4")
    path = deposit(sandbox_pod, nfd)
    typed = unicodedata.normalize("NFC", "amphiA/Séance ünï.mp4")
    assert typed != f"amphiA/{nfd}"
    code = main(["claim", typed, "--owner", "admin", "--profile", "sandbox", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert result["file"] == path and result["video_id"] is not None
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        assert [r.id for r in client.recordings() if r.source_file == path] == [
            result["recording_id"]]
        # The lookups compare decoded, normalised names: typed NFC finds the NFD row's claim.
        assert client.recording_for_source(f"{sandbox_pod.deposit_root}/{typed}") is not None


def test_deleting_an_nfd_file_named_in_nfc_removes_the_file_not_only_pod_s_row(
        sandbox_pod, context):
    """Otherwise only the row would go, and Pod's next scan would bring the file back."""
    nfd = unicodedata.normalize("NFD", "Séance ünï.mp4")
    deposit(sandbox_pod, nfd)
    typed = f"{sandbox_pod.deposit_root}/amphiA/{unicodedata.normalize('NFC', nfd)}"
    profile = sandbox_pod.profile(context, user="admin")
    with open_actions(profile, context, need_deposit=True) as actions:
        actions.delete(typed)
    assert not (sandbox_pod.deposit_root / "amphiA" / nfd).exists()
    sandbox_pod.run_cron()
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client:
        assert client.treatment_for_file(typed) is None
