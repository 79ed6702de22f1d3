"""Bulk assignment of owners: rules (a CSV) or an inbox selection -> plan -> apply -> report.

Support staff give a term's worth of recordings their owners at once. Nothing changes on
Pod before a *plan* has been shown: every unclaimed recording resolved to one owner, with
the problems (two rules, no rule, unknown or non-staff owner, file still uploading) counted.
Applying runs the inbox's claim action for each row with bounded concurrency and writes
each row's outcome to the ``bulk_rows`` table *before and after* the claim, so a killed
application or a lost connection is resumed by running the same plan again: rows already
done are not touched, rows caught in the middle are checked on Pod and reported, and every
remaining row is claimed exactly once.

- ``rules``: the rules CSV read and checked (columns, dates, timetable slots, titles).
- ``plan``: the plan's rows, their problems and statuses, its summary.
- ``matching``: a plan made from rules or from an inbox selection, owners looked up.
- ``outcomes``: each row's outcome stored, and an earlier run's folded back in (resume).
- ``apply``: the plan carried out, claims a few at a time.
- ``report``: the exported plan, the report CSV, the plan as JSON.
- ``run``: one run against one server, shared by the window and ``bulk-assign``.
"""
