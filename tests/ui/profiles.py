"""What the window and profile-dialog tests share: a window opened on a saved profile, and
the profile dialog filled for a local deposit, both with synchronous tasks."""

from __future__ import annotations

from recmanager.config import Profile
from recmanager.ui.dialogs.profile import ProfileDialog
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner


def window_on(qtbot, context, profile: Profile) -> MainWindow:
    """The main window after ``profile`` is saved (and so current)."""
    context.profiles.save(profile)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    return window


def profile_dialog(qtbot, context) -> ProfileDialog:
    dialog = ProfileDialog(context, TaskRunner(synchronous=True), None)
    qtbot.addWidget(dialog)
    return dialog


def profile_dialog_with_a_local_deposit(qtbot, context, name: str, pod_url: str
                                        ) -> ProfileDialog:
    """The dialog holding a new profile whose deposit is a local folder that does not exist."""
    dialog = profile_dialog(qtbot, context)
    dialog.name.setText(name)
    dialog.pod_url.setText(pod_url)
    dialog.deposit_kind.setCurrentIndex(dialog.deposit_kind.findData("local"))
    dialog.local_deposit.setText("/nonexistent/deposit")
    return dialog
