"""What the current account may do on this Pod: staff from REST, superuser from the web
session (Pod allows deleting and moving files to superusers only)."""

from __future__ import annotations

from dataclasses import dataclass

from recmanager.errors import PodError, PodNotFound, PodPermissionError
from recmanager.i18n import translate
from recmanager.pod.model import User
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession


@dataclass(frozen=True)
class Permissions:
    """What the current account may do on this Pod, as the server says."""

    staff: bool
    superuser: bool
    web_session: bool
    reason: str = ""  # why superuser actions are unavailable, for tooltips

    @property
    def can_claim(self) -> bool:
        return self.staff

    @property
    def can_delete(self) -> bool:
        return self.superuser



def session_is_superuser(web: PodWebSession) -> bool:
    """Django's admin lets only superusers (or holders of user permissions) list the users:
    Pod's superuser-only actions (delete, file-moving owner change) follow the same line."""
    if not web.logged_in:
        web.login()
    try:
        web.http.request("GET", "/admin/auth/user/")
    except (PodPermissionError, PodNotFound):
        return False
    return True


def read_permissions(client: PodClient, web: PodWebSession | None, me: User | None) -> Permissions:
    """Staff from REST (a token that lists recorders is staff), superuser from the session."""
    staff = me.is_staff if me is not None else True
    if web is None:
        return Permissions(staff, False, False, translate(
            "actions",
            "Needs a superuser's web login in the profile (Pod allows this to superusers only)."
        ))
    try:
        superuser = session_is_superuser(web)
    except PodError as exc:
        return Permissions(staff, False, False, translate(
            "actions", "The web session could not be opened: {error}").format(error=exc))
    reason = "" if superuser else translate(
        "actions", "{user} is not a superuser on Pod (Pod allows this to superusers only)."
    ).format(user=web.username)
    return Permissions(staff, superuser, True, reason)
