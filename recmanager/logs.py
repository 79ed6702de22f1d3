"""Logging to a rotating file in the user log dir, one logger per area (``recmanager.pod``…).

A filter masks every secret the process knows of, as a last line of defence: code must
never log secrets in the first place.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_known_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Mask ``value`` wherever it would appear in a log line."""
    if value and len(value) >= 4:
        with _lock:
            _known_secrets.add(value)


class SecretMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        with _lock:
            secrets = tuple(_known_secrets)
        if secrets:
            message = record.getMessage()
            for secret in secrets:
                message = message.replace(secret, "********")
            record.msg, record.args = message, None
        return True


def setup_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    """Send recmanager's loggers to ``log_dir/recmanager.log`` (1 MB × 5 files)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "recmanager.log"
    root = logging.getLogger("recmanager")
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_recmanager", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler.addFilter(SecretMaskingFilter())
        handler._recmanager = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path
