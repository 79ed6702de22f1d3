"""What the groups of REST endpoints share: the token's :class:`PodHttp` and the
hyperlinks Pod expects in request bodies."""

from __future__ import annotations

from recmanager.pod.http import OverPodHttp


class RestApi(OverPodHttp):
    """The base of :class:`recmanager.pod.rest.PodClient` and of its endpoint groups."""

    # After an ambiguous POST, when to look whether the object exists (seconds).
    recheck_delays: tuple[float, ...]

    def url_for(self, resource: str, object_id: int) -> str:
        """The hyperlink Pod expects in a body for ``object_id`` of ``resource`` (``users``…)."""
        return f"{self.base_url}/rest/{resource}/{int(object_id)}/"
