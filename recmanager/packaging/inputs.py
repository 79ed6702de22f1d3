"""A recording of the deposit made ready to be packaged on this computer.

A mounted deposit (or recmanager on the Pod server itself) is read where it lies: packaging
only reads its input, and its output is refused inside the deposit. Over SFTP the recording
is downloaded first, into the cache's ``packaging-inputs`` folder (a copy cut short resumes),
and that copy is removed once its package is Ready; a job that failed keeps it for Retry,
until the job is removed from the list.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.deposit.names import check_server_path
from recmanager.errors import PackagingError
from recmanager.i18n import translate
from recmanager.packaging.records import JobStatus
from recmanager.progress import CancelToken, ProgressCallback
from recmanager.secrets import SecretKind

if TYPE_CHECKING:
    from recmanager.config import Paths, Profile
    from recmanager.context import AppContext
    from recmanager.deposit.sftp_login import HostKeyQuestion
    from recmanager.packaging.records import JobRecord, JobStore
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.packaging")


def fetched_inputs_folder(paths: Paths) -> Path:
    """Where recordings downloaded to be packaged wait for their job."""
    return paths.cache_dir / "packaging-inputs"


def mounted_input(profile: Profile, server_path: str) -> Path | None:
    """The recording's own file when the profile's deposit is a folder of this computer,
    None when it has to be downloaded."""
    if profile.deposit_kind != "local" or not profile.local_deposit:
        return None
    from recmanager.deposit.local import LocalDeposit

    check_server_path(profile.deposit_root, server_path)
    return Path(LocalDeposit(profile.deposit_root, profile.local_deposit)
                .local_path(server_path))


def fetch_for_packaging(
    profile: Profile,
    context: AppContext,
    server_path: str,
    progress: ProgressCallback,
    cancel: CancelToken,
    *,
    on_unknown_host_key: HostKeyQuestion | None = None,
) -> Path:
    """Download a deposit recording into :func:`fetched_inputs_folder` (one folder per
    recorder folder: two recorders may hand in the same name) and return the copy."""
    from recmanager.deposit import open_deposit

    folder, _name = check_server_path(profile.deposit_root, server_path)
    target = fetched_inputs_folder(context.paths) / folder
    target.mkdir(parents=True, exist_ok=True)
    with open_deposit(profile, context, on_unknown_host_key=on_unknown_host_key) as deposit:
        return deposit.download(server_path, target, progress, cancel, overwrite=True)


def release_fetched_input(paths: Paths, store: JobStore, record: JobRecord) -> bool:
    """Remove the downloaded copy a Ready job read (a file inside the folder of fetched
    inputs; any other is left alone), unless another job not Ready yet reads it too: the
    same recording packaged twice, the second download having replaced the first's copy."""
    if record.status is not JobStatus.READY:
        return False
    return _remove_copy(removable_copy(paths, store, record))


def remove_job(paths: Paths, store: JobStore, secrets: SecretStore, job_id: int) -> Path | None:
    """Take a Failed or Aborted job off the list: its row and events, its key (no package
    was made with it) and its downloaded copy, unless another job not Ready reads it. Returns
    the copy removed. A job still running is refused, and so is a Ready one: its key opens
    its package."""
    record = store.get(job_id)
    if not record.status.ended_without_package:
        raise PackagingError(
            translate("jobs", "Job {id} is {status}: only a failed or aborted job can be "
                      "removed.").format(id=record.id, status=record.status.label))
    copy = removable_copy(paths, store, record)
    store.remove(record.id)
    secrets.delete(record.key_owner, SecretKind.PACKAGING_KEY)
    return copy if _remove_copy(copy) else None


def removable_copy(paths: Paths, store: JobStore, record: JobRecord) -> Path | None:
    """The downloaded copy ``record`` read, when no other job not Ready reads it too: what
    releasing or removing the job deletes."""
    folder = fetched_inputs_folder(paths).resolve()
    try:
        path = Path(record.input_path).resolve()
        if not path.is_relative_to(folder) or not path.is_file():
            return None
    except OSError:
        return None
    # The same recording's copy has the same path, as fetch_for_packaging writes it.
    if any(other.id != record.id and other.status is not JobStatus.READY
           and other.input_path == record.input_path for other in store.list()):
        return None
    return path


def _remove_copy(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        path.unlink()
    except OSError as exc:
        log.warning("the downloaded copy %s stays: %s", path, exc)
        return False
    return True
