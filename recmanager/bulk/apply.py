"""Carrying out a plan: every applicable row claimed through the inbox's claim action,
a few at a time, each outcome stored as it comes; a lost connection stops the run."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from recmanager.bulk.outcomes import save_outcome
from recmanager.bulk.plan import Plan, PlanRow, Status
from recmanager.errors import BulkError, PodConnectionError, RecmanagerError
from recmanager.i18n import translate
from recmanager.progress import CancelToken, Progress, ProgressCallback, Throttle, no_progress
from recmanager.store import Database

log = logging.getLogger("recmanager.bulk")

DEFAULT_CONCURRENCY = 4
# Consecutive connection failures after which a run stops instead of failing every row.
CONNECTION_FAILURES_TO_STOP = 3


@dataclass(frozen=True)
class ClaimResult:
    """What one claim did; ``already`` means Pod held this claim before (a resumed row)."""

    recording_id: int | None
    video_id: int | None = None
    message: str = ""
    already: bool = False


Claimer = Callable[[PlanRow], ClaimResult]


@dataclass
class ApplyResult:
    done: int = 0
    failed: int = 0
    not_run: int = 0
    cancelled: bool = False
    stopped: str = ""  # why the run stopped early (connection lost), else ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.failed or self.not_run or self.cancelled or self.stopped)


def check_applicable(plan: Plan) -> None:
    """Refuse a plan with errors that are not excluded, naming how many and which kinds."""
    if not plan.has_errors:
        return
    counts = Counter(row.problem for row in plan.rows if row.blocking)
    raise BulkError(
        translate("bulk", "The plan has {count} rows with errors ({kinds}); nothing was "
                          "applied.").format(
            count=sum(counts.values()),
            kinds=", ".join(p.counted(n) for p, n in counts.items() if p is not None)),
        hint=translate("bulk", "Fix the rules, or exclude those rows, then apply again."),
    )


def apply_plan(
    plan: Plan,
    claim: Claimer,
    db: Database,
    *,
    jobs: int = DEFAULT_CONCURRENCY,
    only_failed: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ApplyResult:
    """Claim every applicable row, ``jobs`` at a time; each outcome is stored as it comes.

    Cancelling (or losing the connection) starts no new claim; the claims under way finish,
    because half a claim is worse than a whole one. Rows not run stay to do, and running
    the same plan again picks them up.
    """
    check_applicable(plan)
    cancel = cancel or CancelToken()
    rows = plan.to_apply(only_failed=only_failed)
    result = ApplyResult()
    began = time.monotonic()
    tell = _teller(progress, result, len(rows), began)
    tell(force=True)
    pending = list(reversed(rows))
    _claim_all(pending, lambda row: _claim_row(plan, row, claim, db), result,
               jobs=jobs, cancel=cancel, tell=tell)
    result.not_run = len(pending)
    result.cancelled = cancel.cancelled and bool(pending)
    result.seconds = time.monotonic() - began
    tell(force=True)
    return result


def _teller(
    progress: ProgressCallback, result: ApplyResult, total: int, began: float
) -> Callable[..., None]:
    """What reports the run's progress (at most every 0.2 s unless forced)."""
    report = Throttle(progress, 0.2)

    def tell(force: bool = False) -> None:
        finished = result.done + result.failed
        elapsed = time.monotonic() - began
        report(Progress(
            finished, total, translate("bulk", "recordings"),
            translate("bulk", "{done} done, {failed} failed, {remaining} remaining").format(
                done=result.done, failed=result.failed, remaining=total - finished),
            rate=finished / elapsed if finished and elapsed > 0 else None,
        ), force=force)

    return tell


def _claim_row(plan: Plan, row: PlanRow, claim: Claimer, db: Database) -> None:
    """One claim, its row stored as started before and with its outcome after."""
    row.status, row.message = Status.STARTED, ""
    save_outcome(db, plan, row)
    try:
        outcome = claim(row)
    except Exception as exc:
        if not isinstance(exc, RecmanagerError):
            log.exception("claim of %s failed unexpectedly", row.source_file)
        row.status, row.message = Status.FAILED, str(exc) or type(exc).__name__
        save_outcome(db, plan, row)
        raise
    row.status = Status.DONE
    row.recording_id, row.video_id = outcome.recording_id, outcome.video_id
    row.message = outcome.message
    save_outcome(db, plan, row)


def _claim_all(
    pending: list[PlanRow],
    run_one: Callable[[PlanRow], None],
    result: ApplyResult,
    *,
    jobs: int,
    cancel: CancelToken,
    tell: Callable[..., None],
) -> None:
    """Run the rows popped from the end of ``pending``, ``jobs`` at a time, until none is
    left, the run is cancelled or it stopped; the rows not started stay in ``pending``."""
    connection_failures = 0
    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="bulk") as pool:
        running: dict[Future[None], PlanRow] = {}
        while pending or running:
            while pending and len(running) < max(1, jobs) and not (
                cancel.cancelled or result.stopped
            ):
                row = pending.pop()
                running[pool.submit(run_one, row)] = row
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                running.pop(future)
                connection_failures = _count(result, future.exception(), connection_failures)
            tell()


def _count(result: ApplyResult, error: BaseException | None, connection_failures: int) -> int:
    """Count one finished claim; returns the connection failures in a row so far, and stops
    the run when they reach :data:`CONNECTION_FAILURES_TO_STOP`."""
    if error is None:
        result.done += 1
        return 0
    if not isinstance(error, Exception):
        raise error  # KeyboardInterrupt, SystemExit: the row stays "started"
    result.failed += 1
    if not isinstance(error, PodConnectionError):
        return 0
    connection_failures += 1
    if connection_failures >= CONNECTION_FAILURES_TO_STOP:
        result.stopped = translate(
            "bulk", "Pod cannot be reached ({error}); the run stopped. Run the "
                    "same plan again to go on.").format(error=error)
    return connection_failures
