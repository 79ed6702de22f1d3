"""Profiles, settings and secrets: secrets reach the keyring and nowhere else."""

from __future__ import annotations

import json
import logging

import keyring
import keyring.backends.fail
import pytest

from recmanager.config import Profile, Settings
from recmanager.context import AppContext, profile_from_environment
from recmanager.errors import ConfigError, ValidationError
from recmanager.logs import setup_logging
from recmanager.secrets import SERVICE, SecretKind, SecretStore

SECRETS = {
    SecretKind.POD_TOKEN: "0123456789abcdef0123456789abcdef01234567",
    SecretKind.POD_PASSWORD: "web-Passw0rd-é",
    SecretKind.SFTP_PASSWORD: "sftp-S3cret",
    SecretKind.KEY_PASSPHRASE: "key-passphrase-42",
}


def make_profile(name: str = "univ") -> Profile:
    return Profile(
        name=name, pod_url="https://pod.univ.example/", sftp_host="pod.univ.example",
        sftp_user="pod", pod_username="admin",
    )


def test_profile_round_trip_and_current(context):
    context.profiles.save(make_profile("b"))
    context.profiles.save(make_profile("a"), make_current=False)
    assert context.profiles.names() == ["a", "b"]
    assert context.profiles.current().name == "b"
    assert context.profiles.get("a").sftp_host == "pod.univ.example"
    context.profiles.remove("b")
    assert context.profiles.current().name == "a"
    with pytest.raises(ConfigError, match="no profile named"):
        context.profiles.get("b")


def test_invalid_profile_lists_each_problem(context):
    bad = Profile(name="", pod_url="ftp://x", sftp_host="", sftp_port=70000, deposit_root="rel")
    with pytest.raises(ValidationError) as caught:
        context.profiles.save(bad)
    assert set(caught.value.fields) == {"name", "pod_url", "sftp_host", "sftp_port",
                                        "deposit_root"}
    assert not context.paths.profiles_file.exists()


def test_damaged_profiles_file_is_reported_not_overwritten(context):
    context.paths.profiles_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        context.profiles.names()
    assert str(context.paths.profiles_file) in caught.value.message
    assert context.paths.profiles_file.read_text(encoding="utf-8") == "{not json"


def test_settings_defaults_bounds_and_persistence(context):
    settings = context.settings
    assert settings.get("bulk_concurrency") == 4
    settings.set("bulk_concurrency", 8)
    with pytest.raises(ValueError):
        settings.set("bulk_concurrency", 99)
    again = Settings(context.paths)
    assert again.get("bulk_concurrency") == 8
    stored = json.loads(context.paths.settings_file.read_text(encoding="utf-8"))
    assert stored["version"] >= 1


def test_secrets_never_reach_files_or_logs(context, memory_keyring):
    log_path = setup_logging(context.paths.log_dir, level=logging.DEBUG)
    profile = make_profile()
    context.profiles.save(profile)
    for kind, value in SECRETS.items():
        assert context.secrets.set(profile.name, kind, value) is True
    logging.getLogger("recmanager.test").info("token is %s", SECRETS[SecretKind.POD_TOKEN])
    context.settings.set("webhook_url", "https://hooks.example/x")
    from recmanager import audit

    audit.record(context.db, profile=profile.name, actor="admin", action="claim",
                 target="/x.mp4", result="ok")
    context.close()
    for handler in logging.getLogger("recmanager").handlers:
        handler.flush()

    assert memory_keyring.entries[(SERVICE, "univ:pod-token")] == SECRETS[SecretKind.POD_TOKEN]
    files = [
        path
        for directory in (context.paths.data_dir, context.paths.config_dir,
                          context.paths.log_dir, context.paths.cache_dir)
        for path in directory.rglob("*")
        if path.is_file()
    ]
    assert log_path in files and context.paths.profiles_file in files
    assert any(path.suffix == ".db" for path in files)
    for path in files:
        content = path.read_bytes()
        for value in SECRETS.values():
            assert value.encode() not in content, f"{value!r} found in {path}"
    assert "********" in log_path.read_text(encoding="utf-8")


def test_without_a_keyring_secrets_stay_in_memory(context):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = SecretStore()
    assert store.persistent is False
    assert store.set("univ", SecretKind.POD_TOKEN, "abcd-token") is False
    assert store.get("univ", SecretKind.POD_TOKEN) == "abcd-token"
    assert SecretStore().get("univ", SecretKind.POD_TOKEN) is None  # gone with the process


def test_plain_file_keyrings_are_not_trusted():
    class PlaintextKeyring(keyring.backends.fail.Keyring):
        priority = 1

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    assert SecretStore().persistent is False


def test_environment_profile_is_used_once_and_never_saved(context, monkeypatch):
    monkeypatch.setenv("RECMANAGER_POD_URL", "https://pod.example/")
    monkeypatch.setenv("RECMANAGER_POD_TOKEN", "env-token-1234")
    profile = context.resolve_profile(None)
    assert profile.pod_url == "https://pod.example/"
    assert context.secrets.get(profile.name, SecretKind.POD_TOKEN) == "env-token-1234"
    assert context.profiles.names() == []
    assert not context.paths.profiles_file.exists()


def test_environment_url_without_token_is_refused(monkeypatch):
    monkeypatch.setenv("RECMANAGER_POD_URL", "https://pod.example/")
    with pytest.raises(ConfigError, match="RECMANAGER_POD_TOKEN"):
        profile_from_environment(SecretStore())


def test_no_profile_at_all_says_what_to_do(isolated_dirs):
    context = AppContext.open(isolated_dirs)
    with pytest.raises(ConfigError) as caught:
        context.resolve_profile(None)
    assert "RECMANAGER_POD_URL" in caught.value.hint


def test_environment_deposit_and_its_root_on_the_server(context, monkeypatch, tmp_path):
    monkeypatch.setenv("RECMANAGER_POD_URL", "https://pod.example/")
    monkeypatch.setenv("RECMANAGER_POD_TOKEN", "env-token-1234")
    monkeypatch.setenv("RECMANAGER_DEPOSIT", str(tmp_path))
    monkeypatch.setenv("RECMANAGER_DEPOSIT_ROOT", "/srv/pod/ftp")
    profile = context.resolve_profile(None)
    assert (profile.deposit_kind, profile.local_deposit) == ("local", str(tmp_path))
    assert profile.deposit_root == "/srv/pod/ftp"
