"""Reading manifests and MP4 boxes back: durations, protection signalling, damaged files."""

from __future__ import annotations

import shutil

import pytest

from recmanager.errors import PackagingError
from recmanager.packaging import mp4, verify
from recmanager.packaging.keys import KeyPair
from tests.integration.test_packaging_bento4 import TRANSCRIPTS

KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")
RECORDED_MPD = TRANSCRIPTS / "stream.mpd"  # the manifest of a real mp4-dash.py run


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("PT20.000S", 20.0), ("PT6.0S", 6.0), ("PT1H30M0.5S", 5400.5), ("PT2M", 120.0),
     ("P1DT1S", 86401.0)],
)
def test_iso_durations(text, seconds):
    assert verify.parse_iso_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "20s", "PT", "P"])
def test_unreadable_durations_are_refused(text):
    with pytest.raises(PackagingError, match="cannot be read"):
        verify.parse_iso_duration(text)


def test_content_protection_is_added_once_with_our_kid(tmp_path):
    manifest = tmp_path / "stream.mpd"
    shutil.copy(RECORDED_MPD, manifest)
    verify.add_content_protection(manifest, KEYS)
    verify.add_content_protection(manifest, KEYS)  # replaces, never duplicates
    text = manifest.read_text()
    assert text.count("urn:mpeg:dash:mp4protection:2011") == 2  # video and audio sets
    assert text.count("ClearKey1.0") == 2
    verify.check_protection_signalled(manifest, KEYS, all_sets=True)
    other = KeyPair.generate()
    with pytest.raises(PackagingError, match="does not announce the video track"):
        verify.check_protection_signalled(manifest, other, all_sets=False)


def test_bento4_manifest_announces_only_video(tmp_path):
    verify.check_protection_signalled(RECORDED_MPD, KEYS, all_sets=False)
    with pytest.raises(PackagingError, match="audio track"):
        verify.check_protection_signalled(RECORDED_MPD, KEYS, all_sets=True)


def test_duration_tolerance():
    assert verify.check_duration(RECORDED_MPD, 20.021) == 20.0
    with pytest.raises(PackagingError, match=r"lasts 20\.0 s but the source lasts 25\.0 s"):
        verify.check_duration(RECORDED_MPD, 25.0)


def test_probe_reads_tracks_and_refuses_damaged_files(media):
    info = mp4.probe(media.clip)
    assert [(t.id, t.handler, t.sample_entry) for t in info.tracks] == [
        (1, "vide", "avc1"), (2, "soun", "mp4a")]
    assert abs(info.duration_s - 6.0) < 0.1 and not info.fragmented
    assert mp4.probe(media.moov_at_end).video_track.id == 1
    with pytest.raises(PackagingError, match="not an MP4"):
        mp4.probe(media.text_file)
    with pytest.raises(PackagingError, match="empty"):
        mp4.probe(media.empty)
    for cut in (media.truncated, media.truncated_moov_at_end):
        with pytest.raises(PackagingError, match="cut short"):
            mp4.probe(cut)
    assert mp4.encryption_kids(media.clip) == {}
