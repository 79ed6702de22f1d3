"""What an inspection found about one recording: its facts, its pictures and its flags.

Plain data, stored as JSON in the store's cache and printed by the command line; the wording
of each flag is chosen for the staff who read it ("no sound"), its evidence (times, levels)
says why it was raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from recmanager.i18n import QT_TRANSLATE_NOOP, translate

# Raised when the thresholds or the sampling change: a cached inspection of an older analysis
# is computed again, not trusted.
ANALYSIS_VERSION = 1


class FlagKind(StrEnum):
    """A problem lecture-capture teams meet every week, found before anyone publishes."""

    NO_AUDIO = "no_audio"
    SILENT = "silent"
    BLACK = "black"
    FROZEN = "frozen"
    FALSE_START = "false_start"
    CUT_SHORT = "cut_short"
    SHORTER_THAN_SLOT = "shorter_than_slot"

    @property
    def label(self) -> str:
        """The flag in the user's language."""
        return translate("InspectionFlag", FLAG_LABELS[self])

    @property
    def short_label(self) -> str:
        """The flag in a word or two, where a table or a form has little room (its whole
        wording and evidence go in a tooltip)."""
        return translate("InspectionFlag", FLAG_SHORT_LABELS[self])


FLAG_LABELS: dict[FlagKind, str] = {
    FlagKind.NO_AUDIO: QT_TRANSLATE_NOOP("InspectionFlag", "no sound track"),
    FlagKind.SILENT: QT_TRANSLATE_NOOP("InspectionFlag", "no sound"),
    FlagKind.BLACK: QT_TRANSLATE_NOOP("InspectionFlag", "picture stays black"),
    FlagKind.FROZEN: QT_TRANSLATE_NOOP("InspectionFlag", "picture never changes"),
    FlagKind.FALSE_START: QT_TRANSLATE_NOOP("InspectionFlag", "too short: a false start?"),
    FlagKind.CUT_SHORT: QT_TRANSLATE_NOOP(
        "InspectionFlag", "recording stopped early — the file cannot be played as is"),
    FlagKind.SHORTER_THAN_SLOT: QT_TRANSLATE_NOOP(
        "InspectionFlag", "much shorter than its timetable slot"),
}

FLAG_SHORT_LABELS: dict[FlagKind, str] = {
    FlagKind.NO_AUDIO: QT_TRANSLATE_NOOP("InspectionFlag", "no sound track"),
    FlagKind.SILENT: QT_TRANSLATE_NOOP("InspectionFlag", "no sound"),
    FlagKind.BLACK: QT_TRANSLATE_NOOP("InspectionFlag", "black picture"),
    FlagKind.FROZEN: QT_TRANSLATE_NOOP("InspectionFlag", "frozen picture"),
    FlagKind.FALSE_START: QT_TRANSLATE_NOOP("InspectionFlag", "false start?"),
    FlagKind.CUT_SHORT: QT_TRANSLATE_NOOP("InspectionFlag", "stopped early"),
    FlagKind.SHORTER_THAN_SLOT: QT_TRANSLATE_NOOP("InspectionFlag", "short for its slot"),
}


def clock(seconds: float) -> str:
    """``1:02:03`` or ``2:03``: a time in a recording as staff read it."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class Flag:
    """One quality flag and its evidence (plain numbers, so it is stored and compared)."""

    kind: FlagKind
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.kind.label

    def detail(self) -> str:
        """The evidence in a sentence, in the user's language."""
        found = self.evidence
        if self.kind is FlagKind.NO_AUDIO:
            return translate("InspectionFlag", "The file holds a picture and no sound track.")
        if self.kind is FlagKind.SILENT:
            return translate(
                "InspectionFlag", "{count} moments listened to from {first} to {last}: the "
                "loudest is {level} dB, quieter than a room with a live microphone.").format(
                count=found["windows"], first=clock(found["first_s"]),
                last=clock(found["last_s"]), level=f"{found['loudest_db']:.0f}")
        if self.kind is FlagKind.BLACK:
            return translate(
                "InspectionFlag", "{count} pictures looked at from {first} to {last}: all "
                "black.").format(count=found["pictures"], first=clock(found["first_s"]),
                                 last=clock(found["last_s"]))
        if self.kind is FlagKind.FROZEN:
            return translate(
                "InspectionFlag", "{count} pictures looked at from {first} to {last}: all "
                "the same.").format(count=found["pictures"], first=clock(found["first_s"]),
                                    last=clock(found["last_s"]))
        if self.kind is FlagKind.FALSE_START:
            return translate(
                "InspectionFlag", "It lasts {duration}, less than {minimum}.").format(
                duration=clock(found["duration_s"]), minimum=clock(found["minimum_s"]))
        if self.kind is FlagKind.SHORTER_THAN_SLOT:
            return translate(
                "InspectionFlag", "It lasts {duration} of a {slot} slot.").format(
                duration=clock(found["duration_s"]), slot=clock(found["slot_s"]))
        if found.get("part") == "moov":
            return translate(
                "InspectionFlag", "The file has no movie header (moov): the recorder stopped "
                "before finishing it.")
        return translate(
            "InspectionFlag", "Its {part} part needs {needed} bytes but the file holds "
            "{size}.").format(part=found.get("part", "?"), needed=found.get("needed", 0),
                              size=found.get("size", 0))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "evidence": dict(self.evidence)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Flag:
        return cls(FlagKind(data["kind"]), dict(data.get("evidence", {})))


@dataclass(frozen=True)
class Inspection:
    """One recording, as seen from a few percent of its bytes.

    ``problem`` is set (and most facts are empty) when the file could not be inspected; a
    recording cut short has its flag and no pictures: it cannot be played as is.
    """

    path: str
    size: int
    mtime: float
    duration_s: float | None = None
    width: int = 0
    height: int = 0
    video_codec: str = ""
    audio_codec: str = ""
    has_audio: bool = False
    flags: tuple[Flag, ...] = ()
    thumbnail_png: bytes | None = None
    thumbnail_at_s: float | None = None
    sheet_png: bytes | None = None
    sheet_times_s: tuple[float, ...] = ()
    bytes_read: int = 0
    member: str = ""  # the video inside a zip deposit
    problem: str = ""
    analysis: int = ANALYSIS_VERSION

    @property
    def resolution(self) -> str:
        return f"{self.width}×{self.height}" if self.width and self.height else ""

    @property
    def flag_kinds(self) -> set[FlagKind]:
        return {flag.kind for flag in self.flags}

    def facts_json(self) -> dict[str, Any]:
        """Everything but the pictures (kept in their own columns, printed on request)."""
        return {
            "path": self.path, "size": self.size, "mtime": self.mtime,
            "duration_s": self.duration_s, "width": self.width, "height": self.height,
            "video_codec": self.video_codec, "audio_codec": self.audio_codec,
            "has_audio": self.has_audio, "flags": [flag.to_json() for flag in self.flags],
            "thumbnail_at_s": self.thumbnail_at_s, "sheet_times_s": list(self.sheet_times_s),
            "bytes_read": self.bytes_read, "member": self.member, "problem": self.problem,
            "analysis": self.analysis,
        }

    @classmethod
    def from_facts(cls, data: dict[str, Any], thumbnail_png: bytes | None = None,
                   sheet_png: bytes | None = None) -> Inspection:
        return cls(
            path=data["path"], size=int(data["size"]), mtime=float(data["mtime"]),
            duration_s=data.get("duration_s"), width=int(data.get("width", 0)),
            height=int(data.get("height", 0)), video_codec=data.get("video_codec", ""),
            audio_codec=data.get("audio_codec", ""), has_audio=bool(data.get("has_audio")),
            flags=tuple(Flag.from_json(item) for item in data.get("flags", [])),
            thumbnail_png=thumbnail_png, thumbnail_at_s=data.get("thumbnail_at_s"),
            sheet_png=sheet_png, sheet_times_s=tuple(data.get("sheet_times_s", ())),
            bytes_read=int(data.get("bytes_read", 0)), member=data.get("member", ""),
            problem=data.get("problem", ""), analysis=int(data.get("analysis", 0)),
        )

    def flags_json(self) -> list[dict[str, Any]]:
        """The flags for scripts: kind, wording and evidence."""
        return flags_json(self.flags)


# A lecture fills most of its slot; one that fills less than this share started late or
# stopped early (20 minutes of a 2-hour lecture).
SLOT_SHARE = 0.5


def slot_flag(duration_s: float | None, slot_s: float) -> Flag | None:
    """The *shorter than its timetable slot* flag for a recording a bulk rule's slot matches."""
    if duration_s is None or slot_s <= 0 or duration_s >= slot_s * SLOT_SHARE:
        return None
    return Flag(FlagKind.SHORTER_THAN_SLOT, {"duration_s": duration_s, "slot_s": slot_s})


def flags_json(flags: Iterable[Flag]) -> list[dict[str, Any]]:
    """Flags for scripts (``--json``): kind, wording and evidence."""
    return [{**flag.to_json(), "label": flag.label, "detail": flag.detail()} for flag in flags]
