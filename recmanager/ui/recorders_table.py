"""The recorders window's table: one row per recorder, and the sort that compares in Python."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from recmanager.recorders.mode import mode_label
from recmanager.recorders.model import RecorderInfo, recording_type_label

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2

NAME, IP, FOLDER, MANAGER, VIDEO_TYPE, RECORDING_TYPE, MODE, WAITING = range(8)
WEB_COLUMNS = (FOLDER, MANAGER, VIDEO_TYPE, MODE)
_NO_PARENT = QModelIndex()


class RecordersModel(QAbstractTableModel):
    """One row per recorder; web-only cells say "unavailable" (with the reason) without one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recorders: list[RecorderInfo] = []
        self.headers = [
            self.tr("Name"), self.tr("IP address"), self.tr("Folder"), self.tr("Manager"),
            self.tr("Video type"), self.tr("Recording type"), self.tr("Mode"),
            self.tr("Files waiting"),
        ]

    def set_recorders(self, recorders: list[RecorderInfo]) -> None:
        self.beginResetModel()
        self.recorders = list(recorders)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.recorders)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.headers[section]
        return None

    def _value(self, info: RecorderInfo, column: int) -> Any:
        values = info.fields
        return {
            NAME: values.name,
            IP: values.address_ip,
            FOLDER: values.directory or "",
            MANAGER: info.manager_username or (self.tr("none (manual claim)")
                                               if info.web_available else ""),
            VIDEO_TYPE: info.type_title,
            RECORDING_TYPE: recording_type_label(values.recording_type),
            MODE: mode_label(info.mode),
            WAITING: info.files_waiting,
        }[column]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.recorders[index.row()]
        column = index.column()
        unavailable = column in WEB_COLUMNS and not info.web_available
        if role == ObjectRole:
            return info
        if role == SortRole:
            value = self._value(info, column)
            return value if isinstance(value, int) else str(value).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if unavailable:
                return self.tr("unavailable")
            return str(self._value(info, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if unavailable:
                return self.tr("Needs the web session: {reason}").format(
                    reason=info.web_unavailable_reason)
            return str(self._value(info, column))  # a cell shortened to fit, whole
        if role == Qt.ItemDataRole.ForegroundRole and unavailable:
            return QColor("#777777")
        if role == Qt.ItemDataRole.FontRole and unavailable:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == WAITING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SortProxy(QSortFilterProxyModel):
    """Compares the SortRole values in Python (counts as numbers, text case-folded)."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(SortRole) < right.data(SortRole)

