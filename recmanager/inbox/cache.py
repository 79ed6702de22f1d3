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
    data = json.loads(found.payload)
    refreshed_at = found.refreshed_at
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
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
