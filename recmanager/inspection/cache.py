"""Inspections kept in the store, and the background pass that fills them after a scan.

An inspection is valid while its file keeps its size and modification time (and the analysis
its version), so each recording is inspected once. The false-start flag depends on a setting,
not on the file: it is not stored but worked out each time an inspection is read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import delete, insert, select

from recmanager.errors import Cancelled, DepositConnectionError, DepositError
from recmanager.inspection.analyse import InspectionSettings, inspect, with_settings
from recmanager.inspection.model import ANALYSIS_VERSION, FlagKind, Inspection
from recmanager.progress import CancelToken
from recmanager.store.tables import inspections

if TYPE_CHECKING:
    from recmanager.deposit.base import Deposit
    from recmanager.deposit.scan import ScanResult
    from recmanager.store import Database

log = logging.getLogger("recmanager.inspection")

# Recordings inspected at once: below the SFTP connection's channel pool (8), so previews and
# actions still get a channel, and about what two cores keep busy decoding key frames.
CONCURRENCY = 4


class FileLike(Protocol):
    """What the background pass reads of a scanned file (``deposit.scan`` entries fit)."""

    path: str
    size: int
    mtime: float


def load(db: Database, profile: str, path: str, size: int, mtime: float,
         settings: InspectionSettings | None = None) -> Inspection | None:
    """The stored inspection of ``path`` if it is of this very file (size, mtime) and of the
    current analysis; else None."""
    with db.begin() as connection:
        row = connection.execute(
            select(inspections.c.size, inspections.c.mtime, inspections.c.analysis,
                   inspections.c.facts, inspections.c.thumbnail, inspections.c.sheet)
            .where(inspections.c.profile == profile, inspections.c.path == path)).first()
    if row is None or (row.size, row.mtime, row.analysis) != (size, mtime, ANALYSIS_VERSION):
        return None
    found = Inspection.from_facts(json.loads(row.facts), row.thumbnail, row.sheet)
    return with_settings(found, settings or InspectionSettings())


def load_all(db: Database, profile: str, settings: InspectionSettings | None = None, *,
             thumbnails: bool = False) -> dict[str, Inspection]:
    """Every stored inspection of a profile, by path (current analysis only; the caller
    compares size and mtime with what it shows): the facts and flags, with ``thumbnails``
    the thumbnails too; :func:`load` gives one recording's contact sheet."""
    columns = [inspections.c.facts, inspections.c.thumbnail] if thumbnails else [
        inspections.c.facts]
    with db.begin() as connection:
        rows = connection.execute(select(*columns).where(
            inspections.c.profile == profile, inspections.c.analysis == ANALYSIS_VERSION)).all()
    settings = settings or InspectionSettings()
    found = (Inspection.from_facts(json.loads(row.facts),
                                   row.thumbnail if thumbnails else None) for row in rows)
    return {item.path: with_settings(item, settings) for item in found}


def save(db: Database, profile: str, found: Inspection) -> None:
    """Keep ``found`` for its path (replacing an inspection of an older version of the file)."""
    stored = replace(found, flags=tuple(
        flag for flag in found.flags if flag.kind is not FlagKind.FALSE_START))
    with db.begin() as connection:
        connection.execute(delete(inspections).where(
            inspections.c.profile == profile, inspections.c.path == found.path))
        connection.execute(insert(inspections).values(
            profile=profile, path=found.path, size=found.size, mtime=found.mtime,
            analysis=found.analysis, inspected_at=datetime.now(UTC),
            facts=json.dumps(stored.facts_json(), ensure_ascii=False),
            thumbnail=found.thumbnail_png, sheet=found.sheet_png))


def inspect_cached(deposit: Deposit, db: Database, profile: str, path: str,
                   settings: InspectionSettings | None = None,
                   cancel: CancelToken | None = None) -> Inspection:
    """The inspection of ``path``: from the store when the file has not changed, else made
    now and kept."""
    settings = settings or InspectionSettings()
    remote = deposit.stat(path)
    known = load(db, profile, path, remote.size, remote.mtime, settings)
    if known is not None:
        return known
    found = inspect(deposit, path, settings, cancel=cancel)
    save(db, profile, found)
    return found


@dataclass
class PassResult:
    """What one background pass did: new inspections, files already known (their facts and
    flags: :func:`load` gives their pictures), failures."""

    inspected: dict[str, Inspection] = field(default_factory=dict)
    known: dict[str, Inspection] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def all(self) -> dict[str, Inspection]:
        return {**self.known, **self.inspected}


def inspect_files(
    deposit: Deposit,
    db: Database,
    profile: str,
    files: Iterable[FileLike],
    settings: InspectionSettings | None = None,
    *,
    concurrency: int = CONCURRENCY,
    cancel: CancelToken | None = None,
    on_start: Callable[[int], None] | None = None,
    on_inspected: Callable[[Inspection], None] | None = None,
) -> PassResult:
    """Inspect every file of ``files`` the store does not know in this version, ``concurrency``
    at a time, keeping each as soon as it is made (a pass cut short loses nothing done).

    Run it after each scan with the complete files. ``on_start`` is told how many files are
    to be inspected; ``on_inspected`` is called from the worker threads with each new
    inspection. A file that cannot be read is reported in ``failed`` and tried again at the
    next pass; a lost connection ends the pass."""
    settings = settings or InspectionSettings()
    cancel = cancel or CancelToken()
    result = PassResult()
    stored = load_all(db, profile, settings)
    pending: list[FileLike] = []
    for item in files:
        known = stored.get(item.path)
        if known is not None and (known.size, known.mtime) == (item.size, item.mtime):
            result.known[item.path] = known
        elif item.size > 0:
            pending.append(item)
    if on_start is not None:
        on_start(len(pending))

    def one(item: FileLike) -> Inspection:
        cancel.check()
        found = inspect(deposit, item.path, settings, cancel=cancel)
        save(db, profile, found)
        if on_inspected is not None:
            on_inspected(found)
        return found

    with ThreadPoolExecutor(max_workers=max(1, concurrency),
                            thread_name_prefix="inspection") as pool:
        futures = {pool.submit(one, item): item for item in pending}
        try:
            for future in as_completed(futures):
                item = futures[future]
                try:
                    result.inspected[item.path] = future.result()
                except (DepositConnectionError, Cancelled):
                    raise
                except DepositError as exc:
                    log.info("%s not inspected: %s", item.path, exc)
                    result.failed[item.path] = str(exc)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return result


def inspect_after_scan(
    deposit: Deposit,
    db: Database,
    profile: str,
    scan: ScanResult,
    settings: InspectionSettings | None = None,
    *,
    concurrency: int = CONCURRENCY,
    cancel: CancelToken | None = None,
    on_start: Callable[[int], None] | None = None,
    on_inspected: Callable[[Inspection], None] | None = None,
) -> PassResult:
    """The pass to run after each scan: every complete file not inspected yet (a file still
    uploading changes; it is inspected once a later scan calls it complete)."""
    return inspect_files(deposit, db, profile, scan.in_state("complete"), settings,
                         concurrency=concurrency, cancel=cancel, on_start=on_start,
                         on_inspected=on_inspected)
