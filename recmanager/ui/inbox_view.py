"""The recordings screen: recorder sidebar, filters, the table, the detail pane with the
player, and the Claim / Reassign / Delete / Audit actions.

Everything shown comes from a :class:`recmanager.inbox.Snapshot` (or the cached copy when
offline); every server call runs through the task runner.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recmanager.errors import AlreadyClaimed, DoneWithWarning, RecmanagerError
from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.inbox import (
    STATE_LABELS,
    InboxRecorder,
    InboxRow,
    RowState,
    Snapshot,
    counts_by_recorder,
    extract_zip_video,
    inspect_zip,
    load_cache,
    member_key,
    open_preview_source,
    refresh,
    remember_duration,
)
from recmanager.progress import CancelToken, Progress, ProgressCallback
from recmanager.recorders.mode import RecorderMode, mode_label
from recmanager.ui.icons import themed_icon
from recmanager.ui.inbox_model import (
    COL_DEPOSITED,
    COL_DURATION,
    COL_FILE,
    COL_RECORDER,
    COL_SIZE,
    COL_STATE,
    COLUMN_COUNT,
    InboxModel,
    InboxProxy,
)
from recmanager.ui.locale_format import format_datetime, format_size
from recmanager.ui.preview import PreviewWidget
from recmanager.ui.retry import OfflineRetry
from recmanager.ui.status import ChannelState
from recmanager.ui.tasks import TaskRunner

# Server-side modules are imported when an action runs, so the window shows quickly.
if TYPE_CHECKING:
    from recmanager.actions.opening import Actions
    from recmanager.actions.permissions import Permissions
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit.base import Deposit, QuarantinedFile
    from recmanager.pod.model import User

log = logging.getLogger("recmanager.ui.inbox")

ALL = "__all__"
SIDEBAR_FIRST_WIDTH = 160  # until the recorders are known; then the longest name's width
CELL_SLACK = 4  # pixels beyond the style's own margins around a cell's text
DATE_CHOICES = (
    (None, QT_TRANSLATE_NOOP("InboxPanel", "Any date")),
    (1, QT_TRANSLATE_NOOP("InboxPanel", "Last 24 hours")),
    (7, QT_TRANSLATE_NOOP("InboxPanel", "Last 7 days")),
    (30, QT_TRANSLATE_NOOP("InboxPanel", "Last 30 days")),
)


class DetailPane(QWidget):
    """Server path, recorder and its mode, notify status, Pod links, and the player.

    It sits under the table, the facts on the left and the player on the right, so that the
    table keeps the window's whole width for file and recorder names.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPane")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        # The facts scroll when the pane is short, rather than squeezing wrapped lines.
        scroll = QScrollArea(self)
        scroll.setObjectName("DetailFacts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(scroll)
        facts = QVBoxLayout(holder)
        facts.setContentsMargins(0, 0, 4, 0)
        self.title = QLabel(self.tr("Select a recording to see its details."), self)
        self.title.setWordWrap(True)
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        facts.addWidget(self.title)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("path", self.tr("Server path")),
            ("recorder", self.tr("Recorder")),
            ("mode", self.tr("Mode")),
            ("notify", self.tr("Notify status")),
            ("sizes", self.tr("Size")),
            ("links", self.tr("In Pod")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setOpenExternalLinks(True)
            value.setAccessibleName(label)
            self.fields[key] = value
            form.addRow(self.tr("{label}:").format(label=label), value)
        facts.addLayout(form)
        self.preview_note = QLabel(self)
        self.preview_note.setWordWrap(True)
        facts.addWidget(self.preview_note)
        facts.addStretch(1)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.preview = PreviewWidget(self)
        outer.addWidget(self.preview, 1)

    def show_row(self, row: InboxRow | None, recorder: InboxRecorder | None, pod_url: str,
                 live: bool = True) -> None:
        if row is None:
            self.title.setText(self.tr("Select a recording to see its details."))
            for label in self.fields.values():
                label.clear()
            return
        self.title.setText(row.name if row.slides is None else self.tr(
            "{name} — {count} slides").format(name=row.name, count=row.slides))
        self.fields["path"].setText(html.escape(row.path))
        self.fields["recorder"].setText(html.escape(
            row.recorder_name or self.tr("none — the folder {folder} belongs to no recorder")
            .format(folder=row.folder)))
        mode = row.recorder_mode
        self.fields["mode"].setText(mode_label(mode))
        self.fields["notify"].setText(self._notify_text(row, recorder))
        sizes = format_size(row.size)
        if row.pod_size is not None and row.pod_size != row.size:
            sizes += " " + self.tr("(Pod last saw {size})").format(size=format_size(row.pod_size))
        self.fields["sizes"].setText(sizes)
        self.fields["links"].setText(self._links(row, pod_url, live))

    def _notify_text(self, row: InboxRow, recorder: InboxRecorder | None) -> str:
        if row.state is RowState.ORPHAN:
            return self.tr("Pod e-mails its administrators at every scan: no recorder uses "
                           "this folder.")
        if recorder is None or recorder.mode is RecorderMode.UNKNOWN:
            return self.tr("Unknown: reading it needs a superuser web login in the profile.")
        if recorder.mode is RecorderMode.MANAGER_NOTIFIED:
            return self.tr("Pod e-mails the manager ({manager}) once the file is complete."
                           ).format(manager=html.escape(recorder.manager))
        if recorder.mode is RecorderMode.AUTO_PUBLISH:
            return self.tr("Pod publishes it for {manager} by itself once complete.").format(
                manager=html.escape(recorder.manager))
        return self.tr("No manager: waits for someone to claim it.")

    def _links(self, row: InboxRow, pod_url: str, live: bool) -> str:
        """Pod's pages for the row; offline, their names only, with why they cannot open."""
        base = pod_url.rstrip("/")
        # The words outside the f-strings: lupdate does not look inside them.
        claim_page, claim_form = self.tr("claim page"), self.tr("claim form")
        recorder, treatment = self.tr("recorder"), self.tr("treatment row")
        links = [(f"{base}/record/claim_record/", claim_page)]
        if row.recorder_id is not None:
            query = urlencode({"mediapath": row.path, "course_title": row.name,
                               "recorder": row.recorder_id})
            links.append((f"{base}/record/add_recording/?{query}", claim_form))
            links.append((f"{base}/admin/recorder/recorder/{row.recorder_id}/change/", recorder))
        if row.treatment_id is not None:
            links.append((f"{base}/admin/recorder/recordingfiletreatment/{row.treatment_id}/"
                          "change/", treatment))
        if not live:
            return " · ".join(word for _, word in links) + " " + self.tr("(offline)")
        return " · ".join(f"<a href='{html.escape(href)}'>{word}</a>" for href, word in links)


class InboxPanel(QWidget):
    """The central area of the main window."""

    rest_state = Signal(object, str)  # ChannelState, detail
    sftp_state = Signal(object, str)
    message = Signal(str)
    refreshed = Signal()

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InboxPanel")
        self.context = context
        self.runner = runner
        self.profile: Profile | None = None
        self.snapshot: Snapshot | None = None
        self.recorders: dict[int, InboxRecorder] = {}
        self.offline = False
        self.permissions: Permissions | None = None
        self.users: list[User] = []
        self.refreshed_at: datetime | None = None
        self._refreshing = False
        self._refresh_again = False  # a change came while a refresh was running
        self._closed = False
        self._preview_deposit: Deposit | None = None
        self._preview_server: Any = None
        self._preview_lock = threading.Lock()
        self._last_quarantine: list[QuarantinedFile] = []
        self._build()
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.runner.changed.connect(self._server_changed)
        self.offline_retry = OfflineRetry(self.refresh, self)
        self.apply_refresh_interval()
        self.update_actions()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QFrame(self)
        self.banner.setObjectName("OfflineBanner")
        self.banner.setStyleSheet(
            "#OfflineBanner { background: #fbe9e7; border: 1px solid #b3261e; }"
            "#OfflineBanner QLabel { color: #5f1410; }")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName(self.tr("Connection problem"))
        banner_layout.addWidget(self.banner_label, 1)
        retry = QPushButton(self.tr("Retry"), self.banner)
        retry.clicked.connect(self.refresh)
        banner_layout.addWidget(retry)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("InboxSplitter")
        self.sidebar = QTreeWidget(self.splitter)
        self.sidebar.setObjectName("RecorderSidebar")
        self.sidebar.setHeaderLabels([self.tr("Recorder"), self.tr("Claimable / all")])
        # The header's words would make the sidebar wider than its content: each count
        # says in its tooltip what it counts.
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setRootIsDecorated(False)
        self.sidebar.setAccessibleName(self.tr("Recorders"))
        self.sidebar.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sidebar.setMinimumWidth(120)
        self.sidebar.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sidebar.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.sidebar.header().setStretchLastSection(False)
        self.sidebar.currentItemChanged.connect(self._recorder_chosen)

        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.center_splitter.setObjectName("InboxCenterSplitter")
        self.center_splitter.setChildrenCollapsible(False)
        center = QWidget(self.center_splitter)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(center)
        self.filter_edit.setObjectName("InboxFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by file, recorder or path (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        filters.addWidget(self.filter_edit, 1)
        self.state_combo = QComboBox(center)
        self.state_combo.setAccessibleName(self.tr("State"))
        self.state_combo.addItem(self.tr("All states"), None)
        from PySide6.QtCore import QCoreApplication

        for state, label in STATE_LABELS.items():
            self.state_combo.addItem(QCoreApplication.translate("RowState", label), state)
        filters.addWidget(self.state_combo)
        self.date_combo = QComboBox(center)
        self.date_combo.setAccessibleName(self.tr("Deposited"))
        for days, label in DATE_CHOICES:
            self.date_combo.addItem(self.tr(label), days)
        filters.addWidget(self.date_combo)
        center_layout.addLayout(filters)

        self.model = InboxModel(self)
        self.proxy = InboxProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(center)
        self.table.setObjectName("RecordingsTable")
        self.table.setAccessibleName(self.tr("Recordings"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DEPOSITED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        self._fitting_columns = False
        self._resized_by_hand: set[int] = set()
        header.sectionResized.connect(self._column_resized)
        header.sortIndicatorChanged.connect(lambda *_: self._fit_columns())
        self._fit_columns()
        center_layout.addWidget(self.table, 1)
        self.count_label = QLabel(center)
        self.count_label.setObjectName("InboxCount")
        center_layout.addWidget(self.count_label)

        self.detail = DetailPane(self.center_splitter)
        self.preview = self.detail.preview
        self.preview.duration_known.connect(self._duration_known)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDEBAR_FIRST_WIDTH, 1200 - SIDEBAR_FIRST_WIDTH])
        self.center_splitter.setStretchFactor(0, 3)
        self.center_splitter.setStretchFactor(1, 2)
        self.center_splitter.setSizes([290, 210])
        self._sidebar_fitted = False
        outer.addWidget(self.splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.state_combo.currentIndexChanged.connect(self._state_filter_changed)
        self.date_combo.currentIndexChanged.connect(self._date_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.claim())
        self.table.installEventFilter(self)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting_columns and column != COL_FILE:
            self._resized_by_hand.add(column)

    def _fit_columns(self) -> None:
        """Every column but File as wide as its widest text; File, stretched, takes the
        rest. A column the person resized keeps the person's width."""
        header = self.table.horizontalHeader()
        cell, heading = self.table.fontMetrics(), header.fontMetrics()
        metric = self.style().pixelMetric
        cell_padding = 2 * (metric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table)
                            + 1) + CELL_SLACK
        header_padding = 2 * metric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        sort_arrow = metric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + \
            header_padding
        self._fitting_columns = True
        try:
            for column in (COL_RECORDER, COL_DEPOSITED, COL_SIZE, COL_DURATION, COL_STATE):
                if column in self._resized_by_hand:
                    continue
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                widths = [cell.horizontalAdvance(text) + cell_padding
                          for text in self.model.sizing_texts(column)]
                widths.append(heading.horizontalAdvance(title) + header_padding + CELL_SLACK
                              + (sort_arrow if column == header.sortIndicatorSection() else 0))
                header.resizeSection(column, max(widths))
            self._make_room_for_names(cell, cell_padding, heading, header_padding)
        finally:
            self._fitting_columns = False

    def _make_room_for_names(self, cell: QFontMetrics, cell_padding: int,
                             heading: QFontMetrics, header_padding: int) -> None:
        """File names are never cut at the default size: when the other columns leave the
        File column too little room, the Recorder column gives way first (its cells are
        elided with the whole name as tooltip, and the sidebar names every recorder), then
        the State column, each down to its heading."""
        header = self.table.horizontalHeader()
        names = self.model.sizing_texts(COL_FILE)
        if not names:
            return
        wanted = max(cell.horizontalAdvance(text) for text in names) + cell_padding
        others = sum(header.sectionSize(column) for column in range(COLUMN_COUNT)
                     if column != COL_FILE)
        # The table's own width, not its viewport's (resized only after the table's resize
        # event), less the vertical scroll bar, shown or about to be.
        room = (self.table.contentsRect().width()
                - self.table.verticalScrollBar().sizeHint().width())
        missing = others + wanted - room
        for column in (COL_RECORDER, COL_STATE):
            if missing <= 0:
                return
            if column in self._resized_by_hand:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            least = heading.horizontalAdvance(title) + header_padding + 2 * CELL_SLACK
            width = header.sectionSize(column)
            given = min(missing, max(0, width - least))
            header.resizeSection(column, width - given)
            missing -= given

    def _fit_sidebar(self) -> None:
        """Widen the sidebar to its longest recorder name (never narrower than a person
        made it, never more than a third of the window)."""
        metrics = self.sidebar.fontMetrics()
        padding = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                                self.sidebar) + 1) + CELL_SLACK
        names = counts = 0
        for number in range(self.sidebar.topLevelItemCount()):
            item = self.sidebar.topLevelItem(number)
            names = max(names, metrics.horizontalAdvance(item.text(0)))
            counts = max(counts, metrics.horizontalAdvance(item.text(1)))
        self.sidebar.header().resizeSection(1, counts + padding)
        scrollbar = self.sidebar.verticalScrollBar()
        wanted = (names + counts + 2 * padding + 2 * self.sidebar.frameWidth()
                  + (scrollbar.sizeHint().width() if scrollbar.isVisible() else 0))
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = min(wanted, max(total // 3, SIDEBAR_FIRST_WIDTH))
        if total and sizes[0] < wanted:
            self.splitter.setSizes([wanted, total - wanted])

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Tabbing into an unselected table selects its current row, for keyboard users;
        a resized table shares its width again (file names first)."""
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if (watched is self.table and event.type() == QEvent.Type.FocusIn
                and not self.table.selectionModel().hasSelection() and self.proxy.rowCount()):
            current = self.table.currentIndex()
            self.table.selectRow(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

    def _build_actions(self) -> None:
        def action(text: str, icon: str, slot: Callable[[], None],
                   shortcut: QKeySequence | str | None = None) -> QAction:
            made = QAction(themed_icon(icon), text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.action_claim = action(self.tr("Claim…"), "emblem-ok", self.claim, "Ctrl+Return")
        self.action_reassign = action(self.tr("Reassign…"), "system-users", self.reassign)
        self.action_delete = action(self.tr("Delete…"), "edit-delete", self.delete,
                                    QKeySequence.StandardKey.Delete)
        self.action_undo = action(self.tr("Undo quarantine…"), "edit-undo", self.undo_quarantine)
        self.action_audit = action(self.tr("Audit log"), "view-list-details", self.show_audit)
        self.action_find = action(self.tr("Filter"), "edit-find", self.focus_filter,
                                  QKeySequence.StandardKey.Find)
        self.action_deposit = action(self.tr("Deposit files…"), "document-open",
                                     self.choose_files_to_deposit)
        self.actions_list = [self.action_claim, self.action_reassign, self.action_delete,
                             self.action_undo, self.action_audit, self.action_find,
                             self.action_deposit]
        for made in self.actions_list:
            self.addAction(made)

    # --- profile, refresh, offline --------------------------------------------------------

    def set_profile(self, profile: Profile | None) -> None:
        self.profile = profile
        self.users = []
        self._close_preview_source()
        if profile is None:
            self.model.set_rows([])
            self._rebuild_sidebar()
            self.update_actions()
            return
        cached = load_cache(self.context.db, profile.name)
        if cached is not None:
            self.recorders = {r.id: r for r in cached.recorders}
            self.show_rows(cached.rows)
            self.refreshed_at = cached.refreshed_at

    def apply_refresh_interval(self) -> None:
        seconds = int(self.context.settings.get("refresh_interval_s"))
        if seconds > 0:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()

    def _server_changed(self, profile_name: str) -> None:
        """Something (in any window) changed this profile's Pod or deposit: read it again."""
        if not self._closed and self.profile is not None and profile_name == self.profile.name:
            self.refresh()

    def refresh(self) -> None:
        """Reload from the servers; selection and scroll position survive. Asked while a
        refresh runs, another follows it: the one running may have read before a change."""
        if self.profile is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        self._refresh_again = False
        profile = self.profile
        self.rest_state.emit(ChannelState.CONNECTING, "")
        self.sftp_state.emit(ChannelState.CONNECTING, "")

        def work(progress: ProgressCallback, cancel: CancelToken) -> Snapshot:
            from recmanager.ui.dialogs.host_key import ask_host_key

            return refresh(
                profile, self.context, progress=progress, cancel=cancel,
                on_unknown_host_key=lambda host, kind, fp: ask_host_key(self, host, kind, fp),
            )

        def ended(handler: Callable[..., None], *value: Any) -> None:
            self._refreshing = False
            handler(*value)
            if self._refresh_again:
                self.refresh()

        self.runner.submit(self.tr("Refreshing the recordings"), work,
                           on_result=lambda snapshot: ended(self._refreshed, snapshot),
                           on_error=lambda error: ended(self._refresh_failed, error),
                           on_cancel=lambda: ended(lambda: None),
                           on_progress=self._progress)

    def _progress(self, progress: Progress) -> None:
        if progress.message:
            self.message.emit(progress.message)

    def _refreshed(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.offline = False
        self.model.set_read_only(False)
        self.offline_retry.succeeded()
        self.permissions = snapshot.permissions
        self.refreshed_at = snapshot.refreshed_at
        self.recorders = {r.id: r for r in snapshot.recorders}
        self.banner.hide()
        self.rest_state.emit(ChannelState.CONNECTED, snapshot.web_problem)
        if snapshot.deposit_problem:
            self.sftp_state.emit(ChannelState.FAILED, snapshot.deposit_problem)
        else:  # the deposit indicator's tooltip says which root is used, and why
            self.sftp_state.emit(ChannelState.CONNECTED, snapshot.deposit_root)
        self.show_rows(snapshot.rows)
        self.message.emit(self.tr("{count} recordings, refreshed at {time}.").format(
            count=len(snapshot.rows), time=format_datetime(snapshot.refreshed_at)))
        log.info("%s", snapshot.deposit_root)
        if self.profile is not None and snapshot.deposit_root_path:
            # The root Pod's data shows, for previews, uploads and the profile dialog too.
            self.profile.deposit_root = snapshot.deposit_root_path
        if snapshot.reconciled:  # interrupted actions found at this start, also in the log
            self.message.emit(" ".join(snapshot.reconciled))
        if not self.users:
            self._load_users()
        self.update_actions()
        if not snapshot.deposit_problem:
            self._prepare_preview()
        self.refreshed.emit()

    def _refresh_failed(self, error: BaseException) -> None:
        from recmanager.errors import DepositError

        self.offline = True
        self.model.set_read_only(True)
        self.offline_retry.failed(error, int(self.context.settings.get("refresh_interval_s")))
        text = getattr(error, "message", str(error))
        if isinstance(error, DepositError):
            self.sftp_state.emit(ChannelState.OFFLINE, text)
            self.rest_state.emit(ChannelState.UNKNOWN, "")
        elif self._deposit_usable_offline():
            self.rest_state.emit(ChannelState.OFFLINE, text)
            self.sftp_state.emit(ChannelState.CONNECTED, self.tr(
                "The mounted deposit folder is readable: previews still work."))
        else:
            self.rest_state.emit(ChannelState.OFFLINE, text)
            self.sftp_state.emit(ChannelState.UNKNOWN, "")
        cached = load_cache(self.context.db, self.profile.name) if self.profile else None
        if cached is not None:
            self.recorders = {r.id: r for r in cached.recorders}
            self.refreshed_at = cached.refreshed_at
            self.show_rows(cached.rows)
            when = self.tr("as of {time}").format(time=format_datetime(cached.refreshed_at))
        else:
            when = self.tr("nothing was saved yet")
        self.banner_label.setText(self.tr(
            "<b>Offline</b> — {error}<br>Showing the last known recordings ({when}), read-only: "
            "actions come back when the connection does.").format(
            error=html.escape(self._error_text(error)), when=when))
        self.banner.show()
        self.message.emit(self.tr("Offline: {error}").format(error=text))
        self.update_actions()
        self.refreshed.emit()

    @property
    def _environment(self) -> bool:
        """The profile comes from ``RECMANAGER_*``: hints name variables, not profile fields."""
        from recmanager.context import ENV_PROFILE

        return self.profile is not None and self.profile.name == ENV_PROFILE

    def _error_text(self, error: BaseException) -> str:
        from recmanager.context import error_text

        if isinstance(error, RecmanagerError):
            return error_text(error, environment=self._environment)
        return str(error)

    def _load_users(self) -> None:
        profile = self.profile
        if profile is None:
            return

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> list[User]:
            from recmanager.pod.rest import PodClient

            with PodClient.from_profile(profile, self.context.secrets) as client:
                return client.all_users()

        self.runner.submit(self.tr("Reading Pod's users"), work,
                           on_result=lambda users: setattr(self, "users", users),
                           on_error=lambda exc: log.info("users not read: %s", exc))

    # --- showing rows ---------------------------------------------------------------------

    def show_rows(self, rows: Sequence[InboxRow]) -> None:
        """Replace the rows, keeping the selected recordings, current one and scroll."""
        selected = [row.path for row in self.selected_rows()]
        current = self.current_row()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self._fit_columns()
        self._rebuild_sidebar()
        self._fit_sidebar()
        selection = self.table.selectionModel()
        for path in selected:
            number = self.proxy.proxy_row_of(path)
            if number is not None:
                selection.select(self.proxy.index(number, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        if current is not None:
            number = self.proxy.proxy_row_of(current.path)
            if number is not None:
                selection.setCurrentIndex(self.proxy.index(number, 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_count()
        self._selection_changed()

    def _rebuild_sidebar(self) -> None:
        chosen = self.proxy_recorder_filter()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        rows = self.model.rows
        counts = counts_by_recorder(rows)
        total = QTreeWidgetItem([self.tr("All recordings"), str(len(rows))])
        total.setData(0, Qt.ItemDataRole.UserRole, ALL)
        self.sidebar.addTopLevelItem(total)
        names = sorted({r.name for r in self.recorders.values()} | set(counts),
                        key=str.casefold)
        current = total
        for name in names:
            states = counts.get(name)
            claimable = (states[RowState.CLAIMABLE] + states[RowState.NOTIFIED]) if states else 0
            count = sum(states.values()) if states else 0
            item = QTreeWidgetItem([name, f"{claimable}/{count}" if count else "0"])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setToolTip(1, self.tr("{claimable} claimable of {count} files").format(
                claimable=claimable, count=count))
            item.setToolTip(0, name)
            if states and states[RowState.ORPHAN]:
                item.setToolTip(0, self.tr("{folder}: this folder belongs to no recorder.")
                                .format(folder=name))
                item.setForeground(0, Qt.GlobalColor.darkRed)
            self.sidebar.addTopLevelItem(item)
            if name == chosen:
                current = item
        self.sidebar.setCurrentItem(current)
        self.sidebar.blockSignals(False)

    def proxy_recorder_filter(self) -> str | None:
        item = self.sidebar.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return None if value in (None, ALL) else value

    def _recorder_chosen(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.proxy.set_recorder_filter(None if value in (None, ALL) else value)
        self._update_count()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _state_filter_changed(self) -> None:
        state = self.state_combo.currentData()
        self.proxy.set_state_filter(None if state is None else [state])
        self._update_count()

    def _date_filter_changed(self) -> None:
        days = self.date_combo.currentData()
        self.proxy.set_since(None if days is None else datetime.now(UTC) - timedelta(days=days))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("{shown} of {total} recordings").format(shown=shown, total=total)
        if self.refreshed_at is not None:
            text += " · " + self.tr("last refresh {time}").format(
                time=format_datetime(self.refreshed_at))
        self.count_label.setText(text)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def selected_rows(self) -> list[InboxRow]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        return [self.proxy.row_at(index.row()) for index in selection.selectedRows()]

    def current_row(self) -> InboxRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(),
                                                                              QModelIndex()):
            rows = self.selected_rows()
            return rows[0] if rows else None
        return self.proxy.row_at(index.row())

    def select_path(self, path: str) -> bool:
        number = self.proxy.proxy_row_of(path)
        if number is None:
            return False
        self.table.selectRow(number)
        return True

    def _selection_changed(self, *_: Any) -> None:
        row = self.current_row()
        recorder = self.recorders.get(row.recorder_id) if row and row.recorder_id else None
        self.detail.show_row(row, recorder, self.profile.pod_url if self.profile else "",
                             live=not self.offline)
        self._load_preview(row)
        self.update_actions()

    # --- permissions ----------------------------------------------------------------------

    def update_actions(self) -> None:
        """Enable what the server allows now; a disabled action says why in its tooltip."""
        rows = self.selected_rows()
        claimable = [row for row in rows if row.claimable]
        perms = self.permissions
        connected = self.profile is not None and not self.offline and perms is not None
        offline_reason = self.tr("Offline: actions come back when the connection does.")
        no_profile = self.tr("Set up a connection profile first.")

        def set_state(action: QAction, reason: str, enabled_tip: str) -> None:
            action.setEnabled(not reason)
            action.setToolTip(reason or enabled_tip)
            action.setStatusTip(reason or enabled_tip)

        def base_reason() -> str:
            if self.profile is None:
                return no_profile
            if not connected:
                return offline_reason if self.offline else self.tr("Waiting for the first "
                                                                   "refresh.")
            return ""

        reason = base_reason()
        if not reason and not perms.can_claim:
            reason = self.tr("Your Pod account is not staff: Pod lets only staff claim.")
        if not reason and not claimable:
            reason = self.tr("Select a claimable recording (a file Pod has listed and that "
                             "is complete).")
        set_state(self.action_claim, reason, self.tr("Give the selected recordings an owner "
                                                     "(Ctrl+Enter)."))
        reason = base_reason()
        if not reason and not perms.can_claim:
            reason = self.tr("Your Pod account is not staff.")
        set_state(self.action_reassign, reason, self.tr("Change the owner of a claimed video."))
        reason = base_reason()
        if not reason and not perms.can_delete:
            reason = perms.reason
        if not reason and not rows:
            reason = self.tr("Select the recordings to delete.")
        if not reason and any(row.state is RowState.UPLOADING for row in rows):
            reason = self.tr("A selected file is still uploading.")
        set_state(self.action_delete, reason, self.tr("Delete the selected files (Delete)."))
        reason = base_reason()
        if not reason and not perms.can_delete:
            reason = perms.reason
        set_state(self.action_undo, reason, self.tr("Put a quarantined recording back."))
        reason = base_reason()
        if not reason and (self.snapshot is None or self.snapshot.deposit_problem):
            reason = self.tr("The deposit folder is not connected.")
        set_state(self.action_deposit, reason, self.tr(
            "Deposit local video files into a recorder's folder (or drop them on the window)."))

    # --- running actions ------------------------------------------------------------------

    def _run_action(
        self,
        name: str,
        work: Callable[[Actions, ProgressCallback, CancelToken], Any],
        on_result: Callable[[Any], None],
        *,
        need_deposit: bool = False,
    ) -> None:
        """Run ``work`` with the profile's actions in the task runner; the runner's
        ``changed`` then refreshes the rows."""
        profile = self.profile
        if profile is None:
            return

        def task(progress: ProgressCallback, cancel: CancelToken) -> Any:
            from recmanager.actions.opening import open_actions
            from recmanager.ui.dialogs.host_key import ask_host_key

            with open_actions(
                profile, self.context, need_deposit=need_deposit,
                on_unknown_host_key=lambda host, kind, fp: ask_host_key(self, host, kind, fp),
                superuser=self.permissions.superuser if self.permissions else None,
            ) as actions:
                return work(actions, progress, cancel)

        self.runner.submit(name, task, on_result=on_result, on_error=self._action_failed,
                           on_progress=self._progress, changes=profile.name)

    def _action_failed(self, error: BaseException) -> None:
        if isinstance(error, AlreadyClaimed):
            title = self.tr("Claimed by someone else")
        elif isinstance(error, DoneWithWarning):  # the change was made: never "failed"
            title = self.tr("Done, with a warning")
        else:
            title = self.tr("The action failed")
        if isinstance(error, RecmanagerError):
            from recmanager.context import error_hint

            text, hint = error.message, error_hint(error, environment=self._environment)
        else:
            text, hint = str(error), ""
        self.last_error = error
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("ActionFailed")
        if hint:
            box.setInformativeText(hint)
        box.open()
        self.message.emit(text)

    def claim(self) -> None:
        from recmanager.ui.dialogs.claim import ClaimDialog

        if not self.action_claim.isEnabled():
            return
        rows = [row for row in self.selected_rows() if row.claimable]
        me = next((u for u in self.users if self.profile and
                   u.username == self.profile.pod_username), None)
        dialog = ClaimDialog(rows, self.users, me, self)
        self.claim_dialog = dialog
        dialog.accepted.connect(lambda: self._start_claims(dialog))
        dialog.open()

    def _start_claims(self, dialog: Any) -> None:
        owner, kind = dialog.owner_text, dialog.recording_type
        jobs = list(zip(dialog.rows, dialog.titles(), strict=True))

        def work(actions: Actions, progress: ProgressCallback, cancel: CancelToken) -> list[str]:
            messages = []
            for row, title in jobs:
                cancel.check()
                try:
                    result = actions.claim(row.path, owner, title, recording_type=kind,
                                           progress=progress, cancel=cancel)
                except DoneWithWarning as exc:  # done: say so, and go on with the others
                    messages.append(str(exc))
                    continue
                messages.append(result.message)
            return messages

        self._run_action(self.tr("Claiming"), work,
                         lambda messages: self._report(self.tr("Claimed"), messages),
                         need_deposit=False)

    def _report(self, title: str, messages: Sequence[str]) -> QMessageBox:
        text = "\n".join(messages)
        self.last_report = text
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("ActionReport")
        box.open()
        self.report_box = box
        return box

    def reassign(self) -> None:
        from recmanager import audit
        from recmanager.ui.dialogs.reassign import ReassignDialog

        if not self.action_reassign.isEnabled():
            return
        recent = [entry for entry in audit.entries(self.context.db, action="claim", limit=200)
                  if entry.result in ("ok", "warning") and self.profile
                  and entry.profile == self.profile.name]
        moves = bool(self.permissions and self.permissions.superuser)
        dialog = ReassignDialog(self.users, recent, moves_files=moves, parent=self)
        self.reassign_dialog = dialog

        def start() -> None:
            video_id, owner = dialog.video_id, dialog.owner_text
            self._run_action(
                self.tr("Reassigning"),
                lambda actions, _p, cancel: actions.reassign(video_id, owner, cancel=cancel),
                lambda result: self._report(self.tr("Reassigned"), [result.message]),
            )

        dialog.accepted.connect(start)
        dialog.open()

    def delete(self) -> None:
        from recmanager.ui.dialogs.delete import DeleteDialog

        if not self.action_delete.isEnabled():
            return
        rows = self.selected_rows()
        profile = self.profile
        dialog = DeleteDialog(rows, quarantine_available=bool(profile and profile.quarantine_dir),
                              quarantine_days=int(self.context.settings.get("quarantine_days")),
                              parent=self, set_up_quarantine=self.window().set_up_quarantine)
        self.delete_dialog = dialog

        def start() -> None:
            quarantine = dialog.quarantine
            paths = [row.path for row in rows]

            def work(actions: Actions, _p: ProgressCallback, cancel: CancelToken) -> list[Any]:
                results = []
                for path in paths:
                    cancel.check()
                    results.append(actions.delete(path, quarantine=quarantine))
                return results

            self._run_action(self.tr("Deleting"), work, self._deleted, need_deposit=True)

        dialog.accepted.connect(start)
        dialog.open()

    def _deleted(self, results: list[Any]) -> None:
        held = [r.quarantined for r in results if r.quarantined is not None]
        box = self._report(self.tr("Deleted"), [result.message for result in results])
        if held:
            undo = box.addButton(self.tr("Undo"), QMessageBox.ButtonRole.ActionRole)
            undo.clicked.connect(lambda: [self.undo_quarantine(item) for item in held])

    def undo_quarantine(self, held: QuarantinedFile | None = None) -> None:
        """Put back the last quarantined file, or one chosen among those still held."""
        if not self.action_undo.isEnabled() or self.profile is None:
            return
        if held is None:
            from recmanager.actions.undo import undoable_quarantines

            days = int(self.context.settings.get("quarantine_days"))
            choices = undoable_quarantines(self.context.db, self.profile.name, days)
            if not choices:
                self._report(self.tr("Undo"), [self.tr("No quarantined recording to put back.")])
                return
            labels = [self.tr("{file} (quarantined {time})").format(
                file=posixpath.basename(item.original_path),
                time=format_datetime(item.quarantined_at)) for item in choices]
            label, ok = QInputDialog.getItem(self, self.tr("Undo quarantine"),
                                             self.tr("Put back:"), labels, 0, False)
            if not ok:
                return
            held = choices[labels.index(label)]
        chosen = held
        self._run_action(self.tr("Restoring"),
                         lambda actions, _p, _c: actions.undo_quarantine(chosen),
                         lambda message: self._report(self.tr("Restored"), [message]),
                         need_deposit=True)

    def show_audit(self) -> None:
        from recmanager.ui.audit_view import AuditView

        view = AuditView(self.context.db, self)
        self.audit_view = view
        view.open()

    # --- depositing local files -----------------------------------------------------------

    def deposit_folders(self) -> list[str]:
        folders = {r.directory for r in self.recorders.values() if r.directory}
        if self.snapshot is not None:
            folders |= {row.folder for row in self.snapshot.rows if row.recorder_id}
            folders |= set(self.snapshot.folders)
        return sorted(folders, key=str.casefold)

    def choose_files_to_deposit(self) -> None:
        from recmanager.ui.file_dialogs import FolderMemory

        files = FolderMemory(self.context.paths).open_files(
            self, "deposit-upload", self.tr("Deposit recordings"),
            self.tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.ts *.zip);;All files (*)"))
        if files:
            self.deposit_files(files)

    def deposit_files(self, files: Sequence[Path], folder: str | None = None) -> None:
        """Upload local files into a recorder's folder (the one picked in the sidebar, else
        the one the user chooses); they then follow the normal path to claimable."""
        if self.profile is None or not self.action_deposit.isEnabled():
            self.message.emit(self.action_deposit.toolTip())
            return
        if folder is None:
            folder = self.chosen_recorder_folder()
        if folder is None:
            folders = self.deposit_folders()
            if not folders:
                return
            names = {self._folder_label(f): f for f in folders}
            label, ok = QInputDialog.getItem(
                self, self.tr("Deposit recordings"),
                self.tr("Deposit {count} files into the folder of:").format(count=len(files)),
                list(names), 0, False)
            if not ok:
                return
            folder = names[label]
        profile = self.profile
        target = folder

        def work(progress: ProgressCallback, cancel: CancelToken) -> list[str]:
            from recmanager.deposit import open_deposit

            with open_deposit(profile, self.context) as deposit:
                return [deposit.upload(path, target, progress=progress, cancel=cancel).path
                        for path in files]

        def done(paths: list[str]) -> None:
            self._report(self.tr("Deposited"), [self.tr(
                "{count} files are in {folder}; they become claimable once Pod has seen them "
                "complete.").format(count=len(paths), folder=target)])

        self.runner.submit(self.tr("Depositing"), work, on_result=done,
                           on_error=self._action_failed, on_progress=self._progress,
                           changes=profile.name)

    def chosen_recorder_folder(self) -> str | None:
        """The folder of the recorder picked in the sidebar, when its folder is known."""
        name = self.proxy_recorder_filter()
        if name is None:
            return None
        for recorder in self.recorders.values():
            if recorder.name == name and recorder.directory:
                return recorder.directory
        folders = {row.folder for row in self.model.rows
                   if (row.recorder_name or row.folder) == name}
        return folders.pop() if len(folders) == 1 else None

    def _folder_label(self, folder: str) -> str:
        names = [r.name for r in self.recorders.values() if r.directory == folder]
        if not names and self.snapshot is not None:
            names = [row.recorder_name for row in self.snapshot.rows
                     if row.folder == folder and row.recorder_name][:1]
        return f"{names[0]} ({folder})" if names else folder

    # --- preview --------------------------------------------------------------------------

    def _load_preview(self, row: InboxRow | None) -> None:
        if row is None or self.profile is None or row.state is RowState.MISSING:
            self.preview.clear()
            self.detail.preview_note.setText("")
            return
        profile = self.profile
        if profile.preview_base_url and not row.is_zip:
            from recmanager.deposit.stream import preview_url

            # With a public records URL the local stream server is not involved.
            self.preview.load(preview_url(profile, row.path, self._preview_server),
                              title=row.name, key=row.path)
            self.detail.preview_note.setText(self.tr("Played from Pod's preview address."))
            return
        if self.offline and not self._deposit_usable_offline():
            self.preview.clear()
            self.detail.preview_note.setText(self.tr("Offline: no preview."))
            return
        self.detail.preview_note.setText(self.tr("Opening the preview…"))
        wanted = row

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> tuple[str, str]:
            return self._preview_source(profile, wanted)

        def ready(result: tuple[str, str]) -> None:
            current = self.current_row()
            if current is None or current.path != wanted.path:
                return
            url, note = result
            self.detail.preview_note.setText(note)
            self.preview.load(url, title=wanted.name, key=wanted.path)

        def failed(error: BaseException) -> None:
            self.detail.preview_note.setText(self.tr("No preview: {error}").format(error=error))

        self.runner.submit(self.tr("Opening the preview"), work, on_result=ready,
                           on_error=failed)

    def _deposit_usable_offline(self) -> bool:
        """A mounted deposit folder needs no server: its files can still be read."""
        profile = self.profile
        return (profile is not None and profile.deposit_kind == "local"
                and os.access(profile.local_deposit, os.R_OK | os.X_OK))

    def _prepare_preview(self) -> None:
        """Open the preview's SFTP connection (its channels, the deposit root resolved) once
        the deposit has answered, so that the first preview does not wait for it."""
        profile = self.profile
        if (profile is None or profile.deposit_kind != "sftp" or profile.preview_base_url
                or self._preview_deposit is not None):
            return

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> None:
            from recmanager.deposit.stream import PREFETCH_READERS

            if self.profile is profile:  # not changed meanwhile
                self._preview_connection(profile)[0].prepare_reads(PREFETCH_READERS)

        # A failure is told by the preview that needs the connection, not here.
        self.runner.submit(self.tr("Opening the preview"), work, on_error=lambda _error: None)

    def _preview_connection(self, profile: Profile) -> tuple[Deposit, Any]:
        """The preview's own deposit connection and stream server, opened on first use."""
        from recmanager.deposit import open_deposit
        from recmanager.deposit.stream import PreviewServer

        with self._preview_lock:
            if self._preview_deposit is None:
                self._preview_deposit = open_deposit(profile, self.context)
                opened = self._preview_deposit
                self._preview_server = PreviewServer(
                    lambda key: open_preview_source(opened, key))
            return self._preview_deposit, self._preview_server

    def _preview_source(self, profile: Profile, row: InboxRow) -> tuple[str, str]:
        """(URL, note) for a row; runs in a worker (it may open the SFTP connection)."""
        deposit, server = self._preview_connection(profile)
        if not row.is_zip:
            return server.url_for(row.path), ""
        with deposit.open_read(row.path) as stream:
            content = inspect_zip(stream)
        if content.video_member is None:
            raise RecmanagerError(self.tr("this zip holds no video."))
        note = self.tr("Video {member} of the zip; {count} slides.").format(
            member=content.video_member, count=content.slides)
        if content.video_offset is not None:
            return server.url_for(member_key(row.path, content.video_member)), note
        target = extract_zip_video(deposit, row.path, self.context.paths.cache_dir / "zip-preview")
        return target.as_uri(), note + " " + self.tr("(compressed in the zip: copied out first)")

    def _close_preview_source(self) -> None:
        self.preview.clear()
        with self._preview_lock:
            self._close_preview_connection()

    def _close_preview_connection(self) -> None:
        if self._preview_server is not None:
            self._preview_server.close()
            self._preview_server = None
        if self._preview_deposit is not None:
            self._preview_deposit.close()
            self._preview_deposit = None

    def _duration_known(self, path: str, seconds: float) -> None:
        number = self.model.row_number(path)
        if number is None:
            return
        row = self.model.row_at(number)
        if row.duration is not None and abs(row.duration - seconds) < 0.5:
            return
        self.model.replace_row(replace(row, duration=seconds))
        if self.profile is not None:
            remember_duration(self.context.db, self.profile.name, path, seconds)

    def shutdown(self) -> None:
        self.timer.stop()
        self.offline_retry.succeeded()  # no attempt after the window is gone
        self._closed = True
        self._refresh_again = False
        self.preview.shutdown()
        self._close_preview_source()
