"""Each row's outcome in the ``bulk_rows`` table, stored before and after its claim, and
folded back into the same plan made again, so an interrupted run is resumed, not repeated."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from recmanager.bulk.matching import OwnerLookup, Owners
from recmanager.bulk.plan import Plan, PlanRow, Problem, Status
from recmanager.i18n import translate
from recmanager.inbox.rows import RowState
from recmanager.store import Database
from recmanager.store.tables import bulk_rows


class ClaimLookup(Protocol):
    """How a resumed plan asks Pod what became of a row caught mid-claim."""

    def __call__(self, source_file: str) -> tuple[int, int | None] | None:
        """``(recording id, owner id)`` when Pod holds a recording for the file, else None."""


def _stored(db: Database, plan_id: str) -> dict[str, Any]:
    with db.begin() as connection:
        found = connection.execute(
            select(bulk_rows).where(bulk_rows.c.plan_id == plan_id)
        ).mappings().all()
    return {row["source_file"]: row for row in found}


def save_outcome(db: Database, plan: Plan, row: PlanRow) -> None:
    values = {
        "plan_id": plan.plan_id, "profile": plan.profile, "source_file": row.source_file,
        "owner": row.owner_user.username if row.owner_user else row.owner,
        "title": row.title, "status": str(row.status), "recording_id": row.recording_id,
        "video_id": row.video_id, "message": row.message, "updated_at": datetime.now(UTC),
    }
    statement = sqlite_insert(bulk_rows).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["plan_id", "source_file"],
        set_={k: statement.excluded[k] for k in values if k not in ("plan_id", "source_file")},
    )
    with db.begin() as connection:
        connection.execute(statement)


def resume(
    plan: Plan,
    db: Database,
    *,
    find_claim: ClaimLookup | None = None,
    find_owner: OwnerLookup | None = None,
) -> int:
    """Fold in the outcomes an earlier run of this plan stored; returns how many were found.

    Rows Pod no longer lists (claimed since) come back from the store: done stays done and
    failed keeps its reason; a row caught mid-claim is checked on Pod — held for the
    planned owner means done, anything else is reported as failed with the reason, so
    nothing is skipped in silence.
    """
    stored = _stored(db, plan.plan_id)
    by_file = {row.source_file: row for row in plan.rows if row.source_file}
    owners = Owners(find_owner) if find_owner else None
    for source_file, saved in stored.items():
        row = by_file.get(source_file)
        if row is not None:
            # Still unclaimed on Pod: whatever was stored, the claim action will find out.
            row.status, row.message = Status(saved["status"]), saved["message"]
            if row.status is Status.DONE:
                row.status = Status.STARTED
                row.message = translate("bulk", "Done earlier, but Pod still lists the file: "
                                                "it will be checked again.")
            if (row.problem is Problem.NOT_CLAIMABLE and row.row is not None
                    and row.row.state is RowState.MISSING):
                # Pod took the file when the claim went through but the run stopped before
                # it removed the treatment row: the claim action recognises that claim.
                row.problem, row.detail = None, ""
            continue
        row = PlanRow(
            source_file=source_file, filename=posixpath.basename(source_file),
            recorder=posixpath.basename(posixpath.dirname(source_file)),
            owner=saved["owner"], title=saved["title"], status=Status(saved["status"]),
            message=saved["message"], recording_id=saved["recording_id"],
            video_id=saved["video_id"],
        )
        plan.rows.append(row)
        if row.status is Status.STARTED and find_claim is not None:
            _settle_vanished(db, plan, row, find_claim, owners)
    return len(stored)


def _settle_vanished(
    db: Database, plan: Plan, row: PlanRow, find_claim: ClaimLookup, owners: Owners | None
) -> None:
    """A row caught mid-claim that Pod no longer lists: what happened to it?"""
    found = find_claim(row.source_file)
    if found is None:
        row.status = Status.FAILED
        row.message = translate(
            "bulk", "Pod no longer lists this file and holds no recording for it: someone "
                    "deleted it meanwhile.")
    else:
        row.recording_id, owner_id = found
        planned = owners.resolve(row.owner)[0] if owners else None
        if planned is not None and owner_id is not None and planned.id != owner_id:
            row.status = Status.FAILED
            row.message = translate(
                "bulk", "Someone else claimed this file first (recording {id}, another "
                        "owner).").format(id=row.recording_id)
        else:
            row.status = Status.DONE
            row.message = translate(
                "bulk", "Pod already holds this claim (recording {id}).").format(
                id=row.recording_id)
    save_outcome(db, plan, row)
