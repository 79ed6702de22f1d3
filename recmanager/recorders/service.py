"""A profile's recorders on Pod: read, validated and saved through REST and the admin pages.

Each field goes over the channel that can write it (see :mod:`recmanager.recorders.model`);
without a web session the admin pages' fields are unavailable, with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from recmanager import journal
from recmanager.errors import (
    DoneWithWarning,
    PodNotFound,
    PodPermissionError,
    RecmanagerError,
    ValidationError,
)
from recmanager.i18n import translate
from recmanager.pod.model import Recorder, User, ids_from_urls
from recmanager.recorders.model import RecorderFields, RecorderInfo, field_label
from recmanager.recorders.saving import (
    SaveReport,
    field_digests,
    mismatches,
    plan_channels,
)
from recmanager.recorders.validation import UserRef, validate_recorder

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.pod.model import RecorderSettings
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession
    from recmanager.secrets import SecretStore
    from recmanager.store import Database


def web_session_for(profile: Profile, secrets: SecretStore) -> tuple[PodWebSession | None, str]:
    """The profile's logged-in web session, or None and the reason it is unavailable."""
    from recmanager.pod.web import PodWebSession
    from recmanager.secrets import SecretKind

    if not profile.pod_username:
        return None, translate(
            "recorders", "the profile has no Pod username (the web session needs a superuser "
            "login and password)")
    if not secrets.get(profile.name, SecretKind.POD_PASSWORD):
        return None, translate(
            "recorders", "no Pod password is stored for the profile \"{name}\"").format(
            name=profile.name)
    try:
        web = PodWebSession.from_profile(profile, secrets)
        web.login()
    except RecmanagerError as exc:
        return None, exc.message
    return web, ""


def fields_from(rest: Recorder, settings: RecorderSettings | None) -> RecorderFields:
    """One recorder's fields: REST's record, plus the admin form's when it was read."""
    values = RecorderFields(
        name=rest.name,
        description=rest.description,
        address_ip=rest.address_ip,
        recording_type=rest.recording_type,
        site_ids=ids_from_urls(list(rest.site_urls)),
    )
    if settings is None:
        return values
    return replace(
        values,
        salt=settings.salt,
        manager_id=settings.manager_id,
        directory=settings.directory,
        type_id=settings.type_id,
        publication_auto=settings.publication_auto,
        additional_user_ids=tuple(settings.additional_user_ids),
    )


class RecorderService:
    """Read, validate and save recorders of one profile; Pod's channels chosen per field."""

    def __init__(
        self, profile: Profile, client: PodClient, web: PodWebSession | None, web_reason: str
    ) -> None:
        self.profile = profile
        self.client = client
        self.web = web
        self.web_reason = web_reason
        self._users: dict[int, User] = {}
        self._types: dict[int, str] | None = None

    @classmethod
    def open(cls, profile: Profile, secrets: SecretStore) -> RecorderService:
        from recmanager.pod.rest import PodClient

        client = PodClient.from_profile(profile, secrets)
        web, reason = web_session_for(profile, secrets)
        return cls(profile, client, web, reason)

    def close(self) -> None:
        self.client.close()
        if self.web is not None:
            self.web.close()

    def __enter__(self) -> RecorderService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def web_available(self) -> bool:
        return self.web is not None

    # --- reading --------------------------------------------------------------------------

    def _type_titles(self) -> dict[int, str]:
        """Video types by id, read once per load (they change rarely and only in Pod's admin)."""
        if self._types is None:
            self._types = {t.id: t.title for t in self.client.video_types()}
        return self._types

    def user(self, user_id: int) -> User:
        if user_id not in self._users:
            self._users[user_id] = self.client.user(user_id)
        return self._users[user_id]

    def _info(
        self, rest: Recorder, waiting: int, type_titles: dict[int, str]
    ) -> RecorderInfo:
        settings = self._settings(rest.id)
        values = fields_from(rest, settings)
        info = RecorderInfo(
            id=rest.id,
            fields=values,
            web_available=settings is not None,
            web_unavailable_reason=self.web_reason,
            files_waiting=waiting,
        )
        if values.manager_id is not None:
            info.manager_username = self.user(values.manager_id).username
        info.additional_usernames = tuple(
            self.user(i).username for i in values.additional_user_ids or ())
        if values.type_id is not None:
            info.type_title = type_titles.get(values.type_id, str(values.type_id))
        return info

    def _settings(self, recorder_id: int) -> RecorderSettings | None:
        """The admin form's fields, or None without a web session.

        A staff account that is not superuser logs in but may not open the recorder admin:
        from then on the web-only fields are unavailable, with Pod's reason.
        """
        if self.web is None:
            return None
        try:
            return self.web.recorder_settings(recorder_id)
        except PodPermissionError as exc:
            self.web.close()
            self.web = None
            self.web_reason = exc.message
            return None

    def load(self) -> list[RecorderInfo]:
        """Every recorder with its waiting-file count, sorted by name."""
        waiting = Counter(t.recorder_id for t in self.client.treatments())
        self._types = None
        titles = self._type_titles()
        infos = [self._info(r, waiting[r.id], titles) for r in self.client.recorders()]
        return sorted(infos, key=lambda i: i.name.casefold())

    def read(self, recorder_id: int) -> RecorderInfo:
        waiting = len(self.client.treatments(recorder_id))
        return self._info(self.client.recorder(recorder_id), waiting, self._type_titles())

    def find(self, name_or_id: str) -> RecorderInfo:
        rest = self.client.find_recorder(name_or_id)
        if rest is None:
            raise PodNotFound(
                translate("recorders", "No recorder is called \"{name}\".").format(
                    name=name_or_id),
                status=404,
                hint=translate("recorders", "`recmanager recorders list` shows them all."),
            )
        return self.read(rest.id)

    # --- validation and saving ------------------------------------------------------------

    def resolve_user(self, login_or_email: str, field_name: str) -> User:
        """A Pod user by login or e-mail; unknown ones are a ValidationError on the field."""
        user = self.client.find_user(login_or_email)
        if user is None:
            raise ValidationError(
                translate("recorders", "No Pod user \"{login}\".").format(login=login_or_email),
                fields={field_name: [translate(
                    "recorders", "No Pod user has the login or e-mail \"{login}\".").format(
                    login=login_or_email)]},
            )
        self._users[user.id] = user
        return user

    def with_users(
        self, draft: RecorderFields, manager: str | None, additional: Iterable[str] = ()
    ) -> RecorderFields:
        """``draft`` with the manager and additional owners given by login or e-mail.

        An empty manager means manual claim; unknown logins are a ValidationError.
        """
        manager = (manager or "").strip()
        manager_id = self.resolve_user(manager, "manager_id").id if manager else None
        extra = tuple(
            self.resolve_user(login, "additional_user_ids").id
            for login in (a.strip() for a in additional) if login
        )
        return replace(draft, manager_id=manager_id, additional_user_ids=extra)

    def validate(
        self, draft: RecorderFields, recorder_id: int | None,
        before: RecorderFields | None = None,
    ) -> RecorderFields:
        """Check ``draft`` against the server's other recorders, users and video types.

        The other recorders' folders are only on their admin pages (one request each), so
        they are read when the folder is new or changed, not on every save.
        """
        folder_changes = self.web is not None and (
            before is None or before.directory != draft.directory)
        existing = [
            RecorderInfo(r.id, fields_from(
                r, self._settings(r.id) if folder_changes and r.id != recorder_id else None),
                web_available=self.web is not None)
            for r in self.client.recorders()
        ]
        manager = None
        if draft.manager_id is not None:
            try:
                found = self.user(draft.manager_id)
                manager = UserRef(found.id, found.username, found.is_staff)
            except PodNotFound:
                manager = None
        types = list(self._type_titles()) if self.web is not None else None
        return validate_recorder(
            draft, recorder_id=recorder_id, existing=existing, manager=manager,
            type_ids=types, web_available=self.web is not None,
        )

    def _settings_for(self, draft: RecorderFields, base: RecorderSettings | None) -> (
        RecorderSettings
    ):
        from recmanager.pod.model import RecorderSettings

        values = {
            "name": draft.name,
            "description": draft.description,
            "address_ip": draft.address_ip,
            "recording_type": draft.recording_type,
            "site_ids": tuple(draft.site_ids),
            "salt": draft.salt or "",
            "manager_id": draft.manager_id,
            "directory": draft.directory or "",
            "type_id": draft.type_id,
            "publication_auto": bool(draft.publication_auto),
            "additional_user_ids": tuple(draft.additional_user_ids or ()),
        }
        if base is None:
            if not values["site_ids"]:
                values["site_ids"] = tuple(s.id for s in self.client.sites()[:1] if s.id)
            return RecorderSettings(**values)
        return replace(base, **values)

    def save(self, before: RecorderInfo | None, draft: RecorderFields, *,
             db: Database | None = None) -> SaveReport:
        """Validate, send each changed field over the channel that can write it, re-read.

        REST goes first; the admin form then re-sends every field, so it carries the new
        REST values too and cannot undo them. With ``db`` an edit journals its intent
        first (cleared by :func:`audit_save`), so an edit killed midway is reconciled by
        :func:`reconcile_edit` at the next command.
        """
        recorder_id = before.id if before is not None else None
        draft = self.validate(draft, recorder_id, before.fields if before else None)
        rest_names, web_names = plan_channels(
            before.fields if before is not None else None, draft,
            web_available=self.web is not None,
        )
        intent_id = None
        if db is not None and before is not None and rest_names + web_names:
            intent_id = journal.begin(
                db, profile=self.profile.name, actor=self.profile.actor,
                action="recorder-edit", target=before.name,
                detail={"recorder_id": before.id,
                        "fields": field_digests(draft, rest_names + web_names)})
        try:
            report = self._save(before, draft, rest_names, web_names)
        except RecmanagerError:
            if intent_id is not None:  # the caller audits what is saved, if anything
                journal.clear(db, intent_id)
            raise
        return replace(report, intent_id=intent_id)

    def _save(self, before: RecorderInfo | None, draft: RecorderFields, rest_names: list[str],
              web_names: list[str]) -> SaveReport:
        recorder_id = before.id if before is not None else None
        if before is None:
            assert self.web is not None  # plan_channels refused otherwise
            settings = self._settings_for(draft, None)
            draft = replace(draft, site_ids=settings.site_ids)
            recorder_id = self.web.save_recorder(settings)
        else:
            assert recorder_id is not None
            try:
                if rest_names:
                    self.client.patch_recorder(
                        recorder_id, **{n: getattr(draft, n) for n in rest_names})
                if web_names:
                    assert self.web is not None
                    current = self.web.recorder_settings(recorder_id)
                    self.web.save_recorder(self._settings_for(draft, current), recorder_id)
            except RecmanagerError as exc:
                return self._report_after_failure(exc, recorder_id, draft, rest_names,
                                                  web_names)
        after = self.read(recorder_id)
        return SaveReport(
            recorder_id=recorder_id,
            created=before is None,
            via_rest=rest_names,
            via_web=web_names,
            not_taken=mismatches(draft, after.fields, rest_names + web_names),
            after=after,
        )


    def _report_after_failure(
        self, error: RecmanagerError, recorder_id: int, draft: RecorderFields,
        rest_names: list[str], web_names: list[str],
    ) -> SaveReport:
        """A request may have been applied although its answer was lost, or an earlier one
        was before a later one failed: what the server now holds is what is reported. All
        changes there: saved; some (the REST part, the web session failed): done, but only
        in part (:class:`DoneWithWarning`, exit code 3); none: the error stands."""
        try:
            after = self.read(recorder_id)
        except RecmanagerError:
            try:  # the web session is what failed: REST still tells its own fields
                after = RecorderInfo(recorder_id, fields_from(
                    self.client.recorder(recorder_id), None), False, str(error))
            except RecmanagerError:
                raise error from None
        not_taken = mismatches(draft, after.fields, rest_names + web_names)
        if len(not_taken) == len(rest_names + web_names):
            raise error
        if not_taken:
            missing = {miss.field for miss in not_taken}
            saved = [n for n in rest_names + web_names if n not in missing]
            raise DoneWithWarning(
                translate(
                    "recorders", "Saved over REST: {rest}. Not saved, the web session "
                    "failed: {web}. {error}").format(
                    rest=", ".join(field_label(n) for n in saved),
                    web=", ".join(field_label(n) for n in missing), error=error.message),
                hint=error.hint,
                detail={"recorder_id": recorder_id, "saved": saved},
            ) from error
        return SaveReport(recorder_id=recorder_id, created=False, via_rest=rest_names,
                          via_web=web_names, not_taken=[], after=after)

