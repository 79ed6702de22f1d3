"""The deposit folder interface, its path guard, and the transfer logic both backends share.

Paths handed to a :class:`Deposit` are *server paths*: absolute POSIX paths under the
profile's ``deposit_root`` (Pod's ``DEFAULT_RECORDER_PATH``), exactly as Pod writes them in a
treatment row's ``file``. A backend implements a handful of primitives on those paths; the
guard, listing, downloads, uploads, deletes and the quarantine are written once, here.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import posixpath
import queue
import re
import secrets as random_tokens
import shutil
import stat as stat_module
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from recmanager.errors import (
    Cancelled,
    DepositConnectionError,
    DepositError,
    NotEnoughSpace,
    UnsafePath,
)
from recmanager.formatting import human_size, printable
from recmanager.i18n import translate
from recmanager.progress import CancelToken, Progress, ProgressCallback, Throttle, no_progress

log = logging.getLogger("recmanager.deposit")

# Temporary names Pod's cron skips: the extension is not in VIDEO_ALLOWED_EXTENSIONS (nor zip).
UPLOAD_SUFFIX = ".recmanager-upload"
DOWNLOAD_SUFFIX = ".recmanager-part"
# Room left on the destination disk after a download, so the system does not fill up.
DISK_MARGIN = 64 * 1024 * 1024
# The dated folder quarantine() makes for each file: <UTC time>-<random>.
QUARANTINE_HOLDER = re.compile(r"^(\d{8}T\d{6})-[0-9a-f]{8}$")
# The longest file name, in bytes, a deposit server takes (NAME_MAX of Linux file systems;
# SFTP cannot ask). A local destination is asked (pathconf).
NAME_MAX = 255
# Room kept at the end of a temporary name for ".<size>-<mtime><suffix>".
TEMPORARY_TAG_ROOM = 64
# A dropped link during a transfer is retried this many times (reads and appends are
# idempotent from a known offset), waiting a little longer each time.
TRANSFER_RETRIES = 5

EntryKind = Literal["file", "dir", "link", "other"]


@dataclass(frozen=True)
class RemoteFile:
    """A file in a recorder folder: ``path`` is the server path Pod also uses."""

    path: str
    folder: str
    name: str
    size: int
    mtime: float


@dataclass(frozen=True)
class RefusedName:
    """A name found in the deposit that recmanager will not follow, and why."""

    folder: str
    name: str
    reason: str


class Listing(dict[str, list[RemoteFile]]):
    """Files per recorder folder, plus the names refused and the folders that failed."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[RefusedName] = []
        self.failed: dict[str, str] = {}

    @property
    def file_count(self) -> int:
        return sum(len(files) for files in self.values())


@dataclass(frozen=True)
class QuarantinedFile:
    """Where a deleted recording was moved, so Undo can put it back."""

    original_path: str
    quarantined_path: str
    size: int
    quarantined_at: datetime


@dataclass(frozen=True)
class Entry:
    """What a backend reports about one directory entry (lstat: links are not followed)."""

    name: str
    kind: EntryKind
    size: int
    mtime: float


def entry_kind(mode: int) -> EntryKind:
    """What an lstat mode says an entry is (links are not followed)."""
    if stat_module.S_ISLNK(mode):
        return "link"
    if stat_module.S_ISDIR(mode):
        return "dir"
    if stat_module.S_ISREG(mode):
        return "file"
    return "other"


class Writer(Protocol):
    def write(self, data: bytes) -> object: ...


# Unicode's control characters (category Cc), and the stand-ins Python uses for bytes that
# are not UTF-8 (surrogateescape). One regular expression: names are checked by thousands.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def hostile_name_reason(name: str) -> str | None:
    """Why a directory entry's name must not be followed, or None when it is fine."""
    if not name or name in (".", ".."):
        return translate("deposit", "a relative name (\".\" or \"..\")")
    if "/" in name or "\\" in name:
        return translate("deposit", "a slash inside the name")
    if _CONTROL.search(name):
        return translate("deposit", "a control character in the name")
    if _NOT_UTF8.search(name):
        return translate("deposit", "a name that is not valid UTF-8")
    return None


def name_length_problem(name: str, limit: int = NAME_MAX) -> str | None:
    """Why ``name`` is too long for a folder that takes ``limit`` bytes per name, or None."""
    size = len(name.encode("utf-8", "surrogateescape"))
    if size <= limit:
        return None
    return translate("deposit", "the name is {size} bytes long; the folder takes at most "
                     "{limit}").format(size=size, limit=limit)


def temporary_stem(name: str, limit: int = NAME_MAX) -> str:
    """The hidden stem of a temporary name for ``name``: ``.<name>``, shortened (with a digest
    of the whole name, so two long names never share it) when ``.<name>`` plus a size/mtime
    tag and a suffix would not fit in ``limit`` bytes. The same name always gives the same
    stem, so stale temporary files of that name can be found."""
    encoded = name.encode("utf-8", "surrogateescape")
    if 1 + len(encoded) + TEMPORARY_TAG_ROOM <= limit:
        return f".{name}"
    digest = hashlib.sha256(encoded).hexdigest()[:12]
    room = limit - TEMPORARY_TAG_ROOM - len(digest) - 2
    head = encoded[:max(0, room)].decode("utf-8", "ignore")
    return f".{head}~{digest}"


def temporary_name(name: str, tag: str, suffix: str, limit: int = NAME_MAX) -> str:
    """``<stem>.<tag><suffix>``: never longer than ``limit`` bytes when ``name`` fits."""
    return f"{temporary_stem(name, limit)}.{tag}{suffix}"


def _unsafe(path: str, reason: str) -> UnsafePath:
    return UnsafePath(
        translate("deposit", "The path {path} was refused: {reason}.").format(
            path=printable(path), reason=reason
        ),
        hint=translate("deposit", "Only files inside the deposit folder can be used."),
    )


def is_inside(path: str, root: str) -> bool:
    """True when ``path`` is strictly below ``root`` (both normalised, POSIX)."""
    root = root.rstrip("/") or "/"
    prefix = root if root == "/" else root + "/"
    return path != root and path.startswith(prefix)


def check_server_path(root: str, path: str) -> tuple[str, str]:
    """Refuse anything but ``<root>/<relative path>`` spelled plainly; return (folder, name).

    The lexical half of the guard: no control characters, no ``.``/``..``/empty
    components, strictly inside the root. The backend then resolves links.
    """
    if not isinstance(path, str) or not path:
        raise _unsafe(str(path), translate("deposit", "an empty path"))
    if _CONTROL.search(path):
        raise _unsafe(path, translate("deposit", "a control character"))
    if not path.startswith("/"):
        raise _unsafe(path, translate("deposit", "not an absolute path"))
    parts = path.split("/")[1:]
    if any(part in ("", ".", "..") for part in parts):
        raise _unsafe(path, translate("deposit", "\"..\", \".\" or an empty component"))
    if not is_inside(path, root):
        raise _unsafe(path, translate("deposit", "outside the deposit folder {root}").format(
            root=root))
    relative = path[len(root.rstrip("/")) + 1:]
    folder, _, name = relative.rpartition("/")
    return folder, name


class Deposit(ABC):
    """One deposit folder. Thread-safe: listings, transfers and previews may run at once."""

    def __init__(self, root: str) -> None:
        normalised = posixpath.normpath(root or "/")
        if not normalised.startswith("/"):
            raise DepositError(
                translate("deposit", "The deposit root must be an absolute path, not {root}.")
                .format(root=root)
            )
        self.root = normalised
        self._real_root: str | None = None

    # --- primitives each backend provides (server paths, already guarded) ---------------

    @abstractmethod
    def _listdir(self, server_dir: str) -> list[Entry]:
        """Entries of a directory with lstat attributes, in one round trip where possible."""

    @abstractmethod
    def _lstat(self, server_path: str) -> Entry | None:
        """The entry itself (a link is reported as a link), or None when it does not exist."""

    @abstractmethod
    def _realpath(self, server_path: str) -> str:
        """The path with every symbolic link resolved."""

    @abstractmethod
    def _read_range(self, server_path: str, offset: int, end: int) -> Iterator[bytes]:
        """The bytes ``[offset, end)`` of a file, in order, read ahead where the link allows."""

    @abstractmethod
    def _append(self, server_path: str, offset: int) -> AbstractContextManager[Writer]:
        """A writer positioned at ``offset`` (the file is created if absent)."""

    @abstractmethod
    def _rename(self, source: str, destination: str) -> None:
        """Rename without replacing an existing destination."""

    @abstractmethod
    def _remove(self, server_path: str) -> None: ...

    @abstractmethod
    def _makedirs(self, server_dir: str) -> None: ...

    @abstractmethod
    def _rmdir(self, server_dir: str) -> None:
        """Remove an empty directory."""

    def _resume_point(self, server_path: str, source: Path, size: int) -> int:
        """Where an upload whose partial file has ``size`` bytes resumes: a backend that
        writes parts of a file in parallel checks the end it may have left with holes."""
        return size

    @abstractmethod
    def open_read(self, path: str) -> BinaryIO:
        """A seekable binary reader for a guarded file (the preview stream reads it)."""

    @abstractmethod
    def close(self) -> None:
        """Release connections; the deposit cannot be used afterwards."""

    def __enter__(self) -> Deposit:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abstractmethod
    def _reconnect(self) -> None:
        """Make the next operation use a fresh connection after a dropped link."""

    # --- the guard -----------------------------------------------------------------------

    @property
    def real_root(self) -> str:
        if self._real_root is None:
            self._real_root = self._realpath(self.root)
        return self._real_root

    def guard(self, path: str, *, follow_links: bool = True) -> Entry:
        """The one check for every path from outside: a regular file strictly inside the root.

        ``follow_links=False`` (delete, quarantine) refuses any symbolic link; otherwise a
        link is accepted only when it resolves to a regular file inside the root.
        """
        check_server_path(self.root, path)
        entry = self._lstat(path)
        if entry is None:
            raise DepositError(
                translate("deposit", "{path} is not in the deposit folder (any more).").format(
                    path=printable(path))
            )
        if entry.kind == "link" and not follow_links:
            raise _unsafe(path, translate("deposit", "a symbolic link"))
        real = self._realpath(path)
        if not is_inside(real, self.real_root):
            raise _unsafe(path, translate("deposit", "it leads outside the deposit folder"))
        if entry.kind == "link":
            target = self._lstat(real)
            if target is None or target.kind != "file":
                raise _unsafe(path, translate("deposit", "not a regular file"))
            return Entry(entry.name, "file", target.size, target.mtime)
        if entry.kind != "file":
            raise _unsafe(path, translate("deposit", "not a regular file"))
        return entry

    def path_for(self, folder: str, name: str) -> str:
        """The server path of ``name`` in a recorder folder, refusing hostile names."""
        for part in (folder, name):
            reason = hostile_name_reason(part)
            if reason:
                raise _unsafe(f"{folder}/{name}", reason)
        return f"{self.root}/{folder}/{name}"

    # --- listing -------------------------------------------------------------------------

    def list_folders(self) -> list[str]:
        """Recorder folders one level below the root (links and odd names are not followed)."""
        return self._folders(Listing())

    def _folders(self, listing: Listing) -> list[str]:
        folders = []
        for entry in self._listdir(self.root):
            reason = hostile_name_reason(entry.name)
            if reason is None and entry.kind == "link":
                reason = translate("deposit", "a symbolic link, not followed")
            if reason:
                listing.refused.append(RefusedName("", printable(entry.name), reason))
            elif entry.kind == "dir":
                folders.append(entry.name)
        return sorted(folders)

    def list_files(self, folder: str, listing: Listing | None = None) -> list[RemoteFile]:
        """Files of one recorder folder, from one directory listing (never a stat per file)."""
        reason = hostile_name_reason(folder)
        if reason:
            raise _unsafe(folder, reason)
        listing = listing if listing is not None else Listing()
        files = []
        for entry in self._listdir(f"{self.root}/{folder}"):
            reason = hostile_name_reason(entry.name)
            if reason is None and entry.kind == "link":
                reason = translate("deposit", "a symbolic link, not followed")
            if reason:
                listing.refused.append(RefusedName(folder, printable(entry.name), reason))
            elif entry.kind == "file":
                files.append(RemoteFile(
                    f"{self.root}/{folder}/{entry.name}", folder, entry.name, entry.size,
                    entry.mtime,
                ))
        return sorted(files, key=lambda remote: remote.name)

    def list_all(self, concurrency: int = 8) -> Listing:
        """Every recorder folder's files, folders listed ``concurrency`` at a time.

        A folder that cannot be listed is reported in ``failed`` (its files are not
        "gone"); refused names are in ``refused``.
        """
        listing = Listing()
        folders = self._folders(listing)

        def one(folder: str) -> tuple[str, list[RemoteFile] | None, str]:
            try:
                return folder, self.list_files(folder, listing), ""
            except DepositConnectionError:
                raise
            except DepositError as exc:
                return folder, None, str(exc)

        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            for folder, files, error in pool.map(one, folders):
                if files is None:
                    listing.failed[folder] = error
                else:
                    listing[folder] = files
        return listing

    def stat(self, path: str) -> RemoteFile:
        entry = self.guard(path)
        folder, name = check_server_path(self.root, path)
        return RemoteFile(path, folder, name, entry.size, entry.mtime)

    def exists(self, path: str) -> bool:
        """True for a regular file inside the root; unsafe paths still raise UnsafePath."""
        check_server_path(self.root, path)
        entry = self._lstat(path)
        if entry is None:
            return False
        self.guard(path)
        return True

    # --- transfers -----------------------------------------------------------------------

    def _retrying(self, attempt: int, cancel: CancelToken, exc: DepositConnectionError,
                  label: str, done: int) -> None:
        """Wait before the next attempt after a dropped (or silent) link, or give up with
        an error that says what is kept."""
        if attempt >= TRANSFER_RETRIES:
            raise DepositConnectionError(
                translate("deposit", "{what}: stopped after {tries} attempts without progress "
                          "({error}).").format(what=label, tries=attempt + 1, error=exc.message),
                hint=translate("deposit", "The {done} already transferred are kept: run it "
                               "again to resume.").format(done=_size(done)),
            ) from exc
        log.warning("transfer interrupted (%s); retry %d", exc, attempt + 1)
        if cancel.wait(min(8.0, 0.5 * 2 ** attempt)):
            raise Cancelled()
        self._reconnect()

    def download(
        self,
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
        checked before the rename. A cancelled download keeps its partial file. An existing
        file is replaced only with ``overwrite``; a name the local folder cannot hold is
        refused before anything is written.
        """
        cancel = cancel or CancelToken()
        remote = self.stat(path)
        destination = Path(local_path)
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
                    folder=destination.parent, free=_size(free), name=remote.name,
                    needed=_size(remote.size - offset + DISK_MARGIN)),
                hint=translate("deposit", "Free some space or choose another folder."),
            )
        label = translate("deposit", "Downloading {name}").format(name=printable(remote.name))
        report = Throttle(progress)
        meter = _RateMeter(offset)
        report(Progress(offset, remote.size, "B", label), force=True)
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

    def upload(
        self,
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
        try:
            info = source.stat()
        except OSError as exc:
            raise DepositError(translate("deposit", "{path} cannot be read: {error}").format(
                path=source, error=exc.strerror or exc)) from None
        if not stat_module.S_ISREG(info.st_mode):
            raise DepositError(translate("deposit", "{path} is not a file.").format(path=source))
        name = name or source.name
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
            raise _unsafe(f"{self.root}/{folder}", translate(
                "deposit", "it leads outside the deposit folder"))
        if self._lstat(destination) is not None:
            raise DepositError(
                translate("deposit", "{path} already exists; it was not replaced.").format(
                    path=printable(destination)),
                hint=translate("deposit", "Give the file another name."),
            )
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
        attempt, failed_at = 0, offset
        with source.open("rb") as stream:
            while True:
                try:
                    with self._append(temporary, offset) as writer:
                        stream.seek(offset)
                        while chunk := stream.read(1024 * 1024):
                            writer.write(chunk)
                            offset += len(chunk)
                            report(Progress(offset, info.st_size, "B", label,
                                            meter.rate(offset)))
                            cancel.check()
                    break
                except DepositConnectionError as exc:
                    if offset > failed_at:
                        attempt, failed_at = 0, offset  # progress since the last drop
                    self._retrying(attempt, cancel, exc, label, offset)
                    attempt += 1
                    written = self._lstat(temporary)
                    offset = self._resume_point(temporary, source,
                                                written.size if written else 0)
        written = self._lstat(temporary)
        if written is None or written.size != info.st_size:
            raise DepositError(translate(
                "deposit", "The upload of {name} is incomplete ({done} of {total}); it was not "
                "renamed and will resume next time.").format(
                name=printable(name), done=_size(written.size if written else 0),
                total=_size(info.st_size)))
        self._rename(temporary, destination)
        report(Progress(info.st_size, info.st_size, "B", label, meter.rate(offset)), force=True)
        return self.stat(destination)

    # --- delete, quarantine, undo --------------------------------------------------------

    def _settle(self, change: Callable[[], None], made: Callable[[], bool]) -> None:
        """Make one change; when the link drops before its answer, look over a new link
        whether the server made it before calling it failed (the answer alone was lost)."""
        try:
            change()
        except DepositConnectionError as lost:
            try:
                if made():
                    log.info("the answer was lost, the change is made: %s", lost)
                    return
            except DepositError:
                pass
            raise lost from None

    def delete(self, path: str) -> None:
        """Remove one regular file strictly inside the root (never a link, never outside)."""
        self.guard(path, follow_links=False)
        self._settle(lambda: self._remove(path), lambda: self._lstat(path) is None)
        log.info("deleted %s", printable(path))

    def quarantine(self, path: str, quarantine_dir: str) -> QuarantinedFile:
        """Move a file to ``quarantine_dir`` (outside the root, same server) instead of deleting.

        Each file gets its own sub-folder, so two recordings with one name never collide.
        """
        entry = self.guard(path, follow_links=False)
        directory = self._quarantine_folder(quarantine_dir)
        folder, name = check_server_path(self.root, path)
        stamp = datetime.now(UTC)
        holder = f"{directory}/{stamp:%Y%m%dT%H%M%S}-{random_tokens.token_hex(4)}"
        self._makedirs(f"{holder}/{folder}" if folder else holder)
        target = f"{holder}/{folder}/{name}" if folder else f"{holder}/{name}"
        self._settle(lambda: self._rename(path, target), lambda: self._moved(path, target))
        log.info("quarantined %s to %s", printable(path), printable(target))
        return QuarantinedFile(path, target, entry.size, stamp)

    def check_quarantine(self, quarantine_dir: str) -> str:
        """Prove that a delete can be moved to ``quarantine_dir``; returns the folder.

        Besides the checks of :meth:`quarantine`, an empty probe file written directly in
        the root (where Pod's cron, which looks in recorder folders only, never sees it) is
        moved there and back, then removed from the root: a folder on another file system,
        or one this account may not write in, is found now rather than at the first delete.
        """
        directory = self._quarantine_folder(quarantine_dir)
        self._makedirs(directory)
        name = f".recmanager-quarantine-check-{random_tokens.token_hex(4)}"
        probe, held = f"{self.root}/{name}", f"{directory}/{name}"
        with self._append(probe, 0):
            pass
        try:
            try:
                self._rename(probe, held)
            except DepositError as exc:
                raise DepositError(
                    translate("deposit", "Files cannot be moved from the deposit folder to "
                              "the quarantine folder {folder}: {error}").format(
                        folder=printable(directory), error=exc.message),
                    hint=translate("deposit", "Choose a quarantine folder on the same disk as "
                                   "the deposit folder, where this account may write."),
                ) from exc
            self._rename(held, probe)
        finally:
            if self._lstat(probe) is not None:
                self._remove(probe)
        return directory

    def restore(self, quarantined: QuarantinedFile) -> RemoteFile:
        """Undo a quarantine: put the file back where it was, never over another file."""
        path = quarantined.original_path
        folder, _name = check_server_path(self.root, path)
        parent = posixpath.dirname(path)
        if self._lstat(parent) is None:
            raise DepositError(translate(
                "deposit", "The folder {folder} no longer exists; the file stays in {where}."
            ).format(folder=printable(folder), where=printable(quarantined.quarantined_path)))
        if not is_inside(self._realpath(parent), self.real_root):
            raise _unsafe(parent, translate("deposit", "it leads outside the deposit folder"))
        present, held = self._lstat(path), self._lstat(quarantined.quarantined_path)
        if (present is not None and held is None and present.kind == "file"
                and present.size == quarantined.size):
            # Put back already (an undo whose answer was lost, or that was interrupted).
            log.info("%s was restored already", printable(path))
            return self.stat(path)
        if present is not None:
            raise DepositError(translate(
                "deposit", "{path} exists again; the quarantined copy stays in {where}."
            ).format(path=printable(path), where=printable(quarantined.quarantined_path)))
        if held is None or held.kind != "file":
            raise DepositError(translate(
                "deposit", "The quarantined copy {where} is gone; it cannot be restored."
            ).format(where=printable(quarantined.quarantined_path)))
        self._settle(lambda: self._rename(quarantined.quarantined_path, path),
                     lambda: self._moved(quarantined.quarantined_path, path))
        log.info("restored %s", printable(path))
        return self.stat(path)

    def _moved(self, source: str, destination: str) -> bool:
        return self._lstat(source) is None and self._lstat(destination) is not None

    def purge_quarantine(self, quarantine_dir: str, keep_days: float,
                         now: datetime | None = None) -> list[str]:
        """Delete what :meth:`quarantine` put aside more than ``keep_days`` ago.

        Only the dated folders quarantine() creates are touched; anything else someone put
        in the quarantine folder stays. Returns the files deleted.
        """
        directory = posixpath.normpath(quarantine_dir or "")
        if not quarantine_dir or not directory.startswith("/") or self._lstat(directory) is None:
            return []
        self._check_quarantine_folder(directory)
        limit = (now or datetime.now(UTC)) - timedelta(days=keep_days)
        removed: list[str] = []
        for entry in self._listdir(directory):
            match = QUARANTINE_HOLDER.match(entry.name)
            if entry.kind != "dir" or match is None:
                continue
            stamp = datetime.strptime(match[1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            if stamp < limit:
                removed += self._remove_tree(f"{directory}/{entry.name}")
        return removed

    def _remove_tree(self, server_dir: str) -> list[str]:
        removed = []
        for entry in self._listdir(server_dir):
            path = f"{server_dir}/{entry.name}"
            if entry.kind == "dir":
                removed += self._remove_tree(path)
            else:
                self._remove(path)  # a link is removed, never followed
                removed.append(path)
        self._rmdir(server_dir)
        return removed

    def _quarantine_folder(self, quarantine_dir: str) -> str:
        """``quarantine_dir`` normalised, once it is known to be set, absolute and outside the
        deposit folder."""
        directory = posixpath.normpath(quarantine_dir or "")
        if not quarantine_dir or not directory.startswith("/"):
            raise DepositError(
                translate("deposit", "No quarantine folder is set for this profile."),
                hint=translate("deposit", "Set one in the profile, or delete without Undo."),
            )
        self._check_quarantine_folder(directory)
        return directory

    def _check_quarantine_folder(self, directory: str) -> None:
        real_directory = self._realpath_of_existing(directory)
        if (real_directory == self.real_root or is_inside(real_directory, self.real_root)
                or is_inside(self.real_root, real_directory)):
            raise _unsafe(directory, translate(
                "deposit", "the quarantine folder must be outside the deposit folder"))

    def _realpath_of_existing(self, directory: str) -> str:
        """Resolve the deepest existing ancestor of ``directory`` and re-append the rest."""
        missing: list[str] = []
        current = directory
        while current != "/" and self._lstat(current) is None:
            current, tail = posixpath.split(current)
            missing.insert(0, tail)
        return posixpath.join(self._realpath(current), *missing)


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


def glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def _local_name_max(folder: Path) -> int:
    """The longest file name ``folder``'s file system takes, in bytes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return NAME_MAX


def _size(count: float) -> str:
    return human_size(count)


class _RateMeter:
    """Bytes per second over the transfer so far (smooth enough for a time-left estimate)."""

    def __init__(self, start: int) -> None:
        self._start = start
        self._began = time.monotonic()

    def rate(self, done: int) -> float | None:
        elapsed = time.monotonic() - self._began
        return (done - self._start) / elapsed if elapsed > 0.5 else None


def os_error_message(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)


# (state, detail): "connected", "reconnecting", "failed", "closed" — for the status bar.
OnStatus = Callable[[str, str], None]
