"""The recordings screen's layout: the offline banner, the recorder sidebar, the filters,
the table and the detail pane with the player. Its behaviour lives beside it, one module
per concern: ``actions``, ``depositing``, ``refresh``, ``filters``, ``columns``,
``preview_source``, ``inspections``.

Everything shown comes from a :class:`recmanager.inbox.refresh.Snapshot` (or the cached copy
when offline); every server call runs through the task runner.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recmanager.inbox.rows import InboxRecorder, InboxRow
from recmanager.ui.inbox.actions import InboxActions
from recmanager.ui.inbox.columns import SIDEBAR_FIRST_WIDTH, InboxColumns
from recmanager.ui.inbox.depositing import InboxDepositing
from recmanager.ui.inbox.filters import InboxFilters
from recmanager.ui.inbox.inspections import InboxInspections
from recmanager.ui.inbox.model import COL_DEPOSITED, COL_FILE, InboxModel, InboxProxy
from recmanager.ui.inbox.preview_source import InboxPreview
from recmanager.ui.inbox.refresh import InboxRefresh
from recmanager.ui.retry import OfflineRetry
from recmanager.ui.tasks import TaskRunner

# Server-side modules are imported when an action runs, so the window shows quickly.
if TYPE_CHECKING:
    from recmanager.actions.permissions import Permissions
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit.base import Deposit
    from recmanager.inbox.refresh import Snapshot
    from recmanager.pod.model import User
    from recmanager.ui.inbox.detail import DetailPane
    from recmanager.ui.preview import PreviewWidget


# How the recordings table and the detail pane share the height the window gives or takes.
TABLE_STRETCH = 3
DETAIL_STRETCH = 2


# Each mixed-in class is its own translation context: PySide's tr() tries every class of the
# MRO, so a string lupdate files under InboxActions is found for an InboxPanel.
class InboxPanel(
    InboxActions, InboxDepositing, InboxPreview, InboxRefresh, InboxInspections, InboxFilters,
    InboxColumns, QWidget,
):
    """The central area of the main window."""

    rest_state = Signal(object, str)  # ChannelState, detail
    sftp_state = Signal(object, str)
    message = Signal(str)
    refreshed = Signal()
    inspected = Signal(object)  # an Inspection, sent from the inspection pass's threads
    package_requested = Signal(object)  # the InboxRow to package (the window owns the jobs)

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None, *,
        style_margins: tuple[int, int, int] | None = None,
    ) -> None:
        """``style_margins``: the style's margins as a previous start measured them (see
        :mod:`recmanager.ui.inbox.columns`); asked of the style when None."""
        super().__init__(parent)
        self.setObjectName("InboxPanel")
        self.style_margins_used = style_margins
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
        self._sidebar_fit_pending = False  # rows came before the panel showed
        self._preview_deposit: Deposit | None = None
        self._preview_server: Any = None
        self._preview_lock = threading.Lock()
        self._build()
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.runner.changed.connect(self._server_changed)
        self.inspected.connect(self._inspection_arrived)
        self.offline_retry = OfflineRetry(self.refresh, self)
        self.apply_refresh_interval()
        self.update_actions()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._build_banner())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("InboxSplitter")
        self._build_sidebar(self.splitter)
        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.center_splitter.setObjectName("InboxCenterSplitter")
        self.center_splitter.setChildrenCollapsible(False)
        center = QWidget(self.center_splitter)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addLayout(self._build_filters(center))
        center_layout.addWidget(self._build_table(center), 1)
        self.count_label = QLabel(center)
        self.count_label.setObjectName("InboxCount")
        center_layout.addWidget(self.count_label)

        # The detail pane and its player come just after the recordings are painted (see
        # ``detail``); until then an empty widget holds their place in the splitter.
        self._detail: DetailPane | None = None
        self._detail_placeholder = QWidget(self.center_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDEBAR_FIRST_WIDTH, 1200 - SIDEBAR_FIRST_WIDTH])
        self.center_splitter.setStretchFactor(0, TABLE_STRETCH)
        self.center_splitter.setStretchFactor(1, DETAIL_STRETCH)
        self.center_splitter.setSizes([290, 210])
        outer.addWidget(self.splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.state_combo.currentIndexChanged.connect(self._state_filter_changed)
        self.date_combo.currentIndexChanged.connect(self._date_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.claim())
        self.table.installEventFilter(self)

    def _build_banner(self) -> QFrame:
        """The offline banner, hidden until a refresh fails."""
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
        return self.banner

    def _build_table(self, center: QWidget) -> QTableView:
        """The recordings table over the model and its sorting, filtering proxy."""
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
        # A 16:9 thumbnail as tall as the text, beside each file name.
        thumbnail = QSize(self.fontMetrics().height() * 16 // 9, self.fontMetrics().height())
        self.table.setIconSize(thumbnail)
        self.model.set_icon_size(thumbnail)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        self._fitting_columns = False
        self._resized_by_hand: set[int] = set()
        header.sectionResized.connect(self._column_resized)
        header.sortIndicatorChanged.connect(lambda *_: self._fit_columns())
        self._fit_columns()
        return self.table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sidebar_fit_pending:
            self._sidebar_fit_pending = False
            self._fit_sidebar()

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
        if row is not None or self._detail is not None:  # a new pane shows no row already
            recorder = self.recorders.get(row.recorder_id) if row and row.recorder_id else None
            self.detail.show_row(row, recorder, self.profile.pod_url if self.profile else "",
                                 live=not self.offline)
            if row is not None:
                self.detail.show_inspection(self.model.with_sheet(row))
            self._load_preview(row)
        self.update_actions()

    @property
    def detail(self) -> DetailPane:
        """The detail pane with the player, built once the recordings are on screen (its
        modules and widgets take ~8 ms) or when first needed, in the place kept for it."""
        if self._detail is None:
            from recmanager.ui.inbox.detail import DetailPane

            detail = DetailPane()
            detail.setSizePolicy(self._detail_placeholder.sizePolicy())  # the splitter's stretch
            self.center_splitter.replaceWidget(
                self.center_splitter.indexOf(self._detail_placeholder), detail)
            self._detail_placeholder.deleteLater()
            detail.preview.duration_known.connect(self._duration_known)
            self._detail = detail
        return self._detail

    @property
    def preview(self) -> PreviewWidget:
        return self.detail.preview

    def shutdown(self) -> None:
        self.timer.stop()
        self.offline_retry.succeeded()  # no attempt after the window is gone
        self._closed = True
        self._refresh_again = False
        self.stop_inspections()
        if self._detail is not None:
            self._detail.preview.shutdown()
        self._close_preview_source()
