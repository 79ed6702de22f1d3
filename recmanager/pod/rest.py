"""Pod over HTTP: the one place for sessions, TLS, timeouts, retries and error mapping.

:class:`PodHttp` is the plumbing; :class:`PodClient` (token, REST) and
:class:`recmanager.pod.web.PodWebSession` (Django session, HTML forms) both sit on it.

Retries: idempotent requests (GET, HEAD, OPTIONS, PUT, PATCH, DELETE) are retried with
exponential backoff on connection errors and HTTP 502/503/504 (honouring Retry-After), and
once after a read timeout (a server too slow once is likely slow again). A POST is resent
only when the connection could not even be opened (DNS failure, refused, connect timeout):
then the request provably never reached Pod. Any other failure of a POST (read timeout,
connection dropped, 502/503/504 from a proxy) is *ambiguous* and raises
:class:`PodAmbiguousResult`; :meth:`PodClient.create_recording` then looks whether the
recording exists before deciding anything, and never resends.

The token travels only in the ``Authorization`` header; it is never logged and never part of
an exception's text.
"""

from __future__ import annotations

import contextlib
import json
import logging
import posixpath
import re
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import requests
import requests.adapters
import urllib3.exceptions

from recmanager import __version__
from recmanager.config import network_timeout, refuse_plain_http, split_address
from recmanager.errors import (
    ConfigError,
    PodAmbiguousResult,
    PodAuthError,
    PodConnectionError,
    PodError,
    PodNotFound,
    PodPermissionError,
    PodServerError,
    PodTimeout,
    PodTLSError,
    PodValidationError,
    ValidationError,
)
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.model import (
    ClaimOutcome,
    Owner,
    Recorder,
    Recording,
    Site,
    Treatment,
    User,
    UserVideo,
    Video,
    VideoType,
    name_forms,
    name_key,
    same_name,
)

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.pod")

Timeout = tuple[float, float]
Verify = bool | str
DEFAULT_TIMEOUT: Timeout = (5.0, network_timeout(30.0))  # (connect, read)
DEFAULT_RETRIES = 3
RETRY_STATUSES = frozenset({502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
# Fields of /rest/recorder/ that a PATCH really changes; Pod silently ignores any other key.
REST_RECORDER_FIELDS = frozenset({"name", "description", "address_ip", "recording_type", "sites"})


def normalise_base_url(base_url: str) -> str:
    """``https://pod.univ.fr/`` → ``https://pod.univ.fr``; refuses what is not an http(s) URL."""
    url = base_url.strip().rstrip("/")
    parts = split_address(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            translate("pod", "\"{url}\" is not a Pod address.").format(url=printable(base_url)),
            hint=translate("pod", "Give the address as https://pod.example.edu"),
        )
    return url


def verify_for_profile(profile: Profile) -> Verify:
    """TLS verification as the profile asks: on (system CAs), a CA bundle file, or off."""
    if not profile.verify_tls:
        return False
    if profile.ca_bundle:
        if not Path(profile.ca_bundle).is_file():
            raise ConfigError(
                translate("pod", "The CA bundle {path} does not exist.").format(
                    path=profile.ca_bundle
                ),
                hint=translate("pod", "Choose the certificate file again in the profile."),
                setting="ca_bundle",
            )
        return profile.ca_bundle
    return True


class _Masked(tuple):
    """Secrets to scrub, shown as stars in any repr (debuggers, ``vars()`` dumps)."""

    def __repr__(self) -> str:
        return "(********)"


class TokenAuth(requests.auth.AuthBase):
    """``Authorization: Token …``; set per request so netrc can never replace it."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Token {self._token}"
        return request

    def __repr__(self) -> str:
        return "TokenAuth(********)"


# --- error mapping ------------------------------------------------------------------------


def _exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes and the urllib3 errors requests wraps in ``args``."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(linked, BaseException):
                pending.append(linked)


def _never_sent(exc: requests.RequestException) -> bool:
    """True when the connection could not be opened, so Pod cannot have seen the request."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    return any(
        isinstance(item, urllib3.exceptions.NewConnectionError) for item in _exception_chain(exc)
    )


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _where(method: str, url: str) -> str:
    return f"{method} {urlsplit(url).path}"


def answer_cut_short(response: requests.Response) -> bool:
    """A success with no body and nothing that says how long it is: the connection closed
    inside the headers (Pod's answers carry a length, or no content with 204)."""
    return (200 <= response.status_code < 300 and response.status_code != 204
            and not response.content and "Content-Length" not in response.headers
            and "Transfer-Encoding" not in response.headers)


def cut_short_error(method: str, response: requests.Response) -> PodAmbiguousResult:
    """A non-idempotent request whose answer was cut short: Pod may have applied it."""
    return PodAmbiguousResult(translate(
        "pod", "{where} was sent but its answer was cut short; it may or may not have been "
        "applied, and it was not resent.").format(where=_where(method, response.url)))


def _tls_error(exc: requests.RequestException, url: str) -> PodTLSError:
    text = str(exc)
    match = re.search(r"certificate verify failed: ([^(\]]+)", text)
    reason = match.group(1).strip() if match else translate("pod", "TLS handshake failed")
    return PodTLSError(
        translate("pod", "The certificate of {host} could not be verified: {reason}.").format(
            host=_host(url), reason=reason
        ),
        hint=translate(
            "pod",
            "If your university uses its own certificate authority, choose its CA bundle in "
            "the connection profile.",
        ),
    )


def connection_error(
    exc: requests.RequestException, method: str, url: str, timeout: Timeout
) -> PodConnectionError:
    """A person-readable error for a request that got no (complete) answer."""
    host = _host(url)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return PodTimeout(
            translate("pod", "{host} did not accept the connection within {seconds} s.").format(
                host=host, seconds=timeout[0]
            ),
            hint=translate("pod", "Check that you are on the university network or its VPN."),
        )
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return PodTimeout(
            translate("pod", "Pod did not answer {where} within {seconds} s.").format(
                where=_where(method, url), seconds=timeout[1]
            ),
            hint=translate("pod", "Pod may be overloaded; try again in a few minutes."),
        )
    chain = list(_exception_chain(exc))
    if any(isinstance(item, urllib3.exceptions.NameResolutionError) for item in chain):
        return PodConnectionError(
            translate("pod", "The name {host} cannot be resolved.").format(
                host=urlsplit(url).hostname
            ),
            hint=translate(
                "pod", "Check the Pod address in the profile, and your network or VPN."
            ),
            setting="pod_url",
        )
    if any(isinstance(item, urllib3.exceptions.NewConnectionError) for item in chain):
        return PodConnectionError(
            translate("pod", "Cannot connect to {host}: the connection was refused.").format(
                host=host
            ),
            hint=translate(
                "pod", "Check the Pod address and port, and that the server is running."
            ),
        )
    return PodConnectionError(
        translate(
            "pod", "The connection to {host} dropped before Pod's answer to {where} was complete."
        ).format(host=host, where=_where(method, url)),
        hint=translate("pod", "Try again; if it keeps happening, check the network."),
    )


def _json_or_none(response: requests.Response, text: str) -> Any:
    if "json" not in response.headers.get("Content-Type", ""):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _is_html(response: requests.Response, text: str) -> bool:
    return "html" in response.headers.get("Content-Type", "") or text.lstrip()[
        :15
    ].lower().startswith(("<!doctype", "<html"))


def _html_title(text: str) -> str:
    match = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    return " ".join(match.group(1).split()) if match else ""


def _field_errors(body: Any) -> dict[str, list[str]]:
    if isinstance(body, dict):
        return {
            str(key): [str(v) for v in value] if isinstance(value, list) else [str(value)]
            for key, value in body.items()
        }
    if isinstance(body, list):
        return {"__all__": [str(v) for v in body]}
    return {}


def format_field_errors(fields: dict[str, list[str]]) -> str:
    return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in fields.items())


def error_for_response(
    response: requests.Response, *, session_kind: str = "token", secrets: tuple[str, ...] = ()
) -> PodError:
    """Map an HTTP error answer to the error hierarchy, with a message a person can act on.

    ``secrets`` are masked in the answer before any of it is quoted (and cut short).
    """
    status = response.status_code
    method = response.request.method or "GET"
    where = _where(method, response.url)
    text = response.text
    for secret in secrets:
        text = text.replace(secret, "********")
    body = _json_or_none(response, text)
    detail = str(body.get("detail", "")) if isinstance(body, dict) else ""
    if status >= 500:
        if body is None and _is_html(response, text):
            title = _html_title(text) or f"{status} {response.reason}"
            return PodServerError(
                translate(
                    "pod",
                    "The server answered {where} with an HTML error page ({title}) instead of "
                    "Pod's answer: Pod, or the proxy in front of it, is failing or restarting.",
                ).format(where=where, title=title),
                status=status,
                hint=translate(
                    "pod", "Try again in a few minutes; if it lasts, tell the Pod administrators."
                ),
            )
        lines = text.strip().splitlines()
        first_line = (detail or (lines[0] if lines else ""))[:200]
        return PodServerError(
            translate("pod", "Pod failed on {where} (HTTP {status}: {error}).").format(
                where=where, status=status, error=first_line or response.reason
            ),
            status=status,
            hint=translate("pod", "This is a server-side error; tell the Pod administrators."),
        )
    if status == 401:
        if session_kind == "session":
            return PodAuthError(
                translate("pod", "Pod's web session has ended or was refused."), status=401
            )
        if "not provided" in detail:
            return PodAuthError(
                translate("pod", "Pod received no token with the request ({where}).").format(
                    where=where
                ),
                status=401,
                hint=translate(
                    "pod",
                    "A proxy in front of Pod may drop the Authorization header; ask the Pod "
                    "administrators to pass it through.",
                ),
            )
        return PodAuthError(
            translate("pod", "Pod refused the API token ({detail}).").format(
                detail=detail or "401"
            ),
            status=401,
            hint=translate(
                "pod",
                "Create a token for a staff account in Pod's administration (Auth Token › "
                "Tokens) and enter it in the connection profile.",
            ),
        )
    if status == 403:
        if session_kind == "session":
            if "CSRF" in text:
                return PodPermissionError(
                    translate("pod", "Pod refused the form: its CSRF check failed ({where}).")
                    .format(where=where),
                    status=403,
                    hint=translate(
                        "pod",
                        "Use exactly the address Pod is published at (https and host name) in "
                        "the profile.",
                    ),
                    setting="pod_url",
                )
            return PodPermissionError(
                translate(
                    "pod", "The web account is not allowed to do this ({where}): it needs "
                    "superuser rights on Pod."
                ).format(where=where),
                status=403,
                hint=translate("pod", "Use a superuser account for the web login."),
            )
        return PodPermissionError(
            translate(
                "pod",
                "The account of this token is not staff on Pod, and Pod's REST API is for "
                "staff accounts only.",
            ),
            status=403,
            hint=translate(
                "pod", "Ask a Pod administrator for staff status, or use a staff account's token."
            ),
        )
    if status == 404:
        return PodNotFound(
            translate("pod", "Pod has nothing at {where} ({detail}).").format(
                where=where, detail=detail or "HTTP 404"
            ),
            status=404,
            hint=translate("pod", "It may have been deleted or claimed meanwhile; refresh."),
        )
    if status == 400:
        fields = _field_errors(body)
        return PodValidationError(
            translate("pod", "Pod refused the data of {where}: {errors}").format(
                where=where, errors=format_field_errors(fields) or response.reason
            ),
            fields=fields,
        )
    return PodError(
        translate("pod", "Pod answered {where} with HTTP {status} ({detail}).").format(
            where=where, status=status, detail=detail or response.reason
        ),
        status=status,
    )


# --- the plumbing -------------------------------------------------------------------------


@contextlib.contextmanager
def _insecure_warning_silenced(verify: Verify) -> Iterator[None]:
    """Silence urllib3's warning only when the profile turned verification off (a visible
    choice); otherwise the process-wide warning filters are not touched at all."""
    if verify is not False:
        yield
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
        yield


class PodHttp:
    """One ``requests.Session`` with Pod's base URL, TLS policy, timeouts and retry rules."""

    def __init__(
        self,
        base_url: str,
        *,
        auth: requests.auth.AuthBase | None = None,
        verify: Verify = True,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.5,
        session_kind: str = "token",
        accept: str = "application/json",
        secrets: tuple[str, ...] = (),
    ) -> None:
        self.base_url = normalise_base_url(base_url)
        # Scrubbed from error text built out of server answers (a proxy may echo headers).
        self._secrets = _Masked(s for s in secrets if s)
        parts = urlsplit(self.base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        # The wait between attempts; a test replaces it to record the waits instead.
        self.sleep: Callable[[float], None] = time.sleep
        self.session_kind = session_kind
        self.session = requests.Session()
        self.session.auth = auth
        self.session.verify = verify
        self.session.headers.update({"User-Agent": f"recmanager/{__version__}", "Accept": accept})
        adapter = requests.adapters.HTTPAdapter(max_retries=0)  # retries are decided here
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        if verify is False:
            log.warning("TLS verification is turned off for %s", self.origin)

    def close(self) -> None:
        self.session.close()

    def absolute(self, path_or_url: str) -> str:
        """A path below the base URL, or a Pod link re-anchored on the configured origin.

        Links Pod returns (``next`` pages, object URLs) carry the host Pod believes it has;
        behind a proxy that may be ``http://`` or an internal name. Only their path is kept,
        so the token is never sent anywhere but the configured server.
        """
        if path_or_url.startswith(("http://", "https://")):
            parts = urlsplit(path_or_url)
            query = f"?{parts.query}" if parts.query else ""
            return f"{self.origin}{parts.path}{query}"
        return f"{self.base_url}/{path_or_url.lstrip('/')}"

    def _sleep_before_retry(self, attempt: int, response: requests.Response | None) -> None:
        delay = self.backoff * (2**attempt)
        retry_after = response.headers.get("Retry-After", "") if response is not None else ""
        if retry_after.isdigit():
            delay = max(delay, min(float(retry_after), 30.0))
        self.sleep(delay)

    def _scrub(self, error: PodError) -> PodError:
        for secret in self._secrets:
            error.message = error.message.replace(secret, "********")
            error.hint = error.hint.replace(secret, "********")
            error.args = (error.message,)
            if isinstance(error, PodValidationError):
                error.fields = {
                    name: [m.replace(secret, "********") for m in messages]
                    for name, messages in error.fields.items()
                }
        return error

    def request(
        self,
        method: str,
        path_or_url: str,
        **kwargs: Any,
    ) -> requests.Response:
        """Send with the retry rules of this module; error statuses raise a :class:`PodError`."""
        try:
            return self._request(method, path_or_url, **kwargs)
        except PodError as error:
            self._scrub(error)
            raise

    def _request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
        allow_redirects: bool | None = None,
    ) -> requests.Response:
        method = method.upper()
        url = self.absolute(path_or_url)
        idempotent = method in IDEMPOTENT_METHODS
        if allow_redirects is None:
            allow_redirects = method in ("GET", "HEAD")
        maybe_applied = False
        attempt = read_timeouts = 0
        while True:
            started = time.monotonic()
            try:
                with _insecure_warning_silenced(self.session.verify):
                    response = self.session.request(
                        method,
                        url,
                        params=params,
                        json=json,
                        data=data,
                        headers=headers,
                        timeout=self.timeout,
                        allow_redirects=allow_redirects,
                        # Per request, so REQUESTS_CA_BUNDLE cannot replace the profile's CA.
                        verify=self.session.verify,
                    )
            except requests.exceptions.SSLError as exc:
                raise _tls_error(exc, url) from exc
            except requests.RequestException as exc:
                never_sent = _never_sent(exc)
                log.info(
                    "%s failed after %.2f s (attempt %d): %s",
                    _where(method, url), time.monotonic() - started, attempt + 1,
                    type(exc).__name__,
                )
                if not idempotent and not never_sent:
                    raise self._ambiguous(method, url, connection_error(
                        exc, method, url, self.timeout)) from exc
                maybe_applied = maybe_applied or not never_sent
                # A server too slow once is likely slow again: one more try, not ``retries``.
                read_timeouts += isinstance(exc, requests.exceptions.ReadTimeout)
                if attempt < self.retries and read_timeouts < 2:
                    self._sleep_before_retry(attempt, None)
                    attempt += 1
                    continue
                raise connection_error(exc, method, url, self.timeout) from exc
            log.debug(
                "%s -> %d in %.2f s", _where(method, url), response.status_code,
                time.monotonic() - started,
            )
            if response.status_code in RETRY_STATUSES:
                error = error_for_response(
                    response, session_kind=self.session_kind, secrets=self._secrets
                )
                if not idempotent:
                    raise self._ambiguous(method, url, error)
                if attempt < self.retries:
                    log.info("%s answered %d; retrying", _where(method, url),
                             response.status_code)
                    maybe_applied = True
                    self._sleep_before_retry(attempt, response)
                    attempt += 1
                    continue
                raise error
            if method == "DELETE" and response.status_code == 404 and maybe_applied:
                # An earlier attempt reached Pod and deleted the object: done.
                log.info("%s: already deleted by an earlier attempt", _where(method, url))
                return response
            if response.status_code >= 400:
                raise error_for_response(
                    response, session_kind=self.session_kind, secrets=self._secrets
                )
            return response

    @staticmethod
    def _ambiguous(method: str, url: str, cause: PodError) -> PodAmbiguousResult:
        return PodAmbiguousResult(
            translate(
                "pod",
                "{where} was sent but its answer was lost ({cause}); it may or may not have "
                "been applied, and it was not resent.",
            ).format(where=_where(method, url), cause=cause.message),
            status=cause.status,
        )

    def json(self, method: str, path_or_url: str, **kwargs: Any) -> Any:
        """The JSON body of a successful answer; an HTML page instead is a clear error.

        An answer cut inside its headers reads as a success without a body: an idempotent
        request is sent again, any other one is ambiguous (Pod may have applied it)."""
        response = self.request(method, path_or_url, **kwargs)
        attempt = 0
        while answer_cut_short(response):
            where = _where(method, response.url)
            if method.upper() not in IDEMPOTENT_METHODS:
                raise cut_short_error(method, response)
            attempt += 1
            if attempt > self.retries:
                raise PodConnectionError(translate(
                    "pod", "{where}: Pod's answer was cut short {count} times.").format(
                    where=where, count=attempt))
            log.info("%s: the answer was cut short; sending it again", where)
            response = self.request(method, path_or_url, **kwargs)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise PodServerError(
                translate(
                    "pod",
                    "{url} answered {where} with a web page instead of data: the address may "
                    "not be Pod's, or a login portal intercepts the API.",
                ).format(url=self.base_url, where=_where(method, response.url)),
                status=response.status_code,
                hint=translate("pod", "Check the Pod address in the profile."),
                setting="pod_url",
            ) from None

    def pages(self, path: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Every result of a paginated list ``{count,next,previous,results}``, all pages."""
        url: str | None = path
        seen: set[str] = set()
        while url:
            data = self.json("GET", url, params=params)
            params = None  # ``next`` already carries the query
            yield from self._results(data, path)  # a list: a Pod without pagination
            if isinstance(data, list):
                return
            seen.add(url)
            next_url = data.get("next")
            url = self.absolute(next_url) if next_url else None
            if url in seen:
                break

    def pages_last_first(self, path: str) -> Iterator[dict[str, Any]]:
        """Every result of a paginated list, the last page first (``?page=N`` from the
        count); pages that vanish meanwhile are skipped, the others still read."""
        first = self.json("GET", path)
        if isinstance(first, list) or not isinstance(first, dict) or not first.get("next"):
            yield from self._results(first, path)
            return
        page_size = max(1, len(first["results"]))
        last_page = -(-int(first.get("count") or 0) // page_size)
        for page in range(last_page, 1, -1):
            try:
                yield from self._results(self.json("GET", path, params={"page": page}), path)
            except PodNotFound:  # the list shrank since the count
                continue
        yield from first["results"]

    @staticmethod
    def _results(data: Any, path: str) -> list[dict[str, Any]]:
        if isinstance(data, list):
            return data
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise PodServerError(
                translate("pod", "Pod's answer to {path} is not a list.").format(path=path)
            )
        return data["results"]


# --- the REST client ----------------------------------------------------------------------


class OverPodHttp:
    """What both clients share: their :class:`PodHttp`, closing, ``with`` support."""

    http: PodHttp

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    @property
    def base_url(self) -> str:
        return self.http.base_url


class PodClient(OverPodHttp):
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
        # After an ambiguous POST, when to look whether the object exists (seconds).
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

    def url_for(self, resource: str, object_id: int) -> str:
        """The hyperlink Pod expects in a body for ``object_id`` of ``resource`` (``users``…)."""
        return f"{self.base_url}/rest/{resource}/{int(object_id)}/"

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
        return [Recorder.from_json(item) for item in self.http.pages("/rest/recorder/")]

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

    # --- unclaimed recordings (treatments) ------------------------------------------------

    def treatments(self, recorder_id: int | None = None) -> list[Treatment]:
        """Every unclaimed row (all pages), or those of one recorder."""
        params = {"recorder": int(recorder_id)} if recorder_id is not None else None
        return [
            Treatment.from_json(item)
            for item in self.http.pages("/rest/recordingfiletreatment/", params)
        ]

    def treatment(self, treatment_id: int) -> Treatment:
        return Treatment.from_json(
            self.http.json("GET", f"/rest/recordingfiletreatment/{int(treatment_id)}/")
        )

    def treatment_for_file(self, path: str) -> Treatment | None:
        """The row of an absolute server path, or None.

        Pod filters on the exact bytes of the path, so a name typed in NFC does not find a
        file written in NFD: each Unicode form is asked for (one request for plain ASCII).
        """
        for form in name_forms(path):
            for item in self.http.pages("/rest/recordingfiletreatment/", {"file": form}):
                if same_name(str(item.get("file") or ""), path):
                    return Treatment.from_json(item)
        return None

    def delete_treatment(self, treatment_id: int) -> None:
        """Drop the row only: the file stays and Pod's cron recreates the row unless the
        file is removed too (see :meth:`recmanager.pod.web.PodWebSession.delete_record`)."""
        self.http.request("DELETE", f"/rest/recordingfiletreatment/{int(treatment_id)}/")

    def deposit_root(self) -> tuple[str, str] | None:
        """Pod's DEFAULT_RECORDER_PATH as its own data shows it, and the path it was read
        from; None when Pod holds no deposited file to tell.

        Every treatment row's ``file`` is ``<root>/<recorder directory>/<name>``; without one,
        ``OPTIONS /rest/recording/`` lists each deposited file as an absolute path and as the
        path below the root.
        """
        first_page = self.http.json("GET", "/rest/recordingfiletreatment/")
        for item in self.http._results(first_page, "/rest/recordingfiletreatment/"):
            file = str(item.get("file") or "")
            folder = posixpath.dirname(file)
            root = posixpath.dirname(folder)
            if file.startswith("/") and root != folder:
                return root, file
        try:
            data = self.http.json("OPTIONS", "/rest/recording/")
            choices = data["actions"]["POST"]["source_file"]["choices"]
        except (PodError, KeyError, TypeError):
            return None  # a server without the metadata: nothing to tell
        for choice in choices:
            value, below = str(choice.get("value") or ""), str(choice.get("display_name") or "")
            if value.startswith("/") and below and value.endswith("/" + below):
                return value[: -len(below) - 1] or "/", value
        return None

    def deposit_files(self) -> list[str]:
        """Every file under Pod's deposit root, from ``OPTIONS /rest/recording/``."""
        data = self.http.json("OPTIONS", "/rest/recording/")
        try:
            choices = data["actions"]["POST"]["source_file"]["choices"]
        except (KeyError, TypeError):
            return []
        return [choice["value"] for choice in choices if choice.get("value")]

    # --- reference data and users ---------------------------------------------------------

    def video_types(self) -> list[VideoType]:
        return [VideoType.from_json(item) for item in self.http.pages("/rest/types/")]

    def sites(self) -> list[Site]:
        return [Site.from_json(item) for item in self.http.pages("/rest/sites/")]

    def users(self, username: str | None = None, email: str | None = None) -> list[User]:
        """Users matching exactly ``username`` and/or ``email`` (Pod's filters)."""
        params = {k: v for k, v in (("username", username), ("email", email)) if v}
        if not params:
            return self.all_users()
        return [User.from_json(item) for item in self.http.pages("/rest/users/", params)]

    def owners(self) -> list[Owner]:
        return [Owner.from_json(item) for item in self.http.pages("/rest/owners/")]

    def all_users(self) -> list[User]:
        return [User.from_json(item) for item in self.http.pages("/rest/users/")]

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

    # --- recordings (claims) --------------------------------------------------------------

    def recordings(self) -> list[Recording]:
        return [Recording.from_json(item) for item in self.http.pages("/rest/recording/")]

    def recording(self, recording_id: int) -> Recording:
        return Recording.from_json(self.http.json("GET", f"/rest/recording/{int(recording_id)}/"))

    def recording_for_source(self, path: str) -> Recording | None:
        """The recording made from ``path``.

        Pod has no filter here, so every page may be read; they are read from the last one
        back, because Pod lists recordings in database order and the one looked for (after
        an ambiguous claim, or to verify one) is usually among the newest.
        """
        for item in self.http.pages_last_first("/rest/recording/"):
            if same_name(str(item.get("source_file") or ""), path):
                return Recording.from_json(item)
        return None

    def create_recording(
        self,
        source_file: str,
        title: str,
        user: User | int,
        recorder_id: int | None,
        type: str = "video",
    ) -> Recording:
        """Claim ``source_file`` for a staff ``user``: Pod then moves and encodes the file.

        Never resent after an ambiguous failure: the recording is looked up instead and
        returned when it exists with this title and owner; otherwise
        :class:`PodAmbiguousResult` says that nothing was resent.
        """
        return self._create_recording(source_file, title, user, recorder_id, type)[0]

    def _create_recording(
        self, source_file: str, title: str, user: User | int, recorder_id: int | None, type: str
    ) -> tuple[Recording, bool]:
        user_id = user.id if isinstance(user, User) else int(user)
        body: dict[str, Any] = {
            "user": self.url_for("users", user_id),
            "title": title,
            "source_file": source_file,
            "type": type,
        }
        if recorder_id is not None:
            body["recorder"] = self.url_for("recorder", recorder_id)
        try:
            data = self.http.json("POST", "/rest/recording/", json=body)
            if not isinstance(data, dict) or "id" not in data:
                # A success whose body was lost (the connection cut inside the headers):
                # Pod made the recording or not, as after any lost answer.
                raise PodAmbiguousResult(translate(
                    "pod", "Pod's answer to the claim of {file} came without its content."
                ).format(file=posixpath.basename(source_file)))
            return Recording.from_json(data), False
        except PodAmbiguousResult as exc:
            existing = self._look_for_recording(source_file, exc)
            if existing is None:
                raise PodAmbiguousResult(
                    translate(
                        "pod",
                        "The claim of {file} reached Pod or not: its answer was lost ({cause}) "
                        "and no recording of this file exists yet. Nothing was resent.",
                    ).format(file=posixpath.basename(source_file), cause=exc.message),
                    status=exc.status,
                    hint=translate(
                        "pod",
                        "Refresh in a minute: if the recording appears, the claim worked; "
                        "otherwise claim it again.",
                    ),
                ) from exc
            return self._own_or_taken(existing, title, user_id), True
        except PodServerError as exc:
            # Pod may have stored the recording before failing: look before reporting.
            existing = self._look_for_recording(source_file, exc, delays=(0.0,))
            if existing is None:
                raise
            return self._own_or_taken(existing, title, user_id), True

    def _look_for_recording(
        self, source_file: str, cause: PodError, delays: tuple[float, ...] | None = None
    ) -> Recording | None:
        for delay in delays if delays is not None else self.recheck_delays:
            time.sleep(delay)
            try:
                found = self.recording_for_source(source_file)
            except PodError as lookup_error:
                raise PodAmbiguousResult(
                    translate(
                        "pod",
                        "The claim of {file} may or may not have been applied ({cause}), and "
                        "Pod could not be asked afterwards ({error}). Nothing was resent.",
                    ).format(
                        file=posixpath.basename(source_file),
                        cause=cause.message,
                        error=lookup_error.message,
                    ),
                    status=cause.status,
                    hint=translate("pod", "Refresh once Pod answers again before claiming."),
                ) from lookup_error
            if found is not None:
                log.info("recording %d found for %s after an ambiguous answer",
                         found.id, source_file)
                return found
        return None

    @staticmethod
    def _own_or_taken(existing: Recording, title: str, user_id: int) -> Recording:
        if same_name(existing.title, title) and existing.user_id == user_id:
            return existing
        raise PodValidationError(
            translate(
                "pod",
                "{file} was claimed meanwhile by someone else (recording {id}, \"{title}\").",
            ).format(
                file=posixpath.basename(existing.source_file), id=existing.id,
                title=existing.title,
            ),
            fields={"source_file": [
                translate("pod", "Recording with this source file already exists.")
            ]},
        )

    def claim(self, treatment: Treatment, owner: User, title: str) -> ClaimOutcome:
        """Create the recording for ``owner`` (staff only), then delete the treatment row
        (REST does not do it; the web claim does)."""
        if not owner.is_staff:
            raise PodPermissionError(
                translate(
                    "pod",
                    "{user} is not staff on Pod, and Pod accepts only staff accounts as the "
                    "owner of a claimed recording.",
                ).format(user=owner.display_name),
                hint=translate(
                    "pod",
                    "Claim it for a staff account (for example yours), then reassign the "
                    "video to {user} once Pod has created it.",
                ).format(user=owner.username),
            )
        if not title.strip():
            raise ValidationError(
                translate("pod", "A title is required to claim a recording."),
                fields={"title": [translate("pod", "This field is required.")]},
            )
        recording, recovered = self._create_recording(
            treatment.file, title, owner, treatment.recorder_id, treatment.type
        )
        try:
            self.delete_treatment(treatment.id)
        except PodNotFound:
            pass  # already gone: nothing lingers
        except PodError as exc:
            return ClaimOutcome(recording, treatment_deleted=False, recovered=recovered,
                                problem=str(exc))
        return ClaimOutcome(recording, treatment_deleted=True, recovered=recovered)

    # --- videos ---------------------------------------------------------------------------

    def videos(self, owner_id: int | None = None) -> list[Video]:
        params = {"owner": int(owner_id)} if owner_id is not None else None
        try:
            return [Video.from_json(item) for item in self.http.pages("/rest/videos/", params)]
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
            for item in self.http.pages("/rest/videos/user_videos/", params)
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
