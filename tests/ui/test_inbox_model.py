"""The inbox table model and its Python-side proxy: sorting, filtering, selection, one-cell
updates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from recmanager.inbox.rows import InboxRow, RowState
from recmanager.ui.inbox.model import (
    COL_DEPOSITED,
    COL_DURATION,
    COL_FILE,
    COL_SIZE,
    COL_STATE,
    InboxModel,
    InboxProxy,
    ObjectRole,
    SortRole,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def row(name: str, *, size: int = 1, recorder: str = "Amphi A", hours: int = 0,
        state: RowState = RowState.CLAIMABLE, duration: float | None = None) -> InboxRow:
    folder = recorder.split()[-1]
    return InboxRow(path=f"/d/{folder}/{name}", name=name, folder=folder, state=state,
                    size=size, deposited=NOW - timedelta(hours=hours), recorder_id=1,
                    recorder_name=recorder, duration=duration)


@pytest.fixture
def models(qtbot):
    model = InboxModel()
    proxy = InboxProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    qtbot.addWidget(view)
    model.set_rows([
        row("small.mp4", size=10, hours=3),
        row("huge.mp4", size=5 * 2**30, hours=1, recorder="Salle E"),
        row("big.mp4", size=3 * 2**30, hours=2, duration=61.0),
        row("other.mp4", size=2**31 + 1, hours=4, state=RowState.UPLOADING, recorder="Salle E"),
    ])
    return model, proxy, view


def names(proxy: InboxProxy) -> list[str]:
    return [proxy.row_at(i).name for i in range(proxy.rowCount())]


def test_sizes_above_2_gib_sort_exactly(models):
    _, proxy, _ = models
    proxy.sort(COL_SIZE, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["small.mp4", "other.mp4", "big.mp4", "huge.mp4"]
    proxy.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "huge.mp4"


def test_default_order_is_newest_first_and_other_columns_sort(models):
    _, proxy, _ = models
    assert names(proxy) == ["huge.mp4", "big.mp4", "small.mp4", "other.mp4"]
    proxy.sort(COL_FILE, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["big.mp4", "huge.mp4", "other.mp4", "small.mp4"]
    proxy.sort(COL_DURATION, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "big.mp4"
    proxy.sort(COL_STATE, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[-1] == "other.mp4"  # "uploading" after "claimable"


def test_roles_display_tooltip_and_object(models):
    model, proxy, _ = models
    proxy.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)
    index = proxy.index(0, COL_SIZE)
    assert proxy.data(index, ObjectRole).name == "huge.mp4"
    assert proxy.data(index, SortRole) == 5 * 2**30
    assert "GiB" in proxy.data(index) and "5" in proxy.data(index)
    tooltip = proxy.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "".join(ch for ch in tooltip if ch.isdigit()) == "5368709120"  # exact bytes
    assert proxy.data(proxy.index(0, COL_DEPOSITED))
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "State"


def test_filters_words_narrowing_recorder_state_and_date(models):
    _, proxy, _ = models
    for text in ("s", "sa", "sal", "salle e"):
        proxy.set_filter_text(text)
    assert set(names(proxy)) == {"huge.mp4", "other.mp4"}
    proxy.set_filter_text("salle huge")
    assert names(proxy) == ["huge.mp4"]
    proxy.set_filter_text("big")  # not a narrowing of the previous text
    assert names(proxy) == ["big.mp4"]
    proxy.set_filter_text("")
    proxy.set_recorder_filter("Salle E")
    assert set(names(proxy)) == {"huge.mp4", "other.mp4"}
    proxy.set_state_filter([RowState.UPLOADING])
    assert names(proxy) == ["other.mp4"]
    proxy.set_recorder_filter(None)
    proxy.set_state_filter(None)
    proxy.set_since(NOW - timedelta(hours=2, minutes=30))
    assert names(proxy) == ["huge.mp4", "big.mp4"]
    proxy.set_filter_text("mp4")  # text on top of a date filter
    assert names(proxy) == ["huge.mp4", "big.mp4"]


def test_selection_follows_rows_through_sorting_and_filtering(models):
    _, proxy, view = models
    view.selectionModel().select(proxy.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    assert proxy.row_at(view.selectionModel().selectedRows()[0].row()).name == "big.mp4"
    proxy.sort(COL_SIZE, Qt.SortOrder.AscendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [proxy.row_at(i.row()).name for i in selected] == ["big.mp4"]
    proxy.set_filter_text("big")
    assert [proxy.row_at(i.row()).name for i in view.selectionModel().selectedRows()] == \
        ["big.mp4"]
    proxy.set_filter_text("huge")
    assert view.selectionModel().selectedRows() == []


def test_replacing_a_row_changes_only_its_changed_cells(models, qtbot):
    model, proxy, _ = models
    changed: list[tuple[int, int, int]] = []
    proxy.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.column())))
    reset: list[bool] = []
    proxy.modelReset.connect(lambda: reset.append(True))
    original = model.rows[2]
    model.replace_row(replace(original, duration=3725.0))
    position = proxy.proxy_row_of(original.path)
    assert changed == [(position, COL_DURATION, COL_DURATION)]
    assert proxy.data(proxy.index(position, COL_DURATION)) == "1:02:05"
    assert not reset


def test_backspace_reuses_earlier_results_until_another_filter_changes(models):
    _, proxy, _ = models
    for text in ("s", "sa", "sal", "salle", "salle h", "salle hu"):
        proxy.set_filter_text(text)
    assert names(proxy) == ["huge.mp4"]
    proxy.set_filter_text("sal")  # Backspace
    assert set(names(proxy)) == {"huge.mp4", "other.mp4"}
    proxy.set_state_filter([RowState.UPLOADING])
    assert names(proxy) == ["other.mp4"]
    proxy.set_filter_text("salle")  # a kept result from before would be wrong now
    assert names(proxy) == ["other.mp4"]
    proxy.set_state_filter(None)
    proxy.sort(COL_SIZE, Qt.SortOrder.AscendingOrder)
    proxy.set_filter_text("sal")
    assert names(proxy) == ["other.mp4", "huge.mp4"]  # in the new order


def test_inspections_give_durations_the_sort_and_the_flag_filter_follow(models):
    from recmanager.inspection import Flag, FlagKind, Inspection

    model, proxy, _ = models
    proxy.sort(COL_DURATION, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[-1] == "big.mp4"  # the only known duration
    by_name = {item.name: item for item in model.rows}
    small, huge = by_name["small.mp4"], by_name["huge.mp4"]
    model.set_inspection(Inspection(huge.path, huge.size, 0.0, duration_s=5400.0))
    model.set_inspection(Inspection(small.path, small.size, 0.0, duration_s=30.0,
                                    flags=(Flag(FlagKind.SILENT),)))
    model.set_inspection(Inspection(by_name["other.mp4"].path, 1, 0.0, duration_s=9.0))
    proxy.inspections_changed()
    assert names(proxy) == ["other.mp4", "small.mp4", "big.mp4", "huge.mp4"]
    assert proxy.index(3, COL_DURATION).data() == "1:30:00"
    assert proxy.index(0, COL_DURATION).data() == ""  # an inspection of another version
    proxy.set_flag_filter([FlagKind.SILENT, FlagKind.BLACK])
    assert names(proxy) == ["small.mp4"]
    model.set_inspection(Inspection(huge.path, huge.size, 0.0, duration_s=5400.0,
                                    flags=(Flag(FlagKind.BLACK),)))
    proxy.inspections_changed()
    assert names(proxy) == ["small.mp4", "huge.mp4"]
