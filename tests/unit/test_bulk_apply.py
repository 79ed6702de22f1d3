"""The apply engine on a real SQLite store: bounded concurrency, stored outcomes, resume.

The claim here is a plain function so the engine's own rules are checked in isolation; the
real claim against the sandbox Pod is in tests/integration/test_bulk_sandbox.py.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from recmanager.bulk.apply import ClaimResult, apply_plan
from recmanager.bulk.matching import plan_from_rules
from recmanager.bulk.outcomes import resume
from recmanager.bulk.plan import Status
from recmanager.bulk.rules import parse_rules
from recmanager.errors import BulkError, PodConnectionError, PodServerError
from recmanager.inbox.rows import InboxRow, RowState
from recmanager.pod.model import User
from recmanager.progress import CancelToken
from recmanager.store import Database

ALICE = User(1, "http://pod/rest/users/1/", "alice", "", "", "alice@univ.example", True)


def rows(count: int) -> list[InboxRow]:
    return [
        InboxRow(path=f"/data/amphiA/r{n:03d}.mp4", name=f"r{n:03d}.mp4", folder="amphiA",
                 state=RowState.CLAIMABLE, size=10, recorder_id=1, recorder_name="Amphi A",
                 treatment_id=n, deposited=datetime(2026, 11, 16, 9, tzinfo=UTC))
        for n in range(count)
    ]


def make_plan(count: int):
    return plan_from_rules(parse_rules("recorder;owner\nAmphi A;alice\n"), rows(count),
                           find_owner=lambda _: ALICE, profile="p", server="http://pod")


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "store.db")
    yield database
    database.close()


def test_concurrency_is_bounded_and_every_outcome_is_stored(db):
    plan = make_plan(20)
    lock = threading.Lock()
    running = peak = 0
    reports = []

    def claim(row):
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.02)
        with lock:
            running -= 1
        if row.filename == "r007.mp4":
            raise PodServerError("Pod answered 500", status=500)
        return ClaimResult(recording_id=row.treatment_id + 100, message="ok")

    result = apply_plan(plan, claim, db, jobs=4, progress=reports.append)
    assert peak == 4
    assert (result.done, result.failed, result.not_run) == (19, 1, 0)
    assert reports[-1].done == 20 and reports[-1].total == 20
    assert "19 done, 1 failed, 0 remaining" in reports[-1].message
    # Pod still lists only the failed file; the others come back from the store as done.
    again = plan_from_rules(parse_rules("recorder;owner\nAmphi A;alice\n"),
                            [r for r in rows(20) if r.name == "r007.mp4"],
                            find_owner=lambda _: ALICE, profile="p", server="http://pod")
    resume(again, db)
    statuses = {row.filename: row.status for row in again.rows}
    assert statuses["r007.mp4"] is Status.FAILED
    assert sum(s is Status.DONE for s in statuses.values()) == 19
    assert [r.filename for r in again.to_apply(only_failed=True)] == ["r007.mp4"]


def test_resumed_plan_runs_only_what_is_left_and_reports_vanished_rows(db):
    plan = make_plan(6)
    seen: list[str] = []

    def first(row):
        seen.append(row.filename)
        if row.filename == "r003.mp4":
            raise PodServerError("boom", status=502)
        return ClaimResult(recording_id=row.treatment_id)

    apply_plan(plan, first, db, jobs=1)
    # Pod no longer lists the claimed files; r003 failed and is still listed.
    later = plan_from_rules(parse_rules("recorder;owner\nAmphi A;alice\n"),
                            [r for r in rows(6) if r.name == "r003.mp4"],
                            find_owner=lambda _: ALICE, profile="p", server="http://pod")
    assert later.plan_id == plan.plan_id
    resume(later, db, find_claim=lambda path: None, find_owner=lambda _: ALICE)
    by_name = {row.filename: row for row in later.rows}
    assert len(by_name) == 6
    assert {n for n, r in by_name.items() if r.status is Status.DONE} == {
        "r000.mp4", "r001.mp4", "r002.mp4", "r004.mp4", "r005.mp4"}
    assert [r.filename for r in later.to_apply()] == ["r003.mp4"]


def interrupt_first_claim(db) -> None:
    def claim(row):
        raise KeyboardInterrupt  # stands for the process dying in the middle of the claim

    with pytest.raises(KeyboardInterrupt):
        apply_plan(make_plan(3), claim, db, jobs=1)


def vanished(db, find_claim) -> list:
    """Re-plan after every file left Pod's list, folding in what the store says."""
    later = make_plan(0)
    resume(later, db, find_claim=find_claim, find_owner=lambda _: ALICE)
    return [row for row in later.rows if row.source_file]


def test_interrupted_row_held_by_pod_for_the_owner_is_done(db):
    interrupt_first_claim(db)
    (row,) = vanished(db, {"/data/amphiA/r000.mp4": (55, ALICE.id)}.get)
    assert row.status is Status.DONE and row.recording_id == 55
    assert "already holds" in row.message
    (again,) = vanished(db, lambda path: pytest.fail("settled rows are not asked again"))
    assert again.status is Status.DONE


def test_interrupted_row_claimed_by_someone_else_or_deleted_is_reported(db, tmp_path):
    interrupt_first_claim(db)
    (row,) = vanished(db, lambda path: (56, 9))
    assert row.status is Status.FAILED and "Someone else" in row.message
    other = Database(tmp_path / "other.db")
    try:
        interrupt_first_claim(other)
        (gone,) = vanished(other, lambda path: None)
        assert gone.status is Status.FAILED and "deleted" in gone.message
    finally:
        other.close()


def test_cancel_starts_no_new_claim_and_leaves_the_rest_to_do(db):
    plan = make_plan(10)
    token = CancelToken()

    def claim(row):
        if row.filename == "r002.mp4":
            token.cancel()
        return ClaimResult(recording_id=1)

    result = apply_plan(plan, claim, db, jobs=1, cancel=token)
    assert result.cancelled and result.done == 3 and result.not_run == 7
    assert len(plan.to_apply()) == 7


def test_lost_connection_stops_the_run(db):
    plan = make_plan(30)

    def claim(row):
        raise PodConnectionError("Connection refused")

    result = apply_plan(plan, claim, db, jobs=2)
    assert result.stopped and "Run the same plan again" in result.stopped
    assert result.failed <= 4 and result.not_run >= 26


def test_plan_with_errors_is_refused(db):
    plan = plan_from_rules(parse_rules("recorder;owner\nAmphi A;nobody\n"), rows(2),
                           find_owner=lambda _: None, profile="p")
    with pytest.raises(BulkError):
        apply_plan(plan, lambda row: ClaimResult(1), db)


def test_rows_known_only_from_the_store_are_never_claimed_again(db):
    interrupt_first_claim(db)
    (row,) = vanished(db, lambda path: None)
    assert row.status is Status.FAILED and not row.applicable


def test_a_row_caught_mid_claim_whose_file_pod_took_is_claimed_again_not_blocked(db):
    interrupt_first_claim(db)
    listed = [InboxRow(path="/data/amphiA/r000.mp4", name="r000.mp4", folder="amphiA",
                       state=RowState.MISSING, size=10, recorder_id=1,
                       recorder_name="Amphi A", treatment_id=0)]
    plan = plan_from_rules(parse_rules("recorder;owner\nAmphi A;alice\n"), listed,
                           find_owner=lambda _: ALICE, profile="p", server="http://pod")
    assert plan.has_errors  # missing on disk, for a plan that never touched it
    resume(plan, db)
    (row,) = plan.rows
    assert row.status is Status.STARTED and row.problem is None and row.applicable
