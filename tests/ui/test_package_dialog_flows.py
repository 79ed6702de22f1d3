"""The Package dialog as a person types into it: no crash on any input, an output folder
suggested away from the deposit and Pod's media tree, remembered between runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import Qt

from recmanager.config import Profile
from recmanager.errors import PackagingError
from recmanager.packaging import KeyPair, PackageRequest, PackagingJob
from recmanager.packaging.records import JobStore
from recmanager.ui.dialogs.package import PackageDialog
from recmanager.ui.file_dialogs import FolderMemory, first_folder
from recmanager.ui.tasks import TaskRunner

HOSTILE = ["/", "~", "..", "   ", "x" * 300, "Amphi Pierre-Mendès-France/été.mp4",
           "/tmp/a\nb.mp4", "/nowhere/missing.mp4", ""]


@pytest.fixture
def pod_tree(tmp_path, context, media):
    """A Pod server's folders as a mounted profile sees them: the deposit and the media tree."""
    deposit = tmp_path / "pod" / "deposit"
    (deposit / "amphiA").mkdir(parents=True)
    recording = deposit / "amphiA" / "lecture-11.mp4"
    shutil.copyfile(media.clip, recording)
    encoded = tmp_path / "pod" / "media" / "videos" / ("a" * 64) / "lecture.mp4"
    encoded.parent.mkdir(parents=True)
    shutil.copyfile(media.clip, encoded)
    context.profiles.save(Profile(name="mounted", pod_url="https://pod.example.org",
                                  deposit_kind="local", local_deposit=str(deposit)))
    return recording, encoded, tmp_path / "pod"


def open_dialog(qtbot, context) -> PackageDialog:
    dialog = PackageDialog(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("text", HOSTILE)
def test_typing_anything_into_the_input_never_crashes(qtbot, context, text):
    dialog = open_dialog(qtbot, context)
    for character in text:  # typed one at a time, "/" first
        dialog.input_edit.insert(character)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text()


def test_the_suggestion_is_never_in_the_deposit_or_pod_s_media_tree(qtbot, context, pod_tree):
    recording, encoded, pod_root = pod_tree
    for source in (recording, encoded):
        dialog = open_dialog(qtbot, context)
        dialog.input_edit.setText(str(source))
        suggested = dialog.output_edit.text()
        assert suggested == str(first_folder() / f"{source.stem}-dash")
        assert not suggested.startswith(str(pod_root))


def test_an_output_inside_the_deposit_is_warned_about(qtbot, context, pod_tree):
    recording, _encoded, _root = pod_tree
    dialog = open_dialog(qtbot, context)
    dialog.input_edit.setText(str(recording))
    dialog.generate()
    dialog.output_edit.setText(str(recording.parent / "lecture-11-dash"))
    assert "inside the deposit folder" in dialog.problem_label.text()
    assert "Pod's cron" in dialog.problem_label.text()


def test_the_output_folder_is_remembered_and_a_taken_name_is_not_offered(
        qtbot, context, media, tmp_path):
    outputs = tmp_path / "dash-outputs"
    outputs.mkdir()
    dialog = open_dialog(qtbot, context)
    dialog.input_edit.setText(str(media.clip))
    dialog.generate()
    dialog.output_edit.setText(str(outputs / "first"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == 1
    (outputs / "sample-dash").mkdir()
    (outputs / "sample-dash" / "stream.mpd").write_text("taken")
    again = open_dialog(qtbot, context)
    again.input_edit.setText(str(media.clip))
    assert again.output_edit.text() == str(outputs / "sample-dash-2")
    assert FolderMemory(context.paths).folder("package-output") == outputs


def test_a_request_that_cannot_start_is_refused_before_it_is_stored(context, media, tmp_path):
    keys = KeyPair.generate()
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    for request, reason in (
        (PackageRequest(input_path=tmp_path / "gone.mp4", output_dir=tmp_path / "new"),
         "does not exist"),
        (PackageRequest(input_path=media.clip, output_dir=full), "not empty"),
    ):
        with pytest.raises(PackagingError, match=reason):
            PackagingJob.create(context.db, context.secrets, request, keys)
    assert JobStore(context.db).list() == []
    assert (full / "keep.txt").read_text() == "mine"


def test_each_purpose_remembers_its_own_folder_from_home_or_videos(context, tmp_path):
    memory = FolderMemory(context.paths)
    assert memory.folder("bulk-rules") == first_folder()
    assert first_folder() in (Path(platformdirs.user_videos_dir()), Path.home())
    (tmp_path / "rules").mkdir()
    memory.remember("bulk-rules", tmp_path / "rules" / "term.csv")
    assert FolderMemory(context.paths).folder("bulk-rules") == tmp_path / "rules"
    assert FolderMemory(context.paths).folder("package-input") == first_folder()
    assert Path.cwd() != tmp_path / "rules"


def test_browse_opens_in_the_remembered_folder_whatever_was_typed(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    starts: list[str] = []

    def choose_file(parent, caption, start, filters):
        starts.append(start)
        return "", ""

    def choose_folder(parent, caption, start):
        starts.append(start)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose_file)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    dialog = open_dialog(qtbot, context)
    for text in HOSTILE:
        dialog.input_edit.setText(text)
        dialog.output_edit.setText("/" + text + "/out")
        dialog.browse_input.click()
        dialog.browse_output.click()
    assert len(starts) == 2 * len(HOSTILE)
    assert all(Path(start).is_dir() for start in starts)
    assert str(Path.cwd()) not in starts or Path.cwd() == first_folder()
