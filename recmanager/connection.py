"""Test a profile part by part, so a failure names what to fix: DNS, TLS, token, SFTP…"""

from __future__ import annotations

import ipaddress
import posixpath
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recmanager import i18n
from recmanager.config import RUNS_ON_QUEUE, Profile, split_address
from recmanager.errors import RecmanagerError
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.deposit.base import Deposit
    from recmanager.pod.rest import PodClient

# (host, key type, SHA-256 fingerprint) -> "accept" | "once" | "cancel"
HostKeyQuestion = Callable[[str, str, str], str]


@dataclass(frozen=True)
class CheckResult:
    part: str
    ok: bool
    message: str
    found_root: str = ""  # the deposit root Pod's data shows (the deposit root check only)
    checked: bool = True  # False: not tried, ``message`` says why (never a silent skip)


def _not_checked(part: str, reason: str) -> CheckResult:
    return CheckResult(part, False, translate(
        "connection", "Not checked: {reason}").format(reason=reason), checked=False)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


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
    if _is_address(host):
        results.append(CheckResult(dns, True, translate(
            "connection", "{host} is an address: there is no name to look up.").format(
            host=host)))
    else:
        results.append(CheckResult(dns, True, translate(
            "connection", "{host} resolves to {address}.").format(
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
    token_part = translate("connection", "Token")
    web_part = translate("connection", "Web login")
    unreachable = next((r for r in results if not r.ok and r.part != "TLS"), None)
    tls = next((r for r in results if r.part == "TLS"), None)
    if unreachable is not None:
        reason = translate("connection", "the server cannot be reached ({part}).").format(
            part=unreachable.part)
    elif profile.verify_tls and tls is not None and not tls.ok and not (
            profile.allow_plain_http and split_address(profile.pod_url).scheme == "http"):
        reason = translate("connection", "the connection is not verified (TLS), and the "
                           "token and the password are sent over a verified one only.")
    else:
        reason = ""
    if reason:
        results.append(_not_checked(token_part, reason))
        if profile.pod_username:
            results.append(_not_checked(web_part, reason))
    else:
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
        if profile.pod_username:
            results.append(_web_login_check(profile, context, web_part))
    sftp_part = translate("connection", "Deposit")
    try:
        with open_deposit(profile, context, on_unknown_host_key=on_unknown_host_key) as deposit:
            folders = deposit.list_folders()
            results.append(CheckResult(sftp_part, True, i18n.tr(
                "Recorder folders under {root}: %n.", "", len(folders)).format(
                root=profile.deposit_root)))
            if profile.quarantine_dir:
                results.append(_quarantine_check(deposit, profile.quarantine_dir))
    except RecmanagerError as exc:
        results.append(CheckResult(sftp_part, False, str(exc)))
    if profile.packaging_runs_on == RUNS_ON_QUEUE:
        results.append(_broker_check(profile, context))
    return results


def _broker_check(profile: Profile, context: AppContext) -> CheckResult:
    """The packaging queue's broker, reached as the desk does before it submits a job."""
    from recmanager.packaging.queue import check_broker, settings_for

    part = translate("connection", "Packaging queue")
    try:
        return CheckResult(part, True, check_broker(settings_for(profile, context.secrets)))
    except RecmanagerError as exc:  # the hints speak of submitted jobs and the command line
        return CheckResult(part, False, exc.message)


def _web_login_check(profile: Profile, context: AppContext, part: str) -> CheckResult:
    """The superuser login the recorder settings and owner changes need, tried for real."""
    from recmanager.recorders.service import web_session_for

    web, reason = web_session_for(profile, context.secrets)
    if web is None:
        return CheckResult(part, False, reason)
    web.close()
    return CheckResult(part, True, translate("connection", "{user} can log in.").format(
        user=profile.pod_username))


def _quarantine_check(deposit: Deposit, quarantine_dir: str) -> CheckResult:
    part = translate("connection", "Quarantine")
    try:
        folder = deposit.check_quarantine(quarantine_dir)
    except RecmanagerError as exc:
        return CheckResult(part, False, str(exc))
    return CheckResult(part, True, translate(
        "connection", "Deleted recordings can be moved to {folder} and back.").format(
        folder=folder))
