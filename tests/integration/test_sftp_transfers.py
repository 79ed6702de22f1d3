"""SFTP transfers over distance (a delay line in front of the real sshd): the window follows
the measured round trip, the memory it holds is bounded, content arrives intact, and a cut
upload written over several channels resumes where its first hole is."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from recmanager.deposit import UPLOAD_SUFFIX, open_deposit
from recmanager.deposit.names import temporary_name
from recmanager.deposit.sftp_window import (
    MAX_WRITE_CHANNELS,
    MAX_WRITE_WINDOW,
    READ_CHUNK,
    TARGET_RATE,
    read_depth,
    write_channels,
    write_window,
)
from tests.fixtures.fault_proxy import fault_proxy

pytestmark = pytest.mark.sshd

ROUND_TRIP_S = 0.1


@pytest.fixture
def root(tmp_path) -> Path:
    deposit = tmp_path / "ftp"
    (deposit / "amphiA").mkdir(parents=True)
    return deposit


@pytest.fixture
def far(sshd, context) -> Iterator[object]:
    """A profile whose server is 100 ms away (round trip), trusted."""
    with fault_proxy((sshd.host, sshd.port), one_way_s=ROUND_TRIP_S / 2) as line:
        key_type, blob = sshd.host_public_key.split()[:2]
        context.paths.known_hosts.parent.mkdir(parents=True, exist_ok=True)
        with context.paths.known_hosts.open("a", encoding="utf-8") as stream:
            stream.write(f"[{sshd.host}]:{line.port} {key_type} {blob}\n")
        yield lambda root: sshd.profile(root, sftp_port=line.port)


def test_no_round_trip_makes_the_read_window_unbounded():
    assert read_depth(3600.0) * READ_CHUNK <= 64 * 1024 * 1024
    assert read_depth(0.0) >= 1


def test_the_read_window_follows_the_round_trip(sshd, context, far, root, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 7)
    (root / "amphiA" / "cours.mp4").write_bytes(data)
    with open_deposit(far(root), context) as deposit:
        deposit.download(f"{root}/amphiA/cours.mp4", tmp_path / "far.mp4")
        assert deposit.round_trip_s >= ROUND_TRIP_S
        assert deposit.window_bytes() >= ROUND_TRIP_S * TARGET_RATE
    assert (tmp_path / "far.mp4").read_bytes() == data
    sshd.trust(context.paths.known_hosts)
    with open_deposit(sshd.profile(root), context) as deposit:
        deposit.download(f"{root}/amphiA/cours.mp4", tmp_path / "near.mp4")
        assert deposit.round_trip_s < ROUND_TRIP_S
        assert deposit.window_bytes() < ROUND_TRIP_S * TARGET_RATE
    assert (tmp_path / "near.mp4").read_bytes() == data


def test_a_download_never_holds_more_than_its_window(context, far, root, tmp_path):
    """At 100 ms the round trip asks for a 25 MB window; capped at 4 requests, no more than
    4 replies are ever awaited, whatever the file's size."""
    data = os.urandom(8 * 1024 * 1024)
    (root / "amphiA" / "cours.mp4").write_bytes(data)
    with open_deposit(far(root), context) as deposit:
        deposit.max_read_depth = 4
        deposit.download(f"{root}/amphiA/cours.mp4", tmp_path / "cours.mp4")
        assert 0 < deposit.peak_in_flight <= 4 * READ_CHUNK
    assert (tmp_path / "cours.mp4").read_bytes() == data


def test_an_upload_over_several_channels_arrives_whole(context, far, root, tmp_path):
    source = tmp_path / "usb.mp4"
    data = os.urandom(6 * 1024 * 1024 + 5)
    source.write_bytes(data)
    with open_deposit(far(root), context) as deposit:
        deposit.round_trip_s = ROUND_TRIP_S  # known before the first request: 4 channels
        remote = deposit.upload(source, "amphiA")
        assert deposit.write_window_bytes() == MAX_WRITE_WINDOW
        assert 2 * 1024 * 1024 < deposit.peak_in_flight <= MAX_WRITE_WINDOW
    assert remote.size == len(data)
    assert (root / "amphiA" / "usb.mp4").read_bytes() == data


def test_a_cut_upload_resumes_at_its_first_hole(sshd, context, root, tmp_path):
    """Channels write their parts of the file in any order: a cut may leave the partial file
    with a hole (zeros) before bytes that did arrive. Resuming after its size would keep the
    hole; the upload reads the end back and starts again at the first byte that differs."""
    source = tmp_path / "usb.mp4"
    hole = slice(3 * 1024 * 1024, 3 * 1024 * 1024 + 300_000)
    data = bytearray(os.urandom(6 * 1024 * 1024))
    data[hole.start] |= 1  # the hole's first byte differs (a random zero would match it)
    data = bytes(data)
    source.write_bytes(data)
    info = source.stat()
    partial = root / "amphiA" / temporary_name(
        "usb.mp4", f"{info.st_size}-{int(info.st_mtime)}", UPLOAD_SUFFIX)
    written = bytearray(data[:5 * 1024 * 1024])
    written[hole] = bytes(hole.stop - hole.start)
    partial.write_bytes(written)
    sshd.trust(context.paths.known_hosts)
    reports = []
    with open_deposit(sshd.profile(root), context) as deposit:
        deposit.upload(source, "amphiA", progress=reports.append)
    assert (root / "amphiA" / "usb.mp4").read_bytes() == data
    assert reports[0].done == hole.start


def test_an_upload_takes_only_the_channels_free_now(context, far, root, tmp_path):
    """Waiting for more channels while holding one could deadlock uploads running at once:
    with one channel allowed, the upload writes through it alone, at once."""
    source = tmp_path / "usb.mp4"
    data = os.urandom(1024 * 1024)
    source.write_bytes(data)
    with open_deposit(far(root), context) as deposit:
        deposit._max_channels = 1
        started = time.monotonic()
        deposit.upload(source, "amphiA")
        assert time.monotonic() - started < 30  # the wait for a busy channel is 120 s
    assert (root / "amphiA" / "usb.mp4").read_bytes() == data


def test_requests_leave_at_once(sshd, context, root):
    """Nagle's algorithm held a message behind an unacknowledged one until the server's
    delayed acknowledgement (40 ms): the login and each channel paid it."""
    sshd.trust(context.paths.known_hosts)
    with open_deposit(sshd.profile(root), context) as deposit:
        sock = deposit._client.get_transport().sock
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_an_upload_opens_channels_enough_for_its_window():
    """OpenSSH grants 2 MiB a channel and more only once half is used: each channel's share
    of the window is at most 1 MiB, up to the most channels an upload takes."""
    for round_trip in (0.0, 0.005, 0.015):
        window = write_window(round_trip)
        assert write_channels(window, 2 * 1024 * 1024) * 1024 * 1024 >= window
    assert write_channels(write_window(1.0), 2 * 1024 * 1024) == MAX_WRITE_CHANNELS
