"""The FFmpeg backend: the bundled FFmpeg (imageio-ffmpeg, FFmpeg 9) in one pass to DASH + CENC.

Debian's FFmpeg 5.1 puts the sample-encryption boxes where browsers do not look, so only the
bundled binary is used. FFmpeg encrypts every stream (it has no per-track choice) and only
knows CENC (AES-CTR); its manifest has no ContentProtection, which is added afterwards.
"""

from __future__ import annotations

from pathlib import Path

from recmanager.errors import PackagingError
from recmanager.i18n import translate
from recmanager.media import ffmpeg_executable
from recmanager.packaging import mp4, verify
from recmanager.packaging.job import JobStatus, Plan, Steps
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.process import run_tool
from recmanager.progress import CancelToken

SEGMENT_SECONDS = 2
SPACE_FACTOR = 1.2  # the DASH output is about the input's size


class FFmpegBackend:
    name = "ffmpeg"

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or ffmpeg_executable()

    def preflight(self, input_path: Path, *, scheme: str, all_tracks: bool) -> Plan:
        del all_tracks  # FFmpeg encrypts every stream whatever is asked
        if scheme != "cenc":
            raise PackagingError(
                translate("ffmpeg", "FFmpeg can only encrypt with CENC, not {scheme}.").format(
                    scheme=scheme
                ),
                hint=translate("ffmpeg", "Choose CENC, or install Bento4 for CBCS."),
            )
        media = check_input(input_path)
        video = media.video_track
        assert video is not None
        return Plan(media=media, video_track=video.id, space_factor=SPACE_FACTOR,
                    tools={"ffmpeg": self.executable})

    def command(self, input_path: Path, manifest: Path, keys: KeyPair) -> list[str]:
        """The one FFmpeg pass (also what the benchmark runs bare)."""
        return [
            self.executable, "-hide_banner", "-nostats", "-loglevel", "error",
            "-progress", "pipe:1", "-y", "-i", str(input_path),
            "-map", "0:v", "-map", "0:a?", "-c", "copy",
            "-f", "dash", "-dash_segment_type", "mp4", "-seg_duration", str(SEGMENT_SECONDS),
            "-use_timeline", "1",
            "-format_options",
            f"encryption_scheme=cenc-aes-ctr:encryption_key={keys.key_hex}"
            f":encryption_kid={keys.kid_hex}",
            str(manifest),
        ]

    def package(
        self,
        plan: Plan,
        *,
        input_path: Path,
        keys: KeyPair,
        scheme: str,
        all_tracks: bool,
        work_dir: Path,
        steps: Steps,
        cancel: CancelToken,
    ) -> Path:
        del scheme, all_tracks
        out = work_dir / "dash"
        out.mkdir()
        manifest = out / "stream.mpd"
        duration_us = max(1.0, plan.media.duration_s * 1_000_000)

        def on_line(line: str) -> None:
            name, _, value = line.partition("=")
            if name == "out_time_us" and value.strip().lstrip("-").isdigit():
                steps.fraction(int(value) / duration_us)
            elif name == "progress" and value.strip() == "end":
                steps.fraction(1.0)

        steps.begin(translate("ffmpeg", "fragmenting and encrypting"), 0.95)
        run_tool(self.command(input_path, manifest, keys), cancel=cancel,
                 secrets=(keys.key_hex,), on_stdout_line=on_line)
        media_segments = sorted(out.glob("chunk-stream*.m4s"))
        if not manifest.is_file() or not media_segments:
            raise PackagingError(translate("ffmpeg", "FFmpeg wrote no DASH segments."))
        steps.reached(JobStatus.FRAGMENTED)
        steps.begin(translate("ffmpeg", "checking the encryption"), 0.03)
        init_segments = sorted(out.glob("init-stream*.m4s"))
        verify.check_init_segments(init_segments, keys, expected=len(init_segments))
        if not mp4.has_sample_encryption(media_segments[0]):
            raise PackagingError(
                translate(
                    "ffmpeg",
                    "The segments lack per-fragment encryption data (senc): browsers could not "
                    "decrypt them. This FFmpeg build is not usable.",
                )
            )
        steps.fraction(1.0)
        steps.reached(JobStatus.ENCRYPTED)
        steps.begin(translate("ffmpeg", "writing the manifest"), 0.02)
        verify.add_content_protection(manifest, keys)
        verify.check_protection_signalled(manifest, keys, all_sets=True)
        verify.check_duration(manifest, plan.media.duration_s)
        steps.fraction(1.0)
        return out


def check_input(input_path: Path) -> mp4.MediaInfo:
    """Readable, a finished MP4, with a video track: else a reason a person understands."""
    if not input_path.is_file():
        raise PackagingError(
            translate("jobs", "The input file {path} does not exist.").format(path=input_path)
        )
    media = mp4.probe(input_path)
    if media.video_track is None:
        raise PackagingError(
            translate("jobs", "{name} has no video track: there is nothing to package.").format(
                name=input_path.name
            )
        )
    return media
