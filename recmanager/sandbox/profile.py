"""A connection profile for a running sandbox: a local deposit folder and a seeded user.

Django-free, so the GUI launcher and the tests can use it. The token and the web password go
to the keyring through :mod:`recmanager.secrets` (memory only when there is no keyring).
"""

from __future__ import annotations

from typing import Any

from recmanager.config import Profile
from recmanager.secrets import SecretKind


def sandbox_profile(state: dict[str, Any], *, name: str, username: str) -> Profile:
    """A profile for the sandbox described by ``state`` (its ``sandbox.json``)."""
    return Profile(
        name=name,
        pod_url=state["base_url"].rstrip("/"),
        pod_username=username,
        deposit_kind="local",
        local_deposit=str(state["deposit_root"]),
        deposit_root=str(state["deposit_root"]),
        allow_plain_http=True,  # the sandbox serves plain HTTP on 127.0.0.1
    )


def save_sandbox_profile(context, state: dict[str, Any], *, name: str, username: str) -> Profile:
    """Save (or update) the profile and put the user's token and password in the keyring."""
    profile = sandbox_profile(state, name=name, username=username)
    context.profiles.save(profile)
    context.secrets.set(name, SecretKind.POD_TOKEN, state["tokens"][username])
    context.secrets.set(name, SecretKind.POD_PASSWORD, state["passwords"][username])
    return profile
