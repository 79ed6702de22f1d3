"""Silence is a fault: an SFTP server that stops sending (or stops taking bytes) behind a
real TCP proxy is given up on, reconnected to and resumed from — never waited on for ever."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from recmanager.deposit import UPLOAD_SUFFIX, apply_deposit_spec, deposit_spec
from recmanager.deposit.sftp import SftpDeposit
from recmanager.errors import DepositConnectionError
from tests.fixtures.fault_proxy import Fault

pytestmark = pytest.mark.sshd

SILENCE_S = 1.0
# Past the SSH handshake, the login and the first SFTP calls; short of one 255 KiB read.
AFTER_LOGIN = 40_000


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "ftp" / "amphiA").mkdir(parents=True)
    return tmp_path / "ftp"


def _through(proxy, sshd, context, root: Path, statuses: list[str] | None = None
             ) -> SftpDeposit:
    """A deposit that reaches sshd through ``proxy``, trusting sshd's key under its name."""
    profile = sshd.profile(root, sftp_host=proxy.host, sftp_port=proxy.port)
    name = f"[{proxy.host}]:{proxy.port}"
    key_type, blob = sshd.host_public_key.split()[:2]
    context.paths.known_hosts.parent.mkdir(parents=True, exist_ok=True)
    with context.paths.known_hosts.open("a") as stream:
        stream.write(f"{name} {key_type} {blob}\n")
    return SftpDeposit(
        profile, known_hosts=context.paths.known_hosts, secrets=context.secrets,
        timeout_s=10, progress_timeout_s=SILENCE_S,
        on_status=None if statuses is None else lambda state, _d: statuses.append(state),
    ).connect()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_download_whose_server_falls_silent_resumes_with_identical_bytes(
        sshd, context, root, tmp_path, make_fault_proxy):
    big = root / "amphiA" / "cours du lundi é.mp4"
    big.write_bytes(os.urandom(6 * 1024 * 1024 + 17))
    proxy = make_fault_proxy((sshd.host, sshd.port))
    statuses: list[str] = []
    with _through(proxy, sshd, context, root, statuses) as deposit:
        proxy.arm(Fault("stall", 2_000_000))  # the next connection goes silent mid-file
        deposit._forget(deposit._generation)  # …and the download starts on it
        began = time.monotonic()
        result = deposit.download(str(big), tmp_path / "copy.mp4")
        took = time.monotonic() - began
    assert len(proxy.log) == 1 and proxy.connections >= 3
    assert "reconnecting" in statuses
    assert _sha256(result) == _sha256(big)
    assert took < 60, took


def test_a_silence_that_lasts_ends_in_a_clear_error_and_keeps_the_partial_file(
        sshd, context, root, tmp_path, make_fault_proxy):
    big = root / "amphiA" / "long.mp4"
    big.write_bytes(os.urandom(4 * 1024 * 1024))
    proxy = make_fault_proxy((sshd.host, sshd.port))
    with _through(proxy, sshd, context, root) as deposit:
        deposit.stat(str(big))
        proxy.arm(Fault("stall", AFTER_LOGIN + 600_000))  # a little comes through first…
        proxy.arm_every(Fault("stall", AFTER_LOGIN))  # …then never a whole read again
        deposit._forget(deposit._generation)
        began = time.monotonic()
        with pytest.raises(DepositConnectionError) as raised:
            deposit.download(str(big), tmp_path / "copy.mp4")
        took = time.monotonic() - began
    message = str(raised.value)
    assert "stopped after 6 attempts without progress" in message
    assert f"sent nothing for {SILENCE_S:g} s" in message
    assert "resume" in message
    partial = next(tmp_path.glob(".copy.mp4.*"))
    assert 0 < partial.stat().st_size < big.stat().st_size
    assert big.read_bytes().startswith(partial.read_bytes())
    assert not (tmp_path / "copy.mp4").exists()
    assert took < 120, took  # six silences and the back-off between them, not minutes


def test_a_link_cut_at_every_attempt_says_it_was_lost_and_that_nothing_is_kept(
        sshd, context, root, tmp_path, make_fault_proxy):
    """Each connection closed by the far end mid-file: the error read "…was lost: Server
    connection dropped: )." (paramiko's words for an ended link, in English in every
    language) and promised that "the 0 B already transferred are kept", in an empty
    partial file left beside the destination."""
    big = root / "amphiA" / "lundi.mp4"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    proxy = make_fault_proxy((sshd.host, sshd.port))
    with _through(proxy, sshd, context, root) as deposit:
        deposit.stat(str(big))
        proxy.arm_every(Fault("cut", AFTER_LOGIN + 100_000))  # closed before a whole read
        deposit._forget(deposit._generation)
        with pytest.raises(DepositConnectionError) as raised:
            deposit.download(str(big), tmp_path / "copy.mp4")
    error = raised.value
    assert error.message == (f"Downloading lundi.mp4: stopped after 6 attempts without "
                             f"progress (The connection to {deposit.address} was lost).")
    assert error.hint == "Nothing was transferred: run it again to start from the beginning."
    assert sorted(tmp_path.iterdir()) == [root]  # no copy, and no empty partial file


def test_an_upload_whose_server_stops_reading_resumes_with_identical_bytes(
        sshd, context, root, tmp_path, make_fault_proxy):
    source = tmp_path / "usb é.mp4"
    source.write_bytes(os.urandom(8 * 1024 * 1024 + 5))
    proxy = make_fault_proxy((sshd.host, sshd.port))
    with _through(proxy, sshd, context, root) as deposit:
        proxy.arm(Fault("stall", 3_000_000, direction="up"))
        deposit._forget(deposit._generation)
        began = time.monotonic()
        remote = deposit.upload(source, "amphiA", None)
        took = time.monotonic() - began
    assert len(proxy.log) == 1
    assert _sha256(root / "amphiA" / "usb é.mp4") == _sha256(source)
    assert remote.size == source.stat().st_size
    assert not [n for n in os.listdir(root / "amphiA") if n.endswith(UPLOAD_SUFFIX)]
    assert took < 60, took


def test_an_ipv6_deposit_address_works(sshd, context, root, make_fault_proxy):
    (root / "amphiA" / "a.mp4").write_bytes(b"x" * 10)
    proxy = make_fault_proxy((sshd.host, sshd.port), listen_host="::1")
    profile = apply_deposit_spec(sshd.profile(root), f"sftp://{sshd.user}@[::1]:{proxy.port}"
                                 f"{root}?key={sshd.client_keys['ed25519']}")
    assert (profile.sftp_host, profile.sftp_port) == ("::1", proxy.port)
    assert deposit_spec(profile).startswith(f"sftp://{sshd.user}@[::1]:{proxy.port}/")
    with _through(proxy, sshd, context, root) as deposit:
        assert [f.name for f in deposit.list_files("amphiA")] == ["a.mp4"]
