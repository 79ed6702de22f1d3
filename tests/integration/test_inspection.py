"""Inspection of generated recordings, through a mounted folder and over real SFTP: each clip
gets exactly its flag, the normal one none; zip deposits through the video inside them; the
store keeps each inspection for as long as its file is unchanged."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from recmanager.config import setting_named
from recmanager.deposit import open_deposit
from recmanager.deposit.base import read_ranges
from recmanager.deposit.local import LocalDeposit
from recmanager.inspection import (
    FlagKind,
    InspectionSettings,
    inspect,
    inspect_cached,
    inspect_files,
    load,
    load_all,
)
from recmanager.inspection.analyse import AUDIO_WINDOWS
from tests.fixtures.media import INSPECTION_SECONDS

# Shorter than the clips of INSPECTION_SECONDS, longer than the 2-second false start.
SETTINGS = InspectionSettings(false_start_s=4)

EXPECTED = {
    "normal": set(),
    "silent": {FlagKind.SILENT},
    "no_audio": {FlagKind.NO_AUDIO},
    "black": {FlagKind.BLACK},
    "frozen": {FlagKind.FROZEN},
    "false_start": {FlagKind.FALSE_START},
    "cut_before_moov": {FlagKind.CUT_SHORT},
    "cut_inside_mdat": {FlagKind.CUT_SHORT},
    "moov_first_cut": {FlagKind.CUT_SHORT},
}


def _zip(destination: Path, video: Path, compression: int = zipfile.ZIP_STORED) -> Path:
    """An audiovideocast deposit: a SMIL file, slides and the video, as Pod reads them."""
    with zipfile.ZipFile(destination, "w") as archive:
        archive.writestr("course/cours.smil", "<smil/>")
        for number in (1, 2):
            archive.writestr(f"course/slides/{number}.jpg", b"\xff\xd8 not really a picture")
        archive.write(video, "course/video.mp4", compress_type=compression)
    return destination


@pytest.fixture(params=["mounted", pytest.param("sftp", marks=pytest.mark.sshd)])
def deposit(request, inspection_clips, tmp_path, context):
    """The clips in a recorder folder, seen through a mounted folder or over SFTP."""
    root = tmp_path / "ftp"
    folder = root / "amphiA"
    folder.mkdir(parents=True)
    for name, clip in inspection_clips.files.items():
        shutil.copy(clip, folder / f"{name}.mp4")
    _zip(folder / "zip_normal.zip", inspection_clips.files["normal"])
    _zip(folder / "zip_silent.zip", inspection_clips.files["silent"])
    _zip(folder / "zip_deflated.zip", inspection_clips.files["normal"], zipfile.ZIP_DEFLATED)
    if request.param == "mounted":
        opened = LocalDeposit(str(root), str(root))
    else:
        sshd = request.getfixturevalue("sshd")
        sshd.trust(context.paths.known_hosts)
        opened = open_deposit(sshd.profile(root), context)
    with opened:
        yield opened, f"{root}/amphiA"


def test_each_clip_gets_exactly_its_flag(deposit):
    opened, folder = deposit
    found = {name: inspect(opened, f"{folder}/{name}.mp4", SETTINGS) for name in EXPECTED}
    assert {name: item.flag_kinds for name, item in found.items()} == EXPECTED
    assert all(not item.problem for item in found.values())
    # What was fetched with the head is not fetched again ("read 94 KiB of 45 KiB"); only
    # the 8-byte headers of the boxes read before the head may come twice.
    assert {name: item.bytes_read <= item.size + 64 for name, item in found.items()} == {
        name: True for name in EXPECTED}

    normal = found["normal"]
    assert normal.duration_s == pytest.approx(INSPECTION_SECONDS, abs=0.1)
    assert (normal.width, normal.height, normal.resolution) == (160, 90, "160×90")
    assert (normal.video_codec, normal.audio_codec, normal.has_audio) == ("h264", "aac", True)
    assert normal.thumbnail_png.startswith(b"\x89PNG\r\n\x1a\n")
    assert normal.sheet_png.startswith(b"\x89PNG\r\n\x1a\n")
    assert 0 < normal.thumbnail_at_s < INSPECTION_SECONDS  # past the first picture
    times = normal.sheet_times_s
    assert len(times) >= 6 and times[0] < 1 and times[-1] >= INSPECTION_SECONDS - 1.5

    silent = found["silent"].flags[0].evidence
    assert silent["windows"] >= AUDIO_WINDOWS and silent["loudest_db"] < -55
    assert silent["last_s"] - silent["first_s"] >= INSPECTION_SECONDS * 0.9
    assert found["no_audio"].has_audio is False
    assert found["black"].flags[0].evidence["pictures"] >= 6
    assert found["frozen"].flags[0].evidence["pictures"] >= 6
    start = found["false_start"].flags[0].evidence
    assert start == {"duration_s": pytest.approx(2, abs=0.1), "minimum_s": 4}

    assert found["cut_before_moov"].flags[0].evidence["part"] == "moov"
    assert found["cut_inside_mdat"].flags[0].evidence["part"] == "mdat"
    assert found["moov_first_cut"].flags[0].evidence["part"] == "mdat"
    for name in ("cut_before_moov", "cut_inside_mdat", "moov_first_cut"):
        cut = found[name]
        # Said "unplayable as is" from the box headers (and the moov), never played.
        assert cut.duration_s is None and cut.thumbnail_png is None and cut.sheet_png is None
        assert cut.bytes_read < cut.size // 2
        assert "cannot be played as is" in cut.flags[0].label and cut.flags[0].detail()


def test_zip_deposits_are_inspected_through_their_stored_video(deposit):
    opened, folder = deposit
    normal = inspect(opened, f"{folder}/zip_normal.zip", SETTINGS)
    assert normal.member == "course/video.mp4" and not normal.problem
    assert normal.flag_kinds == set()
    assert normal.duration_s == pytest.approx(INSPECTION_SECONDS, abs=0.1)
    assert normal.sheet_png.startswith(b"\x89PNG")
    silent = inspect(opened, f"{folder}/zip_silent.zip", SETTINGS)
    assert silent.flag_kinds == {FlagKind.SILENT}

    deflated = inspect(opened, f"{folder}/zip_deflated.zip", SETTINGS)
    assert "compressed inside the zip" in deflated.problem and deflated.flags == ()
    assert deflated.bytes_read < deflated.size // 2  # the directory only, not the video


def test_the_false_start_default_is_two_minutes(deposit):
    opened, folder = deposit
    assert InspectionSettings().false_start_s == 120 == setting_named("false_start_s").default
    found = inspect(opened, f"{folder}/normal.mp4")
    assert found.flag_kinds == {FlagKind.FALSE_START}
    assert found.flags[0].evidence["minimum_s"] == 120


def test_a_file_ffmpeg_cannot_read_says_so(tmp_path):
    (tmp_path / "amphiA").mkdir()
    (tmp_path / "amphiA" / "notes.mp4").write_text("hello, not a video\n")
    with LocalDeposit(str(tmp_path), str(tmp_path)) as opened:
        found = inspect(opened, f"{tmp_path}/amphiA/notes.mp4")
    assert "FFmpeg cannot read" in found.problem and found.flags == ()


def test_each_recording_is_inspected_once_while_it_is_unchanged(inspection_clips, tmp_path,
                                                                 context):
    root = tmp_path / "ftp"
    (root / "amphiA").mkdir(parents=True)
    for name in ("normal", "silent", "false_start"):
        shutil.copy(inspection_clips.files[name], root / "amphiA" / f"{name}.mp4")
    with LocalDeposit(str(root), str(root)) as opened:
        files = [opened.stat(f"{root}/amphiA/{name}.mp4")
                 for name in ("normal", "silent", "false_start")]
        made: list[str] = []
        first = inspect_files(opened, context.db, "p", files, SETTINGS,
                              on_inspected=lambda item: made.append(item.path))
        assert sorted(made) == sorted(item.path for item in files)
        assert first.inspected.keys() == {item.path for item in files} and not first.known
        assert first.all[files[1].path].flag_kinds == {FlagKind.SILENT}

        made.clear()
        second = inspect_files(opened, context.db, "p", files, SETTINGS,
                               on_inspected=lambda item: made.append(item.path))
        assert made == [] and not second.inspected
        assert {path: item.flag_kinds for path, item in second.known.items()} == {
            path: item.flag_kinds for path, item in first.inspected.items()}
        assert second.known[files[0].path].sheet_png is None  # facts only: cheap for many
        cached = load(context.db, "p", files[0].path, files[0].size, files[0].mtime, SETTINGS)
        assert cached.sheet_png == first.inspected[files[0].path].sheet_png
        assert cached.thumbnail_png == first.inspected[files[0].path].thumbnail_png
        with_thumbnails = load_all(context.db, "p", SETTINGS, thumbnails=True)
        assert with_thumbnails[files[0].path].thumbnail_png == cached.thumbnail_png
        assert with_thumbnails[files[0].path].sheet_png is None

        # The false start depends on the setting, not on the file: no new inspection.
        longer = InspectionSettings(false_start_s=3600)
        again = inspect_files(opened, context.db, "p", files, longer)
        assert not again.inspected
        assert all(FlagKind.FALSE_START in item.flag_kinds for item in again.known.values())

        # Another version of a file (new mtime) is inspected again, once.
        changed = root / "amphiA" / "normal.mp4"
        os.utime(changed, (1_700_000_000, 1_700_000_000))
        assert load(context.db, "p", files[0].path, files[0].size, files[0].mtime) is not None
        fresh = opened.stat(files[0].path)
        assert load(context.db, "p", fresh.path, fresh.size, fresh.mtime) is None
        third = inspect_files(opened, context.db, "p", [fresh, *files[1:]], SETTINGS)
        assert third.inspected.keys() == {fresh.path}
        assert load(context.db, "p", files[0].path, files[0].size, files[0].mtime) is None
        assert inspect_cached(opened, context.db, "p", fresh.path, SETTINGS).mtime == fresh.mtime


@pytest.mark.sshd
def test_over_sftp_a_recording_is_glanced_at_in_planned_round_trips(
        sshd, context, inspection_clips, tmp_path, monkeypatch):
    """Its size and time come with the opening (no LSTAT of their own), and a movie header
    written last is fetched with its box header (no read of that header alone): every other
    byte comes in batches asked for at once (the first boxes, the header and the movie
    header, the head, the key frame)."""
    from recmanager.deposit.sftp_reader import RemoteReader

    (tmp_path / "amphiA").mkdir()
    shutil.copy(inspection_clips.files["normal"], tmp_path / "amphiA" / "normal.mp4")
    path = f"{tmp_path}/amphiA/normal.mp4"
    sshd.trust(context.paths.known_hosts)
    with open_deposit(sshd.profile(tmp_path), context) as opened:
        known = opened.stat(path)
        for single in ("_lstat", "_realpath"):
            monkeypatch.setattr(opened, single,
                                lambda *_a, name=single: pytest.fail(f"{name} on its own"))
        monkeypatch.setattr(RemoteReader, "readinto",
                            lambda *_a: pytest.fail("a read outside the planned batches"))
        found = inspect(opened, path, SETTINGS, full=False)
    assert (found.size, found.mtime) == (known.size, known.mtime)
    assert found.duration_s == pytest.approx(INSPECTION_SECONDS, abs=0.1)
    assert found.thumbnail_png.startswith(b"\x89PNG") and not found.problem


@pytest.mark.sshd
def test_over_sftp_a_recording_s_first_read_goes_out_with_its_open(
        sshd, context, inspection_clips, tmp_path, monkeypatch):
    """On a channel whose next handle is foreseen (prepared, or after the file before), the
    first boxes are asked for in the OPEN's round trip: a READ leaves before any answer."""
    from recmanager.deposit import sftp_wire

    (tmp_path / "amphiA").mkdir()
    shutil.copy(inspection_clips.files["normal"], tmp_path / "amphiA" / "normal.mp4")
    path = f"{tmp_path}/amphiA/normal.mp4"
    sshd.trust(context.paths.known_hosts)
    events: list[str] = []
    send_read, receive_reply = sftp_wire.send_read, sftp_wire.receive_reply
    monkeypatch.setattr(sftp_wire, "send_read", lambda *a: (events.append("READ"),
                                                             send_read(*a))[1])
    monkeypatch.setattr(sftp_wire, "receive_reply", lambda c: (events.append("reply"),
                                                                receive_reply(c))[1])
    with open_deposit(sshd.profile(tmp_path), context) as opened:
        opened.prepare_reads(1)
        for _time in range(2):  # the second on the handle the first left
            events.clear()
            found = inspect(opened, path, SETTINGS, full=False)
            assert "READ" in events[:events.index("reply")], events[:8]
            assert found.duration_s == pytest.approx(INSPECTION_SECONDS, abs=0.1)
            assert found.thumbnail_png.startswith(b"\x89PNG") and not found.problem


@pytest.mark.sshd
def test_sampling_reads_over_sftp_fetch_small_pieces_and_ranges_at_once(sshd, context,
                                                                          tmp_path):
    from recmanager.deposit.sftp_window import READ_CHUNK, SAMPLING_CHUNK

    (tmp_path / "amphiA").mkdir()
    data = os.urandom(4 * READ_CHUNK)
    (tmp_path / "amphiA" / "big.mp4").write_bytes(data)
    sshd.trust(context.paths.known_hosts)
    path = f"{tmp_path}/amphiA/big.mp4"
    ranges = [(0, 10), (2 * READ_CHUNK - 5, 3 * SAMPLING_CHUNK), (len(data) - 5, 50), (7, 0)]
    with open_deposit(sshd.profile(tmp_path), context) as opened:
        fetched = []
        for sampling in (False, True):
            with opened.open_read(path, sampling=sampling) as reader:
                before = opened.bytes_read
                for offset in (READ_CHUNK, 3 * READ_CHUNK):  # a little at two places
                    reader.seek(offset)
                    assert reader.read(1000) == data[offset:offset + 1000]
                fetched.append(opened.bytes_read - before)
        # Many ranges at once (one round trip): the same bytes as a local read.
        with opened.open_read(path, sampling=True) as reader:
            assert read_ranges(reader, ranges) == [data[o:o + s] for o, s in ranges]
    assert fetched == [2 * READ_CHUNK, 2 * SAMPLING_CHUNK]
    with LocalDeposit(str(tmp_path), str(tmp_path)) as local, local.open_read(path) as reader:
        assert read_ranges(reader, ranges) == [data[o:o + s] for o, s in ranges]


def _transport_stream(source: Path, destination: Path) -> Path:
    """The same clip in MPEG-TS, a container without an index (as some recorders write)."""
    import subprocess

    from recmanager.media import ffmpeg_executable

    subprocess.run([ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-i",
                    str(source), "-c", "copy", "-f", "mpegts", str(destination)],
                   check=True, capture_output=True, timeout=60)
    return destination


def test_a_container_without_an_index_is_read_by_seeking(inspection_clips, tmp_path):
    (tmp_path / "amphiA").mkdir()
    for name in ("normal", "silent", "black"):
        _transport_stream(inspection_clips.files[name], tmp_path / "amphiA" / f"{name}.ts")
    with LocalDeposit(str(tmp_path), str(tmp_path)) as opened:
        found = {name: inspect(opened, f"{tmp_path}/amphiA/{name}.ts", SETTINGS)
                 for name in ("normal", "silent", "black")}
    assert {name: item.flag_kinds for name, item in found.items()} == {
        "normal": set(), "silent": {FlagKind.SILENT}, "black": {FlagKind.BLACK}}
    assert found["normal"].duration_s == pytest.approx(INSPECTION_SECONDS, abs=0.2)
    assert len(found["normal"].sheet_times_s) >= 4


def test_a_sound_file_with_a_cover_picture_has_no_picture_track(tmp_path):
    import subprocess

    from recmanager.media import ffmpeg_executable

    (tmp_path / "amphiA").mkdir()
    sound = tmp_path / "amphiA" / "podcast.mp3"
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.1:sample_rate=48000:d=5",
         "-f", "lavfi", "-i", "testsrc=size=64x64:rate=1:duration=1", "-map", "0", "-map", "1",
         "-c:v", "mjpeg", "-disposition:v", "attached_pic",
         "-c:a", "libmp3lame", str(sound)],
        check=True, capture_output=True, timeout=60)
    with LocalDeposit(str(tmp_path), str(tmp_path)) as opened:
        found = inspect(opened, str(sound), SETTINGS)
    assert (found.video_codec, found.audio_codec, found.has_audio) == ("", "mp3", True)
    assert found.sheet_png is None and found.thumbnail_png is None
    assert found.flag_kinds == set() and found.duration_s == pytest.approx(5, abs=0.2)


def test_a_pass_reports_a_vanished_file_and_stops_when_cancelled(inspection_clips, tmp_path,
                                                                 context):
    from recmanager.errors import Cancelled
    from recmanager.progress import CancelToken

    root = tmp_path / "ftp"
    (root / "amphiA").mkdir(parents=True)
    for name in ("normal", "silent"):
        shutil.copy(inspection_clips.files[name], root / "amphiA" / f"{name}.mp4")
    with LocalDeposit(str(root), str(root)) as opened:
        files = [opened.stat(f"{root}/amphiA/{name}.mp4") for name in ("normal", "silent")]
        cancel = CancelToken()
        cancel.cancel()
        with pytest.raises(Cancelled):
            inspect_files(opened, context.db, "p", files, SETTINGS, cancel=cancel)
        assert inspect_files(opened, context.db, "p", [], SETTINGS).all == {}

        (root / "amphiA" / "silent.mp4").unlink()  # deleted after the scan listed it
        done = inspect_files(opened, context.db, "p", files, SETTINGS)
    assert done.inspected.keys() == {files[0].path}
    assert "is not in the deposit folder" in done.failed[files[1].path]
