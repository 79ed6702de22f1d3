"""The installed entry point opens a real window on a real X server (Xvfb)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.fixtures.processes import stop_process, wait_for
from tests.fixtures.xvfb import screenshot


def window_ids(display: str, title: str) -> list[str]:
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"],
        capture_output=True, text=True, timeout=10, check=True,
    ).stdout
    return [line.split()[0] for line in tree.splitlines() if f'"{title}"' in line]


def distinct_colours(image: QImage, step: int = 4) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


@pytest.mark.xvfb
def test_entry_point_shows_a_window_that_is_not_blank(xvfb_display, tmp_path, isolated_dirs):
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    output = tmp_path / "output.txt"
    with output.open("wb") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "recmanager"], env=env, start_new_session=True,
            stdout=stream, stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: bool(window_ids(xvfb_display, "recmanager")) or process.poll() is not None,
                 30, "the main window")
        assert process.poll() is None, output.read_text(errors="replace")
        subprocess.run(["sleep", "1"], check=True)  # let the first paint finish
        shot = screenshot(xvfb_display, tmp_path / "main-window.png")
        image = QImage(str(shot))
        assert not image.isNull()
        assert distinct_colours(image) > 20, "the screenshot is blank"
    finally:
        stop_process(process)
