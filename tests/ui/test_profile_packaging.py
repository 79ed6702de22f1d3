"""The profile dialog's Packaging group: where packaging runs, the queue's broker (its password
in the keyring only) and the workers' public key, saved, refused and tested against a real
redis-server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from recmanager.config import RUNS_HERE, RUNS_ON_QUEUE
from recmanager.packaging.sealing import public_key_text
from recmanager.secrets import SecretKind
from recmanager.ui.dialogs.profile import ProfileDialog
from recmanager.ui.tasks import TaskRunner
from tests.fixtures.processes import free_port, stop_process
from tests.fixtures.redis_server import RedisServer, start_redis
from tests.ui.profiles import profile_dialog_with_a_local_deposit

PUBLIC_KEY = public_key_text(X25519PrivateKey.generate())
BROKER_PASSWORD = "br0ker-s3cret-!pass"


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """The text of every warning the dialog shows (a message box would wait for a person)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *_: shown.append(text)))
    return shown


def _on_queue(dialog: ProfileDialog, broker_url: str, public_key: str = PUBLIC_KEY,
              result_backend: str = "") -> None:
    dialog.packaging_runs_on.setCurrentIndex(dialog.packaging_runs_on.findData(RUNS_ON_QUEUE))
    dialog.queue_broker_url.setText(broker_url)
    dialog.queue_result_backend.setText(result_backend)
    dialog.queue_public_key.setText(public_key)


def _every_file_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        yield from (path for path in folder.rglob("*") if path.is_file())


def test_the_queue_settings_are_saved_and_shown_again_the_password_only_in_the_keyring(
        qtbot, context, warnings):
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ", "https://pod.example/")
    assert dialog.packaging_runs_on.currentData() == RUNS_HERE
    assert not dialog.queue_broker_url.isEnabled() and not dialog.queue_public_key.isEnabled()
    assert not dialog.broker_password.isEnabled()
    _on_queue(dialog, "redis://pod.example:6379/5", f" {PUBLIC_KEY}\n")
    assert dialog.queue_broker_url.isEnabled() and dialog.broker_password.isEnabled()
    dialog.broker_password.setText(BROKER_PASSWORD)
    dialog.save()
    assert warnings == []

    saved = context.profiles.get("univ")
    assert (saved.packaging_runs_on, saved.queue_broker_url, saved.queue_public_key) == (
        RUNS_ON_QUEUE, "redis://pod.example:6379/5", PUBLIC_KEY)
    assert context.secrets.get("univ", SecretKind.BROKER_PASSWORD) == BROKER_PASSWORD
    paths = context.paths
    for path in _every_file_under(paths.config_dir, paths.data_dir, paths.log_dir):
        assert BROKER_PASSWORD.encode() not in path.read_bytes(), path

    again = ProfileDialog(context, TaskRunner(synchronous=True), saved)
    qtbot.addWidget(again)
    assert again.packaging_runs_on.currentData() == RUNS_ON_QUEUE
    assert again.queue_broker_url.text() == "redis://pod.example:6379/5"
    assert again.queue_public_key.text() == PUBLIC_KEY
    assert again.broker_password.text() == ""
    assert again.broker_password.placeholderText() == "stored in the keyring"
    assert again.current_profile() == saved
    again.packaging_runs_on.setCurrentIndex(again.packaging_runs_on.findData(RUNS_HERE))
    assert not again.queue_broker_url.isEnabled() and not again.broker_password.isEnabled()
    again.save()  # back to this computer: the queue's fields are kept for later
    assert context.profiles.get("univ").packaging_runs_on == RUNS_HERE
    assert context.profiles.get("univ").queue_broker_url == "redis://pod.example:6379/5"
    assert context.secrets.get("univ", SecretKind.BROKER_PASSWORD) == BROKER_PASSWORD
    _on_queue(again, "amqp://recmanager@rabbit.example/pod", PUBLIC_KEY,
              "redis://pod.example:6379/5")
    again.save()  # RabbitMQ, its job states in Pod's Redis
    assert warnings == []
    saved = context.profiles.get("univ")
    assert (saved.queue_broker_url, saved.queue_result_backend) == (
        "amqp://recmanager@rabbit.example/pod", "redis://pod.example:6379/5")


def test_a_malformed_public_key_is_refused_on_its_field_and_nothing_is_saved(
        qtbot, context, warnings):
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ", "https://pod.example/")
    _on_queue(dialog, "redis://pod.example:6379/5", "ssh-ed25519 AAAAC3Nza not-this-key")
    dialog.broker_password.setText(BROKER_PASSWORD)
    dialog.save()
    assert len(warnings) == 1
    assert "• Workers' public key: The workers' public key is not valid" in warnings[0]
    assert "recmanager worker-key" in warnings[0]
    assert context.profiles.names() == []
    assert context.secrets.get("univ", SecretKind.BROKER_PASSWORD) is None
    assert dialog.sections.tabText(dialog.sections.currentIndex()) == "Packaging"


@pytest.mark.parametrize(("broker_url", "public_key", "named"), [
    ("", PUBLIC_KEY, "• Broker address: The broker's address is required"),
    ("redis://pod.example:6379/5", "", "• Workers' public key: The workers' public key is "
                                       "required"),
    ("https://pod.example/", PUBLIC_KEY, "• Broker address: The broker address must look like"),
    ("redis://:pass@pod.example/5", PUBLIC_KEY, "• Broker address: The broker address holds a "
                                                "password"),
    ("amqp://recmanager@rabbit.example/pod", PUBLIC_KEY, "• Job states in: RabbitMQ carries the "
                                                         "jobs but keeps no job states"),
    ("amqp://recmanager@rabbit.example/pod|https://pod.example/", PUBLIC_KEY,
     "• Job states in: The result backend must look like redis://"),
], ids=["no broker", "no key", "not a broker", "a password in the address",
        "RabbitMQ without job states", "job states not in Redis"])
def test_the_queue_without_a_usable_broker_or_key_is_refused_with_the_field_named(
        qtbot, context, warnings, broker_url, public_key, named):
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ", "https://pod.example/")
    broker_url, _, result_backend = broker_url.partition("|")
    _on_queue(dialog, broker_url, public_key, result_backend)
    dialog.save()
    assert len(warnings) == 1 and named in warnings[0], warnings
    assert context.profiles.names() == []


def _tested(qtbot, context, broker_url: str, password: str = "") -> str:
    """The Packaging queue's line of the connection test of a queue profile."""
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ", "http://127.0.0.1:9/")
    dialog.allow_plain_http.setChecked(True)
    _on_queue(dialog, broker_url)
    dialog.broker_password.setText(password)
    dialog.test_connection()
    text = dialog.check_results.text()
    line = next(line for line in text.split("<br>") if "Packaging queue" in line)
    assert context.profiles.names() == []  # a test saves nothing
    return line


def test_the_connection_test_reaches_the_broker_of_the_queue(qtbot, context, fresh_redis):
    line = _tested(qtbot, context, fresh_redis.url(5))
    assert "✔" in line and f"The broker at {fresh_redis.url(5)} answers." in line


def test_the_connection_test_says_a_closed_port_refuses(qtbot, context):
    line = _tested(qtbot, context, f"redis://127.0.0.1:{free_port()}/5")
    assert "✘" in line and "cannot be reached" in line
    assert "the connection is refused" in line


@pytest.fixture
def redis_with_a_password(tmp_path) -> Iterator[RedisServer]:
    server = start_redis(tmp_path / "redis", password=BROKER_PASSWORD)
    yield server
    stop_process(server.process)


def test_the_connection_test_uses_the_typed_password_and_says_a_wrong_one(
        qtbot, context, redis_with_a_password):
    url = redis_with_a_password.url(5)
    assert "✔" in _tested(qtbot, context, url, BROKER_PASSWORD)
    wrong = _tested(qtbot, context, url, "not-the-password")
    assert "✘" in wrong and "the broker refuses the password" in wrong
    assert "not-the-password" not in wrong and BROKER_PASSWORD not in wrong


def test_the_connection_test_gives_up_on_a_broker_that_never_answers(qtbot, context):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # connections are accepted by the system, and never answered
    try:
        line = _tested(qtbot, context, f"redis://127.0.0.1:{silent.getsockname()[1]}/5")
    finally:
        silent.close()
    assert "✘" in line and "the broker does not answer (no reply within 3 seconds)" in line


def test_the_lines_of_a_test_have_room_under_the_tabs(qtbot, context):
    """Five lines of results, one of two lines, under the tallest tab: the dialog grows."""
    dialog = profile_dialog_with_a_local_deposit(qtbot, context, "univ", "http://127.0.0.1:9/")
    dialog.allow_plain_http.setChecked(True)
    _on_queue(dialog, f"redis://127.0.0.1:{free_port()}/5")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.test_connection()
    QApplication.processEvents()
    results = dialog.check_results
    assert results.text().count("<br>") >= 4
    assert results.height() >= results.heightForWidth(results.width())
    buttons = dialog.findChild(QDialogButtonBox)
    assert dialog.sections.geometry().bottom() < results.geometry().top()
    assert results.geometry().bottom() < buttons.geometry().top()
    assert buttons.geometry().bottom() < dialog.height()
