"""A read-only, seekable raw stream of known size: the base of the readers that serve a
remote file, or a part of one, to the preview player."""

from __future__ import annotations

import io


class SizedReader(io.RawIOBase):
    """Keeps the position within ``[0, size]``; subclasses implement ``readinto``."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self._size = size
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, min(self._size, base + offset))
        return self._position
