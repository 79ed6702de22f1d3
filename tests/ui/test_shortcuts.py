"""Keyboard: every main-window action reachable without a mouse, the cheat sheet (F1, ?),
and accessible names on every interactive widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from recmanager.ui.dialogs.first_run import FirstRunGuide
from recmanager.ui.dialogs.settings import SettingsDialog
from recmanager.ui.main_window import MainWindow
from recmanager.ui.shortcuts import (
    ShortcutSheet,
    key_text,
    keyboard_unreachable,
    menu_paths,
    unnamed_widgets,
)
from recmanager.ui.tasks import TaskRunner

ISSUE_KEYS = ("F5", "Ctrl+F", "Del", "Ctrl+Return", "Space", "Left", "Right", ",", ".", "F1")


@pytest.fixture
def window(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def open_sheets() -> list[ShortcutSheet]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, ShortcutSheet) and widget.isVisible()
    ]


def names(widgets) -> list[str]:
    return [
        f"{type(w).__name__}({w.objectName() or '-'}) in {type(w.parent()).__name__}"
        for w in widgets
    ]


def test_every_action_of_the_main_window_is_reachable_by_keyboard(window):
    unreachable = keyboard_unreachable(window)
    assert unreachable == [], [action.text() for action in unreachable]
    paths = menu_paths(window)
    assert paths[window.action_settings] == "File › Settings"
    assert paths[window.action_shortcuts] == "Help › Keyboard shortcuts"


def test_an_action_outside_menus_without_keys_is_found(window):
    hidden = QAction("Hidden trick", window)
    window.addAction(hidden)
    assert keyboard_unreachable(window) == [hidden]
    hidden.setShortcut(QKeySequence("Ctrl+Alt+H"))
    assert keyboard_unreachable(window) == []


def test_every_interactive_widget_has_an_accessible_name(window, context, qtbot):
    assert names(unnamed_widgets(window)) == []
    for dialog in (
        SettingsDialog(context.settings, window),
        FirstRunGuide(context, window.runner, window),
        ShortcutSheet(window),
    ):
        qtbot.addWidget(dialog)
        assert names(unnamed_widgets(dialog)) == [], dialog.objectName()


def test_a_widget_without_a_name_is_found(window):
    stray = QLineEdit(window.centralWidget())
    assert unnamed_widgets(window) == [stray]
    stray.setAccessibleName("Stray field")
    button = QPushButton(window.centralWidget())
    assert unnamed_widgets(window) == [button]


@pytest.mark.parametrize("key", [Qt.Key.Key_F1, Qt.Key.Key_Question])
def test_f1_and_question_mark_open_the_sheet(window, qtbot, key):
    assert open_sheets() == []
    qtbot.keyClick(window, key)
    qtbot.waitUntil(lambda: len(open_sheets()) == 1)
    sheet = open_sheets()[0]
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())


def test_typing_a_question_mark_in_a_field_does_not_open_the_sheet(window, qtbot):
    field = QLineEdit(window.centralWidget())
    field.setAccessibleName("Search")
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "why?")
    assert field.text() == "why?"
    assert open_sheets() == []


def test_the_sheet_lists_the_actions_and_the_standard_keys(window, qtbot):
    sheet = ShortcutSheet(window)
    qtbot.addWidget(sheet)
    rows = {(what, keys) for _where, what, keys in ShortcutSheet.rows(window)}
    listed_keys = {keys for _what, keys in rows}
    for key in ISSUE_KEYS:
        assert any(key_text(key) in keys.split(", ") for keys in listed_keys), key
    assert ("Settings", key_text("Ctrl+,")) in rows
    assert ("Keyboard shortcuts", f"{key_text('F1')}, ?") in rows

    window.addAction(extra := QAction("Export the audit log", window))
    extra.setShortcut(QKeySequence("Ctrl+Shift+E"))
    assert ("Window", "Export the audit log", key_text("Ctrl+Shift+E")) in ShortcutSheet.rows(
        window
    )

    qtbot.keyClicks(sheet.filter, "frame")
    proxy = sheet.table.model()
    shown = {proxy.index(row, 1).data() for row in range(proxy.rowCount())}
    assert shown == {"Previous frame", "Next frame"}
