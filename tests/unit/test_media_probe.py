"""A recording's duration and height from its MP4 movie header, FFmpeg's report otherwise: on
real files made by the bundled FFmpeg (moov first, moov at the end, 64-bit box sizes, another
container) and on damaged ones."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from recmanager import media
from recmanager.errors import PackagingError
from recmanager.media import duration_and_height, ffmpeg_duration_and_height, make_clip
from recmanager.packaging import mp4


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def large_box(kind: bytes, payload: bytes) -> bytes:
    """The same box with a 64-bit size (size field 1, then the real size)."""
    return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload


def movie(mvhd: bytes, tkhd: bytes) -> bytes:
    """A file with a movie header and one video track, and no media: enough to be read."""
    hdlr = box(b"hdlr", bytes(8) + b"vide" + bytes(12) + b"Video\0")
    trak = box(b"trak", box(b"tkhd", tkhd) + box(b"mdia", hdlr))
    return box(b"ftyp", b"isom" + bytes(4) + b"isommp41") + box(b"moov", box(b"mvhd", mvhd)
                                                                 + trak)


def mvhd_v1(timescale: int, duration: int) -> bytes:
    return b"\1\0\0\0" + bytes(16) + struct.pack(">IQ", timescale, duration) + bytes(80)


def tkhd_v1(height: int) -> bytes:
    return (b"\1\0\0\7" + bytes(16) + struct.pack(">I", 1) + bytes(4) + bytes(8) + bytes(8)
            + bytes(8) + bytes(36) + struct.pack(">II", 1920 << 16, height << 16))


@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("probe")
    return {
        "faststart": make_clip(folder / "faststart.mp4", seconds=3.3, size="320x180"),
        "moov_end": make_clip(folder / "moov-end.mp4", seconds=4.6, size="256x144",
                              faststart=False),
    }


@pytest.fixture
def no_ffmpeg(monkeypatch) -> None:
    def refuse(path: Path) -> tuple[int, int]:
        raise AssertionError(f"FFmpeg was asked about {path}")

    monkeypatch.setattr(media, "ffmpeg_duration_and_height", refuse)


@pytest.mark.parametrize(("name", "expected"), [("faststart", (3, 180)), ("moov_end", (5, 144))])
def test_the_header_gives_what_ffmpeg_reports(clips, name: str, expected, no_ffmpeg) -> None:
    path = clips[name]
    assert ffmpeg_duration_and_height(path) == expected  # the real one, called here only
    assert duration_and_height(path) == expected
    assert mp4.probe(path).video_track.height == expected[1]


def test_64_bit_box_sizes(clips, tmp_path: Path, no_ffmpeg) -> None:
    """FFmpeg leaves an 8-byte ``free`` box before the mdat of a moov-at-end file so that it can
    grow the mdat's header to 64 bits past 4 GiB: do that, and give the moov a 64-bit size."""
    data = clips["moov_end"].read_bytes()
    boxes = mp4.top_level(clips["moov_end"])
    assert [b.type for b in boxes] == [b"ftyp", b"free", b"mdat", b"moov"]
    _, free, mdat, moov = boxes
    large = (data[:free.offset] + struct.pack(">I4sQ", 1, b"mdat", mdat.size + free.size)
             + data[mdat.payload_offset:moov.offset]
             + large_box(b"moov", data[moov.payload_offset:moov.end]))
    path = tmp_path / "large-boxes.mp4"
    path.write_bytes(large)
    assert [(b.type, b.header) for b in mp4.top_level(path)] == [
        (b"ftyp", 8), (b"mdat", 16), (b"moov", 16)]
    assert duration_and_height(path) == (5, 144)
    assert ffmpeg_duration_and_height(path) == (5, 144)  # a valid file: FFmpeg reads it too


def test_version_1_headers(tmp_path: Path, no_ffmpeg) -> None:
    """Long recordings get 64-bit durations (mvhd and tkhd version 1)."""
    path = tmp_path / "long.mp4"
    path.write_bytes(movie(mvhd_v1(90_000, 90_000 * 7_200 + 36_000), tkhd_v1(1080)))
    assert duration_and_height(path) == (7_200, 1_080)


def test_another_container_is_left_to_ffmpeg(clips, tmp_path: Path) -> None:
    path = tmp_path / "lecture.mkv"
    subprocess.run([media.ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-i",
                    str(clips["faststart"]), "-c", "copy", str(path)], check=True, timeout=60)
    assert duration_and_height(path) == (3, 180)


def test_damaged_files_fall_back_to_ffmpeg_or_zeros(clips, tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video\n")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    whole = clips["moov_end"].read_bytes()
    no_moov = tmp_path / "cut.mp4"  # the recorder stopped before writing the moov
    no_moov.write_bytes(whole[: len(whole) // 2])
    short_tkhd = tmp_path / "short-tkhd.mp4"  # a track header too short for its fields
    short_tkhd.write_bytes(movie(mvhd_v1(1_000, 5_000), b"\0" * 20))
    garbage_moov = tmp_path / "garbage-moov.mp4"  # the moov's content overwritten
    moov = next(b for b in mp4.top_level(clips["moov_end"]) if b.type == b"moov")
    garbage_moov.write_bytes(whole[:moov.payload_offset] + b"\xff" * (moov.size - moov.header))
    for path in (text, empty, no_moov, short_tkhd, garbage_moov, tmp_path / "missing.mp4"):
        assert duration_and_height(path) == ffmpeg_duration_and_height(path), path
    for path in (text, empty, short_tkhd, tmp_path / "missing.mp4"):
        assert duration_and_height(path) == (0, 0), path
    with pytest.raises(PackagingError, match="damaged"):
        mp4.probe(short_tkhd)
