"""What became of the actions a previous run left under way: Pod and the deposit are asked,
and the audit entry the run could not write is written now."""

from __future__ import annotations

import contextlib
import logging
import posixpath
from collections.abc import Callable
from typing import Any

from recmanager import audit, journal
from recmanager.config import Profile
from recmanager.deposit.base import Deposit, QuarantinedFile
from recmanager.errors import PodNotFound, RecmanagerError
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.model import same_name
from recmanager.pod.rest import PodClient
from recmanager.store import Database

log = logging.getLogger("recmanager.actions")

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
    facts = {"treatment_removed_now": row is not None}
    where = str(intent.detail.get("quarantined_path", ""))
    if intent.action == "quarantine" and where and deposit.in_quarantine(QuarantinedFile(
            path, where, int(intent.detail.get("size", 0)), intent.at)):
        # The audit entry keeps the journaled place: Undo finds the file there.
        return "ok", translate(
            "actions", "The move of {file} to the quarantine was found done at this start: it "
            "is in {where}, and Undo can put it back.").format(
            file=name, where=printable(where)), facts
    return "ok", translate(
        "actions", "The deletion of {file} was found done at this start: the file is gone "
        "and Pod no longer lists it.").format(file=name), facts


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
