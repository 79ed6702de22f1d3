"""paramiko's private request layer, as recmanager/deposit/sftp_wire.py uses it, against the
installed paramiko and the real OpenSSH sshd: a paramiko release that changes it fails here.
The folder listing built on it (recmanager/deposit/sftp_listing.py) is held to OpenSSH here
too."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest
from paramiko.sftp import CMD_CLOSE, CMD_HANDLE, CMD_NAME, CMD_OPENDIR, CMD_READDIR, CMD_STATUS

from recmanager.deposit import sftp_wire
from recmanager.deposit.sftp_listing import READDIRS_IN_FLIGHT, read_directories

pytestmark = pytest.mark.sshd

DATA = bytes(range(256)) * 40  # 10 KiB


@pytest.fixture
def client(sshd, tmp_path) -> Iterator[paramiko.SFTPClient]:
    known_hosts = tmp_path / "known_hosts"
    sshd.trust(known_hosts)
    ssh = paramiko.SSHClient()
    ssh.load_host_keys(str(known_hosts))
    ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
    ssh.connect(sshd.host, sshd.port, username=sshd.user,
                key_filename=str(sshd.client_keys["ed25519"]), look_for_keys=False,
                allow_agent=False)
    try:
        yield ssh.open_sftp()
    finally:
        ssh.close()


@pytest.fixture
def remote_file(tmp_path) -> Path:
    path = tmp_path / "folder" / "lecture.mp4"
    path.parent.mkdir()
    path.write_bytes(DATA)
    return path


def test_pipelined_reads_are_answered_by_number(client, remote_file):
    replies = sftp_wire.Replies()
    with client.open(str(remote_file), "rb") as handle:
        numbers = [sftp_wire.send_read(client, replies, handle.handle, offset, 1024)
                   for offset in (0, 1024, 4096)]
        while not all(number in replies.by_number for number in numbers):
            sftp_wire.receive_reply(client)
        chunks = [replies.by_number.pop(number)[1].get_string() for number in numbers]
    assert chunks == [DATA[:1024], DATA[1024:2048], DATA[4096:5120]]


def test_a_read_past_the_end_is_a_status_that_raises_eof(client, remote_file):
    replies = sftp_wire.Replies()
    with client.open(str(remote_file), "rb") as handle:
        number = sftp_wire.send_read(client, replies, handle.handle, len(DATA), 1024)
        while number not in replies.by_number:
            sftp_wire.receive_reply(client)
        kind, message = replies.by_number.pop(number)
        assert kind == CMD_STATUS
        with pytest.raises(EOFError):
            sftp_wire.raise_for_status(client, message)


def test_a_synchronous_read(client, remote_file):
    with client.open(str(remote_file), "rb") as handle:
        assert sftp_wire.read(client, handle.handle, 100, 50) == DATA[100:150]
        with pytest.raises(EOFError):
            sftp_wire.read(client, handle.handle, len(DATA), 50)


def test_a_directory_is_opened_read_and_closed_by_raw_requests(client, remote_file):
    kind, message = sftp_wire.request(client, CMD_OPENDIR, str(remote_file.parent))
    assert kind == CMD_HANDLE
    handle = message.get_binary()
    kind, message = sftp_wire.request(client, CMD_READDIR, handle)
    assert kind == CMD_NAME
    assert b"lecture.mp4" in message.get_remainder()
    with pytest.raises(EOFError):
        sftp_wire.request(client, CMD_READDIR, handle)
    sftp_wire.request(client, CMD_CLOSE, handle)
    with pytest.raises(OSError):  # an error status is raised, not returned
        sftp_wire.request(client, CMD_OPENDIR, str(remote_file.parent / "missing"))


def test_the_chunk_pipe_reads_like_paramikos_buffer():
    """Whole chunks, slices of the first one, reads across chunks; a timeout when empty;
    end of stream once closed and drained."""
    from paramiko.buffered_pipe import PipeTimeout

    pipe = sftp_wire.ChunkPipe()
    for chunk in (b"abcdef", b"gh", b"ijklmnop"):
        pipe.feed(chunk)
    assert len(pipe) == 16 and pipe.read_ready()
    assert pipe.read(4) == b"abcd"
    assert pipe.read(5) == b"efghi"
    assert pipe.read(100) == b"jklmnop"
    assert not pipe.read_ready()
    with pytest.raises(PipeTimeout):
        pipe.read(1, timeout=0.01)
    pipe.feed(b"last")
    pipe.close()
    assert pipe.empty() == b"last"
    assert pipe.read(10) == b""


def test_an_sftp_channel_receives_into_a_chunk_pipe(client, remote_file):
    channel = client.get_channel()
    fresh = channel.get_transport().open_session()
    sftp_wire.use_chunk_pipe(fresh)
    fresh.invoke_subsystem("sftp")
    other = paramiko.SFTPClient(fresh)
    try:
        with other.open(str(remote_file), "rb") as handle:
            assert handle.read() == DATA
        assert isinstance(fresh.in_buffer, sftp_wire.ChunkPipe)
    finally:
        other.close()


def test_pipelined_writes_are_acknowledged_by_number(client, tmp_path):
    """Writes larger than an SSH packet, from a memoryview, at any offset; one STATUS each."""
    target = tmp_path / "written.bin"
    data = os.urandom(300 * 1024)
    replies = sftp_wire.Replies()
    with client.open(str(target), "wb") as handle:
        numbers = [sftp_wire.send_write(client, replies, handle.handle, offset,
                                        memoryview(data)[offset:offset + 100 * 1024])
                   for offset in (200 * 1024, 0, 100 * 1024)]
        while not all(number in replies.by_number for number in numbers):
            sftp_wire.receive_reply(client)
        for number in numbers:
            kind, message = replies.by_number.pop(number)
            assert kind == CMD_STATUS
            sftp_wire.raise_for_status(client, message)
    assert target.read_bytes() == data


def test_lstat_realpath_and_open_sent_at_once(client, remote_file):
    def wait() -> None:
        sftp_wire.receive_reply(client)

    attributes, real, handle = sftp_wire.lstat_realpath_open(
        client, str(remote_file), sftp_wire.Replies(), wait)
    assert attributes.st_size == len(DATA) and real == str(remote_file.resolve())
    assert sftp_wire.read(client, handle, 0, 16) == DATA[:16]
    sftp_wire.request(client, CMD_CLOSE, handle)
    missing = str(remote_file.parent / "gone.mp4")
    attributes, _real, handle = sftp_wire.lstat_realpath_open(
        client, missing, sftp_wire.Replies(), wait)  # OpenSSH resolves a missing last name
    assert isinstance(attributes, FileNotFoundError) and isinstance(handle, FileNotFoundError)


def test_openssh_gives_the_handle_freed_last_to_the_next_open(client, remote_file):
    """What the reads sent with an OPEN rely on (recmanager/deposit/sftp_reader.py): on one
    channel, OpenSSH's sftp-server hands out again the handle closed last."""
    first = client.open(str(remote_file), "rb")
    second = client.open(str(remote_file), "rb")
    freed = first.handle
    first.close()
    again = client.open(str(remote_file), "rb")
    assert again.handle == freed != second.handle
    again.close()
    second.close()


def _open_descriptors_on(folder: Path) -> list[str]:
    """Every process's descriptors open on ``folder`` (sftp-server's directory handles)."""
    found = []
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        with contextlib.suppress(OSError):
            if os.readlink(fd) == str(folder):
                found.append(str(fd))
    return found


def test_a_long_folder_is_read_with_its_readdirs_in_flight_in_the_server_s_order(
        client, tmp_path, monkeypatch):
    """A term's recordings in one folder: the names come whole and in the order the server
    reads them, several READDIRs of the folder in flight (never more than the bound), and
    every handle closed before the listing returns."""
    long, few, empty = tmp_path / "amphi", tmp_path / "salle", tmp_path / "vide"
    for folder in (long, few, empty):
        folder.mkdir()
    for number in range(2050):
        (long / f"2026-11-{number:04d}-cours.mp4").write_bytes(b"x" * (number % 97))
    (few / "séance-1.mp4").write_bytes(b"y" * 5)
    expected = {str(folder): [(a.filename, a.st_size) for a in client.listdir_attr(str(folder))]
                for folder in (long, few, empty)}
    outstanding = most = 0
    send, receive = sftp_wire.send_request, sftp_wire.receive_reply

    def counted_send(*args):
        nonlocal outstanding, most
        outstanding += 1
        most = max(most, outstanding)
        return send(*args)

    def counted_receive(*args):
        nonlocal outstanding
        receive(*args)
        outstanding -= 1

    monkeypatch.setattr(sftp_wire, "send_request", counted_send)
    monkeypatch.setattr(sftp_wire, "receive_reply", counted_receive)
    listed = read_directories(client, list(expected))
    assert {path: [(entry.name, entry.size) for entry in entries]
            for path, entries in listed.items()} == expected
    assert len(expected[str(long)]) == 2050 and expected[str(empty)] == []
    # One folder's READDIRs at most, beside the other two folders' few requests.
    assert READDIRS_IN_FLIGHT // 2 <= most <= READDIRS_IN_FLIGHT + 4
    assert outstanding == 0 and not _open_descriptors_on(long)
