"""Cold start to a shown main window, against a bare PySide6 QMainWindow started the same way.

Each start is a fresh Python process (``-c``), timed from the launch to the main window's
first paint event (the program then says so on its output; its exit is not counted); the
two programs take turns so a load spike hits both alike. recmanager's first screen is its
main window with menus, tool bar and status bar; the recordings inbox with its cached
recordings is built just after that first paint, so the time until the recordings table has
painted every cached row — what a person waits for — is measured too and judged beside it.
The tray icon, the jobs dock and its jobs come after that: their time is printed, not judged,
with the longest the window leaves a click or a key unanswered meanwhile.
The recmanager start is ``recmanager``'s own (:func:`recmanager.cli.main`): its launch
(:func:`~recmanager.ui.launch.begin_start`, which has a second thread map Qt's libraries and
read the font configuration meanwhile) and application context before Qt is imported,
then :func:`~recmanager.ui.app.start_gui` — the Qt application, the main window shown —
with a profile and a cached inbox of 200 recordings, as on a working day.

Goals: the cached inbox (200 recordings) on screen <= 2.0x the bare window's first paint;
recmanager's first paint <= 1.3x the bare window's. ``--repeats N`` (default 25: one start varies by
10 to 30 % on a 2-core machine, and each figure is the median of its starts; over 15 starts the
first paint's median spread over resamplings by up to +-0.08x, more than its margin, so a busy
minute could fail or pass it by chance; how much the median would move over resamplings of the
starts is printed beside each figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, exit_code, judge, resampled_spread

ROWS = 200  # the cached inbox of a working day
PAINTED_ROWS = 5  # rows the table shows at the default size: 9 (or more)

# Both programs say "shown" when their main window receives its first paint event: the
# moment a person sees it. Work a window defers until after that is not counted.
FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject
class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            self.seen = True
            watched.removeEventFilter(self)
        return False
"""

BARE = FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
while not first_paint.seen:  # on X11 the window is painted once the server has mapped it
    app.processEvents()
"""

# recmanager's own start (recmanager.cli, then recmanager.ui.app.start_gui), its steps timed
# by wrapping them here: the application context before Qt, the modules, the Qt application,
# the main window, its show.
RECMANAGER = f"ROWS = {ROWS}\nPAINTED_ROWS = {PAINTED_ROWS}" + """
import time
marks = [time.perf_counter()]
from recmanager.ui.launch import begin_start
begin_start()
from recmanager.context import AppContext
context = AppContext.open()
marks.append(time.perf_counter())
""" + FIRST_PAINT + """
import recmanager.ui.app as gui


def timed(function):
    def step(*args, **kwargs):
        result = function(*args, **kwargs)
        marks.append(time.perf_counter())
        return result
    return step


gui.prepare_application = timed(gui.prepare_application)
first_paint = FirstPaint()
from recmanager.ui.main_window import MainWindow
marks.append(time.perf_counter())
MainWindow.__init__ = timed(MainWindow.__init__)
shown = MainWindow.show


def show(window):
    window.installEventFilter(first_paint)
    shown(window)


MainWindow.show = show
session = gui.start_gui(context)
window, app = session.window, session.app
while not first_paint.seen:
    app.processEvents()
marks.append(time.perf_counter())

# The recordings are on screen once the table has asked its model for the text of its rows
# (it does so to paint them): the proxy's data() is watched, not the table's viewport, since
# wrapping that widget in Python costs PySide ~10 ms recmanager itself never pays.
while window._inbox is None:
    app.processEvents()
inbox = window._inbox
painted_rows = set()
proxy_data = type(inbox.proxy).data


def watched_data(self, index, role=0):
    if role == 0:  # Qt.ItemDataRole.DisplayRole
        painted_rows.add(index.row())
    return proxy_data(self, index, role)


type(inbox.proxy).data = watched_data
# A paint that came before the watch is not missed: the table repaints its rows once more.
inbox.table.dataChanged(inbox.proxy.index(0, 0),
                        inbox.proxy.index(inbox.proxy.rowCount() - 1, 0))
while not (len(painted_rows) >= PAINTED_ROWS and inbox.proxy.rowCount() == ROWS
           and inbox.table.isVisible() and inbox.table.width() > 0):
    app.processEvents()
print("ready", flush=True)
marks.append(time.perf_counter())
# How long the window leaves a click or a key unanswered meanwhile: the longest gap between
# the turns of its event loop, seen by a timer due every 5 ms.
from PySide6.QtCore import QTimer

turns = [marks[-1]]
heartbeat = QTimer()
heartbeat.timeout.connect(lambda: turns.append(time.perf_counter()))
heartbeat.start(5)
while window._jobs_panel is None:
    app.processEvents()
print("jobs", flush=True)
marks.append(time.perf_counter())
heartbeat.stop()
turns.append(marks[-1])
print("unanswered", round(max(b - a for a, b in zip(turns, turns[1:])) * 1000), flush=True)
print("phases", *(round((b - a) * 1000) for a, b in zip(marks, marks[1:])), flush=True)
window.inbox.timer.stop()
"""
PHASES = ("launch and application context (settings, profiles)",
          "PySide and the main window's modules",
          "Qt application, translations, log file and crash dialog",
          "main window built (menus, tool bar, status bar)",
          "shown: the first paint (and the quit-on-signal watch)",
          "the inbox painted with its cached recordings (read with sqlite3)",
          "then the tray icon, the jobs dock and its jobs (SQLAlchemy loaded)")

PREPARE = f"ROWS = {ROWS}" + """
from datetime import UTC, datetime, timedelta
from recmanager.config import Profile
from recmanager.context import AppContext
from recmanager.inbox.cache import save_cache
from recmanager.inbox.rows import InboxRecorder, InboxRow, LocalState, RowState
context = AppContext.open()
profile = Profile(name="bench", pod_url="http://127.0.0.1:9", deposit_kind="local",
                  local_deposit="/nonexistent", deposit_root="/data/ftp-pod/ftp/",
                  allow_plain_http=True)
context.profiles.save(profile)
context.settings.set("refresh_interval_s", 0)
now = datetime.now(UTC)
rows = [InboxRow(path=f"/data/ftp-pod/ftp/amphi{n % 5}/rec{n}.mp4", name=f"rec{n}.mp4",
                 folder=f"amphi{n % 5}", state=RowState.CLAIMABLE, size=n * 1000,
                 deposited=now - timedelta(hours=n), recorder_id=n % 5,
                 recorder_name=f"Amphi {n % 5}", treatment_id=n) for n in range(ROWS)]
save_cache(context.db, "bench", rows, [InboxRecorder(i, f"Amphi {i}") for i in range(5)],
           LocalState(), now)
context.close()
"""


def start(code: str, environment: dict[str, str], phases: list[list[int]] | None = None,
          ready: list[float] | None = None, jobs: list[float] | None = None,
          unanswered: list[int] | None = None) -> float:
    """Seconds from launching the program to its "shown" line (its exit is not counted);
    the times to its "ready" and "jobs" lines, when it prints them, are added to ``ready``
    and ``jobs``, and the longest the window left unanswered between them to
    ``unanswered``."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=environment, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.startswith("shown") and elapsed is None:
            elapsed = time.perf_counter() - began
        elif line.startswith("ready") and ready is not None:
            ready.append(time.perf_counter() - began)
        elif line.startswith("jobs") and jobs is not None:
            jobs.append(time.perf_counter() - began)
        elif line.startswith("unanswered") and unanswered is not None:
            unanswered.append(int(line.split()[1]))
        elif line.startswith("phases") and phases is not None:
            phases.append([int(part) for part in line.split()[1:]])
    _, errors = process.communicate(timeout=120)
    if elapsed is None:
        raise SystemExit(f"the program did not show its window:\n{errors[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as home:
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        environment["PYTHONPATH"] = str(ROOT)
        environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        # An installed copy has its bytecode (pip and the bundle compile it); a shell that
        # forbids writing it would have every start compile recmanager's sources again.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[variable] = str(Path(home) / variable.lower())
        subprocess.run([sys.executable, "-c", PREPARE], env=environment, cwd=ROOT, check=True,
                       timeout=120)
        # One unmeasured start of each writes the bytecode caches, as an installed copy has.
        start(BARE, environment)
        start(RECMANAGER, environment)
        bare: list[float] = []
        ours: list[float] = []
        ready: list[float] = []
        jobs: list[float] = []
        unanswered: list[int] = []
        phases: list[list[int]] = []
        for _ in range(args.repeats):
            bare.append(start(BARE, environment))
            ours.append(start(RECMANAGER, environment, phases, ready, jobs, unanswered))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"platform: {environment['QT_QPA_PLATFORM']}, {args.repeats} starts each")
    print(f"bare QMainWindow: median {bare_median * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in bare)})")
    print(f"recmanager:       median {ours_median * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in ours)})")
    print(f"recmanager, cached inbox on screen: median {statistics.median(ready) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in ready)})")
    print(f"recmanager, jobs dock filled too: median {statistics.median(jobs) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in jobs)}; not judged)")
    print(f"meanwhile the longest the window left a click or a key unanswered: median "
          f"{statistics.median(unanswered)} ms (runs: {', '.join(map(str, unanswered))}; "
          f"not judged)")
    print("where recmanager's start goes (median ms):")
    for number, label in enumerate(PHASES):
        print(f"  {statistics.median(run[number] for run in phases):6.0f}  {label}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for label, times, goal in (
            ("cached inbox (200 recordings) on screen vs bare window", ready, 2.0),
            ("first paint vs bare window", ours, 1.3)):
        low, high = resampled_spread(
            lambda mine, reference: statistics.median(mine) / statistics.median(reference),
            times, bare)
        print(f"{label}: over resamplings of these starts between {low:.2f}x and "
              f"{high:.2f}x (5th to 95th percentile)")
        judge(label, statistics.median(times) / bare_median, goal, at_most=True)
    return exit_code()


if __name__ == "__main__":
    raise SystemExit(main())
