"""The plan: each recording to exactly one rule and owner, problems counted, identity stable."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone

import pytest

from recmanager.bulk.apply import check_applicable
from recmanager.bulk.matching import (
    Candidate,
    plan_from_rules,
    plan_from_selection,
    recording_start,
    render_title,
)
from recmanager.bulk.plan import Plan, Problem, Status
from recmanager.bulk.report import export_plan
from recmanager.bulk.rules import parse_rules
from recmanager.errors import BulkError
from recmanager.inbox.rows import InboxRecorder, InboxRow, RowState
from recmanager.pod.model import User

ROOT = "/data/ftp-pod/ftp"
PARIS = timezone(timedelta(hours=1))


def user(uid: int, name: str, staff: bool = True) -> User:
    return User(uid, f"http://pod/rest/users/{uid}/", name, "", "", f"{name}@univ.example", staff)


USERS = {u.username: u for u in (user(1, "alice"), user(2, "bob"), user(3, "student", False))}


def find_owner(text: str) -> User | None:
    for candidate in USERS.values():
        if text in (candidate.username, candidate.email):
            return candidate
    return None


def row(name: str, folder: str = "amphiA", recorder: str = "Amphi A", *, tid: int = 1,
        state: RowState = RowState.CLAIMABLE, deposited: datetime | None = None) -> InboxRow:
    return InboxRow(
        path=f"{ROOT}/{folder}/{name}", name=name, folder=folder, state=state, size=1000,
        deposited=deposited or datetime(2026, 11, 16, 12, 0, tzinfo=UTC), recorder_id=1
        if recorder == "Amphi A" else 2, recorder_name=recorder, treatment_id=tid,
    )


ROWS = [
    row("2026-11-16_08-05-00.mp4", tid=1),  # Monday 08:05, Amphi A
    row("2026-11-17_14-00-00.mp4", tid=2),  # Tuesday 14:00, Amphi A
    row("cours_chimie.mp4", "amphiB", "Amphi B", tid=3,
        deposited=datetime(2026, 10, 2, 9, 0, tzinfo=UTC)),
    row("cours_maths.mp4", "amphiB", "Amphi B", tid=4,
        deposited=datetime(2026, 12, 30, 9, 0, tzinfo=UTC)),
]


def plan_for(text: str, rows=ROWS) -> Plan:
    return plan_from_rules(parse_rules(text), rows, find_owner=find_owner, profile="p",
                           server="http://pod", zone=PARIS)


def by_name(plan: Plan) -> dict[str, object]:
    return {r.filename: r for r in plan.rows if r.source_file}


def test_each_rule_kind_resolves_its_recordings():
    plan = plan_for(
        "recorder;pattern;from;to;slot;owner;title\n"
        ";;;;Monday 08:00–10:00, Amphi A;alice;{recorder} {date:%d/%m/%Y} {start}\n"
        "amphiA;*_14-*;;;;bob;\n"
        "Amphi B;*chimie*;;;;bob;{filename}\n"
        ";cours_maths*;01/12/2026;31/12/2026;;alice@univ.example;{stem}\n"
    )
    rows = by_name(plan)
    assert not plan.has_errors, plan.summary()
    monday = rows["2026-11-16_08-05-00.mp4"]
    assert monday.owner_user.username == "alice"
    assert monday.title == "Amphi A 16/11/2026 08:05"
    assert monday.rules == (2,)
    assert rows["2026-11-17_14-00-00.mp4"].owner_user.username == "bob"
    assert rows["cours_chimie.mp4"].title == "cours_chimie.mp4"
    maths = rows["cours_maths.mp4"]
    assert maths.owner_user.username == "alice" and maths.title == "cours_maths"
    assert plan.counts()["ready"] == 4
    check_applicable(plan)


def test_conflicts_unmatched_unknown_and_non_staff_are_counted():
    plan = plan_from_rules(parse_rules(
        "recorder;pattern;owner\n"
        "Amphi A;*08-05*;alice\n"
        "Amphi A;2026-11-16*;bob\n"
        ";cours_chimie*;nobody@univ.example\n"
        ";cours_maths*;student\n"
        "Amphi Z;;alice\n"
        "Amphi C;;alice\n"
    ), ROWS, find_owner=find_owner, profile="p", zone=PARIS,
        recorders=[InboxRecorder(3, "Amphi C", directory="amphiC")])
    rows = by_name(plan)
    assert rows["2026-11-16_08-05-00.mp4"].problem is Problem.CONFLICT
    assert "2, 3" in rows["2026-11-16_08-05-00.mp4"].detail
    assert rows["2026-11-17_14-00-00.mp4"].problem is Problem.UNMATCHED
    assert rows["cours_chimie.mp4"].problem is Problem.UNKNOWN_OWNER
    assert rows["cours_maths.mp4"].problem is Problem.NON_STAFF_OWNER
    counts = plan.counts()
    assert counts["conflict"] == counts["unmatched"] == 1
    assert counts["unknown-owner"] == counts["non-staff-owner"] == 1
    assert counts["invalid-rule"] == 1  # Amphi Z has no recording
    assert counts["errors"] == 5 and counts["ready"] == 0
    with pytest.raises(BulkError, match="5 rows with errors"):
        check_applicable(plan)
    plan.exclude_problems([Problem.CONFLICT, Problem.UNMATCHED, Problem.INVALID_RULE])
    assert plan.counts()["errors"] == 2
    plan.exclude_problems()
    assert not plan.has_errors and plan.counts()["excluded"] == 5
    check_applicable(plan)


def test_uploading_and_not_claimable_rows_are_errors():
    rows = [row("a.mp4", tid=1, state=RowState.UPLOADING), row("b.mp4", tid=2,
            state=RowState.MISSING), row("c.mp4", tid=3), row("d.mp4", tid=None)]
    plan = plan_for("recorder;owner\nAmphi A;alice\n", rows)
    found = by_name(plan)
    assert found["a.mp4"].problem is Problem.UPLOADING
    assert found["b.mp4"].problem is Problem.NOT_CLAIMABLE
    assert found["c.mp4"].problem is None
    assert "d.mp4" not in found  # Pod has no treatment row for it: not a recording yet
    assert plan.counts()["uploading"] == 1


def test_plan_id_is_stable_for_the_same_request_and_differs_otherwise():
    text = "recorder;owner\nAmphi A;alice\n"
    first, again = plan_for(text), plan_for(text, ROWS[:1])
    assert first.plan_id == again.plan_id  # claimed rows left Pod's list: same plan
    assert plan_for(text.replace("alice", "bob")).plan_id != first.plan_id
    other_server = plan_from_rules(parse_rules(text), ROWS, find_owner=find_owner,
                                   profile="p", server="http://other")
    assert other_server.plan_id != first.plan_id


def test_selection_plan_gives_every_row_the_owner():
    plan = plan_from_selection(ROWS[:2], "bob@univ.example", find_owner=find_owner,
                               profile="p", title="{stem}", zone=PARIS)
    assert [r.owner_user.username for r in plan.rows] == ["bob", "bob"]
    assert [r.title for r in plan.rows] == ["2026-11-16_08-05-00", "2026-11-17_14-00-00"]
    student = plan_from_selection(ROWS[:1], "student", find_owner=find_owner, profile="p")
    assert student.rows[0].problem is Problem.NON_STAFF_OWNER
    with pytest.raises(BulkError):
        plan_from_selection(ROWS, "bob", find_owner=find_owner, profile="p", title="{nope}")


def test_too_long_title_is_a_problem():
    plan = plan_for("recorder;owner;title\nAmphi B;bob;" + "x" * 201 + "\n")
    assert {r.problem for r in plan.rows if r.source_file and r.recorder == "Amphi B"} == {
        Problem.BAD_TITLE}


def test_start_comes_from_the_file_name_else_from_pod():
    assert recording_start(ROWS[0], PARIS) == datetime(2026, 11, 16, 8, 5, tzinfo=PARIS)
    assert recording_start(ROWS[2], PARIS) == datetime(2026, 10, 2, 10, 0, tzinfo=PARIS)
    bogus = row("2026-13-45_99-00-00.mp4")
    assert recording_start(bogus, PARIS) == datetime(2026, 11, 16, 13, 0, tzinfo=PARIS)
    rec = Candidate(ROWS[0], recording_start(ROWS[0], PARIS))
    assert render_title("", rec) == "Amphi A 16/11/2026"


def test_the_default_title_carries_the_day_the_name_carries_not_the_deposit_time():
    late = datetime(2026, 12, 4, 18, 21, tzinfo=UTC)
    named = row("2026-11-23_amphi-PMF_M1-economie.mp4", deposited=late)
    assert render_title("", Candidate(named, recording_start(named, PARIS))) == (
        "Amphi A 23/11/2026")
    plain = row("lecture-10.mp4", deposited=late)
    assert render_title("", Candidate(plain, recording_start(plain, PARIS))) == (
        "Amphi A 04/12/2026")


def test_exported_plan_lists_every_row(tmp_path):
    plan = plan_for("recorder;owner\nAmphi A;alice\nAmphi Q;bob\n")
    destination = tmp_path / "plan.csv"
    assert export_plan(plan, destination) == len(plan.rows)
    raw = destination.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with destination.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.DictReader(stream, delimiter=";"))
    problems = [line["problem"] for line in lines]
    assert problems.count("unmatched") == 2 and problems.count("invalid-rule") == 1
    assert {line["status"] for line in lines if line["file"].startswith("/")} == {
        str(Status.PENDING)}


def test_a_pattern_and_an_exclusion_match_a_name_in_either_unicode_form():
    """A rule typed on a keyboard (NFC) matches a file a Mac wrote (NFD), and back."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "séance ünï.mp4")
    plan = plan_for("recorder;pattern;owner\nAmphi A;séance*;alice\n", rows=[row(nfd, tid=9)])
    [matched] = [r for r in plan.rows if r.source_file]
    assert matched.owner == "alice" and matched.problem is None
    assert plan.exclude([unicodedata.normalize("NFC", nfd)]) == 1 and matched.excluded
