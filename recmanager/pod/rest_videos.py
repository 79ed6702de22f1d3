"""Videos over REST: list them, find the one a claim produced, change their owner."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from recmanager.errors import PodServerError
from recmanager.i18n import translate
from recmanager.pod.model import User, UserVideo, Video, name_key, same_name
from recmanager.pod.pages import pages
from recmanager.pod.rest_api import RestApi


class VideoEndpoints(RestApi):
    """``/rest/videos/`` and ``/rest/videos/user_videos/``."""

    def videos(self, owner_id: int | None = None) -> list[Video]:
        params = {"owner": int(owner_id)} if owner_id is not None else None
        try:
            return [Video.from_json(item) for item in pages(self.http, "/rest/videos/", params)]
        except PodServerError as exc:
            if exc.status == 500:
                exc.hint = translate(
                    "pod",
                    "Pod's /rest/videos/ fails when USE_PODFILE is False in its settings; ask "
                    "the Pod administrators to turn it on.",
                )
            raise

    def video(self, video_id: int) -> Video:
        return Video.from_json(self.http.json("GET", f"/rest/videos/{int(video_id)}/"))

    def user_videos(self, username: str, search_title: str | None = None) -> list[UserVideo]:
        params = {"username": username}
        if search_title:
            params["search_title"] = search_title
        return [
            UserVideo.from_json(item)
            for item in pages(self.http, "/rest/videos/user_videos/", params)
        ]

    def patch_video_owner(
        self, video_id: int, owner_id: int, additional_owner_ids: list[int] | None = None
    ) -> Video:
        """Change the owner (any user, staff or not); the media files stay where they are."""
        body: dict[str, Any] = {"owner": self.url_for("users", owner_id)}
        if additional_owner_ids is not None:
            body["additional_owners"] = [self.url_for("users", i) for i in additional_owner_ids]
        return Video.from_json(self.http.json("PATCH", f"/rest/videos/{int(video_id)}/", json=body))

    def find_claimed_video(self, owner: User | int, title: str, source_file: str) -> Video | None:
        """The video a claim produced: Pod keeps no link, so match the owner, the title and
        the file name Pod gives it, ``<source name>_<YYYY-MM-DD_HH-MM-SS.ffffff>.<ext>``.

        Names are compared decoded (Pod percent-encodes the URL) and normalised (NFC).
        """
        owner_id = owner.id if isinstance(owner, User) else int(owner)
        stem = name_key(posixpath.splitext(posixpath.basename(source_file))[0])
        pattern = re.compile(
            re.escape(stem) + r"_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(\.\d+)?(\.[^.]+)?$"
        )
        if isinstance(owner, User) and title:
            # One short search by title instead of every page of the owner's videos.
            candidates = [
                self.video(item.id)
                for item in self.user_videos(owner.username, search_title=title)
                if same_name(item.title, title)
            ]
        else:
            candidates = self.videos(owner_id=owner_id)
        matches = [
            video
            for video in candidates
            if video.owner_id == owner_id and same_name(video.title, title)
            and pattern.match(name_key(video.file_name))
        ]
        return max(matches, key=lambda video: video.id) if matches else None
