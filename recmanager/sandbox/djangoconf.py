"""Django settings for the sandbox, configured in code: users never set DJANGO_SETTINGS_MODULE.

The recorder settings mirror those of the Pod 4.1.0 instance the contract was captured on
(ALLOW_MANUAL_RECORDING_CLAIMING=True, USE_RECORD_PREVIEW=True, USE_PODFILE=True, DEBUG=True,
LANGUAGE_CODE=en), so error pages and plain-text 500s look like the captures.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import PBKDF2PasswordHasher

from recmanager.sandbox.layout import SandboxLayout

TEMPLATES_DIR = Path(__file__).with_name("templates")

VIDEO_ALLOWED_EXTENSIONS = (
    "3gp", "avi", "divx", "flv", "m2p", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "mts",
    "wmv", "mp3", "ogg", "wav", "wma", "webm", "ts",
)


class SandboxPasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with few iterations: the seeded passwords are printed anyway, and HTTP Basic
    checks the password on every request, which would make every test slow."""

    iterations = 2000


def secret_key(layout: SandboxLayout) -> str:
    """One random key per data directory (it also derives the owners' hash keys)."""
    path = layout.secret_key_file
    if not path.exists():
        layout.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(40), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "recmanager.sandbox.authentication",
    "recmanager.sandbox.video",
    "recmanager.sandbox.recorder",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [str(TEMPLATES_DIR)],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# Pod's REST settings: 12 per page, staff only, Basic/session/token authentication.
REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 12,
    "DEFAULT_AUTHENTICATION_CLASSES": (
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ),
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAdminUser",),
    "DEFAULT_FILTER_BACKENDS": ("django_filters.rest_framework.DjangoFilterBackend",),
    "VIEW_DESCRIPTION_FUNCTION": "recmanager.sandbox.rest.empty_view_description",
}


def _databases(layout: SandboxLayout) -> dict[str, Any]:
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(layout.database),
            # WAL: readers never wait for a writer, and several server processes can
            # share the file (``--workers``). A throw-away demo database: no fsync on
            # every commit. IMMEDIATE transactions wait (busy timeout: ``timeout``, 30 s)
            # for the write lock instead of failing when requests write concurrently.
            "OPTIONS": {"timeout": 30,
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
                        "transaction_mode": "IMMEDIATE"},
        }
    }


def _mail_settings(layout: SandboxLayout) -> dict[str, Any]:
    """E-mail goes to the outbox folder, where a person or a test reads it."""
    return {
        "EMAIL_BACKEND": "recmanager.sandbox.mail.OutboxBackend",
        "SANDBOX_OUTBOX": str(layout.outbox),
        "DEFAULT_FROM_EMAIL": "noreply@pod.sandbox.invalid",
        "SERVER_EMAIL": "pod@pod.sandbox.invalid",
        "ADMINS": [("Pod admin", "admin@example.org")],
        "EMAIL_SUBJECT_PREFIX": "[Pod sandbox] ",
    }


def _recorder_settings(layout: SandboxLayout, base_url: str) -> dict[str, Any]:
    """Pod's recorder settings (names and meaning as in pod/settings.py)."""
    return {
        "DEFAULT_RECORDER_PATH": str(layout.deposit_root) + "/",
        "ALLOW_MANUAL_RECORDING_CLAIMING": True,
        "ALLOW_RECORDER_MANAGER_CHOICE_VID_OWNER": True,
        "USE_RECORD_PREVIEW": True,
        "PUBLIC_RECORD_DIR": "records",
        "DEFAULT_RECORDER_ID": 1,
        "DEFAULT_RECORDER_USER_ID": 1,
        "DEFAULT_RECORDER_TYPE_ID": 1,
        "RECORDER_BASE_URL": base_url.rstrip("/"),
        "RECORDER_ADDITIONAL_FIELDS": ("additional_users",),
        "VIDEO_ALLOWED_EXTENSIONS": VIDEO_ALLOWED_EXTENSIONS,
        "USE_PODFILE": True,
    }


def configure(
    layout: SandboxLayout, *, base_url: str, allowed_hosts: list[str], test_hooks: bool = False
) -> None:
    """Configure and set up Django for the sandbox in ``layout`` served at ``base_url``."""
    import django
    from django.conf import settings

    for folder in (layout.deposit_root, layout.media_root, layout.outbox):
        folder.mkdir(parents=True, exist_ok=True)
    settings.configure(
        DEBUG=True,
        SECRET_KEY=secret_key(layout),
        ALLOWED_HOSTS=allowed_hosts,
        INSTALLED_APPS=INSTALLED_APPS,
        MIDDLEWARE=MIDDLEWARE,
        ROOT_URLCONF="recmanager.sandbox.urls",
        TEMPLATES=TEMPLATES,
        DATABASES=_databases(layout),
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
        LANGUAGE_CODE="en",
        USE_I18N=True,
        SITE_ID=1,
        STATIC_URL="/static/",
        MEDIA_URL="/media/",
        MEDIA_ROOT=str(layout.media_root),
        LOGIN_URL="/admin/login/",
        PASSWORD_HASHERS=["recmanager.sandbox.djangoconf.SandboxPasswordHasher"],
        REST_FRAMEWORK=REST_FRAMEWORK,
        LOGGING_CONFIG=None,  # the process's own logging set-up applies
        SANDBOX_TEST_HOOKS=test_hooks,
        SANDBOX_DATA_DIR=str(layout.data_dir),
        **_mail_settings(layout),
        **_recorder_settings(layout, base_url),
    )
    django.setup()
