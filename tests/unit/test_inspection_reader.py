"""The inspection's reader: regions fetched ahead are kept, joined and served from memory,
each byte fetched once."""

from __future__ import annotations

import io

from recmanager.inspection.analyse import SampledReader

DATA = bytes(range(256)) * 40  # 10,240 bytes


class CountingReader(io.BytesIO):
    """A file whose reads are counted (a deposit's reader without ranged reads)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: list[tuple[int, int]] = []

    def read(self, size: int | None = -1) -> bytes:
        self.reads.append((self.tell(), size if size is not None else -1))
        return super().read(size)


def test_regions_are_joined_and_each_byte_is_fetched_once():
    inner = CountingReader(DATA)
    reader = SampledReader(inner)
    assert reader.keep(0, 16) == DATA[:16]  # the first boxes
    assert reader.keep(9000, 1240) == DATA[9000:]  # the movie header at the end
    assert reader.keep(0, 4096) == DATA[:4096]  # the head around the first boxes
    assert inner.reads == [(0, 16), (9000, 1240), (16, 4080)]
    assert reader.bytes_read == 16 + 1240 + 4080
    assert reader._starts == [0, 9000]  # the head and the first boxes are one region now


def test_what_a_region_holds_is_given_without_a_fetch():
    inner = CountingReader(DATA)
    reader = SampledReader(inner)
    reader.keep(8000, 2240)
    inner.reads.clear()
    assert reader.keep(8000, 2240) == DATA[8000:]
    assert reader.keep(8008, 100) == DATA[8008:8108]
    assert inner.reads == [] and reader.bytes_read == 2240
    reader.seek(8100)
    assert reader.read(50) == DATA[8100:8150] and inner.reads == []


def test_a_region_ending_at_the_end_of_the_file_gives_what_there_is():
    inner = CountingReader(DATA)
    reader = SampledReader(inner)
    assert reader.keep(10_000, 4096) == DATA[10_000:]  # 240 bytes: the file ends there
    assert reader.keep(9_990, 100) == DATA[9_990:10_090]  # ten more fetched before them
    assert reader.keep(9_990, 4096) == DATA[9_990:]
    assert inner.reads == [(10_000, 240), (9_990, 10)]
