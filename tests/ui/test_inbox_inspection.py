"""The inspections in the recordings screen and the bulk window, against the sandbox Pod and
its mounted deposit folder holding generated clips: after a refresh's scan each recording
shows its duration and thumbnail (inspected once), the quality filter shows the flagged
rows only, the detail pane gives each flag's evidence and the sheet, the claim dialog the
sheet, and the bulk window leaves out a flag's rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from recmanager.deposit import open_deposit
from recmanager.inspection import FlagKind, inspect_files
from recmanager.sandbox.samples import MICROPHONE_OFF
from recmanager.ui.bulk_plan_model import PlanModel
from recmanager.ui.bulk_window import BulkWindow
from recmanager.ui.inbox.model import COL_DURATION, COL_FILE
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.integration.test_bulk_flags import deposit_clips
from tests.ui.screen import text_margin

SILENT, NORMAL = "quiet-room.mp4", "lively-room.mp4"
SEEDED_SILENT = MICROPHONE_OFF.rsplit("/", 1)[1]


@pytest.fixture
def pod(sandbox_pod, inspection_clips, context):
    """The sandbox with a silent and a normal clip in Amphi A's folder, listed by Pod; its
    own false start is none here, its lecture with the microphone off is silent."""
    deposit_clips(sandbox_pod, inspection_clips, {SILENT: "silent", NORMAL: "normal"})
    context.settings.set("false_start_s", 1)
    context.settings.set("quiet_period_s", 1)
    context.settings.set("refresh_interval_s", 0)
    return sandbox_pod


@pytest.fixture
def window(qtbot, pod, context):
    shown = MainWindow(context, profile_name=pod.profile(context, user="admin").name,
                       runner=TaskRunner(synchronous=True))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.inbox.snapshot is not None, timeout=30000)
    return shown


def proxy_row(window: MainWindow, name: str) -> int:
    inbox = window.inbox
    path = next(row.path for row in inbox.model.rows if row.name == name)
    number = inbox.proxy.proxy_row_of(path)
    assert number is not None, name
    return number


def test_the_table_shows_duration_thumbnail_and_sheet_once_inspected(window, qtbot):
    inbox = window.inbox
    number = proxy_row(window, NORMAL)
    assert inbox.proxy.index(number, COL_DURATION).data() == "0:06"
    thumbnail = inbox.proxy.index(number, COL_FILE).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(thumbnail, QPixmap) and not thumbnail.isNull()
    assert thumbnail.height() <= inbox.table.iconSize().height()
    tip = inbox.proxy.index(number, COL_FILE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>") and "/amphiA/lively-room.mp4" in tip
    assert '<img src="data:image/png;base64,' in tip
    # Every row of the sandbox was inspected after the refresh's scan, and only once.
    assert all(inbox.model.inspection(row) is not None for row in inbox.model.rows
               if row.state.value in ("claimable", "notified", "orphan"))
    with qtbot.assertNotEmitted(inbox.inspected, wait=200):
        inbox.refresh()
    assert inbox.proxy.index(proxy_row(window, NORMAL), COL_DURATION).data() == "0:06"


def test_the_status_bar_counts_the_recordings_inspected(qtbot, pod, inspection_clips,
                                                        window):
    inbox = window.inbox
    messages: list[str] = []
    inbox.message.connect(messages.append)
    deposit_clips(pod, inspection_clips, {"late-arrival.mp4": "normal"})
    inbox.refresh()
    qtbot.waitUntil(lambda: "Recordings inspected: 1 of 1" in messages)
    assert "Recordings to inspect: 1" in messages


def test_the_quality_filter_shows_only_flagged_rows(window):
    inbox = window.inbox
    total = inbox.proxy.rowCount()
    inbox.quality_combo.setCurrentIndex(inbox.quality_combo.findText("With a problem"))
    assert {inbox.proxy.row_at(n).name for n in range(inbox.proxy.rowCount())} == \
        {SILENT, SEEDED_SILENT}
    inbox.quality_combo.setCurrentIndex(inbox.quality_combo.findText("picture stays black"))
    assert inbox.proxy.rowCount() == 0
    inbox.quality_combo.setCurrentIndex(inbox.quality_combo.findText("no sound"))
    assert inbox.proxy.rowCount() == 2
    assert "2 of" in inbox.count_label.text()
    inbox.quality_combo.setCurrentIndex(0)
    assert inbox.proxy.rowCount() == total


def test_the_detail_pane_gives_the_evidence_and_the_sheet(window):
    inbox = window.inbox
    inbox.table.selectRow(proxy_row(window, SILENT))
    detail = inbox.detail
    quality = detail.fields["quality"]
    assert quality.text() == "<b>no sound</b>"
    assert "moments listened to from" in quality.toolTip() and "dB" in quality.toolTip()
    assert detail.fields["recording"].text() == "0:06 · 160×90 · h264 · aac"
    assert detail.sheet.pixmap() is not None and not detail.sheet.pixmap().isNull()
    inbox.table.selectRow(proxy_row(window, NORMAL))
    assert quality.text() == "no problem found" and not quality.toolTip()


def test_the_claim_dialog_shows_the_sheet_and_the_flags(window):
    inbox = window.inbox
    inbox.table.selectRow(proxy_row(window, SILENT))
    inbox.claim()
    dialog = inbox.claim_dialog
    try:
        assert not dialog.sheet.pixmap().isNull()
        assert dialog.sheet.pixmap().width() > 300  # six pictures or more, readable
        assert "no sound" in dialog.findChild(type(dialog.sheet), "claimFlags").text()
    finally:
        dialog.reject()


def test_the_bulk_window_shows_the_flags_and_excludes_a_flag(qtbot, pod, context, tmp_path,
                                                             window):
    rules = tmp_path / "rules.csv"
    rules.write_text("recorder;owner\nAmphi A;teacher1\n", encoding="utf-8")
    bulk = BulkWindow(context, pod.profile(context, user="admin"), TaskRunner(synchronous=True))
    qtbot.addWidget(bulk)
    bulk.load_rules(rules)
    model = bulk.model
    quality = {model.index(n, PlanModel.FILE).data(): model.index(n, PlanModel.QUALITY).data()
               for n in range(model.rowCount())}
    assert quality[SILENT] == "no sound" and quality[NORMAL] == ""
    bulk.exclude_flagged([FlagKind.SILENT])
    excluded = {row.filename for row in bulk.plan.rows if row.excluded}
    assert excluded == {SILENT, SEEDED_SILENT}


def test_the_bulk_windows_quality_column_shows_one_flag_whole(
        qtbot, pod, inspection_clips, context, tmp_path):
    """With the 2-minute default the 6-second clips are false starts; a recording cut short
    has the longest wording: the column shows each flag in a word or two, whole, and its
    tooltip the whole wording and the evidence."""
    deposit_clips(pod, inspection_clips, {"power-cut.mp4": "cut_before_moov"})
    context.settings.set("false_start_s", 120)
    profile = pod.profile(context, user="admin")
    with open_deposit(profile, context) as deposit:
        files = [item for folder in deposit.list_all().values() for item in folder]
        inspect_files(deposit, context.db, profile.name, files)
    rules = tmp_path / "rules.csv"
    rules.write_text("recorder;owner\nAmphi A;teacher1\n", encoding="utf-8")
    bulk = BulkWindow(context, profile, TaskRunner(synchronous=True))
    qtbot.addWidget(bulk)
    bulk.load_rules(rules)
    model, metrics = bulk.model, bulk.table.fontMetrics()
    cells = {model.index(n, PlanModel.FILE).data(): model.index(n, PlanModel.QUALITY)
             for n in range(model.rowCount())}
    assert cells[NORMAL].data() == FlagKind.FALSE_START.short_label
    cut = cells["power-cut.mp4"]
    assert cut.data() == FlagKind.CUT_SHORT.short_label
    tip = cut.data(Qt.ItemDataRole.ToolTipRole)
    assert FlagKind.CUT_SHORT.label in tip and "moov" in tip
    room = bulk.table.columnWidth(PlanModel.QUALITY) - 2 * text_margin(bulk.table)
    assert all(metrics.horizontalAdvance(kind.short_label) <= room for kind in FlagKind)
