"""The audit log view: every action with who, when, what, result and error; a filter; CSV."""

from __future__ import annotations

import csv

import pytest

from recmanager import audit
from recmanager.ui.audit_view import AuditView
from tests.ui.screen import language


def test_audit_view_lists_filters_and_exports(qtbot, context, tmp_path):
    audit.record(context.db, profile="p", actor="admin", action="claim",
                 target="/d/amphiA/a.mp4", result="ok", detail={"owner": "teacher1"})
    audit.record(context.db, profile="p", actor="admin", action="delete",
                 target="/d/amphiA/b.mp4", result="refused", error="Only Pod superusers")
    audit.record(context.db, profile="p", actor="cli:admin", action="claim",
                 target="/d/amphiB/c.mp4", result="failed", error="Pod did not answer")
    view = AuditView(context.db)
    qtbot.addWidget(view)
    view.show()
    assert view.table.rowCount() == 3
    assert view.table.item(0, 3).text() == "/d/amphiB/c.mp4"  # newest first
    assert view.table.item(0, 5).text() == "Pod did not answer"
    view.action_combo.setCurrentIndex(view.action_combo.findData("claim"))
    assert view.table.rowCount() == 2
    view.filter_edit.setText("teacher1")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=2000)
    assert "teacher1" in view.table.item(0, 6).text()
    destination = tmp_path / "audit.csv"
    assert view.export(destination=destination) == 1
    with destination.open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["action"], r["target"], r["result"]) for r in rows] == [
        ("claim", "/d/amphiA/a.mp4", "ok")]


@pytest.mark.parametrize("name", ["en_US", "fr_FR"])
def test_result_and_details_show_without_scrolling_sideways(qtbot, context, name):
    """Long paths, errors and details share the room the short columns leave (whole in
    their tooltips): at the view's default size every column is on screen."""
    long_path = "/data/ftp-pod/ftp/amphiA/" + "2026-11-20_amphi-A_L2-droit-constitutionnel" * 2
    audit.record(context.db, profile="p", actor="admin", action="claim", target=long_path,
                 result="failed", error="Pod did not answer in time: " + "x" * 120,
                 detail={"owner": "teacher1", "title": "Droit constitutionnel " * 6})
    audit.record(context.db, profile="p", actor="admin", action="delete", target=long_path,
                 result="refused", error="Seuls les superutilisateurs de Pod peuvent "
                 "supprimer un fichier du dépôt : connectez-vous avec un tel compte",
                 detail={"owner": "mdupont"})
    with language(name):
        view = AuditView(context.db)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        header = view.table.horizontalHeader()
        shown = view.table.viewport().width()
        assert header.sectionViewportPosition(6) + 60 <= shown, "Details starts on screen"
        assert header.sectionViewportPosition(4) + header.sectionSize(4) <= shown
        assert view.table.horizontalScrollBar().maximum() == 0
        assert view.table.item(0, 3).toolTip() == long_path
        metrics = view.table.fontMetrics()
        for row in range(view.table.rowCount()):  # Result whole
            result = view.table.item(row, 4).text()
            assert metrics.horizontalAdvance(result) < header.sectionSize(4)
