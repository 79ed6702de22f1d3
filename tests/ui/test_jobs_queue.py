"""The Package dialog and the jobs dock with the packaging queue: a real redis-server, a real
`recmanager worker` process, the bundled FFmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest

from recmanager.config import Profile
from recmanager.packaging import JobStatus, JobStore, KeyPair
from recmanager.packaging.records import RUNS_HERE, RUNS_ON_QUEUE
from recmanager.ui.dialogs.package import PackageDialog
from recmanager.ui.jobs_panel import JobsModel, JobsPanel, ObjectRole
from tests.fixtures.processes import free_port

pytestmark = pytest.mark.slow
KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")


def queue_profile(context, media, broker_url: str, public_key: str) -> Profile:
    profile = Profile(name="pod", pod_url="https://pod.example.org/", deposit_kind="local",
                      local_deposit=str(media.clip.parent), packaging_runs_on=RUNS_ON_QUEUE,
                      queue_broker_url=broker_url, queue_public_key=public_key)
    context.profiles.save(profile)
    return profile


def dock_and_dialog(qtbot, context, runner, media) -> tuple[JobsPanel, PackageDialog]:
    """The jobs dock, and the Package dialog filled in for the sample clip on the queue."""
    panel = JobsPanel(context, runner)
    qtbot.addWidget(panel)
    dialog = PackageDialog(context)
    qtbot.addWidget(dialog)
    dialog.input_edit.setText(str(media.clip))
    dialog.output_edit.setText("lecture")
    return panel, dialog


def test_the_dialog_offers_the_queue_as_the_profile_says_and_asks_for_server_paths(
        qtbot, context, media, queue_site):
    plain = PackageDialog(context)
    qtbot.addWidget(plain)
    assert plain.where_combo.currentData() == RUNS_HERE
    assert not plain.where_combo.model().item(1).isEnabled()  # no queue in the profile

    queue_profile(context, media, queue_site.broker_url, queue_site.public_key)
    dialog = PackageDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.where_combo.currentData() == RUNS_ON_QUEUE
    dialog.generate()
    dialog.input_edit.setText("relative/lecture.mp4")
    dialog.output_edit.setText("a/b")
    assert "Give the recording's full path on the server." in dialog.problems()
    assert "Give one new folder name for the workers' output folder." in dialog.problems()
    dialog.input_edit.setText("/data/ftp-pod/ftp/amphiA/lecture.mp4")  # not on this desk
    dialog.output_edit.setText("lecture-dash")
    assert dialog.problems() == []
    request = dialog.request()
    assert request.runs_on == RUNS_ON_QUEUE and request.output_dir == Path("lecture-dash")
    assert request.backend == "ffmpeg"


def test_the_dock_submits_follows_to_ready_with_the_worker_host(qtbot, context, media,
                                                               queue_site, runner):
    queue_profile(context, media, queue_site.broker_url, queue_site.public_key)
    queue_site.start("w1")
    panel, dialog = dock_and_dialog(qtbot, context, runner, media)
    with qtbot.waitSignal(panel.job_finished, timeout=120000) as finished:
        job_id = panel.submit(dialog.request(), KEYS)
    assert finished.args[1] is True, finished.args
    row = panel.model.row_of(job_id)
    record = panel.model.index(row, 0).data(ObjectRole)
    assert record.status is JobStatus.READY and record.worker_host
    assert record.worker_host in panel.model.index(row, JobsModel.COL_BACKEND).data()
    assert (queue_site.output_root / "lecture" / "stream.mpd").is_file()
    events = [item["event"] for item in JobStore(context.db).events(job_id)]
    assert events[0] == "started" and events[-1] == "ready"


def test_a_broker_that_is_down_is_said_and_the_job_is_kept_to_retry(qtbot, context, media,
                                                                   queue_site, runner):
    queue_profile(context, media, f"redis://127.0.0.1:{free_port()}/5", queue_site.public_key)
    panel, dialog = dock_and_dialog(qtbot, context, runner, media)
    with qtbot.waitSignal(panel.job_finished, timeout=60000) as finished:
        job_id = panel.submit(dialog.request(), KEYS)
    assert finished.args[1] is False and "cannot be reached" in finished.args[2]
    record = JobStore(context.db).get(job_id)
    assert record.status is JobStatus.QUEUED and not record.queue_task_id
    row = panel.model.row_of(job_id)
    assert "not submitted" in panel.model.index(row, JobsModel.COL_BACKEND).data()
    panel.select_job(job_id)
    assert panel.action_retry.isEnabled()
    queue_profile(context, media, queue_site.broker_url, queue_site.public_key)  # back up
    queue_site.start("w1")
    with qtbot.waitSignal(panel.job_finished, timeout=120000) as finished:
        panel.retry_selected()
    assert finished.args[1] is True, finished.args
    assert JobStore(context.db).get(job_id).status is JobStatus.READY


def test_cancel_from_the_dock_stops_the_job_on_its_worker(qtbot, context, media, hour_clip,
                                                         queue_site, runner):
    queue_profile(context, media, queue_site.broker_url, queue_site.public_key)
    queue_site.start("w1")
    panel, dialog = dock_and_dialog(qtbot, context, runner, media)
    dialog.input_edit.setText(str(hour_clip))
    job_id = panel.submit(dialog.request(), KEYS)

    def started() -> bool:
        record = JobStore(context.db).get(job_id)
        return record.status is not JobStatus.QUEUED and bool(record.worker_host)

    qtbot.waitUntil(started, timeout=60000)
    panel.select_job(job_id)
    assert panel.action_cancel.isEnabled()
    with qtbot.waitSignal(panel.job_finished, timeout=120000) as finished:
        panel.cancel_selected()
    assert finished.args[1] is False
    assert JobStore(context.db).get(job_id).status is JobStatus.ABORTED
    assert list(queue_site.output_root.iterdir()) == []  # partial output removed
