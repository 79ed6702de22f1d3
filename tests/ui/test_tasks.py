"""The task runner: work off the GUI thread, everything back as signals on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from recmanager.errors import PodServerError
from recmanager.progress import Progress
from recmanager.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait(5000)


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, runner):
    gui_thread = QThread.currentThread()
    seen: list[tuple[str, bool]] = []
    worker_threads: list[int] = []

    def work(progress, cancel):
        worker_threads.append(threading.get_ident())
        for step in range(3):
            progress(Progress(step + 1, 3, message=f"step {step}"))
        return 42

    def on_progress(progress):
        seen.append((progress.message, QThread.currentThread() is gui_thread))

    def on_result(value):
        seen.append((f"result {value}", QThread.currentThread() is gui_thread))

    task = runner.submit("sum", work, on_result=on_result, on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert seen[-1] == ("result 42", True)
    assert all(on_gui for _, on_gui in seen)
    assert [message for message, _ in seen[:-1]] == ["step 0", "step 1", "step 2"]


def test_errors_travel_back_as_signals(qtbot, runner):
    errors = []

    def work(progress, cancel):
        raise PodServerError("Pod answered 502.", status=502)

    task = runner.submit("fail", work, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], PodServerError) and errors[0].status == 502


def test_cancel_stops_work_at_its_next_check(qtbot, runner):
    started = threading.Event()
    outcomes = []

    def work(progress, cancel):
        started.set()
        while True:
            cancel.check()
            cancel.wait(0.01)

    task = runner.submit("loop", work, on_cancel=lambda: outcomes.append("cancelled"),
                         on_result=lambda _: outcomes.append("result"))
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert outcomes == ["cancelled"]
    assert runner.running == []


def test_synchronous_mode_for_tests(qtbot):
    runner = TaskRunner(synchronous=True)
    results = []
    runner.submit("now", lambda progress, cancel: threading.get_ident(),
                  on_result=results.append)
    assert results == [threading.get_ident()]


def test_a_worker_can_ask_the_gui_thread_and_wait(qtbot, runner):
    from recmanager.ui.tasks import call_on_gui_thread

    gui_thread = QThread.currentThread()
    answers = []

    def ask() -> str:
        return "accept" if QThread.currentThread() is gui_thread else "wrong thread"

    task = runner.submit("ask", lambda progress, cancel: call_on_gui_thread(ask),
                         on_result=answers.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert answers == ["accept"]
