"""Column widths that keep every column of a table in view."""

from __future__ import annotations


def shrink_to_fit(widths: list[int], floors: list[int], room: int) -> list[int]:
    """``widths`` narrowed to fit ``room``: each column gives in proportion to what it has
    above its floor (a column whose floor is its width never gives)."""
    excess = sum(widths) - room
    slack = sum(max(0, width - floor) for width, floor in zip(widths, floors, strict=True))
    if excess <= 0 or slack <= 0:
        return list(widths)
    share = min(1.0, excess / slack)
    return [width - int(max(0, width - floor) * share + 0.999)
            for width, floor in zip(widths, floors, strict=True)]
