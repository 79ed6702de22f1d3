"""Start the Qt application: translations, logging, exception hook, main window."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSocketNotifier,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from recmanager import APP_NAME, __version__
from recmanager.context import AppContext
from recmanager.i18n import install_translator
from recmanager.logs import setup_logging

if TYPE_CHECKING:
    from recmanager.ui.main_window import MainWindow

log = logging.getLogger("recmanager.ui")


def _resources_dir() -> Path:
    """``resources/`` of the checkout, or of the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES = _resources_dir()


def resource_path(*parts: str) -> Path:
    """A file shipped with the application (translations, icons)."""
    return RESOURCES.joinpath(*parts)


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load recmanager's and Qt's own catalogues for the system language."""
    locale = locale or QLocale.system()
    translators: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(locale, "recmanager", "_", str(resource_path("translations"))):
        app.installTranslator(own)
        translators.append(own)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)

    def write_size(size: int) -> str:  # the module when a message first holds a size
        from recmanager.ui.locale_format import format_size

        return format_size(size, locale)

    install_translator(QCoreApplication.translate, write_size=write_size)
    return translators


# Ctrl+C, a closed terminal, `kill`: each ends the application as its Quit does.
QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


class QuitOnSignal(QObject):
    """Quits the main loop on SIGINT, SIGTERM or SIGHUP, and restores what it replaced.

    Python runs a signal handler only between two Python instructions, and Qt's loop runs
    none while it waits: so the signal also writes a byte to a pipe (Python's wake-up fd)
    that a QSocketNotifier watches, and the notifier's slot gives Python its turn. Without
    this, Ctrl+C raised KeyboardInterrupt in whatever Python code ran next (a paintEvent)
    and stopped nothing.
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        # A pipe, not a socket pair: the socket module would cost the start ~2 ms.
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._writer)
        self._previous = {number: signal.signal(number, self._quit) for number in QUIT_SIGNALS}
        log.info("quitting on %s", ", ".join(signal.Signals(n).name for n in QUIT_SIGNALS))

    def _drain(self, *_: object) -> None:
        with contextlib.suppress(OSError):  # nothing left to read
            os.read(self._reader, 64)

    def _quit(self, number: int, _frame: FrameType | None) -> None:
        log.info("%s received: quitting", signal.Signals(number).name)
        # From the loop (a signal may come before it runs, when exit() would do nothing);
        # the code is the shell's convention: 130 after Ctrl+C.
        QTimer.singleShot(0, self, lambda: self._app.exit(128 + number))

    def restore(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        os.close(self._reader)
        os.close(self._writer)


def application_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "recmanager.svg")))


def create_application(argv: list[str]) -> QApplication:
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform != "linux"
    ):
        # Qt aborts the process without a display; say so instead.
        raise SystemExit(
            "recmanager needs a display (DISPLAY or WAYLAND_DISPLAY); for a headless run set "
            "QT_QPA_PLATFORM=offscreen."
        )
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.esup_portail.recmanager")
    app.setWindowIcon(application_icon())
    return app  # type: ignore[return-value]


def prepare_application(context: AppContext) -> tuple[QApplication, list[QTranslator]]:
    """What the desktop application sets up before its main window: the Qt application,
    the translations, the log file and the crash dialog."""
    from recmanager.ui.excepthook import install_exception_hook

    app = create_application(sys.argv)
    translators = install_translations(app)
    setup_logging(context.paths.log_dir)
    install_exception_hook(context.paths.log_dir)
    log.info("recmanager %s starting", __version__)
    return app, translators


@dataclass
class GuiSession:
    """The started desktop application: its window shown, its loop not yet run."""

    app: QApplication
    translators: list[QTranslator]
    window: MainWindow
    quit_on_signal: QuitOnSignal
    previous_hook: Callable[..., object]

    def close(self) -> None:
        """Leave nothing running behind the loop: the window's timers and workers stop,
        and the process's hooks are those it had before."""
        self.quit_on_signal.restore()
        window = self.window
        if window.isVisible():
            window.close()
        window.runner.cancel_all()
        window.runner.wait(5000)
        window.deleteLater()
        sys.excepthook = self.previous_hook
        for translator in self.translators:
            self.app.removeTranslator(translator)
        install_translator(None)
        window.context.close()


def start_gui(context: AppContext, *, profile_name: str | None = None) -> GuiSession:
    """Everything before the main loop: the application, then the main window shown, the
    first-run guide offered on the loop's first turn."""
    from recmanager.ui.main_window import MainWindow

    previous_hook = sys.excepthook
    app, translators = prepare_application(context)
    quit_on_signal = QuitOnSignal(app)
    window = MainWindow(context, profile_name=profile_name)
    window.show()
    QTimer.singleShot(0, window, lambda: _offer_first_run(window))
    return GuiSession(app, translators, window, quit_on_signal, previous_hook)


def _offer_first_run(window: MainWindow) -> None:
    """The first-run guide when no profile is in use; its modules (~50 ms) load only then."""
    if window.profile is None:
        from recmanager.ui.dialogs.first_run import offer_first_run

        offer_first_run(window)


def run_gui(context: AppContext, *, profile_name: str | None = None) -> int:
    """The desktop application's main loop."""
    session = start_gui(context, profile_name=profile_name)
    try:
        return session.app.exec()
    finally:
        session.close()
