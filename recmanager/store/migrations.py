"""The schema's migrations and version. No SQLAlchemy here: a start-up reads the version
before SQLAlchemy is loaded (:mod:`recmanager.store.sqlite_read`); the migrations run on the
store's SQLAlchemy connections (:class:`recmanager.store.db.Database`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

Migration = Callable[["Connection"], None]


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
    _sql(
        "ALTER TABLE jobs ADD COLUMN runs_on VARCHAR NOT NULL DEFAULT 'here'",
        "ALTER TABLE jobs ADD COLUMN queue_task_id VARCHAR NOT NULL DEFAULT ''",
        "ALTER TABLE jobs ADD COLUMN worker_host VARCHAR NOT NULL DEFAULT ''",
    ),
    # A queue job's events are keyed by the worker's attempt and their sequence in it: two
    # desks following one job store each event once. The key is read from the stored events;
    # copies an earlier follower stored are removed, the first one kept. Events of jobs run
    # here carry no attempt (a retry counts from 1 again) and are not keyed.
    _sql(
        "ALTER TABLE job_events ADD COLUMN attempt VARCHAR NOT NULL DEFAULT ''",
        "ALTER TABLE job_events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0",
        """UPDATE job_events SET
            attempt = CASE WHEN json_valid(data)
                      THEN COALESCE(CAST(json_extract(data, '$.attempt') AS TEXT), '') ELSE '' END,
            sequence = CASE WHEN json_valid(data)
                       THEN COALESCE(CAST(json_extract(data, '$.sequence') AS INTEGER), 0)
                       ELSE 0 END""",
        """DELETE FROM job_events WHERE attempt != '' AND id NOT IN (
            SELECT MIN(id) FROM job_events WHERE attempt != ''
            GROUP BY job_id, attempt, sequence)""",
        """CREATE UNIQUE INDEX uq_job_events_attempt_sequence
            ON job_events (job_id, attempt, sequence) WHERE attempt != ''""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
