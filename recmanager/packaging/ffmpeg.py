"""The FFmpeg backend: FFmpeg's libraries (PyAV's wheel) in one pass to DASH + CENC.

The pass runs in this process so the content key is handed over in memory: the ``ffmpeg``
command could only take it on its command line, readable by every local user. Debian's FFmpeg
5.1 puts the sample-encryption boxes where browsers do not look; PyAV bundles its own, newer
libraries. FFmpeg encrypts every stream (it has no per-track choice) and only knows CENC
(AES-CTR); its manifest has no ContentProtection, which is added afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import av

from recmanager.errors import PackagingError, ToolFailed
from recmanager.i18n import translate
from recmanager.packaging import mp4, verify
from recmanager.packaging.job import Plan, Steps
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.process import mask
from recmanager.packaging.records import JobStatus
from recmanager.progress import CancelToken

log = logging.getLogger("recmanager.packaging")
SEGMENT_SECONDS = 2
SPACE_FACTOR = 1.2  # the DASH output is about the input's size


class FFmpegBackend:
    name = "ffmpeg"

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
        return Plan(media=media, video_track=video.id, space_factor=SPACE_FACTOR)

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
        steps.begin(translate("ffmpeg", "fragmenting and encrypting"), 0.95)
        remux_to_dash(input_path, manifest, keys, duration_s=plan.media.duration_s,
                      on_fraction=steps.fraction, cancel=cancel)
        steps.fraction(1.0)
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


def dash_options(keys: KeyPair) -> dict[str, str]:
    """The DASH muxer's options: CENC with our key, handed over in-process, never in argv."""
    return {
        "dash_segment_type": "mp4",
        "seg_duration": str(SEGMENT_SECONDS),
        "use_timeline": "1",
        "format_options": f"encryption_scheme=cenc-aes-ctr:encryption_key={keys.key_hex}"
                          f":encryption_kid={keys.kid_hex}",
    }


def remux_to_dash(
    input_path: Path,
    manifest: Path,
    keys: KeyPair,
    *,
    duration_s: float,
    on_fraction: Callable[[float], None],
    cancel: CancelToken,
) -> None:
    """Copy the video and the first audio stream into encrypted DASH, in this process.

    The FFmpeg libraries run through PyAV so the content key never stands on a command line.
    """
    log.info("packaging %s into %s with FFmpeg %s (PyAV %s), in-process", input_path,
             manifest.parent, av.ffmpeg_version_info, av.__version__)
    try:
        with av.open(str(input_path)) as source:
            video = source.streams.video[0]
            streams = [video, *source.streams.audio[:1]]
            with av.open(str(manifest), mode="w", format="dash",
                         options=dash_options(keys)) as target:
                copies = {s.index: target.add_stream_from_template(s) for s in streams}
                # progress from the video's timestamps, in its own units (no Fraction per
                # packet: the loop runs once per packet of a lecture, tens of thousands)
                total = max(1.0, duration_s / float(video.time_base))
                step = total / 200
                next_report = 0.0
                for packet in source.demux(streams):
                    cancel.check()
                    if packet.dts is None:  # the demuxer's end-of-stream marker
                        continue
                    copy = copies[packet.stream.index]
                    if copy.index == 0 and packet.pts is not None and packet.pts >= next_report:
                        on_fraction(packet.pts / total)
                        next_report = packet.pts + step
                    packet.stream = copy
                    target.mux(packet)
    except av.FFmpegError as exc:
        reason = mask(str(exc), (keys.key_hex,))
        log.warning("FFmpeg failed: %s", reason)
        raise ToolFailed(
            translate("ffmpeg", "FFmpeg could not package the file: {reason}").format(
                reason=reason)
        ) from None
