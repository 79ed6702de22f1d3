"""The audit log: every action on a recording, who did it, and how it ended."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import delete, insert, select

from recmanager.formatting import write_csv
from recmanager.store import Database
from recmanager.store.tables import action_intents, audit_log

# ok: done and verified; warning: done, then a later step failed ("done, but …");
# failed or refused: nothing changed.
Result = Literal["ok", "warning", "failed", "refused"]
CSV_COLUMNS = ("at", "profile", "actor", "action", "target", "result", "error", "detail")


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    profile: str
    actor: str
    action: str
    target: str
    result: str
    error: str
    detail: dict[str, Any]


def record(
    db: Database,
    *,
    profile: str,
    actor: str,
    action: str,
    target: str,
    result: Result,
    error: str = "",
    detail: dict[str, Any] | None = None,
    intent_id: int | None = None,
) -> None:
    """Append one entry; called by actions after they verified their outcome.

    ``intent_id`` (see :mod:`recmanager.journal`) is removed in the same transaction, so an
    action has either its intent or its audit entry, never both nor neither.
    """
    with db.begin() as connection:
        if intent_id is not None:
            connection.execute(delete(action_intents).where(action_intents.c.id == intent_id))
        connection.execute(
            insert(audit_log).values(
                at=datetime.now(UTC),
                profile=profile,
                actor=actor,
                action=action,
                target=target,
                result=result,
                error=error,
                detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
            )
        )


def entries(
    db: Database, *, text: str = "", action: str = "", limit: int | None = None
) -> list[AuditEntry]:
    """Newest first, optionally filtered by an action and a case-insensitive text."""
    query = select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
    if action:
        query = query.where(audit_log.c.action == action)
    if text:
        pattern = f"%{text}%"
        query = query.where(
            audit_log.c.target.ilike(pattern)
            | audit_log.c.actor.ilike(pattern)
            | audit_log.c.error.ilike(pattern)
            | audit_log.c.detail.ilike(pattern)
        )
    if limit:
        query = query.limit(limit)
    with db.begin() as connection:
        rows = connection.execute(query).mappings().all()
    return [
        AuditEntry(
            at=row["at"].replace(tzinfo=UTC) if row["at"].tzinfo is None else row["at"],
            profile=row["profile"],
            actor=row["actor"],
            action=row["action"],
            target=row["target"],
            result=row["result"],
            error=row["error"],
            detail=json.loads(row["detail"] or "{}"),
        )
        for row in rows
    ]


def export_csv(items: Iterable[AuditEntry], destination: Path) -> int:
    """Write entries as CSV for a spreadsheet (see :func:`recmanager.formatting.write_csv`);
    returns the count."""
    return write_csv(destination, CSV_COLUMNS, (
        (item.at.isoformat(), item.profile, item.actor, item.action, item.target, item.result,
         item.error, json.dumps(item.detail, ensure_ascii=False, sort_keys=True))
        for item in items
    ), delimiter=",")
