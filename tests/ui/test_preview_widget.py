"""The preview widget where libvlc cannot embed (Qt's offscreen platform): it says so and
offers an external player instead of handing VLC a window it would crash on."""

from __future__ import annotations

from PySide6.QtCore import Qt

from recmanager.ui.preview import PreviewWidget, embedding_method


def test_offscreen_says_it_cannot_embed_and_offers_an_external_player(qtbot):
    assert embedding_method() is None  # the suite runs on the offscreen platform
    widget = PreviewWidget()
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.external_button.isEnabled()  # nothing loaded yet
    widget.load("http://127.0.0.1:9/token/lecture.mp4", title="lecture.mp4")
    assert widget.screen_stack.currentWidget() is widget.external_panel
    assert "cannot be embedded" in widget.external_label.text()
    assert "offscreen" in widget.external_label.text()
    assert widget.external_button.isEnabled() and widget.bigger_button.isEnabled()
    assert not widget.play_button.isEnabled()
    assert widget._player is None  # libvlc was never given a window


def test_keyboard_controls_volume_and_mute_without_a_player(qtbot):
    widget = PreviewWidget()
    qtbot.addWidget(widget)
    widget.show()
    start = widget.volume_slider.value()
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    assert widget.volume_slider.value() == start + 5
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.volume_slider.value() == start - 5
    qtbot.keyClick(widget, Qt.Key.Key_M)
    assert widget.muted and "Unmute" in widget.mute_button.toolTip()
    qtbot.keyClick(widget, Qt.Key.Key_M)
    assert not widget.muted
    widget.clear()
    assert widget.url == ""
