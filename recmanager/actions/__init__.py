"""Claim, reassign, delete and undo one recording through Pod: check -> do -> verify -> audit.

Each action checks its preconditions against the server (not against what a window last
showed), does the work, reads the server again to verify the outcome, and appends an
audit entry whatever happened. The inbox, bulk assignment and the command line all call
these functions, so a recording is handled the same way whoever asks.

- ``base``: what every action shares: per-file locks, the journal and the audit entry, users,
  and the checks made before any change.
- ``permissions``: what the account may do on this Pod (staff, superuser).
- ``claim``: claim a deposited recording for an owner, and verify what Pod made of it.
- ``reassign``: give a claimed video to another owner.
- ``delete``: delete a deposited file, or move it to the quarantine.
- ``undo``: put a quarantined file back, and which ones still can be.
- ``upload``: deposit a local file into a recorder folder, journalled.
- ``reconcile``: what became of the actions a previous run left under way.
- ``root``: the deposit root, settled against Pod's data.
- ``opening``: all the actions of one profile, opened with what the profile reaches.
"""
