"""Sample media for the seed, made once with the bundled FFmpeg and kept in a cache folder.

Two short clips (one with the moov atom first, one with it at the end as many lecture-hall
recorders write), a longer clip for the upload that keeps growing, and slide images.
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

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

CACHE_VERSION = "v1"


def sample_media(cache_dir: Path) -> dict[str, Path]:
    """Paths of the sample files, generated only when missing from ``cache_dir``."""
    folder = cache_dir / f"sandbox-samples-{CACHE_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {
        "faststart": (folder / "faststart.mp4", {"seconds": 2.0, "faststart": True}),
        "moov_end": (folder / "moov-end.mp4", {"seconds": 2.0, "faststart": False,
                                               "pattern": "smptebars"}),
        "long": (folder / "long-moov-end.mp4", {"seconds": 12.0, "faststart": False,
                                                "pattern": "testsrc2"}),
    }
    paths: dict[str, Path] = {}
    for name, (path, options) in wanted.items():
        if not path.exists():
            partial = path.with_suffix(".part.mp4")
            make_clip(partial, size="160x90", **options)
            partial.replace(path)
        paths[name] = path
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
