"""The tray icon with the count of claimable recordings, and desktop notifications.

The inbox calls :meth:`Notifier.claimable_changed` after each refresh and the jobs code calls
:meth:`Notifier.job_finished` when a job ends; the settings ``tray_icon`` and
``notifications`` turn each part off. Notifications go, in this order, to the desktop's
notification service (``org.freedesktop.Notifications`` on the D-Bus session bus, Linux), to
the tray icon's balloon (Windows, macOS), or to the window's status bar, so a message is never
lost for want of a notification daemon.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from recmanager import APP_NAME
from recmanager.config import Settings
from recmanager.ui.app import application_icon, resource_path
from recmanager.ui.tasks import TaskRunner

log = logging.getLogger("recmanager.ui.notifications")

DESKTOP_ID = "org.esup_portail.recmanager"
NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
# How many new file names one notification lists before it says "and N more".
LISTED_NAMES = 4


def send_desktop_notification(summary: str, body: str, *, critical: bool = False) -> bool:
    """Show a notification through the D-Bus notification service; False where there is none.

    Asks the bus first, so a missing service fails at once instead of waiting for D-Bus
    activation to time out.
    """
    try:
        from jeepney import DBusAddress, DBusErrorResponse, new_method_call
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:  # not on Linux
        return False
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            owner = connection.send_and_get_reply(
                message_bus.NameHasOwner(NOTIFICATIONS_SERVICE), timeout=2
            )
            if not owner.body[0]:
                log.info("no notification service on the session bus")
                return False
            address = DBusAddress(
                NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_SERVICE, interface=NOTIFICATIONS_SERVICE
            )
            hints = {
                "desktop-entry": ("s", DESKTOP_ID),
                "urgency": ("y", 2 if critical else 1),
            }
            icon = str(resource_path("icons", "recmanager.svg"))
            message = new_method_call(
                address,
                "Notify",
                "susssasa{sv}i",
                (APP_NAME, 0, icon, summary, body, [], hints, -1),
            )
            connection.send_and_get_reply(message, timeout=5)
    except (OSError, KeyError, TimeoutError, DBusErrorResponse) as exc:
        # KeyError: no DBUS_SESSION_BUS_ADDRESS (a session without a bus).
        log.info("desktop notification not sent: %r", exc)
        return False
    return True


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The application icon with the count in a red disc; the plain icon for 0."""
    base = application_icon()
    if count <= 0:
        return base
    pixmap = base.pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(size * 0.42, size * 0.42, size * 0.58, size * 0.58)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d1342f"))
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.34 if count < 100 else 0.24)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 1000 else "999+")
    painter.end()
    return QIcon(pixmap)


class Notifier(QObject):
    """Owns the tray icon and sends the desktop notifications of one main window."""

    delivered = Signal(str, str, str)  # channel ("desktop", "tray", "status bar"), title, body

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.runner = runner or getattr(window, "runner", None) or TaskRunner(self)
        self.tray: QSystemTrayIcon | None = None
        self._tray_menu: QMenu | None = None
        self.count = 0
        self._baseline_taken = False
        self._announced: set[str] = set()
        self.apply_settings()

    # --- settings -------------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Show or hide the tray icon after the settings changed."""
        wanted = bool(self.settings.get("tray_icon")) and (
            QSystemTrayIcon.isSystemTrayAvailable()
        )
        if wanted and self.tray is None:
            self.tray = self._make_tray()
            self._update_tray()
            self.tray.show()
        elif not wanted and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
            self._tray_menu = None

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(self)
        # Not a child of the window: its actions belong to the tray, not the window's menus.
        menu = QMenu()
        self._tray_menu = menu
        show = QAction(self.tr("Show recmanager"), menu)
        show.triggered.connect(self.show_window)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.window.close)
        menu.addAction(show)
        menu.addAction(quit_action)
        tray.setContextMenu(menu)
        tray.activated.connect(self._tray_activated)
        tray.messageClicked.connect(self.show_window)
        return tray

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def tooltip(self) -> str:
        if self.count == 0:
            return self.tr("recmanager — no recording to claim")
        return self.tr("recmanager — recordings to claim: %n", "", self.count)

    def _update_tray(self) -> None:
        if self.tray is not None:
            self.tray.setIcon(badge_icon(self.count))
            self.tray.setToolTip(self.tooltip())

    # --- what the inbox and the jobs call -------------------------------------------------

    def claimable_changed(self, count: int, new_items: Sequence[str] = ()) -> None:
        """The inbox has ``count`` claimable recordings; ``new_items`` became claimable.

        The first call after start-up only sets the baseline (those recordings are in the
        window already); later, each name is announced once.
        """
        self.count = max(0, int(count))
        self._update_tray()
        fresh = [name for name in new_items if name not in self._announced]
        self._announced.update(fresh)
        if not self._baseline_taken:
            self._baseline_taken = True
            return
        if not fresh:
            return
        listed = ", ".join(fresh[:LISTED_NAMES])
        if len(fresh) > LISTED_NAMES:
            listed += " " + self.tr("and %n more", "", len(fresh) - LISTED_NAMES)
        self.notify(self.tr("New recordings to claim: %n", "", len(fresh)), listed)

    def watch_inbox(self, inbox: QObject) -> None:
        """Follow an inbox panel: after each refresh, its claimable rows feed the tray and
        the notifications (``inbox`` has a ``refreshed`` signal and a ``snapshot``)."""
        inbox.refreshed.connect(lambda: self._inbox_refreshed(inbox))

    def _inbox_refreshed(self, inbox: QObject) -> None:
        snapshot = getattr(inbox, "snapshot", None)
        if snapshot is None:
            return
        claimable = [row for row in snapshot.rows if row.claimable]
        self.claimable_changed(len(claimable), [f"{row.folder}/{row.name}" for row in claimable])

    def job_finished(self, name: str, ok: bool, message: str = "") -> None:
        """A job ended: say so, with its outcome."""
        if ok:
            title = self.tr("Job finished: {name}").format(name=name)
        else:
            title = self.tr("Job failed: {name}").format(name=name)
        self.notify(title, message, critical=not ok)

    # --- delivery -------------------------------------------------------------------------

    def notify(self, title: str, body: str, *, critical: bool = False) -> None:
        """Show ``title``/``body`` the best way this desktop offers (see the module doc)."""
        if not self.settings.get("notifications"):
            return
        if sys.platform.startswith("linux"):
            self.runner.submit(
                "desktop-notification",
                lambda progress, cancel: send_desktop_notification(
                    title, body, critical=critical
                ),
                on_result=lambda sent: self._sent(sent, title, body, critical),
            )
        else:
            self._fall_back(title, body, critical)

    def _sent(self, sent: bool, title: str, body: str, critical: bool) -> None:
        if sent:
            self.delivered.emit("desktop", title, body)
        else:
            self._fall_back(title, body, critical)

    def _fall_back(self, title: str, body: str, critical: bool) -> None:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            icon = (
                QSystemTrayIcon.MessageIcon.Warning
                if critical
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.tray.showMessage(title, body, icon)
            self.delivered.emit("tray", title, body)
            return
        text = f"{title} — {body}" if body else title
        self.window.statusBar().showMessage(text, 15000)
        self.delivered.emit("status bar", title, body)
