"""Files for people: the exported plan and the per-row report (CSV files a spreadsheet opens
as columns), and the plan as JSON for ``--json``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from recmanager.bulk.plan import Plan, PlanRow, Status
from recmanager.errors import BulkError
from recmanager.formatting import write_csv
from recmanager.i18n import translate
from recmanager.inspection.model import flags_json

PLAN_COLUMNS = ("file", "recorder", "start", "owner", "owner_login", "title", "rules",
                "problem", "detail", "excluded", "status", "flags")
REPORT_COLUMNS = ("file", "recorder", "start", "owner", "title", "outcome", "recording_id",
                  "video_id", "message", "flags")


def _when(row: PlanRow) -> str:
    return row.start.strftime("%Y-%m-%d %H:%M") if row.start else ""


def _flags(row: PlanRow) -> str:
    """The row's quality flags, by their names (``silent cut_short``)."""
    return " ".join(flag.kind.value for flag in row.flags)


def _write_csv(destination: Path, header: Sequence[str], lines: Iterable[Sequence[Any]]) -> int:
    """``;`` as separator, which French spreadsheets open as columns directly."""
    try:
        return write_csv(destination, header, lines, delimiter=";")
    except OSError as exc:
        raise BulkError(translate("bulk", "{path} cannot be written: {error}").format(
            path=destination, error=exc.strerror or exc)) from exc


def export_plan(plan: Plan, destination: Path) -> int:
    return _write_csv(destination, PLAN_COLUMNS, (
        (row.source_file or f"line {row.rule_line}", row.recorder, _when(row), row.owner,
         row.owner_user.username if row.owner_user else "", row.title,
         " ".join(str(line) for line in row.rules), str(row.problem or ""), row.detail,
         "yes" if row.excluded else "", str(row.status) if row.source_file else "",
         _flags(row))
        for row in plan.rows
    ))


def outcome(row: PlanRow) -> str:
    """The report's one-word outcome: done / failed / excluded / the problem / not run."""
    if row.status in (Status.DONE, Status.FAILED):
        return str(row.status)
    if row.excluded:
        return "excluded"
    if row.problem is not None:
        return str(row.problem)
    return "not-run"


def write_report(plan: Plan, destination: Path) -> int:
    """Every row with its outcome and Pod's message (or why it was not run)."""
    return _write_csv(destination, REPORT_COLUMNS, (
        (row.source_file or f"line {row.rule_line}", row.recorder, _when(row),
         row.owner_user.username if row.owner_user else row.owner, row.title, outcome(row),
         row.recording_id, row.video_id, row.message or row.detail, _flags(row))
        for row in plan.rows
    ))


def plan_as_json(plan: Plan) -> dict[str, Any]:
    return {
        "plan_id": plan.plan_id, "profile": plan.profile, "source": plan.source,
        "counts": plan.counts(), "has_errors": plan.has_errors,
        "ignored_columns": list(plan.ignored_columns),
        "rows": [
            {"file": row.source_file, "rule_line": row.rule_line, "recorder": row.recorder,
             "start": row.start.isoformat() if row.start else None, "owner": row.owner,
             "owner_login": row.owner_user.username if row.owner_user else None,
             "title": row.title, "rules": list(row.rules),
             "problem": str(row.problem) if row.problem else None, "detail": row.detail,
             "excluded": row.excluded, "status": str(row.status), "outcome": outcome(row),
             "recording_id": row.recording_id, "video_id": row.video_id,
             "message": row.message,
             "flags": flags_json(row.flags)}
            for row in plan.rows
        ],
    }
