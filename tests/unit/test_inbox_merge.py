"""The inbox state rules over plain inputs: no server needed, every rule exercised."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from recmanager.inbox import rows as inbox_rows
from recmanager.inbox.cache import load_cache, save_cache
from recmanager.inbox.merge import merge
from recmanager.inbox.rows import (
    InboxRecorder,
    InboxRow,
    LocalState,
    RowState,
    counts_by_recorder,
)
from recmanager.inbox.zips import inspect_zip
from recmanager.recorders.mode import RecorderMode, recorder_mode
from recmanager.store.tables import inbox_cache

ROOT = "/data/ftp-pod/ftp"
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


@dataclass
class T:
    id: int
    file: str
    file_size: int
    recorder_id: int | None
    type: str = "video"
    date_added: datetime | None = NOW


@dataclass
class F:
    path: str
    size: int
    state: str = "complete"
    mtime: float = NOW.timestamp()


RECORDERS = [
    InboxRecorder(1, "Amphi A", directory="amphiA", mode=RecorderMode.MANUAL_CLAIM),
    InboxRecorder(2, "Amphi B", directory="amphiB", mode=RecorderMode.MANAGER_NOTIFIED,
                  manager="m1"),
    InboxRecorder(3, "Amphi C", directory="amphiC", mode=RecorderMode.AUTO_PUBLISH),
]


def by_name(rows: list[InboxRow]) -> dict[str, InboxRow]:
    return {row.name: row for row in rows}


def test_each_state_from_pod_rows_scan_and_recorder_modes():
    treatments = [
        T(1, f"{ROOT}/amphiA/claimable.mp4", 100, 1),
        T(2, f"{ROOT}/amphiB/notified.mp4", 200, 2),
        T(3, f"{ROOT}/amphiA/missing.mp4", 300, 1),
        T(4, f"{ROOT}/amphiA/grew.mp4", 400, 1),
        T(5, f"{ROOT}/amphiA/uploading.mp4", 10, 1),
        T(6, f"{ROOT}/amphiC/auto.mp4", 10, 3),
    ]
    scanned = [
        F(f"{ROOT}/amphiA/claimable.mp4", 100),
        F(f"{ROOT}/amphiB/notified.mp4", 200),
        F(f"{ROOT}/amphiA/grew.mp4", 500),
        F(f"{ROOT}/amphiA/uploading.mp4", 20, "uploading"),
        F(f"{ROOT}/amphiC/auto.mp4", 10),
        F(f"{ROOT}/amphiA/new.mp4", 50),
        F(f"{ROOT}/lost/orphan.mp4", 60),
        F(f"{ROOT}/amphiA/notes.txt", 5),
        F(f"{ROOT}/amphiA/old.zip_treated", 5),
        F(f"{ROOT}/amphiA/gone.mp4", 5, "gone"),
    ]
    rows = by_name(merge(deposit_root=ROOT, treatments=treatments, scanned=scanned,
                         recorders=RECORDERS))
    assert {name: row.state for name, row in rows.items()} == {
        "claimable.mp4": RowState.CLAIMABLE,
        "notified.mp4": RowState.NOTIFIED,
        "missing.mp4": RowState.MISSING,
        "grew.mp4": RowState.WAITING,
        "uploading.mp4": RowState.UPLOADING,
        "auto.mp4": RowState.WAITING,
        "new.mp4": RowState.WAITING,
        "orphan.mp4": RowState.ORPHAN,
    }
    assert rows["claimable.mp4"].claimable and rows["notified.mp4"].claimable
    assert not rows["missing.mp4"].claimable and not rows["new.mp4"].claimable
    assert rows["grew.mp4"].size == 500 and rows["grew.mp4"].pod_size == 400
    assert rows["new.mp4"].recorder_name == "Amphi A" and rows["new.mp4"].treatment_id is None
    assert rows["orphan.mp4"].recorder_id is None and rows["orphan.mp4"].folder == "lost"


def test_without_recorder_settings_folders_come_from_treatment_paths_and_nothing_is_orphan():
    recorders = [InboxRecorder(1, "Amphi A"), InboxRecorder(2, "Amphi B")]
    rows = by_name(merge(
        deposit_root=ROOT + "/",
        treatments=[T(1, f"{ROOT}/amphiA/a.mp4", 10, 1)],
        scanned=[F(f"{ROOT}/amphiA/a.mp4", 10), F(f"{ROOT}/amphiA/b.mp4", 10),
                 F(f"{ROOT}/unknown/c.mp4", 10)],
        recorders=recorders,
    ))
    assert rows["a.mp4"].state is RowState.CLAIMABLE
    assert rows["a.mp4"].recorder_mode is RecorderMode.UNKNOWN
    assert rows["b.mp4"].recorder_name == "Amphi A"
    # Without every recorder's directory an unknown folder may belong to a quiet recorder.
    assert rows["c.mp4"].state is RowState.WAITING


def test_without_a_scan_rows_say_only_what_pod_knows():
    rows = merge(deposit_root=ROOT, treatments=[T(1, f"{ROOT}/amphiA/a.mp4", 10, 1)],
                 scanned=None, recorders=RECORDERS)
    assert [row.state for row in rows] == [RowState.CLAIMABLE]
    assert rows[0].size == 10


def test_sizes_above_2_gib_dates_and_order():
    big = 5 * 2**30 + 7
    older = NOW - timedelta(days=1)
    rows = merge(
        deposit_root=ROOT,
        treatments=[T(1, f"{ROOT}/amphiA/big.mp4", big, 1, date_added=older),
                    T(2, f"{ROOT}/amphiA/new.mp4", 1, 1)],
        scanned=[F(f"{ROOT}/amphiA/big.mp4", big), F(f"{ROOT}/amphiA/new.mp4", 1)],
        recorders=RECORDERS,
    )
    assert [row.name for row in rows] == ["new.mp4", "big.mp4"]
    assert rows[1].size == big and rows[1].deposited == older


def test_local_state_supplies_durations_and_zip_slide_counts():
    local = LocalState(durations={f"{ROOT}/amphiA/a.mp4": 3.5},
                       slides={f"{ROOT}/amphiA/c.zip": (99, 12)})
    rows = by_name(merge(
        deposit_root=ROOT,
        treatments=[T(1, f"{ROOT}/amphiA/a.mp4", 10, 1),
                    T(2, f"{ROOT}/amphiA/c.zip", 99, 1, type="audiovideocast")],
        scanned=[F(f"{ROOT}/amphiA/a.mp4", 10), F(f"{ROOT}/amphiA/c.zip", 99)],
        recorders=RECORDERS, local=local,
    ))
    assert rows["a.mp4"].duration == 3.5 and rows["a.mp4"].slides is None
    assert rows["c.zip"].slides == 12 and rows["c.zip"].kind == "audiovideocast"


def test_counts_by_recorder():
    rows = merge(
        deposit_root=ROOT,
        treatments=[T(1, f"{ROOT}/amphiA/a.mp4", 1, 1), T(2, f"{ROOT}/amphiB/b.mp4", 1, 2)],
        scanned=[F(f"{ROOT}/amphiA/a.mp4", 1), F(f"{ROOT}/amphiB/b.mp4", 1),
                 F(f"{ROOT}/lost/x.mp4", 1)],
        recorders=RECORDERS,
    )
    counts = counts_by_recorder(rows)
    assert counts["Amphi A"][RowState.CLAIMABLE] == 1
    assert counts["Amphi B"][RowState.NOTIFIED] == 1
    assert counts["lost"][RowState.ORPHAN] == 1


def _zip(stored: bool) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cours/cours.smil", "<smil/>", zipfile.ZIP_DEFLATED)
        for number in range(3):
            archive.writestr(f"cours/slides/{number}.jpg", b"jpeg", zipfile.ZIP_DEFLATED)
        archive.writestr("cours/video.mp4", b"MOVIE-BYTES" * 100,
                         zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize("stored", [True, False])
def test_inspect_zip_counts_slides_and_locates_a_stored_video(stored):
    data = _zip(stored)
    content = inspect_zip(io.BytesIO(data))
    assert content.slides == 3
    assert content.smil_member == "cours/cours.smil"
    assert content.video_member == "cours/video.mp4"
    assert content.video_size == 1100
    if stored:
        assert content.video_offset is not None
        assert data[content.video_offset:content.video_offset + 1100] == b"MOVIE-BYTES" * 100
    else:
        assert content.video_offset is None


def test_cache_round_trip_keeps_rows_recorders_and_local_state(context):
    rows = merge(deposit_root=ROOT, treatments=[T(1, f"{ROOT}/amphiA/a.mp4", 3 * 2**31, 1)],
                 scanned=None, recorders=RECORDERS)
    local = LocalState(durations={rows[0].path: 12.0})
    save_cache(context.db, "p", rows, RECORDERS, local, NOW)
    save_cache(context.db, "p", rows, RECORDERS, local, NOW)  # replaces, never duplicates
    cached = load_cache(context.db, "p")
    assert cached is not None
    assert cached.rows == rows and cached.recorders == RECORDERS
    assert cached.local.durations == local.durations
    assert cached.refreshed_at == NOW
    assert load_cache(context.db, "other") is None


def test_an_inbox_cached_with_the_earlier_mode_values_still_loads(context):
    rows = merge(deposit_root=ROOT, treatments=[T(1, f"{ROOT}/amphiB/b.mp4", 10, 2)],
                 scanned=None, recorders=RECORDERS)
    save_cache(context.db, "p", rows, RECORDERS, LocalState(), NOW)
    with context.db.begin() as connection:
        payload = json.loads(connection.execute(select(inbox_cache.c.payload)).scalar_one())
        payload["rows"][0]["recorder_mode"] = "managed"
        for recorder, earlier in zip(payload["recorders"], ("manual", "managed", "auto"),
                                     strict=True):
            recorder["mode"] = earlier
        connection.execute(update(inbox_cache).values(payload=json.dumps(payload)))
    cached = load_cache(context.db, "p")
    assert cached is not None
    assert cached.rows == rows and cached.recorders == RECORDERS


def test_the_inbox_and_the_recorders_window_share_one_mode_type_and_rule():
    from recmanager.recorders import model
    from recmanager.recorders.model import RecorderFields, RecorderInfo

    assert inbox_rows.RecorderMode is model.RecorderMode is RecorderMode
    for manager_id, auto in ((None, False), (None, True), (4, False), (4, True)):
        shown = RecorderInfo(1, RecorderFields(manager_id=manager_id, publication_auto=auto),
                             web_available=True)
        assert shown.mode is recorder_mode(manager_id, auto)


def test_a_file_first_seen_but_long_untouched_is_not_shown_as_uploading():
    old = (NOW - timedelta(minutes=10)).timestamp()
    fresh = (NOW - timedelta(seconds=5)).timestamp()
    rows = by_name(merge(
        deposit_root=ROOT,
        treatments=[T(1, f"{ROOT}/amphiA/old.mp4", 10, 1)],
        scanned=[F(f"{ROOT}/amphiA/old.mp4", 10, "uploading", old),
                 F(f"{ROOT}/amphiA/fresh.mp4", 10, "uploading", fresh),
                 F(f"{ROOT}/amphiA/empty.mp4", 0, "uploading", old)],
        recorders=RECORDERS, quiet_period_s=120, now=NOW,
    ))
    assert rows["old.mp4"].state is RowState.CLAIMABLE
    assert rows["fresh.mp4"].state is RowState.UPLOADING
    assert rows["empty.mp4"].state is RowState.UPLOADING
