"""Where the preview stream finds an MP4's moov before the player asks for it."""

from __future__ import annotations

import struct

from recmanager.deposit.stream import moov_after_media


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def test_the_moov_after_the_media_data_is_found_from_the_head_alone():
    head = _box(b"ftyp", b"isom" * 4) + _box(b"free", b"") + struct.pack(">I4s", 8 + 5000, b"mdat")
    mdat_at = len(head) - 8
    size = mdat_at + 5008 + 700
    assert moov_after_media(head + b"\0" * 100, size) == mdat_at + 5008


def test_a_64_bit_media_data_size_is_read():
    head = _box(b"ftyp", b"isom") + struct.pack(">I4sQ", 1, b"mdat", 3_000_000_000)
    assert moov_after_media(head, 3_000_000_000 + 500) == 12 + 3_000_000_000


def test_nothing_is_guessed_for_a_moov_first_file_or_anything_else():
    moov_first = _box(b"ftyp", b"isom") + struct.pack(">I4s", 8 + 90_000, b"moov")
    assert moov_after_media(moov_first, 200_000) is None  # the moov is in the head
    media_to_the_end = _box(b"ftyp", b"isom") + struct.pack(">I4s", 8 + 10_000, b"mdat")
    assert moov_after_media(media_to_the_end, 12 + 8 + 10_000) is None
    assert moov_after_media(b"\x47\x40\x11\x10" + b"\xff" * 200, 10_000) is None  # MPEG-TS
    assert moov_after_media(_box(b"ftyp", b"isom") + struct.pack(">I4s", 3, b"mdat"),
                            1000) is None  # a box smaller than its own header
    whole_file = _box(b"ftyp", b"isom") + _box(b"mdat", b"x" * 50) + _box(b"moov", b"y" * 20)
    assert moov_after_media(whole_file, len(whole_file)) is None  # all of it already held
