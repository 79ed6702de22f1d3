"""The bundled FFmpeg (from the imageio-ffmpeg wheel), test-pattern clips made with it, and a
recording's duration and height.

Debian's FFmpeg 5.1 writes CENC that browsers cannot decrypt, so recmanager always uses the
binary shipped in the wheel.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from recmanager.errors import PackagingError, ToolNotFound
from recmanager.i18n import translate


def ffmpeg_executable() -> str:
    """Path of the FFmpeg binary shipped with recmanager."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as exc:
        raise ToolNotFound(
            translate("media", "The bundled FFmpeg is missing: {error}").format(error=exc),
            hint=translate("media", "Reinstall recmanager."),
        ) from None


def make_clip(
    destination: Path,
    *,
    seconds: float = 4.0,
    size: str = "320x180",
    rate: int = 25,
    faststart: bool = True,
    pattern: str = "testsrc",
    video_bitrate: str | None = None,
    picture_every_s: float | None = None,
    sound: str = "sine=frequency=440:sample_rate=48000",
    audio_bitrate: str = "96k",
) -> Path:
    """A real H.264 + AAC MP4 (test pattern and ``sound``, an FFmpeg source); ``faststart=False``
    leaves the moov at the end, as many lecture-hall recorders write their files.

    ``picture_every_s`` shows a new picture only that often, as slides do, each starting a key
    frame, and encodes the sound with FFmpeg's fast AAC coder: a recording of many minutes
    then takes a few hundred kilobytes and well under a second to make.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    source_rate = f"1/{picture_every_s:g}" if picture_every_s else str(rate)
    key_frames = round(rate * picture_every_s) if picture_every_s else rate * 2
    command = [
        ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"{pattern}=size={size}:rate={source_rate}",
        "-f", "lavfi", "-i", sound,
        "-t", str(seconds), "-r", str(rate), "-c:v", "libx264", "-preset", "veryfast",
        "-pix_fmt", "yuv420p", "-g", str(key_frames), "-c:a", "aac", "-b:a", audio_bitrate,
    ]
    if picture_every_s:
        command += ["-aac_coder", "fast"]
    if video_bitrate:
        command += ["-b:v", video_bitrate]
    if faststart:
        command += ["-movflags", "+faststart"]
    command.append(str(destination))
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return destination


def duration_and_height(path: Path) -> tuple[int, int]:
    """(duration in whole seconds, video height) of a recording, read from its MP4 movie
    header (mvhd, the video track's tkhd) wherever the moov is; from FFmpeg's report when
    that cannot be read (another container, a damaged file); zeros if unknown."""
    from recmanager.packaging import mp4  # not at the top: the package imports its jobs

    try:
        info = mp4.probe(path)
    except (PackagingError, OSError):
        return ffmpeg_duration_and_height(path)
    video = info.video_track
    if not info.duration_s or (video is not None and not video.height):
        return ffmpeg_duration_and_height(path)
    return round(info.duration_s), video.height if video else 0


def ffmpeg_duration_and_height(path: Path) -> tuple[int, int]:
    """(duration in whole seconds, video height) from FFmpeg's report; zeros if unknown."""
    try:
        result = subprocess.run(
            [ffmpeg_executable(), "-hide_banner", "-i", str(path)],
            capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError, ToolNotFound):
        return 0, 0
    duration = re.search(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)", result.stderr)
    size = re.search(r"Video: .*?, (\d+)x(\d+)", result.stderr)
    seconds = 0
    if duration:
        hours, minutes, secs = duration.groups()
        seconds = round(int(hours) * 3600 + int(minutes) * 60 + float(secs))
    return seconds, int(size.group(2)) if size else 0
