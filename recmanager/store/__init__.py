"""Local state in SQLite: scans, jobs, audit log and the last known inbox."""

from recmanager.store.db import SCHEMA_VERSION, Database

__all__ = ["SCHEMA_VERSION", "Database"]
