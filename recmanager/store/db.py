"""The one way to open the database: engine, WAL, schema version, backup before migrating."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from recmanager import __version__
from recmanager.errors import StoreError
from recmanager.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from recmanager.store.sqlite_read import store_error, stored_version, too_new_error

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Database"]

log = logging.getLogger("recmanager.store")


class Database:
    """An SQLite file opened through SQLAlchemy, migrated to :data:`SCHEMA_VERSION`."""

    def __init__(
        self,
        path: Path,
        *,
        busy_timeout_s: float = 5.0,
        migrations: tuple[Migration, ...] = MIGRATIONS,
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrations = migrations
        self.engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"timeout": busy_timeout_s, "check_same_thread": False},
        )
        event.listen(self.engine, "connect", self._on_connect)
        try:
            self._open()
        except (OperationalError, DatabaseError, sqlite3.Error) as exc:
            self.engine.dispose()
            raise store_error(exc, self.path) from None
        except StoreError:
            self.engine.dispose()
            raise

    @staticmethod
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    def _open(self) -> None:
        existed = self.path.exists() and self.path.stat().st_size > 0
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA quick_check(1)").scalar()
            version = stored_version(connection.connection.driver_connection)
        target = len(self._migrations)
        if version > target:
            raise too_new_error(self.path, version, target)
        if version == target:
            return
        if existed and version > 0:
            backup = self.path.with_name(
                f"{self.path.name}.v{version}-{datetime.now(UTC):%Y%m%dT%H%M%S}.bak"
            )
            self._backup(backup)
            log.info("database backed up to %s before migrating %d -> %d", backup, version, target)
        with self.engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS schema_meta "
                "(key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"
            )
            for number in range(version, target):
                self._migrations[number](connection)
            connection.execute(
                text("INSERT OR REPLACE INTO schema_meta (key, value) VALUES (:k, :v)"),
                [{"k": "schema_version", "v": str(target)}, {"k": "app_version", "v": __version__}],
            )

    def _backup(self, destination: Path) -> None:
        """Copy the database (with its WAL content) beside itself, consistently."""
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            target = sqlite3.connect(destination)
            try:
                raw.backup(target)
            finally:
                target.close()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction; SQLite errors become :class:`StoreError` subclasses."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except (OperationalError, DatabaseError) as exc:
            raise store_error(exc, self.path) from None

    def close(self) -> None:
        self.engine.dispose()

