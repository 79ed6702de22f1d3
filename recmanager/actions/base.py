"""What every action shares: a lock per file, the journal entry written before the first
change and the audit entry written whatever happened, users, and the checks made before
anything changes."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from recmanager import audit, journal
from recmanager.actions.permissions import session_is_superuser
from recmanager.actions.root import DepositRoot
from recmanager.config import Profile
from recmanager.deposit.base import Deposit
from recmanager.errors import (
    ActionError,
    AlreadyClaimed,
    DepositError,
    PodError,
    PodPermissionError,
    RecmanagerError,
    ValidationError,
)
from recmanager.i18n import translate
from recmanager.pod.model import User
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from recmanager.store import Database

log = logging.getLogger("recmanager.actions")

# Checks that failed before anything changed: audited as "refused" (other errors: "failed").
REFUSALS = (AlreadyClaimed, ValidationError, PodPermissionError, DepositError)

# How long to wait for Pod's processing thread to move the file and create the video.
VERIFY_TIMEOUT_S = 60.0
VERIFY_POLL_S = 0.5


@dataclass
class OpenIntent:
    """The journal entry of an action under way (see :mod:`recmanager.journal`), once
    written: its audit entry removes it."""

    id: int | None = None


class ActionsBase:
    """The state and the shared steps of a profile's actions (see
    :class:`recmanager.actions.opening.Actions`, which gathers the actions themselves)."""

    def __init__(
        self,
        profile: Profile,
        db: Database,
        client: PodClient,
        *,
        deposit: Deposit | None = None,
        web: PodWebSession | None = None,
        actor: str = "",
        superuser: bool | None = None,
        verify_timeout: float = VERIFY_TIMEOUT_S,
        deposit_problem: DepositError | None = None,
    ) -> None:
        self.profile = profile
        self.db = db
        self.client = client
        self.deposit = deposit
        # Why the profile's deposit could not be opened: claims are then refused before
        # anything is sent (None when the profile names no deposit at all).
        self.deposit_problem = deposit_problem
        # Set by open_actions: the root used and where it comes from, to be shown; what
        # the reconciliation of interrupted actions found.
        self.deposit_root = DepositRoot(profile.deposit_root.rstrip("/") or "/", False)
        self.reconciled: list[str] = []
        self.web = web
        self.actor = actor or profile.actor
        self._superuser = superuser
        self.verify_timeout = verify_timeout
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._users: dict[str, User] = {}

    # --- shared helpers -------------------------------------------------------------------

    def _lock_for(self, key: str) -> threading.Lock:
        """One lock per file (keyed on its normalised name: NFC and NFD are one file)."""
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    def _audit(
        self, action: str, target: str, result: audit.Result, *, error: str = "",
        detail: dict[str, Any] | None = None, intent: OpenIntent | None = None,
    ) -> None:
        try:
            audit.record(self.db, profile=self.profile.name, actor=self.actor, action=action,
                         target=target, result=result, error=error, detail=detail,
                         intent_id=intent.id if intent is not None else None)
        except RecmanagerError:
            log.exception("audit entry for %s %s could not be written", action, target)

    def _begin(self, intent: OpenIntent, action: str, target: str, detail: dict[str, Any]) -> None:
        """Journal the change about to be made (see :mod:`recmanager.journal`)."""
        intent.id = journal.begin(self.db, profile=self.profile.name, actor=self.actor,
                                  action=action, target=target, detail=detail)

    def resolve_user(self, who: User | str) -> User:
        """A user from a login or e-mail (cached for the run), or a clear refusal."""
        if isinstance(who, User):
            return who
        key = who.strip().casefold()
        with self._locks_guard:
            cached = self._users.get(key)
        if cached is not None:
            return cached
        found = self.client.find_user(who)
        if found is None:
            raise ValidationError(
                translate("actions", "There is no Pod user \"{who}\".").format(who=who),
                fields={"owner": [translate("actions", "Unknown username or e-mail.")]},
            )
        with self._locks_guard:
            self._users[key] = found
        return found

    def me(self) -> User | None:
        """The account of the profile's web login, when the profile names one."""
        if not self.profile.pod_username:
            return None
        try:
            return self.resolve_user(self.profile.pod_username)
        except ValidationError:
            return None

    @property
    def superuser(self) -> bool:
        if self._superuser is None:
            self._superuser = bool(self.web is not None and session_is_superuser(self.web))
        return self._superuser

    def _owner_name(self, user_id: int | None) -> str:
        if user_id is None:
            return "?"
        try:
            return self.client.user(user_id).username
        except PodError:
            return f"#{user_id}"

    # --- checks made before any change ---------------------------------------------------

    def _root(self) -> str:
        """The deposit root paths are checked against (the connected deposit's, else the
        profile's)."""
        return self.deposit.root if self.deposit is not None else (
            self.profile.deposit_root.rstrip("/") or "/")

    def _require_reachable_deposit(self) -> None:
        """Refuse before any change when the profile names a deposit that cannot be reached:
        what Pod would take could not be checked, nor its leaving verified."""
        if self.deposit is None and self.deposit_problem is not None:
            raise DepositError(
                translate("actions", "The deposit folder cannot be reached ({error}); nothing "
                          "was sent to Pod.").format(error=self.deposit_problem.message),
                hint=self.deposit_problem.hint or translate(
                    "actions", "Check the deposit settings of the profile, then try again."),
            )

    def _require_delete(self) -> Deposit:
        if not self.superuser:
            raise PodPermissionError(
                translate("actions", "Only Pod superusers may delete recordings."),
                hint=translate(
                    "actions",
                    "Add a superuser's web login to the profile, or ask a Pod administrator.",
                ),
                setting="web_login",
            )
        if self.deposit is None:
            raise ActionError(
                translate("actions", "The deposit folder is not connected: the file cannot be "
                          "removed, and removing only Pod's row would let Pod's scan bring it "
                          "back."),
                hint=translate("actions", "Check the SFTP settings of the profile."),
            )
        return self.deposit
