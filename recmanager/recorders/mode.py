"""What Pod does with a recorder's finished file: the one type, its labels and Pod's rule.

The inbox, the recorders window, the commands and the set-up sheet all name a recorder's mode
with :class:`RecorderMode`; its values are what ``recmanager recorders`` prints.
"""

from __future__ import annotations

from enum import StrEnum

from recmanager.i18n import QT_TRANSLATE_NOOP, translate


class RecorderMode(StrEnum):
    """How Pod publishes a recorder's files (docs/pod.md section 2); unknown when the recorder's
    manager and publishing cannot be read (they need a superuser web session)."""

    MANUAL_CLAIM = "manual-claim"
    MANAGER_NOTIFIED = "manager-notified"
    AUTO_PUBLISH = "auto-publish"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> RecorderMode | None:
        """The values an inbox cached by an earlier version holds in the store."""
        return _EARLIER_VALUES.get(value) if isinstance(value, str) else None


_EARLIER_VALUES = {
    "manual": RecorderMode.MANUAL_CLAIM,
    "managed": RecorderMode.MANAGER_NOTIFIED,
    "auto": RecorderMode.AUTO_PUBLISH,
}

MODE_LABELS: dict[RecorderMode, str] = {
    RecorderMode.MANUAL_CLAIM: QT_TRANSLATE_NOOP("RecorderMode", "manual claim"),
    RecorderMode.MANAGER_NOTIFIED: QT_TRANSLATE_NOOP("RecorderMode", "manager notified by e-mail"),
    RecorderMode.AUTO_PUBLISH: QT_TRANSLATE_NOOP("RecorderMode", "auto-publish"),
    RecorderMode.UNKNOWN: QT_TRANSLATE_NOOP(
        "RecorderMode", "unknown (needs a superuser web session)"),
}


def mode_label(mode: RecorderMode) -> str:
    """The mode in the user's language."""
    return translate("RecorderMode", MODE_LABELS[mode])


def recorder_mode(manager_id: int | None, publication_auto: bool | None) -> RecorderMode:
    """Pod's rule (docs/pod.md sections 2 and 3): no manager = manual claim; a manager = an
    e-mail to the manager, or automatic publication when ``publication_auto``."""
    if manager_id is None:
        return RecorderMode.MANUAL_CLAIM
    return RecorderMode.AUTO_PUBLISH if publication_auto else RecorderMode.MANAGER_NOTIFIED
