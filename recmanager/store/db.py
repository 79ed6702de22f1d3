"""The one way to open the database: engine, WAL, schema version, backup before migrating."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from recmanager import __version__
from recmanager.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew, StoreError
from recmanager.i18n import translate

log = logging.getLogger("recmanager.store")

Migration = Callable[[Connection], None]


def _sql(*statements: str) -> Migration:
    def run(connection: Connection) -> None:
        for statement in statements:
            connection.exec_driver_sql(statement)

    return run


# Each entry upgrades the schema from version N to N+1. Never edit a released entry:
# add a new one (tables.py always describes the newest schema).
MIGRATIONS: tuple[Migration, ...] = (
    _sql(
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at DATETIME NOT NULL, profile VARCHAR NOT NULL,
            actor VARCHAR NOT NULL, action VARCHAR NOT NULL, target VARCHAR NOT NULL,
            detail TEXT NOT NULL, result VARCHAR NOT NULL, error TEXT NOT NULL)""",
        "CREATE INDEX ix_audit_log_at ON audit_log (at)",
    ),
    _sql(
        """CREATE TABLE deposit_files (
            id INTEGER PRIMARY KEY, profile VARCHAR NOT NULL, path VARCHAR NOT NULL,
            folder VARCHAR NOT NULL, name VARCHAR NOT NULL, size BIGINT NOT NULL,
            mtime FLOAT NOT NULL, first_seen DATETIME NOT NULL, last_seen DATETIME NOT NULL,
            stable_since DATETIME NOT NULL, state VARCHAR NOT NULL,
            CONSTRAINT uq_deposit_files_profile_path UNIQUE (profile, path))""",
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, profile VARCHAR NOT NULL,
            input_origin VARCHAR NOT NULL, input_path VARCHAR NOT NULL, video_track INTEGER,
            backend VARCHAR NOT NULL, scheme VARCHAR NOT NULL, all_tracks INTEGER NOT NULL,
            status VARCHAR NOT NULL, step_percent FLOAT NOT NULL, output_path VARCHAR NOT NULL,
            kid VARCHAR NOT NULL, packaged_id VARCHAR NOT NULL, manifest_path VARCHAR NOT NULL,
            manifest_url VARCHAR NOT NULL, created_at DATETIME NOT NULL, started_at DATETIME,
            finished_at DATETIME, error TEXT NOT NULL)""",
        """CREATE TABLE job_events (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            at DATETIME NOT NULL, event VARCHAR NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX ix_job_events_job ON job_events (job_id)",
    ),
    _sql(
        """CREATE TABLE inbox_cache (
            profile VARCHAR PRIMARY KEY, refreshed_at DATETIME NOT NULL, payload TEXT NOT NULL)""",
        """CREATE TABLE bulk_rows (
            id INTEGER PRIMARY KEY, plan_id VARCHAR NOT NULL, profile VARCHAR NOT NULL,
            source_file VARCHAR NOT NULL, owner VARCHAR NOT NULL, title VARCHAR NOT NULL,
            status VARCHAR NOT NULL, recording_id INTEGER, video_id INTEGER,
            message TEXT NOT NULL, updated_at DATETIME NOT NULL,
            CONSTRAINT uq_bulk_rows_plan_file UNIQUE (plan_id, source_file))""",
    ),
    _sql(
        """CREATE TABLE action_intents (
            id INTEGER PRIMARY KEY, at DATETIME NOT NULL, profile VARCHAR NOT NULL,
            actor VARCHAR NOT NULL, action VARCHAR NOT NULL, target VARCHAR NOT NULL,
            detail TEXT NOT NULL, pid INTEGER NOT NULL)""",
    ),
    _sql(
        """CREATE TABLE inspections (
            id INTEGER PRIMARY KEY, profile VARCHAR NOT NULL, path VARCHAR NOT NULL,
            size BIGINT NOT NULL, mtime FLOAT NOT NULL, analysis INTEGER NOT NULL,
            inspected_at DATETIME NOT NULL, facts TEXT NOT NULL, thumbnail BLOB,
            sheet BLOB,
            CONSTRAINT uq_inspections_profile_path UNIQUE (profile, path))""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _translate_error(exc: Exception, path: Path) -> StoreError:
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
            raise _translate_error(exc, self.path) from None
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
            version = self._stored_version(connection)
        target = len(self._migrations)
        if version > target:
            raise DatabaseTooNew(
                translate(
                    "store",
                    "The database {path} was written by a newer recmanager (schema {found}, "
                    "this version knows {known}).",
                ).format(path=self.path, found=version, known=target),
                hint=translate("store", "Install the newer recmanager again, or start this one "
                               "with another data folder."),
            )
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

    @staticmethod
    def _stored_version(connection: Connection) -> int:
        exists = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_meta'"
        ).first()
        if not exists:
            return 0
        row = connection.exec_driver_sql(
            "SELECT value FROM schema_meta WHERE key='schema_version'"
        ).first()
        return int(row[0]) if row else 0

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction; SQLite errors become :class:`StoreError` subclasses."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except (OperationalError, DatabaseError) as exc:
            raise _translate_error(exc, self.path) from None

    def close(self) -> None:
        self.engine.dispose()

