"""The cached inbox read at start-up with the standard library's sqlite3 (no SQLAlchemy): the
same rows as the store's own reading, nothing written, and a clear error, never a wrong answer,
for a database it cannot read."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from recmanager.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew
from recmanager.inbox.cache import load_cache, load_cache_quickly, save_cache
from recmanager.inbox.rows import InboxRecorder, InboxRow, LocalState, RowState
from recmanager.recorders.mode import RecorderMode
from recmanager.store import Database
from recmanager.store.migrations import MIGRATIONS, SCHEMA_VERSION
from recmanager.store.sqlite_read import read_inbox_cache
from tests.fixtures.database_states import held_by_another_program, made_newer

NOW = datetime(2026, 11, 22, 2, 0, 30, 123456, tzinfo=UTC)
ROWS = [
    InboxRow(path=f"/data/ftp-pod/ftp/amphiA/cours-{n}é.mp4", name=f"cours-{n}é.mp4",
             folder="amphiA", state=RowState.CLAIMABLE, size=n * 1000, deposited=NOW,
             recorder_id=1, recorder_name="Amphi A", treatment_id=n) for n in range(3)
]
RECORDERS = [InboxRecorder(1, "Amphi A", directory="amphiA", mode=RecorderMode.MANUAL_CLAIM)]


def _saved(context) -> None:
    save_cache(context.db, "p", ROWS, RECORDERS, LocalState(durations={ROWS[0].path: 61.5}),
               NOW)
    context.close()


def test_the_quick_read_gives_what_the_store_wrote(context):
    _saved(context)
    quick = load_cache_quickly(context, "p")
    assert quick is not None
    assert quick == load_cache(context.db, "p")
    assert quick.rows == ROWS and quick.recorders == RECORDERS
    assert quick.local.durations == {ROWS[0].path: 61.5}
    assert quick.refreshed_at == NOW
    assert load_cache_quickly(context, "other") is None


def test_the_quick_read_loads_no_sqlalchemy(context):
    """What the window's first screen reads must not wait for SQLAlchemy to import."""
    _saved(context)
    code = (
        "import sys\n"
        "from recmanager.context import AppContext\n"
        "from recmanager.inbox.cache import load_cache_quickly\n"
        "cached = load_cache_quickly(AppContext.open(), 'p')\n"
        "assert cached is not None and len(cached.rows) == 3, cached\n"
        "print(sorted(name for name in sys.modules if name.startswith('sqlalchemy')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_no_database_yet_reads_as_nothing_cached_and_creates_nothing(context):
    assert not context.paths.database.exists()
    assert load_cache_quickly(context, "p") is None
    assert not context.paths.database.exists()


def test_a_database_of_an_older_version_is_migrated_by_the_store_then_read(context):
    """inbox_cache exists from schema 3: an older file is read after the store migrates it."""
    old = Database(context.paths.database, migrations=MIGRATIONS[:3])
    save_cache(old, "p", ROWS, RECORDERS, LocalState(), NOW)
    old.close()
    cached = load_cache_quickly(context, "p")
    assert cached is not None and cached.rows == ROWS
    with sqlite3.connect(context.paths.database) as raw:
        version = raw.execute(
            "SELECT value FROM schema_meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION


def test_a_newer_database_is_refused_and_left_untouched(context):
    _saved(context)
    made_newer(context.paths.database)
    before = context.paths.database.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        load_cache_quickly(context, "p")
    assert "newer recmanager" in caught.value.message and caught.value.hint
    assert context.paths.database.read_bytes() == before


def test_a_locked_database_gives_a_clear_error_quickly(context):
    _saved(context)
    with held_by_another_program(context.paths.database), \
            pytest.raises(DatabaseLocked) as caught:
        read_inbox_cache(context.paths.database, "p")
    assert "in use by another program" in caught.value.message


def test_a_damaged_file_gives_a_clear_error(context):
    context.paths.database.parent.mkdir(parents=True, exist_ok=True)
    context.paths.database.write_bytes(b"this is not an sqlite database at all" * 100)
    with pytest.raises(DatabaseCorrupt) as caught:
        load_cache_quickly(context, "p")
    assert "damaged" in caught.value.message


def test_threads_opening_the_database_together_share_one(context, monkeypatch):
    """The first refresh (a worker) and the jobs dock (the window) open it at the same time
    now that the cached rows no longer do it first: one Database, never two engines."""
    import threading
    import time

    from recmanager.store import db as store_db

    opened = []
    original = store_db.Database.__init__

    def slow_open(self, *args, **kwargs):
        opened.append(self)
        time.sleep(0.3)  # both threads are inside the first use at once
        original(self, *args, **kwargs)

    monkeypatch.setattr(store_db.Database, "__init__", slow_open)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(context.db)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1 and seen[0] is seen[1]
