"""Fixtures of the ui tests: a real task runner on its thread pool, drained after each test."""

from __future__ import annotations

import pytest

from recmanager.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait(30000)
