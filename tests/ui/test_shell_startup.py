"""The window's start: the cached recordings are its first content, in a table with room to
show them, and a database that cannot be read starts an empty inbox that says why."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject

from recmanager.config import Profile
from recmanager.inbox.cache import save_cache
from recmanager.inbox.rows import InboxRecorder, InboxRow, LocalState, RowState
from recmanager.ui.inbox.panel import DETAIL_STRETCH
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.fixtures.database_states import held_by_another_program, made_newer

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
ROWS = 40


def _profile_with_a_cached_inbox(context) -> None:
    context.profiles.save(Profile(name="p", pod_url="http://127.0.0.1:9", deposit_kind="local",
                                  local_deposit="/nonexistent", allow_plain_http=True))
    context.settings.set("refresh_interval_s", 0)
    rows = [InboxRow(path=f"/data/ftp-pod/ftp/amphi{n % 3}/rec{n}.mp4", name=f"rec{n}.mp4",
                     folder=f"amphi{n % 3}", state=RowState.CLAIMABLE, size=n * 1000,
                     deposited=NOW - timedelta(hours=n), recorder_id=n % 3,
                     recorder_name=f"Amphi {n % 3}", treatment_id=n) for n in range(ROWS)]
    save_cache(context.db, "p", rows, [InboxRecorder(i, f"Amphi {i}") for i in range(3)],
               LocalState(), NOW)
    context.close()


class _RowsPainted(QObject):
    """Notes a paint of the recordings table's viewport while it holds rows."""

    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []
        self.details: list[object] = []  # the inbox's detail pane at each such paint

    def eventFilter(self, watched, event) -> bool:
        table = watched.parent()
        if (event.type() == QEvent.Type.Paint and table is not None
                and table.objectName() == "RecordingsTable" and watched is table.viewport()
                and table.model().rowCount()):
            self.widths.append(watched.width())
            self.details.append(table.window()._inbox._detail)
        return False


def _show_until_the_rows_are_painted(qtbot, qapp, window: MainWindow,
                                     painted: _RowsPainted) -> None:
    qapp.installEventFilter(painted)
    try:
        window.show()
        qtbot.waitUntil(lambda: bool(painted.widths))
    finally:
        qapp.removeEventFilter(painted)


def test_the_cached_recordings_are_painted_in_a_table_with_room_before_the_rest(
        qtbot, qapp, context):
    """Rows read before the panel showed once left the table no width at all (the sidebar
    took the splitter's placeholder sizes); the tray icon, jobs dock and refresh come after,
    and so does every background task (a thread reading the stored inspections held the
    interpreter while the table painted: the rows came 200 ms later)."""
    _profile_with_a_cached_inbox(context)
    runner = TaskRunner(synchronous=True)
    window = MainWindow(context, runner=runner)
    qtbot.addWidget(window)
    painted = _RowsPainted()
    submitted: list[tuple[str, bool]] = []
    submit = runner.submit

    def noted_submit(name, *args, **kwargs):
        submitted.append((name, bool(painted.widths)))
        return submit(name, *args, **kwargs)

    runner.submit = noted_submit
    _show_until_the_rows_are_painted(qtbot, qapp, window, painted)
    inbox = window.inbox
    assert inbox.proxy.rowCount() == ROWS
    assert painted.widths[0] > window.width() // 2
    assert inbox.table.width() > inbox.sidebar.width() > 0
    qtbot.waitUntil(lambda: window._jobs_panel is not None)
    assert submitted, "the stored inspections are read, after the rows are painted"
    assert [name for name, after_paint in submitted if not after_paint] == []


def test_the_detail_pane_and_its_player_come_after_the_rows_in_the_place_kept_for_them(
        qtbot, qapp, context):
    """Building the detail pane and its player (~10 ms of modules, widgets and paint) waits
    until the recordings are painted; it then takes the place an empty widget kept, with the
    share of the height set for it."""
    _profile_with_a_cached_inbox(context)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    painted = _RowsPainted()
    _show_until_the_rows_are_painted(qtbot, qapp, window, painted)
    inbox = window._inbox
    assert painted.details[0] is None
    assert inbox.center_splitter.widget(1).height() > 0  # the place kept
    qtbot.waitUntil(lambda: inbox._detail is not None)
    assert inbox.center_splitter.count() == 2
    assert inbox.center_splitter.widget(1) is inbox.detail
    # Its share of the height as the window gives or takes it (the jobs dock comes too).
    assert inbox.detail.sizePolicy().verticalStretch() == DETAIL_STRETCH
    assert inbox.preview is inbox.detail.preview
    inbox.select_path(inbox.proxy.row_at(0).path)
    assert inbox.detail.fields["path"].text().endswith(".mp4")


def test_a_newer_database_starts_an_empty_inbox_that_says_why(qtbot, context):
    _profile_with_a_cached_inbox(context)
    made_newer(context.paths.database)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._inbox is not None and window.inbox.banner.isVisible())
    assert window.inbox.proxy.rowCount() == 0
    assert "newer recmanager" in window.inbox.banner_label.text()
    qtbot.waitUntil(lambda: window._jobs_panel is not None)
    assert window.jobs_dock.widget() is window.jobs_panel
    assert "newer recmanager" in window.jobs_panel.problem_label.text()
    assert not window.jobs_panel.problem_label.isHidden()


def test_a_locked_database_starts_an_empty_inbox_that_says_why(qtbot, context):
    _profile_with_a_cached_inbox(context)
    with held_by_another_program(context.paths.database):
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window._inbox is not None and window.inbox.banner.isVisible())
        assert window.inbox.proxy.rowCount() == 0
        assert "in use by another program" in window.inbox.banner_label.text()
    # The refresh waiting for the database goes on once it is free (Pod is not there).
    qtbot.waitUntil(lambda: not window.inbox._refreshing, timeout=15_000)


START = """
import sys
from PySide6.QtCore import QTimer
from recmanager.context import AppContext
from recmanager.ui.app import start_gui
session = start_gui(AppContext.open())
turns = [0]
def turn():
    turns[0] += 1
timer = QTimer()
timer.timeout.connect(turn)
timer.start(0)
while turns[0] < 20:
    session.app.processEvents()
guides = [w for w in session.app.topLevelWidgets()
          if type(w).__name__ == "FirstRunGuide" and w.isVisible()]
print("guide module loaded:", "recmanager.ui.dialogs.first_run" in sys.modules)
print("guide shown:", bool(guides))
session.close()
"""


def _start(context, program: str = START) -> str:
    """What ``program``, a start in a fresh interpreter, printed."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    context.close()
    done = subprocess.run([sys.executable, "-c", program], env=environment,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_start_loads_the_first_run_guide_only_without_a_profile(context):
    """The guide's modules (connection checks, deposits: ~50 ms) were imported before the
    window on every start; a start with a profile never needs them, one without shows it."""
    said = _start(context)
    assert "guide module loaded: True" in said
    assert "guide shown: True" in said
    _profile_with_a_cached_inbox(context)
    said = _start(context)
    assert "guide module loaded: False" in said
    assert "guide shown: False" in said


STEP_BY_STEP = """
import sys
from PySide6 import QtGui, QtWidgets
from recmanager.context import AppContext
from recmanager.ui.app import start_gui
session = start_gui(AppContext.open())
while session.window._inbox is None:
    session.app.processEvents()
session.app.processEvents()
built = {"QGradient": "QGradient" in vars(QtGui),
         "QInputDialog": "QInputDialog" in vars(QtWidgets),
         "recmanager.inbox.zips": "recmanager.inbox.zips" in sys.modules}
print("rows:", session.window._inbox.proxy.rowCount())
print("built for nothing:", sorted(name for name, found in built.items() if found))
while session.window._jobs_panel is None:
    session.app.processEvents()
for _ in range(20):
    session.app.processEvents()
print("jobs dock:", session.window._jobs_panel.isVisible())
print("broker client:", sorted(name for name in ("celery", "kombu", "redis")
                                if name in sys.modules))
session.close()
"""


def test_the_inbox_on_screen_builds_nothing_it_does_not_show(context):
    """Each cost the start a millisecond or two before the recordings were on screen: the
    state colours as brushes (PySide's QGradient type, 169 presets), the deposit dialog's
    folder question, the zip reader (a zip is read when one is previewed)."""
    _profile_with_a_cached_inbox(context)
    said = _start(context, STEP_BY_STEP)
    assert f"rows: {ROWS}" in said
    assert "built for nothing: []" in said


JOB_MODULES = """
import sys
import threading

first_looked_up_by = {}


class Watch:
    def find_spec(self, name, path=None, target=None):
        first_looked_up_by.setdefault(name, threading.current_thread())


sys.meta_path.insert(0, Watch())
from recmanager.context import AppContext
from recmanager.ui import main_window
from recmanager.ui.app import start_gui

MODULES = ("sqlalchemy", "recmanager.packaging", "recmanager.packaging.webhook")
ready_before_the_dock = []
build = main_window.MainWindow._build_jobs_panel


def noted_build(window):
    ready_before_the_dock.append(all(
        name in sys.modules and not getattr(sys.modules[name].__spec__, "_initializing", False)
        for name in MODULES))
    build(window)


main_window.MainWindow._build_jobs_panel = noted_build
session = start_gui(AppContext.open())
while session.window._jobs_panel is None:
    session.app.processEvents()
print("jobs dock:", session.window._jobs_panel is not None)
print("on the window's thread:", sorted(
    name for name in MODULES if first_looked_up_by.get(name) is threading.main_thread()))
print("imported before the dock is built:", ready_before_the_dock)
session.close()
"""


def test_the_jobs_dock_loads_its_modules_away_from_the_window(context):
    """SQLAlchemy, the packaging and its webhook (~0.2 s) were imported, or waited for
    while a worker imported them, on the window's thread just after the recordings
    appeared: the window did not answer a click or a key for 0.3-0.4 s. A worker imports
    them; the dock is built once they are in."""
    _profile_with_a_cached_inbox(context)
    said = _start(context, JOB_MODULES)
    assert "jobs dock: True" in said
    assert "on the window's thread: []" in said
    assert "imported before the dock is built: [True]" in said


def test_the_jobs_dock_loads_no_broker_client_without_queue_jobs(context):
    """Celery, kombu and redis (~0.3 s) were imported with the jobs dock on every start, on
    the window's thread, just after the recordings appeared: the window did not answer
    meanwhile. Only the packaging queue's jobs need them."""
    _profile_with_a_cached_inbox(context)
    said = _start(context, STEP_BY_STEP)
    assert "jobs dock: True" in said
    assert "broker client: []" in said


def test_a_refresh_while_the_database_is_held_says_so_not_offline(qtbot, context):
    """The refresh failing on this computer's database called the inbox "Offline" and the
    Pod channel offline, and promised actions "when the connection" came back."""
    from recmanager.ui.status import ChannelState

    _profile_with_a_cached_inbox(context)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    with held_by_another_program(context.paths.database):
        window.refresh()
        banner = window.inbox.banner_label.text()
    assert "cannot be used" in banner and "in use by another program" in banner
    assert "Offline" not in banner and "connection" not in banner
    # Pod and the deposit were not asked: neither offline nor still "connecting…".
    assert window.rest_indicator.state is ChannelState.UNKNOWN
    assert window.sftp_indicator.state is ChannelState.UNKNOWN
    assert not window.inbox.action_claim.isEnabled()  # nothing can be journaled meanwhile


THROUGH_THE_COMMAND = """
import gc
import sys
from PySide6.QtCore import QCoreApplication
import recmanager.ui.main_window as main_window
complete = main_window.MainWindow._build_jobs_panel
def last_step(window):
    print("collecting during the start:", gc.isenabled())
    complete(window)
    print("collecting once complete:", gc.isenabled())
    QCoreApplication.instance().exit(0)
main_window.MainWindow._build_jobs_panel = last_step
from recmanager.cli import main
sys.exit(main([]))
"""


def test_the_start_pauses_garbage_collection_until_the_window_is_complete(context):
    """The collector's passes over the start's objects (all alive) cost ~10 ms before the
    recordings were on screen; a window left without collection would grow for ever."""
    _profile_with_a_cached_inbox(context)
    said = _start(context, THROUGH_THE_COMMAND)
    assert "collecting during the start: False" in said
    assert "collecting once complete: True" in said


def test_what_comes_before_the_window_loads_no_sockets():
    """Logging's rotating handler and the quit-on-signal socket pair loaded sockets,
    pickling and queues (~5 ms) before the first paint; nothing there uses them."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, recmanager.cli, recmanager.context, "
         "recmanager.ui.app, recmanager.ui.main_window; "
         "print(sorted({'socket', 'logging.handlers', 'pickle'} & set(sys.modules)))"],
        capture_output=True, text=True, timeout=60, check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert loaded.stdout.strip() == "[]"


PREPARED_BEFORE_PYSIDE = """
import sys
from recmanager.ui.launch import begin_start
begin_start().join()
mapped = open("/proc/self/maps").read()
print("mapped:", [name for name in ("libQt6Core", "libQt6Gui", "libQt6Widgets", "libfontconfig")
                  if name in mapped])
print("PySide imported:", any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules))
print("prepared", flush=True)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
app = QApplication([])
print("text measured:", QFontMetrics(app.font()).horizontalAdvance("Amphi") > 0, flush=True)
"""


def test_the_start_maps_qt_and_reads_the_font_configuration_on_a_second_thread():
    """Linking Qt's libraries when PySide was imported, and fontconfig reading its
    configuration when the first text was measured, cost the first paint ~15 ms on the
    window's thread; a thread does both while Python reads the start's modules."""
    said = subprocess.run(
        [sys.executable, "-c", PREPARED_BEFORE_PYSIDE], capture_output=True, text=True,
        timeout=60, check=True,
        # fontconfig says on the output when it reads its configuration files
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", FC_DEBUG="1024")).stdout
    before, after = said.split("prepared")
    assert "mapped: ['libQt6Core', 'libQt6Gui', 'libQt6Widgets', 'libfontconfig']" in before
    assert "PySide imported: False" in before
    assert "Loading config file from" in before
    assert "text measured: True" in after
    assert "Loading config file" not in after  # Qt used the configuration already read


def test_qt_libraries_not_found_leave_the_start_as_it_was(tmp_path):
    """A bundle laid out otherwise: nothing is loaded ahead, and PySide loads Qt itself."""
    from recmanager.ui.launch import prepare_qt_libraries

    assert prepare_qt_libraries(tmp_path) is False


def _started_window(qtbot, context) -> MainWindow:
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._jobs_panel is not None)
    return window


def _widths(window: MainWindow) -> list[int]:
    """The fitted columns' widths (File takes what is left)."""
    from recmanager.ui.inbox.model import COL_FILE

    header = window.inbox.table.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())
            if column != COL_FILE]


def test_the_style_margins_are_kept_for_the_next_start_and_checked_on_it(qtbot, context):
    """Asking the style for its margins made PySide build its QStyle type (~5 ms) before
    the recordings' first paint: a start uses the margins kept by the last one, and checks
    them once the recordings are on screen."""
    from recmanager.ui.inbox.columns import style_margins
    from recmanager.ui.main_window import STYLE_MARGINS_KEY

    _profile_with_a_cached_inbox(context)
    first = _started_window(qtbot, context)
    measured = style_margins(first.inbox.table)
    assert first.inbox.style_margins_used == measured
    widths = _widths(first)
    first.close()
    state = context.paths.config_dir / "window.ini"
    assert first._window_state.value(STYLE_MARGINS_KEY) is not None
    kept = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(kept)
    assert kept.inbox.style_margins_used == measured  # before any paint: the kept ones
    kept.close()
    # Margins kept from another style: the first columns use them, then the style's.
    first._window_state.setValue(STYLE_MARGINS_KEY, [12, 20, 30])
    first._window_state.sync()
    assert "12, 20, 30" in state.read_text()
    other = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(other)
    assert other.inbox.style_margins_used == (12, 20, 30)
    assert _widths(other) != widths
    other.show()
    qtbot.waitUntil(lambda: other._jobs_panel is not None)
    assert other.inbox.style_margins_used == measured
    assert _widths(other) == widths
    other.save_window_state()
    assert "12, 20, 30" not in state.read_text()


def test_kept_style_margins_that_make_no_sense_are_asked_again():
    from recmanager.ui.inbox.columns import read_style_margins

    assert read_style_margins(["2", "2", "16"]) == (2, 2, 16)
    for nonsense in (None, "2", "222", ["2", "2"], ["a", "2", "16"], ["-1", "2", "16"],
                     ["2", "2", "100000"], 7):
        assert read_style_margins(nonsense) is None
