#!/usr/bin/env python3
"""Preview of a large moov-at-end recording through the stream, against the same file local.

A real libvlc player decodes the file into memory (video callbacks: the time of the first
``display`` call is the first frame) with a dummy audio output. Measured in the same run,
methods taking turns:

- reference: the file opened from the local disk (``file://``);
- the stream: ``deposit/stream.py`` serving the file from the real sshd over SFTP.

Goals: time to first frame <= 2x local; bytes fetched over SFTP <= 5 % of the file (counted
until the player is stopped right after its first frame, read-ahead included).

The player opens the stream with ``deposit.stream.player_options(url)`` (a 1 MiB prefetch
buffer instead of VLC's 16 MiB one, which on 127.0.0.1 only delays the first frame and
fetches megabytes a seek throws away); VLC's defaults are measured too, for information.

``python bench/bench_deposit_preview.py [--full] [--size-mb N] [--repeats R]``:
200 MB by default, 2 GB (the issue's size) with ``--full``.
"""

from __future__ import annotations

import argparse
import ctypes
import math
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import (
    CACHE,
    bench_context,
    exit_code,
    human_bytes,
    inform,
    judge,
    peak_rss_mb,
    sshd_server,
)

from recmanager.deposit import open_deposit
from recmanager.deposit.stream import PreviewServer, player_options
from recmanager.media import ffmpeg_executable

WIDTH, HEIGHT = 1280, 720


def top_level_boxes(path: Path) -> list[bytes]:
    """The MP4's top-level box types, read from their headers only."""
    boxes = []
    size = path.stat().st_size
    with path.open("rb") as stream:
        offset = 0
        while offset < size:
            stream.seek(offset)
            length, kind = struct.unpack(">I4s", stream.read(8))
            if length == 1:
                length = struct.unpack(">Q", stream.read(8))[0]
            boxes.append(kind)
            offset += length
    return boxes


def lecture_piece() -> Path:
    """One minute of 720p at a lecture recorder's bitrate (~4.5 Mbit/s), moov at the end.

    A plain test pattern compresses to almost nothing; grain keeps the encoder honest, so a
    2 GB file lasts about an hour, as a real recording does.
    """
    path = CACHE / "preview-piece-60s.mp4"
    if path.exists():
        return path
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate=25,noise=alls=12:allf=t",
         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "60",
         "-c:v", "libx264", "-preset", "veryfast", "-b:v", "4500k", "-maxrate", "4500k",
         "-bufsize", "9000k", "-pix_fmt", "yuv420p", "-g", "50", "-c:a", "aac", "-b:a", "96k",
         str(path)],
        check=True, timeout=3600)
    return path


def recording(size: int) -> Path:
    """A moov-at-end MP4 of about ``size`` bytes (the piece repeated), kept in bench/.cache."""
    path = CACHE / "deposit" / "amphiA" / f"preview-{size // 1_000_000}MB.mp4"
    if path.exists() and top_level_boxes(path)[-1] == b"moov":
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    piece = lecture_piece()
    loops = max(1, math.ceil(size / piece.stat().st_size))
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
         "-stream_loop", str(loops - 1), "-i", str(piece), "-c", "copy", str(path)],
        check=True, timeout=3600)
    assert top_level_boxes(path)[-1] == b"moov", "the moov atom must be at the end"
    return path


class FirstFrame:
    """libvlc decoding into memory; ``measure`` gives the seconds until the first frame."""

    def __init__(self) -> None:
        import vlc

        self.vlc = vlc
        self.instance = vlc.Instance(["--quiet", "--aout=dummy", "--no-xlib",
                                      "--no-video-title-show", "--no-osd"])
        self.buffer = ctypes.create_string_buffer(WIDTH * HEIGHT * 4)
        self.shown = threading.Event()
        buffer_address = ctypes.cast(self.buffer, ctypes.c_void_p)

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque, planes):
            planes[0] = buffer_address.value
            return None

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock(_opaque, _picture, _planes):
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque, _picture):
            self.shown.set()

        self._callbacks = (lock, unlock, display)  # keep them alive while VLC holds them

    def measure(self, mrl: str, options: tuple[str, ...] = ()) -> float:
        self.shown.clear()
        player = self.instance.media_player_new()
        player.video_set_callbacks(*self._callbacks, None)
        player.video_set_format("RV32", WIDTH, HEIGHT, WIDTH * 4)
        media = self.instance.media_new(mrl, *options)
        player.set_media(media)
        start = time.perf_counter()
        player.play()
        if not self.shown.wait(60):
            raise SystemExit(f"no frame within 60 s from {mrl}")
        elapsed = time.perf_counter() - start
        player.stop()
        player.release()
        media.release()
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="2 GB, the issue's size")
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    size = 2_000_000_000 if args.full else args.size_mb * 1_000_000
    path = recording(size)
    real_size = path.stat().st_size
    print(f"file: {human_bytes(real_size)}, moov at the end ({path.name}); median of "
          f"{args.repeats} runs each; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs")
    player = FirstFrame()
    with sshd_server() as server, tempfile.TemporaryDirectory(prefix="bench-pv-") as work:
        context = bench_context(Path(work), server)
        with open_deposit(server.profile(path.parent.parent), context) as deposit, \
                PreviewServer(deposit.open_read) as stream:
            url = stream.url_for(str(path))
            fetched: list[int] = []

            def streamed(options: tuple[str, ...]) -> float:
                before = deposit.bytes_read
                seconds = player.measure(url, options)
                fetched.append(deposit.bytes_read - before)
                return seconds

            local_runs, stream_runs, default_runs = [], [], []
            for _ in range(args.repeats):
                local_runs.append(player.measure(path.as_uri()))
                stream_runs.append(streamed(player_options(url)))
                default_runs.append(streamed(()))
        context.close()
    local = statistics.median(local_runs)
    streamed_time = statistics.median(stream_runs)
    default = statistics.median(default_runs)
    most = max(fetched[0::2])  # the runs with player_options()
    print(f"  local file                  {local:6.3f} s  {[round(t, 3) for t in local_runs]}")
    print(f"  stream, player_options()    {streamed_time:6.3f} s  "
          f"{[round(t, 3) for t in stream_runs]}")
    print(f"  stream, VLC's defaults      {default:6.3f} s  "
          f"{[round(t, 3) for t in default_runs]}")
    print(f"  fetched over SFTP per run: at most {human_bytes(most)} "
          f"({100 * most / real_size:.2f} % of the file); runs "
          f"{[human_bytes(count) for count in fetched[0::2]]}; with VLC's defaults "
          f"{[human_bytes(count) for count in fetched[1::2]]}")
    print(f"  peak memory: {peak_rss_mb():.0f} MB")
    inform("stream with VLC's defaults vs local", default / local)
    judge("time to first frame, stream vs local", streamed_time / local, 2.0, at_most=True)
    judge("bytes fetched, share of the file", 100 * most / real_size, 5, at_most=True, unit=" %")
    if not args.full:
        print("  (the bytes goal is set for 2 GB: --full; VLC reads the same megabytes ahead "
              "whatever the size)")
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
