"""The tables of the current schema (SQLAlchemy Core). Migrations in db.py create them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

schema_meta = Table(
    "schema_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)


def _action_columns() -> list[Column]:
    """Who did what to which target, and its details: the audit entry and the intent written
    before it share them (new Column objects each time: a column belongs to one table)."""
    return [
        Column("id", Integer, primary_key=True),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("profile", String, nullable=False),
        Column("actor", String, nullable=False),
        Column("action", String, nullable=False),
        Column("target", String, nullable=False),
        Column("detail", Text, nullable=False, default="{}"),
    ]


audit_log = Table(
    "audit_log",
    metadata,
    *_action_columns(),
    Column("result", String, nullable=False),
    Column("error", Text, nullable=False, default=""),
    Index("ix_audit_log_at", "at"),
)

deposit_files = Table(
    "deposit_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile", String, nullable=False),
    Column("path", String, nullable=False),
    Column("folder", String, nullable=False),
    Column("name", String, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("stable_since", DateTime(timezone=True), nullable=False),
    Column("state", String, nullable=False),
    UniqueConstraint("profile", "path", name="uq_deposit_files_profile_path"),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("profile", String, nullable=False, default=""),
    Column("input_origin", String, nullable=False),
    Column("input_path", String, nullable=False),
    Column("video_track", Integer),
    Column("backend", String, nullable=False, default=""),
    Column("scheme", String, nullable=False, default=""),
    Column("all_tracks", Integer, nullable=False, default=0),
    Column("status", String, nullable=False),
    Column("step_percent", Float, nullable=False, default=0.0),
    Column("output_path", String, nullable=False, default=""),
    Column("kid", String, nullable=False, default=""),
    Column("packaged_id", String, nullable=False, default=""),
    Column("manifest_path", String, nullable=False, default=""),
    Column("manifest_url", String, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    Column("error", Text, nullable=False, default=""),
    # "here" (this computer's worker thread) or "queue" (the servers' workers, by task id).
    Column("runs_on", String, nullable=False, server_default="here"),
    Column("queue_task_id", String, nullable=False, server_default=""),
    Column("worker_host", String, nullable=False, server_default=""),
)

job_events = Table(
    "job_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("job_id", Integer, ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("event", String, nullable=False),
    Column("data", Text, nullable=False, default="{}"),
    # A queue worker's attempt (empty for a job run here) and the event's number in it.
    Column("attempt", String, nullable=False, server_default=""),
    Column("sequence", Integer, nullable=False, server_default=text("0")),
    Index("ix_job_events_job", "job_id"),
    Index("uq_job_events_attempt_sequence", "job_id", "attempt", "sequence", unique=True,
          sqlite_where=text("attempt != ''")),
)

inbox_cache = Table(
    "inbox_cache",
    metadata,
    Column("profile", String, primary_key=True),
    Column("refreshed_at", DateTime(timezone=True), nullable=False),
    Column("payload", Text, nullable=False),
)

bulk_rows = Table(
    "bulk_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", String, nullable=False),
    Column("profile", String, nullable=False),
    Column("source_file", String, nullable=False),
    Column("owner", String, nullable=False),
    Column("title", String, nullable=False),
    Column("status", String, nullable=False),
    Column("recording_id", Integer),
    Column("video_id", Integer),
    Column("message", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("plan_id", "source_file", name="uq_bulk_rows_plan_file"),
)

# An action about to make its first change on Pod (or the deposit): written before, removed
# with the action's audit entry. A row left over names an interrupted action (killed, crashed)
# to reconcile with Pod at the next start (recmanager.journal). No secrets: who, what, target.
action_intents = Table(
    "action_intents",
    metadata,
    *_action_columns(),
    Column("pid", Integer, nullable=False),
)

# What an inspection learnt about a deposited file (recmanager.inspection), valid while the
# file keeps its size and mtime and the analysis its version: never computed twice.
inspections = Table(
    "inspections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile", String, nullable=False),
    Column("path", String, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("analysis", Integer, nullable=False),
    Column("inspected_at", DateTime(timezone=True), nullable=False),
    Column("facts", Text, nullable=False),
    Column("thumbnail", LargeBinary),
    Column("sheet", LargeBinary),
    UniqueConstraint("profile", "path", name="uq_inspections_profile_path"),
)
