"""The settings window is built from recmanager.config.SETTINGS and stores what changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from recmanager import config
from recmanager.config import SETTINGS, Setting, Settings
from recmanager.ui.dialogs import settings as settings_dialog
from recmanager.ui.dialogs.settings import SettingsDialog
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.ui.pseudo_french import FILLER, pseudo_french

EDITOR_TYPES = {"bool": QCheckBox, "int": QSpinBox, "url": QLineEdit}


@pytest.fixture
def dialog(qtbot, context):
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press(dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(button).click()


def test_one_editor_per_declared_setting(dialog):
    assert list(dialog.editors) == [setting.key for setting in SETTINGS]
    for setting in SETTINGS:
        editor = dialog.editors[setting.key]
        assert isinstance(editor, EDITOR_TYPES[setting.type]), setting.key
        assert editor.toolTip() == setting.help
        assert editor.accessibleName() == setting.label
        assert dialog.findChild(QLabel, f"{setting.key}_help").text() == setting.help
        if isinstance(editor, QSpinBox):
            assert (editor.minimum(), editor.maximum()) == (setting.minimum, setting.maximum)
        assert dialog.value(setting.key) == setting.default


def test_ok_stores_only_what_changed(dialog, context, qtbot, isolated_dirs):
    changes = []
    dialog.settings_changed.connect(changes.append)
    dialog.editors["refresh_interval_s"].setValue(300)
    dialog.editors["tray_icon"].setChecked(False)
    dialog.editors["webhook_url"].setText("  https://hooks.example.org/recmanager  ")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert changes == [["refresh_interval_s", "webhook_url", "tray_icon"]]
    stored = Settings(isolated_dirs)
    assert stored.get("refresh_interval_s") == 300
    assert stored.get("tray_icon") is False
    assert stored.get("webhook_url") == "https://hooks.example.org/recmanager"
    assert stored.get("notifications") is True


def test_cancel_stores_nothing(dialog, isolated_dirs):
    dialog.editors["quarantine_days"].setValue(3)
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert Settings(isolated_dirs).get("quarantine_days") == 14
    assert not isolated_dirs.settings_file.exists()


def test_a_bad_address_is_refused_next_to_its_field(dialog, isolated_dirs):
    dialog.editors["webhook_url"].setText("hooks.example.org/recmanager")
    dialog.editors["bulk_concurrency"].setValue(8)
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()
    assert dialog.errors["webhook_url"].isVisible()
    assert "https://" in dialog.errors["webhook_url"].text()
    assert dialog.editors["webhook_url"].hasFocus()
    assert Settings(isolated_dirs).get("bulk_concurrency") == 4
    dialog.editors["webhook_url"].clear()
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert Settings(isolated_dirs).get("bulk_concurrency") == 8


def test_restore_defaults(context, qtbot, isolated_dirs):
    context.settings.set("quiet_period_s", 600)
    context.settings.set("notifications", False)
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    assert dialog.value("quiet_period_s") == 600
    press(dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.value("quiet_period_s") == 120 and dialog.value("notifications") is True
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert Settings(isolated_dirs).get("quiet_period_s") == 120


def test_a_new_declared_setting_appears_without_code(qtbot, monkeypatch, isolated_dirs):
    extra = (
        Setting("preview_seconds", "Preview length (seconds)", "How long a preview plays.",
                "int", 30, 1, 600),
        Setting("report_url", "Report address", "Where reports are sent.", "url", ""),
        Setting("autoplay", "Play on selection", "Start the preview at once.", "bool", False),
    )
    monkeypatch.setattr(config, "SETTINGS", SETTINGS + extra)
    monkeypatch.setattr(settings_dialog, "SETTINGS", SETTINGS + extra)
    settings = Settings(isolated_dirs)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.editors["preview_seconds"], QSpinBox)
    assert dialog.editors["preview_seconds"].maximum() == 600
    dialog.editors["preview_seconds"].setValue(45)
    dialog.editors["report_url"].setText("https://reports.example/")
    dialog.editors["autoplay"].setChecked(True)
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert Settings(isolated_dirs).get("preview_seconds") == 45
    assert settings.get("report_url") == "https://reports.example/"
    assert settings.get("autoplay") is True


def test_the_main_window_opens_it_and_applies_changes(qtbot, context):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    emitted = []
    window.settings_changed.connect(emitted.append)

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SettingsDialog) and w.isVisible())
        dialog.editors["notifications"].setChecked(False)
        press(dialog, QDialogButtonBox.StandardButton.Ok)

    QTimer.singleShot(0, answer)
    window.action_settings.trigger()
    assert emitted == [["notifications"]]
    assert context.settings.get("notifications") is False


def test_the_layout_holds_with_longer_strings(qtbot, context):
    with pseudo_french():
        dialog = SettingsDialog(context.settings)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        label = dialog.findChild(QLabel, "refresh_interval_s_help")
        assert label.text().endswith(FILLER), "the pseudo-translation is in use"
        assert dialog.width() <= 1024 and dialog.height() <= 768
        assert dialog.minimumSizeHint().width() <= 800
        for child in dialog.findChildren(QLabel):
            if child.isVisible() and child.text():
                fits = child.wordWrap() or child.sizeHint().width() <= child.width()
                assert fits, f"clipped: {child.text()!r}"
        for key, editor in dialog.editors.items():
            assert editor.isVisible() and editor.width() >= 60, key
