"""The sanity panel: what is wrong between Pod's recorders and the deposit, and the fix.

Fixes that need no choice (delete a stale treatment row, create a missing folder, delete a
file that never completed) run here after a confirmation; creating or editing a recorder
is handed to the recorders window through a signal, which opens the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recmanager.errors import RecmanagerError
from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.recorders.sanity import CheckReport, Finding, FindingKind, FixKind
from recmanager.ui.icons import themed_icon
from recmanager.ui.tasks import TaskRunner

KIND_LABELS = {
    FindingKind.ORPHAN_FOLDER: QT_TRANSLATE_NOOP("SanityPanel", "Folder without a recorder"),
    FindingKind.MISSING_FOLDER: QT_TRANSLATE_NOOP("SanityPanel", "Recorder folder missing"),
    FindingKind.DUPLICATE_IP: QT_TRANSLATE_NOOP("SanityPanel", "Duplicate IP address"),
    FindingKind.MANUAL_CLAIM_IMPOSSIBLE: QT_TRANSLATE_NOOP(
        "SanityPanel", "Manual claim not allowed"),
    FindingKind.TREATMENT_FILE_GONE: QT_TRANSLATE_NOOP("SanityPanel", "Treatment without file"),
    FindingKind.NEVER_COMPLETED: QT_TRANSLATE_NOOP("SanityPanel", "File never completed"),
}
FIX_BUTTONS = {
    FixKind.CREATE_RECORDER: QT_TRANSLATE_NOOP("SanityPanel", "Create recorder…"),
    FixKind.CREATE_FOLDER: QT_TRANSLATE_NOOP("SanityPanel", "Create folder"),
    FixKind.EDIT_RECORDER: QT_TRANSLATE_NOOP("SanityPanel", "Edit recorder…"),
    FixKind.DELETE_TREATMENT: QT_TRANSLATE_NOOP("SanityPanel", "Delete row"),
    FixKind.DELETE_FILE: QT_TRANSLATE_NOOP("SanityPanel", "Delete file"),
}
NEEDS_EDITOR = (FixKind.CREATE_RECORDER, FixKind.EDIT_RECORDER)
TEXT_BOX_LINES = 8  # a finding and its fix, whole in the narrow tab at its default width

CheckWork = Callable[[], CheckReport]
FixWork = Callable[[Finding], str]


class SanityPanel(QWidget):
    """Run the checks, list the findings, fix the selected one."""

    create_requested = Signal(str)  # folder name
    edit_requested = Signal(int)  # recorder id
    fixed = Signal(str)  # what was done
    manual_claiming_changed = Signal(object)  # True, False or None (not known)

    def __init__(self, runner: TaskRunner, check: CheckWork, fix: FixWork,
                 parent: QWidget | None = None, *, manual_claiming: bool | None = None,
                 changes: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SanityPanel")
        self.runner = runner
        self._changes = changes  # the profile a fix changes (see TaskRunner.changed)
        self._check = check
        self._fix = fix
        self.report: CheckReport | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_run_row())
        layout.addLayout(self._build_claiming_row(manual_claiming))
        self._build_tree()
        layout.addWidget(self.tree, 1)
        # The finding's text the whole width of the tab, its fix under it.
        self.detail = self._text_box("detail")
        layout.addWidget(self.detail)
        layout.addLayout(self._build_fix_row())
        self.skipped = self._text_box("skipped")
        self.skipped.hide()
        layout.addWidget(self.skipped)

    def _build_run_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.run_button = QPushButton(themed_icon("edit-find"), self.tr("&Run checks"), self)
        self.run_button.setObjectName("run_checks")
        self.run_button.clicked.connect(self.run_checks)
        top.addWidget(self.run_button)
        self.summary = QLabel(self.tr("Checks not run yet."), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        return top

    def _build_claiming_row(self, manual_claiming: bool | None) -> QHBoxLayout:
        """What the profile says of Pod's ALLOW_MANUAL_RECORDING_CLAIMING, to change."""
        claiming_row = QHBoxLayout()
        claiming_label = QLabel(self.tr("Manual &claiming on this Pod:"), self)
        self.manual_claiming = QComboBox(self)
        self.manual_claiming.setObjectName("manual_claiming")
        self.manual_claiming.setToolTip(self.tr(
            "Pod's ALLOW_MANUAL_RECORDING_CLAIMING setting. Pod does not publish it: ask its "
            "administrators."))
        for text, value in ((self.tr("not known"), None), (self.tr("allowed"), True),
                            (self.tr("not allowed"), False)):
            self.manual_claiming.addItem(text, value)
        self.manual_claiming.setCurrentIndex(self.manual_claiming.findData(manual_claiming))
        self.manual_claiming.currentIndexChanged.connect(
            lambda _index: self.manual_claiming_changed.emit(self.manual_claiming.currentData()))
        claiming_label.setBuddy(self.manual_claiming)
        claiming_row.addWidget(claiming_label)
        claiming_row.addWidget(self.manual_claiming)
        claiming_row.addStretch(1)
        return claiming_row

    def _build_tree(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findings")
        # Two columns: the panel is a narrow tab, where a third (the fix's sentence) was cut
        # to a few letters. The selected finding's fix is in full below, and on its button.
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("About")])
        self.tree.setRootIsDecorated(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.header().setStretchLastSection(True)
        self.tree.setAccessibleName(self.tr("Sanity findings"))
        self.tree.currentItemChanged.connect(self._selected)

    def _build_fix_row(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("Fix"), self)
        self.fix_button.setObjectName("fix")
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self.fix_selected)
        bottom.addWidget(self.fix_button)
        bottom.addStretch(1)
        return bottom

    def _text_box(self, name: str) -> QPlainTextEdit:
        """Read-only text of a few lines: wrapped labels get squeezed in a tab, this scrolls."""
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * TEXT_BOX_LINES + 12)
        return box

    # --- checks ---------------------------------------------------------------------------

    def run_checks(self) -> None:
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking recorders and the deposit…"))
        self.runner.submit("recorder-checks", lambda progress, cancel: self._check(),
                           on_result=self.show_report, on_error=self._failed)

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        self.tree.clear()
        for finding in report.findings:
            item = QTreeWidgetItem([self.tr(KIND_LABELS[finding.kind]), finding.subject])
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            item.setIcon(0, themed_icon("dialog-warning"))
            item.setToolTip(0, finding.message)
            item.setToolTip(1, f"{finding.subject}\n→ {finding.fix_text}")
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.summary.setText(
            self.tr("No problem found.") if report.ok
            else self.tr("Problems found: %n.", "", len(report.findings)))
        self.skipped.setPlainText("\n".join(report.skipped))
        self.skipped.setVisible(bool(report.skipped))
        self.detail.clear()
        if report.findings:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.fix_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        text = str(error) if isinstance(error, RecmanagerError) else repr(error)
        self.summary.setText(self.tr("The checks failed: {error}").format(error=text))

    # --- fixes ----------------------------------------------------------------------------

    def selected(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self, *_: object) -> None:
        finding = self.selected()
        self.fix_button.setEnabled(finding is not None)
        if finding is None:
            return
        self.detail.setPlainText(f"{finding.message}\n→ {finding.fix_text}")
        self.fix_button.setText(self.tr(FIX_BUTTONS[finding.fix]))

    def _confirm(self, finding: Finding) -> bool:
        return QMessageBox.question(
            self, self.tr("Fix"), f"{finding.message}\n\n{finding.fix_text}",
        ) == QMessageBox.StandardButton.Yes

    def fix_selected(self) -> None:
        finding = self.selected()
        if finding is None:
            return
        if finding.fix is FixKind.CREATE_RECORDER:
            self.create_requested.emit(str(finding.target["directory"]))
            return
        if finding.fix is FixKind.EDIT_RECORDER:
            ids = finding.target.get("recorder_ids") or [finding.target["recorder_id"]]
            self.edit_requested.emit(int(ids[-1]))
            return
        if not self._confirm(finding):
            return
        self.fix_button.setEnabled(False)
        self.runner.submit("recorder-fix", lambda progress, cancel: self._fix(finding),
                           on_result=self._fixed, on_error=self._failed,
                           changes=self._changes)

    def _fixed(self, message: str) -> None:
        self.summary.setText(message)
        self.fixed.emit(message)
        self.run_checks()
