"""Test set-up shared by every test: offscreen Qt, isolated user dirs, in-memory keyring.

Fixtures that start real servers (sshd, the sandbox Pod, Xvfb…) live in tests/fixtures/.
"""

from __future__ import annotations

import os

# Without a display Qt aborts the process; offscreen is the default for the whole suite,
# with a desktop-sized virtual screen so that windows keep the sizes they are given.
_SCREEN = os.path.join(os.path.dirname(__file__), "fixtures", "offscreen-screen.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
for _name in list(os.environ):
    if _name.startswith("RECMANAGER_"):
        del os.environ[_name]

import keyring  # noqa: E402
import pytest  # noqa: E402

from recmanager import i18n  # noqa: E402
from recmanager.config import Paths  # noqa: E402
from recmanager.context import AppContext  # noqa: E402
from tests.fixtures.memory_keyring import MemoryKeyring  # noqa: E402

pytest_plugins = [
    name
    for name in (
        "tests.fixtures.processes",
        "tests.fixtures.xvfb",
        "tests.fixtures.sshd",
        "tests.fixtures.redis_server",
        "tests.fixtures.rabbitmq_server",
        "tests.fixtures.packaging_queue",
        "tests.fixtures.webhook_receiver",
        "tests.fixtures.sandbox",
        "tests.fixtures.media",
        "tests.fixtures.faulty_http",
        "tests.fixtures.fault_proxy",
    )
    if os.path.exists(os.path.join(os.path.dirname(__file__), *name.split(".")[1:]) + ".py")
]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch) -> Paths:
    """Each test gets its own XDG data, config, cache and state (log) folders."""
    home = tmp_path_factory.mktemp("home")
    for variable, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(variable, str(home / sub))
    return Paths.default()


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """A real keyring backend that keeps secrets in memory, fresh for each test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_translator():
    yield
    i18n.install_translator(None)


@pytest.fixture
def context(isolated_dirs) -> AppContext:
    ctx = AppContext.open(isolated_dirs)
    yield ctx
    ctx.close()

