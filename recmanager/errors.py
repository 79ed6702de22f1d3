"""The one error hierarchy of recmanager.

Every error carries a message a person can act on (what happened and what to do next),
already translated through :mod:`recmanager.i18n`. Messages never contain secrets:
tokens, passwords, passphrases and packaging keys stay out of exception text.
"""

from __future__ import annotations

from recmanager.i18n import translate
from recmanager.logs import mask_secrets


class RecmanagerError(Exception):
    """Base of every error recmanager raises on purpose.

    ``setting`` names the profile setting the user should look at (a key of
    ``recmanager.context.ENVIRONMENT_VARIABLES``), so that a run configured by environment
    variables is told which variable to set rather than to edit a profile it does not have.
    """

    def __init__(self, message: str, *, hint: str = "", setting: str = "") -> None:
        # A secret that slipped into the text (echoed by a server, part of a bad value) is
        # masked before the error can be shown, logged or printed in a traceback.
        message, hint = mask_secrets(message), mask_secrets(hint)
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.setting = setting

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class Cancelled(RecmanagerError):
    """The user (or a shutdown) cancelled the work; nothing more will be done."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or translate("errors", "Cancelled."))


# --- configuration, secrets and local storage -------------------------------------------


class ConfigError(RecmanagerError):
    """A profile or setting is missing or invalid."""


class SecretError(RecmanagerError):
    """A secret could not be read from or written to the keyring."""


class StoreError(RecmanagerError):
    """The local database cannot be used."""


class DatabaseLocked(StoreError):
    """Another program holds the database."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer recmanager."""


class DatabaseOutdated(StoreError):
    """The database was written by an older recmanager: it is migrated when opened."""


class DatabaseCorrupt(StoreError):
    """The database file is damaged or is not a recmanager database."""


# --- Pod over HTTP ------------------------------------------------------------------------


class PodError(RecmanagerError):
    """Pod answered with an error or could not be reached."""

    def __init__(self, message: str, *, status: int | None = None, hint: str = "",
                 setting: str = "") -> None:
        super().__init__(message, hint=hint, setting=setting)
        self.status = status


class PodConnectionError(PodError):
    """DNS, TCP or TLS failure, or the connection dropped."""


class PodTimeout(PodConnectionError):
    """Pod did not answer in time."""


class PodTLSError(PodConnectionError):
    """The server's certificate could not be verified."""


class PodAuthError(PodError):
    """The token or password was refused (401)."""


class PodPermissionError(PodError):
    """The account is not allowed to do this (403, or not staff/superuser)."""


class PodNotFound(PodError):
    """The object does not exist on Pod (404)."""


class PodValidationError(PodError):
    """Pod refused the data (400); ``fields`` maps each field to its messages."""

    def __init__(
        self, message: str, *, fields: dict[str, list[str]] | None = None, status: int = 400
    ) -> None:
        super().__init__(message, status=status)
        self.fields = fields or {}


class PodServerError(PodError):
    """Pod, or a proxy in front of it, failed (5xx or an HTML error page)."""


class PodAmbiguousResult(PodError):
    """A non-idempotent request may or may not have been applied; it was not resent."""


class PodWebLoginUnavailable(PodError):
    """The server does not offer local login (SSO only): web-session actions are impossible."""


# --- the deposit folder -------------------------------------------------------------------


class DepositError(RecmanagerError):
    """The deposit folder (SFTP or a mounted folder) cannot be used as asked."""


class DepositConnectionError(DepositError):
    """The SFTP server cannot be reached or the connection dropped."""


class DepositAuthError(DepositError):
    """The SFTP server refused the login."""


class HostKeyUnknown(DepositError):
    """The SSH server's key is not known yet; the user must decide."""

    def __init__(self, message: str, *, host: str, key_type: str, fingerprint: str) -> None:
        super().__init__(message)
        self.host = host
        self.key_type = key_type
        self.fingerprint = fingerprint


class HostKeyChanged(DepositError):
    """The SSH server's key differs from the remembered one: possible interception."""


class UnsafePath(DepositError):
    """A path leads outside the deposit root or has a forbidden name; it was not followed."""


class NotEnoughSpace(DepositError):
    """The destination disk has too little free space for the transfer."""


# --- packaging ----------------------------------------------------------------------------


class PackagingError(RecmanagerError):
    """A packaging job cannot start or failed."""


class KeyFormatError(PackagingError):
    """A ClearKey key or KID is not exactly 16 bytes in an accepted encoding."""


class ToolNotFound(PackagingError):
    """A packaging tool (Bento4, FFmpeg) is not installed where recmanager looks."""


class ToolFailed(PackagingError):
    """A packaging tool reported a failure (even when it exited with 0)."""


# --- actions and bulk work ----------------------------------------------------------------


class ActionError(RecmanagerError):
    """An action on a recording was refused or failed; the audit log has the details."""


class DoneWithWarning(ActionError):
    """The change was made, then a later step failed: "done, but …".

    The message starts with what Pod (or the deposit) now holds, so nobody retries a change
    that happened; ``detail`` carries the same facts for the audit log (recording and video
    ids…). The command line exits with :data:`EXIT_DONE_WITH_WARNING` for it.
    """

    def __init__(self, message: str, *, hint: str = "",
                 detail: dict[str, object] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.detail = dict(detail or {})


# Exit codes of the command line: 0 done, 1 refused or failed (nothing changed), 2 usage,
# 3 done with a warning (the change was made; something after it went wrong).
EXIT_DONE_WITH_WARNING = 3


class AlreadyClaimed(ActionError):
    """Someone else claimed or removed the recording first."""


class BulkError(RecmanagerError):
    """A bulk-assignment input or plan is invalid."""


class ValidationError(RecmanagerError):
    """Input from the user is invalid; ``fields`` maps each field to its messages."""

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}
