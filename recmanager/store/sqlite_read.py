"""Reading the database with the standard library's ``sqlite3``, before SQLAlchemy is loaded.

A window shows the cached inbox at once: importing SQLAlchemy would delay it by a quarter of
a second. This module only reads, and only the current schema; everything else (creating,
migrating, writing) goes through :class:`recmanager.store.db.Database`. Its SQLite errors
become the store's errors here, for both.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from recmanager.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseOutdated,
    DatabaseTooNew,
    StoreError,
)
from recmanager.i18n import translate
from recmanager.store.migrations import SCHEMA_VERSION

# recmanager.store.tables.inbox_cache, the table the store writes (tests read what it wrote).
INBOX_CACHE_QUERY = "SELECT refreshed_at, payload FROM inbox_cache WHERE profile = ?"
# A start waits this long for a program that holds the database, then shows no rows.
QUICK_BUSY_TIMEOUT_S = 0.5


@dataclass(frozen=True)
class StoredInbox:
    refreshed_at: datetime
    payload: str


def store_error(exc: Exception, path: Path) -> StoreError:
    """An SQLite (or SQLAlchemy) error as the store's error, with what to do about it."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text_ or "busy" in text_:
        return DatabaseLocked(
            translate("store", "The database {path} is in use by another program.").format(
                path=path
            ),
            hint=translate(
                "store", "Close the other recmanager window (or program), then try again."
            ),
        )
    if "not a database" in text_ or "malformed" in text_ or "corrupt" in text_:
        return DatabaseCorrupt(
            translate("store", "The database {path} is damaged or is not a recmanager "
                      "database.").format(path=path),
            hint=translate(
                "store",
                "Move the file away (recmanager then starts with an empty one) or restore a "
                "backup copy from the same folder.",
            ),
        )
    return StoreError(
        translate("store", "The database {path} cannot be used: {error}").format(
            path=path, error=exc
        )
    )


def too_new_error(path: Path, found: int, known: int) -> DatabaseTooNew:
    return DatabaseTooNew(
        translate(
            "store",
            "The database {path} was written by a newer recmanager (schema {found}, "
            "this version knows {known}).",
        ).format(path=path, found=found, known=known),
        hint=translate("store", "Install the newer recmanager again, or start this one "
                       "with another data folder."),
    )


def stored_version(connection: sqlite3.Connection) -> int:
    """The schema version written in the database; 0 for a new (or foreign) file."""
    exists = connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_meta'"
    ).fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT value FROM schema_meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def read_inbox_cache(path: Path, profile: str) -> StoredInbox | None:
    """The profile's cached inbox as stored; None when nothing is (no database yet).

    The file is opened read-only: nothing is created or changed. A database of an older
    schema raises :class:`DatabaseOutdated` (the store migrates it first); a newer, locked
    or damaged one raises the store's error for it.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                     timeout=QUICK_BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise store_error(exc, path) from None
    try:
        version = stored_version(connection)
        if version > SCHEMA_VERSION:
            raise too_new_error(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            raise DatabaseOutdated(translate(
                "store", "The database {path} is of an older recmanager (schema {found}): "
                "it is brought up to date when it is opened.").format(path=path, found=version))
        found = connection.execute(INBOX_CACHE_QUERY, (profile,)).fetchone()
    except sqlite3.Error as exc:
        raise store_error(exc, path) from None
    finally:
        connection.close()
    if found is None:
        return None
    refreshed_at = datetime.fromisoformat(found[0])
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
    return StoredInbox(refreshed_at, found[1])
