"""The recordings inbox: Pod's unclaimed rows + the deposit scan + local state -> rows.

- ``rows``: the rows and their states, the recorders and local facts beside them.
- ``merge``: Pod's treatment rows, the deposit scan and local state merged into rows.
- ``refresh``: one refresh against the servers, step by step (Pod, deposit, merge, cache).
- ``cache``: the offline copy of the last good inbox.
- ``zips``: zip deposits read from their directory, and the byte sources the preview plays.
"""

from recmanager.inbox.zips import inspect_zip

__all__ = ["inspect_zip"]
