"""The claim form: title, owner (search by login, e-mail or name; default me), type."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recmanager.inbox.rows import InboxRow, recorded_on
from recmanager.inspection.model import Inspection
from recmanager.pod.model import User
from recmanager.recorders.model import recording_type_label
from recmanager.ui.locale_format import format_date

RECORDING_TYPES = ("video", "audiovideocast")
SHEET_WIDTH = 480  # the dialog's own width, less its margins


def user_label(user: User) -> str:
    """``First Last (login) <mail>``: what the owner field shows and searches in."""
    label = user.display_name
    return f"{label} <{user.email}>" if user.email else label


def owner_field(parent: QWidget, labels: Sequence[str], accessible_name: str) -> QLineEdit:
    """A line edit that completes users by any part of name, login or e-mail."""
    edit = QLineEdit(parent)
    edit.setObjectName("owner")
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(QCoreApplication.translate("ClaimDialog", "login, e-mail or name"))
    completer = QCompleter(QStringListModel(sorted(labels), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


def default_title(row: InboxRow) -> str:
    """``<recorder> – <day recorded>`` (Pod's own default is the bare file name)."""
    parts = [row.recorder_name or posixpath.splitext(row.name)[0]]
    day = recorded_on(row)
    if day is not None:
        parts.append(format_date(day))
    return " – ".join(parts)


class ClaimDialog(QDialog):
    """Collects what a claim needs; the claim itself runs in the task runner afterwards."""

    def __init__(
        self,
        rows: Sequence[InboxRow],
        users: Sequence[User],
        me: User | None,
        parent: QWidget | None = None,
        *,
        inspection: Inspection | None = None,
    ) -> None:
        """``inspection``: of the one recording claimed, to show its pictures and flags."""
        super().__init__(parent)
        self.setObjectName("ClaimDialog")
        self.rows = list(rows)
        self.users = list(users)
        self._by_label = {user_label(user): user for user in self.users}
        self.setWindowTitle(self.tr("Claim a recording") if len(self.rows) == 1
                            else self.tr("Claim {count} recordings").format(count=len(self.rows)))
        layout = QVBoxLayout(self)
        names = ", ".join(row.name for row in self.rows[:3])
        if len(self.rows) > 3:
            names += self.tr(" and {count} more").format(count=len(self.rows) - 3)
        intro = QLabel(names, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if inspection is not None and len(self.rows) == 1:
            self._add_inspection(layout, inspection)
        form = QFormLayout()
        self.title_edit = QLineEdit(default_title(self.rows[0]), self)
        self.title_edit.setObjectName("title")
        self.title_edit.setAccessibleName(self.tr("Title"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        if len(self.rows) > 1:
            self.title_edit.setToolTip(self.tr("Each recording gets this title followed by its "
                                               "number in the selection."))
        self.owner_edit = owner_field(self, list(self._by_label), self.tr("Owner"))
        if me is not None:
            self.owner_edit.setText(me.username)
        form.addRow(self.tr("&Owner:"), self.owner_edit)
        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(self.tr("Type"))
        for kind in RECORDING_TYPES:
            self.type_combo.addItem(recording_type_label(kind), kind)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(self.rows[0].kind)))
        form.addRow(self.tr("T&ype:"), self.type_combo)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("ownerNote")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Claim"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.owner_edit.textChanged.connect(self._owner_changed)
        self.title_edit.textChanged.connect(self._owner_changed)
        self._owner_changed()
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        self.resize(520, self.sizeHint().height())

    def _add_inspection(self, layout: QVBoxLayout, found: Inspection) -> None:
        """The recording's contact sheet, and its flags: a last look before it has an owner."""
        pixmap = QPixmap()
        if found.sheet_png and pixmap.loadFromData(found.sheet_png, "PNG"):
            self.sheet = QLabel(self)
            self.sheet.setObjectName("claimSheet")
            self.sheet.setAccessibleName(self.tr("Pictures spread over the recording"))
            self.sheet.setPixmap(pixmap.scaledToWidth(
                min(SHEET_WIDTH, pixmap.width()), Qt.TransformationMode.SmoothTransformation))
            layout.addWidget(self.sheet)
        if found.flags:
            flags = QLabel(self.tr("Check before claiming: {flags}").format(
                flags=", ".join(flag.label for flag in found.flags)), self)
            flags.setObjectName("claimFlags")
            flags.setWordWrap(True)
            flags.setToolTip("\n".join(flag.detail() for flag in found.flags))
            layout.addWidget(flags)

    def owner(self) -> User | None:
        """The chosen user: a completer label, or an exact login or e-mail."""
        text = self.owner_edit.text().strip()
        if text in self._by_label:
            return self._by_label[text]
        folded = text.casefold()
        for user in self.users:
            if folded in (user.username.casefold(), user.email.casefold()):
                return user
        return None

    def matching_users(self) -> list[User]:
        """The users whose label contains the text typed, as the completer finds them."""
        folded = self.owner_edit.text().strip().casefold()
        return [user for label, user in self._by_label.items() if folded in label.casefold()]

    @property
    def owner_text(self) -> str:
        user = self.owner()
        return user.username if user else self.owner_edit.text().strip()

    @property
    def title(self) -> str:
        return self.title_edit.text().strip()

    @property
    def recording_type(self) -> str:
        return str(self.type_combo.currentData())

    def titles(self) -> list[str]:
        """One title per row: numbered when several recordings share the form."""
        if len(self.rows) == 1:
            return [self.title]
        return [f"{self.title} ({number})" for number in range(1, len(self.rows) + 1)]

    def _owner_changed(self) -> None:
        user = self.owner()
        ok = bool(self.title and self.owner_edit.text().strip())
        text = self.owner_edit.text().strip()
        matching = self.matching_users() if user is None and text else []
        if matching:  # what the completer lists: the note must not say "no match" under it
            self.note.setText(self.tr(
                "{count} Pod users match “{text}”: pick one in the list, or the server will "
                "be asked for “{text}” as it is.").format(count=len(matching), text=text))
        elif user is None and text and self.users:
            self.note.setText(self.tr("No Pod user matches; the server will be asked."))
        elif user is not None and not user.is_staff:
            self.note.setText(self.tr(
                "{user} is not staff: Pod gives claimed recordings to staff only. The recording "
                "will be claimed for you, then the video will be reassigned to {user}."
            ).format(user=user.username))
        else:
            self.note.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
