"""Delete a deposited file, or move it to the quarantine, then Pod's row of it."""

from __future__ import annotations

import contextlib
import posixpath
from dataclasses import dataclass
from typing import Any

from recmanager.actions.base import REFUSALS, ActionsBase, OpenIntent
from recmanager.deposit.base import QuarantinedFile
from recmanager.errors import (
    ActionError,
    DoneWithWarning,
    PodNotFound,
    RecmanagerError,
    ValidationError,
)
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.model import Treatment, name_key


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



class Deleting(ActionsBase):
    """Deleting (or quarantining) a deposited recording: the file first, then Pod's row."""

    def delete(self, path: str, *, quarantine: bool = False) -> DeleteResult:
        """Remove the file (or move it to the quarantine), then Pod's row — in that order,
        so Pod's scan cannot bring the recording back."""
        action = "quarantine" if quarantine else "delete"
        detail: dict[str, Any] = {}
        intent = OpenIntent()
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
                intent: OpenIntent) -> DeleteResult:
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
            if quarantine:  # journaled with the intent: a run killed after the move knows it
                held = deposit.plan_quarantine(path, self.profile.quarantine_dir)
                detail.update(quarantined_path=held.quarantined_path,
                              quarantined_at=held.quarantined_at.isoformat())
        self._begin(intent, "quarantine" if quarantine else "delete", path, dict(detail))
        if on_disk:
            if held is not None:
                deposit.move_to_quarantine(held)
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
