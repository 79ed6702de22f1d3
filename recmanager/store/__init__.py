"""Local state in SQLite: scans, jobs, audit log and the last known inbox.

:class:`Database` (SQLAlchemy, slow to import) is loaded on first use, so reading the
cached inbox at start-up (:mod:`recmanager.store.sqlite_read`) does without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from recmanager.store.migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from recmanager.store.db import Database

__all__ = ["SCHEMA_VERSION", "Database"]


def __getattr__(name: str) -> Any:
    if name == "Database":
        from recmanager.store.db import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
