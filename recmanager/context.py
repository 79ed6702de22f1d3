"""Everything a run of recmanager shares: directories, settings, profiles, database, secrets."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recmanager.config import Paths, Profile, ProfileStore, Settings, plain_http_warning
from recmanager.errors import ConfigError
from recmanager.i18n import translate
from recmanager.secrets import SecretKind, SecretStore, secrets

if TYPE_CHECKING:
    from recmanager.store import Database

ENV_PROFILE = "environment"
ENV_ALLOW_HTTP = "RECMANAGER_POD_ALLOW_HTTP"
log = logging.getLogger("recmanager.context")


@dataclass
class AppContext:
    paths: Paths
    settings: Settings
    profiles: ProfileStore
    secrets: SecretStore
    _db: Database | None = None
    # Where warnings about a resolved profile go (the CLI prints them on stderr).
    on_notice: Callable[[str], None] | None = None

    @classmethod
    def open(cls, paths: Paths | None = None) -> AppContext:
        paths = (paths or Paths.default()).ensure()
        return cls(paths, Settings(paths), ProfileStore(paths), secrets)

    @property
    def db(self) -> Database:
        """Opened on first use, so commands that need no database never touch it."""
        if self._db is None:
            from recmanager.store import Database  # SQLAlchemy is slow to import

            self._db = Database(self.paths.database)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

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
