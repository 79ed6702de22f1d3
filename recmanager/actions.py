"""Claim, reassign and delete one recording through Pod: check -> do -> verify -> audit.

Each action checks its preconditions against the server (not against what a window last
showed), does the work, reads the server again to verify the outcome, and appends an
audit entry whatever happened. The inbox, bulk assignment and the command line all call
these functions, so a recording is handled the same way whoever asks.
"""

from __future__ import annotations

import contextlib
import logging
import posixpath
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from recmanager import audit, journal
from recmanager.config import Profile
from recmanager.deposit.base import (
    Deposit,
    OnStatus,
    QuarantinedFile,
    check_server_path,
    printable,
)
from recmanager.errors import (
    ActionError,
    AlreadyClaimed,
    Cancelled,
    ConfigError,
    DepositError,
    DoneWithWarning,
    PodAmbiguousResult,
    PodConnectionError,
    PodError,
    PodNotFound,
    PodPermissionError,
    PodValidationError,
    RecmanagerError,
    ValidationError,
)
from recmanager.i18n import translate
from recmanager.pod.model import Recording, Treatment, User, Video, name_key, same_name
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from recmanager.progress import CancelToken, Progress, ProgressCallback, no_progress
from recmanager.store import Database

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.deposit.sftp import HostKeyQuestion

log = logging.getLogger("recmanager.actions")

# Checks that failed before anything changed: audited as "refused" (other errors: "failed").
REFUSALS = (AlreadyClaimed, ValidationError, PodPermissionError, DepositError)

# How long to wait for Pod's processing thread to move the file and create the video.
VERIFY_TIMEOUT_S = 60.0
VERIFY_POLL_S = 0.5


@dataclass(frozen=True)
class Permissions:
    """What the current account may do on this Pod, as the server says."""

    staff: bool
    superuser: bool
    web_session: bool
    reason: str = ""  # why superuser actions are unavailable, for tooltips

    @property
    def can_claim(self) -> bool:
        return self.staff

    @property
    def can_delete(self) -> bool:
        return self.superuser


@dataclass
class _Intent:
    """The journal entry of an action under way (see :mod:`recmanager.journal`), once
    written: its audit entry removes it."""

    id: int | None = None


@dataclass(frozen=True)
class ClaimResult:
    path: str
    owner: str
    title: str
    recording_id: int
    video_id: int | None
    already_done: bool = False  # Pod already held exactly this claim
    reassigned_to: str = ""  # the non-staff owner the video was handed to afterwards
    notes: tuple[str, ...] = ()
    recording_owner: str = ""  # who owns the Recording on Pod (the claiming staff account)

    @property
    def message(self) -> str:
        """What Pod holds: a non-staff owner gets the video, while the recording stays with
        the staff account that claimed it (Pod gives recordings to staff only)."""
        name = printable(posixpath.basename(self.path))
        holder = self.recording_owner or self.owner
        if holder != self.owner:
            text = translate(
                "actions", "{file} was already claimed: Pod holds recording {id} for "
                "{holder} and video {video} for {owner}; nothing was sent again."
            ) if self.already_done else translate(
                "actions", "{file} is claimed: Pod holds recording {id} for {holder} and "
                "video {video} for {owner}.")
            text = text.format(file=name, id=self.recording_id, holder=holder,
                               video=self.video_id, owner=self.owner)
        elif self.already_done:
            text = translate(
                "actions", "{file} was already claimed for {owner} (recording {id}); "
                "nothing was sent again."
            ).format(file=name, owner=self.owner, id=self.recording_id)
        else:
            text = translate("actions", "{file} is claimed for {owner} (recording {id}).").format(
                file=name, owner=self.owner, id=self.recording_id)
        return " ".join((text, *self.notes))


@dataclass(frozen=True)
class ReassignResult:
    video_id: int
    old_owner: str
    new_owner: str
    files_moved: bool

    @property
    def message(self) -> str:
        text = translate("actions", "Video {id} now belongs to {owner}.").format(
            id=self.video_id, owner=self.new_owner
        )
        if not self.files_moved:
            text += " " + translate(
                "actions",
                "Its files stay in {old}'s folder on the server (only a superuser web session "
                "can move them).",
            ).format(old=self.old_owner)
        return text


@dataclass(frozen=True)
class DeleteResult:
    path: str
    size: int
    treatment_id: int | None
    quarantined: QuarantinedFile | None

    @property
    def message(self) -> str:
        name = posixpath.basename(self.path)
        if self.quarantined is not None:
            return translate("actions", "{file} was moved to the quarantine ({where}).").format(
                file=name, where=self.quarantined.quarantined_path
            )
        return translate("actions", "{file} was deleted.").format(file=name)


def _sleep(cancel: CancelToken, seconds: float) -> None:
    if cancel.wait(seconds):
        raise Cancelled()


def _poll(
    check: Callable[[], Any], cancel: CancelToken, timeout: float = VERIFY_TIMEOUT_S
) -> Any:
    """Call ``check`` until it returns something truthy or the time is up (then None)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        _sleep(cancel, VERIFY_POLL_S)


def session_is_superuser(web: PodWebSession) -> bool:
    """Django's admin lets only superusers (or holders of user permissions) list the users:
    Pod's superuser-only actions (delete, file-moving owner change) follow the same line."""
    if not web.logged_in:
        web.login()
    try:
        web.http.request("GET", "/admin/auth/user/")
    except (PodPermissionError, PodNotFound):
        return False
    return True


def read_permissions(client: PodClient, web: PodWebSession | None, me: User | None) -> Permissions:
    """Staff from REST (a token that lists recorders is staff), superuser from the session."""
    staff = me.is_staff if me is not None else True
    if web is None:
        return Permissions(staff, False, False, translate(
            "actions",
            "Needs a superuser's web login in the profile (Pod allows this to superusers only)."
        ))
    try:
        superuser = session_is_superuser(web)
    except PodError as exc:
        return Permissions(staff, False, False, translate(
            "actions", "The web session could not be opened: {error}").format(error=exc))
    reason = "" if superuser else translate(
        "actions", "{user} is not a superuser on Pod (Pod allows this to superusers only)."
    ).format(user=web.username)
    return Permissions(staff, superuser, True, reason)


class Actions:
    """The actions of one profile. Thread-safe: bulk assignment claims from several threads.

    ``deposit`` verifies that claimed files left the deposit and is needed to delete;
    ``web`` (a superuser session) deletes through Pod and moves files on reassignment.
    """

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
        detail: dict[str, Any] | None = None, intent: _Intent | None = None,
    ) -> None:
        try:
            audit.record(self.db, profile=self.profile.name, actor=self.actor, action=action,
                         target=target, result=result, error=error, detail=detail,
                         intent_id=intent.id if intent is not None else None)
        except RecmanagerError:
            log.exception("audit entry for %s %s could not be written", action, target)

    def _begin(self, intent: _Intent, action: str, target: str, detail: dict[str, Any]) -> None:
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

    # --- claim ----------------------------------------------------------------------------

    def claim(
        self,
        path: str,
        owner: User | str,
        title: str,
        *,
        recording_type: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> ClaimResult:
        """Give the unclaimed recording at ``path`` to ``owner``; safe to call again.

        A claim Pod already holds (same file, owner and title) is reported as done; a claim
        somebody else made first raises :class:`AlreadyClaimed`. A non-staff owner cannot
        own a claim in Pod: the recording is claimed for the profile's own account and the
        video is then reassigned.
        """
        cancel = cancel or CancelToken()
        detail: dict[str, Any] = {"owner": str(getattr(owner, "username", owner)),
                                  "title": title}
        intent = _Intent()
        try:
            with self._lock_for(name_key(path)):
                result = self._claim(path, owner, title, recording_type, progress, cancel,
                                     detail, intent)
        except DoneWithWarning as exc:
            detail.update(exc.detail)
            self._audit("claim", path, "warning", error=str(exc), detail=detail, intent=intent)
            raise
        except REFUSALS as exc:
            self._audit("claim", path, "refused", error=str(exc), detail=detail, intent=intent)
            raise
        except RecmanagerError as exc:
            # After an answer lost beyond recovery nobody knows yet: the intent stays, and
            # the next start asks Pod again and writes what it finds.
            unknown = isinstance(exc, PodAmbiguousResult)
            self._audit("claim", path, "failed", error=str(exc), detail=detail,
                        intent=None if unknown else intent)
            raise
        detail.update(recording_id=result.recording_id, video_id=result.video_id,
                      already_done=result.already_done, reassigned_to=result.reassigned_to,
                      recording_owner=result.recording_owner)
        self._audit("claim", path, "ok", detail=detail, intent=intent)
        return result

    def _claim(
        self, path: str, owner: User | str, title: str, recording_type: str | None,
        progress: ProgressCallback, cancel: CancelToken, detail: dict[str, Any],
        intent: _Intent,
    ) -> ClaimResult:
        name = posixpath.basename(path)
        steps = 4
        progress(Progress(0, steps, message=translate("actions", "Checking {file} on Pod…")
                          .format(file=name)))
        if not title.strip():
            raise ValidationError(
                translate("actions", "A title is required to claim a recording."),
                fields={"title": [translate("actions", "This field is required.")]},
            )
        user = self.resolve_user(owner)
        detail["owner"] = user.username
        claimer = user
        if not user.is_staff:
            me = self.me()
            if me is None or not me.is_staff:
                raise PodPermissionError(
                    translate(
                        "actions",
                        "{user} is not staff, and Pod gives claimed recordings to staff accounts "
                        "only. It can be claimed for a staff account and then reassigned, but "
                        "this profile names no staff web login to claim with.",
                    ).format(user=user.display_name),
                    hint=translate("actions", "Add your Pod username to the profile."),
                    setting="pod_username",
                )
            claimer = me
            detail["claimed_as"] = me.username
        check_server_path(self._root(), path)
        self._require_reachable_deposit()
        cancel.check()
        treatment = self.client.treatment_for_file(path)
        if treatment is None:
            return self._claim_without_row(path, user, claimer, title, cancel, progress)
        path = treatment.file  # the disk's own spelling (NFD stays NFD), for every check
        detail["treatment_id"] = treatment.id
        if recording_type and recording_type != treatment.type:
            treatment = replace(treatment, type=recording_type)
        existing = self._check_deposited(treatment)
        if existing is not None:
            return self._existing_claim(existing, path, user, claimer, title, cancel, progress)
        progress(Progress(1, steps, message=translate("actions", "Claiming {file}…").format(
            file=name)))
        cancel.check()  # the last point where cancelling leaves nothing half done
        self._begin(intent, "claim", path, {
            "owner": user.username, "claimer": claimer.username, "title": title,
            "treatment_id": treatment.id})
        try:
            outcome = self.client.claim(treatment, claimer, title)
        except PodValidationError as exc:
            if "source_file" not in exc.fields:
                raise
            # Another claim got there first, or this one already went through.
            existing = self.client.recording_for_source(path)
            if existing is None:
                raise
            return self._existing_claim(existing, path, user, claimer, title, cancel, progress)
        notes: list[str] = []
        if not outcome.treatment_deleted:
            notes.append(translate(
                "actions", "Pod's unclaimed row could not be removed ({problem}); it is harmless "
                "and disappears from the list at the next refresh.").format(
                problem=outcome.problem))
        return self._finish_claim(outcome.recording, path, user, claimer, title, cancel,
                                  progress, notes, already_done=outcome.recovered)

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

    def _check_deposited(self, treatment: Treatment) -> Recording | None:
        """Before the claim is sent: the file is a complete regular file inside the deposit,
        after resolving links (a link to /etc/passwd is refused here, not after Pod took it).

        A file already gone may have been claimed by an earlier, interrupted attempt: that
        recording is returned so the claim reads as done instead of refused.
        """
        if self.deposit is None:
            return None
        path = treatment.file
        if not self.deposit.exists(path):
            existing = self.client.recording_for_source(path)
            if existing is not None:
                return existing
            raise DepositError(translate(
                "actions", "{file} is not in the deposit folder (any more); nothing was sent "
                "to Pod.").format(file=printable(posixpath.basename(path))),
                hint=translate("actions", "Refresh the list."))
        entry = self.deposit.guard(path)
        if treatment.file_size and entry.size != treatment.file_size:
            raise DepositError(
                translate(
                    "actions",
                    "{file} is {size} bytes on disk but Pod saw {pod_size}: it is still being "
                    "written, or changed since Pod's scan. Nothing was sent to Pod.",
                ).format(file=printable(posixpath.basename(path)), size=entry.size,
                         pod_size=treatment.file_size),
                hint=translate("actions", "Wait for the upload to end and Pod's next scan."),
            )
        return None

    def _claim_without_row(
        self, path: str, user: User, claimer: User, title: str, cancel: CancelToken,
        progress: ProgressCallback,
    ) -> ClaimResult:
        existing = self.client.recording_for_source(path)
        if existing is not None:
            return self._existing_claim(existing, path, user, claimer, title, cancel, progress)
        raise ActionError(
            translate(
                "actions",
                "Pod has no unclaimed row for {file}: it is not claimable (yet). Pod's scan "
                "may not have seen it, or it was deleted.",
            ).format(file=posixpath.basename(path)),
            hint=translate("actions", "Refresh the list and try again later."),
        )

    def _existing_claim(
        self, existing: Recording, path: str, user: User, claimer: User, title: str,
        cancel: CancelToken, progress: ProgressCallback,
    ) -> ClaimResult:
        if existing.user_id == claimer.id and same_name(existing.title, title):
            # Ours, from an earlier attempt (interrupted run, lost answer): report it as done.
            stale = self.client.treatment_for_file(path)
            if stale is not None:
                with contextlib.suppress(PodNotFound):
                    self.client.delete_treatment(stale.id)
            return self._finish_claim(existing, path, user, claimer, title, cancel, progress,
                                      [], already_done=True)
        owner = self._owner_name(existing.user_id)
        raise AlreadyClaimed(
            translate(
                "actions",
                "{file} was claimed a moment earlier by someone else: it now belongs to {owner} "
                "(recording {id}, \"{title}\"). Your claim was not sent.",
            ).format(file=posixpath.basename(path), owner=owner, id=existing.id,
                     title=existing.title),
            hint=translate("actions", "The list has been refreshed. To change the owner, "
                           "reassign the video once Pod has created it."),
        )

    def _finish_claim(
        self, recording: Recording, path: str, user: User, claimer: User, title: str,
        cancel: CancelToken, progress: ProgressCallback, notes: list[str], *, already_done: bool,
    ) -> ClaimResult:
        """Verify and hand on; Pod holds ``recording`` now, so whatever fails from here is
        reported as "done, but …" (:class:`DoneWithWarning`), never as a failed claim."""
        try:
            return self._verify_claim(recording, path, user, claimer, title, cancel, progress,
                                      notes, already_done=already_done)
        except DoneWithWarning:
            raise
        except RecmanagerError as exc:
            raise DoneWithWarning(
                translate(
                    "actions",
                    "Done, but not verified: Pod holds recording {id} of {file} for {claimer}; "
                    "checking what came of it failed: {error}",
                ).format(id=recording.id, file=printable(posixpath.basename(path)),
                         claimer=claimer.username, error=exc.message),
                hint=translate("actions", "Do not claim it again; look at the owner's videos "
                               "in Pod."),
                detail={"recording_id": recording.id, "recording_owner": claimer.username},
            ) from exc

    def _verify_claim(
        self, recording: Recording, path: str, user: User, claimer: User, title: str,
        cancel: CancelToken, progress: ProgressCallback, notes: list[str], *, already_done: bool,
    ) -> ClaimResult:
        """Verify: the file left the deposit, the video exists; hand it on when needed."""
        name = posixpath.basename(path)
        held = {"recording_id": recording.id, "recording_owner": claimer.username}
        progress(Progress(2, 4, message=translate(
            "actions", "Waiting for Pod to take {file}…").format(file=name)))
        if self.deposit is not None:
            left = _poll(lambda: not self.deposit.exists(path), cancel, self.verify_timeout)
            if not left:
                raise DoneWithWarning(
                    translate(
                        "actions",
                        "Done, but Pod has not taken the file: it holds recording {id} of "
                        "{file} for {claimer}, and the file is still in the deposit folder "
                        "after {seconds} s.",
                    ).format(file=name, id=recording.id, claimer=claimer.username,
                             seconds=int(self.verify_timeout)),
                    hint=translate("actions", "Pod's processing may be stopped; ask its "
                                   "administrators. Do not claim it again."),
                    detail=held,
                )
        progress(Progress(3, 4, message=translate(
            "actions", "Waiting for Pod's video of {file}…").format(file=name)))
        video = _poll(lambda: self._claimed_video(claimer, title, path), cancel,
                      self.verify_timeout)
        if video is None:
            raise DoneWithWarning(
                translate(
                    "actions",
                    "Done, but no video yet: Pod holds recording {id} of {file} for {owner}, "
                    "and no video of it appeared within {seconds} s.",
                ).format(file=name, id=recording.id, owner=claimer.username,
                         seconds=int(self.verify_timeout)),
                hint=translate("actions", "Look at the owner's videos in Pod; do not claim it "
                               "again."),
                detail=held,
            )
        reassigned_to = ""
        if claimer.id != user.id:
            if video.owner_id != user.id:
                try:
                    reassign = self._reassign(video, user, cancel)
                except RecmanagerError as exc:
                    raise DoneWithWarning(
                        translate(
                            "actions",
                            "Done, but not handed on: Pod holds recording {id} and video "
                            "{video} of {file} for {claimer}; giving the video to {user} "
                            "failed: {error}",
                        ).format(id=recording.id, video=video.id, file=name,
                                 claimer=claimer.username, user=user.username,
                                 error=exc.message),
                        hint=translate("actions", "Reassign video {video} to {user}.").format(
                            video=video.id, user=user.username),
                        detail={**held, "video_id": video.id},
                    ) from exc
                notes.append(reassign.message)
            reassigned_to = user.username
            notes.insert(0, translate(
                "actions",
                "{user} is not staff, so it was claimed for {claimer} and the video was then "
                "reassigned to {user}.",
            ).format(user=user.username, claimer=claimer.username))
        progress(Progress(4, 4, message=translate("actions", "Claimed {file}.").format(
            file=name)))
        return ClaimResult(path, user.username, title, recording.id, video.id,
                           already_done=already_done, reassigned_to=reassigned_to,
                           notes=tuple(notes), recording_owner=claimer.username)

    def _claimed_video(self, owner: User, title: str, path: str) -> Video | None:
        video = self.client.find_claimed_video(owner, title, path)
        if video is not None:
            return video
        return None

    # --- reassign -------------------------------------------------------------------------

    def reassign(
        self, video_id: int, new_owner: User | str, *, cancel: CancelToken | None = None
    ) -> ReassignResult:
        """Give a claimed video to another user (staff or not)."""
        cancel = cancel or CancelToken()
        target = f"video:{int(video_id)}"
        detail: dict[str, Any] = {"video_id": int(video_id),
                                  "owner": str(getattr(new_owner, "username", new_owner))}
        intent = _Intent()
        try:
            try:
                video = self.client.video(video_id)
            except PodNotFound:
                raise ActionError(
                    translate("actions", "Pod has no video {id}.").format(id=video_id),
                    hint=translate("actions", "Check the number in Pod's video page."),
                ) from None
            user = self.resolve_user(new_owner)
            if video.owner_id == user.id:
                raise ValidationError(
                    translate("actions", "Video {id} already belongs to {owner}.").format(
                        id=video_id, owner=user.username)
                )
            detail.update(title=video.title, old_owner_id=video.owner_id)
            self._begin(intent, "reassign", target, {**detail, "owner_id": user.id})
            result = self._reassign(video, user, cancel)
        except (ValidationError, PodPermissionError) as exc:
            self._audit("reassign", target, "refused", error=str(exc), detail=detail,
                        intent=intent)
            raise
        except RecmanagerError as exc:
            self._audit("reassign", target, "failed", error=str(exc), detail=detail,
                        intent=intent)
            raise
        detail.update(old_owner=result.old_owner, files_moved=result.files_moved)
        self._audit("reassign", target, "ok", detail=detail, intent=intent)
        return result

    def _reassign(self, video: Video, user: User, cancel: CancelToken) -> ReassignResult:
        old_owner = self._owner_name(video.owner_id)
        cancel.check()
        moved = False
        try:
            if self.web is not None and video.owner_id is not None and self.superuser:
                moved = True
                self.web.change_owner([video.id], video.owner_id, user.id)
            else:
                self.client.patch_video_owner(video.id, user.id)
        except (PodConnectionError, PodAmbiguousResult) as exc:
            after = self._video_after_lost_answer(video, exc)
            if after.owner_id != user.id:
                raise ActionError(
                    translate(
                        "actions",
                        "The owner change of video {id} got no answer ({error}); Pod, asked "
                        "afterwards, says it still belongs to {owner}: nothing changed.",
                    ).format(id=video.id, error=exc.message,
                             owner=self._owner_name(after.owner_id)),
                    hint=translate("actions", "Try again once the connection is steady."),
                ) from exc
            log.info("owner change of video %d found applied after a lost answer", video.id)
        after = self.client.video(video.id)
        if after.owner_id != user.id:
            raise ActionError(
                translate("actions", "Pod did not change the owner of video {id}: it still "
                          "belongs to {owner}.").format(
                    id=video.id, owner=self._owner_name(after.owner_id))
            )
        return ReassignResult(video.id, old_owner, user.username, moved)

    def _video_after_lost_answer(self, video: Video, cause: PodError) -> Video:
        """What Pod holds after a change whose answer was lost; a clear error when Pod
        cannot be asked either (then nobody knows, and nothing is resent)."""
        try:
            return self.client.video(video.id)
        except PodError as exc:
            raise PodAmbiguousResult(
                translate(
                    "actions",
                    "The owner change of video {id} may or may not have been applied "
                    "({cause}), and Pod could not be asked afterwards ({error}).",
                ).format(id=video.id, cause=cause.message, error=exc.message),
                hint=translate("actions", "Look at the video's owner in Pod before trying "
                               "again."),
            ) from exc

    # --- delete, quarantine, undo ---------------------------------------------------------

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

    def delete(self, path: str, *, quarantine: bool = False) -> DeleteResult:
        """Remove the file (or move it to the quarantine), then Pod's row — in that order,
        so Pod's scan cannot bring the recording back."""
        action = "quarantine" if quarantine else "delete"
        detail: dict[str, Any] = {}
        intent = _Intent()
        try:
            with self._lock_for(name_key(path)):
                result = self._delete(path, quarantine, detail, intent)
        except DoneWithWarning as exc:
            self._audit(action, path, "warning", error=str(exc), detail=detail, intent=intent)
            raise
        except REFUSALS as exc:
            self._audit(action, path, "refused", error=str(exc), detail=detail, intent=intent)
            raise
        except RecmanagerError as exc:
            self._audit(action, path, "failed", error=str(exc), detail=detail, intent=intent)
            raise
        self._audit(action, path, "ok", detail=detail, intent=intent)
        return result

    def _delete(self, path: str, quarantine: bool, detail: dict[str, Any],
                intent: _Intent) -> DeleteResult:
        deposit = self._require_delete()
        treatment: Treatment | None = self.client.treatment_for_file(path)
        if treatment is not None:
            path = treatment.file  # the disk's own spelling (a name typed in NFC finds NFD)
        on_disk = deposit.exists(path)
        if not on_disk and treatment is None:
            raise ValidationError(translate(  # a refusal: nothing is left to do
                "actions", "{file} is neither in the deposit folder nor in Pod's list: there "
                "is nothing left to delete.").format(file=posixpath.basename(path)))
        size = deposit.stat(path).size if on_disk else (treatment.file_size if treatment else 0)
        detail.update(size=size, treatment_id=treatment.id if treatment else None,
                      recorder_id=treatment.recorder_id if treatment else None)
        held: QuarantinedFile | None = None
        name = printable(posixpath.basename(path))
        done = ""  # what has changed so far, for a "done, but …"
        if on_disk:
            deposit.guard(path, follow_links=False)  # a link is refused before any change
        self._begin(intent, "quarantine" if quarantine else "delete", path, dict(detail))
        if on_disk:
            if quarantine:
                held = deposit.quarantine(path, self.profile.quarantine_dir)
                detail.update(quarantined_path=held.quarantined_path,
                              quarantined_at=held.quarantined_at.isoformat())
                done = translate("actions", "{file} was moved to the quarantine ({where})") \
                    .format(file=name, where=held.quarantined_path)
            else:
                deposit.delete(path)
                done = translate("actions", "{file} was deleted from the deposit folder") \
                    .format(file=name)
        try:
            if treatment is not None:
                with contextlib.suppress(PodNotFound):
                    self.client.delete_treatment(treatment.id)
                done = done or translate("actions", "Pod's row of {file} was removed").format(
                    file=name)
            if deposit.exists(path):
                raise ActionError(translate("actions", "{file} is still in the deposit folder.")
                                  .format(file=name))
            if self.client.treatment_for_file(path) is not None:
                raise ActionError(translate("actions", "Pod still lists {file}.").format(
                    file=name))
        except RecmanagerError as exc:
            if not done:
                raise
            raise DoneWithWarning(
                translate("actions", "Done, but not complete: {done}; then: {error}").format(
                    done=done, error=exc.message),
                hint=translate("actions", "Delete it again to remove what is left."),
            ) from exc
        return DeleteResult(path, size, treatment.id if treatment else None, held)

    def undo_quarantine(self, held: QuarantinedFile) -> str:
        """Put a quarantined file back; Pod's scan lists it again after two passes."""
        detail = {"quarantined_path": held.quarantined_path}
        intent = _Intent()
        try:
            deposit = self._require_delete()
            check_server_path(deposit.root, held.original_path)
            self._begin(intent, "restore", held.original_path, dict(detail))
            deposit.restore(held)
            try:
                back = deposit.exists(held.original_path)
            except RecmanagerError as exc:
                raise DoneWithWarning(
                    translate("actions", "Done, but not verified: {file} was put back; "
                              "checking it failed: {error}").format(
                        file=printable(posixpath.basename(held.original_path)),
                        error=exc.message),
                ) from exc
            if not back:
                raise DepositError(translate("actions", "{file} did not come back.").format(
                    file=posixpath.basename(held.original_path)))
        except DoneWithWarning as exc:
            self._audit("restore", held.original_path, "warning", error=str(exc),
                        detail=detail, intent=intent)
            raise
        except RecmanagerError as exc:
            self._audit("restore", held.original_path, "failed", error=str(exc), detail=detail,
                        intent=intent)
            raise
        self._audit("restore", held.original_path, "ok", detail=detail, intent=intent)
        return translate(
            "actions", "{file} is back in the deposit folder; Pod lists it again after its "
            "next two scans.").format(file=posixpath.basename(held.original_path))


def undoable_quarantines(
    db: Database, profile: str, days: int, *, now: datetime | None = None
) -> list[QuarantinedFile]:
    """Quarantined files of ``profile`` still within the quarantine period and not restored
    (from the audit log, so Undo survives a restart)."""
    now = now or datetime.now(UTC)
    restored: set[str] = set()
    held: list[QuarantinedFile] = []
    for entry in audit.entries(db):  # newest first
        if entry.profile != profile or entry.result not in ("ok", "warning"):
            continue
        if entry.action == "restore":
            restored.add(entry.detail.get("quarantined_path", ""))
        elif entry.action == "quarantine":
            where = entry.detail.get("quarantined_path", "")
            at = datetime.fromisoformat(entry.detail.get("quarantined_at") or
                                        entry.at.isoformat())
            if where and where not in restored and now - at <= timedelta(days=days):
                held.append(QuarantinedFile(entry.target, where, int(entry.detail.get(
                    "size", 0)), at))
                restored.add(where)
    return held


Reconciler = Callable[[journal.Intent], tuple[audit.Result, str, dict[str, Any]]]


def reconcile_interrupted(
    db: Database, profile: Profile, client: PodClient | None, deposit: Deposit | None = None,
    *, others: dict[str, Reconciler] | None = None,
) -> list[str]:
    """Ask Pod what became of each action of ``profile`` interrupted after it may have made
    its first change (journal intents whose process is gone), and write its audit entry now.

    Called at every start: the application's start-up refresh and each command that opens
    the actions. Returns one sentence per action reconciled (for the terminal, the status
    bar and the log). An intent Pod (``client``) or the deposit cannot be asked about now is
    kept for the next start; ``others`` reconcile the actions of other modules (recorder
    edits), which are kept until a command that has one runs.
    """
    messages: list[str] = []
    for intent in journal.leftovers(db, profile.name):
        try:
            if intent.action in (others or {}):
                result, message, facts = (others or {})[intent.action](intent)
            elif intent.action == "deposit-upload":
                if deposit is None:
                    continue
                result, message, facts = _reconcile_upload(deposit, intent)
            elif client is None:
                continue  # kept until Pod can be asked
            elif intent.action == "claim":
                result, message, facts = _reconcile_claim(client, intent)
            elif intent.action == "reassign":
                result, message, facts = _reconcile_reassign(client, intent)
            elif deposit is None:
                continue  # kept until the deposit can be read
            elif intent.action == "restore":
                result, message, facts = _reconcile_restore(deposit, intent)
            elif intent.action in ("delete", "quarantine"):  # the deposit tells
                result, message, facts = _reconcile_delete(client, deposit, intent)
            else:
                continue
        except RecmanagerError as exc:
            log.warning("interrupted %s of %s not reconciled yet: %s", intent.action,
                        intent.target, exc)
            continue
        log.warning("%s", message)
        audit.record(db, profile=profile.name, actor=intent.actor, action=intent.action,
                     target=intent.target, result=result,
                     error="" if result == "ok" else message,
                     detail={**intent.detail, **facts, "reconciled": message,
                             "interrupted_at": intent.at.isoformat()},
                     intent_id=intent.id)
        messages.append(message)
    return messages


def _reconcile_claim(
    client: PodClient, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    path, title = intent.target, str(intent.detail.get("title", ""))
    name = printable(posixpath.basename(path))
    recording = client.recording_for_source(path)
    if recording is None:
        return "failed", translate(
            "actions", "The claim of {file} was interrupted before Pod made it (found at "
            "this start): nothing changed.").format(file=name), {}
    holder = client.user(recording.user_id) if recording.user_id is not None else None
    holder_name = holder.username if holder is not None else "?"
    facts: dict[str, Any] = {"recording_id": recording.id, "recording_owner": holder_name}
    if holder is None or holder_name != intent.detail.get("claimer") or not same_name(
            recording.title, title):
        return "failed", translate(
            "actions", "The interrupted claim of {file} did not happen: Pod holds it as "
            "recording {id} of {owner} (\"{title}\").").format(
            file=name, id=recording.id, owner=holder_name, title=recording.title), facts
    stale = client.treatment_for_file(path)
    if stale is not None:
        with contextlib.suppress(PodNotFound):
            client.delete_treatment(stale.id)
    video = client.find_claimed_video(holder, title, path)
    facts["video_id"] = video.id if video is not None else None
    if video is None:
        return "warning", translate(
            "actions", "The claim of {file} was found done at this start: recording {id} "
            "of {owner}; Pod shows no video of it yet.").format(
            file=name, id=recording.id, owner=holder_name), facts
    owner = str(intent.detail.get("owner", holder_name))
    if owner != holder_name and video.owner_id == holder.id:
        return "warning", translate(
            "actions", "The claim of {file} was found done at this start: recording {id}, "
            "video {video} of {claimer}; the video was not handed to {owner} yet.").format(
            file=name, id=recording.id, video=video.id, claimer=holder_name, owner=owner), facts
    return "ok", translate(
        "actions", "The claim of {file} was found done at this start: recording {id}, "
        "video {video}.").format(file=name, id=recording.id, video=video.id), facts


def _reconcile_reassign(
    client: PodClient, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    video_id = int(intent.detail.get("video_id", 0))
    owner = str(intent.detail.get("owner", ""))
    video = client.video(video_id)
    if video.owner_id == intent.detail.get("owner_id"):
        return "ok", translate(
            "actions", "The owner change of video {id} was found done at this start: it "
            "belongs to {owner}.").format(id=video_id, owner=owner), {}
    holder = client.user(video.owner_id).username if video.owner_id is not None else "?"
    return "failed", translate(
        "actions", "The owner change of video {id} was interrupted and did not happen (found "
        "at this start): it still belongs to {holder}.").format(id=video_id, holder=holder), {}


def _reconcile_delete(
    client: PodClient, deposit: Deposit, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    path = intent.target
    name = printable(posixpath.basename(path))
    if deposit.exists(path):
        return "failed", translate(
            "actions", "The deletion of {file} was interrupted before the file was removed "
            "(found at this start): it is still in the deposit folder.").format(file=name), {}
    row = client.treatment_for_file(path)
    if row is not None:  # the file went, its row stayed: finish, or Pod's scan lists nothing
        with contextlib.suppress(PodNotFound):
            client.delete_treatment(row.id)
    return "ok", translate(
        "actions", "The deletion of {file} was found done at this start: the file is gone "
        "and Pod no longer lists it.").format(file=name), {"treatment_removed_now": row is not None}


def _reconcile_upload(
    deposit: Deposit, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    name = printable(posixpath.basename(intent.target))
    size = intent.detail.get("size")
    if deposit.exists(intent.target) and deposit.stat(intent.target).size == size:
        return "ok", translate(
            "actions", "The upload of {file} was found done at this start: it is in the "
            "deposit folder, whole.").format(file=name), {}
    return "failed", translate(
        "actions", "The upload of {file} was interrupted (found at this start): what was "
        "sent stays under a hidden name Pod skips, and uploading the file again resumes "
        "it.").format(file=name), {}


def _reconcile_restore(
    deposit: Deposit, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    name = printable(posixpath.basename(intent.target))
    if deposit.exists(intent.target):
        return "ok", translate(
            "actions", "The undo of {file} was found done at this start: it is back in the "
            "deposit folder.").format(file=name), {}
    return "failed", translate(
        "actions", "The undo of {file} was interrupted before the file was put back (found at "
        "this start): it stays in the quarantine ({where}).").format(
        file=name, where=printable(str(intent.detail.get("quarantined_path", "")))), {}


@dataclass(frozen=True)
class DepositRoot:
    """The deposit root an action works with, and where it comes from."""

    path: str
    from_pod: bool  # read from Pod's data (the profile gave none, or Pod's default)
    example: str = ""  # the Pod path it was read from, or that confirmed it

    @property
    def message(self) -> str:
        if self.from_pod:
            return translate("actions", "Deposit root: {root} (read from Pod: {example}).") \
                .format(root=self.path, example=printable(self.example))
        return translate("actions", "Deposit root: {root} (from the profile).").format(
            root=self.path)


def settle_deposit_root(profile: Profile, client: PodClient) -> DepositRoot:
    """The deposit root to use, checked against Pod's data before anything changes.

    A profile that gives no root (or Pod's default) takes the one Pod's own rows show; a
    root that Pod's rows contradict is refused with both named, since every path check
    and every relative path would otherwise be wrong.
    """
    given = posixpath.normpath(profile.deposit_root or "/")
    found = client.deposit_root()
    if found is None:
        return DepositRoot(given, False)
    pod_root, example = posixpath.normpath(found[0]), found[1]
    if not profile.deposit_root_given:
        return DepositRoot(pod_root, True, example)
    if pod_root != given:
        raise ConfigError(
            translate(
                "actions",
                "The deposit root {given} of the profile contradicts Pod's data: Pod's "
                "deposited files are under {root} (for example {example}). Nothing was "
                "changed.",
            ).format(given=given, root=pod_root, example=printable(example)),
            hint=translate(
                "actions",
                "Correct the deposit root in the profile (or RECMANAGER_DEPOSIT_ROOT), or "
                "leave it empty so that Pod's is used.",
            ),
        )
    return DepositRoot(given, False, example)


@contextmanager
def open_actions(
    profile: Profile,
    context: AppContext,
    *,
    need_deposit: bool = False,
    on_unknown_host_key: HostKeyQuestion | None = None,
    on_status: OnStatus | None = None,
    superuser: bool | None = None,
) -> Iterator[Actions]:
    """Actions for ``profile`` with what it can reach: the REST client always, the deposit
    (required when ``need_deposit``) and the web session when the profile has a web login.

    The deposit root is settled first (:func:`settle_deposit_root`): ``actions.profile``
    carries the root in use and ``actions.deposit_root`` says where it comes from.
    """
    from recmanager.deposit import open_deposit

    with ExitStack() as stack:
        client = stack.enter_context(PodClient.from_profile(profile, context.secrets))
        root = settle_deposit_root(profile, client)
        profile = replace(profile, deposit_root=root.path)
        deposit: Deposit | None = None
        problem: DepositError | None = None
        try:
            deposit = stack.enter_context(open_deposit(
                profile, context, on_unknown_host_key=on_unknown_host_key, on_status=on_status))
        except DepositError as exc:
            if need_deposit:
                raise
            if names_a_deposit(profile):
                problem = exc
                log.warning("deposit of %s unreachable: claims are refused", profile.name)
            else:
                log.info("profile %s names no deposit: claims are checked on Pod only",
                         profile.name)
        web: PodWebSession | None = None
        try:
            web = stack.enter_context(PodWebSession.from_profile(profile, context.secrets))
        except ConfigError:
            web = None
        actions = Actions(profile, context.db, client, deposit=deposit, web=web,
                          superuser=superuser, deposit_problem=problem)
        actions.deposit_root = root
        actions.reconciled = reconcile_interrupted(context.db, profile, client, deposit)
        yield actions


def names_a_deposit(profile: Profile) -> bool:
    """True when the profile says where its deposit is (an SFTP host or a mounted folder)."""
    if profile.deposit_kind == "local":
        return bool(profile.local_deposit)
    return bool(profile.sftp_host)
