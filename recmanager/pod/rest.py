"""Pod's REST API with a staff token: :class:`PodClient`.

Built here (token, profile) with the access check and the recorder endpoints; the other
endpoints come from :mod:`recmanager.pod.rest_claims` (unclaimed recordings, claims),
:mod:`recmanager.pod.rest_users` (users, reference lists) and
:mod:`recmanager.pod.rest_videos`. The transport is :mod:`recmanager.pod.http`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from recmanager.config import refuse_plain_http
from recmanager.errors import ConfigError, PodServerError, ValidationError
from recmanager.i18n import translate
from recmanager.pod.http import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    PodHttp,
    Timeout,
    TokenAuth,
    Verify,
    verify_for_profile,
)
from recmanager.pod.model import Recorder
from recmanager.pod.pages import pages
from recmanager.pod.rest_claims import ClaimEndpoints
from recmanager.pod.rest_users import UserEndpoints
from recmanager.pod.rest_videos import VideoEndpoints

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

# Fields of /rest/recorder/ that a PATCH really changes; Pod silently ignores any other key.
REST_RECORDER_FIELDS = frozenset({"name", "description", "address_ip", "recording_type", "sites"})


class PodClient(ClaimEndpoints, UserEndpoints, VideoEndpoints):
    """Pod's REST API with a staff token: typed results, hyperlinks handled, errors mapped."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        verify: Verify = True,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.5,
        recheck_delays: tuple[float, ...] = (0.0, 2.0),
    ) -> None:
        from recmanager.secrets import clean_token

        if not token:
            raise ConfigError(translate("pod", "No Pod API token was given."))
        token = clean_token(token)
        self.http = PodHttp(
            base_url,
            auth=TokenAuth(token),
            secrets=(token,),
            verify=verify,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
        )
        self.recheck_delays = recheck_delays

    @classmethod
    def from_profile(cls, profile: Profile, secrets: SecretStore, **kwargs: Any) -> PodClient:
        """A client for ``profile``, with its token from the keyring."""
        from recmanager.secrets import SecretKind

        refuse_plain_http(profile)
        token = secrets.get(profile.name, SecretKind.POD_TOKEN)
        if not token:
            raise ConfigError(
                translate("pod", "No Pod API token is stored for the profile \"{name}\".").format(
                    name=profile.name
                ),
                hint=translate(
                    "pod",
                    "Enter the token in the profile dialog, or set RECMANAGER_POD_TOKEN for "
                    "a script.",
                ),
                setting="pod_token",
            )
        return cls(profile.pod_url, token, verify=verify_for_profile(profile), **kwargs)

    # --- access ---------------------------------------------------------------------------

    def check_access(self) -> str:
        """Prove the token works, is staff, and that this Pod has the recorder API."""
        root = self.http.json("GET", "/rest/")
        missing = sorted(
            name for name in ("recorder", "recording", "recordingfiletreatment", "users")
            if not isinstance(root, dict) or name not in root
        )
        if missing:
            raise PodServerError(
                translate(
                    "pod", "{url} answers, but its REST API lacks {names}: it is not Pod, or a "
                    "Pod too old for recmanager."
                ).format(url=self.base_url, names=", ".join(missing))
            )
        data = self.http.json("GET", "/rest/recorder/")
        count = data.get("count") if isinstance(data, dict) else None
        if count is None:
            raise PodServerError(
                translate("pod", "{url} does not answer like Pod's REST API.").format(
                    url=self.base_url
                )
            )
        return translate(
            "pod", "Token accepted: staff access to Pod at {url} ({count} recorders)."
        ).format(url=self.base_url, count=count)

    # --- recorders ------------------------------------------------------------------------

    def recorders(self) -> list[Recorder]:
        return [Recorder.from_json(item) for item in pages(self.http, "/rest/recorder/")]

    def recorder(self, recorder_id: int) -> Recorder:
        return Recorder.from_json(self.http.json("GET", f"/rest/recorder/{int(recorder_id)}/"))

    def find_recorder(self, name_or_id: str) -> Recorder | None:
        """By exact name, else by id, else by a unique case-insensitive name."""
        recorders = self.recorders()
        for recorder in recorders:
            if recorder.name == name_or_id:
                return recorder
        if name_or_id.isdigit():
            for recorder in recorders:
                if recorder.id == int(name_or_id):
                    return recorder
        folded = [r for r in recorders if r.name.casefold() == name_or_id.casefold()]
        return folded[0] if len(folded) == 1 else None

    def patch_recorder(self, recorder_id: int, **fields: Any) -> Recorder:
        """Change REST-writable fields (``name, description, address_ip, recording_type``,
        ``site_ids``); Pod would silently ignore any other key, so those are refused here."""
        body: dict[str, Any] = {}
        refused: dict[str, list[str]] = {}
        for key, value in fields.items():
            if key == "site_ids":
                body["sites"] = [self.url_for("sites", site) for site in value]
            elif key in REST_RECORDER_FIELDS:
                body[key] = value
            else:
                refused[key] = [
                    translate(
                        "pod",
                        "Pod's REST API cannot change this field; it needs the web session "
                        "(recorder settings).",
                    )
                ]
        if refused:
            raise ValidationError(
                translate("pod", "These recorder fields cannot be changed over REST: {names}.")
                .format(names=", ".join(sorted(refused))),
                fields=refused,
            )
        data = self.http.json("PATCH", f"/rest/recorder/{int(recorder_id)}/", json=body)
        return Recorder.from_json(data)
