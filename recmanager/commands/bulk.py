"""``recmanager bulk-assign``: rules CSV -> plan (dry run) -> apply with a per-row report.

The plan is always built and shown first; ``--apply`` refuses a plan with errors unless
``--exclude`` takes those rows out. Running the same command again after an interruption
resumes the run: rows done stay done, the others are claimed exactly once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.bulk.apply import check_applicable
from recmanager.bulk.plan import Plan, Problem, Status
from recmanager.bulk.quality import FLAG_CHOICES
from recmanager.bulk.report import export_plan, plan_as_json, write_report
from recmanager.bulk.rules import read_rules
from recmanager.bulk.run import BulkRun
from recmanager.commands.common import (
    TerminalProgress,
    add_connection_options,
    one_to_sixteen,
    print_json,
    print_table,
    report_start,
)
from recmanager.errors import BulkError
from recmanager.formatting import iso_minutes
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext

EXCLUDE_CHOICES = ("errors", *(str(problem) for problem in Problem), *FLAG_CHOICES)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bulk-assign",
        help="give many recordings their owners from a rules CSV (plan first, then apply)",
        description="Rules CSV (UTF-8 with or without BOM; ';', ',' or tab): one rule per row "
        "with the columns recorder, pattern (file name glob), from, to (dates), slot (e.g. "
        "\"Monday 08:00-10:00, Amphi A\"), owner (login or e-mail, staff) and title "
        "(template with {recorder} {date:%d/%m/%Y} {start} {filename} {stem}). "
        "French column names (enregistreur, fichier, du, au, créneau, propriétaire, titre) "
        "work too.",
    )
    parser.add_argument("rules", metavar="RULES.csv", type=Path, help="the rules file")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help="print the plan only (the default); exit 1 if it has errors")
    mode.add_argument("--apply", action="store_true", help="build the plan, then apply it")
    parser.add_argument("--report", metavar="OUT.csv", type=Path,
                        help="write every row's outcome and Pod's message to this CSV")
    parser.add_argument("--export-plan", metavar="PLAN.csv", type=Path,
                        help="write the plan to this CSV")
    parser.add_argument("--jobs", type=one_to_sixteen, metavar="N",
                        help="claims at once, 1 to 16 (default: the bulk_concurrency setting, 4)")
    parser.add_argument("--exclude", action="append", default=[], choices=EXCLUDE_CHOICES,
                        metavar="KIND",
                        help="leave out the rows with this problem or quality flag "
                        "(repeatable): "
                        + ", ".join(EXCLUDE_CHOICES))
    parser.add_argument("--exclude-file", action="append", default=[], metavar="FILE",
                        help="leave out this recording (file name or server path; repeatable)")
    parser.add_argument("--retry-failed", action="store_true",
                        help="with --apply: only the rows that failed in an earlier run")
    add_connection_options(parser)
    parser.set_defaults(func=cmd_bulk_assign)


def _exclusions(plan: Plan, args: argparse.Namespace) -> None:
    if "errors" in args.exclude:
        plan.exclude_problems()
    plan.exclude_problems(Problem(kind) for kind in args.exclude if kind in set(Problem))
    plan.exclude_flags(FLAG_CHOICES[kind] for kind in args.exclude if kind in FLAG_CHOICES)
    if args.exclude_file:
        found = plan.exclude(args.exclude_file)
        if found < len(set(args.exclude_file)):
            raise BulkError(translate("commands", "Some --exclude-file names are not in the "
                                                  "plan: {names}").format(
                names=", ".join(sorted(set(args.exclude_file) - {
                    key for row in plan.rows for key in (row.key, row.filename)}))))


def _print_plan(plan: Plan) -> None:
    rows = [
        [
            row.filename or translate("commands", "line {line}").format(line=row.rule_line),
            row.recorder,
            iso_minutes(row.start) if row.start else "",
            row.owner_user.username if row.owner_user else row.owner,
            row.title,
            (translate("commands", "excluded") + ": " if row.excluded else "")
            + (row.problem.label if row.problem else row.status.label),
            ", ".join(flag.label for flag in row.flags),
            row.detail or row.message,
        ]
        for row in plan.rows
    ]
    print_table(rows, ["FILE", "RECORDER", "START", "OWNER", "TITLE", "STATE", "FLAGS",
                       "DETAIL"])
    print(translate("commands", "Plan {id}: {summary}").format(
        id=plan.plan_id, summary=plan.summary()))
    if plan.ignored_columns:
        print(translate("commands", "Columns ignored: {names}").format(
            names=", ".join(plan.ignored_columns)))


def cmd_bulk_assign(args: argparse.Namespace, context: AppContext) -> int:
    rules = read_rules(args.rules)
    profile = context.resolve_profile(args.profile)
    with BulkRun.open(context, profile) as run:
        report_start(run.actions)
        plan = run.plan_rules(rules)
        _exclusions(plan, args)
        if args.export_plan:
            export_plan(plan, args.export_plan)
        if not args.apply:
            if args.json:
                print_json(plan_as_json(plan))
            else:
                _print_plan(plan)
            return 1 if plan.has_errors else 0
        if plan.has_errors and not args.json:
            _print_plan(plan)
        check_applicable(plan)
        bar = TerminalProgress(translate("commands", "Assigning"), sys.stderr)
        try:
            result = run.apply(plan, jobs=args.jobs, only_failed=args.retry_failed,
                               progress=bar)
        finally:
            bar.close()
    if args.report:
        write_report(plan, args.report)
    if args.json:
        print_json({"result": {"done": result.done, "failed": result.failed,
                               "not_run": result.not_run, "stopped": result.stopped,
                               "seconds": round(result.seconds, 3)},
                    "plan": plan_as_json(plan)})
    else:
        for row in plan.rows:
            if row.status is Status.FAILED:
                print(translate("commands", "failed: {file}: {message}").format(
                    file=row.source_file, message=row.message), file=sys.stderr)
        print(translate("commands", "{done} assigned, {failed} failed, {not_run} not run "
                                    "({seconds:.1f} s). Plan {id}: {summary}").format(
            done=result.done, failed=result.failed, not_run=result.not_run,
            seconds=result.seconds, id=plan.plan_id, summary=plan.summary()))
        if result.stopped:
            print(result.stopped, file=sys.stderr)
    return 0 if result.ok else 1
