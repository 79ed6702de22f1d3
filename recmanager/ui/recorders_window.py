"""The recorders window: every recorder with its mode, the notify key, the set-up sheet,
the editor and the sanity panel.

All server work runs through the task runner on one :class:`RecorderService` (REST plus,
when the profile has a web login, the admin session); the table is rebuilt from what the
server said, never from what a dialog thinks it saved.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recmanager.config import Profile
from recmanager.context import ENV_PROFILE, AppContext
from recmanager.errors import DoneWithWarning, RecmanagerError
from recmanager.pod.model import VideoType
from recmanager.recorders.model import RecorderFields, RecorderInfo
from recmanager.recorders.sanity import (
    MANUAL_CLAIMING,
    CheckReport,
    Finding,
    apply_fix,
    deposit_scanner,
    manual_claiming,
    run_checks,
)
from recmanager.recorders.saving import SaveReport, audit_partial_save, audit_save, audit_unsaved
from recmanager.recorders.service import RecorderService
from recmanager.ui.column_widths import shrink_to_fit
from recmanager.ui.icons import themed_icon
from recmanager.ui.notify_panel import NotifyPanel
from recmanager.ui.recorders_table import (
    FOLDER,
    IP,
    NAME,
    ObjectRole,
    RecordersModel,
    SortProxy,
    SortRole,
)
from recmanager.ui.tasks import TaskRunner

DEFAULT_SIZE = (1320, 680)
MIN_COLUMN = 56  # narrowest a column gets to keep every column in view
KEPT_WHOLE = (NAME, IP, FOLDER)  # what a row is looked for by and what a device is set to
FRAME_ALLOWANCE = 40  # the window manager's borders and title bar, which resize() leaves out


class RecordersWindow(QMainWindow):
    """Recorders of one profile."""

    def __init__(self, context: AppContext, profile: Profile, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        self.runner = runner
        self._service: RecorderService | None = None
        self._service_lock = threading.Lock()  # held for a whole task: see using_service
        self.video_types: list[VideoType] = []
        self.last_report: SaveReport | None = None
        self.setObjectName("RecordersWindow")
        self.setWindowTitle(self.tr("Recorders — {profile}").format(profile=profile.name))
        self._build()
        self._state = QSettings(str(context.paths.config_dir / "window.ini"),
                                QSettings.Format.IniFormat)
        geometry = self._state.value("recorders/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if not isinstance(geometry, QByteArray) or (self.screen() is not None and not (
                self.screen().availableGeometry().contains(self.frameGeometry()))):
            self.fit_to(self.screen().availableGeometry() if self.screen() else None)
        splitter = self._state.value("recorders/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def fit_to(self, available: QRect | None) -> None:
        """The default size, within the screen: the side pane whole, the table the rest."""
        width, height = DEFAULT_SIZE
        if available is not None:  # room for the window's frame, which the size leaves out
            width = min(width, available.width() - FRAME_ALLOWANCE)
            height = min(height, available.height() - FRAME_ALLOWANCE)
        self.resize(width, height)
        pane = max(self.tabs.minimumSizeHint().width(), self.tabs.sizeHint().width(), 360)
        self.splitter.setSizes([max(width - pane, 200), pane])

    # --- layout ---------------------------------------------------------------------------

    def _action(self, text: str, icon: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        self._build_toolbar()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self._build_messages(layout)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("RecordersSplitter")
        self._build_table()
        self._build_tabs()
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._fit_columns()  # the headers whole before the first answer too
        self._selection_changed()

    def _build_toolbar(self) -> None:
        self.action_refresh = self._action(self.tr("Refresh"), "view-refresh", self.refresh,
                                           QKeySequence.StandardKey.Refresh)
        self.action_new = self._action(self.tr("New recorder…"), "list-add",
                                       lambda: self.create_recorder(""),
                                       QKeySequence.StandardKey.New)
        self.action_edit = self._action(self.tr("Edit…"), "document-properties",
                                        self.edit_selected, "Return")
        self.action_sheet = self._action(self.tr("Set-up sheet…"), "document-print",
                                         self.show_sheet, QKeySequence.StandardKey.Print)
        toolbar = QToolBar(self.tr("Recorders"), self)
        toolbar.setObjectName("RecordersToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.action_refresh, self.action_new, self.action_edit,
                       self.action_sheet):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_messages(self, layout: QVBoxLayout) -> None:
        """The banner (no web session) and the last save's report, above the table."""
        self.banner = QLabel(self)
        self.banner.setObjectName("web_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.save_report = QLabel(self)
        self.save_report.setObjectName("save_report")
        self.save_report.setWordWrap(True)
        self.save_report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_report.hide()
        layout.addWidget(self.save_report)

    def _build_table(self) -> None:
        self.model = RecordersModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("recorders_table")
        self.table.setAccessibleName(self.tr("Recorders"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a wrapped cell was cut without a sign; "…" shows it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Qt's headers clip a title too wide without a sign; "…" says there is more.
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)

    def _build_tabs(self) -> None:
        """The side pane: the notify key and the sanity checks."""
        self.tabs = QTabWidget(self.splitter)
        self.notify_panel = NotifyPanel(self)
        self.tabs.addTab(self.notify_panel, self.tr("Notify key"))
        from recmanager.ui.sanity_panel import SanityPanel

        self.sanity_panel = SanityPanel(self.runner, self._run_checks, self._apply_fix, self,
                                        manual_claiming=manual_claiming(self.profile),
                                        changes=self.profile.name)
        self.sanity_panel.manual_claiming_changed.connect(self._set_manual_claiming)
        self.sanity_panel.create_requested.connect(self.create_recorder)
        self.sanity_panel.edit_requested.connect(self.edit_recorder)
        self.sanity_panel.fixed.connect(lambda _message: self.refresh())
        self.tabs.addTab(self.sanity_panel, self.tr("Sanity checks"))

    def _fit_columns(self) -> None:
        """Every column in view: the descriptions give way (down to their header's width)
        and their cells end in "…", whole in their tooltip; the name, address and folder
        that identify a recorder stay whole."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        columns = range(self.model.columnCount())
        widths = [min(self.table.columnWidth(column), 180) for column in columns]
        floors = [widths[column] if column in KEPT_WHOLE
                  else min(header.sectionSizeFromContents(column).width(), widths[column])
                  for column in columns]
        # Before the window is shown the table has no width of its own yet: no shrinking.
        room = self.table.viewport().width() if self.table.isVisible() else sum(widths)
        # Down to the headers' widths first, then (long translated headers) below them,
        # the headers too ending in "…" with their whole text as tooltip; on a screen too
        # small for that, the address and folder give way last.
        for floor in (floors, [widths[c] if c in KEPT_WHOLE else MIN_COLUMN for c in columns],
                      [widths[NAME] if c == NAME else MIN_COLUMN for c in columns]):
            widths = shrink_to_fit(widths, floor, room)
        for column, width in zip(columns, widths, strict=True):
            self.table.setColumnWidth(column, width)

    # --- the service ----------------------------------------------------------------------

    @contextmanager
    def using_service(self) -> Iterator[RecorderService]:
        """The window's service, for one task at a time (its HTTP sessions are not shared
        between threads); opened on first use, in a worker, as the web login is a request."""
        with self._service_lock:
            if self._service is None:
                self._service = RecorderService.open(self.profile, self.context.secrets)
            yield self._service

    @contextmanager
    def _deposit_and_service(self) -> Iterator[tuple[Any, RecorderService]]:
        """The profile's deposit (unknown SSH host keys asked on the GUI thread) and the
        service, for a sanity task."""
        from recmanager.deposit import open_deposit
        from recmanager.ui.dialogs.host_key import ask_host_key

        def ask(host: str, kind: str, fingerprint: str) -> str:
            return ask_host_key(self, host, kind, fingerprint)

        with open_deposit(self.profile, self.context, on_unknown_host_key=ask) as deposit, \
                self.using_service() as service:
            yield deposit, service

    def _run_checks(self) -> CheckReport:
        with self._deposit_and_service() as (deposit, service):
            return run_checks(service, deposit,
                              scanner=deposit_scanner(self.context, self.profile))

    def _apply_fix(self, finding: Finding) -> str:
        with self._deposit_and_service() as (deposit, service):
            return apply_fix(finding, service, deposit, db=self.context.db,
                             quarantine_dir=self.profile.quarantine_dir)

    def _set_manual_claiming(self, allowed: bool | None) -> None:
        """Remember the server's setting in the profile (not for one built from RECMANAGER_*)."""
        if allowed is None:
            self.profile.extra.pop(MANUAL_CLAIMING, None)
        else:
            self.profile.extra[MANUAL_CLAIMING] = allowed
        if self.profile.name != ENV_PROFILE:
            self.context.profiles.save(self.profile, make_current=False)
        self.sanity_panel.run_checks()

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.statusBar().showMessage(self.tr("Loading the recorders…"))
        self.action_refresh.setEnabled(False)

        def load(progress: Any, cancel: Any) -> tuple[list[RecorderInfo], list[VideoType], str]:
            with self.using_service() as service:
                recorders = service.load()
                types = service.client.video_types()
                return recorders, types, "" if service.web_available else service.web_reason

        self.runner.submit("load-recorders", load, on_result=self._loaded,
                           on_error=self._load_failed)

    def _loaded(self, result: tuple[list[RecorderInfo], list[VideoType], str]) -> None:
        recorders, types, reason = result
        self.action_refresh.setEnabled(True)
        selected = self.selected()
        self.video_types = types
        self.model.set_recorders(recorders)
        self._fit_columns()
        if reason:
            self.banner.setText(self.tr(
                "The hash key, folder, manager, video type and mode are unavailable: {reason}. "
                "Add a Pod superuser login and password to the profile to see and change "
                "them.").format(reason=reason))
            self.banner.show()
        else:
            self.banner.hide()
        self.statusBar().showMessage(self.tr("Recorders: %n.", "", len(recorders)), 5000)
        self.select(selected.id if selected else None)

    def _load_failed(self, error: BaseException) -> None:
        self.action_refresh.setEnabled(True)
        text = str(error) if isinstance(error, RecmanagerError) else repr(error)
        self.statusBar().showMessage(self.tr("Loading failed: {error}").format(error=text))

    # --- selection ------------------------------------------------------------------------

    def selected(self) -> RecorderInfo | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def select(self, recorder_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NAME)
            if recorder_id is not None and index.data(ObjectRole).id == recorder_id:
                self.table.setCurrentIndex(index)
                return
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, NAME))
        self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        recorder = self.selected()
        self.action_edit.setEnabled(recorder is not None)
        self.action_sheet.setEnabled(recorder is not None and recorder.web_available)
        self.notify_panel.show_recorder(recorder)

    # --- editing --------------------------------------------------------------------------

    def _editor(self, recorder: RecorderInfo | None, preset_folder: str = "") -> Any:
        from recmanager.ui.dialogs.recorder_editor import RecorderEditor

        def save(draft: RecorderFields, manager: str, additional: list[str]) -> SaveReport:
            target = recorder.name if recorder else draft.name
            with audit_unsaved(self.context.db, self.profile, target,
                               creating=recorder is None), self.using_service() as service:
                if service.web_available:
                    draft = service.with_users(draft, manager, additional)
                try:
                    report = service.save(recorder, draft, db=self.context.db)
                except DoneWithWarning as exc:
                    if recorder is not None:
                        audit_partial_save(self.context.db, self.profile, recorder, exc)
                    raise
            audit_save(self.context.db, self.profile, report)
            return report

        web_available = all(r.web_available for r in self.model.recorders) and (
            not self.banner.isVisible())
        reason = self.model.recorders[0].web_unavailable_reason if self.model.recorders else ""
        editor = RecorderEditor(
            recorder=recorder, existing=self.model.recorders, video_types=self.video_types,
            web_available=web_available, web_reason=reason, runner=self.runner, save=save,
            preset_folder=preset_folder, parent=self, changes=self.profile.name)
        editor.accepted.connect(lambda: self._saved(editor.report))
        return editor

    def _saved(self, report: SaveReport | None) -> None:
        if report is None:
            return
        self.last_report = report
        self.save_report.setText(report.summary())
        self.save_report.setStyleSheet("" if report.ok else "color: #b00020;")
        self.save_report.show()
        self.refresh()
        if report.after is not None:
            self.select(report.after.id)

    def edit_selected(self) -> None:
        recorder = self.selected()
        if recorder is not None:
            self._editor(recorder).open()

    def edit_recorder(self, recorder_id: int) -> None:
        for recorder in self.model.recorders:
            if recorder.id == recorder_id:
                self.select(recorder_id)
                self._editor(recorder).open()
                return

    def create_recorder(self, folder: str = "") -> None:
        self._editor(None, folder).open()

    def show_sheet(self) -> None:
        from recmanager.ui.setup_sheet import SetupSheetDialog

        recorder = self.selected()
        if recorder is not None and recorder.web_available:
            SetupSheetDialog(self.profile, recorder, self).open()

    # --- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.setValue("recorders/geometry", self.saveGeometry())
        self._state.setValue("recorders/splitter", self.splitter.saveState())
        self._state.sync()
        with self._service_lock:
            if self._service is not None:
                self._service.close()
                self._service = None
        super().closeEvent(event)
