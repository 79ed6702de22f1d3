"""Column and sidebar widths: each column as wide as its widest text, the File column
taking the rest (the Recorder column giving way first, never the State column), the sidebar
as wide as its longest recorder name.

The widths add the style's margins to the texts'. Asking the style for them makes PySide
build its ``QStyle`` type with its ~600 enum members (~5 ms) on the way to the recordings'
first paint: the window starts with the margins the style gave last time, and checks them
once the recordings are on screen (:meth:`InboxColumns.check_style_margins`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from recmanager.ui.inbox.model import (
    COL_DEPOSITED,
    COL_DURATION,
    COL_FILE,
    COL_RECORDER,
    COL_SIZE,
    COL_STATE,
    COLUMN_COUNT,
)

SIDEBAR_FIRST_WIDTH = 160  # until the recorders are known; then the longest name's width
CELL_SLACK = 4  # pixels beyond the style's own margins around a cell's text


def style_margins(widget: QWidget) -> tuple[int, int, int]:
    """The style's focus frame margin (cells), header margin and sort arrow's size."""
    from PySide6.QtWidgets import QStyle

    metric = widget.style().pixelMetric
    return (metric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget),
            metric(QStyle.PixelMetric.PM_HeaderMargin, None, widget),
            metric(QStyle.PixelMetric.PM_HeaderMarkSize, None, widget))


def read_style_margins(value: object) -> tuple[int, int, int] | None:
    """Margins as the window's state file keeps them (a list of three numbers), or None."""
    if isinstance(value, str):  # one number, or an edited file
        return None
    try:
        margins = tuple(int(number) for number in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    if len(margins) != 3 or not all(0 <= number <= 100 for number in margins):
        return None
    return margins  # type: ignore[return-value]


class InboxColumns:
    """Sizing of the table's columns and the sidebar; mixed into :class:`InboxPanel`."""

    def _style_margins(self) -> tuple[int, int, int]:
        if self.style_margins_used is None:
            self.style_margins_used = style_margins(self.table)
        return self.style_margins_used

    def check_style_margins(self) -> tuple[int, int, int]:
        """The style's margins, asked now: the columns and the sidebar are fitted again if
        they were not those used (the style changed since the margins were kept)."""
        measured = style_margins(self.table)
        if measured != self.style_margins_used:
            self.style_margins_used = measured
            self._fit_columns()
            self._fit_sidebar()
        return measured

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting_columns and column != COL_FILE:
            self._resized_by_hand.add(column)

    def _fit_columns(self) -> None:
        """Every column but File as wide as its widest text; File, stretched, takes the
        rest. A column the person resized keeps the person's width."""
        header = self.table.horizontalHeader()
        cell, heading = self.table.fontMetrics(), header.fontMetrics()
        focus_margin, header_margin, mark_size = self._style_margins()
        cell_padding = 2 * (focus_margin + 1) + CELL_SLACK
        header_padding = 2 * header_margin
        sort_arrow = mark_size + header_padding
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
        """File names are not cut at the default size: when the other columns leave the
        File column too little room, the Recorder column gives way, down to its heading
        (its cells are elided with the whole name as tooltip, and the sidebar names every
        recorder). The State column never does: the state is what a person acts on, and
        "cl…le" reads as nothing, whereas a name too long even then is elided in its middle
        (its date and its end still read) with its whole path one hover away."""
        header = self.table.horizontalHeader()
        names = self.model.sizing_texts(COL_FILE)
        if not names or COL_RECORDER in self._resized_by_hand:
            return
        wanted = max(cell.horizontalAdvance(text) for text in names) + cell_padding
        if self.model.decorated:  # the thumbnail beside each name, with its own margins
            wanted += self.table.iconSize().width() + cell_padding
        others = sum(header.sectionSize(column) for column in range(COLUMN_COUNT)
                     if column != COL_FILE)
        # The table's own width, not its viewport's (resized only after the table's resize
        # event), less the vertical scroll bar, shown or about to be.
        room = (self.table.contentsRect().width()
                - self.table.verticalScrollBar().sizeHint().width())
        missing = others + wanted - room
        if missing <= 0:
            return
        title = str(self.model.headerData(COL_RECORDER, Qt.Orientation.Horizontal))
        least = heading.horizontalAdvance(title) + header_padding + 2 * CELL_SLACK
        width = header.sectionSize(COL_RECORDER)
        header.resizeSection(COL_RECORDER, width - min(missing, max(0, width - least)))

    def _fit_sidebar(self) -> None:
        """Widen the sidebar to its longest recorder name (never narrower than a person
        made it, never more than a third of the window)."""
        metrics = self.sidebar.fontMetrics()
        padding = 2 * (self._style_margins()[0] + 1) + CELL_SLACK
        names = counts = 0
        for number in range(self.sidebar.topLevelItemCount()):
            item = self.sidebar.topLevelItem(number)
            names = max(names, metrics.horizontalAdvance(item.text(0)))
            counts = max(counts, metrics.horizontalAdvance(item.text(1)))
        self.sidebar.header().resizeSection(1, counts + padding)
        scrollbar = self.sidebar.verticalScrollBar()
        wanted = (names + counts + 2 * padding + 2 * self.sidebar.frameWidth()
                  + (scrollbar.sizeHint().width() if scrollbar.isVisible() else 0))
        if not self.splitter.isVisible():
            # Not laid out yet, its sizes are placeholders: sharing them left the table no
            # width at all. The panel fits the sidebar when it shows.
            self._sidebar_fit_pending = True
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = min(wanted, max(total // 3, SIDEBAR_FIRST_WIDTH))
        if total and sizes[0] < wanted:
            self.splitter.setSizes([wanted, total - wanted])
