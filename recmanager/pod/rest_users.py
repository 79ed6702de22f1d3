"""Users and reference lists over REST: the accounts that can own a recording (staff, found
by login or e-mail), owners, video types and sites."""

from __future__ import annotations

from recmanager.errors import ValidationError
from recmanager.i18n import translate
from recmanager.pod.model import Owner, Site, User, VideoType
from recmanager.pod.pages import pages
from recmanager.pod.rest_api import RestApi


class UserEndpoints(RestApi):
    """``/rest/users/``, ``/rest/owners/``, ``/rest/types/`` and ``/rest/sites/``."""

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
