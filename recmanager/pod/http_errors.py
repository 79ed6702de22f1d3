"""Pod's answers to person-readable errors: error statuses, lost and cut-short answers,
TLS and connection failures, all mapped to :mod:`recmanager.errors`.

:func:`error_for_response` reads an error answer once (:class:`ErrorAnswer`) and hands it
to the case of its status; each case builds the message a person can act on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from recmanager.errors import (
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
)
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.pod.http import Timeout


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


def never_sent(exc: requests.RequestException) -> bool:
    """True when the connection could not be opened, so Pod cannot have seen the request."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    return any(
        isinstance(item, urllib3.exceptions.NewConnectionError) for item in _exception_chain(exc)
    )


def _host(url: str) -> str:
    return urlsplit(url).netloc


def request_line(method: str, url: str) -> str:
    """``GET /rest/recorder/``: the request as messages and the log name it."""
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
        "applied, and it was not resent.").format(where=request_line(method, response.url)))


def tls_error(exc: requests.RequestException, url: str) -> PodTLSError:
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
                where=request_line(method, url), seconds=timeout[1]
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
        ).format(host=host, where=request_line(method, url)),
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



@dataclass(frozen=True)
class ErrorAnswer:
    """An error answer read once: its text with the secrets masked, its JSON if any."""

    status: int
    reason: str
    where: str
    text: str
    body: Any
    detail: str
    is_html: bool
    session_kind: str

    @classmethod
    def read(
        cls, response: requests.Response, session_kind: str, secrets: tuple[str, ...]
    ) -> ErrorAnswer:
        text = response.text
        for secret in secrets:
            text = text.replace(secret, "********")
        body = _json_or_none(response, text)
        return cls(
            status=response.status_code,
            reason=response.reason,
            where=request_line(response.request.method or "GET", response.url),
            text=text,
            body=body,
            detail=str(body.get("detail", "")) if isinstance(body, dict) else "",
            is_html=_is_html(response, text),
            session_kind=session_kind,
        )


def _server_failed(answer: ErrorAnswer) -> PodError:
    if answer.body is None and answer.is_html:
        title = _html_title(answer.text) or f"{answer.status} {answer.reason}"
        return PodServerError(
            translate(
                "pod",
                "The server answered {where} with an HTML error page ({title}) instead of "
                "Pod's answer: Pod, or the proxy in front of it, is failing or restarting.",
            ).format(where=answer.where, title=title),
            status=answer.status,
            hint=translate(
                "pod", "Try again in a few minutes; if it lasts, tell the Pod administrators."
            ),
        )
    lines = answer.text.strip().splitlines()
    first_line = (answer.detail or (lines[0] if lines else ""))[:200]
    return PodServerError(
        translate("pod", "Pod failed on {where} (HTTP {status}: {error}).").format(
            where=answer.where, status=answer.status, error=first_line or answer.reason
        ),
        status=answer.status,
        hint=translate("pod", "This is a server-side error; tell the Pod administrators."),
    )


def _not_authenticated(answer: ErrorAnswer) -> PodError:
    if answer.session_kind == "session":
        return PodAuthError(
            translate("pod", "Pod's web session has ended or was refused."), status=401
        )
    if "not provided" in answer.detail:
        return PodAuthError(
            translate("pod", "Pod received no token with the request ({where}).").format(
                where=answer.where
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
            detail=answer.detail or "401"
        ),
        status=401,
        hint=translate(
            "pod",
            "Create a token for a staff account in Pod's administration (Auth Token › "
            "Tokens) and enter it in the connection profile.",
        ),
    )


def _forbidden(answer: ErrorAnswer) -> PodError:
    if answer.session_kind == "session" and "CSRF" in answer.text:
        return PodPermissionError(
            translate("pod", "Pod refused the form: its CSRF check failed ({where}).")
            .format(where=answer.where),
            status=403,
            hint=translate(
                "pod",
                "Use exactly the address Pod is published at (https and host name) in "
                "the profile.",
            ),
            setting="pod_url",
        )
    if answer.session_kind == "session":
        return PodPermissionError(
            translate(
                "pod", "The web account is not allowed to do this ({where}): it needs "
                "superuser rights on Pod."
            ).format(where=answer.where),
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


def _not_found(answer: ErrorAnswer) -> PodError:
    return PodNotFound(
        translate("pod", "Pod has nothing at {where} ({detail}).").format(
            where=answer.where, detail=answer.detail or "HTTP 404"
        ),
        status=404,
        hint=translate("pod", "It may have been deleted or claimed meanwhile; refresh."),
    )


def _refused_data(answer: ErrorAnswer) -> PodError:
    fields = _field_errors(answer.body)
    return PodValidationError(
        translate("pod", "Pod refused the data of {where}: {errors}").format(
            where=answer.where, errors=format_field_errors(fields) or answer.reason
        ),
        fields=fields,
    )


def _other_status(answer: ErrorAnswer) -> PodError:
    return PodError(
        translate("pod", "Pod answered {where} with HTTP {status} ({detail}).").format(
            where=answer.where, status=answer.status, detail=answer.detail or answer.reason
        ),
        status=answer.status,
    )


_BY_STATUS: dict[int, Callable[[ErrorAnswer], PodError]] = {
    400: _refused_data,
    401: _not_authenticated,
    403: _forbidden,
    404: _not_found,
}


def error_for_response(
    response: requests.Response, *, session_kind: str = "token", secrets: tuple[str, ...] = ()
) -> PodError:
    """Map an HTTP error answer to the error hierarchy, with a message a person can act on.

    ``secrets`` are masked in the answer before any of it is quoted (and cut short).
    """
    answer = ErrorAnswer.read(response, session_kind, secrets)
    if answer.status >= 500:
        return _server_failed(answer)
    return _BY_STATUS.get(answer.status, _other_status)(answer)
