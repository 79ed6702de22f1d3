"""Reading Pod's paginated lists (``{count, next, previous, results}``): every page in
order, or the last page first. The one place that knows how Pod pages its lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from recmanager.errors import PodNotFound, PodServerError
from recmanager.i18n import translate
from recmanager.pod.http import PodHttp


def pages(
    http: PodHttp, path: str, params: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Every result of a paginated list ``{count,next,previous,results}``, all pages."""
    url: str | None = path
    seen: set[str] = set()
    while url:
        data = http.json("GET", url, params=params)
        params = None  # ``next`` already carries the query
        yield from results(data, path)  # a list: a Pod without pagination
        if isinstance(data, list):
            return
        seen.add(url)
        next_url = data.get("next")
        url = http.absolute(next_url) if next_url else None
        if url in seen:
            break


def pages_last_first(http: PodHttp, path: str) -> Iterator[dict[str, Any]]:
    """Every result of a paginated list, the last page first (``?page=N`` from the
    count); pages that vanish meanwhile are skipped, the others still read."""
    first = http.json("GET", path)
    if isinstance(first, list) or not isinstance(first, dict) or not first.get("next"):
        yield from results(first, path)
        return
    page_size = max(1, len(first["results"]))
    last_page = -(-int(first.get("count") or 0) // page_size)
    for page in range(last_page, 1, -1):
        try:
            yield from results(http.json("GET", path, params={"page": page}), path)
        except PodNotFound:  # the list shrank since the count
            continue
    yield from first["results"]


def results(data: Any, path: str) -> list[dict[str, Any]]:
    """The items of one page (or of an unpaginated list); anything else is a server error."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise PodServerError(
            translate("pod", "Pod's answer to {path} is not a list.").format(path=path)
        )
    return data["results"]
