"""The deposit as a mounted folder: listing, guard, transfers, quarantine and the scanner."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from recmanager.deposit import UPLOAD_SUFFIX, open_deposit
from recmanager.deposit.local import LocalDeposit
from recmanager.deposit.scan import Scanner
from recmanager.errors import Cancelled, DepositError, NotEnoughSpace, UnsafePath
from recmanager.progress import CancelToken, Progress
from recmanager.store.tables import deposit_files

ROOT = "/data/ftp-pod/ftp"


class CancelAfter(CancelToken):
    """Cancels itself at the ``chunks``-th check: a transfer stopped part way, for real."""

    def __init__(self, chunks: int) -> None:
        super().__init__()
        self.remaining = chunks

    def check(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.cancel()
        super().check()


@pytest.fixture
def folder(tmp_path) -> Path:
    deposit = tmp_path / "deposit"
    (deposit / "amphiA").mkdir(parents=True)
    (deposit / "amphi B é").mkdir()
    (deposit / "amphiA" / "cours 1.mp4").write_bytes(b"a" * 1000)
    (deposit / "amphi B é" / "Été – Ω.mp4").write_bytes(b"b" * 10)
    return deposit


@pytest.fixture
def deposit(folder) -> LocalDeposit:
    return LocalDeposit(ROOT, folder)


def test_listing_maps_the_folder_to_server_paths(deposit):
    assert deposit.list_folders() == ["amphi B é", "amphiA"]
    listing = deposit.list_all(concurrency=2)
    assert [f.path for f in listing["amphiA"]] == [f"{ROOT}/amphiA/cours 1.mp4"]
    assert listing["amphi B é"][0].name == "Été – Ω.mp4"
    assert listing["amphiA"][0].size == 1000
    assert not listing.refused and not listing.failed


def test_hostile_names_and_links_are_reported_not_followed(deposit, folder, tmp_path):
    outside = tmp_path / "secret.mp4"
    outside.write_bytes(b"s")
    (folder / "amphiA" / "link.mp4").symlink_to(outside)
    (folder / "escape").symlink_to(tmp_path)
    (folder / "amphiA" / "bell\x07.mp4").write_bytes(b"x")
    os.close(os.open(os.fsencode(folder / "amphiA") + b"/bad-\xff.mp4", os.O_CREAT, 0o644))
    listing = deposit.list_all()
    assert [f.name for f in listing["amphiA"]] == ["cours 1.mp4"]
    assert "escape" not in listing
    refused = {(r.folder, r.name) for r in listing.refused}
    assert refused == {("amphiA", "link.mp4"), ("", "escape"), ("amphiA", "bell\\x07.mp4"),
                       ("amphiA", "bad-\\xff.mp4")}


def test_deletes_outside_the_root_or_through_links_are_refused(deposit, folder, tmp_path):
    victim = tmp_path / "victim.mp4"
    victim.write_bytes(b"keep me")
    (folder / "amphiA" / "link.mp4").symlink_to(victim)
    (folder / "escape").symlink_to(tmp_path)
    for path in (f"{ROOT}/amphiA/link.mp4", f"{ROOT}/escape/victim.mp4",
                 f"{ROOT}/amphiA/../../victim.mp4", str(victim), f"{ROOT}/amphiA"):
        with pytest.raises(UnsafePath):
            deposit.delete(path)
    assert victim.read_bytes() == b"keep me"
    # Reading through a link that stays inside is fine; reading through one that leaves is not.
    (folder / "amphiA" / "inside.mp4").symlink_to(folder / "amphiA" / "cours 1.mp4")
    assert deposit.stat(f"{ROOT}/amphiA/inside.mp4").size == 1000
    with pytest.raises(UnsafePath):
        deposit.open_read(f"{ROOT}/amphiA/link.mp4")
    deposit.delete(f"{ROOT}/amphiA/cours 1.mp4")
    assert not (folder / "amphiA" / "cours 1.mp4").exists()
    assert not deposit.exists(f"{ROOT}/amphiA/cours 1.mp4")


def test_download_resumes_a_partial_copy_and_checks_the_size(deposit, folder, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 17)
    (folder / "amphiA" / "big.mp4").write_bytes(data)
    path = f"{ROOT}/amphiA/big.mp4"
    (tmp_path / "out").mkdir()
    with pytest.raises(Cancelled):
        deposit.download(path, tmp_path / "out", cancel=CancelAfter(1))
    partial = list((tmp_path / "out").glob(".big.mp4.*"))
    assert len(partial) == 1 and 0 < partial[0].stat().st_size < len(data)
    resumed: list[Progress] = []
    result = deposit.download(path, tmp_path / "out", resumed.append)
    assert result == tmp_path / "out" / "big.mp4"
    assert result.read_bytes() == data
    assert resumed[0].done > 0 and resumed[-1].done == len(data)
    assert not list((tmp_path / "out").glob(".big.mp4.*"))


def test_download_refuses_when_the_disk_is_too_small(deposit, folder, tmp_path, monkeypatch):
    import shutil

    real = shutil.disk_usage

    def tiny(path):
        return real(path)._replace(free=100)

    monkeypatch.setattr(shutil, "disk_usage", tiny)
    with pytest.raises(NotEnoughSpace):
        deposit.download(f"{ROOT}/amphiA/cours 1.mp4", tmp_path / "cours.mp4")
    assert not (tmp_path / "cours.mp4").exists()


def test_upload_uses_a_name_pod_ignores_resumes_then_renames(deposit, folder, tmp_path):
    source = tmp_path / "usb.mp4"
    data = os.urandom(3 * 1024 * 1024 + 5)
    source.write_bytes(data)
    with pytest.raises(Cancelled):
        deposit.upload(source, "amphiA", "from usb.mp4", cancel=CancelAfter(1))
    names = os.listdir(folder / "amphiA")
    temporary = [n for n in names if n.endswith(UPLOAD_SUFFIX)]
    assert len(temporary) == 1 and temporary[0].startswith(".from usb.mp4.")
    assert "from usb.mp4" not in names
    assert (folder / "amphiA" / temporary[0]).stat().st_size == 1024 * 1024
    reports: list[Progress] = []
    remote = deposit.upload(source, "amphiA", "from usb.mp4", reports.append)
    assert reports[0].done == 1024 * 1024 and reports[-1].done == len(data)
    assert remote.path == f"{ROOT}/amphiA/from usb.mp4" and remote.size == len(data)
    assert (folder / "amphiA" / "from usb.mp4").read_bytes() == data
    assert not [n for n in os.listdir(folder / "amphiA") if n.endswith(UPLOAD_SUFFIX)]
    with pytest.raises(DepositError, match="already exists"):
        deposit.upload(source, "amphiA", "from usb.mp4")
    with pytest.raises(UnsafePath):
        deposit.upload(source, "..", "x.mp4")
    with pytest.raises(UnsafePath):
        deposit.upload(source, "amphiA", "../x.mp4")
    with pytest.raises(DepositError, match="no recorder folder"):
        deposit.upload(source, "nowhere", "x.mp4")


def test_quarantine_and_undo(deposit, folder, tmp_path):
    quarantine = tmp_path / "quarantine"
    path = f"{ROOT}/amphiA/cours 1.mp4"
    held = deposit.quarantine(path, str(quarantine))
    assert not (folder / "amphiA" / "cours 1.mp4").exists()
    assert Path(held.quarantined_path).read_bytes() == b"a" * 1000
    assert held.size == 1000
    restored = deposit.restore(held)
    assert restored.path == path and (folder / "amphiA" / "cours 1.mp4").exists()
    with pytest.raises(UnsafePath):
        deposit.quarantine(path, str(folder / "amphiA" / "bin"))
    with pytest.raises(DepositError, match="No quarantine folder"):
        deposit.quarantine(path, "")
    again = deposit.quarantine(path, str(quarantine))
    (folder / "amphiA" / "cours 1.mp4").write_bytes(b"new")
    with pytest.raises(DepositError, match="exists again"):
        deposit.restore(again)
    assert (folder / "amphiA" / "cours 1.mp4").read_bytes() == b"new"


def test_an_undo_run_again_finds_the_file_put_back(deposit, folder, tmp_path):
    """The first undo was interrupted (or its answer lost) after the move: the second one
    finds the file back and the quarantined copy gone, and says it is done."""
    path = f"{ROOT}/amphiA/cours 1.mp4"
    held = deposit.quarantine(path, str(tmp_path / "quarantine"))
    deposit.restore(held)
    assert deposit.restore(held).path == path
    assert (folder / "amphiA" / "cours 1.mp4").read_bytes() == b"a" * 1000


def test_old_quarantined_files_are_purged_and_nothing_else(deposit, folder, tmp_path):
    quarantine = tmp_path / "quarantine"
    held = deposit.quarantine(f"{ROOT}/amphiA/cours 1.mp4", str(quarantine))
    (quarantine / "notes.txt").write_text("someone's notes")
    (quarantine / "20200101T000000-keepme").mkdir()  # not a name quarantine() makes
    (quarantine / "20200101T000000-keepme" / "x.mp4").write_bytes(b"x")
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(b"o")
    holder = Path(held.quarantined_path).parent.parent
    (holder / "amphiA" / "link.mp4").symlink_to(outside)
    assert deposit.purge_quarantine(str(quarantine), keep_days=14) == []
    later = held.quarantined_at + timedelta(days=15)
    removed = deposit.purge_quarantine(str(quarantine), keep_days=14, now=later)
    assert sorted(removed) == sorted([held.quarantined_path, str(holder / "amphiA" / "link.mp4")])
    assert not holder.exists() and outside.read_bytes() == b"o"
    assert sorted(os.listdir(quarantine)) == ["20200101T000000-keepme", "notes.txt"]
    assert deposit.purge_quarantine(str(tmp_path / "never-made"), keep_days=14) == []
    with pytest.raises(UnsafePath):
        deposit.purge_quarantine(str(folder), keep_days=0)


def test_open_deposit_for_a_mounted_folder(context, folder):
    from recmanager.config import Profile

    profile = Profile(name="p", pod_url="http://x", deposit_kind="local",
                      local_deposit=str(folder), deposit_root=ROOT + "/")
    with open_deposit(profile, context) as deposit:
        assert deposit.root == ROOT
        assert deposit.list_folders() == ["amphi B é", "amphiA"]
    profile.local_deposit = str(folder / "missing")
    with pytest.raises(DepositError, match="not mounted"):
        open_deposit(profile, context)


# --- the scanner --------------------------------------------------------------------------


def _rows(context) -> dict[str, str]:
    with context.db.begin() as connection:
        return {row.path: row.state for row in connection.execute(select(deposit_files))}


def test_a_growing_file_is_uploading_until_quiet(context, deposit, folder):
    scanner = Scanner(context.db, "p", quiet_period_s=120)
    growing = folder / "amphiA" / "live.mp4"
    growing.write_bytes(b"x" * 100)
    path = f"{ROOT}/amphiA/live.mp4"
    t0 = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    first = scanner.scan(deposit, now=t0)
    assert first.files[path].state == "uploading" and path in first.new
    with growing.open("ab") as stream:
        stream.write(b"y" * 100)
    second = scanner.scan(deposit, now=t0 + timedelta(minutes=3))
    assert second.files[path].state == "uploading" and path in second.changed
    assert second.files[path].stable_since == t0 + timedelta(minutes=3)
    # Same size, new mtime (a recorder rewriting in place) also restarts the quiet period.
    os.utime(growing, (1_700_000_000, 1_700_000_000))
    third = scanner.scan(deposit, now=t0 + timedelta(minutes=6))
    assert third.files[path].state == "uploading"
    fourth = scanner.scan(deposit, now=t0 + timedelta(minutes=7))
    assert fourth.files[path].state == "uploading"
    fifth = scanner.scan(deposit, now=t0 + timedelta(minutes=8))
    assert fifth.files[path].state == "complete" and fifth.completed == [path]
    assert _rows(context)[path] == "complete"
    assert scanner.known()[path].state == "complete"
    assert fifth.files[path].first_seen == t0


def test_zero_byte_files_are_never_complete_and_vanished_files_are_gone(context, deposit,
                                                                         folder):
    scanner = Scanner(context.db, "p", quiet_period_s=60)
    (folder / "amphiA" / "empty.mp4").write_bytes(b"")
    t0 = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    scanner.scan(deposit, now=t0)
    later = scanner.scan(deposit, now=t0 + timedelta(days=1))
    assert later.files[f"{ROOT}/amphiA/empty.mp4"].state == "uploading"
    assert later.files[f"{ROOT}/amphiA/cours 1.mp4"].state == "complete"
    (folder / "amphiA" / "cours 1.mp4").unlink()
    gone = scanner.scan(deposit, now=t0 + timedelta(days=1, minutes=1))
    assert gone.gone == [f"{ROOT}/amphiA/cours 1.mp4"]
    assert f"{ROOT}/amphiA/cours 1.mp4" not in gone.files
    assert _rows(context)[f"{ROOT}/amphiA/cours 1.mp4"] == "gone"
    # It comes back: a new upload, uploading again.
    (folder / "amphiA" / "cours 1.mp4").write_bytes(b"again")
    back = scanner.scan(deposit, now=t0 + timedelta(days=1, minutes=2))
    assert back.files[f"{ROOT}/amphiA/cours 1.mp4"].state == "uploading"
    # Another profile's rows are untouched by this profile's scans.
    other = Scanner(context.db, "other", quiet_period_s=60)
    assert other.known() == {}


class _FailingFolder(LocalDeposit):
    """A deposit where one folder cannot be listed (as on a server with odd permissions:
    the tests run as root, who can list anything)."""

    def _listdir(self, server_dir):
        if server_dir.endswith("/amphiA"):
            raise DepositError("Listing amphiA failed: Permission denied")
        return super()._listdir(server_dir)


def test_an_unlistable_folder_does_not_make_its_files_gone(context, deposit, folder):
    scanner = Scanner(context.db, "p", quiet_period_s=60)
    scanner.scan(deposit)
    result = scanner.scan(_FailingFolder(ROOT, folder))
    assert result.failed_folders == {"amphiA": "Listing amphiA failed: Permission denied"}
    assert result.gone == [] and _rows(context)[f"{ROOT}/amphiA/cours 1.mp4"] == "uploading"


@pytest.mark.slow
def test_ten_thousand_files_scan_incrementally(context, tmp_path):
    folder = tmp_path / "big"
    for number in range(50):
        directory = folder / f"amphi{number:02d}"
        directory.mkdir(parents=True)
        for index in range(200):
            (directory / f"rec{index:03d}.mp4").write_bytes(b"x")
    deposit = LocalDeposit(ROOT, folder)
    scanner = Scanner(context.db, "p", quiet_period_s=60)
    t0 = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    first = scanner.scan(deposit, now=t0)
    assert len(first.files) == 10_000 and len(first.new) == 10_000
    (folder / "amphi07" / "rec005.mp4").write_bytes(b"xx")
    second = scanner.scan(deposit, now=t0 + timedelta(seconds=30))
    assert second.changed == [f"{ROOT}/amphi07/rec005.mp4"] and not second.new
    third = scanner.scan(deposit, now=t0 + timedelta(seconds=61))
    assert len(third.completed) == 9_999
    assert len(third.in_state("complete")) == 9_999
    assert third.files[f"{ROOT}/amphi07/rec005.mp4"].state == "uploading"
