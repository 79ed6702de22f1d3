"""What a new Recording turns into, as Pod's ``type_video`` and ``type_audiovideocast`` plugins.

Video: the source file is MOVED to ``MEDIA_ROOT/videos/<owner hashkey>/<name>_<date>.<ext>``
and a Video is created (title, owner, the recorder's video type, additional owners and
defaults). Audiovideocast: the zip's video is extracted the same way and the zip is renamed
``<file>_treated`` in place. There is no link from the Recording to the Video, as in Pod.
The sandbox does not encode; the Video is marked encoded straight away.
"""

from __future__ import annotations

import logging
import os
import shutil
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.sites.models import Site
from django.utils import timezone

from recmanager.media import duration_and_height
from recmanager.sandbox.recorder.models import Recording, RecordingFile
from recmanager.sandbox.video.models import Video

log = logging.getLogger("recmanager.sandbox.processing")
VIDEO_EXTENSIONS = (".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".ts", ".mpg", ".mpeg")


def media_destination(owner_hashkey: str, source_name: str) -> Path:
    """``videos/<hashkey>/<stem>_<YYYY-MM-DD_HH-MM-SS.ffffff><ext>`` under MEDIA_ROOT."""
    stem, extension = os.path.splitext(source_name)
    stamp = timezone.now().strftime("%Y-%m-%d_%H-%M-%S.%f")
    return Path(settings.MEDIA_ROOT) / "videos" / owner_hashkey / f"{stem}_{stamp}{extension}"


def create_video(recording: Recording, media_file: Path) -> Video:
    recorder = recording.recorder
    duration, height = duration_and_height(media_file)
    video = Video.objects.create(
        video=str(media_file.relative_to(settings.MEDIA_ROOT)),
        title=recording.title,
        owner=recording.user,
        type=recorder.type,
        is_draft=recorder.is_draft,
        is_restricted=recorder.is_restricted,
        allow_downloading=recorder.allow_downloading,
        is_360=recorder.is_360,
        disable_comment=recorder.disable_comment,
        main_lang=recorder.main_lang,
        cursus=recorder.cursus,
        duration=duration,
        height=height,
    )
    video.additional_owners.set(recorder.additional_users.all())
    sites = list(recorder.sites.all()) or [Site.objects.get_current()]
    video.sites.set(sites)
    return video


def process(recording: Recording) -> Video | None:
    """Publish ``recording``; failures go to ``recording.comment`` as Pod logs them there."""
    try:
        if recording.type == "audiovideocast":
            video = _process_audiovideocast(recording)
        else:
            video = _process_video(recording)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        log.error("processing of %s failed: %s", recording.source_file, exc)
        Recording.objects.filter(pk=recording.pk).update(comment=f"Error: {exc}")
        return None
    Recording.objects.filter(pk=recording.pk).update(
        comment=f"Video {video.id} created from {recording.source_file}"
    )
    return video


def _process_video(recording: Recording) -> Video:
    source = Path(recording.source_file)
    destination = media_destination(recording.user.owner.hashkey, source.name)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, destination)
    return create_video(recording, destination)


def _process_audiovideocast(recording: Recording) -> Video:
    """Pod's layout: ``<name>/cours.smil``, the video and the slides inside the zip."""
    source = Path(recording.source_file)
    with zipfile.ZipFile(source) as archive:
        names = archive.namelist()
        if not any(name.endswith("/cours.smil") for name in names):
            raise ValueError(f"{source.name}: no <name>/cours.smil in the archive")
        videos = [name for name in names if name.lower().endswith(VIDEO_EXTENSIONS)]
        if not videos:
            raise ValueError(f"{source.name}: no video in the archive")
        destination = media_destination(
            recording.user.owner.hashkey, os.path.basename(videos[0])
        )
        destination.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(videos[0]) as member, destination.open("wb") as output:
            shutil.copyfileobj(member, output)
    source.rename(source.with_name(source.name + "_treated"))
    return create_video(recording, destination)


def recording_from_upload(upload: RecordingFile) -> Recording:
    """Move an HTTP upload to the deposit root and record it (title = name without extension)."""
    uploaded = Path(settings.MEDIA_ROOT) / upload.file.name
    target = Path(settings.DEFAULT_RECORDER_PATH) / uploaded.name
    shutil.move(uploaded, target)
    return Recording.objects.create(
        recorder=upload.recorder,
        user_id=settings.DEFAULT_RECORDER_USER_ID,
        title=target.stem,
        type=upload.recorder.recording_type,
        source_file=str(target),
    )
