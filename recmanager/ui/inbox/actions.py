"""The inbox's actions — Claim, Reassign, Delete, Undo quarantine, Package, Audit log, Filter —
their dialogs' wiring, what enables each, and how they run and report."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from recmanager.errors import AlreadyClaimed, DoneWithWarning, RecmanagerError
from recmanager.inbox.rows import InboxRow, RowState
from recmanager.progress import CancelToken, ProgressCallback
from recmanager.ui.icons import themed_icon
from recmanager.ui.locale_format import format_datetime

# Server-side modules are imported when an action runs, so the window shows quickly.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from recmanager.actions.opening import Actions
    from recmanager.deposit.base import QuarantinedFile


class InboxActions:
    """The actions and their handlers; mixed into :class:`InboxPanel`."""

    def _build_actions(self) -> None:
        def action(text: str, icon: str, slot: Callable[[], None],
                   shortcut: QKeySequence | str | None = None) -> QAction:
            made = QAction(themed_icon(icon), text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.action_claim = action(self.tr("Claim…"), "emblem-ok", self.claim, "Ctrl+Return")
        self.action_reassign = action(self.tr("Reassign…"), "system-users", self.reassign)
        self.action_delete = action(self.tr("Delete…"), "edit-delete", self.delete,
                                    QKeySequence.StandardKey.Delete)
        self.action_undo = action(self.tr("Undo quarantine…"), "edit-undo", self.undo_quarantine)
        self.action_package = action(self.tr("Package…"), "package-x-generic",
                                     self.package_selected)
        self.action_audit = action(self.tr("Audit log"), "view-list-details", self.show_audit)
        self.action_find = action(self.tr("Filter"), "edit-find", self.focus_filter,
                                  QKeySequence.StandardKey.Find)
        self.action_deposit = action(self.tr("Deposit files…"), "document-open",
                                     self.choose_files_to_deposit)
        self.actions_list = [self.action_claim, self.action_reassign, self.action_delete,
                             self.action_undo, self.action_package, self.action_audit,
                             self.action_find, self.action_deposit]
        for made in self.actions_list:
            self.addAction(made)
        # A right click on a recording offers what the Recordings menu does for it.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self)
        separator.setSeparator(True)
        self.table.addActions([self.action_claim, self.action_reassign, self.action_delete,
                               self.action_undo, separator, self.action_package])

    def update_actions(self) -> None:
        """Enable what the server allows now; a disabled action says why in its tooltip."""
        rows = self.selected_rows()
        claimable = [row for row in rows if row.claimable]
        perms = self.permissions
        connected = self.profile is not None and not self.offline and perms is not None
        offline_reason = self.tr("Offline: actions come back when the connection does.")
        no_profile = self.tr("Set up a connection profile first.")

        def set_state(action: QAction, reason: str, enabled_tip: str) -> None:
            action.setEnabled(not reason)
            action.setToolTip(reason or enabled_tip)
            action.setStatusTip(reason or enabled_tip)

        def base_reason() -> str:
            if self.profile is None:
                return no_profile
            if not connected:
                return offline_reason if self.offline else self.tr("Waiting for the first "
                                                                   "refresh.")
            return ""

        reason = base_reason()
        if not reason and not perms.can_claim:
            reason = self.tr("Your Pod account is not staff: Pod lets only staff claim.")
        if not reason and not claimable:
            reason = self.tr("Select a claimable recording (a file Pod has listed and that "
                             "is complete).")
        set_state(self.action_claim, reason, self.tr("Give the selected recordings an owner "
                                                     "(Ctrl+Enter)."))
        reason = base_reason()
        if not reason and not perms.can_claim:
            reason = self.tr("Your Pod account is not staff.")
        set_state(self.action_reassign, reason, self.tr("Change the owner of a claimed video."))
        reason = base_reason()
        if not reason and not perms.can_delete:
            reason = perms.reason
        if not reason and not rows:
            reason = self.tr("Select the recordings to delete.")
        if not reason and any(row.state is RowState.UPLOADING for row in rows):
            reason = self.tr("A selected file is still uploading.")
        set_state(self.action_delete, reason, self.tr("Delete the selected files (Delete)."))
        reason = base_reason()
        if not reason and not perms.can_delete:
            reason = perms.reason
        set_state(self.action_undo, reason, self.tr("Put a quarantined recording back."))
        reason = base_reason()
        if not reason and (self.snapshot is None or self.snapshot.deposit_problem):
            reason = self.tr("The deposit folder is not connected.")
        set_state(self.action_deposit, reason, self.tr(
            "Deposit local video files into a recorder's folder (or drop them on the window)."))
        set_state(self.action_package, reason or self._package_reason(rows), self.tr(
            "Package the selected recording to encrypted DASH (it is downloaded first when "
            "the deposit is reached over SFTP)."))

    def _package_reason(self, rows: Sequence[InboxRow]) -> str:
        """Why the selection cannot be packaged, or ""."""
        if len(rows) != 1:
            return self.tr("Select one recording to package.")
        row = rows[0]
        if row.is_zip:
            return self.tr("A zip deposit holds slides, not a video to package.")
        if row.state is RowState.MISSING:
            return self.tr("The file is no longer in the deposit folder.")
        if row.state is RowState.UPLOADING:
            return self.tr("A selected file is still uploading.")
        return ""

    def package_selected(self) -> None:
        """Ask the window to open the Package dialog for the selected recording (a path
        outside the deposit root, as Pod may list one, is refused here with its reason)."""
        from recmanager.deposit.names import check_server_path

        if not self.action_package.isEnabled():
            self.message.emit(self.action_package.toolTip())
            return
        row = self.selected_rows()[0]
        try:
            check_server_path(self.profile.deposit_root, row.path)
        except RecmanagerError as error:
            self._action_failed(error)
            return
        self.package_requested.emit(row)

    def _run_action(
        self,
        name: str,
        work: Callable[[Actions, ProgressCallback, CancelToken], Any],
        on_result: Callable[[Any], None],
        *,
        need_deposit: bool = False,
    ) -> None:
        """Run ``work`` with the profile's actions in the task runner; the runner's
        ``changed`` then refreshes the rows."""
        profile = self.profile
        if profile is None:
            return

        def task(progress: ProgressCallback, cancel: CancelToken) -> Any:
            from recmanager.actions.opening import open_actions
            from recmanager.ui.dialogs.host_key import ask_host_key

            with open_actions(
                profile, self.context, need_deposit=need_deposit,
                on_unknown_host_key=lambda host, kind, fp: ask_host_key(self, host, kind, fp),
                superuser=self.permissions.superuser if self.permissions else None,
            ) as actions:
                return work(actions, progress, cancel)

        self.runner.submit(name, task, on_result=on_result, on_error=self._action_failed,
                           on_progress=self._progress, changes=profile.name)

    def _action_failed(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(error, AlreadyClaimed):
            title = self.tr("Claimed by someone else")
        elif isinstance(error, DoneWithWarning):  # the change was made: never "failed"
            title = self.tr("Done, with a warning")
        else:
            title = self.tr("The action failed")
        if isinstance(error, RecmanagerError):
            from recmanager.context import error_hint

            text, hint = error.message, error_hint(error, environment=self._environment)
        else:
            text, hint = str(error), ""
        self.last_error = error
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("ActionFailed")
        if hint:
            box.setInformativeText(hint)
        box.open()
        self.message.emit(text)

    def claim(self) -> None:
        from recmanager.ui.dialogs.claim import ClaimDialog

        if not self.action_claim.isEnabled():
            return
        rows = [row for row in self.selected_rows() if row.claimable]
        me = next((u for u in self.users if self.profile and
                   u.username == self.profile.pod_username), None)
        dialog = ClaimDialog(rows, self.users, me, self, inspection=self.model.with_sheet(
            rows[0]) if len(rows) == 1 else None)
        self.claim_dialog = dialog
        dialog.accepted.connect(lambda: self._start_claims(dialog))
        dialog.open()

    def _start_claims(self, dialog: Any) -> None:
        owner, kind = dialog.owner_text, dialog.recording_type
        jobs = list(zip(dialog.rows, dialog.titles(), strict=True))

        def work(actions: Actions, progress: ProgressCallback, cancel: CancelToken) -> list[str]:
            messages = []
            for row, title in jobs:
                cancel.check()
                try:
                    result = actions.claim(row.path, owner, title, recording_type=kind,
                                           progress=progress, cancel=cancel)
                except DoneWithWarning as exc:  # done: say so, and go on with the others
                    messages.append(str(exc))
                    continue
                messages.append(result.message)
            return messages

        self._run_action(self.tr("Claiming"), work,
                         lambda messages: self._report(self.tr("Claimed"), messages),
                         need_deposit=False)

    def _report(self, title: str, messages: Sequence[str]) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        text = "\n".join(messages)
        self.last_report = text
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("ActionReport")
        box.open()
        self.report_box = box
        return box

    def reassign(self) -> None:
        from recmanager import audit
        from recmanager.ui.dialogs.reassign import ReassignDialog

        if not self.action_reassign.isEnabled():
            return
        recent = [entry for entry in audit.entries(self.context.db, action="claim", limit=200)
                  if entry.result in ("ok", "warning") and self.profile
                  and entry.profile == self.profile.name]
        moves = bool(self.permissions and self.permissions.superuser)
        dialog = ReassignDialog(self.users, recent, moves_files=moves, parent=self)
        self.reassign_dialog = dialog

        def start() -> None:
            video_id, owner = dialog.video_id, dialog.owner_text
            self._run_action(
                self.tr("Reassigning"),
                lambda actions, _p, cancel: actions.reassign(video_id, owner, cancel=cancel),
                lambda result: self._report(self.tr("Reassigned"), [result.message]),
            )

        dialog.accepted.connect(start)
        dialog.open()

    def delete(self) -> None:
        from recmanager.ui.dialogs.delete import DeleteDialog

        if not self.action_delete.isEnabled():
            return
        rows = self.selected_rows()
        profile = self.profile
        dialog = DeleteDialog(rows, quarantine_available=bool(profile and profile.quarantine_dir),
                              quarantine_days=int(self.context.settings.get("quarantine_days")),
                              parent=self, set_up_quarantine=self.window().set_up_quarantine)
        self.delete_dialog = dialog

        def start() -> None:
            quarantine = dialog.quarantine
            paths = [row.path for row in rows]

            def work(actions: Actions, _p: ProgressCallback, cancel: CancelToken) -> list[Any]:
                results = []
                for path in paths:
                    cancel.check()
                    results.append(actions.delete(path, quarantine=quarantine))
                return results

            self._run_action(self.tr("Deleting"), work, self._deleted, need_deposit=True)

        dialog.accepted.connect(start)
        dialog.open()

    def _deleted(self, results: list[Any]) -> None:
        from PySide6.QtWidgets import QMessageBox

        held = [r.quarantined for r in results if r.quarantined is not None]
        box = self._report(self.tr("Deleted"), [result.message for result in results])
        if held:
            undo = box.addButton(self.tr("Undo"), QMessageBox.ButtonRole.ActionRole)
            undo.clicked.connect(lambda: [self.undo_quarantine(item) for item in held])

    def undo_quarantine(self, held: QuarantinedFile | None = None) -> None:
        """Put back the last quarantined file, or one chosen among those still held."""
        from PySide6.QtWidgets import QInputDialog

        if not self.action_undo.isEnabled() or self.profile is None:
            return
        if held is None:
            from recmanager.actions.undo import undoable_quarantines

            days = int(self.context.settings.get("quarantine_days"))
            choices = undoable_quarantines(self.context.db, self.profile.name, days)
            if not choices:
                self._report(self.tr("Undo"), [self.tr("No quarantined recording to put back.")])
                return
            labels = [self.tr("{file} (quarantined {time})").format(
                file=posixpath.basename(item.original_path),
                time=format_datetime(item.quarantined_at)) for item in choices]
            label, ok = QInputDialog.getItem(self, self.tr("Undo quarantine"),
                                             self.tr("Put back:"), labels, 0, False)
            if not ok:
                return
            held = choices[labels.index(label)]
        chosen = held
        self._run_action(self.tr("Restoring"),
                         lambda actions, _p, _c: actions.undo_quarantine(chosen),
                         lambda message: self._report(self.tr("Restored"), [message]),
                         need_deposit=True)

    def show_audit(self) -> None:
        from recmanager.ui.audit_view import AuditView

        view = AuditView(self.context.db, self)
        self.audit_view = view
        view.open()
