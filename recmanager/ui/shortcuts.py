"""The keyboard cheat sheet (F1 or ?) and the checks that the window works without a mouse.

The sheet is generated from the window's QActions, so a new action with a shortcut shows up
without editing this file; the keys handled inside the recordings list and the player (which
are not window actions) are listed from :data:`STANDARD_KEYS`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recmanager.i18n import QT_TRANSLATE_NOOP

CONTEXT = "shortcuts"  # translation context; lupdate needs it spelled out in each call

RECORDINGS = QT_TRANSLATE_NOOP("shortcuts", "Recordings")
PLAYER = QT_TRANSLATE_NOOP("shortcuts", "Player")
HELP = QT_TRANSLATE_NOOP("shortcuts", "Help")

# Keys that work in the recordings list and the preview player (issue: standard shortcuts).
STANDARD_KEYS: tuple[tuple[str, str, str], ...] = (
    (RECORDINGS, QT_TRANSLATE_NOOP("shortcuts", "Refresh"), "F5"),
    (RECORDINGS, QT_TRANSLATE_NOOP("shortcuts", "Filter"), "Ctrl+F"),
    (RECORDINGS, QT_TRANSLATE_NOOP("shortcuts", "Delete the selected recordings"), "Del"),
    (RECORDINGS, QT_TRANSLATE_NOOP("shortcuts", "Claim the selected recordings"), "Ctrl+Return"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Play / pause"), "Space, K"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Seek back"), "Left"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Seek forward"), "Right"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Previous frame"), ","),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Next frame"), "."),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Seek back / forward further"),
     "Shift+Left, Shift+Right"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Back to the start"), "Home"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Volume up / down"), "Up, Down"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Mute"), "M"),
    (PLAYER, QT_TRANSLATE_NOOP("shortcuts", "Bigger window"), "F"),
    (HELP, QT_TRANSLATE_NOOP("shortcuts", "Keyboard shortcuts"), "F1"),
)

def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def plain_text(text: str) -> str:
    """An action's text as a person reads it: without the ``&`` mnemonic and the ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_text(sequence: QKeySequence | str) -> str:
    """A shortcut as the platform writes it (``Ctrl+F``, ``⌘F`` on macOS), translated."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def menu_paths(window: QMainWindow) -> dict[QAction, str]:
    """Each action reachable from the menu bar, with its path (``File › Quit``)."""
    paths: dict[QAction, str] = {}

    def walk(menu: QMenu, trail: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            path = f"{trail} › {plain_text(action.text())}" if trail else plain_text(action.text())
            if action.menu() is not None:
                walk(action.menu(), path)
            else:
                paths.setdefault(action, path)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top.text()))
    return paths


def window_actions(window: QMainWindow) -> list[QAction]:
    """Every QAction of the window and its children, in creation order, without duplicates."""
    seen: dict[QAction, None] = {}
    for action in window.findChildren(QAction):
        if not action.isSeparator() and action.text():
            seen.setdefault(action, None)
    for widget in window.findChildren(QWidget):
        for action in widget.actions():
            if not action.isSeparator() and action.text():
                seen.setdefault(action, None)
    return list(seen)


def keyboard_unreachable(window: QMainWindow) -> list[QAction]:
    """Actions a keyboard user cannot trigger: no shortcut and in no menu."""
    in_menus = menu_paths(window)
    # A tool bar inside a panel cannot be hidden by anyone: its toggle is no user action.
    panel_toggles = {
        toolbar.toggleViewAction()
        for toolbar in window.findChildren(QToolBar)
        if not isinstance(toolbar.parentWidget(), QMainWindow)
    }
    return [
        action
        for action in window_actions(window)
        if action.menu() is None
        and not action.shortcuts()
        and action not in in_menus
        and action not in panel_toggles
    ]


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractSlider,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces for ``widget`` (its own name, or its text or label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name.strip() or widget.accessibleName().strip()


def unnamed_widgets(root: QWidget) -> list[QWidget]:
    """Interactive widgets under ``root`` that a screen reader could not name."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QHeaderView) or widget.parent() is None:
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) or widget.parent().inherits(
            "QComboBoxPrivateContainer"
        ):
            continue  # the inner line edit or popup list is named through its owner
        if not accessible_name(widget):
            found.append(widget)
    return found


class ShortcutSheet(QDialog):
    """A searchable table: where, what, which keys."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("ShortcutSheet")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Where"), self.tr("Action"), self.tr("Keys")]
        )
        for where, what, keys in self.rows(window):
            items = [QStandardItem(where), QStandardItem(what), QStandardItem(keys)]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setModel(proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 520)

    @staticmethod
    def rows(window: QMainWindow) -> list[tuple[str, str, str]]:
        """The window's actions that have keys (their menu as "where"), then the standard keys
        not already listed."""
        paths = menu_paths(window)
        rows: list[tuple[str, str, str]] = []
        listed: set[str] = set()
        for action in window_actions(window):
            sequences = [s for s in action.shortcuts() if not s.isEmpty()]
            if not sequences:
                continue
            path = paths.get(action, "")
            where = (
                path.rsplit(" › ", 1)[0]
                if " › " in path
                else QCoreApplication.translate("shortcuts", "Window")
            )
            keys = ", ".join(key_text(s) for s in sequences)
            rows.append((where, plain_text(action.text()), keys))
            listed.update(key_text(s) for s in sequences)
        for where, what, keys in STANDARD_KEYS:
            if key_text(keys) not in listed:
                rows.append((_tr(where), _tr(what), key_text(keys)))
                listed.add(key_text(keys))
        return rows


def open_shortcut_sheet(window: QMainWindow) -> ShortcutSheet:
    """Show the sheet (not modal, so it can stay open beside the window)."""
    sheet = ShortcutSheet(window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    return sheet
