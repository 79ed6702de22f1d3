"""Claim a deposited recording for an owner: check, claim, verify what Pod made of it, and
hand the video on when the owner is not staff."""

from __future__ import annotations

import contextlib
import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from recmanager.actions.base import REFUSALS, VERIFY_POLL_S, VERIFY_TIMEOUT_S, OpenIntent
from recmanager.actions.reassign import Reassigning
from recmanager.deposit.names import check_server_path
from recmanager.errors import (
    ActionError,
    AlreadyClaimed,
    Cancelled,
    DepositError,
    DoneWithWarning,
    PodAmbiguousResult,
    PodNotFound,
    PodPermissionError,
    PodValidationError,
    RecmanagerError,
    ValidationError,
)
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.model import Recording, Treatment, User, Video, name_key, same_name
from recmanager.progress import CancelToken, Progress, ProgressCallback, no_progress


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



class Claiming(Reassigning):
    """The claim of a deposited recording (a non-staff owner's video is then reassigned)."""

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
        intent = OpenIntent()
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
        intent: OpenIntent,
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
        user, claimer = self._owner_and_claimer(owner, detail)
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
        return self._send_claim(treatment, path, user, claimer, title, cancel, progress,
                                intent)

    def _owner_and_claimer(self, owner: User | str, detail: dict[str, Any]) -> tuple[User, User]:
        """The owner asked for, and the account the claim is made with: the owner when staff,
        else the profile's own staff account (Pod gives claimed recordings to staff only)."""
        user = self.resolve_user(owner)
        detail["owner"] = user.username
        if user.is_staff:
            return user, user
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
        detail["claimed_as"] = me.username
        return user, me

    def _send_claim(
        self, treatment: Treatment, path: str, user: User, claimer: User, title: str,
        cancel: CancelToken, progress: ProgressCallback, intent: OpenIntent,
    ) -> ClaimResult:
        """Journal the claim, send it, and verify it; a claim Pod refuses because the file is
        claimed already is judged on what Pod holds."""
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
        progress(Progress(2, 4, message=translate(
            "actions", "Waiting for Pod to take {file}…").format(file=name)))
        self._wait_until_taken(recording, path, claimer, cancel)
        progress(Progress(3, 4, message=translate(
            "actions", "Waiting for Pod's video of {file}…").format(file=name)))
        video = self._wait_for_video(recording, path, claimer, title, cancel)
        reassigned_to = ""
        if claimer.id != user.id:
            self._hand_on(recording, video, name, user, claimer, cancel, notes)
            reassigned_to = user.username
        progress(Progress(4, 4, message=translate("actions", "Claimed {file}.").format(
            file=name)))
        return ClaimResult(path, user.username, title, recording.id, video.id,
                           already_done=already_done, reassigned_to=reassigned_to,
                           notes=tuple(notes), recording_owner=claimer.username)

    def _wait_until_taken(
        self, recording: Recording, path: str, claimer: User, cancel: CancelToken
    ) -> None:
        """Wait for Pod's processing to move the file out of the deposit (when connected)."""
        if self.deposit is None:
            return
        deposit = self.deposit
        if not _poll(lambda: not deposit.exists(path), cancel, self.verify_timeout):
            raise DoneWithWarning(
                translate(
                    "actions",
                    "Done, but Pod has not taken the file: it holds recording {id} of "
                    "{file} for {claimer}, and the file is still in the deposit folder "
                    "after {seconds} s.",
                ).format(file=posixpath.basename(path), id=recording.id,
                         claimer=claimer.username, seconds=int(self.verify_timeout)),
                hint=translate("actions", "Pod's processing may be stopped; ask its "
                               "administrators. Do not claim it again."),
                detail=_held(recording, claimer),
            )

    def _wait_for_video(
        self, recording: Recording, path: str, claimer: User, title: str, cancel: CancelToken
    ) -> Video:
        """Wait for the video Pod makes of the claimed recording."""
        video = _poll(lambda: self._claimed_video(claimer, title, path), cancel,
                      self.verify_timeout)
        if video is None:
            raise DoneWithWarning(
                translate(
                    "actions",
                    "Done, but no video yet: Pod holds recording {id} of {file} for {owner}, "
                    "and no video of it appeared within {seconds} s.",
                ).format(file=posixpath.basename(path), id=recording.id,
                         owner=claimer.username, seconds=int(self.verify_timeout)),
                hint=translate("actions", "Look at the owner's videos in Pod; do not claim it "
                               "again."),
                detail=_held(recording, claimer),
            )
        return video

    def _hand_on(
        self, recording: Recording, video: Video, name: str, user: User, claimer: User,
        cancel: CancelToken, notes: list[str],
    ) -> None:
        """Give the video claimed for the staff ``claimer`` to the non-staff ``user``, and say
        so in ``notes``; a failure is "done, but …" since Pod holds the claim."""
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
                    detail={**_held(recording, claimer), "video_id": video.id},
                ) from exc
            notes.append(reassign.message)
        notes.insert(0, translate(
            "actions",
            "{user} is not staff, so it was claimed for {claimer} and the video was then "
            "reassigned to {user}.",
        ).format(user=user.username, claimer=claimer.username))

    def _claimed_video(self, owner: User, title: str, path: str) -> Video | None:
        video = self.client.find_claimed_video(owner, title, path)
        if video is not None:
            return video
        return None


def _held(recording: Recording, claimer: User) -> dict[str, Any]:
    """What Pod holds once the claim is made, for the audit entry of a "done, but …"."""
    return {"recording_id": recording.id, "recording_owner": claimer.username}
