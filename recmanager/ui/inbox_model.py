"""The inbox as a Qt table: a model over :class:`recmanager.inbox.InboxRow` and a proxy.

The proxy sorts and filters in Python over plain values (sizes over 2 GiB compare right,
and 50,000 rows filter in a few milliseconds) instead of calling a Python ``lessThan`` or
``filterAcceptsRow`` per row from C++, which would take seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from recmanager.inbox import STATE_LABELS, InboxRow, RowState
from recmanager.ui.locale_format import format_count, format_datetime, format_duration, format_size

COL_FILE, COL_RECORDER, COL_DEPOSITED, COL_SIZE, COL_DURATION, COL_STATE = range(6)
COLUMN_COUNT = 6
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2

_HEADERS = (
    ("InboxModel", "File"),
    ("InboxModel", "Recorder"),
    ("InboxModel", "Deposited"),
    ("InboxModel", "Size"),
    ("InboxModel", "Duration"),
    ("InboxModel", "State"),
)
_STATE_COLOURS = {
    RowState.CLAIMABLE: "#1b7f3b",
    RowState.NOTIFIED: "#1f5fa8",
    RowState.UPLOADING: "#8a6d00",
    RowState.WAITING: "#6b6b6b",
    RowState.ORPHAN: "#b3261e",
    RowState.MISSING: "#b3261e",
}
Index = QModelIndex | QPersistentModelIndex


def _sort_key(column: int) -> Callable[[InboxRow], Any]:
    """Plain Python keys; None sorts first whatever the type, the path breaks ties."""
    if column == COL_RECORDER:
        return lambda r: ((r.recorder_name or r.folder).casefold(), r.path)
    if column == COL_DEPOSITED:
        return lambda r: (
            r.deposited is not None, r.deposited.timestamp() if r.deposited else 0.0, r.path
        )
    if column == COL_SIZE:
        return lambda r: (r.size, r.path)
    if column == COL_DURATION:
        return lambda r: (r.duration is not None, r.duration or 0.0, r.path)
    if column == COL_STATE:
        return lambda r: (r.state.value, r.path)
    return lambda r: (r.name.casefold(), r.path)


class InboxModel(QAbstractTableModel):
    """Rows as the inbox computed them; the model never invents or keeps its own state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxRow] = []
        self._by_path: dict[str, int] = {}
        self._locale = QLocale()
        self._state_text = {
            state: QCoreApplication.translate("RowState", label)
            for state, label in STATE_LABELS.items()
        }
        self._brushes = {state: QBrush(QColor(c)) for state, c in _STATE_COLOURS.items()}

    # --- content --------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[InboxRow]:
        return self._rows

    def set_rows(self, rows: Iterable[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_path = {row.path: number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def row_at(self, number: int) -> InboxRow:
        return self._rows[number]

    def row_number(self, path: str) -> int | None:
        return self._by_path.get(path)

    def replace_row(self, row: InboxRow) -> None:
        """Swap in a newer copy of a row, telling views only about the cells that changed."""
        number = self._by_path.get(row.path)
        if number is None:
            return
        old = self._rows[number]
        self._rows[number] = row
        changed = [
            column
            for column in range(COLUMN_COUNT)
            if self._display(old, column) != self._display(row, column)
        ]
        for column in changed:
            cell = self.index(number, column)
            self.dataChanged.emit(cell, cell)

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(*_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return _sort_key(column)(row)
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_SIZE:
                return self.tr("{size} bytes").format(size=format_count(row.size, self._locale))
            if column == COL_FILE:
                return row.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_SIZE, COL_DURATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            return self._brushes.get(row.state)
        return None

    def _display(self, row: InboxRow, column: int) -> str:
        if column == COL_FILE:
            if row.slides is not None:
                return self.tr("{name} ({count} slides)").format(name=row.name, count=row.slides)
            return row.name
        if column == COL_RECORDER:
            return row.recorder_name or self.tr("(no recorder: {folder})").format(
                folder=row.folder
            )
        if column == COL_DEPOSITED:
            return format_datetime(row.deposited, self._locale)
        if column == COL_SIZE:
            return format_size(row.size, self._locale)
        if column == COL_DURATION:
            return format_duration(row.duration, self._locale)
        return self._state_text[row.state]


class InboxProxy(QAbstractProxyModel):
    """Sorting and filtering of an :class:`InboxModel`, computed in Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []  # proxy row -> source row
        self._position: list[int] = []  # source row -> proxy row, -1 when filtered out
        self._sorted_all: list[int] = []  # every source row in sort order
        self._haystack: list[str] = []
        self._sort_column = COL_DEPOSITED
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._text = ""
        self._recorder: str | None = None
        self._states: frozenset[RowState] | None = None
        self._since: datetime | None = None

    def inbox(self) -> InboxModel:
        model = self.sourceModel()
        assert isinstance(model, InboxModel)
        return model

    def setSourceModel(self, model: InboxModel) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        self.beginResetModel()
        self._source_reset()

    # --- filters --------------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        return self._text

    def set_filter_text(self, text: str) -> None:
        self._text = text.strip().casefold()
        self._relayout(resort=False)

    def set_recorder_filter(self, recorder: str | None) -> None:
        """Recorder name (or folder, for files no recorder owns); None shows all."""
        self._recorder = recorder
        self._relayout(resort=False)

    def set_state_filter(self, states: Iterable[RowState] | None) -> None:
        self._states = frozenset(states) if states is not None else None
        self._relayout(resort=False)

    def set_since(self, since: datetime | None) -> None:
        self._since = since
        self._relayout(resort=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self._relayout(resort=True)

    # --- Qt proxy interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order)) or not (
            0 <= column < COLUMN_COUNT
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._order):
            return QModelIndex()
        return self.inbox().index(self._order[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid() or source_index.row() >= len(self._position):
            return QModelIndex()
        position = self._position[source_index.row()]
        if position < 0:
            return QModelIndex()
        return self.createIndex(position, source_index.column())

    def row_at(self, proxy_row: int) -> InboxRow:
        return self.inbox().row_at(self._order[proxy_row])

    def proxy_row_of(self, path: str) -> int | None:
        number = self.inbox().row_number(path)
        if number is None or self._position[number] < 0:
            return None
        return self._position[number]

    # --- computing the view ---------------------------------------------------------------

    def _source_reset(self) -> None:
        rows = self.inbox().rows
        self._haystack = [
            f"{r.name}\n{r.recorder_name}\n{r.folder}\n{r.path}".casefold() for r in rows
        ]
        self._sorted_all = self._sorted(range(len(rows)))
        self._filter()
        self.endResetModel()

    def _sorted(self, numbers: Iterable[int]) -> list[int]:
        rows = self.inbox().rows
        key = _sort_key(self._sort_column)
        return sorted(
            numbers,
            key=lambda n: key(rows[n]),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _accepts(self) -> Callable[[int], bool] | None:
        rows = self.inbox().rows
        tests: list[Callable[[int], bool]] = []
        if self._text:
            text, haystack = self._text, self._haystack
            tests.append(lambda n: text in haystack[n])
        if self._recorder is not None:
            recorder = self._recorder
            tests.append(lambda n: (rows[n].recorder_name or rows[n].folder) == recorder)
        if self._states is not None:
            states = self._states
            tests.append(lambda n: rows[n].state in states)
        if self._since is not None:
            since = self._since
            tests.append(lambda n: rows[n].deposited is not None and rows[n].deposited >= since)
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda n: all(test(n) for test in tests)

    def _filter(self) -> None:
        accepts = self._accepts()
        self._order = (
            list(self._sorted_all)
            if accepts is None
            else [n for n in self._sorted_all if accepts(n)]
        )
        self._position = [-1] * len(self.inbox().rows)
        for position, number in enumerate(self._order):
            self._position[number] = position

    def _relayout(self, *, resort: bool) -> None:
        """Re-sort/re-filter keeping the selection and current row (persistent indexes)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(self._order[i.row()], i.column()) for i in persistent]
        if resort:
            self._sorted_all = self._sorted(range(len(self.inbox().rows)))
        self._filter()
        replacements = []
        for number, column in sources:
            position = self._position[number]
            replacements.append(
                self.createIndex(position, column) if position >= 0 else QModelIndex()
            )
        self.changePersistentIndexList(persistent, replacements)
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        for number in range(top_left.row(), bottom_right.row() + 1):
            position = self._position[number]
            if position >= 0:
                self.dataChanged.emit(
                    self.createIndex(position, top_left.column()),
                    self.createIndex(position, bottom_right.column()),
                )
