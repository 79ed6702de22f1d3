"""The detail pane under the inbox table: the selected recording's facts and Pod links on
the left, the player on the right."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recmanager.inbox.rows import InboxRecorder, InboxRow, RowState
from recmanager.inspection.model import Inspection, clock
from recmanager.recorders.mode import RecorderMode, mode_label
from recmanager.ui.locale_format import format_size
from recmanager.ui.preview import PreviewWidget

# The contact sheet in the pane: its pictures big enough to tell a slide from a face.
SHEET_WIDTH = 420
# Between two facts: a wrapped line is a line, and the facts down to the claim links show in
# the pane at the default size (the style's 6 px spacing pushed them out of view in French).
FACT_SPACING = 2


class DetailPane(QWidget):
    """Server path, recorder and its mode, notify status, Pod links, and the player.

    It sits under the table, the facts on the left and the player on the right, so that the
    table keeps the window's whole width for file and recorder names.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPane")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        # The facts scroll when the pane is short, rather than squeezing wrapped lines.
        scroll = QScrollArea(self)
        scroll.setObjectName("DetailFacts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(scroll)
        facts = QVBoxLayout(holder)
        facts.setContentsMargins(0, 0, 4, 0)
        self.title = QLabel(self.tr("Select a recording to see its details."), self)
        self.title.setWordWrap(True)
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        facts.addWidget(self.title)
        form = QFormLayout()
        form.setVerticalSpacing(FACT_SPACING)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("path", self.tr("Server path")),
            ("recorder", self.tr("Recorder")),
            ("mode", self.tr("Mode")),
            ("notify", self.tr("Notify status")),
            ("sizes", self.tr("Size")),
            ("recording", self.tr("Recording")),
            ("quality", self.tr("Quality")),
            ("links", self.tr("In Pod")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setOpenExternalLinks(True)
            value.setAccessibleName(label)
            self.fields[key] = value
            form.addRow(self.tr("{label}:").format(label=label), value)
        facts.addLayout(form)
        self.sheet = QLabel(self)
        self.sheet.setObjectName("DetailSheet")
        self.sheet.setAccessibleName(self.tr("Pictures spread over the recording"))
        facts.addWidget(self.sheet)
        self.preview_note = QLabel(self)
        self.preview_note.setWordWrap(True)
        facts.addWidget(self.preview_note)
        facts.addStretch(1)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.preview = PreviewWidget(self)
        outer.addWidget(self.preview, 1)

    def show_row(self, row: InboxRow | None, recorder: InboxRecorder | None, pod_url: str,
                 live: bool = True) -> None:
        if row is None:
            self.title.setText(self.tr("Select a recording to see its details."))
            for label in self.fields.values():
                label.clear()
            self.sheet.clear()
            return
        self.title.setText(row.name if row.slides is None else self.tr(
            "{name} — {count} slides").format(name=row.name, count=row.slides))
        self.fields["path"].setText(html.escape(row.path))
        self.fields["recorder"].setText(html.escape(
            row.recorder_name or self.tr("none — the folder {folder} belongs to no recorder")
            .format(folder=row.folder)))
        mode = row.recorder_mode
        self.fields["mode"].setText(mode_label(mode))
        self.fields["notify"].setText(self._notify_text(row, recorder))
        sizes = format_size(row.size)
        if row.pod_size is not None and row.pod_size != row.size:
            sizes += " " + self.tr("(Pod last saw {size})").format(size=format_size(row.pod_size))
        self.fields["sizes"].setText(sizes)
        self.fields["links"].setText(self._links(row, pod_url, live))

    def show_inspection(self, found: Inspection | None) -> None:
        """What the inspection of the shown recording found: its facts, its flags (their
        evidence in the tooltip), and its contact sheet."""
        quality = self.fields["quality"]
        quality.setToolTip("")
        if found is None:
            self.fields["recording"].setText(self.tr("not inspected yet"))
            quality.clear()
            self.sheet.clear()
            return
        facts = [clock(found.duration_s) if found.duration_s is not None else "",
                 found.resolution, found.video_codec,
                 found.audio_codec if found.has_audio else self.tr("no sound track")]
        self.fields["recording"].setText(html.escape(" · ".join(f for f in facts if f)))
        if found.problem:
            quality.setText(html.escape(found.problem))
        elif found.flags:
            # One line, each flag in a word or two, so the pane shows it without scrolling;
            # the whole wording and the evidence are one hover away.
            quality.setText(" · ".join(f"<b>{html.escape(flag.kind.short_label)}</b>"
                                       for flag in found.flags))
            quality.setToolTip("<br>".join(f"<b>{html.escape(flag.label)}</b> — "
                                           f"{html.escape(flag.detail())}"
                                           for flag in found.flags))
        else:
            quality.setText(self.tr("no problem found"))
        sheet = QPixmap()
        if found.sheet_png and sheet.loadFromData(found.sheet_png, "PNG"):
            self.sheet.setPixmap(sheet.scaledToWidth(
                min(SHEET_WIDTH, sheet.width()), Qt.TransformationMode.SmoothTransformation))
        else:
            self.sheet.clear()

    def _notify_text(self, row: InboxRow, recorder: InboxRecorder | None) -> str:
        if row.state is RowState.ORPHAN:
            return self.tr("Pod e-mails its administrators at every scan: no recorder uses "
                           "this folder.")
        if recorder is None or recorder.mode is RecorderMode.UNKNOWN:
            return self.tr("Unknown: reading it needs a superuser web login in the profile.")
        if recorder.mode is RecorderMode.MANAGER_NOTIFIED:
            return self.tr("Pod e-mails the manager ({manager}) once the file is complete."
                           ).format(manager=html.escape(recorder.manager))
        if recorder.mode is RecorderMode.AUTO_PUBLISH:
            return self.tr("Pod publishes it for {manager} by itself once complete.").format(
                manager=html.escape(recorder.manager))
        return self.tr("No manager: waits for someone to claim it.")

    def _links(self, row: InboxRow, pod_url: str, live: bool) -> str:
        """Pod's pages for the row; offline, their names only, with why they cannot open."""
        base = pod_url.rstrip("/")
        # The words outside the f-strings: lupdate does not look inside them.
        claim_page, claim_form = self.tr("claim page"), self.tr("claim form")
        recorder, treatment = self.tr("recorder"), self.tr("treatment row")
        links = [(f"{base}/record/claim_record/", claim_page)]
        if row.recorder_id is not None:
            query = urlencode({"mediapath": row.path, "course_title": row.name,
                               "recorder": row.recorder_id})
            links.append((f"{base}/record/add_recording/?{query}", claim_form))
            links.append((f"{base}/admin/recorder/recorder/{row.recorder_id}/change/", recorder))
        if row.treatment_id is not None:
            links.append((f"{base}/admin/recorder/recordingfiletreatment/{row.treatment_id}/"
                          "change/", treatment))
        if not live:
            return " · ".join(word for _, word in links) + " " + self.tr("(offline)")
        return " · ".join(f"<a href='{html.escape(href)}'>{word}</a>" for href, word in links)
