"""Sample media for the seed, made once with the bundled FFmpeg and kept in a cache folder.

What a lecture-capture deposit holds: lectures of ten minutes and more (one with the
moov atom first, one with it at the end as many lecture-hall recorders write), a false start
(the recorder started by mistake, stopped after forty seconds) and a lecture whose microphone
stayed off; and slide images. Tiny pictures that change every few seconds, as slides do, and
low-rate sound keep each file under 600 KB and quick to make.
"""

from __future__ import annotations

import fcntl
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from recmanager.media import ffmpeg_executable, make_clip

# Deposit names as French universities write them (the interactive sandbox deposits them,
# see seed.py): spaces and accents, NFD as a Mac writes it, ' # & + %, a long name. Pod 4.1
# percent-encodes them in video URLs.
AWKWARD_NAMES = (
    "Cours du lundi é.mp4",
    unicodedata.normalize("NFD", "Séance ünï.mp4"),
    "l'amphi #2 & co + 100%.mp4",
    "2026-11-30 Introduction à l'analyse numérique — séance de rattrapage du mardi après-midi, "
    "groupe B.mp4",
)

# The two seeded recordings the inspection flags (see seed.py): a recorder started by
# mistake, a lecture whose microphone stayed off.
FALSE_START = "amphiA/lecture-07.mp4"
MICROPHONE_OFF = "amphiB/b2.mp4"

CACHE_VERSION = "v3"

# A lecture as the samples record it: 160×90, one picture a second and a new one every ten
# (every contact-sheet picture differs), and a voice that speaks two seconds in five, a tone
# with pauses of silence between (which cost the sound encoder next to nothing).
VOICE = "sine=frequency=440:sample_rate=8000,volume='if(lt(mod(t,5),2),1,0)':eval=frame"
LECTURE: dict[str, Any] = {
    "size": "160x90", "rate": 1, "picture_every_s": 10.0, "sound": VOICE,
    "audio_bitrate": "6k",
}
MUTED = "anullsrc=sample_rate=8000:channel_layout=mono"


def _make_once(path: Path, options: dict[str, Any]) -> None:
    if not path.exists():
        partial = path.with_suffix(".part.mp4")
        make_clip(partial, **options)
        partial.replace(path)


def sample_media(cache_dir: Path) -> dict[str, Path]:
    """Paths of the sample files, generated only when missing from ``cache_dir``."""
    folder = cache_dir / f"sandbox-samples-{CACHE_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    # Two sandboxes (or two test workers) sharing the cache make each file once: the second
    # waits for the first's lock, then finds the files made.
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _made_samples(folder)


def _made_samples(folder: Path) -> dict[str, Path]:
    wanted = {
        "faststart": (folder / "lecture.mp4", {**LECTURE, "seconds": 760, "faststart": True}),
        "moov_end": (folder / "lecture-moov-end.mp4", {**LECTURE, "seconds": 610,
                                                       "faststart": False,
                                                       "pattern": "testsrc2"}),
        "false_start": (folder / "false-start.mp4", {**LECTURE, "seconds": 40,
                                                     "faststart": False}),
        "silent": (folder / "microphone-off.mp4", {**LECTURE, "seconds": 540,
                                                   "faststart": False,
                                                   "sound": MUTED}),
    }
    # FFmpeg encodes on one core at these sizes: the clips are made side by side.
    with ThreadPoolExecutor(max_workers=len(wanted)) as pool:
        list(pool.map(lambda item: _make_once(*item), wanted.values()))
    paths = {name: path for name, (path, _options) in wanted.items()}
    for number in (1, 2):
        slide = folder / f"slide-{number:03d}.png"
        if not slide.exists():
            partial = slide.with_suffix(".part.png")
            subprocess.run(
                [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                 "-i", f"testsrc=size=320x240:rate=1:duration={number}", "-frames:v", "1",
                 str(partial)],
                check=True, capture_output=True, timeout=120,
            )
            partial.replace(slide)
        paths[f"slide{number}"] = slide
    return paths
