"""Building a plan: each unclaimed recording matched to exactly one rule (or, from the inbox,
the selection to one owner), its owner looked up on Pod and its title written."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from recmanager.bulk.plan import Plan, PlanRow, Problem
from recmanager.bulk.rules import Rule, RuleSet, check_title_template, normalise
from recmanager.i18n import translate
from recmanager.inbox.rows import InboxRecorder, InboxRow, RowState, name_day
from recmanager.pod.model import User

POD_TITLE_MAX = 200  # Recording.title max_length in Pod
DEFAULT_TITLE = "{recorder} {date:%d/%m/%Y}"  # the day recorded (a time may be a guess)

# A date and time written in a recorder's file name: 2026-11-16_08-02-11, 20261116T0802…
_NAME_STAMP = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-_.]?(?P<mo>\d{2})[-_.]?(?P<d>\d{2})[T_\- ]?"
    r"(?P<h>\d{2})[-_.:hH]?(?P<mi>\d{2})(?:[-_.:mM]?(?P<s>\d{2}))?(?!\d)"
)


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
        keys = {normalise(self.row.recorder_name), normalise(self.row.folder)}
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


class Owners:
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
    plan_row: PlanRow, recording: Candidate, owner: str, template: str, owners: Owners
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


def _matched_row(recording: Candidate, rules: list[Rule], owners: Owners) -> PlanRow:
    """The recording's row: its one rule's owner and title, or why no single rule holds."""
    plan_row = _row_for(recording)
    matched = [rule for rule in rules if rule.matches(recording)]
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
        plan_row.slot_s = matched[0].slot.seconds if matched[0].slot else 0.0
    return plan_row


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
    owners = Owners(find_owner)
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
        known |= {normalise(recorder.name), normalise(recorder.directory or ""),
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
        plan_rows.append(_matched_row(recording, usable, owners))
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
    owners = Owners(find_owner)
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
