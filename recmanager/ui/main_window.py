"""The main window: toolbar, recordings view, jobs dock, connection state per channel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from recmanager import __version__
from recmanager.config import Profile
from recmanager.context import AppContext
from recmanager.errors import RecmanagerError
from recmanager.ui.icons import themed_icon
from recmanager.ui.status import ChannelIndicator

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QDockWidget

    from recmanager.inbox.rows import InboxRow
    from recmanager.progress import CancelToken, ProgressCallback
    from recmanager.ui.inbox.panel import InboxPanel
    from recmanager.ui.jobs_panel import JobsPanel
    from recmanager.ui.notifications import Notifier
    from recmanager.ui.tasks import TaskRunner

log = logging.getLogger("recmanager.ui")

# What the first screen is built with never touches PySide's ``Qt`` namespace: its first use
# makes PySide create the namespace's hundred-odd Python enums, some 20 ms that would
# delay the first paint. Hence QAction.setShortcuts (setShortcut's overloads reach the
# namespace), the tool bar's style set as a property, and the jobs dock (its area is a
# ``Qt`` enum) added after the first paint.
TOOL_BUTTON_ICON_ONLY = 0  # Qt::ToolButtonIconOnly
TOOL_BUTTON_TEXT_BESIDE_ICON = 2  # Qt::ToolButtonTextBesideIcon
STATUS_MESSAGE_GAP = 24  # the status bar's margin and a space before the profile's name
LONG_MESSAGE_MS = 10_000  # how long a shortened message stays (its full text as tooltip)
DEFERRED_LATEST_MS = 250  # deferred start-up work runs by then even if nothing is painted
JOBS_DOCK_SHARE = 4  # the jobs dock's first height: a quarter of the window's
# The inbox's splitters in window.ini ("splitter" held the former three-pane layout).
SPLITTER_KEYS = (("inbox/splitter", "splitter"), ("inbox/center", "center_splitter"))
# The style's margins as the last start measured them: the inbox's first columns use them.
STYLE_MARGINS_KEY = "inbox/style_margins"


def _import_job_modules(_progress: ProgressCallback, _cancel: CancelToken) -> None:
    """The modules of the jobs dock that are not Qt: the packaging (with SQLAlchemy and the
    store) and its webhook (with requests)."""
    import recmanager.packaging.webhook  # noqa: F401


class MainWindow(QMainWindow):
    settings_changed = Signal(list)  # keys of the settings the user just changed

    def __init__(
        self,
        context: AppContext,
        *,
        profile_name: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self._started = False
        self._inbox_painted = False
        self.context = context
        self._runner = runner
        self.profile: Profile | None = None
        self.setWindowTitle(self.tr("recmanager"))
        self.setObjectName("MainWindow")
        self._build_actions()
        self._build_central()
        self._build_docks()
        self._build_status_bar()
        self._window_state = QSettings(
            str(context.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        self._restore_state()
        self._notifier: Notifier | None = None
        self._load_profile(profile_name)

    # --- construction ---------------------------------------------------------------------

    @property
    def runner(self) -> TaskRunner:
        """Runs core work off the GUI thread; made on first use, after the first paint."""
        if self._runner is None:
            from recmanager.ui.tasks import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    def _action(
        self, text: str, icon: str, slot, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.action_refresh = self._action(
            self.tr("Refresh"), "view-refresh", self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.action_profiles = self._action(
            self.tr("Connection profiles…"), "network-server", self.edit_profiles
        )
        self.action_quit = self._action(
            self.tr("Quit"), "application-exit", self.close, QKeySequence.StandardKey.Quit
        )
        self.action_about = self._action(self.tr("About recmanager"), "help-about", self.about)
        self.action_settings = self._action(
            self.tr("Settings…"), "preferences-system", self.edit_settings, "Ctrl+,"
        )
        self.action_recorders = self._action(
            self.tr("Recorders"), "camera-video", self.open_recorders, "Ctrl+Shift+R"
        )
        self.action_package = self._action(
            self.tr("Package a file…"), "package-x-generic", self.package_file
        )
        self.action_bulk = self._action(
            self.tr("Bulk assignment…"), "x-office-spreadsheet", self.open_bulk, "Ctrl+Shift+B"
        )
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("MainToolbar")
        toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self._add_tool(self.action_refresh)
        self._add_tool(self.action_recorders)
        for secondary in (self.action_profiles, self.action_package, self.action_bulk):
            self._add_tool(secondary, icon_only=True)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.action_profiles)
        file_menu.addAction(self.action_settings)
        file_menu.addAction(self.action_package)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.action_refresh)
        self.view_menu.addAction(self.action_recorders)
        self.view_menu.addAction(toolbar.toggleViewAction())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_shortcuts = self._action(
            QCoreApplication.translate("shortcuts", "Keyboard shortcuts…"), "input-keyboard",
            self.show_shortcuts,
        )
        self.action_shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        help_menu.addAction(self.action_shortcuts)
        self.addAction(self.action_shortcuts)
        help_menu.addAction(self.action_about)

    def _add_tool(self, action: QAction, *, icon_only: bool = False) -> None:
        """An action on the tool bar; a secondary one as an icon, its words in the tooltip,
        so that the whole bar fits the default width in every language."""
        self.toolbar.addAction(action)
        if icon_only:
            button = self.toolbar.widgetForAction(action)
            button.setProperty("toolButtonStyle", TOOL_BUTTON_ICON_ONLY)  # tooltip: the text

    def _build_central(self) -> None:
        """An empty central area and Recordings menu, filled by :attr:`inbox`."""
        from PySide6.QtWidgets import QMenu, QWidget

        self.setCentralWidget(QWidget(self))
        self.recordings_menu = QMenu(self.tr("&Recordings"), self)
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.recordings_menu)
        self._inbox: InboxPanel | None = None
        # The style's margins as the state file kept them (None: not kept, or nonsense).
        self._kept_style_margins: tuple[int, int, int] | None = None

    @property
    def notifier(self) -> Notifier:
        """The tray icon and the desktop notifications, set up just after the window shows."""
        if self._notifier is None:
            from recmanager.ui.notifications import Notifier

            self._notifier = Notifier(self, self.context.settings, self.runner)
            if self._inbox is not None:
                self._notifier.watch_inbox(self._inbox)
        return self._notifier

    @property
    def inbox(self) -> InboxPanel:
        """The recordings inbox (sidebar, table, detail pane with the player), built just
        after the window shows: its modules and widgets would delay the first paint."""
        if self._inbox is None:
            from recmanager.ui.inbox.columns import read_style_margins
            from recmanager.ui.inbox.panel import InboxPanel

            self._kept_style_margins = read_style_margins(
                self._window_state.value(STYLE_MARGINS_KEY))
            inbox = self._inbox = InboxPanel(self.context, self.runner, self,
                                             style_margins=self._kept_style_margins)
            self.setCentralWidget(inbox)
            for action in (inbox.action_claim, inbox.action_reassign, inbox.action_delete):
                self._add_tool(action)
            self._add_tool(inbox.action_audit, icon_only=True)
            self._fill_recordings_menu(inbox)
            self.setAcceptDrops(True)
            self._connect_inbox(inbox)
            if self._notifier is not None:  # else the notifier watches it when it comes
                self._notifier.watch_inbox(inbox)
            for key, splitter in SPLITTER_KEYS:
                state = self._window_state.value(key)
                if isinstance(state, QByteArray):
                    getattr(inbox, splitter).restoreState(state)
        return self._inbox

    def _fill_recordings_menu(self, inbox: InboxPanel) -> None:
        menu = self.recordings_menu
        for action in (inbox.action_claim, inbox.action_reassign, inbox.action_delete,
                       inbox.action_undo):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(inbox.action_package)
        menu.addAction(inbox.action_deposit)
        menu.addAction(inbox.action_find)
        menu.addAction(inbox.action_audit)
        menu.addAction(self.action_bulk)

    def _connect_inbox(self, inbox: InboxPanel) -> None:
        inbox.rest_state.connect(self.rest_indicator.set_state)
        inbox.sftp_state.connect(self.sftp_indicator.set_state)
        inbox.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        inbox.package_requested.connect(self.package_recording)
        self.settings_changed.connect(self._inbox_settings_changed)

    def _inbox_settings_changed(self, keys: list[str]) -> None:
        if "refresh_interval_s" in keys:
            self.inbox.apply_refresh_interval()

    def dragEnterEvent(self, event) -> None:
        """Local video files dropped on the window are deposited (see dropEvent)."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        from pathlib import Path

        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [path for path in files if path.is_file()]
        if files:
            event.acceptProposedAction()
            self.inbox.deposit_files(files)

    def _build_docks(self) -> None:
        """The Jobs menu; the jobs dock itself comes with :attr:`jobs_dock`."""
        from PySide6.QtWidgets import QMenu

        # The dock's tool bar takes no keyboard focus: its actions are in a menu too.
        self.jobs_menu = QMenu(self.tr("&Jobs"), self)
        self.jobs_menu.addAction(self.action_package)
        self.jobs_menu.addSeparator()
        help_menu_action = self.menuBar().actions()[-1]
        self.menuBar().insertMenu(help_menu_action, self.jobs_menu)
        self._jobs_dock: QDockWidget | None = None
        self._jobs_dock_placed = False  # by the window's saved layout
        self._jobs_panel: JobsPanel | None = None

    @property
    def jobs_dock(self) -> QDockWidget:
        """The jobs dock, where the window's saved state had it (at the bottom the first
        time), added just after the window shows."""
        if self._jobs_dock is None:
            from PySide6.QtWidgets import QDockWidget

            dock = QDockWidget(self.tr("Jobs"), self)
            dock.setObjectName("JobsDock")
            self._jobs_dock_placed = self.restoreDockWidget(dock)
            if not self._jobs_dock_placed:
                from PySide6.QtCore import Qt

                self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.view_menu.addAction(dock.toggleViewAction())
            self._jobs_dock = dock
        return self._jobs_dock

    @property
    def jobs_panel(self) -> JobsPanel:
        """The jobs dock's content, built just after the window shows: it needs the
        database and the packaging modules, which would delay the first paint."""
        if self._jobs_panel is None:
            from recmanager.ui.jobs_panel import JobsPanel

            panel = JobsPanel(self.context, self.runner, self,
                              profile=self.profile.name if self.profile else None)
            self.jobs_dock.setWidget(panel)
            state = self._window_state.value("state")
            if self._jobs_dock_placed and isinstance(state, QByteArray):
                # The saved height was applied to the dock as it was when restored: empty,
                # beside an empty central widget. Once the jobs list and the recordings are
                # in, the layout shares the height by their size hints (the dock got ~45 %
                # of it); the window's state, restored again now, gives back the saved one.
                self.restoreState(state)
            if not self._jobs_dock_placed:
                from PySide6.QtCore import Qt

                # The recordings get most of the height; a person's own sizes are kept.
                self.resizeDocks([self.jobs_dock], [self.height() // JOBS_DOCK_SHARE],
                                 Qt.Orientation.Vertical)
            for action in (panel.action_cancel, panel.action_retry, panel.action_open,
                           panel.action_copy, panel.action_remove):
                self.jobs_menu.addAction(action)
            panel.job_finished.connect(self.notifier.job_finished)
            self._jobs_panel = panel
        return self._jobs_panel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            # A window system that never paints this window still gets the deferred work.
            QTimer.singleShot(DEFERRED_LATEST_MS, self, self._after_start)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            # What the first screen does not need (the inbox, the tray icon, the jobs dock)
            # is built once the window has been painted: a person sees it at once.
            QTimer.singleShot(0, self, self._after_start)

    def _after_start(self) -> None:
        if self._started:
            return
        self._started = True
        # The recordings inbox with its cached rows (read without loading SQLAlchemy): what
        # a person came for, painted on the next turn of the event loop.
        self.inbox  # noqa: B018 - builds the recordings inbox
        if self.profile is not None:
            self.inbox.set_profile(self.profile, inspections_now=False)
        # The window's next update request paints the inbox: the rest comes after it. (Not
        # a filter on the table's viewport: wrapping that widget costs PySide ~10 ms.)
        self.installEventFilter(self)
        # A window system that never paints the window still gets the rest.
        QTimer.singleShot(DEFERRED_LATEST_MS, self, self._after_inbox)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.UpdateRequest:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._after_inbox)  # once this update's paint is done
        return super().eventFilter(watched, event)

    def _after_inbox(self) -> None:
        """What comes once the recordings are painted: the detail pane and its player, the
        tray icon, the jobs dock, the refresh from the servers, then the jobs dock's content."""
        if self._inbox_painted:
            return
        self._inbox_painted = True
        self.inbox.detail  # noqa: B018 - builds the detail pane and its player
        self._keep_style_margins()
        self.notifier  # noqa: B018 - shows the tray icon
        self.jobs_dock  # noqa: B018 - adds the (still empty) jobs dock
        if self.profile is not None:
            self.inbox.load_inspections()
            self.refresh()
        # The jobs dock needs the database layer and the packaging modules (~0.2 s to
        # import): they load on a worker, so the window answers a person meanwhile.
        self.runner.submit(self.tr("Loading the jobs"), _import_job_modules,
                           on_result=self._job_modules_imported,
                           on_error=self._job_modules_imported)

    def _job_modules_imported(self, _outcome: object = None) -> None:
        """The dock's content is built next (a failed import fails there again, and is said
        there). Not called once the window is gone: the task's signals are connected to its
        methods."""
        QTimer.singleShot(0, self, self._build_jobs_panel)

    def _keep_style_margins(self) -> None:
        """The style's margins, checked now the recordings are painted, kept for the next
        start (the state file is written only when they changed)."""
        margins = self.inbox.check_style_margins()
        if margins != self._kept_style_margins:
            self._window_state.setValue(STYLE_MARGINS_KEY, list(margins))
            self._kept_style_margins = margins

    def _build_jobs_panel(self) -> None:
        """The dock's content: a database that cannot be read is said there, as in the
        inbox, and the window still starts. The window is then complete."""
        from recmanager.ui.launch import start_complete

        try:
            self.jobs_panel  # noqa: B018 - builds the dock's content
        finally:
            start_complete()

    def _build_status_bar(self) -> None:
        self.profile_label = QLabel()
        self.rest_indicator = ChannelIndicator("REST")
        self.sftp_indicator = ChannelIndicator("SFTP")
        bar = self.statusBar()
        bar.addPermanentWidget(self.profile_label)
        bar.addPermanentWidget(self.rest_indicator)
        bar.addPermanentWidget(self.sftp_indicator)
        bar.messageChanged.connect(self._fit_status_message)

    def _fit_status_message(self, text: str) -> None:
        """A long message (a path) shortened in its middle, clear of the profile's name."""
        from PySide6.QtCore import Qt

        bar = self.statusBar()
        room = self.profile_label.geometry().left() - STATUS_MESSAGE_GAP
        metrics = bar.fontMetrics()
        if not text:
            bar.setToolTip("")
        elif room > 0 and metrics.horizontalAdvance(text) > room:
            bar.setToolTip(text)
            bar.showMessage(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room),
                            LONG_MESSAGE_MS)

    # --- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._window_state.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self._window_state.value("state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_window_state(self) -> None:
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.setValue("state", self.saveState())
        if self._inbox is not None:
            for key, splitter in SPLITTER_KEYS:
                self._window_state.setValue(key, getattr(self._inbox, splitter).saveState())
        self._window_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        if self._inbox is not None:
            self._inbox.shutdown()
        if self._jobs_panel is not None:
            self._jobs_panel.shutdown()
        super().closeEvent(event)

    def _load_profile(self, name: str | None) -> None:
        try:
            self.profile = self.context.resolve_profile(name)
        except RecmanagerError as exc:
            log.info("no profile: %s", exc)
            self.profile = None
        self._show_profile()
        if self.profile is not None and self._started:
            self.refresh()

    def _show_profile(self) -> None:
        if self._jobs_panel is not None:
            self._jobs_panel.set_profile(self.profile.name if self.profile else None)
        if self.profile is None:
            self.profile_label.setText(self.tr("No profile"))
            self.profile_label.setToolTip("")
            return
        self.sftp_indicator.set_channel(
            self.tr("Folder") if self.profile.deposit_kind == "local" else "SFTP")
        # Short words beside the name, the whole warning one hover away: a long sentence
        # pushed the channels' states off the window's edge.
        text, warnings = self.profile.name, []
        if not self.profile.verify_tls:
            text += " " + self.tr("(TLS verification OFF)")
            warnings.append(self.tr("TLS verification is OFF: anyone on the network path can "
                                    "read and change what recmanager sends to Pod."))
        if self.profile.plain_http:
            text += " " + self.tr("(plain HTTP, unencrypted)")
            warnings.append(self.tr("Plain HTTP: the token and the passwords travel in "
                                    "clear."))
        self.profile_label.setText(text)
        self.profile_label.setToolTip("\n".join(warnings))

    # --- actions --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what the window shows from the server (F5)."""
        self.notifier  # noqa: B018 - the tray's count follows every refresh
        if self.inbox.profile is not self.profile:
            self.inbox.set_profile(self.profile)
        self.inbox.refresh()

    def edit_profiles(self, *, focus: str = "") -> None:
        """The profile dialog (at the ``focus`` field); the window then uses the profile saved
        last, if any (Save keeps the dialog open, Close ends it)."""
        from recmanager.ui.dialogs.profile import ProfileDialog

        dialog = ProfileDialog(self.context, self.runner, self.profile, self)
        try:
            if focus:
                dialog.focus_field(focus)
            dialog.exec()
            if dialog.saved_profile is not None:
                self.use_profile(dialog.saved_profile)
            elif self.profile is not None and self.profile.name in dialog.deleted:
                self.use_profile(self.context.profiles.current())
        finally:
            dialog.deleteLater()  # else each use leaves a hidden child of the window

    def set_up_quarantine(self) -> bool:
        """The profile dialog at its quarantine field; True once the profile has one."""
        self.edit_profiles(focus="quarantine_dir")
        return bool(self.profile and self.profile.quarantine_dir)

    def use_profile(self, profile: Profile | None) -> None:
        """Switch to ``profile`` (saved by the profile dialog or the first-run guide)."""
        self.profile = profile
        self._show_profile()
        self.refresh()

    def edit_settings(self) -> None:
        from recmanager.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.context.settings, self)
        dialog.settings_changed.connect(self._apply_settings)
        dialog.exec()
        dialog.deleteLater()

    def _apply_settings(self, keys: list[str]) -> None:
        self.notifier.apply_settings()
        self.settings_changed.emit(keys)

    def open_recorders(self) -> None:
        """The recorders window of the current profile (one per main window)."""
        from PySide6.QtCore import Qt

        from recmanager.ui.recorders_window import RecordersWindow

        if self.profile is None:
            self.edit_profiles()
            return
        window = getattr(self, "recorders_window", None)
        if window is None or window.profile is not self.profile:
            window = RecordersWindow(self.context, self.profile, self.runner, self)
            window.setWindowFlag(Qt.WindowType.Window)
            self.recorders_window = window
            window.refresh()
        window.show()
        window.raise_()
        window.activateWindow()

    def open_bulk(self) -> None:
        """Bulk assignment: the claimable recordings selected in the inbox to one owner, or
        (nothing selected) rules from a CSV file, explained on the window's first page."""
        from PySide6.QtCore import Qt

        from recmanager.ui.bulk_window import BulkWindow

        if self.profile is None:
            self.edit_profiles()
            return
        selection = [row for row in self.inbox.selected_rows() if row.claimable]
        window = BulkWindow(self.context, self.profile, self.runner, self,
                            selection=selection or None)
        window.setWindowFlag(Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    def package_file(self) -> None:
        """The Package dialog for a local file; the job shows in the jobs dock (or, when the
        database cannot be read, why no job can start)."""
        panel = self.jobs_panel
        if panel.package_file() is not None or panel.store_problem:
            self.jobs_dock.show()

    def package_recording(self, row: InboxRow) -> None:
        """The Package dialog for an inbox recording: read where it lies on a mounted deposit,
        downloaded first (with the dialog's own progress) over SFTP; on the packaging queue
        the workers read it on the server."""
        from recmanager.packaging.inputs import fetch_for_packaging, mounted_input
        from recmanager.ui.dialogs.host_key import ask_host_key

        profile = self.inbox.profile
        if profile is None:
            return
        origin = f"inbox:{row.path}"
        here = mounted_input(profile, row.path)
        if here is not None:
            options: dict[str, Any] = {"prepared_input": here, "origin": origin}
        else:
            def download(progress: ProgressCallback, cancel: CancelToken) -> Path:
                return fetch_for_packaging(
                    profile, self.context, row.path, progress, cancel,
                    on_unknown_host_key=lambda host, kind, fp: ask_host_key(self, host, kind,
                                                                            fp))

            options = {"download": download, "input_label": row.path, "origin": origin}
        panel = self.jobs_panel
        if panel.package_file(**options) is not None or panel.store_problem:
            self.jobs_dock.show()

    def show_shortcuts(self) -> None:
        """The keyboard cheat sheet (F1, ?), beside the window."""
        from recmanager.ui.shortcuts import open_shortcut_sheet

        open_shortcut_sheet(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About recmanager"),
            self.tr(
                "<b>recmanager {version}</b><p>Recordings and recorders of Esup-Pod, "
                "for lecture-capture teams.</p>"
            ).format(version=__version__),
        )
