"""One bulk run against one server, what the window and the command share: Pod's unclaimed
recordings (with the deposit's unfinished uploads), the plans made from them, the claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recmanager.bulk.apply import ApplyResult, ClaimResult, apply_plan
from recmanager.bulk.matching import plan_from_rules, plan_from_selection
from recmanager.bulk.outcomes import resume
from recmanager.bulk.plan import Plan, PlanRow
from recmanager.bulk.quality import add_flags
from recmanager.bulk.rules import RuleSet
from recmanager.deposit.scan import Scanner
from recmanager.errors import DoneWithWarning
from recmanager.inbox.merge import merge
from recmanager.inbox.rows import InboxRecorder, InboxRow
from recmanager.progress import CancelToken, ProgressCallback, no_progress

if TYPE_CHECKING:
    from recmanager.actions.opening import Actions
    from recmanager.config import Profile
    from recmanager.context import AppContext


class BulkRun:
    """What the window and the command share: Pod's recordings, the plans, the claims.

    Every claim goes through :meth:`recmanager.actions.opening.Actions.claim` (check, create, delete
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
        from recmanager.actions.opening import open_actions

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
        self._add_flags(plan)
        return plan

    def plan_selection(self, rows: Iterable[InboxRow], owner: str, title: str = "") -> Plan:
        plan = plan_from_selection(
            rows, owner, find_owner=self.client.find_user, profile=self.profile.name,
            server=self.client.base_url, title=title,
        )
        self._resume(plan)
        self._add_flags(plan)
        return plan

    def _add_flags(self, plan: Plan) -> None:
        """The flags of the recordings inspected so far (after a scan, or by `inspect`)."""
        from recmanager.inspection import InspectionSettings, load_all

        settings = InspectionSettings.from_settings(self.context.settings)
        add_flags(plan, load_all(self.context.db, self.profile.name, settings))

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
