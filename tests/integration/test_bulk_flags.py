"""Bulk plans carry the quality flags of their recordings (and *shorter than its timetable
slot* where a rule's slot matched), and ``--exclude FLAG`` leaves out exactly those rows."""

from __future__ import annotations

import csv
import json
import os
import shutil
import time

from recmanager.bulk.report import write_report
from recmanager.bulk.rules import read_rules
from recmanager.bulk.run import BulkRun
from recmanager.cli import main
from recmanager.deposit import open_deposit
from recmanager.inspection import FlagKind, InspectionSettings, inspect_files
from recmanager.sandbox.samples import MICROPHONE_OFF

AN_HOUR_AGO = time.time() - 3600
MONDAY_SILENT = "2026-09-07_08-15-00.mp4"  # in the rules' Monday 8-10 slot
TUESDAY_NORMAL = "2026-09-08_14-00-00.mp4"


def deposit_clips(sandbox_pod, inspection_clips, clips: dict[str, str]) -> dict[str, str]:
    """Clips (file name -> which clip) in Amphi A's folder, uploaded an hour ago and listed
    by Pod; their server paths by name."""
    folder = sandbox_pod.deposit_root / "amphiA"
    for name, clip in clips.items():
        shutil.copy(inspection_clips.files[clip], folder / name)
    for path in sandbox_pod.deposit_root.rglob("*"):
        if path.is_file():
            os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    sandbox_pod.run_cron()
    sandbox_pod.run_cron()
    return {name: str(folder / name) for name in clips}


def _deposit_clips(sandbox_pod, inspection_clips) -> dict[str, str]:
    """A silent clip in a Monday slot and another in no slot, a normal one on Tuesday."""
    return deposit_clips(sandbox_pod, inspection_clips, {
        MONDAY_SILENT: "silent", "quiet-room.mp4": "silent", TUESDAY_NORMAL: "normal"})


def _inspect_all(context, profile) -> None:
    with open_deposit(profile, context) as deposit:
        files = [item for folder in deposit.list_all().values() for item in folder]
        inspect_files(deposit, context.db, profile.name, files,
                      InspectionSettings.from_settings(context.settings))


def test_plan_rows_carry_their_flags_and_the_slot_flag(sandbox_pod, inspection_clips,
                                                        context, tmp_path):
    context.settings.set("false_start_s", 1)
    paths = _deposit_clips(sandbox_pod, inspection_clips)
    profile = sandbox_pod.profile(context, name="sandbox")
    _inspect_all(context, profile)
    rules = tmp_path / "rules.csv"
    rules.write_text("slot;owner\nMonday 08:00-10:00;teacher1\n"
                     "Tuesday 14:00-16:00;teacher1\n", encoding="utf-8")
    with BulkRun.open(context, profile) as run:
        plan = run.plan_rules(read_rules(rules))
    rows = {row.source_file: row for row in plan.rows if row.source_file}
    monday, tuesday = rows[paths[MONDAY_SILENT]], rows[paths[TUESDAY_NORMAL]]
    assert monday.flag_kinds == {FlagKind.SILENT, FlagKind.SHORTER_THAN_SLOT}
    [short] = [flag for flag in monday.flags if flag.kind is FlagKind.SHORTER_THAN_SLOT]
    assert short.evidence["slot_s"] == 7200 and short.detail() == (
        "It lasts 0:06 of a 2:00:00 slot.")
    assert tuesday.flag_kinds == {FlagKind.SHORTER_THAN_SLOT}
    # No slot matched it: the unmatched quiet room has its own flag only.
    assert rows[paths["quiet-room.mp4"]].flag_kinds == {FlagKind.SILENT}


def test_exclude_silent_leaves_out_exactly_the_silent_rows(sandbox_pod, inspection_clips,
                                                          context, tmp_path, capsys):
    context.settings.set("false_start_s", 1)
    paths = _deposit_clips(sandbox_pod, inspection_clips)
    profile = sandbox_pod.profile(context, name="sandbox")
    _inspect_all(context, profile)
    rules = tmp_path / "rules.csv"
    rules.write_text("recorder;owner\nAmphi A;teacher1\n", encoding="utf-8")
    command = ["bulk-assign", str(rules), "--profile", "sandbox", "--json"]
    main([*command, "--exclude", "silent"])
    data = json.loads(capsys.readouterr().out)
    excluded = {row["file"] for row in data["rows"] if row["excluded"]}
    seeded_silent = str(sandbox_pod.deposit_root / MICROPHONE_OFF)  # the seed's muted lecture
    assert excluded == {paths[MONDAY_SILENT], paths["quiet-room.mp4"], seeded_silent}
    flagged = {row["file"]: [flag["kind"] for flag in row["flags"]] for row in data["rows"]}
    assert flagged[paths[MONDAY_SILENT]] == ["silent"]
    assert flagged[paths[TUESDAY_NORMAL]] == []
    [silent] = [row for row in data["rows"] if row["file"] == paths[MONDAY_SILENT]]
    assert silent["flags"][0]["label"] == "no sound"

    plan_file, report_file = tmp_path / "plan.csv", tmp_path / "report.csv"
    main([*command[:-1], "--exclude", "silent", "--export-plan", str(plan_file)])
    table = capsys.readouterr().out.splitlines()
    assert "FLAGS" in table[0].split()
    [line] = [line for line in table if "quiet-room.mp4" in line]
    assert "no sound" in line and "excluded" in line
    with plan_file.open(encoding="utf-8-sig", newline="") as stream:
        exported = {line["file"]: line["flags"] for line in csv.DictReader(stream, delimiter=";")}
    assert exported[paths["quiet-room.mp4"]] == "silent" and exported[paths[TUESDAY_NORMAL]] == ""
    with BulkRun.open(context, profile) as run:
        plan = run.plan_rules(read_rules(rules))
    write_report(plan, report_file)
    with report_file.open(encoding="utf-8-sig", newline="") as stream:
        reported = {line["file"]: line["flags"] for line in csv.DictReader(stream, delimiter=";")}
    assert reported[paths[MONDAY_SILENT]] == "silent"
