"""Long lists read from the sandbox Pod over real HTTP, their pages read concurrently: the
same rows in the same order as one page after another, at most PAGE_READERS requests at
once, a list that changes during the read, and a page that fails."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from recmanager.errors import PodConnectionError
from recmanager.inbox.cache import load_cache
from recmanager.inbox.refresh import RECORDER_READERS, refresh
from recmanager.pod.pages import PAGE_READERS, pages
from recmanager.pod.rest import PodClient
from tests.fixtures.fault_proxy import Fault, FaultProxy

RFT = "/rest/recordingfiletreatment/"
ADDED = 150  # with the 18 seeded rows: 168 rows, 14 pages of 12


def deposit_and_scan(sandbox_pod, names: list[str]) -> None:
    """Deposit ``names`` in Amphi A, finished an hour ago, and let Pod's cron see them."""
    sample = (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").read_bytes()
    an_hour_ago = time.time() - 3600
    for name in names:
        path = sandbox_pod.deposit_root / "amphiA" / name
        path.write_bytes(sample)
        os.utime(path, (an_hour_ago, an_hour_ago))
    sandbox_pod.run_cron()


@pytest.fixture
def long_list(sandbox_pod) -> int:
    """The sandbox with 168 unclaimed rows (the next reset takes them away); their count."""
    deposit_and_scan(sandbox_pod, [f"many-{number:03d}.mp4" for number in range(ADDED)])
    count = len(pod_ids(sandbox_pod))
    assert count == 18 + ADDED
    return count


def pod_ids(sandbox_pod, query: str = "") -> list[int]:
    """The ids of the unclaimed rows, as Pod holds them now (read one page after another)."""
    ids: list[int] = []
    url: str | None = sandbox_pod.url(RFT + query)
    while url:
        page = requests.get(url, headers=sandbox_pod.auth_headers(), timeout=30).json()
        ids += [row["id"] for row in page["results"]]
        url = page["next"]
    return ids


@pytest.fixture
def proxied(sandbox_pod, pod_proxy: FaultProxy) -> Iterator[PodClient]:
    client = PodClient(pod_proxy.url, sandbox_pod.tokens["admin"], timeout=(5, 30),
                       backoff=0.01)
    yield client
    client.close()


def test_concurrent_pages_hold_the_sequential_rows_in_pods_order(
        sandbox_pod, long_list, pod_proxy, proxied):
    concurrent = [row["id"] for row in pages(proxied.http, RFT)]
    most_at_once = pod_proxy.most_in_flight
    sequential = [row["id"] for row in pages(proxied.http, RFT, readers=1)]
    assert concurrent == sequential == pod_ids(sandbox_pod)
    assert concurrent == sorted(concurrent)  # the sandbox lists by id, as SQLite does
    assert len(set(concurrent)) == long_list
    # Pages 2 to 14 went out together, never more than PAGE_READERS at once.
    assert 2 <= most_at_once <= PAGE_READERS
    assert pod_proxy.count("GET", RFT) == 2 * 14


def test_treatments_of_one_recorder_read_every_page_with_its_filter(
        sandbox_pod, long_list, proxied):
    rows = proxied.treatments(1)
    assert {row.recorder_id for row in rows} == {1}
    assert [row.id for row in rows] == pod_ids(sandbox_pod, "?recorder=1")
    assert len(rows) > 12 * PAGE_READERS


def changing_between_pages(client: PodClient, change: Callable[[], None]) -> list[str]:
    """Make ``change`` once, right after the first page of the first read came back; the
    pages each read asked for, in order."""
    asked: list[str] = []
    original = client.http.json

    def json(method: str, path_or_url: str, **kwargs: Any) -> Any:
        answer = original(method, path_or_url, **kwargs)
        asked.append(path_or_url)
        if len(asked) == 1:
            change()
        return answer

    client.http.json = json  # type: ignore[method-assign]
    return asked


@pytest.mark.parametrize("readers", [PAGE_READERS, 1])
def test_a_row_claimed_during_the_read_loses_no_other_row(
        sandbox_pod, long_list, proxied, readers):
    before = pod_ids(sandbox_pod)
    gone = before[2]  # on the first page: every later row moves back one place

    def claim_one() -> None:
        requests.delete(sandbox_pod.url(f"{RFT}{gone}/"), headers=sandbox_pod.auth_headers(),
                        timeout=30).raise_for_status()

    asked = changing_between_pages(proxied, claim_one)
    ids = [row["id"] for row in pages(proxied.http, RFT, readers=readers)]
    # Read one page after another without a second look, the 13th row (moved onto the
    # first page, already read) would be missing; the read saw the count change and read
    # the list again.
    assert ids == [row for row in before if row != gone] == pod_ids(sandbox_pod)
    assert len(asked) == 2 * 14


def test_a_row_added_during_the_read_comes_once(sandbox_pod, long_list, proxied):
    before = pod_ids(sandbox_pod)
    asked = changing_between_pages(
        proxied, lambda: deposit_and_scan(sandbox_pod, ["late-extra.mp4"]))
    rows = proxied.treatments()
    ids = [row.id for row in rows]
    assert ids[:-1] == before and len(ids) == len(set(ids)) == len(before) + 1
    assert Path(rows[-1].file).name == "late-extra.mp4"
    assert ids == pod_ids(sandbox_pod)
    assert len(asked) == 14 + 15  # read again whole: the list had grown to 15 pages


def test_a_lost_page_answer_is_asked_again(sandbox_pod, long_list, pod_proxy, proxied):
    fault = pod_proxy.arm(Fault("reset", trigger=b"GET /rest/recordingfiletreatment/?page=5 "))
    ids = [row["id"] for row in pages(proxied.http, RFT)]
    assert fault.fired.is_set()
    assert ids == pod_ids(sandbox_pod)
    # Sent twice, because a GET changes nothing; every other page once.
    assert pod_proxy.count("GET", f"{RFT}?page=5") == 2
    assert pod_proxy.count("GET", RFT) == 14 + 1


def test_a_page_failing_mid_read_fails_the_refresh_and_keeps_the_cached_inbox(
        context, sandbox_pod, long_list, pod_proxy):
    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    context.profiles.save(profile)
    refresh(profile, context)
    # The list's readers beside the recorders' (the refresh's own thread waits for them
    # meanwhile): never more at once.
    assert 2 <= pod_proxy.most_in_flight <= PAGE_READERS + RECORDER_READERS
    kept = load_cache(context.db, profile.name)
    assert kept is not None and len([r for r in kept.rows if r.treatment_id]) == long_list
    deposit_and_scan(sandbox_pod, ["later-extra.mp4"])
    for _ in range(4):  # the first attempt and its three retries
        pod_proxy.arm(Fault("reset", trigger=b"GET /rest/recordingfiletreatment/?page=7 "))
    with pytest.raises(PodConnectionError) as error:
        refresh(profile, context)
    assert error.value.message.startswith(f"Page 7 of 15 of {RFT}: The connection to ")
    after = load_cache(context.db, profile.name)
    assert after == kept
    assert all(row.name != "later-extra.mp4" for row in after.rows)


def test_the_recorders_pages_are_read_side_by_side_and_give_what_pod_holds(
        sandbox_pod, pod_proxy):
    """Once the first recorder's page has opened the web session, the others are read
    RECORDER_READERS at a time; each recorder comes out as its own page, read alone, says."""
    from recmanager.inbox.refresh import _recorder_infos
    from recmanager.pod.web import PodWebSession
    from recmanager.progress import CancelToken
    from recmanager.recorders.mode import recorder_mode

    password = sandbox_pod.passwords["admin"]
    with PodClient(pod_proxy.url, sandbox_pod.tokens["admin"]) as client, \
            PodWebSession(pod_proxy.url, "admin", password) as web:
        infos, problem = _recorder_infos(client, web, CancelToken())
    assert problem == ""
    assert pod_proxy.most_in_flight == RECORDER_READERS
    assert pod_proxy.count("POST", "/admin/login/") == 1  # one login, not one per reader
    with PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"]) as client, \
            PodWebSession(sandbox_pod.base_url, "admin", password) as web:
        recorders = client.recorders()
        assert len(recorders) >= 3
        alone = [(r.id, r.name, web.recorder_settings(r.id)) for r in recorders]
        expected = [(rid, name, settings.directory,
                     recorder_mode(settings.manager_id, settings.publication_auto),
                     client.user(settings.manager_id).username if settings.manager_id else "")
                    for rid, name, settings in alone]
    assert [(i.id, i.name, i.directory, i.mode, i.manager) for i in infos] == expected
    assert any(manager for *_rest, manager in expected)


def test_when_pod_and_the_deposit_both_fail_pods_failure_is_the_one_told(
        context, sandbox_pod, long_list, pod_proxy, tmp_path):
    """The deposit is read beside Pod's list: when both fail, the refresh says what it said
    when it read them one after the other, Pod's failure."""
    from tests.fixtures.processes import free_port

    profile = sandbox_pod.profile(context, user="admin")
    profile.pod_url = pod_proxy.url
    profile.deposit_kind = "sftp"
    profile.sftp_host, profile.sftp_port, profile.sftp_user = "127.0.0.1", free_port(), "pod"
    profile.sftp_auth, profile.sftp_key_file = "key", str(tmp_path / "id_ed25519")
    context.profiles.save(profile)
    for _ in range(4):  # the first attempt and its three retries
        pod_proxy.arm(Fault("reset", trigger=b"GET /rest/recordingfiletreatment/?page=7 "))
    with pytest.raises(PodConnectionError) as error:
        refresh(profile, context)
    assert error.value.message.startswith(f"Page 7 of 14 of {RFT}: The connection to ")
