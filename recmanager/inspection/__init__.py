"""Know a recording before opening it: duration, pictures and quality flags, from a few
percent of its bytes read through the deposit.

``inspect(deposit, path)`` makes an :class:`Inspection` (facts, thumbnail and contact sheet
as PNG bytes, flags with their evidence); ``inspect_cached`` reads it from the store when the
file has not changed; ``inspect_files`` is the background pass run after each scan, at
bounded concurrency. No Qt here: the inbox and the bulk plans call these.
"""

from recmanager.inspection.analyse import InspectionSettings, cut_short, inspect, with_settings
from recmanager.inspection.cache import (
    CONCURRENCY,
    PassResult,
    inspect_cached,
    inspect_files,
    load,
    load_all,
    save,
)
from recmanager.inspection.model import (
    FLAG_LABELS,
    Flag,
    FlagKind,
    Inspection,
    clock,
    slot_flag,
)

__all__ = [
    "CONCURRENCY", "FLAG_LABELS", "Flag", "FlagKind", "Inspection", "InspectionSettings",
    "PassResult", "clock", "cut_short", "inspect", "inspect_cached", "inspect_files", "load",
    "load_all", "save", "slot_flag", "with_settings",
]
