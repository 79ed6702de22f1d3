"""The bulk assignment window: rules CSV or inbox selection -> plan -> apply -> report.

The window only lays out the plan; building it, applying it and retrying failed rows run
in :mod:`recmanager.bulk.run` through the task runner, so the GUI thread never waits on Pod.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.bulk.apply import ApplyResult
from recmanager.bulk.matching import DEFAULT_TITLE
from recmanager.bulk.plan import Plan, PlanRow
from recmanager.bulk.report import export_plan, write_report
from recmanager.bulk.rules import RuleSet, read_rules
from recmanager.bulk.run import BulkRun
from recmanager.config import Profile
from recmanager.context import AppContext
from recmanager.errors import BulkError
from recmanager.inbox.rows import InboxRow
from recmanager.inspection.model import FlagKind
from recmanager.progress import Progress
from recmanager.ui.bulk_plan_model import PlanModel
from recmanager.ui.column_widths import shrink_to_fit
from recmanager.ui.file_dialogs import FolderMemory
from recmanager.ui.tasks import Task, TaskRunner

# From this many claims on, the confirmation's default button is Cancel: Enter alone must
# not start a term's worth of changes on a production Pod.
LARGE_RUN = 20
RULES_FOLDER = "bulk-rules"  # the remembered folder of rules files, reports and plans
WIDTH = 1280  # the window's default width, when the screen has it
# On a wider screen the window takes this share of it (a 1920-pixel desk: 1536), up to
# WIDEST: room for a plan's titles and owners beside its names, dates and states.
SCREEN_SHARE, WIDEST = 0.8, 1760
QUALITY_PADDING = 12  # pixels around a flag in the Quality column: the cell's margins
# The columns that give way when the plan is wider than the window, the first group first,
# each cell whole in its tooltip: the detail explains a state the row already shows; the
# title and owner are what the plan writes into Pod.
GIVE_WAY = ((PlanModel.DETAIL,), (PlanModel.TITLE, PlanModel.RECORDER, PlanModel.OWNER))


class BulkWindow(QMainWindow):
    """Load rules (or take the inbox selection), check the plan, apply it, save a report."""

    def __init__(
        self,
        context: AppContext,
        profile: Profile,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        selection: list[InboxRow] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        self.runner = runner
        self.selection = selection
        self.plan: Plan | None = None
        self.result: ApplyResult | None = None
        self.task: Task | None = None
        self._rules: RuleSet | None = None
        self._close_when_idle = False
        self.folders = FolderMemory(context.paths)
        self.setObjectName("BulkWindow")
        self.setWindowTitle(self.tr("Bulk assignment — {profile}").format(profile=profile.name))
        self._build()
        self._update_actions()
        self.fit_to(self.screen().availableGeometry() if self.screen() else None)

    def fit_to(self, available: QRect | None) -> None:
        """The default size: wide enough for the whole tool bar (French labels are longer)
        and for a plan's names, dates and states beside each other, wider on a wide screen,
        within it."""
        width = max(WIDTH, self.toolbar.sizeHint().width() + 24)
        if available is not None:
            width = min(max(width, min(int(available.width() * SCREEN_SHARE), WIDEST)),
                        available.width())
        self.resize(width, 620)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_toolbar()
        self.pages = QStackedWidget(self)
        self.start_page = self._start_page()
        self.pages.addWidget(self.start_page)
        self.plan_page = QWidget(self)
        self.pages.addWidget(self.plan_page)
        self._build_plan_page(self.plan_page)
        self.setCentralWidget(self.pages)
        self.pages.setCurrentWidget(self.plan_page if self.selection is not None
                                    else self.start_page)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Bulk assignment"), self)
        toolbar.setObjectName("BulkToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.action_load = toolbar.addAction(self.tr("Load rules…"), self.choose_rules)
        self.action_load.setShortcut(QKeySequence.StandardKey.Open)
        self.action_replan = toolbar.addAction(self.tr("Check again"), self.replan)
        toolbar.addSeparator()
        self.action_exclude = toolbar.addAction(self.tr("Exclude selected"),
                                                lambda: self.set_selected_excluded(True))
        self.action_include = toolbar.addAction(self.tr("Include selected"),
                                                lambda: self.set_selected_excluded(False))
        self.action_exclude_errors = toolbar.addAction(self.tr("Exclude rows with errors"),
                                                       self.exclude_errors)
        self._build_flag_exclusion(toolbar)
        toolbar.addSeparator()
        self.action_export = toolbar.addAction(self.tr("Export plan…"), self.choose_export)
        self.action_apply = toolbar.addAction(self.tr("Apply"), self.apply)
        self.action_retry = toolbar.addAction(self.tr("Retry failed"), self.retry_failed)
        self.action_cancel = toolbar.addAction(self.tr("Cancel"), self.cancel)
        self.action_report = toolbar.addAction(self.tr("Save report…"), self.choose_report)
        # Tool-bar buttons take no keyboard focus: every action has a key of its own.
        for action, key in (
            (self.action_replan, QKeySequence.StandardKey.Refresh),
            (self.action_exclude, QKeySequence("Ctrl+D")),
            (self.action_include, QKeySequence("Ctrl+I")),
            (self.action_exclude_errors, QKeySequence("Ctrl+Shift+D")),
            (self.action_export, QKeySequence("Ctrl+E")),
            (self.action_apply, QKeySequence("Ctrl+Return")),
            (self.action_retry, QKeySequence("Ctrl+R")),
            (self.action_cancel, QKeySequence("Ctrl+.")),
            (self.action_report, QKeySequence.StandardKey.Save),
        ):
            action.setShortcut(key)

    def _build_flag_exclusion(self, toolbar: QToolBar) -> None:
        """The errors button's menu also leaves out the recordings with a quality flag (any,
        or one): a menu rather than a button, as the tool bar must fit in French."""
        menu = QMenu(self)
        menu.setObjectName("ExcludeFlagMenu")
        menu.addAction(self.tr("Rows with errors"), self.exclude_errors)
        menu.addSeparator()
        menu.addAction(self.tr("Recordings with a quality problem"),
                       lambda: self.exclude_flagged(FlagKind))
        for kind in FlagKind:
            menu.addAction(self.tr("Recordings flagged “{flag}”").format(flag=kind.label),
                           lambda kind=kind: self.exclude_flagged([kind]))
        self.action_exclude_errors.setMenu(menu)
        button = toolbar.widgetForAction(self.action_exclude_errors)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def _build_plan_page(self, page: QWidget) -> None:
        """The plan: where it comes from, its summary, the table, the progress of a run."""
        layout = QVBoxLayout(page)
        if self.selection is not None:
            layout.addLayout(self._selection_form())
        self.source_label = QLabel(self.tr("Load a rules file (CSV) to see the plan."))
        self.source_label.setWordWrap(True)
        layout.addWidget(self.source_label)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("BulkSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self._build_table()
        layout.addWidget(self.table, 1)
        self.model.dataChanged.connect(lambda *_: self._show_summary())
        bottom = QHBoxLayout()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.progress_label = QLabel()
        bottom.addWidget(self.progress_bar, 2)
        bottom.addWidget(self.progress_label, 3)
        layout.addLayout(bottom)

    def _build_table(self) -> None:
        self.model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Plan"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.installEventFilter(self)  # a resized table shares its width again
        # The state (an error's reason) next to the tick, where long names cannot push it off.
        header.moveSection(header.visualIndex(PlanModel.STATE), 1)
        # The flags beside it: a silent recording is seen before it is given an owner.
        header.moveSection(header.visualIndex(PlanModel.QUALITY), 2)

    def example_rules(self) -> str:
        """The example rules file, in the user's language (both languages' column names are
        understood)."""
        return self.tr(
            "recorder;file;from;to;slot;owner;title\n"
            "# One rule per line under the column names; lines starting with # are comments.\n"
            "Amphi A;;2026-09-01;2026-12-20;Monday 08:00-10:00;jdupont;"
            "L1 Law {date:%d/%m/%Y}\n"
            "Amphi B;seminar-*;;;;marie.martin@example.org;{recorder} {stem}\n"
        )

    def _start_page(self) -> QWidget:
        """What a rules file holds, an example to start from, then the file chooser."""
        page = QWidget(self)
        page.setObjectName("BulkStartPage")
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "<p>A <b>rules file</b> says who owns which recordings: a CSV file (semicolons or "
            "commas, UTF-8) with one rule per line under a first line of column names. "
            "recmanager first shows the plan — every waiting recording with its owner and the "
            "problems found — and changes nothing on Pod before you apply it.</p>"
            "<p>Columns (English or French names):</p><ul>"
            "<li><b>owner</b> (required): the Pod login or e-mail of a staff member;</li>"
            "<li><b>recorder</b>: the recorder's name;</li>"
            "<li><b>file</b>: a file name pattern, such as <code>lecture-*</code>;</li>"
            "<li><b>from</b>, <b>to</b>: dates (2026-09-01 or 01/09/2026);</li>"
            "<li><b>slot</b>: a timetable slot, such as <code>Monday 08:00-10:00</code>;</li>"
            "<li><b>title</b>: the title, with {recorder}, {date:%d/%m/%Y}, {start}, "
            "{filename} or {stem} replaced.</li></ul>"
            "<p>A rule needs the owner and at least one of recorder, file, dates or slot.</p>"
        ), page)
        intro.setObjectName("BulkRulesHelp")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Example:"), page))
        example = QPlainTextEdit(self.example_rules(), page)
        example.setObjectName("BulkRulesExample")
        example.setAccessibleName(self.tr("Example rules file"))
        example.setReadOnly(True)
        example.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        example.setMaximumHeight(example.fontMetrics().lineSpacing() * 7)
        layout.addWidget(example)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_example_button = QPushButton(self.tr("&Save this example…"), page)
        self.save_example_button.clicked.connect(self.choose_example_destination)
        buttons.addWidget(self.save_example_button)
        self.choose_button = QPushButton(self.tr("&Choose a rules file…"), page)
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose_rules)
        buttons.addWidget(self.choose_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def choose_example_destination(self) -> None:
        path = self.folders.save_file(self, RULES_FOLDER, self.tr("Save the example"),
                                      self.tr("rules-example.csv"), self.tr("CSV files (*.csv)"))
        if path is not None:
            self.save_example(path)

    def save_example(self, path: Path) -> None:
        """Write the example (with a BOM, so spreadsheets read the accents)."""
        try:
            path.write_text(self.example_rules(), encoding="utf-8-sig")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Bulk assignment"), self.tr(
                "The example could not be saved in {path}: {error}").format(
                path=path, error=exc.strerror or exc))
            return
        self.statusBar().showMessage(self.tr("Example saved in {path}: edit it, then choose "
                                             "it.").format(path=path), 10000)

    def _selection_form(self) -> QHBoxLayout:
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("{count} recordings selected. Owner:").format(
            count=len(self.selection or []))))
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setPlaceholderText(self.tr("login or e-mail (staff)"))
        form.addWidget(self.owner_edit, 1)
        form.addWidget(QLabel(self.tr("Title:")))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(DEFAULT_TITLE)
        form.addWidget(self.title_edit, 2)
        self.plan_button = QPushButton(self.tr("Make the plan"), self)
        self.plan_button.clicked.connect(self.plan_selection)
        self.owner_edit.returnPressed.connect(self.plan_selection)
        form.addWidget(self.plan_button)
        return form

    # --- state ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def _update_actions(self) -> None:
        has_plan = self.plan is not None
        idle = not self.busy
        self.action_load.setEnabled(idle)
        self.action_replan.setEnabled(idle and (self._rules is not None
                                                or (self.selection is not None and has_plan)))
        for action in (self.action_exclude, self.action_include, self.action_exclude_errors,
                       self.action_export):
            action.setEnabled(idle and has_plan)
        can_apply = idle and has_plan and not self.plan.has_errors and bool(self.plan.to_apply())
        self.action_apply.setEnabled(can_apply)
        self.action_apply.setToolTip(self._apply_tooltip())
        self.action_retry.setEnabled(idle and has_plan and bool(
            self.plan.to_apply(only_failed=True)))
        self.action_cancel.setEnabled(self.busy)
        self.action_report.setEnabled(idle and has_plan)

    def _apply_tooltip(self) -> str:
        if self.plan is None:
            return self.tr("Load rules first.")
        if self.plan.has_errors:
            return self.tr("The plan has errors: fix the rules or exclude those rows.")
        if not self.plan.to_apply():
            return self.tr("Nothing left to apply.")
        return self.tr("Claim {count} recordings for their owners.").format(
            count=len(self.plan.to_apply()))

    def _show_summary(self) -> None:
        if self.plan is None:
            self.summary_label.clear()
        else:
            text = self.plan.summary()
            if self.plan.has_errors:
                text = self.tr("<b>Errors to fix or exclude before applying.</b> ") + text
            if self.plan.ignored_columns:
                text += " — " + self.tr("columns ignored: {names}").format(
                    names=", ".join(self.plan.ignored_columns))
            self.summary_label.setText(text)
        self._update_actions()

    def _set_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self._fit_columns()
        self._show_summary()

    def _fit_columns(self) -> None:
        """Every column in view: each as wide as its widest text, then, when the table is
        too narrow for them all, the detail gives way, then the title, recorder and owner
        (down to their heading; their cells end in "…", whole in their tooltip). File names,
        states, flags and dates are never cut; several flags on one row are, as the widest
        single flag sets the Quality column (each flag's wording is in the tooltip)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        columns = range(self.model.columnCount())
        widths = [self.table.columnWidth(column) for column in columns]
        one_flag = max(self.table.fontMetrics().horizontalAdvance(kind.short_label)
                       for kind in FlagKind) + QUALITY_PADDING
        widths[PlanModel.QUALITY] = max(min(widths[PlanModel.QUALITY], one_flag),
                                        header.sectionSizeFromContents(PlanModel.QUALITY).width())
        # The table's own width less the vertical scroll bar, shown or about to be.
        room = (self.table.contentsRect().width()
                - self.table.verticalScrollBar().sizeHint().width())
        giving: set[int] = set()
        for group in GIVE_WAY:
            giving.update(group)
            floors = [min(header.sectionSizeFromContents(column).width(), widths[column])
                      if column in giving else widths[column] for column in columns]
            widths = shrink_to_fit(widths, floors, room)
        for column, width in zip(columns, widths, strict=True):
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize and \
                self.model.rowCount():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fail(self, error: BaseException) -> None:
        self.progress_bar.setVisible(False)
        self._idle()
        if not self._close_when_idle:
            QMessageBox.warning(self, self.tr("Bulk assignment"), str(error))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing during a run cancels it; the window goes once the claims under way end."""
        if self.busy:
            self._close_when_idle = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _idle(self) -> None:
        self.task = None
        self._update_actions()
        if self._close_when_idle:
            self.close()

    # --- planning -------------------------------------------------------------------------

    def choose_rules(self) -> None:
        path = self.folders.open_file(self, RULES_FOLDER, self.tr("Rules file"),
                                      self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path is not None:
            self.load_rules(path)

    def load_rules(self, path: Path) -> None:
        """Read the CSV here (it is local and small), then plan against Pod in a task."""
        try:
            self._rules = read_rules(path)
        except BulkError as exc:
            self._fail(exc)
            return
        self.source_label.setText(self.tr("Rules: {path} ({count} rules)").format(
            path=path, count=len(self._rules.rules) + len(self._rules.problems)))
        self.pages.setCurrentWidget(self.plan_page)
        self.replan()

    def replan(self) -> None:
        if self.selection is not None and self._rules is None:
            self.plan_selection()
            return
        rules = self._rules
        if rules is None:
            return
        self._start(self.tr("Checking the plan"), lambda progress, cancel: self._with_run(
            lambda run: run.plan_rules(rules)), on_result=self._set_plan)

    def plan_selection(self) -> None:
        owner = self.owner_edit.text().strip()
        if not owner:
            self.owner_edit.setFocus()
            return
        title = self.title_edit.text().strip()
        rows = list(self.selection or [])
        self.source_label.setText(self.tr("Inbox selection → {owner}").format(owner=owner))
        self._start(self.tr("Checking the plan"), lambda progress, cancel: self._with_run(
            lambda run: run.plan_selection(rows, owner, title)), on_result=self._set_plan)

    def _with_run(self, work):
        with BulkRun.open(self.context, self.profile) as run:
            return work(run)

    def _start(self, message: str, work, *, on_result, changes: bool = False) -> None:
        """``changes``: the work claims recordings (the inbox reads Pod again after it)."""
        self.progress_label.setText(message + "…")
        self.task = self.runner.submit(
            "bulk", work, on_result=lambda value: self._finished(on_result, value),
            on_error=self._fail, on_progress=self._progressed, on_cancel=self._cancelled,
            changes=self.profile.name if changes else None,
        )
        self._update_actions()

    def _finished(self, on_result, value) -> None:
        self.progress_label.clear()
        on_result(value)
        self._idle()

    # --- editing the plan -----------------------------------------------------------------

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def set_selected_excluded(self, excluded: bool) -> None:
        if self.plan is None:
            return
        for number in self._selected_rows():
            self.plan.rows[number].excluded = excluded
        self.model.refresh()
        self._show_summary()

    def exclude_errors(self) -> None:
        if self.plan is not None:
            self.plan.exclude_problems()
            self.model.refresh()
            self._show_summary()

    def exclude_flagged(self, kinds: Iterable[FlagKind]) -> None:
        """Leave out the recordings whose inspection raised any of ``kinds``."""
        if self.plan is not None:
            self.plan.exclude_flags(kinds)
            self.model.refresh()
            self._show_summary()

    def choose_export(self) -> None:
        path = self.folders.save_file(self, RULES_FOLDER, self.tr("Export the plan"),
                                      "plan.csv", self.tr("CSV files (*.csv)"))
        if path is not None and self.plan is not None:
            self._write(export_plan, path)

    def choose_report(self) -> None:
        path = self.folders.save_file(self, RULES_FOLDER, self.tr("Save the report"),
                                      "report.csv", self.tr("CSV files (*.csv)"))
        if path is not None and self.plan is not None:
            self._write(write_report, path)

    def _write(self, writer, path: Path) -> None:
        assert self.plan is not None
        try:
            count = writer(self.plan, path)
        except BulkError as exc:
            self._fail(exc)
            return
        self.progress_label.setText(self.tr("{count} rows written to {path}.").format(
            count=count, path=path))

    # --- applying -------------------------------------------------------------------------

    def apply(self, *, only_failed: bool = False, confirmed: bool = False) -> None:
        """Apply the plan once the user has confirmed (``confirmed``: already asked)."""
        plan = self.plan
        if plan is None or self.busy:
            return
        rows = plan.to_apply(only_failed=only_failed)
        if not rows or not (confirmed or self.confirm_apply(rows)):
            return
        self.progress_bar.setRange(0, len(rows))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self._start(self.tr("Assigning"), lambda progress, cancel: self._with_run(
            lambda run: run.apply(plan, only_failed=only_failed, progress=progress,
                                  cancel=cancel)), on_result=self._applied, changes=True)

    def retry_failed(self) -> None:
        self.apply(only_failed=True)

    def confirmation(self, rows: list[PlanRow]) -> QMessageBox:
        """The question before an apply: how many claims, for how many owners, on which Pod.
        A large run defaults to Cancel."""
        owners = {row.owner_user.username if row.owner_user else row.owner for row in rows}
        question = (self.tr("Claim one recording on {pod}?") if len(rows) == 1
                    else self.tr("Claim {count} recordings on {pod}?"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Apply the plan"), question.format(
            count=len(rows), pod=self.profile.pod_url), parent=self)
        box.setObjectName("BulkConfirmation")
        owners_text = (self.tr("They go to one owner.") if len(owners) == 1
                       else self.tr("They go to {count} owners.").format(count=len(owners)))
        box.setInformativeText(owners_text + " " + self.tr(
            "Pod changes at once: each recording becomes a video of its owner. Rows already "
            "done are not touched; Cancel stops the run between claims."))
        self.confirm_apply_button = box.addButton(
            self.tr("&Apply {count} claims").format(count=len(rows)),
            QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        box.setDefaultButton(cancel if len(rows) >= LARGE_RUN else self.confirm_apply_button)
        return box

    def confirm_apply(self, rows: list[PlanRow]) -> bool:
        box = self.confirmation(rows)
        self.confirm_box = box
        box.exec()
        return box.clickedButton() is self.confirm_apply_button

    def cancel(self) -> None:
        """No new claim starts; claims under way finish, then the outcome is shown."""
        if self.task is not None:
            self.task.cancel()
            self.progress_label.setText(self.tr("Cancelling: the claims under way finish…"))

    def _progressed(self, progress: Progress) -> None:
        if progress.total:
            self.progress_bar.setMaximum(int(progress.total))
            self.progress_bar.setValue(int(progress.done))
        left = progress.seconds_left
        text = progress.message
        if left is not None:
            text += " — " + self.tr("about {minutes}:{seconds:02d} left").format(
                minutes=int(left // 60), seconds=int(left % 60))
        self.progress_label.setText(text)
        self.model.refresh()

    def _applied(self, result: ApplyResult) -> None:
        self.result = result
        self.model.refresh()
        self._show_summary()
        text = self.tr("{done} assigned, {failed} failed, {not_run} not run.").format(
            done=result.done, failed=result.failed, not_run=result.not_run)
        if result.stopped:
            text += " " + result.stopped
        elif result.cancelled:
            text += " " + self.tr("Cancelled: apply again to go on.")
        self.progress_label.setText(text)

    def _cancelled(self) -> None:
        self.model.refresh()
        self._show_summary()
        self.progress_label.setText(self.tr("Cancelled."))
        self._idle()
