"""One refresh against the servers: read Pod (treatment rows, recorders, permissions), then
the deposit (scan, slide counts), merge, and keep the result as the offline copy."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

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

# Recorder pages in flight at once, beside the unclaimed list's PAGE_READERS (six): Pod's
# uWSGI serves everyone from ten processes (pod_uwsgi.ini); a refresh keeps at most eight
# busy, for the moment its two lists are read together (nine while the deposit's thread asks
# Pod about an action an earlier run left half done).
RECORDER_READERS = 2
_Read = TypeVar("_Read")


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
    Pod's rows. The unclaimed list and the deposit may still be on their way."""

    client: PodClient
    profile: Profile
    root: DepositRoot
    treatments: Future[list[TreatmentLike]]
    deposit: Future[_DepositReading]
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

    def read_deposit(settled: Profile, client: PodClient) -> _DepositReading:
        return _read_deposit(settled, client, context, local,
                             on_unknown_host_key=on_unknown_host_key, on_status=on_status)

    with ExitStack() as stack:
        progress(Progress(0, 3, message=translate("inbox", "Reading Pod's unclaimed list…")))
        pod = _read_pod(profile, context, stack, cancel, read_deposit)
        progress(Progress(1, 3, message=translate("inbox", "Scanning the deposit folder…")))
        treatments = pod.treatments.result()  # when both fail, Pod's failure is the one told
        found = pod.deposit.result()
        cancel.check()
        progress(Progress(2, 3, message=translate("inbox", "Merging…")))
        rows = merge(
            deposit_root=pod.profile.deposit_root, treatments=treatments,
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
    profile: Profile, context: AppContext, stack: ExitStack, cancel: CancelToken,
    read_deposit: Callable[[Profile, PodClient], _DepositReading],
) -> _PodReading:
    """Pod's unclaimed rows, its recorders (with their settings when a web login can read
    them) and what the profile's account may do; the clients stay open in ``stack``, and so
    do the reads of the unclaimed list and of the deposit, which go on beside the others."""
    from recmanager.actions.permissions import read_permissions
    from recmanager.actions.root import settle_deposit_root
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession

    client = stack.enter_context(PodClient.from_profile(profile, context.secrets))
    # The unclaimed list (its pages read concurrently, see recmanager.pod.pages) and, once
    # its root is settled, the deposit are read on their own threads while this one reads
    # the recorders and permissions.
    pool = stack.enter_context(ThreadPoolExecutor(max_workers=2, thread_name_prefix="refresh"))
    treatments = pool.submit(client.treatments)
    root = settle_deposit_root(profile, client)
    profile = replace(profile, deposit_root=root.path)
    deposit = pool.submit(read_deposit, profile, client)
    web: PodWebSession | None = None
    try:
        web = stack.enter_context(PodWebSession.from_profile(profile, context.secrets))
    except ConfigError:
        web = None
    cancel.check()
    recorders, web_problem = _recorder_infos(client, web, cancel)
    me = client.find_user(profile.pod_username) if profile.pod_username else None
    permissions = read_permissions(client, web, me)
    return _PodReading(client, profile, root, treatments, deposit, recorders, web_problem,
                       permissions)


def _read_deposit(
    profile: Profile,
    client: PodClient,
    context: AppContext,
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

    with ExitStack() as stack:
        problem = ""
        deposit: Deposit | None = None
        try:
            deposit = stack.enter_context(open_deposit(
                profile, context, on_unknown_host_key=on_unknown_host_key,
                on_status=on_status))
        except (DepositConnectionError, DepositAuthError, HostKeyUnknown, HostKeyChanged):
            raise
        except DepositError as exc:
            problem = str(exc)
        found = _DepositReading(reconcile_interrupted(context.db, profile, client, deposit),
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
    try:
        settings = _each(web.recorder_settings, [r.id for r in recorders], cancel)
        managers = sorted({s.manager_id for s in settings if s.manager_id is not None})
        usernames = dict(zip(managers, _each(lambda user_id: client.user(user_id).username,
                                             managers, cancel), strict=True))
    except PodError as exc:
        log.warning("recorder settings unreadable: %s", exc)
        return [InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
                for r in recorders], str(exc)
    return [
        InboxRecorder(
            recorder.id, recorder.name, recorder.recording_type,
            directory=found.directory,
            mode=recorder_mode(found.manager_id, found.publication_auto),
            manager=usernames.get(found.manager_id, ""),
            address_ip=recorder.address_ip,
        )
        for recorder, found in zip(recorders, settings, strict=True)
    ], ""


def _each(read: Callable[[int], _Read], keys: list[int], cancel: CancelToken) -> list[_Read]:
    """``read(key)`` for every key, in order: the first alone (it opens the web session when
    there is none), the others :data:`RECORDER_READERS` at a time. One page a recorder, read
    one after another, made a university's thirty recorders seconds of every refresh."""

    def checked(key: int) -> _Read:
        cancel.check()
        return read(key)

    if len(keys) <= 1:
        return [checked(key) for key in keys]
    first = checked(keys[0])
    with ThreadPoolExecutor(max_workers=min(RECORDER_READERS, len(keys) - 1),
                            thread_name_prefix="pod-recorders") as pool:
        return [first, *pool.map(checked, keys[1:])]


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
