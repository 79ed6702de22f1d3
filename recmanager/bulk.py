"""Bulk assignment of owners: rules (a CSV) or an inbox selection -> plan -> apply -> report.

Support staff give a term's worth of recordings their owners at once. Nothing changes on
Pod before a *plan* has been shown: every unclaimed recording resolved to one owner, with
the problems (two rules, no rule, unknown or non-staff owner, file still uploading) counted.
Applying runs the inbox's claim action for each row with bounded concurrency and writes
each row's outcome to the ``bulk_rows`` table *before and after* the claim, so a killed
application or a lost connection is resumed by running the same plan again: rows already
done are not touched, rows caught in the middle are checked on Pod and reported, and every
remaining row is claimed exactly once.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import io
import json
import logging
import posixpath
import re
import string
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from datetime import time as clock
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from recmanager import i18n
from recmanager.deposit.scan import Scanner
from recmanager.errors import BulkError, DoneWithWarning, PodConnectionError, RecmanagerError
from recmanager.formatting import write_csv
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.inbox.merge import merge
from recmanager.inbox.rows import InboxRecorder, InboxRow, RowState, name_day
from recmanager.pod.model import User, name_key
from recmanager.progress import CancelToken, Progress, ProgressCallback, Throttle, no_progress
from recmanager.store import Database
from recmanager.store.tables import bulk_rows

if TYPE_CHECKING:
    from recmanager.actions import Actions
    from recmanager.config import Profile
    from recmanager.context import AppContext

log = logging.getLogger("recmanager.bulk")

POD_TITLE_MAX = 200  # Recording.title max_length in Pod
DEFAULT_TITLE = "{recorder} {date:%d/%m/%Y}"  # the day recorded (a time may be a guess)
DEFAULT_CONCURRENCY = 4
# Consecutive connection failures after which a run stops instead of failing every row.
CONNECTION_FAILURES_TO_STOP = 3

# --- rules ----------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lower case, no accents, letters and digits only: how column names and days compare."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum())


# Column names accepted in a rules file (English and French), after _normalise.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "recorder": ("recorder", "enregistreur", "salle", "room", "boitier"),
    "pattern": ("pattern", "filename", "file", "filepattern", "fichier", "motif", "nomdefichier"),
    "date_from": ("from", "datefrom", "startdate", "du", "debut", "datedebut", "depuis"),
    "date_to": ("to", "dateto", "enddate", "au", "fin", "datefin", "jusqua"),
    "slot": ("slot", "timeslot", "timetable", "creneau", "horaire"),
    "owner": ("owner", "proprietaire", "user", "username", "login", "email", "mail",
              "courriel", "utilisateur"),
    "title": ("title", "titre", "titletemplate", "modeledetitre"),
}
_COLUMN_BY_ALIAS = {alias: column for column, aliases in COLUMN_ALIASES.items()
                    for alias in aliases}

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon", "lundi", "lun"),
        ("tuesday", "tue", "tues", "mardi", "mar"),
        ("wednesday", "wed", "mercredi", "mer"),
        ("thursday", "thu", "thur", "thurs", "jeudi", "jeu"),
        ("friday", "fri", "vendredi", "ven"),
        ("saturday", "sat", "samedi", "sam"),
        ("sunday", "sun", "dimanche", "dim"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number

_TIME = r"\d{1,2}(?:\s*[:hH.]\s*\d{2}|\s*[hH])?"
_SLOT = re.compile(
    rf"^\s*(?P<day>[^\W\d_]+)\.?\s+(?P<start>{_TIME})\s*(?:-|–|—|to\b|à\b|a\b)\s*"
    rf"(?P<end>{_TIME})\s*(?:[,;/]\s*(?P<recorder>.*\S))?\s*$",
    re.IGNORECASE,
)
# A date and time written in a recorder's file name: 2026-11-16_08-02-11, 20261116T0802…
_NAME_STAMP = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-_.]?(?P<mo>\d{2})[-_.]?(?P<d>\d{2})[T_\- ]?"
    r"(?P<h>\d{2})[-_.:hH]?(?P<mi>\d{2})(?:[-_.:mM]?(?P<s>\d{2}))?(?!\d)"
)
TITLE_FIELDS = ("recorder", "date", "start", "filename", "stem")


def _parse_time(text: str) -> clock:
    cleaned = re.sub(r"\s+", "", text).lower().replace("h", ":").replace(".", ":")
    hours, _, minutes = cleaned.partition(":")
    return clock(int(hours), int(minutes or 0))


def _parse_date(text: str) -> date:
    """ISO (2026-09-01) or French (01/09/2026, 01.09.26); a time after the date is ignored."""
    token = text.strip().split()[0] if text.strip() else ""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y"):
        try:
            return datetime.strptime(token, pattern).date()
        except ValueError:
            continue
    raise ValueError(token)


@dataclass(frozen=True)
class Slot:
    """A timetable slot: a weekday and a time range, optionally in one recorder."""

    weekday: int  # 0 = Monday
    start: clock
    end: clock
    recorder: str = ""

    @classmethod
    def parse(cls, text: str) -> Slot:
        match = _SLOT.match(text)
        if match is None:
            raise ValueError(text)
        day = WEEKDAYS.get(_normalise(match["day"]))
        if day is None:
            raise ValueError(text)
        start, end = _parse_time(match["start"]), _parse_time(match["end"])
        if end <= start:
            raise ValueError(text)
        return cls(day, start, end, (match["recorder"] or "").strip())

    def contains(self, moment: datetime) -> bool:
        return moment.weekday() == self.weekday and self.start <= moment.time() < self.end

    def __str__(self) -> str:
        text = f"{_ENGLISH_DAYS[self.weekday]} {self.start:%H:%M}–{self.end:%H:%M}"
        return f"{text}, {self.recorder}" if self.recorder else text


_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Rule:
    """One line of a rules file: which recordings (all criteria must hold) go to which owner."""

    line: int
    owner: str
    recorder: str = ""
    pattern: str = ""
    date_from: date | None = None
    date_to: date | None = None
    slot: Slot | None = None
    title: str = ""

    @property
    def recorders(self) -> tuple[str, ...]:
        """Recorder names the rule names (its column and its slot's), normalised."""
        return tuple({_normalise(n) for n in (self.recorder, self.slot.recorder if self.slot
                                                else "") if n})

    def matches(self, recording: Candidate) -> bool:
        for wanted in self.recorders:
            if wanted not in recording.recorder_keys:
                return False
        if self.pattern and not fnmatch.fnmatchcase(
            name_key(recording.filename).casefold(), name_key(self.pattern).casefold()
        ):
            return False
        day = recording.start.date()
        if self.date_from and day < self.date_from:
            return False
        if self.date_to and day > self.date_to:
            return False
        return not (self.slot and not self.slot.contains(recording.start))

    def key(self) -> list[str]:
        """What the rule asks for, for the plan's identity (not its line number)."""
        return [
            self.owner.strip().casefold(), self.recorder.strip().casefold(), self.pattern,
            self.date_from.isoformat() if self.date_from else "",
            self.date_to.isoformat() if self.date_to else "",
            str(self.slot) if self.slot else "", self.title,
        ]


@dataclass(frozen=True)
class RuleProblem:
    line: int
    message: str


@dataclass(frozen=True)
class RuleSet:
    """The rules read from a file, the lines that could not be read, and where they came from."""

    rules: tuple[Rule, ...]
    problems: tuple[RuleProblem, ...] = ()
    source: str = ""
    ignored_columns: tuple[str, ...] = ()


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM); Windows-1252 as spreadsheets on Windows still write it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise BulkError(
                translate("bulk", "{source} is not a text file in UTF-8.").format(source=source),
                hint=translate("bulk", "Save it from the spreadsheet as \"CSV UTF-8\"."),
            ) from exc


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The delimiter (``;`` from French spreadsheets, ``,``, tab): sniffed, else by header."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        counts = {delimiter: header.count(delimiter) for delimiter in ";,\t"}
        delimiter = max(counts, key=lambda d: counts[d])

        class _ByHeader(csv.excel):
            pass

        _ByHeader.delimiter = delimiter
        return _ByHeader


def parse_rules(data: bytes | str, *, source: str = "") -> RuleSet:
    """Read a rules CSV: one rule per row; every unusable row is a problem with its line."""
    text = data if isinstance(data, str) else _decode(data, source or "CSV")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BulkError(translate("bulk", "The rules file {source} is empty.").format(
            source=source))
    reader = csv.reader(io.StringIO(text), _dialect(text))
    header = next(reader)
    columns: list[str | None] = []
    ignored: list[str] = []
    for name in header:
        column = _COLUMN_BY_ALIAS.get(_normalise(name))
        if column is None and name.strip():
            ignored.append(name.strip())
        columns.append(column if column not in columns else None)
    if "owner" not in columns:
        raise BulkError(
            translate("bulk", "The rules file {source} has no owner column.").format(
                source=source),
            hint=translate(
                "bulk",
                "The first row must name the columns, for example: recorder;pattern;from;to;"
                "slot;owner;title.",
            ),
        )
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values) or values[0].lstrip().startswith("#"):
            continue
        cells = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        try:
            rules.append(_rule(line, cells))
        except BulkError as exc:
            problems.append(RuleProblem(line, exc.message))
    return RuleSet(tuple(rules), tuple(problems), source, tuple(ignored))


def read_rules(path: Path) -> RuleSet:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BulkError(translate("bulk", "The rules file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    return parse_rules(data, source=Path(path).name)


def _rule(line: int, cells: Mapping[str, str]) -> Rule:
    owner = cells.get("owner", "")
    if not owner:
        raise BulkError(translate("bulk", "No owner is given."))
    values: dict[str, Any] = {"line": line, "owner": owner}
    for column in ("recorder", "pattern", "title"):
        values[column] = cells.get(column, "")
    for column in ("date_from", "date_to"):
        if cells.get(column):
            try:
                values[column] = _parse_date(cells[column])
            except ValueError:
                raise BulkError(translate(
                    "bulk", "\"{value}\" is not a date (write 2026-09-01 or 01/09/2026)."
                ).format(value=cells[column])) from None
    if values.get("date_from") and values.get("date_to") and values["date_to"] < values[
            "date_from"]:
        raise BulkError(translate("bulk", "The date range ends before it starts."))
    if cells.get("slot"):
        try:
            values["slot"] = Slot.parse(cells["slot"])
        except ValueError:
            raise BulkError(translate(
                "bulk", "\"{value}\" is not a timetable slot (write for example "
                "\"Monday 08:00–10:00, Amphi A\" or \"lundi 8h-10h\")."
            ).format(value=cells["slot"])) from None
    rule = Rule(**values)
    if not (rule.recorder or rule.pattern or rule.date_from or rule.date_to or rule.slot):
        raise BulkError(translate(
            "bulk", "The rule says nothing about which recordings it takes (give a recorder, "
            "a file name pattern, dates or a timetable slot)."))
    if rule.recorder and rule.slot and rule.slot.recorder and len(rule.recorders) > 1:
        raise BulkError(translate(
            "bulk", "The recorder \"{recorder}\" and the slot's recorder \"{slot}\" differ."
        ).format(recorder=rule.recorder, slot=rule.slot.recorder))
    check_title_template(rule.title)
    return rule


def check_title_template(template: str) -> None:
    """Refuse placeholders other than {recorder} {date:…} {start} {filename} {stem}."""
    if not template:
        return
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise BulkError(translate("bulk", "The title \"{title}\" has a stray brace: {error}.")
                        .format(title=template, error=exc)) from None
    for _literal, name, _spec, _conversion in parsed:
        if name is not None and name not in TITLE_FIELDS:
            raise BulkError(translate(
                "bulk", "The title uses {{{name}}}; only {{recorder}}, {{date:%d/%m/%Y}}, "
                "{{start}}, {{filename}} and {{stem}} are known."
            ).format(name=name))


# --- recordings and the plan ----------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """An unclaimed recording as the rules see it; ``start`` is a local, aware time."""

    row: InboxRow
    start: datetime

    @property
    def path(self) -> str:
        return self.row.path

    @property
    def filename(self) -> str:
        return self.row.name

    @property
    def recorder(self) -> str:
        return self.row.recorder_name or self.row.folder

    @property
    def recorder_keys(self) -> frozenset[str]:
        """Names a rule may use for this recording's recorder: name, folder or id."""
        keys = {_normalise(self.row.recorder_name), _normalise(self.row.folder)}
        if self.row.recorder_id is not None:
            keys.add(str(self.row.recorder_id))
        return frozenset(k for k in keys if k)


def recording_start(row: InboxRow, zone: tzinfo | None = None) -> datetime:
    """When the lecture was recorded: the date and time in the file name when it has one
    (recorders name files after their start), else when Pod first saw the file (on the
    day the name carries, if it carries one)."""
    match = _NAME_STAMP.search(row.name)
    if match:
        try:
            stamp = datetime(
                int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]),
                int(match["mi"]), int(match["s"] or 0),
            )
            return stamp.replace(tzinfo=zone) if zone else stamp.astimezone()
        except ValueError:
            pass
    seen = row.deposited or datetime.now(UTC)
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=UTC)
    seen = seen.astimezone(zone)
    day = name_day(row.name)  # a name with the day only: that day, at the time Pod saw it
    return seen.replace(year=day.year, month=day.month, day=day.day) if day else seen


def render_title(template: str, recording: Candidate) -> str:
    template = template or DEFAULT_TITLE
    return template.format(
        recorder=recording.recorder,
        date=recording.start,
        start=f"{recording.start:%H:%M}",
        filename=recording.filename,
        stem=posixpath.splitext(recording.filename)[0],
    ).strip()


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


OwnerLookup = Callable[[str], "User | None"]


def _plan_id(profile_key: str, request: Any) -> str:
    digest = hashlib.sha256(
        json.dumps([profile_key, request], sort_keys=True, ensure_ascii=False).encode()
    )
    return digest.hexdigest()[:16]


def _candidate_problem(row: InboxRow) -> tuple[Problem, str] | None:
    if row.state in (RowState.UPLOADING, RowState.WAITING):
        return Problem.UPLOADING, translate(
            "bulk", "The file is still being uploaded (or Pod's scan has not finished it).")
    if not row.claimable:
        return Problem.NOT_CLAIMABLE, translate("bulk", "Pod cannot take a claim for it now "
                                                        "({state}).").format(
            state=translate("RowState", row.state.label))
    return None


class _Owners:
    """Each owner looked up once; unknown and non-staff owners become row problems."""

    def __init__(self, lookup: OwnerLookup) -> None:
        self._lookup = lookup
        self._found: dict[str, User | None] = {}

    def resolve(self, text: str) -> tuple[User | None, tuple[Problem, str] | None]:
        key = text.strip().casefold()
        if key not in self._found:
            self._found[key] = self._lookup(text.strip())
        user = self._found[key]
        if user is None:
            return None, (Problem.UNKNOWN_OWNER, translate(
                "bulk", "Pod has no user with the login or e-mail \"{owner}\".").format(
                owner=text))
        if not user.is_staff:
            return user, (Problem.NON_STAFF_OWNER, translate(
                "bulk", "{user} is not staff: Pod only accepts staff owners for a claim. Claim "
                "for a staff member, then reassign the video.").format(user=user.username))
        return user, None


def _row_for(recording: Candidate) -> PlanRow:
    row = recording.row
    return PlanRow(
        source_file=row.path, filename=row.name, recorder=recording.recorder,
        start=recording.start, treatment_id=row.treatment_id, row=row,
    )


def _assign(
    plan_row: PlanRow, recording: Candidate, owner: str, template: str, owners: _Owners
) -> None:
    plan_row.owner = owner
    user, problem = owners.resolve(owner)
    plan_row.owner_user = user
    plan_row.title = render_title(template, recording)
    if problem is None and len(plan_row.title) > POD_TITLE_MAX:
        problem = Problem.BAD_TITLE, translate(
            "bulk", "The title has {count} characters; Pod keeps at most {limit}.").format(
            count=len(plan_row.title), limit=POD_TITLE_MAX)
    if problem is None:
        problem = _candidate_problem(recording.row)
    if problem is not None and plan_row.problem is None:
        plan_row.problem, plan_row.detail = problem


def plan_from_rules(
    rules: RuleSet,
    rows: Iterable[InboxRow],
    *,
    find_owner: OwnerLookup,
    profile: str,
    server: str = "",
    recorders: Iterable[InboxRecorder] = (),
    zone: tzinfo | None = None,
) -> Plan:
    """Resolve every unclaimed recording of ``rows`` to exactly one rule and its owner.

    A rule naming a recorder that is neither among ``recorders`` nor behind any recording
    is a problem (most likely a typo), not a rule that quietly matches nothing.
    """
    owners = _Owners(find_owner)
    recordings = [Candidate(r, recording_start(r, zone)) for r in rows
                  if r.treatment_id is not None]
    plan_rows: list[PlanRow] = [
        PlanRow(source_file="", rule_line=p.line, problem=Problem.INVALID_RULE,
                detail=translate("bulk", "Line {line}: {message}").format(
                    line=p.line, message=p.message))
        for p in rules.problems
    ]
    known: set[str] = set().union(*(r.recorder_keys for r in recordings))
    for recorder in recorders:
        known |= {_normalise(recorder.name), _normalise(recorder.directory or ""),
                  str(recorder.id)}
    usable: list[Rule] = []
    for rule in rules.rules:
        unknown = [name for name in rule.recorders if name not in known]
        if unknown:
            name = rule.recorder or (rule.slot.recorder if rule.slot else "")
            plan_rows.append(PlanRow(
                source_file="", rule_line=rule.line, owner=rule.owner,
                problem=Problem.INVALID_RULE,
                detail=translate("bulk", "Line {line}: Pod has no recorder named "
                                         "\"{name}\".").format(
                    line=rule.line, name=name)))
        else:
            usable.append(rule)
    for recording in sorted(recordings, key=lambda r: (r.start, r.path)):
        plan_row = _row_for(recording)
        matched = [rule for rule in usable if rule.matches(recording)]
        plan_row.rules = tuple(rule.line for rule in matched)
        if not matched:
            plan_row.problem = Problem.UNMATCHED
            plan_row.detail = translate("bulk", "No rule matches this recording.")
        elif len(matched) > 1:
            plan_row.problem = Problem.CONFLICT
            plan_row.detail = translate("bulk", "Lines {lines} all match: keep one.").format(
                lines=", ".join(str(line) for line in plan_row.rules))
            plan_row.owner = " / ".join(rule.owner for rule in matched)
        else:
            _assign(plan_row, recording, matched[0].owner, matched[0].title, owners)
        plan_rows.append(plan_row)
    request = {"rules": [rule.key() for rule in rules.rules],
               "invalid": [[p.line, p.message] for p in rules.problems]}
    return Plan(_plan_id(f"{profile}|{server}", request), profile,
                rules.source or translate("bulk", "rules"), plan_rows, rules.ignored_columns)


def plan_from_selection(
    rows: Iterable[InboxRow],
    owner: str,
    *,
    find_owner: OwnerLookup,
    profile: str,
    server: str = "",
    title: str = "",
    zone: tzinfo | None = None,
) -> Plan:
    """The inbox's selected recordings, all to one owner (same checks as the rules)."""
    check_title_template(title)
    owners = _Owners(find_owner)
    plan_rows: list[PlanRow] = []
    selected = [r for r in rows if r.treatment_id is not None]
    for row in sorted(selected, key=lambda r: r.path):
        recording = Candidate(row, recording_start(row, zone))
        plan_row = _row_for(recording)
        _assign(plan_row, recording, owner, title, owners)
        plan_rows.append(plan_row)
    request = {"selection": sorted(r.path for r in selected),
               "owner": owner.strip().casefold(), "title": title}
    return Plan(_plan_id(f"{profile}|{server}", request), profile,
                translate("bulk", "inbox selection"), plan_rows)


# --- what an earlier run of the same plan left ----------------------------------------------


class ClaimLookup(Protocol):
    """How a resumed plan asks Pod what became of a row caught mid-claim."""

    def __call__(self, source_file: str) -> tuple[int, int | None] | None:
        """``(recording id, owner id)`` when Pod holds a recording for the file, else None."""


def _stored(db: Database, plan_id: str) -> dict[str, Any]:
    with db.begin() as connection:
        found = connection.execute(
            select(bulk_rows).where(bulk_rows.c.plan_id == plan_id)
        ).mappings().all()
    return {row["source_file"]: row for row in found}


def _save(db: Database, plan: Plan, row: PlanRow) -> None:
    values = {
        "plan_id": plan.plan_id, "profile": plan.profile, "source_file": row.source_file,
        "owner": row.owner_user.username if row.owner_user else row.owner,
        "title": row.title, "status": str(row.status), "recording_id": row.recording_id,
        "video_id": row.video_id, "message": row.message, "updated_at": datetime.now(UTC),
    }
    statement = sqlite_insert(bulk_rows).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["plan_id", "source_file"],
        set_={k: statement.excluded[k] for k in values if k not in ("plan_id", "source_file")},
    )
    with db.begin() as connection:
        connection.execute(statement)


def resume(
    plan: Plan,
    db: Database,
    *,
    find_claim: ClaimLookup | None = None,
    find_owner: OwnerLookup | None = None,
) -> int:
    """Fold in the outcomes an earlier run of this plan stored; returns how many were found.

    Rows Pod no longer lists (claimed since) come back from the store: done stays done and
    failed keeps its reason; a row caught mid-claim is checked on Pod — held for the
    planned owner means done, anything else is reported as failed with the reason, so
    nothing is skipped in silence.
    """
    stored = _stored(db, plan.plan_id)
    by_file = {row.source_file: row for row in plan.rows if row.source_file}
    owners = _Owners(find_owner) if find_owner else None
    for source_file, saved in stored.items():
        row = by_file.get(source_file)
        if row is not None:
            # Still unclaimed on Pod: whatever was stored, the claim action will find out.
            row.status, row.message = Status(saved["status"]), saved["message"]
            if row.status is Status.DONE:
                row.status = Status.STARTED
                row.message = translate("bulk", "Done earlier, but Pod still lists the file: "
                                                "it will be checked again.")
            if (row.problem is Problem.NOT_CLAIMABLE and row.row is not None
                    and row.row.state is RowState.MISSING):
                # Pod took the file when the claim went through but the run stopped before
                # it removed the treatment row: the claim action recognises that claim.
                row.problem, row.detail = None, ""
            continue
        row = PlanRow(
            source_file=source_file, filename=posixpath.basename(source_file),
            recorder=posixpath.basename(posixpath.dirname(source_file)),
            owner=saved["owner"], title=saved["title"], status=Status(saved["status"]),
            message=saved["message"], recording_id=saved["recording_id"],
            video_id=saved["video_id"],
        )
        plan.rows.append(row)
        if row.status is Status.STARTED and find_claim is not None:
            _settle_vanished(db, plan, row, find_claim, owners)
    return len(stored)


def _settle_vanished(
    db: Database, plan: Plan, row: PlanRow, find_claim: ClaimLookup, owners: _Owners | None
) -> None:
    """A row caught mid-claim that Pod no longer lists: what happened to it?"""
    found = find_claim(row.source_file)
    if found is None:
        row.status = Status.FAILED
        row.message = translate(
            "bulk", "Pod no longer lists this file and holds no recording for it: someone "
                    "deleted it meanwhile.")
    else:
        row.recording_id, owner_id = found
        planned = owners.resolve(row.owner)[0] if owners else None
        if planned is not None and owner_id is not None and planned.id != owner_id:
            row.status = Status.FAILED
            row.message = translate(
                "bulk", "Someone else claimed this file first (recording {id}, another "
                        "owner).").format(id=row.recording_id)
        else:
            row.status = Status.DONE
            row.message = translate(
                "bulk", "Pod already holds this claim (recording {id}).").format(
                id=row.recording_id)
    _save(db, plan, row)


# --- applying -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimResult:
    """What one claim did; ``already`` means Pod held this claim before (a resumed row)."""

    recording_id: int | None
    video_id: int | None = None
    message: str = ""
    already: bool = False


Claimer = Callable[[PlanRow], ClaimResult]


@dataclass
class ApplyResult:
    done: int = 0
    failed: int = 0
    not_run: int = 0
    cancelled: bool = False
    stopped: str = ""  # why the run stopped early (connection lost), else ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.failed or self.not_run or self.cancelled or self.stopped)


def check_applicable(plan: Plan) -> None:
    """Refuse a plan with errors that are not excluded, naming how many and which kinds."""
    if not plan.has_errors:
        return
    counts = Counter(row.problem for row in plan.rows if row.blocking)
    raise BulkError(
        translate("bulk", "The plan has {count} rows with errors ({kinds}); nothing was "
                          "applied.").format(
            count=sum(counts.values()),
            kinds=", ".join(p.counted(n) for p, n in counts.items() if p is not None)),
        hint=translate("bulk", "Fix the rules, or exclude those rows, then apply again."),
    )


def apply_plan(
    plan: Plan,
    claim: Claimer,
    db: Database,
    *,
    jobs: int = DEFAULT_CONCURRENCY,
    only_failed: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ApplyResult:
    """Claim every applicable row, ``jobs`` at a time; each outcome is stored as it comes.

    Cancelling (or losing the connection) starts no new claim; the claims under way finish,
    because half a claim is worse than a whole one. Rows not run stay to do, and running
    the same plan again picks them up.
    """
    check_applicable(plan)
    cancel = cancel or CancelToken()
    rows = plan.to_apply(only_failed=only_failed)
    result = ApplyResult()
    total = len(rows)
    began = time.monotonic()
    report = Throttle(progress, 0.2)
    connection_failures = 0

    def tell(force: bool = False) -> None:
        finished = result.done + result.failed
        elapsed = time.monotonic() - began
        report(Progress(
            finished, total, translate("bulk", "recordings"),
            translate("bulk", "{done} done, {failed} failed, {remaining} remaining").format(
                done=result.done, failed=result.failed, remaining=total - finished),
            rate=finished / elapsed if finished and elapsed > 0 else None,
        ), force=force)

    def run_one(row: PlanRow) -> None:
        row.status, row.message = Status.STARTED, ""
        _save(db, plan, row)
        try:
            outcome = claim(row)
        except Exception as exc:
            if not isinstance(exc, RecmanagerError):
                log.exception("claim of %s failed unexpectedly", row.source_file)
            row.status, row.message = Status.FAILED, str(exc) or type(exc).__name__
            _save(db, plan, row)
            raise
        row.status = Status.DONE
        row.recording_id, row.video_id = outcome.recording_id, outcome.video_id
        row.message = outcome.message
        _save(db, plan, row)

    tell(force=True)
    pending = list(reversed(rows))
    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="bulk") as pool:
        running: dict[Future[None], PlanRow] = {}
        while pending or running:
            while pending and len(running) < max(1, jobs) and not (
                cancel.cancelled or result.stopped
            ):
                row = pending.pop()
                running[pool.submit(run_one, row)] = row
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                running.pop(future)
                error = future.exception()
                if error is None:
                    result.done += 1
                    connection_failures = 0
                    continue
                if not isinstance(error, Exception):
                    raise error  # KeyboardInterrupt, SystemExit: the row stays "started"
                result.failed += 1
                if not isinstance(error, PodConnectionError):
                    connection_failures = 0
                    continue
                connection_failures += 1
                if connection_failures >= CONNECTION_FAILURES_TO_STOP:
                    result.stopped = translate(
                        "bulk", "Pod cannot be reached ({error}); the run stopped. Run the "
                                "same plan again to go on.").format(error=error)
            tell()
    result.not_run = len(pending)
    result.cancelled = cancel.cancelled and bool(pending)
    result.seconds = time.monotonic() - began
    tell(force=True)
    return result


# --- files for people -----------------------------------------------------------------------

PLAN_COLUMNS = ("file", "recorder", "start", "owner", "owner_login", "title", "rules",
                "problem", "detail", "excluded", "status")
REPORT_COLUMNS = ("file", "recorder", "start", "owner", "title", "outcome", "recording_id",
                  "video_id", "message")


def _when(row: PlanRow) -> str:
    return row.start.strftime("%Y-%m-%d %H:%M") if row.start else ""


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
         "yes" if row.excluded else "", str(row.status) if row.source_file else "")
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
         row.recording_id, row.video_id, row.message or row.detail)
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
             "message": row.message}
            for row in plan.rows
        ],
    }


# --- one bulk run against one server --------------------------------------------------------


class BulkRun:
    """What the window and the command share: Pod's recordings, the plans, the claims.

    Every claim goes through :meth:`recmanager.actions.Actions.claim` (check, create, delete
    the treatment row, verify, audit), the same action as the inbox's Claim button.
    """

    def __init__(self, context: AppContext, profile: Profile, actions: Actions) -> None:
        self.context = context
        self.profile = profile
        self.actions = actions
        self.client = actions.client
        self._recorders: list[InboxRecorder] = []

    @classmethod
    @contextmanager
    def open(cls, context: AppContext, profile: Profile) -> Iterator[BulkRun]:
        """Pod (required) and the deposit (used when reachable, to see unfinished uploads)."""
        from recmanager.actions import open_actions

        with open_actions(profile, context) as actions:
            yield cls(context, actions.profile, actions)  # with the settled deposit root

    def recordings(self) -> list[InboxRow]:
        """Pod's unclaimed recordings, each with its inbox state (uploads seen on disk)."""
        self._recorders = [
            InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
            for r in self.client.recorders()
        ]
        treatments = self.client.treatments()
        return merge(deposit_root=self.profile.deposit_root, treatments=treatments,
                     scanned=self._scan(), recorders=self._recorders)

    def _scan(self) -> list[_Seen] | None:
        """The deposit's files; None when it cannot be reached (Pod's view alone then).

        A file nothing wrote to for the quiet period, and that did not change since the
        previous scan, counts as complete even if this store has not watched it that long,
        so a bulk run needs no second scan to start.
        """
        deposit = self.actions.deposit
        if deposit is None:
            return None
        quiet = float(self.context.settings.get("quiet_period_s"))
        result = Scanner(self.context.db, self.profile.name, quiet).scan(deposit)
        now = result.scanned_at.timestamp()
        changed = set(result.changed)
        return [
            _Seen(f.path, f.size, f.mtime, "complete" if f.state == "uploading"
                  and f.path not in changed and f.size > 0 and now - f.mtime >= quiet
                  else f.state)
            for f in result.files.values()
        ]

    def plan_rules(self, rules: RuleSet, rows: Iterable[InboxRow] | None = None) -> Plan:
        rows = self.recordings() if rows is None else list(rows)
        plan = plan_from_rules(
            rules, rows, find_owner=self.client.find_user, profile=self.profile.name,
            server=self.client.base_url, recorders=self._recorders,
        )
        self._resume(plan)
        return plan

    def plan_selection(self, rows: Iterable[InboxRow], owner: str, title: str = "") -> Plan:
        plan = plan_from_selection(
            rows, owner, find_owner=self.client.find_user, profile=self.profile.name,
            server=self.client.base_url, title=title,
        )
        self._resume(plan)
        return plan

    def _resume(self, plan: Plan) -> None:
        def find_claim(source_file: str) -> tuple[int, int | None] | None:
            found = self.client.recording_for_source(source_file)
            return (found.id, found.user_id) if found is not None else None

        resume(plan, self.context.db, find_claim=find_claim, find_owner=self.client.find_user)

    def apply(
        self,
        plan: Plan,
        *,
        jobs: int | None = None,
        only_failed: bool = False,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> ApplyResult:
        jobs = jobs or int(self.context.settings.get("bulk_concurrency"))
        return apply_plan(plan, self._claim, self.context.db, jobs=jobs,
                          only_failed=only_failed, progress=progress, cancel=cancel)

    def _claim(self, row: PlanRow) -> ClaimResult:
        """One row's claim; "done, but …" is a done row whose message says what failed after,
        because Pod holds the claim and the row must not be run again."""
        assert row.owner_user is not None
        try:
            done = self.actions.claim(row.source_file, row.owner_user, row.title)
        except DoneWithWarning as exc:
            return ClaimResult(exc.detail.get("recording_id"), exc.detail.get("video_id"),
                               str(exc))
        return ClaimResult(done.recording_id, done.video_id, done.message, done.already_done)


@dataclass(frozen=True)
class _Seen:
    """A deposit file as the inbox merge reads it."""

    path: str
    size: int
    mtime: float
    state: str
