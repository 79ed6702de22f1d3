"""Give an already-claimed video to another owner."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recmanager.audit import AuditEntry
from recmanager.pod.model import User
from recmanager.ui.dialogs.claim import owner_field, user_label


class ReassignDialog(QDialog):
    """Video id (typed, or picked among recent claims) and the new owner."""

    def __init__(
        self,
        users: Sequence[User],
        recent_claims: Sequence[AuditEntry],
        *,
        moves_files: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReassignDialog")
        self.setWindowTitle(self.tr("Reassign a video"))
        self._by_label = {user_label(user): user for user in users}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.recent_combo = QComboBox(self)
        self.recent_combo.setAccessibleName(self.tr("Recent claims"))
        self.recent_combo.addItem(self.tr("(type the video number)"), None)
        for entry in recent_claims:
            video_id = entry.detail.get("video_id")
            if video_id:
                self.recent_combo.addItem(
                    self.tr("{file} → {owner} (video {id})").format(
                        file=entry.target.rsplit("/", 1)[-1],
                        owner=entry.detail.get("reassigned_to") or entry.detail.get("owner", ""),
                        id=video_id),
                    int(video_id),
                )
        self.recent_combo.currentIndexChanged.connect(self._recent_chosen)
        form.addRow(self.tr("&Recent claims:"), self.recent_combo)
        self.video_spin = QSpinBox(self)
        self.video_spin.setRange(1, 2_000_000_000)
        self.video_spin.setAccessibleName(self.tr("Video number"))
        form.addRow(self.tr("&Video:"), self.video_spin)
        self.owner_edit = owner_field(self, list(self._by_label), self.tr("New owner"))
        form.addRow(self.tr("New &owner:"), self.owner_edit)
        layout.addLayout(form)
        note = QLabel(self)
        note.setWordWrap(True)
        note.setText(
            self.tr("Your superuser web session changes the owner with Pod's own tool, which "
                    "also moves the video's files to the new owner's folder.")
            if moves_files else
            self.tr("Without a superuser web session the owner is changed over REST: the "
                    "video's files stay in the old owner's folder on the server.")
        )
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reassign"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.owner_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        if self.recent_combo.count() > 1:
            self.recent_combo.setCurrentIndex(1)

    def _recent_chosen(self) -> None:
        video_id = self.recent_combo.currentData()
        if video_id:
            self.video_spin.setValue(int(video_id))

    @property
    def video_id(self) -> int:
        return self.video_spin.value()

    @property
    def owner_text(self) -> str:
        text = self.owner_edit.text().strip()
        user = self._by_label.get(text)
        return user.username if user else text
