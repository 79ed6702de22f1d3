"""Users and videos over REST: the accounts that can own a recording, the reference lists
(types, sites), and the videos a claim produces (find them, change their owner)."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from recmanager.errors import PodServerError, ValidationError
from recmanager.i18n import translate
from recmanager.pod.model import Owner, Site, User, UserVideo, Video, VideoType, name_key, same_name
from recmanager.pod.pages import pages
from recmanager.pod.rest_api import RestApi


class PeopleEndpoints(RestApi):
    """``/rest/users/``, ``/rest/owners/``, ``/rest/types/``, ``/rest/sites/`` and
    ``/rest/videos/``."""

    # --- reference data and users ---------------------------------------------------------

    def video_types(self) -> list[VideoType]:
        return [VideoType.from_json(item) for item in pages(self.http, "/rest/types/")]

    def sites(self) -> list[Site]:
        return [Site.from_json(item) for item in pages(self.http, "/rest/sites/")]

    def users(self, username: str | None = None, email: str | None = None) -> list[User]:
        """Users matching exactly ``username`` and/or ``email`` (Pod's filters)."""
        params = {k: v for k, v in (("username", username), ("email", email)) if v}
        if not params:
            return self.all_users()
        return [User.from_json(item) for item in pages(self.http, "/rest/users/", params)]

    def owners(self) -> list[Owner]:
        return [Owner.from_json(item) for item in pages(self.http, "/rest/owners/")]

    def all_users(self) -> list[User]:
        return [User.from_json(item) for item in pages(self.http, "/rest/users/")]

    def staff_users(self) -> list[User]:
        """Who can own a claimed recording (Pod has no is_staff filter: filtered here)."""
        return [user for user in self.all_users() if user.is_staff]

    def user(self, user_id: int) -> User:
        return User.from_json(self.http.json("GET", f"/rest/users/{int(user_id)}/"))

    def find_user(self, login_or_email: str) -> User | None:
        """The user with this login, or with this e-mail address (when it has an @)."""
        value = login_or_email.strip()
        if not value:
            return None
        order = (("email", "username") if "@" in value else ("username", "email"))
        for key in order:
            found = self.users(**{key: value})
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ValidationError(
                    translate(
                        "pod", "Several Pod accounts match {value}: {logins}."
                    ).format(value=value, logins=", ".join(sorted(u.username for u in found))),
                    fields={key: [translate("pod", "Give the login instead.")]},
                )
        return None

    # --- videos ---------------------------------------------------------------------------

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
