"""The bundled FFmpeg (from the imageio-ffmpeg wheel) and test-pattern clips made with it.

Debian's FFmpeg 5.1 writes CENC that browsers cannot decrypt, so recmanager always uses the
binary shipped in the wheel.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from recmanager.errors import ToolNotFound
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
) -> Path:
    """A real H.264 + AAC MP4 (test pattern and tone); ``faststart=False`` leaves the moov at
    the end, as many lecture-hall recorders write their files."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    command = [
        ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"{pattern}=size={size}:rate={rate}",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", str(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-g", str(rate * 2), "-c:a", "aac", "-b:a", "96k",
    ]
    if video_bitrate:
        command += ["-b:v", video_bitrate]
    if faststart:
        command += ["-movflags", "+faststart"]
    command.append(str(destination))
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return destination
