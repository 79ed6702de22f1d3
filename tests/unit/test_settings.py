"""Declarative settings: defaults, validation, reset, and versioned upgrades of the file."""

from __future__ import annotations

import json

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


def test_older_files_are_upgraded_step_by_step_with_a_backup(isolated_dirs, monkeypatch):
    calls: list[int] = []

    def one_to_two(values):
        calls.append(1)
        values["refresh_interval_s"] = values.pop("refresh_interval_min") * 60
        return values

    def two_to_three(values):
        calls.append(2)
        values["tray_icon"] = values.pop("show_tray", True)
        return values

    monkeypatch.setattr(config, "SETTINGS_VERSION", 3)
    monkeypatch.setattr(config, "UPGRADES", {1: one_to_two, 2: two_to_three})
    original = {"version": 1, "values": {"refresh_interval_min": 5, "show_tray": False}}
    write(isolated_dirs, original)

    settings = Settings(isolated_dirs)
    assert calls == [1, 2]
    assert settings.get("refresh_interval_s") == 300
    assert settings.get("tray_icon") is False
    assert stored(isolated_dirs) == {
        "version": 3,
        "values": {"refresh_interval_s": 300, "tray_icon": False},
    }
    backup = isolated_dirs.settings_file.with_name("settings.json.v1.bak")
    assert json.loads(backup.read_text(encoding="utf-8")) == original

    calls.clear()
    Settings(isolated_dirs)
    assert calls == [], "an up-to-date file is not upgraded again"

    write(isolated_dirs, {"version": 2, "values": {"show_tray": True}})
    assert Settings(isolated_dirs).get("tray_icon") is True
    assert calls == [2]


def test_a_missing_upgrade_step_is_a_clear_error(isolated_dirs, monkeypatch):
    monkeypatch.setattr(config, "SETTINGS_VERSION", 3)
    monkeypatch.setattr(config, "UPGRADES", {2: lambda values: values})
    write(isolated_dirs, {"version": 1, "values": {}})
    with pytest.raises(ConfigError, match="version 1 cannot be upgraded"):
        Settings(isolated_dirs)
    assert stored(isolated_dirs)["version"] == 1
