"""The offline copy: the last good inbox kept in the store, shown read-only when the
servers cannot be reached, and the durations the player learns added to it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from recmanager.inbox.rows import InboxRecorder, InboxRow, LocalState
from recmanager.recorders.mode import RecorderMode

# The database is imported where used: the window imports this module at start-up.
if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.store import Database

@dataclass(frozen=True)
class CachedInbox:
    rows: list[InboxRow]
    recorders: list[InboxRecorder]
    local: LocalState
    refreshed_at: datetime


def save_cache(
    db: Database,
    profile: str,
    rows: Iterable[InboxRow],
    recorders: Iterable[InboxRecorder],
    local: LocalState,
    refreshed_at: datetime,
) -> None:
    """Keep the last good inbox, shown read-only when the servers cannot be reached."""
    from sqlalchemy import delete, insert

    from recmanager.store.tables import inbox_cache

    payload = json.dumps(
        {
            "rows": [row.to_json() for row in rows],
            "recorders": [asdict(recorder) for recorder in recorders],
            "local": local.to_json(),
        },
        ensure_ascii=False,
    )
    with db.begin() as connection:
        connection.execute(delete(inbox_cache).where(inbox_cache.c.profile == profile))
        connection.execute(
            insert(inbox_cache).values(profile=profile, refreshed_at=refreshed_at, payload=payload)
        )


def load_cache(db: Database, profile: str) -> CachedInbox | None:
    from sqlalchemy import select

    from recmanager.store.tables import inbox_cache

    with db.begin() as connection:
        found = connection.execute(
            select(inbox_cache.c.refreshed_at, inbox_cache.c.payload).where(
                inbox_cache.c.profile == profile
            )
        ).first()
    if found is None:
        return None
    refreshed_at = found.refreshed_at
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
    return _cached_inbox(found.payload, refreshed_at)


def load_cache_quickly(context: AppContext, profile: str) -> CachedInbox | None:
    """:func:`load_cache` without loading SQLAlchemy (the standard library's ``sqlite3``
    reads), for a window's first screen; a database of an older recmanager is read through
    the store, which migrates it. A newer, locked or damaged one raises the store's error."""
    from recmanager.errors import DatabaseOutdated
    from recmanager.store.sqlite_read import read_inbox_cache

    try:
        stored = read_inbox_cache(context.paths.database, profile)
    except DatabaseOutdated:
        return load_cache(context.db, profile)
    return None if stored is None else _cached_inbox(stored.payload, stored.refreshed_at)


def _cached_inbox(payload: str, refreshed_at: datetime) -> CachedInbox:
    data = json.loads(payload)
    return CachedInbox(
        rows=[InboxRow.from_json(item) for item in data.get("rows", [])],
        recorders=[
            InboxRecorder(**{**item, "mode": RecorderMode(item.get("mode", "unknown"))})
            for item in data.get("recorders", [])
        ],
        local=LocalState.from_json(data.get("local", {})),
        refreshed_at=refreshed_at,
    )


def remember_duration(db: Database, profile: str, path: str, seconds: float) -> None:
    """Keep a duration the player learnt, so the column shows it from now on (and offline)."""
    cached = load_cache(db, profile)
    if cached is None or cached.local.durations.get(path) == seconds:
        return
    cached.local.durations[path] = seconds
    rows = [replace(row, duration=seconds) if row.path == path else row for row in cached.rows]
    save_cache(db, profile, rows, cached.recorders, cached.local, cached.refreshed_at)
