"""The sandbox's URLs, at Pod's paths."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from recmanager.sandbox import web
from recmanager.sandbox.rest import launch_encode_view, router

record_patterns = [
    path("recorder_notify/", web.recorder_notify, name="recorder_notify"),
    path("claim_record/", web.claim_record, name="claim_record"),
    path("add_recording/", web.add_recording, name="add_recording"),
    path("delete_record/<int:record_id>/", web.delete_record, name="delete_record"),
]

urlpatterns = [
    path("", web.home, name="home"),
    path("admin/", admin.site.urls),
    path("rest/launch_encode_view/", launch_encode_view, name="launch_encode_view"),
    path("rest/", include(router.urls)),
    path("api-auth/", include("rest_framework.urls")),
    path("record/", include((record_patterns, "record"))),
    path("video/updateowner/put/<int:user_id>/", web.update_video_owner),
    path("video/dashboard/", web.dashboard, name="dashboard"),
    path("media/records/<str:directory>/<path:filename>", web.preview),
    path("media/<path:path>", web.media),
]

if settings.SANDBOX_TEST_HOOKS:
    urlpatterns += [
        path("__sandbox__/reset/", web.test_reset),
        path("__sandbox__/cron/", web.test_cron),
        path("__sandbox__/pid/", web.test_pid),
    ]
