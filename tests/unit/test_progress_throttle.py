"""A throttled progress report: at most one per interval, forced ones always, and a way for a
tight loop to know beforehand whether building a report is worth it."""

from __future__ import annotations

import time

from recmanager.progress import Progress, Throttle


def test_reports_are_forwarded_at_most_once_per_interval_and_due_says_when():
    seen: list[Progress] = []
    throttle = Throttle(seen.append, interval=0.2)
    assert throttle.due()
    throttle(Progress(done=1, total=10))
    assert not throttle.due()
    throttle(Progress(done=2, total=10))  # within the interval: dropped
    throttle(Progress(done=3, total=10), force=True)  # forced: always forwarded
    assert [p.done for p in seen] == [1, 3]
    time.sleep(0.25)
    assert throttle.due()
    throttle(Progress(done=4, total=10))
    assert [p.done for p in seen] == [1, 3, 4]
