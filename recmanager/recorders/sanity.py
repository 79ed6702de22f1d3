"""The sanity panel's checks: what is wrong between the recorders, the deposit and Pod's
treatment rows (one check per kind of problem), each finding with the fix that resolves it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from recmanager import audit, i18n
from recmanager.errors import RecmanagerError, ValidationError
from recmanager.i18n import translate
from recmanager.recorders.mode import RecorderMode
from recmanager.recorders.model import RecorderInfo
from recmanager.recorders.validation import folder_problem, normalise_ip

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit import Deposit, Listing
    from recmanager.deposit.scan import Scanner, ScanResult
    from recmanager.recorders.service import RecorderService
    from recmanager.store import Database


class FindingKind(StrEnum):
    ORPHAN_FOLDER = "orphan-folder"
    MISSING_FOLDER = "missing-folder"
    DUPLICATE_IP = "duplicate-ip"
    MANUAL_CLAIM_IMPOSSIBLE = "manual-claim-impossible"
    TREATMENT_FILE_GONE = "treatment-file-gone"
    NEVER_COMPLETED = "never-completed"


class FixKind(StrEnum):
    """The action that fixes a finding; the ui offers it as a button, the CLI names it."""

    CREATE_RECORDER = "create-recorder"  # a recorder for an orphan folder
    CREATE_FOLDER = "create-folder"  # the recorder's folder on the deposit
    EDIT_RECORDER = "edit-recorder"  # change IP / set a manager
    DELETE_TREATMENT = "delete-treatment"  # REST DELETE of the row
    DELETE_FILE = "delete-file"  # remove (or quarantine) the file on the deposit


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    subject: str  # what it is about: a folder, a recorder name, an IP, a path
    message: str
    fix: FixKind
    fix_text: str
    target: dict[str, Any] = field(default_factory=dict)  # ids/paths the fix needs


@dataclass(frozen=True)
class TreatmentRef:
    id: int
    file: str
    recorder_id: int | None


@dataclass(frozen=True)
class IncompleteFile:
    """A deposit file that never completed, and why (from the deposit scan)."""

    path: str
    size: int
    reason: str


def find_problems(
    *,
    recorders: Sequence[RecorderInfo],
    folder_files: dict[str, int],
    deposit_root: str,
    treatments: Sequence[TreatmentRef],
    existing_paths: set[str],
    manual_claim_allowed: bool | None,
    incomplete: Sequence[IncompleteFile] = (),
) -> list[Finding]:
    """Every sanity finding, each with the action that fixes it.

    ``folder_files`` maps each folder under the deposit root to the number of files in it
    that Pod's cron would pick up;
    ``existing_paths`` are the absolute paths of the files on the deposit. Checks that need a
    web-only field skip recorders whose web fields are unknown.
    """
    return [
        *_orphan_folders(recorders, folder_files),
        *_missing_folders(recorders, folder_files),
        *_shared_addresses(recorders),
        *_unclaimable_recorders(recorders, manual_claim_allowed),
        *_treatments_without_file(treatments, existing_paths),
        *_never_completed(incomplete),
    ]


def _orphan_folders(
    recorders: Sequence[RecorderInfo], folder_files: dict[str, int]
) -> Iterator[Finding]:
    """Folders holding recordings that no recorder uses (only when every folder is known)."""
    if not all(r.web_available for r in recorders):
        return
    known_dirs = {r.fields.directory for r in recorders if r.fields.directory}
    for folder, count in sorted(folder_files.items()):
        if count and folder not in known_dirs:
            yield Finding(
                FindingKind.ORPHAN_FOLDER, folder,
                i18n.tr(
                    "Recordings in the folder \"{folder}\": %n. No recorder uses it: Pod "
                    "mails the admins at every cron run until it is fixed.", "",
                    count).format(folder=folder),
                FixKind.CREATE_RECORDER,
                translate("recorders", "Create a recorder for the folder \"{folder}\" (or "
                          "move its files to the right recorder's folder).").format(
                    folder=folder),
                {"directory": folder},
            )


def _missing_folders(
    recorders: Sequence[RecorderInfo], folder_files: dict[str, int]
) -> Iterator[Finding]:
    """Recorders whose folder is not on the deposit."""
    for recorder in recorders:
        folder = recorder.fields.directory
        if recorder.web_available and folder and folder not in folder_files:
            yield Finding(
                FindingKind.MISSING_FOLDER, recorder.name,
                translate("recorders", "The folder \"{folder}\" of the recorder \"{name}\" "
                          "does not exist on the deposit: the device's uploads will fail.").format(
                    folder=folder, name=recorder.name),
                FixKind.CREATE_FOLDER,
                translate("recorders", "Create the folder \"{folder}\" on the deposit (or "
                          "correct the recorder's folder).").format(folder=folder),
                {"recorder_id": recorder.id, "directory": folder},
            )


def _shared_addresses(recorders: Sequence[RecorderInfo]) -> Iterator[Finding]:
    """Recorders that share one IP address."""
    by_ip: dict[str, list[RecorderInfo]] = {}
    for recorder in recorders:
        try:
            by_ip.setdefault(normalise_ip(recorder.fields.address_ip), []).append(recorder)
        except ValueError:
            continue
    for address, same in sorted(by_ip.items()):
        if len(same) > 1:
            names = ", ".join(f"\"{r.name}\"" for r in same)
            yield Finding(
                FindingKind.DUPLICATE_IP, address,
                translate("recorders", "The recorders {names} share the address {ip}: Pod "
                          "cannot tell their notifications apart.").format(
                    names=names, ip=address),
                FixKind.EDIT_RECORDER,
                translate("recorders", "Give each recorder its own device's address."),
                {"recorder_ids": [r.id for r in same]},
            )


def _unclaimable_recorders(
    recorders: Sequence[RecorderInfo], manual_claim_allowed: bool | None
) -> Iterator[Finding]:
    """Manual-claim recorders on a server that does not allow manual claiming."""
    if manual_claim_allowed is not False:
        return
    for recorder in recorders:
        if recorder.mode is RecorderMode.MANUAL_CLAIM:
            yield Finding(
                FindingKind.MANUAL_CLAIM_IMPOSSIBLE, recorder.name,
                translate("recorders", "The recorder \"{name}\" has no manager, but this "
                          "server does not allow manual claiming: its recordings are never "
                          "offered to anyone and Pod mails the admins instead.").format(
                    name=recorder.name),
                FixKind.EDIT_RECORDER,
                translate("recorders", "Set a manager for \"{name}\" (or enable "
                          "ALLOW_MANUAL_RECORDING_CLAIMING on the server).").format(
                    name=recorder.name),
                {"recorder_id": recorder.id},
            )


def _treatments_without_file(
    treatments: Sequence[TreatmentRef], existing_paths: set[str]
) -> Iterator[Finding]:
    """Pod's treatment rows whose file is gone from the deposit."""
    for row in treatments:
        if row.file not in existing_paths:
            yield Finding(
                FindingKind.TREATMENT_FILE_GONE, row.file,
                translate("recorders", "Pod's treatment row {id} points to {path}, which is "
                          "no longer on the deposit.").format(id=row.id, path=row.file),
                FixKind.DELETE_TREATMENT,
                translate("recorders", "Delete the treatment row {id}.").format(id=row.id),
                {"treatment_id": row.id},
            )


def _never_completed(incomplete: Sequence[IncompleteFile]) -> Iterator[Finding]:
    """Deposit files that never completed."""
    for item in incomplete:
        yield Finding(
            FindingKind.NEVER_COMPLETED, item.path,
            translate("recorders", "{path} never completed ({reason}).").format(
                path=item.path, reason=item.reason),
            FixKind.DELETE_FILE,
            translate("recorders", "Delete the file (and upload it again from the device)."),
            {"path": item.path, "size": item.size},
        )


# --- running the checks and their fixes ---------------------------------------------------

# profile.extra key: Pod's ALLOW_MANUAL_RECORDING_CLAIMING as the admins set it. Pod does not
# publish it (REST or web), so the profile states it; absent means "not known".
MANUAL_CLAIMING = "manual_claiming"


def manual_claiming(profile: Profile) -> bool | None:
    value = profile.extra.get(MANUAL_CLAIMING)
    return value if isinstance(value, bool) else None


def leftover_files(listing: Listing) -> list[IncompleteFile]:
    """Deposit files that can never complete: empty files and abandoned recmanager uploads.

    Pod processes a zero-byte file as complete (docs/pod.md section 8); a ``.recmanager-upload``
    name is a deposit that was interrupted before its final rename.
    """
    from recmanager.deposit import UPLOAD_SUFFIX

    found: list[IncompleteFile] = []
    for files in listing.values():
        for remote in files:
            if remote.name.endswith(UPLOAD_SUFFIX):
                found.append(IncompleteFile(remote.path, remote.size, translate(
                    "recorders", "an upload by recmanager that was interrupted")))
            elif remote.size == 0:
                found.append(IncompleteFile(remote.path, 0, translate(
                    "recorders", "zero bytes: the device's transfer failed")))
    return found


@dataclass
class CheckReport:
    findings: list[Finding]
    skipped: list[str]  # checks that could not run, and why

    @property
    def ok(self) -> bool:
        return not self.findings


STALLED_AFTER_S = 3600.0  # an upload still moving (or empty) after an hour never completed


def stalled_files(scan: ScanResult, *, stalled_after_s: float = STALLED_AFTER_S) -> list[
    IncompleteFile
]:
    """Files the deposit scanner has seen uploading for longer than ``stalled_after_s``.

    ``stalled_after_s`` must be at least the scanner's quiet period: before that, a file that
    simply appeared is "uploading" too.
    """
    from recmanager.deposit.scan import UPLOADING

    found = []
    for item in scan.in_state(UPLOADING):
        age = (scan.scanned_at - item.first_seen).total_seconds()
        if age >= stalled_after_s:
            found.append(IncompleteFile(item.path, item.size, translate(
                "recorders", "still not complete {minutes} minutes after it appeared").format(
                minutes=int(age // 60))))
    return found


def deposit_scanner(context: AppContext, profile: Profile) -> Scanner:
    """The profile's deposit scanner on the local store, with the configured quiet period."""
    from recmanager.deposit.scan import Scanner

    return Scanner(context.db, profile.name, float(context.settings.get("quiet_period_s")))


def run_checks(
    service: RecorderService,
    deposit: Deposit,
    *,
    scanner: Scanner | None = None,
    stalled_after_s: float = STALLED_AFTER_S,
) -> CheckReport:
    """Every sanity check against the server and the deposit as they are now.

    With ``scanner`` (the deposit scan of the local store) uploads that have been going on
    for longer than ``stalled_after_s`` count as never completed too.
    """
    from recmanager.inbox.rows import is_candidate

    recorders = service.load()
    listing = deposit.list_all()
    existing = {remote.path for files in listing.values() for remote in files}
    treatments = [TreatmentRef(t.id, t.file, t.recorder_id) for t in service.client.treatments()]
    allowed = manual_claiming(service.profile)
    skipped: list[str] = []
    if not service.web_available:
        skipped.append(translate(
            "recorders", "Folders and modes were not checked: {reason}.").format(
            reason=service.web_reason))
    if allowed is None:
        skipped.append(translate(
            "recorders", "Manual-claim recorders were not checked: the profile does not say "
            "whether this Pod allows manual claiming (ALLOW_MANUAL_RECORDING_CLAIMING)."))
    for folder, error in listing.failed.items():
        skipped.append(translate("recorders", "The folder \"{folder}\" could not be read: "
                                 "{error}").format(folder=folder, error=error))
    incomplete = leftover_files(listing)
    if scanner is not None:
        known = {item.path for item in incomplete}
        after = max(stalled_after_s, scanner.quiet_period.total_seconds())
        incomplete += [item for item in stalled_files(scanner.scan(deposit), stalled_after_s=after)
                       if item.path not in known]
    findings = find_problems(
        recorders=recorders,
        folder_files={folder: sum(is_candidate(f.name) for f in files)
                      for folder, files in listing.items()},
        deposit_root=deposit.root,
        treatments=treatments,
        existing_paths=existing,
        manual_claim_allowed=allowed,
        incomplete=incomplete,
    )
    return CheckReport(findings, skipped)


def create_folder(deposit: Deposit, folder: str) -> str:
    """Create a recorder's folder directly under the deposit root; returns its server path."""
    problem = folder_problem(folder)
    if problem:
        raise ValidationError(problem, fields={"directory": [problem]})
    path = f"{deposit.root}/{folder}"
    deposit._makedirs(path)  # the Deposit interface has no public mkdir; the name is checked
    return path


def apply_fix(
    finding: Finding,
    service: RecorderService,
    deposit: Deposit,
    *,
    db: Database,
    quarantine_dir: str = "",
) -> str:
    """Carry out a finding's fix when it needs no further input; a sentence for the user.

    Creating or editing a recorder needs the user's choices: those fixes go through the
    editor (or ``recmanager recorders create/edit``) and are refused here. Each fix done is
    written to the audit log.
    """
    message = _fix(finding, service, deposit, quarantine_dir)
    audit.record(
        db, profile=service.profile.name, actor=service.profile.actor,
        action=f"sanity-{finding.fix.value}", target=finding.subject, result="ok",
        detail={"finding": finding.kind.value, **finding.target},
    )
    return message


def _fix(finding: Finding, service: RecorderService, deposit: Deposit,
         quarantine_dir: str) -> str:
    if finding.fix is FixKind.DELETE_TREATMENT:
        service.client.delete_treatment(int(finding.target["treatment_id"]))
        return translate("recorders", "Treatment row {id} deleted.").format(
            id=finding.target["treatment_id"])
    if finding.fix is FixKind.CREATE_FOLDER:
        path = create_folder(deposit, str(finding.target["directory"]))
        return translate("recorders", "Folder {path} created.").format(path=path)
    if finding.fix is FixKind.DELETE_FILE:
        path = str(finding.target["path"])
        if quarantine_dir:
            moved = deposit.quarantine(path, quarantine_dir)
            return translate("recorders", "{path} moved to {where}.").format(
                path=path, where=moved.quarantined_path)
        deposit.delete(path)
        return translate("recorders", "{path} deleted.").format(path=path)
    raise RecmanagerError(
        translate("recorders", "This fix needs your choices: {fix}").format(fix=finding.fix_text))
