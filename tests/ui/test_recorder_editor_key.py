"""The hash-key field shows the whole key: a generated one (40 characters) and the longest
Pod accepts (50), in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

from recmanager.pod.model import VideoType
from recmanager.recorders.validation import generate_hash_key
from recmanager.ui.dialogs.recorder_editor import RecorderEditor
from recmanager.ui.tasks import TaskRunner
from tests.ui.screen import language


def text_room(edit: QLineEdit) -> int:
    """The width a line edit gives its text (QLineEdit's own sub-element rectangle)."""
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.rect = edit.rect()
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth,
                                                option, edit)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return room.width() - margins.left() - margins.right() - 4  # QLineEdit's inner margin


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_the_whole_hash_key_is_visible(qtbot, name):
    with language(name):
        editor = RecorderEditor(
            recorder=None, existing=[], video_types=[VideoType(1, "https://pod/t/1", "Cours")],
            web_available=True, web_reason="", runner=TaskRunner(synchronous=True),
            save=lambda *args: None)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.show_key.setChecked(True)
        metrics = editor.salt.fontMetrics()
        for key in (generate_hash_key(), "W" * editor.salt.maxLength()):
            editor.salt.setText(key)
            assert metrics.horizontalAdvance(key) <= text_room(editor.salt), key
        assert editor.width() <= 1000
