"""Every window and dialog of the application, built the way the program builds them,
filled with realistic data and no server behind them: what the screen guards walk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from recmanager import audit
from recmanager.config import Profile
from recmanager.context import AppContext
from recmanager.pod.model import User, VideoType
from recmanager.ui.main_window import MainWindow
from tests.ui.realistic import LONG_FILE

USERS = (
    User(1, "https://pod/rest/users/1/", "admin", "Ada", "Admin", "admin@univ.fr", True),
    User(2, "https://pod/rest/users/2/", "mdupont", "Marie", "Dupont-Lefèvre",
         "marie.dupont@univ.fr", True),
)
# Nothing listens on port 9 (discard) of the loopback: a button that reads from Pod or the
# deposit gets its "connection refused" at once, and shows it as a person would see it.
PROFILE = Profile(name="Université", pod_url="http://127.0.0.1:9/",
                  sftp_host="127.0.0.1", sftp_port=9, sftp_user="ftp-pod",
                  deposit_root="/data/ftp-pod/ftp")


@dataclass(frozen=True)
class Screen:
    name: str
    build: Callable[[MainWindow, AppContext], QWidget]


def _audit(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.audit_view import AuditView

    audit.record(context.db, profile=PROFILE.name, actor="admin", action="claim",
                 target=f"/data/ftp-pod/ftp/amphiA/{LONG_FILE}", result="ok",
                 detail={"owner": "mdupont"})
    return AuditView(context.db, window)


def _settings(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.settings import SettingsDialog

    return SettingsDialog(context.settings, window)


def _profile(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.profile import ProfileDialog

    return ProfileDialog(context, window.runner, None, window)


def _first_run(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.first_run import FirstRunGuide

    return FirstRunGuide(context, window.runner, window)


def _package(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.package import PackageDialog

    return PackageDialog(context, window, runner=window.runner)


def _package_recording(window: MainWindow, context: AppContext) -> QWidget:
    """The Package dialog as the inbox opens it for a recording read over SFTP."""
    from recmanager.packaging.inputs import fetch_for_packaging
    from recmanager.ui.dialogs.package import PackageDialog

    path = f"{PROFILE.deposit_root}/amphiA/{LONG_FILE}"
    return PackageDialog(
        context, window, runner=window.runner, input_label=path, origin=f"inbox:{path}",
        download=lambda progress, cancel: fetch_for_packaging(PROFILE, context, path,
                                                              progress, cancel))


def _claim(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.claim import ClaimDialog

    rows = [row for row in window.inbox.model.rows if row.claimable][:2]
    return ClaimDialog(rows, USERS, USERS[0], window)


def _delete(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.delete import DeleteDialog

    return DeleteDialog(list(window.inbox.model.rows[:2]), quarantine_available=True,
                        quarantine_days=14, parent=window)


def _reassign(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.reassign import ReassignDialog

    return ReassignDialog(USERS, [], moves_files=False, parent=window)


def _recorder_editor(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.recorder_editor import RecorderEditor

    return RecorderEditor(
        recorder=None, existing=[], video_types=[VideoType(1, "https://pod/t/1", "Cours")],
        web_available=True, web_reason="", runner=window.runner,
        save=lambda *args: None, parent=window)


def _shortcuts(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.shortcuts import ShortcutSheet

    return ShortcutSheet(window)


def _crash(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.dialogs.crash import CrashDialog

    return CrashDialog("Traceback (most recent call last):\nValueError: test",
                       context.paths.log_dir, window)


def _recorders(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.recorders_window import RecordersWindow

    return RecordersWindow(context, PROFILE, window.runner, window)


def _bulk(window: MainWindow, context: AppContext) -> QWidget:
    from recmanager.ui.bulk_window import BulkWindow

    rows = [row for row in window.inbox.model.rows if row.claimable]
    return BulkWindow(context, PROFILE, window.runner, window, selection=rows)


SCREENS = (
    Screen("audit log", _audit),
    Screen("settings", _settings),
    Screen("profile", _profile),
    Screen("first-run guide", _first_run),
    Screen("package", _package),
    Screen("package a recording of the inbox", _package_recording),
    Screen("claim", _claim),
    Screen("delete", _delete),
    Screen("reassign", _reassign),
    Screen("recorder editor", _recorder_editor),
    Screen("keyboard shortcuts", _shortcuts),
    Screen("crash report", _crash),
    Screen("recorders", _recorders),
    Screen("bulk assignment", _bulk),
)
