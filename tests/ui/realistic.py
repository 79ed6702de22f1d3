"""A day's inbox with the names real lecture halls give their files and recorders: long
dated file names, accented hall names, a zip with slides, a folder no recorder owns.

The screen tests and the screenshots show these rather than the sandbox's short names,
which would hide every column that is too narrow.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from recmanager.inbox.rows import InboxRecorder, InboxRow, RowState
from recmanager.recorders.mode import RecorderMode

LONG_FILE = "2026-11-20_amphi-A_L2-droit-constitutionnel.mp4"
LONG_RECORDER = "Amphi Pierre-Mendès-France"
MULTICAM_RECORDER = "Salle 214 — Multicam (bât. Droit)"  # as long as the sandbox's longest
ZIP_FILE = "2026-11-17_salle-214_L3-maths-analyse.zip"  # 41 characters
ROOT = "/data/ftp-pod/ftp"

RECORDERS = (
    InboxRecorder(1, LONG_RECORDER, directory="amphiA", mode=RecorderMode.MANUAL_CLAIM),
    InboxRecorder(2, "Amphi B (managed, email)", directory="amphiB",
                 mode=RecorderMode.MANAGER_NOTIFIED, manager="alice"),
    InboxRecorder(3, MULTICAM_RECORDER, directory="s214", mode=RecorderMode.AUTO_PUBLISH,
                 manager="bob"),
)

_COURSES = ("L2-droit-constitutionnel", "M1-histoire-du-droit", "L1-introduction-economie",
            "L3-droit-administratif", "M2-contentieux-europeen", "L1-methodologie")


def realistic_rows(count: int = 24, now: datetime | None = None) -> list[InboxRow]:
    """``count`` rows (at least 6) in every state, newest first, three hours apart."""
    now = now or datetime.now(UTC)
    rows = [
        InboxRow(path=f"{ROOT}/amphiA/{LONG_FILE}", name=LONG_FILE, folder="amphiA",
                 state=RowState.CLAIMABLE, size=2_400_000_000, deposited=now,
                 recorder_id=1, recorder_name=LONG_RECORDER,
                 recorder_mode=RecorderMode.MANUAL_CLAIM, treatment_id=100, duration=3723.0),
        InboxRow(path=f"{ROOT}/amphiB/2026-11-20_amphi-B_seminaire-recherche.mp4",
                 name="2026-11-20_amphi-B_seminaire-recherche.mp4", folder="amphiB",
                 state=RowState.NOTIFIED, size=123_456_789, deposited=now - timedelta(hours=1),
                 recorder_id=2, recorder_name="Amphi B (managed, email)",
                 recorder_mode=RecorderMode.MANAGER_NOTIFIED, treatment_id=101),
        InboxRow(path=f"{ROOT}/s214/{ZIP_FILE}", name=ZIP_FILE, folder="s214",
                 state=RowState.WAITING, size=512_000_000, deposited=now - timedelta(hours=2),
                 recorder_id=3, recorder_name=MULTICAM_RECORDER,
                 recorder_mode=RecorderMode.AUTO_PUBLISH, slides=42),
        InboxRow(path=f"{ROOT}/unknowndir/orphan-recording-2026.mp4",
                 name="orphan-recording-2026.mp4", folder="unknowndir", state=RowState.ORPHAN,
                 size=1000, deposited=now - timedelta(hours=3)),
        InboxRow(path=f"{ROOT}/amphiA/2026-11-21_amphi-A_L2-droit-administratif.mp4",
                 name="2026-11-21_amphi-A_L2-droit-administratif.mp4", folder="amphiA",
                 state=RowState.UPLOADING, size=50_000_000,
                 deposited=now - timedelta(minutes=5), recorder_id=1,
                 recorder_name=LONG_RECORDER, recorder_mode=RecorderMode.MANUAL_CLAIM),
        InboxRow(path=f"{ROOT}/amphiA/gone.mp4", name="2026-11-02_amphi-A_L1-methodologie.mp4",
                 folder="amphiA", state=RowState.MISSING, size=0,
                 deposited=now - timedelta(days=9), recorder_id=1,
                 recorder_name=LONG_RECORDER, treatment_id=102),
    ]
    for number in range(max(0, count - len(rows))):
        name = f"2026-11-{19 - number % 18:02d}_amphi-A_{_COURSES[number % len(_COURSES)]}.mp4"
        rows.append(InboxRow(
            path=f"{ROOT}/amphiA/{number}-{name}", name=name, folder="amphiA",
            state=RowState.CLAIMABLE, size=1_900_000_000 + number,
            deposited=now - timedelta(hours=4 + 3 * number), recorder_id=1,
            recorder_name=LONG_RECORDER, recorder_mode=RecorderMode.MANUAL_CLAIM,
            treatment_id=200 + number, duration=5400.0 + number))
    return rows


def fill_inbox(inbox, count: int = 24) -> list[InboxRow]:
    """Show the realistic recorders and rows in an InboxPanel, as a refresh would."""
    inbox.recorders = {recorder.id: recorder for recorder in RECORDERS}
    rows = realistic_rows(count)
    inbox.show_rows(rows)
    return rows


def realistic_plan(now: datetime | None = None):
    """A bulk plan of the realistic rows and the screenshots' deposits, with every kind of
    row the plan window shows: to do with a long title, no rule, an unknown owner, two rules,
    a non-staff owner, and recordings flagged by their inspection (one with two flags).
    Built in the current language (the details are translated as the planner writes them)."""
    from recmanager.bulk.plan import Plan, PlanRow, Problem
    from recmanager.i18n import translate
    from recmanager.inspection.model import Flag, FlagKind
    from recmanager.pod.model import User

    teacher = User(4, "https://pod/rest/users/4/", "mdupont", "Marie", "Dupont-Lefèvre",
                   "marie.dupont@univ.fr", True)
    student = User(3, "https://pod/rest/users/3/", "student1", "", "", "s1@univ.fr", False)
    now = now or datetime.now(UTC)
    recordings = [(row.path, row.name, row.recorder_name or LONG_RECORDER)
                  for row in realistic_rows(24, now)]
    recordings += [
        (f"{ROOT}/amphi-pmf/{name}", name, LONG_RECORDER)
        for name in ("2026-11-24_amphi-PMF_L3-histoire-contemporaine.mp4",
                     "2026-11-24_amphi-PMF_L3-sociologie-des-organisations.mp4")]
    recordings += [
        (f"{ROOT}/salleE/2026-11-25_salle-E_TD-anglais-juridique-groupe-3.mp4",
         "2026-11-25_salle-E_TD-anglais-juridique-groupe-3.mp4", "Salle E (managed by teacher1)"),
        (f"{ROOT}/amphiD/2026-11-21_studio-D_M2-histoire-arts.zip",
         "2026-11-21_studio-D_M2-histoire-arts.zip", "Studio D (audiovideocast, manual)"),
    ]
    no_rule = translate("bulk", "No rule matches this recording.")
    rows = []
    for number, (path, name, recorder) in enumerate(recordings):
        row = PlanRow(source_file=path, filename=name, recorder=recorder,
                      start=now - timedelta(days=number), treatment_id=300 + number,
                      owner=teacher.username, owner_user=teacher,
                      title=f"Cours de {recorder} du {now:%d/%m/%Y}")
        kind = number % 5
        if kind == 1:
            row.problem, row.detail = Problem.UNMATCHED, no_rule
            row.owner, row.owner_user, row.title = "", None, ""
        elif kind == 2:
            row.problem, row.owner, row.owner_user = Problem.UNKNOWN_OWNER, \
                "someone.long-name@example.org", None
            row.detail = translate("bulk", "Pod has no user with the login or e-mail "
                                   "\"{owner}\".").format(owner=row.owner)
        elif kind == 3:
            row.problem, row.owner, row.owner_user = Problem.CONFLICT, "mdupont / student1", None
            row.detail = translate("bulk", "Lines {lines} all match: keep one.").format(
                lines="2, 3")
        elif number == 4:
            row.problem, row.owner, row.owner_user = Problem.NON_STAFF_OWNER, "student1", student
        rows.append(row)
    rows[0].flags = (Flag(FlagKind.FALSE_START, {"duration_s": 40.0, "minimum_s": 120.0}),)
    rows[5].flags = (Flag(FlagKind.SILENT, {"windows": 30, "first_s": 9.0, "last_s": 531.0,
                                            "loudest_db": -120.0}),
                     Flag(FlagKind.SHORTER_THAN_SLOT, {"duration_s": 540.0, "slot_s": 7200.0}))
    rows[7].flags = (Flag(FlagKind.CUT_SHORT, {"part": "moov", "size": 1000}),)
    return Plan(plan_id="screen", profile="Université", source="règles-automne-2026.csv",
                rows=rows)
