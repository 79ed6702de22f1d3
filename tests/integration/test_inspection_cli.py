"""``recmanager inspect FILE`` on a mounted deposit folder, and the duration and flags columns
of ``recmanager unclaimed list`` against the sandbox Pod."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from sqlalchemy import func, select

from recmanager.cli import main
from recmanager.sandbox.samples import FALSE_START, MICROPHONE_OFF
from recmanager.store.tables import inspections


@pytest.fixture
def folder(inspection_clips, tmp_path):
    """A mounted deposit folder holding some of the clips in a recorder folder."""
    root = tmp_path / "deposit"
    (root / "amphiA").mkdir(parents=True)
    for name in ("normal", "silent", "cut_before_moov"):
        shutil.copy(inspection_clips.files[name], root / "amphiA" / f"{name}.mp4")
    (root / "amphiA" / "notes.mp4").write_text("hello, not a video\n")
    return root


def test_inspect_prints_the_facts_and_writes_the_sheet(folder, tmp_path, context, capsys):
    context.settings.set("false_start_s", 3)
    sheet = tmp_path / "sheet.png"
    assert main(["inspect", "amphiA/normal.mp4", "--deposit", str(folder),
                 "--sheet", str(sheet)]) == 0
    lines = capsys.readouterr().out.splitlines()
    facts = {line.split("  ", 1)[0]: line.split("  ", 1)[1].strip() for line in lines}
    assert facts["duration"] == "0:06" and facts["picture"] == "160×90 h264"
    assert facts["sound"] == "aac" and facts["flags"] == "none"
    assert facts["file"].endswith("/amphiA/normal.mp4")
    assert sheet.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    with context.db.begin() as connection:
        assert connection.execute(select(func.count()).select_from(inspections)).scalar() == 1


def test_inspect_json_gives_each_flag_with_its_wording_and_evidence(folder, context, capsys):
    context.settings.set("false_start_s", 3)
    assert main(["inspect", "amphiA/silent.mp4", "--deposit", str(folder), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["duration_s"] == pytest.approx(6, abs=0.1)
    assert (found["resolution"], found["has_audio"]) == ("160×90", True)
    [flag] = found["flags"]
    assert flag["kind"] == "silent" and flag["label"] == "no sound"
    assert flag["evidence"]["windows"] >= 30 and "moments listened to" in flag["detail"]
    assert found["bytes_read"] > 0 and "thumbnail_png" not in found


def test_inspect_refusals_say_why(folder, tmp_path, context, capsys):
    sheet = tmp_path / "sheet.png"
    assert main(["inspect", "amphiA/cut_before_moov.mp4", "--deposit", str(folder),
                 "--sheet", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "has no contact sheet" in err and "cannot be played as is" in err
    assert not sheet.exists()
    assert main(["inspect", "amphiA/notes.mp4", "--deposit", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "FFmpeg cannot read this file" in captured.err and "notes.mp4" in captured.out
    assert main(["inspect", "amphiA/absent.mp4", "--deposit", str(folder)]) == 1
    assert "is not in the deposit folder" in capsys.readouterr().err


def test_unclaimed_list_shows_duration_and_flags(sandbox_pod, context, capsys):
    sandbox_pod.profile(context, name="sandbox")
    assert main(["unclaimed", "list", "--profile", "sandbox", "--json"]) == 0
    captured = capsys.readouterr()
    assert "Recordings not seen before, inspected now (a moment each): 18…" in captured.err
    rows = json.loads(captured.out)
    assert len(rows) == 18
    # The sandbox's deposit, as a real one: lectures of ten minutes and more, one false start
    # and one lecture whose microphone was off; every other row is clean.
    by_file = {row["file"].rsplit("/", 2)[-2] + "/" + row["file"].rsplit("/", 1)[-1]: row
               for row in rows}
    for name, row in by_file.items():
        assert row["resolution"] == "160×90" and row["has_audio"] is True, name
    false_start, silent = by_file.pop(FALSE_START), by_file.pop(MICROPHONE_OFF)
    assert false_start["duration_s"] == pytest.approx(40, abs=0.1)
    assert [flag["kind"] for flag in false_start["flags"]] == ["false_start"]
    assert false_start["flags"][0]["evidence"] == {"duration_s": pytest.approx(40, abs=0.1),
                                                   "minimum_s": 120}
    assert [flag["kind"] for flag in silent["flags"]] == ["silent"]
    assert silent["duration_s"] == pytest.approx(540, abs=0.1)
    for name, row in by_file.items():
        assert row["flags"] == [], name
        assert row["duration_s"] >= 600, name

    context.settings.set("false_start_s", 30)
    assert main(["unclaimed", "list", "--profile", "sandbox"]) == 0
    captured = capsys.readouterr()
    assert "inspected now" not in captured.err  # all from the store, the new setting applied
    table = captured.out.splitlines()
    assert table[0].split() == ["ID", "RECORDER", "FILE", "SIZE", "DURATION", "FLAGS", "ADDED"]
    [false_start_line] = [line for line in table if "lecture-07.mp4" in line]
    assert " 0:40 " in false_start_line
    assert not any("false start" in line for line in table[1:])
    assert sum("no sound" in line for line in table[1:]) == 1


def test_unclaimed_list_without_a_deposit_still_lists(sandbox_pod, context, capsys):
    profile = sandbox_pod.profile(context, name="sandbox")
    profile.local_deposit = str(sandbox_pod.deposit_root / "gone")
    context.profiles.save(profile)
    assert main(["unclaimed", "list", "--profile", "sandbox", "--json"]) == 0
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert len(rows) == 18 and all(row["flags"] is None for row in rows)
    assert "Durations and flags are not shown" in captured.err


def test_scan_then_inspect_takes_each_complete_recording_once(folder, context, capsys):
    context.settings.set("quiet_period_s", 1)
    scan = ["deposit", "scan", "--deposit", str(folder), "--inspect"]
    assert main(scan) == 0  # first seen: still uploading for the scanner, not inspected
    assert "Inspected: 0 new, 0 known already, 0 not readable." in capsys.readouterr().err
    time.sleep(1.1)  # the quiet period passes: the four files are complete
    assert main(scan) == 0
    assert "Inspected: 4 new, 0 known already, 0 not readable." in capsys.readouterr().err
    assert main(scan) == 0
    assert "Inspected: 0 new, 4 known already, 0 not readable." in capsys.readouterr().err
    with context.db.begin() as connection:
        assert connection.execute(select(func.count()).select_from(inspections)).scalar() == 4
