"""Clients built from a connection profile: secrets from the keyring, the TLS choice honoured."""

from __future__ import annotations

import pytest

from recmanager.config import Profile
from recmanager.errors import ConfigError
from recmanager.pod.http import verify_for_profile
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession
from recmanager.secrets import SecretKind
from tests.fixtures.faulty_http import Reply, load_exchange


def local_profile(url: str, **changes) -> Profile:
    return Profile(name="campus", pod_url=url, deposit_kind="local", local_deposit="/tmp",
                   pod_username="admin", **changes)


def test_client_from_profile_uses_the_stored_token(scripted_server, context):
    scripted_server.add("GET", "/rest/recorder/", Reply(200, load_exchange(2)["response"]["body"]))
    profile = local_profile(scripted_server.base_url + "/", allow_plain_http=True)
    context.secrets.set("campus", SecretKind.POD_TOKEN, "ab12" * 10)
    with PodClient.from_profile(profile, context.secrets) as client:
        assert client.base_url == scripted_server.base_url
        assert len(client.recorders()) == 5
    assert scripted_server.last("GET", "/rest/recorder/").headers["Authorization"] == (
        "Token " + "ab12" * 10)


def test_missing_secrets_are_named(context):
    profile = local_profile("https://pod.example.edu")
    with pytest.raises(ConfigError, match='No Pod API token is stored for the profile "campus"'):
        PodClient.from_profile(profile, context.secrets)
    with pytest.raises(ConfigError, match="has no web login") as error:
        PodWebSession.from_profile(profile, context.secrets)
    assert "RECMANAGER_POD_PASSWORD" in error.value.hint


def test_tls_choice_of_the_profile(tmp_path):
    assert verify_for_profile(local_profile("https://pod.example.edu")) is True
    assert verify_for_profile(local_profile("https://p.example.edu", verify_tls=False)) is False
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    assert verify_for_profile(local_profile("https://p.example.edu", ca_bundle=str(bundle))) == (
        str(bundle))
    with pytest.raises(ConfigError, match="does not exist"):
        verify_for_profile(local_profile("https://p.example.edu", ca_bundle="/nowhere/ca.pem"))


def test_an_address_that_is_not_http_is_refused():
    with pytest.raises(ConfigError, match="is not a Pod address"):
        PodClient("pod.example.edu", "ab12" * 10)
