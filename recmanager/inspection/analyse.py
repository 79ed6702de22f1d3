"""Inspect one deposited recording through the deposit's ranged reads.

FFmpeg's libraries (PyAV) read the file through a Python reader that asks the deposit for
byte ranges (SFTP, or a mounted folder): the head and the movie header wherever it is, each
fetched at once. The pictures and the listening windows are then found in the container's
index, and only their packets are fetched — all of them in one go, one round trip over SFTP —
and decoded on their own; a container without an index (MPEG-TS) is read by seeking, as
FFmpeg goes. Nothing downloads the file, nothing runs in a subprocess. A zip deposit
(audiovideocast) is inspected through the stored video inside it, a byte range of the archive.
"""

from __future__ import annotations

import array
import bisect
import itertools
import logging
import math
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Any

import av
from av.container import InputContainer
from av.stream import Discard, Disposition, Stream
from av.video.frame import VideoFrame

from recmanager.deposit.base import Entry, read_ranges
from recmanager.errors import PackagingError
from recmanager.i18n import translate
from recmanager.inspection.model import Flag, FlagKind, Inspection
from recmanager.inspection.pictures import contact_sheet, png, tile_size
from recmanager.packaging import mp4
from recmanager.progress import CancelToken

if TYPE_CHECKING:
    from recmanager.deposit.base import Deposit

log = logging.getLogger("recmanager.inspection")

# --- sampling -------------------------------------------------------------------------------
# Pictures of the contact sheet, spread over the whole recording; the black and frozen
# verdicts are made on the same pictures, so they cost nothing more.
SHEET_PICTURES = 12
# Listening windows spread over the recording: enough that a lecture with long pauses still
# has speech in several of them.
AUDIO_WINDOWS = 30
# Sound listened to per window: a syllable or two of speech (a container without an index is
# read through every stream's bytes in that stretch, so longer windows cost bytes there).
AUDIO_WINDOW_S = 0.25
# The thumbnail is taken this far in (or at a quarter of a shorter recording): recordings
# often start black while the projector warms up.
THUMBNAIL_AT_S = 30.0

# --- verdicts -------------------------------------------------------------------------------
# A window quieter than this (RMS, dB full scale) holds no voice: a room through a live
# microphone stays above about -50 dB, a muted input or an unplugged one far below.
SILENCE_DB = -55.0
# A pixel darker than this (of 255) is black, and a picture with this share of black pixels
# is black: FFmpeg's blackdetect defaults (pix_th 0.10, picture_black_ratio_th 0.98).
BLACK_PIXEL = 26
BLACK_SHARE = 0.98
# Two pictures whose grey levels differ by less than this on average (of 255) are the same
# picture: encoding noise on a still image stays well below, a moving hand or a new slide
# well above.
FROZEN_DIFFERENCE = 1.5
# Fewer distinct pictures than this say nothing about a frozen picture.
FROZEN_MIN_PICTURES = 3
# Size of the grey pictures the verdicts compare: small, so noise averages out.
VERDICT_SIZE = (64, 36)
# The false-start setting's default: a recording shorter than this was started by mistake.
FALSE_START_S = 120.0
# PyAV's reading buffer: each read FFmpeg makes asks for this much.
READ_BUFFER = 64 * 1024
# The start of an MP4, fetched at once to check it is whole: its first box headers (ftyp, then
# mdat or moov) without the media of a recording cut short.
FIRST_BOXES = 4 * 1024
# The start of the file, fetched at once before FFmpeg opens it: its probe and, in a recording
# whose movie header is at the end, its first packets.
HEAD_BYTES = 256 * 1024
# Sound is mixed to mono at this rate before its level is measured: enough for speech.
LEVEL_RATE = 16000
# A packet larger than this (a broken index) is left to FFmpeg's own reads.
MAX_PACKET = 8 * 1024 * 1024
# The largest movie header whose chunk tables are read to check the file holds its media (a
# ten-hour recording's is about 15 MB); a larger one is left to FFmpeg rather than fetched.
MAX_MOOV = 64 * 1024 * 1024
# What follows the media data of a recording whose movie header comes last (about 2 MB an
# hour in ~1.3 GB) is fetched whole, header and all, when it is at most this share of the
# file (or AFTER_MEDIA_LEAST): the box walk then finds the moov's header in memory instead of
# asking for it first, a round trip of its own.
AFTER_MEDIA_SHARE = 256
AFTER_MEDIA_LEAST = 1024 * 1024
# MP4-family names whose box structure is checked for a recording cut short.
MP4_EXTENSIONS = frozenset({"mp4", "m4v", "mov", "3gp"})


@dataclass(frozen=True)
class InspectionSettings:
    """What staff can set (``false_start_s`` comes from the settings window)."""

    false_start_s: float = FALSE_START_S

    @classmethod
    def from_settings(cls, settings: Any) -> InspectionSettings:
        return cls(false_start_s=float(settings.get("false_start_s")))


class SampledReader:
    """The recording as FFmpeg reads it, through the deposit's reader: a whole file, or the
    stored video inside a zip (``start``, ``size``). Regions fetched ahead — the head and
    the movie header — are served from memory, so FFmpeg's reads there cost no round trip;
    ``bytes_read`` counts what was fetched (the evidence of "bytes, not downloads")."""

    def __init__(self, inner: IO[bytes], start: int = 0, size: int | None = None) -> None:
        self._inner = inner
        self._start = start
        self.size = inner.seek(0, 2) - start if size is None else size
        self._position = 0
        self._starts: list[int] = []
        self._regions: list[bytes] = []
        self.bytes_read = 0

    def keep(self, offset: int, size: int) -> bytes:
        """The bytes at ``offset``, fetched at once and kept for FFmpeg's reads of that place;
        what a region kept already holds is not fetched again (the first boxes, the movie
        header, then the head around them)."""
        end = min(self.size, offset + size)
        held = self._kept(offset, end - offset)
        if held is not None:
            return held
        regions = list(zip(self._starts, self._regions, strict=True))
        gaps, cursor = [], offset
        for start, region in regions:
            if start + len(region) <= cursor or start >= end:
                continue
            if start > cursor:
                gaps.append((cursor, start - cursor))
            cursor = max(cursor, start + len(region))
        if cursor < end:
            gaps.append((cursor, end - cursor))
        fetched = read_ranges(self._inner, [(self._start + start, length)
                                            for start, length in gaps]) if gaps else []
        self.bytes_read += sum(len(data) for data in fetched)
        # The regions touching [offset, end) and what was fetched become one region.
        touching = [(start, region) for start, region in regions
                    if start <= end and start + len(region) >= offset]
        fetched_parts = [(start, data) for (start, _), data in zip(gaps, fetched, strict=True)]
        parts = sorted(touching + fetched_parts, key=lambda part: part[0])
        first = min(offset, parts[0][0]) if parts else offset
        pieces: list[bytes] = []
        have = first
        for start, data in parts:
            if start > have:
                break  # the file ended early: what follows a hole is not joined
            if start + len(data) > have:
                pieces.append(data[have - start:])  # the whole piece, uncopied, when it starts here
                have = start + len(data)
        merged = b"".join(pieces)  # a single piece is not copied either
        untouched = [part for part in regions if part not in touching]
        kept = sorted([*untouched, (first, merged)], key=lambda part: part[0])
        self._starts, self._regions = [start for start, _ in kept], [data for _, data in kept]
        if first == offset and len(merged) == end - offset:
            return merged
        return merged[offset - first:end - first]

    def read_ranges(self, ranges: list[tuple[int, int]]) -> list[bytes]:
        """The bytes of each ``(offset, size)``: those inside a region kept already from
        memory, the others asked for at once (over SFTP, one round trip for all), each once."""
        kept = [self._kept(offset, size) for offset, size in ranges]
        asked = list(zip(ranges, kept, strict=True))
        wanted = sorted({place for place, data in asked if data is None})
        found = read_ranges(self._inner, [(self._start + offset, size) for offset, size in wanted])
        fetched = dict(zip(wanted, found, strict=True))
        self.bytes_read += sum(len(data) for data in found)
        return [fetched[place] if data is None else data for place, data in asked]

    def _kept(self, offset: int, size: int) -> bytes | None:
        """The bytes at ``offset`` when one region kept holds them all."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        inside, region = offset - self._starts[index], self._regions[index]
        return region[inside:inside + size] if inside + size <= len(region) else None

    def read(self, size: int = -1) -> bytes:
        left = self.size - self._position
        size = left if size < 0 else min(size, left)
        if size <= 0:
            return b""
        index = bisect.bisect_right(self._starts, self._position) - 1
        inside = self._position - self._starts[index] if index >= 0 else -1
        if 0 <= inside < len(self._regions[index]):
            data = self._regions[index][inside:inside + size]
        else:
            self._inner.seek(self._start + self._position)
            data = self._inner.read(size)
            self.bytes_read += len(data)
        self._position += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: self.size}[whence]
        self._position = max(0, min(self.size, base + offset))
        return self._position

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True


@dataclass(frozen=True)
class _Source:
    reader: SampledReader
    name: str
    member: str
    entry: Entry
    problem: str = ""


@contextmanager
def _open_source(deposit: Deposit, path: str) -> Iterator[_Source]:
    """The recording's bytes: the file itself, or the stored video inside a zip deposit; the
    file's size and time come with the opening (no round trip of their own), and so does a
    video's first read (its first boxes, or its head), when the deposit can send it with the
    OPEN (over SFTP, on a channel whose next handle is foreseen)."""
    name = posixpath.basename(path)
    zipped = name.lower().endswith(".zip")
    first = [] if zipped else [
        (0, FIRST_BOXES if _extension(name) in MP4_EXTENSIONS else HEAD_BYTES)]
    stream, entry = deposit.open_judged(path, sampling=True, ahead=first)
    try:
        if not zipped:
            source = _Source(SampledReader(stream), name, "", entry)
        else:
            source = _zip_source(stream, entry)
        yield source
    finally:
        stream.close()


def _zip_source(stream: IO[bytes], entry: Entry) -> _Source:
    import zipfile

    from recmanager.inbox.zips import inspect_zip

    archive = SampledReader(stream)
    try:
        content = inspect_zip(archive)  # type: ignore[arg-type]
    except zipfile.BadZipFile:
        return _Source(archive, "", "", entry, translate(
            "inspection", "The zip file cannot be read (it may still be uploading)."))
    if content.video_member is None:
        return _Source(archive, "", "", entry,
                       translate("inspection", "The zip holds no video."))
    if content.video_offset is None:
        return _Source(archive, content.video_member, content.video_member, entry, translate(
            "inspection", "The video is compressed inside the zip: it is not inspected, as "
            "that would mean reading the whole file."))
    video = SampledReader(stream, content.video_offset, content.video_size)
    video.bytes_read = archive.bytes_read
    return _Source(video, posixpath.basename(content.video_member), content.video_member,
                   entry)


def _keep_after_media(reader: SampledReader, size: int) -> None:
    """Fetch what follows the media data at once when the file's first boxes (in memory) lead
    to it and it is small enough to be a movie header written last."""
    try:
        for box in mp4.iter_boxes(reader, 0, size):
            if box.type == b"mdat":
                after = size - box.end
                if 0 < after <= max(AFTER_MEDIA_LEAST, size // AFTER_MEDIA_SHARE):
                    reader.keep(box.end, after)
                return
            if box.end + 16 > FIRST_BOXES:  # the next header is not in memory
                return
    except PackagingError:
        return  # not an MP4: the walk says so


def cut_short(reader: SampledReader, size: int) -> Flag | None:
    """The *cut short* flag of an MP4 whose movie header is missing, or that holds less than
    its boxes or its movie header describe; None for a whole MP4 (or another format)."""
    _keep_after_media(reader, size)
    try:
        boxes = mp4.top_level_boxes(reader, size)
    except PackagingError:
        return None  # not an MP4: FFmpeg says what it is
    last = boxes[-1]
    if last.end > size:
        return Flag(FlagKind.CUT_SHORT, {"part": last.type.decode("latin-1"),
                                         "needed": last.end, "size": size})
    moov = next((box for box in boxes if box.type == b"moov"), None)
    if moov is None:
        return Flag(FlagKind.CUT_SHORT, {"part": "moov", "size": size})
    if moov.size > MAX_MOOV:
        return None
    payload = reader.keep(moov.offset, moov.size)[moov.header:]  # FFmpeg reads it whole
    try:
        needed = mp4.last_chunk_offset(payload)
    except (IndexError, ValueError):
        needed = 0
    if needed >= size:
        return Flag(FlagKind.CUT_SHORT, {"part": "mdat", "needed": needed + 1, "size": size})
    return None


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def inspect(
    deposit: Deposit,
    path: str,
    settings: InspectionSettings | None = None,
    *,
    full: bool = True,
    cancel: CancelToken | None = None,
) -> Inspection:
    """Inspect ``path`` (a server path in ``deposit``): facts, thumbnail, and with ``full``
    the contact sheet and every flag. Deposit errors (gone, unreachable) are raised; a file
    FFmpeg cannot read gives an inspection whose ``problem`` says so."""
    settings = settings or InspectionSettings()
    cancel = cancel or CancelToken()
    with _open_source(deposit, path) as source:
        remote = source.entry
        base = Inspection(path=path, size=remote.size, mtime=remote.mtime, member=source.member)
        if source.problem:
            return replace(base, problem=source.problem, bytes_read=source.reader.bytes_read)
        reader = source.reader
        if _extension(source.name) in MP4_EXTENSIONS or source.member:
            reader.keep(0, FIRST_BOXES)
            flag = cut_short(reader, reader.size)
            if flag is not None:
                return replace(base, flags=(flag,), bytes_read=reader.bytes_read)
        reader.keep(0, HEAD_BYTES)
        reader.seek(0)
        try:
            with av.open(reader, mode="r", buffer_size=READ_BUFFER) as container:
                found = _Analysis(container, reader, cancel).run(full)
        except av.FFmpegError as exc:
            log.info("%s cannot be read by FFmpeg: %s", path, exc)
            return replace(base, bytes_read=reader.bytes_read, problem=translate(
                "inspection", "FFmpeg cannot read this file as a video ({error}).").format(
                error=exc.strerror or type(exc).__name__))
        found = replace(found, path=path, size=remote.size, mtime=remote.mtime,
                        member=source.member, bytes_read=reader.bytes_read)
        return with_settings(found, settings) if full else found


def with_settings(found: Inspection, settings: InspectionSettings) -> Inspection:
    """``found`` with its false-start flag worked out for today's setting (the flag depends
    on the setting, not on the file: the store keeps inspections without it)."""
    flags = [flag for flag in found.flags if flag.kind is not FlagKind.FALSE_START]
    if found.duration_s is not None and found.duration_s < settings.false_start_s:
        flags.append(Flag(FlagKind.FALSE_START, {
            "duration_s": round(found.duration_s, 2), "minimum_s": settings.false_start_s}))
    return replace(found, flags=tuple(flags))


@dataclass
class _Picture:
    at_s: float
    grey: bytes
    tile: VideoFrame


class _Analysis:
    """One open container: its facts, then pictures and sound at spread times."""

    def __init__(self, container: InputContainer, reader: SampledReader,
                 cancel: CancelToken) -> None:
        self.container = container
        self.reader = reader
        self.cancel = cancel
        # A cover picture attached to a sound file is not a picture track.
        self.video = next((stream for stream in container.streams.video
                           if not stream.disposition & Disposition.attached_pic), None)
        self.audio = container.streams.audio[0] if container.streams.audio else None
        self.duration_s = _duration(container)

    def run(self, full: bool) -> Inspection:
        video, audio, duration = self.video, self.audio, self.duration_s
        facts = Inspection(
            path="", size=0, mtime=0.0, duration_s=duration,
            width=video.codec_context.width if video else 0,
            height=video.codec_context.height if video else 0,
            video_codec=video.codec_context.codec.canonical_name if video else "",
            audio_codec=audio.codec_context.codec.canonical_name if audio else "",
            has_audio=audio is not None)
        if video is not None:
            video.thread_count = 1  # frame threads hold pictures back and read ahead
            video.codec_context.skip_frame = "NONKEY"
        thumbnail_at = min(THUMBNAIL_AT_S, (duration or 0.0) / 4)
        if not full:
            found = self._pictures([thumbnail_at]) if video is not None else []
            picture = found[0] if found else None
            return replace(facts, thumbnail_png=png(picture.tile) if picture else None,
                           thumbnail_at_s=picture.at_s if picture else None)
        pictures = self._pictures(self._times(SHEET_PICTURES)) if video is not None else []
        flags: list[Flag] = []
        if audio is None:
            flags.append(Flag(FlagKind.NO_AUDIO))
        elif (silent := self._silence()) is not None:
            flags.append(silent)
        flags += _picture_flags(pictures)
        thumbnail = next((p for p in pictures if p.at_s >= thumbnail_at and not _black(p.grey)),
                         pictures[0] if pictures else None)
        return replace(
            facts, flags=tuple(flags),
            thumbnail_png=png(thumbnail.tile) if thumbnail else None,
            thumbnail_at_s=thumbnail.at_s if thumbnail else None,
            sheet_png=contact_sheet([p.tile for p in pictures]),
            sheet_times_s=tuple(round(p.at_s, 3) for p in pictures))

    def _times(self, count: int) -> list[float]:
        duration = self.duration_s or 0.0
        return [(index + 0.5) * duration / count for index in range(count)]

    def _pictures(self, times: list[float]) -> list[_Picture]:
        """The key frame at or before each time (the same key frame once): from the
        container's index when it has one — every key frame's bytes fetched at once and
        decoded alone — else by seeking and reading as FFmpeg goes."""
        video = self.video
        assert video is not None
        taken: list[tuple[float, VideoFrame | None]] = []
        runs = self._packets(video, times, 0.0, key_frame=True)
        if runs is not None:
            for packets in runs:
                self.cancel.check()
                frames = self._decode(video, packets)
                taken.append((_time_of(packets[0]), frames[0] if frames else None))
        else:
            for at in times:
                self.cancel.check()
                taken.append(self._seek_picture(at))
        pictures: list[_Picture] = []
        for at, frame in taken:
            if frame is not None and all(abs(p.at_s - at) > 1e-3 for p in pictures):
                pictures.append(_picture(at, frame))
        return pictures

    def _silence(self) -> Flag | None:
        """The *silent* flag when every listening window is quieter than a live room."""
        audio = self.audio
        assert audio is not None
        times = self._times(AUDIO_WINDOWS)
        runs = self._packets(audio, times, AUDIO_WINDOW_S, key_frame=False)
        levels: list[tuple[float, float]] = []
        for index, at in enumerate(times):
            self.cancel.check()
            frames = (self._decode(audio, runs[index]) if runs is not None
                      else self._seek_sound(at))
            level = _level(frames)
            if level is not None:
                levels.append((at, level))
        if not levels or any(level >= SILENCE_DB for _at, level in levels):
            return None
        loudest = max(level for _at, level in levels)
        return Flag(FlagKind.SILENT, {
            "windows": len(levels), "first_s": round(levels[0][0], 2),
            "last_s": round(levels[-1][0], 2), "loudest_db": round(loudest, 1)})

    def _packets(self, stream: Stream, times: list[float], seconds: float, *,
                 key_frame: bool) -> list[list[av.Packet]] | None:
        """For each time, the packets of ``seconds`` of ``stream`` from it (with ``key_frame``,
        the one key frame at or before it), read from the container's index and fetched all
        at once; None when the index cannot say (another format, a broken index)."""
        entries, time_base = stream.index_entries, stream.time_base
        if not len(entries) or not time_base:
            return None
        runs: list[list[Any]] = []
        for at in times:
            first = entries.search_timestamp(int(at / time_base), backward=True,
                                             any_frame=not key_frame)
            if first < 0:
                return None
            last, until = first, at + seconds
            while (not key_frame and last + 1 < len(entries)
                   and entries[last + 1].timestamp * time_base < until):
                last += 1
            runs.append([entries[index] for index in range(first, last + 1)])
        if any(entry.pos < 0 or not 0 < entry.size <= MAX_PACKET
               for run in runs for entry in run):
            return None
        data = iter(self.reader.read_ranges(
            [(entry.pos, entry.size) for run in runs for entry in run]))
        packets: list[list[av.Packet]] = []
        for run in runs:
            packets.append([])
            for entry in run:
                packet = av.Packet(next(data))
                packet.pts = packet.dts = entry.timestamp
                packet.time_base = time_base
                packets[-1].append(packet)
        return packets

    @staticmethod
    def _decode(stream: Stream, packets: list[av.Packet]) -> list[Any]:
        """The frames of ``packets`` decoded on their own (the decoder starts afresh)."""
        context = stream.codec_context
        context.flush_buffers()
        frames: list[Any] = []
        try:
            for packet in [*packets, None]:
                frames += context.decode(packet)
        except av.FFmpegError as exc:
            log.info("packets at %s not decoded: %s", packets[0].pts if packets else "?", exc)
        return frames

    def _only(self, wanted: Stream) -> None:
        """Read only ``wanted``: the demuxer then skips the other streams' bytes."""
        for stream in self.container.streams:
            stream.discard = Discard.default if stream is wanted else Discard.all

    def _seek_picture(self, at_s: float) -> tuple[float, VideoFrame | None]:
        """The key frame at or before ``at_s``, found by seeking (a container without index)."""
        video = self.video
        assert video is not None
        self._only(video)
        try:
            self.container.seek(int(at_s / (video.time_base or 1)), stream=video,
                                backward=True)
            for packet in self.container.demux(video):
                for frame in packet.decode():
                    return (float(frame.time) if frame.time is not None else at_s), frame
        except av.FFmpegError as exc:
            log.info("no picture at %.1f s: %s", at_s, exc)
        return at_s, None

    def _seek_sound(self, at_s: float) -> list[Any]:
        """:data:`AUDIO_WINDOW_S` of sound from ``at_s``, found by seeking."""
        audio = self.audio
        assert audio is not None
        self._only(audio)
        frames: list[Any] = []
        try:
            self.container.seek(int(at_s / (audio.time_base or 1)), stream=audio, backward=True)
            for packet in self.container.demux(audio):
                frames += packet.decode()
                if sum(frame.samples for frame in frames) >= AUDIO_WINDOW_S * audio.rate:
                    break
        except av.FFmpegError as exc:
            log.info("no sound at %.1f s: %s", at_s, exc)
        return frames


def _time_of(packet: av.Packet) -> float:
    return float(packet.pts * packet.time_base) if packet.pts is not None else 0.0


def _picture(at_s: float, frame: VideoFrame) -> _Picture:
    """The grey miniature the verdicts compare and the sheet's tile, of one decoded frame."""
    grey = frame.reformat(*VERDICT_SIZE, format="gray")
    plane = grey.planes[0]
    raw = bytes(plane)
    pixels = b"".join(raw[row * plane.line_size:row * plane.line_size + VERDICT_SIZE[0]]
                      for row in range(VERDICT_SIZE[1]))
    return _Picture(at_s, pixels, frame.reformat(*tile_size(frame.width, frame.height),
                                                 format="rgb24"))


def _level(frames: list[Any]) -> float | None:
    """RMS level (dB full scale) of decoded sound frames, mixed to mono; None for none."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=LEVEL_RATE)
    squares, count = 0, 0
    for frame in [*frames, None]:
        for mono in resampler.resample(frame):
            samples = array.array("h", bytes(mono.planes[0])[: mono.samples * 2])
            squares += sum(sample * sample for sample in samples)
            count += len(samples)
    if not count:
        return None
    rms = math.sqrt(squares / count) / 32768
    return 20 * math.log10(rms) if rms > 0 else -120.0


def _duration(container: InputContainer) -> float | None:
    if container.duration:
        return container.duration / av.time_base
    for stream in container.streams:
        if stream.duration and stream.time_base:
            return float(stream.duration * stream.time_base)
    return None


def _black(grey: bytes) -> bool:
    dark = sum(1 for value in grey if value < BLACK_PIXEL)
    return dark >= BLACK_SHARE * len(grey)


def _difference(first: bytes, second: bytes) -> float:
    return sum(abs(a - b) for a, b in zip(first, second, strict=True)) / len(first)


def _picture_flags(pictures: list[_Picture]) -> list[Flag]:
    """*black* when every picture is black; else *frozen* when they are all one picture."""
    if not pictures:
        return []
    span = {"pictures": len(pictures), "first_s": round(pictures[0].at_s, 2),
            "last_s": round(pictures[-1].at_s, 2)}
    if all(_black(p.grey) for p in pictures):
        return [Flag(FlagKind.BLACK, span)]
    if len(pictures) >= FROZEN_MIN_PICTURES and all(
            _difference(a.grey, b.grey) < FROZEN_DIFFERENCE
            for a, b in itertools.pairwise(pictures)):
        return [Flag(FlagKind.FROZEN, span)]
    return []
