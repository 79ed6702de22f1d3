"""Type and Video, with the fields Pod's REST serializer shows.

The sandbox does not encode: a Video is ``encoded`` as soon as processing has moved its
source file (see :mod:`recmanager.sandbox.processing`).
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import Group, User
from django.contrib.sites.models import Site
from django.db import models
from django.utils import timezone
from django.utils.text import slugify


class Type(models.Model):
    title = models.CharField("Title", max_length=100, unique=True)
    slug = models.SlugField("Slug", unique=True, max_length=100)
    description = models.TextField("Description", blank=True, default="")
    icon = models.CharField(max_length=255, null=True, blank=True)
    sites = models.ManyToManyField(Site)

    class Meta:
        verbose_name = "Type"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Video(models.Model):
    video = models.FileField("Video", max_length=255)
    title = models.CharField("Title", max_length=250)
    slug = models.SlugField("Slug", unique=True, max_length=255, blank=True)
    description = models.TextField("Description", blank=True, default="")
    allow_downloading = models.BooleanField(default=False)
    is_360 = models.BooleanField(default=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="videos")
    additional_owners = models.ManyToManyField(User, blank=True, related_name="owners_videos")
    date_added = models.DateTimeField(default=timezone.now)
    date_evt = models.DateField(default=timezone.now, null=True, blank=True)
    cursus = models.CharField(max_length=1, default="0")
    main_lang = models.CharField(max_length=2, default="en")
    is_draft = models.BooleanField(default=True)
    is_restricted = models.BooleanField(default=False)
    restrict_access_to_groups = models.ManyToManyField(Group, blank=True)
    password = models.CharField(max_length=50, null=True, blank=True)
    type = models.ForeignKey(Type, on_delete=models.CASCADE)
    licence = models.CharField(max_length=8, null=True, blank=True)
    encoding_in_progress = models.BooleanField(default=False)
    encoded = models.BooleanField(default=True)
    duration = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    sites = models.ManyToManyField(Site)
    disable_comment = models.BooleanField(default=False)

    class Meta:
        verbose_name = "Video"
        ordering = ["-date_added", "-id"]

    def __str__(self) -> str:
        return f"{self.id:04d} - {self.title}"

    def save(self, *args, **kwargs) -> None:
        if not self.slug:  # the final slug needs the id: a unique placeholder until then
            self.slug = uuid.uuid4().hex
        super().save(*args, **kwargs)
        slug = f"{self.id:04d}-{slugify(self.title)}"
        if self.slug != slug:
            self.slug = slug
            super().save(update_fields=["slug"])

    @property
    def duration_in_time(self) -> str:
        minutes, seconds = divmod(self.duration, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}"

    @property
    def get_version(self) -> str:
        """Pod's version letter; "O" is the original, the only one the sandbox has."""
        return "O"

    @property
    def get_encoding_step(self) -> str:
        return "0: end of encoding" if self.encoded else "1: encoding in progress"
