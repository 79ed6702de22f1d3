"""Pictures of a recording: a PNG thumbnail and a contact sheet, made with FFmpeg's own
libraries (PyAV) from decoded frames, without any image library of their own."""

from __future__ import annotations

import math
from collections.abc import Sequence

import av
from av.video.frame import VideoFrame

# Width of a thumbnail and of each picture of the contact sheet: readable in a table row
# tooltip and small in the store (a 12-picture sheet is a few hundred KB at most).
TILE_WIDTH = 192
# Pixels between the pictures of a contact sheet.
GUTTER = 4


def tile_size(width: int, height: int) -> tuple[int, int]:
    """The size of a picture ``width``×``height`` scaled to :data:`TILE_WIDTH` (even sizes,
    as the encoders want them)."""
    if width <= 0 or height <= 0:
        return TILE_WIDTH, TILE_WIDTH * 9 // 16
    tile_height = max(2, round(TILE_WIDTH * height / width / 2) * 2)
    return TILE_WIDTH, tile_height


def png(frame: VideoFrame) -> bytes:
    """``frame`` as PNG bytes."""
    rgb = frame if frame.format.name == "rgb24" else frame.reformat(format="rgb24")
    encoder = av.CodecContext.create("png", "w")
    encoder.width, encoder.height, encoder.pix_fmt = rgb.width, rgb.height, "rgb24"
    packets = [*encoder.encode(rgb), *encoder.encode(None)]
    return b"".join(bytes(packet) for packet in packets)


def contact_sheet(tiles: Sequence[VideoFrame]) -> bytes | None:
    """The pictures (rgb24, all of one size) laid out in rows of up to four, as PNG."""
    if not tiles:
        return None
    width, height = tiles[0].width, tiles[0].height
    columns = min(4, len(tiles))
    rows = math.ceil(len(tiles) / columns)
    sheet = VideoFrame(columns * width + (columns - 1) * GUTTER,
                       rows * height + (rows - 1) * GUTTER, "rgb24")
    stride = sheet.planes[0].line_size
    canvas = bytearray(b"\x20" * sheet.planes[0].buffer_size)  # a dark grey gutter
    for index, tile in enumerate(tiles):
        plane = tile.planes[0]
        pixels = bytes(plane)
        left = (index % columns) * (width + GUTTER) * 3
        top = (index // columns) * (height + GUTTER)
        for line in range(height):
            start = line * plane.line_size
            target = (top + line) * stride + left
            canvas[target:target + width * 3] = pixels[start:start + width * 3]
    sheet.planes[0].update(bytes(canvas))
    return png(sheet)
