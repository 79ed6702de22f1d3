"""Zip deposits (audiovideocast) read from their directory only, and the byte sources the
preview plays: a deposit file, or the stored video inside a zip."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from recmanager.errors import DepositError
from recmanager.i18n import translate
from recmanager.inbox.rows import SLIDE_EXTENSIONS, VIDEO_EXTENSIONS, extension
from recmanager.readers import SizedReader

if TYPE_CHECKING:
    from recmanager.deposit.base import Deposit

@dataclass(frozen=True)
class ZipContent:
    """An audiovideocast deposit: Pod reads ``<name>/cours.smil``, a video and slides."""

    video_member: str | None
    smil_member: str | None
    slides: int
    video_offset: int | None  # where the stored (uncompressed) video's bytes start
    video_size: int


def inspect_zip(stream: IO[bytes]) -> ZipContent:
    """Read only the zip's central directory (and one local header) from a seekable stream.

    A stored video member can then be played as a byte range of the archive, so nothing
    is downloaded beyond what the player reads.
    """
    with zipfile.ZipFile(stream) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
    slides = sum(1 for info in infos if extension(info.filename) in SLIDE_EXTENSIONS)
    smil = next((i.filename for i in infos if extension(i.filename) == "smil"), None)
    videos = [info for info in infos if extension(info.filename) in VIDEO_EXTENSIONS]
    if not videos:
        return ZipContent(None, smil, slides, None, 0)
    video = max(videos, key=lambda info: info.file_size)
    offset = None
    if video.compress_type == zipfile.ZIP_STORED:
        stream.seek(video.header_offset)
        header = stream.read(30)
        if header[:4] == b"PK\x03\x04":
            name_length = int.from_bytes(header[26:28], "little")
            extra_length = int.from_bytes(header[28:30], "little")
            offset = video.header_offset + 30 + name_length + extra_length
    return ZipContent(video.filename, smil, slides, offset, video.file_size)


# --- preview sources ---------------------------------------------------------------------------

MEMBER_SEPARATOR = "!/"  # ``/deposit/amphiA/course.zip!/course/video.mp4``


class ByteWindow(SizedReader):
    """Bytes ``[start, start + size)`` of a seekable stream, seen as a file of its own: a
    stored video inside a zip deposit, played without reading the rest of the archive."""

    def __init__(self, inner: IO[bytes], start: int, size: int) -> None:
        super().__init__(size)
        self._inner = inner
        self._start = start

    def readinto(self, buffer: Any) -> int:
        wanted = min(len(buffer), self._size - self._position)
        if wanted <= 0:
            return 0
        self._inner.seek(self._start + self._position)
        data = self._inner.read(wanted)
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def read_pieces(self, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, bytes]]:
        """The archive's reader's pieces of each ``(offset, size)`` of the window (asked for
        at once where it can: the preview's head and moov of a zipped video)."""
        from recmanager.deposit.base import read_pieces

        inside = []
        for offset, size in ranges:
            start = min(max(0, offset), self._size)
            inside.append((self._start + start, max(0, min(size, self._size - start))))
        return read_pieces(self._inner, inside)  # type: ignore[arg-type]

    def close(self) -> None:
        if not self.closed:
            self._inner.close()
        super().close()


def member_key(path: str, member: str) -> str:
    return f"{path}{MEMBER_SEPARATOR}{member}"


def open_preview_source(deposit: Deposit, key: str, *,
                        ahead: Sequence[tuple[int, int]] = ()) -> IO[bytes]:
    """What the preview stream serves for ``key``: a deposit file, or the stored video
    member of a zip deposit (located again from the zip's directory). ``ahead``: the ranges
    of a deposit file read first (a member's are read where the zip's directory says)."""
    archive, separator, member = key.partition(MEMBER_SEPARATOR)
    if not separator:
        return deposit.open_read(key, ahead=ahead)
    stream = deposit.open_read(archive)
    try:
        content = inspect_zip(stream)
        if content.video_member != member or content.video_offset is None:
            raise DepositError(translate(
                "inbox", "{member} is not a stored video of {archive}.").format(
                member=member, archive=posixpath.basename(archive)))
        return ByteWindow(stream, content.video_offset, content.video_size)
    except BaseException:
        stream.close()
        raise


def extract_zip_video(deposit: Deposit, path: str, destination_dir: Path) -> Path:
    """Copy out a compressed video member (only its bytes are read) for local playback."""
    with deposit.open_read(path) as stream, zipfile.ZipFile(stream) as archive:
        content_member = inspect_zip(stream).video_member
        if content_member is None:
            raise DepositError(translate("inbox", "{archive} holds no video.").format(
                archive=posixpath.basename(path)))
        destination_dir.mkdir(parents=True, exist_ok=True)
        target = destination_dir / posixpath.basename(content_member)
        with archive.open(content_member) as source, target.open("wb") as output:
            while chunk := source.read(1024 * 1024):
                output.write(chunk)
    return target
