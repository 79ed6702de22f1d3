"""The preview stream: a moov-at-end recording served over SFTP to VLC-style range requests,
and to real libvlc."""

from __future__ import annotations

import http.client
import logging
import os
import struct
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from recmanager.deposit import open_deposit, stream
from recmanager.deposit.stream import PreviewServer, player_options, preview_url

pytestmark = pytest.mark.sshd


@pytest.fixture
def served(sshd, context, tmp_path, media):
    """A moov-at-end clip in a deposit on the sshd, and a preview server reading it by SFTP."""
    root = tmp_path / "ftp"
    (root / "amphiA").mkdir(parents=True)
    clip = root / "amphiA" / "cours du 3 mai.mp4"
    clip.write_bytes(media.moov_at_end.read_bytes())
    (root / "amphiA" / "other.mp4").write_bytes(b"not served")
    sshd.trust(context.paths.known_hosts)
    with open_deposit(sshd.profile(root), context) as deposit, \
            PreviewServer(deposit.open_read) as server:
        yield deposit, server, f"{root}/amphiA/cours du 3 mai.mp4", clip


def _atoms(head: bytes) -> list[tuple[bytes, int, int]]:
    """Top-level MP4 boxes seen in ``head``: (type, offset, size)."""
    boxes, offset = [], 0
    while offset + 8 <= len(head):
        size, kind = struct.unpack(">I4s", head[offset:offset + 8])
        if size == 1:
            size = struct.unpack(">Q", head[offset + 8:offset + 16])[0]
        boxes.append((kind, offset, size))
        offset += size
    return boxes


def _get(url: str, headers: dict[str, str] | None = None, *, method: str = "GET",
         limit: int | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(method, parts.path, headers=headers or {})
    response = connection.getresponse()
    body = response.read(limit) if limit else response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_vlc_style_range_requests_on_a_moov_at_end_file(served):
    _deposit, server, path, clip = served
    data = clip.read_bytes()
    url = server.url_for(path)
    assert url.startswith("http://127.0.0.1:") and url.endswith("/cours%20du%203%20mai.mp4")
    assert server.url_for(path) == url

    status, headers, body = _get(url, method="HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Length"] == str(len(data)) and headers["Accept-Ranges"] == "bytes"
    assert headers["Content-Type"] == "video/mp4"

    # 1. VLC opens with "bytes=0-", reads the head and drops the connection.
    status, headers, head = _get(url, {"Range": "bytes=0-"}, limit=64 * 1024)
    assert status == 206 and headers["Content-Range"] == f"bytes 0-{len(data) - 1}/{len(data)}"
    assert head == data[:64 * 1024]
    boxes = _atoms(head)
    assert boxes[0][0] == b"ftyp" and b"moov" not in [kind for kind, _o, _s in boxes]
    mdat = next(box for box in boxes if box[0] == b"mdat")
    moov_at = mdat[1] + mdat[2]
    assert moov_at < len(data)

    # 2. It jumps past the media data to the moov atom at the end.
    status, headers, tail = _get(url, {"Range": f"bytes={moov_at}-"})
    assert status == 206 and tail[4:8] == b"moov" and tail == data[moov_at:]

    # 3. Then plays from the start of the media data, in bounded ranges.
    first = mdat[1] + 8
    status, headers, chunk = _get(url, {"Range": f"bytes={first}-{first + 99_999}"})
    assert status == 206 and chunk == data[first:first + 100_000]
    assert headers["Content-Range"] == f"bytes {first}-{first + 99_999}/{len(data)}"

    # A suffix range, an unsatisfiable one, and anything not registered.
    assert _get(url, {"Range": "bytes=-100"})[2] == data[-100:]
    status, headers, _ = _get(url, {"Range": f"bytes={len(data)}-"})
    assert status == 416 and headers["Content-Range"] == f"bytes */{len(data)}"
    base = url.rsplit("/", 2)[0]
    assert _get(f"{base}/not-a-token/cours%20du%203%20mai.mp4")[0] == 404
    assert _get(f"{base}/")[0] == 404
    assert _get(url.replace("cours%20du%203%20mai", "other"))[0] == 200  # the token decides
    server.forget(path)
    assert _get(url)[0] == 404


def test_tokens_are_per_file_and_unguessable(served):
    _deposit, server, path, _clip = served
    first = server.url_for(path)
    second = server.url_for(path.replace("cours du 3 mai", "other"))
    token_a, token_b = first.split("/")[3], second.split("/")[3]
    assert token_a != token_b and len(token_a) >= 32


def test_the_debug_log_never_holds_a_file_s_token(served, caplog):
    """The token is the key to a file for any local user: requests are logged without it."""
    _deposit, server, path, _clip = served
    url = server.url_for(path)
    token = url.split("/")[3]
    with caplog.at_level(logging.DEBUG, logger="recmanager"):
        assert _get(url, {"Range": "bytes=0-99"})[0] == 206
        assert _get(url.replace(token, "x" * len(token)))[0] == 404
    assert "GET" in caplog.text and "206" in caplog.text
    assert token not in caplog.text


def test_the_profile_s_public_url_wins_when_set(served, sshd, tmp_path):
    _deposit, server, path, _clip = served
    profile = sshd.profile(tmp_path / "ftp")
    assert preview_url(profile, path, server) == server.url_for(path)
    assert player_options(server.url_for(path))  # VLC's 16 MiB prefetch is not for loopback
    profile.preview_base_url = "https://pod.example.org/media/records/"
    assert preview_url(profile, path, server) == (
        "https://pod.example.org/media/records/amphiA/cours%20du%203%20mai.mp4")
    assert player_options(preview_url(profile, path, server)) == ()


@pytest.mark.slow
def test_real_libvlc_plays_the_stream(served):
    import vlc

    deposit, server, path, _clip = served
    instance = vlc.Instance("--no-video", "--aout=dummy", "--no-xlib", "--quiet")
    assert instance is not None, "libvlc could not start"
    player = instance.media_player_new()
    url = server.url_for(path)
    media = instance.media_new(url, *player_options(url))
    player.set_media(media)
    before = deposit.bytes_read
    try:
        assert player.play() == 0
        deadline = time.monotonic() + 20
        times: list[int] = []
        while time.monotonic() < deadline:
            state = player.get_state()
            assert state != vlc.State.Error, "VLC reported an error"
            if state == vlc.State.Playing and player.get_time() > 0:
                times.append(player.get_time())
                if len(times) >= 2 and times[-1] > times[0]:
                    break
            time.sleep(0.1)
        assert player.get_state() == vlc.State.Playing
        assert len(times) >= 2 and times[-1] > times[0], "playback time did not advance"
        assert player.get_length() > 0
        assert deposit.bytes_read - before > 0 and server.bytes_served > 0
    finally:
        player.stop()
        player.release()
        media.release()
        instance.release()


@pytest.mark.slow
def test_libvlc_s_first_requests_are_answered_from_what_was_fetched_ahead(served, media,
                                                                          caplog):
    """Real libvlc opening a moov-at-end recording longer than the head: its requests for the
    head, the moov and the first frames are answered from memory; the deposit is read only
    past the head, as the playback goes on (or as VLC reads on to the moov instead of asking
    for it: it may, when the moov is near)."""
    import logging

    import vlc

    from tests.fixtures.media import repeated

    _deposit, server, _path, _clip = served
    path = served[2].rsplit("/", 1)[0] + "/four minutes.mp4"
    data = repeated(media.moov_at_end, 40, Path(path)).read_bytes()
    mdat = next(box for box in _atoms(data[:64 * 1024]) if box[0] == b"mdat")
    moov_at = mdat[1] + mdat[2]
    assert moov_at > stream.HEAD_BYTES and data[moov_at + 4:moov_at + 8] == b"moov"
    caplog.set_level(logging.DEBUG, logger="recmanager.deposit.stream")
    instance = vlc.Instance("--no-video", "--aout=dummy", "--no-xlib", "--quiet")
    player = instance.media_player_new()
    url = server.url_for(path)
    player.set_media(instance.media_new(url, *player_options(url)))
    try:
        assert player.play() == 0
        assert _until(lambda: player.get_time() > 0, 20), "playback did not start"
    finally:
        player.stop()
        player.release()
        instance.release()
    messages = [record.getMessage() for record in caplog.records]
    read_at = [int(message.rsplit(" ", 1)[1]) for message in messages
               if message.startswith(f"preview of {path}: read from the deposit at ")]
    assert all(stream.HEAD_BYTES <= position < moov_at for position in read_at), read_at


class _CountingOpener:
    """Opens deposit readers for a preview server and notes each file it opens."""

    def __init__(self, deposit, wrap=lambda reader: reader) -> None:
        self.deposit = deposit
        self.wrap = wrap
        self.opened: list[str] = []

    def __call__(self, server_path: str, *, ahead=()):
        self.opened.append(server_path)
        return self.wrap(self.deposit.open_read(server_path, ahead=ahead))


def test_a_player_s_successive_requests_share_one_sftp_reader(served):
    deposit, _server, path, clip = served
    data = clip.read_bytes()
    opener = _CountingOpener(deposit)
    with PreviewServer(opener) as server:
        url = server.url_for(path, prefetch=False)
        _get(url, {"Range": "bytes=0-"}, limit=1000)
        assert _get(url, {"Range": f"bytes={len(data) - 5000}-"})[2] == data[-5000:]
        assert _get(url, {"Range": "bytes=100-199"})[2] == data[100:200]
    assert opener.opened == [path]


class _DistantReader:
    """A deposit reader as a far server feels: every read waits a round trip."""

    def __init__(self, reader) -> None:
        self._reader = reader

    def read(self, size: int = -1) -> bytes:
        time.sleep(0.02)
        return self._reader.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._reader.seek(offset, whence)

    def tell(self) -> int:
        return self._reader.tell()

    def close(self) -> None:
        self._reader.close()


@pytest.fixture
def long_file(served) -> tuple[str, bytes]:
    """4 MiB in the deposit: more than the socket buffers hold, so a response a player
    stops reading keeps its reader."""
    path = served[2].rsplit("/", 1)[0] + "/long recording.mp4"
    data = os.urandom(4 * 1024 * 1024)
    Path(path).write_bytes(data)
    return path, data


def test_a_range_asked_as_the_previous_response_is_dropped_reuses_its_reader(served, long_file):
    """VLC drops a response and asks for another range at once, while the dropped response
    is still reading its next chunk: the new request waits for that reader, no second open."""
    path, data = long_file
    opener = _CountingOpener(served[0], _DistantReader)
    with PreviewServer(opener) as server:
        url = server.url_for(path, prefetch=False)
        assert _get(url, {"Range": "bytes=0-"}, limit=1000)[2] == data[:1000]
        assert _get(url, {"Range": "bytes=3000000-3000999"})[2] == data[3000000:3001000]
    assert opener.opened == [path]


def test_a_range_asked_while_the_previous_response_is_still_read_does_not_wait(
        served, long_file, monkeypatch):
    """VLC asks for the moov at the end while it still reads the head: that request gets a
    reader of its own at once instead of waiting for the other one: a wait would outlast the
    request's 30 s socket timeout, so the request fails whatever the machine's load."""
    monkeypatch.setattr(stream, "HANDOVER_WAIT_S", 3600.0)
    path, data = long_file
    opener = _CountingOpener(served[0])
    with PreviewServer(opener) as server:
        url = server.url_for(path, prefetch=False)
        parts = urlsplit(url)
        head = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            head.request("GET", parts.path, headers={"Range": "bytes=0-"})
            assert head.getresponse().read(1000) == data[:1000]  # the rest not read yet
            assert _get(url, {"Range": f"bytes={len(data) - 5000}-"})[2] == data[-5000:]
        finally:
            head.close()
    assert opener.opened == [path, path]


@pytest.fixture
def recording(served) -> tuple[str, bytes, int]:
    """A moov-at-end MP4 larger than the head the stream fetches ahead: (path, bytes, where
    its moov starts)."""
    path = served[2].rsplit("/", 1)[0] + "/long lecture.mp4"
    ftyp = struct.pack(">I4s", 24, b"ftyp") + b"isom" * 4
    media = os.urandom(stream.HEAD_BYTES + 1024 * 1024)
    moov = os.urandom(300_000)
    data = (ftyp + struct.pack(">I4s", 8 + len(media), b"mdat") + media
            + struct.pack(">I4s", 8 + len(moov), b"moov") + moov)
    Path(path).write_bytes(data)
    return path, data, len(data) - 8 - len(moov)


def _until(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_the_head_and_the_moov_are_fetched_when_the_url_is_handed_out(served, recording):
    """The player's first requests (the head, the moov at the end, the first frames) are
    answered from memory: the file was opened once and both read before the player asked."""
    deposit = served[0]
    path, data, moov_at = recording
    opener = _CountingOpener(deposit)
    before = deposit.bytes_read
    with PreviewServer(opener) as server:
        url = server.url_for(path)
        ahead = stream.HEAD_BYTES + len(data) - moov_at
        assert _until(lambda: deposit.bytes_read - before >= ahead), "nothing fetched ahead"
        assert opener.opened == [path]
        fetched = deposit.bytes_read

        assert _get(url, {"Range": "bytes=0-"}, limit=64 * 1024)[2] == data[:64 * 1024]
        status, headers, moov = _get(url, {"Range": f"bytes={moov_at}-"})
        assert status == 206 and moov == data[moov_at:]
        assert headers["Content-Range"] == f"bytes {moov_at}-{len(data) - 1}/{len(data)}"
        assert _get(url, {"Range": "bytes=32-1000031"})[2] == data[32:1000032]
        assert deposit.bytes_read == fetched and opener.opened == [path]

        # Past the head, the reader that fetched it reads on.
        across = f"bytes={stream.HEAD_BYTES - 1000}-{stream.HEAD_BYTES + 499_999}"
        assert _get(url, {"Range": across})[2] == data[stream.HEAD_BYTES - 1000:
                                                       stream.HEAD_BYTES + 500_000]
        assert deposit.bytes_read > fetched and opener.opened == [path]

        server.forget(path)  # and a file chosen again is fetched again
        url = server.url_for(path)
        assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]


def _mp4(media_size: int, moov_size: int) -> tuple[bytes, int]:
    """A moov-at-end MP4's bytes (random media and moov) and where its moov starts."""
    ftyp = struct.pack(">I4s", 24, b"ftyp") + b"isom" * 4
    media = os.urandom(media_size)
    moov = os.urandom(moov_size)
    data = (ftyp + struct.pack(">I4s", 8 + len(media), b"mdat") + media
            + struct.pack(">I4s", 8 + len(moov), b"moov") + moov)
    return data, len(data) - 8 - len(moov)


class _Wire:
    """The READ requests sent on the deposit's channels and the replies received, in order."""

    def __init__(self, monkeypatch) -> None:
        from recmanager.deposit import sftp_wire

        self.events: list[tuple[str, int, int]] = []
        send_read, receive_reply = sftp_wire.send_read, sftp_wire.receive_reply

        def sent(client, replies, handle, offset, size):
            self.events.append(("READ", offset, size))
            return send_read(client, replies, handle, offset, size)

        def received(client):
            if self.events:  # replies to READs (not to the OPEN before them)
                self.events.append(("reply", 0, 0))
            return receive_reply(client)

        monkeypatch.setattr(sftp_wire, "send_read", sent)
        monkeypatch.setattr(sftp_wire, "receive_reply", received)

    def asked_before_the_first_reply(self) -> list[tuple[int, int]]:
        first_reply = next(i for i, event in enumerate(self.events) if event[0] == "reply")
        return [(offset, size) for kind, offset, size in self.events[:first_reply]
                if kind == "READ"]


def _covered(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    position = start
    for offset, size in sorted(ranges):
        if offset <= position < offset + size:
            position = offset + size
    return position >= end


def test_the_head_and_the_moov_are_asked_for_in_one_round_trip(served, monkeypatch):
    """Once the file is open, its first bytes, its last bytes (where the moov of a file that
    size is) and the rest of the head are asked for together, the first bytes then the moov
    first on the wire: the moov does not wait for the head's answer, nor behind the head."""
    deposit = served[0]
    data, moov_at = _mp4(stream.HEAD_BYTES + 3 * 1024 * 1024, 200_000)
    path = served[2].rsplit("/", 1)[0] + "/lecture.mp4"
    Path(path).write_bytes(data)
    assert moov_at >= stream.tail_guess(len(data))  # the guess covers this moov
    wire = _Wire(monkeypatch)
    before = deposit.bytes_read
    with PreviewServer(deposit.open_read) as server:
        url = server.url_for(path)
        head, size = stream.HEAD_BYTES, len(data)
        assert _until(lambda: deposit.bytes_read - before >= head + size - moov_at)
        asked = wire.asked_before_the_first_reply()
        assert _covered(asked, 0, head) and _covered(asked, moov_at, size)
        assert asked[0] == (0, stream.FIRST_BYTES) and asked[1][0] == stream.tail_guess(size)
        fetched = deposit.bytes_read
        assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]
        assert _get(url, {"Range": "bytes=32-1000031"})[2] == data[32:1000032]
        assert deposit.bytes_read == fetched  # all from memory


def test_with_its_size_known_the_head_and_the_moov_go_out_with_the_open(served, monkeypatch):
    """On a connection prepared for previews (as the inbox does), a file whose size the
    inbox knows has its first bytes, its moov and the rest of its head asked for with its
    OPEN, answered in one round trip instead of two. A size that changed since (the file still
    uploading) costs the round trip, never a wrong byte."""
    from recmanager.deposit import sftp_wire

    deposit = served[0]
    deposit.prepare_reads(stream.PREFETCH_READERS)
    data, moov_at = _mp4(stream.HEAD_BYTES + 3 * 1024 * 1024, 200_000)
    path = served[2].rsplit("/", 1)[0] + "/lecture.mp4"
    Path(path).write_bytes(data)
    events: list[tuple[str, int, int]] = []
    send_read, receive_reply = sftp_wire.send_read, sftp_wire.receive_reply

    def sent(client, replies, handle, offset, size):
        events.append(("READ", offset, size))
        return send_read(client, replies, handle, offset, size)

    def received(client):
        events.append(("reply", 0, 0))  # the OPEN's too
        return receive_reply(client)

    monkeypatch.setattr(sftp_wire, "send_read", sent)
    monkeypatch.setattr(sftp_wire, "receive_reply", received)
    with PreviewServer(deposit.open_read) as server:
        for size_hint in (len(data), len(data) - 1000):
            events.clear()
            url = server.url_for(path, size=size_hint)
            assert _until(lambda: server._prefetched(path)._done)
            first_reply = events.index(("reply", 0, 0))
            asked = [(offset, size) for kind, offset, size in events[:first_reply]
                     if kind == "READ"]
            if size_hint == len(data):
                assert _covered(asked, 0, stream.HEAD_BYTES)
                assert _covered(asked, moov_at, len(data))
            fetched = deposit.bytes_read
            assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]
            assert _get(url, {"Range": "bytes=0-1999999"})[2] == data[:2_000_000]
            assert deposit.bytes_read == fetched  # all from memory
            server.forget(path)


def test_the_moov_comes_before_the_rest_of_a_longer_guess(served, monkeypatch):
    """A guess longer than the moov is asked for from its end: the moov's bytes are on the
    wire before the guessed bytes that precede it."""
    monkeypatch.setattr(stream, "TAIL_GUESS_LEAST", 3 * stream.TAIL_PIECE)
    deposit = served[0]
    data, moov_at = _mp4(stream.HEAD_BYTES + 4 * stream.TAIL_PIECE, 200_000)
    path = served[2].rsplit("/", 1)[0] + "/lecture.mp4"
    Path(path).write_bytes(data)
    size, guess = len(data), stream.tail_guess(len(data))
    assert guess < moov_at - stream.TAIL_PIECE
    wire = _Wire(monkeypatch)
    with PreviewServer(deposit.open_read) as server:
        url = server.url_for(path)
        assert _until(lambda: server._prefetched(path)._done)
        asked = [(offset, size) for kind, offset, size in wire.events if kind == "READ"]
        order = [offset for offset, _size in asked]
        moov_read = next(i for i, (offset, size) in enumerate(asked)
                         if offset <= moov_at < offset + size)
        assert moov_read < order.index(guess)
        assert _covered(asked, guess, size) and _covered(asked, 0, stream.HEAD_BYTES)
        assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]
        assert _get(url, {"Range": f"bytes={guess - 10}-{size - 1}"})[2] == data[guess - 10:]


def test_a_zipped_video_s_head_and_moov_are_asked_for_in_one_round_trip(served, monkeypatch):
    """A video stored in a zip deposit is a window of the archive: its head and its moov are
    asked for together on the archive's reader, as a plain file's are."""
    import zipfile

    from recmanager.inbox.zips import inspect_zip, member_key, open_preview_source

    deposit = served[0]
    data, moov_at = _mp4(stream.HEAD_BYTES + 3 * 1024 * 1024, 200_000)
    path = served[2].rsplit("/", 1)[0] + "/course.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("course/slides/1.png", b"png", zipfile.ZIP_DEFLATED)
        archive.writestr("course/media/video.mp4", data, zipfile.ZIP_STORED)
    with open(path, "rb") as archive:
        start = inspect_zip(archive).video_offset
    wire = _Wire(monkeypatch)

    def opener(key: str, *, ahead=()):
        reader = open_preview_source(deposit, key, ahead=ahead)
        wire.events.clear()  # what the prefetch asks for, not what reading the zip did
        return reader

    with PreviewServer(opener) as server:
        url = server.url_for(member_key(path, "course/media/video.mp4"))
        assert _until(lambda: server._prefetched(member_key(
            path, "course/media/video.mp4"))._done)
        asked = wire.asked_before_the_first_reply()
        assert _covered(asked, start, start + stream.HEAD_BYTES)
        assert _covered(asked, start + moov_at, start + len(data))
        assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]
        assert _get(url, {"Range": "bytes=0-"})[2] == data


def test_any_range_is_served_right_across_what_was_fetched_ahead(served):
    """Ranges that start, end or cross where the pieces fetched ahead meet (the first bytes,
    the head, the guessed tail, the moov the guess missed) and the bytes read past them."""
    deposit = served[0]
    data, moov_at = _mp4(stream.HEAD_BYTES + 1024 * 1024, 400_000)
    path = served[2].rsplit("/", 1)[0] + "/ranges.mp4"
    Path(path).write_bytes(data)
    size = len(data)
    guess = stream.tail_guess(size)
    assert moov_at < guess  # part of the moov is fetched after the first bytes located it
    edges = [0, 1, stream.FIRST_BYTES, stream.HEAD_BYTES, moov_at, guess, size - 1]
    ranges = [(max(0, edge + before), min(size - 1, edge + after))
              for edge in edges for before, after in ((-1, 0), (0, 0), (-300, 70_000),
                                                       (-70_000, 300_000))]
    ranges += [(1000, size - 1), (stream.HEAD_BYTES - 10, moov_at + 10)]
    with PreviewServer(deposit.open_read) as server:
        url = server.url_for(path)
        for first, last in ranges:
            status, headers, body = _get(url, {"Range": f"bytes={first}-{last}"})
            assert status == 206 and body == data[first:last + 1], (first, last)
            assert headers["Content-Range"] == f"bytes {first}-{last}/{size}"
        assert _get(url)[2] == data


def test_a_file_shorter_than_the_head_is_fetched_once(served, media):
    """A short recording is all head: its moov is not asked for a second time."""
    deposit, server, path, clip = served
    data = clip.read_bytes()
    assert len(data) < stream.HEAD_BYTES
    before = deposit.bytes_read
    url = server.url_for(path)
    assert _until(lambda: server._prefetched(path)._done)
    assert deposit.bytes_read - before == len(data)
    assert _get(url)[2] == data


def test_a_file_chosen_again_is_served_at_its_new_size(served):
    """A file chosen again within the minute its head and moov are kept: unchanged, they are
    served without reading them again; grown or rewritten to another size, nothing fetched
    for the old size is served, and the new size is announced."""
    deposit = served[0]
    old, old_moov = _mp4(stream.HEAD_BYTES, 100_000)
    path = served[2].rsplit("/", 1)[0] + "/uploading.mp4"
    Path(path).write_bytes(old)
    opener = _CountingOpener(deposit)
    with PreviewServer(opener) as server:
        url = server.url_for(path)
        assert _get(url, {"Range": f"bytes={old_moov}-"})[2] == old[old_moov:]
        assert _get(url, {"Range": "bytes=0-"})[2] == old
        fetched = deposit.bytes_read
        assert server.url_for(path) == url
        assert _get(url, {"Range": f"bytes={old_moov}-"})[2] == old[old_moov:]
        assert deposit.bytes_read == fetched and len(opener.opened) == 2  # opened, not read

        new, new_moov = _mp4(stream.HEAD_BYTES + 300_000, 150_000)
        Path(path).write_bytes(new)
        assert server.url_for(path) == url
        status, headers, body = _get(url, {"Range": f"bytes={new_moov}-"})
        assert headers["Content-Range"] == f"bytes {new_moov}-{len(new) - 1}/{len(new)}"
        assert status == 206 and body == new[new_moov:]
        assert _get(url, {"Range": "bytes=0-"})[2] == new
        assert _get(url, {"Range": f"bytes={old_moov}-{old_moov + 99}"})[2] == (
            new[old_moov:old_moov + 100])


def test_what_is_fetched_ahead_is_bounded(served, monkeypatch):
    """A moov longer than TAIL_MOST is left to the player's request: the memory a file's
    prefetch holds is at most the head and TAIL_MOST, whatever the file."""
    monkeypatch.setattr(stream, "TAIL_MOST", 512 * 1024)
    deposit = served[0]
    data, moov_at = _mp4(stream.HEAD_BYTES + 1024 * 1024, 1024 * 1024)
    path = served[2].rsplit("/", 1)[0] + "/long moov.mp4"
    Path(path).write_bytes(data)
    before = deposit.bytes_read
    with PreviewServer(deposit.open_read) as server:
        url = server.url_for(path)
        prefetch = server._prefetched(path)
        assert _until(lambda: prefetch._done)
        held = sum(len(piece) for _offset, piece in prefetch._pieces)
        assert held == deposit.bytes_read - before
        assert held <= stream.HEAD_BYTES + stream.TAIL_MOST
        assert _get(url, {"Range": f"bytes={moov_at}-"})[2] == data[moov_at:]


def test_a_file_that_cannot_be_fetched_ahead_is_refused_as_before(served):
    _deposit, server, path, _clip = served
    url = server.url_for(path.replace("cours du 3 mai", "gone"))
    assert _get(url, {"Range": "bytes=0-"})[0] == 502


def test_a_large_read_asks_for_all_its_bytes_at_once(served, long_file):
    """A range wanted whole (the head, the moov) costs one round trip, not one per doubling
    of the read-ahead; reading on past it continues the file."""
    from recmanager.deposit.sftp_window import READ_CHUNK

    deposit = served[0]
    path, data = long_file
    with deposit.open_read(path) as reader:
        reader.seek(1000)
        first = reader.read(5 * READ_CHUNK)
        assert reader._ahead.peak == 5 * READ_CHUNK  # every request sent before the first reply
        rest = b"".join(iter(lambda: reader.read(100_000), b""))
    assert first + rest == data[1000:]


def test_a_connection_prepared_for_a_preview_opens_its_files_on_channels_already_open(
        served, sshd, context, long_file):
    path, data = long_file
    with open_deposit(sshd.profile(path.rsplit("/", 2)[0]), context) as deposit:
        deposit.prepare_reads(stream.PREFETCH_READERS)
        assert deposit._real_root is not None
        assert len(deposit._idle) == deposit._open_channels == stream.PREFETCH_READERS
        with deposit.open_read(path) as head, deposit.open_read(path) as tail:
            assert deposit._open_channels == stream.PREFETCH_READERS  # none opened meanwhile
            assert head.read(100) == data[:100]
            tail.seek(len(data) - 100)
            assert tail.read(100) == data[-100:]


def test_a_reader_is_checked_and_opened_in_one_round_trip(served, long_file, monkeypatch):
    """The guard's LSTAT and REALPATH travel with the OPEN, not each on its own before it:
    opening costs one round trip, which at 20 ms is most of a preview's wait."""
    deposit = served[0]
    path, data = long_file
    deposit.real_root  # noqa: B018
    for single in ("_lstat", "_realpath"):
        monkeypatch.setattr(deposit, single,
                            lambda *_a, name=single: pytest.fail(f"{name} on its own"))
    with deposit.open_read(path) as reader:
        assert reader.read(1000) == data[:1000]
