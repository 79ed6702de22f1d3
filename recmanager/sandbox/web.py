"""Pod's HTML and plain-text views that recmanager drives with a session (docs/pod.md 3 and 4).

``/record/recorder_notify/`` (no auth, always 200 text unless Pod itself fails),
``/record/claim_record/``, ``/record/add_recording/``, ``/record/delete_record/<id>/``,
``/video/updateowner/put/<old owner id>/`` (JSON) and the unauthenticated preview
``/media/records/<directory>/<file>`` with HTTP Range support.
"""

from __future__ import annotations

import json
import mimetypes
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, user_passes_test
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt

from recmanager.deposit.stream import parse_range
from recmanager.sandbox.authentication.models import owner_hashkey
from recmanager.sandbox.cron import notify_key
from recmanager.sandbox.recorder.models import (
    RECORDER_TYPE,
    Recorder,
    Recording,
    RecordingFileTreatment,
)
from recmanager.sandbox.video.models import Video

CHUNK = 64 * 1024
SITE_TITLE = "Pod"

# --- notify ---------------------------------------------------------------------------------


def recorder_notify(request: HttpRequest) -> HttpResponse:
    place = request.GET.get("recordingPlace", "")
    mediapath = request.GET.get("mediapath", "")
    key = request.GET.get("key", "")
    if not (place and mediapath and key):
        return HttpResponse("nok: recordingPlace or mediapath or key are missing")
    try:
        recorder = Recorder.objects.get(
            address_ip=place.replace("_", "."), sites=Site.objects.get_current()
        )
    except (Recorder.DoesNotExist, ValidationError, ValueError):
        return HttpResponse("nok: address_ip not valid or recorder not found in this site")
    if notify_key(place, recorder.salt) != key:
        return HttpResponse("nok: key is not valid")
    course_title = request.GET.get("course_title", "")
    if recorder.publication_auto:
        return _publish_automatically(recorder, mediapath)
    _mail_the_manager(request, recorder, mediapath, course_title)
    return HttpResponse("ok")


def _publish_automatically(recorder: Recorder, mediapath: str) -> HttpResponse:
    # As in Pod: no treatment row for this file is a RecordingFileTreatment.DoesNotExist
    # (HTTP 500), and so is a recorder without a manager (no user for the Recording).
    treatment = RecordingFileTreatment.objects.get(file=mediapath, recorder=recorder)
    Recording.objects.create(
        title=os.path.basename(treatment.file),
        type=treatment.type,
        source_file=treatment.file,
        user=recorder.user,
        recorder=treatment.recorder,
    )
    treatment.delete()
    return HttpResponse("auto")


def _mail_the_manager(
    request: HttpRequest, recorder: Recorder, mediapath: str, course_title: str
) -> None:
    """The manager, or every superuser when there is none, gets the claim link (not
    URL-encoded, exactly as Pod writes it)."""
    link = (f"{request.build_absolute_uri(reverse('record:add_recording'))}"
            f"?mediapath={mediapath}&course_title={course_title}&recorder={recorder.id}")
    html = (f"<p>Hello,<br>a new recording has just been added on {SITE_TITLE} from the "
            f"recorder “{escape(recorder.name)}”.<br>To assign it, just click on link below."
            f'</p><p><a href="{escape(link)}">{escape(link)}</a><br><em>If you cannot click '
            "on the link, just copy-paste it in your browser.</em></p><p>Regards.</p>")
    text = (f"Hello,a new recording has just been added on {SITE_TITLE} from the recorder "
            f"“{recorder.name}”.To assign it, just click on link below.{link}If you cannot "
            "click on the link, just copy-paste it in your browser.Regards.")
    if recorder.user is not None:
        recipients = [recorder.user.email]
    else:
        recipients = list(User.objects.filter(is_superuser=True).values_list("email", flat=True))
    mail = EmailMultiAlternatives(f"[{SITE_TITLE}] New recording added.", text,
                                  settings.DEFAULT_FROM_EMAIL, recipients)
    mail.attach_alternative(html, "text/html")
    mail.send()


# --- claim list, claim form, delete ---------------------------------------------------------


@staff_member_required(redirect_field_name="referrer")
def claim_record(request: HttpRequest) -> HttpResponse:
    records = RecordingFileTreatment.objects.filter(
        require_manual_claim=True, recorder__sites=Site.objects.get_current()
    ).select_related("recorder").order_by("-date_added", "-id")
    page = Paginator(records, 12).get_page(request.GET.get("page"))
    return render(request, "recorder/claim_record.html", {"records": page, "page": page})


class RecordingForm(forms.Form):
    type = forms.ChoiceField(choices=RECORDER_TYPE, widget=forms.HiddenInput)
    recorder = forms.ModelChoiceField(queryset=Recorder.objects.all(), label="Recorder")
    user = forms.ModelChoiceField(
        queryset=User.objects.filter(is_staff=True).order_by("username"), label="User"
    )
    title = forms.CharField(max_length=200, label="Title")
    source_file = forms.ChoiceField(label="source_file")  # files listed per form, below
    delete = forms.BooleanField(required=False, label="Delete the record")

    def __init__(self, *args, may_choose_owner: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_file"] = forms.FilePathField(
            path=settings.DEFAULT_RECORDER_PATH, recursive=True, label="source_file"
        )
        if not may_choose_owner:
            del self.fields["user"]


def _may_choose_owner(user: User, recorder: Recorder | None) -> bool:
    """Superusers, holders of ``recorder.add_recording``, or the recorder's manager."""
    if user.is_superuser or user.has_perm("recorder.add_recording"):
        return True
    return bool(
        settings.ALLOW_RECORDER_MANAGER_CHOICE_VID_OWNER
        and recorder is not None
        and recorder.user_id == user.id
    )


@staff_member_required(redirect_field_name="referrer")
def add_recording(request: HttpRequest) -> HttpResponse:
    """Pod's claim form: the recorder must be given and exist, the media path too unless the
    user may add recordings anyway (403 otherwise)."""
    recorder_id = request.GET.get("recorder", "")
    recorder = (
        Recorder.objects.filter(pk=int(recorder_id)).first() if recorder_id.isdigit() else None
    )
    mediapath = request.GET.get("mediapath", "")
    may_add_any = request.user.is_superuser or request.user.has_perm("recorder.add_recording")
    if recorder is None or not (mediapath or may_add_any):
        raise PermissionDenied
    may_choose = _may_choose_owner(request.user, recorder)
    if request.method == "POST":
        form = RecordingForm(request.POST, may_choose_owner=may_choose)
        if form.is_valid():
            return _save_claim(request, form)
    else:
        initial = {"title": request.GET.get("course_title", ""), "recorder": recorder.id,
                   "user": request.user.id, "type": recorder.recording_type}
        if mediapath:
            initial["source_file"] = os.path.join(settings.DEFAULT_RECORDER_PATH, mediapath)
        form = RecordingForm(may_choose_owner=may_choose, initial=initial)
    return render(request, "recorder/add_recording.html", {"form": form})


def _save_claim(request: HttpRequest, form: RecordingForm) -> HttpResponse:
    data = form.cleaned_data
    source_file = data["source_file"]
    if data["delete"]:
        if os.path.exists(source_file):
            os.remove(source_file)
        RecordingFileTreatment.objects.filter(file=source_file).delete()
        messages.info(request, "The selected record has been deleted.")
        return redirect("/")
    Recording.objects.create(
        recorder=data["recorder"],
        user=data.get("user") or request.user,
        title=data["title"],
        type=data["type"],
        source_file=source_file,
    )
    # As in Pod: the Recording exists even when this raises DoesNotExist (HTTP 500).
    RecordingFileTreatment.objects.get(file=source_file).delete()
    messages.info(request, "Your publication is saved.")
    return redirect("/video/dashboard/")


class DeleteRecordForm(forms.Form):
    agree = forms.BooleanField(label="I agree", help_text="Delete this record cannot be undo")


def may_delete_records(user: User) -> bool:
    return user.is_superuser or user.has_perm("recorder.delete_recording")


@login_required(redirect_field_name="referrer")
@user_passes_test(may_delete_records, redirect_field_name="referrer")
def delete_record(request: HttpRequest, record_id: int) -> HttpResponse:
    """Others are sent to the login page, as in Pod."""
    treatment = get_object_or_404(RecordingFileTreatment, id=record_id)
    form = DeleteRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if os.path.exists(treatment.file):
            os.remove(treatment.file)
        treatment.delete()
        messages.info(request, "The record has been deleted.")
        return redirect("record:claim_record")
    return render(request, "recorder/record_delete.html", {"form": form, "record": treatment})


# --- video owner change, dashboard ------------------------------------------------------------


def is_superuser(user: User) -> bool:
    return user.is_superuser


@login_required(redirect_field_name="referrer")
@user_passes_test(is_superuser, redirect_field_name="referrer")
def update_video_owner(request: HttpRequest, user_id: int) -> HttpResponse:
    """Pod's JSON owner change (superusers): also moves the media files to the new owner's
    folder. Its answers, including a malformed body being an HTTP 500, are Pod's.

    The sandbox insists on a same-origin Referer, as Django's CSRF check does over HTTPS,
    so a client that works here also works against a production Pod.
    """
    if request.method != "POST":
        return JsonResponse(
            {"success": False, "detail": "Method not allowed: Please use post method"})
    referer = request.headers.get("Referer", "")
    if not referer.startswith(request.build_absolute_uri("/")):
        raise PermissionDenied("Referer checking failed")
    body = json.loads(request.body.decode("utf-8"))
    videos = body.get("videos", [])
    owner_id = body.get("owner", 0)
    if 0 in (owner_id, len(videos)):
        return JsonResponse(
            {"success": False, "detail": "Bad request: Please one or more fields are invalid"})
    old_owner = User.objects.filter(pk=user_id).first()
    new_owner = User.objects.filter(pk=owner_id).first()
    if None in (old_owner, new_owner):
        return JsonResponse(
            {"success": False, "detail": "New owner or Old owner does not exist"})
    moved = [_move_video(video_id, new_owner) for video_id in videos]
    detail = "Update successfully" if all(moved) else "One or more videos not updated"
    return JsonResponse({"success": True, "detail": detail})


def _move_video(video_id: object, new_owner: User) -> bool:
    video = Video.objects.filter(pk=video_id).first() if str(video_id).isdigit() else None
    if video is None:
        return False
    media_root = Path(settings.MEDIA_ROOT)
    source = media_root / video.video.name
    target = media_root / "videos" / owner_hashkey(new_owner.username) / source.name
    if source.exists() and source != target:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
        video.video.name = str(target.relative_to(media_root))
    video.owner = new_owner
    video.save()
    return True


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    videos = Video.objects.filter(owner=request.user).order_by("-date_added", "-id")
    return render(request, "video/dashboard.html", {"videos": videos})


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {})


# --- media (preview) ------------------------------------------------------------------------

def _read(path: Path, start: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as stream:
        stream.seek(start)
        while length > 0:
            chunk = stream.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk


def serve_file(request: HttpRequest, root: str, relative: str) -> HttpResponse:
    try:
        path = Path(safe_join(root, relative))
    except (SuspiciousFileOperation, ValueError):
        raise Http404(relative) from None
    if not path.is_file():
        raise Http404(relative)
    size = path.stat().st_size
    wanted = parse_range(request.headers.get("Range"), size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    start, end = wanted if wanted else (0, size - 1)
    length = max(0, end - start + 1)
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    status = 206 if wanted else 200
    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type=content_type)
    else:
        response = StreamingHttpResponse(
            _read(path, start, length), status=status, content_type=content_type
        )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def preview(request: HttpRequest, directory: str, filename: str) -> HttpResponse:
    """``<MEDIA_URL><PUBLIC_RECORD_DIR>/<directory>/<file>``: the deposit file, unauthenticated."""
    return serve_file(request, settings.DEFAULT_RECORDER_PATH, f"{directory}/{filename}")


def media(request: HttpRequest, path: str) -> HttpResponse:
    return serve_file(request, settings.MEDIA_ROOT, path)


# --- test hooks (only with ``--test-hooks``) -------------------------------------------------


@csrf_exempt
def test_reset(request: HttpRequest) -> HttpResponse:
    from recmanager.sandbox.state import restore

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    restore()
    return HttpResponse("reset", content_type="text/plain")


@csrf_exempt
def test_cron(request: HttpRequest) -> HttpResponse:
    from recmanager.sandbox.cron import check_directory

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return HttpResponse(check_directory(), content_type="text/plain; charset=utf-8")


def test_pid(request: HttpRequest) -> HttpResponse:
    """The PID of the process that answers (the first process or one of ``--workers``)."""
    return HttpResponse(str(os.getpid()), content_type="text/plain")
