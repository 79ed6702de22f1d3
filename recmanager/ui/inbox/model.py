"""The inbox as a Qt table: a model over :class:`recmanager.inbox.rows.InboxRow` and a proxy.

The proxy sorts and filters in Python over plain values (sizes over 2 GiB compare right,
and 50,000 rows filter in a few milliseconds) instead of calling a Python ``lessThan`` or
``filterAcceptsRow`` per row from C++, which would take seconds.
"""

from __future__ import annotations

import base64
import heapq
import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPixmap

from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.inbox.rows import STATE_LABELS, InboxRow, RowState
from recmanager.inspection.model import FlagKind, Inspection
from recmanager.ui.locale_format import format_count, format_datetime, format_duration, format_size

COL_FILE, COL_RECORDER, COL_DEPOSITED, COL_SIZE, COL_DURATION, COL_STATE = range(6)
COLUMN_COUNT = 6
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2
# Plain ints: comparing roles against enum members costs a lookup per call, per cell.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ROLES_SERVED = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, _DECORATION,
                           int(SortRole), int(ObjectRole)})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

_HEADERS = (
    QT_TRANSLATE_NOOP("InboxModel", "File"),
    QT_TRANSLATE_NOOP("InboxModel", "Recorder"),
    QT_TRANSLATE_NOOP("InboxModel", "Deposited"),
    QT_TRANSLATE_NOOP("InboxModel", "Size"),
    QT_TRANSLATE_NOOP("InboxModel", "Duration"),
    QT_TRANSLATE_NOOP("InboxModel", "State"),
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


_OLDEST = datetime.min.replace(tzinfo=UTC)
RESULTS_KEPT = 64
# How many of the longest file names size the File column (by characters: measuring every
# name of a 50,000-row inbox in pixels would cost a keystroke's time).
FILE_SIZING_ROWS = 24
SLIDES_SUFFIX = 16  # the characters of " (42 slides)" in the longest language
# The contact sheet in a row's tooltip: wide enough to tell a slide from a face, and within
# a laptop's screen.
TOOLTIP_SHEET_WIDTH = 520
# Source rows changed at once from which the proxy tells its views "all rows" in one signal.
MANY_CHANGED = 64


def _sort_key(column: int) -> Callable[[InboxRow], Any]:
    """Plain Python values, compared in Python (sizes over 2 GiB stay exact); unknown
    dates and durations sort first; equal keys keep the inbox's own order (newest first)."""
    if column == COL_RECORDER:
        return lambda r: (r.recorder_name or r.folder).casefold()
    if column == COL_DEPOSITED:
        return lambda r: r.deposited or _OLDEST
    if column == COL_SIZE:
        return attrgetter("size")
    if column == COL_DURATION:
        return lambda r: -1.0 if r.duration is None else r.duration
    if column == COL_STATE:
        return lambda r: r.state.value
    return lambda r: r.name.casefold()


class InboxModel(QAbstractTableModel):
    """Rows as the inbox computed them; the model never invents or keeps its own state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxRow] = []
        self._by_path: dict[str, int] | None = {}  # built on first use
        self._locale = QLocale()
        self._state_text = {
            state: QCoreApplication.translate("RowState", label)
            for state, label in STATE_LABELS.items()
        }
        # Colours, not brushes: the delegate takes either, and a QBrush built from Python
        # costs the start PySide's QGradient type (~2 ms).
        self._colours = {state: QColor(c) for state, c in _STATE_COLOURS.items()}
        self._read_only_colour = QColor(_STATE_COLOURS[RowState.WAITING])
        self.read_only = False
        self._inspections: dict[str, Inspection] = {}
        self._thumbnails: dict[str, QPixmap] = {}  # scaled to the icon size when first shown
        self._sheet_tips: dict[str, str] = {}
        self._sheets: dict[str, bytes | None] = {}  # read from the store when first wanted
        # The stored contact sheet of an inspection (the store keeps the sheets; the rows
        # hold the facts and thumbnails only).
        self.sheet_loader: Callable[[Inspection], bytes | None] = lambda _found: None
        self.icon_size = QSize()
        self._blank_icon = QPixmap()

    # --- content --------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[InboxRow]:
        return self._rows

    def set_rows(self, rows: Iterable[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = [self._with_duration(row) for row in rows]
        self._by_path = None
        self.endResetModel()

    # --- inspections ----------------------------------------------------------------------

    @property
    def decorated(self) -> bool:
        """Rows show a thumbnail (or the room for one) once any recording was inspected."""
        return bool(self._inspections) and self.icon_size.isValid()

    def set_icon_size(self, size: QSize) -> None:
        self.icon_size = QSize(size)
        self._blank_icon = QPixmap(size)
        self._blank_icon.fill(Qt.GlobalColor.transparent)
        self._thumbnails.clear()

    def set_inspections(self, found: Mapping[str, Inspection]) -> None:
        """Every known inspection (read from the store, or at the end of a pass)."""
        self._inspections = dict(found)
        self._thumbnails.clear()
        self._sheet_tips.clear()
        self._sheets.clear()
        for number, row in enumerate(self._rows):
            self._rows[number] = self._with_duration(row)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def set_inspection(self, found: Inspection) -> None:
        """One recording just inspected: its cells change, nothing else."""
        self._inspections[found.path] = found
        self._thumbnails.pop(found.path, None)
        self._sheet_tips.pop(found.path, None)
        self._sheets.pop(found.path, None)
        number = self.row_number(found.path)
        if number is not None:
            self._rows[number] = self._with_duration(self._rows[number])
            self.dataChanged.emit(self.index(number, 0),
                                  self.index(number, COLUMN_COUNT - 1))

    def inspection(self, row: InboxRow) -> Inspection | None:
        """The inspection of this very file (same size), if there is one."""
        found = self._inspections.get(row.path)
        return found if found is not None and found.size == row.size else None

    def with_sheet(self, row: InboxRow) -> Inspection | None:
        """The row's inspection with its contact sheet (for the detail pane, a dialog)."""
        found = self.inspection(row)
        if found is None or found.sheet_png is not None:
            return found
        return replace(found, sheet_png=self._sheet(found))

    def _sheet(self, found: Inspection) -> bytes | None:
        if found.sheet_png is not None:
            return found.sheet_png
        if found.path not in self._sheets:
            self._sheets[found.path] = self.sheet_loader(found)
        return self._sheets[found.path]

    def flag_kinds(self, row: InboxRow) -> set[FlagKind]:
        found = self.inspection(row)
        return found.flag_kinds if found is not None else set()

    def _with_duration(self, row: InboxRow) -> InboxRow:
        found = self.inspection(row) if row.duration is None else None
        if found is None or found.duration_s is None:
            return row
        return replace(row, duration=found.duration_s)

    def _thumbnail(self, row: InboxRow) -> QPixmap | None:
        if not self.decorated:
            return None
        pixmap = self._thumbnails.get(row.path)
        if pixmap is None:
            found = self.inspection(row)
            pixmap = self._blank_icon
            if found is not None and found.thumbnail_png:
                loaded = QPixmap()
                if loaded.loadFromData(found.thumbnail_png, "PNG"):
                    pixmap = loaded.scaled(self.icon_size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
            self._thumbnails[row.path] = pixmap
        return pixmap

    def _sheet_tip(self, row: InboxRow) -> str:
        """The row's contact sheet as rich text for a tooltip; "" when it has none."""
        tip = self._sheet_tips.get(row.path)
        if tip is None:
            found = self.inspection(row)
            png = self._sheet(found) if found is not None else None
            tip = ""
            if png:
                encoded = base64.b64encode(png).decode("ascii")
                sheet = QPixmap()
                width = TOOLTIP_SHEET_WIDTH
                if sheet.loadFromData(png, "PNG"):
                    width = min(width, sheet.width())
                tip = f'<img src="data:image/png;base64,{encoded}" width="{width}">'
            self._sheet_tips[row.path] = tip
        return tip

    def set_read_only(self, read_only: bool) -> None:
        """Offline the states are the last ones seen: grey, none of them offers an action."""
        if read_only != self.read_only:
            self.read_only = read_only
            if self._rows:
                self.dataChanged.emit(self.index(0, COL_STATE),
                                      self.index(len(self._rows) - 1, COL_STATE))

    def row_at(self, number: int) -> InboxRow:
        return self._rows[number]

    def row_number(self, path: str) -> int | None:
        if self._by_path is None:
            self._by_path = {row.path: number for number, row in enumerate(self._rows)}
        return self._by_path.get(path)

    def replace_row(self, row: InboxRow) -> None:
        """Swap in a newer copy of a row, telling views only about the cells that changed."""
        number = self.row_number(row.path)
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
            return QCoreApplication.translate("InboxModel", _HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, number: int, column: int, role: int) -> Any:
        """One cell's value for ``role``; the proxy calls it directly (no index objects)."""
        if role not in _ROLES_SERVED:
            return None
        row = self._rows[number]
        if role == _DISPLAY:
            return self._display(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column in (COL_SIZE, COL_DURATION) else None
        if role == _FOREGROUND:
            if column != COL_STATE:
                return None
            return self._read_only_colour if self.read_only else self._colours.get(row.state)
        if role == SortRole:
            return _sort_key(column)(row)
        if role == ObjectRole:
            return row
        if role == _DECORATION:
            return self._thumbnail(row) if column == COL_FILE else None
        return self._tooltip(row, column)

    def _tooltip(self, row: InboxRow, column: int) -> str | None:
        """A cell's own words, and the row's contact sheet under them wherever it is
        hovered (rich text: the words escaped)."""
        if column == COL_SIZE:
            text = self.tr("{size} bytes").format(size=format_count(row.size, self._locale))
        elif column == COL_FILE:
            text = row.path
        elif column in (COL_RECORDER, COL_STATE):
            # The full text, one hover away, wherever a person narrows a column.
            text = self._display(row, column)
        else:
            text = None
        sheet = self._sheet_tip(row)
        if not sheet:
            return text
        return (f"<p>{html.escape(text)}</p>" if text else "") + sheet

    def sizing_texts(self, column: int) -> set[str]:
        """The texts a column must show whole, to size it without formatting every row:
        the longest file names, each distinct recorder cell, every state, and the widest
        date, size and duration."""
        if column == COL_FILE:  # the longest names by characters, measured by the view
            longest = heapq.nlargest(
                FILE_SIZING_ROWS, self._rows,
                key=lambda row: len(row.name) + (SLIDES_SUFFIX if row.slides is not None else 0))
            return {self._display(row, column) for row in longest}
        if column == COL_RECORDER:
            seen = {(row.recorder_name, row.folder): row for row in self._rows}
            return {self._display(row, column) for row in seen.values()}
        if column == COL_STATE:
            return set(self._state_text.values())
        if column == COL_DEPOSITED:
            # two-digit day, month, hour and minute; December for the longest month names
            return {format_datetime(datetime(2026, 12, 28, 23, 58), self._locale),
                    format_datetime(datetime(2026, 12, 28, 11, 58), self._locale)}
        if column == COL_SIZE:
            largest = max((row.size for row in self._rows), default=0)
            return {format_size(size, self._locale)
                    for size in (largest, 999 * 1024**2 + 922 * 1024, 1023)}
        if column == COL_DURATION:
            longest = max((row.duration or 0 for row in self._rows), default=0)
            return {format_duration(seconds, self._locale) for seconds in (longest, 9 * 3600)}
        return set()

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
        self._position: list[int] | None = []  # source row -> proxy row (-1: filtered out)
        self._sorted_all: list[int] = []  # every source row in sort order
        self._haystack: list[str] = []
        self._sort_column = COL_DEPOSITED
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._text = ""
        self._recorder: str | None = None
        self._states: frozenset[RowState] | None = None
        self._since: datetime | None = None
        self._flags: frozenset[FlagKind] | None = None
        self._results: dict[str, list[int]] = {}  # filter text -> rows, for Backspace

    def inbox(self) -> InboxModel:
        return self._model

    def setSourceModel(self, model: InboxModel) -> None:  # type: ignore[override]
        self._model = model
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
        """Rows whose file, folder, path or recorder contain every word typed."""
        previous, self._text = self._text, " ".join(text.casefold().split())
        self._relayout(resort=False, narrowing=bool(previous) and self._text.startswith(previous),
                       text_only=True)

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

    @property
    def flag_filter(self) -> frozenset[FlagKind] | None:
        return self._flags

    def set_flag_filter(self, kinds: Iterable[FlagKind] | None) -> None:
        """Rows whose inspection raised any of ``kinds``; None shows all."""
        self._flags = frozenset(kinds) if kinds is not None else None
        self._relayout(resort=False)

    def inspections_changed(self) -> None:
        """Inspections arrived: durations sorted by, and the rows a flag filter accepts,
        may have changed."""
        if self._sort_column == COL_DURATION:
            self._relayout(resort=True)
        elif self._flags is not None:
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
        return self._model.index(self._order[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        positions = self._positions()
        if not source_index.isValid() or source_index.row() >= len(positions):
            return QModelIndex()
        position = positions[source_index.row()]
        if position < 0:
            return QModelIndex()
        return self.createIndex(position, source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._model.cell(self._order[index.row()], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self._model.headerData(section, orientation, role)
        return None

    def row_at(self, proxy_row: int) -> InboxRow:
        return self._model.row_at(self._order[proxy_row])

    def proxy_row_of(self, path: str) -> int | None:
        number = self.inbox().row_number(path)
        if number is None or self._positions()[number] < 0:
            return None
        return self._positions()[number]

    # --- computing the view ---------------------------------------------------------------

    def _source_reset(self) -> None:
        self._results.clear()
        rows = self.inbox().rows
        self._haystack = [f"{r.path}\n{r.recorder_name}".casefold() for r in rows]
        self._sorted_all = self._sorted_rows()
        self._filter()
        self.endResetModel()

    def _sorted_rows(self) -> list[int]:
        """Every source row number in the current sort order (keys computed once each)."""
        keys = list(map(_sort_key(self._sort_column), self.inbox().rows))
        order = sorted(range(len(keys)), key=keys.__getitem__)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            order.reverse()
        return order

    def _filter(self, *, narrowing: bool = False) -> None:
        """The rows every filter accepts, in sort order. Typing more of a word only narrows
        the previous result, so each keystroke scans fewer rows than the last; the results
        of earlier texts are kept, so Backspace costs nothing."""
        known = self._results.get(self._text)
        if known is not None:
            self._order = known
            self._position = None
            return
        rows, haystack = self.inbox().rows, self._haystack
        order = self._order if narrowing else self._sorted_all
        for word in self._text.split():
            order = [n for n in order if word in haystack[n]]
        if not narrowing:
            if self._recorder is not None:
                recorder = self._recorder
                order = [n for n in order if (rows[n].recorder_name or rows[n].folder) == recorder]
            if self._states is not None:
                states = self._states
                order = [n for n in order if rows[n].state in states]
            if self._since is not None:
                since = self._since
                order = [n for n in order
                         if rows[n].deposited is not None and rows[n].deposited >= since]
            if self._flags is not None:
                flags, flag_kinds = self._flags, self.inbox().flag_kinds
                order = [n for n in order if flag_kinds(rows[n]) & flags]
        self._order = list(order) if order is self._sorted_all else order
        self._position = None
        if len(self._results) >= RESULTS_KEPT:
            self._results.pop(next(iter(self._results)))
        self._results[self._text] = self._order

    def _where(self, numbers: set[int]) -> dict[int, int]:
        """Proxy rows of a few source rows (-1: filtered out), without mapping them all."""
        if len(numbers) > 32:
            positions = self._positions()
            return {number: positions[number] for number in numbers}
        where = {}
        for number in numbers:
            try:
                where[number] = self._order.index(number)
            except ValueError:
                where[number] = -1
        return where

    def _positions(self) -> list[int]:
        """Source row -> proxy row, built when first asked (a keystroke does not need it)."""
        if self._position is None:
            positions = [-1] * len(self.inbox().rows)
            for position, number in enumerate(self._order):
                positions[number] = position
            self._position = positions
        return self._position

    def _relayout(self, *, resort: bool, narrowing: bool = False, text_only: bool = False) -> None:
        """Re-sort/re-filter keeping the selection and current row (persistent indexes)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(self._order[i.row()], i.column()) for i in persistent]
        if not text_only:
            self._results.clear()  # the kept results hold for the other filters as they were
        if resort:
            self._sorted_all = self._sorted_rows()
        self._filter(narrowing=narrowing and not resort)
        where = self._where({number for number, _ in sources})
        replacements = []
        for number, column in sources:
            position = where[number]
            replacements.append(
                self.createIndex(position, column) if position >= 0 else QModelIndex()
            )
        self.changePersistentIndexList(persistent, replacements)
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if bottom_right.row() - top_left.row() >= MANY_CHANGED and self._order:
            # Many rows at once (every inspection read): one signal, not one per row.
            self.dataChanged.emit(self.createIndex(0, top_left.column()),
                                  self.createIndex(len(self._order) - 1, bottom_right.column()))
            return
        positions = self._positions()
        for number in range(top_left.row(), bottom_right.row() + 1):
            position = positions[number]
            if position >= 0:
                self.dataChanged.emit(
                    self.createIndex(position, top_left.column()),
                    self.createIndex(position, bottom_right.column()),
                )
