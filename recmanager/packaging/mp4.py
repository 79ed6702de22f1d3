"""Just enough of the ISO base media file format to check a file before and after packaging.

A recording cut short (moov at the end never written, or an mdat that runs past the end of the
file) is refused here with a reason, before any tool runs; after packaging the same reader
checks that the init segments really carry an encrypted sample entry with our KID. The
sandbox Pod reads a published recording's duration and height here too (:mod:`recmanager.media`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from recmanager.errors import PackagingError
from recmanager.i18n import translate

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"moof", b"traf", b"mvex", b"edts",
               b"sinf", b"schi", b"dinf"}
_TOP_LEVEL = {b"ftyp", b"styp", b"moov", b"mdat", b"free", b"skip", b"wide", b"uuid", b"moof",
              b"mfra", b"sidx", b"meta", b"pdin", b"emsg", b"prft", b"ssix"}
_ENCRYPTED_ENTRIES = {b"encv", b"enca"}


@dataclass(frozen=True)
class Box:
    type: bytes
    offset: int
    header: int
    size: int

    @property
    def payload_offset(self) -> int:
        return self.offset + self.header

    @property
    def end(self) -> int:
        return self.offset + self.size


@dataclass
class Track:
    id: int
    handler: str  # "vide", "soun", ...
    duration_s: float
    sample_entry: str  # "avc1", "mp4a", "encv", ...
    height: int = 0  # tkhd's presentation height in pixels (0 for sound)


@dataclass
class MediaInfo:
    size: int
    duration_s: float
    fragmented: bool
    tracks: list[Track] = field(default_factory=list)

    @property
    def video_track(self) -> Track | None:
        return next((t for t in self.tracks if t.handler == "vide"), None)


def iter_boxes(stream: BinaryIO, start: int, end: int) -> Iterator[Box]:
    """Boxes between ``start`` and ``end``; a box claiming to run past ``end`` is still yielded
    (callers decide whether that means a truncated file)."""
    position = start
    while position + 8 <= end:
        stream.seek(position)
        header = stream.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        header_size = 8
        if size == 1:
            large = stream.read(8)
            if len(large) < 8:
                return
            size = struct.unpack(">Q", large)[0]
            header_size = 16
        elif size == 0:
            size = end - position
        if size < header_size:
            raise _not_mp4()
        yield Box(kind, position, header_size, size)
        position += size


def _not_mp4() -> PackagingError:
    return PackagingError(
        translate("mp4", "The file is not an MP4 video (its structure is not ISO/MP4)."),
        hint=translate("mp4", "Choose the recording's .mp4 file."),
    )


def top_level(path: Path) -> list[Box]:
    size = path.stat().st_size
    with path.open("rb") as stream:
        return top_level_boxes(stream, size)


def top_level_boxes(stream: BinaryIO, size: int) -> list[Box]:
    """The top-level boxes of an MP4 of ``size`` bytes read through ``stream`` (a local file
    or a deposit's ranged reader: only the box headers are read)."""
    boxes = list(iter_boxes(stream, 0, size))
    if not boxes or any(box.type not in _TOP_LEVEL for box in boxes[:1]):
        raise _not_mp4()
    return boxes


def _children(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of the boxes inside ``data[start:end]``."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1:
            size = struct.unpack_from(">Q", data, position + 8)[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def _find(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for child, payload, stop in _children(data, start, end):
        if child == kind:
            return payload, stop
    return None


def _full_box_duration(data: bytes, payload: int) -> tuple[int, int]:
    """(timescale, duration) of an mvhd/mdhd payload."""
    version = data[payload]
    if version == 1:
        timescale, duration = struct.unpack_from(">IQ", data, payload + 20)
    else:
        timescale, duration = struct.unpack_from(">II", data, payload + 12)
    return timescale, duration


def _track(data: bytes, start: int, end: int) -> Track | None:
    tkhd = _find(data, start, end, b"tkhd")
    mdia = _find(data, start, end, b"mdia")
    if tkhd is None or mdia is None:
        return None
    version = data[tkhd[0]]
    track_id = struct.unpack_from(">I", data, tkhd[0] + (20 if version == 1 else 12))[0]
    height = struct.unpack_from(">I", data, tkhd[0] + (92 if version == 1 else 80))[0] >> 16
    hdlr = _find(data, *mdia, b"hdlr")
    mdhd = _find(data, *mdia, b"mdhd")
    handler = data[hdlr[0] + 8 : hdlr[0] + 12].decode("latin-1") if hdlr else ""
    duration_s = 0.0
    if mdhd:
        timescale, duration = _full_box_duration(data, mdhd[0])
        duration_s = duration / timescale if timescale else 0.0
    entry = ""
    minf = _find(data, *mdia, b"minf")
    stbl = _find(data, *minf, b"stbl") if minf else None
    stsd = _find(data, *stbl, b"stsd") if stbl else None
    if stsd:
        first = next(_children(data, stsd[0] + 8, stsd[1]), None)
        entry = first[0].decode("latin-1") if first else ""
    return Track(track_id, handler, duration_s, entry, height)


def probe(path: Path) -> MediaInfo:
    """Read the movie header of ``path``; refuse empty, foreign, cut-short or movie-less files."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackagingError(
            translate("mp4", "The file {path} cannot be read: {error}").format(
                path=path, error=exc.strerror or exc
            )
        ) from None
    if size == 0:
        raise PackagingError(translate("mp4", "The file {path} is empty.").format(path=path))
    boxes = top_level(path)
    last = boxes[-1]
    if last.end > size:
        raise PackagingError(
            translate(
                "mp4",
                "The file is cut short: its last part ({kind}) needs {needed} bytes but the file "
                "has {size}. The recording or its transfer was interrupted.",
            ).format(kind=last.type.decode("latin-1"), needed=last.end, size=size),
            hint=translate("mp4", "Copy the file again once the recorder has finished it."),
        )
    moov = next((box for box in boxes if box.type == b"moov"), None)
    if moov is None:
        raise PackagingError(
            translate(
                "mp4",
                "The file has no movie header (moov): the recording was interrupted before it "
                "was finalised, or this is not a finished MP4.",
            )
        )
    with path.open("rb") as stream:
        stream.seek(moov.payload_offset)
        data = stream.read(moov.size - moov.header)
    try:
        mvhd = _find(data, 0, len(data), b"mvhd")
        duration_s = 0.0
        if mvhd:
            timescale, duration = _full_box_duration(data, mvhd[0])
            duration_s = duration / timescale if timescale else 0.0
        tracks = [
            track
            for kind, start, end in _children(data, 0, len(data))
            if kind == b"trak" and (track := _track(data, start, end)) is not None
        ]
    except (struct.error, IndexError):  # a box too short for its own fields
        raise PackagingError(
            translate("mp4", "The movie header (moov) of the file is damaged."),
            hint=translate("mp4", "Copy the file again once the recorder has finished it."),
        ) from None
    fragmented = _find(data, 0, len(data), b"mvex") is not None
    if fragmented or not duration_s:
        duration_s = max([duration_s, *(t.duration_s for t in tracks)])
    return MediaInfo(size, duration_s, fragmented, tracks)


def last_chunk_offset(moov_payload: bytes) -> int:
    """The largest media offset the movie header's chunk tables (stco/co64) name: a file
    that ends before it holds less than its moov describes."""
    last = 0
    for kind, start, end in _children(moov_payload, 0, len(moov_payload)):
        if kind != b"trak":
            continue
        mdia = _find(moov_payload, start, end, b"mdia")
        minf = _find(moov_payload, *mdia, b"minf") if mdia else None
        stbl = _find(moov_payload, *minf, b"stbl") if minf else None
        if stbl is None:
            continue
        for table, width in ((b"stco", 4), (b"co64", 8)):
            found = _find(moov_payload, *stbl, table)
            if found is None:
                continue
            count = struct.unpack_from(">I", moov_payload, found[0] + 4)[0]
            if count and found[0] + 8 + count * width <= found[1]:
                entry = found[0] + 8 + (count - 1) * width
                last = max(last, struct.unpack_from(">Q" if width == 8 else ">I",
                                                    moov_payload, entry)[0])
    return last


def encryption_kids(path: Path) -> dict[int, tuple[str, bytes]]:
    """For an init segment: track id -> (protected sample entry, default KID from ``tenc``)."""
    boxes = top_level(path)
    moov = next((box for box in boxes if box.type == b"moov"), None)
    if moov is None:
        return {}
    with path.open("rb") as stream:
        stream.seek(moov.payload_offset)
        data = stream.read(moov.size - moov.header)
    found: dict[int, tuple[str, bytes]] = {}
    for kind, start, end in _children(data, 0, len(data)):
        if kind != b"trak":
            continue
        track = _track(data, start, end)
        if track is None or track.sample_entry.encode("latin-1") not in _ENCRYPTED_ENTRIES:
            continue
        kid = _find_tenc_kid(data, start, end)
        if kid is not None:
            found[track.id] = (track.sample_entry, kid)
    return found


def _find_tenc_kid(data: bytes, start: int, end: int) -> bytes | None:
    """Depth-first search for ``tenc`` (inside the sample entry's sinf/schi)."""
    for kind, payload, stop in _children(data, start, end):
        if kind == b"tenc":
            return data[payload + 8 : payload + 24]
        if kind in _CONTAINERS:
            found = _find_tenc_kid(data, payload, stop)
            if found is not None:
                return found
        elif kind == b"stsd":
            found = _find_tenc_kid(data, payload + 8, stop)
            if found is not None:
                return found
        elif kind in _ENCRYPTED_ENTRIES:
            # visual sample entry header is 78 bytes, audio 28, before its child boxes
            skip = 78 if kind == b"encv" else 28
            found = _find_tenc_kid(data, payload + skip, stop)
            if found is not None:
                return found
    return None


def has_sample_encryption(path: Path) -> bool:
    """True when a media segment's ``moof/traf`` carries ``senc`` (browsers need it there)."""
    boxes = top_level(path)
    with path.open("rb") as stream:
        for box in boxes:
            if box.type != b"moof":
                continue
            stream.seek(box.payload_offset)
            data = stream.read(box.size - box.header)
            for kind, start, end in _children(data, 0, len(data)):
                if kind == b"traf" and _find(data, start, end, b"senc") is not None:
                    return True
    return False
