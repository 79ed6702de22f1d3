"""Where recmanager keeps its files, the connection profiles and the declarative settings.

Non-secret values only: tokens and passwords live in :mod:`recmanager.secrets`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal
from urllib.parse import SplitResult, urlsplit

import platformdirs

from recmanager import APP_NAME
from recmanager.errors import ConfigError
from recmanager.formatting import printable
from recmanager.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class Paths:
    """The user directories, from platformdirs (XDG on Linux)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> Paths:
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    @property
    def database(self) -> Path:
        return self.data_dir / "recmanager.db"

    @property
    def profiles_file(self) -> Path:
        return self.config_dir / "profiles.json"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def known_hosts(self) -> Path:
        return self.config_dir / "known_hosts"

    def ensure(self) -> Paths:
        for directory in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            directory.mkdir(parents=True, exist_ok=True)
        return self


def write_json_atomically(path: Path, data: Any) -> None:
    """Write JSON beside ``path`` and rename it over, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def read_json(path: Path, default: Any) -> Any:
    """Read a JSON settings file; a damaged one is a ConfigError naming the file."""
    try:
        with path.open(encoding="utf-8") as stream:
            return json.load(stream)
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as exc:
        raise ConfigError(
            translate("config", "The settings file {path} cannot be read: {error}").format(
                path=path, error=exc
            ),
            hint=translate("config", "Fix or remove the file, then start recmanager again."),
        ) from exc


# --- addresses ------------------------------------------------------------------------------


NETWORK_TIMEOUT_VARIABLE = "RECMANAGER_NETWORK_TIMEOUT"


def network_timeout(default: float) -> float:
    """Seconds of silence after which a Pod or SFTP connection counts as lost: ``default``,
    or RECMANAGER_NETWORK_TIMEOUT (a positive number) for scripts on links slower or faster
    to fail than the defaults suit. Anything else there is ignored."""
    try:
        value = float(os.environ.get(NETWORK_TIMEOUT_VARIABLE, ""))
    except ValueError:
        return default
    return value if 0 < value < 86400 else default


def split_address(address: str) -> SplitResult:
    """``urlsplit`` that refuses in one line what cannot be an address: unbalanced IPv6
    brackets (``http://[::1``), a port that is not a number from 1 to 65535. The caller
    checks the scheme and the host it needs."""
    bad_port = translate("config", "the port must be a number from 1 to 65535")
    try:
        parts = urlsplit(address.strip())
        reason = bad_port if parts.port == 0 else ""
    except ValueError as exc:
        reason = (translate("config", "the brackets around the IPv6 address do not match")
                  if "IPv6" in str(exc) else bad_port)
    if reason:
        raise ConfigError(
            translate("config", "\"{address}\" is not a valid address: {reason}.").format(
                address=printable(address), reason=reason),
            hint=translate("config", "An IPv6 address goes in brackets, the port after them: "
                           "https://[2001:db8::1]:8443/ or sftp://user@[2001:db8::1]:2222/path."),
        )
    return parts


def host_for_url(host: str) -> str:
    """``::1`` → ``[::1]``: a host as it is written inside an address."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def plain_http_refusal(profile: Profile) -> ConfigError:
    """Why a profile's http:// address is not used, and how to allow it."""
    return ConfigError(
        translate("config", "The Pod address {url} uses http://: the token and the passwords "
                  "would travel unencrypted.").format(url=printable(profile.pod_url)),
        hint=translate("config", "Use https://, or allow plain HTTP in the profile "
                       "(RECMANAGER_POD_ALLOW_HTTP=1 from the command line)."))


def refuse_plain_http(profile: Profile) -> None:
    """Raise unless the profile's address is https:// or plain HTTP is allowed for it (a
    malformed address is reported as such first)."""
    split_address(profile.pod_url)
    if profile.plain_http and not profile.allow_plain_http:
        raise plain_http_refusal(profile)


def plain_http_warning(profile: Profile) -> str:
    """The warning shown on each use of a profile allowed to talk to Pod in clear, or ""
    (an http:// address not allowed is refused, with its own message)."""
    if not (profile.plain_http and profile.allow_plain_http):
        return ""
    return translate("config", "Warning: {url} is plain HTTP; the token and the passwords travel "
                     "unencrypted.").format(url=printable(profile.pod_url))


# --- connection profiles ------------------------------------------------------------------

# Pod's own default DEFAULT_RECORDER_PATH. A profile holding it has not said where its Pod's
# deposit is: the root is then read from Pod's data (see
# recmanager.actions.root.settle_deposit_root).
POD_DEFAULT_DEPOSIT_ROOT = "/data/ftp-pod/ftp/"

# Where a profile's packaging runs, and where a job ran: this computer, or the queue.
RUNS_HERE = "here"
RUNS_ON_QUEUE = "queue"

DepositKind = Literal["sftp", "local"]
SftpAuth = Literal["key", "agent", "password"]


@dataclass
class Profile:
    """One Pod server and its deposit folder. Secrets are in the keyring, keyed by ``name``."""

    name: str
    pod_url: str
    verify_tls: bool = True
    ca_bundle: str = ""
    pod_username: str = ""
    deposit_kind: DepositKind = "sftp"
    sftp_host: str = ""
    sftp_port: int = 22
    sftp_user: str = ""
    sftp_auth: SftpAuth = "key"
    sftp_key_file: str = ""
    deposit_root: str = POD_DEFAULT_DEPOSIT_ROOT
    local_deposit: str = ""
    preview_base_url: str = ""
    bento4_dir: str = ""
    quarantine_dir: str = ""
    # An http:// Pod address sends the token and the web password in clear: refused unless
    # asked for here (a test server, the sandbox).
    allow_plain_http: bool = False
    # Where packaging runs: "here" (this computer) or "queue" (the server's workers, through
    # this broker; the workers' public key seals each job's key).
    packaging_runs_on: str = RUNS_HERE
    queue_broker_url: str = ""
    # Where job states are kept: the broker's own address when empty (Redis); RabbitMQ keeps
    # none a desk can read later, so it needs one (e.g. redis://pod.example:6379/5).
    queue_result_backend: str = ""
    queue_public_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def plain_http(self) -> bool:
        return self.pod_url.strip().lower().startswith("http://")

    def validate(self) -> None:
        """Refuse a profile that cannot work, field by field."""
        problems: dict[str, list[str]] = {}
        if not self.name.strip():
            problems.setdefault("name", []).append(translate("config", "A name is required."))
        try:
            parts = split_address(self.pod_url)
        except ConfigError as exc:
            problems.setdefault("pod_url", []).append(exc.message)
        else:
            if parts.scheme not in ("http", "https") or not parts.hostname:
                problems.setdefault("pod_url", []).append(
                    translate("config", "The Pod address must start with https:// (or http://).")
                )
            elif self.plain_http and not self.allow_plain_http:
                problems.setdefault("pod_url", []).append(plain_http_refusal(self).message)
        if self.deposit_kind == "sftp":
            if not self.sftp_host:
                problems.setdefault("sftp_host", []).append(
                    translate("config", "The SFTP host is required.")
                )
            if not str(self.sftp_port).isdigit() or not 0 < int(self.sftp_port) < 65536:
                problems.setdefault("sftp_port", []).append(
                    translate("config", "The SFTP port must be between 1 and 65535.")
                )
        elif not self.local_deposit:
            problems.setdefault("local_deposit", []).append(
                translate("config", "The local deposit folder is required.")
            )
        if not self.deposit_root.startswith("/"):
            problems.setdefault("deposit_root", []).append(
                translate("config", "The deposit root is an absolute path on the Pod server.")
            )
        quarantine = self.quarantine_problems()
        if quarantine:
            problems["quarantine_dir"] = quarantine
        problems.update(self.packaging_problems())
        if problems:
            from recmanager.errors import ValidationError

            raise ValidationError(
                translate("config", "The profile \"{name}\" is not complete.").format(
                    name=self.name
                ),
                fields=problems,
            )

    @property
    def deposit_root_given(self) -> bool:
        """False while the root is empty or Pod's default, which forms fill in by default:
        then Pod's own data says where the deposit is."""
        return (self.deposit_root.rstrip("/") or "/") not in (
            "/", POD_DEFAULT_DEPOSIT_ROOT.rstrip("/"))

    @property
    def actor(self) -> str:
        """Who the audit log names for what is done with this profile: its Pod login, else
        the profile's name."""
        return self.pod_username or self.name

    def quarantine_problems(self) -> list[str]:
        """Why the quarantine folder cannot hold deleted recordings (empty: it can, or none
        is set). A delete to the quarantine is a move on the deposit's server: the folder
        must be outside the folders Pod's cron scans, and on the same file system."""
        from recmanager.deposit.names import is_inside

        if not self.quarantine_dir:
            return []
        local = self.deposit_kind == "local"
        folder = os.path.normpath(os.path.expanduser(self.quarantine_dir) if local
                                  else self.quarantine_dir)
        if not os.path.isabs(folder):
            return [translate("config", "The quarantine folder is an absolute path.")]
        scanned = [os.path.normpath(self.deposit_root)]
        if local and self.local_deposit:
            scanned.append(os.path.realpath(os.path.expanduser(self.local_deposit)))
        for root in scanned:
            if folder == root or is_inside(folder, root) or is_inside(root, folder):
                return [translate(
                    "config", "The quarantine folder must be outside the deposit folder {root}: "
                    "Pod's cron would treat what it holds as new recordings.").format(root=root)]
        if local and self.local_deposit and not _same_file_system(
                folder, os.path.expanduser(self.local_deposit)):
            return [translate(
                "config", "The quarantine folder must be on the same disk as the mounted deposit "
                "folder: recordings are moved there, not copied.")]
        return []

    def packaging_problems(self) -> dict[str, list[str]]:
        """Why the packaging queue cannot be used, by field (empty: it can, or packaging runs
        on this computer, where its fields are kept unread)."""
        if self.packaging_runs_on == RUNS_HERE:
            return {}
        if self.packaging_runs_on != RUNS_ON_QUEUE:
            return {"packaging_runs_on": [translate(
                "config", "Packaging runs \"here\" or on the \"queue\".")]}
        # The queue's own checks, loaded only for a profile that uses the queue (Celery).
        from recmanager.packaging.queue import QueueSettings
        from recmanager.packaging.sealing import parse_public_key

        problems: dict[str, list[str]] = {}
        if not self.queue_broker_url.strip():
            problems["queue_broker_url"] = [translate(
                "config", "The broker's address is required to package on the queue.")]
        else:
            settings = QueueSettings(broker_url=self.queue_broker_url.strip(),
                                     result_backend=self.queue_result_backend.strip())
            for name, check in (("queue_broker_url", settings.check_broker_address),
                                ("queue_result_backend", settings.check_result_backend_address)):
                try:
                    check()
                except ConfigError as exc:
                    problems[name] = [exc.message]
        if not self.queue_public_key.strip():
            problems["queue_public_key"] = [translate(
                "config", "The workers' public key is required to package on the queue: "
                "`recmanager worker-key` prints it on the server.")]
        else:
            try:
                parse_public_key(self.queue_public_key)
            except ConfigError as exc:
                problems["queue_public_key"] = [exc.message]
        return problems

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def _same_file_system(path: str, other: str) -> bool:
    """Whether ``path`` (or, while it does not exist, its nearest existing parent) is on the
    file system of ``other``; True when ``other`` cannot be seen from here."""
    existing = path
    while not os.path.exists(existing) and os.path.dirname(existing) != existing:
        existing = os.path.dirname(existing)
    try:
        return os.stat(existing).st_dev == os.stat(other).st_dev
    except OSError:
        return True


class ProfileStore:
    """The profiles file: a list of profiles and the name of the last one used."""

    def __init__(self, paths: Paths) -> None:
        self._path = paths.profiles_file

    def _load(self) -> dict[str, Any]:
        data = read_json(self._path, {"profiles": [], "current": None})
        if not isinstance(data, dict) or not isinstance(data.get("profiles"), list):
            raise ConfigError(
                translate("config", "The profiles file {path} is not valid.").format(
                    path=self._path
                )
            )
        return data

    def __iter__(self) -> Iterator[Profile]:
        return (Profile.from_json(item) for item in self._load()["profiles"])

    def names(self) -> list[str]:
        return [profile.name for profile in self]

    def get(self, name: str) -> Profile:
        for profile in self:
            if profile.name == name:
                return profile
        raise ConfigError(
            translate("config", "There is no profile named \"{name}\".").format(name=name),
            hint=translate("config", "Create it in the profile dialog, or check the name."),
        )

    def find(self, name: str) -> Profile | None:
        """The saved profile named ``name``, or None."""
        return next((profile for profile in self if profile.name == name), None)

    def current(self) -> Profile | None:
        data = self._load()
        name = data.get("current")
        profiles = [Profile.from_json(item) for item in data["profiles"]]
        for profile in profiles:
            if profile.name == name:
                return profile
        return profiles[0] if profiles else None

    def save(self, profile: Profile, *, make_current: bool = True) -> None:
        profile.validate()
        data = self._load()
        items = [item for item in data["profiles"] if item.get("name") != profile.name]
        items.append(profile.to_json())
        data["profiles"] = sorted(items, key=lambda item: item["name"].casefold())
        if make_current:
            data["current"] = profile.name
        write_json_atomically(self._path, data)

    def remove(self, name: str) -> None:
        data = self._load()
        data["profiles"] = [item for item in data["profiles"] if item.get("name") != name]
        if data.get("current") == name:
            data["current"] = None
        write_json_atomically(self._path, data)


# --- declarative settings -----------------------------------------------------------------

# The types the settings use; a new type comes with its editor in ui/dialogs/settings.py.
SettingType = Literal["bool", "int", "url"]


@dataclass(frozen=True)
class Setting:
    """One user setting: the settings window and the file are both built from these."""

    key: str
    label: str
    help: str
    type: SettingType
    default: Any
    minimum: int | None = None
    maximum: int | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "refresh_interval_s",
        QT_TRANSLATE_NOOP("settings", "Refresh the inbox every (seconds)"),
        QT_TRANSLATE_NOOP("settings", "0 turns the automatic refresh off; F5 always refreshes."),
        "int",
        60,
        0,
        3600,
    ),
    Setting(
        "quiet_period_s",
        QT_TRANSLATE_NOOP("settings", "An upload is complete after (seconds without change)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "A deposited file counts as complete once its size and date have not changed "
            "for this long.",
        ),
        "int",
        120,
        1,
        86400,
    ),
    Setting(
        "false_start_s",
        QT_TRANSLATE_NOOP("settings", "A recording is a false start below (seconds)"),
        QT_TRANSLATE_NOOP(
            "settings",
            "Recordings shorter than this are flagged as a probable false start; 0 flags none.",
        ),
        "int",
        120,
        0,
        86400,
    ),
    Setting(
        "quarantine_days",
        QT_TRANSLATE_NOOP("settings", "Keep quarantined files for (days)"),
        QT_TRANSLATE_NOOP(
            "settings", "Deleted recordings stay in the quarantine folder this long for Undo."
        ),
        "int",
        14,
        1,
        365,
    ),
    Setting(
        "bulk_concurrency",
        QT_TRANSLATE_NOOP("settings", "Parallel requests for bulk assignment"),
        QT_TRANSLATE_NOOP("settings", "How many claims run at once; 1 runs them one by one."),
        "int",
        4,
        1,
        16,
    ),
    Setting(
        "webhook_url",
        QT_TRANSLATE_NOOP("settings", "Job events webhook"),
        QT_TRANSLATE_NOOP(
            "settings", "Each job event is POSTed there as JSON. Leave empty to send nothing."
        ),
        "url",
        "",
    ),
    Setting(
        "notifications",
        QT_TRANSLATE_NOOP("settings", "Desktop notifications"),
        QT_TRANSLATE_NOOP(
            "settings", "Tell me when recordings become claimable and when a job ends."
        ),
        "bool",
        True,
    ),
    Setting(
        "tray_icon",
        QT_TRANSLATE_NOOP("settings", "Show an icon in the system tray"),
        QT_TRANSLATE_NOOP("settings", "The icon shows how many recordings are claimable."),
        "bool",
        True,
    ),
)

SETTINGS_VERSION = 1

_YES = ("yes", "true", "on", "1")
_NO = ("no", "false", "off", "0")


def setting_named(key: str) -> Setting:
    for setting in SETTINGS:
        if setting.key == key:
            return setting
    raise ConfigError(
        translate("config", "There is no setting named \"{key}\".").format(key=key),
        hint=translate("config", "`recmanager settings list` shows them."))


def setting_problem(setting: Setting, value: Any) -> str:
    """Why ``value`` cannot be stored for ``setting`` (in the user's language), or ""."""
    if setting.type == "url" and value:
        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return translate(
                "config", "Give an address starting with https:// or http://, or nothing.")
    return ""


def setting_value_from_text(setting: Setting, text: str) -> Any:
    """A value typed on a command line, checked as the settings window checks it."""
    text = text.strip()
    if setting.type == "bool":
        if text.lower() not in _YES + _NO:
            raise ConfigError(translate("config", "Give yes or no for \"{key}\".").format(
                key=setting.key))
        return text.lower() in _YES
    if setting.type == "int":
        try:
            number = int(text)
        except ValueError:
            number = None
        low, high = setting.minimum, setting.maximum
        if number is None or (low is not None and number < low) or (
                high is not None and number > high):
            raise ConfigError(translate(
                "config", "Give a whole number from {minimum} to {maximum} for \"{key}\".")
                .format(minimum=low, maximum=high, key=setting.key))
        return number
    problem = setting_problem(setting, text)
    if problem:
        raise ConfigError(problem)
    return text

class Settings:
    """Values of :data:`SETTINGS`, stored as JSON with the version of their meaning.

    A file of a newer version is refused. When a setting is renamed, split or changes unit,
    raise :data:`SETTINGS_VERSION` and upgrade older files here (keeping a copy of the
    original beside them).
    """

    def __init__(self, paths: Paths) -> None:
        self._path = paths.settings_file
        self._by_key = {setting.key: setting for setting in SETTINGS}
        stored = read_json(self._path, {})
        if not isinstance(stored, dict):
            raise ConfigError(
                translate("config", "The settings file {path} is not valid.").format(
                    path=self._path
                )
            )
        version = stored.get("version", SETTINGS_VERSION)
        if not isinstance(version, int) or version < 1:
            raise ConfigError(
                translate("config", "The settings file {path} has no valid version.").format(
                    path=self._path
                ),
                hint=translate("config", "Remove the settings file to start from the defaults."),
            )
        if version > SETTINGS_VERSION:
            raise ConfigError(
                translate("config", "The settings file was written by a newer recmanager.")
            )
        self._values: dict[str, Any] = dict(stored.get("values", {}))

    def _save(self) -> None:
        write_json_atomically(self._path, {"version": SETTINGS_VERSION, "values": self._values})

    def get(self, key: str) -> Any:
        setting = self._by_key[key]
        value = self._values.get(key, setting.default)
        try:
            return self._coerce(setting, value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, key: str, value: Any) -> None:
        setting = self._by_key[key]
        self._values[key] = self._coerce(setting, value)
        self._save()

    def reset(self, key: str) -> None:
        """Forget the stored value: the default applies again, and follows future defaults."""
        if key not in self._by_key:
            raise KeyError(key)
        if self._values.pop(key, None) is not None:
            self._save()

    @staticmethod
    def _coerce(setting: Setting, value: Any) -> Any:
        if setting.type == "bool":
            return bool(value)
        if setting.type == "int":
            number = int(value)
            if setting.minimum is not None and number < setting.minimum:
                raise ValueError(setting.key)
            if setting.maximum is not None and number > setting.maximum:
                raise ValueError(setting.key)
            return number
        return str(value)
