"""The deposit over SFTP against a real OpenSSH sshd on 127.0.0.1."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recmanager.deposit import UPLOAD_SUFFIX, open_deposit
from recmanager.deposit.scan import Scanner
from recmanager.errors import (
    Cancelled,
    DepositAuthError,
    DepositConnectionError,
    DepositError,
    HostKeyChanged,
    HostKeyUnknown,
    UnsafePath,
)
from recmanager.progress import CancelToken, Progress
from recmanager.secrets import SecretKind
from tests.unit.test_deposit_local import CancelAfter

pytestmark = pytest.mark.sshd


@pytest.fixture
def root(tmp_path) -> Path:
    deposit = tmp_path / "ftp"
    (deposit / "amphiA").mkdir(parents=True)
    (deposit / "salle 2 é").mkdir()
    (deposit / "amphiA" / "cours 1.mp4").write_bytes(b"a" * 1000)
    (deposit / "salle 2 é" / "Été – Ω.mp4").write_bytes(b"b" * 10)
    return deposit


@pytest.fixture
def trusted(sshd, context):
    sshd.trust(context.paths.known_hosts)
    return context


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- authentication -----------------------------------------------------------------------


@pytest.mark.parametrize("key", ["ed25519", "rsa", "ecdsa"])
def test_key_authentication(sshd, trusted, root, key):
    with open_deposit(sshd.profile(root, key=key), trusted) as deposit:
        assert deposit.list_folders() == ["amphiA", "salle 2 é"]


def test_a_key_with_a_passphrase_from_the_keyring(sshd, trusted, root):
    profile = sshd.profile(root, key="passphrase")
    with pytest.raises(DepositAuthError, match="passphrase"):
        open_deposit(profile, trusted)
    trusted.secrets.set(profile.name, SecretKind.KEY_PASSPHRASE, "wrong passphrase")
    with pytest.raises(DepositAuthError):
        open_deposit(profile, trusted)
    trusted.secrets.set(profile.name, SecretKind.KEY_PASSPHRASE, sshd.key_passphrase)
    with open_deposit(profile, trusted) as deposit:
        assert "amphiA" in deposit.list_folders()


def test_ssh_agent_authentication(sshd, trusted, root, ssh_agent):
    with open_deposit(sshd.profile(root, auth="agent"), trusted) as deposit:
        assert deposit.list_files("amphiA")[0].name == "cours 1.mp4"


def test_agent_without_keys_is_a_clear_error(sshd, trusted, root, monkeypatch):
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    with pytest.raises(DepositAuthError) as caught:
        open_deposit(sshd.profile(root, auth="agent"), trusted)
    assert "ssh-add" in caught.value.hint


@pytest.fixture
def shared_root(sshd) -> Path:
    """A deposit the password user may read (pytest's own folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="recmanager-deposit-"))
    (folder / "amphiA").mkdir()
    (folder / "salle 2 é").mkdir()
    for path in (folder, folder / "amphiA", folder / "salle 2 é"):
        path.chmod(0o755)
        shutil.chown(path, sshd.password_user)
    yield folder
    shutil.rmtree(folder)


def test_a_folder_that_cannot_be_listed_is_reported_and_the_others_listed(
        sshd, trusted, shared_root):
    """Every folder's requests are in flight together: one refusal fails that folder only."""
    (shared_root / "amphiA" / "cours.mp4").write_bytes(b"x" * 10)
    locked = shared_root / "locked"
    locked.mkdir(mode=0o700)  # root's: the password user may not read it
    profile = sshd.profile(shared_root, auth="password")
    trusted.secrets.set(profile.name, SecretKind.SFTP_PASSWORD, sshd.password)
    with open_deposit(profile, trusted) as deposit:
        listing = deposit.list_all()
    assert [f.name for f in listing["amphiA"]] == ["cours.mp4"]
    assert listing["salle 2 é"] == []
    assert list(listing.failed) == ["locked"] and "Permission denied" in listing.failed["locked"]


def test_password_authentication(sshd, trusted, shared_root):
    assert sshd.password_user, "the tests run as root: the password user must exist"
    profile = sshd.profile(shared_root, auth="password")
    with pytest.raises(DepositAuthError, match="No SFTP password"):
        open_deposit(profile, trusted)
    trusted.secrets.set(profile.name, SecretKind.SFTP_PASSWORD, "not the password")
    with pytest.raises(DepositAuthError) as caught:
        open_deposit(profile, trusted)
    assert "not the password" not in str(caught.value)
    trusted.secrets.set(profile.name, SecretKind.SFTP_PASSWORD, sshd.password)
    with open_deposit(profile, trusted) as deposit:
        assert deposit.list_folders() == ["amphiA", "salle 2 é"]


# --- host keys ----------------------------------------------------------------------------


def test_an_unknown_host_key_is_refused_with_openssh_s_fingerprint(sshd, context, root):
    printed = subprocess.run(
        ["ssh-keygen", "-l", "-E", "sha256", "-f", str(sshd.host_key_file.with_suffix(".pub"))],
        check=True, capture_output=True, text=True).stdout.split()[1]
    with pytest.raises(HostKeyUnknown) as caught:
        open_deposit(sshd.profile(root), context)
    assert caught.value.fingerprint == printed == sshd.host_key_fingerprint
    assert caught.value.key_type == "ssh-ed25519"
    assert caught.value.host == sshd.known_hosts_name
    assert printed in str(caught.value)
    assert not context.paths.known_hosts.exists()


def test_unknown_host_key_answers(sshd, context, root):
    questions: list[tuple[str, str, str]] = []

    def answer(reply):
        def ask(host, key_type, fingerprint):
            questions.append((host, key_type, fingerprint))
            return reply
        return ask

    with pytest.raises(Cancelled):
        open_deposit(sshd.profile(root), context, on_unknown_host_key=answer("cancel"))
    with open_deposit(sshd.profile(root), context, on_unknown_host_key=answer("once")) as dep:
        assert dep.list_folders()
    assert not context.paths.known_hosts.exists()
    with open_deposit(sshd.profile(root), context, on_unknown_host_key=answer("accept")) as dep:
        assert dep.list_folders()
    assert questions == [(sshd.known_hosts_name, "ssh-ed25519", sshd.host_key_fingerprint)] * 3
    assert context.paths.known_hosts.read_text() == sshd.known_hosts_line()
    # Remembered: no question any more, and no callback needed.
    with open_deposit(sshd.profile(root), context) as deposit:
        assert deposit.list_folders()
    assert len(questions) == 3


def test_a_changed_host_key_is_refused_loudly(sshd, context, root):
    context.paths.known_hosts.parent.mkdir(parents=True, exist_ok=True)
    context.paths.known_hosts.write_text(sshd.known_hosts_line(sshd.other_host_key()))
    asked: list[str] = []
    with pytest.raises(HostKeyChanged) as caught:
        open_deposit(sshd.profile(root), context,
                     on_unknown_host_key=lambda *a: asked.append("x") or "accept")
    message = str(caught.value)
    assert "HAS CHANGED" in message and sshd.host_key_fingerprint in message
    assert str(context.paths.known_hosts) in caught.value.hint
    assert asked == []


# --- listing, hostile names, guard -------------------------------------------------------


def test_hostile_names_over_sftp(sshd, trusted, root, tmp_path):
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(b"secret")
    amphi = root / "amphiA"
    (amphi / "link.mp4").symlink_to(outside)
    (amphi / "tab\there.mp4").write_bytes(b"x")
    (amphi / "esc\x1b[2J.mp4").write_bytes(b"x")
    (amphi / " leading space.mp4").write_bytes(b"x")
    (amphi / "-dash.mp4").write_bytes(b"x")
    os.close(os.open(os.fsencode(amphi) + b"/latin1-\xe9t\xe9.mp4", os.O_CREAT, 0o644))
    (root / "escape").symlink_to(tmp_path)
    with open_deposit(sshd.profile(root), trusted) as deposit:
        listing = deposit.list_all(concurrency=4)
        names = [f.name for f in listing["amphiA"]]
        assert names == [" leading space.mp4", "-dash.mp4", "cours 1.mp4"]
        assert {(r.folder, r.name) for r in listing.refused} == {
            ("amphiA", "link.mp4"), ("amphiA", "tab\\x09here.mp4"),
            ("amphiA", "esc\\x1b[2J.mp4"), ("amphiA", "latin1-\\xe9t\\xe9.mp4"),
            ("", "escape")}
        assert "escape" not in listing
        for path in (f"{root}/amphiA/link.mp4", f"{root}/escape/outside.mp4",
                     f"{root}/amphiA/../../outside.mp4", str(outside), f"{root}/amphiA"):
            with pytest.raises(UnsafePath):
                deposit.delete(path)
        with pytest.raises(UnsafePath):
            deposit.open_read(f"{root}/amphiA/link.mp4")
        assert outside.read_bytes() == b"secret"
        deposit.delete(f"{root}/amphiA/-dash.mp4")
        assert not (amphi / "-dash.mp4").exists()


@pytest.mark.slow
def test_ten_thousand_files_listed_and_scanned(sshd, trusted, tmp_path):
    root = tmp_path / "many"
    for number in range(50):
        folder = root / f"amphi{number:02d}"
        folder.mkdir(parents=True)
        for index in range(200):
            (folder / f"rec{index:03d}.mp4").write_bytes(b"x" * (index + 1))
    scanner = Scanner(trusted.db, "sshd", quiet_period_s=60)
    t0 = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    with open_deposit(sshd.profile(root), trusted) as deposit:
        first = scanner.scan(deposit, now=t0)
        assert len(first.files) == 10_000 and len(first.folders) == 50
        assert first.files[f"{root}/amphi49/rec199.mp4"].size == 200
        second = scanner.scan(deposit, now=t0 + timedelta(minutes=2))
    assert len(second.completed) == 10_000 and not second.changed


def test_a_file_growing_during_scans(sshd, trusted, root):
    growing = root / "amphiA" / "live.mp4"
    growing.write_bytes(b"x" * 10)
    path = f"{root}/amphiA/live.mp4"
    scanner = Scanner(trusted.db, "sshd", quiet_period_s=60)
    t0 = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    states = []
    with open_deposit(sshd.profile(root), trusted) as deposit:
        for step in range(4):
            with growing.open("ab") as stream:
                stream.write(b"y" * 1000)
            states.append(scanner.scan(deposit, now=t0 + timedelta(seconds=40 * step))
                          .files[path].state)
        states.append(scanner.scan(deposit, now=t0 + timedelta(seconds=150)).files[path].state)
        states.append(scanner.scan(deposit, now=t0 + timedelta(seconds=200)).files[path].state)
    assert states == ["uploading"] * 5 + ["complete"]


# --- transfers ----------------------------------------------------------------------------


class DropAfter(CancelToken):
    """Kills the server side of every SSH session at the ``chunks``-th transfer step."""

    def __init__(self, sshd, chunks: int) -> None:
        super().__init__()
        self.sshd = sshd
        self.remaining = chunks
        self.killed = 0

    def check(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            self.killed = self.sshd.kill_sessions()
        super().check()


def test_a_download_survives_a_dropped_connection(sshd, trusted, root, tmp_path):
    big = root / "amphiA" / "big.mp4"
    big.write_bytes(os.urandom(48 * 1024 * 1024 + 123))
    statuses: list[tuple[str, str]] = []
    reports: list[Progress] = []
    drop = DropAfter(sshd, 20)
    with open_deposit(sshd.profile(root), trusted,
                      on_status=lambda s, d: statuses.append((s, d))) as deposit:
        result = deposit.download(f"{root}/amphiA/big.mp4", tmp_path / "big.mp4",
                                  reports.append, drop)
        assert drop.killed >= 1
        assert _sha256(result) == _sha256(big)
        states = [state for state, _detail in statuses]
        assert states[0] == "connected" and "reconnecting" in states
        assert states[-1] == "connected"
        assert reports[-1].done == reports[-1].total == big.stat().st_size
        assert any(report.rate for report in reports)


def test_a_cancelled_download_resumes_from_its_partial_file(sshd, trusted, root, tmp_path):
    big = root / "amphiA" / "big.mp4"
    big.write_bytes(os.urandom(24 * 1024 * 1024))
    path = f"{root}/amphiA/big.mp4"
    with open_deposit(sshd.profile(root), trusted) as deposit, pytest.raises(Cancelled):
        deposit.download(path, tmp_path / "copy.mp4", cancel=CancelAfter(10))
    partial = next(tmp_path.glob(".copy.mp4.*"))
    kept = partial.stat().st_size
    assert 0 < kept < big.stat().st_size
    reports: list[Progress] = []
    with open_deposit(sshd.profile(root), trusted) as deposit:
        deposit.download(path, tmp_path / "copy.mp4", reports.append)
    assert reports[0].done == kept
    assert _sha256(tmp_path / "copy.mp4") == _sha256(big)


class TruncateAfter(CancelToken):
    """Cuts the file short on the server at the ``chunks``-th transfer step."""

    def __init__(self, path: Path, chunks: int) -> None:
        super().__init__()
        self.path = path
        self.remaining = chunks

    def check(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            os.truncate(self.path, 1024 * 1024)
        super().check()


def test_a_file_cut_short_during_a_download_is_not_a_dropped_link(sshd, trusted, root,
                                                                  tmp_path):
    big = root / "amphiA" / "big.mp4"
    big.write_bytes(os.urandom(40 * 1024 * 1024))
    statuses: list[str] = []
    with open_deposit(sshd.profile(root), trusted,
                      on_status=lambda s, d: statuses.append(s)) as deposit:
        with pytest.raises(DepositError) as caught:
            deposit.download(f"{root}/amphiA/big.mp4", tmp_path / "big.mp4",
                             cancel=TruncateAfter(big, 3))
        assert not isinstance(caught.value, DepositConnectionError)
        assert "shorter" in str(caught.value)
        assert not (tmp_path / "big.mp4").exists()
        assert deposit.list_folders()  # the same connection still works
    assert statuses == ["connected", "closed"]


def test_the_next_operation_reconnects_after_a_drop(sshd, trusted, root):
    statuses: list[str] = []
    with open_deposit(sshd.profile(root), trusted,
                      on_status=lambda s, d: statuses.append(s)) as deposit:
        assert deposit.list_folders()
        assert sshd.kill_sessions() >= 1
        # The first call may see the dying link; the next one reconnects.
        try:
            folders = deposit.list_folders()
        except DepositConnectionError:
            folders = deposit.list_folders()
        assert folders == ["amphiA", "salle 2 é"]
    assert statuses[:1] == ["connected"] and "reconnecting" in statuses
    assert statuses[-2:] == ["connected", "closed"]


def test_a_request_on_a_link_already_gone_says_it_was_lost_in_its_own_words(
        sshd, trusted, root):
    """A request sent after the link had ended failed with paramiko's "Socket is closed",
    shown as it was, in English in every language."""
    with open_deposit(sshd.profile(root), trusted) as deposit:
        lease = deposit._lease()
        try:
            assert sshd.kill_sessions() >= 1
            deadline = time.monotonic() + 10
            while deposit._alive() and time.monotonic() < deadline:
                time.sleep(0.01)
            with pytest.raises(DepositConnectionError) as raised:
                deposit._translate(lambda: lease.client.stat(str(root)))
        finally:
            lease.broken = True
            lease.release()
    assert raised.value.message == f"The connection to {deposit.address} was lost."


def test_upload_with_a_temporary_name_then_rename(sshd, trusted, root, tmp_path):
    source = tmp_path / "usb stick.mp4"
    data = os.urandom(5 * 1024 * 1024 + 3)
    source.write_bytes(data)
    with open_deposit(sshd.profile(root), trusted) as deposit:
        with pytest.raises(Cancelled):
            deposit.upload(source, "amphiA", None, cancel=CancelAfter(2))
        names = os.listdir(root / "amphiA")
        temporary = [n for n in names if n.endswith(UPLOAD_SUFFIX)]
        assert len(temporary) == 1 and "usb stick.mp4" not in names
        assert (root / "amphiA" / temporary[0]).stat().st_size == 2 * 1024 * 1024
        reports: list[Progress] = []
        remote = deposit.upload(source, "amphiA", None, reports.append)
        assert reports[0].done == 2 * 1024 * 1024
        assert remote.path == f"{root}/amphiA/usb stick.mp4" and remote.size == len(data)
        assert (root / "amphiA" / "usb stick.mp4").read_bytes() == data
        assert not [n for n in os.listdir(root / "amphiA") if n.endswith(UPLOAD_SUFFIX)]
        with pytest.raises(DepositError, match="already exists"):
            deposit.upload(source, "amphiA", None)


def test_an_upload_survives_a_dropped_connection(sshd, trusted, root, tmp_path):
    source = tmp_path / "usb.mp4"
    source.write_bytes(os.urandom(12 * 1024 * 1024 + 7))
    statuses: list[str] = []
    drop = DropAfter(sshd, 4)
    with open_deposit(sshd.profile(root), trusted,
                      on_status=lambda s, d: statuses.append(s)) as deposit:
        remote = deposit.upload(source, "amphiA", None, cancel=drop)
    assert drop.killed >= 1 and "reconnecting" in statuses
    assert _sha256(root / "amphiA" / "usb.mp4") == _sha256(source)
    assert remote.size == source.stat().st_size
    assert not [n for n in os.listdir(root / "amphiA") if n.endswith(UPLOAD_SUFFIX)]


def test_a_key_accepted_once_is_not_asked_again_on_reconnect(sshd, context, root):
    asked: list[str] = []
    with open_deposit(sshd.profile(root), context,
                      on_unknown_host_key=lambda *a: asked.append(a[2]) or "once") as deposit:
        assert deposit.list_folders()
        sshd.kill_sessions()
        with contextlib.suppress(DepositConnectionError):
            deposit.list_folders()
        assert deposit.list_folders() == ["amphiA", "salle 2 é"]
    assert asked == [sshd.host_key_fingerprint]
    assert not context.paths.known_hosts.exists()


def test_quarantine_and_restore_over_sftp(sshd, trusted, root, tmp_path):
    quarantine = tmp_path / "quarantine"
    path = f"{root}/amphiA/cours 1.mp4"
    with open_deposit(sshd.profile(root), trusted) as deposit:
        held = deposit.quarantine(path, str(quarantine))
        assert not deposit.exists(path)
        assert Path(held.quarantined_path).read_bytes() == b"a" * 1000
        assert Path(held.quarantined_path).is_relative_to(quarantine)
        assert deposit.restore(held).size == 1000
        assert (root / "amphiA" / "cours 1.mp4").read_bytes() == b"a" * 1000
        with pytest.raises(UnsafePath):
            deposit.quarantine(path, str(root / "trash"))
        again = deposit.quarantine(path, str(quarantine))
        later = again.quarantined_at + timedelta(days=30)
        assert deposit.purge_quarantine(str(quarantine), 14, now=later) == [
            again.quarantined_path]
        assert os.listdir(quarantine) == []


def test_channels_are_capped_and_shared_between_threads(sshd, trusted, root):
    import threading

    from recmanager.deposit.sftp import MAX_CHANNELS

    path = f"{root}/amphiA/cours 1.mp4"
    with open_deposit(sshd.profile(root), trusted) as deposit:
        readers = [deposit.open_read(path) for _ in range(MAX_CHANNELS)]
        listed: list[list[str]] = []
        waiting = threading.Thread(target=lambda: listed.append(deposit.list_folders()))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and not listed  # every channel is lent out
        assert readers[0].read(10) == b"a" * 10
        readers[0].close()
        waiting.join(10)
        assert listed == [["amphiA", "salle 2 é"]]
        for reader in readers[1:]:
            reader.close()
        big = deposit.list_all(concurrency=3 * MAX_CHANNELS)
        assert sorted(big) == ["amphiA", "salle 2 é"]


# --- reads sent with the OPEN ---------------------------------------------------------------


def _lecture(root: Path) -> tuple[str, bytes]:
    data = os.urandom(3 * 1024 * 1024 + 12345)
    path = root / "amphiA" / "lecture.mp4"
    path.write_bytes(data)
    return str(path), data


def _pieces(reader, ranges) -> list[bytes]:
    from recmanager.deposit.base import joined, read_pieces

    return joined(read_pieces(reader, ranges), len(ranges))


def test_reads_sent_with_the_open_read_the_file_opened(sshd, trusted, root):
    """On a channel prepared for reading, the next handle is foreseen and the ranges asked
    ahead go out with the OPEN: they arrive with it, and they are the file's bytes."""
    from recmanager.deposit import sftp_wire

    path, data = _lecture(root)
    ranges = [(0, 65536), (len(data) - 300_000, 300_000), (65536, 2 * 1024 * 1024)]
    with open_deposit(sshd.profile(root), trusted) as deposit:
        deposit.prepare_reads(1)
        (client,) = deposit._idle
        assert client in deposit._next_handles
        events: list[str] = []
        send_read, receive_reply = sftp_wire.send_read, sftp_wire.receive_reply

        def sent(*args):
            events.append("READ")
            return send_read(*args)

        def received(channel):
            events.append("reply")
            return receive_reply(channel)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sftp_wire, "send_read", sent)
            patch.setattr(sftp_wire, "receive_reply", received)
            with deposit.open_read(path, ahead=ranges) as reader:
                asked = events.count("READ")
                assert events.index("reply") >= asked > 0  # all sent before any answer
                pieces = _pieces(reader, ranges)
                assert events.count("READ") == asked  # none asked for again
        assert pieces == [data[offset:offset + size] for offset, size in ranges]
        with deposit.open_read(path, ahead=ranges) as reader:  # the channel is clean
            assert _pieces(reader, ranges[:1]) == [data[:65536]]
            reader.seek(100)
            assert reader.read(10) == data[100:110]


def test_reads_sent_on_a_handle_foreseen_wrongly_are_asked_for_again(sshd, trusted, root):
    """The foreseen handle is another file's, open on the same channel: what its READs
    answer is that file's bytes, dropped; the reader reads its own file."""
    path, data = _lecture(root)
    other = root / "amphiA" / "cours 1.mp4"
    ranges = [(0, 1000), (len(data) - 5000, 5000)]
    with open_deposit(sshd.profile(root), trusted) as deposit:
        lease = deposit._lease()
        open_elsewhere = lease.client.open(str(other), "rb")
        deposit._next_handles[lease.client] = open_elsewhere.handle
        lease.release()
        with deposit.open_read(path, ahead=ranges) as reader:
            assert _pieces(reader, ranges) == [data[:1000], data[-5000:]]
        assert deposit._next_handles[lease.client] != open_elsewhere.handle
        open_elsewhere.close()
        deposit._next_handles[lease.client] = b"\0\0\0\x2a"  # no such handle: errors
        with deposit.open_read(path, ahead=ranges) as reader:
            assert _pieces(reader, ranges) == [data[:1000], data[-5000:]]


def test_a_refused_file_s_reads_sent_with_its_open_are_dropped(sshd, trusted, root, tmp_path):
    """A link out of the deposit, opened with ranges asked ahead: refused as ever, nothing of
    it read, and the channel reads the next file right."""
    path, data = _lecture(root)
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(b"secret" * 1000)
    (root / "amphiA" / "link.mp4").symlink_to(outside)
    with open_deposit(sshd.profile(root), trusted) as deposit:
        deposit.prepare_reads(1)
        before = deposit.bytes_read
        with pytest.raises(DepositError):
            deposit.open_read(f"{root}/amphiA/link.mp4", ahead=[(0, 6000)])
        assert deposit.bytes_read == before
        with deposit.open_read(path, ahead=[(0, 6000)]) as reader:
            assert _pieces(reader, [(0, 6000)]) == [data[:6000]]
