"""Owner: one per user, created with it, as in Pod. ``hashkey`` names the user's media folder."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver


def owner_hashkey(username: str) -> str:
    """Pod derives the hash key from the start of SECRET_KEY and the username."""
    return hashlib.sha256((settings.SECRET_KEY[0:5] + username).encode("utf-8")).hexdigest()


class Owner(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="owner")
    auth_type = models.CharField(max_length=20, default="local")
    affiliation = models.CharField(max_length=50, default="student")
    commentaire = models.TextField("Comment", blank=True, default="")
    hashkey = models.CharField(max_length=64, unique=True, blank=True, default="")
    userpicture = models.CharField(max_length=255, null=True, blank=True)
    sites = models.ManyToManyField(Site)

    class Meta:
        verbose_name = "Owner"
        ordering = ["user"]

    def __str__(self) -> str:
        return f"{self.user.get_full_name()} ({self.user.username})"

    def save(self, *args, **kwargs) -> None:
        self.hashkey = owner_hashkey(self.user.username)
        super().save(*args, **kwargs)


@receiver(post_save, sender=User)
def create_owner(sender, instance: User, created: bool, **kwargs) -> None:
    if created:
        owner = Owner.objects.create(user=instance)
        owner.sites.add(Site.objects.get_current())
