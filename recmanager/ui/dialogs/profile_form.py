"""A profile and its secrets from a form's fields: the first-run guide and the profile dialog
read their entries the same way, with the same defaults, and show its test alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from recmanager.config import POD_DEFAULT_DEPOSIT_ROOT, Profile
from recmanager.connection import CheckResult
from recmanager.secrets import SecretKind


def profile_from_form(entries: Mapping[str, QWidget]) -> Profile:
    """The profile described by ``entries`` (the profile field each widget edits); a field
    the form does not show keeps :class:`Profile`'s default. Text is stripped, and an empty
    deposit root stays empty so that validation asks for one."""
    values: dict[str, object] = {}
    for name, widget in entries.items():
        if isinstance(widget, QLineEdit):
            values[name] = widget.text().strip()
        elif isinstance(widget, QCheckBox):
            values[name] = widget.isChecked()
        elif isinstance(widget, QSpinBox):
            values[name] = widget.value()
        elif isinstance(widget, QComboBox):
            values[name] = widget.currentData()
        else:
            raise TypeError(f"no profile value is read from a {type(widget).__name__}")
    return Profile(**values)  # type: ignore[arg-type]


def typed_secrets(profile: Profile, token: str, pod_password: str, sftp_secret: str
                  ) -> list[tuple[SecretKind, str]]:
    """The secrets typed in a form, each under the kind the profile uses it as (the SFTP
    secret is a password or a key's passphrase); empty entries are left out."""
    sftp_kind = (SecretKind.SFTP_PASSWORD if profile.sftp_auth == "password"
                 else SecretKind.KEY_PASSPHRASE)
    pairs = [(SecretKind.POD_TOKEN, token.strip()), (SecretKind.POD_PASSWORD, pod_password),
             (sftp_kind, sftp_secret)]
    return [(kind, value) for kind, value in pairs if value]


def check_lines(results: Sequence[CheckResult]) -> str:
    """One line per check: ✔ passed, ✘ failed, – not checked (with the reason)."""
    lines = []
    for result in results:
        mark, colour = (("✔", "#1b7f3b") if result.ok else ("✘", "#b3261e") if result.checked
                        else ("–", "#6b6b6b"))
        line = QCoreApplication.translate("ProfileTest", "<b>{part}</b>: {message}").format(
            part=escape(result.part), message=escape(result.message))
        lines.append(f"<span style='color:{colour}'>{mark}</span> {line}")
    return "<br>".join(lines)


def fill_found_deposit_root(edit: QLineEdit, results: list[CheckResult]) -> None:
    """After a connection test, put the deposit root Pod's data shows into ``edit`` when it
    holds none or Pod's default; a root typed by hand is left for the check to judge."""
    found = next((result.found_root for result in results if result.found_root), "")
    current = edit.text().strip().rstrip("/") or "/"
    if found and current in ("/", POD_DEFAULT_DEPOSIT_ROOT.rstrip("/")):
        edit.setText(found)
