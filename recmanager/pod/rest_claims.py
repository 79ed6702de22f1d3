"""Unclaimed recordings and their claim over REST: Pod's treatment rows (deposited files
waiting for an owner), the deposit root they reveal, and recordings (a claim, with its
lost-answer recovery: look, never resend)."""

from __future__ import annotations

import logging
import posixpath
import time
from typing import Any

from recmanager.errors import (
    PodAmbiguousResult,
    PodError,
    PodNotFound,
    PodPermissionError,
    PodServerError,
    PodValidationError,
    ValidationError,
)
from recmanager.i18n import translate
from recmanager.pod.model import ClaimOutcome, Recording, Treatment, User, name_forms, same_name
from recmanager.pod.pages import pages, pages_last_first, results
from recmanager.pod.rest_api import RestApi

log = logging.getLogger("recmanager.pod")


class ClaimEndpoints(RestApi):
    """``/rest/recordingfiletreatment/`` and ``/rest/recording/``."""

    # --- unclaimed recordings (treatments) ------------------------------------------------

    def treatments(self, recorder_id: int | None = None) -> list[Treatment]:
        """Every unclaimed row (all pages), or those of one recorder."""
        params = {"recorder": int(recorder_id)} if recorder_id is not None else None
        return [
            Treatment.from_json(item)
            for item in pages(self.http, "/rest/recordingfiletreatment/", params)
        ]

    def treatment(self, treatment_id: int) -> Treatment:
        return Treatment.from_json(
            self.http.json("GET", f"/rest/recordingfiletreatment/{int(treatment_id)}/")
        )

    def treatment_for_file(self, path: str) -> Treatment | None:
        """The row of an absolute server path, or None.

        Pod filters on the exact bytes of the path, so a name typed in NFC does not find a
        file written in NFD: each Unicode form is asked for (one request for plain ASCII).
        """
        for form in name_forms(path):
            for item in pages(self.http, "/rest/recordingfiletreatment/", {"file": form}):
                if same_name(str(item.get("file") or ""), path):
                    return Treatment.from_json(item)
        return None

    def delete_treatment(self, treatment_id: int) -> None:
        """Drop the row only: the file stays and Pod's cron recreates the row unless the
        file is removed too (see :meth:`recmanager.pod.web.PodWebSession.delete_record`)."""
        self.http.request("DELETE", f"/rest/recordingfiletreatment/{int(treatment_id)}/")

    def deposit_root(self) -> tuple[str, str] | None:
        """Pod's DEFAULT_RECORDER_PATH as its own data shows it, and the path it was read
        from; None when Pod holds no deposited file to tell.

        Every treatment row's ``file`` is ``<root>/<recorder directory>/<name>``; without one,
        ``OPTIONS /rest/recording/`` lists each deposited file as an absolute path and as the
        path below the root.
        """
        first_page = self.http.json("GET", "/rest/recordingfiletreatment/")
        for item in results(first_page, "/rest/recordingfiletreatment/"):
            file = str(item.get("file") or "")
            folder = posixpath.dirname(file)
            root = posixpath.dirname(folder)
            if file.startswith("/") and root != folder:
                return root, file
        try:
            data = self.http.json("OPTIONS", "/rest/recording/")
            choices = data["actions"]["POST"]["source_file"]["choices"]
        except (PodError, KeyError, TypeError):
            return None  # a server without the metadata: nothing to tell
        for choice in choices:
            value, below = str(choice.get("value") or ""), str(choice.get("display_name") or "")
            if value.startswith("/") and below and value.endswith("/" + below):
                return value[: -len(below) - 1] or "/", value
        return None

    def deposit_files(self) -> list[str]:
        """Every file under Pod's deposit root, from ``OPTIONS /rest/recording/``."""
        data = self.http.json("OPTIONS", "/rest/recording/")
        try:
            choices = data["actions"]["POST"]["source_file"]["choices"]
        except (KeyError, TypeError):
            return []
        return [choice["value"] for choice in choices if choice.get("value")]

    # --- recordings (claims) --------------------------------------------------------------

    def recordings(self) -> list[Recording]:
        return [Recording.from_json(item) for item in pages(self.http, "/rest/recording/")]

    def recording(self, recording_id: int) -> Recording:
        return Recording.from_json(self.http.json("GET", f"/rest/recording/{int(recording_id)}/"))

    def recording_for_source(self, path: str) -> Recording | None:
        """The recording made from ``path``.

        Pod has no filter here, so every page may be read; they are read from the last one
        back, because Pod lists recordings in database order and the one looked for (after
        an ambiguous claim, or to verify one) is usually among the newest.
        """
        for item in pages_last_first(self.http, "/rest/recording/"):
            if same_name(str(item.get("source_file") or ""), path):
                return Recording.from_json(item)
        return None

    def create_recording(
        self,
        source_file: str,
        title: str,
        user: User | int,
        recorder_id: int | None,
        type: str = "video",
    ) -> Recording:
        """Claim ``source_file`` for a staff ``user``: Pod then moves and encodes the file.

        Never resent after an ambiguous failure: the recording is looked up instead and
        returned when it exists with this title and owner; otherwise
        :class:`PodAmbiguousResult` says that nothing was resent.
        """
        return self._create_recording(source_file, title, user, recorder_id, type)[0]

    def _create_recording(
        self, source_file: str, title: str, user: User | int, recorder_id: int | None, type: str
    ) -> tuple[Recording, bool]:
        user_id = user.id if isinstance(user, User) else int(user)
        body: dict[str, Any] = {
            "user": self.url_for("users", user_id),
            "title": title,
            "source_file": source_file,
            "type": type,
        }
        if recorder_id is not None:
            body["recorder"] = self.url_for("recorder", recorder_id)
        try:
            data = self.http.json("POST", "/rest/recording/", json=body)
            if not isinstance(data, dict) or "id" not in data:
                # A success whose body was lost (the connection cut inside the headers):
                # Pod made the recording or not, as after any lost answer.
                raise PodAmbiguousResult(translate(
                    "pod", "Pod's answer to the claim of {file} came without its content."
                ).format(file=posixpath.basename(source_file)))
            return Recording.from_json(data), False
        except PodAmbiguousResult as exc:
            existing = self._look_for_recording(source_file, exc)
            if existing is None:
                raise PodAmbiguousResult(
                    translate(
                        "pod",
                        "The claim of {file} reached Pod or not: its answer was lost ({cause}) "
                        "and no recording of this file exists yet. Nothing was resent.",
                    ).format(file=posixpath.basename(source_file), cause=exc.message),
                    status=exc.status,
                    hint=translate(
                        "pod",
                        "Refresh in a minute: if the recording appears, the claim worked; "
                        "otherwise claim it again.",
                    ),
                ) from exc
            return self._own_or_taken(existing, title, user_id), True
        except PodServerError as exc:
            # Pod may have stored the recording before failing: look before reporting.
            existing = self._look_for_recording(source_file, exc, delays=(0.0,))
            if existing is None:
                raise
            return self._own_or_taken(existing, title, user_id), True

    def _look_for_recording(
        self, source_file: str, cause: PodError, delays: tuple[float, ...] | None = None
    ) -> Recording | None:
        for delay in delays if delays is not None else self.recheck_delays:
            time.sleep(delay)
            try:
                found = self.recording_for_source(source_file)
            except PodError as lookup_error:
                raise PodAmbiguousResult(
                    translate(
                        "pod",
                        "The claim of {file} may or may not have been applied ({cause}), and "
                        "Pod could not be asked afterwards ({error}). Nothing was resent.",
                    ).format(
                        file=posixpath.basename(source_file),
                        cause=cause.message,
                        error=lookup_error.message,
                    ),
                    status=cause.status,
                    hint=translate("pod", "Refresh once Pod answers again before claiming."),
                ) from lookup_error
            if found is not None:
                log.info("recording %d found for %s after an ambiguous answer",
                         found.id, source_file)
                return found
        return None

    @staticmethod
    def _own_or_taken(existing: Recording, title: str, user_id: int) -> Recording:
        if same_name(existing.title, title) and existing.user_id == user_id:
            return existing
        raise PodValidationError(
            translate(
                "pod",
                "{file} was claimed meanwhile by someone else (recording {id}, \"{title}\").",
            ).format(
                file=posixpath.basename(existing.source_file), id=existing.id,
                title=existing.title,
            ),
            fields={"source_file": [
                translate("pod", "Recording with this source file already exists.")
            ]},
        )

    def claim(self, treatment: Treatment, owner: User, title: str) -> ClaimOutcome:
        """Create the recording for ``owner`` (staff only), then delete the treatment row
        (REST does not do it; the web claim does)."""
        if not owner.is_staff:
            raise PodPermissionError(
                translate(
                    "pod",
                    "{user} is not staff on Pod, and Pod accepts only staff accounts as the "
                    "owner of a claimed recording.",
                ).format(user=owner.display_name),
                hint=translate(
                    "pod",
                    "Claim it for a staff account (for example yours), then reassign the "
                    "video to {user} once Pod has created it.",
                ).format(user=owner.username),
            )
        if not title.strip():
            raise ValidationError(
                translate("pod", "A title is required to claim a recording."),
                fields={"title": [translate("pod", "This field is required.")]},
            )
        recording, recovered = self._create_recording(
            treatment.file, title, owner, treatment.recorder_id, treatment.type
        )
        try:
            self.delete_treatment(treatment.id)
        except PodNotFound:
            pass  # already gone: nothing lingers
        except PodError as exc:
            return ClaimOutcome(recording, treatment_deleted=False, recovered=recovered,
                                problem=str(exc))
        return ClaimOutcome(recording, treatment_deleted=True, recovered=recovered)
