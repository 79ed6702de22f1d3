"""The jobs dock: long work (packaging, downloads, bulk runs) with progress and outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recmanager.context import AppContext
from recmanager.ui.tasks import TaskRunner


class JobsPanel(QWidget):
    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.runner = runner
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self.tr("No jobs yet."))
        layout.addWidget(self.empty_label)
