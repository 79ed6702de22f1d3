"""One refresh against the servers: read Pod (treatment rows, recorders, permissions), then
the deposit (scan, slide counts), merge, and keep the result as the offline copy."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from recmanager.errors import (
    ConfigError,
    DepositAuthError,
    DepositConnectionError,
    DepositError,
    HostKeyChanged,
    HostKeyUnknown,
    PodError,
)
from recmanager.i18n import translate
from recmanager.inbox.cache import load_cache, save_cache
from recmanager.inbox.merge import ScannedLike, TreatmentLike, merge
from recmanager.inbox.rows import InboxRecorder, InboxRow, LocalState
from recmanager.inbox.zips import inspect_zip
from recmanager.progress import CancelToken, Progress, ProgressCallback, no_progress
from recmanager.recorders.mode import recorder_mode

# Server clients and the database are imported where used: the window imports this module
# at start-up, before any of them is needed.
if TYPE_CHECKING:
    from recmanager.actions.permissions import Permissions
    from recmanager.actions.root import DepositRoot
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit.base import Deposit, OnStatus
    from recmanager.deposit.sftp import HostKeyQuestion
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession

log = logging.getLogger("recmanager.inbox")


@dataclass(frozen=True)
class Snapshot:
    """What one refresh learnt; ``*_problem`` say what could not be read (shown, not fatal)."""

    rows: list[InboxRow]
    recorders: list[InboxRecorder]
    local: LocalState
    refreshed_at: datetime
    permissions: Permissions
    folders: list[str] = field(default_factory=list)
    deposit_problem: str = ""
    web_problem: str = ""
    deposit_root: str = ""  # the root in use and where it comes from, to show
    reconciled: list[str] = field(default_factory=list)  # interrupted actions found at start
    deposit_root_path: str = ""  # that root itself (Pod's, when the profile gave none)


@dataclass(frozen=True)
class _PodReading:
    """What the refresh read of Pod; ``profile`` carries the deposit root settled against
    Pod's rows."""

    client: PodClient
    profile: Profile
    root: DepositRoot
    treatments: list[TreatmentLike]
    recorders: list[InboxRecorder]
    web_problem: str
    permissions: Permissions


@dataclass
class _DepositReading:
    """What the refresh read of the deposit; ``scanned`` is None when it could not be read."""

    reconciled: list[str]
    scanned: list[ScannedLike] | None = None
    first_seen: dict[str, datetime] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)
    problem: str = ""


def refresh(
    profile: Profile,
    context: AppContext,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    on_unknown_host_key: HostKeyQuestion | None = None,
    on_status: OnStatus | None = None,
) -> Snapshot:
    """Read Pod, the recorders' settings and the deposit; merge; keep a copy for offline.

    Pod or the deposit unreachable raises (the window then shows the cached copy); a
    deposit that is simply not configured and a missing web login only narrow the rows.
    """
    cancel = cancel or CancelToken()
    cached = load_cache(context.db, profile.name)
    local = cached.local if cached else LocalState()
    with ExitStack() as stack:
        progress(Progress(0, 3, message=translate("inbox", "Reading Pod's unclaimed list…")))
        pod = _read_pod(profile, context, stack, cancel)
        progress(Progress(1, 3, message=translate("inbox", "Scanning the deposit folder…")))
        cancel.check()
        found = _read_deposit(pod, context, stack, local, on_unknown_host_key=on_unknown_host_key,
                              on_status=on_status)
        progress(Progress(2, 3, message=translate("inbox", "Merging…")))
        rows = merge(
            deposit_root=pod.profile.deposit_root, treatments=pod.treatments,
            scanned=found.scanned, recorders=pod.recorders, local=local,
            first_seen=found.first_seen,
            quiet_period_s=float(context.settings.get("quiet_period_s")),
        )
    now = datetime.now(UTC)
    save_cache(context.db, profile.name, rows, pod.recorders, local, now)
    progress(Progress(3, 3))
    return Snapshot(rows, pod.recorders, local, now, pod.permissions, found.folders,
                    found.problem, pod.web_problem, pod.root.message, found.reconciled,
                    pod.root.path)


def _read_pod(
    profile: Profile, context: AppContext, stack: ExitStack, cancel: CancelToken
) -> _PodReading:
    """Pod's unclaimed rows, its recorders (with their settings when a web login can read
    them) and what the profile's account may do; the clients stay open in ``stack``."""
    from recmanager.actions.permissions import read_permissions
    from recmanager.actions.root import settle_deposit_root
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession

    client = stack.enter_context(PodClient.from_profile(profile, context.secrets))
    # The unclaimed list (its pages read concurrently, see recmanager.pod.pages) is read
    # while this thread settles the deposit root and reads the recorders and permissions:
    # one more request in flight.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pod-treatments") as pool:
        reading = pool.submit(client.treatments)
        root = settle_deposit_root(profile, client)
        profile = replace(profile, deposit_root=root.path)
        web: PodWebSession | None = None
        try:
            web = stack.enter_context(PodWebSession.from_profile(profile, context.secrets))
        except ConfigError:
            web = None
        cancel.check()
        recorders, web_problem = _recorder_infos(client, web, cancel)
        me = client.find_user(profile.pod_username) if profile.pod_username else None
        permissions = read_permissions(client, web, me)
        treatments = reading.result()
    return _PodReading(client, profile, root, treatments, recorders, web_problem, permissions)


def _read_deposit(
    pod: _PodReading,
    context: AppContext,
    stack: ExitStack,
    local: LocalState,
    *,
    on_unknown_host_key: HostKeyQuestion | None,
    on_status: OnStatus | None,
) -> _DepositReading:
    """Settle the actions an earlier run left half done, then scan the deposit and count
    the slides of new zips. A deposit that cannot be reached raises; one merely not set
    up leaves ``scanned`` None with the reason in ``problem``."""
    from recmanager.actions.reconcile import reconcile_interrupted
    from recmanager.deposit import open_deposit
    from recmanager.deposit.scan import Scanner

    profile = pod.profile
    problem = ""
    deposit: Deposit | None = None
    try:
        deposit = stack.enter_context(open_deposit(
            profile, context, on_unknown_host_key=on_unknown_host_key, on_status=on_status))
    except (DepositConnectionError, DepositAuthError, HostKeyUnknown, HostKeyChanged):
        raise
    except DepositError as exc:
        problem = str(exc)
    found = _DepositReading(reconcile_interrupted(context.db, profile, pod.client, deposit),
                            problem=problem)
    if deposit is not None:
        quiet = float(context.settings.get("quiet_period_s"))
        result = Scanner(context.db, profile.name, quiet).scan(deposit)
        found.scanned = list(result.files.values())
        found.first_seen = {item.path: item.first_seen for item in result.files.values()}
        found.folders = result.folders
        _count_slides(deposit, found.scanned, local)
    return found


def _recorder_infos(
    client: PodClient, web: PodWebSession | None, cancel: CancelToken
) -> tuple[list[InboxRecorder], str]:
    recorders = client.recorders()
    if web is None:
        return [InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
                for r in recorders], ""
    infos: list[InboxRecorder] = []
    managers: dict[int, str] = {}
    try:
        for recorder in recorders:
            cancel.check()
            settings = web.recorder_settings(recorder.id)
            manager = ""
            if settings.manager_id is not None:
                if settings.manager_id not in managers:
                    managers[settings.manager_id] = client.user(settings.manager_id).username
                manager = managers[settings.manager_id]
            infos.append(InboxRecorder(
                recorder.id, recorder.name, recorder.recording_type,
                directory=settings.directory,
                mode=recorder_mode(settings.manager_id, settings.publication_auto),
                manager=manager, address_ip=recorder.address_ip,
            ))
    except PodError as exc:
        log.warning("recorder settings unreadable: %s", exc)
        return [InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
                for r in recorders], str(exc)
    return infos, ""


def _count_slides(deposit: Deposit, rows: Iterable[ScannedLike], local: LocalState) -> None:
    """Read the directory of each new zip deposit (a few KiB each) for its slide count; a
    zip still uploading has no directory yet and is simply tried again next time."""
    for entry in rows:
        if not entry.path.lower().endswith(".zip") or entry.size <= 0:
            continue
        if local.slide_count(entry.path, entry.size) is not None:
            continue
        try:
            with deposit.open_read(entry.path) as stream:
                content = inspect_zip(stream)
        except (DepositError, OSError, zipfile.BadZipFile) as exc:
            log.info("zip %s unreadable: %s", entry.path, exc)
            continue
        local.slides[entry.path] = (entry.size, content.slides)
