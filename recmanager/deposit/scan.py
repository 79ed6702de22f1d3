"""Which deposited files are complete: size and mtime per file, remembered between scans.

Pod's cron calls a file complete when its size did not grow between two runs. recmanager is
stricter: a file is *uploading* while its size or its mtime changes, and *complete* once
both have stayed the same for the quiet period. A zero-byte file is never complete. Files
no longer listed are *gone* (unless their folder could not be listed this time).

Each scan is one listing (one ``listdir_attr`` per folder) and one transaction that only
writes the rows that changed, so it is cheap enough to run every minute. A scanner keeps
what it last wrote in memory: rescans do not read 10,000 rows back from the store.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import bindparam, select, update

from recmanager.deposit.base import Deposit, RefusedName, RemoteFile
from recmanager.store import Database
from recmanager.store.tables import deposit_files

log = logging.getLogger("recmanager.deposit.scan")

FileState = Literal["uploading", "complete", "gone"]
UPLOADING: FileState = "uploading"
COMPLETE: FileState = "complete"
GONE: FileState = "gone"


@dataclass(frozen=True)
class ScannedFile:
    """What the store knows about one deposited file after a scan."""

    path: str
    folder: str
    name: str
    state: FileState
    size: int
    mtime: float
    first_seen: datetime
    last_seen: datetime  # the last scan that wrote this row (a change of size, mtime or state)
    stable_since: datetime


@dataclass
class ScanResult:
    """The outcome of one scan; ``files`` holds every file not gone, by server path."""

    scanned_at: datetime
    files: dict[str, ScannedFile]
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    refused: list[RefusedName] = field(default_factory=list)
    failed_folders: dict[str, str] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)

    def in_state(self, state: FileState) -> list[ScannedFile]:
        return [item for item in self.files.values() if item.state == state]


def _aware(value: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they are stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _scanned(row: object) -> ScannedFile:
    return ScannedFile(
        path=row.path, folder=row.folder, name=row.name, state=row.state,  # type: ignore[attr-defined]
        size=int(row.size), mtime=float(row.mtime),  # type: ignore[attr-defined]
        first_seen=_aware(row.first_seen), last_seen=_aware(row.last_seen),  # type: ignore[attr-defined]
        stable_since=_aware(row.stable_since),  # type: ignore[attr-defined]
    )


class Scanner:
    """Scans one profile's deposit into the ``deposit_files`` table."""

    def __init__(self, db: Database, profile_name: str, quiet_period_s: float) -> None:
        self.db = db
        self.profile_name = profile_name
        self.quiet_period = timedelta(seconds=quiet_period_s)
        self._last: dict[str, ScannedFile] | None = None

    def known(self, *, include_gone: bool = False) -> dict[str, ScannedFile]:
        """The state of every file as of the last scan, without touching the deposit."""
        query = select(deposit_files).where(deposit_files.c.profile == self.profile_name)
        if not include_gone:
            query = query.where(deposit_files.c.state != GONE)
        with self.db.begin() as connection:
            return {row.path: _scanned(row) for row in connection.execute(query)}

    def scan(self, deposit: Deposit, now: datetime | None = None,
             *, concurrency: int = 8) -> ScanResult:
        """List the deposit once and bring every file's state up to date."""
        listing = deposit.list_all(concurrency=concurrency)
        now = _aware(now) if now else datetime.now(UTC)
        result = ScanResult(scanned_at=now, files={}, refused=list(listing.refused),
                            failed_folders=dict(listing.failed),
                            folders=sorted([*listing, *listing.failed]))
        previous = self._last if self._last is not None else self.known(include_gone=True)
        current: dict[str, ScannedFile] = {}
        inserts: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        for files in listing.values():
            for remote in files:
                item = self._seen(remote, previous.get(remote.path), now, result, inserts,
                                  updates)
                result.files[remote.path] = current[remote.path] = item
        for path, before in previous.items():
            if path in current:
                continue
            if before.state == GONE or before.folder in listing.failed:
                current[path] = before
                continue
            result.gone.append(path)
            current[path] = replace(before, state=GONE)
            updates.append(self._row(current[path]))
        self._last = None  # until the store has the same picture
        self._store(inserts, updates)
        self._last = current
        for path in result.completed:
            log.info("complete: %s", path)
        return result

    def _seen(self, remote: RemoteFile, before: ScannedFile | None, now: datetime,
              result: ScanResult, inserts: list[dict[str, object]],
              updates: list[dict[str, object]]) -> ScannedFile:
        """A listed file's new state; its row goes to ``inserts`` or ``updates`` if it moved."""
        if before is None or before.state == GONE:
            state = self._state(remote.size, now, now)
            item = ScannedFile(remote.path, remote.folder, remote.name, state, remote.size,
                               remote.mtime, before.first_seen if before else now, now, now)
            result.new.append(remote.path)
            (inserts if before is None else updates).append(self._row(item))
            return item
        moved = (remote.size, remote.mtime) != (before.size, before.mtime)
        stable_since = now if moved else before.stable_since
        state = self._state(remote.size, stable_since, now)
        if moved or state != before.state:
            item = ScannedFile(remote.path, remote.folder, remote.name, state, remote.size,
                               remote.mtime, before.first_seen, now, stable_since)
            updates.append(self._row(item))
        else:
            # Unchanged rows keep their stored last_seen: writing 10,000 rows a minute to say
            # "still there" is what makes a scan expensive.
            item = before
        if moved:
            result.changed.append(remote.path)
        if state == COMPLETE and before.state != COMPLETE:
            result.completed.append(remote.path)
        return item

    def _store(self, inserts: list[dict[str, object]],
               updates: list[dict[str, object]]) -> None:
        if not (inserts or updates):
            return
        with self.db.begin() as connection:
            if inserts:
                connection.execute(deposit_files.insert(), inserts)
            if updates:
                statement = (
                    update(deposit_files)
                    .where(deposit_files.c.profile == self.profile_name)
                    .where(deposit_files.c.path == bindparam("b_path"))
                    .values({name: bindparam(f"b_{name}") for name in _UPDATED})
                )
                connection.execute(statement, [
                    {f"b_{key}": value for key, value in row.items()} for row in updates])

    def _state(self, size: int, stable_since: datetime, now: datetime) -> FileState:
        if size > 0 and now - stable_since >= self.quiet_period:
            return COMPLETE
        return UPLOADING

    def _row(self, item: ScannedFile) -> dict[str, object]:
        return {
            "profile": self.profile_name, "path": item.path, "folder": item.folder,
            "name": item.name, "size": item.size, "mtime": item.mtime,
            "first_seen": item.first_seen, "last_seen": item.last_seen,
            "stable_since": item.stable_since, "state": item.state,
        }


_UPDATED = ("folder", "name", "size", "mtime", "first_seen", "last_seen", "stable_since", "state")
