"""The HTTP transport both Pod clients sit on: one session, TLS, timeouts, retries.

:class:`PodHttp` is the plumbing; :class:`recmanager.pod.rest.PodClient` (token, REST) and
:class:`recmanager.pod.web.PodWebSession` (Django session, HTML forms) both use it.

Retries: idempotent requests (GET, HEAD, OPTIONS, PUT, PATCH, DELETE) are retried with
exponential backoff on connection errors and HTTP 502/503/504 (honouring Retry-After), and
once after a read timeout (a server too slow once is likely slow again). A POST is resent
only when the connection could not even be opened (DNS failure, refused, connect timeout):
then the request provably never reached Pod. Any other failure of a POST (read timeout,
connection dropped, 502/503/504 from a proxy) is *ambiguous* and raises
:class:`PodAmbiguousResult`; :meth:`recmanager.pod.rest.PodClient.create_recording` then
looks whether the recording exists before deciding anything, and never resends.

The token travels only in the ``Authorization`` header; it is never logged and never part of
an exception's text. What Pod's error answers become is :mod:`recmanager.pod.http_errors`;
reading paginated lists is :mod:`recmanager.pod.pages`.
"""

from __future__ import annotations

import contextlib
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import requests
import requests.adapters
import urllib3.exceptions

from recmanager import __version__
from recmanager.config import network_timeout, split_address
from recmanager.errors import (
    ConfigError,
    PodAmbiguousResult,
    PodConnectionError,
    PodError,
    PodServerError,
    PodValidationError,
)
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.http_errors import (
    answer_cut_short,
    connection_error,
    cut_short_error,
    error_for_response,
    never_sent,
    request_line,
    tls_error,
)

if TYPE_CHECKING:
    from recmanager.config import Profile

log = logging.getLogger("recmanager.pod")

Timeout = tuple[float, float]
Verify = bool | str
DEFAULT_TIMEOUT: Timeout = (5.0, network_timeout(30.0))  # (connect, read)
DEFAULT_RETRIES = 3
RETRY_STATUSES = frozenset({502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})


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


@dataclass
class _Tries:
    """The attempts at one request so far: how many, how many read timeouts, and whether
    one of them may have reached Pod."""

    method: str
    url: str
    attempt: int = 0
    read_timeouts: int = 0
    maybe_applied: bool = False

    @property
    def idempotent(self) -> bool:
        return self.method in IDEMPOTENT_METHODS

    @property
    def where(self) -> str:
        return request_line(self.method, self.url)


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

    def _wait_for_next_attempt(self, tries: _Tries, response: requests.Response | None) -> None:
        delay = self.backoff * (2**tries.attempt)
        retry_after = response.headers.get("Retry-After", "") if response is not None else ""
        if retry_after.isdigit():
            delay = max(delay, min(float(retry_after), 30.0))
        self.sleep(delay)
        tries.attempt += 1

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
        if allow_redirects is None:
            allow_redirects = method in ("GET", "HEAD")
        tries = _Tries(method, url)
        while True:
            started = time.monotonic()
            try:
                response = self._send(
                    method, url, params=params, json=json, data=data, headers=headers,
                    allow_redirects=allow_redirects,
                )
            except requests.exceptions.SSLError as exc:
                raise tls_error(exc, url) from exc
            except requests.RequestException as exc:
                self._retry_after_failure(exc, tries, started)
                continue
            log.debug(
                "%s -> %d in %.2f s", tries.where, response.status_code,
                time.monotonic() - started,
            )
            if response.status_code in RETRY_STATUSES:
                self._retry_after_gateway_error(response, tries)
                continue
            if method == "DELETE" and response.status_code == 404 and tries.maybe_applied:
                # An earlier attempt reached Pod and deleted the object: done.
                log.info("%s: already deleted by an earlier attempt", tries.where)
                return response
            if response.status_code >= 400:
                raise error_for_response(
                    response, session_kind=self.session_kind, secrets=self._secrets
                )
            return response

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """One attempt; urllib3's warning is silenced only when the profile turned TLS off."""
        with _insecure_warning_silenced(self.session.verify):
            return self.session.request(
                method,
                url,
                timeout=self.timeout,
                # Per request, so REQUESTS_CA_BUNDLE cannot replace the profile's CA.
                verify=self.session.verify,
                **kwargs,
            )

    def _retry_after_failure(
        self, exc: requests.RequestException, tries: _Tries, started: float
    ) -> None:
        """Wait for the next attempt after a request got no (complete) answer, or raise:
        what may have reached Pod is resent only when it is idempotent."""
        unsent = never_sent(exc)
        log.info(
            "%s failed after %.2f s (attempt %d): %s",
            tries.where, time.monotonic() - started, tries.attempt + 1, type(exc).__name__,
        )
        if not tries.idempotent and not unsent:
            raise self._ambiguous(tries.method, tries.url, connection_error(
                exc, tries.method, tries.url, self.timeout)) from exc
        tries.maybe_applied = tries.maybe_applied or not unsent
        # A server too slow once is likely slow again: one more try, not ``retries``.
        tries.read_timeouts += isinstance(exc, requests.exceptions.ReadTimeout)
        if tries.attempt < self.retries and tries.read_timeouts < 2:
            self._wait_for_next_attempt(tries, None)
            return
        raise connection_error(exc, tries.method, tries.url, self.timeout) from exc

    def _retry_after_gateway_error(self, response: requests.Response, tries: _Tries) -> None:
        """Wait for the next attempt after a 502/503/504, or raise: a proxy's error page
        does not say whether Pod applied a request that is not idempotent."""
        error = error_for_response(
            response, session_kind=self.session_kind, secrets=self._secrets
        )
        if not tries.idempotent:
            raise self._ambiguous(tries.method, tries.url, error)
        if tries.attempt >= self.retries:
            raise error
        log.info("%s answered %d; retrying", tries.where, response.status_code)
        tries.maybe_applied = True
        self._wait_for_next_attempt(tries, response)

    @staticmethod
    def _ambiguous(method: str, url: str, cause: PodError) -> PodAmbiguousResult:
        return PodAmbiguousResult(
            translate(
                "pod",
                "{where} was sent but its answer was lost ({cause}); it may or may not have "
                "been applied, and it was not resent.",
            ).format(where=request_line(method, url), cause=cause.message),
            status=cause.status,
        )

    def json(self, method: str, path_or_url: str, **kwargs: Any) -> Any:
        """The JSON body of a successful answer; an HTML page instead is a clear error.

        An answer cut inside its headers reads as a success without a body: an idempotent
        request is sent again, any other one is ambiguous (Pod may have applied it)."""
        response = self.request(method, path_or_url, **kwargs)
        attempt = 0
        while answer_cut_short(response):
            where = request_line(method, response.url)
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
                ).format(url=self.base_url, where=request_line(method, response.url)),
                status=response.status_code,
                hint=translate("pod", "Check the Pod address in the profile."),
                setting="pod_url",
            ) from None


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
