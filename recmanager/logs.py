"""Logging to a rotating file in the user log dir, one logger per area (``recmanager.pod``…).

Every secret the process knows of is masked in whatever a handler writes — the message,
its arguments and the formatted traceback — and in errors and crash reports
(:func:`mask_secrets`), as a last line of defence: code must never log secrets in the first
place.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_known_secrets: set[str] = set()
_lock = threading.Lock()


MASK = "********"


def register_secret(value: str) -> None:
    """Mask ``value`` (and its form without surrounding blanks) wherever it would appear in
    a log line, an error or a crash report."""
    with _lock:
        for form in (value, value.strip()):
            if form and len(form) >= 4:
                _known_secrets.add(form)


def mask_secrets(text: str) -> str:
    """``text`` with every known secret replaced by stars (longest first, so a secret that
    contains another is masked whole)."""
    with _lock:
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class SecretMaskingFilter(logging.Filter):
    """Masks the message of a record before any handler sees it (a handler's own format
    may differ, so :class:`SecretMaskingFormatter` masks the final text as well)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = mask_secrets(record.getMessage())
        record.msg, record.args = message, None
        return True


class SecretMaskingFormatter(logging.Formatter):
    """Masks the whole formatted record, traceback (``exc_text``) and stack included."""

    def format(self, record: logging.LogRecord) -> str:
        text = mask_secrets(super().format(record))
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        return text


def install_masking_excepthook() -> None:
    """Uncaught exceptions of a command print their traceback with secrets masked."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        sys.stderr.write(mask_secrets("".join(traceback.format_exception(kind, exc, tb))))
        sys.stderr.flush()

    sys.excepthook = hook


class RotatingLogFile(logging.FileHandler):
    """A log file moved aside to ``<name>.1`` once it passes ``max_bytes`` (the older ones to
    ``.2`` … up to ``backups``), as the standard library's RotatingFileHandler does: that
    one's module loads sockets, pickling and queues with it, ~5 ms of every start of the
    desktop application before its window shows."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._move_aside()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _move_aside(self) -> None:
        """Close the full file and rename the files up by one; this record opens a new
        file (FileHandler does so when its stream is None)."""
        self.stream.close()
        self.stream = None  # type: ignore[assignment]
        for number in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")


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
    file_handler = RotatingLogFile(path, max_bytes=1_000_000, backups=5)
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(SecretMaskingFormatter(LOG_FORMAT))
        handler.addFilter(SecretMaskingFilter())
        handler._recmanager = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path
