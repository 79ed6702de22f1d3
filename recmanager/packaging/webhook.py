"""POST each job event as JSON to the URL in the ``webhook_url`` setting.

Deliveries run on one background thread, so events arrive in order and a slow or dead
receiver never slows or fails a job. Failed deliveries are retried with exponential backoff
(connection errors, timeouts, 429 and 5xx); each body carries ``job_id`` + ``sequence`` so a
receiver can drop a duplicate. After the last attempt the event is logged and dropped.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any
from urllib.parse import urlsplit

import requests

from recmanager import __version__
from recmanager.errors import ConfigError
from recmanager.i18n import translate
from recmanager.packaging.events import JobEvent

log = logging.getLogger("recmanager.packaging.webhook")
_STOP = object()


def webhook_sender(url: str) -> WebhookSender | None:
    """A sender for the ``webhook_url`` setting; None when unset or unusable (logged), since
    a broken webhook must never stop a job from running."""
    if not url:
        return None
    try:
        return WebhookSender(url)
    except ConfigError as exc:
        log.warning("webhook not used: %s", exc)
        return None


class WebhookSender:
    def __init__(
        self,
        url: str,
        *,
        attempts: int = 5,
        backoff_s: float = 0.5,
        timeout_s: float = 5.0,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(
                translate("webhook", "The webhook address must start with https:// or http://.")
            )
        self.url = url
        self.attempts = attempts
        self.backoff_s = backoff_s
        self.timeout_s = timeout_s
        self.delivered = 0
        self.dropped = 0
        self._queue: queue.Queue[Any] = queue.Queue()
        self._session = requests.Session()
        self._session.headers["User-Agent"] = f"recmanager/{__version__}"
        self._thread = threading.Thread(target=self._deliver_all, name="webhook", daemon=True)
        self._thread.start()

    def __call__(self, event: JobEvent) -> None:
        self._queue.put(event.to_json())

    def close(self, timeout: float = 10.0) -> bool:
        """Deliver what is queued (at most ``timeout`` s), then stop; True when all went."""
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._session.close()
        return not self._thread.is_alive()

    def _deliver_all(self) -> None:
        while True:
            body = self._queue.get()
            if body is _STOP:
                return
            if self._deliver(body):
                self.delivered += 1
            else:
                self.dropped += 1

    def _deliver(self, body: dict[str, Any]) -> bool:
        delay = self.backoff_s
        for attempt in range(1, self.attempts + 1):
            try:
                response = self._session.post(self.url, json=body, timeout=self.timeout_s)
                if response.status_code < 400:
                    return True
                retryable = response.status_code == 429 or response.status_code >= 500
                reason = f"HTTP {response.status_code}"
            except requests.RequestException as exc:
                retryable, reason = True, type(exc).__name__
            log.warning(
                "webhook delivery of job %s event %s failed (attempt %d/%d): %s",
                body.get("job_id"), body.get("event"), attempt, self.attempts, reason,
            )
            if not retryable or attempt == self.attempts:
                break
            time.sleep(delay)
            delay *= 2
        return False
