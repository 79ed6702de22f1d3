"""The plan: every recording with its owner and title, the problems that stop a row, each
row's status, and the totals shown above the table and printed by the command."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from recmanager import i18n
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.inbox.rows import InboxRow
from recmanager.inspection.model import Flag, FlagKind
from recmanager.pod.model import User, name_key


class Problem(StrEnum):
    """Why a plan row cannot be applied as it is."""

    INVALID_RULE = "invalid-rule"
    CONFLICT = "conflict"
    UNMATCHED = "unmatched"
    UNKNOWN_OWNER = "unknown-owner"
    NON_STAFF_OWNER = "non-staff-owner"
    UPLOADING = "uploading"
    NOT_CLAIMABLE = "not-claimable"
    BAD_TITLE = "bad-title"

    @property
    def label(self) -> str:
        return translate("BulkProblem", PROBLEM_LABELS[self])

    def counted(self, count: int) -> str:
        """"9 matched by no rule": the count and the problem, agreed in number."""
        return PROBLEM_COUNTS[self](count)


PROBLEM_LABELS: dict[Problem, str] = {
    Problem.INVALID_RULE: QT_TRANSLATE_NOOP("BulkProblem", "invalid rule"),
    Problem.CONFLICT: QT_TRANSLATE_NOOP("BulkProblem", "matched by two rules"),
    Problem.UNMATCHED: QT_TRANSLATE_NOOP("BulkProblem", "matched by no rule"),
    Problem.UNKNOWN_OWNER: QT_TRANSLATE_NOOP("BulkProblem", "unknown owner"),
    Problem.NON_STAFF_OWNER: QT_TRANSLATE_NOOP("BulkProblem", "owner is not staff"),
    Problem.UPLOADING: QT_TRANSLATE_NOOP("BulkProblem", "still uploading"),
    Problem.NOT_CLAIMABLE: QT_TRANSLATE_NOOP("BulkProblem", "not claimable"),
    Problem.BAD_TITLE: QT_TRANSLATE_NOOP("BulkProblem", "title too long"),
}

# One call per problem: pyside6-lupdate extracts each as a plural form to translate.
PROBLEM_COUNTS: dict[Problem, Callable[[int], str]] = {
    Problem.INVALID_RULE: lambda n: i18n.tr("%n with an invalid rule", "", n),
    Problem.CONFLICT: lambda n: i18n.tr("%n matched by two rules", "", n),
    Problem.UNMATCHED: lambda n: i18n.tr("%n matched by no rule", "", n),
    Problem.UNKNOWN_OWNER: lambda n: i18n.tr("%n with an unknown owner", "", n),
    Problem.NON_STAFF_OWNER: lambda n: i18n.tr("%n with an owner who is not staff", "", n),
    Problem.UPLOADING: lambda n: i18n.tr("%n still uploading", "", n),
    Problem.NOT_CLAIMABLE: lambda n: i18n.tr("%n not claimable", "", n),
    Problem.BAD_TITLE: lambda n: i18n.tr("%n with a title too long", "", n),
}


class Status(StrEnum):
    """A row's outcome; ``started`` is stored before a claim so an interruption is seen."""

    PENDING = "pending"
    STARTED = "started"
    DONE = "done"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return translate("BulkStatus", STATUS_LABELS[self])


STATUS_LABELS: dict[Status, str] = {
    Status.PENDING: QT_TRANSLATE_NOOP("BulkStatus", "to do"),
    Status.STARTED: QT_TRANSLATE_NOOP("BulkStatus", "interrupted"),
    Status.DONE: QT_TRANSLATE_NOOP("BulkStatus", "done"),
    Status.FAILED: QT_TRANSLATE_NOOP("BulkStatus", "failed"),
}


@dataclass
class PlanRow:
    """One recording of the plan (or, with ``rule_line`` and no file, one unreadable rule)."""

    source_file: str
    filename: str = ""
    recorder: str = ""
    start: datetime | None = None
    treatment_id: int | None = None
    owner: str = ""
    owner_user: User | None = None
    title: str = ""
    rules: tuple[int, ...] = ()
    problem: Problem | None = None
    detail: str = ""
    excluded: bool = False
    status: Status = Status.PENDING
    message: str = ""
    recording_id: int | None = None
    video_id: int | None = None
    rule_line: int | None = None
    row: InboxRow | None = None
    slot_s: float = 0.0  # the length of the timetable slot of the one rule that matched
    flags: tuple[Flag, ...] = ()  # what the recording's inspection found

    @property
    def flag_kinds(self) -> set[FlagKind]:
        return {flag.kind for flag in self.flags}

    @property
    def key(self) -> str:
        return self.source_file or f"rule:{self.rule_line}"

    @property
    def blocking(self) -> bool:
        """An error the user must fix or exclude before anything is applied."""
        return self.problem is not None and not self.excluded and self.status is not Status.DONE

    @property
    def applicable(self) -> bool:
        """Pod still lists it (rows known only from an earlier run are for the report)."""
        return (
            self.row is not None and self.problem is None and not self.excluded
            and self.status is not Status.DONE
        )


@dataclass
class Plan:
    """What a bulk run would do. ``plan_id`` is stable for the same request on the same
    server, so running it again finds the outcomes stored by an earlier (interrupted) run."""

    plan_id: str
    profile: str
    source: str
    rows: list[PlanRow]
    ignored_columns: tuple[str, ...] = ()
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def counts(self) -> dict[str, int]:
        """Totals by problem and by status, for the summary line and ``--json``."""
        recordings = [row for row in self.rows if row.source_file]
        counts: Counter[str] = Counter()
        counts["recordings"] = len(recordings)
        counts["ready"] = sum(1 for row in recordings if row.applicable)
        counts["excluded"] = sum(1 for row in self.rows if row.excluded)
        counts["errors"] = sum(1 for row in self.rows if row.blocking)
        for row in self.rows:
            if row.problem is not None:
                counts[str(row.problem)] += 1
            if row.source_file:
                counts[str(row.status)] += 1
        return dict(counts)

    @property
    def has_errors(self) -> bool:
        return any(row.blocking for row in self.rows)

    def exclude(self, keys: Iterable[str], excluded: bool = True) -> int:
        given = list(keys)
        wanted = set(given) | {name_key(key) for key in given}
        changed = 0
        for row in self.rows:
            if row.key in wanted or name_key(row.filename) in wanted:
                row.excluded = excluded
                changed += 1
        return changed

    def exclude_problems(self, problems: Iterable[Problem] | None = None) -> int:
        """Exclude the rows with these problems (all problems when None)."""
        kinds = set(problems) if problems is not None else set(Problem)
        return self.exclude(row.key for row in self.rows if row.problem in kinds)

    def exclude_flags(self, kinds: Iterable[FlagKind]) -> int:
        """Exclude the recordings flagged with any of ``kinds`` (a silent one, say)."""
        wanted = set(kinds)
        return self.exclude(row.key for row in self.rows if row.flag_kinds & wanted)

    def to_apply(self, *, only_failed: bool = False) -> list[PlanRow]:
        rows = [row for row in self.rows if row.applicable]
        if only_failed:
            rows = [row for row in rows if row.status in (Status.FAILED, Status.STARTED)]
        return rows

    def summary(self) -> str:
        counts = self.counts()
        recordings, ready = counts["recordings"], counts["ready"]
        done, failed, excluded = (counts.get(key, 0) for key in ("done", "failed", "excluded"))
        parts = [i18n.tr("%n in the plan", "", recordings),
                 i18n.tr("%n ready", "", ready)]
        if done:
            parts.append(i18n.tr("%n done", "", done))
        if failed:
            parts.append(i18n.tr("%n failed", "", failed))
        for problem in Problem:
            if counts.get(str(problem)):
                parts.append(problem.counted(counts[str(problem)]))
        if excluded:
            parts.append(i18n.tr("%n excluded", "", excluded))
        return ", ".join(parts)
