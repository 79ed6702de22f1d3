"""`make screenshots`: a lecture-capture team's day, one picture per step, in each language.

Starts Xvfb, then for each language a child process (``LANG`` set as a user's desktop sets it)
that starts its own sandbox Pod, adds a term's worth of realistically named recordings and a
recorder to it, and walks the real application at its default window size: the first-start
guide (no profile yet), the inbox, a preview playing in the embedded VLC player, a claim for
oneself and one for a colleague, a delete into the quarantine and its undo, a recorder edit
with a wrong IP address, the sanity checks, a bulk plan and its apply, a recording of the inbox
packaged, then a packaging job running and done, and the window offline once the Pod is
stopped. Every step checks that the application reached the state it shows (a step that does
not fails the run), and the picture is what the X screen shows, VLC's video included.

    python packaging/screenshots.py [--out resources/screenshots] [--languages en fr]
                                    [--readme DIR | --no-readme] [--report FILE] [--quick]

Pictures go to ``OUT/journeys/<language>/NN-step.png``; the README's four pictures are cropped
from the English run into ``--readme`` (default: OUT). ``--quick`` (the test suite's run) uses
shorter clips and shorter pauses. Nothing touches the user's own settings: each language has its
own home folders, removed at the end.

Widgets are reached by object name, action or the attribute the application's own tests use,
never by position or by their (translated) text.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = (1280, 800)  # the window keeps its default size (1200×760) inside it
LANGUAGES = {"en": "en_GB.UTF-8", "fr": "fr_FR.UTF-8"}
README_SHOTS = ("main-window", "recorder-editor", "bulk-plan", "jobs-panel")
REPORTS = ("ActionReport", "ActionFailed")  # the inbox's message boxes after an action
# The day in order; each chapter checks the state it shows and takes its pictures.
CHAPTERS = ("first-start", "inbox", "preview", "claim-for-me", "claim-for-colleague", "delete",
            "recorders", "bulk", "packaging", "offline")

# What the journey deposits on top of the sandbox's seed: the names lecture halls really
# write, a recorder whose name is long and accented, a zip whose name is 40 characters.
NEW_RECORDER = {"name": "Amphi Pierre-Mendès-France", "address_ip": "10.12.4.21",
                "directory": "amphi-pmf"}
LONG_LECTURE = "amphiA/2026-11-20_amphi-A_L2-droit-constitutionnel.mp4"
DEPOSITS = (
    LONG_LECTURE,
    "amphiA/2026-11-20_amphi-A_L1-introduction-au-droit-civil.mp4",
    "amphi-pmf/2026-11-23_amphi-PMF_M1-economie-du-developpement.mp4",
    "amphi-pmf/2026-11-24_amphi-PMF_L3-sociologie-des-organisations.mp4",
    "amphi-pmf/2026-11-24_amphi-PMF_L3-histoire-contemporaine.mp4",
    "salleE/2026-11-25_salle-E_TD-anglais-juridique-groupe-3.mp4",
)
LONG_ZIP = "amphiD/2026-11-21_studio-D_M2-histoire-arts.zip"  # the file name: 40 characters
CLAIM_FOR_ME = "amphi-pmf/2026-11-23_amphi-PMF_M1-economie-du-developpement.mp4"
CLAIM_FOR_COLLEAGUE = "amphiA/2026-11-20_amphi-A_L1-introduction-au-droit-civil.mp4"
COLLEAGUE = "teacher1"
TO_DELETE = "amphiA/lecture-04.mp4"
FROM_INBOX = "amphi-pmf/2026-11-24_amphi-PMF_L3-histoire-contemporaine.mp4"  # no rule takes it
WRONG_IP = "10.12.4.321"

# Owners for part of the term, a conflict, a non-staff owner and an unknown one: the plan
# shows each kind of problem next to rows that are fine.
RULES_CSV = """\
enregistreur;fichier;propriétaire;titre
Amphi A;lecture-0[1-5]*.mp4;teacher1;Cours de {recorder} du {date:%d/%m/%Y}
Amphi A;lecture-1*.mp4;teacher2;
Amphi A;lecture-13.mp4;student1;
Amphi Pierre-Mendès-France;*sociologie*.mp4;teacher2;L3 Sociologie des organisations
Salle E (managed by teacher1);e*.mp4;teacher1;TD {filename}
Studio D (audiovideocast, manual);*.zip;someone@example.org;
"""


# --- the X server and the child processes --------------------------------------------------


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display; returns the process and ``:N``."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise SystemExit("Xvfb is not installed: `make system-test-deps` installs it")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        number = pipe.readline().decode().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    display = f":{number}"
    # A client started the moment the number is known may find no server yet, and a window
    # manager that cannot open its display quits at once. (Without -noreset the server also
    # resets when its last client leaves, and a client arriving meanwhile is turned away.)
    deadline = time.monotonic() + 30
    while _root_property(display, "_NET_SUPPORTING_WM_CHECK") is None:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"Xvfb on {display} does not answer")
        time.sleep(0.05)
    return process, display


def _root_property(display: str, name: str) -> str | None:
    """xprop's report of a property of the root window; None while the display does not
    answer."""
    answer = subprocess.run(["xprop", "-display", display, "-root", name],
                            capture_output=True, text=True, check=False)
    return answer.stdout if answer.returncode == 0 else None


def start_window_manager(display: str) -> subprocess.Popen:
    """Openbox, so windows have the title bars and frames a desktop gives them."""
    binary = shutil.which("openbox")
    if binary is None:
        raise SystemExit("openbox is not installed: `make system-test-deps` installs it")
    environment = dict(os.environ, DISPLAY=display)
    with tempfile.TemporaryFile() as said:
        process = subprocess.Popen([binary, "--sm-disable"], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=said,
                                   start_new_session=True)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if "window id" in (_root_property(display, "_NET_SUPPORTING_WM_CHECK") or ""):
                return process
            time.sleep(0.1)
        process.terminate()
        said.seek(0)
        raise SystemExit(f"openbox did not start on {display} (exit {process.wait(10)}): "
                         + said.read().decode(errors="replace")[-2000:])


def language_environment(language: str, display: str, home: Path) -> dict[str, str]:
    """What a desktop session in ``language`` hands the application, in its own home."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("RECMANAGER_", "LC_", "XDG_"))
                   and key not in ("LANGUAGE", "WAYLAND_DISPLAY", "QT_LOGGING_RULES")}
    environment.update(LANG=LANGUAGES[language], LANGUAGE=language, DISPLAY=display,
                       QT_QPA_PLATFORM="xcb", HOME=str(home))
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                          ("XDG_RUNTIME_DIR", "runtime")):
        (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        environment[variable] = str(home / sub)
    return environment


def run_language(language: str, display: str, out: Path, samples: Path, quick: bool,
                 chapters: Sequence[str]) -> dict:
    """The journey in ``language`` in a process of its own; its report."""
    home = Path(tempfile.mkdtemp(prefix="rm-"))  # short: it shows in server paths
    report = home / "report.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--walk", language,
               "--out", str(out), "--samples", str(samples), "--report", str(report),
               "--chapters", *chapters]
    if quick:
        command.append("--quick")
    try:
        finished = subprocess.run(command, env=language_environment(language, display, home),
                                  cwd=ROOT, timeout=900, check=False)
        if not report.exists():
            return {"language": language, "ok": False, "steps": [],
                    "error": f"the journey process ended with {finished.returncode}"}
        return json.loads(report.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(home, ignore_errors=True)


# --- the journey ------------------------------------------------------------------------------


class StepFailed(AssertionError):
    """A step did not reach the state it was meant to show."""


@dataclass
class Step:
    name: str
    pictures: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


class Journey:
    """The running application in one language, and the pictures of its steps."""

    def __init__(self, out: Path, samples: Path, *, quick: bool) -> None:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring

        from recmanager.context import AppContext
        from recmanager.ui.app import prepare_application

        # No keyring: the sandbox's tokens stay in memory for this run, never in the user's.
        keyring.set_keyring(NoKeyring())
        self.context = AppContext.open()
        self.app, self.translators = prepare_application(self.context)
        # An exception reaching the crash hook fails the step it happened in.
        self.crashes: list[str] = []
        sys.excepthook = lambda kind, value, tb: self.crashes.append(
            "".join(traceback.format_exception(kind, value, tb)))
        self.out = out
        self.samples = samples
        self.quick = quick
        self.work = Path(tempfile.mkdtemp(prefix="journey-"))
        self.steps: list[Step] = []
        self.readme: dict[str, Path] = {}
        self.number = 0
        self.window: Any = None
        self.pod: Any = None
        self.profile: Any = None

    # --- waiting and looking ------------------------------------------------------------------

    def wait(self, predicate: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            value = predicate()
            if value:
                return value
            failed = QApplication.activeModalWidget()
            if failed is not None and failed.objectName() == "ActionFailed":
                raise StepFailed(f"{what}: the action failed: {failed.text()} "
                                 f"{failed.informativeText()}")
            time.sleep(0.02)
        raise StepFailed(f"{what}: not reached within {timeout:.0f} s")

    def settle(self, seconds: float | None = None) -> None:
        """Let layouts, animations and the first paint of a new widget finish."""
        seconds = (0.15 if self.quick else 0.5) if seconds is None else seconds
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.02)

    def expect(self, condition: Any, what: str) -> None:
        if not condition:
            raise StepFailed(what)

    def shown_windows(self) -> list[Any]:
        """The top-level windows on screen, the main window first."""
        from PySide6.QtWidgets import QApplication

        others = [w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w is not self.window and w.isWindow()
                  and w.width() > 1 and w.height() > 1]
        return [self.window, *others] if self.window is not None else others

    def picture(self, name: str, *widgets: Any, settle: float | None = None) -> Path:
        """The X screen inside the union of ``widgets`` (default: every shown window), as
        composed, VLC's video surface included (Qt's own grab shows that surface black)."""
        from PySide6.QtCore import QRect

        self.settle(settle)
        area = QRect()
        for widget in widgets or self.shown_windows():
            frame = widget.frameGeometry()
            if not widget.isWindow():
                frame = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
            area = area.united(frame)
        area = area.intersected(QRect(0, 0, *SCREEN))
        self.number += 1
        path = self.out / f"{self.number:02d}-{name}.png"
        subprocess.run(
            ["import", "-display", os.environ["DISPLAY"], "-window", "root", "-crop",
             f"{area.width()}x{area.height()}+{area.x()}+{area.y()}", "+repage", str(path)],
            check=True, timeout=60,
        )
        self.steps[-1].pictures.append(path.name)
        print(f"{path}: {area.width()}x{area.height()}", flush=True)
        return path

    def readme_picture(self, name: str, source: Path) -> None:
        self.readme[name] = source

    @contextmanager
    def step(self, name: str) -> Iterator[Step]:
        step = Step(name)
        self.steps.append(step)
        started = time.monotonic()
        yield step
        self.settle(0.05)
        step.seconds = round(time.monotonic() - started, 1)
        if self.crashes:
            raise StepFailed(f"an exception reached the crash hook:\n{self.crashes[0]}")

    def when_modal(self, handle: Callable[[Any], None], kind: str = "") -> None:
        """Run ``handle(dialog)`` once the next modal dialog (of class ``kind``) shows: a
        dialog run by ``exec()`` keeps the caller waiting until it is answered."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None or not modal.isVisible() or (
                    kind and type(modal).__name__ != kind):
                QTimer.singleShot(50, poll)
                return
            handle(modal)

        QTimer.singleShot(50, poll)

    def accept_dialog(self, dialog: Any) -> None:
        """Press the dialog's accepting button (whatever its words), as a person would."""
        from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

        if isinstance(dialog, QMessageBox):
            for role in (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole):
                for button in dialog.buttons():
                    if dialog.buttonRole(button) == role:
                        button.click()
                        return
        box = dialog.findChild(QDialogButtonBox)
        if box is not None:
            for button in box.buttons():
                if (box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
                        and button.isEnabled()):
                    button.click()
                    return
        dialog.accept()

    @contextmanager
    def confirming(self, name: str, leave: Sequence[str] = ()) -> Iterator[None]:
        """Inside: a question the application asks before a change (if it asks one) is
        pictured as ``<name>-confirm``, then accepted; its reports, and the dialogs of class
        ``leave`` the step fills itself, are left alone."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        answered: set[int] = set()
        armed = [True]

        def poll() -> None:
            if not armed[0]:
                return
            modal = QApplication.activeModalWidget()
            if (modal is not None and modal.isVisible() and id(modal) not in answered
                    and modal.objectName() not in REPORTS
                    and type(modal).__name__ not in leave):
                answered.add(id(modal))
                self.picture(f"{name}-confirm")
                self.accept_dialog(modal)
            QTimer.singleShot(50, poll)

        QTimer.singleShot(50, poll)
        try:
            yield
        finally:
            armed[0] = False

    def close_report(self) -> None:
        self.inbox.report_box.close()
        self.settle(0.05)

    @property
    def inbox(self) -> Any:
        return self.window.inbox

    def rows(self) -> dict[str, Any]:
        """The inbox's rows by their path relative to the deposit root."""
        root = str(self.pod.deposit_root).rstrip("/") + "/"
        return {row.path.removeprefix(root): row for row in self.inbox.model.rows}

    def report(self, previous: Any = None) -> Any:
        """The inbox's report box when it shows (a new one, not ``previous``), else None."""
        box = getattr(self.inbox, "report_box", None)
        return box if box is not None and box is not previous and box.isVisible() else None

    def select(self, relative: str) -> None:
        row = self.rows()[relative]
        self.expect(self.inbox.select_path(row.path), f"{relative} can be selected")
        self.settle(0.05)

    # --- the sandbox and what the journey deposits -------------------------------------------

    def deposit(self) -> None:
        """The realistic names (see the constants above), added to the seeded sandbox the
        way Pod gets them: a recorder saved as the recorder editor saves it, files in the
        deposit, two passes of the cron."""
        from recmanager.media import make_clip
        from recmanager.recorders.model import RecorderFields
        from recmanager.recorders.service import RecorderService
        from recmanager.recorders.validation import generate_hash_key
        from recmanager.sandbox.profile import sandbox_profile
        from recmanager.sandbox.samples import LECTURE
        from recmanager.secrets import SecretKind

        admin = sandbox_profile(self.pod.state(), name="journey-setup", username="admin")
        for kind, secret in ((SecretKind.POD_TOKEN, self.pod.tokens["admin"]),
                             (SecretKind.POD_PASSWORD, self.pod.passwords["admin"])):
            self.context.secrets.set_for_session(admin.name, kind, secret)
        with RecorderService.open(admin, self.context.secrets) as service:
            if not any(info.name == NEW_RECORDER["name"] for info in service.load()):
                service.save(None, RecorderFields(
                    name=NEW_RECORDER["name"], address_ip=NEW_RECORDER["address_ip"],
                    directory=NEW_RECORDER["directory"], salt=generate_hash_key(), type_id=1))
        if self.quick:
            lecture = make_clip(self.work / "lecture.mp4", seconds=5, size="640x360",
                                pattern="testsrc2")
        else:  # a lecture's length, as the sandbox's own: no flag on these recordings
            lecture = make_clip(self.work / "lecture.mp4", **{
                **LECTURE, "size": "640x360", "pattern": "testsrc2", "seconds": 3300})
        for relative in DEPOSITS:
            target = self.pod.deposit_root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lecture, target)
        archive = self.pod.deposit_root / LONG_ZIP
        stem = archive.stem
        with zipfile.ZipFile(archive, "w") as package:
            package.writestr(f"{stem}/cours.smil", "<smil/>")
            package.write(lecture, f"{stem}/media/{stem}.mp4", zipfile.ZIP_STORED)
            for number in range(1, 4):
                package.writestr(f"{stem}/slides/slide-{number:03d}.png", b"")
        # Dated an hour ago: complete at once, as on a working Pod.
        past = time.time() - 3600
        for path in [archive, *(self.pod.deposit_root / r for r in DEPOSITS)]:
            os.utime(path, (past, past))
        self.pod.run_cron()
        self.pod.run_cron()

    # --- the steps ----------------------------------------------------------------------------

    def first_start(self) -> None:
        """No profile yet: the window opens with the guide, filled in and tested."""
        from PySide6.QtWidgets import QWizard

        from recmanager.ui.dialogs.first_run import FirstRunGuide, offer_first_run
        from recmanager.ui.main_window import MainWindow

        with self.step("first-start") as step:
            self.expect(not self.context.profiles.names(), "no profile before the first start")
            self.window = window = MainWindow(self.context)
            window.move(0, 0)
            window.show()
            self.refreshes: list[object] = []
            self.inbox.refreshed.connect(lambda: self.refreshes.append(self.inbox.snapshot))
            self.expect((window.width(), window.height()) == (1200, 760),
                        f"the default window size, not {window.width()}×{window.height()}")
            guide = offer_first_run(window)
            self.expect(isinstance(guide, FirstRunGuide), "the guide opens without a profile")
            self.wait(guide.isVisible, "the guide")
            self.picture("first-start")

            def turn_to(page_of: Any) -> None:
                """Next until the page holding ``page_of`` shows (pages may be added)."""
                for _ in range(len(guide.pageIds())):
                    if page_of.isVisible():
                        return
                    guide.next()
                    self.settle(0.05)
                self.expect(page_of.isVisible(), "the guide's page")

            turn_to(guide.pod_url)
            guide.pod_url.setFocus()
            _type_into(guide.pod_url, self.pod.base_url)
            guide.profile_name.setText("Pod – Université d'exemple")
            guide.token.setText(self.pod.tokens["admin"])
            guide.pod_username.setText("admin")
            guide.pod_password.setText(self.pod.passwords["admin"])
            guide.allow_plain_http.setChecked(True)  # the sandbox speaks plain http
            self.picture("first-start-pod")
            turn_to(guide.deposit_kind)
            guide.deposit_kind.setCurrentIndex(guide.deposit_kind.findData("local"))
            guide.local_deposit.setText(str(self.pod.deposit_root))
            guide.deposit_root.setText(str(self.pod.deposit_root))
            self.picture("first-start-deposit")
            turn_to(guide.test_page)
            self.wait(lambda: guide.test_page.ran, "the connection test", 60)
            # All pass but TLS: the sandbox speaks plain http.
            failed = [(r.part, r.message) for r in guide.results if not r.ok]
            self.expect(len(guide.results) > 2 and len(failed) <= 1,
                        f"the checks pass (TLS aside): {failed}")
            self.picture("first-start-tested")
            guide.button(QWizard.WizardButton.FinishButton).click()
            self.wait(lambda: window.profile is not None, "the saved profile in the window")
            step.state = {"checks": len(guide.results), "profile": window.profile.name}

        # The quarantine folder has no field in the guide: set as the profile file would.
        self.profile = window.profile
        self.profile.quarantine_dir = str(self.work / "quarantine")
        self.context.profiles.save(self.profile)

    def inbox_shown(self) -> None:
        from recmanager.inbox.rows import RowState

        with self.step("inbox") as step:
            self.wait(lambda: self.refreshes, "the inbox's first refresh", 90)
            rows = self.rows()
            for relative in (*DEPOSITS, LONG_ZIP):
                self.expect(relative in rows, f"{relative} is listed")
            self.expect(rows[LONG_LECTURE].state is RowState.CLAIMABLE,
                        "the new lecture is claimable")
            self.expect(rows[LONG_LECTURE].recorder_name == "Amphi A", "its recorder")
            self.expect(self.window.jobs_dock.isVisible(), "the jobs dock")
            self.picture("inbox")
            step.state = {"rows": len(rows),
                          "claimable": sum(r.state is RowState.CLAIMABLE for r in rows.values())}

    def preview_playing(self) -> None:
        with self.step("preview-playing") as step:
            self.select(LONG_LECTURE)
            preview = self.inbox.preview
            self.wait(lambda: bool(preview.url), "the preview's address", 30)
            self.expect(preview.can_embed, "VLC embeds in the window")
            self.window.raise_()
            self.window.activateWindow()
            self.settle()
            preview.play()
            # No raise or repaint from here: it would paint the video area black again.
            self.wait(lambda: preview.state == "playing" and preview.time_ms > 1500,
                      "the preview playing", 30)
            shot = self.picture("preview-playing", settle=0.3)
            self.readme_picture("main-window", shot)
            step.state = {"state": preview.state, "time_ms": preview.time_ms}
            preview.pause()

    def claim(self, relative: str, name: str, owner: str | None) -> None:
        """Claim ``relative`` for the profile's account (``owner`` None) or a colleague."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QLineEdit

        from recmanager import audit

        with self.step(name) as step:
            self.select(relative)
            self.expect(self.inbox.action_claim.isEnabled(), "Claim is enabled")
            self.inbox.action_claim.trigger()
            dialog = self.wait(lambda: getattr(self.inbox, "claim_dialog", None), "the form")
            self.wait(dialog.isVisible, "the claim form")
            if owner is not None:
                owner_edit = dialog.findChild(QLineEdit, "owner")
                owner_edit.clear()
                # The completer answers keys only in the focused field of the active window.
                dialog.activateWindow()
                owner_edit.setFocus()
                self.wait(owner_edit.hasFocus, "the owner field focused", 10)
                QTest.keyClicks(owner_edit, "Tea")  # the completer proposes the teachers
                popup = owner_edit.completer().popup()
                self.wait(popup.isVisible, "the owner's completions")
                self.picture(name + "-typing")
                # The colleague's proposal, highlighted and taken with Enter.
                proposals = popup.model()
                row = next((number for number in range(proposals.rowCount())
                            if f"({owner})" in proposals.index(number, 0).data()), None)
                self.expect(row is not None, f"{owner} among the proposals")
                popup.setCurrentIndex(proposals.index(row, 0))
                QTest.keyClick(popup, Qt.Key.Key_Return)
                self.wait(lambda: f"({owner})" in owner_edit.text(),
                          f"{owner} chosen, not {owner_edit.text()!r}", 10)
            self.picture(name)
            with self.confirming(name):
                self.accept_dialog(dialog)
                self.wait(lambda: self.report() and relative not in self.rows(),
                          f"the claim's report, and {relative} gone from the inbox", 90)
            self.picture(name + "-done")
            self.close_report()
            entry = audit.entries(self.context.db, action="claim")[0]
            self.expect(entry.result == "ok", f"the claim is in the audit log: {entry}")
            expected = owner or self.profile.pod_username
            self.expect(entry.detail.get("owner") == expected,
                        f"claimed for {expected}, not {entry.detail.get('owner')}")
            step.state = {"owner": entry.detail.get("owner"), "title": entry.detail.get("title")}

    def delete_and_undo(self) -> None:
        from recmanager import audit

        path = self.pod.deposit_root / TO_DELETE
        with self.step("delete-quarantine") as step:
            self.select(TO_DELETE)
            self.expect(self.inbox.action_delete.isEnabled(), "Delete is enabled")
            self.inbox.action_delete.trigger()
            dialog = self.wait(lambda: getattr(self.inbox, "delete_dialog", None), "the dialog")
            self.wait(dialog.isVisible, "the delete dialog")
            self.expect(getattr(dialog, "quarantine", False), "the quarantine is proposed")
            self.picture("delete-quarantine")
            with self.confirming("delete-quarantine"):
                self.accept_dialog(dialog)
                box = self.wait(lambda: TO_DELETE not in self.rows() and self.report(),
                                "the delete's report, and the row gone from the inbox", 90)
            self.expect(not path.exists(), "the file left the deposit")
            self.picture("delete-quarantine-done")
            step.state = {"action": audit.entries(self.context.db)[0].action}
        with self.step("undo") as step:
            from PySide6.QtWidgets import QMessageBox

            undo = next((b for b in box.buttons()
                         if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole), None)
            self.expect(undo is not None, "the report offers Undo")
            with self.confirming("undo"):
                undo.click()
                self.wait(lambda: TO_DELETE in self.rows() and self.report(box),
                          "the undo's report, and the row back in the inbox", 90)
            self.expect(path.exists(), "the file is back in the deposit")
            self.picture("undo-done")
            self.close_report()
            step.state = {"action": audit.entries(self.context.db)[0].action}

    def recorder_wrong_ip(self) -> None:
        from PySide6.QtWidgets import QLabel

        from recmanager.ui.dialogs.recorder_editor import RecorderEditor

        with self.step("recorders") as step:
            self.window.action_recorders.trigger()
            recorders = self.wait(lambda: getattr(self.window, "recorders_window", None),
                                  "the recorders window")
            self.wait(lambda: recorders.model.recorders and recorders.isVisible(),
                      "the recorders list", 60)
            recorders.move(0, 0)
            names = [info.name for info in recorders.model.recorders]
            self.expect(NEW_RECORDER["name"] in names, f"the new recorder is listed: {names}")
            recorder_id = next(info.id for info in recorders.model.recorders
                               if info.name == NEW_RECORDER["name"])
            recorders.select(recorder_id)
            self.picture("recorders", recorders)
            step.state = {"recorders": len(names),
                          "window": [recorders.frameGeometry().width(),
                                     recorders.frameGeometry().height()]}
        with self.step("recorder-wrong-ip") as step:
            recorders.edit_selected()
            editor = self.wait(lambda: _shown(recorders, RecorderEditor), "the recorder editor")
            # The window manager places a new dialog after it is shown: its picture and crop
            # wait for the place (a busy machine showed a crop outside the picture).
            self.wait(lambda: _placed(editor), "the recorder editor placed on the screen")
            shot = self.picture("recorder-edit", recorders, editor)
            self.readme_picture("recorder-editor", self._crop(shot, recorders, editor))
            editor.address_ip.setFocus()
            editor.address_ip.selectAll()
            _type_into(editor.address_ip, WRONG_IP)
            editor.submit()
            self.settle(0.3)
            self.expect(editor.isVisible(), "the editor stays open")
            error = editor.findChild(QLabel, "address_ip_error")
            self.expect(error is not None and error.isVisibleTo(editor) and error.text(),
                        "the IP field says why")
            self.picture("recorder-wrong-ip", recorders, editor)
            step.state = {"error": error.text()}
            editor.reject()
        self.recorders = recorders

    def sanity_panel(self) -> None:
        from PySide6.QtWidgets import QPushButton

        from recmanager.recorders.sanity import FindingKind

        recorders = self.recorders
        with self.step("sanity-panel") as step:
            panel = recorders.sanity_panel
            recorders.tabs.setCurrentWidget(panel)
            panel.findChild(QPushButton, "run_checks").click()
            self.wait(lambda: panel.report is not None, "the sanity checks", 60)
            kinds = [finding.kind for finding in panel.report.findings]
            self.expect(FindingKind.ORPHAN_FOLDER in kinds, f"the orphan folder found: {kinds}")
            tree = panel.findChild(type(panel.tree), "findings")
            tree.setCurrentItem(tree.topLevelItem(0))
            self.picture("sanity-panel", recorders)
            step.state = {"findings": [str(kind) for kind in kinds]}
        recorders.close()

    def bulk(self) -> None:
        from PySide6.QtCore import Qt

        from recmanager.bulk.plan import Status
        from recmanager.ui.bulk_window import BulkWindow

        rules = self.work / "règles-automne-2026.csv"
        rules.write_text(RULES_CSV, encoding="utf-8")
        with self.step("bulk-plan") as step:
            # Bulk assignment with nothing selected asks for a rules file: this one.
            bulk_window = BulkWindow(self.context, self.profile, self.window.runner, self.window)
            bulk_window.setWindowFlag(Qt.WindowType.Window)
            bulk_window.resize(1200, 760)
            bulk_window.move(0, 0)
            bulk_window.show()
            bulk_window.load_rules(rules)
            self.wait(lambda: bulk_window.plan is not None and not bulk_window.busy,
                      "the bulk plan", 120)
            plan = bulk_window.plan
            self.expect(plan.has_errors, "the plan flags its problems before anything changes")
            shot = self.picture("bulk-plan", bulk_window)
            self.readme_picture("bulk-plan", shot)
            step.state = {"rows": len(plan.rows),
                          "counts": {str(k): v for k, v in plan.counts().items()}}
        with self.step("bulk-apply") as step:
            bulk_window.action_exclude_errors.trigger()
            self.expect(bulk_window.action_apply.isEnabled(), "Apply once the errors are out")
            to_apply = len(plan.to_apply())
            count = len(self.refreshes)
            with self.confirming("bulk-apply"):
                bulk_window.action_apply.trigger()
                self.wait(lambda: getattr(bulk_window, "result", None) is not None
                          and not bulk_window.busy, "the bulk apply", 180)
            done = sum(row.status is Status.DONE for row in plan.rows)
            self.expect(done == to_apply, f"{done} of {to_apply} rows applied")
            self.picture("bulk-applied", bulk_window)
            bulk_window.close()
            # The inbox as it stands now (it shows the claimed recordings gone once it
            # refreshed; the picture shows whatever a person sees at this moment).
            self.settle(0.5)
            self.picture("inbox-after-bulk")
            step.state = {"applied": done, "inbox_refreshed": len(self.refreshes) > count}

    def packaging(self) -> None:
        from PySide6.QtWidgets import QLineEdit

        from recmanager.media import ffmpeg_executable, make_clip
        from recmanager.packaging.job import JobStatus

        panel = self.window.jobs_panel
        # A lecture-long file made from a short clip repeated without re-encoding: its
        # packaging lasts long enough for a picture of the job running.
        part = make_clip(self.work / "part.mp4", seconds=4, size="1280x720",
                         pattern="testsrc2", video_bitrate="6M")
        source = self.work / "2026-11-20_amphi-A_L2-droit-constitutionnel.mp4"
        subprocess.run([ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
                        "-stream_loop", "59" if self.quick else "119", "-i", str(part),
                        "-c", "copy", "-movflags", "+faststart", str(source)],
                       check=True, timeout=300)
        dash = self.work / "dash"
        dash.mkdir()

        def package(action: Any, output: Path, source: Path | None = None,
                    picture: str = "") -> int:
            """Package through the Package dialog ``action`` opens: ``source`` typed into
            it, or the recording the inbox has selected; the new job's id."""
            before = {record.id for record in panel.model.records}

            def fill(dialog: Any) -> None:
                if source is not None:
                    dialog.findChild(QLineEdit, "input").setText(str(source))
                dialog.findChild(QLineEdit, "output").setText(str(output))
                dialog.generate_button.click()  # a new key and KID
                if picture:
                    self.picture(picture)
                self.accept_dialog(dialog)

            self.when_modal(fill, "PackageDialog")
            with self.confirming("package", leave=("PackageDialog",)):
                action.trigger()
            return self.wait(lambda: next((record.id for record in panel.model.records
                                           if record.id not in before), None),
                             "the new packaging job", 30)

        def record(job_id: int) -> Any:
            return panel.model.records[panel.model.row_of(job_id)]

        with self.step("packaging-running") as step:
            # A recording of the inbox first (Recordings → Package…: the sandbox's deposit is
            # mounted, so it is read where it lies), done by the time the long one starts.
            self.select(FROM_INBOX)
            first = package(self.inbox.action_package,
                            dash / posixpath.splitext(posixpath.basename(FROM_INBOX))[0])
            self.wait(lambda: not record(first).status.active, "the first job's end", 120)
            self.expect(record(first).status is JobStatus.READY,
                        f"the first job is ready: {record(first).error}")
            self.expect(record(first).input_path == str(self.pod.deposit_root / FROM_INBOX),
                        "the inbox's recording is packaged where it lies")
            job_id = package(self.window.action_package, dash / source.stem, source,
                             "package-dialog")
            self.window.jobs_dock.show()
            panel.select_job(job_id)
            self.wait(lambda: panel.model.percent(record(job_id)) > 0
                      or not record(job_id).status.active, "the job's first progress", 60)
            status = record(job_id).status
            self.expect(status.active or status is JobStatus.READY,
                        f"the job runs: {record(job_id).error}")
            shot = self.picture("packaging-running", settle=0.05)
            ran = job_id in panel.running()
            # The test suite's short file may be done by then (or before its first progress
            # report) on an idle machine.
            self.expect(ran or self.quick, "the job still ran when pictured")
            self.readme_picture("jobs-panel", self._crop(shot, self.window,
                                                         self.window.jobs_dock))
            step.state = {"jobs": [first, job_id], "pictured_running": ran}
        with self.step("packaging-done") as step:
            self.wait(lambda: not panel.running(), "the packaging job's end", 300)
            done = record(job_id)
            self.expect(done.status is JobStatus.READY, f"the job is ready: {done.error}")
            self.expect(any((dash / source.stem).glob("*.mpd")), "the DASH manifest is written")
            self.picture("packaging-done")
            step.state = {"status": str(done.status)}

    def offline(self) -> None:
        with self.step("offline") as step:
            self.pod.stop()
            self.window.action_refresh.trigger()
            self.wait(lambda: self.inbox.offline and self.inbox.banner.isVisible(),
                      "the window offline, with its banner", 90)
            self.expect(not self.inbox.action_claim.isEnabled(), "no claim while offline")
            self.expect(self.inbox.model.rows, "the last known recordings are shown")
            self.select(LONG_LECTURE)
            self.picture("offline")
            step.state = {"rows": len(self.inbox.model.rows)}

    def _crop(self, shot: Path, outer: Any, inner: Any) -> Path:
        """``inner``'s part of a picture of ``outer`` (README pictures show one widget)."""
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QImage

        def area(widget: Any) -> QRect:
            if widget.isWindow():
                return widget.frameGeometry()
            return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())

        outer_area = area(outer).united(area(inner)).intersected(QRect(0, 0, *SCREEN))
        inside = area(inner).translated(-outer_area.topLeft())
        image = QImage(str(shot)).copy(inside)
        path = self.work / f"crop-{shot.name}"
        self.expect(image.save(str(path)), f"the crop of {shot.name}")
        return path

    # --- the whole day ------------------------------------------------------------------------

    def walk(self, chapters: Sequence[str] = CHAPTERS) -> None:
        """The day, or the ``chapters`` of it asked for (the first start and the inbox
        always: every other chapter starts from them)."""
        from tests.fixtures.sandbox import running_sandbox

        day: dict[str, Callable[[], None]] = {
            "preview": self.preview_playing,
            "claim-for-me": lambda: self.claim(CLAIM_FOR_ME, "claim-for-me", None),
            "claim-for-colleague": lambda: self.claim(CLAIM_FOR_COLLEAGUE,
                                                      "claim-for-colleague", COLLEAGUE),
            "delete": self.delete_and_undo,
            "recorders": self.recorders_chapter,
            "bulk": self.bulk,
            "packaging": self.packaging,
            "offline": self.offline,
        }
        with running_sandbox(self.work / "sandbox", self.samples) as pod:
            self.pod = pod
            self.context.settings.set("quiet_period_s", 1)
            self.context.settings.set("refresh_interval_s", 0)  # no refresh mid-picture
            self.deposit()
            self.first_start()
            self.inbox_shown()
            for chapter in CHAPTERS:
                if chapter in chapters and chapter in day:
                    day[chapter]()
            self.window.close()
            self.window.runner.cancel_all()
            self.window.runner.wait(10000)

    def recorders_chapter(self) -> None:
        self.recorder_wrong_ip()
        self.sanity_panel()

    def close(self) -> None:
        self.context.close()
        shutil.rmtree(self.work, ignore_errors=True)


def _type_into(edit: Any, text: str) -> None:
    """One key at a time, as a person types."""
    from PySide6.QtTest import QTest

    QTest.keyClicks(edit, text)


def _placed(window: Any) -> bool:
    """Exposed, and wholly on the screen."""
    from PySide6.QtCore import QRect

    handle = window.windowHandle()
    return (handle is not None and handle.isExposed()
            and QRect(0, 0, *SCREEN).contains(window.frameGeometry()))


def _shown(parent: Any, kind: type) -> Any:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    return shown[-1] if shown else None


def walk(language: str, out: Path, samples: Path, report: Path, quick: bool,
         chapters: Sequence[str]) -> int:
    """The child process: the journey in the language its environment sets."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    journey = Journey(out, samples, quick=quick)
    result: dict[str, Any] = {"language": language, "ok": False, "steps": [], "readme": {}}
    try:
        journey.walk(chapters)
        result["ok"] = True
    except Exception:  # noqa: BLE001 - the report says which step failed and why
        result["error"] = traceback.format_exc()
        print(result["error"], file=sys.stderr, flush=True)
    finally:
        result["steps"] = [step.__dict__ for step in journey.steps]
        keep = out / ".readme"
        keep.mkdir(exist_ok=True)
        for name, source in journey.readme.items():
            shutil.copyfile(source, keep / f"{name}.png")
            result["readme"][name] = str(keep / f"{name}.png")
        journey.close()
        report.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if result["ok"] else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--languages", nargs="+", choices=sorted(LANGUAGES),
                        default=list(LANGUAGES))
    parser.add_argument("--readme", type=Path, help="where the README's pictures go "
                        "(default: OUT)")
    parser.add_argument("--no-readme", action="store_true", help="leave them alone")
    parser.add_argument("--report", type=Path, help="a JSON report of every step")
    parser.add_argument("--quick", action="store_true", help="shorter clips and pauses")
    parser.add_argument("--chapters", nargs="+", choices=CHAPTERS, default=list(CHAPTERS),
                        help="part of the day only (the first start and the inbox always)")
    parser.add_argument("--samples", type=Path, help="a folder that keeps the sandbox's "
                        "sample clips between runs")
    parser.add_argument("--walk", choices=sorted(LANGUAGES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # tests.fixtures: the sandbox as the tests start it
    if args.walk:
        return walk(args.walk, args.out, args.samples, args.report, args.quick, args.chapters)

    out = args.out.resolve()
    samples = args.samples or Path(tempfile.mkdtemp(prefix="rm-samples-"))
    xvfb, display = start_xvfb()
    reports = []
    try:
        window_manager = start_window_manager(display)
        try:
            for language in args.languages:
                reports.append(run_language(language, display, out / "journeys" / language,
                                            samples, args.quick, args.chapters))
        finally:
            window_manager.terminate()
            window_manager.wait(10)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    english = next((r for r in reports if r["language"] == "en" and r["ok"]), None)
    if english is not None and not args.no_readme:
        target = (args.readme or out).resolve()
        target.mkdir(parents=True, exist_ok=True)
        for name, source in english["readme"].items():
            shutil.copyfile(source, target / f"{name}.png")
            print(f"{target / name}.png", flush=True)
    for report in reports:
        shutil.rmtree(out / "journeys" / report["language"] / ".readme", ignore_errors=True)
    if args.samples is None:
        shutil.rmtree(samples, ignore_errors=True)
    if args.report:
        args.report.write_text(json.dumps(reports, indent=2, ensure_ascii=False),
                               encoding="utf-8")
    failed = [r["language"] for r in reports if not r["ok"]]
    for report in reports:
        if not report["ok"]:
            print(f"{report['language']}: {report.get('error', '')}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
