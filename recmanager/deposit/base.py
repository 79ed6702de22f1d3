"""The deposit folder interface, its path guard, listing, deletes and quarantine.

Paths handed to a :class:`Deposit` are *server paths*: absolute POSIX paths under the
profile's ``deposit_root`` (Pod's ``DEFAULT_RECORDER_PATH``), exactly as Pod writes them in a
treatment row's ``file``. A backend implements a handful of primitives on those paths; the
guard, listing, deletes and the quarantine are written once, here; downloads and uploads in
:mod:`recmanager.deposit.transfer`.
"""

from __future__ import annotations

import logging
import posixpath
import re
import secrets as random_tokens
import stat as stat_module
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import BinaryIO, Literal, Protocol

from recmanager.deposit.names import (
    check_server_path,
    hostile_name_reason,
    is_inside,
    unsafe_path,
)
from recmanager.deposit.transfer import Transfers
from recmanager.errors import (
    Cancelled,
    DepositConnectionError,
    DepositError,
)
from recmanager.formatting import printable
from recmanager.i18n import localized_size, translate
from recmanager.progress import CancelToken

log = logging.getLogger("recmanager.deposit")

# The dated folder quarantine() makes for each file: <UTC time>-<random>.
QUARANTINE_HOLDER = re.compile(r"^(\d{8}T\d{6})-[0-9a-f]{8}$")
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


class Deposit(Transfers, ABC):
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

    def open_read(self, path: str, *, sampling: bool = False,
                  ahead: Sequence[tuple[int, int]] = ()) -> BinaryIO:
        """A seekable binary reader for a guarded file (the preview stream reads it).

        ``sampling``: the reader will read a little at many places (an inspection), so a
        remote backend asks for small pieces after each seek rather than reading ahead.
        ``ahead``: the ``(offset, size)`` ranges the caller will read first, with
        ``read_pieces``; a remote backend may ask for them with the open."""
        return self.open_judged(path, sampling=sampling, ahead=ahead)[0]

    @abstractmethod
    def open_judged(self, path: str, *, sampling: bool = False,
                    ahead: Sequence[tuple[int, int]] = ()) -> tuple[BinaryIO, Entry]:
        """:meth:`open_read`'s reader and the entry the guard judged on the way (a link's
        target's size and time): what :meth:`stat` would say, without asking the server
        again."""

    def prepare_reads(self, readers: int) -> None:
        """Make ready now what ``readers`` files opened at once will need (the root resolved;
        a connection's channels), so that opening them later costs less."""
        self.real_root  # noqa: B018

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
        return self._judged(path, self._lstat(path), lambda: self._realpath(path), follow_links)

    def _judged(self, path: str, entry: Entry | None, real: Callable[[], str],
                follow_links: bool = True) -> Entry:
        """:meth:`guard`'s verdict from the path's own entry and its real path (asked for
        only when the entry does not settle it): a backend may ask for both at once."""
        if entry is None:
            raise DepositError(
                translate("deposit", "{path} is not in the deposit folder (any more).").format(
                    path=printable(path))
            )
        if entry.kind == "link" and not follow_links:
            raise unsafe_path(path, translate("deposit", "a symbolic link"))
        real_path = real()
        if not is_inside(real_path, self.real_root):
            raise unsafe_path(path, translate("deposit", "it leads outside the deposit folder"))
        if entry.kind == "link":
            target = self._lstat(real_path)
            if target is None or target.kind != "file":
                raise unsafe_path(path, translate("deposit", "not a regular file"))
            return Entry(entry.name, "file", target.size, target.mtime)
        if entry.kind != "file":
            raise unsafe_path(path, translate("deposit", "not a regular file"))
        return entry

    def path_for(self, folder: str, name: str) -> str:
        """The server path of ``name`` in a recorder folder, refusing hostile names."""
        for part in (folder, name):
            reason = hostile_name_reason(part)
            if reason:
                raise unsafe_path(f"{folder}/{name}", reason)
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
            raise unsafe_path(folder, reason)
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

    # --- a dropped link in a transfer (the transfers: recmanager.deposit.transfer) -------

    def _retrying(self, attempt: int, cancel: CancelToken, exc: DepositConnectionError,
                  label: str, done: int) -> None:
        """Wait before the next attempt after a dropped (or silent) link, or give up with
        an error that says what is kept."""
        if attempt >= TRANSFER_RETRIES:
            if done:
                hint = translate("deposit", "The {done} already transferred are kept: run it "
                                 "again to resume.").format(done=localized_size(done))
            else:
                hint = translate("deposit", "Nothing was transferred: run it again to start "
                                 "from the beginning.")
            raise DepositConnectionError(
                translate("deposit", "{what}: stopped after {tries} attempts without progress "
                          "({error}).").format(what=label, tries=attempt + 1,
                                               error=exc.message.rstrip(".")),
                hint=hint,
            ) from exc
        log.warning("transfer interrupted (%s); retry %d", exc, attempt + 1)
        if cancel.wait(min(8.0, 0.5 * 2 ** attempt)):
            raise Cancelled()
        self._reconnect()

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
        """Move a file to ``quarantine_dir`` (outside the root, same server) instead of deleting."""
        return self.move_to_quarantine(self.plan_quarantine(path, quarantine_dir))

    def plan_quarantine(self, path: str, quarantine_dir: str) -> QuarantinedFile:
        """Where :meth:`move_to_quarantine` will put the file, checked, nothing changed yet: an
        action journals it first, so a run killed after the move still knows where it is.

        Each file gets its own sub-folder, so two recordings with one name never collide.
        """
        entry = self.guard(path, follow_links=False)
        directory = self._quarantine_folder(quarantine_dir)
        folder, name = check_server_path(self.root, path)
        stamp = datetime.now(UTC)
        holder = f"{directory}/{stamp:%Y%m%dT%H%M%S}-{random_tokens.token_hex(4)}"
        target = f"{holder}/{folder}/{name}" if folder else f"{holder}/{name}"
        return QuarantinedFile(path, target, entry.size, stamp)

    def move_to_quarantine(self, planned: QuarantinedFile) -> QuarantinedFile:
        path, target = planned.original_path, planned.quarantined_path
        self.guard(path, follow_links=False)
        self._makedirs(posixpath.dirname(target))
        self._settle(lambda: self._rename(path, target), lambda: self._moved(path, target))
        log.info("quarantined %s to %s", printable(path), printable(target))
        return planned

    def in_quarantine(self, held: QuarantinedFile) -> bool:
        """True once the file is out of the deposit folder and at its place in the quarantine."""
        return self._moved(held.original_path, held.quarantined_path)

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
            raise unsafe_path(parent, translate("deposit", "it leads outside the deposit folder"))
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
            raise unsafe_path(directory, translate(
                "deposit", "the quarantine folder must be outside the deposit folder"))

    def _realpath_of_existing(self, directory: str) -> str:
        """Resolve the deepest existing ancestor of ``directory`` and re-append the rest."""
        missing: list[str] = []
        current = directory
        while current != "/" and self._lstat(current) is None:
            current, tail = posixpath.split(current)
            missing.insert(0, tail)
        return posixpath.join(self._realpath(current), *missing)


def read_ranges(reader: BinaryIO, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
    """The bytes of each ``(offset, size)`` of a reader :meth:`Deposit.open_read` gave: all
    asked for at once where the reader can (over SFTP: one round trip for all), else read one
    after the other."""
    together = getattr(reader, "read_ranges", None)
    if together is not None:
        return together(ranges)
    return joined(read_pieces(reader, ranges), len(ranges))


def read_pieces(reader: BinaryIO,
                ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, bytes]]:
    """``(index, bytes)``: the bytes of each ``(offset, size)``, in order and in pieces as they
    come, so the first can be used while the rest is on its way: all asked for at once where
    the reader can (over SFTP: one round trip for all), else read one after the other."""
    together = getattr(reader, "read_pieces", None)
    if together is not None:
        yield from together(ranges)
        return
    for index, (offset, size) in enumerate(ranges):
        reader.seek(offset)
        left = size
        while left > 0 and (piece := reader.read(left)):
            yield index, piece
            left -= len(piece)


def joined(pieces: Iterator[tuple[int, bytes]], count: int) -> list[bytes]:
    """The bytes of each of ``count`` ranges from :func:`read_pieces`' pieces."""
    found: list[list[bytes]] = [[] for _ in range(count)]
    for index, piece in pieces:
        found[index].append(piece)
    return [b"".join(parts) for parts in found]


# (state, detail): "connected", "reconnecting", "failed", "closed" — for the status bar.
OnStatus = Callable[[str, str], None]
