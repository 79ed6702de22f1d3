"""`make screenshots`: the README's and AppStream's pictures, from the running application.

Starts Xvfb and the sandbox Pod, opens the real windows against it (main window with the inbox
and a playing preview, recorder editor, bulk-assignment plan, jobs panel with finished jobs)
and grabs what is on the X screen, VLC's video included. Nothing touches the user's own
settings: the run has its own home folders, removed at the end.

    python packaging/screenshots.py [--out resources/screenshots] [--only NAME…]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
SHOTS = ("main-window", "recorder-editor", "bulk-plan", "jobs-panel")

# Owners for part of amphiA's lectures, a conflict, a non-staff owner and an unknown one:
# the plan shows each kind of problem next to rows that are fine.
RULES_CSV = """\
enregistreur;fichier;propriétaire;titre
Amphi A;lecture-0[1-5]*.mp4;teacher1;Cours de {recorder} du {date:%d/%m/%Y}
Amphi A;lecture-1*.mp4;teacher2;
Amphi A;lecture-13.mp4;student1;
Salle E (managed by teacher1);e*.mp4;teacher1;TD {filename}
Studio D (audiovideocast, manual);*.zip;someone@example.org;
"""


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display; returns the process and ``:N``."""
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
         "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        number = pipe.readline().decode().strip()
    if not number:
        raise SystemExit("Xvfb did not start (is it installed? `make system-test-deps`)")
    return process, f":{number}"


def isolate_home(folder: Path) -> None:
    """Own XDG folders so the user's profiles, keyring entries and windows stay untouched."""
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        os.environ[variable] = str(folder / sub)
    for name in list(os.environ):
        if name.startswith("RECMANAGER_"):
            del os.environ[name]


class Shooter:
    """Holds the running application and takes the pictures."""

    def __init__(self, out: Path, work: Path) -> None:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
        from PySide6.QtWidgets import QApplication

        from recmanager.context import AppContext
        from recmanager.ui.app import create_application

        # No keyring: the sandbox's tokens stay in memory for this run, never in the user's.
        keyring.set_keyring(NoKeyring())
        self.app: QApplication = create_application([sys.argv[0]])
        self.out = out
        self.work = work
        self.context = AppContext.open()

    def wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            if predicate():
                return
            time.sleep(0.02)
        raise TimeoutError(f"{what} did not happen within {timeout} s")

    def settle(self, seconds: float = 0.6) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.02)

    def grab(self, widget, name: str, settle: float = 0.6) -> Path:
        """What the X screen shows inside ``widget``'s window (native video included)."""
        if settle > 0.5:
            widget.raise_()
            widget.activateWindow()
        self.settle(settle)
        frame = widget.frameGeometry()
        if widget.parentWidget() is not None and not widget.isWindow():
            frame.moveTopLeft(widget.mapToGlobal(widget.rect().topLeft()))
        path = self.out / f"{name}.png"
        # ImageMagick reads the X screen as composed, VLC's video surface included (Qt's own
        # grab shows that surface black).
        subprocess.run(
            ["import", "-display", os.environ["DISPLAY"], "-window", "root", "-crop",
             f"{frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}", "+repage",
             str(path)],
            check=True, timeout=60,
        )
        print(f"{path}: {frame.width()}x{frame.height()}", flush=True)
        return path


def take(shots: set[str], out: Path) -> None:
    from PySide6.QtCore import QLocale, Qt

    from recmanager.media import make_clip
    from recmanager.packaging.job import PackageRequest
    from recmanager.packaging.keys import KeyPair
    from recmanager.sandbox.profile import save_sandbox_profile
    from recmanager.sandbox.run_with_gui import sandbox_process
    from recmanager.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="recmanager-shots-"))
    # English words, day-first dates (as French desks see them), whatever this machine's LANG.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    shooter = Shooter(out, work)
    context = shooter.context
    try:
        with sandbox_process(context) as state:
            profile = save_sandbox_profile(context, state, name="Sandbox", username="admin")
            # Files count as complete after one quiet second, not two minutes: the second
            # scan below sees them complete, as a desk would a while after the uploads.
            context.settings.set("quiet_period_s", 1)
            context.settings.set("refresh_interval_s", 0)  # no refresh mid-picture
            window = MainWindow(context, profile_name=profile.name)
            window.resize(*SIZE)
            window.move(0, 0)
            window.show()
            inbox = window.inbox
            refreshes: list[object] = []
            inbox.refreshed.connect(lambda: refreshes.append(inbox.snapshot))
            shooter.wait(lambda: len(refreshes) >= 1, 90, "the inbox's first refresh")
            shooter.settle(1.5)
            inbox.refresh()
            shooter.wait(lambda: len(refreshes) >= 2, 90, "the inbox's second refresh")

            if "jobs-panel" in shots:
                clip = make_clip(work / "Amphi A 2026-11-16 08-02.mp4", seconds=12,
                                 size="640x360")
                broken = work / "notes.mp4"
                broken.write_text("not a video\n")
                long_clip = make_clip(work / "Salle E 2026-11-17 14-00.mp4", seconds=120,
                                      size="1280x720")
                panel = window.jobs_panel

                def package(source: Path) -> int:
                    request = PackageRequest(source, work / f"dash-{source.stem}",
                                             backend="ffmpeg", input_origin=str(source),
                                             profile=profile.name)
                    return panel.submit(request, KeyPair.generate())

                done = package(clip)
                package(broken)
                shooter.wait(lambda: not panel.running(), 180, "the first packaging jobs")
                running = package(long_clip)
                window.jobs_dock.show()
                panel.select_job(done)

                def halfway() -> bool:
                    row = panel.model.row_of(running)
                    return row >= 0 and panel.model.percent(panel.model.records[row]) >= 5

                shooter.wait(halfway, 180, "the running job's progress")
                shooter.grab(window.jobs_dock, "jobs-panel", settle=0.05)

            if "main-window" in shots:
                deposit_root = Path(state["deposit_root"])
                inbox.select_path(str(deposit_root / "amphiA" / "lecture-02.mp4"))
                shooter.wait(lambda: bool(inbox.preview.url), 30, "the preview")
                window.raise_()
                window.activateWindow()
                shooter.settle()
                # The 2-second sample plays to its end; VLC keeps its last frame on screen
                # (a raise or repaint now would paint the video area black again).
                inbox.preview.play()
                shooter.wait(lambda: inbox.preview.state in ("stopped", "ended")
                             and inbox.preview.time_ms > 1000, 30, "playback")
                shooter.grab(window, "main-window", settle=0.5)

            if "recorder-editor" in shots:
                from recmanager.ui.dialogs.recorder_editor import RecorderEditor

                window.open_recorders()
                recorders = window.recorders_window
                shooter.wait(lambda: bool(recorders.model.recorders), 60, "the recorders list")
                recorders.select(1)
                recorders.edit_selected()
                editor = shooter_find(shooter, RecorderEditor)
                editor.move(40, 20)
                shooter.grab(editor, "recorder-editor")
                editor.reject()
                recorders.close()

            if "bulk-plan" in shots:
                from recmanager.ui.bulk_window import BulkWindow

                rules = work / "règles-automne.csv"
                rules.write_text(RULES_CSV, encoding="utf-8")
                bulk_window = BulkWindow(context, profile, window.runner, window)
                bulk_window.setWindowFlag(Qt.WindowType.Window)
                bulk_window.resize(*SIZE)
                bulk_window.move(0, 0)
                bulk_window.show()
                bulk_window.load_rules(rules)
                shooter.wait(lambda: bulk_window.plan is not None and not bulk_window.busy,
                             120, "the bulk plan")
                shooter.grab(bulk_window, "bulk-plan")
                bulk_window.close()

            window.close()
            window.runner.cancel_all()
            window.runner.wait(10000)
    finally:
        context.close()
        shutil.rmtree(work, ignore_errors=True)


def shooter_find(shooter: Shooter, kind: type):
    """The shown top-level window of class ``kind``."""
    found = []

    def shown() -> bool:
        found[:] = [w for w in shooter.app.topLevelWidgets() if isinstance(w, kind)
                    and w.isVisible()]
        return bool(found)

    shooter.wait(shown, 30, f"a {kind.__name__}")
    return found[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--only", nargs="+", choices=SHOTS, default=list(SHOTS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="rm-"))  # short: it shows in server paths
    isolate_home(home)
    xvfb, display = start_xvfb()
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("WAYLAND_DISPLAY", None)
    try:
        take(set(args.only), args.out.resolve())
    finally:
        xvfb.terminate()
        xvfb.wait(10)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
