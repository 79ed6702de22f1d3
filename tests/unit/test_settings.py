"""Declarative settings: defaults, validation, reset, and the version of the file."""

from __future__ import annotations

import json
import typing

import pytest

from recmanager import config
from recmanager.config import SETTINGS, Settings
from recmanager.errors import ConfigError


def write(paths, data) -> None:
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps(data), encoding="utf-8")


def stored(paths) -> dict:
    return json.loads(paths.settings_file.read_text(encoding="utf-8"))


def test_every_setting_is_fully_declared():
    keys = [setting.key for setting in SETTINGS]
    assert len(keys) == len(set(keys))
    assert {"notifications", "tray_icon", "refresh_interval_s"} <= set(keys)
    for setting in SETTINGS:
        assert setting.label and setting.help
        assert Settings._coerce(setting, setting.default) == setting.default


def test_defaults_without_a_file(isolated_dirs):
    settings = Settings(isolated_dirs)
    for setting in SETTINGS:
        assert settings.get(setting.key) == setting.default
    assert not isolated_dirs.settings_file.exists()


def test_values_round_trip_and_are_validated(isolated_dirs):
    settings = Settings(isolated_dirs)
    settings.set("refresh_interval_s", "90")
    settings.set("notifications", False)
    settings.set("webhook_url", "https://hooks.example.org/jobs")
    again = Settings(isolated_dirs)
    assert again.get("refresh_interval_s") == 90
    assert again.get("notifications") is False
    assert again.get("webhook_url") == "https://hooks.example.org/jobs"
    with pytest.raises(ValueError):
        settings.set("bulk_concurrency", 99)
    assert Settings(isolated_dirs).get("bulk_concurrency") == 4
    assert stored(isolated_dirs)["version"] == config.SETTINGS_VERSION


def test_a_bad_stored_value_falls_back_to_the_default(isolated_dirs):
    write(isolated_dirs, {"version": 1, "values": {"quarantine_days": "lots"}})
    assert Settings(isolated_dirs).get("quarantine_days") == 14


def test_reset_returns_to_the_default(isolated_dirs):
    settings = Settings(isolated_dirs)
    settings.set("quarantine_days", 30)
    settings.reset("quarantine_days")
    assert settings.get("quarantine_days") == 14
    assert "quarantine_days" not in stored(isolated_dirs)["values"]
    with pytest.raises(KeyError):
        settings.reset("no_such_setting")


def test_a_newer_file_is_refused_and_left_alone(isolated_dirs):
    write(isolated_dirs, {"version": config.SETTINGS_VERSION + 1, "values": {"x": 1}})
    before = isolated_dirs.settings_file.read_bytes()
    with pytest.raises(ConfigError, match="newer recmanager"):
        Settings(isolated_dirs)
    assert isolated_dirs.settings_file.read_bytes() == before


@pytest.mark.parametrize("content", ['{"version": "one"}', '{"version": 0}', "[1, 2]", "{"])
def test_damaged_files_are_named(isolated_dirs, content):
    isolated_dirs.settings_file.parent.mkdir(parents=True, exist_ok=True)
    isolated_dirs.settings_file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        Settings(isolated_dirs)
    assert "settings" in str(raised.value)


def test_every_setting_type_is_used_by_a_setting():
    """A type no setting has is code nobody runs (its editor, its coercion)."""
    assert set(typing.get_args(config.SettingType)) == {setting.type for setting in SETTINGS}
