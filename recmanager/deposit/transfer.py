"""Downloads and uploads, written once for both backends: hidden temporary names, resuming
after a dropped link, and progress with a rate."""

from __future__ import annotations

import os
import queue
import shutil
import stat as stat_module
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.deposit.names import (
    NAME_MAX,
    glob_escape,
    is_inside,
    name_length_problem,
    temporary_name,
    temporary_stem,
    unsafe_path,
)
from recmanager.errors import (
    DepositConnectionError,
    DepositError,
    NotEnoughSpace,
    RecmanagerError,
)
from recmanager.formatting import os_error_message, printable
from recmanager.i18n import localized_size, translate
from recmanager.progress import CancelToken, Progress, ProgressCallback, Throttle, no_progress

if TYPE_CHECKING:
    from recmanager.deposit.base import Deposit, RemoteFile

# Temporary names Pod's cron skips: the extension is not in VIDEO_ALLOWED_EXTENSIONS (nor zip).
UPLOAD_SUFFIX = ".recmanager-upload"
DOWNLOAD_SUFFIX = ".recmanager-part"
# Room left on the destination disk after a download, so the system does not fill up.
DISK_MARGIN = 64 * 1024 * 1024


class Transfers:
    """Download and upload of a :class:`~recmanager.deposit.base.Deposit`, on its primitives."""

    def download(
        self: Deposit,
        path: str,
        local_path: Path | str,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        *,
        overwrite: bool = False,
    ) -> Path:
        """Copy a deposit file to ``local_path``, resuming a previous partial copy.

        The bytes go to a temporary name beside the destination that records the remote
        size and mtime, so a resume never mixes two versions of a file; the final size is
        checked before the rename. A cancelled or failed download keeps its partial file,
        unless it is empty (nothing to resume from). An existing file is replaced only with
        ``overwrite``; a name the local folder cannot hold is refused before anything is
        written.
        """
        cancel = cancel or CancelToken()
        remote = self.stat(path)
        destination, limit = _local_destination(remote, Path(local_path), overwrite)
        partial, offset = _partial_download(destination, remote, limit)
        label = translate("deposit", "Downloading {name}").format(name=printable(remote.name))
        report = Throttle(progress)
        meter = _RateMeter(offset)
        report(Progress(offset, remote.size, "B", label), force=True)
        try:
            offset = self._receive(path, remote, partial, offset, label, report, meter, cancel)
        except RecmanagerError:
            if partial.exists() and partial.stat().st_size == 0:
                partial.unlink()
            raise
        if partial.stat().st_size != remote.size:
            raise DepositError(translate(
                "deposit", "The download of {name} is incomplete; it will resume next time."
            ).format(name=printable(remote.name)))
        after = self.stat(path)
        if (after.size, after.mtime) != (remote.size, remote.mtime):
            partial.unlink(missing_ok=True)
            raise DepositError(
                translate("deposit", "{name} changed on the server during the download.")
                .format(name=printable(remote.name)),
                hint=translate("deposit", "It is probably still uploading; try again later."),
            )
        os.replace(partial, destination)
        report(Progress(remote.size, remote.size, "B", label, meter.rate(offset)), force=True)
        return destination

    def _receive(
        self: Deposit, path: str, remote: RemoteFile, partial: Path, offset: int, label: str,
        report: Throttle, meter: _RateMeter, cancel: CancelToken,
    ) -> int:
        """Append the rest of ``path`` from ``offset`` to ``partial``, resuming after a dropped
        link; return the offset reached."""
        attempt = 0
        with _BackgroundWriter(partial) as output:
            while offset < remote.size:
                try:
                    for chunk in self._read_range(path, offset, remote.size):
                        output.write(chunk)
                        offset += len(chunk)
                        report(Progress(offset, remote.size, "B", label, meter.rate(offset)))
                        cancel.check()
                        attempt = 0
                except DepositConnectionError as exc:
                    self._retrying(attempt, cancel, exc, label, offset)
                    attempt += 1
        return offset

    def upload(
        self: Deposit,
        local_path: Path | str,
        folder: str,
        name: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> RemoteFile:
        """Deposit a local file into a recorder folder without Pod ever seeing half of it.

        The bytes go to a hidden name with an extension Pod's cron skips; an interrupted
        upload resumes from the size already on the server; the size is checked, then the
        file is renamed to its real name. An existing recording is never replaced.
        """
        cancel = cancel or CancelToken()
        source = Path(local_path)
        info = _upload_source(source)
        name = name or source.name
        destination = self._upload_destination(folder, name)
        temporary = self.path_for(folder, temporary_name(
            name, f"{info.st_size}-{int(info.st_mtime)}", UPLOAD_SUFFIX))
        existing = self._lstat(temporary)
        offset = existing.size if existing is not None and existing.kind == "file" else 0
        if offset > info.st_size:
            self._remove(temporary)
            offset = 0
        offset = self._resume_point(temporary, source, offset)
        label = translate("deposit", "Uploading {name}").format(name=printable(name))
        report = Throttle(progress)
        meter = _RateMeter(offset)
        report(Progress(offset, info.st_size, "B", label), force=True)
        offset = self._send(source, temporary, offset, info.st_size, label, report, meter,
                            cancel)
        written = self._lstat(temporary)
        if written is None or written.size != info.st_size:
            raise DepositError(translate(
                "deposit", "The upload of {name} is incomplete ({done} of {total}); it was not "
                "renamed and will resume next time.").format(
                name=printable(name), done=localized_size(written.size if written else 0),
                total=localized_size(info.st_size)))
        self._rename(temporary, destination)
        report(Progress(info.st_size, info.st_size, "B", label, meter.rate(offset)), force=True)
        return self.stat(destination)

    def _upload_destination(self: Deposit, folder: str, name: str) -> str:
        """The server path an upload ends at, refused unless its folder is a recorder folder
        inside the root and nothing of that name is there yet."""
        destination = self.path_for(folder, name)
        too_long = name_length_problem(name)
        if too_long:
            raise DepositError(
                translate("deposit", "{name} cannot be deposited: {reason}.").format(
                    name=printable(name), reason=too_long),
                hint=translate("deposit", "Give the file a shorter name (--name)."))
        folder_entry = self._lstat(f"{self.root}/{folder}")
        if folder_entry is None or folder_entry.kind != "dir":
            raise DepositError(
                translate("deposit", "There is no recorder folder \"{folder}\" in {root}.")
                .format(folder=printable(folder), root=self.root),
                hint=translate("deposit", "Check the recorder's deposit directory in Pod."),
            )
        if not is_inside(self._realpath(f"{self.root}/{folder}"), self.real_root):
            raise unsafe_path(f"{self.root}/{folder}", translate(
                "deposit", "it leads outside the deposit folder"))
        if self._lstat(destination) is not None:
            raise DepositError(
                translate("deposit", "{path} already exists; it was not replaced.").format(
                    path=printable(destination)),
                hint=translate("deposit", "Give the file another name."),
            )
        return destination

    def _resume_point(self, server_path: str, source: Path, size: int) -> int:
        """Where an upload whose partial file has ``size`` bytes resumes: a backend that
        writes parts of a file in parallel checks the end it may have left with holes."""
        return size

    def _send(
        self: Deposit, source: Path, temporary: str, offset: int, size: int, label: str,
        report: Throttle, meter: _RateMeter, cancel: CancelToken,
    ) -> int:
        """Append ``source`` from ``offset`` to ``temporary`` on the server, resuming from
        what the server holds after a dropped link; return the offset reached."""
        attempt, failed_at = 0, offset
        with source.open("rb") as stream:
            while True:
                try:
                    with self._append(temporary, offset) as writer:
                        stream.seek(offset)
                        while chunk := stream.read(1024 * 1024):
                            writer.write(chunk)
                            offset += len(chunk)
                            report(Progress(offset, size, "B", label, meter.rate(offset)))
                            cancel.check()
                    return offset
                except DepositConnectionError as exc:
                    if offset > failed_at:
                        attempt, failed_at = 0, offset  # progress since the last drop
                    self._retrying(attempt, cancel, exc, label, offset)
                    attempt += 1
                    written = self._lstat(temporary)
                    offset = self._resume_point(temporary, source,
                                                written.size if written else 0)


def _local_destination(remote: RemoteFile, destination: Path, overwrite: bool) -> tuple[Path, int]:
    """Where a download ends (a folder takes the remote name) and the longest name its folder
    takes; refused when the name does not fit or would replace something unasked."""
    if name_length_problem(destination.name) is None and destination.is_dir():
        destination = destination / remote.name
    destination.parent.mkdir(parents=True, exist_ok=True)
    limit = _local_name_max(destination.parent)
    too_long = name_length_problem(destination.name, limit)
    if too_long:
        raise DepositError(
            translate("deposit", "{name} cannot be saved in {folder}: {reason}.").format(
                name=printable(destination.name), folder=destination.parent,
                reason=too_long),
            hint=translate("deposit", "Give a shorter destination file name."))
    if destination.exists() and not (overwrite and destination.is_file()):
        raise DepositError(
            translate("deposit", "{path} already exists; it was not replaced.").format(
                path=printable(str(destination))),
            hint=translate("deposit", "Choose another name, or pass --overwrite to "
                           "replace it.") if destination.is_file() else "",
        )
    return destination, limit


def _partial_download(destination: Path, remote: RemoteFile, limit: int) -> tuple[Path, int]:
    """The partial file of this version of ``remote`` and the offset to resume from; partial
    files of other versions are removed, and the space still needed is checked."""
    tag = f"{remote.size}-{int(remote.mtime)}"
    partial = destination.with_name(
        temporary_name(destination.name, tag, DOWNLOAD_SUFFIX, limit))
    stem = temporary_stem(destination.name, limit)
    for stale in destination.parent.glob(f"{glob_escape(stem)}.*{DOWNLOAD_SUFFIX}"):
        if stale != partial:
            stale.unlink(missing_ok=True)
    offset = partial.stat().st_size if partial.exists() else 0
    if offset > remote.size:
        partial.unlink()
        offset = 0
    free = shutil.disk_usage(destination.parent).free
    if free < remote.size - offset + DISK_MARGIN:
        raise NotEnoughSpace(
            translate("deposit", "{folder} has {free} free; {name} needs {needed}.").format(
                folder=destination.parent, free=localized_size(free), name=remote.name,
                needed=localized_size(remote.size - offset + DISK_MARGIN)),
            hint=translate("deposit", "Free some space or choose another folder."),
        )
    return partial, offset


def _upload_source(source: Path) -> os.stat_result:
    """The local file to upload, read before anything is sent."""
    try:
        info = source.stat()
    except OSError as exc:
        raise DepositError(translate("deposit", "{path} cannot be read: {error}").format(
            path=source, error=exc.strerror or exc)) from None
    if not stat_module.S_ISREG(info.st_mode):
        raise DepositError(translate("deposit", "{path} is not a file.").format(path=source))
    return info

class _BackgroundWriter:
    """Appends to a local file on its own thread, so the network never waits for the disk.

    Everything handed to :meth:`write` is on disk (fsync) when the ``with`` block ends,
    also when it ends by an exception: a resumed download starts after the last byte
    received.
    """

    def __init__(self, path: Path, depth: int = 64) -> None:
        self._path = path
        self._stream = path.open("ab")
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="download-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._stream.write(chunk)
                except OSError as exc:
                    self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise DepositError(translate("deposit", "Writing {path} failed: {error}").format(
                path=self._path, error=os_error_message(self._error)))

    def write(self, chunk: bytes) -> None:
        self._raise()
        self._queue.put(chunk)

    def __enter__(self) -> _BackgroundWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._queue.put(None)
        self._thread.join()
        try:
            if self._error is None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
        except OSError as exc:
            self._error = exc
        finally:
            self._stream.close()
        if exc_info[0] is None:
            self._raise()


def _local_name_max(folder: Path) -> int:
    """The longest file name ``folder``'s file system takes, in bytes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return NAME_MAX


class _RateMeter:
    """Bytes per second over the transfer so far (smooth enough for a time-left estimate)."""

    def __init__(self, start: int) -> None:
        self._start = start
        self._began = time.monotonic()

    def rate(self, done: int) -> float | None:
        elapsed = time.monotonic() - self._began
        return (done - self._start) / elapsed if elapsed > 0.5 else None
