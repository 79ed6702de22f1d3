"""Malformed addresses, bad ports and bad IP addresses get one line, never a traceback;
IPv6 addresses work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recmanager.config import Profile, split_address
from recmanager.deposit import apply_deposit_spec, deposit_spec
from recmanager.errors import ConfigError, ValidationError
from recmanager.pod.http import normalise_base_url
from recmanager.pod.rest import PodClient
from tests.fixtures.faulty_http import Reply

RECMANAGER = Path(sys.executable).parent / "recmanager"
TOKEN = "0123456789abcdef0123456789abcdef01234567"


def run(args: list[str], **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECMANAGER_POD_TOKEN": TOKEN, **environment}
    return subprocess.run([str(RECMANAGER), *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def one_line_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and "ValueError" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("recmanager")]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(("address", "words"), [
    ("http://[::1", "brackets"), ("https://[::1/", "brackets"), ("http://h:99999", "port"),
    ("http://h:0", "port"), ("http://h:abc/", "port"), ("https://h:-1/", "port"),
])
def test_a_malformed_pod_address_is_one_line(address, words):
    line = one_line_error(run(["recorders", "list"], RECMANAGER_POD_URL=address))
    assert words in line and address.rstrip("/") in line
    with pytest.raises(ConfigError, match=words):
        normalise_base_url(address)
    with pytest.raises(ValidationError) as raised:
        Profile("p", address, sftp_host="h").validate()
    assert words in " ".join(raised.value.fields["pod_url"])


@pytest.mark.parametrize(("address", "words"), [
    ("sftp://[::1/x", "brackets"), ("sftp://u@h:70000/x", "port"), ("sftp://u@h:port/x", "port"),
])
def test_a_malformed_deposit_address_is_one_line(address, words):
    line = one_line_error(run(["deposit", "list", "--deposit", address],
                              RECMANAGER_POD_URL="https://pod.example.edu"))
    assert words in line
    with pytest.raises(ConfigError, match=words):
        apply_deposit_spec(Profile("p", "https://pod.example.edu"), address)


def test_ipv6_addresses_are_accepted_and_written_back_in_brackets():
    assert split_address("https://[::1]:8443/").hostname == "::1"
    assert normalise_base_url("https://[::1]:8443/") == "https://[::1]:8443"
    profile = apply_deposit_spec(Profile("p", "https://[::1]:8443/"),
                                 "sftp://user@[2001:db8::1]:2222/data/ftp")
    assert (profile.sftp_host, profile.sftp_port, profile.deposit_root) == (
        "2001:db8::1", 2222, "/data/ftp")
    assert deposit_spec(profile) == "sftp://user@[2001:db8::1]:2222/data/ftp"
    profile.validate()


def test_the_rest_client_reaches_a_pod_on_an_ipv6_address(scripted_server, make_fault_proxy):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, {
        "count": 0, "next": None, "previous": None, "results": []}))
    port = int(scripted_server.base_url.rstrip("/").rsplit(":", 1)[1])
    proxy = make_fault_proxy(("127.0.0.1", port), listen_host="::1")
    with PodClient(f"http://[::1]:{proxy.port}/", TOKEN) as client:
        assert client.recorders() == []
    assert proxy.connections == 1


@pytest.mark.parametrize("ip", ["999.1.1.1", "1.2.3", "::g", "10.0.0.1/24", "amphi"])
def test_notify_url_refuses_what_is_not_an_ip_address(ip):
    result = run(["notify-url", "--ip", ip, "--salt", "s", "--file", "a.mp4",
                  "--pod-url", "https://pod.example.edu"])
    assert result.returncode == 2 and not result.stdout
    assert f"{ip} is not an IPv4 or IPv6 address" in result.stderr
    assert "Traceback" not in result.stderr


def test_notify_url_takes_ipv4_and_ipv6():
    for ip, place in (("192.168.1.10", "192_168_1_10"), ("2001:db8::7", "2001%3Adb8%3A%3A7")):
        result = run(["notify-url", "--ip", ip, "--salt", "s", "--file", "a.mp4",
                      "--pod-url", "https://pod.example.edu", "--deposit-root", "/d"])
        assert result.returncode == 0, result.stderr
        assert f"recordingPlace={place}&" in result.stdout
