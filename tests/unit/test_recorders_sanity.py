"""The sanity checks as pure functions: each finding appears, names its fix, and goes away."""

from __future__ import annotations

from recmanager.recorders.model import RecorderFields, RecorderInfo
from recmanager.recorders.sanity import (
    FindingKind,
    FixKind,
    IncompleteFile,
    TreatmentRef,
    find_problems,
)

ROOT = "/data/ftp-pod/ftp"


def rec(rid: int, name: str, ip: str, folder: str, manager: int | None = 2) -> RecorderInfo:
    return RecorderInfo(rid, RecorderFields(name=name, address_ip=ip, directory=folder,
                                            manager_id=manager, salt="s", type_id=1,
                                            publication_auto=False), web_available=True)


def healthy() -> dict:
    return dict(
        recorders=[rec(1, "Amphi A", "192.168.1.10", "amphiA", manager=None),
                   rec(2, "Amphi B", "192.168.1.20", "amphiB")],
        folder_files={"amphiA": 2, "amphiB": 0},
        deposit_root=ROOT,
        treatments=[TreatmentRef(7, f"{ROOT}/amphiA/a.mp4", 1)],
        existing_paths={f"{ROOT}/amphiA/a.mp4", f"{ROOT}/amphiA/b.mp4"},
        manual_claim_allowed=True,
        incomplete=[],
    )


def kinds(**changes) -> dict[FindingKind, list]:
    inputs = healthy()
    inputs.update(changes)
    found: dict[FindingKind, list] = {}
    for finding in find_problems(**inputs):
        found.setdefault(finding.kind, []).append(finding)
    return found


def test_a_healthy_setup_has_no_findings() -> None:
    assert kinds() == {}


def test_orphan_folder_only_when_it_holds_files() -> None:
    found = kinds(folder_files={"amphiA": 2, "amphiB": 0, "unknowndir": 1, "emptydir": 0})
    (orphan,) = found[FindingKind.ORPHAN_FOLDER]
    assert orphan.subject == "unknowndir" and orphan.fix is FixKind.CREATE_RECORDER
    assert orphan.target == {"directory": "unknowndir"} and "cron" in orphan.message


def test_orphan_check_needs_every_recorders_folder() -> None:
    inputs = healthy()
    inputs["recorders"][1].web_available = False
    inputs["folder_files"] = {"amphiA": 2, "unknowndir": 3}
    assert not [f for f in find_problems(**inputs) if f.kind is FindingKind.ORPHAN_FOLDER]


def test_missing_folder() -> None:
    (missing,) = kinds(folder_files={"amphiA": 2})[FindingKind.MISSING_FOLDER]
    assert missing.subject == "Amphi B" and missing.fix is FixKind.CREATE_FOLDER
    assert missing.target == {"recorder_id": 2, "directory": "amphiB"}


def test_duplicate_ips_in_any_spelling() -> None:
    recorders = healthy()["recorders"] + [rec(3, "Amphi C", "::ffff:192.168.1.20", "amphiC")]
    (dup,) = kinds(recorders=recorders, folder_files={"amphiA": 1, "amphiB": 0, "amphiC": 0})[
        FindingKind.DUPLICATE_IP]
    assert dup.subject == "192.168.1.20" and dup.target == {"recorder_ids": [2, 3]}
    assert dup.fix is FixKind.EDIT_RECORDER


def test_manual_claim_when_the_server_cannot_claim() -> None:
    (stuck,) = kinds(manual_claim_allowed=False)[FindingKind.MANUAL_CLAIM_IMPOSSIBLE]
    assert stuck.subject == "Amphi A" and stuck.fix is FixKind.EDIT_RECORDER
    assert FindingKind.MANUAL_CLAIM_IMPOSSIBLE not in kinds(manual_claim_allowed=None)


def test_treatment_whose_file_is_gone() -> None:
    (gone,) = kinds(existing_paths={f"{ROOT}/amphiA/b.mp4"})[FindingKind.TREATMENT_FILE_GONE]
    assert gone.target == {"treatment_id": 7} and gone.fix is FixKind.DELETE_TREATMENT


def test_files_that_never_completed() -> None:
    stalled = IncompleteFile(f"{ROOT}/amphiA/b.mp4", 0, "zero bytes")
    (never,) = kinds(incomplete=[stalled])[FindingKind.NEVER_COMPLETED]
    assert never.fix is FixKind.DELETE_FILE and "zero bytes" in never.message
