"""A profile's recorders: what the recorders window, the editor, the sanity panel, the set-up
sheet and ``recmanager recorders`` work with.

- ``mode``: what Pod does with a recorder's finished file, as the inbox shows it too.
- ``model``: a recorder's fields, their labels and Pod's limits on them.
- ``validation``: what the editor refuses before anything is sent (IP, hash key, folder, manager).
- ``saving``: which channel writes each changed field, the save report, its audit entries.
- ``service``: the recorders on Pod, read and saved through REST and the admin pages.
- ``notify``: a recorder's notify key and URL, and calling it for real.
- ``setup_sheet``: what to enter on the device.
- ``sanity``: the sanity checks, one per kind of problem, and their fixes.
"""
