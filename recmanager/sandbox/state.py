"""The freshly seeded state, kept aside so tests can get it back in a few milliseconds.

``snapshot()`` copies the database (SQLite backup API) and the deposit, media and outbox
folders into ``<data dir>/pristine``; ``restore()`` copies them back. The database is restored
page by page into the live file, so connections of other threads stay valid; in the folders
only what differs from the snapshot (name, size or modification time) is deleted or copied.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.db import connections

from recmanager.sandbox.layout import SandboxLayout


def _layout() -> SandboxLayout:
    return SandboxLayout(Path(settings.SANDBOX_DATA_DIR))


def _copy_database(source: Path, target: Path) -> None:
    connections.close_all()
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as destination:
        origin.backup(destination)
    origin.close()
    destination.close()


def _folders(layout: SandboxLayout) -> dict[str, Path]:
    return {"deposit": layout.deposit_root, "media": layout.media_root, "outbox": layout.outbox}


def snapshot() -> None:
    layout = _layout()
    if layout.pristine.exists():
        shutil.rmtree(layout.pristine)
    layout.pristine.mkdir(parents=True)
    _copy_database(layout.database, layout.pristine / "pod.sqlite3")
    for name, folder in _folders(layout).items():
        shutil.copytree(folder, layout.pristine / name)


def _signature(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns, status.st_mode


def _files(root: Path) -> dict[Path, Path]:
    return {path.relative_to(root): path for path in root.rglob("*") if path.is_file()}


def _sync(origin: Path, target: Path) -> None:
    """Make ``target`` hold exactly the files of ``origin`` (copies keep their mtime)."""
    for folder in (origin, *(p for p in origin.rglob("*") if p.is_dir())):
        twin = target / folder.relative_to(origin)
        if twin.is_dir():
            twin.chmod(folder.stat().st_mode)  # a test may have made it read-only
    wanted = _files(origin)
    for relative, path in _files(target).items():
        if relative not in wanted or _signature(path) != _signature(wanted[relative]):
            path.unlink()
    for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
        if not (origin / folder.relative_to(target)).is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    for relative, path in wanted.items():
        copy = target / relative
        if not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)


def restore() -> None:
    layout = _layout()
    _copy_database(layout.pristine / "pod.sqlite3", layout.database)
    for name, folder in _folders(layout).items():
        folder.mkdir(parents=True, exist_ok=True)
        _sync(layout.pristine / name, folder)
