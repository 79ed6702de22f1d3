"""Headless packaging: ``recmanager package`` and ``recmanager jobs list | retry | cancel |
remove | runs-on``.

Same core as the Package dialog and the jobs panel: a job with its events (audit log, and the
webhook from the settings), a terminal progress bar, exit code 0 only when the job is Ready.
Here, Ctrl-C cancels: the tool's process group is stopped and partial output removed. On the
queue (``--queue``, or the profile's choice), the desk submits and follows; Ctrl-C stops
following, and ``jobs cancel`` stops the job on its worker.
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from recmanager.commands.common import (
    TerminalProgress,
    add_actions,
    add_json_option,
    print_json,
    print_table,
)
from recmanager.commands.queued import (
    cancel_command,
    package_on_queue,
    retry_on_queue,
    runs_on_command,
    status_text,
    sync_queued,
    where_text,
)
from recmanager.errors import Cancelled, PackagingError, RecmanagerError
from recmanager.i18n import translate
from recmanager.packaging import (
    JobRecord,
    JobStatus,
    JobStore,
    KeyPair,
    PackageRequest,
    PackagingJob,
)
from recmanager.packaging.events import standard_listeners
from recmanager.packaging.records import RUNS_HERE, RUNS_ON_QUEUE
from recmanager.progress import CancelToken, Progress

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "package",
        help="package an MP4 to ClearKey-encrypted MPEG-DASH",
        description="Package an MP4 to ClearKey-encrypted MPEG-DASH with Bento4 (when found) "
        "or the bundled FFmpeg. Keys and KIDs: 32 hex digits, base64 or base64url (16 bytes).",
    )
    parser.add_argument("input", type=Path, help="the MP4 file")
    parser.add_argument("--key", required=True,
                        help="the content key; '-' reads it from standard input")
    parser.add_argument("--kid", required=True, help="the key ID")
    parser.add_argument("--backend", choices=("bento4", "ffmpeg"),
                        help="default: Bento4 when its tools are found, else FFmpeg")
    parser.add_argument("--scheme", choices=("cenc", "cbcs"), default="cenc",
                        help="encryption scheme (FFmpeg: cenc only)")
    parser.add_argument("--all-tracks", action="store_true",
                        help="encrypt every track, not only the video (FFmpeg always does)")
    parser.add_argument("--out", required=True, type=Path,
                        help="output folder to create (must not exist, or be empty); on the "
                        "queue, its name in the workers' output folder")
    parser.add_argument("--profile", help="profile whose Bento4 folder (or queue) to use")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--queue", action="store_true",
                       help="package on the queue's workers, next to the file (INPUT is its "
                       "path on the server)")
    where.add_argument("--here", action="store_true", help="package on this computer")
    add_queue_options(parser)
    parser.add_argument("--json", action="store_true", help="print the job as JSON")
    parser.set_defaults(func=package_command)

    actions = add_actions(subparsers, "jobs",
                          "packaging jobs: list, retry, cancel, remove, runs-on")
    listing = actions.add_parser("list", help="the packaging jobs, newest first")
    listing.add_argument("--limit", type=int, default=50)
    add_json_option(listing)
    listing.set_defaults(func=list_command)
    retry = actions.add_parser("retry", help="run a failed or aborted job again")
    retry.add_argument("job_id", type=int)
    retry.add_argument("--profile", help="profile whose Bento4 folder to use")
    retry.add_argument("--json", action="store_true", help="print the job as JSON")
    add_queue_options(retry)
    retry.set_defaults(func=retry_command)
    cancel = actions.add_parser("cancel", help="stop a job that runs on the queue")
    cancel.add_argument("job_id", type=int)
    add_queue_options(cancel)
    cancel.set_defaults(func=cancel_command)
    remove = actions.add_parser(
        "remove", help="take a failed or aborted job off the list, with its key and the copy "
        "of the recording downloaded for it")
    remove.add_argument("job_id", type=int)
    remove.set_defaults(func=remove_command)
    runs_on = actions.add_parser("runs-on", help="where a profile's jobs run: here or queue")
    runs_on.add_argument("where", choices=(RUNS_HERE, RUNS_ON_QUEUE))
    runs_on.add_argument("--profile", help="the profile to change (default: the current one)")
    runs_on.add_argument("--broker-password", choices=("-",),
                         help="'-': read the broker's password from standard input into the "
                         "keyring (an empty line removes it)")
    add_queue_options(runs_on)
    runs_on.set_defaults(func=runs_on_command)


def add_queue_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--broker", default="",
                        help="the queue's broker, e.g. redis://pod.example:6379/5 (default: "
                        "the profile's)")
    parser.add_argument("--result-backend", default="",
                        help="where job states are kept, e.g. redis://pod.example:6379/5 "
                        "(default: the profile's, else the broker; RabbitMQ needs one)")
    parser.add_argument("--public-key", default="",
                        help="the workers' public key (`recmanager worker-key`; default: the "
                        "profile's)")


def _profile(context: AppContext, name: str | None) -> Profile | None:
    """The profile a job is run (and audited) under: the named one, else the one from
    ``RECMANAGER_*``, else the current one; packaging itself needs none."""
    from recmanager.context import profile_from_environment

    if name:
        return context.profiles.get(name)
    return profile_from_environment(context.secrets) or context.profiles.current()


def package_command(args: argparse.Namespace, context: AppContext) -> int:
    key = sys.stdin.readline().strip() if args.key == "-" else args.key
    keys = KeyPair.parse(key, args.kid)
    profile = _profile(context, args.profile)
    on_queue = args.queue or (not args.here and profile is not None
                              and profile.packaging_runs_on == RUNS_ON_QUEUE)
    if on_queue:
        return package_on_queue(args, context, profile, keys)
    request = PackageRequest(
        input_path=args.input.expanduser().absolute(),
        output_dir=args.out.expanduser().absolute(),
        backend=args.backend or "auto",
        scheme=args.scheme,
        all_tracks=args.all_tracks,
        profile=profile.name if profile else "",
    )
    job = PackagingJob.create(context.db, context.secrets, request, keys,
                              bento4_dir=profile.bento4_dir if profile else "")
    return _run(job, context, args.json, profile)


def retry_command(args: argparse.Namespace, context: AppContext) -> int:
    record = JobStore(context.db).get(args.job_id)
    if record.runs_on == RUNS_ON_QUEUE:
        return retry_on_queue(args, context, record)
    if record.status.active:
        raise PackagingError(
            translate("package", "Job {id} is {status}: only a finished job can be retried.")
            .format(id=record.id, status=record.status.label)
        )
    # The job's own profile when it still exists: its entry is audited under it.
    name = args.profile or (record.profile if context.profiles.find(record.profile) else None)
    profile = _profile(context, name)
    job = PackagingJob.load(context.db, context.secrets, record.id,
                            bento4_dir=profile.bento4_dir if profile else "")
    return _run(job, context, args.json, profile)


def _run(job: PackagingJob, context: AppContext, as_json: bool, profile: Profile | None) -> int:
    """Run on a worker thread so Ctrl-C here can cancel the job cleanly."""
    listeners, webhook = standard_listeners(
        context.db, webhook_url=context.settings.get("webhook_url"), profile=profile
    )
    for listener in listeners:
        job.bus.add(listener)
    bar = TerminalProgress(translate("package", "Job {id}").format(id=job.id), sys.stderr)
    token = CancelToken()
    outcome: dict[str, BaseException | JobRecord] = {}
    done = threading.Event()
    last_message = [""]

    def show(progress: Progress) -> None:
        """Piped output gets a line per status and 5 %, not one per report."""
        if not bar.tty and progress.message == last_message[0]:
            progress = replace(progress, message="")
        else:
            last_message[0] = progress.message
        bar(progress)

    def work() -> None:
        try:
            outcome["record"] = job.run(show, token)
        except (RecmanagerError, OSError) as exc:
            outcome["error"] = exc
        finally:
            done.set()

    # Waiting on an Event, not Thread.join(): a join interrupted by Ctrl-C can report a live
    # thread as finished.
    threading.Thread(target=work, name=f"job-{job.id}", daemon=True).start()
    try:
        while not done.wait(0.2):
            pass
    except KeyboardInterrupt:
        token.cancel()
        done.wait()
    finally:
        bar.close()
        if webhook is not None:
            webhook.close()
    record = JobStore(context.db).get(job.id)
    if as_json:
        print_json(record)
    if record.status is JobStatus.READY:
        if not as_json:
            print(record.manifest_path)
        return 0
    error = outcome.get("error")
    if isinstance(error, Cancelled) or record.status is JobStatus.ABORTED:
        print(translate("package", "Job {id} aborted: {reason}").format(
            id=job.id, reason=record.error), file=sys.stderr)
        return 1
    raise PackagingError(
        translate("package", "Job {id} failed: {reason}").format(id=job.id, reason=record.error)
    )


def remove_command(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.packaging.inputs import remove_job

    copy = remove_job(context.paths, JobStore(context.db), context.secrets, args.job_id)
    print(translate("package", "Job {id} removed.").format(id=args.job_id))
    if copy is not None:
        print(translate("package", "Its downloaded copy {path} was deleted.").format(path=copy))
    return 0


def list_command(args: argparse.Namespace, context: AppContext) -> int:
    store = JobStore(context.db)
    store.recover_interrupted()
    sync_queued(context, store.list(limit=args.limit))
    records = store.list(limit=args.limit)
    if args.json:
        print_json(records)
        return 0
    rows = [
        [str(r.id), status_text(r), r.backend, r.scheme, f"{r.step_percent:.0f}%",
         where_text(r), Path(r.input_path).name, r.manifest_url if r.runs_on == RUNS_ON_QUEUE
         and r.manifest_url else r.manifest_path or r.output_path, r.error[:60]]
        for r in records
    ]
    print_table(rows, ["ID", "STATUS", "BACKEND", "SCHEME", "STEP", "WHERE", "INPUT", "OUTPUT",
                       "ERROR"])
    return 0
