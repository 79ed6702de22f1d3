"""The quality flags of a plan's recordings: what their inspections found, and *shorter than
its timetable slot* where the rule that matched a recording has a slot, so that a silent or
cut-short recording is seen (and can be left out) before it is given to a teacher."""

from __future__ import annotations

from collections.abc import Mapping

from recmanager.bulk.plan import Plan
from recmanager.inspection.model import FlagKind, Inspection, slot_flag

# The words `--exclude` takes for each flag, written as the plan's problems are.
FLAG_CHOICES: dict[str, FlagKind] = {kind.value.replace("_", "-"): kind for kind in FlagKind}


def add_flags(plan: Plan, inspections: Mapping[str, Inspection]) -> None:
    """Give each recording of ``plan`` the flags of its inspection (one of this very file:
    same size), and the slot flag when it fills too little of its rule's slot."""
    for row in plan.rows:
        if row.row is None:
            continue
        found = inspections.get(row.source_file)
        if found is None or found.size != row.row.size:
            row.flags = ()
            continue
        flags = [flag for flag in found.flags if flag.kind is not FlagKind.SHORTER_THAN_SLOT]
        short = slot_flag(found.duration_s, row.slot_s)
        if short is not None:
            flags.append(short)
        row.flags = tuple(flags)
