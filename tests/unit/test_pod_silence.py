"""Silence is a fault over HTTP too: a Pod that stops sending in the middle of an answer (behind
a real TCP proxy) ends in a clear error within the client's timeouts, never in a hang."""

from __future__ import annotations

import time

import pytest

from recmanager.errors import PodAmbiguousResult, PodConnectionError
from recmanager.pod.rest import PodClient
from tests.fixtures.fault_proxy import Fault
from tests.fixtures.faulty_http import Reply

TOKEN = "0123456789abcdef0123456789abcdef01234567"
BIG_PAGE = {"count": 1, "next": None, "previous": None,
            "results": [{"id": 1, "name": "x" * 50_000}]}


@pytest.fixture
def silent_pod(scripted_server, make_fault_proxy):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, BIG_PAGE))
    scripted_server.add("POST", "/rest/recording/", Reply(201, BIG_PAGE))
    port = int(scripted_server.base_url.rstrip("/").rsplit(":", 1)[1])
    proxy = make_fault_proxy(("127.0.0.1", port))
    return proxy, PodClient(f"http://127.0.0.1:{proxy.port}", TOKEN, timeout=(2.0, 1.0),
                            retries=2, backoff=0.01, recheck_delays=())


@pytest.mark.parametrize("after", [5, 200, 20_000])  # status line, headers, body
def test_a_get_whose_answer_stops_ends_in_a_clear_error(silent_pod, after):
    proxy, client = silent_pod
    proxy.arm_every(Fault("stall", after))
    began = time.monotonic()
    with pytest.raises(PodConnectionError) as raised:
        client.recorders()
    assert time.monotonic() - began < 20
    assert "GET /rest/recorder/" in str(raised.value)
    assert 2 <= proxy.connections <= 3  # retried, but not for ever


def test_a_post_whose_answer_stops_is_ambiguous_and_never_resent(silent_pod):
    proxy, client = silent_pod
    proxy.arm_every(Fault("stall", 200))
    began = time.monotonic()
    with pytest.raises(PodAmbiguousResult):
        client.http.request("POST", "/rest/recording/", json={"source_file": "/d/a.mp4"})
    assert time.monotonic() - began < 20
    assert proxy.connections == 1
