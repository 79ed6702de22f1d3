"""Narrowing the table: the recorder sidebar with its counts, the filter line, the state
and date choices, and the count of recordings shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.inbox.rows import STATE_LABELS, RowState, counts_by_recorder
from recmanager.inspection.model import FLAG_LABELS, FlagKind
from recmanager.ui.locale_format import format_datetime

ALL = "__all__"
DATE_CHOICES = (
    (None, QT_TRANSLATE_NOOP("InboxFilters", "Any date")),
    (1, QT_TRANSLATE_NOOP("InboxFilters", "Last 24 hours")),
    (7, QT_TRANSLATE_NOOP("InboxFilters", "Last 7 days")),
    (30, QT_TRANSLATE_NOOP("InboxFilters", "Last 30 days")),
)
# The flags the inbox can raise (a timetable slot is known to bulk rules only).
INBOX_FLAGS = tuple(kind for kind in FlagKind if kind is not FlagKind.SHORTER_THAN_SLOT)
# Characters the quality choice shows when closed; its list is as wide as its longest flag.
QUALITY_CHOICE_CHARACTERS = 16


class InboxFilters:
    """The sidebar and the filters; mixed into :class:`InboxPanel`."""

    def _build_sidebar(self, splitter: QSplitter) -> None:
        """The recorders, each with its claimable and total counts; picking one filters."""
        self.sidebar = QTreeWidget(splitter)
        self.sidebar.setObjectName("RecorderSidebar")
        self.sidebar.setHeaderLabels([self.tr("Recorder"), self.tr("Claimable / all")])
        # The header's words would make the sidebar wider than its content: each count
        # says in its tooltip what it counts.
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setRootIsDecorated(False)
        self.sidebar.setAccessibleName(self.tr("Recorders"))
        self.sidebar.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sidebar.setMinimumWidth(120)
        self.sidebar.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sidebar.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.sidebar.header().setStretchLastSection(False)
        self.sidebar.currentItemChanged.connect(self._recorder_chosen)

    def _build_filters(self, center: QWidget) -> QHBoxLayout:
        """The filter line and the state and date choices above the table."""
        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(center)
        self.filter_edit.setObjectName("InboxFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by file, recorder or path (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        filters.addWidget(self.filter_edit, 1)
        self.state_combo = QComboBox(center)
        self.state_combo.setAccessibleName(self.tr("State"))
        self.state_combo.addItem(self.tr("All states"), None)
        for state, label in STATE_LABELS.items():
            self.state_combo.addItem(QCoreApplication.translate("RowState", label), state)
        filters.addWidget(self.state_combo)
        self.date_combo = QComboBox(center)
        self.date_combo.setAccessibleName(self.tr("Deposited"))
        for days, label in DATE_CHOICES:
            self.date_combo.addItem(self.tr(label), days)
        filters.addWidget(self.date_combo)
        filters.addWidget(self._build_quality_choice(center))
        return filters

    def _build_quality_choice(self, center: QWidget) -> QComboBox:
        """Any quality, any problem, or one flag: the recordings to look at before anyone
        claims them."""
        self.quality_combo = QComboBox(center)
        self.quality_combo.setObjectName("QualityFilter")
        self.quality_combo.setAccessibleName(self.tr("Quality"))
        self.quality_combo.addItem(self.tr("Any quality"), None)
        self.quality_combo.addItem(self.tr("With a problem"), INBOX_FLAGS)
        for kind in INBOX_FLAGS:
            self.quality_combo.addItem(
                QCoreApplication.translate("InspectionFlag", FLAG_LABELS[kind]), (kind,))
        self.quality_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.quality_combo.setMinimumContentsLength(QUALITY_CHOICE_CHARACTERS)
        self.quality_combo.view().setMinimumWidth(self.quality_combo.view().sizeHintForColumn(0))
        self.quality_combo.currentIndexChanged.connect(self._quality_filter_changed)
        return self.quality_combo

    def _rebuild_sidebar(self) -> None:
        chosen = self.proxy_recorder_filter()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        rows = self.model.rows
        counts = counts_by_recorder(rows)
        total = QTreeWidgetItem([self.tr("All recordings"), str(len(rows))])
        total.setData(0, Qt.ItemDataRole.UserRole, ALL)
        self.sidebar.addTopLevelItem(total)
        names = sorted({r.name for r in self.recorders.values()} | set(counts),
                        key=str.casefold)
        current = total
        for name in names:
            states = counts.get(name)
            claimable = (states[RowState.CLAIMABLE] + states[RowState.NOTIFIED]) if states else 0
            count = sum(states.values()) if states else 0
            item = QTreeWidgetItem([name, f"{claimable}/{count}" if count else "0"])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setToolTip(1, self.tr("{claimable} claimable of {count} files").format(
                claimable=claimable, count=count))
            item.setToolTip(0, name)
            if states and states[RowState.ORPHAN]:
                item.setToolTip(0, self.tr("{folder}: this folder belongs to no recorder.")
                                .format(folder=name))
                item.setForeground(0, Qt.GlobalColor.darkRed)
            self.sidebar.addTopLevelItem(item)
            if name == chosen:
                current = item
        self.sidebar.setCurrentItem(current)
        self.sidebar.blockSignals(False)

    def proxy_recorder_filter(self) -> str | None:
        item = self.sidebar.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return None if value in (None, ALL) else value

    def _recorder_chosen(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.proxy.set_recorder_filter(None if value in (None, ALL) else value)
        self._update_count()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _state_filter_changed(self) -> None:
        state = self.state_combo.currentData()
        self.proxy.set_state_filter(None if state is None else [state])
        self._update_count()

    def _quality_filter_changed(self) -> None:
        self.proxy.set_flag_filter(self.quality_combo.currentData())
        self._update_count()

    def _date_filter_changed(self) -> None:
        days = self.date_combo.currentData()
        self.proxy.set_since(None if days is None else datetime.now(UTC) - timedelta(days=days))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("{shown} of {total} recordings").format(shown=shown, total=total)
        if self.refreshed_at is not None:
            text += " · " + self.tr("last refresh {time}").format(
                time=format_datetime(self.refreshed_at))
        self.count_label.setText(text)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
