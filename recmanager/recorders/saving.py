"""Saving a recorder: which fields changed, which channel writes each, what Pod did not keep,
and the audit and journal entries of every save.

Pod silently ignores PATCH fields it does not know, so every save re-reads the server and
reports each field that did not take.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from recmanager import audit, journal
from recmanager.errors import DoneWithWarning, RecmanagerError, ValidationError
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.recorders.model import (
    REST_FIELDS,
    WEB_FIELDS,
    RecorderFields,
    RecorderInfo,
    field_label,
)
from recmanager.recorders.validation import normalise_ip

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.recorders.service import RecorderService
    from recmanager.store import Database

@dataclass(frozen=True)
class FieldMismatch:
    field: str
    wanted: Any
    got: Any


@dataclass
class SaveReport:
    """What a save did: the channel of each field, and each field the server did not keep."""

    recorder_id: int
    created: bool
    via_rest: list[str]
    via_web: list[str]
    not_taken: list[FieldMismatch]
    after: RecorderInfo | None = None
    intent_id: int | None = None  # the journal entry audit_save clears

    @property
    def ok(self) -> bool:
        return not self.not_taken

    @property
    def partial(self) -> bool:
        """Some of the changes are on the server, not all: "done, but …"."""
        return bool(self.not_taken) and len(self.not_taken) < len(self.via_rest + self.via_web)

    def summary(self) -> str:
        lines: list[str] = []
        if self.partial:
            missing = {miss.field for miss in self.not_taken}
            lines.append(translate("recorders", "Done, but not complete: Pod now holds {fields}."
                                   ).format(fields=", ".join(
                field_label(f) for f in self.via_rest + self.via_web if f not in missing)))
        if self.created:
            lines.append(translate("recorders", "Recorder created (id {id}).").format(
                id=self.recorder_id))
        if self.via_rest:
            lines.append(translate("recorders", "Sent over REST: {fields}.").format(
                fields=", ".join(field_label(f) for f in self.via_rest)))
        if self.via_web:
            lines.append(translate("recorders", "Sent over the web session: {fields}.").format(
                fields=", ".join(field_label(f) for f in self.via_web)))
        if not self.via_rest and not self.via_web:
            lines.append(translate("recorders", "Nothing changed; nothing was sent."))
        for miss in self.not_taken:
            lines.append(translate(
                "recorders", "Pod did not keep {field}: wanted {wanted}, the server has {got}."
            ).format(field=field_label(miss.field), wanted=_show(miss.wanted), got=_show(miss.got)))
        return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return translate("recorders", "(none)")
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _comparable(name: str, value: Any) -> Any:
    if isinstance(value, tuple):
        return sorted(value)
    if name == "address_ip" and isinstance(value, str):
        try:
            return normalise_ip(value)
        except ValueError:
            return value
    if name == "description" and isinstance(value, str):
        return value.strip()
    return value


def changed_fields(before: RecorderFields | None, after: RecorderFields) -> list[str]:
    """Field names whose value differs (all known fields for a new recorder)."""
    names = [f.name for f in fields(RecorderFields)]
    if before is None:
        return [n for n in names if getattr(after, n) is not None]
    return [
        n for n in names
        if getattr(after, n) is not None
        and _comparable(n, getattr(before, n)) != _comparable(n, getattr(after, n))
    ]


def plan_channels(
    before: RecorderFields | None, after: RecorderFields, *, web_available: bool
) -> tuple[list[str], list[str]]:
    """Which changed fields go over REST, which over the web session.

    A new recorder can only be made through the admin form (REST POST fails in Pod), so
    everything goes over the web. A web-only change without a web session is refused here,
    before anything is sent.
    """
    changed = changed_fields(before, after)
    if before is None:
        if not web_available:
            raise RecmanagerError(
                translate("recorders", "Creating a recorder needs a web session."),
                hint=translate(
                    "recorders", "Pod's REST API cannot create recorders. Give the profile a "
                    "Pod username and password (superuser) to use the admin form."),
            )
        return [], changed
    rest = [n for n in changed if n in REST_FIELDS]
    web = [n for n in changed if n in WEB_FIELDS]
    if web and not web_available:
        raise RecmanagerError(
            translate("recorders", "{fields} can only be changed through a web session.").format(
                fields=", ".join(field_label(n) for n in web)),
            hint=translate(
                "recorders", "Pod's REST API does not expose these fields. Give the profile a Pod "
                "username and password (superuser)."),
        )
    return rest, web


def mismatches(wanted: RecorderFields, got: RecorderFields, names: Iterable[str]) -> list[
    FieldMismatch
]:
    return [
        FieldMismatch(n, getattr(wanted, n), getattr(got, n))
        for n in names
        if _comparable(n, getattr(wanted, n)) != _comparable(n, getattr(got, n))
    ]


def audit_save(db: Database, profile: Profile, report: SaveReport) -> None:
    """One audit entry per recorder save: the channels used and what did not take."""
    audit.record(
        db, profile=profile.name, actor=profile.actor,
        action="recorder-create" if report.created else "recorder-edit",
        target=report.after.name if report.after else str(report.recorder_id),
        result="ok" if report.ok else "warning" if report.partial else "failed",
        error="; ".join(m.field for m in report.not_taken),
        detail={"recorder_id": report.recorder_id, "rest": report.via_rest,
                "web": report.via_web},
        intent_id=report.intent_id,
    )


@contextmanager
def audit_unsaved(db: Database, profile: Profile, target: str, *, creating: bool) -> Iterator[None]:
    """A recorder save that ends in an error (refused, the server unreachable…) is written to
    the audit log too: the log holds every attempt, not only those that reached Pod."""
    try:
        yield
    except DoneWithWarning:
        raise  # partly saved: audit_partial_save says what Pod holds
    except RecmanagerError as exc:
        audit.record(
            db, profile=profile.name, actor=profile.actor,
            action="recorder-create" if creating else "recorder-edit", target=target,
            result="refused" if isinstance(exc, ValidationError) else "failed",
            error=exc.message,
        )
        raise


def audit_partial_save(db: Database, profile: Profile, before: RecorderInfo,
                       error: DoneWithWarning) -> None:
    """The audit entry of an edit the server took only in part: what is saved, what is not."""
    audit.record(
        db, profile=profile.name, actor=profile.actor, action="recorder-edit",
        target=before.name, result="warning", error=str(error), detail=error.detail,
    )


def field_digests(values: RecorderFields, names: Iterable[str]) -> dict[str, str]:
    """A fingerprint of each field's value, as compared on the server: the journal keeps
    these, never the values (the hash key is one)."""
    return {name: hashlib.sha256(json.dumps(_comparable(name, getattr(values, name)),
                                            default=str, sort_keys=True).encode()).hexdigest()
            for name in names}


def reconcile_edit(
    service: RecorderService, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    """What became of a recorder edit interrupted after it may have sent something."""
    wanted: dict[str, str] = dict(intent.detail.get("fields") or {})
    now = field_digests(service.read(int(intent.detail["recorder_id"])).fields, wanted)
    taken = [name for name in wanted if now[name] == wanted[name]]
    facts = {"taken": taken}
    name = printable(intent.target)
    if len(taken) == len(wanted):
        return "ok", translate(
            "recorders", "The edit of recorder {name} was found done at this start: Pod holds "
            "every change.").format(name=name), facts
    if not taken:
        return "failed", translate(
            "recorders", "The edit of recorder {name} was interrupted before Pod took any of "
            "it (found at this start).").format(name=name), facts
    return "warning", translate(
        "recorders", "The edit of recorder {name} was interrupted (found at this start): Pod "
        "holds {taken}, not {missing}.").format(
        name=name, taken=", ".join(field_label(n) for n in taken),
        missing=", ".join(field_label(n) for n in wanted if n not in taken)), facts

