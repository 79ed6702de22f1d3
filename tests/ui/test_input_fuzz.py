"""Hostile and ordinary input, typed into every field of every window and dialog, never
reaches the crash hook.

For the main window and each screen of tests/ui/windows.py (each tab, each wizard page),
every string below is typed one character at a time (QTest.keyClicks) into every visible,
editable field — the pasted path with a newline is pasted, as a person would — and then
every visible, enabled button is pressed, except those that change Pod or the deposit or
close what is tested:

- a button box's accept, yes, apply and destructive buttons (Claim, Delete, Reassign,
  Save, Package…: they submit the dialog) and its reject and no buttons (they close it);
- :data:`CHANGES_POD_OR_DEPOSIT` (Apply and Retry failed of the bulk window, Call the
  notify URL…, a sanity fix), and Quit.

Nested dialogs answer at once (file choosers and questions cancel, message boxes close),
and the profile's servers refuse connections on the loopback, so what a button reads from
Pod or the deposit fails the way it does for a person. Any exception reaching the crash
hook (recmanager/ui/excepthook.py) fails the test, with the screen, field, text and
button.
"""

from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from recmanager.ui.dialogs.crash import CrashDialog
from recmanager.ui.excepthook import install_exception_hook
from tests.ui.screen import every_page, open_main_window
from tests.ui.windows import SCREENS

TYPED = ("", "/", "~", "..", "   ", "x" * 300, "Amphi Pierre-Mendès-France — 講義 ✓",
         "/data/ftp-pod/ftp/amphiA/does-not-exist.mp4")
PASTED = "/data/ftp-pod/ftp/amphiA/lecture.mp4\n"
CHANGES_POD_OR_DEPOSIT = {"Apply", "Retry failed", "Call the notify URL…", "Fix",
                          "Delete row", "Delete file", "Create folder", "Quit"}
_SUBMIT_OR_CLOSE = {
    QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.ApplyRole, QDialogButtonBox.ButtonRole.DestructiveRole,
    QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.NoRole,
}


@pytest.fixture
def crash_reports(monkeypatch, tmp_path) -> list[str]:
    """What reached the crash hook; nested dialogs answered at once."""
    reports: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: reports.append(
        dialog.findChild(QPlainTextEdit).toPlainText()) or 0)
    for kind in (QDialog, QMessageBox, QFileDialog, QInputDialog, QWizard):
        if "exec" in kind.__dict__:
            monkeypatch.setattr(kind, "exec", lambda dialog: 0)
    no = QMessageBox.StandardButton.No
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *args, **kw: no))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    previous = sys.excepthook
    install_exception_hook(tmp_path)
    yield reports
    sys.excepthook = previous


def fields(root: QWidget) -> list[QWidget]:
    found = [edit for edit in root.findChildren(QLineEdit) if not edit.isReadOnly()]
    found += [edit for edit in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit)
              if not edit.isReadOnly()]
    return [edit for edit in found if edit.isVisible() and edit.isEnabled()]


def may_press(button: QAbstractButton) -> bool:
    if not (button.isVisible() and button.isEnabled()) or button.text().replace(
            "&", "") in CHANGES_POD_OR_DEPOSIT:
        return False
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QDialogButtonBox):
            return parent.buttonRole(button) not in _SUBMIT_OR_CLOSE
        if isinstance(parent, QWizard):
            return button is not parent.button(QWizard.WizardButton.CancelButton)
        parent = parent.parentWidget()
    return True


def type_into(field: QWidget, text: str) -> None:
    """Clear ``field`` and type ``text`` key by key (paste :data:`PASTED`)."""
    field.setFocus()
    field.clear()
    if text == PASTED:
        QGuiApplication.clipboard().setText(text)
        QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
        return
    for char in text:
        if char.isascii():
            QTest.keyClicks(field, char)
        else:  # QTest knows keys for ASCII only: the key event a keyboard layout sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # deleted by what a button did
        return False
    return True


_FRAME = re.compile(r'File "[^"]*/(recmanager/[^"]+)", line \d+, in (\w+)')


def crash_key(report: str) -> tuple[str, str, str]:
    """(file, function, exception) of the program's innermost frame in a crash report."""
    frames = _FRAME.findall(report)
    last = report.strip().splitlines()[-1]
    file, function = frames[-1] if frames else ("?", "?")
    return file, function, last.split(":")[0].strip()


class Crashes:
    """What reached the crash hook, once per place, with what was done just before."""

    def __init__(self, reports: list[str]) -> None:
        self.reports = reports
        self.found: dict[tuple[str, str, str], str] = {}

    def after(self, what: str) -> None:
        QApplication.processEvents()
        QApplication.processEvents()  # the hook shows its dialog from the event loop
        for report in self.reports:
            self.found.setdefault(crash_key(report), f"{what}:\n{report}")
        self.reports.clear()

    def unexpected(self) -> list[str]:
        return list(self.found.values())


def exercise(root: QWidget, where: str, crashes: Crashes) -> None:
    """Type each string into every field of each page, then press every allowed button."""
    for page in every_page(root):
        for text in (*TYPED, PASTED):
            if not alive(root) or not root.isVisible():
                return
            for field in fields(root):
                type_into(field, text)
                crashes.after(f"{where}{page}: typing {text[:40]!r} into "
                              f"{field.objectName() or type(field).__name__}")
            for button in [button for button in root.findChildren(QAbstractButton)
                           if may_press(button)]:
                if not alive(button) or not may_press(button):
                    continue
                label = button.text() or button.toolTip() or button.objectName()
                button.click()
                crashes.after(f"{where}{page}: {label!r} after typing {text[:40]!r}")


@pytest.mark.qt_no_exception_capture
# offscreen: windows are not stacked, popups do not grab the keyboard
@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing")
def test_hostile_input_never_reaches_the_crash_hook(qtbot, context, crash_reports):
    crashes = Crashes(crash_reports)
    window = open_main_window(qtbot, context)
    exercise(window, "main window", crashes)
    for screen in SCREENS:
        widget = screen.build(window, context)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        widget.show()
        qtbot.waitExposed(widget)
        exercise(widget, screen.name, crashes)
        if alive(widget):
            widget.close()
    assert not crashes.unexpected(), "\n\n".join(crashes.unexpected())
