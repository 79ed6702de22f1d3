"""The sandbox data folder: what a server may use, and what ``--fresh`` may delete."""

from __future__ import annotations

from pathlib import Path

import pytest

from recmanager.errors import RecmanagerError
from recmanager.sandbox.layout import SandboxLayout
from recmanager.sandbox.server import check_data_dir


def test_the_layout_keeps_everything_under_the_data_dir(tmp_path: Path) -> None:
    layout = SandboxLayout(tmp_path)
    for path in (layout.database, layout.deposit_root, layout.media_root, layout.outbox,
                 layout.pristine, layout.credentials_file, layout.state_file, layout.log_file):
        assert path.parent == tmp_path
    assert layout.read_state() is None
    layout.state_file.write_text("{not json")
    assert layout.read_state() is None
    layout.state_file.write_text('{"pid": 42}')
    assert layout.read_state() == {"pid": 42}


def test_a_folder_of_someone_else_is_refused_even_with_fresh(tmp_path: Path) -> None:
    (tmp_path / "thesis.odt").write_text("precious")
    layout = SandboxLayout(tmp_path)
    assert not layout.looks_like_sandbox()
    for fresh in (False, True):
        with pytest.raises(RecmanagerError, match="is not a sandbox data folder"):
            check_data_dir(layout, fresh=fresh)
    assert (tmp_path / "thesis.odt").read_text() == "precious"


def test_new_empty_and_seeded_folders_are_accepted(tmp_path: Path) -> None:
    check_data_dir(SandboxLayout(tmp_path / "new"), fresh=False)
    check_data_dir(SandboxLayout(tmp_path), fresh=False)
    layout = SandboxLayout(tmp_path)
    layout.database.write_bytes(b"")
    layout.deposit_root.mkdir()
    layout.credentials_file.write_text("{}")
    for suffix in ("-wal", "-shm"):  # left by a server that was killed (WAL mode)
        layout.database.with_name(layout.database.name + suffix).write_bytes(b"")
    assert layout.looks_like_sandbox() and layout.seeded
    check_data_dir(layout, fresh=False)


def test_a_half_seeded_sandbox_asks_for_fresh(tmp_path: Path) -> None:
    layout = SandboxLayout(tmp_path)
    layout.database.write_bytes(b"")
    with pytest.raises(RecmanagerError, match="--fresh"):
        check_data_dir(layout, fresh=False)
    check_data_dir(layout, fresh=True)
