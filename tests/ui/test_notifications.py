"""Notifications reach a real notification daemon (dunst on a private D-Bus session bus), the
tray icon sits in a real system tray (trayer under Xvfb), and both can be turned off."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from recmanager.ui.notifications import Notifier, badge_icon
from recmanager.ui.tasks import TaskRunner
from tests.fixtures.processes import stop_process, wait_for
from tests.fixtures.xvfb import screenshot

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run `make test`, which installs it")
    return path


@pytest.fixture(scope="module")
def session_bus(tmp_path_factory) -> str:
    """A private D-Bus session bus; yields its address."""
    folder = tmp_path_factory.mktemp("bus")
    config = folder / "session.conf"
    config.write_text(
        textwrap.dedent(
            f"""\
            <busconfig>
              <type>session</type>
              <listen>unix:dir={folder}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """
        )
    )
    process = subprocess.Popen(
        [_tool("dbus-daemon"), f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    with process.stdout:
        address = process.stdout.readline().strip()
    assert address.startswith("unix:"), address
    yield address
    stop_process(process)


@pytest.fixture
def dunst(session_bus, xvfb_display, tmp_path_factory):
    """dunst, a real notification daemon, owning org.freedesktop.Notifications; fresh per
    test so its history holds only that test's notifications."""
    environment = dict(
        os.environ, DISPLAY=xvfb_display, DBUS_SESSION_BUS_ADDRESS=session_bus
    )
    config = tmp_path_factory.mktemp("dunst") / "dunstrc"
    # Distinct timeouts make the urgency recmanager asked for visible in the history.
    config.write_text(
        "[global]\n    history_length = 50\n"
        "[urgency_normal]\n    timeout = 10\n"
        "[urgency_critical]\n    timeout = 77\n"
    )
    process = subprocess.Popen(
        [_tool("dunst"), "-config", str(config)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    def ctl(*arguments: str) -> str:
        return subprocess.run(
            [_tool("dunstctl"), *arguments],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout

    def running() -> bool:
        try:
            ctl("count")
        except subprocess.CalledProcessError:
            return False
        return True

    wait_for(running, 15, "dunst")
    yield ctl
    stop_process(process)


URGENCY_BY_TIMEOUT = {10_000_000: "NORMAL", 77_000_000: "CRITICAL"}


def history(ctl) -> list[dict[str, str]]:
    """Every notification dunst received, oldest first, after closing the displayed ones."""
    ctl("close-all")
    data = json.loads(ctl("history"))["data"][0]
    return [
        {
            "app": item["appname"]["data"],
            "summary": item["summary"]["data"],
            "body": item["body"]["data"],
            "urgency": URGENCY_BY_TIMEOUT[item["timeout"]["data"]],
        }
        for item in sorted(data, key=lambda item: item["id"]["data"])
    ]


@pytest.fixture
def window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def notifier(window, context, monkeypatch, session_bus, dunst):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    return Notifier(window, context.settings, TaskRunner(window, synchronous=True))


def test_new_claimable_recordings_are_announced_once(notifier, dunst, qtbot):
    delivered = []
    notifier.delivered.connect(lambda *args: delivered.append(args))
    notifier.claimable_changed(2, ["amphi-a/old-1.mp4", "amphi-a/old-2.mp4"])
    assert delivered == [], "what is there at start-up is the baseline, not news"

    names = [f"amphi-b/lecture-{n}.mp4" for n in range(6)]
    notifier.claimable_changed(8, ["amphi-a/old-1.mp4", *names])
    notifier.claimable_changed(8, names)  # the next refresh: nothing new
    assert notifier.count == 8

    received = history(dunst)
    assert len(received) == 1
    assert received[0]["app"] == "recmanager"
    assert received[0]["summary"] == "New recordings to claim: 6"
    assert received[0]["body"] == (
        "amphi-b/lecture-0.mp4, amphi-b/lecture-1.mp4, amphi-b/lecture-2.mp4, "
        "amphi-b/lecture-3.mp4 and 2 more"
    )
    assert [channel for channel, *_ in delivered] == ["desktop"]


def test_job_outcomes_are_announced_with_urgency(notifier, dunst):
    notifier.job_finished("Package lecture.mp4", True, "Manifest: /tmp/out/stream.mpd")
    notifier.job_finished("Bulk assignment", False, "3 rows failed")
    received = history(dunst)
    assert [(item["summary"], item["body"], item["urgency"]) for item in received] == [
        ("Job finished: Package lecture.mp4", "Manifest: /tmp/out/stream.mpd", "NORMAL"),
        ("Job failed: Bulk assignment", "3 rows failed", "CRITICAL"),
    ]


def test_notifications_can_be_turned_off(notifier, dunst, context, window):
    context.settings.set("notifications", False)
    notifier.claimable_changed(0, [])
    notifier.claimable_changed(1, ["amphi-c/new.mp4"])
    notifier.job_finished("Package", True, "done")
    assert history(dunst) == []
    assert window.statusBar().currentMessage() == ""


def test_without_a_notification_service_the_status_bar_says_it(
    window, context, monkeypatch, tmp_path
):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    notifier = Notifier(window, context.settings, TaskRunner(window, synchronous=True))
    delivered = []
    notifier.delivered.connect(lambda *args: delivered.append(args))
    notifier.job_finished("Package lecture.mp4", False, "Bento4 failed")
    assert delivered == [("status bar", "Job failed: Package lecture.mp4", "Bento4 failed")]
    assert window.statusBar().currentMessage() == (
        "Job failed: Package lecture.mp4 — Bento4 failed"
    )


def test_the_badge_carries_the_count(qapp):
    plain = badge_icon(0).pixmap(64, 64).toImage()
    badged = badge_icon(12).pixmap(64, 64).toImage()
    corner = badged.pixelColor(45, 30)
    assert corner.red() > 180 and corner.green() < 90, corner.name()
    assert plain.pixelColor(45, 30) != corner


TRAY_CHILD = textwrap.dedent(
    """\
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
    from recmanager.config import Paths, Settings
    from recmanager.ui.notifications import Notifier

    app = QApplication(sys.argv)
    settings = Settings(Paths.default().ensure())
    settings.set("tray_icon", sys.argv[1] == "on")
    window = QMainWindow()
    notifier = Notifier(window, settings)
    notifier.claimable_changed(7, [])

    def report():
        tray = notifier.tray
        print("available", QSystemTrayIcon.isSystemTrayAvailable())
        if tray is None:
            print("tray none")
        else:
            rect = tray.geometry()
            print("tray", rect.x(), rect.y(), rect.width(), rect.height())
            print("tooltip", tray.toolTip())
        sys.stdout.flush()
        QTimer.singleShot(int(sys.argv[2]), app.quit)

    QTimer.singleShot(1500, report)
    app.exec()
    """
)


@pytest.mark.xvfb
@pytest.mark.slow
def test_tray_icon_shows_the_count_in_a_real_tray(xvfb_display, tmp_path, session_bus):
    environment = dict(
        os.environ,
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",
        DBUS_SESSION_BUS_ADDRESS=session_bus,
        PYTHONPATH=str(ROOT),
    )
    tray = subprocess.Popen(
        [_tool("trayer"), "--edge", "top", "--align", "right", "--widthtype", "request",
         "--height", "32", "--transparent", "false", "--tint", "0xffffff"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    script = tmp_path / "tray_child.py"
    script.write_text(TRAY_CHILD)
    try:
        wait_for(
            lambda: "trayer" in subprocess.run(
                ["xwininfo", "-display", xvfb_display, "-root", "-tree"],
                capture_output=True, text=True, check=False,
            ).stdout,
            15,
            "trayer",
        )
        with subprocess.Popen(
            [sys.executable, str(script), "on", "3000"],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as child:
            lines = {}
            for _ in range(3):
                key, _, value = child.stdout.readline().strip().partition(" ")
                lines[key] = value
            image = screenshot(xvfb_display, tmp_path / "tray.png")
            child.communicate(timeout=30)
        assert lines["available"] == "True"
        x, y, width, height = (int(part) for part in lines["tray"].split())
        assert width > 0 and height > 0
        assert lines["tooltip"] == "recmanager — recordings to claim: 7"
        crop = subprocess.run(
            ["convert", str(image), "-crop", f"{width}x{height}+{x}+{y}", "-format",
             "%[fx:maxima.r] %[fx:minima.g]", "info:"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        assert float(crop[0]) > 0.7, "the red count badge is drawn in the tray"

        off = subprocess.run(
            [sys.executable, str(script), "off", "0"],
            env=environment, capture_output=True, text=True, timeout=60, check=True,
        )
        assert "tray none" in off.stdout
    finally:
        stop_process(tray)


def test_the_inbox_feeds_the_count_and_announces_new_recordings(
    qtbot, context, sandbox_pod, dunst, session_bus, monkeypatch
):
    import shutil as files
    import time

    from recmanager.ui.main_window import MainWindow

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    context.settings.set("quiet_period_s", 1)
    profile = sandbox_pod.profile(context)
    window = MainWindow(context, profile_name=profile.name, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)

    def refresh_after_quiet_period() -> None:
        window.refresh()
        time.sleep(1.1)
        window.refresh()

    refresh_after_quiet_period()
    assert window.notifier.count == 18  # the seed's claimable and manager-notified rows
    assert history(dunst) == [], "what is there at start-up is the baseline, not news"

    folder = sandbox_pod.deposit_root / "amphiA"
    files.copy(folder / "lecture-02.mp4", folder / "late-lecture.mp4")
    refresh_after_quiet_period()  # complete on disk, but Pod's cron has not seen it
    assert window.notifier.count == 18
    sandbox_pod.run_cron()
    window.refresh()
    assert window.notifier.count == 19
    assert [(item["summary"], item["body"]) for item in history(dunst)] == [
        ("New recordings to claim: 1", "amphiA/late-lecture.mp4")
    ]
