"""Django admin for the sandbox: the recorder form has Pod's field names and order.

RECORDER_ADDITIONAL_FIELDS is ("additional_users",) here, so that field is in the form too
(Pod shows it only when configured so).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib import admin

from recmanager.sandbox.authentication.models import Owner
from recmanager.sandbox.recorder.models import (
    Recorder,
    Recording,
    RecordingFile,
    RecordingFileTreatment,
)
from recmanager.sandbox.video.models import Type, Video


@admin.register(Recorder)
class RecorderAdmin(admin.ModelAdmin):
    list_display = ("name", "address_ip", "directory", "user", "publication_auto")

    def get_fields(self, request, obj=None):
        return (
            "name", "description", "address_ip", "salt", "credentials_login",
            "credentials_password", "recording_type", "user", "publication_auto",
            *settings.RECORDER_ADDITIONAL_FIELDS, "type", "directory", "sites",
        )


@admin.action(description="Delete selected Recording file treatments + source files")
def delete_treatments_and_files(modeladmin, request, queryset) -> None:
    for treatment in queryset:
        if os.path.exists(treatment.file):
            os.remove(treatment.file)
        treatment.delete()


@admin.register(RecordingFileTreatment)
class RecordingFileTreatmentAdmin(admin.ModelAdmin):
    list_display = ("file", "recorder", "file_size", "require_manual_claim", "email_sent",
                    "date_added")
    actions = [delete_treatments_and_files]


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "recorder", "source_file", "date_added")


admin.site.register(RecordingFile)
admin.site.register(Type)
admin.site.register(Owner)


@admin.register(Video)
class VideoAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "type", "date_added")
