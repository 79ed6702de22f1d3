"""Reading the inbox: the profile's cached copy at once, then refreshes from the servers on
a timer or after a change, and the read-only offline state when they cannot be reached."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from recmanager.errors import RecmanagerError, StoreError
from recmanager.inbox.cache import CachedInbox, load_cache_quickly
from recmanager.progress import CancelToken, Progress, ProgressCallback
from recmanager.ui.locale_format import format_datetime
from recmanager.ui.status import ChannelState

# Server-side modules (and the refresh itself) are imported when they run, so the window
# shows quickly.
if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.inbox.refresh import Snapshot
    from recmanager.pod.model import User

log = logging.getLogger("recmanager.ui.inbox")


class InboxRefresh:
    """Profile, refresh and offline state; mixed into :class:`InboxPanel`."""

    def set_profile(self, profile: Profile | None, *, inspections_now: bool = True) -> None:
        """Show the profile's cached recordings; their stored inspections are read too, or,
        with ``inspections_now`` false, when :meth:`load_inspections` is called (at start,
        once the rows are painted: the thread reading them would hold the interpreter while
        the table paints)."""
        self.profile = profile
        self.users = []
        self._close_preview_source()
        if profile is None:
            self.model.set_rows([])
            self._rebuild_sidebar()
            self.update_actions()
            return
        cached = self._cached_copy(profile)
        if cached is not None:
            self.recorders = {r.id: r for r in cached.recorders}
            self.show_rows(cached.rows)
            self.refreshed_at = cached.refreshed_at
        if inspections_now:
            self.load_inspections()

    def _cached_copy(self, profile: Profile) -> CachedInbox | None:
        """The profile's last known inbox, read without waiting for SQLAlchemy; a database
        that cannot be read (locked, newer, damaged) shows no rows and says why."""
        try:
            return load_cache_quickly(self.context, profile.name)
        except StoreError as error:
            log.warning("cached recordings not read: %s", error)
            self.banner_label.setText(self.tr(
                "<b>The saved recordings cannot be shown</b> — {error}").format(
                error=html.escape(self._error_text(error))))
            self.banner.show()
            self.message.emit(error.message)
            return None

    def apply_refresh_interval(self) -> None:
        seconds = int(self.context.settings.get("refresh_interval_s"))
        if seconds > 0:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()

    def _server_changed(self, profile_name: str) -> None:
        """Something (in any window) changed this profile's Pod or deposit: read it again."""
        if not self._closed and self.profile is not None and profile_name == self.profile.name:
            self.refresh()

    def refresh(self) -> None:
        """Reload from the servers; selection and scroll position survive. Asked while a
        refresh runs, another follows it: the one running may have read before a change."""
        if self.profile is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        self._refresh_again = False
        profile = self.profile
        self.rest_state.emit(ChannelState.CONNECTING, "")
        self.sftp_state.emit(ChannelState.CONNECTING, "")

        def work(progress: ProgressCallback, cancel: CancelToken) -> Snapshot:
            from recmanager.inbox.refresh import refresh
            from recmanager.ui.dialogs.host_key import ask_host_key

            return refresh(
                profile, self.context, progress=progress, cancel=cancel,
                on_unknown_host_key=lambda host, kind, fp: ask_host_key(self, host, kind, fp),
            )

        def ended(handler: Callable[..., None], *value: Any) -> None:
            self._refreshing = False
            handler(*value)
            if self._refresh_again:
                self.refresh()

        self.runner.submit(self.tr("Refreshing the recordings"), work,
                           on_result=lambda snapshot: ended(self._refreshed, snapshot),
                           on_error=lambda error: ended(self._refresh_failed, error),
                           on_cancel=lambda: ended(lambda: None),
                           on_progress=self._progress)

    def _progress(self, progress: Progress) -> None:
        if progress.message:
            self.message.emit(progress.message)

    def _refreshed(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.offline = False
        self.model.set_read_only(False)
        self.offline_retry.succeeded()
        self.permissions = snapshot.permissions
        self.refreshed_at = snapshot.refreshed_at
        self.recorders = {r.id: r for r in snapshot.recorders}
        self.banner.hide()
        self.rest_state.emit(ChannelState.CONNECTED, snapshot.web_problem)
        if snapshot.deposit_problem:
            self.sftp_state.emit(ChannelState.FAILED, snapshot.deposit_problem)
        else:  # the deposit indicator's tooltip says which root is used, and why
            self.sftp_state.emit(ChannelState.CONNECTED, snapshot.deposit_root)
        self.show_rows(snapshot.rows)
        self.message.emit(self.tr("{count} recordings, refreshed at {time}.").format(
            count=len(snapshot.rows), time=format_datetime(snapshot.refreshed_at)))
        log.info("%s", snapshot.deposit_root)
        if self.profile is not None and snapshot.deposit_root_path:
            # The root Pod's data shows, for previews, uploads and the profile dialog too.
            self.profile.deposit_root = snapshot.deposit_root_path
        if snapshot.reconciled:  # interrupted actions found at this start, also in the log
            self.message.emit(" ".join(snapshot.reconciled))
        if not self.users:
            self._load_users()
        self.update_actions()
        if not snapshot.deposit_problem:
            self._prepare_preview()
        self.refreshed.emit()
        self.inspect_recordings()

    def _refresh_failed(self, error: BaseException) -> None:
        from recmanager.errors import DepositError

        self.offline = True
        self.model.set_read_only(True)
        self.offline_retry.failed(error, int(self.context.settings.get("refresh_interval_s")))
        text = getattr(error, "message", str(error))
        if isinstance(error, StoreError):
            # This computer's database, not the connection: Pod and the deposit were not
            # asked, and no action can be journaled until it is free.
            self.rest_state.emit(ChannelState.UNKNOWN, "")
            self.sftp_state.emit(ChannelState.UNKNOWN, "")
            self.banner_label.setText(self.tr(
                "<b>The saved recordings cannot be used</b> — {error}<br>Read-only until the "
                "database is free: Retry reads it again.").format(
                error=html.escape(self._error_text(error))))
            self.banner.show()
            self.message.emit(error.message)
            self.update_actions()
            self.refreshed.emit()
            return
        if isinstance(error, DepositError):
            self.sftp_state.emit(ChannelState.OFFLINE, text)
            self.rest_state.emit(ChannelState.UNKNOWN, "")
        elif self._deposit_usable_offline():
            self.rest_state.emit(ChannelState.OFFLINE, text)
            self.sftp_state.emit(ChannelState.CONNECTED, self.tr(
                "The mounted deposit folder is readable: previews still work."))
        else:
            self.rest_state.emit(ChannelState.OFFLINE, text)
            self.sftp_state.emit(ChannelState.UNKNOWN, "")
        cached = self._cached_copy(self.profile) if self.profile else None
        if cached is not None:
            self.recorders = {r.id: r for r in cached.recorders}
            self.refreshed_at = cached.refreshed_at
            self.show_rows(cached.rows)
            when = self.tr("as of {time}").format(time=format_datetime(cached.refreshed_at))
        else:
            when = self.tr("nothing was saved yet")
        self.banner_label.setText(self.tr(
            "<b>Offline</b> — {error}<br>Showing the last known recordings ({when}), read-only: "
            "actions come back when the connection does.").format(
            error=html.escape(self._error_text(error)), when=when))
        self.banner.show()
        self.message.emit(self.tr("Offline: {error}").format(error=text))
        self.update_actions()
        self.refreshed.emit()

    @property
    def _environment(self) -> bool:
        """The profile comes from ``RECMANAGER_*``: hints name variables, not profile fields."""
        from recmanager.context import ENV_PROFILE

        return self.profile is not None and self.profile.name == ENV_PROFILE

    def _error_text(self, error: BaseException) -> str:
        from recmanager.context import error_text

        if isinstance(error, RecmanagerError):
            return error_text(error, environment=self._environment)
        return str(error)

    def _load_users(self) -> None:
        profile = self.profile
        if profile is None:
            return

        def work(_progress: ProgressCallback, _cancel: CancelToken) -> list[User]:
            from recmanager.pod.rest import PodClient

            with PodClient.from_profile(profile, self.context.secrets) as client:
                return client.all_users()

        self.runner.submit(self.tr("Reading Pod's users"), work,
                           on_result=lambda users: setattr(self, "users", users),
                           on_error=lambda exc: log.info("users not read: %s", exc))
