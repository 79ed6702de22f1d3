"""What the screen tests share: the main window at its default size in a language, filled
with realistic rows, and a look at every text it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTabWidget, QWidget, QWizard

from recmanager.ui.app import install_translations
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.ui.realistic import fill_inbox

DEFAULT_SIZE = (1200, 760)


@contextmanager
def language(name: str) -> Iterator[None]:
    """The application in ``name`` ("en_US", "fr_FR"): its catalogue and its formats."""
    previous = QLocale()
    QLocale.setDefault(QLocale(name))
    translators = install_translations(QApplication.instance(), QLocale(name))
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous)


def open_main_window(qtbot, context) -> MainWindow:
    """The main window as a person first sees it, its inbox, dock and rows in place."""
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._jobs_panel is not None)
    assert (window.width(), window.height()) == DEFAULT_SIZE
    fill_inbox(window.inbox)
    QApplication.processEvents()
    return window


def title_cut(header: QHeaderView, section: int) -> bool:
    """Whether a column's title is wider than its section, the style's margins included."""
    title = header.model().headerData(section, header.orientation())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return header.fontMetrics().horizontalAdvance(title) + margin > header.sectionSize(section)


def text_margin(widget: QWidget) -> int:
    """The space an item view leaves each side of a cell's text (QCommonStyle's rule)."""
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


def every_page(root: QWidget) -> Iterator[str]:
    """Show each page of ``root`` in turn (each tab, each step of a wizard)."""
    yield ""
    # Shown ones only: a dialog a button made and left hidden is still a child of ``root``.
    for tabs in [tabs for tabs in root.findChildren(QTabWidget) if tabs.isVisible()]:
        for number in range(tabs.count()):
            tabs.setCurrentIndex(number)
            QApplication.processEvents()
            yield f" tab {number}"
    wizards = [root] if isinstance(root, QWizard) else root.findChildren(QWizard)
    for wizard in wizards:
        for page in wizard.pageIds():
            wizard.setStartId(page)
            wizard.restart()
            QApplication.processEvents()
            yield f" page {page}"
