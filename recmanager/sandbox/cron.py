"""Pod's ``manage.py recorder checkDirectory``, as a function (docs/pod.md section 2).

For each file ``<deposit>/<directory>/<file>`` with a video extension (or zip):
- a Recording already uses it: nothing;
- no treatment row (RFT) yet: create one with the current size (pass 1 never processes);
- RFT with ``email_sent`` or ``require_manual_claim``: nothing (waiting for a person);
- the size grew since the last pass: "partially uploaded", store the new size;
- otherwise it is complete: no manager -> ``require_manual_claim`` (manual claiming is on);
  a manager -> GET the notify URL on this very server: ``ok`` marks ``email_sent``, ``auto``
  means the recording was published and the RFT deleted.
A file in a folder with no recorder is an error on every pass, and every pass with errors
mails the admins (a ``*-mail_admins.eml`` file in the outbox).
"""

from __future__ import annotations

import hashlib
import logging
import os
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from recmanager.sandbox.mail import mail_admins
from recmanager.sandbox.recorder.models import Recorder, Recording, RecordingFileTreatment

log = logging.getLogger("recmanager.sandbox.cron")


def notify_key(place: str, salt: str) -> str:
    """md5 of the recording place (the underscored IP, as sent) followed by the salt: the key
    Pod's cron sends and its notify view checks (docs/pod.md section 3)."""
    return hashlib.md5((place + salt).encode("utf-8")).hexdigest()


def notify_url(recorder: Recorder, source_file: str) -> str:
    query = urlencode(
        {
            "recordingPlace": recorder.ipunder(),
            "mediapath": source_file,
            "key": notify_key(recorder.ipunder(), recorder.salt),
            "course_title": os.path.basename(source_file),
        }
    )
    return f"{settings.RECORDER_BASE_URL}{reverse('record:recorder_notify')}?{query}"


class _Pass:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.errors: list[str] = []

    def say(self, text: str) -> None:
        self.lines.append(text)

    def error(self, text: str) -> None:
        self.lines.append(f"Error: {text}")
        self.errors.append(text)
        log.error("%s", text)


def check_directory() -> str:
    """One cron pass over the deposit root; returns its report (one line per event)."""
    report = _Pass()
    root = settings.DEFAULT_RECORDER_PATH
    allowed = (*settings.VIDEO_ALLOWED_EXTENSIONS, "zip")
    for folder, directories, files in os.walk(root):
        directories.sort()
        dirname = os.path.basename(folder.rstrip(os.sep))
        for filename in sorted(files):
            extension = filename.rsplit(".", 1)[-1]
            if extension not in allowed or filename == extension:
                report.say(
                    f"Warning: {os.path.join(folder, filename)}: {extension} is not a valid "
                    "video extension"
                )
                continue
            recorder = Recorder.objects.filter(directory=dirname).first()
            if recorder is None:
                report.error(
                    f"No recorder found for the file {os.path.join(root, dirname, filename)}: "
                    f"create a recorder for the '{dirname}' directory."
                )
                continue
            _check_file(report, recorder, os.path.join(root, recorder.directory, filename))
    if report.errors:
        mail_admins("Mediacourse job [Error(s) encountered]", "\n".join(report.errors))
        report.say("An email with the errors was sent to the admins.")
    return "\n".join(report.lines)


def _check_file(report: _Pass, recorder: Recorder, source_file: str) -> None:
    if Recording.objects.filter(source_file=source_file).exists():
        report.say(f"{source_file}: already processed")
        return
    file_size = os.path.getsize(source_file)
    treatment = RecordingFileTreatment.objects.filter(file=source_file).first()
    if treatment is None:
        RecordingFileTreatment.objects.create(
            file=source_file, recorder=recorder, file_size=file_size,
            type=recorder.recording_type,
        )
        report.say(f"{source_file}: job created ({file_size} bytes)")
    elif treatment.email_sent:
        report.say(f"{source_file}: email already sent to the manager")
    elif treatment.require_manual_claim:
        report.say(f"{source_file}: waiting for claiming")
    elif file_size > 0 and file_size > treatment.file_size:
        RecordingFileTreatment.objects.filter(pk=treatment.pk).update(
            file_size=file_size, email_sent=False
        )
        report.say(f"{source_file}: partially uploaded ({file_size} bytes)")
    elif recorder.user is None:
        if settings.ALLOW_MANUAL_RECORDING_CLAIMING:
            RecordingFileTreatment.objects.filter(pk=treatment.pk).update(
                require_manual_claim=True
            )
            report.say(f"{source_file}: complete, no manager: waiting for claiming")
        else:
            report.error(f"No manager for the recorder {recorder.name}")
    else:
        _notify(report, recorder, source_file, file_size)


def _notify(report: _Pass, recorder: Recorder, source_file: str, file_size: int) -> None:
    url = notify_url(recorder, source_file)
    try:
        reply = requests.get(url, timeout=60).text
    except requests.RequestException as exc:
        report.error(f"The request on recorder_notify cannot be completed: {exc}")
        return
    if reply == "ok":
        RecordingFileTreatment.objects.filter(file=source_file).update(
            file_size=file_size, email_sent=True, date_email_sent=timezone.now()
        )
        report.say(f"{source_file}: complete, email sent to the manager")
    elif reply == "auto":
        report.say(f"{source_file}: complete, published automatically")
    else:
        report.error(f"Security error for the file {source_file}: {reply[:200]}")
