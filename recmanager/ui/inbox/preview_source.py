"""What the detail pane's player plays for a row: Pod's preview address, the local
stream of a deposit file, or the video inside a zip; and the durations it learns."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from recmanager.errors import RecmanagerError
from recmanager.inbox.cache import remember_duration
from recmanager.inbox.rows import InboxRow, RowState
from recmanager.progress import CancelToken, ProgressCallback

# Server-side modules are imported when an action runs, so the window shows quickly.
if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.deposit.base import Deposit


class InboxPreview:
    """The preview's sources; mixed into :class:`InboxPanel`."""

    def _load_preview(self, row: InboxRow | None) -> None:
        if row is None or self.profile is None or row.state is RowState.MISSING:
            self.preview.clear()
            self.detail.preview_note.setText("")
            return
        profile = self.profile
        if profile.preview_base_url and not row.is_zip:
            from recmanager.deposit.stream import preview_url

            # With a public records URL the local stream server is not involved.
            self.preview.load(preview_url(profile, row.path, self._preview_server),
                              title=row.name, key=row.path)
            self.detail.preview_note.setText(self.tr("Played from Pod's preview address."))
            return
        if self.offline and not self._deposit_usable_offline():
            self.preview.clear()
            self.detail.preview_note.setText(self.tr("Offline: no preview."))
            return
        self.detail.preview_note.setText(self.tr("Opening the preview…"))
        wanted = row

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> tuple[str, str]:
            return self._preview_source(profile, wanted)

        def ready(result: tuple[str, str]) -> None:
            current = self.current_row()
            if current is None or current.path != wanted.path:
                return
            url, note = result
            self.detail.preview_note.setText(note)
            self.preview.load(url, title=wanted.name, key=wanted.path)

        def failed(error: BaseException) -> None:
            self.detail.preview_note.setText(self.tr("No preview: {error}").format(error=error))

        self.runner.submit(self.tr("Opening the preview"), work, on_result=ready,
                           on_error=failed)

    def _deposit_usable_offline(self) -> bool:
        """A mounted deposit folder needs no server: its files can still be read."""
        profile = self.profile
        return (profile is not None and profile.deposit_kind == "local"
                and os.access(profile.local_deposit, os.R_OK | os.X_OK))

    def _prepare_preview(self) -> None:
        """Open the preview's SFTP connection (its channels, the deposit root resolved) once
        the deposit has answered, so that the first preview does not wait for it."""
        profile = self.profile
        if (profile is None or profile.deposit_kind != "sftp" or profile.preview_base_url
                or self._preview_deposit is not None):
            return

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> None:
            from recmanager.deposit.stream import PREFETCH_READERS

            if self.profile is profile:  # not changed meanwhile
                self._preview_connection(profile)[0].prepare_reads(PREFETCH_READERS)

        # A failure is told by the preview that needs the connection, not here.
        self.runner.submit(self.tr("Opening the preview"), work, on_error=lambda _error: None)

    def _preview_connection(self, profile: Profile) -> tuple[Deposit, Any]:
        """The preview's own deposit connection and stream server, opened on first use."""
        from recmanager.deposit import open_deposit
        from recmanager.deposit.stream import PreviewServer
        from recmanager.inbox.zips import open_preview_source

        with self._preview_lock:
            if self._preview_deposit is None:
                self._preview_deposit = open_deposit(profile, self.context)
                self._preview_server = PreviewServer(
                    partial(open_preview_source, self._preview_deposit))
            return self._preview_deposit, self._preview_server

    def _preview_source(self, profile: Profile, row: InboxRow) -> tuple[str, str]:
        """(URL, note) for a row; runs in a worker (it may open the SFTP connection)."""
        from recmanager.inbox.zips import extract_zip_video, inspect_zip, member_key

        deposit, server = self._preview_connection(profile)
        if not row.is_zip:
            return server.url_for(row.path, size=row.size), ""
        with deposit.open_read(row.path) as stream:
            content = inspect_zip(stream)
        if content.video_member is None:
            raise RecmanagerError(self.tr("this zip holds no video."))
        note = self.tr("Video {member} of the zip; {count} slides.").format(
            member=content.video_member, count=content.slides)
        if content.video_offset is not None:
            return server.url_for(member_key(row.path, content.video_member)), note
        target = extract_zip_video(deposit, row.path, self.context.paths.cache_dir / "zip-preview")
        return target.as_uri(), note + " " + self.tr("(compressed in the zip: copied out first)")

    def _close_preview_source(self) -> None:
        if self._detail is not None:  # a player not built yet plays nothing
            self.preview.clear()
        with self._preview_lock:
            self._close_preview_connection()

    def _close_preview_connection(self) -> None:
        if self._preview_server is not None:
            self._preview_server.close()
            self._preview_server = None
        if self._preview_deposit is not None:
            self._preview_deposit.close()
            self._preview_deposit = None

    def _duration_known(self, path: str, seconds: float) -> None:
        number = self.model.row_number(path)
        if number is None:
            return
        row = self.model.row_at(number)
        if row.duration is not None and abs(row.duration - seconds) < 0.5:
            return
        self.model.replace_row(replace(row, duration=seconds))
        if self.profile is not None:
            remember_duration(self.context.db, self.profile.name, path, seconds)
