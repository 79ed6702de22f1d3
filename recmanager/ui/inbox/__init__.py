"""The recordings screen (the main window's central area).

- ``panel``: the layout — offline banner, recorder sidebar, filters, table, detail pane.
- ``actions``: Claim, Reassign, Delete, Undo quarantine, Audit log: handlers and dialogs.
- ``depositing``: uploading local files into a recorder's folder.
- ``refresh``: the cached copy, refreshes from the servers, the offline state.
- ``filters``: the recorder sidebar, the filter line, the state and date choices.
- ``columns``: column and sidebar widths fitted to their texts.
- ``detail``: the selected recording's facts, Pod links and the player.
- ``preview_source``: what the player plays for a row (stream, zip member, Pod's address).
- ``model``: the table model and its sorting, filtering proxy.
"""
