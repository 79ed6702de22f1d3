"""Pod's REST API for the recorder interface (docs/pod.md section 5), with DRF as Pod uses it.

Hyperlinked relations in and out, page-number pagination of 12, Basic + session + token auth,
``IsAdminUser`` (staff) on every route, django-filter on the same fields as Pod, Pod's view
names (``Recording Model List`` in OPTIONS) and empty view descriptions.
"""

from __future__ import annotations

import os
import stat

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.sites.models import Site
from django.forms import FilePathField as DjangoFilePathField
from django.shortcuts import get_object_or_404
from rest_framework import routers, serializers, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.validators import UniqueValidator

from recmanager.sandbox.authentication.models import Owner
from recmanager.sandbox.recorder.models import (
    Recorder,
    Recording,
    RecordingFile,
    RecordingFileTreatment,
)
from recmanager.sandbox.video.models import Type, Video


def empty_view_description(view, html: bool = False) -> str:
    """Pod's viewsets carry no docstring, so its OPTIONS replies have an empty description."""
    return ""


class DepositFileField(serializers.FilePathField):
    """Pod's ``FilePathField(path=DEFAULT_RECORDER_PATH, recursive=True)``: its choices are
    every file under the deposit root (and a blank one), with the same type, choices and
    errors as DRF's, but the folder is listed only when the choices are asked for (OPTIONS,
    the browsable API). A given value is checked with a few ``stat`` calls: DRF lists the
    whole deposit for every serializer it builds, which grows with each recording dropped."""

    _LISTED = ("_choices", "grouped_choices", "choice_strings_to_values")

    def __init__(self, **kwargs) -> None:
        self.path = settings.DEFAULT_RECORDER_PATH
        kwargs.setdefault("required", None)  # as FilePathField passes it on (blank choice)
        self._django_required = kwargs["required"]
        serializers.ChoiceField.__init__(self, choices=(), **kwargs)
        for name in self._LISTED:
            delattr(self, name)  # until asked for: see __getattr__

    def __getattr__(self, name: str):
        if name not in self._LISTED:
            raise AttributeError(name)
        listing = DjangoFilePathField(self.path, recursive=True, required=self._django_required)
        self.choices = listing.choices
        return getattr(self, name)

    def to_internal_value(self, data):
        value = str(data)
        if value == "" or listed_by_walk(self.path, value):
            return value  # the blank choice, or the file's own path
        self.fail("invalid_choice", input=data)

    def to_representation(self, value):
        return value if isinstance(value, str) else super().to_representation(value)


def listed_by_walk(top: str, path: str) -> bool:
    """Whether ``os.path.join(root, name)`` gives ``path`` for a file ``name`` of some ``root``
    of ``os.walk(top)`` (what Django's recursive FilePathField lists), without the walk: each
    folder on the way is one the walk enters (a real folder, not a link to one, that can be
    listed) and the last name is not a folder (a link to a file or a broken link counts)."""
    prefix = top if top.endswith(os.sep) else top + os.sep
    if not path.startswith(prefix):
        return False
    names = path[len(prefix):].split(os.sep)
    if any(name in ("", ".", "..") for name in names):
        return False
    folder = top
    try:
        for name in names[:-1]:
            if not os.access(folder, os.R_OK | os.X_OK):
                return False
            folder = os.path.join(folder, name)
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                return False
        if not os.access(folder, os.R_OK | os.X_OK):
            return False
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return not os.path.isdir(path)


# --- serializers ----------------------------------------------------------------------------


class UserSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = User
        fields = ("id", "url", "username", "first_name", "is_staff", "last_name", "email",
                  "groups")


class GroupSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Group
        fields = ("id", "url", "name")


class OwnerSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Owner
        fields = ("id", "url", "user", "auth_type", "affiliation", "commentaire", "hashkey",
                  "userpicture", "sites")


class SiteSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Site
        fields = ("url", "name", "domain")


class TypeSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Type
        fields = ("id", "url", "title", "description", "icon", "sites")


class RecorderSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Recorder
        fields = ("id", "name", "description", "address_ip", "recording_type", "sites")


class RecordingFileTreatmentSerializer(serializers.HyperlinkedModelSerializer):
    file = serializers.CharField()  # replaced per serializer by the files of the deposit

    def get_fields(self):
        fields = super().get_fields()
        fields["file"] = DepositFileField(
            label="File", validators=[UniqueValidator(RecordingFileTreatment.objects.all())]
        )
        return fields

    class Meta:
        model = RecordingFileTreatment
        fields = ("id", "file", "file_size", "recorder", "type", "date_added")


class RecordingSerializer(serializers.HyperlinkedModelSerializer):
    user = serializers.HyperlinkedRelatedField(
        view_name="user-detail",
        queryset=User.objects.filter(is_staff=True),
        required=False,
        label="User",
        help_text="User who has made the recording",
    )
    source_file = serializers.CharField()  # replaced per serializer by the files of the deposit

    def get_fields(self):
        fields = super().get_fields()
        fields["source_file"] = DepositFileField(
            label="Source file",
            validators=[
                UniqueValidator(
                    Recording.objects.all(),
                    message="Recording with this source file already exists.",
                )
            ],
        )
        return fields

    class Meta:
        model = Recording
        fields = ("id", "url", "user", "title", "source_file", "type", "date_added", "recorder")


class RecordingFileSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = RecordingFile
        fields = ("id", "url", "file", "recorder")


class VideoSerializer(serializers.HyperlinkedModelSerializer):
    video = serializers.FileField(read_only=True)
    tags = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()
    discipline = serializers.SerializerMethodField()
    channel = serializers.SerializerMethodField()
    theme = serializers.SerializerMethodField()
    get_encoding_step = serializers.ReadOnlyField()
    get_version = serializers.ReadOnlyField()
    duration_in_time = serializers.ReadOnlyField()

    class Meta:
        model = Video
        fields = (
            "id", "url", "video", "title", "slug", "description", "allow_downloading", "is_360",
            "owner", "additional_owners", "date_added", "date_evt", "cursus", "main_lang",
            "is_draft", "is_restricted", "restrict_access_to_groups", "password", "tags",
            "thumbnail", "type", "discipline", "channel", "theme", "licence",
            "encoding_in_progress", "duration", "sites", "disable_comment", "get_encoding_step",
            "get_version", "encoded", "duration_in_time",
        )
        read_only_fields = ("slug", "encoded", "duration")

    def get_tags(self, video: Video) -> list:
        return []

    def get_thumbnail(self, video: Video) -> None:
        return None  # the sandbox makes no thumbnails

    def get_discipline(self, video: Video) -> list:
        return []

    def get_channel(self, video: Video) -> list:
        return []

    def get_theme(self, video: Video) -> list:
        return []


def video_data(video: Video) -> dict:
    """The nested ``video_data`` of ``user_videos`` (protocol-relative URLs from the Site)."""
    domain = Site.objects.get_current().domain
    media_url = f"{settings.MEDIA_URL}{video.video.name}"
    return {
        "id": video.id,
        "title": video.title,
        "owner": video.owner.username,
        "owner_full_name": video.owner.get_full_name(),
        "date_added": video.date_added.strftime("%Y-%m-%dT%H:%M:%S"),
        "date_evt": f"{video.date_evt.isoformat()}T00:00:00" if video.date_evt else None,
        "description": video.description,
        "thumbnail": "",
        "duration": str(video.duration),
        "tags": [],
        "type": {"title": video.type.title, "slug": video.type.slug},
        "disciplines": [],
        "channels": [],
        "themes": [],
        "contributors": [],
        "chapters": [],
        "overlays": [],
        "full_url": f"//{domain}/video/{video.slug}/",
        "is_restricted": video.is_restricted,
        "password": bool(video.password),
        "duration_in_time": video.duration_in_time,
        "mediatype": "video",
        "cursus": "None / All",
        "main_lang": "English",
        "encoded": video.encoded,
        "encoding_in_progress": video.encoding_in_progress,
        "get_encoding_step": video.get_encoding_step,
        "get_thumbnail_admin": f'<img style="max-width:100px" src="" alt="{video.title}" '
        'loading="lazy">',
        "video_files": {
            "mp4": [
                {
                    "id": video.id,
                    "type": "video/mp4",
                    "src": media_url,
                    "height": video.height,
                    "extension": ".mp4",
                    "label": f"{video.height}p",
                }
            ]
        },
    }


class VideoUserSerializer(serializers.HyperlinkedModelSerializer):
    type = serializers.PrimaryKeyRelatedField(read_only=True)
    get_version = serializers.ReadOnlyField()
    video_data = serializers.SerializerMethodField()

    class Meta:
        model = Video
        fields = ("id", "url", "get_version", "type", "date_added", "is_draft", "is_restricted",
                  "encoding_in_progress", "encoded", "video_data")

    def get_video_data(self, video: Video) -> dict:
        return video_data(video)


# --- viewsets (named as Pod's) ---------------------------------------------------------------


class UserViewSet(viewsets.ModelViewSet):
    queryset = User.objects.all().order_by("-id")
    serializer_class = UserSerializer
    filterset_fields = ["id", "username", "email"]


class GroupViewSet(viewsets.ModelViewSet):
    queryset = Group.objects.all().order_by("name")
    serializer_class = GroupSerializer


class OwnerViewSet(viewsets.ModelViewSet):
    queryset = Owner.objects.all().order_by("id")
    serializer_class = OwnerSerializer


class SiteViewSet(viewsets.ModelViewSet):
    queryset = Site.objects.all().order_by("id")
    serializer_class = SiteSerializer


class TypeViewSet(viewsets.ModelViewSet):
    queryset = Type.objects.all().order_by("id")
    serializer_class = TypeSerializer


class VideoViewSet(viewsets.ModelViewSet):
    queryset = Video.objects.all().order_by("id")
    serializer_class = VideoSerializer
    filterset_fields = ["owner", "type", "date_added", "is_draft", "is_restricted",
                        "encoding_in_progress", "sites"]

    @action(detail=False, methods=["get"])
    def user_videos(self, request: Request) -> Response:
        # the list filters (is_draft, type…) apply too; additional owners do not count
        videos = self.filter_queryset(self.get_queryset()).filter(
            owner__username=request.GET.get("username")
        )
        if request.GET.get("search_title"):
            videos = videos.filter(title__icontains=request.GET["search_title"])
        if request.GET.get("encoded") == "true":
            videos = videos.filter(encoded=True)
        page = self.paginate_queryset(videos)
        serializer = VideoUserSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(serializer.data)


class RecordingModelViewSet(viewsets.ModelViewSet):
    queryset = Recording.objects.all().order_by("id")
    serializer_class = RecordingSerializer


class RecordingFileModelViewSet(viewsets.ModelViewSet):
    queryset = RecordingFile.objects.all().order_by("id")
    serializer_class = RecordingFileSerializer


class RecordingFileTreatmentModelViewSet(viewsets.ModelViewSet):
    queryset = RecordingFileTreatment.objects.all().order_by("id")
    serializer_class = RecordingFileTreatmentSerializer
    filterset_fields = ["date_added", "recorder", "file", "id"]


class RecorderModelViewSet(viewsets.ModelViewSet):
    queryset = Recorder.objects.all().order_by("name")
    serializer_class = RecorderSerializer


@api_view(["GET"])
def launch_encode_view(request: Request) -> Response:
    """Pod re-runs encoding; the sandbox has nothing to encode and answers the Video."""
    video = get_object_or_404(Video, slug=request.GET.get("slug"))
    return Response(VideoSerializer(instance=video, context={"request": request}).data)


router = routers.DefaultRouter()
router.register(r"users", UserViewSet)
router.register(r"groups", GroupViewSet)
router.register(r"owners", OwnerViewSet)
router.register(r"sites", SiteViewSet)
router.register(r"types", TypeViewSet)
router.register(r"videos", VideoViewSet)
router.register(r"recording", RecordingModelViewSet)
router.register(r"recordingfile", RecordingFileModelViewSet)
router.register(r"recordingfiletreatment", RecordingFileTreatmentModelViewSet)
router.register(r"recorder", RecorderModelViewSet)
