"""A local HTTP server that lets VLC play a deposit file without downloading it first.

VLC asks for byte ranges (the start, then the moov atom at the end of most recorder files,
then the media data); each range is read from the deposit through ``open_reader`` — over
SFTP with read-ahead. The head of a file and its moov are fetched, both at once, as soon as
the file's URL is handed out, so the player's first requests are answered from memory. The
server listens on 127.0.0.1 on a random port and serves only the files it was given, each
under its own random token: another local user cannot guess a URL, and nothing else on the
deposit is reachable.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import secrets as random_tokens
import select
import socket
import struct
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import BinaryIO, Protocol
from urllib.parse import quote, unquote, urlsplit

from recmanager.config import Profile, network_timeout
from recmanager.deposit.base import read_pieces
from recmanager.deposit.names import check_server_path
from recmanager.errors import DepositError

log = logging.getLogger("recmanager.deposit.stream")

SEND_CHUNK = 256 * 1024
# A small socket buffer: what a player has not read yet stays on the server instead of
# being fetched over SFTP into the kernel, only to be thrown away when the player seeks.
SEND_BUFFER = 256 * 1024
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$")

# Readers kept open between a player's requests (it makes three or more to start: the head,
# the moov atom at the end, then the media), so each request skips the path checks and the
# SFTP open. Few and short-lived: each holds an SFTP channel, and a file still uploading
# grows.
IDLE_READERS = 2
IDLE_READER_S = 20.0
# A player that drops a response to ask for another range sends the new request at once,
# while the dropped response's thread is still between two chunks; it notices the closed
# socket on its next write and gives the reader back. Waiting that long for it costs less
# than opening the file again over SFTP (several round trips). A request made while the
# other response is still wanted (VLC asks for the moov at the end while it reads the head)
# does not wait.
HANDOVER_WAIT_S = 0.5

# Options for a libvlc media opened on a stream URL. VLC's prefetch filter reads network
# inputs 16 MiB at a time into a 16 MiB buffer; from 127.0.0.1 that only delays the first
# frame (the fill competes with the decoder for the CPU) and pulls megabytes over SFTP that
# the next seek throws away. A 256 KiB buffer filled 64 KiB at a time lets it leave the
# head for the moov sooner and fetch less (4.3-4.6 MB instead of 5.4 MB for a one-hour
# recording). Measured in bench/bench_deposit_preview.py.
STREAM_MEDIA_OPTIONS = (":prefetch-buffer-size=256", ":prefetch-read-size=65536")

# A player's first requests: the head of the file (VLC reads up to a megabyte of it, then the
# first frames from the start of the media data) and, when an MP4's moov atom follows the
# media data, everything after the media data. When the URL is handed out the file is opened
# and its first bytes, its last bytes (where the moov of a recording of that size would be)
# and the rest of the head are asked for at once, in that order on the wire: the player's
# first requests are answered from memory after two round trips (the OPEN, then the READs),
# or after one when the file's size is known beforehand (the inbox's) and the deposit can
# send the READs with the OPEN.
# The moov's place is read in the first bytes; a moov longer than the guess costs one more
# round trip for what the guess missed, one larger than TAIL_MOST (hours of recording) is left
# to the player's own request. Kept a minute, for at most two files.
HEAD_BYTES = 2 * 1024 * 1024
FIRST_BYTES = 64 * 1024  # the boxes up to the media data's header, and VLC's first probe
TAIL_MOST = 32 * 1024 * 1024
# The moov of a recording (sample sizes and times, ~2 MB an hour at 25 fps) is about 1/1000
# of the file at a recorder's bitrates: the guess takes twice that, within these bounds.
TAIL_GUESS_SHARE = 512
TAIL_GUESS_LEAST = 256 * 1024
TAIL_GUESS_MOST = 8 * 1024 * 1024
# The guess is asked for in pieces of four SFTP READs, the last piece first: what it holds
# before the moov comes last on the wire, after the moov.
TAIL_PIECE = 4 * 255 * 1024
PREFETCH_KEPT_S = 60.0
PREFETCHED_FILES = 2
# The channels a connection prepares for previews: the prefetch's, and one for a request
# that reads past what it holds (or the next file's prefetch) while it still reads.
PREFETCH_READERS = 2
# How long a request waits for a fetch still in progress before reading for itself.
PREFETCH_WAIT_S = network_timeout(20.0)
_BOX_TYPE = re.compile(rb"[A-Za-z0-9 ]{4}")


class OpenReader(Protocol):
    """Opens a served file; ``ahead``: the ranges its first ``read_pieces`` call reads."""

    def __call__(self, path: str, *, ahead: Sequence[tuple[int, int]] = ()) -> BinaryIO: ...


def parse_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """``(first, last)`` inclusive for a single satisfiable range; None for no (or an
    ignorable) Range header; False when the range cannot be satisfied."""
    if not header:
        return None
    match = _RANGE.match(header)
    if match is None:
        return None  # several ranges or a bad header: RFC 9110 allows serving it all
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:
        suffix = int(last_text)
        if suffix == 0 or size == 0:
            return False
        return max(0, size - suffix), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size or last < first:
        return False
    return first, min(last, size - 1)


def moov_after_media(head: bytes, size: int) -> int | None:
    """Where the boxes after an MP4's media data start (its moov at the end) when ``head``
    holds the file's top-level boxes up to the media data's header; None for anything else
    (moov first, not an MP4, or the media data reaching the end)."""
    offset = 0
    while offset + 8 <= len(head):
        box_size, kind = struct.unpack_from(">I4s", head, offset)
        if box_size == 1 and offset + 16 <= len(head):
            box_size = struct.unpack_from(">Q", head, offset + 8)[0]
        if box_size < 8 or not _BOX_TYPE.fullmatch(kind):
            return None
        end = offset + box_size
        if end > len(head):
            return end if kind == b"mdat" and end < size else None
        offset = end
    return None


def first_ranges(size: int) -> list[tuple[int, int]]:
    """The ``(offset, size)`` ranges fetched ahead for a file of ``size`` bytes, in the order
    they are asked for: its first bytes, its last bytes, the rest of its head."""
    head = min(size, HEAD_BYTES)
    first = min(head, FIRST_BYTES)
    ranges = [(0, first), *_last_first(tail_guess(size), size), (first, head - first)]
    return [(start, length) for start, length in ranges if length]


def tail_guess(size: int) -> int:
    """Where the last bytes fetched ahead start: the moov of a recording of ``size`` bytes
    (moov at the end) most likely starts after it."""
    guess = min(TAIL_GUESS_MOST, max(TAIL_GUESS_LEAST, size // TAIL_GUESS_SHARE))
    return max(min(size, HEAD_BYTES), size - guess)


class _Prefetch:
    """The head and the moov of one file, fetched on one reader when its URL is handed out.
    A request waits for a piece that will cover it; a failed fetch keeps what arrived and the
    request reads the rest for itself. A file chosen again keeps the pieces of its previous
    fetch when its size has not changed; otherwise nothing of them is served."""

    def __init__(self, server: PreviewServer, path: str,
                 previous: _Prefetch | None = None, size_hint: int | None = None) -> None:
        self.path = path
        self.fetched_at = time.monotonic()
        self.size: int | None = None
        self.sized = threading.Event()
        self._server = server
        self._changed = threading.Condition()
        self._pieces: list[tuple[int, bytes]] = []  # (offset, bytes) as they arrive
        self._coming: list[tuple[int, int]] = []  # [start, end) asked for, not all arrived
        self._located = False  # whether the ranges to fetch are known (the moov located)
        self._done = False
        self._complete = False  # every range fetched
        threading.Thread(target=self._fetch, args=(previous, size_hint),
                         name="preview-prefetch", daemon=True).start()

    def stale(self) -> bool:
        return time.monotonic() - self.fetched_at > PREFETCH_KEPT_S

    def _fetch(self, previous: _Prefetch | None, size_hint: int | None) -> None:
        reader, healthy = None, False
        # With the file's size known, its ranges go out with the OPEN, unless those fetched
        # before are likely to be served again.
        reused = previous is not None and previous.size == size_hint
        ahead = first_ranges(size_hint) if size_hint is not None and not reused else []
        try:
            reader = self._server._open_reader(self.path, ahead=ahead)
            size = reader.seek(0, 2)
            reader.seek(0)
            if previous is not None and previous.size != size:
                self._server._drop_idle(self.path)  # they read at the old size
            self.size = size
            self.sized.set()
            log.debug("preview of %s: opened, %d bytes", self.path, size)
            if previous is not None and previous.size == size and previous._complete:
                with self._changed:
                    self._pieces = previous._pieces
                    self._complete = True
                healthy = True
                return
            self._fetch_pieces(reader, size)
            healthy = True
        except (DepositError, OSError) as exc:
            log.debug("preview head and moov of %s not fetched: %s", self.path, exc)
        finally:
            self.sized.set()
            with self._changed:
                self._located = self._done = True
                self._coming.clear()
                self._changed.notify_all()
            if reader is not None:
                self._server._park(self.path, reader, healthy)

    def _fetch_pieces(self, reader: BinaryIO, size: int) -> None:
        head = min(size, HEAD_BYTES)
        first = min(head, FIRST_BYTES)
        guess = tail_guess(size)
        ranges = first_ranges(size)
        with self._changed:
            self._coming = [(start, start + length) for start, length in ranges]
        start_bytes, missed = b"", None
        with closing(_pieces_at(reader, ranges)) as pieces:
            for index, offset, piece in pieces:
                self._arrive(offset, piece)
                if index == 0:
                    start_bytes += piece
                    if len(start_bytes) == first:
                        missed = self._locate(start_bytes, size, head, guess)
        if missed is not None:
            with closing(_pieces_at(reader, [missed])) as pieces:
                for _index, offset, piece in pieces:
                    self._arrive(offset, piece)
        with self._changed:
            self._complete = True

    def _locate(self, start_bytes: bytes, size: int, head: int,
                guess: int) -> tuple[int, int] | None:
        """Where the moov starts, read in the file's first bytes: the range between the head
        and the guess that it needs, to fetch next, or None."""
        tail_start = moov_after_media(start_bytes, size)
        missed = None
        if tail_start is not None and size - tail_start <= TAIL_MOST:
            start = max(tail_start, head)
            missed = (start, guess - start) if start < guess else None
        log.debug("preview of %s: moov at %s; %s", self.path, tail_start,
                  f"bytes {missed[0]}-{guess - 1} to fetch next" if missed else "all asked for")
        with self._changed:
            if missed is not None:
                self._coming.append((missed[0], guess))
            self._located = True
            self._changed.notify_all()
        return missed

    def _arrive(self, offset: int, piece: bytes) -> None:
        log.debug("preview of %s: bytes %d-%d fetched ahead", self.path, offset,
                  offset + len(piece) - 1)
        with self._changed:
            self._pieces.append((offset, piece))
            end = offset + len(piece)  # a range's pieces come in order: its last ends it
            self._coming = [(start, stop) for start, stop in self._coming
                            if not start <= offset < stop <= end]
            self._changed.notify_all()

    def wait_size(self) -> int | None:
        self.sized.wait(PREFETCH_WAIT_S)
        return self.size

    def bytes_at(self, position: int, end: int) -> memoryview | None:
        """Bytes from ``position`` (at most up to ``end``) held here, once fetched; None when
        no piece covers ``position`` nor will."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._held(position) is not None or not self._will_hold(position),
                PREFETCH_WAIT_S)
            found = self._held(position)
        if found is None:
            return None
        offset, piece = found
        return memoryview(piece)[position - offset:end - offset]

    def _held(self, position: int) -> tuple[int, bytes] | None:
        return next(((offset, piece) for offset, piece in self._pieces
                     if offset <= position < offset + len(piece)), None)

    def _will_hold(self, position: int) -> bool:
        """Whether ``position`` is in a range still coming (or may be, before the moov is
        located)."""
        if self._done:
            return False
        return not self._located or any(start <= position < stop
                                        for start, stop in self._coming)


def _last_first(start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` as ``(offset, size)`` ranges of TAIL_PIECE bytes, the last first."""
    return [(max(start, stop - TAIL_PIECE), stop - max(start, stop - TAIL_PIECE))
            for stop in range(end, start, -TAIL_PIECE)]


def _pieces_at(reader: BinaryIO,
               ranges: list[tuple[int, int]]) -> Iterator[tuple[int, int, bytes]]:
    """``(index, offset, bytes)`` of :func:`read_pieces`: where each piece belongs. Closed
    by its caller, so that the replies left are collected on the reader's own thread."""
    arrived = [0] * len(ranges)
    with closing(read_pieces(reader, ranges)) as pieces:
        for index, piece in pieces:
            yield index, ranges[index][0] + arrived[index], piece
            arrived[index] += len(piece)


class PreviewServer:
    """Serves registered deposit files on ``http://127.0.0.1:<port>/<token>/<name>``."""

    def __init__(self, open_reader: OpenReader) -> None:
        self._open_reader = open_reader
        self._paths: dict[str, str] = {}
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()
        self._returned = threading.Condition(self._lock)
        self._served = 0
        self._idle: list[tuple[str, BinaryIO, float]] = []
        self._lent: dict[str, list[socket.socket]] = {}  # path: connections reading it
        self._prefetches: dict[str, _Prefetch] = {}  # oldest first
        self._closed = False
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
            name="preview-stream", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def bytes_served(self) -> int:
        """Body bytes sent to players so far (all files)."""
        return self._served

    def url_for(self, path: str, *, prefetch: bool = True, size: int | None = None) -> str:
        """The URL a player can open for ``path``; the same file keeps its token. Unless told
        otherwise, the file's head and moov are fetched from now on, for the player's first
        requests; ``size``, the file's size as last seen, lets them be asked for at once."""
        with self._lock:
            token = self._tokens.get(path)
            if token is None:
                token = random_tokens.token_urlsafe(24)
                self._tokens[path] = token
                self._paths[token] = path
            if prefetch:
                self._prefetch(path, size)
        name = quote(path.rsplit("/", 1)[-1])
        return f"http://127.0.0.1:{self.port}/{token}/{name}"

    def _prefetch(self, path: str, size: int | None) -> None:
        """Fetch ``path``'s head and moov (or check that those fetched before are still the
        file's: its size unchanged). Called with the lock held."""
        previous = self._prefetches.pop(path, None)
        fresh = previous is not None and not previous.stale()
        self._prefetches[path] = _Prefetch(self, path, previous if fresh else None, size)
        while len(self._prefetches) > PREFETCHED_FILES:
            del self._prefetches[next(iter(self._prefetches))]

    def forget(self, path: str) -> None:
        """Stop serving ``path`` (its URL answers 404 from now on)."""
        with self._lock:
            token = self._tokens.pop(path, None)
            if token is not None:
                self._paths.pop(token, None)
            self._prefetches.pop(path, None)
        self._drop_idle(path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
        with self._lock:
            self._closed = True
            self._prefetches.clear()
            dropped, self._idle = self._idle, []
        for _path, reader, _at in dropped:
            reader.close()

    def _prefetched(self, path: str) -> _Prefetch | None:
        with self._lock:
            prefetch = self._prefetches.get(path)
        return None if prefetch is None or prefetch.stale() else prefetch

    def _borrow(self, path: str, connection: socket.socket, position: int) -> BinaryIO:
        """An idle reader of ``path`` (one already at ``position`` first), the reader of a
        response the player has just dropped (once given back), or a new one."""
        with self._lock:
            stale = self._drop_stale()
            found = self._take_idle(path, position)
            if found is None and any(map(_closed_by_peer, self._lent.get(path, ()))):
                self._returned.wait_for(
                    lambda: self._has_idle(path) or not self._lent.get(path), HANDOVER_WAIT_S)
                stale += self._drop_stale()
                found = self._take_idle(path, position)
            self._lent.setdefault(path, []).append(connection)
        for reader in stale:
            reader.close()
        if found is not None:
            return found
        try:
            return self._open_reader(path)
        except BaseException:
            with self._lock:
                self._end_loan(path, connection)
            raise

    def _drop_stale(self) -> list[BinaryIO]:
        now = time.monotonic()
        stale = [reader for _p, reader, at in self._idle if now - at > IDLE_READER_S]
        self._idle = [item for item in self._idle if now - item[2] <= IDLE_READER_S]
        return stale

    def _drop_idle(self, path: str) -> None:
        """Close the idle readers of ``path``: opened before its size changed."""
        with self._lock:
            dropped = [reader for held, reader, _at in self._idle if held == path]
            self._idle = [item for item in self._idle if item[0] != path]
        for reader in dropped:
            reader.close()

    def _has_idle(self, path: str) -> bool:
        return any(item[0] == path for item in self._idle)

    def _take_idle(self, path: str, position: int) -> BinaryIO | None:
        mine = [item for item in self._idle if item[0] == path]
        found = next((item for item in mine if item[1].tell() == position),
                     mine[0] if mine else None)
        if found is None:
            return None
        self._idle.remove(found)
        return found[1]

    def _end_loan(self, path: str, connection: socket.socket) -> None:
        """Called with the lock held."""
        self._lent[path].remove(connection)
        if not self._lent[path]:
            del self._lent[path]
        self._returned.notify_all()

    def _give_back(self, path: str, connection: socket.socket, reader: BinaryIO,
                   healthy: bool) -> None:
        with self._lock:
            surplus = self._keep(path, reader, healthy)
            self._end_loan(path, connection)
        for extra in surplus:
            extra.close()

    def _park(self, path: str, reader: BinaryIO, healthy: bool) -> None:
        """Give the server a reader no request has borrowed (a prefetch's)."""
        with self._lock:
            surplus = self._keep(path, reader, healthy)
        for extra in surplus:
            extra.close()

    def _keep(self, path: str, reader: BinaryIO, healthy: bool) -> list[BinaryIO]:
        """Keep a healthy reader of a served file for the next request (the IDLE_READERS
        used last); the readers to close. Called with the lock held."""
        if not (healthy and path in self._tokens and not self._closed):
            return [reader]
        self._idle.append((path, reader, time.monotonic()))
        surplus = [extra for _path, extra, _at in self._idle[:-IDLE_READERS]]
        self._idle = self._idle[-IDLE_READERS:]
        return surplus

    def __enter__(self) -> PreviewServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _path_for(self, url_path: str) -> str | None:
        token = unquote(urlsplit(url_path).path).lstrip("/").split("/", 1)[0]
        with self._lock:
            return self._paths.get(token)

    def _count(self, size: int) -> None:
        with self._lock:
            self._served += size

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        """The request handler class of this server (http.server makes a handler per
        request from a class, so the server it serves is set on a subclass)."""
        return type("Handler", (_PreviewHandler,), {"preview": self})


class _PreviewHandler(BaseHTTPRequestHandler):
    """One request of a player: a file given to ``preview``, whole or a byte range."""

    preview: PreviewServer  # set on the subclass each server makes (see _handler_class)
    protocol_version = "HTTP/1.1"
    server_version = "recmanager-preview"

    def setup(self) -> None:
        self.request.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        super().setup()

    def log_message(self, format: str, *args: object) -> None:
        # The request line's first segment is the file's token, a key to it for any local
        # user: the line is logged without it.
        text = format % args
        token = getattr(self, "path", "").lstrip("/").split("/", 1)[0]
        log.debug("%s %s", self.address_string(), text.replace(token, "…") if token else text)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _empty(self, status: HTTPStatus, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _serve(self, *, body: bool) -> None:
        path = self.preview._path_for(self.path)
        if path is None:
            self._empty(HTTPStatus.NOT_FOUND)
            return
        log.debug("preview of %s: %s %s", path, self.command, self.headers.get("Range"))
        prefetch = self.preview._prefetched(path)
        source = _Source(self.preview, path, self.connection)
        try:
            size = prefetch.wait_size() if prefetch is not None else None
            if size is None:
                size = source.reader(0).seek(0, 2)
        except (DepositError, OSError) as exc:
            log.warning("preview of %s refused: %s", path, exc)
            source.release(healthy=True)
            self._empty(HTTPStatus.BAD_GATEWAY)
            return
        healthy = False
        try:
            healthy = self._respond(source, prefetch, size, body=body)
        finally:
            source.release(healthy)

    def _respond(self, source: _Source, prefetch: _Prefetch | None, size: int, *,
                 body: bool) -> bool:
        """Answer one request; False when the reader failed."""
        wanted = parse_range(self.headers.get("Range"), size)
        if wanted is False:
            self._empty(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                        {"Content-Range": f"bytes */{size}"})
            return True
        first, last = wanted if wanted else (0, size - 1)
        self.send_response(HTTPStatus.PARTIAL_CONTENT if wanted else HTTPStatus.OK)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", mimetypes.guess_type(source.path)[0]
                         or "application/octet-stream")
        self.send_header("Content-Length", str(last - first + 1))
        if wanted:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.end_headers()
        return self._send(source, prefetch, first, last + 1) if body else True

    def _send(self, source: _Source, prefetch: _Prefetch | None, start: int,
              end: int) -> bool:
        """Send ``[start, end)``: what the prefetch holds from memory, the rest read."""
        position = start
        healthy = True
        try:
            while position < end:
                held = prefetch.bytes_at(position, end) if prefetch is not None else None
                if held:
                    chunk: bytes | memoryview = held[:SEND_CHUNK]
                else:
                    chunk = source.reader(position).read(min(SEND_CHUNK, end - position))
                    if not chunk:
                        break
                self.wfile.write(chunk)
                position += len(chunk)
                self.preview._count(len(chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the player seeked elsewhere and dropped this response
        except (DepositError, OSError) as exc:
            log.warning("preview stream interrupted: %s", exc)
            healthy = False
        if position < end:
            self.close_connection = True
        return healthy


class _Source:
    """The reader one request borrows, only once it needs bytes the prefetch does not hold."""

    def __init__(self, preview: PreviewServer, path: str, connection: socket.socket) -> None:
        self.preview = preview
        self.path = path
        self._connection = connection
        self._reader: BinaryIO | None = None

    def reader(self, position: int) -> BinaryIO:
        """The request's reader, at ``position``."""
        if self._reader is None:
            log.debug("preview of %s: read from the deposit at %d", self.path, position)
            self._reader = self.preview._borrow(self.path, self._connection, position)
        if self._reader.tell() != position:
            self._reader.seek(position)
        return self._reader

    def release(self, healthy: bool) -> None:
        if self._reader is not None:
            reader, self._reader = self._reader, None
            self.preview._give_back(self.path, self._connection, reader, healthy)


def _closed_by_peer(connection: socket.socket) -> bool:
    """Whether the player has closed ``connection`` (dropped the response it carries)."""
    try:
        readable, _, _ = select.select([connection], [], [], 0)
        return bool(readable) and connection.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True  # reset by the player, or already closed here


def player_options(url: str) -> tuple[str, ...]:
    """The libvlc media options for ``url``: :data:`STREAM_MEDIA_OPTIONS` for the local
    stream, nothing for Pod's public URL (a real network wants VLC's own buffering)."""
    return STREAM_MEDIA_OPTIONS if url.startswith("http://127.0.0.1:") else ()


def preview_url(profile: Profile, path: str, server: PreviewServer) -> str:
    """Pod's public records URL for ``path`` when the profile has one, else the local stream."""
    base = profile.preview_base_url.strip()
    if not base:
        return server.url_for(path)
    folder, name = check_server_path(profile.deposit_root.rstrip("/") or "/", path)
    relative = "/".join(quote(part) for part in (*folder.split("/"), name) if part)
    return f"{base.rstrip('/')}/{relative}"
