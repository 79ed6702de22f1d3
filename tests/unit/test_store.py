"""The database: WAL, schema version, migrations that keep data, clear refusals."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, Inspector, create_engine, insert, inspect, select

from recmanager import audit
from recmanager.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew
from recmanager.packaging import JobStore, PackageRequest
from recmanager.packaging.events import JobEvent
from recmanager.store import SCHEMA_VERSION, Database
from recmanager.store.db import MIGRATIONS
from recmanager.store.tables import audit_log, jobs, metadata
from tests.fixtures.database_states import made_newer


def test_new_database_uses_wal_and_current_schema(tmp_path):
    db = Database(tmp_path / "r.db")
    with db.begin() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        version = connection.exec_driver_sql(
            "SELECT value FROM schema_meta WHERE key='schema_version'"
        ).scalar()
    db.close()
    assert mode == "wal"
    assert int(version) == SCHEMA_VERSION


def described_schema(engine: Engine) -> dict[str, dict[str, object]]:
    """Every table as SQLite holds it, read back by SQLAlchemy's inspector: columns (type,
    nullability, server default, primary key), indexes, unique, foreign-key and check
    constraints. Both sides are read back, so both are described in the same words."""
    schema: dict[str, dict[str, object]] = {}
    with engine.connect() as connection:
        inspector = inspect(connection)
        for table in inspector.get_table_names():
            schema[table] = _described_table(inspector, connection, table)
    return schema


def _described_table(inspector: Inspector, connection: Connection, table: str
                     ) -> dict[str, object]:
    primary_key = inspector.get_pk_constraint(table)["constrained_columns"]
    return {
        "columns": [
            (column["name"], str(column["type"]),
             # SQLite never stores NULL in an INTEGER PRIMARY KEY, however it is declared.
             column["nullable"] and column["name"] not in primary_key,
             column["default"])
            for column in inspector.get_columns(table)
        ],
        "primary key": primary_key,
        "indexes": sorted(
            (index["name"], tuple(index["column_names"]), bool(index["unique"]))
            for index in inspector.get_indexes(table)),
        "unique": sorted(
            (unique["name"], tuple(unique["column_names"]))
            for unique in inspector.get_unique_constraints(table)),
        # SQLite's own list (table, columns, ON UPDATE, ON DELETE, MATCH): the inspector
        # misses ON DELETE when it is written on the column's REFERENCES.
        "foreign keys": sorted(tuple(row[2:]) for row in connection.exec_driver_sql(
            f"PRAGMA foreign_key_list('{table}')")),
        "checks": sorted(check["sqltext"] for check in inspector.get_check_constraints(table)),
    }


def test_the_schema_migrated_from_empty_is_the_one_tables_py_describes(tmp_path):
    migrated = Database(tmp_path / "migrated.db")
    declared = create_engine(f"sqlite:///{tmp_path / 'declared.db'}")
    metadata.create_all(declared)
    try:
        assert described_schema(migrated.engine) == described_schema(declared)
    finally:
        migrated.close()
        declared.dispose()


def test_upgrade_from_first_version_keeps_data_and_backs_up(tmp_path):
    path = tmp_path / "r.db"
    old = Database(path, migrations=MIGRATIONS[:1])
    audit.record(old, profile="p", actor="alice", action="claim", target="/x.mp4", result="ok")
    old.close()

    db = Database(path)
    items = audit.entries(db)
    assert [(item.actor, item.target) for item in items] == [("alice", "/x.mp4")]
    with db.begin() as connection:
        connection.execute(
            insert(jobs).values(
                kind="package", profile="p", input_origin="local", input_path="/x.mp4",
                backend="ffmpeg", scheme="cenc", all_tracks=0, status="Ingested",
                step_percent=0.0, output_path="", kid="", packaged_id="", manifest_path="",
                manifest_url="", created_at=datetime.now(UTC), error="",
            )
        )
        assert connection.execute(select(jobs.c.status)).scalar() == "Ingested"
    db.close()
    backups = list(tmp_path.glob("r.db.v1-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT actor FROM audit_log").fetchall() == [("alice",)]
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    assert "jobs" not in tables  # the copy is the database as it was before migrating


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "r.db"
    Database(path).close()
    made_newer(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        Database(path)
    assert "newer recmanager" in str(caught.value)
    assert path.read_bytes() == before


def test_corrupt_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "r.db"
    path.write_bytes(b"this is not an sqlite database at all" * 100)
    with pytest.raises(DatabaseCorrupt) as caught:
        Database(path)
    assert "damaged" in caught.value.message
    assert caught.value.hint


def test_locked_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "r.db"
    Database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO schema_meta VALUES ('x', 'y')")
    try:
        db = Database(path, busy_timeout_s=0.2)
        with pytest.raises(DatabaseLocked) as caught:
            audit.record(db, profile="p", actor="a", action="claim", target="t", result="ok")
        assert "in use by another program" in caught.value.message
        db.close()
    except DatabaseLocked as exc:  # refusing at open is as good as refusing at write
        assert "in use by another program" in exc.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_audit_filter_and_csv_export(tmp_path):
    db = Database(tmp_path / "r.db")
    audit.record(db, profile="p", actor="alice", action="claim", target="/a/é.mp4", result="ok")
    audit.record(
        db, profile="p", actor="bob", action="delete", target="/a/b.mp4", result="failed",
        error="Pod answered 500", detail={"size": 12},
    )
    assert [e.actor for e in audit.entries(db, action="delete")] == ["bob"]
    assert [e.actor for e in audit.entries(db, text="é")] == ["alice"]
    out = tmp_path / "audit.csv"
    assert audit.export_csv(audit.entries(db), out) == 2
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "at,profile,actor,action,target,result,error,detail"
    assert "Pod answered 500" in text and "/a/é.mp4" in text
    with db.begin() as connection:
        assert connection.execute(select(audit_log.c.id)).all()
    db.close()


def _queue_event(job_id: int, sequence: int, attempt: str) -> JobEvent:
    return JobEvent(job_id=job_id, sequence=sequence, event="progress", status="Ingested",
                    at=datetime.now(UTC), percent=10.0 * sequence, step_percent=0.0,
                    data={"attempt": attempt} if attempt else {})


def _a_job(db: Database) -> int:
    return JobStore(db).create(PackageRequest(Path("/x.mp4"), Path("/out")), backend="ffmpeg",
                               kid="00" * 16).id


def test_two_sessions_storing_one_queue_event_store_it_once(tmp_path):
    """Two desks follow one queue job: each reads what the worker reports and stores the
    events it has not seen; both may find the same one new."""
    first = Database(tmp_path / "r.db")
    second = Database(tmp_path / "r.db")  # another process's session on the same file
    job_id = _a_job(first)
    event = _queue_event(job_id, 3, "a1b2c3d4")
    assert JobStore(first).add_event(event) is True
    assert JobStore(second).add_event(event) is False
    assert JobStore(second).add_event(_queue_event(job_id, 3, "e5f6a7b8")) is True  # a retry
    # A job run here counts from 1 again on each run, without an attempt: nothing is lost.
    assert JobStore(first).add_event(_queue_event(job_id, 1, "")) is True
    assert JobStore(second).add_event(_queue_event(job_id, 1, "")) is True
    stored = [(item.get("attempt", ""), item["sequence"]) for item in JobStore(first).events(
        job_id)]
    assert stored == [("a1b2c3d4", 3), ("e5f6a7b8", 3), ("", 1), ("", 1)]
    first.close()
    second.close()


def test_the_events_of_a_database_of_the_previous_version_are_keyed_and_copies_dropped(
        tmp_path):
    path = tmp_path / "r.db"
    old = Database(path, migrations=MIGRATIONS[:-1])
    job_id = _a_job(old)
    rows = [_queue_event(job_id, 1, "a1b2c3d4"), _queue_event(job_id, 2, "a1b2c3d4"),
            _queue_event(job_id, 1, "a1b2c3d4"),  # a second desk's copy
            _queue_event(job_id, 1, ""), _queue_event(job_id, 1, "")]  # two runs here
    with old.begin() as connection:
        for event in rows:
            connection.exec_driver_sql(
                "INSERT INTO job_events (job_id, at, event, data) VALUES (?, ?, ?, ?)",
                (job_id, event.at.isoformat(), event.event, json.dumps(event.to_json())))
        connection.exec_driver_sql(
            "INSERT INTO job_events (job_id, at, event, data) VALUES (?, ?, 'progress', ?)",
            (job_id, datetime.now(UTC).isoformat(), "not json"))
    old.close()

    db = Database(path)
    with db.begin() as connection:
        migrated = connection.exec_driver_sql(
            "SELECT id, attempt, sequence, data FROM job_events ORDER BY id").all()
    assert [(row[0], row[1], row[2]) for row in migrated] == [
        (1, "a1b2c3d4", 1), (2, "a1b2c3d4", 2), (4, "", 1), (5, "", 1), (6, "", 0)]
    assert migrated[-1][3] == "not json"  # kept as it was
    assert JobStore(db).add_event(_queue_event(job_id, 2, "a1b2c3d4")) is False
    db.close()
    assert len(list(tmp_path.glob(f"r.db.v{len(MIGRATIONS) - 1}-*.bak"))) == 1
