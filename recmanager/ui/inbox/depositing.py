"""Depositing local files into a recorder's folder (from the menu or dropped on the
window); Pod then lists them like any recorder's file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from recmanager.progress import CancelToken, ProgressCallback


class InboxDepositing:
    """Uploads into the deposit; mixed into :class:`InboxPanel`."""

    def deposit_folders(self) -> list[str]:
        folders = {r.directory for r in self.recorders.values() if r.directory}
        if self.snapshot is not None:
            folders |= {row.folder for row in self.snapshot.rows if row.recorder_id}
            folders |= set(self.snapshot.folders)
        return sorted(folders, key=str.casefold)

    def choose_files_to_deposit(self) -> None:
        from recmanager.ui.file_dialogs import FolderMemory

        files = FolderMemory(self.context.paths).open_files(
            self, "deposit-upload", self.tr("Deposit recordings"),
            self.tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.ts *.zip);;All files (*)"))
        if files:
            self.deposit_files(files)

    def deposit_files(self, files: Sequence[Path], folder: str | None = None) -> None:
        """Upload local files into a recorder's folder (the one picked in the sidebar, else
        the one the user chooses); they then follow the normal path to claimable."""
        if self.profile is None or not self.action_deposit.isEnabled():
            self.message.emit(self.action_deposit.toolTip())
            return
        if folder is None:
            folder = self.chosen_recorder_folder()
        if folder is None:
            from PySide6.QtWidgets import QInputDialog  # not on the start: ~0.5 ms

            folders = self.deposit_folders()
            if not folders:
                return
            names = {self._folder_label(f): f for f in folders}
            label, ok = QInputDialog.getItem(
                self, self.tr("Deposit recordings"),
                self.tr("Deposit {count} files into the folder of:").format(count=len(files)),
                list(names), 0, False)
            if not ok:
                return
            folder = names[label]
        profile = self.profile
        target = folder

        def work(progress: ProgressCallback, cancel: CancelToken) -> list[str]:
            from recmanager.deposit import open_deposit

            with open_deposit(profile, self.context) as deposit:
                return [deposit.upload(path, target, progress=progress, cancel=cancel).path
                        for path in files]

        def done(paths: list[str]) -> None:
            self._report(self.tr("Deposited"), [self.tr(
                "{count} files are in {folder}; they become claimable once Pod has seen them "
                "complete.").format(count=len(paths), folder=target)])

        self.runner.submit(self.tr("Depositing"), work, on_result=done,
                           on_error=self._action_failed, on_progress=self._progress,
                           changes=profile.name)

    def chosen_recorder_folder(self) -> str | None:
        """The folder of the recorder picked in the sidebar, when its folder is known."""
        name = self.proxy_recorder_filter()
        if name is None:
            return None
        for recorder in self.recorders.values():
            if recorder.name == name and recorder.directory:
                return recorder.directory
        folders = {row.folder for row in self.model.rows
                   if (row.recorder_name or row.folder) == name}
        return folders.pop() if len(folders) == 1 else None

    def _folder_label(self, folder: str) -> str:
        names = [r.name for r in self.recorders.values() if r.directory == folder]
        if not names and self.snapshot is not None:
            names = [row.recorder_name for row in self.snapshot.rows
                     if row.folder == folder and row.recorder_name][:1]
        return f"{names[0]} ({folder})" if names else folder
