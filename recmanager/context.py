"""Everything a run of recmanager shares: directories, settings, profiles, database, secrets."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recmanager.config import Paths, Profile, ProfileStore, Settings, plain_http_warning
from recmanager.errors import ConfigError, RecmanagerError
from recmanager.i18n import translate
from recmanager.secrets import SecretKind, SecretStore, secrets

if TYPE_CHECKING:
    from recmanager.store import Database

ENV_PROFILE = "environment"
ENV_ALLOW_HTTP = "RECMANAGER_POD_ALLOW_HTTP"
log = logging.getLogger("recmanager.context")
# Where each profile setting comes from when the profile is built from the environment.
ENVIRONMENT_VARIABLES: dict[str, tuple[str, ...]] = {
    "pod_url": ("RECMANAGER_POD_URL",),
    "allow_plain_http": (ENV_ALLOW_HTTP,),
    "pod_token": ("RECMANAGER_POD_TOKEN",),
    "pod_username": ("RECMANAGER_POD_USER",),
    "web_login": ("RECMANAGER_POD_USER", "RECMANAGER_POD_PASSWORD"),
    "ca_bundle": ("RECMANAGER_CA_BUNDLE", "RECMANAGER_VERIFY_TLS"),
    "deposit": ("RECMANAGER_DEPOSIT", "RECMANAGER_DEPOSIT_ROOT"),
}


@dataclass
class AppContext:
    paths: Paths
    settings: Settings
    profiles: ProfileStore
    secrets: SecretStore
    _db: Database | None = None
    # Where warnings about a resolved profile go (the CLI prints them on stderr).
    on_notice: Callable[[str], None] | None = None
    # The window's first refresh (a worker) and its jobs dock open the database together.
    _db_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def open(cls, paths: Paths | None = None) -> AppContext:
        paths = (paths or Paths.default()).ensure()
        return cls(paths, Settings(paths), ProfileStore(paths), secrets)

    @property
    def db(self) -> Database:
        """Opened on first use, so commands that need no database never touch it."""
        with self._db_lock:
            if self._db is None:
                from recmanager.store import Database  # SQLAlchemy is slow to import

                self._db = Database(self.paths.database)
            return self._db

    def close(self) -> None:
        with self._db_lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def delete_profile(self, name: str) -> None:
        """Forget the profile ``name`` and its secrets in the keyring. The audit log keeps
        what was done with it; nothing on the servers is touched."""
        self.profiles.get(name)  # a clear error for an unknown name
        self.profiles.remove(name)
        self.secrets.delete_all(name)

    def resolve_profile(self, name: str | None) -> Profile:
        """The named profile, else one built from ``RECMANAGER_*``, else the current one.

        Secrets from the environment are kept in memory for this run only. A profile that
        talks to Pod in clear is warned about each time it is resolved.
        """
        profile = self._resolve_profile(name)
        warning = plain_http_warning(profile)
        if warning:
            log.warning("%s", warning)
            if self.on_notice is not None:
                self.on_notice(warning)
        return profile

    def _resolve_profile(self, name: str | None) -> Profile:
        if name:
            return self.profiles.get(name)
        environment = profile_from_environment(self.secrets)
        if environment is not None:
            return environment
        current = self.profiles.current()
        if current is None:
            raise ConfigError(
                translate("context", "No connection profile is set up."),
                hint=translate(
                    "context",
                    "Create one in the application, pass --profile NAME, or set "
                    "RECMANAGER_POD_URL and RECMANAGER_POD_TOKEN.",
                ),
            )
        return current


def uses_environment(profile_name: str | None) -> bool:
    """True when a run without ``--profile`` takes its profile from ``RECMANAGER_*``."""
    return not profile_name and bool(os.environ.get("RECMANAGER_POD_URL", "").strip())


def error_hint(error: RecmanagerError, *, environment: bool) -> str:
    """What to do about ``error``; in environment mode, the variable to set instead of a
    profile to edit (the run has no saved profile)."""
    variables = ENVIRONMENT_VARIABLES.get(error.setting) if environment else None
    if not variables:
        return error.hint
    return translate(
        "context", "Check {variables}: this run's settings come from environment variables, "
        "not from a saved profile.").format(variables=translate("context", " and ").join(
            variables))


def error_text(error: RecmanagerError, *, environment: bool) -> str:
    """The error and what to do (see :func:`error_hint`)."""
    return f"{error.message} {error_hint(error, environment=environment)}".strip()


def profile_from_environment(store: SecretStore) -> Profile | None:
    """A profile from ``RECMANAGER_POD_URL`` & co., for cron jobs and scripts; never saved."""
    url = os.environ.get("RECMANAGER_POD_URL", "").strip()
    if not url:
        return None
    token = os.environ.get("RECMANAGER_POD_TOKEN", "")
    if not token:
        raise ConfigError(
            translate("context", "RECMANAGER_POD_URL is set but RECMANAGER_POD_TOKEN is not.")
        )
    profile = Profile(
        name=ENV_PROFILE,
        pod_url=url,
        pod_username=os.environ.get("RECMANAGER_POD_USER", ""),
        verify_tls=os.environ.get("RECMANAGER_VERIFY_TLS", "1") not in ("0", "false", "no"),
        ca_bundle=os.environ.get("RECMANAGER_CA_BUNDLE", ""),
        allow_plain_http=os.environ.get(ENV_ALLOW_HTTP, "") in ("1", "true", "yes"),
    )
    deposit = os.environ.get("RECMANAGER_DEPOSIT", "")
    if deposit:
        from recmanager.deposit import apply_deposit_spec

        apply_deposit_spec(profile, deposit)
    # Pod's DEFAULT_RECORDER_PATH, when a mounted folder stands for a root other than Pod's
    # default: the paths Pod returns are matched against it.
    root = os.environ.get("RECMANAGER_DEPOSIT_ROOT", "").strip()
    if root:
        profile.deposit_root = root
    store.set_for_session(ENV_PROFILE, SecretKind.POD_TOKEN, token)
    password = os.environ.get("RECMANAGER_POD_PASSWORD", "")
    if password:
        store.set_for_session(ENV_PROFILE, SecretKind.POD_PASSWORD, password)
    return profile
