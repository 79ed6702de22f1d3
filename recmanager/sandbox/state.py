"""The freshly seeded state, kept aside so tests can get it back in a few milliseconds.

``snapshot()`` copies the database (SQLite backup API) and the deposit, media and outbox
folders into ``<data dir>/pristine``; ``restore()`` copies them back. The database is restored
page by page into the live file, so connections of other threads stay valid.
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


def restore() -> None:
    layout = _layout()
    _copy_database(layout.pristine / "pod.sqlite3", layout.database)
    for name, folder in _folders(layout).items():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(layout.pristine / name, folder)
