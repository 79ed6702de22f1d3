"""The desk's commands for jobs on the packaging queue: submit, follow, retry, cancel, list.

The desk submits and follows; the job's events reach the audit log and the webhook through
the same listeners as a job run here. Ctrl-C stops following, never the job.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from recmanager.commands.common import TerminalProgress, print_json
from recmanager.errors import ConfigError, PackagingError, RecmanagerError
from recmanager.i18n import translate
from recmanager.packaging import JobRecord, JobStatus, KeyPair, PackageRequest
from recmanager.packaging.events import EventBus, standard_listeners
from recmanager.packaging.job import resolve_backend
from recmanager.packaging.queue import QueueClient, follow, settings_for
from recmanager.packaging.records import RUNS_ON_QUEUE, JobStore
from recmanager.progress import CancelToken
from recmanager.secrets import SecretKind

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext


def status_text(record: JobRecord) -> str:
    if record.runs_on == RUNS_ON_QUEUE and not record.queue_task_id and record.status.active:
        return translate("package", "Not submitted")
    return record.status.label


def where_text(record: JobRecord) -> str:
    if record.runs_on != RUNS_ON_QUEUE:
        return translate("package", "here")
    return record.worker_host or translate("package", "queue")


def _client(context: AppContext, profile: Profile | None, args: argparse.Namespace,
            bus: EventBus | None = None) -> QueueClient:
    settings = settings_for(profile, context.secrets, broker_url=getattr(args, "broker", ""),
                            public_key=getattr(args, "public_key", ""),
                            result_backend=getattr(args, "result_backend", ""))
    return QueueClient(context.db, context.secrets, settings, bus=bus)


def _job_profile(context: AppContext, record: JobRecord) -> Profile | None:
    from recmanager.commands.package import _profile

    return _profile(context, record.profile if context.profiles.find(record.profile) else None)


def package_on_queue(args: argparse.Namespace, context: AppContext, profile: Profile | None,
                     keys: KeyPair) -> int:
    if not str(args.input).startswith("/"):
        raise PackagingError(translate(
            "package", "On the queue, the input is the file's absolute path on the server."))
    if len(args.out.parts) != 1:
        raise PackagingError(translate(
            "package", "On the queue, --out is one folder name: the workers create it in their "
            "output folder."))
    request = PackageRequest(
        input_path=args.input, output_dir=args.out, backend=args.backend or "ffmpeg",
        scheme=args.scheme, all_tracks=args.all_tracks,
        profile=profile.name if profile else "", runs_on=RUNS_ON_QUEUE)
    backend = resolve_backend(request.backend)
    bus = EventBus()
    client = _client(context, profile, args, bus)
    record = client.create(request, keys, backend=backend)
    try:
        record = client.submit(record)
    finally:
        client.close()
    return _follow(context, record, profile, args, args.json)


def retry_on_queue(args: argparse.Namespace, context: AppContext, record: JobRecord) -> int:
    """A finished or never submitted queue job goes to the queue again."""
    if record.status.active and record.queue_task_id:
        raise PackagingError(
            translate("package", "Job {id} is {status}: only a finished job can be retried.")
            .format(id=record.id, status=record.status.label))
    profile = _job_profile(context, record)
    client = _client(context, profile, args)
    try:
        record = client.submit(record)
    finally:
        client.close()
    return _follow(context, record, profile, args, args.json)


def _follow(context: AppContext, record: JobRecord, profile: Profile | None,
            args: argparse.Namespace, as_json: bool) -> int:
    listeners, webhook = standard_listeners(
        context.db, webhook_url=context.settings.get("webhook_url"), profile=profile)
    client = _client(context, profile, args, EventBus(listeners))
    bar = TerminalProgress(translate("package", "Job {id}").format(id=record.id), sys.stderr)
    stop = CancelToken()
    try:
        record = follow(client, record, bar, stop)
    except KeyboardInterrupt:
        print(translate("package", "Job {id} goes on on the queue: see `recmanager jobs list`.")
              .format(id=record.id), file=sys.stderr)
        return 1
    finally:
        bar.close()
        client.close()
        if webhook is not None:
            webhook.close()
    if as_json:
        print_json(record)
    if record.status is JobStatus.READY:
        if not as_json:
            print(record.manifest_url or record.manifest_path)
        return 0
    raise PackagingError(translate("package", "Job {id} {status}: {reason}").format(
        id=record.id, status=record.status.label, reason=record.error))


def cancel_command(args: argparse.Namespace, context: AppContext) -> int:
    record = JobStore(context.db).get(args.job_id)
    if record.runs_on != RUNS_ON_QUEUE:
        raise PackagingError(translate(
            "package", "Job {id} runs on this computer: cancel it where it runs (Ctrl-C, or the "
            "jobs panel).").format(id=record.id))
    if not record.status.active:
        raise PackagingError(translate("package", "Job {id} is already {status}.").format(
            id=record.id, status=record.status.label))
    client = _client(context, _job_profile(context, record), args)
    try:
        record = client.cancel(record)
    finally:
        client.close()
    if record.status.active:
        print(translate("package", "Job {id}: its worker is asked to stop.").format(
            id=record.id))
    else:
        print(translate("package", "Job {id} aborted.").format(id=record.id))
    return 0


def runs_on_command(args: argparse.Namespace, context: AppContext) -> int:
    from recmanager.commands.package import _profile

    profile = _profile(context, args.profile)
    if profile is None:
        raise ConfigError(translate("package", "There is no profile to change."))
    changed = replace(profile, packaging_runs_on=args.where,
                      queue_broker_url=args.broker or profile.queue_broker_url,
                      queue_result_backend=args.result_backend or profile.queue_result_backend,
                      queue_public_key=args.public_key or profile.queue_public_key)
    if args.where == RUNS_ON_QUEUE:
        settings_for(changed).check()  # with how to give what is missing or wrong
        problems = changed.packaging_problems()  # what the profile's save would refuse
        if problems:
            raise ConfigError(" ".join(text for texts in problems.values() for text in texts))
    context.profiles.save(changed, make_current=False)
    if args.broker_password == "-":
        password = sys.stdin.readline().rstrip("\n")
        if password:
            context.secrets.set(changed.name, SecretKind.BROKER_PASSWORD, password)
        else:
            context.secrets.delete(changed.name, SecretKind.BROKER_PASSWORD)
    print(translate("package", "Packaging for \"{name}\" runs {where}.").format(
        name=changed.name, where=translate("package", "on the queue") if args.where ==
        RUNS_ON_QUEUE else translate("package", "on this computer")))
    return 0


def sync_queued(context: AppContext, records: list[JobRecord]) -> None:
    """Bring the active queue jobs up to date; a broker that is down is said, not fatal."""
    for record in records:
        if record.runs_on != RUNS_ON_QUEUE or not record.queue_task_id:
            continue
        if not record.status.active:
            continue
        profile = _job_profile(context, record)
        try:
            listeners, webhook = standard_listeners(
                context.db, webhook_url=context.settings.get("webhook_url"), profile=profile)
            client = _client(context, profile, argparse.Namespace(), EventBus(listeners))
            try:
                client.sync(record)
            finally:
                client.close()
                if webhook is not None:
                    webhook.close()
        except RecmanagerError as exc:
            print(f"recmanager: {exc}", file=sys.stderr)
            return

