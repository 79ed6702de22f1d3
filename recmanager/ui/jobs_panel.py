"""The jobs dock: packaging jobs with progress bars, cancel, retry, remove, open folder,
copy manifest.

Jobs run on the task runner; their progress, outcome and cancellation come back as the
runner's signals, so the table changes only when something happened (no timer re-reads the
store). At start-up, jobs a crash left running are shown as Aborted and can be retried.
A database that cannot be read (locked, newer, damaged) is said in the dock, which reads it
again when a job is started from it.
Jobs on the packaging queue are submitted, followed, cancelled and retried through tasks of
the same runner; following one stops with the window, never the job on its worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recmanager.context import AppContext
from recmanager.errors import RecmanagerError, StoreError
from recmanager.packaging import (
    EventBus,
    JobRecord,
    JobStatus,
    JobStore,
    KeyPair,
    PackageRequest,
    PackagingJob,
)
from recmanager.packaging.events import AuditListener, JobListener
from recmanager.packaging.inputs import (
    release_fetched_input,
    removable_copy,
    remove_job,
)
from recmanager.packaging.job import JobProgress
from recmanager.packaging.records import RUNS_ON_QUEUE
from recmanager.packaging.webhook import WebhookSender, webhook_sender
from recmanager.ui.icons import themed_icon
from recmanager.ui.locale_format import format_size
from recmanager.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from recmanager.packaging.queue import QueueClient
    from recmanager.progress import CancelToken, ProgressCallback

log = logging.getLogger("recmanager.ui.jobs")

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
ProgressRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


class JobsModel(QAbstractTableModel):
    """One row per job (newest first); live progress kept beside the stored record."""

    COL_ID, COL_INPUT, COL_BACKEND, COL_STATUS, COL_PROGRESS, COL_OUTPUT, COL_MESSAGE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[JobRecord] = []
        self.live: dict[int, JobProgress] = {}
        self.headers = [self.tr("Job"), self.tr("Input"), self.tr("Backend"), self.tr("Status"),
                        self.tr("Progress"), self.tr("Output"), self.tr("Message")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def percent(self, record: JobRecord) -> float:
        if record.status is JobStatus.READY:
            return 100.0
        live = self.live.get(record.id)
        return live.done if live is not None else 0.0

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = index.column()
        if role == ObjectRole:
            return record
        if role == ProgressRole:
            return self.percent(record)
        if role == SortRole:
            return {self.COL_ID: record.id, self.COL_PROGRESS: self.percent(record)}.get(
                column, self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_ID:
                return str(record.id)
            if column == self.COL_INPUT:
                return Path(record.input_path).name
            if column == self.COL_BACKEND:
                return f"{record.backend} · {record.scheme}{self.where(record)}"
            if column == self.COL_STATUS:
                return record.status.label
            if column == self.COL_PROGRESS:
                return f"{self.percent(record):.0f} %"
            if column == self.COL_OUTPUT:
                return record.manifest_path or record.output_path
            if column == self.COL_MESSAGE:
                live = self.live.get(record.id)
                if record.status.active and live is not None:
                    return live.message
                if record.status is JobStatus.READY and not record.error:
                    return self.tr("The manifest and its segments are in {folder}").format(
                        folder=record.output_path)
                return record.error
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_INPUT:
                return record.input_origin
            if column in (self.COL_OUTPUT, self.COL_MESSAGE):
                return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def where(self, record: JobRecord) -> str:
        if record.runs_on != RUNS_ON_QUEUE:
            return ""
        if not record.queue_task_id and record.status.active:
            return " · " + self.tr("not submitted")
        return " · " + (record.worker_host or self.tr("queue"))

    def row_of(self, job_id: int) -> int:
        return next((i for i, r in enumerate(self.records) if r.id == job_id), -1)

    def reset_records(self, records: list[JobRecord]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def upsert(self, record: JobRecord) -> None:
        record = replace(record)  # the model's own copy: live updates never touch the job's
        row = self.row_of(record.id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self.records.insert(0, record)
            self.endInsertRows()
            return
        self.records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_progress(self, job_id: int, progress: JobProgress) -> None:
        row = self.row_of(job_id)
        if row < 0:
            return
        record = self.records[row]
        if not record.status.active:
            return  # a late report after the outcome
        self.live[job_id] = progress
        if progress.status and progress.status != record.status.value:
            record.status = JobStatus(progress.status)
            self.dataChanged.emit(self.index(row, self.COL_STATUS),
                                  self.index(row, self.COL_STATUS))
        self.dataChanged.emit(self.index(row, self.COL_PROGRESS),
                              self.index(row, self.COL_PROGRESS))
        self.dataChanged.emit(self.index(row, self.COL_MESSAGE), self.index(row, self.COL_MESSAGE))


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a progress bar."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = int(index.data(ProgressRole) or 0)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole)
        bar.textVisible = True
        # Qt 6 reads the bar's orientation from its state: without State_Horizontal it
        # fills from the bottom up (a white box over a blue strip).
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class JobsPanel(QWidget):
    """The jobs dock's content; ``submit()`` and ``package_file()`` start jobs."""

    job_finished = Signal(str, bool, str)  # name, ok, message: for desktop notifications
    job_changed = Signal(int, str)  # job id, status value

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None,
                 *, profile: str | None = None):
        super().__init__(parent)
        self.context = context
        self.runner = runner
        # The window's profile: its jobs (and those made without a profile) are shown, and
        # the jobs started here belong to it. None: every job.
        self.profile = profile
        self.store_problem = ""  # why the jobs cannot be read, shown above the table
        self._recovered = False  # jobs a crash left running are marked once, at first read
        self._tasks: dict[int, Task] = {}
        self._followers: dict[int, Task] = {}
        self._webhook: WebhookSender | None = None
        self._webhook_url = ""
        self.model = JobsModel(self)
        self._build()
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # A tool bar, not a row of buttons: it folds into a menu when the dock is narrow.
        self.toolbar = QToolBar(self.tr("Jobs"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        self.action_cancel = self._action("process-stop", self.tr("Cancel"), self.cancel_selected)
        self.action_retry = self._action("view-refresh", self.tr("Retry"), self.retry_selected)
        self.action_open = self._action("folder-open", self.tr("Open output folder"),
                                        self.open_selected_folder)
        self.action_copy = self._action("edit-copy", self.tr("Copy manifest path"),
                                        self.copy_selected_manifest)
        self.action_remove = self._action("edit-delete", self.tr("Remove…"),
                                          self.remove_selected)
        self.action_remove.setToolTip(self.tr(
            "Take a failed or aborted job off the list, with its key and the copy of the "
            "recording downloaded for it"))
        self.summary_label = QLabel(self)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.summary_label)
        layout.addWidget(self.toolbar)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("jobsProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.view = QTableView(self)
        self.view.setObjectName("JobsView")
        self.view.setAccessibleName(self.tr("Jobs"))
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(JobsModel.COL_PROGRESS, ProgressDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        # A recording's name and a package's folder differ at their end ("…séance-11.mp4"):
        # what does not fit gives way in its middle, the whole text one hover away.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setMinimumSize(120, 60)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 40), (1, 200), (2, 110), (3, 90), (4, 140), (5, 260)):
            # never narrower than its heading in the user's language ("Tâche")
            self.view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.open_selected_folder())
        layout.addWidget(self.view)
        self._update_buttons()

    def _action(self, icon: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    # --- what others call -------------------------------------------------------------------

    @property
    def store(self) -> JobStore:
        """The jobs in the database, opened on first use (an error if it cannot be)."""
        return JobStore(self.context.db)

    def reload(self) -> None:
        """Read the jobs again; a database that cannot be read is said, not raised."""
        try:
            if not self._recovered:
                self.store.recover_interrupted()
                self._recovered = True
            records = self.store.list(limit=500, profile=self.profile)
        except StoreError as error:
            self._show_store_problem(error)
            return
        self.store_problem = ""
        self.problem_label.hide()
        self.model.reset_records(records)
        for record in self.model.records:
            if record.runs_on == RUNS_ON_QUEUE and record.queue_task_id and record.status.active:
                self._follow(record)
        self._update_buttons()

    def set_profile(self, profile: str | None) -> None:
        """Show the jobs of the window's new profile."""
        if profile != self.profile:
            self.profile = profile
            self.reload()

    def package_file(self, prepared_input: Path | None = None, **dialog_options: Any) -> int | None:
        """Open the Package dialog; start the job it describes. Returns the job id."""
        from recmanager.ui.dialogs.package import PackageDialog

        if self.store_problem:
            self.reload()  # the database may be back: no job is started while it is not
            if self.store_problem:
                return None
        dialog = PackageDialog(self.context, self.window(), runner=self.runner,
                               prepared_input=prepared_input, **dialog_options)
        try:
            if not dialog.exec():
                return None
            return self.submit(dialog.request(), dialog.keys())
        except StoreError as error:  # no job was recorded: nothing runs, the reason shows
            self._show_store_problem(error)
            return None
        finally:
            dialog.deleteLater()  # else each use leaves a hidden child of the window

    def _show_store_problem(self, error: StoreError) -> None:
        log.warning("jobs not read: %s", error)
        self.store_problem = self.tr("The jobs cannot be shown: {error}").format(
            error=str(error))
        self.problem_label.setText(self.store_problem)
        self.problem_label.show()

    def submit(self, request: PackageRequest, keys: KeyPair) -> int:
        """Record a job for ``request`` (its key goes to the keyring) and start it."""
        if self.profile is not None:
            request = replace(request, profile=self.profile)
        if request.runs_on == RUNS_ON_QUEUE:
            return self._submit_to_queue(request, keys)
        job = PackagingJob.create(self.context.db, self.context.secrets, request, keys,
                                  bento4_dir=self._bento4_dir())
        self.model.upsert(job.record)
        self._start(job)
        return job.id

    def retry(self, job_id: int) -> None:
        if job_id in self._tasks or job_id in self._followers:
            return
        record = self.store.get(job_id)
        if record.runs_on == RUNS_ON_QUEUE:
            self._send(record)
            return
        self._start(PackagingJob.load(self.context.db, self.context.secrets, job_id,
                                      bento4_dir=self._bento4_dir()))

    def cancel(self, job_id: int) -> None:
        task = self._tasks.get(job_id)
        if task is not None:
            task.cancel()
            return
        record = self.store.get(job_id)
        if record.runs_on == RUNS_ON_QUEUE and record.status.active:
            self.runner.submit(
                f"queue-cancel-{job_id}",
                lambda progress, token: self._with_client(record, lambda c: c.cancel(record)),
                on_result=self.model.upsert, on_error=lambda error: self._queue_error(
                    job_id, error))

    def running(self) -> list[int]:
        return list(self._tasks)

    # --- running ------------------------------------------------------------------------------

    def _bento4_dir(self) -> str:
        profile = self.context.profiles.current()
        return profile.bento4_dir if profile else ""

    def _listeners(self, profile: str) -> list[JobListener]:
        """The audit log and the webhook (one sender, kept while the setting is unchanged)."""
        url = self.context.settings.get("webhook_url") or ""
        if url != self._webhook_url:
            if self._webhook is not None:
                self._webhook.close(0)
            self._webhook, self._webhook_url = webhook_sender(url), url
        listeners: list[JobListener] = [
            AuditListener.for_profile(self.context.db, self.context.profiles.find(profile))]
        if self._webhook is not None:
            listeners.append(self._webhook)
        return listeners

    def _start(self, job: PackagingJob) -> None:
        job.bus = EventBus(self._listeners(job.record.profile))
        job_id = job.id
        task = self.runner.submit(
            f"package-{job_id}",
            job.run,
            on_progress=lambda progress: self._on_progress(job_id, progress),
            on_result=lambda record: self._on_finished(job_id, None),
            on_error=lambda error: self._on_finished(job_id, error),
            on_cancel=lambda: self._on_finished(job_id, None),
        )
        if not task.done:
            self._tasks[job_id] = task
        self._update_buttons()

    def _on_progress(self, job_id: int, progress: Any) -> None:
        if isinstance(progress, JobProgress):
            self.model.set_progress(job_id, progress)
            self.job_changed.emit(job_id, progress.status)

    def _on_finished(self, job_id: int, error: BaseException | None) -> None:
        self._tasks.pop(job_id, None)
        record = self.store.get(job_id)
        self.model.live.pop(job_id, None)
        self.model.upsert(record)
        self.job_changed.emit(job_id, record.status.value)
        name = Path(record.input_path).name
        if record.status is JobStatus.READY:
            release_fetched_input(self.context.paths, self.store, record)
            self.job_finished.emit(name, True, record.manifest_path)
        else:
            message = record.error or (str(error) if error else "")
            self.job_finished.emit(name, False, self.tr("{status}: {message}").format(
                status=record.status.label, message=message))
        if error is not None and not isinstance(error, RecmanagerError):
            log.error("job %s failed unexpectedly: %r", job_id, error)
        self._update_buttons()

    # --- the packaging queue -----------------------------------------------------------------

    def _with_client(self, record: JobRecord | PackageRequest,
                     work: Callable[[QueueClient], Any]) -> Any:
        """Work with a queue client of the job's profile (one per task: its own connections,
        on the runner's thread)."""
        # Celery, kombu and redis: ~0.3 s that held the window just after its first screen
        # on every start; only the queue's jobs need them.
        from recmanager.packaging.queue import QueueClient, settings_for

        profile = self.context.profiles.find(record.profile) or self.context.profiles.current()
        client = QueueClient(self.context.db, self.context.secrets,
                             settings_for(profile, self.context.secrets),
                             bus=EventBus(self._listeners(record.profile)))
        try:
            return work(client)
        finally:
            client.close()

    def _submit_to_queue(self, request: PackageRequest, keys: KeyPair) -> int:
        """The row and key first (kept when the broker is down), then the task, off the GUI
        thread."""
        if request.backend == "auto":
            request = replace(request, backend="ffmpeg")
        record = self._with_client(
            request, lambda client: client.create(request, keys, backend=request.backend))
        self.model.upsert(record)
        self._send(record)
        return record.id

    def _send(self, record: JobRecord) -> None:
        self.runner.submit(
            f"queue-submit-{record.id}",
            lambda progress, token: self._with_client(record, lambda c: c.submit(record)),
            on_result=self._follow,
            on_error=lambda error: self._queue_error(record.id, error))

    def _follow(self, record: JobRecord) -> None:
        if record.id in self._followers:
            return
        self.model.upsert(record)
        job_id = record.id

        def follow_job(progress: ProgressCallback, token: CancelToken) -> JobRecord:
            from recmanager.packaging.queue import follow

            return self._with_client(
                record, lambda client: follow(client, record, progress, token, interval_s=1.0))

        task = self.runner.submit(
            f"queue-follow-{job_id}",
            follow_job,
            on_progress=lambda progress: self._on_progress(job_id, progress),
            on_result=lambda _record: self._followed(job_id, None),
            on_error=lambda error: self._followed(job_id, error),
            on_cancel=lambda: self._followers.pop(job_id, None),
        )
        if not task.done:
            self._followers[job_id] = task
        self._update_buttons()

    def _followed(self, job_id: int, error: BaseException | None) -> None:
        self._followers.pop(job_id, None)
        if error is not None:
            self._queue_error(job_id, error)
            return
        self._on_finished(job_id, None)

    def _queue_error(self, job_id: int, error: BaseException) -> None:
        """The broker down, no queue set: the job stays as it is, the reason is shown."""
        record = self.store.get(job_id)
        message = error.message if isinstance(error, RecmanagerError) else str(error)
        self.model.upsert(replace(record, error=message))
        self.job_finished.emit(Path(record.input_path).name, False, message)
        self._update_buttons()

    def shutdown(self) -> None:
        """Cancel running jobs, stop following the queue's, flush the webhook (the window is
        closing)."""
        for task in [*self._tasks.values(), *self._followers.values()]:
            task.cancel()
        if self._webhook is not None:
            self._webhook.close(5)
            self._webhook = None

    # --- selection and buttons ----------------------------------------------------------------

    def selected(self) -> JobRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def select_job(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row >= 0:
            self.view.selectRow(row)

    def _update_buttons(self, *_: Any) -> None:
        record = self.selected()
        running = record is not None and record.id in self._tasks
        queued = record is not None and record.runs_on == RUNS_ON_QUEUE
        not_submitted = queued and not record.queue_task_id and record.status.active
        # neither run nor followed by this window right now
        idle = record is not None and not running and record.id not in self._followers
        self.action_cancel.setEnabled(running or (queued and record.status.active))
        self.action_retry.setEnabled(
            idle and (record.status.ended_without_package or not_submitted))
        self.action_remove.setEnabled(idle and record.status.ended_without_package)
        self.action_open.setEnabled(record is not None)
        self.action_copy.setEnabled(record is not None and bool(record.manifest_path))
        self.summary_label.setText(
            self.tr("Jobs running: %n", "", len(self._tasks)) if self._tasks else ""
        )

    def cancel_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.cancel(record.id)

    def retry_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.retry(record.id)

    def remove_selected(self) -> None:
        """Remove the selected failed or aborted job once the user confirms; what it
        deletes is said first."""
        record = self.selected()
        if record is None:
            return
        try:
            copy = removable_copy(self.context.paths, self.store, record)
            question = self.tr("Remove job {id} ({name}) from the list? Its key is deleted: "
                               "it made no package.").format(id=record.id,
                                                             name=Path(record.input_path).name)
            if copy is not None:
                question += "\n\n" + self.tr(
                    "The copy of the recording downloaded for it ({size}) is deleted too: a "
                    "new package downloads it again.").format(
                        size=format_size(copy.stat().st_size))
            answer = QMessageBox.question(
                self, self.tr("Remove job"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
            remove_job(self.context.paths, self.store, self.context.secrets, record.id)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Job not removed"), str(error))
        except RecmanagerError as error:
            QMessageBox.warning(self, self.tr("Job not removed"), error.message or str(error))
        self.reload()

    def open_selected_folder(self) -> None:
        record = self.selected()
        if record is None:
            return
        folder = Path(record.output_path)
        if not folder.is_dir():
            folder = folder.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def copy_selected_manifest(self) -> None:
        record = self.selected()
        if record is not None and record.manifest_path:
            QGuiApplication.clipboard().setText(record.manifest_path)
