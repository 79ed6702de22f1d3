"""A deposit folder mounted on this computer (SSHFS, NFS, or the sandbox's own folder).

Server paths under ``deposit_root`` map to the same relative paths under the mounted folder,
so the rest of recmanager (and Pod's treatment rows) keep speaking in server paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from recmanager.deposit.base import Deposit, Entry, Writer, entry_kind
from recmanager.deposit.names import is_inside
from recmanager.errors import DepositError
from recmanager.formatting import os_error_message, printable
from recmanager.i18n import translate

READ_CHUNK = 1024 * 1024


def _entry(name: str, info: os.stat_result) -> Entry:
    return Entry(name, entry_kind(info.st_mode), info.st_size, info.st_mtime)


class LocalDeposit(Deposit):
    """The deposit as a local folder: ``root`` (server path) ↔ ``folder`` (here)."""

    def __init__(self, root: str, folder: Path | str) -> None:
        super().__init__(root)
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise DepositError(
                translate("deposit", "The deposit folder {folder} does not exist or is not "
                          "mounted.").format(folder=self.folder),
                hint=translate("deposit", "Mount it, or correct the folder in the profile."),
            )
        self._real_folder = os.path.realpath(self.folder)

    def local_path(self, server_path: str) -> str:
        """Where a server path is on this computer (server paths outside the root map nowhere)."""
        if server_path == self.root:
            return str(self.folder)
        if not is_inside(server_path, self.root):
            # Quarantine folders outside the deposit root are plain local paths.
            return server_path
        return os.path.join(self.folder, server_path[len(self.root) + 1:])

    def _server_path(self, local: str) -> str:
        if local == self._real_folder:
            return self.root
        if is_inside(local, self._real_folder):
            return f"{self.root}/{local[len(self._real_folder) + 1:]}"
        # Not a server path: can never compare as inside the root, even if spelled alike.
        return f"local:{local}"

    def _failure(self, action: str, path: str, exc: OSError) -> DepositError:
        return DepositError(translate("deposit", "{action} {path} failed: {error}").format(
            action=action, path=printable(path), error=os_error_message(exc)))

    def _listdir(self, server_dir: str) -> list[Entry]:
        try:
            with os.scandir(self.local_path(server_dir)) as entries:
                return [_entry(item.name, item.stat(follow_symlinks=False)) for item in entries]
        except OSError as exc:
            raise self._failure(translate("deposit", "Listing"), server_dir, exc) from None

    def _lstat(self, server_path: str) -> Entry | None:
        try:
            info = os.lstat(self.local_path(server_path))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None
        return _entry(os.path.basename(server_path), info)

    def _realpath(self, server_path: str) -> str:
        return self._server_path(os.path.realpath(self.local_path(server_path)))

    @property
    def real_root(self) -> str:
        return self.root

    def _read_range(self, server_path: str, offset: int, end: int) -> Iterator[bytes]:
        try:
            with open(self.local_path(server_path), "rb") as stream:
                stream.seek(offset)
                while offset < end:
                    chunk = stream.read(min(READ_CHUNK, end - offset))
                    if not chunk:
                        raise DepositError(translate(
                            "deposit", "{path} became shorter while it was read.").format(
                            path=printable(server_path)))
                    offset += len(chunk)
                    yield chunk
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None

    @contextmanager
    def _append(self, server_path: str, offset: int) -> Iterator[Writer]:
        local = self.local_path(server_path)
        try:
            with open(local, "r+b" if os.path.exists(local) else "wb") as stream:
                stream.truncate(offset)
                stream.seek(offset)
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            raise self._failure(translate("deposit", "Writing"), server_path, exc) from None

    def _rename(self, source: str, destination: str) -> None:
        local_destination = self.local_path(destination)
        if os.path.lexists(local_destination):
            raise DepositError(translate("deposit", "{path} already exists.").format(
                path=printable(destination)))
        try:
            os.rename(self.local_path(source), local_destination)
        except OSError as exc:
            raise self._failure(translate("deposit", "Moving"), source, exc) from None

    def _remove(self, server_path: str) -> None:
        try:
            os.remove(self.local_path(server_path))
        except OSError as exc:
            raise self._failure(translate("deposit", "Deleting"), server_path, exc) from None

    def _makedirs(self, server_dir: str) -> None:
        try:
            os.makedirs(self.local_path(server_dir), exist_ok=True)
        except OSError as exc:
            raise self._failure(translate("deposit", "Creating"), server_dir, exc) from None

    def _rmdir(self, server_dir: str) -> None:
        try:
            os.rmdir(self.local_path(server_dir))
        except OSError as exc:
            raise self._failure(translate("deposit", "Deleting"), server_dir, exc) from None

    def open_judged(self, path: str, *, sampling: bool = False,
                    ahead: Sequence[tuple[int, int]] = ()) -> tuple[BinaryIO, Entry]:
        """A local file reads what is asked, when it is asked, sampling or not."""
        entry = self.guard(path)
        return open(self.local_path(path), "rb"), entry

    def close(self) -> None:
        """Nothing to release: the folder is mounted by the system."""

    def _reconnect(self) -> None:
        """A mounted folder has no connection of its own."""
