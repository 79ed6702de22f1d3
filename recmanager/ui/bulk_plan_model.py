"""The bulk window's plan table: one line per recording (or unreadable rule), coloured by
what became of it, with a check box that takes a row out of the run."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from recmanager.bulk.plan import Plan, PlanRow, Status
from recmanager.ui.locale_format import format_datetime, to_qdatetime

Index = QModelIndex | QPersistentModelIndex

PROBLEM_BRUSH = QBrush(QColor(255, 226, 222))
DONE_BRUSH = QBrush(QColor(222, 245, 225))
EXCLUDED_BRUSH = QBrush(QColor(236, 236, 236))


class PlanModel(QAbstractTableModel):
    """The plan's rows; the first column's check box excludes or includes a row."""

    EXCLUDED, FILE, RECORDER, START, OWNER, TITLE, STATE, DETAIL, QUALITY = range(9)
    ObjectRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self._headers = [
            self.tr("Apply"), self.tr("File"), self.tr("Recorder"), self.tr("Start"),
            self.tr("Owner"), self.tr("Title"), self.tr("State"), self.tr("Detail"),
            self.tr("Quality"),
        ]

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def refresh(self) -> None:
        """Row states changed (an apply is running): repaint without losing the selection."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1,
                                                                self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def row_at(self, row: int) -> PlanRow:
        assert self.plan is not None
        return self.plan.rows[row]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.EXCLUDED:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        row = self.plan.rows[index.row()]
        column = index.column()
        if role == self.ObjectRole:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and column == self.EXCLUDED:
            return Qt.CheckState.Unchecked if row.excluded else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.excluded:
                return EXCLUDED_BRUSH
            if row.status is Status.DONE:
                return DONE_BRUSH
            if row.problem is not None or row.status is Status.FAILED:
                return PROBLEM_BRUSH
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DETAIL:
                return row.message or row.detail
            if column == self.QUALITY and row.flags:  # each flag's wording and evidence
                return "\n".join(f"{flag.label}: {flag.detail()}" for flag in row.flags)
            if column in (self.RECORDER, self.OWNER, self.TITLE):  # whole when cut short
                return self.data(index)
            return row.source_file or row.detail
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.FILE:
            return row.filename or self.tr("rules file, line {line}").format(line=row.rule_line)
        if column == self.RECORDER:
            return row.recorder
        if column == self.START:  # with the weekday, which timetable slots go by
            if row.start is None:
                return ""
            weekday = QLocale().toString(to_qdatetime(row.start), "ddd")
            return f"{weekday} {format_datetime(row.start)}"
        if column == self.OWNER:
            return row.owner_user.display_name if row.owner_user else row.owner
        if column == self.TITLE:
            return row.title
        if column == self.STATE:
            if row.problem is not None and row.status is not Status.DONE:
                return row.problem.label
            return row.status.label
        if column == self.DETAIL:
            return row.message or row.detail
        if column == self.QUALITY:  # a word or two each: the tooltip says what and why
            return ", ".join(flag.kind.short_label for flag in row.flags)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (self.plan is None or role != Qt.ItemDataRole.CheckStateRole
                or index.column() != self.EXCLUDED):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.plan.rows[index.row()].excluded = not checked
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.columnCount() - 1))
        return True
