"""An answer cut inside its headers reads as a success without a body: never a TypeError.

The scripted Pod answers for real; a fault proxy in front of it closes the connection after
the status line and part of the headers of one answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from recmanager.errors import PodAmbiguousResult
from recmanager.pod.http import PodHttp
from tests.fixtures.fault_proxy import Fault, Point, fault_proxy
from tests.fixtures.faulty_http import Reply

RECORDER = {"id": 1, "name": "Amphi A", "address_ip": "192.168.1.11"}


@pytest.fixture
def proxied(scripted_server):
    parts = urlsplit(scripted_server.base_url)
    with fault_proxy((parts.hostname, parts.port)) as proxy:
        yield scripted_server, proxy, PodHttp(proxy.url, backoff=0.0)


def test_an_idempotent_request_is_sent_again(proxied):
    server, proxy, http = proxied
    server.add("PATCH", "/rest/recorder/1/", Reply(200, RECORDER))
    fault = proxy.arm(Fault("cut", Point.HEADERS, b"PATCH /rest/recorder/1/"))
    assert http.json("PATCH", "/rest/recorder/1/", json={"address_ip": "192.168.1.11"}) == (
        RECORDER)
    assert fault.fired.is_set() and server.count("PATCH", "/rest/recorder/1/") == 2


def test_a_post_is_ambiguous_and_not_sent_again(proxied):
    server, proxy, http = proxied
    server.add("POST", "/rest/recording/", Reply(201, {"id": 7}))
    proxy.arm(Fault("cut", Point.HEADERS, b"POST /rest/recording/"))
    with pytest.raises(PodAmbiguousResult, match="cut short"):
        http.json("POST", "/rest/recording/", json={"title": "x"})
    assert server.count("POST", "/rest/recording/") == 1


def test_an_empty_answer_that_says_so_is_not_cut(scripted_server):
    scripted_server.add("DELETE", "/rest/recordingfiletreatment/3/", Reply(204, None))
    scripted_server.add("PUT", "/rest/x/", Reply(200, b""))  # Content-Length: 0
    http = PodHttp(scripted_server.base_url)
    assert http.json("DELETE", "/rest/recordingfiletreatment/3/") is None
    assert http.json("PUT", "/rest/x/") is None
    assert scripted_server.count("PUT", "/rest/x/") == 1
