"""The embedded VLC player of the detail pane.

libvlc draws into a native window handed over with ``set_xwindow`` (X11), ``set_hwnd``
(Windows) or ``set_nsobject`` (macOS). Anywhere else — Qt's offscreen platform, where
``set_xwindow`` crashes VLC, or Wayland without XWayland — the widget says so and offers
an external player instead. VLC reports on its own threads; its events are forwarded
through a Qt signal, so no widget is touched from there.
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.ui.icons import themed_icon
from recmanager.ui.locale_format import format_duration

if TYPE_CHECKING:
    import vlc

log = logging.getLogger("recmanager.ui.preview")

SEEK_STEP_MS = 5_000
LONG_SEEK_STEP_MS = 30_000
SLIDER_RANGE = 1000
EMBEDDING_PLATFORMS = {"xcb": "set_xwindow", "windows": "set_hwnd", "cocoa": "set_nsobject"}


def embedding_method() -> str | None:
    """The libvlc call that can draw into a Qt window on this platform, or None."""
    return EMBEDDING_PLATFORMS.get(QGuiApplication.platformName())


_instance: Any = None


def vlc_instance() -> vlc.Instance:
    """One libvlc instance per process, created on first use (it loads every plugin)."""
    global _instance
    if _instance is None:
        import vlc

        _instance = vlc.Instance(["--quiet", "--no-video-title-show", "--no-osd"])
        if _instance is None:
            raise RuntimeError("libvlc could not be initialised")
    return _instance


class _VlcEvents(QObject):
    """Receives libvlc callbacks on VLC's threads and re-emits them as queued Qt signals."""

    state_changed = Signal(str)
    time_changed = Signal(int)
    length_changed = Signal(int)

    @staticmethod
    def _kinds() -> list[tuple[Any, str]]:
        import vlc

        kinds = vlc.EventType
        return [
            (kinds.MediaPlayerPlaying, "playing"),
            (kinds.MediaPlayerPaused, "paused"),
            (kinds.MediaPlayerStopped, "stopped"),
            (kinds.MediaPlayerEndReached, "ended"),
            (kinds.MediaPlayerEncounteredError, "error"),
            (kinds.MediaPlayerOpening, "opening"),
            (kinds.MediaPlayerTimeChanged, "time"),
            (kinds.MediaPlayerLengthChanged, "length"),
        ]

    def attach(self, player: vlc.MediaPlayer) -> None:
        manager = player.event_manager()
        for kind, name in self._kinds():
            if name == "time":
                manager.event_attach(kind, self._on_time)
            elif name == "length":
                manager.event_attach(kind, self._on_length)
            else:
                manager.event_attach(kind, self._on_state, name)

    def detach(self, player: vlc.MediaPlayer) -> None:
        manager = player.event_manager()
        for kind, _name in self._kinds():
            manager.event_detach(kind)

    # These run on a VLC thread: emit only.
    def _on_state(self, _event: Any, name: str) -> None:
        self.state_changed.emit(name)

    def _on_time(self, event: Any) -> None:
        self.time_changed.emit(int(event.u.new_time))

    def _on_length(self, event: Any) -> None:
        self.length_changed.emit(int(event.u.new_length))


class PreviewWidget(QWidget):
    """Play/pause, seek, frame step, volume and mute, times, keyboard, a bigger window."""

    state_changed = Signal(str)  # playing, paused, stopped, ended, error, opening
    duration_known = Signal(str, float)  # media key, seconds

    def __init__(self, parent: QWidget | None = None, *, allow_bigger: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewWidget")
        self.setAccessibleName(self.tr("Preview"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.url = ""
        self.media_key = ""
        self.title = ""
        self.state = "stopped"
        self.time_ms = 0
        self.length_ms = 0
        self._player: vlc.MediaPlayer | None = None
        self._events: _VlcEvents | None = None
        self._seeking = False
        self._pending_seek = 0
        self.muted = False
        self._bigger: PreviewDialog | None = None
        self._method = embedding_method()
        self._build(allow_bigger)
        self._update_controls()

    # --- layout ---------------------------------------------------------------------------

    def _button(self, icon: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(themed_icon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _slider(self, maximum: int, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, maximum)
        slider.setAccessibleName(name)
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return slider

    def _build(self, allow_bigger: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_screens(), 1)
        self.seek_slider = self._slider(SLIDER_RANGE, self.tr("Position"))
        self.seek_slider.sliderPressed.connect(self._slider_pressed)
        self.seek_slider.sliderReleased.connect(self._slider_released)
        layout.addWidget(self.seek_slider)
        layout.addLayout(self._build_controls(allow_bigger))
        self.setToolTip(
            self.tr(
                "Space: play/pause · ←/→: 5 s · Shift+←/→: 30 s · ,/.: frame · "
                "↑/↓: volume · M: mute · F: bigger window"
            )
        )

    def _build_screens(self) -> QStackedLayout:
        """The black frame VLC draws into, and the panel shown where it cannot embed."""
        self.screen_stack = QStackedLayout()
        self.video_frame = QFrame(self)
        self.video_frame.setObjectName("VideoFrame")
        self.video_frame.setMinimumSize(240, 135)
        palette = self.video_frame.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.video_frame.setPalette(palette)
        self.video_frame.setAutoFillBackground(True)
        self.screen_stack.addWidget(self.video_frame)
        self.external_panel = QWidget(self)
        external_layout = QVBoxLayout(self.external_panel)
        self.external_label = QLabel(self.external_panel)
        self.external_label.setWordWrap(True)
        self.external_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.external_button = QPushButton(self.tr("Open in an external player"), self)
        self.external_button.clicked.connect(self.open_external)
        external_layout.addStretch(1)
        external_layout.addWidget(self.external_label)
        external_layout.addWidget(self.external_button, 0, Qt.AlignmentFlag.AlignCenter)
        external_layout.addStretch(1)
        self.screen_stack.addWidget(self.external_panel)
        return self.screen_stack

    def _build_controls(self, allow_bigger: bool) -> QHBoxLayout:
        """Transport buttons, the time, mute and volume, the bigger window."""
        self.play_button = self._button(
            "media-playback-start", self.tr("Play / pause (Space)"), self.toggle_play)
        self.back_button = self._button(
            "media-seek-backward", self.tr("Back 5 s (←)"),
            lambda: self.seek_relative(-SEEK_STEP_MS))
        self.forward_button = self._button(
            "media-seek-forward", self.tr("Forward 5 s (→)"),
            lambda: self.seek_relative(SEEK_STEP_MS))
        self.frame_back_button = self._button(
            "media-skip-backward", self.tr("Previous frame (,)"), self.frame_back)
        self.frame_button = self._button(
            "media-skip-forward", self.tr("Next frame (.)"), self.frame_step)
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Time"))
        self.mute_button = self._button(
            "audio-volume-high", self.tr("Mute (M)"), self.toggle_mute)
        self.volume_slider = self._slider(100, self.tr("Volume"))
        self.volume_slider.setValue(80)
        self.volume_slider.setMaximumWidth(90)
        self.volume_slider.valueChanged.connect(self._volume_changed)
        self.bigger_button = self._button(
            "view-fullscreen", self.tr("Bigger window (F)"), self.open_bigger)
        self.bigger_button.setVisible(allow_bigger)
        # What only works with an embedded player (the seek slider too).
        self._transport_buttons = (self.play_button, self.back_button, self.forward_button,
                                   self.frame_back_button, self.frame_button)
        controls = QHBoxLayout()
        for widget in (*self._transport_buttons, self.time_label, self.mute_button,
                       self.volume_slider, self.bigger_button):
            controls.addWidget(widget, 1 if widget is self.time_label else 0)
        return controls

    # --- media ----------------------------------------------------------------------------

    @property
    def can_embed(self) -> bool:
        return self._method is not None

    def load(self, url: str, *, title: str = "", key: str = "", autoplay: bool = False) -> None:
        """Show ``url`` (nothing plays until asked, unless ``autoplay``)."""
        self.stop()
        self.url = url
        self.title = title
        self.media_key = key or url
        self.time_ms = 0
        self.length_ms = 0
        self.seek_slider.setValue(0)
        if not self.can_embed:
            self._show_external_panel()
        else:
            self.screen_stack.setCurrentWidget(self.video_frame)
            player = self._ensure_player()
            from recmanager.deposit.stream import player_options  # not needed at start-up

            player.set_media(vlc_instance().media_new(url, *player_options(url)))
        self._update_controls()
        if autoplay:
            self.play()

    def clear(self) -> None:
        self.stop()
        self.url = ""
        self.media_key = ""
        self._update_controls()

    def _show_external_panel(self) -> None:
        platform = QGuiApplication.platformName()
        if platform == "wayland":
            reason = self.tr(
                "This Wayland session cannot embed the video player (XWayland is needed)."
            )
        else:
            reason = self.tr("The video player cannot be embedded on the \"{platform}\" "
                             "display.").format(platform=platform)
        self.external_label.setText(reason + "\n" + self.tr(
            "The recording can be watched in an external player."))
        self.screen_stack.setCurrentWidget(self.external_panel)

    def _ensure_player(self) -> vlc.MediaPlayer:
        if self._player is None:
            player = vlc_instance().media_player_new()
            handle = int(self.video_frame.winId())
            if self._method == "set_xwindow":
                player.set_xwindow(handle)
            elif self._method == "set_hwnd":
                player.set_hwnd(handle)
            else:
                player.set_nsobject(handle)
            player.video_set_key_input(False)
            player.video_set_mouse_input(False)
            player.audio_set_volume(self.volume_slider.value())
            self._events = _VlcEvents()
            self._events.state_changed.connect(self._on_state)
            self._events.time_changed.connect(self._on_time)
            self._events.length_changed.connect(self._on_length)
            self._events.attach(player)
            self._player = player
        return self._player

    # --- controls -------------------------------------------------------------------------

    def play(self) -> None:
        if not self.url:
            return
        if not self.can_embed:
            self.open_external()
            return
        if self._ensure_player().play() < 0:
            self._on_state("error")

    def pause(self) -> None:
        if self._player is not None:
            self._player.set_pause(1)

    def toggle_play(self) -> None:
        if self.state == "playing":
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
            self.video_frame.update()  # VLC leaves its last picture in the native window
        self.state = "stopped"

    def seek_to(self, milliseconds: int) -> None:
        if self._player is None or not self.length_ms:
            return
        target = max(0, min(self.length_ms - 1, milliseconds))
        self._player.set_time(target)
        self.time_ms = target
        self._update_time()

    def seek_relative(self, delta_ms: int) -> None:
        self.seek_to(self.time_ms + delta_ms)

    def frame_step(self) -> None:
        """One frame forward (VLC pauses to do it)."""
        if self._player is not None:
            self._player.next_frame()

    def frame_back(self) -> None:
        """One frame back: VLC has no reverse step, so pause and seek one frame period."""
        if self._player is None:
            return
        self.pause()
        fps = self._player.get_fps() or 25.0
        self.seek_relative(-max(1, round(1000 / fps)))

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        self.mute_button.setIcon(
            themed_icon("audio-volume-muted" if self.muted else "audio-volume-high")
        )
        self.mute_button.setToolTip(self.tr("Unmute (M)") if self.muted else self.tr("Mute (M)"))
        if self._player is not None:
            self._player.audio_set_mute(self.muted)

    def change_volume(self, delta: int) -> None:
        self.volume_slider.setValue(max(0, min(100, self.volume_slider.value() + delta)))

    def _volume_changed(self, value: int) -> None:
        if self._player is not None:
            self._player.audio_set_volume(value)

    def open_external(self) -> None:
        """Hand the URL to VLC (or the desktop's default handler) in its own window."""
        if not self.url:
            return
        # Imported here: each Qt class costs PySide ~1 ms at its first import, on the start.
        from PySide6.QtCore import QProcess, QUrl
        from PySide6.QtGui import QDesktopServices

        self.pause()
        program = shutil.which("vlc")
        if program and QProcess.startDetached(program, [self.url])[0]:
            return
        QDesktopServices.openUrl(QUrl(self.url))

    def open_bigger(self) -> None:
        """A large window continuing where this one is; this one pauses meanwhile."""
        if not self.url:
            return
        if not self.can_embed:
            self.open_external()
            return
        position = self.time_ms
        self.pause()
        if self._bigger is None:
            self._bigger = PreviewDialog(self.window())
        self._bigger.setWindowTitle(self.title or self.tr("Preview"))
        self._bigger.preview.load(self.url, title=self.title, key=self.media_key)
        self._bigger.showMaximized()
        self._bigger.preview.play()
        self._bigger.preview.seek_when_known(position)

    def seek_when_known(self, milliseconds: int) -> None:
        """Seek once the media's length is known (right after it starts playing)."""
        if self.length_ms:
            self.seek_to(milliseconds)
        elif milliseconds > 0:
            self._pending_seek = milliseconds

    # --- VLC events (already on the GUI thread here) ---------------------------------------

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.state = state
        if state == "ended":
            self.seek_slider.setValue(SLIDER_RANGE)
        self._update_controls()
        self.state_changed.emit(state)

    @Slot(int)
    def _on_time(self, milliseconds: int) -> None:
        if self.state not in ("playing", "paused"):
            return  # a late report about the previous media
        self.time_ms = milliseconds
        if self.length_ms and not self._seeking:
            self.seek_slider.setValue(int(SLIDER_RANGE * milliseconds / self.length_ms))
        self._update_time()

    @Slot(int)
    def _on_length(self, milliseconds: int) -> None:
        if milliseconds <= 0:
            return
        self.length_ms = milliseconds
        self._update_time()
        self.duration_known.emit(self.media_key, milliseconds / 1000)
        if self._pending_seek:
            pending, self._pending_seek = self._pending_seek, 0
            self.seek_to(pending)

    def _slider_pressed(self) -> None:
        self._seeking = True

    def _slider_released(self) -> None:
        self._seeking = False
        if self.length_ms:
            self.seek_to(int(self.seek_slider.value() * self.length_ms / SLIDER_RANGE))

    def _update_time(self) -> None:
        self.time_label.setText(
            f"{format_duration(self.time_ms / 1000)} / {format_duration(self.length_ms / 1000)}"
        )

    def _update_controls(self) -> None:
        has_media = bool(self.url)
        embedded = has_media and self.can_embed
        for widget in (*self._transport_buttons, self.seek_slider):
            widget.setEnabled(embedded)
        self.bigger_button.setEnabled(has_media)
        self.external_button.setEnabled(has_media)
        playing = self.state == "playing"
        self.play_button.setIcon(
            themed_icon("media-playback-pause" if playing else "media-playback-start")
        )
        self._update_time()

    # --- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = LONG_SEEK_STEP_MS if shift else SEEK_STEP_MS
        handlers = {
            Qt.Key.Key_Space: self.toggle_play,
            Qt.Key.Key_K: self.toggle_play,
            Qt.Key.Key_Left: lambda: self.seek_relative(-step),
            Qt.Key.Key_Right: lambda: self.seek_relative(step),
            Qt.Key.Key_Comma: self.frame_back,
            Qt.Key.Key_Period: self.frame_step,
            Qt.Key.Key_Up: lambda: self.change_volume(5),
            Qt.Key.Key_Down: lambda: self.change_volume(-5),
            Qt.Key.Key_M: self.toggle_mute,
            Qt.Key.Key_F: self.open_bigger,
            Qt.Key.Key_Home: lambda: self.seek_to(0),
        }
        handler = handlers.get(Qt.Key(key))
        if handler is None:
            super().keyPressEvent(event)
            return
        handler()
        event.accept()

    def shutdown(self) -> None:
        """Stop playback and release libvlc's player (before the window goes away)."""
        if self._bigger is not None:
            self._bigger.preview.shutdown()
        if self._player is not None:
            player, self._player = self._player, None
            if self._events is not None:
                self._events.detach(player)
            player.stop()
            player.release()


class PreviewDialog(QDialog):
    """The bigger window: the same controls around a larger picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewDialog")
        layout = QVBoxLayout(self)
        self.preview = PreviewWidget(self, allow_bigger=False)
        layout.addWidget(self.preview)
        self.resize(1024, 640)

    def done(self, result: int) -> None:
        self.preview.stop()
        super().done(result)

