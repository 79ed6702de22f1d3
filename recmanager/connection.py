"""Test a profile part by part, so a failure names what to fix: DNS, TLS, token, SFTP…"""

from __future__ import annotations

import posixpath
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recmanager.config import Profile, split_address
from recmanager.errors import RecmanagerError
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.pod.rest import PodClient

# (host, key type, SHA-256 fingerprint) -> "accept" | "once" | "cancel"
HostKeyQuestion = Callable[[str, str, str], str]


@dataclass(frozen=True)
class CheckResult:
    part: str
    ok: bool
    message: str
    found_root: str = ""  # the deposit root Pod's data shows (the deposit root check only)


def _network_checks(profile: Profile, timeout: float) -> list[CheckResult]:
    parts = split_address(profile.pod_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    results: list[CheckResult] = []
    dns = translate("connection", "DNS")
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return [CheckResult(dns, False, translate(
            "connection", "The name {host} cannot be resolved ({error}). Check the Pod "
            "address.").format(host=host, error=exc))]
    results.append(CheckResult(dns, True, translate("connection", "{host} is {address}.").format(
        host=host, address=addresses[0][4][0])))
    tcp = translate("connection", "Connection")
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        results.append(CheckResult(tcp, False, translate(
            "connection", "Port {port} of {host} does not answer ({error}).").format(
            port=port, host=host, error=exc)))
        return results
    results.append(CheckResult(tcp, True, translate("connection", "Port {port} answers.").format(
        port=port)))
    if parts.scheme != "https":
        sock.close()
        results.append(CheckResult("TLS", False, translate(
            "connection", "The address uses http://: the token travels unencrypted.")))
        return results
    context = ssl.create_default_context(cafile=profile.ca_bundle or None)
    if not profile.verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    try:
        with context.wrap_socket(sock, server_hostname=host) as tls:
            version = tls.version()
        message = translate("connection", "Certificate verified ({version}).").format(
            version=version) if profile.verify_tls else translate(
            "connection", "Verification is turned OFF for this profile.")
        results.append(CheckResult("TLS", profile.verify_tls, message))
    except ssl.SSLCertVerificationError as exc:
        results.append(CheckResult("TLS", False, translate(
            "connection", "The certificate is not trusted: {reason}. Give the CA bundle of "
            "your university in the profile.").format(reason=exc.verify_message)))
    except (ssl.SSLError, OSError) as exc:
        results.append(CheckResult("TLS", False, translate(
            "connection", "The TLS handshake failed: {error}").format(error=exc)))
    finally:
        sock.close()
    return results


def _deposit_root_check(profile: Profile, client: PodClient) -> CheckResult | None:
    """Pod's DEFAULT_RECORDER_PATH as its rows show it, against the profile's root."""
    part = translate("connection", "Deposit root")
    try:
        found = client.deposit_root()
    except RecmanagerError as exc:
        return CheckResult(part, False, str(exc))
    if found is None:
        return None  # Pod holds no deposited file to tell
    root = posixpath.normpath(found[0])
    if profile.deposit_root_given and posixpath.normpath(profile.deposit_root) != root:
        return CheckResult(part, False, translate(
            "connection", "{given} contradicts Pod's data: Pod's deposited files are under "
            "{root} (for example {example}).").format(
            given=profile.deposit_root, root=root, example=found[1]), root)
    return CheckResult(part, True, translate(
        "connection", "Pod's deposit root is {root} (read from {example}).").format(
        root=root, example=found[1]), root)


def check_profile(
    profile: Profile,
    context: AppContext,
    *,
    timeout: float = 8.0,
    on_unknown_host_key: HostKeyQuestion | None = None,
) -> list[CheckResult]:
    """Every check that can run; a failed step does not hide the results of the others."""
    from recmanager.deposit import open_deposit
    from recmanager.pod.rest import PodClient

    results = _network_checks(profile, timeout)
    reachable = all(r.ok for r in results if r.part != "TLS") and (
        profile.verify_tls is False or all(r.ok for r in results)
    )
    token_part = translate("connection", "Token")
    if reachable:
        try:
            client = PodClient.from_profile(profile, context.secrets)
            who = client.check_access()
            results.append(CheckResult(token_part, True, who))
        except RecmanagerError as exc:
            results.append(CheckResult(token_part, False, str(exc)))
        else:
            root_check = _deposit_root_check(profile, client)
            if root_check is not None:
                results.append(root_check)
                if root_check.ok:  # the deposit is then checked where Pod has it
                    profile = replace(profile, deposit_root=root_check.found_root)
    sftp_part = translate("connection", "Deposit")
    try:
        with open_deposit(profile, context, on_unknown_host_key=on_unknown_host_key) as deposit:
            folders = deposit.list_folders()
        results.append(CheckResult(sftp_part, True, translate(
            "connection", "{count} recorder folders under {root}.").format(
            count=len(folders), root=profile.deposit_root)))
    except RecmanagerError as exc:
        results.append(CheckResult(sftp_part, False, str(exc)))
    return results
