"""Reading Pod's paginated lists (``{count, next, previous, results}``): every page, the
first one alone and the others concurrently, or the last page first. The one place that
knows how Pod pages its lists.

What Pod 4.1's list answers allow (docs/pod.md, tests/data/pod-4.1/): a ``count`` and 12
rows a page, ``?page=N`` (404 past the end), and nothing else to lean on: no ETag, no
Last-Modified (Pod's middleware has no ConditionalGetMiddleware and DRF sets neither), no
ordering asked of the database (rows come in the database's order, by id on SQLite), and
only exact-match filters (no "added since"). So a client cannot know that a page has not
changed: every refresh reads every page, and the time goes down by reading them at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from recmanager.errors import PodError, PodNotFound, PodServerError
from recmanager.i18n import translate
from recmanager.pod.http import PodHttp

log = logging.getLogger("recmanager.pod")

# Pages of one list in flight at once. A production Pod serves everyone from a fixed set of
# uWSGI processes (Pod's pod_uwsgi.ini starts 10); six, the connections a browser opens to
# one host, leaves most of them to other people while 2,000 rows (167 pages) at a 20 ms
# round trip take 29 round trips instead of 167. PodHttp's connection pool keeps 10
# connections per host (requests' default), so every reader keeps its connection alive from
# one page to the next.
PAGE_READERS = 6
# Reads of a list that changed while it was read before giving up: rows added or claimed
# between two page reads shift the pages, and only a read during which nothing moved is
# sure to hold every row.
LIST_READS = 3


def pages(
    http: PodHttp, path: str, params: dict[str, Any] | None = None, *,
    readers: int = PAGE_READERS,
) -> list[dict[str, Any]]:
    """Every result of a paginated list, in Pod's order: the first page gives the count,
    the others are read ``readers`` at a time.

    Pod pages with an offset, so a row added or removed between two page reads shifts the
    rows after it: a read one page after another could then miss a row that was there the
    whole time, or see one twice. A read is kept only when nothing moved during it (every
    page answered the first page's count, no page vanished, each row came once, as many
    rows as counted); otherwise the list is read again, up to :data:`LIST_READS` times.
    One change escapes these checks: a row removed and another added between the same two
    page reads leave the count as it was; a row shifted by them waits for the next read.
    """
    for _ in range(LIST_READS):
        first = http.json("GET", path, params=params)
        if isinstance(first, list):  # a Pod without pagination
            return first
        rows = results(first, path)
        next_url = first.get("next")
        if not next_url:
            return rows
        count = _count(first, path)
        last_page = -(-count // max(1, len(rows)))
        urls = [_page_url(http.absolute(next_url), number)
                for number in range(2, last_page + 1)]
        others = _read_all(http, urls, path, readers)
        if others is not None:
            whole = rows + [row for page in others for row in results(page, path)]
            if _unchanged(count, others, whole):
                return whole
        log.info("%s changed while it was read; reading it again", path)
    raise PodServerError(
        translate("pod", "Pod's list {path} changed each of the {count} times it was read.")
        .format(path=path, count=LIST_READS),
        hint=translate("pod", "Refresh again in a moment."),
    )


def _count(first: dict[str, Any], path: str) -> int:
    count = first.get("count")
    if not isinstance(count, int) or count < len(first["results"]):
        raise PodServerError(
            translate("pod", "Pod's answer to {path} does not say how many rows it has.")
            .format(path=path)
        )
    return count


def _page_url(next_url: str, number: int) -> str:
    """Pod's own ``next`` link (with the list's filters) turned to page ``number``."""
    parts = urlsplit(next_url)
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
             if name != "page"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("page", str(number))])))


def _read_all(
    http: PodHttp, urls: list[str], path: str, readers: int
) -> list[dict[str, Any]] | None:
    """Pages 2, 3… at ``urls``, in their order, ``readers`` at a time; None when one of
    them is past the end (the list shrank since the count). Any other failure of a page
    raises, naming the page, once the pages already asked for have come back."""
    last = len(urls) + 1
    if readers <= 1 or len(urls) <= 1:
        return _in_order([partial(http.json, "GET", url) for url in urls], path, last)
    with ThreadPoolExecutor(max_workers=min(readers, len(urls)),
                            thread_name_prefix="pod-pages") as pool:
        futures: list[Future[Any]] = [pool.submit(http.json, "GET", url) for url in urls]
        try:
            return _in_order([future.result for future in futures], path, last)
        finally:
            for future in futures:
                future.cancel()  # after a failure: the pages not yet asked for stay unasked


def _in_order(answers: list[Callable[[], Any]], path: str, last: int
              ) -> list[dict[str, Any]] | None:
    """Each page's answer in turn (read now, or waited for); None for a page past the end."""
    pages_read = []
    for number, answer in enumerate(answers, start=2):
        try:
            pages_read.append(answer())
        except PodNotFound:
            return None
        except PodError as error:
            error.message = translate("pod", "Page {page} of {pages} of {path}: {error}").format(
                page=number, pages=last, path=path, error=error.message)
            error.args = (error.message,)
            raise
    return pages_read


def _unchanged(count: int, others: list[Any], whole: list[dict[str, Any]]) -> bool:
    if any(page.get("count") != count for page in others):
        return False
    keys = {_key(row) for row in whole}
    return len(whole) == count and len(keys) == count


def _key(row: Any) -> Any:
    """What tells one row from another: its id, its URL (sites have no id), or itself."""
    if isinstance(row, dict):
        return row.get("id", row.get("url", repr(row)))
    return repr(row)


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
