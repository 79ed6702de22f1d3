"""RECMANAGER_NETWORK_TIMEOUT: how long a silent Pod or SFTP connection is waited for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from recmanager.config import NETWORK_TIMEOUT_VARIABLE, network_timeout


@pytest.mark.parametrize(("value", "expected"), [
    (None, 30.0), ("4", 4.0), ("2.5", 2.5), ("", 30.0), ("soon", 30.0), ("0", 30.0),
    ("-3", 30.0), ("nan", 30.0), ("inf", 30.0),
])
def test_the_variable_or_the_default(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(NETWORK_TIMEOUT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(NETWORK_TIMEOUT_VARIABLE, value)
    assert network_timeout(30.0) == expected


def test_the_pod_client_and_the_sftp_deposit_wait_that_long():
    code = (
        "from recmanager.pod.rest import PodClient\n"
        "from recmanager.deposit.sftp import PROGRESS_TIMEOUT_S\n"
        "print(PodClient('http://127.0.0.1:9', 'token').http.timeout[1], PROGRESS_TIMEOUT_S)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", NETWORK_TIMEOUT_VARIABLE: "3"},
                            timeout=60, check=True)
    assert result.stdout.split() == ["3.0", "3.0"]
