"""Put a quarantined file back in the deposit folder, and list those that still can be."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime, timedelta

from recmanager import audit
from recmanager.actions.base import ActionsBase, OpenIntent
from recmanager.deposit.base import QuarantinedFile
from recmanager.deposit.names import check_server_path
from recmanager.errors import DepositError, DoneWithWarning, RecmanagerError
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.store import Database


class Undoing(ActionsBase):
    """The undo of a quarantine."""

    def undo_quarantine(self, held: QuarantinedFile) -> str:
        """Put a quarantined file back; Pod's scan lists it again after two passes."""
        detail = {"quarantined_path": held.quarantined_path}
        intent = OpenIntent()
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
