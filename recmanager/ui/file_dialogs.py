"""File choosers that open where the user last was for the same purpose.

Qt's file dialogs start in the process's working folder, which for a desktop application is
wherever it was launched from. Each purpose (rules files, recordings to package, DASH output…)
remembers its own last folder in the window state file; the first time it is the user's
Videos folder, or the home folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from recmanager.config import Paths

SSH_KEYS = "ssh-keys"  # the purpose of the SSH key choosers (profile dialog, first-run guide)


def first_folder() -> Path:
    """Where a chooser opens the first time: the Videos folder when there is one, else home."""
    videos = Path(platformdirs.user_videos_dir())
    return videos if videos.is_dir() else Path.home()


class FolderMemory:
    """The last folder used for each purpose, kept in ``window.ini`` beside the window state."""

    def __init__(self, paths: Paths | None = None) -> None:
        config_dir = (paths or Paths.default()).config_dir
        self._settings = QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)

    def folder(self, purpose: str) -> Path:
        value = self._settings.value(f"folders/{purpose}")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return first_folder()

    def remember(self, purpose: str, chosen: Path) -> None:
        """Remember the folder of ``chosen`` (a file) or ``chosen`` itself (a folder)."""
        folder = chosen if chosen.is_dir() else chosen.parent
        self._settings.setValue(f"folders/{purpose}", str(folder))
        self._settings.sync()

    def open_file(self, parent: QWidget, purpose: str, caption: str, filters: str,
                  current: str = "") -> Path | None:
        try:
            start = current if current and Path(current).is_file() else ""
        except OSError:  # whatever was typed (a name too long…) is no place to start
            start = ""
        start = start or str(self.folder(purpose))
        name, _ = QFileDialog.getOpenFileName(parent, caption, start, filters)
        return self._chosen(purpose, name)

    def open_files(self, parent: QWidget, purpose: str, caption: str,
                   filters: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, caption, str(self.folder(purpose)),
                                                filters)
        if names:
            self.remember(purpose, Path(names[0]))
        return [Path(name) for name in names]

    def save_file(self, parent: QWidget, purpose: str, caption: str, file_name: str,
                  filters: str) -> Path | None:
        start = str(self.folder(purpose) / file_name)
        name, _ = QFileDialog.getSaveFileName(parent, caption, start, filters)
        return self._chosen(purpose, name)

    def directory(self, parent: QWidget, purpose: str, caption: str,
                  start: Path | None = None) -> Path | None:
        try:
            folder = start if start is not None and start.is_dir() else self.folder(purpose)
        except OSError:  # a typed path the file system refuses
            folder = self.folder(purpose)
        name = QFileDialog.getExistingDirectory(parent, caption, str(folder))
        return self._chosen(purpose, name)

    def _chosen(self, purpose: str, name: str) -> Path | None:
        if not name:
            return None
        path = Path(name)
        self.remember(purpose, path)
        return path
