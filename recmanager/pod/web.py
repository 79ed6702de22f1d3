"""What Pod's REST API cannot do, through a logged-in web session (Django admin + CSRF).

Only superuser-level actions go here: recorder settings (salt, manager, directory, video
type, publication_auto, additional users — and creating a recorder), Pod's
``delete_record`` view (removes the file and the row) and the owner-change view that also
moves the media files. Everything REST can do goes over :mod:`recmanager.pod.rest`, and
this module uses the same plumbing (:class:`recmanager.pod.http.PodHttp`); the pages' forms
are read by :mod:`recmanager.pod.html_forms`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

from recmanager.errors import (
    ConfigError,
    PodAuthError,
    PodError,
    PodValidationError,
    PodWebLoginUnavailable,
)
from recmanager.i18n import translate
from recmanager.logs import register_secret
from recmanager.pod.html_forms import HtmlForm, find_form, parse_forms
from recmanager.pod.http import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    OverPodHttp,
    PodHttp,
    Timeout,
    Verify,
    verify_for_profile,
)
from recmanager.pod.http_errors import answer_cut_short, cut_short_error, format_field_errors
from recmanager.pod.model import RecorderSettings

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.pod.web")

HTML_ACCEPT = "text/html,application/xhtml+xml"
LOGIN_PATH = "/admin/login/"
RECORDER_ADMIN = "/admin/recorder/recorder/"


# --- recorder settings <-> admin form -----------------------------------------------------

_MODELLED = (
    "name", "description", "address_ip", "salt", "credentials_login", "credentials_password",
    "recording_type", "user", "publication_auto", "additional_users", "type", "directory",
    "sites",
)


def _single(values: dict[str, list[str]], name: str) -> str:
    found = values.get(name) or [""]
    return found[0]


def _optional_int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _ints(texts: list[str] | None) -> tuple[int, ...]:
    return tuple(int(t) for t in texts or () if t.strip().isdigit())


def settings_from_form(form: HtmlForm) -> RecorderSettings:
    values = form.submission()
    return RecorderSettings(
        name=_single(values, "name"),
        address_ip=_single(values, "address_ip"),
        directory=_single(values, "directory"),
        type_id=_optional_int(_single(values, "type")),
        description=_single(values, "description"),
        salt=_single(values, "salt"),
        manager_id=_optional_int(_single(values, "user")),
        publication_auto=bool(values.get("publication_auto")),
        additional_user_ids=_ints(values.get("additional_users")),
        recording_type=_single(values, "recording_type") or "video",
        site_ids=_ints(values.get("sites")),
        credentials_login=_single(values, "credentials_login"),
        credentials_password=_single(values, "credentials_password"),
        other_fields={
            name: tuple(vals)
            for name, vals in values.items()
            if name not in _MODELLED and name != "csrfmiddlewaretoken"
        },
        form_fields=frozenset(values),
    )


def _form_values(settings: RecorderSettings) -> dict[str, list[str]]:
    """The modelled fields as the admin form submits them."""
    def optional(value: int | None) -> list[str]:
        return [str(value)] if value is not None else [""]

    return {
        "name": [settings.name],
        "description": [settings.description],
        "address_ip": [settings.address_ip],
        "salt": [settings.salt],
        "credentials_login": [settings.credentials_login],
        "credentials_password": [settings.credentials_password],
        "recording_type": [settings.recording_type],
        "user": optional(settings.manager_id),
        "publication_auto": ["on"] if settings.publication_auto else [],
        "additional_users": [str(i) for i in settings.additional_user_ids],
        "type": optional(settings.type_id),
        "directory": [settings.directory],
        "sites": [str(i) for i in settings.site_ids],
    }


def _is_empty(values: list[str]) -> bool:
    return all(not v for v in values)


# --- the session --------------------------------------------------------------------------


class PodWebSession(OverPodHttp):
    """A Django session on Pod for superuser actions; logs in on first use."""

    def __init__(
        self,
        base_url: str,
        username: str,
        password: str,
        *,
        verify: Verify = True,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.5,
    ) -> None:
        if not username or not password:
            raise ConfigError(translate("pod", "The web login needs a username and a password."))
        register_secret(password)
        self.username = username
        self._password = password
        self.http = PodHttp(
            base_url,
            verify=verify,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            session_kind="session",
            accept=HTML_ACCEPT,
            secrets=(password,),
        )
        self.logged_in = False

    @classmethod
    def from_profile(
        cls, profile: Profile, secrets: SecretStore, **kwargs: Any
    ) -> PodWebSession:
        """The profile's Pod username with its password from the keyring."""
        from recmanager.config import refuse_plain_http
        from recmanager.secrets import SecretKind

        refuse_plain_http(profile)
        password = secrets.get(profile.name, SecretKind.POD_PASSWORD)
        if not profile.pod_username or not password:
            raise ConfigError(
                translate(
                    "pod", "The profile \"{name}\" has no web login (username and password)."
                ).format(name=profile.name),
                hint=translate(
                    "pod",
                    "Recorder settings and file-moving owner changes need a superuser's web "
                    "login: add it in the profile dialog, or set RECMANAGER_POD_USER and "
                    "RECMANAGER_POD_PASSWORD.",
                ),
                setting="web_login",
            )
        return cls(
            profile.pod_url, profile.pod_username, password,
            verify=verify_for_profile(profile), **kwargs,
        )

    # --- login ----------------------------------------------------------------------------

    def _unavailable(self, reason: str) -> PodWebLoginUnavailable:
        return PodWebLoginUnavailable(
            translate(
                "pod",
                "Pod at {url} offers no local login ({reason}): it seems to use single sign-on "
                "only, so recmanager cannot open a web session there.",
            ).format(url=self.base_url, reason=reason),
            hint=translate(
                "pod",
                "Ask the Pod administrators for a local superuser account, or make this change "
                "in Pod's administration pages with a browser.",
            ),
        )

    def login(self) -> None:
        """Django admin login: GET the form (CSRF cookie and field), POST the credentials."""
        page = self._login_page()
        if urlsplit(page.url).path.rstrip("/").endswith("/admin") and (
            self.http.session.cookies.get("sessionid")
        ):
            self.logged_in = True  # the session is still valid
            return
        forms, _ = parse_forms(page.text)
        form = find_form(forms, form_id="login-form", has_field="password")
        if form is None or "password" not in form.fields or "username" not in form.fields:
            raise self._unavailable(translate("pod", "no username and password form"))
        data = form.submission()
        data["username"] = [self.username]
        data["password"] = [self._password]
        data.setdefault("next", ["/admin/"])
        answer = self.http.request(
            "POST",
            form.action or page.url,
            data=_pairs(data),
            headers={"Referer": page.url},
            allow_redirects=False,
        )
        if answer.is_redirect and self.http.session.cookies.get("sessionid"):
            self.logged_in = True
            log.info("web session opened on %s for %s", self.http.origin, self.username)
            return
        raise PodAuthError(
            translate(
                "pod",
                "Pod refused the web login of {user}: wrong password, or the account is not "
                "staff.",
            ).format(user=self.username),
            hint=translate("pod", "Check the web login and password in the profile."),
            setting="web_login",
        )

    def _login_page(self) -> requests.Response:
        """The login page, following redirects on Pod's own origin only: a redirect to
        another host is a single sign-on portal, where recmanager cannot log in."""
        url = f"{LOGIN_PATH}?next=/admin/"
        for _ in range(5):
            try:
                page = self.http.request("GET", url, allow_redirects=False)
            except PodAuthError:
                raise self._unavailable(
                    translate("pod", "the login page asks for other credentials")
                ) from None
            if not page.is_redirect:
                return page
            target = urljoin(page.url, page.headers.get("Location", ""))
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != self.http.origin:
                raise self._unavailable(
                    translate("pod", "the login page sends to {host}").format(host=parts.netloc)
                )
            url = target
        raise self._unavailable(translate("pod", "the login page redirects in circles"))

    def _page(self, path: str) -> requests.Response:
        """GET a page that needs the session; logs in (again) when Pod sends to the login."""
        for _ in range(2):
            if not self.logged_in:
                self.login()
            response = self.http.request("GET", path)
            if "login" not in urlsplit(response.url).path or "login" in path:
                return response
            self.logged_in = False
        raise PodAuthError(
            translate("pod", "Pod keeps asking {user} to log in for {path}.").format(
                user=self.username, path=path
            ),
            hint=translate("pod", "The account needs superuser rights on Pod."),
        )

    def _form(self, path: str, *, form_id: str, has_field: str) -> tuple[HtmlForm, str]:
        page = self._page(path)
        forms, _ = parse_forms(page.text)
        form = find_form(forms, form_id=form_id, has_field=has_field)
        if form is None:
            raise PodError(
                translate("pod", "Pod's page {path} has no form recmanager knows.").format(
                    path=path
                ),
                hint=translate("pod", "This Pod version may differ; do it in a browser."),
            )
        return form, page.url

    def _submit(
        self, path: str, referer: str, data: dict[str, list[str]]
    ) -> requests.Response:
        return self.http.request(
            "POST", path, data=_pairs(data), headers={"Referer": referer}, allow_redirects=False
        )

    # --- recorders ------------------------------------------------------------------------

    def recorder_settings(self, recorder_id: int) -> RecorderSettings:
        """Every field of a recorder, read from its admin change form."""
        form, _ = self._form(
            f"{RECORDER_ADMIN}{int(recorder_id)}/change/",
            form_id="recorder_form", has_field="address_ip",
        )
        return settings_from_form(form)

    def save_recorder(self, settings: RecorderSettings, recorder_id: int | None = None) -> int:
        """Create (no id) or edit a recorder through the admin form; returns its id.

        Every field the form has is sent: the modelled ones from ``settings``, the others
        as the form shows them now. A field set in ``settings`` that this Pod's form lacks
        is refused rather than silently dropped.
        """
        path = (
            f"{RECORDER_ADMIN}{int(recorder_id)}/change/"
            if recorder_id is not None
            else f"{RECORDER_ADMIN}add/"
        )
        form, page_url = self._form(path, form_id="recorder_form", has_field="address_ip")
        data = form.submission()
        missing: dict[str, list[str]] = {}
        for name, values in _form_values(settings).items():
            if name in form.fields:
                data[name] = values
            elif not _is_empty(values):
                missing[name] = [
                    translate("pod", "This Pod's recorder form has no such field.")
                ]
        for name, values in settings.other_fields.items():
            if name in form.fields:
                data[name] = list(values)
        if missing:
            raise PodValidationError(
                translate("pod", "Pod's recorder form cannot set: {names}.").format(
                    names=", ".join(sorted(missing))
                ),
                fields=missing,
            )
        data["_continue"] = ["Save and continue editing"]  # answers with the object's URL
        answer = self._submit(path, page_url, data)
        if answer.is_redirect:
            location = answer.headers.get("Location", "")
            match = re.search(r"/recorder/recorder/(\d+)/change/", location)
            if match:
                return int(match.group(1))
            if recorder_id is not None:
                return int(recorder_id)
            raise PodError(
                translate(
                    "pod", "Pod saved the recorder but did not say which id it got ({location})."
                ).format(location=location)
            )
        raise self._form_errors(answer.text, translate("pod", "the recorder"))

    @staticmethod
    def _form_errors(html: str, what: str) -> PodValidationError:
        forms, text = parse_forms(html)
        errors: dict[str, list[str]] = {}
        for form in forms:
            for name, messages in form.errors.items():
                errors.setdefault(name, []).extend(messages)
        if not errors:
            errors["__all__"] = [text[:300] or translate("pod", "Pod did not say why.")]
        return PodValidationError(
            translate("pod", "Pod refused {what}: {errors}").format(
                what=what, errors=format_field_errors(errors)
            ),
            fields=errors,
            status=200,
        )

    # --- unclaimed recordings -------------------------------------------------------------

    def delete_record(self, treatment_id: int) -> None:
        """Pod's own delete: removes the deposited file on the server and the row."""
        path = f"/record/delete_record/{int(treatment_id)}/"
        form, page_url = self._form(path, form_id="record_delete_form", has_field="agree")
        data = form.submission()
        data["agree"] = ["on"]
        answer = self._submit(form.action or path, page_url, data)
        if not answer.is_redirect:
            raise self._form_errors(answer.text, translate("pod", "the deletion"))

    def claim_list(self) -> list[ClaimCard]:
        """The rows Pod's claim page shows: manual-claim rows only (REST cannot tell)."""
        cards: list[ClaimCard] = []
        page = 1
        while True:
            response = self._page(f"/record/claim_record/?page={page}" if page > 1
                                  else "/record/claim_record/")
            found = parse_claim_cards(response.text)
            new = [card for card in found if card not in cards]
            cards.extend(new)
            total = _claim_total(response.text)
            if not new or total is None or len(cards) >= total:
                return cards
            page += 1

    # --- videos ---------------------------------------------------------------------------

    def change_owner(self, video_ids: list[int], old_owner_id: int, new_owner_id: int) -> str:
        """Pod's owner change that also moves the media files to the new owner's folder.

        Returns Pod's detail ("Update successfully", or that some videos were skipped
        because ``old_owner_id`` does not own them); re-read the videos over REST to verify.
        """
        body = {"videos": [int(i) for i in video_ids], "owner": int(new_owner_id)}
        path = f"/video/updateowner/put/{int(old_owner_id)}/"
        try:
            for _ in range(2):
                if not self.logged_in:
                    self.login()
                response = self.http.request("POST", path, json=body, headers={
                    "X-CSRFToken": self.http.session.cookies.get("csrftoken") or "",
                    "Referer": f"{self.http.origin}/video/dashboard/",
                    "Accept": "application/json",
                    "X-Requested-With": "XMLHttpRequest",
                })
                # A redirect to the login page means the view did not run: safe to resend.
                if not (response.is_redirect and "login" in response.headers.get("Location", "")):
                    break
                self.logged_in = False
        except PodValidationError as exc:
            detail = " ".join(exc.fields.get("detail", [])) or exc.message
            raise PodValidationError(
                translate("pod", "Pod refused the owner change: {detail}").format(detail=detail),
                fields=exc.fields,
            ) from None
        if answer_cut_short(response):
            raise cut_short_error("POST", response)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or answer.get("success") is not True:
            detail = answer.get("detail", "") if isinstance(answer, dict) else ""
            raise PodError(
                translate("pod", "Pod did not confirm the owner change ({detail}).").format(
                    detail=detail or answer
                )
            )
        return str(answer.get("detail", ""))


@dataclass(frozen=True)
class ClaimCard:
    """One card of Pod's claim page."""

    treatment_id: int | None  # only superusers see the delete link that carries it
    recorder_id: int | None
    file: str
    title: str


def _claim_total(html: str) -> int | None:
    match = re.search(r"(\d+)\s+records?\s+found", html)
    return int(match.group(1)) if match else None


def parse_claim_cards(html: str) -> list[ClaimCard]:
    cards: list[ClaimCard] = []
    for chunk in re.split(r'class="infinite-item"', html)[1:]:
        claim = re.search(r'href="(/record/add_recording/\?[^"]+)"', chunk)
        if claim is None:
            continue
        query = parse_qs(urlsplit(claim.group(1).replace("&amp;", "&")).query)
        delete = re.search(r'href="/record/delete_record/(\d+)/"', chunk)
        recorder = (query.get("recorder") or [""])[0]
        cards.append(
            ClaimCard(
                treatment_id=int(delete.group(1)) if delete else None,
                recorder_id=int(recorder) if recorder.isdigit() else None,
                file=(query.get("mediapath") or [""])[0],
                title=(query.get("course_title") or [""])[0],
            )
        )
    return cards


def _pairs(data: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, values in data.items() for value in values]
