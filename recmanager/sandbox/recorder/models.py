"""The recorder models, field for field where recmanager can see them (docs/pod.md section 1).

Creating a Recording starts processing (:mod:`recmanager.sandbox.processing`) on create only
and only when the source file exists, as Pod's ``post_save`` signal does. Processing runs
synchronously here: when ``POST /rest/recording/`` answers 201, the file has moved and the
Video exists (Pod does the same in a thread, within seconds).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from recmanager.sandbox.video.models import Type

RECORDER_TYPE = (
    ("video", "Video"),
    ("audiovideocast", "Audiovideocast"),
    ("studio", "Studio"),
)


def deposit_root() -> str:
    return settings.DEFAULT_RECORDER_PATH


def default_recorder_id() -> int:
    return settings.DEFAULT_RECORDER_ID


def default_user_id() -> int:
    return settings.DEFAULT_RECORDER_USER_ID


class Recorder(models.Model):
    name = models.CharField("name", max_length=200, unique=True)
    description = models.TextField("description", blank=True, default="")
    address_ip = models.GenericIPAddressField(
        "Address IP", unique=True, help_text="IP address of the recorder."
    )
    salt = models.CharField("salt", max_length=50, blank=True, help_text="Recorder salt.")
    credentials_login = models.CharField(
        "credentials login", max_length=255, blank=True, help_text="Recorder credentials login."
    )
    credentials_password = models.CharField(
        "credentials password",
        max_length=255,
        blank=True,
        help_text="Recorder credentials password.",
    )
    recording_type = models.CharField(
        "Recording Type", max_length=50, choices=RECORDER_TYPE, default="video"
    )
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True},
        related_name="managed_recorders",
        help_text="Manager of this recorder. This manager will receive recorder emails and he "
        "will be the owner of the published videos. If no user is selected, this recorder "
        "will use manual assign system.",
    )
    additional_users = models.ManyToManyField(
        User,
        blank=True,
        related_name="users_recorders",
        help_text="You can add additional owners to the published videos.",
    )
    publication_auto = models.BooleanField(
        "Automatic publishing",
        default=False,
        help_text="If this box is checked, the videos will be automatically assigned to the "
        "recorder manager.",
    )
    type = models.ForeignKey(Type, on_delete=models.CASCADE, help_text="Video type by default.")
    directory = models.CharField(
        "Publication directory",
        max_length=50,
        unique=True,
        help_text="Basic directory containing the videos published by the recorder.",
    )
    # Defaults copied onto the published Video (not editable in the sandbox's admin form).
    is_draft = models.BooleanField(default=True)
    is_restricted = models.BooleanField(default=False)
    allow_downloading = models.BooleanField(default=False)
    is_360 = models.BooleanField(default=False)
    disable_comment = models.BooleanField(default=False)
    main_lang = models.CharField(max_length=2, default="en")
    cursus = models.CharField(max_length=1, default="0")
    sites = models.ManyToManyField(Site)

    class Meta:
        verbose_name = "Recorder"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} - {self.address_ip}"

    def ipunder(self) -> str:
        return self.address_ip.replace(".", "_")


class RecordingFileTreatment(models.Model):
    file = models.FilePathField(
        "File", path=deposit_root, unique=True, recursive=True, max_length=200
    )
    file_size = models.BigIntegerField("File size", default=0)
    recorder = models.ForeignKey(Recorder, on_delete=models.CASCADE, null=True, blank=True)
    require_manual_claim = models.BooleanField("Require manual claim?", default=False)
    email_sent = models.BooleanField("Email sent?", default=False)
    date_email_sent = models.DateTimeField("Date email sent", null=True, blank=True)
    type = models.CharField(
        "Recording Type", max_length=50, choices=RECORDER_TYPE, default="video"
    )
    date_added = models.DateTimeField("Date added", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "Recording file treatment"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.file

    def filename(self) -> str:
        return os.path.basename(self.file)

    def publicfileurl(self) -> str:
        directory = self.recorder.directory if self.recorder else ""
        return f"{settings.MEDIA_URL}{settings.PUBLIC_RECORD_DIR}/{directory}/{self.filename()}"


class Recording(models.Model):
    recorder = models.ForeignKey(
        Recorder,
        on_delete=models.CASCADE,
        default=default_recorder_id,
        verbose_name="Recorder",
        help_text="Recorder that made this recording.",
    )
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        default=default_user_id,
        limit_choices_to={"is_staff": True},
        help_text="User who has made the recording",
    )
    title = models.CharField("title", max_length=200)
    type = models.CharField(
        "Recording Type", max_length=50, choices=RECORDER_TYPE, default="video"
    )
    source_file = models.FilePathField(
        "source file", path=deposit_root, unique=True, recursive=True, max_length=200
    )
    comment = models.TextField("Comment", blank=True, default="")
    date_added = models.DateTimeField("date added", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "Recording"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class RecordingFile(models.Model):
    file = models.FileField("File", upload_to="uploads/", max_length=255)
    recorder = models.ForeignKey(
        Recorder,
        on_delete=models.CASCADE,
        default=default_recorder_id,
        verbose_name="Recorder",
        help_text="Recorder that made this recording.",
    )

    class Meta:
        verbose_name = "Recording file"
        ordering = ["id"]


@receiver(post_save, sender=Recorder)
def default_site(sender, instance: Recorder, **kwargs) -> None:
    """As in Pod: a recorder saved without sites gets the current one (forms and REST set
    their many-to-many values after this, so an explicit empty list still wins)."""
    if not instance.sites.exists():
        instance.sites.add(Site.objects.get_current())


@receiver(post_save, sender=Recording)
def process_recording(sender, instance: Recording, created: bool, **kwargs) -> None:
    if created and os.path.exists(instance.source_file):
        from recmanager.sandbox.processing import process

        process(instance)


@receiver(post_save, sender=RecordingFile)
def publish_uploaded_file(sender, instance: RecordingFile, created: bool, **kwargs) -> None:
    """Pod moves an upload to the deposit root and records it at once (user id 1)."""
    if not created:
        return
    from recmanager.sandbox.processing import recording_from_upload

    recording_from_upload(instance)
