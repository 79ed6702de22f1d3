"""The day of a lecture-capture team, walked by `make screenshots` (packaging/screenshots.py)
against its own sandbox Pod under Xvfb: every step must reach the state its picture shows.

The same walk as `make screenshots`, with shorter clips and pauses (``--quick``): in English the
whole day, in French the chapters whose words and layout differ (the pictures go to the test's
temporary folder, or to TEST_SCREENSHOTS_DIR when set). The steps' checks never read the
program's words, so the same walk holds in every language.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.fixtures.sandbox import sample_cache

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "screenshots.py"

# What each chapter must picture, in order.
STEPS = {
    "first-start": {"first-start": ["first-start", "first-start-pod", "first-start-deposit",
                                    "first-start-tested"]},
    "inbox": {"inbox": ["inbox"]},
    "preview": {"preview-playing": ["preview-playing"]},
    "claim-for-me": {"claim-for-me": ["claim-for-me", "claim-for-me-done"]},
    "claim-for-colleague": {"claim-for-colleague": [
        "claim-for-colleague-typing", "claim-for-colleague", "claim-for-colleague-done"]},
    "delete": {"delete-quarantine": ["delete-quarantine", "delete-quarantine-done"],
               "undo": ["undo-done"]},
    "recorders": {"recorders": ["recorders"],
                  "recorder-wrong-ip": ["recorder-edit", "recorder-wrong-ip"],
                  "sanity-panel": ["sanity-panel"]},
    "bulk": {"bulk-plan": ["bulk-plan"], "bulk-apply": ["bulk-applied", "inbox-after-bulk"]},
    "packaging": {"packaging-running": ["package-dialog", "packaging-running"],
                  "packaging-done": ["packaging-done"]},
    "offline": {"offline": ["offline"]},
}
FRENCH = ("first-start", "inbox", "claim-for-colleague", "recorders", "bulk")
README = ("main-window", "recorder-editor", "bulk-plan", "jobs-panel")


def distinct_colours(image: QImage, step: int = 6) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), step)
                for x in range(0, image.width(), step)})


def walk(tmp_path: Path, samples: Path, language: str, chapters: tuple[str, ...]) -> dict:
    out = Path(os.environ.get("TEST_SCREENSHOTS_DIR") or tmp_path / "shots")
    report = tmp_path / "report.json"
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("QT_QPA_PLATFORM", "QT_LOGGING_RULES")}
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--languages", language, "--chapters",
         *chapters, "--out", str(out), "--readme", str(tmp_path / "readme"), "--report",
         str(report), "--samples", str(samples)],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=280,
        start_new_session=True,
    )
    assert report.exists(), f"no report ({finished.returncode}):\n{finished.stderr[-4000:]}"
    (result,) = json.loads(report.read_text(encoding="utf-8"))
    assert result["ok"], result.get("error") or finished.stderr[-4000:]
    assert finished.returncode == 0, finished.stderr[-4000:]
    result["folder"] = out / "journeys" / language
    return result


def check_pictures(result: dict, chapters: tuple[str, ...]) -> None:
    expected = {step: pictures for chapter in chapters for step, pictures in STEPS[chapter].items()}
    walked = {step["name"]: step for step in result["steps"]}
    assert list(walked) == list(expected)
    for name, pictures in expected.items():
        step = walked[name]
        assert step["state"], f"{name} recorded no state"
        taken = [picture.split("-", 1)[1].removesuffix(".png") for picture in step["pictures"]]
        # A question asked before a change, if the application asks one, is pictured too.
        assert [picture for picture in taken if not picture.endswith("-confirm")] == pictures, \
            name
        for picture in step["pictures"]:
            image = QImage(str(result["folder"] / picture))
            assert not image.isNull(), picture
            assert image.width() >= 600 and image.height() >= 400, picture
            assert distinct_colours(image) > 20, f"{picture} is nearly blank"


@pytest.fixture(scope="module")
def samples(request, tmp_path_factory) -> Path:
    return sample_cache(request.config, tmp_path_factory)


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_whole_day_in_english(tmp_path, samples):
    result = walk(tmp_path, samples, "en", tuple(STEPS))
    check_pictures(result, tuple(STEPS))
    states = {step["name"]: step["state"] for step in result["steps"]}
    assert states["preview-playing"]["state"] == "playing"
    assert states["claim-for-colleague"]["owner"] == "teacher1"
    assert states["bulk-apply"]["applied"] > 0  # every row left in the plan (the walk checks)
    assert states["packaging-done"]["status"] == "Ready"
    assert len(states["packaging-running"]["jobs"]) == 2
    for name in README:
        image = QImage(str(tmp_path / "readme" / f"{name}.png"))
        assert not image.isNull() and distinct_colours(image) > 20, name
    main_window = QImage(str(tmp_path / "readme" / "main-window.png"))
    assert main_window.width() >= 1200 and main_window.height() >= 760


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_day_in_french(tmp_path, samples):
    result = walk(tmp_path, samples, "fr", FRENCH)
    check_pictures(result, FRENCH)
    states = {step["name"]: step["state"] for step in result["steps"]}
    assert "adresse" in states["recorder-wrong-ip"]["error"]  # the French catalogue is loaded
