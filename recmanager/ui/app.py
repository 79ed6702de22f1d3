"""Start the Qt application: translations, logging, exception hook, main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from recmanager import APP_NAME, __version__
from recmanager.context import AppContext
from recmanager.i18n import install_translator
from recmanager.logs import setup_logging

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
    install_translator(QCoreApplication.translate)
    return translators


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


def run_gui(context: AppContext, *, profile_name: str | None = None) -> int:
    """The desktop application's main loop."""
    from recmanager.ui.dialogs.first_run import offer_first_run
    from recmanager.ui.main_window import MainWindow

    previous_hook = sys.excepthook
    app, translators = prepare_application(context)
    window = MainWindow(context, profile_name=profile_name)
    window.show()
    QTimer.singleShot(0, window, lambda: offer_first_run(window))
    try:
        return app.exec()
    finally:
        # Leave nothing running behind the loop: the window's timers and workers stop,
        # and the process's hooks are those it had before.
        if window.isVisible():
            window.close()
        window.runner.cancel_all()
        window.runner.wait(5000)
        window.deleteLater()
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)
        install_translator(None)
        context.close()
