"""The deposit folder where recorders drop their files: SFTP or a mounted folder.

``open_deposit(profile, context)`` gives a :class:`Deposit` for a profile; ``scan`` tells
which files are complete; ``stream`` serves a remote file to the preview player.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote

from recmanager.config import Profile, host_for_url, split_address
from recmanager.deposit.base import (
    Deposit,
    Listing,
    OnStatus,
    QuarantinedFile,
    RefusedName,
    RemoteFile,
)
from recmanager.deposit.names import check_server_path, hostile_name_reason
from recmanager.deposit.transfer import DOWNLOAD_SUFFIX, UPLOAD_SUFFIX
from recmanager.errors import ConfigError, DepositError
from recmanager.formatting import printable
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.deposit.sftp import HostKeyQuestion

__all__ = [
    "DOWNLOAD_SUFFIX", "UPLOAD_SUFFIX", "Deposit", "Listing", "QuarantinedFile", "RefusedName",
    "RemoteFile", "apply_deposit_spec", "check_server_path", "deposit_spec", "hostile_name_reason",
    "open_deposit", "printable",
]


def open_deposit(
    profile: Profile,
    context: AppContext,
    *,
    on_unknown_host_key: HostKeyQuestion | None = None,
    on_status: OnStatus | None = None,
) -> Deposit:
    """The profile's deposit, connected (use it as a context manager to close it)."""
    if profile.deposit_kind == "local":
        from recmanager.deposit.local import LocalDeposit

        if not profile.local_deposit:
            raise DepositError(
                translate("deposit", "The profile \"{name}\" has no deposit folder.").format(
                    name=profile.name),
                hint=translate("deposit", "Set the mounted deposit folder in the profile."),
                setting="deposit")
        return LocalDeposit(profile.deposit_root, profile.local_deposit)
    from recmanager.deposit.sftp import SftpDeposit

    if not profile.sftp_host:
        raise DepositError(
            translate("deposit", "The profile \"{name}\" has no SFTP server.").format(
                name=profile.name),
            hint=translate("deposit", "Set the SFTP host in the profile, or a mounted folder."),
            setting="deposit")
    return SftpDeposit(
        profile, known_hosts=context.paths.known_hosts, secrets=context.secrets,
        on_unknown_host_key=on_unknown_host_key, on_status=on_status,
    ).connect()


def apply_deposit_spec(profile: Profile, spec: str) -> Profile:
    """Point ``profile`` at ``sftp://user@host:port/path`` or a mounted local folder.

    Options go in the query: ``?key=PATH`` (key file), ``?auth=agent|key|password``. Without
    them a key file already in the profile is used, else the SSH agent. Passwords are never
    accepted in the address (it shows in process lists); store them in a profile.
    """
    spec = spec.strip()
    if not spec:
        raise ConfigError(translate("deposit", "The deposit address is empty."))
    parts = split_address(spec)
    if parts.scheme == "sftp":
        if parts.password is not None:
            raise ConfigError(
                translate("deposit", "A password in the deposit address is not accepted."),
                hint=translate("deposit", "Use a key or ssh-agent, or store the password in a "
                               "profile."))
        if not parts.hostname:
            raise ConfigError(translate("deposit", "The deposit address {spec} has no host.")
                              .format(spec=spec))
        port = parts.port or 22
        path = unquote(parts.path) or profile.deposit_root
        if not path.startswith("/"):
            raise ConfigError(translate(
                "deposit", "The path in {spec} must be absolute.").format(spec=spec))
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        profile.deposit_kind = "sftp"
        profile.sftp_host = parts.hostname
        profile.sftp_port = port
        profile.sftp_user = unquote(parts.username or "") or profile.sftp_user
        profile.deposit_root = path.rstrip("/") or "/"
        if "key" in options:
            profile.sftp_key_file = os.path.expanduser(options["key"])
        auth = options.get("auth") or ("key" if profile.sftp_key_file else "agent")
        if auth not in ("key", "agent", "password"):
            raise ConfigError(translate(
                "deposit", "Unknown authentication \"{auth}\": use key, agent or password."
            ).format(auth=auth))
        profile.sftp_auth = auth  # type: ignore[assignment]
        return profile
    if parts.scheme not in ("", "file"):
        raise ConfigError(
            translate("deposit", "The deposit {spec} is neither sftp://… nor a folder.").format(
                spec=spec))
    folder = unquote(parts.path) if parts.scheme == "file" else spec
    profile.deposit_kind = "local"
    profile.local_deposit = os.path.abspath(os.path.expanduser(folder))
    return profile


def deposit_spec(profile: Profile) -> str:
    """The address of a profile's deposit, as ``apply_deposit_spec`` reads it."""
    if profile.deposit_kind == "local":
        return profile.local_deposit
    port = "" if int(profile.sftp_port) == 22 else f":{profile.sftp_port}"
    user = f"{profile.sftp_user}@" if profile.sftp_user else ""
    return f"sftp://{user}{host_for_url(profile.sftp_host)}{port}{profile.deposit_root}"
