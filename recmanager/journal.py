"""Intents: what an action is about to change, written before its first change.

A claim writes its intent just before its POST (a reassignment before its owner change, a
deletion before the file goes) and removes it in the same transaction as its audit entry
(:func:`recmanager.audit.record` with ``intent_id``). An intent still there later names an
action that was interrupted after (maybe) changing Pod: killed, crashed, its answer lost for
good, the machine switched off. :func:`recmanager.actions.reconcile.reconcile_interrupted` asks Pod
what became of each one at the next start (the application's start-up refresh, every command
that opens the actions) and writes the audit entry then. Intents hold no secrets: who, what,
on which file. An intent whose process still runs (same machine) is left to that process.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from recmanager.store import Database
from recmanager.store.tables import action_intents


@dataclass(frozen=True)
class Intent:
    id: int
    at: datetime
    profile: str
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    pid: int


def begin(db: Database, *, profile: str, actor: str, action: str, target: str,
          detail: dict[str, Any]) -> int:
    """Record what is about to change; returns the id to clear with the audit entry."""
    with db.begin() as connection:
        result = connection.execute(insert(action_intents).values(
            at=datetime.now(UTC), profile=profile, actor=actor, action=action, target=target,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True), pid=os.getpid(),
        ))
        return int(result.inserted_primary_key[0])


def other_process_running(pid: int) -> bool:
    """True when ``pid`` is another process that is still running on this machine."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftovers(db: Database, profile: str) -> list[Intent]:
    """Intents of ``profile`` whose process is gone: interrupted actions, oldest first."""
    with db.begin() as connection:
        rows = connection.execute(
            select(action_intents).where(action_intents.c.profile == profile)
            .order_by(action_intents.c.id)
        ).mappings().all()
    intents = [
        Intent(row["id"], row["at"], row["profile"], row["actor"], row["action"],
               row["target"], json.loads(row["detail"] or "{}"), row["pid"])
        for row in rows
    ]
    # This process's own intents, and those of another running process, are under way.
    return [intent for intent in intents
            if intent.pid != os.getpid() and not other_process_running(intent.pid)]


def clear(db: Database, intent_id: int) -> None:
    with db.begin() as connection:
        connection.execute(delete(action_intents).where(action_intents.c.id == intent_id))
