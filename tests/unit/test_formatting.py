"""File names from recorders reach terminals and spreadsheets shown, never obeyed."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime

from recmanager import audit
from recmanager.bulk.matching import plan_from_rules
from recmanager.bulk.report import export_plan
from recmanager.bulk.rules import parse_rules
from recmanager.commands.bulk import _print_plan
from recmanager.commands.common import print_table
from recmanager.formatting import printable, spreadsheet_cell
from recmanager.inbox.rows import InboxRow, RowState
from recmanager.pod.model import User
from recmanager.store import Database

HOSTILE = "cours\x1b[2J\x1b]0;pwned\x07\nfaux\r.mp4"
ALICE = User(1, "http://pod/rest/users/1/", "alice", "", "", "alice@univ.example", True)


def test_control_characters_and_bidi_overrides_are_escaped_accents_kept():
    assert printable(HOSTILE) == "cours\\x1b[2J\\x1b]0;pwned\\x07\\x0afaux\\x0d.mp4"
    assert printable("été\u202egnp.exe") == "été\\u202egnp.exe"
    assert printable("bad\udcff") == "bad\\xff"
    assert printable("cours du lundi é #1 & 50%.mp4") == "cours du lundi é #1 & 50%.mp4"


def test_every_table_cell_is_escaped():
    out = io.StringIO()
    print_table([[HOSTILE, "1 kB"]], ["FILE", "SIZE"], out)
    text = out.getvalue()
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text
    assert text.count("\n") == 2
    assert "cours\\x1b[2J" in text


def _plan_for(name: str, title: str = ""):
    row = InboxRow(path=f"/data/ftp-pod/ftp/amphiA/{name}", name=name, folder="amphiA",
                   state=RowState.CLAIMABLE, size=10, recorder_id=1, recorder_name="Amphi A",
                   deposited=datetime(2026, 11, 16, 12, 0, tzinfo=UTC), treatment_id=1)
    rules = "recorder;owner;title\nAmphi A;alice;" + title + "\n"
    return plan_from_rules(parse_rules(rules), [row], find_owner=lambda text: ALICE,
                           profile="p", server="http://pod", zone=UTC)


def test_the_bulk_plan_table_escapes_file_names(capsys):
    _print_plan(_plan_for(HOSTILE))
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "cours\\x1b[2J" in out


def test_formula_prefixes_are_neutralised_numbers_kept():
    for text in ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x"):
        assert spreadsheet_cell(text) == "'" + text
    assert spreadsheet_cell(-3) == -3 and spreadsheet_cell(None) == ""
    assert spreadsheet_cell("cours=1.mp4") == "cours=1.mp4"


def test_exported_plan_neutralises_formulas(tmp_path):
    name = "=HYPERLINK(\"http://evil\";\"x\").mp4"
    destination = tmp_path / "plan.csv"
    export_plan(_plan_for(name, title="@SUM(1)"), destination)
    with destination.open(encoding="utf-8-sig", newline="") as stream:
        [line] = [item for item in csv.DictReader(stream, delimiter=";")
                  if item["file"].endswith(".mp4")]
    assert line["file"] == "/data/ftp-pod/ftp/amphiA/" + name
    assert line["title"] == "'@SUM(1)"
    assert not any(value.startswith(("=", "+", "-", "@")) for value in line.values())


def test_audit_export_neutralises_formulas(tmp_path):
    db = Database(tmp_path / "db.sqlite")
    audit.record(db, profile="p", actor="-me", action="claim", target="=cmd|' /C calc'!A0",
                 result="ok")
    out = tmp_path / "audit.csv"
    assert audit.export_csv(audit.entries(db), out) == 1
    with out.open(encoding="utf-8-sig", newline="") as stream:
        [line] = list(csv.DictReader(stream))
    assert line["target"] == "'=cmd|' /C calc'!A0" and line["actor"] == "'-me"
    db.close()


def test_the_settings_load_neither_csv_nor_datetime():
    """The application's context is read before the window's first paint: what only CSV
    files and dates need is loaded when they are written."""
    code = ("import sys\n"
            "from recmanager.context import AppContext\n"
            "print(sorted({'csv', 'datetime'} & set(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"
