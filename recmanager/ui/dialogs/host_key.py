"""Ask the user about an SSH host key seen for the first time."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from recmanager.ui.tasks import call_on_gui_thread


def ask_host_key(parent: QWidget | None, host: str, key_type: str, fingerprint: str) -> str:
    """``accept`` (remember), ``once`` (this connection only) or ``cancel``.

    Safe to pass as the deposit's ``on_unknown_host_key`` callback: it runs the dialog on
    the GUI thread even when the SFTP connection is opened by a worker.
    """

    def ask() -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(box.tr("Unknown SSH server"))
        box.setText(
            box.tr("The server {host} is not known yet. Its {type} key fingerprint is:").format(
                host=host, type=key_type
            )
        )
        box.setInformativeText(
            f"<tt>{fingerprint}</tt><br><br>"
            + box.tr(
                "Compare it with the fingerprint your server administrator gives you "
                "(ssh-keygen -lf on the server's host key). Connect only if they match."
            )
        )
        accept = box.addButton(box.tr("Accept and remember"), QMessageBox.ButtonRole.AcceptRole)
        once = box.addButton(box.tr("Connect once"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is accept:
            return "accept"
        if clicked is once:
            return "once"
        return "cancel"

    return call_on_gui_thread(ask)
