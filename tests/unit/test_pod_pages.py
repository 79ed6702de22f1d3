"""Pod lists whose pages disagree, over real HTTP from a scripted server: a row on two pages
(a row inserted ahead of it, as an unordered database may list), a page past a shrunk end,
a list that never settles."""

from __future__ import annotations

import pytest

from recmanager.errors import PodServerError
from recmanager.pod.pages import LIST_READS, pages
from recmanager.pod.rest import PodClient
from tests.fixtures.faulty_http import CAPTURE_HOST, Reply

TOKEN = "5e1f" * 10
PATH = "/rest/users/"


def page(ids: range | list[int], count: int, number: int, last: int) -> Reply:
    return Reply(200, {
        "count": count,
        "next": f"{CAPTURE_HOST}{PATH}?page={number + 1}" if number < last else None,
        "previous": None,
        "results": [{"id": n, "username": f"user{n}"} for n in ids],
    })


@pytest.fixture
def client(scripted_server):
    pod = PodClient(scripted_server.base_url, TOKEN, retries=0, timeout=(2, 5))
    yield pod
    pod.close()


def test_a_row_seen_on_two_pages_makes_the_list_read_again(scripted_server, client):
    # Row 12 was listed first on page 1, then again on page 2 once row 0 came in ahead of
    # it; the count (24) did not change. The second read has everything once.
    scripted_server.add("GET", PATH, page(range(1, 13), 24, 1, 2), page(range(0, 12), 24, 1, 2))
    scripted_server.add("GET", f"{PATH}?page=2", page(range(12, 24), 24, 2, 2))
    ids = [row["id"] for row in pages(client.http, PATH)]
    assert ids == list(range(24))
    assert scripted_server.count("GET", PATH) == 4


def test_a_page_past_a_shrunk_end_makes_the_list_read_again(scripted_server, client):
    scripted_server.add("GET", PATH, page(range(12), 30, 1, 3), page(range(12), 24, 1, 2))
    scripted_server.add("GET", f"{PATH}?page=2", page(range(12, 24), 24, 2, 2))
    scripted_server.add("GET", f"{PATH}?page=3", Reply(404, {"detail": "Invalid page."}))
    ids = [row["id"] for row in pages(client.http, PATH)]
    assert ids == list(range(24))


def test_a_list_that_never_settles_is_a_clear_error(scripted_server, client):
    scripted_server.add("GET", PATH, page(range(12), 24, 1, 2))
    scripted_server.add("GET", f"{PATH}?page=2", page(range(12, 24), 25, 2, 2))
    with pytest.raises(PodServerError) as error:
        pages(client.http, PATH)
    assert error.value.message == (
        f"Pod's list {PATH} changed each of the {LIST_READS} times it was read.")
    assert error.value.hint == "Refresh again in a moment."
    assert scripted_server.count("GET", PATH) == 2 * LIST_READS


def test_filters_stay_on_every_page(scripted_server, client):
    scripted_server.add("GET", f"{PATH}?username=u", Reply(200, {
        "count": 13, "next": f"{CAPTURE_HOST}{PATH}?page=2&username=u", "previous": None,
        "results": [{"id": n} for n in range(12)]}))
    scripted_server.add("GET", f"{PATH}?username=u&page=2", page([12], 13, 2, 2))
    assert len(pages(client.http, PATH, {"username": "u"})) == 13
