"""Give a claimed video to another owner, and check Pod made the change."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from recmanager.actions.base import ActionsBase, OpenIntent
from recmanager.errors import (
    ActionError,
    PodAmbiguousResult,
    PodConnectionError,
    PodError,
    PodNotFound,
    PodPermissionError,
    RecmanagerError,
    ValidationError,
)
from recmanager.i18n import translate
from recmanager.pod.model import User, Video
from recmanager.progress import CancelToken

log = logging.getLogger("recmanager.actions")


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


class Reassigning(ActionsBase):
    """The owner change of a claimed video."""

    def reassign(
        self, video_id: int, new_owner: User | str, *, cancel: CancelToken | None = None
    ) -> ReassignResult:
        """Give a claimed video to another user (staff or not)."""
        cancel = cancel or CancelToken()
        target = f"video:{int(video_id)}"
        detail: dict[str, Any] = {"video_id": int(video_id),
                                  "owner": str(getattr(new_owner, "username", new_owner))}
        intent = OpenIntent()
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
