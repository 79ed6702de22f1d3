"""The bulk assignment window against the sandbox Pod: load rules, see the plan and its
errors, exclude, apply, retry, export; and the inbox-selection form."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from recmanager.bulk.plan import PlanRow, Status
from recmanager.bulk.report import export_plan, write_report
from recmanager.bulk.rules import read_rules
from recmanager.bulk.run import BulkRun
from recmanager.ui.bulk_plan_model import PlanModel
from recmanager.ui.bulk_window import BulkWindow
from recmanager.ui.tasks import TaskRunner
from tests.integration import test_bulk_sandbox

pod = test_bulk_sandbox.pod  # the seeded sandbox, its deposit uploaded an hour ago


@pytest.fixture
def window(qtbot, pod, context):
    context.settings.set("bulk_concurrency", 1)  # the sandbox's SQLite: one claim at a time
    runner = TaskRunner(synchronous=True)
    shown = BulkWindow(context, pod.profile(context), runner)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def rules_file(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_bytes(
        "enregistreur;fichier;propriétaire;titre\n"
        "Amphi A;lecture-0*;teacher1;{recorder} {stem}\n"
        "Amphi A;lecture-01*;teacher2;\n"
        "Salle E (managed by teacher1);;nobody@example.org;\n".encode("utf-8-sig")
    )
    return path


def state_of(window: BulkWindow, name: str) -> str:
    model = window.model
    for number in range(model.rowCount()):
        if model.index(number, PlanModel.FILE).data() == name:
            return model.index(number, PlanModel.STATE).data()
    raise AssertionError(name)


def test_plan_errors_exclusion_apply_and_report(window, tmp_path, pod):
    window.load_rules(rules_file(tmp_path))
    plan = window.plan
    assert plan is not None and window.model.rowCount() == 18
    assert "errors" in window.summary_label.text().lower()
    assert "matched by two rules" in window.summary_label.text()
    assert state_of(window, "lecture-01.mp4") == "matched by two rules"
    assert state_of(window, "e1.mp4") == "unknown owner"
    assert state_of(window, "lecture-05.mp4") == "to do"
    assert not window.action_apply.isEnabled()
    assert "errors" in window.action_apply.toolTip()

    # Unticking a row excludes it; "Exclude rows with errors" takes out the rest.
    index = next(window.model.index(n, PlanModel.EXCLUDED) for n in range(18)
                 if window.model.index(n, PlanModel.FILE).data() == "lecture-01.mp4")
    assert window.model.setData(index, Qt.CheckState.Unchecked.value,
                                Qt.ItemDataRole.CheckStateRole)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    window.exclude_errors()
    assert not plan.has_errors and window.action_apply.isEnabled()
    window._write(export_plan, tmp_path / "plan.csv")
    assert "rows written" in window.progress_label.text()

    window.apply(confirmed=True)
    assert window.result is not None and window.result.done == 8
    assert state_of(window, "lecture-05.mp4") == "done"
    assert "8 assigned" in window.progress_label.text()
    assert not window.action_retry.isEnabled()
    window._write(write_report, tmp_path / "report.csv")
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as stream:
        outcomes = [line["outcome"] for line in csv.DictReader(stream, delimiter=";")]
    assert outcomes.count("done") == 8 and outcomes.count("excluded") == 10


def test_retry_failed_rows_alone(window, tmp_path, pod):
    window.load_rules(rules_file(tmp_path))
    window.exclude_errors()
    # lecture-05 disappears from the deposit before the run: its claim fails.
    moved = pod.deposit_root / "amphiA" / "lecture-05.mp4"
    kept = tmp_path / "lecture-05.mp4"
    moved.rename(kept)
    window.apply(confirmed=True)
    assert (window.result.done, window.result.failed) == (7, 1)
    assert window.action_retry.isEnabled()
    assert state_of(window, "lecture-05.mp4") == "failed"
    kept.rename(moved)
    window.apply(only_failed=True, confirmed=True)
    assert (window.result.done, window.result.failed) == (1, 0)
    assert state_of(window, "lecture-05.mp4") == "done"
    assert all(row.status is Status.DONE for row in window.plan.rows if not row.excluded)


def test_inbox_selection_with_one_owner(qtbot, pod, context):
    context.settings.set("bulk_concurrency", 1)
    profile = pod.profile(context)
    with BulkRun.open(context, profile) as run:
        selection = [row for row in run.recordings() if row.name in ("b1.mp4", "e2.mp4")]
    window = BulkWindow(context, profile, TaskRunner(synchronous=True), selection=selection)
    qtbot.addWidget(window)
    window.owner_edit.setText("student1")
    window.plan_selection()
    assert window.plan.counts()["non-staff-owner"] == 2
    window.owner_edit.setText("t2@example.org")
    window.title_edit.setText("{stem} ({recorder})")
    qtbot.keyClick(window.owner_edit, Qt.Key.Key_Return)
    assert not window.plan.has_errors
    assert sorted(row.title for row in window.plan.rows) == [
        "b1 (Amphi B (managed, email))", "e2 (Salle E (managed by teacher1))"]
    window.apply(confirmed=True)
    assert window.result.done == 2


def test_the_plan_window_renders(window, tmp_path):
    window.load_rules(rules_file(tmp_path))
    window.resize(1100, 520)
    shot = tmp_path / "bulk-plan.png"
    assert window.grab().save(str(shot))
    image = QImage(str(shot))
    colours = {image.pixel(x, y) for y in range(0, image.height(), 4)
               for x in range(0, image.width(), 4)}
    assert len(colours) > 20  # text, the red error rows and the grey excluded ones


def test_main_window_action_takes_the_inbox_selection(qtbot, context, pod):
    from PySide6.QtCore import QItemSelectionModel

    from recmanager.ui.main_window import MainWindow

    context.settings.set("refresh_interval_s", 0)
    context.settings.set("bulk_concurrency", 1)
    profile = pod.profile(context)
    main = MainWindow(context, profile_name=profile.name, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.inbox.snapshot is not None or main.inbox.offline,
                    timeout=30000)
    proxy, selection = main.inbox.proxy, main.inbox.table.selectionModel()
    for number in range(proxy.rowCount()):
        if proxy.row_at(number).name in ("lecture-07.mp4", "lecture-08.mp4"):
            selection.select(proxy.index(number, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
    assert main.action_bulk in main.toolbar.actions()
    main.action_bulk.trigger()
    (window,) = main.findChildren(BulkWindow)
    assert sorted(row.name for row in window.selection) == ["lecture-07.mp4", "lecture-08.mp4"]
    window.owner_edit.setText("teacher2")
    window.plan_selection()
    window.apply(confirmed=True)
    assert window.result.done == 2
    window.close()


def answer_confirmation(qtbot, window: BulkWindow, key: Qt.Key, seen: dict) -> None:
    """Once the confirmation is up, note what it says and press ``key`` on it."""
    def press() -> None:
        box = window.confirm_box
        seen.update(text=box.text(), informative=box.informativeText(),
                    default=box.defaultButton(),
                    apply=window.confirm_apply_button)
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def test_apply_asks_first_with_the_count_and_the_pod_address(qtbot, window, tmp_path, pod):
    window.load_rules(rules_file(tmp_path))
    window.exclude_errors()
    seen: dict = {}
    answer_confirmation(qtbot, window, Qt.Key.Key_Escape, seen)
    window.action_apply.trigger()
    assert "Claim 8 recordings on " + window.profile.pod_url in seen["text"]
    assert "They go to one owner." in seen["informative"]
    assert seen["default"] is seen["apply"]  # a small run: Enter applies
    assert window.result is None  # Escape: nothing was claimed
    answer_confirmation(qtbot, window, Qt.Key.Key_Return, seen)
    window.action_apply.trigger()
    assert window.result is not None and window.result.done == 8


def test_a_large_run_defaults_to_cancel(window):
    rows = [PlanRow(source_file=f"/d/amphiA/r{n}.mp4", owner="teacher1")
            for n in range(25)]
    box = window.confirmation(rows)
    assert "Claim 25 recordings" in box.text()
    assert box.defaultButton() is not window.confirm_apply_button
    assert box.escapeButton() is box.defaultButton()


def test_the_window_starts_with_the_rules_explained_and_an_example(window, tmp_path, pod):
    assert window.pages.currentWidget() is window.start_page
    help_text = window.start_page.findChild(QLabel, "BulkRulesHelp").text()
    assert "owner" in help_text and "slot" in help_text and "{date:%d/%m/%Y}" in help_text
    example = tmp_path / "example.csv"
    window.save_example(example)
    rules = read_rules(example)
    assert len(rules.rules) == 2 and not rules.problems and not rules.ignored_columns
    window.load_rules(rules_file(tmp_path))
    assert window.pages.currentWidget() is window.plan_page


def test_the_french_example_is_a_valid_rules_file_too(qapp, window, tmp_path):
    from PySide6.QtCore import QLocale

    from recmanager.ui.app import install_translations

    translators = install_translations(qapp, QLocale(QLocale.Language.French))
    try:
        assert translators, "recmanager_fr.qm was not built or not found"
        text = window.example_rules()
        assert text.startswith("enregistreur;fichier")
        example = tmp_path / "exemple.csv"
        window.save_example(example)
        rules = read_rules(example)
        assert len(rules.rules) == 2 and not rules.problems and not rules.ignored_columns
        assert rules.rules[0].slot is not None
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_in_french_at_the_default_size_every_tool_shows_and_the_reason_too(
        qtbot, pod, context, tmp_path):
    from PySide6.QtWidgets import QApplication, QToolButton

    from tests.ui.screen import DEFAULT_SIZE, language

    context.settings.set("bulk_concurrency", 1)
    with language("fr_FR"):
        window = BulkWindow(context, pod.profile(context), TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        window.resize(*DEFAULT_SIZE)
        window.load_rules(rules_file(tmp_path))
        QApplication.processEvents()
        more = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert more is None or not more.isVisible(), window.toolbar.sizeHint().width()
        viewport = window.table.viewport().rect()
        for number in range(window.model.rowCount()):
            if window.model.index(number, PlanModel.STATE).data() == "propriétaire inconnu":
                cell = window.table.visualRect(window.model.index(number, PlanModel.STATE))
                assert viewport.contains(cell), (cell, viewport)
                break
        else:
            raise AssertionError("no row with an unknown owner")
