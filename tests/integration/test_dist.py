"""`make dist`'s bundle: built with PyInstaller from packaging/recmanager.spec, then started."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from recmanager import __version__
from tests.fixtures.processes import stop_process, wait_for
from tests.fixtures.xvfb import screenshot

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "recmanager.spec"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build once for the module: 1 to 2 minutes on two cores."""
    work = tmp_path_factory.mktemp("pyinstaller")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        # PyInstaller's cache of collected (stripped) libraries, kept between runs: a warm
        # build is twice as fast. build/ is ignored by git, as `make dist` uses it too.
        env={**os.environ, "PYINSTALLER_CONFIG_DIR": str(ROOT / "build" / "pyinstaller-cache")},
        check=True,
        timeout=600,
        capture_output=True,
    )
    folder = work / "dist" / "recmanager"
    assert (folder / "recmanager").is_file()
    return folder


def bundle_environment(home: Path, **extra: str) -> dict[str, str]:
    """No variable of the test run's Python (the bundle must stand alone), its own home."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_QPA", "RECMANAGER_"))
    }
    environment["PATH"] = "/usr/bin:/bin"
    environment["HOME"] = str(home)
    for variable, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        environment[variable] = str(home / sub)
    environment.update(extra)
    return environment


def test_bundle_contents(bundle: Path):
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    assert (internal / "resources" / "translations" / "recmanager_fr.qm").is_file()
    assert (internal / "resources" / "icons" / "recmanager.svg").is_file()
    assert (internal / "resources" / "icons" / "actions" / "view-refresh.svg").is_file()
    assert (internal / "resources" / "org.esup_portail.recmanager.desktop").is_file()
    assert list((internal / "imageio_ffmpeg" / "binaries").glob("ffmpeg-*"))
    # packaging runs FFmpeg's libraries in-process through PyAV
    assert list((internal / "av" / "container").glob("output.*.so"))
    assert list(internal.rglob("libavformat*.so*")) and list(internal.rglob("libavcodec*.so*"))
    assert not list(internal.rglob("libvlc*")), "libvlc must come from the system"
    qt_catalogues = {path.name for path in internal.rglob("translations/qtbase_*.qm")}
    assert "qtbase_fr.qm" in qt_catalogues and len(qt_catalogues) <= 2

    modules = set(CArchiveReader(str(bundle / "recmanager")).open_embedded_archive("PYZ.pyz").toc)
    for module in (
        "keyring.backends.SecretService",
        "keyring.backends.kwallet",
        "keyring.backends.libsecret",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
        "secretstorage",
        "jeepney",
        "recmanager.cli",
        "recmanager.ui.main_window",
        "sqlalchemy.dialects.sqlite",
        "vlc",
    ):
        assert module in modules, module
    assert not {name for name in modules if name.startswith(("django", "rest_framework"))}
    assert "recmanager.sandbox" not in modules
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt")), "keyring finds backends"


def test_version_runs_without_the_checkout(bundle: Path, tmp_path):
    result = subprocess.run(
        [str(bundle / "recmanager"), "--version"],
        cwd=tmp_path,
        env=bundle_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"recmanager {__version__}"


@pytest.mark.xvfb
def test_the_bundle_shows_its_window_and_reads_the_inbox(bundle: Path, tmp_path, xvfb_display,
                                                         sandbox_pod):
    """The bundled program, under a real X server, opens its window and loads the sandbox's
    inbox over HTTP (requests, certifi, SQLAlchemy and the deposit scan all from the bundle)."""
    environment = bundle_environment(
        tmp_path,
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",
        RECMANAGER_POD_URL=sandbox_pod.base_url,
        RECMANAGER_POD_ALLOW_HTTP="1",
        RECMANAGER_POD_TOKEN=sandbox_pod.tokens["admin"],
        RECMANAGER_DEPOSIT=str(sandbox_pod.deposit_root),
    )
    database = tmp_path / "data" / "recmanager" / "recmanager.db"
    log = tmp_path / "bundle.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(bundle / "recmanager")],
            cwd=tmp_path,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:

        def main_window_mapped() -> bool:
            tree = subprocess.run(
                ["xwininfo", "-display", xvfb_display, "-root", "-tree"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            return '("recmanager" "recmanager")' in tree

        def screen_drawn() -> bool:
            image = screenshot(xvfb_display, tmp_path / "bundle.png")
            colours = subprocess.run(
                ["convert", str(image), "-format", "%k", "info:"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            return int(colours) > 20

        def inbox_cached() -> bool:
            if not database.exists():
                return False
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
                try:
                    rows = connection.execute("SELECT payload FROM inbox_cache").fetchall()
                except sqlite3.OperationalError:
                    return False
            return any("lecture-01.mp4" in payload for (payload,) in rows)

        wait_for(main_window_mapped, 60, "the bundled application's window")
        wait_for(screen_drawn, 30, "a drawn window (not a blank screen)")
        wait_for(inbox_cached, 60, "the inbox read from the sandbox by the bundle")
        assert process.poll() is None, log.read_text()
    finally:
        stop_process(process)
    assert "Traceback" not in log.read_text()
