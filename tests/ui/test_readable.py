"""At the default size (1200×760), in English and in French, with the names real lecture
halls use, every name a person needs is shown whole: no cell of the File, Recorder or State
columns, no sidebar entry, header, button or label is elided or clipped. Elision is allowed
only where the whole text is one hover away (a tooltip), and never for a file name."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from recmanager.ui.inbox.model import (
    COL_DURATION,
    COL_FILE,
    COL_RECORDER,
    COL_STATE,
    COLUMN_COUNT,
)
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.ui.realistic import LONG_FILE, LONG_RECORDER, ROOT, ZIP_FILE
from tests.ui.screen import every_page, language, open_main_window, text_margin, title_cut


def cut_cells(window: MainWindow) -> list[str]:
    """Table cells (File, Recorder, State) and headers whose text is wider than its room."""
    table, proxy = window.inbox.table, window.inbox.proxy
    metrics, margin = table.fontMetrics(), text_margin(table)
    cut = []
    for column in range(COLUMN_COUNT):
        title = proxy.headerData(column, Qt.Orientation.Horizontal)
        room = table.horizontalHeader().sectionSize(column) - 2 * margin
        if table.horizontalHeader().fontMetrics().horizontalAdvance(title) > room:
            cut.append(f"header {title!r} in {room} px")
    for column in (COL_FILE, COL_RECORDER, COL_STATE):
        room = table.columnWidth(column) - 2 * margin
        for row in range(proxy.rowCount()):
            index = proxy.index(row, column)
            text = index.data()
            picture = index.data(Qt.ItemDataRole.DecorationRole)
            # A thumbnail takes its width and margins of the cell (at most the icon size).
            beside = table.iconSize().width() + 2 * margin if picture is not None else 0
            if metrics.horizontalAdvance(text) > room - beside:
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if column == COL_FILE or text not in (tip or ""):
                    cut.append(f"cell {text!r} in {room} px")
    return cut


def cut_sidebar(window: MainWindow) -> list[str]:
    sidebar = window.inbox.sidebar
    metrics, margin = sidebar.fontMetrics(), text_margin(sidebar)
    cut = []
    for number in range(sidebar.topLevelItemCount()):
        item = sidebar.topLevelItem(number)
        for column in (0, 1):
            room = sidebar.columnWidth(column) - 2 * margin
            if metrics.horizontalAdvance(item.text(column)) > room:
                cut.append(f"sidebar {item.text(column)!r} in {room} px")
    return cut


def cut_controls(window: MainWindow) -> list[str]:
    """Visible labels, buttons and combo boxes narrower than their text needs."""
    cut = []
    for label in window.findChildren(QLabel):
        if (label.isVisible() and label.text() and not label.wordWrap()
                and label.textFormat() != Qt.TextFormat.RichText and not label.toolTip()
                and label.sizeHint().width() > label.width()):
            cut.append(f"label {label.text()!r}: {label.width()} of {label.sizeHint().width()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        icon_only = (isinstance(button, QToolButton)
                     and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly)
        if isinstance(button, QPushButton | QToolButton) and not icon_only and \
                button.sizeHint().width() > button.width():
            cut.append(f"button {button.text()!r}: {button.width()} of "
                       f"{button.sizeHint().width()}")
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.sizeHint().width() > combo.width():
            cut.append(f"combo {combo.currentText()!r}: {combo.width()} of "
                       f"{combo.sizeHint().width()}")
    for toolbar in window.findChildren(QToolBar):
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if toolbar.isVisible() and more is not None and more.isVisible():
            cut.append(f"tool bar {toolbar.windowTitle()!r} hides actions behind »")
    return cut


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_names_are_whole_at_the_default_size(qtbot, context, name):
    with language(name):
        window = open_main_window(qtbot, context)
        names = {row.name for row in window.inbox.model.rows}
        assert {LONG_FILE, ZIP_FILE} <= names
        assert LONG_RECORDER in {window.inbox.sidebar.topLevelItem(i).text(0)
                                 for i in range(window.inbox.sidebar.topLevelItemCount())}
        assert window.inbox.table.verticalScrollBar().isVisible(), "rows enough to scroll"
        problems = cut_cells(window) + cut_sidebar(window) + cut_controls(window)
        assert not problems, "\n".join(problems)


# Longer than the File column can hold at the default size, beside its thumbnail.
VERY_LONG_FILE = ("2026-12-04_amphi-Pierre-Mendès-France_M2-sociologie-du-travail-et-des-"
                  "organisations-séance-11.mp4")


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_a_name_too_long_for_the_window_gives_way_before_any_state(qtbot, context, name):
    """The state is what a person acts on: a name that cannot fit is elided in the middle,
    its whole path one hover away, and every state stays whole."""
    from dataclasses import replace

    with language(name):
        window = open_main_window(qtbot, context)
        rows = window.inbox.model.rows
        long = replace(rows[0], name=VERY_LONG_FILE, path=f"{ROOT}/amphiA/{VERY_LONG_FILE}")
        window.inbox.show_rows([long, *rows[1:]])
        QApplication.processEvents()
        table, proxy = window.inbox.table, window.inbox.proxy
        room = table.columnWidth(COL_STATE) - 2 * text_margin(table)
        states = {proxy.index(row, COL_STATE).data() for row in range(proxy.rowCount())}
        assert max(table.fontMetrics().horizontalAdvance(state) for state in states) <= room
        assert [cell.split(" in ")[0] for cell in cut_cells(window)] == [
            f"cell {VERY_LONG_FILE!r}"]  # the one name that cannot fit, and only it
        shown = proxy.index(proxy.proxy_row_of(long.path), COL_FILE)
        assert long.path in shown.data(Qt.ItemDataRole.ToolTipRole)
        assert window.inbox.table.textElideMode() is Qt.TextElideMode.ElideMiddle


# A picture to stand for every recording's thumbnail (the table scales it to its icon size).
THUMBNAIL = Path(__file__).parents[2] / "resources" / "screenshots" / "recorder-editor.png"


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_names_are_whole_beside_their_thumbnails(qtbot, context, name):
    from recmanager.inspection import Inspection

    with language(name):
        window = open_main_window(qtbot, context)
        picture = THUMBNAIL.read_bytes()
        window.inbox._show_inspections({
            row.path: Inspection(row.path, row.size, 0.0, duration_s=5400.0,
                                 thumbnail_png=picture)
            for row in window.inbox.model.rows})
        cell = window.inbox.proxy.index(0, COL_FILE)
        assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
        assert cell.siblingAtColumn(COL_DURATION).data()
        problems = cut_cells(window) + cut_sidebar(window) + cut_controls(window)
        assert not problems, "\n".join(problems)


def test_the_table_filters_and_pod_links_speak_french(qtbot, context):
    with language("fr_FR"):
        window = open_main_window(qtbot, context)
        inbox = window.inbox
        headers = [inbox.proxy.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(COLUMN_COUNT)]
        assert headers == ["Fichier", "Enregistreur", "Déposé", "Taille", "Durée", "État"]
        assert inbox.date_combo.itemText(0) == "Toutes dates"
        inbox.select_path(inbox.model.rows[0].path)
        links = inbox.detail.fields["links"].text()
        for word in ("page de revendication", "formulaire de revendication", "enregistreur",
                     "ligne de traitement"):
            assert f">{word}</a>" in links


def test_the_recorders_window_headers_are_whole_before_the_first_answer(qtbot, context):
    from recmanager.ui.recorders_window import RecordersWindow
    from tests.ui.windows import PROFILE

    with language("fr_FR"):
        window = RecordersWindow(context, PROFILE, TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        header = window.table.horizontalHeader()
        for column in range(window.model.columnCount()):
            title = window.model.headerData(column, Qt.Orientation.Horizontal)
            assert not title_cut(header, column), title


def cut_plan_cells(window) -> list[str]:
    """Bulk plan columns off the right edge, headers cut, and cells wider than their room
    whose whole text is not one hover away: file names, states, dates and one flag are never
    cut; the detail, title, recorder and owner only with the whole text as tooltip; the
    Quality cell of several flags with each flag's wording in its tooltip."""
    from recmanager.ui.bulk_plan_model import PlanModel
    from recmanager.ui.bulk_window import GIVE_WAY

    table, model = window.table, window.model
    header = table.horizontalHeader()
    metrics, margin = table.fontMetrics(), text_margin(table)
    cut = []
    if header.length() > table.viewport().width():
        cut.append(f"columns {header.length()} px wide in {table.viewport().width()} px")
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if title_cut(header, column):
            cut.append(f"header {title!r} in {header.sectionSize(column)} px")
        room = header.sectionSize(column) - 2 * margin
        for number in range(model.rowCount()):
            index = model.index(number, column)
            text = index.data() or ""
            if metrics.horizontalAdvance(text) <= room:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            flags = model.row_at(number).flags
            if column == PlanModel.QUALITY and len(flags) > 1 and \
                    all(flag.label in tip for flag in flags):
                continue
            if column not in {c for group in GIVE_WAY for c in group} or text not in tip:
                cut.append(f"cell {text!r} in {room} px")
    return cut


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_every_column_of_the_bulk_plan_reads_at_the_default_size(qtbot, context, name):
    from PySide6.QtWidgets import QApplication

    from recmanager.ui.bulk_window import BulkWindow
    from tests.ui.realistic import realistic_plan
    from tests.ui.windows import PROFILE

    with language(name):
        window = BulkWindow(context, PROFILE, TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        default = window.size()
        window._set_plan(realistic_plan())
        window.pages.setCurrentWidget(window.plan_page)
        QApplication.processEvents()
        assert window.size() == default
        assert window.table.verticalScrollBar().isVisible(), "rows enough to scroll"
        problems = cut_plan_cells(window)
        assert not problems, f"{default.width()} px wide:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_on_a_wide_screen_the_plan_s_titles_and_owners_give_way_after_the_detail(
        qtbot, context, name):
    """On a 1920-pixel desk the window takes room for the plan, and the detail, which
    explains a state the row already shows, gives way before a title, recorder or owner
    (what the plan writes into Pod) is cut."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from recmanager.ui.bulk_plan_model import PlanModel
    from recmanager.ui.bulk_window import BulkWindow
    from tests.ui.realistic import realistic_plan
    from tests.ui.windows import PROFILE

    with language(name):
        window = BulkWindow(context, PROFILE, TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.fit_to(QRect(0, 0, 1920, 1080))
        window.show()
        qtbot.waitExposed(window)
        window._set_plan(realistic_plan())
        window.pages.setCurrentWidget(window.plan_page)
        QApplication.processEvents()
        table, model = window.table, window.model
        header = table.horizontalHeader()
        cut = [index.data() for column in (PlanModel.TITLE, PlanModel.RECORDER, PlanModel.OWNER)
               for row in range(model.rowCount())
               if (index := model.index(row, column)).data() and
               table.fontMetrics().horizontalAdvance(index.data()) + 2 * text_margin(table)
               > table.columnWidth(column)]
        detail_floor = header.sectionSizeFromContents(PlanModel.DETAIL).width()
        assert window.width() == 1536 and cut_plan_cells(window) == []
        assert cut, "a plan wider than the window: something has to give way"
        # the last column also takes the few pixels the others' rounding leaves
        assert table.columnWidth(PlanModel.DETAIL) <= detail_floor + 8


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_the_quality_line_reads_whole_without_scrolling(qtbot, context, name):
    """A recording with two flags selected at the default size: the detail pane's quality
    line is one line, in view without scrolling; each flag's wording and evidence are in
    its tooltip."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from recmanager.inspection import Flag, FlagKind, Inspection

    with language(name):
        window = open_main_window(qtbot, context)
        inbox = window.inbox
        row = next(row for row in inbox.model.rows if row.name == LONG_FILE)
        flags = (Flag(FlagKind.SILENT, {"windows": 30, "first_s": 62.0, "last_s": 3661.0,
                                        "loudest_db": -71.0}),
                 Flag(FlagKind.CUT_SHORT, {"part": "mdat", "needed": 2_400_000_000,
                                           "size": 1_200_000_000}))
        inbox._show_inspections({row.path: Inspection(
            row.path, row.size, 0.0, duration_s=3723.0, width=1920, height=1080,
            video_codec="h264", audio_codec="aac", has_audio=True, flags=flags)})
        assert inbox.select_path(row.path)
        quality = inbox.detail.fields["quality"]
        QApplication.processEvents()
        facts = inbox.detail.findChild(QScrollArea, "DetailFacts")
        viewport = facts.viewport()
        # The height the text needs at the label's width (wrapped lines included).
        needed = max(quality.height(), quality.heightForWidth(quality.width()))
        assert needed <= quality.fontMetrics().lineSpacing() * 1.5, quality.text()
        top = quality.mapTo(viewport, quality.rect().topLeft()).y()
        assert facts.verticalScrollBar().value() == 0
        assert top >= 0 and top + needed <= viewport.height(), \
            f"the quality line ends at {top + needed} px of a {viewport.height()} px pane"
        for flag in flags:
            assert flag.kind.short_label in quality.text()
            tip = quality.toolTip()  # rich text: the wording and evidence, escaped
            assert html.escape(flag.label) in tip and html.escape(flag.detail()) in tip


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_the_facts_down_to_the_pod_links_read_whole_without_scrolling(qtbot, context, name):
    """The recording with the longest name, inspected and selected at the default size: each
    fact has the height of its wrapped lines (the server path's second line was cut), and
    the last one, the links to its claim in Pod, is in view without scrolling (in French it
    was below the fold)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from recmanager.inspection import Inspection

    with language(name):
        window = open_main_window(qtbot, context)
        inbox = window.inbox
        row = next(row for row in inbox.model.rows if row.name == LONG_FILE)
        inbox._show_inspections({row.path: Inspection(
            row.path, row.size, 0.0, duration_s=3723.0, width=1920, height=1080,
            video_codec="h264", audio_codec="aac", has_audio=True)})
        assert inbox.select_path(row.path)
        facts = inbox.detail.findChild(QScrollArea, "DetailFacts")
        holder = facts.widget()
        qtbot.waitUntil(lambda: holder.height() == holder.layout().heightForWidth(
            holder.width()))
        QApplication.processEvents()
        fields = inbox.detail.fields
        cut = [f"{key}: {field.height()} px for {field.heightForWidth(field.width())}"
               for key, field in fields.items()
               if field.height() < field.heightForWidth(field.width())]
        assert not cut, cut
        links = fields["links"]
        assert "claim_record" in links.text()
        bottom = links.mapTo(facts.viewport(), links.rect().bottomLeft()).y()
        assert facts.verticalScrollBar().value() == 0
        assert bottom < facts.viewport().height(), \
            f"the Pod links end at {bottom} px of a {facts.viewport().height()} px pane"


def clipped_headings(root: QWidget, where: str) -> list[str]:
    """Column titles wider than their section in a header that clips them without "…"."""
    found = []
    for header in root.findChildren(QHeaderView):
        model = header.model()
        if model is None or not header.isVisible() or \
                header.textElideMode() is not Qt.TextElideMode.ElideNone:
            continue
        for section in range(header.count()):
            title = model.headerData(section, header.orientation())
            if header.isSectionHidden(section) or not isinstance(title, str):
                continue
            if title_cut(header, section):
                found.append(f"{where}: {title!r} in {header.sectionSize(section)} px")
    return found


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_no_column_title_is_clipped_without_a_sign(qtbot, context, name):
    """A title too wide for its column ends in "…" (whole in its tooltip); Qt's headers
    otherwise clip it on both sides, "ype d'enregistremen", and nothing says so."""
    from tests.ui.windows import SCREENS

    with language(name):
        window = open_main_window(qtbot, context)
        found = clipped_headings(window, "main window")
        for screen in SCREENS:
            widget = screen.build(window, context)
            widget.show()
            qtbot.waitExposed(widget)
            QApplication.processEvents()
            for page in every_page(widget):
                found += clipped_headings(widget, screen.name + page)
            widget.close()
    assert found == []
