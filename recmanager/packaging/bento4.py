"""The Bento4 backend: mp4info → mp4fragment → mp4encrypt → mp4-dash.py --clearkey.

Bento4 often exits 0 after failing (docs/bento4.md, "Error behaviour"), so besides ``ERROR:`` lines
(see process.py) every step is checked by reading its output back: the fragmented file must
be fragmented, the encrypted track must carry ``encv`` with the requested scheme, mp4dash
must report our KID, and the manifest must last as long as the source.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recmanager.errors import PackagingError, ToolFailed, ToolNotFound
from recmanager.i18n import translate
from recmanager.packaging import verify
from recmanager.packaging.job import Plan, Steps
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.mp4 import MediaInfo, Track
from recmanager.packaging.process import run_tool
from recmanager.packaging.records import JobStatus
from recmanager.progress import CancelToken

BINARIES = ("mp4info", "mp4fragment", "mp4encrypt")
DASH_SCRIPT = "mp4-dash.py"
SPACE_FACTOR = 3.0  # fragmented + encrypted + DASH copies exist at the same time
SEGMENT_SECONDS = 2
METHODS = {"cenc": "MPEG-CENC", "cbcs": "MPEG-CBCS"}
_KEY_INFO = re.compile(r"Key info for File \d+#(\d+): \[PRE-ENCRYPTED KID=([0-9a-fA-F]{32})\]")


@dataclass(frozen=True)
class Bento4Tools:
    mp4info: Path
    mp4fragment: Path
    mp4encrypt: Path
    mp4dash: Path  # mp4-dash.py (run with Python) or Bento4's ``mp4dash`` wrapper

    @property
    def exec_dir(self) -> Path:
        return self.mp4info.parent

    def dash_command(self) -> list[str]:
        if self.mp4dash.suffix == ".py":
            return [_python(), str(self.mp4dash)]
        return [str(self.mp4dash)]


def _python() -> str:
    """A Python for mp4-dash.py: ours, unless frozen into an executable."""
    if getattr(sys, "frozen", False):
        return shutil.which("python3") or "python3"
    return sys.executable


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_bento4(folder: str = "") -> Bento4Tools | None:
    """Bento4 in ``folder`` (the SDK root, its bin/ or utils/), else on PATH; None if absent."""
    roots = [Path(folder).expanduser()] if folder else []
    bin_dirs = [d for root in roots for d in (root, root / "bin")]
    script_dirs = [d for root in roots for d in (root, root / "utils", root.parent / "utils")]

    def binary(name: str) -> Path | None:
        for directory in bin_dirs:
            if _executable(directory / name):
                return directory / name
        found = shutil.which(name)
        return Path(found) if found else None

    found = {name: binary(name) for name in BINARIES}
    if any(path is None for path in found.values()):
        return None
    script = next((d / DASH_SCRIPT for d in script_dirs if (d / DASH_SCRIPT).is_file()), None)
    if script is None:
        on_path = shutil.which(DASH_SCRIPT) or shutil.which("mp4dash")
        script = Path(on_path) if on_path else None
    if script is None:
        return None
    return Bento4Tools(found["mp4info"], found["mp4fragment"], found["mp4encrypt"], script)


class Bento4Backend:
    name = "bento4"

    def __init__(self, tools: Bento4Tools) -> None:
        self.tools = tools

    @classmethod
    def locate(cls, folder: str = "") -> Bento4Backend:
        tools = find_bento4(folder)
        if tools is None:
            raise ToolNotFound(
                translate(
                    "bento4",
                    "Bento4 (mp4info, mp4fragment, mp4encrypt and mp4-dash.py) was not found.",
                ),
                hint=translate(
                    "bento4",
                    "Set the Bento4 folder in the connection profile, put Bento4 on the PATH, "
                    "or choose the FFmpeg backend.",
                ),
            )
        return cls(tools)

    # --- the commands (also what the benchmark runs bare) ------------------------------------

    def info_command(self, path: Path) -> list[str]:
        return [str(self.tools.mp4info), "--format", "json", str(path)]

    def fragment_command(self, source: Path, target: Path) -> list[str]:
        return [str(self.tools.mp4fragment), str(source), str(target)]

    def encrypt_command(
        self, source: Path, target: Path, *, tracks: list[int], key_hex: str, kid_hex: str,
        scheme: str,
    ) -> list[str]:
        command = [str(self.tools.mp4encrypt), "--method", METHODS[scheme]]
        for track in tracks:
            command += ["--key", f"{track}:{key_hex}:random", "--property",
                        f"{track}:KID:{kid_hex}"]
        return [*command, str(source), str(target)]

    def dash_command(self, source: Path, target: Path) -> list[str]:
        return [
            *self.tools.dash_command(), f"--exec-dir={self.tools.exec_dir}", "-v",
            "-o", str(target), "--mpd-name=stream.mpd", "--clearkey", str(source),
        ]

    # --- steps ---------------------------------------------------------------------------------

    def info(self, path: Path, cancel: CancelToken | None = None) -> dict[str, Any]:
        """mp4info's JSON; refuses output without tracks (mp4info says rc 0 for a text file)."""
        run = run_tool(self.info_command(path), cancel=cancel or CancelToken())
        try:
            data = json.loads(run.stdout)
        except ValueError:
            raise ToolFailed(
                translate("bento4", "mp4info gave unreadable output for {name}.").format(
                    name=path.name
                )
            ) from None
        if not data.get("tracks"):
            raise PackagingError(
                translate(
                    "bento4",
                    "{name} has no readable movie (mp4info found no tracks): it is empty, not "
                    "an MP4, or the recording was interrupted before it was finalised.",
                ).format(name=path.name)
            )
        return data

    @staticmethod
    def video_track(data: dict[str, Any], name: str) -> dict[str, Any]:
        track = next((t for t in data["tracks"] if t.get("type") == "Video"), None)
        if track is None:
            raise PackagingError(
                translate("jobs", "{name} has no video track: there is nothing to package.")
                .format(name=name)
            )
        return track

    def preflight(self, input_path: Path, *, scheme: str, all_tracks: bool) -> Plan:
        del all_tracks
        if scheme not in METHODS:
            raise PackagingError(
                translate("jobs", "Unknown encryption scheme {scheme}: use cenc or cbcs.").format(
                    scheme=scheme
                )
            )
        if not input_path.is_file() or not os.access(input_path, os.R_OK):
            raise PackagingError(
                translate("jobs", "The input file {path} does not exist or cannot be read.")
                .format(path=input_path)
            )
        data = self.info(input_path)
        video = self.video_track(data, input_path.name)
        tracks = [
            Track(int(t["id"]), {"Video": "vide", "Audio": "soun"}.get(t.get("type"), "other"),
                  float(t.get("duration_ms", 0)) / 1000,
                  (t.get("sample_descriptions") or [{}])[0].get("coding", ""))
            for t in data["tracks"]
        ]
        media = MediaInfo(
            size=input_path.stat().st_size,
            duration_s=float(data.get("movie", {}).get("duration_ms", 0)) / 1000,
            fragmented=bool(data.get("movie", {}).get("fragments")),
            tracks=tracks,
        )
        tools = {name: str(getattr(self.tools, name)) for name in (*BINARIES, "mp4dash")}
        return Plan(media=media, video_track=int(video["id"]), space_factor=SPACE_FACTOR,
                    tools=tools)

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
        fragmented = work_dir / "frag.mp4"
        encrypted = work_dir / "enc.mp4"
        tracks = [t.id for t in plan.media.tracks] if all_tracks else [plan.video_track]

        steps.begin(translate("bento4", "fragmenting"), 0.10)
        self._run_growing(self.fragment_command(input_path, fragmented), fragmented,
                          plan.media.size, steps, cancel)
        data = self.info(fragmented, cancel)
        if not data.get("movie", {}).get("fragments"):
            raise PackagingError(translate("bento4", "mp4fragment did not fragment the file."))
        steps.reached(JobStatus.FRAGMENTED)

        steps.begin(translate("bento4", "encrypting"), 0.62)
        self._encrypt(fragmented, encrypted, keys, scheme, tracks, steps, cancel)
        fragmented.unlink()
        self.check_encrypted(self.info(encrypted, cancel), tracks, scheme)
        steps.reached(JobStatus.ENCRYPTED)

        steps.begin(translate("bento4", "writing DASH"), 0.26)
        dash = self._write_dash(plan, encrypted, work_dir / "dash", keys, steps, cancel)
        encrypted.unlink()
        manifest = dash / "stream.mpd"
        verify.check_protection_signalled(manifest, keys, all_sets=all_tracks)
        verify.check_duration(manifest, plan.media.duration_s)
        steps.fraction(1.0)
        return dash

    def _encrypt(self, fragmented: Path, encrypted: Path, keys: KeyPair, scheme: str,
                 tracks: list[int], steps: Steps, cancel: CancelToken) -> None:
        """mp4encrypt, then its word on each track: a track it skipped fails the job."""
        run = self._run_growing(
            self.encrypt_command(fragmented, encrypted, tracks=tracks, key_hex=keys.key_hex,
                                 kid_hex=keys.kid_hex, scheme=scheme),
            encrypted, fragmented.stat().st_size, steps, cancel, secrets=(keys.key_hex,),
        )
        skipped = {int(n) for n in re.findall(r"WARNING: track ID (\d+) will not be encrypted",
                                              run.stderr)}
        if skipped & set(tracks):
            raise PackagingError(
                translate("bento4", "mp4encrypt did not encrypt track {track}.").format(
                    track=min(skipped & set(tracks))
                )
            )

    def _write_dash(self, plan: Plan, encrypted: Path, dash: Path, keys: KeyPair,
                    steps: Steps, cancel: CancelToken) -> Path:
        """mp4dash, its progress counted in written segments; the video's KID checked."""
        expected_segments = max(1, math.ceil(plan.media.duration_s / SEGMENT_SECONDS))

        def count_segments() -> None:
            video_dir = dash / "video"
            if video_dir.is_dir():
                steps.fraction(sum(1 for _ in video_dir.rglob("seg-*.m4s")) / expected_segments)

        run = run_tool(self.dash_command(encrypted, dash), cancel=cancel, poll=count_segments)
        reported = {int(t): kid.lower() for t, kid in _KEY_INFO.findall(run.stdout)}
        if reported.get(plan.video_track) != keys.kid_hex:
            raise PackagingError(
                translate(
                    "bento4",
                    "mp4dash did not find the video track encrypted with KID {kid}.",
                ).format(kid=keys.kid_hex)
            )
        return dash

    @staticmethod
    def check_encrypted(data: dict[str, Any], tracks: list[int], scheme: str) -> None:
        """Each track asked for carries ``protection`` with ``encv``/``enca`` and our scheme."""
        by_id = {int(t["id"]): t for t in data["tracks"]}
        for track_id in tracks:
            description = (by_id.get(track_id, {}).get("sample_descriptions") or [{}])[0]
            protection = description.get("protection") or {}
            if protection.get("coding") not in ("encv", "enca") or (
                protection.get("scheme_type") != scheme
            ):
                raise PackagingError(
                    translate(
                        "bento4", "Track {track} is not encrypted with {scheme} after mp4encrypt."
                    ).format(track=track_id, scheme=scheme)
                )

    @staticmethod
    def _run_growing(
        command: list[str], output: Path, expected_size: int, steps: Steps,
        cancel: CancelToken, *, secrets: tuple[str, ...] = (),
    ):
        """Run a step whose output grows to about the input's size; progress = size ratio."""

        def poll() -> None:
            with contextlib.suppress(FileNotFoundError):
                steps.fraction(output.stat().st_size / max(1, expected_size))

        run = run_tool(command, cancel=cancel, poll=poll, secrets=secrets)
        steps.fraction(1.0)
        return run
