"""``recmanager profiles`` and ``recmanager settings``: the same stores as the windows."""

from __future__ import annotations

import json

from recmanager.cli import main
from recmanager.config import Profile, Settings
from recmanager.secrets import SecretKind


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_profile(name: str) -> Profile:
    return Profile(name=name, pod_url=f"https://{name}.example/", sftp_host=f"{name}.example")


def test_profiles_are_listed_and_one_is_deleted_with_its_secrets(context, capsys):
    context.profiles.save(make_profile("b"))
    context.profiles.save(make_profile("a"))
    for name in ("a", "b"):
        context.secrets.set(name, SecretKind.POD_TOKEN, f"token-{name}")
        context.secrets.set(name, SecretKind.KEY_PASSPHRASE, f"phrase-{name}")

    code, out, _ = run(capsys, "profiles", "list", "--json")
    assert code == 0
    assert [(p["name"], p["current"]) for p in json.loads(out)] == [("a", True), ("b", False)]
    code, out, _ = run(capsys, "profiles", "list")
    assert code == 0 and out.splitlines()[1].split() == ["*", "a", "https://a.example/", "sftp"]

    code, out, _ = run(capsys, "profiles", "delete", "a")
    assert code == 0 and "\"a\"" in out
    assert context.profiles.names() == ["b"]
    assert context.secrets.get("a", SecretKind.POD_TOKEN) is None
    assert context.secrets.get("a", SecretKind.KEY_PASSPHRASE) is None
    assert context.secrets.get("b", SecretKind.POD_TOKEN) == "token-b"

    code, _, err = run(capsys, "profiles", "delete", "a")
    assert code == 1 and "no profile named \"a\"" in err


def test_settings_are_listed_read_changed_and_reset(context, capsys, isolated_dirs):
    code, out, _ = run(capsys, "settings", "list", "--json")
    listed = {item["key"]: item for item in json.loads(out)}
    assert code == 0 and listed["quiet_period_s"]["value"] == 120
    assert listed["quiet_period_s"]["maximum"] == 86400

    assert run(capsys, "settings", "set", "quiet_period_s", "600")[0] == 0
    assert run(capsys, "settings", "set", "notifications", "no")[0] == 0
    assert run(capsys, "settings", "set", "webhook_url", "https://hooks.example/x")[0] == 0
    stored = Settings(isolated_dirs)
    assert stored.get("quiet_period_s") == 600 and stored.get("notifications") is False
    assert stored.get("webhook_url") == "https://hooks.example/x"
    assert run(capsys, "settings", "get", "quiet_period_s") == (0, "600\n", "")
    assert run(capsys, "settings", "get", "notifications") == (0, "no\n", "")

    for key, value, words in (
            ("quiet_period_s", "0", "from 1 to 86400"),
            ("quiet_period_s", "ten", "from 1 to 86400"),
            ("notifications", "maybe", "yes or no"),
            ("webhook_url", "hooks.example", "https:// or http://"),
            ("no_such_key", "1", "no setting named")):
        code, _, err = run(capsys, "settings", "set", key, value)
        assert code == 1 and words in err, (key, value, err)
    assert Settings(isolated_dirs).get("quiet_period_s") == 600  # bad input lost nothing

    assert run(capsys, "settings", "reset", "quiet_period_s")[0] == 0
    assert Settings(isolated_dirs).get("quiet_period_s") == 120
