"""The embedded VLC player in a real X window (Xvfb): it plays, time advances, the picture
is there — for a deposit file streamed through the preview server (moov atom at the end),
for the stored video inside a zip deposit, and in the bigger window.

The player runs in a child process (``python -m tests.ui.test_preview_window``): this
test process uses Qt's offscreen platform, where libvlc must not embed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from recmanager.media import make_clip

ROOT = Path(__file__).resolve().parents[2]


def run_player(deposit_root: Path, display: str, shot: Path) -> dict:
    """Play ``amphiA/moov-at-end.mp4`` and ``amphiD/course.zip`` in the real window."""
    environment = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    environment.pop("QT_LOGGING_RULES", None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.test_preview_window", str(deposit_root), str(shot)],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=180,
        start_new_session=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the player process failed ({result.returncode}):\n{result.stderr[-3000:]}"
    return json.loads(lines[-1])


def non_black_colours(image: QImage, x: int, y: int, width: int, height: int) -> int:
    colours = set()
    for row in range(y + 2, y + height - 2, 3):
        for column in range(x + 2, x + width - 2, 3):
            pixel = image.pixel(column, row) & 0xFFFFFF
            if pixel:
                colours.add(pixel)
    return len(colours)


@pytest.mark.xvfb
@pytest.mark.slow
def test_embedded_player_plays_with_advancing_time_and_a_picture(xvfb_display, tmp_path):
    root = tmp_path / "deposit"
    clip = make_clip(root / "amphiA" / "moov-at-end.mp4", seconds=6, size="320x180",
                     faststart=False)
    (root / "amphiD").mkdir(parents=True)
    with zipfile.ZipFile(root / "amphiD" / "course.zip", "w") as archive:
        archive.writestr("course/cours.smil", "<smil/>", zipfile.ZIP_DEFLATED)
        for number in range(4):
            archive.writestr(f"course/slides/{number}.png", b"png", zipfile.ZIP_DEFLATED)
        archive.write(clip, "course/media/course.mp4", zipfile.ZIP_STORED)
    shot = Path(os.environ.get("PREVIEW_SHOT_DIR", tmp_path)) / "preview.png"
    report = run_player(root, xvfb_display, shot)

    file_run, zip_run, bigger_run = report["file"], report["zip"], report["bigger"]
    for run in (file_run, zip_run, bigger_run):
        assert "playing" in run["states"], run
        times = [t for t in run["times"] if t > 0]
        assert len(set(times)) >= 3 and times[-1] - times[0] >= 500, run  # advancing time
        assert run["length"] == pytest.approx(6000, abs=300)
    assert zip_run["url"].endswith("/course.mp4") and zip_run["slides"] == 4
    assert bigger_run["size"][0] > report["video_area"][2]  # bigger than the pane's player

    image = QImage(str(shot))
    assert not image.isNull()
    x, y, width, height = report["video_area"]
    assert width > 100 and height > 60
    assert non_black_colours(image, x, y, width, height) > 20, "the video area is blank"


def _play(preview, url: str, shot: Path | None = None, *, timeout: float = 40.0) -> dict:
    """Play ``url`` until VLC's clock has run 3 s (a busy machine may need a while);
    collect the states and times the widget saw; take the screenshot mid-way."""
    from PySide6.QtCore import QEventLoop, QTimer

    from tests.fixtures.xvfb import screenshot

    states: list[str] = []
    times: list[int] = []
    preview.state_changed.connect(states.append)
    loop = QEventLoop()
    pending = [shot]

    def sample() -> None:
        times.append(preview.time_ms)
        if pending[0] is not None and preview.time_ms >= 2500:
            screenshot(os.environ["DISPLAY"], pending[0])
            pending[0] = None
        if preview.time_ms >= 3000 and pending[0] is None and len(set(times)) >= 3:
            loop.quit()

    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(150)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    preview.load(url, autoplay=True)
    loop.exec()
    sampler.stop()
    preview.state_changed.disconnect(states.append)
    return {"url": url, "states": states, "times": times, "length": preview.length_ms}


def main(deposit_root: str, shot: str) -> None:
    from PySide6.QtWidgets import QApplication

    from recmanager.deposit.local import LocalDeposit
    from recmanager.deposit.stream import PreviewServer
    from recmanager.inbox.zips import inspect_zip, member_key, open_preview_source
    from recmanager.ui.preview import PreviewWidget

    app = QApplication(sys.argv[:1])
    preview = PreviewWidget()
    preview.resize(480, 360)
    preview.move(0, 0)
    preview.show()
    app.processEvents()
    deposit = LocalDeposit(deposit_root, deposit_root)
    server = PreviewServer(
        lambda key, *, ahead=(): open_preview_source(deposit, key, ahead=ahead))
    try:
        file_url = server.url_for(f"{deposit_root}/amphiA/moov-at-end.mp4")
        file_run = _play(preview, file_url, Path(shot))
        frame = preview.video_frame
        origin = frame.mapToGlobal(frame.rect().topLeft())
        area = [origin.x(), origin.y(), frame.width(), frame.height()]
        archive = f"{deposit_root}/amphiD/course.zip"
        with deposit.open_read(archive) as stream:
            content = inspect_zip(stream)
        zip_run = _play(preview, server.url_for(member_key(archive, content.video_member)))
        zip_run["slides"] = content.slides
        preview.load(file_url)
        preview.open_bigger()  # the bigger window on demand: its own embedded player
        bigger = preview._bigger
        bigger_run = _play(bigger.preview, file_url)
        bigger_run["size"] = [bigger.preview.video_frame.width(),
                              bigger.preview.video_frame.height()]
        bigger.close()
    finally:
        preview.shutdown()
        server.close()
        deposit.close()
    print(json.dumps({
        "file": file_run, "zip": zip_run, "bigger": bigger_run, "video_area": area}),
        flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
