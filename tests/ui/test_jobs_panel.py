"""The jobs dock and the Package dialog, with real jobs on real clips (bundled FFmpeg)."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from recmanager.errors import PackagingError
from recmanager.packaging import JobStatus, JobStore, KeyPair, PackageRequest, PackagingJob
from recmanager.packaging.inputs import fetched_inputs_folder
from recmanager.progress import Progress
from recmanager.secrets import SecretKind
from recmanager.ui.dialogs.package import PackageDialog
from recmanager.ui.file_dialogs import first_folder
from recmanager.ui.jobs_panel import JobsModel, JobsPanel, ObjectRole, ProgressRole
from recmanager.ui.locale_format import format_size
from recmanager.ui.tasks import TaskRunner
from tests.fixtures.database_states import held_by_another_program, made_newer
from tests.ui.screen import language, text_margin

KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")


@pytest.fixture
def panel(qtbot, context, runner):
    widget = JobsPanel(context, runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 260)
    return widget


def request(source: Path, out: Path) -> PackageRequest:
    return PackageRequest(source, out, backend="ffmpeg")


def _status(panel: JobsPanel, job_id: int) -> JobStatus:
    row = panel.model.row_of(job_id)
    return panel.model.index(row, 0).data(ObjectRole).status


def test_a_job_runs_to_ready_with_progress_from_the_runner_signals(qtbot, panel, media,
                                                                    tmp_path):
    seen: list[str] = []
    panel.job_changed.connect(lambda job_id, status: seen.append(status))
    with qtbot.waitSignal(panel.job_finished, timeout=60000) as finished:
        job_id = panel.submit(request(media.clip, tmp_path / "out"), KEYS)
    assert finished.args[0] == "sample.mp4" and finished.args[1] is True
    assert finished.args[2] == str(tmp_path / "out" / "stream.mpd")
    assert _status(panel, job_id) is JobStatus.READY
    assert "Ingested" in seen and "Encrypted" in seen and seen[-1] == "Ready"
    row = panel.model.row_of(job_id)
    assert panel.model.index(row, JobsModel.COL_PROGRESS).data(ProgressRole) == 100.0
    assert panel.model.index(row, JobsModel.COL_STATUS).data() == "Ready"
    assert panel.model.index(row, JobsModel.COL_MESSAGE).data() == (
        f"The manifest and its segments are in {tmp_path / 'out'}")
    assert panel.running() == []
    assert context_secret(panel, job_id) == KEYS.key_hex


def context_secret(panel: JobsPanel, job_id: int) -> str | None:
    return panel.context.secrets.get(f"job:{job_id}", SecretKind.PACKAGING_KEY)


@pytest.mark.slow
def test_cancel_from_the_panel_aborts_and_retry_completes(qtbot, panel, long_clip, tmp_path):
    out = tmp_path / "out"
    job_id = panel.submit(request(long_clip, out), KEYS)
    panel.select_job(job_id)
    qtbot.waitUntil(
        lambda: panel.model.index(panel.model.row_of(job_id), 0).data(ProgressRole) > 3,
        timeout=30000,
    )
    assert panel.action_cancel.isEnabled() and not panel.action_retry.isEnabled()
    assert "Jobs running: 1" in panel.summary_label.text()
    with qtbot.waitSignal(panel.job_finished, timeout=30000) as finished:
        panel.action_cancel.trigger()
    assert finished.args[1] is False and "Aborted" in finished.args[2]
    assert _status(panel, job_id) is JobStatus.ABORTED
    assert list(tmp_path.iterdir()) == []
    assert panel.action_retry.isEnabled() and not panel.action_cancel.isEnabled()
    with qtbot.waitSignal(panel.job_finished, timeout=90000) as finished:
        panel.action_retry.trigger()
    assert finished.args[1] is True
    assert _status(panel, job_id) is JobStatus.READY


def test_failed_job_shows_its_reason(qtbot, panel, media, tmp_path):
    with qtbot.waitSignal(panel.job_finished, timeout=30000) as finished:
        job_id = panel.submit(request(media.truncated_moov_at_end, tmp_path / "out"), KEYS)
    assert finished.args[1] is False and "cut short" in finished.args[2]
    row = panel.model.row_of(job_id)
    assert "cut short" in panel.model.index(row, JobsModel.COL_MESSAGE).data()
    panel.select_job(job_id)
    assert panel.action_retry.isEnabled() and not panel.action_copy.isEnabled()


def test_a_failed_job_is_removed_with_its_key_and_downloaded_copy_once_confirmed(
        qtbot, panel, media, monkeypatch):
    copy = fetched_inputs_folder(panel.context.paths) / "amphiA" / "cours-2026-12-04.mp4"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(media.truncated_moov_at_end, copy)
    with qtbot.waitSignal(panel.job_finished, timeout=30000):
        job_id = panel.submit(request(copy, copy.parent / "dash"), KEYS)
    panel.select_job(job_id)
    assert panel.action_remove.isEnabled() and context_secret(panel, job_id) == KEYS.key_hex
    questions: list[str] = []

    def answer(reply):
        def ask(parent, title, text, *args):
            questions.append(text)
            return reply
        return staticmethod(ask)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    panel.action_remove.trigger()
    assert panel.model.row_of(job_id) >= 0 and copy.exists()
    size = format_size(copy.stat().st_size)
    assert questions == [
        f"Remove job {job_id} (cours-2026-12-04.mp4) from the list? Its key is deleted: it "
        "made no package.\n\nThe copy of the recording downloaded for it "
        f"({size}) is deleted too: a new package downloads it again."]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    panel.action_remove.trigger()
    assert panel.model.row_of(job_id) == -1 and JobStore(panel.context.db).list() == []
    assert not copy.exists() and context_secret(panel, job_id) is None
    assert not panel.action_remove.isEnabled()


LECTURE = "2026-12-04_amphi-Pierre-Mendès-France_M2-sociologie-du-travail-séance-11.mp4"


def test_a_long_recording_name_keeps_its_end_in_the_dock(qtbot, panel, media):
    """Lectures of one hall differ at the end of their names: the Input and Output cells
    give way in their middle, the whole path one hover away."""
    copy = fetched_inputs_folder(panel.context.paths) / "amphi-pierre-mendes-france" / LECTURE
    copy.parent.mkdir(parents=True)
    shutil.copyfile(media.truncated_moov_at_end, copy)
    origin = f"/data/ftp-pod/ftp/amphi-pierre-mendes-france/{LECTURE}"
    with qtbot.waitSignal(panel.job_finished, timeout=30000):
        job_id = panel.submit(replace(request(copy, copy.parent / (copy.stem + "-dash")),
                                      input_origin=origin), KEYS)
    row, view = panel.model.row_of(job_id), panel.view
    for column, end in ((JobsModel.COL_INPUT, "-11.mp4"),
                        (JobsModel.COL_OUTPUT, "-11-dash")):
        index = panel.model.index(row, column)
        room = view.columnWidth(column) - 2 * text_margin(view)
        shown = view.fontMetrics().elidedText(index.data(), view.textElideMode(), room)
        assert "…" in shown and shown.endswith(end), shown
    assert panel.model.index(row, JobsModel.COL_INPUT).data(Qt.ItemDataRole.ToolTipRole) == origin


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_every_heading_of_the_dock_is_whole(qtbot, context, runner, name):
    with language(name):
        panel = JobsPanel(context, runner)
        qtbot.addWidget(panel)
        header = panel.view.horizontalHeader()
        cut = [title for column, title in enumerate(panel.model.headers)
               if header.fontMetrics().horizontalAdvance(title) + 2 * text_margin(panel.view)
               > header.sectionSize(column)]
    assert panel.model.headers[0] == {"en_US": "Job", "fr_FR": "Tâche"}[name]
    assert cut == []


def test_a_ready_job_cannot_be_removed(qtbot, panel, media, tmp_path):
    with qtbot.waitSignal(panel.job_finished, timeout=60000):
        job_id = panel.submit(request(media.clip, tmp_path / "out"), KEYS)
    panel.select_job(job_id)
    assert panel.action_open.isEnabled() and not panel.action_remove.isEnabled()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_folder_and_copy_manifest(qtbot, context, media, tmp_path):
    runner = TaskRunner(synchronous=True)
    panel = JobsPanel(context, runner)
    qtbot.addWidget(panel)
    job_id = panel.submit(request(media.clip, tmp_path / "out"), KEYS)
    panel.select_job(job_id)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        panel.action_open.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.urls] == [str(tmp_path / "out")]
    panel.action_copy.trigger()
    assert QGuiApplication.clipboard().text() == str(tmp_path / "out" / "stream.mpd")


def test_jobs_interrupted_by_a_crash_show_as_aborted_at_start(qtbot, context, media, tmp_path):
    job = PackagingJob.create(context.db, context.secrets, request(media.clip, tmp_path / "o"),
                              KEYS)
    JobStore(context.db).update(job.id, status=JobStatus.FRAGMENTED)
    panel = JobsPanel(context, TaskRunner(synchronous=True))
    qtbot.addWidget(panel)
    assert _status(panel, job.id) is JobStatus.ABORTED
    panel.select_job(job.id)
    assert panel.action_retry.isEnabled()
    panel.action_retry.trigger()
    assert _status(panel, job.id) is JobStatus.READY


# --- the Package dialog ---------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, context):
    widget = PackageDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(widget)
    return widget


def test_dialog_checks_keys_as_typed_and_names_the_rule(dialog, media, tmp_path):
    dialog.input_edit.setText(str(media.clip))
    assert dialog.output_edit.text() == str(first_folder() / "sample-dash")
    assert not dialog.ok_button.isEnabled()
    dialog.key_edit.setText("87237d20a19f58a7")
    dialog.kid_edit.setText("oW5AK5BW43HzbTSKpiu3SQ")
    assert "key decodes to 12 bytes" in dialog.key_status.text()
    assert not dialog.ok_button.isEnabled()
    dialog.key_edit.setText("hyN9IKGfWKdAwFaE5pm0qg")
    assert dialog.key_status.text() == "Key and KID are valid: 16 bytes each."
    dialog.output_edit.setText(str(tmp_path / "new"))
    assert dialog.ok_button.isEnabled()
    assert dialog.keys() == KEYS
    made = dialog.request()
    assert (made.input_path, made.output_dir) == (media.clip, tmp_path / "new")


def test_generate_fills_a_valid_new_pair(dialog):
    dialog.generate()
    pair = KeyPair.parse(dialog.key_edit.text(), dialog.kid_edit.text())
    assert pair != KEYS and "valid" in dialog.key_status.text()


def test_without_bento4_ffmpeg_is_chosen_and_cbcs_is_not_offered(dialog):
    assert dialog.backend() == "ffmpeg"
    assert "Bento4 not found" in dialog.backend_combo.itemText(0)
    assert not dialog.backend_combo.model().item(1).isEnabled()
    assert not dialog.scheme_combo.model().item(1).isEnabled()
    assert dialog.all_tracks.isChecked() and not dialog.all_tracks.isEnabled()


def test_prepared_input_and_refusals(qtbot, context, media, tmp_path):
    dialog = PackageDialog(context, prepared_input=media.clip)
    qtbot.addWidget(dialog)
    assert dialog.input_edit.isReadOnly() and not dialog.browse_input.isEnabled()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    dialog.output_edit.setText(str(tmp_path / "full"))
    dialog.generate()
    assert "exists and is not empty" in dialog.problem_label.text()
    assert not dialog.ok_button.isEnabled()


def test_download_step_runs_with_its_own_progress_then_accepts(qtbot, context, media,
                                                               tmp_path):
    reports: list[int] = []

    def download(progress, cancel):
        target = tmp_path / "fetched.mp4"
        for step in range(1, 5):
            cancel.check()
            progress(Progress(step, 4, "B"))
        target.write_bytes(media.clip.read_bytes())
        return target

    dialog = PackageDialog(context, runner=TaskRunner(synchronous=True), download=download,
                           input_label="room-101/lecture.mp4", origin="inbox:room-101",
                           suggested_output=tmp_path / "dash")
    qtbot.addWidget(dialog)
    dialog.download_bar.valueChanged.connect(reports.append)
    assert dialog.input_edit.text() == "room-101/lecture.mp4"
    assert dialog.ok_button.text() == "Download and package"
    dialog.generate()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert reports[:4] == [0, 25, 50, 75] and reports[-1] == 100
    made = dialog.request()
    assert made.input_path == tmp_path / "fetched.mp4" and made.input_origin == "inbox:room-101"


def test_an_inbox_recording_sent_to_the_queue_is_not_downloaded(qtbot, context):
    """On the packaging queue the workers read the recording by its path on the server."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from recmanager.config import Profile
    from recmanager.packaging.records import RUNS_HERE, RUNS_ON_QUEUE
    from recmanager.packaging.sealing import public_key_text

    workers_key = public_key_text(X25519PrivateKey.generate())
    context.profiles.save(Profile(name="pod", pod_url="https://pod.example.org/",
                                  sftp_host="pod.example.org", packaging_runs_on=RUNS_ON_QUEUE,
                                  queue_broker_url="redis://127.0.0.1:1/0",
                                  queue_public_key=workers_key))
    server_path = "/data/ftp-pod/ftp/amphiA/2026-11-20_amphi-A_L2-droit-constitutionnel.mp4"

    def download(progress, cancel):
        raise AssertionError("nothing is downloaded for the queue")

    dialog = PackageDialog(context, runner=TaskRunner(synchronous=True), download=download,
                           input_label=server_path, origin=f"inbox:{server_path}")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.on_queue() and dialog.ok_button.text() == "Package"
    assert dialog.input_edit.toolTip() == server_path  # the whole path, one hover away
    assert dialog.output_edit.toolTip() == dialog.output_edit.text()
    assert dialog.download_note.isHidden()
    assert dialog.output_edit.text() == "2026-11-20_amphi-A_L2-droit-constitutionnel-dash"
    dialog.generate()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok_button.click()
    made = dialog.request()
    assert (made.input_path, made.runs_on) == (Path(server_path), RUNS_ON_QUEUE)
    dialog.where_combo.setCurrentIndex(dialog.where_combo.findData(RUNS_HERE))
    assert dialog.ok_button.text() == "Download and package"
    assert not dialog.download_note.isHidden()


def test_failed_download_keeps_the_dialog_open(qtbot, context, tmp_path):
    def download(progress, cancel):
        raise PackagingError("The recording is gone from the deposit folder.")

    dialog = PackageDialog(context, runner=TaskRunner(synchronous=True), download=download,
                           suggested_output=tmp_path / "dash")
    qtbot.addWidget(dialog)
    dialog.generate()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "gone from the deposit folder" in dialog.problem_label.text()
    assert dialog.result() == 0 and dialog.ok_button.isEnabled()


def test_panel_jobs_push_events_to_the_webhook_in_the_settings(qtbot, context, media, tmp_path):
    from tests.fixtures.webhook_receiver import Receiver

    receiver = Receiver()
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        context.settings.set("webhook_url", receiver.url)
        panel = JobsPanel(context, TaskRunner(synchronous=True))
        qtbot.addWidget(panel)
        job_id = panel.submit(request(media.clip, tmp_path / "out"), KEYS)
        panel.shutdown()  # delivers what is queued
        events = [(body["job_id"], body["event"]) for body in receiver.bodies]
        assert events[0] == (job_id, "started") and events[-1] == (job_id, "ready")
        context.settings.set("webhook_url", "ftp://nowhere/hook")  # unusable: job still runs
        panel.submit(request(media.clip, tmp_path / "out2"), KEYS)
        assert (tmp_path / "out2" / "stream.mpd").is_file()
    finally:
        receiver.shutdown()
        receiver.server_close()
        thread.join(5)


def test_main_window_package_action_runs_a_job_and_notifies(qtbot, context, media, tmp_path,
                                                            monkeypatch):
    from recmanager.ui.main_window import MainWindow

    def fill_and_accept(dialog: PackageDialog) -> int:
        dialog.input_edit.setText(str(media.clip))
        dialog.output_edit.setText(str(tmp_path / "lecture-dash"))
        dialog.generate()
        return 1

    monkeypatch.setattr(PackageDialog, "exec", fill_and_accept)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.action_package in window.toolbar.actions()
    delivered: list[tuple[str, str, str]] = []
    window.notifier.delivered.connect(lambda *args: delivered.append(args))
    window.action_package.trigger()
    record = window.jobs_panel.model.records[0]
    assert record.status is JobStatus.READY
    assert (tmp_path / "lecture-dash" / "stream.mpd").is_file()
    assert delivered and delivered[-1][1] == "Job finished: sample.mp4"


def test_each_profiles_window_shows_its_own_jobs(qtbot, context, tmp_path):
    """Jobs made from the command line for one profile stay out of another's window; jobs
    made without any profile show in every window; a job started in a window is its own."""
    from recmanager.config import Profile
    from recmanager.ui.main_window import MainWindow

    for name in ("prod", "test"):
        context.profiles.save(Profile(name=name, pod_url=f"https://{name}.example/",
                                      sftp_host="h"))
    store = JobStore(context.db)
    made = {
        profile: store.create(PackageRequest(tmp_path / f"{profile or 'none'}.mp4",
                                             tmp_path / "out", profile=profile),
                              backend="ffmpeg", kid=KEYS.kid_hex).id
        for profile in ("prod", "test", "")
    }
    window = MainWindow(context, profile_name="prod", runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    shown = {record.id for record in window.jobs_panel.model.records}
    assert shown == {made["prod"], made[""]}
    window._load_profile("test")  # as the profile menu does, before any refresh
    shown = {record.id for record in window.jobs_panel.model.records}
    assert shown == {made["test"], made[""]}
    assert window.jobs_panel.profile == "test"


def test_the_progress_bar_fills_from_the_left(qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    from recmanager.ui.jobs_panel import ProgressDelegate

    model = QStandardItemModel(1, 1)
    item = QStandardItem("30 %")
    item.setData(30.0, ProgressRole)
    model.setItem(0, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 200, 24)
    option.palette = view.palette()
    option.widget = view
    image = QImage(200, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ProgressDelegate(view).paint(painter, option, model.index(0, 0))
    painter.end()
    middle = image.height() // 2
    left, right = QColor(image.pixel(20, middle)), QColor(image.pixel(180, middle))
    assert left.name() != right.name(), "the filled part is on the left, the rest is not"
    top, bottom = QColor(image.pixel(20, 5)), QColor(image.pixel(20, 19))
    assert abs(top.lightness() - bottom.lightness()) < 60, "filled across its height"


def _window_not_yet_shown(qtbot, context, opened: list[PackageDialog], monkeypatch):
    """A window whose jobs dock is first built by the package action (the deferred start-up
    work has not run); the Package dialog, if it opens, is cancelled and noted."""
    from recmanager.ui.main_window import MainWindow

    monkeypatch.setattr(PackageDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window._jobs_panel is None
    return window


def test_the_package_action_on_a_newer_database_says_why_in_the_dock(qtbot, context,
                                                                       monkeypatch):
    context.db  # noqa: B018 - the database, then written by a newer recmanager
    context.close()
    made_newer(context.paths.database)
    opened: list[PackageDialog] = []
    window = _window_not_yet_shown(qtbot, context, opened, monkeypatch)
    window.package_file()  # raised DatabaseTooNew out of the action, to the crash hook
    assert opened == []  # no job can be recorded: the dialog is not offered
    assert window.jobs_dock.widget() is window.jobs_panel
    assert not window.jobs_dock.isHidden()
    problem = window.jobs_panel.problem_label
    assert not problem.isHidden()
    assert problem.text().startswith("The jobs cannot be shown: ")
    assert "newer recmanager" in problem.text()


def test_the_package_action_on_a_locked_database_says_why_then_works_once_it_is_free(
        qtbot, context, monkeypatch):
    context.db  # noqa: B018
    context.close()
    opened: list[PackageDialog] = []
    with held_by_another_program(context.paths.database):
        window = _window_not_yet_shown(qtbot, context, opened, monkeypatch)
        window.package_file()
        assert opened == []
        assert "in use by another program" in window.jobs_panel.problem_label.text()
        assert not window.jobs_panel.problem_label.isHidden()
    window.package_file()  # the database is free: the dialog opens, the note goes
    assert len(opened) == 1
    assert window.jobs_panel.store_problem == ""
    assert window.jobs_panel.problem_label.isHidden()
    # The dialog goes with its use (each use left a hidden child of the window).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(PackageDialog) == []
