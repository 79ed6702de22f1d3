"""The inspections of the inbox's recordings: read from the store when a profile is shown,
made in the background after each refresh's scan for the complete files not inspected yet
(each file once: the store keeps them per size and modification time), and shown as each
one arrives — its duration, thumbnail and flags in the table, its sheet in the detail pane."""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recmanager.inbox.rows import RowState
from recmanager.progress import CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.inspection import Inspection
    from recmanager.ui.tasks import Task

log = logging.getLogger("recmanager.ui.inbox")

# The rows whose file is whole on the deposit (an upload still grows; a missing file is gone).
COMPLETE_STATES = frozenset({RowState.CLAIMABLE, RowState.NOTIFIED, RowState.WAITING,
                             RowState.ORPHAN})


@dataclass(frozen=True)
class PassOutcome:
    """After a pass: every stored inspection (facts, flags, thumbnails) and the files that
    could not be read, with why."""

    inspections: dict[str, Inspection]
    failed: dict[str, str]


class InboxInspections:
    """Background inspections; mixed into :class:`InboxPanel` (whose ``inspected`` signal
    carries each new inspection from the worker threads to this thread)."""

    _inspection_task: Task | None = None
    _inspect_again = False
    _inspecting: Profile | None = None  # the profile of the pass running or last run

    def load_inspections(self) -> None:
        """The stored inspections of the profile (facts, flags and thumbnails), read off the
        GUI thread (reading them loads FFmpeg's libraries); each contact sheet is read when
        first shown."""
        profile = self.profile
        if profile is None:
            return
        context = self.context

        def sheet(found: Inspection) -> bytes | None:
            from recmanager.inspection import load

            stored = load(context.db, profile.name, found.path, found.size, found.mtime)
            return stored.sheet_png if stored is not None else None

        self.model.sheet_loader = sheet

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> dict[str, Inspection]:
            from recmanager.inspection import InspectionSettings, load_all

            return load_all(context.db, profile.name,
                            InspectionSettings.from_settings(context.settings), thumbnails=True)

        def loaded(found: dict[str, Inspection]) -> None:
            if self.profile is profile and not self._closed:
                self._show_inspections(found)

        self.runner.submit(self.tr("Reading the recordings' inspections"), work,
                           on_result=loaded,
                           on_error=lambda exc: log.info("inspections not read: %s", exc))

    def inspect_recordings(self) -> None:
        """Inspect the recordings the inbox holds complete (Pod listed them, or nothing wrote
        to them for the quiet period) that the store does not know yet, a few at a time,
        with the size and modification time of the last scan; asked while a pass runs,
        another follows it."""
        profile = self.profile
        if profile is None or self._closed or self.offline:
            return
        if self._inspection_task is not None:
            self._inspect_again = True
            return
        self._inspect_again = False
        self._inspecting = profile
        context, inspected = self.context, self.inspected
        complete = {row.path for row in self.model.rows if row.state in COMPLETE_STATES}
        # Worded here, on the GUI thread; the pass's threads only fill in the numbers.
        to_inspect = self.tr("Recordings to inspect: {count}")
        so_far = self.tr("Recordings inspected: {done} of {count}")

        def work(progress: ProgressCallback, cancel: CancelToken) -> PassOutcome:
            from recmanager.deposit import open_deposit
            from recmanager.deposit.scan import Scanner
            from recmanager.inspection import InspectionSettings, inspect_files, load_all

            settings = InspectionSettings.from_settings(context.settings)
            quiet = float(context.settings.get("quiet_period_s"))
            files = [item for item in Scanner(context.db, profile.name, quiet).known().values()
                     if item.path in complete]
            known = load_all(context.db, profile.name, settings)
            failed: dict[str, str] = {}
            if not all(item.path in known and (known[item.path].size, known[item.path].mtime)
                       == (item.size, item.mtime) for item in files if item.size > 0):
                total, counter = [0], itertools.count(1)

                def started(count: int) -> None:
                    total[0] = count
                    progress(Progress(0, count, message=to_inspect.format(count=count)))

                def arrived(found: Inspection) -> None:
                    inspected.emit(found)
                    done = next(counter)
                    progress(Progress(done, total[0], message=so_far.format(
                        done=done, count=total[0])))

                with open_deposit(profile, context) as deposit:  # only when there is work
                    failed = inspect_files(deposit, context.db, profile.name, files, settings,
                                           cancel=cancel, on_start=started,
                                           on_inspected=arrived).failed
            return PassOutcome(load_all(context.db, profile.name, settings, thumbnails=True),
                               failed)

        task = self.runner.submit(
            self.tr("Inspecting the recordings"), work,
            on_result=lambda done: self._inspection_ended(done),
            on_error=lambda error: self._inspection_ended(None, error),
            on_cancel=lambda: self._inspection_ended(None),
            on_progress=self._progress)
        self._inspection_task = None if task.done else task  # a synchronous runner: done

    def _inspection_ended(self, done: PassOutcome | None, error: Any = None) -> None:
        self._inspection_task = None
        if self._closed or self.profile is not self._inspecting:
            self._inspect_again = self.profile is not None and not self._closed
            done = error = None  # another profile is shown now: inspect its own recordings
        if done is not None:
            self._show_inspections(done.inspections)
            for path, problem in done.failed.items():
                log.info("%s not inspected: %s", path, problem)
        if error is not None:
            log.info("inspection pass stopped: %s", error)
            self.message.emit(self.tr("The recordings could not all be inspected: {error}")
                              .format(error=getattr(error, "message", str(error))))
        if self._inspect_again:
            self.inspect_recordings()

    def _inspection_arrived(self, found: Inspection) -> None:
        """One more recording inspected (sent by the pass as soon as it is made)."""
        if self._closed or self.profile is not self._inspecting:
            return
        decorated = self.model.decorated
        self.model.set_inspection(found)
        self._inspections_changed(found.path, decorated)

    def _show_inspections(self, found: dict[str, Inspection]) -> None:
        decorated = self.model.decorated
        self.model.set_inspections(found)
        self._inspections_changed(None, decorated)

    def _inspections_changed(self, path: str | None, decorated: bool) -> None:
        """Room for the thumbnails when the first arrive (the Duration column is sized for
        nine hours already), the order and the filtered rows, and the detail pane."""
        if decorated != self.model.decorated:
            self._fit_columns()
        self.proxy.inspections_changed()
        self._update_count()
        row = self.current_row()
        if row is not None and path in (None, row.path):
            self.detail.show_inspection(self.model.with_sheet(row))

    def stop_inspections(self) -> None:
        if self._inspection_task is not None:
            self._inspection_task.cancel()
