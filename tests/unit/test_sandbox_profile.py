"""The sandbox's connection profile (no server needed)."""

from __future__ import annotations

from recmanager.sandbox.profile import sandbox_profile, save_sandbox_profile
from recmanager.secrets import SecretKind

STATE = {
    "base_url": "http://127.0.0.1:8123/",
    "deposit_root": "/srv/sandbox/deposit",
    "tokens": {"admin": "a" * 40, "teacher1": "b" * 40},
    "passwords": {"admin": "admin-pass", "teacher1": "teacher-pass"},
}


def test_the_profile_points_at_the_local_deposit() -> None:
    profile = sandbox_profile(STATE, name="Sandbox", username="teacher1")
    profile.validate()
    assert profile.pod_url == "http://127.0.0.1:8123"
    assert profile.deposit_kind == "local"
    assert profile.local_deposit == profile.deposit_root == "/srv/sandbox/deposit"
    assert profile.pod_username == "teacher1"


def test_saving_updates_the_profile_and_keeps_secrets_in_the_keyring(context, memory_keyring):
    save_sandbox_profile(context, STATE, name="Sandbox", username="admin")
    save_sandbox_profile(context, {**STATE, "base_url": "http://127.0.0.1:9000/"},
                         name="Sandbox", username="teacher1")
    assert context.profiles.names() == ["Sandbox"]
    assert context.profiles.current().pod_url == "http://127.0.0.1:9000"
    assert context.secrets.get("Sandbox", SecretKind.POD_TOKEN) == "b" * 40
    assert context.secrets.get("Sandbox", SecretKind.POD_PASSWORD) == "teacher-pass"
    assert ("recmanager", "Sandbox:pod-token") in memory_keyring.entries
    assert "b" * 40 not in context.paths.profiles_file.read_text()
