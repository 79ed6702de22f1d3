"""Know a recording before opening it: duration, pictures and quality flags, from a few
percent of its bytes read through the deposit.

``inspect(deposit, path)`` makes an :class:`Inspection` (facts, thumbnail and contact sheet
as PNG bytes, flags with their evidence); ``inspect_cached`` reads it from the store when the
file has not changed; ``inspect_after_scan`` (``inspect_files`` for any list of files) is the
background pass run after each scan, at bounded concurrency. No Qt here: the inbox and the
bulk plans call these.

The model (flags, their wording) is imported at once; the rest on first use, as it loads
FFmpeg's libraries (a quarter of a second), which a window showing flags does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from recmanager.inspection.model import (
    FLAG_LABELS,
    Flag,
    FlagKind,
    Inspection,
    clock,
    slot_flag,
)

if TYPE_CHECKING:
    from recmanager.inspection.analyse import (
        InspectionSettings,
        cut_short,
        inspect,
        with_settings,
    )
    from recmanager.inspection.cache import (
        CONCURRENCY,
        PassResult,
        inspect_after_scan,
        inspect_cached,
        inspect_files,
        load,
        load_all,
        save,
    )

_LATER = {
    "InspectionSettings": "analyse", "cut_short": "analyse", "inspect": "analyse",
    "with_settings": "analyse", "CONCURRENCY": "cache", "PassResult": "cache",
    "inspect_after_scan": "cache", "inspect_cached": "cache", "inspect_files": "cache",
    "load": "cache", "load_all": "cache", "save": "cache",
}


def __getattr__(name: str) -> Any:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LATER[name]}"), name)


__all__ = [
    "CONCURRENCY", "FLAG_LABELS", "Flag", "FlagKind", "Inspection", "InspectionSettings",
    "PassResult", "clock", "cut_short", "inspect", "inspect_after_scan", "inspect_cached",
    "inspect_files", "load", "load_all", "save", "slot_flag", "with_settings",
]
